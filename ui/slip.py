"""Draw a referral slip: one A5 page, English and Khmer, with the device-signed code as a QR.

    >>> slip = session.slips.slip(referral_id)                      # doctest: +SKIP
    >>> render_slip_pdf(slip, "slip.pdf", lang="km")                # doctest: +SKIP
    >>> print_slip(slip, parent_window)                              # doctest: +SKIP

Every label and value is printed in both languages, whatever the UI language: the person, the officer and the
receiving agency may read different scripts. ``lang`` picks the primary language, printed first and larger.
The wording of the slip is fixed here rather than run through tr() for the same reason; the Khmer labels
need a native speaker's review.

The painting lives in :func:`paint_slip`, used for PDF, printer and image alike. The QR is drawn as filled
squares from segno's module matrix: no image or temporary file. Needs a QGuiApplication (fonts).
"""

from __future__ import annotations

import os
from typing import Any

import segno

from checkpoint.slips import Slip
from ui.i18n import ensure_khmer_font as _load_khmer_font
from ui.qt import (
    QColor,
    QCoreApplication,
    QFont,
    QFontDatabase,
    QMarginsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPrintDialog,
    QPrinter,
    QRectF,
    QTextOption,
    QWidget,
)

__all__ = ["ensure_khmer_font", "paint_slip", "print_slip", "render_slip_pdf"]

# The slip is laid out in tenths of a millimetre on an A5 page (148 x 210 mm); other A sizes (same proportions)
# scale it.
PAGE_W, PAGE_H = 1480.0, 2100.0
MARGIN = 100.0
CONTENT_W = PAGE_W - 2 * MARGIN
QR_SIDE = 500.0
QR_QUIET = 4  # modules of white around the code, as the QR standard asks
MIN_TEXT_SCALE = 0.6
PDF_DPI = 300

# (English, Khmer). Khmer wording: needs native review.
LABELS: dict[str, tuple[str, str]] = {
    "title": ("Referral slip", "លិខិតបញ្ជូន"),
    "health": ("Health referral (TB)", "ការបញ្ជូនផ្នែកសុខភាព (ជំងឺរបេង)"),
    "protection": ("Referral for assistance", "ការបញ្ជូនដើម្បីទទួលជំនួយ"),
    "child_protection": ("Child referral", "ការបញ្ជូនកុមារ"),
    "referral_id": ("Referral number", "លេខការបញ្ជូន"),
    "checkpoint": ("Checkpoint", "ច្រកត្រួតពិនិត្យ"),
    "date": ("Date", "កាលបរិច្ឆេទ"),
    "urgency": ("Urgency", "ភាពបន្ទាន់"),
    "officer": ("Officer", "មន្ត្រី"),
    "to": ("Refer to", "បញ្ជូនទៅ"),
    "person": ("Person", "សាមីខ្លួន"),
    "sex": ("Sex", "ភេទ"),
    "dob": ("Date of birth", "ថ្ងៃខែឆ្នាំកំណើត"),
    "estimated": ("estimated", "ប៉ាន់ស្មាន"),
    "unknown": ("unknown", "មិនដឹង"),
    "document": ("Document", "ឯកសារ"),
    "reason": ("Reason", "មូលហេតុ"),
    "without_consent": ("Made without consent: immediate danger", "ធ្វើឡើងដោយគ្មានការយល់ព្រម៖ គ្រោះថ្នាក់ភ្លាមៗ"),
    "footer": ("Scan the QR code with Checkpoint to check this slip. The code holds the referral number, "
               "not the person's name.",
               "ស្កេនកូដ QR ជាមួយកម្មវិធី Checkpoint ដើម្បីផ្ទៀងផ្ទាត់លិខិតនេះ។ "
               "កូដនេះមានលេខការបញ្ជូន មិនមានឈ្មោះសាមីខ្លួនទេ។"),
}


def ensure_khmer_font() -> str | None:
    """Load Noto Sans Khmer into Qt's font database once for the whole app; return its family name.

        >>> ensure_khmer_font()                                      # doctest: +SKIP
        'Noto Sans Khmer'

    The same loader as ``ui.i18n.ensure_khmer_font`` (the font is added once, whoever asks first).
    Returns None when the font file is missing; Khmer then depends on the system's fonts. Needs a
    QGuiApplication. Raises nothing.
    """
    return _load_khmer_font()


def render_slip_pdf(slip: Slip, path: str | os.PathLike[str], *, lang: str = "en") -> None:
    """Write the slip as a one-page A5 PDF at ``path`` (replacing a file already there).

        >>> render_slip_pdf(session.slips.slip(rid), tmp / "slip.pdf")   # doctest: +SKIP

    ``lang`` ("en" or "km") is the primary language; both are always printed.
    Raises ValueError for another ``lang``, OSError when the file cannot be written.
    """
    _check_lang(lang)
    target = os.fspath(path)
    writer = QPdfWriter(target)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setResolution(PDF_DPI)
    writer.setTitle(f"Referral slip {slip.referral_id}")
    writer.setCreator("Checkpoint")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Cannot write the slip to {target}.")
    try:
        paint_slip(painter, QRectF(0, 0, writer.width(), writer.height()), slip, lang=lang)
    finally:
        painter.end()
    if not os.path.isfile(target) or os.path.getsize(target) == 0:
        raise OSError(f"Cannot write the slip to {target}.")


