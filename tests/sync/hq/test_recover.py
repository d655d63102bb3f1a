"""HQ-assisted recovery: HQ's recovery key opens an enrolled device's data key and sets a new passphrase."""

from __future__ import annotations

from functools import partial

import pytest

from checkpoint.errors import DecryptionFailed, StoreError, ValidationError, WrongPassphrase
from checkpoint.services import unlock
from checkpoint.storage.store import keyfile_path
from sync.hq.cli import device_store_reset
from sync.hq.keys import HQKeys
from sync.hq.recovery import recover_passphrase as _recover
from tests.conftest import FAST, PASS
from tests.support.hq_helpers import enroll

NEW = "a brand new passphrase"
# What `checkpoint-hq recover` runs: HQ's part (sync.hq.recovery) with the device's store writer handed in.
recover_passphrase = partial(_recover, reset=device_store_reset())


def test_recover_sets_a_new_passphrase_and_records_it(hq, supervisor, store_path, clock) -> None:
    enroll(hq, supervisor)
    user_count = supervisor.store.db.execute("SELECT count(*) FROM events WHERE type = 'user.passphrase_changed'") \
        .fetchone()[0]
    supervisor.lock()
    recover_passphrase(keyfile_path(store_path), store_path, "sokha", NEW, hq.keys.recovery_private,
                       clock=clock, kdf=FAST)
    s = unlock(store_path, "sokha", NEW, clock=clock, kdf=FAST)
    try:
        changed = s.store.db.execute("SELECT count(*) FROM events WHERE type = 'user.passphrase_changed'").fetchone()[0]
        assert changed == user_count + 1
    finally:
        s.lock()
    with pytest.raises(WrongPassphrase):
        unlock(store_path, "sokha", PASS["sokha"], clock=clock, kdf=FAST)
    unlock(store_path, "dara", PASS["dara"], clock=clock, kdf=FAST).lock()       # others unchanged


def test_recover_refuses_what_it_cannot_do(hq, supervisor, store_path, clock) -> None:
    kf = keyfile_path(store_path)
    with pytest.raises(StoreError, match="never enrolled"):                       # no HQ slot yet
        recover_passphrase(kf, store_path, "sokha", NEW, hq.keys.recovery_private, clock=clock, kdf=FAST)
    enroll(hq, supervisor)
    with pytest.raises(DecryptionFailed, match="recovery key"):
        recover_passphrase(kf, store_path, "sokha", NEW, HQKeys.generate().recovery_private, clock=clock, kdf=FAST)
    with pytest.raises(ValidationError, match=r"^user: no such user in this store$"):
        recover_passphrase(kf, store_path, "nobody", NEW, hq.keys.recovery_private, clock=clock, kdf=FAST)
    with pytest.raises(ValidationError):
        recover_passphrase(kf, store_path, "sokha", "short", hq.keys.recovery_private, clock=clock, kdf=FAST)
