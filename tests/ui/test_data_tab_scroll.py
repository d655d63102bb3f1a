"""The supervisor's Data tab at 1366 x 768 (the checkpoints' laptops): its boxes (figures, export, backup, verify, NEA's
export, retention) are taller than the tab, so it scrolls, and every button on it can be brought into view — by
Tab, as the keyboard-first officer reaches it, and by the scroll bar."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QScrollArea

from tests.support.ui_helpers import wait_idle
from tests.ui.test_keyboard_defects import signed_in
from ui.qt import QApplication, Qt


def _in_view(tab, w) -> bool:
    vp = tab.viewport()
    top_left = w.mapTo(vp, w.rect().topLeft())
    return vp.rect().contains(QRect(top_left, w.size()))


def test_every_button_of_the_data_tab_is_reachable_at_1366_by_768(qtbot, app, supervisor, store_path) -> None:
    """In Khmer (taller lines), after a verification whose result and warning are on screen: the window still fits
    768 pixels (before, the tab's minimum height pushed it to 872: the bottom was off the screen)."""
    from ui.i18n import set_language

    assert set_language(QApplication.instance(), "km"), "checkpoint_km.qm is missing: `make qm` builds it"
    try:
        _check_reachable(qtbot, app, store_path)
    finally:
        set_language(QApplication.instance(), "en")


def _check_reachable(qtbot, app, store_path) -> None:
    a = signed_in(qtbot, app, store_path, "dara")
    main = a.main
    main.resize(1366, 768)
    main.show_page("supervisor")
    view = main.pages["supervisor"]
    tab = view.data_tab
    view.tabs.setCurrentWidget(tab)
    wait_idle(qtbot, a.ctx)
    with qtbot.waitSignal(tab.finished, timeout=20_000):
        tab.verify()
    wait_idle(qtbot, a.ctx)
    tab._show_warning(tab.message.text() * 4)          # a long warning too, as a refused backup shows
    tab.problems.addItems(["1", "2", "3"])
    tab.problems.show()
    main.resize(1366, 768)
    qtbot.wait(20)
    assert main.height() <= 768, f"the window cannot be 768 pixels tall: {main.height()}"
    buttons = [b for b in tab.findChildren(QAbstractButton) if b.isVisibleTo(tab) and b.parent() is not None
               and not b.inherits("QScrollBar")]
    names = {b.objectName() for b in buttons}
    assert {"export_csv", "backup", "verify"} <= names and len(buttons) >= 6, names
    assert tab.height() < 768
    content = tab.widget() if isinstance(tab, QScrollArea) else tab
    need, have = content.minimumSizeHint().height(), content.height()
    assert have >= need, f"the tab's content needs {need} px and gets {have}: its bottom is cut off, unreachable"
    assert all(content.isAncestorOf(b) for b in buttons)            # all inside what scrolls
    for b in buttons:
        tab.ensureWidgetVisible(b)
        assert _in_view(tab, b), f"{b.objectName()} cannot be scrolled into view"
    # and by the keyboard: Tab from the first button walks the tab, scrolling each focused button into view
    tab.verticalScrollBar().setValue(0)
    buttons[0].setFocus()
    seen = set()
    for _ in range(80):
        fw = QApplication.focusWidget()
        if isinstance(fw, QAbstractButton) and fw in buttons:
            assert _in_view(tab, fw), f"{fw.objectName()} has the focus but is out of view"
            seen.add(fw.objectName())
        qtbot.keyClick(fw, Qt.Key.Key_Tab)
    enabled = {b.objectName() for b in buttons if b.isEnabled() and b.focusPolicy() & Qt.FocusPolicy.TabFocus}
    assert enabled <= seen, enabled - seen
