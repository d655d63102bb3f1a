"""Releasing the quarantined events that wait for their person, for a whole batch at once (issue 15 point 5).

When a batch registers persons that quarantined events wait for (``quarantine_waits``: their device's checkpoint
did not follow a person HQ did not hold yet), ``sync.hq.operator.retry_waiting`` releases them in the batch's
transaction. Each is checked again exactly as an operator's release checks one (``sync.hq.operator._recheck``):
shape and hash, the device's own, no event HQ holds with its id or its sequence number, the chain with the
device's events before and after it, the trust rules (``ingest.trust_again``). This module runs those checks for
all of them with one query per lookup (not about ten per event: 17 ms each inside the pushing device's
transaction), walking them in the same order (device, sequence number, quarantine id) with what the earlier ones
took in kept in memory (their ids, sequence numbers and hashes, the persons and records they register, the
consents to sharing they record), then writes everything with one statement per table.

What an event taken in this way gets is what ``operator._take_in`` writes for one: the event (accepted when its
device's watermark is at or above it, else held), its persons and records, its pull-feed rows (routed as a batch
routes them: by the follows and consents as they stand once the batch is written) and its reporting facts; its
decision (``hq-auto``) and audit line; an event that still fails keeps its quarantine with the new reason.

    >>> release_waiting(conn, ["<person id>", ...], now)     # in the batch's transaction   # doctest: +SKIP
    [{'id': 7, 'event_id': '...', 'released': True, 'status': 'accepted', 'reason': ''}, ...]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.events import GENESIS, TRAVEL_TYPES, WIRE_FIELDS
from sync.hq.facts import record_facts
from sync.hq.ingest import PersonAt, State, read_events, trust_again
from sync.hq.pull import feed_rows
from sync.hq.store import (
    add_journal,
    bulk_insert,
    checkpoint_entities,
    devices,
    events,
    hq_audit,
    id_in,
    persons,
    pull_feed,
    quarantine,
    quarantine_decisions,
    quarantine_waits,
    records,
    reserve,
)

__all__ = ["release_waiting"]

AUTO = "hq-auto"                  # who the audit trail names (sync.hq.operator.AUTO)
WAITS = "does not follow person"  # the refusal an event waits out (sync.hq.operator.WAITS)
WHY = "its person is now followed by the device's checkpoint"
_EVENT_COLS = (*WIRE_FIELDS, "status", "ingest_seq", "batch_id", "received_at", "released_at")


class _Known:
    """What the checks read of HQ's store for the waiting events, read once, and kept up to date in memory as
    each one is taken in (so a later one sees what an earlier one wrote, as one at a time would)."""

    def __init__(self, conn: Connection, parsed: list[tuple[Any, Any]]) -> None:
        clean = [(row, p) for row, p in parsed if p is not None and p.event is not None]
        dev_ids = sorted({str(row.device_id) for row, _p in clean})
        # The devices' row locks (as ingest takes them) keep their batches from writing meanwhile.
        self.devices = {str(d.device_id): d for d in conn.execute(
            sa.select(devices).where(devices.c.device_id.in_(dev_ids)).with_for_update())} if dev_ids else {}
        ids = sorted({str(p.event["id"]) for _r, p in clean})
        self.hashes: dict[str, str] = dict(conn.execute(sa.select(events.c.id, events.c.hash)
                                                        .where(id_in(conn, events.c.id, ids))).all()) if ids else {}
        self.used: dict[tuple[str, int], tuple[str, str]] = {}    # (device, seq) -> (hash, prev_hash)
        for d in dev_ids:
            seqs = sorted({int(p.event["device_seq"]) + k for row, p in clean if str(row.device_id) == d
                           for k in (-1, 0, 1)})
            for s, h, ph in conn.execute(sa.select(events.c.device_seq, events.c.hash, events.c.prev_hash).where(
                    events.c.device_id == d, events.c.device_seq.in_(seqs))):
                self.used[(d, int(s))] = (str(h), str(ph))
        named = sorted({str(p.event["entity_id"]) for _r, p in clean
                        if p.refs is not None and p.event["entity_type"] == "person"})
        self.persons: dict[str, PersonAt] = {}
        self.links: set[tuple[str, str]] = set()                 # (checkpoint, person) HQ linked
        if named:
            for r in conn.execute(sa.select(persons.c.person_id, persons.c.checkpoint_id, persons.c.sharing)
                                  .where(id_in(conn, persons.c.person_id, named))):
                self.persons[str(r.person_id)] = PersonAt(str(r.checkpoint_id), bool(r.sharing))
            ce = checkpoint_entities
            self.links = {(str(c), str(e)) for c, e in conn.execute(
                sa.select(ce.c.checkpoint_id, ce.c.entity_id).where(id_in(conn, ce.c.entity_id, named)))}
        rec_ids = sorted({rid for _r, p in clean if p.refs is not None
                          for pairs in (p.refs.creates, p.refs.names) for kind, rid in pairs
                          if kind not in ("person", "conflict")})
        self.records: dict[str, tuple[str, str]] = {
            str(r.record_id): (str(r.kind), str(r.person_id)) for r in conn.execute(
                sa.select(records.c.record_id, records.c.kind, records.c.person_id)
                .where(id_in(conn, records.c.record_id, rec_ids)))} if rec_ids else {}

    def state(self, dev: Any, p: Any) -> State:
        """``operator._trust_state`` for one event, from memory."""
        cp, ev = str(dev.checkpoint_id), p.event
        at: dict[str, PersonAt] = {}
        follows: set[str] = set()
        if p.refs is not None and ev["entity_type"] == "person":
            pid = str(ev["entity_id"])
            if pid in self.persons:
                at[pid] = self.persons[pid]
                if (cp, pid) in self.links or at[pid].checkpoint_id == cp:
                    follows.add(pid)
        rec_ids = {rid for pairs in ((p.refs.creates, p.refs.names) if p.refs is not None else ())
                   for kind, rid in pairs if kind not in ("person", "conflict")}
        recs = {rid: self.records[rid] for rid in rec_ids if rid in self.records}
        return State(watermark=int(dev.contiguous_seq), store_id=str(dev.store_id), checkpoint_id=cp,
                     device_id=str(dev.device_id), persons=at, follows=frozenset(follows), records=recs)


def _parse(row: Any) -> Any:
    try:
        raw = json.loads(row.raw)
    except ValueError:
        return None
    return read_events([raw])[0]


def _check(row: Any, p: Any, known: _Known) -> tuple[str, Any]:
    """``operator._recheck`` for one row, against ``known``: ("", what to write) or (why not, the event or None)."""
    if p is None:
        return "HQ's copy of it is not a whole event (cut at 2 MiB, or not JSON): it cannot be released", None
    ev = p.event
    if ev is None:
        return p.reason, None
    dev = known.devices.get(str(row.device_id))
    if dev is None or ev["device_id"] != row.device_id:
        return "refused: the event names another device than the one that sent it", None
    seq, d = int(ev["device_seq"]), str(row.device_id)
    have = known.hashes.get(ev["id"])
    if have is not None:
        return ("already at HQ" if have == ev["hash"] else
                "HQ holds another event with this id and different content"), None
    if (d, seq) in known.used:
        return (f"sequence number {seq} of this device is already used by another event (device restored from a "
                "backup?)"), None
    before = GENESIS if seq == 1 else known.used.get((d, seq - 1), (None, ""))[0]
    after = known.used.get((d, seq + 1), ("", ""))[1]
    if (before is not None and ev["prev_hash"] != before) or (after and after != ev["hash"]):
        return (f"chain break: event {seq} of this device does not link to the events HQ holds (events already at "
                "HQ were rewritten or deleted on the device?)"), None
    problem, new_persons, sharing, recs = trust_again(p, known.state(dev, p))
    return problem, SimpleNamespace(event=dict(ev), payload=p.payload, dev=dev, new_persons=new_persons,
                                    sharing=sharing, records=recs)


def release_waiting(conn: Connection, person_ids: Iterable[str], now: str) -> list[dict[str, Any]]:
    """Release the open quarantined events waiting for these persons (just registered at HQ, or just linked), in
    the caller's transaction, in (device, sequence number, id) order; each is taken in only if it passes now.
    Returns one ``{"id", "event_id", "released", "status", "reason"}`` per event tried."""
    pids = sorted(set(person_ids))
    if not pids or conn.execute(sa.select(quarantine_waits.c.quarantine_id).limit(1)).first() is None:
        return []
    qd = quarantine_decisions
    rows = conn.execute(
        sa.select(quarantine).join(quarantine_waits, quarantine_waits.c.quarantine_id == quarantine.c.id)
        .outerjoin(qd, qd.c.quarantine_id == quarantine.c.id)
        .where(id_in(conn, quarantine_waits.c.person_id, pids), qd.c.decision.is_(None))
        .order_by(quarantine.c.device_id, quarantine.c.device_seq, quarantine.c.id)).all()
    if not rows:
        return []
    parsed = [(row, _parse(row)) for row in rows]
    known = _Known(conn, parsed)
    out: list[dict[str, Any]] = []
    taken: list[tuple[Any, Any, bool]] = []           # (row, what to write, accepted)
    stays: list[tuple[Any, str, Any]] = []            # (row, why, the event if clean)
    for row, p in parsed:
        res = {"id": int(row.id), "event_id": str(row.event_id), "released": False, "status": "quarantined",
               "reason": ""}
        out.append(res)
        problem, t = _check(row, p, known)
        if problem:
            res["reason"] = problem
            stays.append((row, problem, t))
            continue
        ev, d = t.event, str(row.device_id)
        accepted = int(ev["device_seq"]) <= int(t.dev.contiguous_seq)
        res.update(released=True, status="accepted" if accepted else "held")
        taken.append((row, t, accepted))
        known.hashes[ev["id"]] = ev["hash"]                                   # what the next ones see
        known.used[(d, int(ev["device_seq"]))] = (ev["hash"], ev["prev_hash"])
        for pid, (cp, sharing, _e) in t.new_persons.items():
            known.persons[pid] = PersonAt(cp, sharing)
        for pid, v in t.sharing.items():
            if pid in known.persons:
                known.persons[pid] = PersonAt(known.persons[pid].checkpoint_id, v)
        known.records.update(t.records)
    _write_stays(conn, stays, known)
    if taken:
        _take_in(conn, taken, now)
    return out


def _write_stays(conn: Connection, stays: list[tuple[Any, str, Any]], known: _Known) -> None:
    """New reasons, and what each still waits for (only a person HQ does not hold at all)."""
    changed = [{"b_id": int(row.id), "b_reason": why[:2000]} for row, why, _t in stays if why != row.reason]
    if changed:
        conn.execute(quarantine.update().where(quarantine.c.id == sa.bindparam("b_id"))
                     .values(reason=sa.bindparam("b_reason")), changed)
    if not stays:
        return
    conn.execute(quarantine_waits.delete().where(quarantine_waits.c.quarantine_id.in_([int(r.id) for r, _w, _t in
                                                                                      stays])))
    again = [{"quarantine_id": int(row.id), "person_id": t.event["entity_id"]} for row, why, t in stays
             if t is not None and WAITS in why and t.event["entity_type"] == "person"
             and t.event["entity_id"] not in known.persons]
    if again:
        conn.execute(quarantine_waits.insert(), again)


def _take_in(conn: Connection, taken: list[tuple[Any, Any, bool]], now: str) -> None:
    """Write what the released events bring, one statement per table (``operator._take_in`` for many)."""
    new_persons: dict[str, tuple[str, bool, str]] = {}
    sharing: dict[str, bool] = {}
    recs: dict[str, tuple[str, str]] = {}
    for _row, t, _a in taken:
        new_persons.update(t.new_persons)
        sharing.update(t.sharing)
        recs.update(t.records)
    bulk_insert(conn, persons, [(pid, cp, s, e) for pid, (cp, s, e) in new_persons.items()],
                ("person_id", "checkpoint_id", "sharing", "registered_event"))
    again = [{"b_id": pid, "b_sharing": v} for pid, v in sharing.items() if pid not in new_persons]
    if again:
        conn.execute(persons.update().where(persons.c.person_id == sa.bindparam("b_id"))
                     .values(sharing=sa.bindparam("b_sharing")), again)
    bulk_insert(conn, records, [(r, k, pid) for r, (k, pid) in recs.items()], ("record_id", "kind", "person_id"))
    visible = [t.event for _r, t, accepted in taken if accepted]
    routed = [(ev["id"], ev["entity_id"]) for ev in visible
              if ev["type"] in TRAVEL_TYPES and ev["entity_type"] == "person"]
    feed = feed_rows(conn, routed, {pid: cp for pid, (cp, _s, _e) in new_persons.items()})
    first = reserve(conn, "ingest_seq", len(visible) + len(feed)) if visible else 0
    seq_of = {ev["id"]: first + n for n, ev in enumerate(visible)}
    bulk_insert(conn, pull_feed, [(c, first + len(visible) + n, i) for n, (c, i) in enumerate(feed)],
                ("checkpoint_id", "seq", "event_id"))
    batch_id = f"hq-release-{now[:19]}"[:64]
    bulk_insert(conn, events, [(*(t.event[k] for k in WIRE_FIELDS), "accepted" if accepted else "held",
                                seq_of.get(t.event["id"]), batch_id, now, now if accepted else "")
                               for _r, t, accepted in taken], _EVENT_COLS)
    by_device: dict[str, tuple[Any, list[str]]] = {}                      # the facts, per device (checkpoint)
    for _r, t, accepted in taken:
        if accepted:
            by_device.setdefault(str(t.dev.device_id), (t.dev, []))[1].append(t.event["id"])
    for dev, visible_ids in by_device.values():
        record_facts(conn, SimpleNamespace(visible=tuple(visible_ids), new_events=(),
                                           checkpoint_id=str(dev.checkpoint_id), batch_id="operator",
                                           received_at=now, device_id=str(dev.device_id)))
    q_ids = [int(row.id) for row, _t, _a in taken]
    conn.execute(quarantine_waits.delete().where(quarantine_waits.c.quarantine_id.in_(q_ids)))
    conn.execute(quarantine_decisions.insert(), [{"quarantine_id": i, "decision": "released", "by": AUTO, "at": now,
                                                  "note": WHY} for i in q_ids])
    conn.execute(hq_audit.insert(), [_audit_row(now, row, "accepted" if accepted else "held")
                                     for row, _t, accepted in taken])
    add_journal(conn, now, "quarantine_release", "", f"{len(taken)} quarantined events released automatically: "
                "their person arrived at HQ or was linked")


def _audit_row(now: str, row: Any, status: str) -> Mapping[str, Any]:
    """``web.accounts.audit``'s line for one automatic release (the same fields and caps)."""
    return {"at": now, "username": AUTO, "action": "quarantine_release", "target": f"quarantine {row.id}"[:200],
            "detail": f"device {row.device_id} event {row.event_id[:64]} {status}: {WHY}"[:2000], "address": ""}
