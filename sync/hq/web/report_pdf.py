"""The monthly report as a PDF, in Khmer or English (issue 15 point 3): every table of the report pages, one after
the other, on A4 portrait pages that print in black and white.

    >>> pdf = month_pdf(store, parse_period("2026-11"), [], lang="km", threshold=INTERNAL,       # doctest: +SKIP
    ...                 hq="HQ ABCD-EFGH", generated=datetime.now(LOCAL_TZ))
    >>> write_pdf(Path("2026-11-km.pdf"), pdf)                                                   # doctest: +SKIP

The figures come from ONE report (``report_source.full``: ``sync.hq.reports.build_report`` with every section and
dimension), shown table by table exactly as the pages show them (``report_source.table_of`` /
``agency_table``): the same cells, the same "<k" where a cell is withheld, the same labels (``i18n``). Nothing is
counted here. The first page says the period, the checkpoints, when and by which HQ it was made and the threshold
applied; every page carries the period and "page n of N". A chart of arrivals by checkpoint is drawn as vector
shapes (grey bars, no colour needed).

Khmer is shaped by HarfBuzz (fpdf2 with uharfbuzz: subscript consonants and vowels placed as a reader expects),
in Noto Sans Khmer (OFL; the ``fontpkg-noto-sans-khmer`` package HQ already serves to browsers), whose Latin
letters and digits cover the English text too: no system font, no browser. The PDF is deterministic for a given
report, language and ``generated`` time (its dates are set from it).

Raises ValidationError (a plain message) for an unknown language, and StoreError when the font is missing.
"""

from __future__ import annotations

import atexit
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from checkpoint.errors import CheckpointError, StoreError, ValidationError
from sync.hq.reports import TB_DIMENSIONS, Period, Report, write_bytes
from sync.hq.store import HQStore
from sync.hq.web.i18n import LANGUAGES, translate
from sync.hq.web.report_source import (
    AGENCY_LABELS,
    DIMENSION_LABELS,
    REPORTS,
    SERVICE_DIMENSION_LABELS,
    ReportTable,
    agency_table,
    dimensions_for,
    full,
    table_of,
)

__all__ = ["PdfReport", "check_language", "cli_pdf", "font_path", "hq_label", "month_pdf", "render", "static_fonts",
           "write_pdf"]

# How many indicator columns one table holds on an A4 portrait page (the TB cascade's 12 go in two tables).
MAX_COLUMNS = 6
# The breakdowns each report shows, in this order ("total" is every table's last row).
BREAKDOWNS = tuple(d for d in DIMENSION_LABELS if d != "total")
_FAMILY = "NotoSansKhmer"
_MONTH = re.compile(r"\d{4}-\d{2}")
SUPPRESSION_NOTE = ("Cells under the threshold are withheld and shown as <k, with one more cell when needed so they "
                    "cannot be worked out from the total.")            # the report page's words


@dataclass(frozen=True)
class PdfReport:
    data: bytes
    pages: int
    rows: int               # table rows printed (categories; totals not counted)
    threshold: int


def font_path() -> Path:
    """Noto Sans Khmer: from the bundle when frozen, else from the ``fontpkg-noto-sans-khmer`` package."""
    frozen = Path(getattr(sys, "_MEIPASS", "/nonexistent")) / "ui" / "assets" / "NotoSansKhmer.ttf"
    if frozen.is_file():
        return frozen
    try:
        import fontpkg_noto_sans_khmer as f
    except ImportError:
        f = None
    fonts = sorted(Path(f.__file__).parent.glob("files/*.ttf")) if f is not None else []
    if not fonts:
        raise StoreError("HQ cannot make a PDF: the Noto Sans Khmer font (package fontpkg-noto-sans-khmer) is not "
                         "installed. Install checkpoint with its [hq] extra.")
    return fonts[0]


_FONTS: dict[str, Path] = {}
_FONTS_LOCK = threading.Lock()
WEIGHTS = {"": 400.0, "B": 700.0}


