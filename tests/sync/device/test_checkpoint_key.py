"""Issue 10, point 11, its last gap: the protection key is the CHECKPOINT's, not one laptop's.

HQ keeps one protection key pair per checkpoint and gives it, sealed to the device, to every device of that
checkpoint (enrollment answer, or a signed request at a sync for a device enrolled before). Two laptops of one
checkpoint, a real HQ behind uvicorn on 127.0.0.1, real SQLCipher stores: an officer on A registers with a
protection section, A syncs, B pulls, and B's supervisor reads it; B's officer, and a device of another checkpoint
that holds the very events, cannot. An old store (the 0014 fixture) keeps reading its own older sections after it
adopts the checkpoint's key. A revoked device gets nothing; a relay cannot slip in a key of its own; the key is
never in clear on the wire, in HQ's database, its journal or any log.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from checkpoint import crypto, protection_section
from checkpoint.crypto import sealed
from checkpoint.errors import CheckpointError
from checkpoint.services import protection, unlock
from checkpoint.services.outbox import Outbox
from sync.device import checkpointkey
from sync.device.client import SyncClient
from sync.device.transport import HttpTransport
from sync.hq import checkpointkeys
from sync.hq.checkpointkeys import wrapping_key
from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import checkpoint_keys, journal
from sync.wire import ENROLL, checkpoint_key_request, peek_signed, seal_enroll_key
from tests.support.client_harness import live, new_device, new_hq
from tests.support.helpers import POSITIVE_ADULT, registration

FAST = crypto.KdfParams.fast()
OFFICER_PASS = "river-lantern-officer-71"
NOTE = "the broker at Km 14 kept her passport"
FIXTURES = Path(__file__).resolve().parents[2] / "storage" / "fixtures"


@pytest.fixture
def hq_url(tmp_path: Path) -> Iterator[tuple[HQService, str]]:
    service = new_hq(tmp_path)
    try:
        with live(service) as url:
            yield service, url
    finally:
        service.store.close()


class Recording:
    """An HttpTransport that keeps every answer's bytes (what a wiretap on the link would see, TLS aside)."""

    def __init__(self, inner: HttpTransport) -> None:
        self.inner, self.seen = inner, bytearray()

    def __getattr__(self, name: str) -> Any:
        target = getattr(self.inner, name)
        if name not in ("enroll", "push", "pull", "reference", "fetch", "checkpoint_key"):
            return target

        def call(*args: Any, **kwargs: Any) -> Any:
            out = target(*args, **kwargs)
            for a in args:
                if isinstance(a, bytes):
                    self.seen += a
            self.seen += json.dumps(out).encode() if isinstance(out, dict) else out
            return out
        return call


class OldHQ:
    """What a device got from HQ before this change: an enrollment answer without the checkpoint's key, and no
    checkpoint-key endpoint."""

    def __init__(self, inner: HttpTransport) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        if name == "checkpoint_key":
            raise AttributeError(name)
        return getattr(self.inner, name)

    def enroll(self, request: bytes) -> dict[str, Any]:
        answer = dict(self.inner.enroll(request))
        answer.pop("checkpoint_key", None)
        return answer


def _register(session: Any, **over: Any) -> Any:
    return session.registrations.register(**registration(
        encounter={"return_type": "DEPORTED_G2G", "country_of_work": "THA", "recruiter_relationship": "BROKER_AGENT"},
        trafficking={"ticked": POSITIVE_ADULT},
        referrals=[{"kind": "protection", "agency_code": "IOM", "reason_code": "PRESUMED_VICTIM", "urgency": "SAME_DAY",
                    "notes": NOTE}], **over))


def _officer(session: Any, path: Path, name: str) -> Any:
    session.users.add(name, name.title(), "officer", OFFICER_PASS)
    return unlock(path, name, OFFICER_PASS, kdf=FAST)


