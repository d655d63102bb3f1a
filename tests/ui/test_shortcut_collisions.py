"""No key does two things on one screen: on every main screen a role can open (and on each tab of its tab widgets),
the mnemonics (Alt+letter of buttons, tabs, labels' buddies, group boxes) and the shortcuts (QShortcut, QAction,
a button's own) of the visible widgets are all different. Two owners of one key make Qt run neither (an ambiguous
shortcut) or the first only: the officer's key press silently does nothing she expects. Checked as each role sees the
screens, since each role's screens hold other buttons."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.support.ui_helpers import wait_idle
from tests.ui.test_keyboard_defects import signed_in
from ui.qt import QAction, QGroupBox, QKeySequence, QLabel, QShortcut, Qt, QTabWidget, QWidget

_MNEMONIC = re.compile(r"&(.)")
_WINDOW = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def _seq(text: str) -> str:
    return QKeySequence(text).toString(QKeySequence.SequenceFormat.PortableText)


def keys_in_use(window: QWidget) -> dict[str, list[str]]:
    """Each key sequence claimed among the visible widgets of ``window``, with who claims it."""
    found: dict[str, list[str]] = {}

    def claim(key: str, who: str) -> None:
        if key:
            found.setdefault(key, []).append(who)

    def mnemonic(text: str, who: str) -> str:
        m = _MNEMONIC.search(text.replace("&&", ""))
        key = _seq(f"Alt+{m.group(1).upper()}") if m else ""
        claim(key, f"{who} {text!r}")
        return key

    for w in [window, *window.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        name = f"{type(w).__name__}:{w.objectName()}"
        if w.inherits("QTabBar"):
            bar: Any = w
            for i in range(bar.count()):
                if bar.isTabVisible(i) and bar.isTabEnabled(i):
                    mnemonic(bar.tabText(i), name)
        elif w.inherits("QAbstractButton"):
            b: Any = w
            own = mnemonic(b.text(), name) if b.isEnabled() else ""
            sc = b.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
            if b.isEnabled() and sc and sc != own:
                claim(sc, f"{name} shortcut")
        elif isinstance(w, QLabel) and w.buddy() is not None and w.buddy().isVisible():
            mnemonic(w.text(), name)
        elif isinstance(w, QGroupBox) and w.isCheckable():
            mnemonic(w.title(), name)
    for s in window.findChildren(QShortcut):
        parent = s.parent()
        if s.isEnabled() and s.context() in _WINDOW and isinstance(parent, QWidget) and parent.isVisible():
            for k in s.keys():      # noqa: SIM118 (a QShortcut's key sequences, not a dict)
                claim(k.toString(QKeySequence.SequenceFormat.PortableText), f"QShortcut on {parent.objectName()}")
    for a in window.findChildren(QAction):
        parent = a.parent()
        if a.isEnabled() and a.shortcutContext() in _WINDOW and isinstance(parent, QWidget) and parent.isVisible():
            for k in a.shortcuts():
                claim(k.toString(QKeySequence.SequenceFormat.PortableText), f"action {a.objectName() or a.text()!r}")
    return found


def clashes(window: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in keys_in_use(window).items() if len(v) > 1}


def every_screen(qtbot: Any, a: Any) -> list[tuple[str, dict[str, list[str]]]]:
    """Open each main screen of the signed-in role and each tab of its tab widgets; the clashes on each."""
    main = a.main
    out = []
    keys = ["home", *sorted(getattr(main, "_factories", {}))]
    for key in keys:
        main.show_page(key)
        wait_idle(qtbot, a.ctx)
        out.append((key, clashes(main)))
        page = main.pages[key]
        for tabs in [page, *page.findChildren(QTabWidget)]:
            if not isinstance(tabs, QTabWidget):
                continue
            if not tabs.isVisible():
                continue
            for i in range(tabs.count()):
                if not tabs.isTabVisible(i):
                    continue
                tabs.setCurrentIndex(i)
                wait_idle(qtbot, a.ctx)
                out.append((f"{key} / {tabs.tabText(i)}", clashes(main)))
    return out


@pytest.mark.parametrize("user", ["dara", "sokha"])
def test_no_key_is_claimed_twice_on_any_main_screen(qtbot, app, supervisor, store_path, user) -> None:
    a = signed_in(qtbot, app, store_path, user)
    screens = every_screen(qtbot, a)
    assert any(name.startswith("arrivals") for name, _ in screens)     # the arrivals tabs were looked at
    bad = {name: c for name, c in screens if c}
    assert not bad, f"keys claimed twice: {bad}"


def test_the_walk_finds_a_clash_when_there_is_one(qtbot, app, supervisor, store_path) -> None:
    """The check itself: a second button with an Alt letter already in use on the screen is reported."""
    from ui.qt import QPushButton

    a = signed_in(qtbot, app, store_path, "dara")
    a.main.show_page("arrivals")
    wait_idle(qtbot, a.ctx)
    arrivals = a.main.pages["arrivals"]
    used = next(k for k in keys_in_use(a.main) if k.startswith("Alt+"))
    extra = QPushButton(f"&{used[-1]}xtra", arrivals.currentWidget())
    extra.show()
    assert used in clashes(a.main)
