"""Keyboard helpers for Qt tests. Non-ASCII text (Khmer) is typed with QKeyEvent text: qtbot.keyClicks
aborts the process on non-ASCII characters (DESIGN.md §6)."""

from __future__ import annotations

from typing import Any

from ui.qt import QApplication, QEvent, QKeyEvent, Qt, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type any text (Khmer included) into the focused widget, one key event per character."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


class Keyboard:
    """Presses keys on whatever has focus and counts them (for the key-press budget)."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.count = 0

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        target = QApplication.focusWidget()
        assert target is not None, "nothing has keyboard focus"
        self.qtbot.keyClick(target, key, modifier)
        self.count += 1

    def tab_to(self, root: QWidget, object_name: str, limit: int = 40) -> None:
        """Press Tab until the named widget has focus (each Tab counts)."""
        for _ in range(limit):
            fw = QApplication.focusWidget()
            if fw is not None and fw.objectName() == object_name:
                return
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"{object_name} never got focus by Tab")


def wait_idle(qtbot: Any, ctx: Any, timeout: int = 10_000) -> None:
    """Block (processing events) until every queued background task has delivered its result."""
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=timeout)


def show_active(qtbot: Any, w: QWidget) -> None:
    """Show a top-level window and make it the active one, so keyboard focus works offscreen too
    (qtbot.waitActive alone does not activate a window on the offscreen platform)."""
    w.show()
    qtbot.waitExposed(w)
    handle = w.windowHandle()
    if handle is not None:
        handle.requestActivate()
    qtbot.waitUntil(w.isActiveWindow, timeout=5_000)
