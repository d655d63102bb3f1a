"""The sync client against the real HQ service in process: enrollment, push with verified acks, pull, and what
happens when HQ's answer is missing, forged, or about something else. No event may be lost or wrongly marked as
received; a device's events reach HQ exactly once."""

from __future__ import annotations

import logging
import shutil
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint import codelists, crypto
from checkpoint.clock import ManualClock
from checkpoint.errors import (
    CheckpointError,
    ConflictError,
    DecryptionFailed,
    PermissionDenied,
    SignatureInvalid,
    UnsupportedFormat,
    ValidationError,
)
from checkpoint.services import unlock
from checkpoint.services.outbox import Outbox
from sync.device.client import SyncClient
from sync.errors import BadAck, SyncUnavailable
from sync.hq.store import batch_digests
from sync.wire import ACK, PULL, digest, open_signed, peek_batch_header, peek_request, seal_answer, sign_document
from tests.support.client_harness import DEVICE_PASS, enroll, hq_events, new_device, own_events
from tests.support.helpers import adult, registration

FAC = codelists.health_facilities()[0].code
TB_CASE = registration(tb={"cough": True, "cough_days": 15},
                       referrals=[{"kind": "health", "agency_code": FAC, "reason_code": "PRESUMPTIVE_TB",
                                   "urgency": "SAME_DAY"}])


@pytest.fixture
def devices(tmp_path: Path, clock: ManualClock, hq):
    opened: list[Any] = []

    def make(name: str, *, checkpoint: str = "Poipet", enrolled: bool = True, device_clock: Any = None) -> Any:
        s = new_device(tmp_path / f"{name}.db", checkpoint, clock=device_clock or clock)
        opened.append(s)
        if enrolled:
            enroll(s, hq)
        return s

    yield make
    for s in opened:
        s.lock()


def at_hq(hq, s) -> set[str]:
    return set(hq_events(hq, s.store.device_id))


class Flaky:
    """Wraps HQ; ``plan`` says what each push does: "ok", "down" (never reaches HQ), "lost" (HQ took it, the
    answer is lost), or a function (ack, blob) -> the answer the device gets."""

    def __init__(self, hq: Any, plan: list[Any]) -> None:
        self.hq, self.plan, self.sent = hq, list(plan), []

    def enroll(self, request: bytes) -> dict[str, Any]:
        return self.hq.enroll(request)

    def push(self, blob: bytes, ticket: bytes | None = None) -> bytes:
        self.sent.append(blob)
        step = self.plan.pop(0) if self.plan else "ok"
        if step == "down":
            raise SyncUnavailable("HQ could not be reached.")
        ack = self.hq.push(blob, ticket)
        if step == "lost":
            raise SyncUnavailable("HQ did not answer in time.")
        return step(ack, blob) if callable(step) else ack

    def pull(self, *a: Any) -> bytes:
        return self.hq.pull(*a)

    def reference(self, *a: Any) -> bytes:
        return self.hq.reference(*a)


def rewrite(hq, key: bytes, **over: Any):
    """An answer: HQ's real ack with fields replaced, signed with ``key``."""
    def answer(ack: bytes, blob: bytes) -> bytes:
        doc = open_signed(ACK, ack, hq.keys.signing_public)
        doc.pop("v")
        doc.update({k: v(doc) if callable(v) else v for k, v in over.items()})
        return sign_document(ACK, doc, key)
    return answer


# ---------------------------------------------------------------------------------------------- enrollment
def test_enrollment_pins_hq_keys_and_spends_the_token_once(hq, devices) -> None:
    s = devices("a", enrolled=False)
    token = hq.issue_token("Poipet")
    e = SyncClient(s, hq).enroll("http://hq.test", token)
    assert e["hq_signing_public"] == hq.keys.signing_public.hex()
    assert e["hq_exchange_public"] == hq.keys.exchange_public.hex() and e["checkpoint_id"]
    assert [d["device_id"] for d in hq.devices()] == [s.store.device_id]
    # Enrolling again is refused on the device, before another token is spent.
    other = hq.issue_token("Poipet")
    with pytest.raises(ConflictError):
        SyncClient(s, hq).enroll("http://hq.test", other)
    # A used token enrolls nobody else; nothing is pinned there. The unspent one still works.
    s2 = devices("b", enrolled=False)
    with pytest.raises(CheckpointError, match="already used"):
        SyncClient(s2, hq).enroll("http://hq.test", token)
    assert Outbox(s2).enrollment() is None
    with pytest.raises(ValidationError):
        SyncClient(s2, hq).enroll("http://hq.test", "  ")
    SyncClient(s2, hq).enroll("http://hq.test", other)
    # A token for another checkpoint does not enroll this one.
    s3 = devices("c", enrolled=False)
    with pytest.raises(CheckpointError, match="issued for checkpoint"):
        SyncClient(s3, hq).enroll("http://hq.test", hq.issue_token("Bavet"))


