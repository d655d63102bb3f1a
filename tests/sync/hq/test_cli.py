"""checkpoint-hq from a terminal (subprocesses): keys, tokens, USB import with a verifiable ack, stats, devices,
recovery, exit codes and plain messages (never a traceback)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from checkpoint.services import unlock
from sync.hq.keys import init_keys, load_keys, read_public
from sync.hq.service import HQService
from sync.hq.store import HQStore
from sync.wire import ACK, REFERENCE, hq_fingerprint, open_signed
from tests.conftest import FAST, PASS
from tests.support.hq_helpers import FakeDevice, enroll

PW = "hq-operator-passphrase"
ROOT = Path(__file__).resolve().parents[3]


def hq_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    e = {**os.environ, "CHECKPOINT_HQ_PASSPHRASE": PW, **(env or {})}
    r = subprocess.run([sys.executable, "-m", "sync.hq.cli", *args], capture_output=True, text=True, env=e,
                       cwd=ROOT, timeout=timeout, stdin=subprocess.DEVNULL, check=False)
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, r.stderr
    return r


@pytest.fixture(scope="module")
def keys_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Keys made in process with the fast KDF (the parameters travel in each wrapped key, so every command
    below unwraps them quickly); `init-keys` itself is tested with the real KDF in its own test."""
    d = tmp_path_factory.mktemp("hq") / "keys"
    init_keys(d, PW, kdf=FAST)
    return d


def test_init_keys_writes_wrapped_keys_and_never_replaces_them(tmp_path: Path) -> None:
    d = tmp_path / "keys"
    r = hq_cli("--keys", str(d), "init-keys", "--json")
    assert r.returncode == 0, r.stderr
    info = json.loads(r.stdout)
    assert info["private_keys_present"] == ["signing", "exchange", "recovery"]
    assert load_keys(d, PW).signing_public.hex() == info["signing_public"]
    r = hq_cli("--keys", str(d), "init-keys")
    assert r.returncode == 4 and "refusing to replace" in r.stderr


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'hq.db'}"


def service(db: str, keys_dir: Path) -> HQService:
    return HQService(HQStore.open(db), load_keys(keys_dir, PW))


def test_a_wrong_passphrase_is_exit_3(keys_dir: Path, db: str) -> None:
    r = hq_cli("--db", db, "--keys", str(keys_dir), "import-batch", str(keys_dir / "hq-keys.json"),
               env={"CHECKPOINT_HQ_PASSPHRASE": "wrong passphrase"})
    assert r.returncode == 3 and "Wrong passphrase" in r.stderr


def test_enroll_token_prints_the_token_last_and_it_enrolls(keys_dir: Path, db: str) -> None:
    r = hq_cli("--db", db, "enroll-token", "--checkpoint", "Poipet", "--hours", "2")
    assert r.returncode == 4 and "signing key is not known" in r.stderr and "--keys" in r.stderr  # no keys, new db
    r = hq_cli("--db", db, "--keys", str(keys_dir), "enroll-token", "--checkpoint", "Poipet", "--hours", "2")
    assert r.returncode == 0, r.stderr
    assert f"fingerprint {hq_fingerprint(read_public(keys_dir)['signing'])}" in r.stdout
    token = r.stdout.strip().splitlines()[-1]
    dev = FakeDevice()
    hq = service(db, keys_dir)
    from tests.support.hq_helpers import enroll_request

    assert hq.enroll(enroll_request(dev.identity, token))["hq_device_id"] == dev.device_id
    r = hq_cli("devices", "--json", "--db", db)                   # options after the command work too
    (row,) = json.loads(r.stdout)
    assert row["device_id"] == dev.device_id and row["status"] == "active"


def test_import_batch_writes_a_verifiable_ack_and_a_replay_gets_the_same_one(keys_dir: Path, db: str,
                                                                              tmp_path: Path) -> None:
    hq = service(db, keys_dir)
    dev = FakeDevice()
    dev.enroll(hq)
    hq.store.close()
    batch = tmp_path / "usb" / "batch-0001.cpb"
    batch.parent.mkdir()
    batch.write_bytes(dev.seal(dev.events(4), hq.keys.exchange_public))
    r = hq_cli("--db", db, "--keys", str(keys_dir), "import-batch", str(batch), "--json")
    assert r.returncode == 0, r.stderr
    out: dict[str, Any] = json.loads(r.stdout)
    ack_path = Path(out["ack"])
    assert ack_path == batch.with_name("batch-0001.ack") and out["counts"]["accepted"] == 4
    body = open_signed(ACK, ack_path.read_bytes(), hq.keys.signing_public)
    assert body["device_id"] == dev.device_id and len(body["verdicts"]) == 4
    ref = open_signed(REFERENCE, batch.with_name("batch-0001.ref").read_bytes(), hq.keys.signing_public)
    assert ref["kind"] == "reference" and ref["checkpoint_id"] and ref["expires_at"]     # the directory goes back too
    elsewhere = tmp_path / "ack-copy"
    r = hq_cli("--db", db, "--keys", str(keys_dir), "import-batch", str(batch), "--ack-out", str(elsewhere))
    assert r.returncode == 0 and "already imported" in r.stdout
    assert elsewhere.read_bytes() == ack_path.read_bytes()
    r = hq_cli("--db", db, "stats", "--json")
    st = json.loads(r.stdout)
    assert {k: st[k] for k in ("persons", "events", "devices", "quarantined", "held", "conflicts")} == {
        "persons": 4, "events": 4, "devices": 1, "quarantined": 0, "held": 0, "conflicts": 0}


