"""Insiders with a passphrase (issue 10, points 10, 13, 14 and the lockout of 16): each test performs the attack
against a real SQLCipher store and shows it refused or harmless."""

from __future__ import annotations

import pytest

from checkpoint.errors import (
    AccountDisabled,
    ConflictError,
    LockedOut,
    PermissionDenied,
    ValidationError,
    WrongPassphrase,
)
from checkpoint.services import create_store, reset_with_recovery_code, unlock
from checkpoint.storage.keyfile import KeyFile, lockout_delay
from checkpoint.storage.store import keyfile_path
from tests.conftest import FAST, PASS

NEW = "a brand new passphrase"


# ------------------------------------------------------------------ 10. an admin becomes supervisor
@pytest.mark.parametrize("attack", ["add shadow supervisor", "reset supervisor", "promote admin", "promote officer",
                                    "demote supervisor", "lock supervisor"])
def test_an_admin_cannot_make_or_take_over_a_supervisor(supervisor, sign_in, store_path, clock, attack) -> None:
    supervisor.users.add("bopha", "Bopha", "supervisor", "second supervisor phrase")
    admin = sign_in("rith")
    calls = {
        "add shadow supervisor": lambda: admin.users.add("shadow", "Shadow", "supervisor", "shadow account phrase"),
        "reset supervisor": lambda: admin.users.set_passphrase("dara", "taken over by the admin"),
        "promote admin": lambda: admin.users.set_role("rith", "supervisor"),
        "promote officer": lambda: admin.users.set_role("sokha", "supervisor"),
        "demote supervisor": lambda: admin.users.set_role("bopha", "officer"),
        "lock supervisor": lambda: admin.users.set_status("bopha", "disabled"),
    }
    with pytest.raises(PermissionDenied):
        calls[attack]()
    roles = {u.username: (u.role, u.status) for u in supervisor.users.list()}
    assert "shadow" not in roles
    assert roles["rith"] == ("admin", "active") and roles["sokha"] == ("officer", "active")
    assert roles["bopha"] == ("supervisor", "active")
    unlock(store_path, "dara", PASS["dara"], clock=clock, kdf=FAST).lock()        # dara's passphrase still works
    with pytest.raises(WrongPassphrase):
        unlock(store_path, "dara", "taken over by the admin", clock=clock)


def test_an_admin_still_manages_officers_health_workers_and_admins(sign_in, store_path, clock) -> None:
    admin = sign_in("rith")
    admin.users.add("chan", "Chan", "health_worker", "clinic night shift")
    admin.users.set_role("chan", "officer")
    admin.users.set_passphrase("sokha", "reset by the admin 42")
    admin.users.add("mony", "Mony", "admin", "second admin's phrase")
    admin.users.set_status("thida", "disabled")
    assert {u.username: u.role for u in admin.users.list()}["chan"] == "officer"


def test_a_supervisor_may_do_all_of_it(supervisor, store_path, clock) -> None:
    supervisor.users.add("bopha", "Bopha", "supervisor", "second supervisor phrase")
    supervisor.users.set_role("rith", "supervisor")
    supervisor.users.set_passphrase("bopha", NEW)
    supervisor.users.set_status("bopha", "disabled")
    unlock(store_path, "rith", PASS["rith"], clock=clock).lock()


def test_the_user_is_told_once_at_the_next_sign_in(supervisor, sign_in, store_path, clock) -> None:
    admin = sign_in("rith")
    admin.users.set_passphrase("sokha", "reset by the admin 42")
    supervisor.users.set_role("sokha", "health_worker")
    first = unlock(store_path, "sokha", "reset by the admin 42", clock=clock)
    texts = [n.text() for n in first.notices]
    first.lock()
    assert texts == ["Your passphrase was reset by rith on 2026-11-22.",
                     "Your role was changed to health worker by dara on 2026-11-22."]
    again = unlock(store_path, "sokha", "reset by the admin 42", clock=clock)
    assert again.notices == ()                      # told once
    # One's own change is not a notice; another's is.
    again.users.set_passphrase("sokha", NEW, old_passphrase="reset by the admin 42")
    again.lock()
    assert unlock(store_path, "sokha", NEW, clock=clock).notices == ()


def test_a_reset_with_the_recovery_code_is_told(tmp_path, clock) -> None:
    path = tmp_path / "r.db"
    s, code = create_store(path, checkpoint_name="Poipet", username="dara", display_name="Dara",
                           passphrase=PASS["dara"], clock=clock, kdf=FAST)
    s.users.add("bopha", "Bopha", "supervisor", "second supervisor phrase")
    s.lock()
    reset_with_recovery_code(path, code, "bopha", NEW, clock=clock, kdf=FAST).lock()
    notices = unlock(path, "bopha", NEW, clock=clock).notices
    assert [n.text() for n in notices] == ["Your passphrase was reset with the recovery code on 2026-11-22."]


