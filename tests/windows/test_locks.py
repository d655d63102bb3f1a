"""Issue 19 §2: the key file's lock between processes, and one desktop window per store.

Real processes: a child takes a lock and waits; the parent sees it held (bounded wait, a plain error), then free
once the child exits."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checkpoint import crypto
from checkpoint.errors import StoreError
from checkpoint.files import FileLock, LockBusy
from checkpoint.instance import InstanceGuard
from checkpoint.services import create_store
from checkpoint.storage import keyfile as keyfile_module
from checkpoint.storage.keyfile import KeyFile, lock_path
from checkpoint.storage.store import keyfile_path

HOLDER = """
import sys, time
from checkpoint.files import FileLock
lock = FileLock(sys.argv[1], timeout=5)
lock.acquire()
print("held", flush=True)
sys.stdin.readline()          # hold until the parent says so (or closes stdin)
"""


def _holder(path: Path) -> subprocess.Popen[str]:
    p = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         text=True)
    assert p.stdout is not None and p.stdout.readline().strip() == "held"
    return p


def _stop(p: subprocess.Popen[str]) -> None:
    assert p.stdin is not None
    p.stdin.close()
    p.wait(timeout=10)


def test_a_lock_held_by_another_process_is_waited_for_then_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.keys.lock"
    p = _holder(path)
    try:
        t0 = time.monotonic()
        with pytest.raises(LockBusy):
            FileLock(path, timeout=0.3).acquire()
        assert 0.25 <= time.monotonic() - t0 < 5           # bounded
    finally:
        _stop(p)
    with FileLock(path, timeout=1):                        # free once the other process is gone
        pass


def test_a_key_file_change_waits_for_the_other_program_then_says_so_plainly(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "checkpoint.db"
    session, _code = create_store(store, checkpoint_name="Poipet", username="dara", display_name="Dara",
                                  passphrase="first supervisor passphrase", kdf=crypto.KdfParams.fast())
    try:
        monkeypatch.setattr(keyfile_module, "LOCK_TIMEOUT", 0.3)
        before = keyfile_path(store).read_bytes()
        p = _holder(lock_path(keyfile_path(store)))           # checkpoint-admin in the middle of its own change
        try:
            with pytest.raises(StoreError, match="Another Checkpoint program is changing the key file"):
                session.keyfile.rename_user(session.user.id, "dara2")
            assert keyfile_path(store).read_bytes() == before
        finally:
            _stop(p)
        session.keyfile.rename_user(session.user.id, "dara2")
        assert "dara2" in json.loads(keyfile_path(store).read_bytes())["slots"][0]["username"]
    finally:
        session.lock()


RACER = """
import os, sys, time
from checkpoint import crypto
from checkpoint.storage.keyfile import KeyFile
if sys.argv[4] == "unlocked":
    KeyFile.add_passphrase_slot = KeyFile.add_passphrase_slot.__wrapped__
kf = KeyFile.load(sys.argv[1])
while not os.path.exists(sys.argv[1] + ".go"):         # start together
    time.sleep(0.005)
for i in range(5):        # Argon2id between the reread and the save: the window in which the other one writes
    kf.add_passphrase_slot(f"{sys.argv[2]}-{i}", f"{sys.argv[2]}{i}", bytes.fromhex(sys.argv[3]), "pw",
                           kdf=crypto.KdfParams(memory_kib=16384, iterations=2, lanes=1))
"""


def _race(tmp_path: Path, mode: str) -> set[str]:
    store = tmp_path / mode / "checkpoint.db"
    store.parent.mkdir(parents=True)
    session, _code = create_store(store, checkpoint_name="Poipet", username="dara", display_name="Dara",
                                  passphrase="first supervisor passphrase", kdf=crypto.KdfParams.fast())
    key = session._ctx.data_key()
    session.lock()
    keys = keyfile_path(store)
    procs = [subprocess.Popen([sys.executable, "-c", RACER, str(keys), who, key.hex(), mode]) for who in ("app", "cli")]
    time.sleep(1.0)                               # both loaded and waiting
    Path(str(keys) + ".go").touch()
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    return set(KeyFile.load(keys).usernames())


def test_two_processes_adding_slots_keep_both_changes(tmp_path: Path) -> None:
    """The app and checkpoint-admin each reread, add a slot and replace the file, at the same time."""
    wanted = {f"{who}{i}" for who in ("app", "cli") for i in range(5)}
    assert wanted <= _race(tmp_path, "locked")
    # The same race without the lock loses slots (what the lock is for; shows this test can fail). Losing needs the
    # two processes to overlap, which a heavily loaded machine may not give: tried a few times, then said.
    for attempt in range(3):
        if not wanted <= _race(tmp_path / str(attempt), "unlocked"):
            return
    pytest.skip("the unlocked race never overlapped on this machine (3 tries): the locked race above was checked, "
                "the proof that it can fail was not")


def test_every_method_that_saves_the_key_file_runs_under_the_lock() -> None:
    """A method added later (data-key rotation...) that rereads, changes and saves must be listed."""
    def source(fn: object) -> str:
        try:
            return inspect.getsource(inspect.unwrap(fn))  # type: ignore[arg-type]
        except OSError:                                     # generated by @dataclass: no source, no save
            return ""

    saving = {name for name, fn in inspect.getmembers(KeyFile, inspect.isfunction)
              if "self.save()" in source(fn) and name != "save"}
    assert "add_passphrase_slot" in saving
    assert saving <= set(keyfile_module.READ_MODIFY_WRITE), saving - set(keyfile_module.READ_MODIFY_WRITE)
    assert all(hasattr(getattr(KeyFile, n), "__wrapped__") for n in keyfile_module.READ_MODIFY_WRITE)


GUARD = """
import sys
from checkpoint.instance import InstanceGuard
print("got" if InstanceGuard(sys.argv[1]).acquire() else "busy", flush=True)
sys.stdin.readline()
"""


def test_a_second_process_on_the_same_store_is_refused_and_another_store_is_not(tmp_path: Path) -> None:
    store = tmp_path / "checkpoint.db"
    first = subprocess.Popen([sys.executable, "-c", GUARD, str(store)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "got"
        assert not InstanceGuard(store).acquire()
        other = InstanceGuard(tmp_path / "other.db")
        assert other.acquire()
        other.release()
    finally:
        assert first.stdin is not None
        first.stdin.close()
        first.wait(timeout=10)
    mine = InstanceGuard(store)
    assert mine.acquire()          # the first window closed: the store is free again
    mine.release()