def _sections(session: Any, person_id: str) -> dict[str, Any]:
    enc = session.records.get(person_id)["encounters"][0]
    prot = [r for r in enc["referrals"] if r["kind"] == "protection"]
    return {"ticked": sorted(enc["trafficking"][0].get("ticked") or []), "notes": prot[0]["notes"] if prot else None,
            "recruiter": enc.get("recruiter_relationship"), "message": enc.get("protection_message")}


def _blob(session: Any, person_id: str) -> tuple[str, bytes]:
    ev = next(session.store.events(where="type = 'registration.recorded' AND entity_id = ?", params=[person_id]))
    return ev["id"], base64.b64decode(json.loads(ev["payload"])[protection_section.SEALED_KEY])


def _hq_key(service: HQService, name: str) -> bytes:
    """The public half HQ keeps for the checkpoint called ``name``."""
    with service.store.read() as conn:
        row = conn.execute(sa.text("SELECT k.public FROM checkpoint_keys k JOIN checkpoints c ON c.id = "
                                   "k.checkpoint_id WHERE c.name = :n"), {"n": name}).first()
    assert row is not None, name
    return bytes.fromhex(row[0])


def _wire_events(session: Any, person_id: str) -> list[dict[str, Any]]:
    from checkpoint.services.outbox import wire_event
    return [wire_event(e) for e in session.store.events(where="entity_id = ?", params=[person_id])]


def test_a_supervisor_on_laptop_b_reads_what_an_officer_wrote_on_laptop_a(hq_url, tmp_path: Path) -> None:
    service, url = hq_url
    a = new_device(tmp_path / "a.db")
    b = new_device(tmp_path / "b.db", username="bopha")
    opened = [a, b]
    try:
        with HttpTransport(url, timeout=30) as t:
            for dev in (a, b):
                SyncClient(dev, t).enroll(url, service.issue_token(dev.site.checkpoint_name))
            key = _hq_key(service, "Poipet")
            for dev in (a, b):       # both laptops seal to the checkpoint's key from their enrollment on
                assert dev.store.meta("protection_public") == key.hex()
                assert dev.keyfile.checkpoint_key is not None
                assert crypto.x25519_public(dev.keyfile.checkpoint_key) == key
            sokha = _officer(a, tmp_path / "a.db", "sokha")
            opened.append(sokha)
            reg = _register(sokha)
            assert SyncClient(a, t).sync_once()["complete"]
            assert SyncClient(b, t).sync_once()["complete"]
        eid, blob = _blob(b, reg.person_id)              # B holds the event as A wrote it, sealed
        assert hashlib.sha256(key).digest()[:8] in sealed.recipient_ids(blob)      # sealed to the checkpoint's key
        seen = _sections(b, reg.person_id)
        assert seen["ticked"] == sorted(POSITIVE_ADULT) and seen["notes"] == NOTE
        assert seen["recruiter"] == "BROKER_AGENT"
        assert _sections(sokha, reg.person_id)["notes"] == NOTE           # the officer still reads back her own
        # An officer on B: the record is there, the section is not hers.
        chenda = _officer(b, tmp_path / "b.db", "chenda")
        opened.append(chenda)
        assert chenda.keyfile.checkpoint_key is None and chenda.keyfile.protection_key is None
        for k in protection.reader_keys(chenda.keyfile, chenda.store, chenda.user.role):
            with pytest.raises(sealed.NotARecipient):
                sealed.open_for(k, blob, context=protection_section.context("registration.recorded", eid))
        assert NOTE not in json.dumps(chenda.records.get(reg.person_id), default=str)
        # Only B's supervisors' slots hold the checkpoint's key, not the officer's.
        slots = {s["username"]: s for s in b.keyfile.data["slots"] if s.get("kind") == "passphrase"}
        assert "checkpoint_protection" in slots["bopha"] and "checkpoint_protection" not in slots["chenda"]
        for dev in (a, b):
            assert dev.maintenance.verify().ok
    finally:
        for s in opened:
            s.lock()


