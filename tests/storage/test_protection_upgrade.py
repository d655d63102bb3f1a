"""Store migration 0014_protection: a store from before sections by need (issue 10, point 11) gets a protection
key at its first sign-in, and a supervisor's sign-in seals the protection section of the older events HQ already
holds; ``verify`` still passes (the hash is kept, the sealing is signed by the supervisor and, opened with the
protection key, the content still gives the hash)."""

from __future__ import annotations

import json
import shutil
import zlib
from pathlib import Path

import pytest

from checkpoint import protection_section
from checkpoint.services import unlock
from checkpoint.storage.keyfile import KeyFile

FIXTURE = Path(__file__).parent / "fixtures" / "schema_0009_trust.db"
PW = "fixture passphrase"


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    db = tmp_path / "old.db"
    shutil.copy(FIXTURE, db)
    shutil.copy(str(FIXTURE) + ".keys", str(db) + ".keys")
    return db


def _registration(s) -> dict:
    return next(s.store.events(where="type = 'registration.recorded'"))


def _ack_everything(db: Path) -> None:
    """What HQ's acknowledgements do to the sync bookkeeping (the only columns of an event that change)."""
    s = unlock(db, "dara", PW)
    try:
        with s.store.write():
            s.store.db.execute("UPDATE events SET sync_state = 'acked' WHERE sync_state = 'pending'")
    finally:
        s.lock()


def test_an_upgraded_store_seals_what_hq_holds_at_a_supervisor_s_sign_in_and_verifies(old_store: Path) -> None:
    s = unlock(old_store, "dara", PW)                     # the upgrade: a protection key, sealed for dara only
    try:
        assert s.store.meta("protection_public")
        kf = KeyFile.load(str(old_store) + ".keys")
        assert {x["username"] for x in kf.data["slots"] if "protection" in x} == {"dara"}
        reg = _registration(s)
        assert "ticked" in json.loads(reg["payload"])["trafficking"]     # not at HQ yet: still as written
    finally:
        s.lock()
    _ack_everything(old_store)
    s = unlock(old_store, "dara", PW)                     # sealed now
    try:
        reg = _registration(s)
        payload = json.loads(reg["payload"])
        assert protection_section.SEALED_KEY in payload and "ticked" not in payload["trafficking"]
        assert json.loads(reg["sealed_over"])["by"] == s.user.id
        assert s.store.db.execute("SELECT ticked FROM trafficking_screenings").fetchone() == ("[]",)
        pid = reg["entity_id"]
        enc = s.records.get(pid)["encounters"][0]
        assert enc["trafficking"][0]["ticked"] == ["ILO-DR-1"]            # the supervisor reads it
        report = s.maintenance.verify()
        assert report.ok, report.problems
        assert any("sealed after they were written" in n and "gives their hash" in n for n in report.notes)
        # the next sign-ins read only what came since: nothing is left below the watermark
        last = s.store.db.execute("SELECT max(local_order) FROM events WHERE type = 'registration.recorded'"
                                  ).fetchone()[0]
        assert int(s.store.meta("protection_scan_from")) >= last
    finally:
        s.lock()
    officer = unlock(old_store, "sokha", "fixture officer pass")
    try:
        text = "\n".join(zlib.decompress(r[0]).decode() for r in officer.store.db.execute(
            "SELECT payload FROM events WHERE type = 'registration.recorded'"))
        assert "ILO-DR-1" not in text                      # the officer's passphrase opens only ciphertext
        assert officer.store.db.execute("SELECT ticked FROM trafficking_screenings").fetchone() == ("[]",)
    finally:
        officer.lock()


def test_a_changed_sealed_event_is_named_by_verify(old_store: Path) -> None:
    unlock(old_store, "dara", PW).lock()
    _ack_everything(old_store)
    s = unlock(old_store, "dara", PW)
    try:
        reg = _registration(s)
        info = json.loads(reg["sealed_over"])
        db = s.store.db
        db.execute("DROP TRIGGER events_immutable")     # a holder of the data key
        payload = json.loads(reg["payload"])
        payload["trafficking"]["result"]["outcome"] = "NOT_INDICATED"
        db.execute("UPDATE events SET payload = ? WHERE id = ?",
                   [zlib.compress(json.dumps(payload).encode()), reg["id"]])
        problems = s.maintenance.verify().problems
        assert any(reg["id"] in p and "changed after it was sealed" in p for p in problems), problems
        info["sha256"] = __import__("hashlib").sha256(json.dumps(payload).encode()).hexdigest()
        db.execute("UPDATE events SET sealed_over = ? WHERE id = ?", [json.dumps(info), reg["id"]])
        problems = s.maintenance.verify().problems
        assert any(reg["id"] in p and "not sealed by a supervisor" in p for p in problems), problems
    finally:
        s.lock()


def test_events_cannot_be_rewritten_outside_the_sealing(old_store: Path) -> None:
    s = unlock(old_store, "dara", PW)
    try:
        reg = _registration(s)
        with pytest.raises(Exception, match="immutable"):
            s.store.db.execute("UPDATE events SET payload = x'00' WHERE id = ?", [reg["id"]])
        with pytest.raises(Exception, match="immutable"):
            s.store.db.execute("UPDATE events SET hash = 'x' WHERE id = ?", [reg["id"]])
    finally:
        s.lock()