def test_damaged_files_and_revoked_devices_are_refused_plainly(keys_dir: Path, db: str, tmp_path: Path) -> None:
    hq = service(db, keys_dir)
    dev = FakeDevice()
    dev.enroll(hq)
    hq.store.close()
    blob = dev.seal(dev.events(2), hq.keys.exchange_public)
    bad = tmp_path / "bad.cpb"
    bad.write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))
    r = hq_cli("--db", db, "--keys", str(keys_dir), "import-batch", str(bad))
    assert r.returncode == 4 and "signature" in r.stderr.lower() and not (tmp_path / "bad.ack").exists()
    r = hq_cli("--db", db, "--keys", str(keys_dir), "import-batch", str(tmp_path / "missing.cpb"))
    assert r.returncode == 4 and "No batch file" in r.stderr
    r = hq_cli("--db", db, "devices", "revoke", dev.device_id, "--reason", "stolen")
    assert r.returncode == 0 and "Nothing it sent was deleted" in r.stdout
    good = tmp_path / "good.cpb"
    good.write_bytes(blob)
    r = hq_cli("--db", db, "--keys", str(keys_dir), "import-batch", str(good))
    assert r.returncode == 3 and "revoked" in r.stderr


def test_recover_through_the_cli(keys_dir: Path, db: str, supervisor, store_path: Path, clock) -> None:
    hq = service(db, keys_dir)
    enroll(hq, supervisor)
    hq.store.close()
    supervisor.lock()
    new = "recovered-passphrase-1"
    r = hq_cli("--keys", str(keys_dir), "recover", "--store", str(store_path), "--user", "sokha",
               env={"CHECKPOINT_NEW_PASSPHRASE": new})
    assert r.returncode == 0, r.stderr
    unlock(store_path, "sokha", new, clock=clock, kdf=FAST).lock()
    unlock(store_path, "dara", PASS["dara"], clock=clock, kdf=FAST).lock()
    offline = keys_dir.parent / "offline"
    offline.mkdir(exist_ok=True)
    (keys_dir / "recovery.key").rename(offline / "recovery.key")
    try:
        r = hq_cli("--keys", str(keys_dir), "recover", "--store", str(store_path), "--user", "sokha",
                   env={"CHECKPOINT_NEW_PASSPHRASE": new})
        assert r.returncode == 4 and "kept offline" in r.stderr
    finally:
        (offline / "recovery.key").rename(keys_dir / "recovery.key")


@pytest.mark.parametrize("args", [[], ["nonsense"], ["enroll-token"], ["devices", "revoke"],
                                  ["serve", "--port", "many"], ["enroll-token", "--checkpoint", "P", "--hours", "0"]])
def test_bad_arguments_exit_2_or_4_with_a_plain_message(args: list[str], db: str) -> None:
    r = hq_cli("--db", db, *args)
    assert r.returncode in (2, 4) and r.stderr.strip()
    if args != ["enroll-token", "--checkpoint", "P", "--hours", "0"]:
        assert r.returncode == 2


def test_migrate_stats_on_a_missing_database_and_serve_help(tmp_path: Path) -> None:
    missing = f"sqlite:///{tmp_path / 'none.db'}"
    r = hq_cli("--db", missing, "stats")
    assert r.returncode == 4 and "No HQ database" in r.stderr and not (tmp_path / "none.db").exists()
    r = hq_cli("--db", missing, "migrate", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["revision"] == "0014_service_persons"
    r = hq_cli("--db", "postgresql+psycopg://nobody:x@127.0.0.1:1/none", "stats")
    assert r.returncode == 4 and "cannot be used" in r.stderr
    r = hq_cli("serve", "--help")
    assert r.returncode == 0 and "--ssl-certfile" in r.stdout and "127.0.0.1" in r.stdout and "TLS" in r.stdout
