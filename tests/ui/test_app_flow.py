"""Provisioning, sign-in with lockout, the main window, auto-lock and draft resumption after a kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from checkpoint.services import list_usernames, unlock
from tests.conftest import FAST, PASS
from tests.support.ui_helpers import Keyboard, show_active, type_text, wait_idle
from ui.qt import QApplication, Qt, QWidget


def test_first_run_provisioning_by_keyboard(qtbot, app, tmp_path) -> None:
    a = app()
    a.start()
    wiz = a.provisioning
    show_active(qtbot, wiz)
    kb = Keyboard(qtbot)
    for field, text in (("new_username", "dara"), ("display_name", "Dara Sok"), ("new_passphrase", "correct horse"),
                        ("new_passphrase_again", "correct horse staple")):
        kb.tab_to(wiz, field)
        qtbot.keyClicks(QApplication.focusWidget(), text)
    assert "Too short" not in wiz.findChild(QWidget, "strength_hint").text()
    kb.press(Qt.Key.Key_Return)
    assert "differ" in wiz.findChild(QWidget, "provision_error").text()
    w = wiz.findChild(QWidget, "new_passphrase_again")
    w.clear()
    w.setFocus()
    qtbot.keyClicks(w, "correct horse")
    kb.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wiz.recovery_code != "", timeout=10_000)
    assert wiz.findChild(QWidget, "recovery_code").text() == wiz.recovery_code
    finish = wiz.button(wiz.WizardButton.FinishButton)
    assert not finish.isEnabled()                 # the code must be confirmed as written down
    wiz.findChild(QWidget, "recovery_code_written").setChecked(True)
    assert finish.isEnabled()
    with qtbot.waitSignal(wiz.provisioned, timeout=5_000):
        finish.click()
    assert a.main is not None and a.main.ctx.session.user.username == "dara"
    assert list_usernames(tmp_path / "app.db") == ["dara"]


def test_sign_in_lockout_and_success(qtbot, app, supervisor, store_path) -> None:
    a = app(store_path)
    a.start()
    login = a.login
    show_active(qtbot, login)
    qtbot.waitUntil(lambda: login.username.count() >= 5, timeout=5_000)
    login.username.setEditText("sokha")
    for _n in range(5):
        type_text(login.passphrase, "wrong passphrase")
        qtbot.keyClick(login.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: login.sign_in.isEnabled(), timeout=5_000)
        assert "Wrong user name or passphrase" in login.message.text()
    qtbot.keyClicks(login.passphrase, PASS["sokha"])
    qtbot.keyClick(login.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: login.sign_in.isEnabled(), timeout=5_000)
    assert "Try again in" in login.message.text()
    assert login.passphrase.text() == ""           # never kept on screen
    a.clock.advance(seconds=31)
    qtbot.keyClicks(login.passphrase, PASS["sokha"])
    with qtbot.waitSignal(login.signed_in, timeout=5_000):
        qtbot.keyClick(login.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: a.main is not None, timeout=5_000)
    assert a.main.findChild(QWidget, "status_user").text().startswith("Sokha")


def _signed_in(qtbot, app, store_path, user):
    a = app(store_path)
    a.start()
    session = a.runner.run_sync(unlock, store_path, user, PASS[user], clock=a.clock, kdf=FAST)
    a.open_main(session)
    show_active(qtbot, a.main)
    wait_idle(qtbot, a.ctx)
    return a


def test_main_window_figures_and_navigation_by_role(qtbot, app, supervisor, store_path) -> None:
    from tests.support.helpers import registration

    supervisor.registrations.register(**registration())
    a = _signed_in(qtbot, app, store_path, "dara")
    assert a.main.findChild(QWidget, "fig_registered").text() == "1"
    assert set(a.main.actions_) >= {"home", "new", "records", "referrals", "supervisor", "lock"}
    assert a.main.sync_panel is not None            # the composition root gave the supervisor sync
    qtbot.keyClick(a.main, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert a.main.stack.currentWidget() is a.main.pages["records"]
    a2 = _signed_in(qtbot, app, store_path, "thida")
    assert "new" not in a2.main.actions_ and "supervisor" not in a2.main.actions_
    assert a2.main.sync_panel is None
    assert not a2.main.findChild(QWidget, "fig_trafficking_indicators").isVisible()    # health worker: no such tile
    assert a2.main.findChild(QWidget, "fig_tb_referrals").isVisible()


def test_ctrl_l_and_inactivity_lock_and_clear_the_screen(qtbot, app, supervisor, store_path) -> None:
    a = _signed_in(qtbot, app, store_path, "sokha")
    main = a.main
    qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert a.main is None and a.login is not None
    qtbot.waitUntil(lambda: not main.isVisible(), timeout=2_000)
    qtbot.waitUntil(lambda: a.runner.pending == 0, timeout=5_000)
    # inactivity: a tiny timeout
    b = app(store_path, lock_minutes=0.002)
    b.start()
    s = b.runner.run_sync(unlock, store_path, "sokha", PASS["sokha"], clock=b.clock, kdf=FAST)
    b.open_main(s)
    qtbot.waitUntil(lambda: b.main is None, timeout=5_000)
    assert b.login is not None and b.login.isVisible()


RESUME_CHILD = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from checkpoint import crypto
from checkpoint.services import unlock
from checkpoint.workflows.registration import RegistrationFlow
from ui.context import AppContext
from ui.qt import QApplication, QWidget
from ui.tasks import TaskRunner
from ui.wizards.registration import RegistrationWizard
app = QApplication([])
runner = TaskRunner()
s = runner.run_sync(unlock, sys.argv[1], "sokha", sys.argv[2])
ctx = AppContext(runner, s)
w = RegistrationWizard(ctx, RegistrationFlow(now=s.store.clock.now()))
w.show()
w.findChild(QWidget, "family_name").setText("MEAS")
w.findChild(QWidget, "family_name").edited.emit()
w.findChild(QWidget, "name_khmer").setText("មាស")
w.findChild(QWidget, "name_khmer").edited.emit()
from ui.qt import QTimer
def poll():
    def seen(drafts):
        if any(d.payload["person"].get("name_khmer") for d in drafts):
            print("draft saved", flush=True)
        else:
            QTimer.singleShot(20, poll)
    runner.op(s.drafts.list).success(seen).run()
poll()
app.exec()
"""