def test_a_device_of_another_checkpoint_never_gets_the_key_nor_opens_the_sections(hq_url, tmp_path: Path) -> None:
    service, url = hq_url
    a = new_device(tmp_path / "a.db")
    c = new_device(tmp_path / "c.db", "Bavet", username="bopha")
    try:
        with HttpTransport(url, timeout=30) as t:
            for dev in (a, c):
                SyncClient(dev, t).enroll(url, service.issue_token(dev.site.checkpoint_name))
            reg = _register(a)
            assert SyncClient(a, t).sync_once()["complete"]
            # Bavet's device asks for "its" key again, signed, as a sync does: HQ answers with Bavet's key only.
            c.keyfile.set_checkpoint_key(crypto.generate_x25519()[0], set())      # its slots lose the key...
            assert protection.wants_checkpoint_key(c.store, c.keyfile)
            assert checkpointkey.ensure(c, t) in ("adopted", "held")               # ...and get Bavet's back
        poipet, bavet = _hq_key(service, "Poipet"), _hq_key(service, "Bavet")
        assert poipet != bavet
        assert c.store.meta("protection_public") == bavet.hex()
        held = protection.holder_keys(c.keyfile)
        assert held and all(crypto.x25519_public(k) != poipet for k in held)
        # A key of another checkpoint handed to Bavet's store (not through HQ's signed answer) is not adopted.
        assert a.keyfile.checkpoint_key is not None
        poipet_id = json.loads(a.store.meta(protection.CHECKPOINT_KEY_META))["checkpoint_id"]
        assert not protection.adopt_checkpoint_key(c.store, c.keyfile, a.keyfile.checkpoint_key, poipet_id,
                                                   str(c.user.role))
        assert c.store.meta("protection_public") == bavet.hex()
        # Even with the events in hand (a copy, a mis-routed pull), nothing Bavet's supervisor holds opens them.
        events = _wire_events(a, reg.person_id)
        Outbox(c).ingest(events)
        eid, blob = _blob(a, reg.person_id)
        for k in protection.reader_keys(c.keyfile, c.store, c.user.role):
            with pytest.raises(sealed.NotARecipient):
                sealed.open_for(k, blob, context=protection_section.context("registration.recorded", eid))
        assert c.store.db.execute("SELECT 1 FROM persons WHERE id = ?", [reg.person_id]).fetchone()
        seen = _sections(c, reg.person_id)
        assert seen["notes"] != NOTE and seen["ticked"] == [] and seen["recruiter"] is None
    finally:
        a.lock()
        c.lock()


def test_a_device_enrolled_before_gets_the_key_at_its_next_sync(hq_url, tmp_path: Path) -> None:
    """Laptop A enrolled through an HQ that did not give keys: it seals to its own store key. At its next sync
    with the current HQ it adopts the checkpoint's key; from then on laptop B's supervisor reads what A writes,
    and A's supervisor still reads what A sealed before (the key ring)."""
    service, url = hq_url
    a = new_device(tmp_path / "a.db")
    b = new_device(tmp_path / "b.db", username="bopha")
    try:
        with HttpTransport(url, timeout=30) as t:
            SyncClient(a, OldHQ(t)).enroll(url, service.issue_token("Poipet"))
            SyncClient(b, t).enroll(url, service.issue_token("Poipet"))
            own = a.store.meta("protection_public")
            assert a.keyfile.checkpoint_key is None and protection.wants_checkpoint_key(a.store, a.keyfile)
            before = _register(a, person={"family_name": "EARLIER", "given_names": "SEALED", "sex": "F",
                                          "date_of_birth": "1990-01-01"})
            result = SyncClient(a, t).sync_once()
            assert result["complete"] and result["checkpoint_key"] == "adopted"
            assert a.store.meta("protection_public") == _hq_key(service, "Poipet").hex() != own
            assert not protection.wants_checkpoint_key(a.store, a.keyfile)
            after = _register(a)
            assert SyncClient(a, t).sync_once()["checkpoint_key"] == "not_needed"
            assert SyncClient(b, t).sync_once()["complete"]
        assert _sections(b, after.person_id)["notes"] == NOTE
        assert _sections(b, before.person_id)["notes"] != NOTE          # sealed to A's own key: not B's (documented)
        assert _sections(a, before.person_id)["notes"] == NOTE          # A's supervisor: the ring opens both
        assert _sections(a, after.person_id)["notes"] == NOTE
        a.lock()
        again = unlock(tmp_path / "a.db", "dara", "device-lotus-supervisor", kdf=FAST)   # a new sign-in, same
        try:
            assert _sections(again, before.person_id)["notes"] == NOTE
            assert _sections(again, after.person_id)["notes"] == NOTE
            assert again.maintenance.verify().ok
        finally:
            again.lock()
    finally:
        a.lock()
        b.lock()


