"""Keyboard defects of issue 17, driven the way an officer drives the app: every key goes to the focused widget
(QApplication.focusWidget()), never setText, clicks or slot calls.

- item 7: opening any view opens no top-level window of its own, and the focus stays in the main window;
- item 2: Ctrl+L in any window or dialog (and the auto-lock) saves the open registration as a draft, closes
  every window of the session and shows the sign-in;
- item 8: no two mnemonics clash in one window or tab page; the account and correction dialogs open with the
  focus on their first field; every supervisor tab has a mnemonic.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

from checkpoint.services import unlock
from tests.conftest import FAST, PASS
from tests.support.ui_helpers import Keyboard, show_active, wait_idle
from ui.qt import QApplication, QEvent, QGroupBox, QLabel, QObject, Qt, QWidget

_MNEMONIC = re.compile(r"&(.)")


def signed_in(qtbot: Any, app: Any, store_path: Path, user: str) -> Any:
    a = app(store_path)
    a.start()
    session = a.runner.run_sync(unlock, store_path, user, PASS[user], clock=a.clock, kdf=FAST)
    a.open_main(session)
    show_active(qtbot, a.main)
    wait_idle(qtbot, a.ctx)
    return a


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has keyboard focus"
    qtbot.keyClick(target, key, modifier)


class WindowWatch(QObject):
    """Records every widget shown while it is a top-level window (a flash counts even if it is gone at once)."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
            self.shown.append(f"{type(obj).__name__}:{obj.objectName()}")
        return False


def visible_windows() -> set[int]:
    return {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Each mnemonic letter in use among the visible widgets of ``root`` (its tab bars' tabs included)."""
    found: dict[str, list[str]] = {}

    def note(text: str) -> None:
        for m in _MNEMONIC.finditer(text.replace("&&", "")):
            found.setdefault(m.group(1).lower(), []).append(text)

    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if w.inherits("QTabBar"):
            bar: Any = w
            for i in range(bar.count()):
                if bar.isTabVisible(i):
                    note(bar.tabText(i))
        elif w.inherits("QAbstractButton"):
            button: Any = w
            note(button.text())
        elif isinstance(w, QLabel) and w.buddy() is not None:
            note(w.text())
        elif isinstance(w, QGroupBox):
            note(w.title())
    return found


def assert_no_clash(root: QWidget, where: str) -> None:
    clashes = {k: v for k, v in mnemonics(root).items() if len(v) > 1}
    assert not clashes, f"mnemonics used twice in {where}: {clashes}"


# ---------------------------------------------------------------------------------------------- item 7
def test_opening_every_view_shows_no_window_of_its_own_and_keeps_the_focus(qtbot, app, supervisor, store_path):
    watch = WindowWatch()
    QApplication.instance().installEventFilter(watch)
    try:
        a = signed_in(qtbot, app, store_path, "dara")        # a supervisor: every view, sync included
        main = a.main
        watch.shown.clear()
        before = visible_windows()
        for key in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_1, Qt.Key.Key_4):
            press(qtbot, key, Qt.KeyboardModifier.ControlModifier)
            wait_idle(qtbot, a.ctx)
            assert QApplication.activeWindow() is main
            fw = QApplication.focusWidget()
            assert fw is not None and fw.window() is main, f"focus left the main window after {key}"
        assert main.stack.currentWidget() is main.pages["supervisor"]
        # every supervisor tab, by its mnemonic
        for letter in (Qt.Key.Key_U, Qt.Key.Key_D, Qt.Key.Key_S, Qt.Key.Key_R):
            press(qtbot, letter, Qt.KeyboardModifier.AltModifier)
            wait_idle(qtbot, a.ctx)
            assert QApplication.activeWindow() is main
        assert watch.shown == [], f"top-level windows flashed: {watch.shown}"
        assert visible_windows() == before
    finally:
        QApplication.instance().removeEventFilter(watch)


# ---------------------------------------------------------------------------------------------- item 8
def test_no_two_mnemonics_clash_in_any_view_or_supervisor_tab(qtbot, app, supervisor, store_path):
    a = signed_in(qtbot, app, store_path, "dara")
    main = a.main
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3):
        press(qtbot, key, Qt.KeyboardModifier.ControlModifier)
        wait_idle(qtbot, a.ctx)
        assert_no_clash(main, f"view Ctrl+{key.name[-1]}")
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, a.ctx)
    view = main.pages["supervisor"]
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert "&Sync with HQ" in titles and all("&" in t for t in titles), titles
    pages = {"r": view.review_tab, "u": view.users_tab, "d": view.data_tab, "s": main.sync_panel}
    for letter, page in pages.items():
        press(qtbot, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
        wait_idle(qtbot, a.ctx)
        assert view.tabs.currentWidget() is page, f"Alt+{letter.upper()} did not open its tab"
        assert_no_clash(main, f"supervisor tab {page.objectName()}")
    # Alt+F on the review tab refreshes it (Alt+R only ever selected the tab)
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    with qtbot.waitSignal(view.review_tab.loaded, timeout=10_000):
        press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)


def test_add_user_dialog_opens_on_its_first_field(qtbot, app, supervisor, store_path):
    a = signed_in(qtbot, app, store_path, "dara")
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    wait_idle(qtbot, a.ctx)
    tab = a.main.pages["supervisor"].users_tab
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)          # "&Add user…"
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=5_000)
    dlg = tab.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.username, timeout=2_000)
    assert_no_clash(dlg, "the Add a user dialog")
    # Tab walks the fields in order, then OK and Cancel
    order = []
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    assert order == ["display_name", "role", "passphrase", "passphrase_repeat", "ok", "cancel"]
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=2_000)


