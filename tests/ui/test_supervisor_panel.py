"""The supervisor's screen: tabs per role, approving arrivals, managing users (add, sign in, lock, unlock, reset,
change role), export (row count, never overwriting), backup and verify. Offscreen, no sleeps."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from checkpoint.errors import AccountDisabled, PermissionDenied, WrongPassphrase
from checkpoint.services import unlock
from tests.conftest import FAST, PASS
from tests.support.ui_helpers import show_active, wait_idle
from ui.dialogs.users import AddUserDialog, PassphraseDialog
from ui.models.review import ReviewModel
from ui.models.users import UsersModel, passphrase_strength
from ui.qt import Qt
from ui.views.supervisor import SupervisorView

NEW_PASS = "monsoon rice field 7"


def open_view(qtbot: Any, ctx: Any) -> SupervisorView:
    view = SupervisorView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    wait_idle(qtbot, ctx)
    return view


def sign_in(demo_store: Path, clock: Any, name: str, passphrase: str) -> None:
    s = unlock(demo_store, name, passphrase, clock=clock, kdf=FAST)
    s.lock()


def users(ctx: Any) -> dict[str, Any]:
    return {u.username: u for u in ctx.runner.run_sync(ctx.session.users.list)}


# ------------------------------------------------------------------------------------------------ models
def test_users_and_review_models_pass_qtmodeltester(make_ctx, qtbot, qtmodeltester):
    ctx = make_ctx("dara")
    um = UsersModel()
    um.replace_rows(ctx.runner.run_sync(ctx.session.users.list))
    qtmodeltester.check(um, force_py=True)
    assert um.rowCount() == 5
    row = um.row_of(users(ctx)["thida"].id)
    assert [um.index(row, c).data() for c in UsersModel.Column] == ["thida", "Thida", "Health worker", "Active", "0"]
    with qtbot.assertNotEmitted(um.modelReset), qtbot.waitSignal(um.dataChanged):
        um.update_row(users(ctx)["thida"].id, {"status": "disabled", "failed_attempts": 3})
    assert um.index(row, UsersModel.Column.STATUS).data() == "Locked"
    assert um.index(row, UsersModel.Column.FAILED).data(UsersModel.SortKeyRole) == 3

    rm = ReviewModel()
    pending = ctx.runner.run_sync(ctx.session.review.pending)
    rm.replace_rows(pending)
    qtmodeltester.check(rm, force_py=True)
    assert rm.rowCount() == len(pending) == 40
    assert rm.index(0, 0).data(ReviewModel.IdRole) == pending[0].encounter_id
    assert rm.index(0, ReviewModel.Column.OFFICER).data()          # the registering officer's name
    with qtbot.waitSignal(rm.rowsRemoved):
        rm.remove_ids([pending[1].encounter_id, pending[2].encounter_id, pending[7].encounter_id])
    assert rm.rowCount() == 37


def test_passphrase_strength_hint():
    assert [passphrase_strength(p)[0] for p in ("short", "aaaaaaaaaaaa", "password12", "kampot2026", "correct horse",
                                                NEW_PASS)] == [0, 0, 0, 0, 2, 3]
    assert passphrase_strength("sokha rice field 7", "sokha")[0] == 0


# ------------------------------------------------------------------------------------------------ roles
@pytest.mark.parametrize(("name", "tabs"), [
    ("dara", ["Review", "Users", "Data", "Protection referrals"]),
    ("rith", ["Users", "Data"]),
    ("sokha", []),
    ("thida", []),
])
def test_tabs_follow_the_role_and_the_service_refuses_the_rest(make_ctx, qtbot, name, tabs):
    ctx = make_ctx(name)
    view = open_view(qtbot, ctx)
    assert view.tab_titles() == tabs
    assert view.nothing.isVisibleTo(view) == (not tabs)
    if "Users" not in tabs:
        assert view.users_tab is None
        with pytest.raises(PermissionDenied):
            ctx.runner.run_sync(ctx.session.users.list)
        with pytest.raises(PermissionDenied):
            ctx.runner.run_sync(ctx.session.users.add, "intruder", "X", "supervisor", NEW_PASS)
    if name == "rith":
        # an admin backs up and verifies, but never exports people's records
        assert view.review_tab is None
        assert not view.data_tab.export_btn.isVisibleTo(view.data_tab)
        assert view.data_tab.verify_btn.isVisibleTo(view.data_tab)


def test_add_tab_hook(make_ctx, qtbot):
    from ui.qt import QLabel

    view = open_view(qtbot, make_ctx("rith"))
    i = view.add_tab(QLabel("later"), "Sync")
    assert i == 2 and view.tab_titles() == ["Users", "Data", "Sync"]


# ------------------------------------------------------------------------------------------------ review
def test_supervisor_approves_two_pending_arrivals(make_ctx, qtbot):
    ctx = make_ctx("dara")
    view = open_view(qtbot, ctx)
    tab = view.review_tab
    assert tab.model.rowCount() == 40
    assert not tab.approve_btn.isEnabled()          # nothing selected yet
    tab.table.selectRow(0)
    rect = tab.table.visualRect(tab.model.index(3, 1))           # Ctrl+click adds a second row
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     rect.center())
    chosen = tab.selected_ids()
    assert len(chosen) == 2 and tab.approve_btn.isEnabled()

    with qtbot.assertNotEmitted(tab.model.modelReset):
        qtbot.mouseClick(tab.approve_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.model.rowCount() == 38)
        wait_idle(qtbot, ctx)
    assert not set(chosen) & set(tab.model.ids())
    assert tab.message.text() == "2 arrival(s) approved."
    pending = {r.encounter_id for r in ctx.runner.run_sync(ctx.session.review.pending)}
    assert len(pending) == 38 and not set(chosen) & pending


def test_approving_an_already_approved_arrival_says_so(make_ctx, qtbot):
    ctx = make_ctx("dara")
    view = open_view(qtbot, ctx)
    tab = view.review_tab
    eid = tab.model.ids()[0]
    ctx.runner.run_sync(ctx.session.review.approve, eid)      # e.g. approved on another screen meanwhile
    tab.table.selectRow(0)
    tab.approve_selected()
    wait_idle(qtbot, ctx)
    assert "already approved" in tab.error.text()
    assert tab.message.text() == "0 arrival(s) approved."


# ------------------------------------------------------------------------------------------------ users
def fill_add_user(qtbot: Any, dlg: AddUserDialog, username: str, role: str, first: str, again: str) -> None:
    qtbot.keyClicks(dlg.username, username)
    qtbot.keyClicks(dlg.display_name, username.title())
    dlg.role.setCurrentIndex(dlg.role.findData(role))
    qtbot.keyClicks(dlg.passphrase, first)
    qtbot.keyClicks(dlg.passphrase_repeat, again)


def test_add_user_who_signs_in_then_lock_and_unlock(make_ctx, qtbot, demo_store, clock):
    ctx = make_ctx("dara")
    view = open_view(qtbot, ctx)
    tab = view.users_tab
    assert tab.model.rowCount() == 5

    qtbot.mouseClick(tab.add_btn, Qt.MouseButton.LeftButton)
    dlg = tab.dialog
    assert isinstance(dlg, AddUserDialog) and dlg.isVisible()
    for w in (dlg.username, dlg.display_name, dlg.role, dlg.passphrase, dlg.passphrase_repeat):
        assert w.objectName() and w.accessibleName()

    # typed twice differently: refused in the dialog, nothing sent
    fill_add_user(qtbot, dlg, "mealea", "health_worker", NEW_PASS, NEW_PASS + "x")
    assert "differ" in dlg.strength.text()
    with qtbot.assertNotEmitted(ctx.changed):
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, ctx)
    assert "differ" in dlg.error.text() and dlg.isVisible()

    # too short: the core refuses; the translated reason shows in the dialog, which stays open
    dlg.passphrase.clear()
    dlg.passphrase_repeat.clear()
    qtbot.keyClicks(dlg.passphrase, "password12")
    qtbot.keyClicks(dlg.passphrase_repeat, "password12")
    assert dlg.strength.text().startswith("is too easy to guess")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert dlg.error.text().startswith("Passphrase: is too easy to guess") and dlg.isVisible()
    assert "mealea" not in users(ctx)

    dlg.passphrase.clear()
    dlg.passphrase_repeat.clear()
    qtbot.keyClicks(dlg.passphrase, NEW_PASS)
    qtbot.keyClicks(dlg.passphrase_repeat, NEW_PASS)
    assert dlg.strength.text() == "Strong"
    results: list[int] = []
    dlg.finished.connect(results.append)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.keyClick(dlg.passphrase_repeat, Qt.Key.Key_Return)        # Enter = OK
    assert results == [1] and tab.dialog is None                        # accepted and closed
    assert users(ctx)["mealea"].role == "health_worker"
    assert tab.model.rowCount() == 6
    assert tab.selected()["username"] == "mealea"                      # the new user is selected
    sign_in(demo_store, clock, "mealea", NEW_PASS)
    assert tab.lock_btn.isEnabled() and not tab.unlock_btn.isEnabled()

    # a wrong passphrase shows in the count (and Unlock, which clears it, becomes available)
    with pytest.raises(WrongPassphrase):
        sign_in(demo_store, clock, "mealea", "not the passphrase")
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.reload()
    row = tab.model.row_of(users(ctx)["mealea"].id)
    assert tab.model.index(row, UsersModel.Column.FAILED).data() == "1"
    assert tab.unlock_btn.isEnabled()

    # Lock: the account can no longer sign in
    qtbot.mouseClick(tab.lock_btn, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert users(ctx)["mealea"].status == "disabled"
    row = tab.model.row_of(users(ctx)["mealea"].id)
    assert tab.model.index(row, UsersModel.Column.STATUS).data() == "Locked"
    assert "locked" in tab.message.text()
    with pytest.raises(AccountDisabled):
        sign_in(demo_store, clock, "mealea", NEW_PASS)

    # Unlock: the key slot went with the lock, so it asks for a new passphrase; the old one opens nothing
    assert tab.unlock_btn.isEnabled() and not tab.lock_btn.isEnabled()
    qtbot.mouseClick(tab.unlock_btn, Qt.MouseButton.LeftButton)
    dlg = tab.dialog
    assert isinstance(dlg, PassphraseDialog)
    qtbot.keyClicks(dlg.passphrase, "another monsoon field 8")
    qtbot.keyClicks(dlg.passphrase_repeat, "another monsoon field 8")
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert users(ctx)["mealea"].status == "active"
    assert "reinstated" in tab.message.text()
    row = tab.model.row_of(users(ctx)["mealea"].id)
    assert tab.model.index(row, UsersModel.Column.FAILED).data() == "0"
    with pytest.raises(WrongPassphrase):
        sign_in(demo_store, clock, "mealea", NEW_PASS)
    sign_in(demo_store, clock, "mealea", "another monsoon field 8")


def test_reset_passphrase_change_role_and_refusals(make_ctx, qtbot, demo_store, clock):
    ctx = make_ctx("dara")
    view = open_view(qtbot, ctx)
    tab = view.users_tab

    assert tab.select_user("thida")
    qtbot.mouseClick(tab.reset_btn, Qt.MouseButton.LeftButton)
    dlg = tab.dialog
    assert dlg.findChild(type(dlg.passphrase), "old_passphrase") is None   # someone else's: no old passphrase
    qtbot.keyClicks(dlg.passphrase, NEW_PASS)
    qtbot.keyClicks(dlg.passphrase_repeat, NEW_PASS)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert tab.dialog is None
    assert tab.message.text() == "Passphrase changed for thida."
    sign_in(demo_store, clock, "thida", NEW_PASS)
    with pytest.raises(WrongPassphrase):
        sign_in(demo_store, clock, "thida", PASS["thida"])

    tab.select_user("sokha")
    qtbot.mouseClick(tab.role_btn, Qt.MouseButton.LeftButton)
    dlg = tab.dialog
    assert dlg.role.currentData() == "officer"
    dlg.role.setCurrentIndex(dlg.role.findData("supervisor"))
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert users(ctx)["sokha"].role == "supervisor"
    row = tab.model.row_of(users(ctx)["sokha"].id)
    assert tab.model.index(row, UsersModel.Column.ROLE).data() == "Supervisor"

    # the core's refusals reach the screen as plain sentences
    tab.select_user("dara")
    qtbot.mouseClick(tab.lock_btn, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert tab.error.text() == "You cannot lock your own account."
    assert users(ctx)["dara"].status == "active"
    qtbot.mouseClick(tab.role_btn, Qt.MouseButton.LeftButton)
    dlg = tab.dialog
    dlg.role.setCurrentIndex(dlg.role.findData("officer"))
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert dlg.error.text() == "You cannot change your own role." and dlg.isVisible()
    qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert tab.dialog is None


# ------------------------------------------------------------------------------------------------ data
def test_export_writes_the_rows_warns_and_never_overwrites(make_ctx, qtbot, tmp_path):
    ctx = make_ctx("dara")
    view = open_view(qtbot, ctx)
    data = view.data_tab
    qtbot.waitUntil(lambda: data.figures["persons"].text() == "40", timeout=10_000)
    out = tmp_path / "arrivals.csv"
    asked: list[str] = []
    view.choose_path = lambda purpose, suggested: asked.append(purpose) or str(out)

    with qtbot.waitSignal(data.finished, timeout=10_000, check_params_cb=lambda what: what != "stats") as sig:
        qtbot.mouseClick(data.export_btn, Qt.MouseButton.LeftButton)
    assert sig.args == ["export"] and asked == ["export"]
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 1 + 40 and rows[0][0] == "person_id"
    assert data.message.text() == f"40 row(s) written to {out}."
    assert "NOT encrypted" in data.warning.text() and data.warning.isVisibleTo(data)
    assert not data.error.isVisibleTo(data)

    before = out.read_bytes()
    with qtbot.waitSignal(data.finished, timeout=10_000, check_params_cb=lambda what: what != "stats"):
        qtbot.mouseClick(data.export_btn, Qt.MouseButton.LeftButton)
    assert data.error.text() == "That file already exists. Nothing was overwritten: choose a new name."
    assert not data.warning.isVisibleTo(data) and data.message.text() == ""
    assert out.read_bytes() == before

    # cancelling the file dialog does nothing
    view.choose_path = lambda purpose, suggested: None
    with qtbot.assertNotEmitted(data.finished), qtbot.assertNotEmitted(ctx.changed):
        qtbot.mouseClick(data.export_btn, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, ctx)


def test_backup_and_verify(make_ctx, qtbot, tmp_path):
    ctx = make_ctx("rith")
    view = open_view(qtbot, ctx)
    data = view.data_tab
    with qtbot.waitSignal(data.finished, timeout=10_000, check_params_cb=lambda what: what != "stats"):
        qtbot.mouseClick(data.verify_btn, Qt.MouseButton.LeftButton)
    assert data.message.text().startswith("OK: the store passed every check")
    assert not data.problems.isVisibleTo(data) and not data.error.isVisibleTo(data)

    dest = tmp_path / "backup.db"
    view.choose_path = lambda purpose, suggested: str(dest)
    with qtbot.waitSignal(data.finished, timeout=10_000, check_params_cb=lambda what: what != "stats"):
        qtbot.mouseClick(data.backup_btn, Qt.MouseButton.LeftButton)
    assert dest.exists() and Path(f"{dest}.keys").exists()
    assert "Encrypted backup written" in data.message.text()
    assert not data.error.isVisibleTo(data)
