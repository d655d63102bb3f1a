"""HQ moved to another address: a supervisor gives the new one (`checkpoint-admin hq-address`), with a reason, and
the device syncs there from then on. HQ's keys stay pinned: an impostor at the new address gets nothing it can read
and its answers are refused. Bad input changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkpoint import crypto
from checkpoint.errors import PermissionDenied, ValidationError
from checkpoint.services import unlock
from checkpoint.services.outbox import Outbox
from checkpoint.storage.codec import decode_payload
from sync.device.enrollment import change_hq_address
from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import HQStore
from tests.support.client_harness import live
from tests.support.helpers import registration
from tests.sync.device.test_cli import PW, hq, new_store, run  # noqa: F401 - hq is a fixture


def _url(db: Path) -> str:
    return json.loads(run(db, "sync-status", "--json").stdout)["hq_url"]


def test_the_device_syncs_with_hq_at_its_new_address(tmp_path: Path, hq) -> None:  # noqa: F811
    db = new_store(tmp_path, hq)
    old = _url(db)
    with live(hq["service"]) as moved:                      # the same HQ (same keys), another address
        p = run(db, "hq-address", "--server", moved, "--reason", "HQ moved to the new server room")
        assert p.returncode == 0, p.stderr
        assert f"syncs with HQ at {moved} from now on (was {old})" in p.stdout
        assert _url(db) == moved
        p = run(db, "sync", "--json")                        # no --server: the new address
        assert p.returncode == 0, p.stderr
        assert json.loads(p.stdout)["complete"] is True
    s = unlock(db, "dara", PW, kdf=crypto.KdfParams.fast())
    try:
        (payload,) = [json.loads(decode_payload(r[0])) for r in s.store.db.execute(
            "SELECT payload FROM events WHERE type = 'device.hq_address_set'")]
    finally:
        s.lock()
    assert payload == {"hq_url": moved, "previous_hq_url": old, "reason": "HQ moved to the new server room"}


def test_an_impostor_at_the_new_address_is_refused(tmp_path: Path, hq) -> None:  # noqa: F811
    db = new_store(tmp_path, hq)
    s = unlock(db, "dara", PW, kdf=crypto.KdfParams.fast())
    try:
        s.registrations.register(**registration())
    finally:
        s.lock()
    fake = HQService(HQStore.open(f"sqlite:///{tmp_path / 'fake.db'}"), HQKeys.generate())
    try:
        with live(fake) as impostor:
            assert run(db, "hq-address", "--server", impostor, "--reason", "a message said so").returncode == 0
            p = run(db, "sync", "--json")
            assert p.returncode != 0
            assert fake.stats()["events"] == 0                  # it could open nothing it was sent
    finally:
        fake.store.close()
    st = json.loads(run(db, "sync-status", "--json").stdout)
    assert st["pending"] + st["inflight"] >= 1                  # nothing marked as received


@pytest.mark.parametrize(("args", "says"), [
    (["--server", "ftp://hq.example.org", "--reason", "x"], "server address"),
    (["--server", "http://hq.example.org", "--reason", "x"], "https://"),
    (["--server", "https://hq.example.org"], "--reason"),
    (["--server", "https://hq.example.org", "--reason", "  "], "say why"),
])
def test_bad_input_changes_nothing(tmp_path: Path, hq, args, says) -> None:  # noqa: F811
    db = new_store(tmp_path, hq)
    before = _url(db)
    p = run(db, "hq-address", *args)
    assert p.returncode != 0 and says in p.stderr, p.stderr
    assert _url(db) == before


def test_only_a_supervisor_changes_the_address(tmp_path: Path, hq) -> None:  # noqa: F811
    db = new_store(tmp_path, hq)
    s = unlock(db, "dara", PW, kdf=crypto.KdfParams.fast())
    try:
        s.users.add("rith", "Rith", "admin", "server-rack-admin-5")
        with pytest.raises(ValidationError):
            change_hq_address(Outbox(s), Outbox(s).enrollment()["hq_url"], "same")   # the address it has
    finally:
        s.lock()
    admin = unlock(db, "rith", "server-rack-admin-5", kdf=crypto.KdfParams.fast())
    try:
        with pytest.raises(PermissionDenied, match="supervisor"):
            change_hq_address(Outbox(admin), "https://hq2.example.org", "moved")
    finally:
        admin.lock()
    assert _url(db) != "https://hq2.example.org"