def print_slip(slip: Slip, parent: QWidget | None = None, *, lang: str = "en") -> bool:
    """Ask for a printer (the system print dialog, A5 preselected) and print the slip; True when printed.

        >>> print_slip(slip, self)                                    # doctest: +SKIP
        True

    Returns False when the user cancels. Raises ValueError for a ``lang`` other than "en"/"km", OSError when
    the printer cannot be started.
    """
    _check_lang(lang)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    printer.setFullPage(True)  # the slip draws its own margins, wider than any printer's unprintable edge
    printer.setDocName(f"Referral slip {slip.referral_id}")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Slip", "Print referral slip"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started.")
    try:
        paint_slip(painter, printer.paperRect(QPrinter.Unit.DevicePixel), slip, lang=lang)
    finally:
        painter.end()
    return True


def paint_slip(painter: QPainter, rect: QRectF, slip: Slip, *, lang: str = "en") -> QRectF:
    """Paint the slip into ``rect`` (a whole page, any A size); return where the QR code was drawn.

        >>> img = QImage(1480, 2100, QImage.Format.Format_RGB32); img.fill(QColor("white"))  # doctest: +SKIP
        >>> qr = paint_slip(QPainter(img), QRectF(img.rect()), slip)                          # doctest: +SKIP

    Draws the title, referral number, checkpoint, date, urgency, officer, QR code, receiving agency or
    facility, the person's identity and the reason, each labelled in both languages; text is shrunk (down to
    60 %) when long names would run off the page. Raises ValueError for a ``lang`` other than "en"/"km".
    """
    _check_lang(lang)
    scale = rect.width() / PAGE_W
    painter.save()
    try:
        painter.translate(rect.topLeft())
        painter.scale(scale, scale)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        page = _Page(painter, slip, lang, height=rect.height() / scale)
        # Very long names wrap onto many lines: measure first, and shrink the text until it fits the page.
        page.dry = True
        while page.draw()[1] > page.height - MARGIN and page.k > MIN_TEXT_SCALE:
            page.k = max(MIN_TEXT_SCALE, page.k * 0.9)
        page.dry = False
        painter.fillRect(QRectF(0, 0, PAGE_W, page.height), QColor("white"))
        qr = page.draw()[0]
    finally:
        painter.restore()
    return QRectF(rect.left() + qr.left() * scale, rect.top() + qr.top() * scale, qr.width() * scale,
                  qr.height() * scale)


# ---------------------------------------------------------------------------------------------------------------


def _check_lang(lang: str) -> None:
    if lang not in ("en", "km"):
        raise ValueError("lang must be 'en' or 'km'")


