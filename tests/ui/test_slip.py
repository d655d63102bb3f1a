"""The printed referral slip: a real A5 PDF with the Khmer font, and a QR that is exactly the signed code."""

from __future__ import annotations

import re
from datetime import date

import pytest
import segno
from pypdf import PdfReader

import ui.slip
from checkpoint import codelists
from checkpoint.slips import verify_referral_token
from tests.support.helpers import POSITIVE_ADULT, adult, registration
from ui.qt import QColor, QDialog, QFontDatabase, QImage, QPageSize, QPainter, QPrintDialog, QPrinter, QRectF
from ui.slip import QR_QUIET, ensure_khmer_font, paint_slip, print_slip, render_slip_pdf

FACILITY = codelists.health_facilities()[0].code
TB = {"kind": "health", "agency_code": FACILITY, "reason_code": "TB_PRESUMPTIVE", "urgency": "SAME_DAY"}
PROTECTION = {"kind": "protection", "agency_code": "MoSVY_PROVINCIAL_DOSVY", "reason_code": "TRAFFICKING_INDICATORS",
              "urgency": "SAME_DAY"}
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@pytest.fixture
def slips(qtbot, sign_in):
    """A TB slip and a protection slip for one person with a Khmer name (and indicators ticked)."""
    s = sign_in("sokha")
    r = s.registrations.register(**registration(person=adult(name_khmer="សុខ ដារា"),
                                                trafficking={"ticked": POSITIVE_ADULT},
                                                tb={"cough": True, "cough_days": 20}, referrals=[TB, PROTECTION]))
    return {"health": s.slips.slip(r.referral_ids[0]), "protection": s.slips.slip(r.referral_ids[1]),
            "keys": s.slips.trusted_keys()}


def _render(slip, width: int, height: int, lang: str = "en") -> tuple[QImage, QRectF]:
    img = QImage(width, height, QImage.Format.Format_RGB32)
    img.fill(QColor("grey"))
    painter = QPainter(img)
    try:
        qr = paint_slip(painter, QRectF(0, 0, width, height), slip, lang=lang)
    finally:
        painter.end()
    return img, qr


@pytest.fixture
def drawn(monkeypatch) -> list[tuple[str, float]]:
    """Every string the slip painter draws, with the y (tenths of a mm) just below it."""
    seen: list[tuple[str, float]] = []
    real = ui.slip._Page.text

    def spy(self, x, y, w, s, *args, **kwargs):
        below = real(self, x, y, w, s, *args, **kwargs)
        if not self.dry:  # the layout is measured first; keep what is painted
            seen.append((s, below))
        return below

    monkeypatch.setattr(ui.slip._Page, "text", spy)
    return seen


def _dark(img: QImage, x: float, y: float) -> bool:
    return img.pixelColor(int(x), int(y)).lightness() < 128


def test_tb_slip_pdf_is_one_a5_page_with_the_khmer_font(slips, tmp_path) -> None:
    out = tmp_path / "slip.pdf"
    render_slip_pdf(slips["health"], out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 2048
    assert len(_PAGE.findall(data)) == 1
    media = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert media is not None
    a5 = QPageSize(QPageSize.PageSizeId.A5).sizePoints()
    assert (round(float(media[1])), round(float(media[2]))) == (a5.width(), a5.height())
    assert b"NotoSansKhmer" in data  # the Khmer name is set in the bundled font, not in boxes


def test_pdf_text_holds_the_referral_id(slips, tmp_path) -> None:
    out = tmp_path / "slip.pdf"
    render_slip_pdf(slips["health"], out, lang="km")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())  # Qt sets words apart
    assert slips["health"].referral_id in text
    assert "Presumptive TB" in text


@pytest.mark.parametrize(("width", "height", "lang"), [(1480, 2100, "en"), (1050, 1480, "km")])  # A5, A6
def test_the_qr_drawn_is_exactly_the_signed_code(slips, width, height, lang) -> None:
    slip = slips["health"]
    img, qr = _render(slip, width, height, lang)
    assert QRectF(0, 0, width, height).contains(qr)
    matrix = segno.make(slip.token, error="m", micro=False).matrix
    n = len(matrix)
    cell = qr.width() / (n + 2 * QR_QUIET)
    assert cell >= 3, "modules too small to sample"
    dark = 0
    for r in range(n):
        for c in range(n):
            x = qr.left() + (c + QR_QUIET + 0.5) * cell
            y = qr.top() + (r + QR_QUIET + 0.5) * cell
            assert _dark(img, x, y) == bool(matrix[r][c]), f"module {r},{c}"
            dark += bool(matrix[r][c])
    assert 0.3 < dark / (n * n) < 0.7
    # The quiet zone around the code is white, and the finder pattern's corner module is dark.
    for i in range(n + 2 * QR_QUIET):
        t = (i + 0.5) * cell
        assert not _dark(img, qr.left() + t, qr.top() + cell)
        assert not _dark(img, qr.left() + cell, qr.top() + t)
    assert _dark(img, qr.left() + (QR_QUIET + 0.5) * cell, qr.top() + (QR_QUIET + 0.5) * cell)
    # And that code is the slip's own signed token.
    assert verify_referral_token(slip.token, slips["keys"], today=date(2026, 11, 22))["r"] == slip.referral_id


