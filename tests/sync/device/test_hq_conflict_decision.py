"""Issue 15 point 5: a conflict decided at HQ reaches the device that sent the other copy (an HQ event, like the
desktop's decision), and no one else can make a device believe HQ decided.

The conflict is made as a restored or tampered laptop makes one: HQ holds event X with one content, and the device
sends X again with another. HQ keeps its copy; the device's supervisor saw "in conflict"; after the data manager's
decision she sees "decided at HQ", with the reason, on the sync panel and in `sync-status`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint.clock import ManualClock
from checkpoint.events import canonical_json, event_hash, uuid7
from checkpoint.services.outbox import Outbox
from sync.device.client import SyncClient
from sync.hq import operator
from sync.hq.store import events as hq_events_table
from sync.hq.store import pull_feed
from tests.support.client_harness import enroll, new_device
from tests.support.helpers import registration


@pytest.fixture
def devices(tmp_path: Path, clock: ManualClock, hq):
    opened: list[Any] = []

    def make(name: str, checkpoint: str = "Poipet") -> Any:
        s = new_device(tmp_path / f"{name}.db", checkpoint, clock=clock)
        opened.append(s)
        enroll(s, hq)
        return s

    yield make
    for s in opened:
        s.lock()


def _conflict(hq, s) -> str:
    """Push ``s``'s registration, then make HQ's copy of it differ and send the device's copy again: a conflict.
    Returns the event id."""
    reg = s.registrations.register(**registration())
    SyncClient(s, hq).push_all()
    eid = s.store.db.execute("SELECT id FROM events WHERE type = 'registration.recorded' AND entity_id = ?",
                             [reg.person_id]).fetchone()[0]
    with hq.store.write() as conn:        # HQ came to hold another copy of X (e.g. from a laptop restored elsewhere)
        conn.execute(sa.update(hq_events_table).where(hq_events_table.c.id == eid).values(hash="f" * 64))
    with s.store.write():                 # and the device sends its copy again
        s.store.db.execute("UPDATE events SET sync_state = 'pending', batch_id = NULL, hq_status = '' WHERE id = ?",
                           [eid])
    out = SyncClient(s, hq).push_all()
    assert out["errors"] == [], out
    return str(eid)


def test_the_decision_reaches_the_device_that_sent_the_other_copy(hq, devices) -> None:
    a = devices("a")
    b = devices("b")                                   # another laptop of Poipet
    bavet = devices("c", "Bavet")                       # another checkpoint
    eid = _conflict(hq, a)
    st = Outbox(a).status()
    assert st["hq"].get("conflict") == 1 and st["hq_decisions"] == []
    (c,) = operator.conflict_rows(hq.store)
    assert c["event_id"] == eid
    out = operator.decide_conflict(hq.store, hq.clock, c["id"], "vanna", "HQ's copy is the one every laptop has")
    assert out["told_device"] is True
    for s in (a, b, bavet):
        SyncClient(s, hq).pull_all()
    st = Outbox(a).status()
    assert st["hq"].get("conflict", 0) == 0 and st["hq"]["conflict_decided"] == 1
    (d,) = st["hq_decisions"]
    assert d["event_id"] == eid and "HQ kept its copy" in d["note"] and "every laptop has" in d["note"]
    assert "vanna" in d["note"]
    # Poipet's other laptop holds the decision as audit and changes nothing; Bavet never receives it.
    assert b.store.db.execute("SELECT count(*) FROM events WHERE type = 'conflict.hq_decided'").fetchone()[0] == 1
    assert "conflict_decided" not in Outbox(b).status()["hq"]
    assert bavet.store.db.execute("SELECT count(*) FROM events WHERE type = 'conflict.hq_decided'").fetchone()[0] == 0
    with hq.store.read() as conn:                      # HQ routed it to one checkpoint's feed, once
        n = conn.execute(sa.select(sa.func.count()).select_from(pull_feed).join(
            hq_events_table, hq_events_table.c.id == pull_feed.c.event_id)
            .where(hq_events_table.c.type == "conflict.hq_decided")).scalar_one()
    assert n == 1


def test_a_device_cannot_push_a_decision_of_hq(hq, devices) -> None:
    """A device that writes `conflict.hq_decided` itself (to hide a conflict on another laptop) is refused at HQ,
    and no device role may write one."""
    from tests.sync.hq.test_trust import forge

    a = devices("a")
    forged = forge(a, "conflict.hq_decided", a.store.device_id,
                   {"conflict_id": 1, "event_id": "x", "decision": "kept_hq", "reason": "ok", "by": "vanna",
                    "kept_hash": "a" * 64, "other_hash": "b" * 64}, entity_type="device")
    SyncClient(a, hq).push_all()
    with hq.store.read() as conn:
        status = conn.execute(sa.select(hq_events_table.c.status)
                              .where(hq_events_table.c.id == forged["id"])).scalar_one_or_none()
    assert status != "accepted"
    from checkpoint.model.roles import EVENT_AUTHORS
    assert EVENT_AUTHORS["conflict.hq_decided"] == frozenset()


def _hq_event(device_id: str, payload: dict, *, author_device: str = "hq") -> dict:
    ev = {"id": uuid7(1_800_000_000_000), "device_id": author_device, "device_seq": 1, "entity_type": "device",
          "entity_id": device_id, "type": "conflict.hq_decided", "payload": canonical_json(payload),
          "author": "hq:vanna", "hlc": "0001800000000000:0000:hq", "content_version": "",
          "recorded_at": "2026-12-02T10:00:00.000+00:00", "prev_hash": "0" * 64}
    ev["hash"] = event_hash(ev)
    return ev


GOOD = {"conflict_id": 1, "event_id": "e1", "decision": "kept_hq", "reason": "HQ's copy", "by": "vanna",
        "kept_hash": "a" * 64, "other_hash": "b" * 64}


@pytest.mark.parametrize(("payload", "author_device", "why"), [
    (GOOD, "another-laptop", "must come from HQ"),
    ({**GOOD, "decision": "take_device"}, "hq", "decision"),
    ({**GOOD, "kept_hash": "zz"}, "hq", "kept_hash"),
    ({**GOOD, "reason": ""}, "hq", "reason"),
    ({**GOOD, "extra": 1}, "hq", "unknown field"),
])
def test_a_pulled_decision_that_is_not_hqs_is_held_aside(hq, devices, payload, author_device, why) -> None:
    a = devices("a")
    ev = _hq_event(a.store.device_id, payload, author_device=author_device)
    got = Outbox(a).ingest([ev])
    assert got["held"] == 1 and got["applied"] == 0
    (h,) = Outbox(a).held()
    assert why in h["reason"]
    assert a.store.db.execute("SELECT count(*) FROM events WHERE id = ?", [ev["id"]]).fetchone()[0] == 0