def test_an_old_store_upgrades_and_keeps_reading_its_old_sections(hq_url, tmp_path: Path) -> None:
    """The 0014 fixture store (sections sealed to its own key) enrolls, adopts its checkpoint's key, and its
    supervisor reads the old sections and the new ones; verify stays OK."""
    service, url = hq_url
    for suffix in ("", ".keys"):
        shutil.copy2(FIXTURES / f"schema_0014_protection.db{suffix}", tmp_path / f"old.db{suffix}")
    s = unlock(tmp_path / "old.db", "dara", "fixture passphrase", kdf=FAST)
    try:
        pid = s.store.db.execute("SELECT id FROM persons WHERE family_name = 'FIXTURE'").fetchone()[0]
        def notes() -> list[str]:
            return [r.notes for r in s.referrals.list(kind="protection") if r.person_id == pid]
        assert notes() == ["FIXTURE PROTECTION NOTE"]
        assert s.store.meta(protection.CHECKPOINT_KEY_META) is None
        with HttpTransport(url, timeout=30) as t:
            SyncClient(s, t).enroll(url, service.issue_token("Fixture"))
            assert s.store.meta("protection_public") == _hq_key(service, "Fixture").hex()
            assert SyncClient(s, t).sync_once()["complete"]
        assert notes() == ["FIXTURE PROTECTION NOTE"]                     # sealed to the store's own key: opens
        enc = s.records.get(pid)["encounters"][0]
        assert enc["trafficking"][0]["ticked"] == ["ILO-DR-1"]
        new = _register(s)
        eid, blob = _blob(s, new.person_id)
        assert crypto.x25519_public(s.keyfile.checkpoint_key) == _hq_key(service, "Fixture")
        sealed.open_for(s.keyfile.checkpoint_key, blob, context=protection_section.context("registration.recorded",
                                                                                            eid))
        assert _sections(s, new.person_id)["notes"] == NOTE
        assert s.maintenance.verify().ok
    finally:
        s.lock()


def test_a_revoked_device_gets_no_key(hq_url, tmp_path: Path) -> None:
    service, url = hq_url
    a = new_device(tmp_path / "a.db")
    try:
        with HttpTransport(url, timeout=30) as t:
            SyncClient(a, OldHQ(t)).enroll(url, service.issue_token("Poipet"))
            service.revoke(a.store.device_id, "laptop stolen")
            with pytest.raises(CheckpointError) as e:
                checkpointkey.ensure(a, t)
            assert "revoked" in str(e.value)
            result = SyncClient(a, t).sync_once()
            assert not result["complete"] and result["checkpoint_key"] != "adopted"
            # The same signed request sent by hand: 403, and nothing in the body.
            ident = Outbox(a).identity()
            req = checkpoint_key_request(ident["signing_private"], ident["device_id"], now=a.store.clock.now())
            with httpx.Client(timeout=30) as raw:
                resp = raw.post(f"{url}/v1/checkpoint-key", content=req.blob,
                                headers={"Content-Type": "application/octet-stream"})
            assert resp.status_code == 403 and "revoked" in resp.text
        assert a.keyfile.checkpoint_key is None and a.store.meta(protection.CHECKPOINT_KEY_META) is None
        with service.store.read() as conn:
            msgs = [r.message for r in conn.execute(sa.select(journal.c.message).where(
                journal.c.kind == "checkpoint_key", journal.c.device_id == a.store.device_id))]
        assert msgs == []
    finally:
        a.lock()


