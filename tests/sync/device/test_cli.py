"""checkpoint-admin's sync commands as an operator runs them: the installed program against a real HQ on
127.0.0.1, exit codes (0 only when HQ has everything), plain messages, never a traceback. The USB round trip uses
HQ's own command (checkpoint-hq import-batch)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from checkpoint import crypto
from checkpoint.demo import generate
from checkpoint.services import create_store
from sync.hq.keys import init_keys, load_keys
from sync.hq.service import HQService
from sync.hq.store import HQStore
from tests.support.client_harness import live

PW = "supervisor passphrase"
HQ_PW = "hq operator passphrase"
# The installed program, as operators run it (the console script pip put beside this Python), not `python -m`.
PROGRAM = shutil.which("checkpoint-admin", path=str(Path(sys.executable).parent))


def run(db: Path | str, *args: str, pw: str | None = PW, env: dict[str, str] | None = None,
        module: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """checkpoint-admin (installed), or ``python -m module`` (HQ's CLI)."""
    e = {k: v for k, v in os.environ.items() if not k.startswith("CHECKPOINT_")}
    if pw is not None:
        e["CHECKPOINT_PASSPHRASE"] = pw
    e.update(env or {})
    pre = ["--db", str(db)]
    assert module or PROGRAM, f"checkpoint-admin is not installed beside {sys.executable}: run `make venv`"
    program = [sys.executable, "-m", module] if module else [str(PROGRAM)]
    p = subprocess.run([*program, *pre, *args], env=e, capture_output=True, text=True,
                       timeout=timeout, stdin=subprocess.DEVNULL)
    assert "Traceback" not in p.stderr and "Traceback" not in p.stdout, p.stderr
    return p


@pytest.fixture(scope="module")
def hq(tmp_path_factory):
    """HQ with its keys on disk (so checkpoint-hq import-batch can use them), served on 127.0.0.1."""
    d = tmp_path_factory.mktemp("hq")
    init_keys(d / "keys", HQ_PW, kdf=crypto.KdfParams.fast())
    url = f"sqlite:///{d / 'hq.db'}"
    service = HQService(HQStore.open(url), load_keys(d / "keys", HQ_PW))
    with live(service) as base:
        yield {"service": service, "url": base, "db": url, "keys": d / "keys"}
    service.store.close()


def new_store(tmp_path: Path, hq, *, enroll: bool = True, name: str = "Poipet") -> Path:
    """A store with 25 demo arrivals, made in process (fast KDF, so each command below unlocks quickly)."""
    db = tmp_path / "poipet.db"
    s, _ = create_store(db, checkpoint_name=name, username="dara", display_name="Dara", passphrase=PW,
                        kdf=crypto.KdfParams.fast())
    try:
        generate(s, count=25, seed=4)
    finally:
        s.lock()
    if enroll:
        token = hq["service"].issue_token(name)
        p = run(db, "enroll", "--server", hq["url"], env={"CHECKPOINT_ENROLL_TOKEN": token})
        assert p.returncode == 0, p.stderr
        assert "Enrolled with HQ" in p.stdout
    return db


def test_enroll_sync_and_status(tmp_path: Path, hq) -> None:
    db = new_store(tmp_path, hq, enroll=False)
    assert json.loads(run(db, "stats", "--json").stdout)["persons"] == 25     # the core's commands are all there
    p = run(db, "sync")
    assert p.returncode == 2 and "not enrolled" in p.stderr and "enroll --server" in p.stderr
    p = run(db, "enroll", "--server", hq["url"], "--token", "NOPE-NOPE", "--fingerprint",
            hq["service"].fingerprint())
    assert p.returncode == 4 and "not known to HQ" in p.stderr
    token = hq["service"].issue_token("Poipet")
    assert run(db, "enroll", "--server", hq["url"], env={"CHECKPOINT_ENROLL_TOKEN": token}).returncode == 0
    p = run(db, "sync", "--json")
    assert p.returncode == 0, p.stderr
    summary = json.loads(p.stdout)
    assert summary["complete"] and summary["sent"] == summary["acknowledged"] > 25 and summary["errors"] == []
    st = json.loads(run(db, "sync-status", "--json").stdout)
    assert st["pending"] == st["inflight"] == 0 and st["hq_url"] == hq["url"] and st["last_success"]
    p = run(db, "sync")
    assert p.returncode == 0 and "Everything on this device is at HQ." in p.stdout
    p = run(db, "sync-status")
    assert p.returncode == 0 and hq["url"] in p.stdout
    assert run(db, "sync-status", pw="wrong passphrase").returncode == 3


def test_sync_exits_4_with_a_plain_reason_when_hq_is_unreachable_or_refuses(tmp_path: Path, hq) -> None:
    db = new_store(tmp_path, hq)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    p = run(db, "sync", "--server", dead, "--timeout", "3", "--json")
    assert p.returncode == 4 and "could not be reached" in p.stderr
    assert json.loads(p.stdout)["complete"] is False
    st = json.loads(run(db, "sync-status", "--json").stdout)
    assert st["pending"] + st["inflight"] > 25 and "could not be reached" in st["last_error"]
    p = run(db, "sync-status")
    assert "last error:" in p.stdout
    device_id = st["device_id"]
    hq["service"].revoke(device_id, "test")
    p = run(db, "sync")
    assert p.returncode == 4 and "revoked" in p.stderr
    st2 = json.loads(run(db, "sync-status", "--json").stdout)
    assert st2["pending"] + st2["inflight"] == st["pending"] + st["inflight"]     # nothing dropped


def test_usb_round_trip_with_both_commands(tmp_path: Path, hq) -> None:
    db = new_store(tmp_path, hq)
    usb = tmp_path / "usb"
    usb.mkdir()
    p = run(db, "export-batch", "--out", str(usb / "poipet-1.cpb"), "--json")
    assert p.returncode == 0, p.stderr
    exported = json.loads(p.stdout)
    assert exported["events"] > 25
    p = run(db, "export-batch", "--out", str(usb / "poipet-1.cpb"))
    assert p.returncode == 4 and "already exists" in p.stderr
    # At HQ: checkpoint-hq import-batch writes the signed ack to carry back.
    p = run(hq["db"], "--keys", str(hq["keys"]), "import-batch", str(usb / "poipet-1.cpb"), "--ack-out",
            str(usb / "poipet-1.ack"), module="sync.hq.cli", pw=None, env={"CHECKPOINT_HQ_PASSPHRASE": HQ_PW})
    assert p.returncode == 0, p.stderr
    p = run(db, "import-ack", str(usb / "poipet-1.ack"))
    assert p.returncode == 0 and "HQ acknowledged batch" in p.stdout, p.stderr
    assert run(db, "import-ack", str(usb / "poipet-1.ack")).stdout.count("already acknowledged") == 1
    (usb / "junk.ack").write_bytes(b"PK\x03\x04 not an ack")
    p = run(db, "import-ack", str(usb / "junk.ack"))
    assert p.returncode == 4 and "not the kind of Checkpoint document" in p.stderr
    st = json.loads(run(db, "sync-status", "--json").stdout)
    assert st["inflight"] == 0 and st["acked"] == exported["events"]
    p = run(db, "export-batch", "--out", str(usb / "poipet-2.cpb"))
    assert p.returncode == 0 and "Nothing is waiting" in p.stdout


def test_enroll_refuses_plain_http_to_another_computer_and_a_bare_token(tmp_path: Path, hq) -> None:
    db = new_store(tmp_path, hq, enroll=False)
    code = hq["service"].issue_token("Poipet")
    p = run(db, "enroll", "--server", "http://hq.example.org", env={"CHECKPOINT_ENROLL_TOKEN": code})
    assert p.returncode == 4 and "https://" in p.stderr and "127.0.0.1" in p.stderr
    bare = "-".join(code.split("-")[:8])
    p = run(db, "enroll", "--server", hq["url"], env={"CHECKPOINT_ENROLL_TOKEN": bare})
    assert p.returncode == 4 and "no HQ key fingerprint" in p.stderr
    fingerprint = run(hq["db"], "--keys", str(hq["keys"]), "fingerprint", module="sync.hq.cli", pw=None)
    assert fingerprint.returncode == 0 and fingerprint.stdout.strip() == "-".join(code.split("-")[8:])
    p = run(db, "enroll", "--server", hq["url"], "--fingerprint", fingerprint.stdout.strip(),
            env={"CHECKPOINT_ENROLL_TOKEN": bare})
    assert p.returncode == 0 and fingerprint.stdout.strip() in p.stdout, p.stderr


def test_reenrollment_takes_hqs_release_file(tmp_path: Path, hq) -> None:
    db = new_store(tmp_path, hq)
    device_id = json.loads(run(db, "sync-status", "--json").stdout)["device_id"]
    code = hq["service"].issue_token("Poipet")
    p = run(db, "enroll", "--replace", "--server", hq["url"], env={"CHECKPOINT_ENROLL_TOKEN": code})
    assert p.returncode == 2 and "--release" in p.stderr
    out = tmp_path / "poipet.release"
    p = run(hq["db"], "--keys", str(hq["keys"]), "release", device_id, "--out", str(out), "--reason", "new laptop",
            module="sync.hq.cli", pw=None, env={"CHECKPOINT_HQ_PASSPHRASE": HQ_PW})
    assert p.returncode == 0 and "revoked and released" in p.stdout and out.is_file(), p.stderr
    assert run(db, "sync").returncode == 4                                  # revoked: refused until re-enrolled
    p = run(db, "enroll", "--replace", "--release", str(out), "--server", hq["url"],
            env={"CHECKPOINT_ENROLL_TOKEN": code})
    assert p.returncode == 0 and "first HQ's recovery key only" in p.stdout, p.stderr
    assert run(db, "sync").returncode == 0
