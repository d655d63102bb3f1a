"""Guards against known defects of the Qt binding we ship (so an upgrade that brings one back fails here)."""

from __future__ import annotations

import sys

from ui.qt import QObject, Signal


class _Emitter(QObject):
    text = Signal(str)
    flag = Signal(bool)
    nothing = Signal()


def test_emitting_python_signals_does_not_leak_references_to_true(qtbot) -> None:
    # PySide6 6.12.0 drops a reference to True on every emit of a Python-declared Signal; on Python 3.11 the
    # app then aborts ("bool_dealloc") after enough signals, i.e. after a long enough shift.
    e = _Emitter()
    e.text.connect(lambda _s: None)
    e.flag.connect(lambda _b: None)
    e.nothing.connect(lambda: None)
    before = sys.getrefcount(True)
    for _ in range(500):
        e.text.emit("x")
        e.flag.emit(True)
        e.nothing.emit()
    assert abs(sys.getrefcount(True) - before) < 10
