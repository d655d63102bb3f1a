"""Rotating the data key for a dismissed user (issue 10, point 13): a copy of the key file she kept stops opening
the store; everyone else, the recovery code (a new one) and HQ's recovery slot keep working; a power cut between
the steps never leaves the store without a working key."""

from __future__ import annotations

import base64
import json
import shutil

import pytest

from checkpoint import crypto
from checkpoint.errors import DecryptionFailed, PermissionDenied, StoreError, WrongPassphrase
from checkpoint.services import reset_with_recovery_code, unlock
from checkpoint.storage.db import open_encrypted
from checkpoint.storage.keyfile import KeyFile
from checkpoint.storage.store import Store, keyfile_path
from tests.conftest import FAST, PASS


def _stolen_key(copy, username, passphrase, clock) -> bytes:
    """What the dismissed user does with the key file she copied: unwrap the data key offline."""
    return KeyFile.load(copy).unwrap_for_user(username, passphrase, now=clock.monotonic)[1]


def test_a_dismissed_users_copy_of_the_key_file_stops_opening_the_store(supervisor, store_path, clock, tmp_path
                                                                       ) -> None:
    copy = tmp_path / "vanna-kept.keys"
    shutil.copy(keyfile_path(store_path), copy)
    supervisor.users.set_status("vanna", "disabled")
    old_key = _stolen_key(copy, "vanna", PASS["vanna"], clock)
    open_encrypted(store_path, old_key).close()              # the attack works before the rotation
    rotated = supervisor.users.rotate_data_key()
    with pytest.raises(DecryptionFailed):
        open_encrypted(store_path, old_key)
    assert rotated.users_without_slot == ()
    # Everyone else signs in as before (their slots got the new key without their passphrases).
    for name in ("sokha", "thida", "rith"):
        unlock(store_path, name, PASS[name], clock=clock, kdf=FAST).lock()
    assert supervisor.records.count() >= 0                   # the rotating session goes on with the new key
    supervisor.lock()
    unlock(store_path, "dara", PASS["dara"], clock=clock, kdf=FAST).lock()
    # The new recovery code works; the printed old one cannot (its slot was replaced).
    reset_with_recovery_code(store_path, rotated.recovery_code, "sokha", "after the rotation 9", clock=clock,
                             kdf=FAST).lock()


def test_only_a_supervisor_rotates(sign_in) -> None:
    for name in ("rith", "sokha"):
        with pytest.raises(PermissionDenied):
            sign_in(name).users.rotate_data_key()


def test_the_hq_recovery_slot_follows_the_new_key(supervisor, store_path, clock) -> None:
    from checkpoint.services.outbox import Outbox

    hq_private, hq_public = crypto.generate_x25519()
    Outbox(supervisor).set_enrollment(hq_url="https://hq.example.org", hq_device_id="d1",
                                      hq_signing_public=crypto.generate_x25519()[1],
                                      hq_exchange_public=crypto.generate_x25519()[1], hq_recovery_public=hq_public)
    supervisor.users.rotate_data_key()
    key = KeyFile.load(keyfile_path(store_path)).unwrap_with_hq_key(hq_private)
    Store.open(store_path, key, clock=clock).close()
    # HQ's key no longer known here (the enrollment record damaged): refused, rather than HQ's slot dropped.
    with supervisor.store.write():
        supervisor.store.set_meta("hq_enrollment", "{}")
    with pytest.raises(StoreError):
        supervisor.users.rotate_data_key()
    assert KeyFile.load(keyfile_path(store_path)).unwrap_with_hq_key(hq_private) == key


def _old_style(kf: KeyFile, username: str, data_key: bytes) -> str:
    """Turn a user's slot into the kind written before sealed slots: the data key wrapped by the passphrase."""
    slot = next(s for s in kf.data["slots"] if s.get("username") == username)
    blob = crypto.wrap_key(data_key, PASS[username], params=FAST,
                           context=f"checkpoint keyslot v1|{kf.store_id}|passphrase|{slot['user_id']}".encode())
    for field in ("scheme", "public", "sealed"):
        slot.pop(field)
    slot["blob"] = base64.b64encode(blob).decode()
    kf.save()
    return str(slot["user_id"])


def test_an_old_style_slot_is_upgraded_at_sign_in_so_it_can_follow(supervisor, store_path, clock) -> None:
    kf = KeyFile.load(keyfile_path(store_path))
    sokha = _old_style(kf, "sokha", supervisor._ctx.data_key())
    _old_style(kf, "vanna", supervisor._ctx.data_key())   # vanna will not sign in before the rotation
    assert not KeyFile.load(keyfile_path(store_path)).slot_is_sealed(sokha)
    unlock(store_path, "sokha", PASS["sokha"], clock=clock, kdf=FAST).lock()
    assert KeyFile.load(keyfile_path(store_path)).slot_is_sealed(sokha)
    rotated = supervisor.users.rotate_data_key()
    assert rotated.users_without_slot == ("vanna",)
    unlock(store_path, "sokha", PASS["sokha"], clock=clock, kdf=FAST).lock()
    with pytest.raises(WrongPassphrase):
        unlock(store_path, "vanna", PASS["vanna"], clock=clock, kdf=FAST)
    supervisor.users.set_passphrase("vanna", "a fresh river passphrase")
    unlock(store_path, "vanna", "a fresh river passphrase", clock=clock, kdf=FAST).lock()


class PowerCut(BaseException):
    """Stands for the process dying: nothing after it runs."""


def _cut(monkeypatch, target, name):
    original = getattr(target, name)

    def dying(self, *a, **k):
        if name == "rekey":
            original(self, *a, **k)       # the rekey commits, then the power goes
        raise PowerCut

    monkeypatch.setattr(target, name, dying)


@pytest.mark.parametrize("cut_after", ["prepare", "rekey"])
def test_a_power_cut_between_the_steps_leaves_a_store_that_opens(supervisor, store_path, clock, monkeypatch,
                                                                  cut_after) -> None:
    if cut_after == "prepare":                       # step 1 written, the database never re-encrypted
        def dies(self, key):
            raise PowerCut

        monkeypatch.setattr(Store, "rekey", dies)
    else:                                            # re-encrypted, the key file never rewritten
        _cut(monkeypatch, Store, "rekey")
    with pytest.raises(PowerCut):
        supervisor.users.rotate_data_key()
    monkeypatch.undo()
    supervisor._ctx._store.db.close()                # the process is gone
    supervisor._ctx._store = None
    assert KeyFile.load(keyfile_path(store_path)).rotation_pending()
    # Any remaining user opens the store, and that sign-in settles the key file.
    unlock(store_path, "thida", PASS["thida"], clock=clock, kdf=FAST).lock()
    kf = KeyFile.load(keyfile_path(store_path))
    assert not kf.rotation_pending()
    assert not any("sealed_next" in s or "blob_next" in s for s in kf.data["slots"])
    for name in ("dara", "sokha", "vanna", "rith"):
        unlock(store_path, name, PASS[name], clock=clock, kdf=FAST).lock()
    assert json.loads(keyfile_path(store_path).read_text())["version"] == 2
