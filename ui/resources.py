"""Resource paths, resolved the same way from a source tree and from a frozen (PyInstaller) bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    """The ui/ folder: next to this file from source, under sys._MEIPASS when frozen."""
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "ui"
    return Path(__file__).resolve().parent


def translations_dir() -> Path:
    return resource_dir() / "translations"


def khmer_font_path() -> Path | None:
    """Noto Sans Khmer from the fontpkg wheel (OFL), or the bundled copy when frozen."""
    frozen = resource_dir() / "assets" / "NotoSansKhmer.ttf"
    if frozen.exists():
        return frozen
    try:
        import fontpkg_noto_sans_khmer as f
    except ImportError:
        return None
    fonts = sorted(Path(f.__file__).parent.glob("files/*.ttf"))
    return fonts[0] if fonts else None