def test_every_string_drawn_on_a_health_slip(slips, drawn) -> None:
    """What reaches the page: identity, facility and reason in both languages, nothing about trafficking."""
    slip = slips["health"]
    for lang in ("en", "km"):
        drawn.clear()
        _render(slip, 740, 1050, lang)
        page = "\n".join(text for text, _y in drawn)
        for expected in (slip.referral_id, "SOK DARA", "សុខ ដារា", slip.agency_en, slip.agency_km, "Poipet",
                         "2026-11-22", slip.reason_en, slip.reason_km, slip.urgency_en, "N1234567", "Sokha",
                         "Referral slip", "លិខិតបញ្ជូន"):
            assert expected in page, f"{expected!r} not drawn ({lang})"
        for word in ("traffick", "indicator", "ilo", "protection", "victim"):
            assert word not in page.lower(), f"{word!r} drawn on a health slip ({lang})"
        first, second = ("Referral slip", "លិខិតបញ្ជូន")[::1 if lang == "en" else -1]
        assert page.index(first) < page.index(second), "the primary language comes first"


def test_protection_slip_draws_a_neutral_reason(slips, drawn) -> None:
    _render(slips["protection"], 740, 1050)
    page = "\n".join(text for text, _y in drawn)
    assert "Referral for protection and assistance" in page
    assert "victim" not in page.lower() and "ILO-" not in page and "indicator" not in page.lower()


def test_long_names_still_fit_on_the_page(qtbot, sign_in, tmp_path, drawn) -> None:
    s = sign_in("sokha")
    person = adult(family_name="A" * 40 + " " + "B" * 39, given_names="C" * 80, name_khmer="ស" * 120)
    r = s.registrations.register(**registration(person=person, trafficking=None, referrals=[TB]))
    slip = s.slips.slip(r.referral_ids[0])
    _img, qr = _render(slip, 740, 1050, "km")
    assert qr.bottom() < 1050
    assert "ស" * 120 in [text for text, _y in drawn]
    assert max(y for _text, y in drawn) <= ui.slip.PAGE_H - ui.slip.MARGIN, "text runs off the page"
    render_slip_pdf(slip, tmp_path / "long.pdf")
    assert len(_PAGE.findall((tmp_path / "long.pdf").read_bytes())) == 1


def test_khmer_font_is_loaded_once(qtbot) -> None:
    family = ensure_khmer_font()
    assert family == "Noto Sans Khmer"
    assert ensure_khmer_font() == family
    assert family in QFontDatabase.families()


def test_bad_language_or_path_is_refused(slips, tmp_path) -> None:
    with pytest.raises(ValueError):
        render_slip_pdf(slips["health"], tmp_path / "x.pdf", lang="fr")
    with pytest.raises(OSError):
        render_slip_pdf(slips["health"], tmp_path / "no-such-folder" / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


class _FakeDialog:
    """Stands in for the system print dialog: 'prints' to a PDF file, or cancels."""

    DialogCode = QDialog.DialogCode
    target: str | None = None

    def __init__(self, printer, parent=None) -> None:
        self.printer = printer

    def setWindowTitle(self, title: str) -> None:
        self.title = title

    def exec(self):
        if self.target is None:
            return QDialog.DialogCode.Rejected
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(self.target)
        return QDialog.DialogCode.Accepted


def test_print_slip_prints_one_a5_page_or_nothing_when_cancelled(slips, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(ui.slip, "QPrintDialog", _FakeDialog)
    assert print_slip(slips["health"], None) is False
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(_FakeDialog, "target", str(out))
    assert print_slip(slips["health"], None, lang="km") is True
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(_PAGE.findall(data)) == 1 and b"NotoSansKhmer" in data


def test_the_real_print_dialog_can_be_built(qtbot) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, None)
    assert dialog.printer() is printer
    dialog.deleteLater()
