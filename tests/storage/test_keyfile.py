"""Key slots and the wrong-passphrase delay: growing after five attempts, never deleting anything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkpoint.errors import LockedOut, UnsupportedFormat, WrongPassphrase
from checkpoint.services import reset_with_recovery_code, unlock
from checkpoint.storage.keyfile import KeyFile, lockout_delay
from tests.conftest import FAST, PASS


@pytest.mark.parametrize(("failed", "delay"), [(0, 0), (4, 0), (5, 30), (6, 60), (7, 120), (10, 900), (50, 900)])
def test_delay_schedule(failed: int, delay: float) -> None:
    assert lockout_delay(failed) == delay


def test_five_free_attempts_then_a_growing_delay(supervisor, store_path: Path, clock) -> None:
    for n in range(1, 6):
        with pytest.raises(WrongPassphrase) as e:
            unlock(store_path, "sokha", "not the passphrase", clock=clock)
        assert e.value.failed_attempts == n
    assert e.value.retry_after == 30
    # During the delay even the right passphrase is not tried.
    with pytest.raises(LockedOut) as lo:
        unlock(store_path, "sokha", PASS["sokha"], clock=clock)
    assert 29 <= lo.value.retry_after <= 30
    clock.advance(seconds=31)
    with pytest.raises(WrongPassphrase) as e:
        unlock(store_path, "sokha", "wrong again", clock=clock)
    assert e.value.retry_after == 60
    clock.advance(seconds=59)
    with pytest.raises(LockedOut):
        unlock(store_path, "sokha", PASS["sokha"], clock=clock)
    clock.advance(seconds=2)
    s = unlock(store_path, "sokha", PASS["sokha"], clock=clock)
    assert s.user.username == "sokha"
    s.lock()
    # Success resets the counter; the data is all still there.
    kf = KeyFile.load(str(store_path) + ".keys")
    assert kf.failed_attempts(kf.user_slot("sokha")["user_id"]) == 0
    assert store_path.exists()


def test_other_users_are_not_delayed(supervisor, store_path: Path, clock) -> None:
    for _ in range(6):
        with pytest.raises((WrongPassphrase, LockedOut)):
            unlock(store_path, "sokha", "nope nope nope", clock=clock)
    unlock(store_path, "vanna", PASS["vanna"], clock=clock).lock()


def test_supervisor_unlock_clears_the_delay(supervisor, store_path: Path, clock) -> None:
    for _ in range(6):
        with pytest.raises((WrongPassphrase, LockedOut)):
            unlock(store_path, "sokha", "nope nope nope", clock=clock)
    # the 6th attempt was refused unread, so it is not counted
    assert [u.failed_attempts for u in supervisor.users.list() if u.username == "sokha"] == [5]
    supervisor.users.set_status("sokha", "active")
    unlock(store_path, "sokha", PASS["sokha"], clock=clock).lock()


def test_unknown_user_gets_the_same_answer(supervisor, store_path: Path, clock) -> None:
    with pytest.raises(WrongPassphrase, match="Wrong user name or passphrase"):
        unlock(store_path, "nobody", "whatever passphrase", clock=clock)


def test_a_slot_moved_to_another_user_does_not_open(supervisor, store_path: Path, clock) -> None:
    kp = Path(str(store_path) + ".keys")
    data = json.loads(kp.read_text())
    slots = {s.get("username"): s for s in data["slots"] if s["kind"] == "passphrase"}
    slots["vanna"]["blob"] = slots["sokha"]["blob"]   # an attacker copies sokha's slot over vanna's
    kp.write_text(json.dumps(data))
    with pytest.raises(WrongPassphrase):
        unlock(store_path, "vanna", PASS["sokha"], clock=clock)


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": "other"}',
                                     b'{"format": "checkpoint-keyfile", "version": 99}'])
def test_damaged_or_foreign_key_file_is_a_clear_error(supervisor, store_path: Path, clock, content) -> None:
    Path(str(store_path) + ".keys").write_bytes(content)
    with pytest.raises(UnsupportedFormat):
        unlock(store_path, "dara", PASS["dara"], clock=clock)


def test_recovery_code_resets_a_forgotten_passphrase(store_path: Path, clock) -> None:
    from checkpoint.services import create_store

    s, code = create_store(store_path, checkpoint_name="P", username="dara", display_name="D",
                           passphrase=PASS["dara"], clock=clock, kdf=FAST)
    s.lock()
    typed = code.lower().replace("-", " ")   # as someone types it from paper
    s2 = reset_with_recovery_code(store_path, typed, "dara", "a brand new passphrase", clock=clock, kdf=FAST)
    s2.lock()
    with pytest.raises(WrongPassphrase):
        unlock(store_path, "dara", PASS["dara"], clock=clock)
    unlock(store_path, "dara", "a brand new passphrase", clock=clock).lock()


def test_hq_recovery_slot_opens_the_store(store_path: Path, clock) -> None:
    from checkpoint import crypto
    from checkpoint.services import create_store
    from checkpoint.storage.store import Store

    hq_priv, hq_pub = crypto.generate_x25519()
    s, _ = create_store(store_path, checkpoint_name="P", username="dara", display_name="D",
                        passphrase=PASS["dara"], clock=clock, kdf=FAST, hq_recovery_public_key=hq_pub)
    s.registrations.register  # noqa: B018 - the session is usable
    s.lock()
    key = KeyFile.load(str(store_path) + ".keys").unwrap_with_hq_key(hq_priv)
    st = Store.open(store_path, key, clock=clock)
    assert st.db.execute("SELECT username FROM users").fetchone()[0] == "dara"
    st.close()


def test_changing_a_passphrase_rewraps_and_never_reencrypts(supervisor, store_path: Path, clock, sign_in) -> None:
    before = store_path.read_bytes()[:4096]
    s = sign_in("sokha")
    s.users.set_passphrase("sokha", "has a brand-new passphrase", old_passphrase=PASS["sokha"])
    assert store_path.read_bytes()[:4096] == before   # same salt/header page: not re-encrypted
    with pytest.raises(WrongPassphrase):
        unlock(store_path, "sokha", PASS["sokha"], clock=clock)
    unlock(store_path, "sokha", "has a brand-new passphrase", clock=clock).lock()
