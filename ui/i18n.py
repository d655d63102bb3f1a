"""Languages: Khmer and English, switchable at the login screen, plus a pseudo-locale for layout checks.

Every string goes through tr(); the .ts files in ui/translations are committed, and so are the .qm files `make qm`
builds from them (pyside6-lrelease), so that any install of the package has them. The Khmer font comes from the
fontpkg-noto-sans-khmer wheel.

The language in use belongs to the application, not to this module: one :class:`Language` object, a child of the
QApplication, holds the installed translator, the loaded Khmer font and the current language code.

    set_language(app, "km")            # the composition root (ui/app.py), at start and from the login screen
    Language.of(app).code              # "km"; ui.text.current_language() reads it for the screens
"""

from __future__ import annotations

import logging

from ui.qt import QCoreApplication, QFont, QFontDatabase, QGuiApplication, QObject, QTranslator, Signal
from ui.resources import khmer_font_path, translations_dir

log = logging.getLogger(__name__)

__all__ = ["LANGUAGES", "Language", "PseudoTranslator", "ensure_khmer_font", "set_language"]

LANGUAGES = (("en", "English"), ("km", "ខ្មែរ"))
_OBJECT_NAME = "checkpoint_language"


class PseudoTranslator(QTranslator):
    """Lengthens every string by ~40% and brackets it, to catch clipped layouts (Vorta's TRANS_SCALE)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        if not source or context.startswith("Q"):
            return source
        return "[" + source + " " + "~" * max(2, len(source) * 2 // 5) + "]"


class Language(QObject):
    """The UI language of one application: its translator, the Khmer font (loaded once) and the current code
    ("en", "km" or "pseudo"). A child of the QApplication, so it lives and dies with it; ``Language.of(app)``
    finds it (making it, in English, the first time). Emits ``changed(code)`` after :meth:`use`."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName(_OBJECT_NAME)
        self.code = "en"
        self._translator: QTranslator | None = None
        self._font_family: str | None = None
        self._font_tried = False

    @classmethod
    def of(cls, app: QCoreApplication | None = None) -> Language:
        """The language object of ``app`` (default: the running application). Raises RuntimeError without one."""
        app = app if app is not None else QCoreApplication.instance()
        if app is None:
            raise RuntimeError("no QApplication: the UI language belongs to the running application")
        found = app.findChild(QObject, _OBJECT_NAME)
        return found if isinstance(found, Language) else cls(app)

    def khmer_font(self) -> str | None:
        """Load Noto Sans Khmer once; returns its family name (None when the font is missing)."""
        if self._font_tried:
            return self._font_family
        path = khmer_font_path()
        if path is None:
            log.warning("Khmer font not found; Khmer text may not render")
            return None
        self._font_tried = True
        fid = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        self._font_family = families[0] if families else None
        return self._font_family

    def use(self, lang: str) -> bool:
        """Install the translator for ``lang`` ("en", "km" or "pseudo"); returns False if its .qm is missing (the
        UI then stays in English)."""
        app = self.parent()
        assert isinstance(app, QCoreApplication)
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        ok = True
        if lang == "pseudo":
            pseudo = PseudoTranslator(app)
            app.installTranslator(pseudo)
            self._translator = pseudo
        elif lang != "en":
            tr = QTranslator(app)
            ok = tr.load(str(translations_dir() / f"checkpoint_{lang}.qm"))
            if ok:
                app.installTranslator(tr)
                self._translator = tr
            else:
                log.warning("translation %s not found; run `make qm`", lang)
        self.code = lang if ok else "en"
        family = self.khmer_font()
        font = QFont(QGuiApplication.font())
        if family:
            # Latin text keeps the default face; Khmer falls back to Noto Sans Khmer.
            font.setFamilies([QFont().defaultFamily(), family])
        font.setPointSize(max(font.pointSize(), 10))
        QGuiApplication.setFont(font)
        self.changed.emit(self.code)
        return ok


def set_language(app: QCoreApplication, lang: str) -> bool:
    """Switch ``app`` to ``lang`` ("en", "km" or "pseudo"); False if its .qm is missing. See :meth:`Language.use`."""
    return Language.of(app).use(lang)


def ensure_khmer_font() -> str | None:
    """Load Noto Sans Khmer into the running application once; returns its family name (None when missing).
    Needs a QGuiApplication."""
    return Language.of().khmer_font()
