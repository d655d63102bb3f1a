"""The dependency arrows hold at run time: the core and sync load no Qt (import-linter checks the source)."""

from __future__ import annotations

import subprocess
import sys

PROBE = r"""
import importlib, pkgutil, sys
import checkpoint, sync
for pkg in (checkpoint, sync):
    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(m.name)
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui"))
print(",".join(bad))
"""


def test_core_and_sync_load_no_qt_and_no_ui() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "", f"loaded: {out.stdout.strip()}"


def test_core_messages_for_translation_are_up_to_date() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    p = subprocess.run([sys.executable, str(root / "tools" / "core_messages.py"), "--check"], capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == 0, p.stderr
