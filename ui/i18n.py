"""Languages: Khmer and English, switchable at the login screen, plus a pseudo-locale for layout checks.

Every string goes through tr(); the .ts files in ui/translations are committed and the .qm files are built by
the Makefile (pyside6-lrelease). The Khmer font comes from the fontpkg-noto-sans-khmer wheel.
"""

from __future__ import annotations

import logging

from ui.qt import QApplication, QCoreApplication, QFont, QFontDatabase, QTranslator
from ui.resources import khmer_font_path, translations_dir

log = logging.getLogger(__name__)

LANGUAGES = (("en", "English"), ("km", "ខ្មែរ"))
_state: dict[str, object] = {"translator": None, "font_family": None, "lang": "en"}


def ensure_khmer_font() -> str | None:
    """Load Noto Sans Khmer once; returns its family name (None when the font is missing)."""
    if _state["font_family"]:
        return str(_state["font_family"])
    path = khmer_font_path()
    if path is None:
        log.warning("Khmer font not found; Khmer text may not render")
        return None
    fid = QFontDatabase.addApplicationFont(str(path))
    fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
    _state["font_family"] = fams[0] if fams else None
    return str(_state["font_family"]) if fams else None


def current_language() -> str:
    return str(_state["lang"])


class PseudoTranslator(QTranslator):
    """Lengthens every string by ~40% and brackets it, to catch clipped layouts (Vorta's TRANS_SCALE)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        if not source or context.startswith("Q"):
            return source
        return "[" + source + " " + "~" * max(2, len(source) * 2 // 5) + "]"


def set_language(app: QApplication, lang: str) -> bool:
    """Install the translator for ``lang`` ("en", "km" or "pseudo"); returns False if its .qm is missing."""
    old = _state["translator"]
    if isinstance(old, QTranslator):
        app.removeTranslator(old)
        _state["translator"] = None
    ok = True
    if lang == "pseudo":
        tr: QTranslator = PseudoTranslator(app)
        app.installTranslator(tr)
        _state["translator"] = tr
    elif lang != "en":
        tr = QTranslator(app)
        ok = tr.load(str(translations_dir() / f"checkpoint_{lang}.qm"))
        if ok:
            app.installTranslator(tr)
            _state["translator"] = tr
        else:
            log.warning("translation %s not found; run `make translations`", lang)
    _state["lang"] = lang if ok else "en"
    family = ensure_khmer_font()
    font = QFont(app.font())
    if family:
        # Latin text keeps the default face; Khmer falls back to Noto Sans Khmer.
        font.setFamilies([QFont().defaultFamily(), family])
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)
    return ok


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