def test_an_officer_cannot_sync_and_an_unenrolled_device_is_told_to_enroll(hq, devices, tmp_path) -> None:
    s = devices("a", enrolled=False)
    s.users.add("sokha", "Sokha", "officer", "mango-tree-officer-7")
    officer = unlock(tmp_path / "a.db", "sokha", "mango-tree-officer-7")
    try:
        with pytest.raises(PermissionDenied, match="supervisor"):
            SyncClient(officer, hq)
    finally:
        officer.lock()
    with pytest.raises(PermissionDenied, match="not enrolled"):
        SyncClient(s, hq).sync_once()


# ---------------------------------------------------------------------------------------------- push
def test_sync_sends_everything_once_and_hq_holds_exactly_the_device_events(hq, devices) -> None:
    s = devices("a")
    for _ in range(7):
        s.registrations.register(**registration())
    client = SyncClient(s, hq, batch_events=4)
    seen: list[tuple[int, int]] = []
    summary = client.sync_once(progress=lambda d, t: seen.append((d, t)))
    n = len(own_events(s))
    assert summary["complete"] and summary["errors"] == [] and summary["sent"] == n
    assert summary["batches"] == -(-n // 4)
    assert summary["verdicts"]["accepted"] == summary["acknowledged"] == n
    assert sorted(hq_events(hq)) == sorted(own_events(s))
    assert seen[0] == (0, n) and seen[-1] == (n, n)
    again = client.sync_once()
    assert again["sent"] == 0 and again["complete"]
    assert Outbox(s).status()["last_success"]
    assert not list(Path(str(s.store.path) + ".outbox").glob("*.cpb"))      # no sealed copy kept once acked


def test_a_lost_answer_means_the_same_bytes_again_and_hq_answers_with_the_same_ack(hq, devices) -> None:
    s = devices("a")
    s.registrations.register(**registration())
    t = Flaky(hq, ["lost"])
    first = SyncClient(s, t).sync_once()
    assert not first["complete"] and first["unavailable"] and "did not answer" in first["errors"][0]
    st = Outbox(s).status()
    assert st["inflight"] == len(own_events(s)) and st["acked"] == 0
    assert st["batches"][0]["state"] == "failed" and "did not answer" in st["batches"][0]["last_error"]
    second = SyncClient(s, t).sync_once()
    assert second["complete"] and second["acknowledged"] == len(own_events(s))
    assert t.sent[0] == t.sent[1]                     # resent byte for byte: HQ recognises the copy
    assert sorted(hq_events(hq)) == sorted(own_events(s))
    assert hq.stats()["batches"] == 1


def test_a_batch_sealed_again_is_acknowledged_by_hq_s_first_ack(hq, devices, caplog) -> None:
    """The kept sealed copy is gone (a restore, a wiped folder): the batch is sealed afresh, HQ answers with the
    ack of the copy it has; its verdicts name exactly this batch's events, so it is taken."""
    s = devices("a")
    s.registrations.register(**registration())
    t = Flaky(hq, ["lost"])
    SyncClient(s, t).sync_once()
    shutil.rmtree(str(s.store.path) + ".outbox")
    with caplog.at_level(logging.INFO, logger="sync.device"):
        summary = SyncClient(s, t).sync_once()
    assert t.sent[0] != t.sent[1] and summary["complete"]
    assert "earlier copy" in caplog.text
    assert sorted(hq_events(hq)) == sorted(own_events(s))


def test_unreachable_hq_changes_nothing_but_the_error(hq, devices) -> None:
    s = devices("a")
    s.registrations.register(**registration())
    before = own_events(s)
    summary = SyncClient(s, Flaky(hq, ["down"])).sync_once()
    assert summary["unavailable"] and not summary["complete"] and summary["pending"] == len(before)
    assert at_hq(hq, s) == set()
    assert Outbox(s).status()["last_error"].startswith("HQ could not be reached")
    assert own_events(s) == before and s.maintenance.verify().ok


@pytest.mark.parametrize("case, expected", [
    ("signed by another key", SignatureInvalid),
    ("for another batch", BadAck),
    ("for another device", BadAck),
    ("another copy naming other events", BadAck),
    ("an unknown verdict", BadAck),
    ("not an ack at all", UnsupportedFormat),
])
def test_a_forged_or_mismatched_ack_marks_nothing(hq, devices, caplog, case, expected) -> None:
    s = devices("a")
    for _ in range(2):
        s.registrations.register(**registration())
    attacker, _ = crypto.generate_signing_key()
    answer = {
        "signed by another key": rewrite(hq, attacker),
        "for another batch": rewrite(hq, hq.keys.signing_private, batch_id="0190c7e2-0000-7000-8000-000000000000"),
        "for another device": rewrite(hq, hq.keys.signing_private, device_id="someone-else"),
        "another copy naming other events": rewrite(hq, hq.keys.signing_private, batch_sha256=digest(b"other"),
                                                    verdicts=lambda d: dict(list(d["verdicts"].items())[:1])),
        "an unknown verdict": rewrite(hq, hq.keys.signing_private,
                                      verdicts=lambda d: {e: ["eaten", ""] for e in d["verdicts"]}),
        "not an ack at all": lambda ack, blob: b"<html>captive portal login</html>",
    }[case]
    with caplog.at_level(logging.WARNING, logger="sync.device"):
        summary = SyncClient(s, Flaky(hq, [answer])).sync_once()
    assert not summary["complete"] and summary["acknowledged"] == 0
    st = Outbox(s).status()
    assert st["acked"] == 0 and st["inflight"] == len(own_events(s))
    assert st["batches"][0]["state"] == "failed" and st["batches"][0]["last_error"] == summary["errors"][0]
    assert "refused" in caplog.text and "Traceback" not in caplog.text
    with pytest.raises(expected):     # the same check, raised directly: a typed error
        from sync.device.sealed import check_ack, sealed_copy

        batch = Outbox(s).next_batch()
        blob, sha = sealed_copy(Outbox(s), batch)
        check_ack(Outbox(s), answer(hq.push(blob), blob), batch_id=batch.id, batch_sha256=sha,
                  batch_events=[e["id"] for e in batch.events])
    # HQ really holds the events (it acked them; the answer was spoiled on the way): a clean sync settles it.
    assert SyncClient(s, hq).sync_once()["complete"]
    assert sorted(hq_events(hq)) == sorted(own_events(s))


def test_an_ack_that_leaves_events_out_does_not_loop(hq, devices) -> None:
    s = devices("a")
    for _ in range(2):
        s.registrations.register(**registration())
    partial = rewrite(hq, hq.keys.signing_private, verdicts=lambda d: dict(list(d["verdicts"].items())[:1]))
    summary = SyncClient(s, Flaky(hq, [partial, partial])).sync_once()
    assert summary["acknowledged"] == 1 and not summary["complete"]
    assert "did not acknowledge every event" in summary["errors"][0]
    assert SyncClient(s, hq).sync_once()["complete"]


def test_a_push_in_steps_keeps_the_network_off_the_db_thread(hq, devices) -> None:
    """The desktop's way: prepare and finish on its DB worker, the HTTP round trip on its network thread."""
    s = devices("a")
    s.registrations.register(**registration())
    client = SyncClient(s, hq)
    outgoing = client.prepare_push()
    assert outgoing is not None and set(outgoing.event_ids) == own_events(s)
    answer: dict[str, bytes] = {}
    net = threading.Thread(target=lambda: answer.setdefault("ack", hq.push(outgoing.blob)))
    net.start()
    net.join(30)
    assert client.finish_push(outgoing, answer["ack"])["accepted"] == len(outgoing.event_ids)
    assert client.prepare_push() is None
    s.registrations.register(**registration())
    again = client.prepare_push()
    with pytest.raises(SyncUnavailable):
        client.finish_push(again, error=SyncUnavailable("HQ could not be reached."))
    st = Outbox(s).status()
    assert st["batches"][0]["state"] == "failed" and st["last_error"] == "HQ could not be reached."
    assert client.prepare_push().blob == again.blob            # the kept copy, byte for byte


def test_cancel_between_batches_and_resume(hq, devices) -> None:
    s = devices("a")
    for _ in range(5):
        s.registrations.register(**registration())
    stop = threading.Event()

    def progress(done: int, total: int) -> None:
        if done:
            stop.set()

    first = SyncClient(s, hq, batch_events=3).sync_once(progress=progress, cancel=stop)
    # the batch already on its way when the caller cancelled (sent while the first ack was stored) is finished:
    # the run stops with nothing at HQ that the device does not count as acknowledged
    assert first["cancelled"] and first["batches"] == 2 and not first["complete"]
    assert Outbox(s).status()["acked"] == first["acknowledged"] == len(hq_events(hq))
    assert SyncClient(s, hq, batch_events=3).sync_once()["complete"]
    assert sorted(hq_events(hq)) == sorted(own_events(s))


# ---------------------------------------------------------------------------------------------- pull
def test_a_tb_outcome_recorded_on_another_device_reaches_the_registering_device(hq, devices) -> None:
    """A registers a presumptive TB case. B (a second laptop at the same checkpoint) pulls A's records, and its
    TB follow-up records the outcome; A pulls that update. A device of another checkpoint gets none of it."""
    a, b = devices("a"), devices("b")
    other = devices("c", checkpoint="Bavet")
    reg = a.registrations.register(**TB_CASE)
    rid = reg.referral_ids[0]
    assert SyncClient(a, hq).sync_once()["complete"]
    got = SyncClient(b, hq).sync_once()
    assert got["complete"] and got["applied"] == 1                    # A's registration
    assert b.records.get(reg.person_id)["person"]["family_name"] == "SOK"
    b.referrals.update(rid, {"xpert_result": "MTB_DETECTED_RIF_NOT_DETECTED"})
    b.referrals.update(rid, {"diagnosis": "BACT_CONFIRMED"})
    assert SyncClient(b, hq).sync_once()["complete"]
    back = SyncClient(a, hq).sync_once()
    # the two updates, and B's record that someone there looked at the person (reading is logged)
    assert back["applied"] == 3 and back["held_incoming"] == 0
    [r] = a.referrals.list(kind="health")
    assert (r.status, r.xpert_result, r.diagnosis) == ("diagnosed", "MTB_DETECTED_RIF_NOT_DETECTED",
                                                          "BACT_CONFIRMED")
    assert a.maintenance.verify().ok and b.maintenance.verify().ok
    assert SyncClient(b, hq).sync_once()["sent"] == 0                 # pulled events are not sent back as B's
    assert SyncClient(other, hq).sync_once()["pulled"] == 0           # another checkpoint: nothing about them
    assert SyncClient(a, hq).pull_all()["applied"] == 0               # from the stored cursor: nothing twice


def test_a_forged_or_replayed_pull_answer_applies_nothing(hq, devices) -> None:
    a, b = devices("a"), devices("b")
    a.registrations.register(**registration())
    SyncClient(a, hq).sync_once()
    attacker, _ = crypto.generate_signing_key()

    class Capture(Flaky):                 # an answer captured on the way, never delivered
        captured = b""

        def pull(self, request: bytes) -> bytes:
            Capture.captured = self.hq.pull(request)
            raise SyncUnavailable("HQ could not be reached.")

    with pytest.raises(SyncUnavailable):
        SyncClient(b, Capture(hq, [])).pull_all()

    class Evil(Flaky):
        def __init__(self, mode: str) -> None:
            super().__init__(hq, [])
            self.mode = mode

        def pull(self, request: bytes) -> bytes:
            if self.mode == "replayed":    # HQ's real answer to an earlier request: sealed to another reply key
                return Capture.captured
            body = peek_request(request)   # the reply key is public: anyone can seal a forged answer to it
            doc = {"kind": "pull", "device_id": body["device_id"], "cursor": body["cursor"], "next_cursor": "99",
                   "more": False, "events": [], "nonce": body["nonce"]}
            if self.mode == "forged":
                return seal_answer(sign_document(PULL, doc, attacker), body)
            doc["nonce"] = "0" * 32          # HQ's signed answer to another request, re-sealed
            return seal_answer(sign_document(PULL, doc, hq.keys.signing_private), body)

    for mode, err in (("forged", SignatureInvalid), ("replayed", DecryptionFailed), ("other", BadAck)):
        with pytest.raises(err):
            SyncClient(b, Evil(mode)).pull_all()
        summary = SyncClient(b, Evil(mode)).sync_once()
        assert summary["applied"] == 0 and summary["errors"] and not summary["complete"]
        assert Outbox(b).pull_cursor() == ""
    assert SyncClient(b, hq).sync_once()["applied"] == 1


def test_reference_data_is_verified_and_names_revoked_devices(hq, devices) -> None:
    a, b = devices("a"), devices("b")
    assert SyncClient(a, hq).fetch_reference()["revoked_devices"] == []
    hq.revoke(b.store.device_id, "laptop stolen")
    assert SyncClient(a, hq).fetch_reference()["revoked_devices"] == [b.store.device_id]


# ------------------------------------------------------------------------------------ revocation, users, clock
def test_revocation_and_a_user_switch_never_delete_unsynced_events(hq, devices, tmp_path, caplog) -> None:
    s = devices("a")
    s.users.add("rith", "Rith", "admin", "server-rack-admin-5")
    s.registrations.register(**registration())
    SyncClient(s, hq).sync_once()
    s.registrations.register(**registration(person=adult(given_names="VANNA", id_document_number="N7654321")))
    unsent = own_events(s) - at_hq(hq, s)
    assert unsent
    hq.revoke(s.store.device_id, "test")
    with caplog.at_level(logging.WARNING, logger="sync.device"):
        summary = SyncClient(s, hq).sync_once()
    assert not summary["complete"] and "revoked" in summary["errors"][0]
    assert "revoked" in caplog.text
    st = Outbox(s).status()
    assert st["pending"] + st["inflight"] == len(unsent) and "revoked" in st["last_error"]
    # Another user signs in on the same device: the same events still wait, none was dropped.
    s.lock()
    admin = unlock(tmp_path / "a.db", "rith", "server-rack-admin-5")
    try:
        st2 = Outbox(admin).status()
        assert st2["pending"] + st2["inflight"] == len(unsent)
        assert own_events(admin) >= unsent and admin.maintenance.verify().ok
    finally:
        admin.lock()
    again = unlock(tmp_path / "a.db", "dara", DEVICE_PASS)
    try:
        assert own_events(again) >= unsent
    finally:
        again.lock()


def test_a_device_clock_a_day_off_is_told_so_plainly_and_loses_nothing(hq, devices, clock) -> None:
    """HQ refuses requests dated more than five minutes from its clock (a captured request is worth nothing), so a
    device whose clock is a day off cannot sync: it is told how far off and what to do; once set right it syncs
    everything, and what it wrote with the wrong clock is intact."""
    a_clock, b_clock = ManualClock(clock.now() + timedelta(days=1)), ManualClock(clock.now() - timedelta(days=1))
    a, b = devices("a", device_clock=a_clock), devices("b", device_clock=b_clock)
    reg = a.registrations.register(**TB_CASE)
    b_reg = b.registrations.register(**registration())
    for s, way in ((a, "ahead of"), (b, "behind")):
        summary = SyncClient(s, hq).sync_once()
        assert not summary["complete"] and summary["sent"] == 0
        assert "1440 minutes " + way + " HQ's clock" in summary["errors"][0], summary["errors"]
        assert at_hq(hq, s) == set() and Outbox(s).status()["pending"] + Outbox(s).status()["inflight"] > 0
    a_clock.set(clock.now())
    b_clock.set(clock.now() + timedelta(minutes=4))           # within five minutes is fine
    assert SyncClient(a, hq).sync_once()["complete"]
    assert SyncClient(b, hq).sync_once()["complete"]
    b.referrals.update(reg.referral_ids[0], {"status": "arrived"})
    assert SyncClient(b, hq).sync_once()["complete"]
    assert SyncClient(a, hq).sync_once()["applied"] >= 2       # b's registration and b's referral update
    assert a.referrals.list(kind="health")[0].status == "arrived"
    assert a.records.get(b_reg.person_id)
    for s in (a, b):
        assert SyncClient(s, hq).sync_once()["complete"]        # a's reading of the record is an event too
    for s in (a, b):
        assert at_hq(hq, s) == own_events(s)
        assert Outbox(s).status()["hq"] == {"accepted": len(own_events(s))}
        assert s.maintenance.verify().ok


def test_a_batch_sealed_before_the_upgrade_is_still_delivered_after_it(hq, devices, monkeypatch) -> None:
    """A device upgraded while a batch sealed by protocol 1 waited beside its store: the new client sends those
    same bytes (with a protocol-2 ticket) and the new HQ takes them; then it syncs as usual."""
    a = devices("a")
    a.registrations.register(**registration())
    with monkeypatch.context() as m:
        m.setattr("sync.wire.PROTOCOL_VERSION", 1)
        kept = SyncClient(a, hq).prepare_push()          # sealed and kept by the old version, never sent
    assert kept is not None and peek_batch_header(kept.blob)["v"] == 1
    summary = SyncClient(a, hq).sync_once()
    assert summary["complete"], summary["errors"]
    assert at_hq(hq, a) == own_events(a)
    with hq.store.read() as conn:                        # HQ took those very bytes
        assert conn.execute(sa.select(batch_digests).where(batch_digests.c.sha256 == kept.sha256)).first()
    a.registrations.register(**registration())
    assert SyncClient(a, hq).sync_once()["complete"] and at_hq(hq, a) == own_events(a)
