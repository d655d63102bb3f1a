"""HQ's operator decisions (issue 15 point 5) on both databases: a quarantined event released only if it passes
ingest's checks now (and then travels through pull), events waiting for their person released by the person's
registration, reject, a held gap given up, a conflict decided, every decision audited with its reason."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from checkpoint.errors import ConflictError, NotFound, ValidationError
from checkpoint.events import event_hash
from sync.hq import operator, waiting
from sync.hq.service import HQService
from sync.hq.store import events, hq_audit, journal
from sync.wire import PULL
from tests.support.hq_helpers import FakeDevice, answer


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _push(hq: HQService, dev: FakeDevice, evs: list) -> dict:
    return json.loads(json.dumps(_ack(hq, hq.push(dev.seal(evs, hq.keys.exchange_public)))))


def _ack(hq: HQService, blob: bytes) -> dict:
    from sync.wire import ACK, open_signed

    return open_signed(ACK, blob, hq.keys.signing_public)["verdicts"]


def _pulled(hq: HQService, dev: FakeDevice) -> list[str]:
    req = dev.pull_request()
    return [e["id"] for e in answer(PULL, hq.pull(req.blob), req, hq.keys.signing_public)["events"]]


def _status(hq: HQService, event_id: str) -> str | None:
    with hq.store.read() as conn:
        return conn.execute(sa.select(events.c.status).where(events.c.id == event_id)).scalar_one_or_none()


def _audit(hq: HQService, action: str) -> list[dict]:
    with hq.store.read() as conn:
        return [dict(r) for r in conn.execute(sa.select(hq_audit).where(hq_audit.c.action == action)
                                              .order_by(hq_audit.c.id)).mappings()]


def test_an_event_waiting_for_its_person_is_released_when_the_registration_arrives(hq: HQService) -> None:
    a, b = FakeDevice(), FakeDevice()                   # two laptops of Poipet; b syncs first
    a.enroll(hq)
    b.enroll(hq)
    reg = a.event()
    seen = b.event(type_="person.viewed", entity_id=reg["entity_id"], payload={})
    assert _push(hq, b, [seen])[seen["id"]][0] == "quarantined"
    (q,) = operator.quarantine_rows(hq.store)
    assert q["waits_for"] == reg["entity_id"] and "does not follow" in q["reason"] and q["state"] == "open"
    assert _status(hq, seen["id"]) is None and seen["id"] not in _pulled(hq, a)

    assert _push(hq, a, [reg])[reg["id"]][0] == "accepted"
    assert _status(hq, seen["id"]) == "accepted"                        # taken in, in the same transaction
    assert operator.quarantine_rows(hq.store) == []
    (done,) = operator.quarantine_rows(hq.store, state="released")
    assert done["by"] == operator.AUTO and done["waits_for"] is None
    assert seen["id"] in _pulled(hq, a)                                 # ... and it travels to the checkpoint
    (line,) = _audit(hq, "quarantine_release")
    assert line["username"] == operator.AUTO and seen["id"] in line["detail"]


def test_release_checks_again_and_an_event_that_still_fails_stays_with_the_reason(hq: HQService) -> None:
    poipet, bavet = FakeDevice(), FakeDevice(checkpoint_name="Bavet")
    poipet.enroll(hq)
    bavet.enroll(hq)
    reg = poipet.event()
    _push(hq, poipet, [reg])
    spy = bavet.event(type_="person.viewed", entity_id=reg["entity_id"], payload={})
    bad = bavet.event()
    bad["payload"] = bad["payload"].replace("DARA", "DAVY")              # its hash no longer matches
    _push(hq, bavet, [spy, bad])
    rows = {r["event_id"]: r for r in operator.quarantine_rows(hq.store)}
    assert rows[spy["id"]]["waits_for"] is None                          # the person is at HQ: it does not wait
    with pytest.raises(ValidationError):
        operator.release_quarantined(hq.store, hq.clock, rows[spy["id"]]["id"], "vanna", "  ")
    out = operator.release_quarantined(hq.store, hq.clock, rows[spy["id"]]["id"], "vanna", "Bavet follows up")
    assert out["released"] is False and "does not follow" in out["reason"]
    out = operator.release_quarantined(hq.store, hq.clock, rows[bad["id"]]["id"], "vanna", "try it")
    assert out["released"] is False and out["reason"].startswith("hash mismatch")
    assert _status(hq, spy["id"]) is None and len(operator.quarantine_rows(hq.store)) == 2
    assert [a["username"] for a in _audit(hq, "quarantine_release_refused")] == ["vanna", "vanna"]

    hq.link(reg["entity_id"], "Bavet", "case transferred to Bavet")      # now Bavet follows the person
    out = operator.release_quarantined(hq.store, hq.clock, rows[spy["id"]]["id"], "vanna", "linked today")
    assert out == {"id": rows[spy["id"]]["id"], "event_id": spy["id"], "released": True, "status": "accepted",
                   "reason": ""}
    assert _status(hq, spy["id"]) == "accepted" and spy["id"] in _pulled(hq, poipet)
    with pytest.raises(ConflictError):
        operator.reject_quarantined(hq.store, hq.clock, rows[spy["id"]]["id"], "vanna", "too late")
    operator.reject_quarantined(hq.store, hq.clock, rows[bad["id"]]["id"], "vanna", "tampered on the laptop")
    (rej,) = operator.quarantine_rows(hq.store, state="rejected")
    assert rej["event_id"] == bad["id"] and rej["note"] == "tampered on the laptop" and _status(hq, bad["id"]) is None
    assert "tampered on the laptop" in _audit(hq, "quarantine_reject")[0]["detail"]
    with pytest.raises(NotFound):
        operator.release_quarantined(hq.store, hq.clock, 999_999, "vanna", "x")


def test_a_released_gap_applies_the_held_events_and_later_ones_are_not_held(hq: HQService) -> None:
    dev = FakeDevice(checkpoint_name="Bavet")
    dev.enroll(hq)
    first = dev.events(2)
    lost = dev.event()                                                   # never sent: the laptop was stolen
    after = dev.events(2)
    _push(hq, dev, first)
    assert {v[0] for v in _push(hq, dev, after).values()} == {"held"}
    (gap,) = operator.gap_rows(hq.store)
    assert (gap["watermark"], gap["missing"], gap["held"]) == (2, [[3, 3]], 2) and gap["waiting_since"]
    with pytest.raises(ValidationError):
        operator.release_gap(hq.store, hq.clock, dev.device_id, "vanna", "")
    out = operator.release_gap(hq.store, hq.clock, dev.device_id, "vanna", "laptop stolen")
    assert out == {"device_id": dev.device_id, "missing": [[3, 3]], "released": 2, "watermark": 5}
    assert [_status(hq, e["id"]) for e in after] == ["accepted", "accepted"] and operator.gap_rows(hq.store) == []
    nxt = dev.event()
    assert _push(hq, dev, [nxt])[nxt["id"]][0] == "accepted"              # no longer held
    with pytest.raises(NotFound):
        operator.release_gap(hq.store, hq.clock, dev.device_id, "vanna", "again")
    # The lost event turns up after all: quarantined (its number counts as used); released, it links and is taken.
    assert _push(hq, dev, [lost])[lost["id"]][0] == "quarantined"
    (q,) = operator.quarantine_rows(hq.store)
    assert operator.release_quarantined(hq.store, hq.clock, q["id"], "vanna", "found")["status"] == "accepted"
    assert "laptop stolen" in _audit(hq, "gap_release")[0]["detail"]
    with hq.store.read() as conn:
        assert "laptop stolen" in conn.execute(sa.select(journal.c.message)
                                               .where(journal.c.kind == "gap_release")).scalar_one()


def test_a_conflict_is_decided_once_with_a_reason(hq: HQService) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    ev = dev.event()
    _push(hq, dev, [ev])
    other = {**ev, "payload": ev["payload"].replace("DARA", "DAVY")}
    other["hash"] = event_hash(other)
    assert _push(hq, dev, [other])[ev["id"]][0] == "conflict"
    (c,) = operator.conflict_rows(hq.store)
    assert c["event_id"] == ev["id"] and c["state"] == "open" and c["type"] == "registration.recorded"
    with pytest.raises(ValidationError):
        operator.decide_conflict(hq.store, hq.clock, c["id"], "vanna", "")
    with pytest.raises(ValidationError):
        operator.decide_conflict(hq.store, hq.clock, c["id"], "vanna", "x", decision="take_device")
    assert operator.decide_conflict(hq.store, hq.clock, c["id"], "vanna", "HQ's copy is the one everyone has") \
        == {"id": c["id"], "event_id": ev["id"], "decision": "kept_hq", "told_device": True}
    with pytest.raises(ConflictError):
        operator.decide_conflict(hq.store, hq.clock, c["id"], "vanna", "again")
    assert operator.conflict_rows(hq.store) == [] and operator.conflict_rows(hq.store, state="all")[0]["by"] == "vanna"
    assert "everyone has" in _audit(hq, "conflict_decide")[0]["detail"]


def test_a_fault_while_retrying_never_fails_the_batch(hq: HQService, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = FakeDevice(), FakeDevice()
    a.enroll(hq)
    b.enroll(hq)
    reg = a.event()
    seen = b.event(type_="person.viewed", entity_id=reg["entity_id"], payload={})
    _push(hq, b, [seen])

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(waiting, "_check", broken)                    # the batch-wide release (sync.hq.waiting)
    assert _push(hq, a, [reg])[reg["id"]][0] == "accepted"             # the registration is taken in anyway
    assert _status(hq, reg["id"]) == "accepted" and _status(hq, seen["id"]) is None
    (q,) = operator.quarantine_rows(hq.store)
    assert q["event_id"] == seen["id"] and q["waits_for"] == reg["entity_id"]
    with hq.store.read() as conn:
        assert "RuntimeError" in conn.execute(sa.select(journal.c.message)
                                              .where(journal.c.kind == "quarantine_retry_failed")).scalar_one()
    monkeypatch.undo()
    assert operator.release_quarantined(hq.store, hq.clock, q["id"], "vanna", "retry by hand")["released"]