def test_correct_identity_dialog_opens_on_its_first_field(qtbot, app, supervisor, store_path):
    from tests.support.helpers import registration

    supervisor.registrations.register(**registration())
    a = signed_in(qtbot, app, store_path, "dara")
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    records = a.main.pages["records"]
    qtbot.waitUntil(lambda: records.model.ready and records.model.rowCount() > 0, timeout=10_000)
    wait_idle(qtbot, a.ctx)
    records.model.data(records.model.index(0, 0))
    wait_idle(qtbot, a.ctx)
    kb = Keyboard(qtbot)
    kb.tab_to(a.main, "records_search")
    kb.press(Qt.Key.Key_Down)                                            # into the table, first row
    with qtbot.waitSignal(records.detail.loaded, timeout=10_000):
        kb.press(Qt.Key.Key_Return)                                      # open it
    kb.tab_to(a.main, "correct")
    kb.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: records.detail.active_dialog is not None
                    and records.detail.active_dialog.isVisible(), timeout=5_000)
    dlg = records.detail.active_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.field, timeout=2_000)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dlg.editor("family_name")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dlg.reason
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dlg.ok_button
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=2_000)


# ---------------------------------------------------------------------------------------------- item 2
def texts_on_screen() -> str:
    """Every text a visible widget shows (values, labels, titles, list rows)."""
    out: list[str] = []
    for w in QApplication.allWidgets():
        if not w.isVisible():
            continue
        out.append(w.windowTitle())
        any_w: Any = w
        for attr in ("text", "currentText", "toPlainText"):
            fn = getattr(any_w, attr, None)
            if callable(fn):
                with contextlib.suppress(TypeError):     # a text(index) of some widget: not a shown value
                    out.append(str(fn()))
        if w.inherits("QListWidget"):
            out.extend(any_w.item(i).text() for i in range(any_w.count()))
    return "\n".join(out)


def open_wizard_and_type_a_name(qtbot: Any, a: Any, name: str) -> Any:
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: a.main.wizard is not None and a.main.wizard.isVisible(), timeout=5_000)
    wiz = a.main.wizard
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is wiz, timeout=5_000)
    Keyboard(qtbot).tab_to(wiz, "family_name")
    qtbot.keyClicks(QApplication.focusWidget(), name)
    assert name in texts_on_screen()
    return wiz


def drafts_after_signing_in(qtbot: Any, app: Any, a: Any, store_path: Path) -> str:
    session = a.runner.run_sync(unlock, store_path, "sokha", PASS["sokha"], clock=a.clock, kdf=FAST)
    a.open_main(session)
    show_active(qtbot, a.main)
    wait_idle(qtbot, a.ctx)
    drafts = a.main.findChild(QWidget, "drafts")
    qtbot.waitUntil(lambda: drafts.count() >= 1, timeout=5_000)
    return "\n".join(drafts.item(i).text() for i in range(drafts.count()))


def test_ctrl_l_in_the_open_wizard_saves_the_draft_and_locks(qtbot, app, supervisor, store_path):
    a = signed_in(qtbot, app, store_path, "sokha")
    wiz = open_wizard_and_type_a_name(qtbot, a, "MEASLOCK")
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)    # on the wizard's field, not the main window
    assert a.main is None and a.login is not None
    qtbot.waitUntil(lambda: a.login.isVisible() and not wiz.isVisible(), timeout=5_000)
    assert "MEASLOCK" not in texts_on_screen()
    qtbot.waitUntil(lambda: a.runner.pending == 0, timeout=5_000)
    assert "MEASLOCK" in drafts_after_signing_in(qtbot, app, a, store_path)


def test_auto_lock_with_the_wizard_open_saves_the_draft_and_locks(qtbot, app, supervisor, store_path):
    a = app(store_path, lock_minutes=0.02)              # 1.2 s without a key press
    a.start()
    session = a.runner.run_sync(unlock, store_path, "sokha", PASS["sokha"], clock=a.clock, kdf=FAST)
    a.open_main(session)
    show_active(qtbot, a.main)
    open_wizard_and_type_a_name(qtbot, a, "MEASIDLE")
    qtbot.waitUntil(lambda: a.main is None, timeout=10_000)
    qtbot.waitUntil(lambda: a.login is not None and a.login.isVisible(), timeout=5_000)
    assert "MEASIDLE" not in texts_on_screen()
    qtbot.waitUntil(lambda: a.runner.pending == 0, timeout=5_000)
    assert "MEASIDLE" in drafts_after_signing_in(qtbot, app, a, store_path)


def test_ctrl_l_in_a_supervisor_dialog_closes_it_and_locks(qtbot, app, supervisor, store_path):
    a = signed_in(qtbot, app, store_path, "dara")
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    wait_idle(qtbot, a.ctx)
    tab = a.main.pages["supervisor"].users_tab
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=5_000)
    dlg = tab.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.username, timeout=2_000)
    qtbot.keyClicks(QApplication.focusWidget(), "newclerk")
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert a.main is None
    qtbot.waitUntil(lambda: a.login.isVisible() and not dlg.isVisible(), timeout=5_000)
    assert "newclerk" not in texts_on_screen()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [a.login]