def static_fonts() -> dict[str, Path]:
    """Noto Sans Khmer regular and bold as static fonts (the package ships one variable font): made once per process
    (fontTools' instancer: seconds; adding a static font to a PDF: milliseconds) into a folder of this process's own
    (0700, removed at exit), made again if it went missing. Fonts only: nothing of a report is written there."""
    with _FONTS_LOCK:
        if len(_FONTS) == len(WEIGHTS) and all(p.is_file() for p in _FONTS.values()):
            return dict(_FONTS)
        from fontTools.ttLib import TTFont
        from fontTools.varLib.instancer import instantiateVariableFont

        src = font_path()
        folder = Path(tempfile.mkdtemp(prefix="checkpoint-hq-fonts-"))
        atexit.register(shutil.rmtree, folder, True)
        for style, weight in WEIGHTS.items():
            font = instantiateVariableFont(TTFont(str(src)), {"wght": weight, "wdth": 100.0})
            target = folder / f"NotoSansKhmer-{int(weight)}.ttf"
            font.save(str(target))
            _FONTS[style] = target
        return dict(_FONTS)


def month_pdf(store: HQStore, period: Period, checkpoint_names: Sequence[str], *, lang: str, threshold: int,
              hq: str, generated: datetime) -> PdfReport:
    """The report of ``period`` for these checkpoints (names; empty: all) as a PDF in ``lang`` ("en" or "km"),
    cells under ``threshold`` withheld. Raises ValidationError for an unknown language or checkpoint."""
    check_language(lang)
    rep = full(store, period, list(checkpoint_names), threshold)
    return render(rep, lang=lang, hq=hq, generated=generated)


def check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValidationError("language", f"{lang!r} is not one of {', '.join(LANGUAGES)}")


def write_pdf(path: Path, pdf: PdfReport) -> None:
    """A NEW file, 0600, whole or not at all (``sync.hq.reports.write_bytes``: never overwrites)."""
    write_bytes(path, pdf.data)


def _tables(rep: Report) -> list[tuple[str, list[ReportTable | str]]]:
    """(section title, its tables — or a note where HQ computes nothing) in the pages' order."""
    out: list[tuple[str, list[ReportTable | str]]] = []
    for kind, (title, section) in REPORTS.items():
        if not section:
            out.append((title, [table_of(rep, kind, "checkpoint").note]))
            continue
        dims = [d for d in dimensions_for(kind) if section != "tb" or d in TB_DIMENSIONS]   # each its own
        items: list[ReportTable | str] = [table_of(rep, kind, d) for d in dims]
        if kind == "trafficking":
            items += [agency_table(rep, d) for d in AGENCY_LABELS]
        out.append((title, items))
    return out


def _chunks(table: ReportTable) -> list[ReportTable]:
    """A table with more indicator columns than a page holds, as several (the first column repeated)."""
    n = len(table.columns) - 1
    if n <= MAX_COLUMNS:
        return [table]
    out = []
    for lo in range(1, n + 1, MAX_COLUMNS):
        cols = [0, *range(lo, min(lo + MAX_COLUMNS, n + 1))]
        out.append(ReportTable(table.title, tuple(table.columns[i] for i in cols),
                               tuple(tuple(r[i] for i in cols) for r in table.rows),
                               totals=tuple(table.totals[i] for i in cols) if table.totals else (),
                               threshold=table.threshold, note=table.note))
    return out