def test_the_cli_tells_the_user_in_one_line(supervisor, sign_in, store_path, capsys, monkeypatch) -> None:
    from sync.device.cli import main

    supervisor.users.set_role("sokha", "health_worker")
    monkeypatch.setenv("CHECKPOINT_PASSPHRASE", PASS["sokha"])
    assert main(["--db", str(store_path), "--user", "sokha", "stats", "--json"]) == 0
    out = capsys.readouterr()
    assert "Your role was changed to health worker by dara" in out.err
    assert out.out.lstrip().startswith("{")                      # --json stays clean


# ------------------------------------------------------------------ 13. locking removes the key slot
def test_a_locked_account_keeps_no_key_slot(supervisor, store_path, clock) -> None:
    kf_path = keyfile_path(store_path)
    sokha_id = next(s["user_id"] for s in KeyFile.load(kf_path).data["slots"] if s.get("username") == "sokha")
    supervisor.users.set_status("sokha", "disabled")
    # The attack: the old passphrase against the key file, without the app (no status check in the way).
    kf = KeyFile.load(kf_path)
    assert sokha_id not in kf.slot_user_ids()
    assert not [s for s in kf.data["slots"] if s.get("user_id") == sokha_id and "blob" in s]
    with pytest.raises(AccountDisabled):
        kf.unwrap_for_user("sokha", PASS["sokha"], now=clock.monotonic)
    # Unlocking alone cannot bring it back: a supervisor gives a new passphrase, which wraps the key again.
    with pytest.raises(ConflictError):
        supervisor.users.set_status("sokha", "active")
    supervisor.users.set_passphrase("sokha", NEW)
    s = unlock(store_path, "sokha", NEW, clock=clock)
    assert [n.kind for n in s.notices] == ["passphrase", "reinstated"]
    s.lock()


def test_an_admin_cannot_reinstate_a_locked_account(supervisor, sign_in) -> None:
    admin = sign_in("rith")
    admin.users.set_status("sokha", "disabled")
    with pytest.raises(PermissionDenied):
        admin.users.set_passphrase("sokha", NEW)


def test_slots_of_accounts_locked_before_this_rule_go_at_the_next_sign_in(supervisor, store_path, clock) -> None:
    # A store from before: the account is locked (an event) but its slot is still in the key file.
    kf = KeyFile.load(keyfile_path(store_path))
    blob_before = [s for s in kf.data["slots"] if s.get("username") == "sokha"]
    with supervisor.store.write():
        uid = blob_before[0]["user_id"]
        supervisor.store.record("user.updated", "user", uid, {"changes": {"status": "disabled"}},
                                author=supervisor.user.id)
    assert uid in KeyFile.load(keyfile_path(store_path)).slot_user_ids()
    unlock(store_path, "thida", PASS["thida"], clock=clock).lock()
    assert uid not in KeyFile.load(keyfile_path(store_path)).slot_user_ids()


# ------------------------------------------------------------------ 14. weak passphrases
WEAK = ["1234567890", "password12", "password1234", "aaaaaaaaaaaaaaaa", "qwertyuiopasdf", "abcabcabcabc",
        "Passw0rd!2024", "dragon", ""]


@pytest.mark.parametrize("weak", WEAK)
def test_weak_passphrases_are_refused_wherever_one_is_set(supervisor, sign_in, tmp_path, store_path, clock,
                                                         weak) -> None:
    with pytest.raises(ValidationError) as e:
        create_store(tmp_path / "new.db", checkpoint_name="Poipet", username="dara", display_name="Dara",
                     passphrase=weak, clock=clock, kdf=FAST)
    assert e.value.field == "passphrase"
    assert not (tmp_path / "new.db").exists()
    with pytest.raises(ValidationError):
        supervisor.users.add("chan", "Chan", "officer", weak)
    with pytest.raises(ValidationError):
        supervisor.users.set_passphrase("sokha", weak)
    with pytest.raises(ValidationError):
        sign_in("vanna").users.set_passphrase("vanna", weak, old_passphrase=PASS["vanna"])
    assert "chan" not in {u.username for u in supervisor.users.list()}
    unlock(store_path, "sokha", PASS["sokha"], clock=clock).lock()      # nothing changed