def test_a_relay_cannot_slip_in_a_key_of_its_own(hq_url, tmp_path: Path) -> None:
    """The reply key travels in the enrollment request, so a relay can seal a key of its own to it; the device
    adopts only the key whose public half HQ signed, and gets the real one at its next sync."""
    service, url = hq_url
    mine, _ = crypto.generate_x25519()

    class Relay(OldHQ):
        def enroll(self, request: bytes) -> dict[str, Any]:
            answer = dict(self.inner.enroll(request))
            reply = bytes.fromhex(peek_signed(ENROLL, request)["reply_key"])
            answer["checkpoint_key"] = seal_enroll_key(mine, reply, request).hex()
            return answer

        def __getattr__(self, name: str) -> Any:
            return getattr(self.inner, name)

    a = new_device(tmp_path / "a.db")
    try:
        with HttpTransport(url, timeout=30) as t:
            SyncClient(a, Relay(t)).enroll(url, service.issue_token("Poipet"))
            assert a.keyfile.checkpoint_key is None
            assert a.store.meta("protection_public") != crypto.x25519_public(mine).hex()
            assert SyncClient(a, t).sync_once()["checkpoint_key"] == "adopted"
        assert a.store.meta("protection_public") == _hq_key(service, "Poipet").hex()
    finally:
        a.lock()


def test_the_key_is_never_in_clear_on_the_wire_in_hq_s_database_or_in_a_log(hq_url, tmp_path: Path,
                                                                              caplog) -> None:
    service, url = hq_url
    caplog.set_level(logging.DEBUG)
    a = new_device(tmp_path / "a.db")
    b = new_device(tmp_path / "b.db", username="bopha")
    try:
        with HttpTransport(url, timeout=30) as inner:
            t = Recording(inner)
            SyncClient(a, t).enroll(url, service.issue_token("Poipet"))
            SyncClient(b, OldHQ(t)).enroll(url, service.issue_token("Poipet"))      # b asks at its sync
            assert SyncClient(b, t).sync_once()["checkpoint_key"] == "adopted"
        private = a.keyfile.checkpoint_key
        assert private is not None and b.keyfile.checkpoint_key == private
        forms = (private, private.hex().encode(), base64.b64encode(private), base64.urlsafe_b64encode(private))
        for form in forms:
            assert form not in bytes(t.seen)
        logged = caplog.text.encode()
        with service.store.read() as conn:
            rows = conn.execute(sa.select(checkpoint_keys)).all()
            dumped = json.dumps([list(r) for r in rows]).encode() + json.dumps(
                [list(r) for r in conn.execute(sa.select(journal))], default=str).encode()
        assert len(rows) == 1
        for form in forms:
            assert form not in logged and form not in dumped
        # HQ's row opens only with HQ's keys, and only as this checkpoint's (copied to another id, it does not).
        stored = rows[0].sealed_private
        assert checkpointkeys._unseal(service.keys, rows[0].checkpoint_id, stored) == private
        with pytest.raises(CheckpointError):
            checkpointkeys._unseal(service.keys, "another-checkpoint", stored)
        other = HQKeys.generate()                     # another HQ's keys (a dump taken elsewhere) open nothing
        assert wrapping_key(other) != wrapping_key(service.keys)
        with pytest.raises(CheckpointError):
            checkpointkeys._unseal(other, rows[0].checkpoint_id, stored)
    finally:
        a.lock()
        b.lock()