def test_draft_survives_a_kill_and_is_offered_for_resumption(qtbot, app, supervisor, store_path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-c", RESUME_CHILD, str(store_path), PASS["sokha"]],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "draft saved", proc.stderr.read() if proc.stderr else ""
    os.kill(proc.pid, signal.SIGKILL)    # a power cut mid-registration
    proc.wait(timeout=10)
    a = _signed_in(qtbot, app, store_path, "sokha")
    drafts = a.main.findChild(QWidget, "drafts")
    qtbot.waitUntil(lambda: drafts.count() == 1, timeout=5_000)
    assert "MEAS" in drafts.item(0).text()
    drafts.setCurrentRow(0)
    drafts.setFocus()
    qtbot.keyClick(drafts, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: a.main.wizard is not None, timeout=5_000)
    w = a.main.wizard
    assert w.findChild(QWidget, "family_name").text() == "MEAS"
    assert w.findChild(QWidget, "name_khmer").text() == "មាស"
    w.close()


def test_no_display_is_a_plain_message(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    p = subprocess.run([sys.executable, "-m", "ui.app", "--store", str(tmp_path / "x.db")], env=env,
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "no display" in p.stderr and "Traceback" not in p.stderr


def test_a_reset_by_someone_else_is_told_once_after_sign_in(qtbot, app, supervisor, store_path) -> None:
    from ui.windows import login as login_mod

    supervisor.users.set_passphrase("sokha", "a passphrase from dara")
    a = app(store_path)
    a.start()
    login = a.login
    show_active(qtbot, login)
    login.username.setEditText("sokha")
    qtbot.keyClicks(login.passphrase, "a passphrase from dara")
    with qtbot.waitSignal(login.signed_in, timeout=5_000):
        qtbot.keyClick(login.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(login_mod._OPEN_NOTICES), timeout=5_000)
    box = next(iter(login_mod._OPEN_NOTICES))
    assert box.isVisible() and box.objectName() == "sign_in_notices"
    assert "Your passphrase was reset by dara on 2026-11-22." in box.text()
    box.close()
    qtbot.waitUntil(lambda: not login_mod._OPEN_NOTICES, timeout=5_000)
    # Told once: the next sign-in shows nothing.
    a.lock()
    qtbot.keyClicks(a.login.passphrase, "a passphrase from dara")
    a.login.username.setEditText("sokha")
    with qtbot.waitSignal(a.login.signed_in, timeout=5_000):
        qtbot.keyClick(a.login.passphrase, Qt.Key.Key_Return)
    assert not login_mod._OPEN_NOTICES
