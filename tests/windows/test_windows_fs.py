"""Issue 19 §1-2: the store's whole life under Windows file semantics (tests/support/winfs.py), on Linux.

Create -> wrong then right sign-in -> add a user -> change a passphrase -> backup -> enroll with a real HQ on
127.0.0.1 -> the self-test's Python part, with a program holding the key file open at the moments Windows would
refuse a replace; the key slots match the users table at the end. And the imitation itself refuses what Windows
refuses, so these tests could fail."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from checkpoint import crypto, files
from checkpoint.errors import StoreError, WrongPassphrase
from checkpoint.services import create_store, unlock
from checkpoint.storage.store import keyfile_path
from sync.device.client import SyncClient
from sync.device.transport import HttpTransport
from tests.support.client_harness import live, new_hq
from tests.support.winfs import WindowsFS, hold_for, windows_fs

__all__ = ["windows_fs"]     # the fixture, imported to be used by name

FAST = crypto.KdfParams.fast()
PW, PW2, OFFICER_PW = "first supervisor passphrase", "the changed passphrase!", "the new officer's own passphrase"


def test_the_imitation_refuses_what_windows_refuses(windows_fs: WindowsFS, tmp_path: Path) -> None:
    with pytest.raises(PermissionError):
        os.open(tmp_path, os.O_RDONLY)                       # the old fsync of the store's folder
    target, new = tmp_path / "x.keys", tmp_path / "x.new"
    target.write_bytes(b"old")
    new.write_bytes(b"new")
    with open(target, "rb"), pytest.raises(PermissionError):
        os.replace(new, target)                              # a reader holds it: a sharing violation
    with windows_fs.hold(target), pytest.raises(PermissionError):
        target.unlink()
    os.replace(new, target)                                  # released: allowed again
    assert target.read_bytes() == b"new"


def test_a_replace_waits_out_a_short_hold_and_gives_up_on_a_long_one(windows_fs: WindowsFS, tmp_path: Path) -> None:
    target = tmp_path / "poipet.db.keys"
    files.write_atomic(target, b"v1")
    t = hold_for(windows_fs, target, 0.15)                   # an antivirus scan of the new file
    files.write_atomic(target, b"v2")
    t.join()
    assert target.read_bytes() == b"v2"
    assert ("os.replace", str(target)) in windows_fs.refused  # it was refused at least once, then retried
    with windows_fs.hold(target), pytest.raises(PermissionError):
        files.write_atomic(target, b"v3")                   # held throughout: bounded, then the error
    assert target.read_bytes() == b"v2"
    assert [p.name for p in tmp_path.iterdir()] == ["poipet.db.keys"]   # no .part left behind


def _slots_match_users(session: object) -> None:
    s = session
    users = {r[0] for r in s.store.db.execute("SELECT id FROM users")}          # type: ignore[attr-defined]
    data = json.loads(keyfile_path(s.store.path).read_bytes())                  # type: ignore[attr-defined]
    slots = {x["user_id"] for x in data["slots"] if x["kind"] == "passphrase"}
    assert slots == users


def test_a_store_lives_its_whole_life_under_windows_semantics(windows_fs: WindowsFS, tmp_path: Path) -> None:
    store = tmp_path / "Checkpoint" / "checkpoint.db"
    store.parent.mkdir()
    keys = keyfile_path(store)
    session, code = create_store(store, checkpoint_name="Poipet", username="dara", display_name="Dara",
                                 passphrase=PW, kdf=FAST)
    assert code and keys.is_file()
    session.lock()
    with pytest.raises(WrongPassphrase):
        unlock(store, "dara", "not the passphrase", kdf=FAST)
    t = hold_for(windows_fs, keys, 0.1)                      # the CLI reads the key file as dara signs in
    session = unlock(store, "dara", PW, kdf=FAST)             # clears the failed attempt: a replace
    t.join()
    try:
        assert session.keyfile.failed_attempts(session.user.id) == 0
        t = hold_for(windows_fs, keys, 0.1)
        uid = session.users.add("sophea", "Sophea", "officer", OFFICER_PW).ids["user"]
        t.join()
        session.users.set_passphrase("dara", PW2, old_passphrase=PW)
        backup = tmp_path / "backups" / "poipet-backup.db"
        backup.parent.mkdir()
        session.maintenance.backup(backup)
        assert keyfile_path(backup).is_file()
        hq = new_hq(tmp_path)
        try:
            with live(hq) as url, HttpTransport(url, timeout=10) as transport:
                token = hq.issue_token("Poipet")
                SyncClient(session, transport).enroll(url, token)
            assert session.keyfile.has_slot("hq-recovery")
        finally:
            hq.store.close()
        _slots_match_users(session)
    finally:
        session.lock()
    for user, pw in (("dara", PW2), ("sophea", OFFICER_PW)):
        s = unlock(store, user, pw, kdf=FAST)
        assert s.user.username == user
        s.lock()
    b = unlock(tmp_path / "backups" / "poipet-backup.db", "dara", PW2, kdf=FAST)
    try:
        assert b.users.list() and {u.username for u in b.users.list()} == {"dara", "sophea"}
    finally:
        b.lock()
    assert uid
    assert any(op == "os.replace" for op, _p in windows_fs.refused)   # Windows said no at least once: retried
    assert not [p for p in store.parent.iterdir() if p.name.endswith(".part")]


def test_a_key_file_held_open_for_long_gives_a_plain_error_and_changes_nothing(windows_fs: WindowsFS,
                                                                               tmp_path: Path) -> None:
    store = tmp_path / "checkpoint.db"
    session, _code = create_store(store, checkpoint_name="Poipet", username="dara", display_name="Dara",
                                  passphrase=PW, kdf=FAST)
    try:
        before = keyfile_path(store).read_bytes()
        with windows_fs.hold(keyfile_path(store)), pytest.raises(StoreError, match="held open by another program"):
            session.keyfile.rename_user(session.user.id, "dara2")
        assert keyfile_path(store).read_bytes() == before
    finally:
        session.lock()


def test_the_self_test_passes_under_windows_semantics(windows_fs: WindowsFS, capsys: pytest.CaptureFixture[str],
                                                     qapp: object) -> None:
    from ui.selftest import run_self_test

    assert run_self_test(verbose=True) == 0, capsys.readouterr().out
    assert "FAILED" not in capsys.readouterr().out