def test_weak_passphrase_refused_with_the_recovery_code(tmp_path, clock) -> None:
    path = tmp_path / "r.db"
    s, code = create_store(path, checkpoint_name="Poipet", username="dara", display_name="Dara",
                           passphrase=PASS["dara"], clock=clock, kdf=FAST)
    s.lock()
    with pytest.raises(ValidationError):
        reset_with_recovery_code(path, code, "dara", "password12", clock=clock, kdf=FAST)
    unlock(path, "dara", PASS["dara"], clock=clock).lock()


def test_a_passphrase_holding_the_user_name_is_refused(supervisor) -> None:
    with pytest.raises(ValidationError) as e:
        supervisor.users.add("sophea", "Sophea", "officer", "sophea-officer-2026-river")
    assert e.value.detail == "must not contain the user name"


@pytest.mark.parametrize("good", ["a brand new passphrase", "rice field monsoon 42", "x7$Kq!9zP#m2"])
def test_strong_passphrases_pass(supervisor, good) -> None:
    supervisor.users.add("chan", "Chan", "officer", good)


def test_an_old_weak_passphrase_still_signs_in_and_is_asked_to_change(supervisor, store_path, clock) -> None:
    # Set before the rule (straight into the key file): sign-in is not refused, the user is told to change it.
    uid = next(u.id for u in supervisor.users.list() if u.username == "sokha")
    supervisor.keyfile.add_passphrase_slot(uid, "sokha", supervisor._ctx.data_key(), "1234567890", kdf=FAST)
    s = unlock(store_path, "sokha", "1234567890", clock=clock)
    assert [n.kind for n in s.notices] == ["weak_passphrase"]
    s.users.set_passphrase("sokha", NEW, old_passphrase="1234567890")
    s.lock()
    assert unlock(store_path, "sokha", NEW, clock=clock).notices == ()


def test_the_refusals_are_translated_in_khmer() -> None:
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from checkpoint import passphrase as pp

    ts = ET.parse(Path(__file__).resolve().parents[2] / "ui" / "translations" / "checkpoint_km.ts")
    core = {m.findtext("source"): m.find("translation") for c in ts.getroot() if c.findtext("name") == "Core"
            for m in c.iter("message")}
    for msg in (pp.MSG_COMMON, pp.MSG_SHORT, pp.MSG_USERNAME, pp.MSG_TOO_LONG):
        km = core[msg]
        assert km is not None and km.get("type") is None, msg
        assert any("\u1780" <= c <= "\u17ff" for c in km.text or ""), msg


# ------------------------------------------------------------------ 16. the lockout and the wall clock
def _fail(kf: KeyFile, n: int, now) -> None:
    for _ in range(n):
        with pytest.raises((WrongPassphrase, LockedOut)):
            kf.unwrap_for_user("sokha", "not the passphrase", now=now)


def test_a_clock_set_back_does_not_lock_a_correct_passphrase_out_for_a_year(supervisor, store_path) -> None:
    kf = KeyFile.load(keyfile_path(store_path))
    year = 365 * 86400.0
    t = [1_800_000_000.0 + year]                 # the laptop's clock a year ahead while someone guessed
    _fail(kf, 6, lambda: t[0])
    t[0] -= year                                 # the clock put right
    with pytest.raises(LockedOut) as e:
        kf.unwrap_for_user("sokha", PASS["sokha"], now=lambda: t[0])
    assert e.value.retry_after <= 15 * 60
    t[0] += e.value.retry_after + 1
    assert kf.unwrap_for_user("sokha", PASS["sokha"], now=lambda: t[0])[0]


def test_a_huge_failure_counter_is_a_bounded_delay_not_an_overflow(supervisor, store_path) -> None:
    kf = KeyFile.load(keyfile_path(store_path))
    uid = next(s["user_id"] for s in kf.data["slots"] if s.get("username") == "sokha")
    kf.data["attempts"][uid] = {"failed": 1029, "last": 1_800_000_000.0}
    kf.save()
    assert lockout_delay(1029) == lockout_delay(10**12) == 900.0
    with pytest.raises(LockedOut) as e:
        kf.unwrap_for_user("sokha", PASS["sokha"], now=lambda: 1_800_000_010.0)
    assert e.value.retry_after <= 900
    assert kf.unwrap_for_user("sokha", PASS["sokha"], now=lambda: 1_800_001_000.0)[0] == uid
    # A damaged counter does not stop sign-in either.
    kf.data["attempts"][uid] = {"failed": "lots", "last": "yesterday"}
    kf.save()
    assert kf.unwrap_for_user("sokha", PASS["sokha"], now=lambda: 1_800_001_000.0)[0] == uid