class _Page:
    """One slip's drawing, top to bottom, in tenths of a millimetre."""

    def __init__(self, painter: QPainter, slip: Slip, lang: str, *, height: float) -> None:
        self.p = painter
        self.slip = slip
        self.height = height
        self.dry = False  # measure only
        self.k = 1.0  # text scale
        self.matrix: Any = segno.make(slip.token, error="m", micro=False).matrix
        self.primary = 0 if lang == "en" else 1
        khmer = ensure_khmer_font()
        self.families = [khmer, QFont().defaultFamily()] if khmer else [QFont().defaultFamily()]
        self.wrap = QTextOption()
        self.wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    # -- text helpers
    def font(self, size: float, *, bold: bool = False, mono: bool = False) -> QFont:
        f = QFont()
        if mono:
            f = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        else:
            f.setFamilies(self.families)
        f.setPixelSize(max(1, round(size * self.k)))
        f.setBold(bold)
        return f

    def text(self, x: float, y: float, w: float, s: str, size: float, *, bold: bool = False, mono: bool = False,
             color: str = "black") -> float:
        """Draw wrapped text from (x, y) in width w; return the y below it."""
        if not s:
            return y
        self.p.setFont(self.font(size, bold=bold, mono=mono))
        self.p.setPen(QColor(color))
        box = self.p.boundingRect(QRectF(x, y, w, 10_000), s, self.wrap)
        if not self.dry:
            self.p.drawText(QRectF(x, y, w, box.height()), s, self.wrap)
        return y + box.height()

    def pair(self, en: str, km: str) -> tuple[str, str]:
        """(primary, secondary) in the chosen order."""
        return (en, km) if self.primary == 0 else (km, en)

    def inline(self, key: str) -> str:
        return " / ".join(self.pair(*LABELS[key]))

    def label(self, x: float, y: float, w: float, key: str) -> float:
        return self.text(x, y, w, self.inline(key), 27, color="#444444") + 4

    def values(self, x: float, y: float, w: float, en: str, km: str, size: float = 38,
               bold: bool = False) -> float:
        first, second = self.pair(en, km)
        y = self.text(x, y, w, first, size, bold=bold)
        if second and second != first:
            y = self.text(x, y, w, second, size * 0.85)
        return y

    def rule(self, y: float, thick: float = 4) -> float:
        if not self.dry:
            self.p.fillRect(QRectF(MARGIN, y, CONTENT_W, thick), QColor("black"))
        return y + thick + 30

    # -- the page
    def draw(self) -> tuple[QRectF, float]:
        """Lay out (and unless dry, paint) the page; return the QR's box and the bottom of the content."""
        s = self.slip
        x, w = MARGIN, CONTENT_W
        title = self.pair(*LABELS["title"])
        kind = self.pair(*LABELS.get(s.kind, LABELS["protection"]))
        y = self.text(x, MARGIN, w, title[0], 62, bold=True)
        y = self.text(x, y, w, title[1], 34)
        y = self.text(x, y + 6, w, f"{kind[0]} / {kind[1]}", 36, bold=True)
        y = self.rule(y + 16, 6)

        y = self.label(x, y, w, "referral_id")
        y = self.text(x, y, w, s.referral_id, 46, bold=True, mono=True) + 30

        # Left column beside the QR code.
        qr_rect = QRectF(MARGIN + CONTENT_W - QR_SIDE, y, QR_SIDE, QR_SIDE)
        col_w = CONTENT_W - QR_SIDE - 40
        cy = y
        cy = self.label(x, cy, col_w, "checkpoint")
        cy = self.text(x, cy, col_w, s.checkpoint_name, 38) + 22
        cy = self.label(x, cy, col_w, "date")
        cy = self.text(x, cy, col_w, s.created_date.isoformat(), 38) + 22
        cy = self.label(x, cy, col_w, "urgency")
        cy = self.values(x, cy, col_w, s.urgency_en, s.urgency_km, 34,
                         bold=s.urgency == "IMMEDIATE_DANGER") + 22
        if s.without_consent:       # issue 12: duty of care, said on the slip the agency receives
            cy = self.values(x, cy - 16, col_w, *LABELS["without_consent"], 30, bold=True) + 22
        cy = self.label(x, cy, col_w, "officer")
        cy = self.text(x, cy, col_w, s.officer_name, 34)
        if not self.dry:
            self.qr(qr_rect)
        y = self.rule(max(cy, qr_rect.bottom()) + 30)

        y = self.label(x, y, w, "to")
        y = self.values(x, y, w, s.agency_en, s.agency_km, 40, bold=True) + 30

        y = self.label(x, y, w, "person")
        latin = " ".join(n for n in (s.family_name, s.given_names) if n)
        y = self.text(x, y, w, latin, 48, bold=True)
        y = self.text(x, y, w, s.name_khmer, 46, bold=True) + 16
        sex = " / ".join(self.pair(s.sex_en, s.sex_km))
        y = self.text(x, y, w, f"{self.inline('sex')}: {sex}", 32)
        y = self.text(x, y, w, f"{self.inline('dob')}: {self.dob()}", 32)
        if s.document_number or s.document_type_en:
            doc = " / ".join(t for t in self.pair(s.document_type_en, s.document_type_km) if t)
            y = self.text(x, y, w, f"{self.inline('document')}: {s.document_number} · {doc}", 32)
        y = self.rule(y + 30)

        y = self.label(x, y, w, "reason")
        y = self.values(x, y, w, s.reason_en, s.reason_km, 38)

        if not self.dry:  # the footer goes at the foot of the page, if there is room for it
            foot = self.pair(*LABELS["footer"])
            dry, self.dry = self.dry, True
            fh = self.text(x, 0, w, foot[0], 24) + self.text(x, 0, w, foot[1], 24)
            self.dry = dry
            fy = self.height - MARGIN - fh
            if y + 40 < fy:
                fy = self.text(x, fy, w, foot[0], 24, color="#444444")
                self.text(x, fy, w, foot[1], 24, color="#444444")
        return qr_rect, y

    def dob(self) -> str:
        s = self.slip
        if not s.date_of_birth:
            return self.inline("unknown")
        if s.dob_estimated:  # an estimate from an age: the year is all it really says
            return f"{s.date_of_birth[:4]} ({self.inline('estimated')})"
        return s.date_of_birth

    def qr(self, box: QRectF) -> None:
        """The token as a QR code: dark modules as filled squares, runs merged so no seam shows between them."""
        matrix = self.matrix
        n = len(matrix)
        cell = box.width() / (n + 2 * QR_QUIET)
        self.p.fillRect(box, QColor("white"))
        self.p.save()
        self.p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        black = QColor("black")
        for r, row in enumerate(matrix):
            top = box.top() + (r + QR_QUIET) * cell
            bottom = box.top() + (r + QR_QUIET + 1) * cell
            c = 0
            while c < n:
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < n and row[c]:
                    c += 1
                left = box.left() + (start + QR_QUIET) * cell
                right = box.left() + (c + QR_QUIET) * cell
                self.p.fillRect(QRectF(left, top, right - left, bottom - top), black)
        self.p.restore()