def render(rep: Report, *, lang: str, hq: str, generated: datetime) -> PdfReport:
    """The PDF of ``rep`` (``report_source.full``) in ``lang``."""
    check_language(lang)
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    def _(text: str) -> str:
        return translate(text, lang)

    label = rep.period.label
    first, last = rep.period.start, rep.period.end - timedelta(days=1)
    span = f"{label} ({first.isoformat()} – {last.isoformat()})" if label != first.isoformat() or first != last \
        else label
    title = _("Monthly report") if _MONTH.fullmatch(label) else _("Report")
    running = f"{_('Checkpoint HQ')} · {title} · {span}"

    class Doc(FPDF):
        def header(self) -> None:
            self.set_font(_FAMILY, "", 8)
            self.cell(0, 5, running, align="L", new_x="LMARGIN", new_y="NEXT")
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(3)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(_FAMILY, "", 8)
            self.cell(0, 5, f"{_('Page')} {self.page_no()} / {{nb}} · {span}", align="C")

    pdf = Doc(orientation="portrait", unit="mm", format="A4")
    for style, path in static_fonts().items():
        pdf.add_font(_FAMILY, style, str(path))
    # HarfBuzz guesses a line's script from its first letter: "2026-12-03 … ដោយ HQ" would be shaped as Latin and the
    # Khmer vowel drawn on a dotted circle. A Khmer report is shaped as Khmer throughout (Latin letters and digits
    # shape the same under it); an English one lets HarfBuzz guess (a Khmer checkpoint name starts its own cell).
    pdf.set_text_shaping(True, script="khmr" if lang == "km" else None)
    pdf.set_margins(15, 12, 15)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_creation_date(generated)
    pdf.set_title(f"{title} {label}")
    pdf.set_author(hq)
    pdf.set_creator("Checkpoint HQ")
    pdf.set_lang("km" if lang == "km" else "en")
    pdf.set_draw_color(0)
    pdf.set_text_color(0)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    # ---- the title lines
    pdf.set_font(_FAMILY, "B", 16)
    pdf.multi_cell(width, 9, f"{_('Checkpoint HQ')} — {title} {label}", new_x="LMARGIN",
                   new_y="NEXT")
    pdf.ln(1)
    cps = ", ".join(rep.checkpoints) if rep.checkpoints else _("All checkpoints")
    when = generated.strftime("%Y-%m-%d %H:%M") + (f" (UTC{_offset(generated)})" if generated.tzinfo else "")
    lines = [(_("Period"), span), (_("Checkpoints"), cps), (_("Generated"), f"{when} · {_('by')} {hq}"),
             (_("Small cells"), f"{_('withheld under')} {rep.threshold}" if rep.threshold > 1 else
              _("Every figure is shown, even a single person: do not share this page."))]
    for key, value in lines:
        pdf.set_font(_FAMILY, "B", 10)
        pdf.cell(32, 6, key)
        pdf.set_font(_FAMILY, "", 10)
        pdf.multi_cell(width - 32, 6, value, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(_FAMILY, "", 9)
    pdf.ln(1)
    if rep.threshold > 1:
        pdf.multi_cell(width, 5, f"{_(SUPPRESSION_NOTE)} (k = {rep.threshold})", new_x="LMARGIN", new_y="NEXT")
    if rep.stale_since:
        pdf.set_font(_FAMILY, "B", 9)
        pdf.multi_cell(width, 5, _("The reporting facts missed a batch: figures may be low until the facts are "
                                   "rebuilt."), new_x="LMARGIN", new_y="NEXT")
    sections = _tables(rep)
    _chart(pdf, sections, _, width)

    rows = 0
    for title, items in sections:
        if pdf.get_y() > pdf.h - 60:
            pdf.add_page()
        pdf.ln(4)
        pdf.set_font(_FAMILY, "B", 14)
        pdf.start_section(_(title))
        pdf.multi_cell(width, 8, _(title), new_x="LMARGIN", new_y="NEXT")
        for item in items:
            if isinstance(item, str):
                pdf.set_font(_FAMILY, "", 10)
                pdf.multi_cell(width, 6, _(item), new_x="LMARGIN", new_y="NEXT")
                continue
            for part in _chunks(item):
                rows += _table(pdf, part, _, width, FontFace)
    return PdfReport(bytes(pdf.output()), pdf.pages_count, rows, rep.threshold)


def _offset(t: datetime) -> str:
    off = t.utcoffset() or timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"{sign}{h}" + (f":{m:02d}" if m else "")


def _table(pdf: Any, t: ReportTable, _: Any, width: float, FontFace: Any) -> int:
    """One table: its breakdown as a small heading, the header row repeated on a new page, the total in bold."""
    if pdf.get_y() > pdf.h - 45:             # a heading never alone at the foot of a page
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font(_FAMILY, "B", 10)
    shown = (*DIMENSION_LABELS.values(), *SERVICE_DIMENSION_LABELS.values())
    heading = f"{_(t.title)} — {_(t.columns[0])}" if t.columns[0] in shown else _(t.title)
    pdf.multi_cell(width, 6, heading, new_x="LMARGIN", new_y="NEXT")
    if t.note:
        pdf.set_font(_FAMILY, "", 8)
        pdf.multi_cell(width, 4.5, _(t.note), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(_FAMILY, "", 8)
    if not t.rows and not t.totals:
        pdf.multi_cell(width, 5, _("None in this period."), new_x="LMARGIN", new_y="NEXT")
        return 0
    labels = 3 if t.columns[0] == "Referral" else 1            # agency_table: kind, agency, outcome
    n = len(t.columns) - labels
    first = 46 if n > 1 else (width - 30) / labels
    widths = [first] * labels + [(width - first * labels) / n] * n
    grey = FontFace(emphasis="BOLD", fill_color=(225, 225, 225))
    with pdf.table(col_widths=widths, width=width, align="LEFT", line_height=4.6, headings_style=grey,
                   text_align=(*(("LEFT",) * labels), *(("RIGHT",) * n)), first_row_as_headings=True,
                   repeat_headings=1, padding=1) as table:
        header = table.row()
        for c, w in zip(t.columns, widths, strict=True):
            text = _breakable(_(c))
            header.cell(text, style=FontFace(emphasis="BOLD", size_pt=_fitting(pdf, text, w - 5),
                                             fill_color=(225, 225, 225)))
        for r in t.rows:
            table.row([str(v) for v in r])
        if t.totals:
            table.row([_(str(t.totals[0])), *(str(v) for v in t.totals[1:])], style=FontFace(emphasis="BOLD"))
    return len(t.rows)


# Before a Khmer consonant or independent vowel that starts a new cluster (not written below another with COENG):
# where a line of Khmer, which has no spaces between words, may be broken without cutting a cluster.
_CLUSTER_START = re.compile(r"(?<=[\u1780-\u17FF])(?<!\u17D2)(?=[\u1780-\u17B3])")
_ZWSP = "\u200b"


def _breakable(text: str) -> str:
    """``text`` with a zero-width space where a Khmer line may break (fpdf2 breaks there; nothing is drawn)."""
    return _CLUSTER_START.sub(_ZWSP, text)


def _fitting(pdf: Any, text: str, width: float, size: float = 8.0, smallest: float = 5.0) -> float:
    """The font size (at most ``size``) at which the longest unbreakable run of ``text`` fits ``width``: a line is
    only ever broken at a space, never inside a Khmer word (a vowel cut from its consonant shows a dotted circle)."""
    pdf.set_font(_FAMILY, "B", size)
    widest = max((pdf.get_string_width(w) for w in text.replace(_ZWSP, " ").split()), default=0.0)
    pdf.set_font(_FAMILY, "", 8)
    return size if widest <= width else max(smallest, size * width / widest)


def _chart(pdf: Any, sections: list[tuple[str, list[ReportTable | str]]], _: Any, width: float) -> None:
    """Arrivals by checkpoint as horizontal grey bars with their figure (a withheld one: no bar, "<k")."""
    arrivals = next((items for title, items in sections if title == REPORTS["arrivals"][0]), [])
    table = next((t for t in arrivals if isinstance(t, ReportTable) and t.columns[:1] == ("Checkpoint",)), None)
    if table is None or not table.rows or "Arrivals" not in table.columns:
        return
    col = table.columns.index("Arrivals")
    values = [(str(r[0]), r[col]) for r in table.rows]
    most = max((v for _n, v in values if isinstance(v, int)), default=0) or 1
    bar_h, label_w = 5.0, 46.0
    if pdf.get_y() + 12 + bar_h * 1.4 * len(values) > pdf.h - 20:
        pdf.add_page()
    pdf.ln(4)
    pdf.set_font(_FAMILY, "B", 10)
    pdf.multi_cell(width, 6, f"{_('Arrivals')} — {_('Checkpoint')}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(_FAMILY, "", 8)
    x0, span = pdf.l_margin + label_w, width - label_w - 16
    pdf.set_fill_color(150)
    for name, v in values:
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(label_w - 2, bar_h, name[:40], align="R")
        length = span * v / most if isinstance(v, int) else 0
        if length > 0:
            pdf.rect(x0, y + 0.5, length, bar_h - 1, style="DF")
        pdf.set_xy(x0 + length + 1, y)
        pdf.cell(14, bar_h, str(v))
        pdf.set_xy(pdf.l_margin, y + bar_h * 1.4)
    pdf.line(x0, pdf.get_y() - bar_h * 1.4 * len(values), x0, pdf.get_y())
    pdf.set_fill_color(255)


def hq_label(store: HQStore, keys_dir: Path | None = None, signing_public: bytes | None = None) -> str:
    """Which HQ made the report: "HQ <fingerprint>" of its signing key, what every device pins. The key is HQ's own
    as ``HQService.signing_public`` knows it: the one this database was set up with (pinned when HQ first served
    with its keys), checked against ``signing_public`` (loaded keys) or the public key file in ``keys_dir`` (no
    passphrase needed) when given; a keys folder of another HQ is not named. Only a database that never served and
    has no keys folder beside it is named by its file."""
    from sync.hq.service import HQService
    from sync.wire import hq_fingerprint

    if signing_public is None and keys_dir is not None:
        from sync.hq.keys import read_public

        try:
            signing_public = read_public(keys_dir)["signing"]
        except (OSError, ValueError, StoreError, KeyError, TypeError, CheckpointError):
            signing_public = None
    hq = HQService(store, None)
    key: bytes | None = None
    for given in (signing_public, None):        # the given key if it is this database's, else the database's own
        try:
            key = hq.signing_public(given)
            break
        except CheckpointError:
            continue
    if key is not None:
        return f"HQ {hq_fingerprint(key)}"
    return f"HQ ({Path(str(store.engine.url.database or '?')).name})"


def cli_pdf(args: Any, store: HQStore, period: Period, threshold: int, who: str) -> dict[str, Any]:
    """``checkpoint-hq report --period P --format pdf --lang km|en --out F``: checked before anything is read
    (language, a new file in an existing folder), the PDF written 0600 through a temporary file, and the export in
    HQ's journal (who, period, checkpoints, threshold, rows, pages, file name). Returns what the command prints."""
    from checkpoint.clock import SystemClock
    from sync.hq.facts import LOCAL_TZ
    from sync.hq.store import add_journal, timestamp

    lang = args.lang or "en"
    check_language(lang)
    out = Path(args.out)
    if not out.parent.is_dir():
        raise ValidationError("file", f"there is no folder {out.parent}")
    if out.exists():
        raise ValidationError("file", f"{out} already exists; an export never overwrites a file")
    clock = SystemClock()
    pdf = month_pdf(store, period, args.checkpoint or [], lang=lang, threshold=threshold,
                    hq=hq_label(store, getattr(args, "keys", None)), generated=clock.now().astimezone(LOCAL_TZ))
    write_pdf(out, pdf)
    with store.write() as conn:
        add_journal(conn, timestamp(clock), "export", "",
                    f"report PDF ({lang}) by {who}: period {period.label}, checkpoints "
                    f"{', '.join(args.checkpoint or ['all'])}, threshold {threshold}, {pdf.rows} rows, "
                    f"{pdf.pages} pages, to {out.name}")
    return {"file": str(out), "format": "pdf", "lang": lang, "rows": pdf.rows, "pages": pdf.pages,
            "threshold": threshold}
