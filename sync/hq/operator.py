"""HQ's operator decisions (issue 15 point 5): quarantined events (release or reject), held gaps (release), HQ's
conflicts (decide). The dashboard (``sync.hq.web.app``) and the CLI (``checkpoint-hq quarantine|gaps|conflicts``)
both call these; each decision is one transaction with its line in HQ's audit trail (``hq_audit``: who, when,
why — a reason is required) and in HQ's journal.

    >>> quarantine_rows(store)                                           # open ones, newest first  # doctest: +SKIP
    >>> release_quarantined(store, clock, 7, "vanna", "the type is known now")                      # doctest: +SKIP
    {'id': 7, 'released': True, 'status': 'accepted', 'reason': '', 'event_id': '...'}
    >>> release_gap(store, clock, device_id, "vanna", "laptop stolen on 2026-11-20")                # doctest: +SKIP

**Release** runs the event through ingest's checks again, now: its shape and hash (``read_events``), that it is
the device's own, that no event HQ holds has its id or its sequence number, that it links to the device's events
before and after it that HQ holds (the chain), and the trust rules (``ingest.trust_again``: its person followed by
the device's checkpoint, its records the person's). It is taken in only if it passes — accepted (visible, in the
pull feeds, in the reporting facts) when every earlier event of its device has arrived, else held like any event
above a gap; otherwise it stays in quarantine with the new reason. **Reject** closes it for good (kept, never fed).

**Waiting for a person**: an event quarantined because its device's checkpoint did not follow its person while HQ
did not hold the person at all (the registration had not reached HQ yet: two laptops of one checkpoint, the second
synced first) waits for that person (``quarantine_waits``). When a batch brings the person's registration, the
waiting events are released automatically in the same transaction (``retry_waiting``; audited as ``hq-auto``),
each only if it passes now (a registration made at another checkpoint does not let them in; they then stay with
that reason). An event about a person registered elsewhere does not wait: a link by HQ (``checkpoint-hq link``)
lets the checkpoint follow the person from then on, and an operator decides whether its earlier write is released.

**Held gaps**: a device's events above a missing sequence number are held until it arrives. Releasing the gap
accepts that the missing events will never come (a lost laptop): the device's watermark moves over them and every
held event up to the next missing one becomes visible; later events are no longer held. A missing event that does
arrive after all is quarantined (its sequence number counts as used) and can be released from there.

**Conflicts at HQ** are whole events: a device sent an event id HQ already holds with other content (HQ keeps the
first copy; field-level conflicts between devices are detected and decided on the devices, whose
``conflict.resolved`` events HQ carries like any other). The copy HQ holds is the one every other checkpoint pulled,
so the one decision that keeps every store consistent is to keep it: ``decide_conflict`` records that decision
(audited), closes the conflict, and tells the device that sent the other copy: an HQ event
(``conflict.hq_decided``, in that device's checkpoint's pull feed only) after which the device shows its copy as
"decided at HQ", with the reason, instead of "in conflict". Taking the device's copy instead would mean replacing an
event every device already applied, which the protocol cannot do (events are never rewritten); where the device's
copy was the right one, its supervisor corrects the record, and the correction travels like any other.

Raises NotFound, ConflictError (already decided), ValidationError (no reason).
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterable, Mapping
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.clock import Clock
from checkpoint.errors import ConflictError, NotFound, ValidationError
from checkpoint.events import GENESIS, HQ_DECISION_TYPE, TRAVEL_TYPES, WIRE_FIELDS
from sync.hq.checks import clean
from sync.hq.facts import record_facts
from sync.hq.hq_events import append_hq_event, route
from sync.hq.ingest import PersonAt, State, advance, read_events, trust_again
from sync.hq.pull import feed_rows
from sync.hq.store import (
    HQStore,
    add_journal,
    bulk_insert,
    checkpoint_entities,
    conflict_decisions,
    conflicts,
    devices,
    events,
    id_in,
    persons,
    plain_error,
    pull_feed,
    quarantine,
    quarantine_decisions,
    quarantine_waits,
    records,
    reserve,
    timestamp,
)
from sync.hq.web.accounts import audit

__all__ = ["AUTO", "after_batch", "conflict_rows", "decide_conflict", "gap_rows", "note_waiting", "quarantine_item",
           "quarantine_rows", "reject_quarantined", "release_gap", "release_quarantined", "retry_waiting"]

log = logging.getLogger("checkpoint.hq")

AUTO = "hq-auto"                  # who the audit trail names for the automatic retries
WAITS = "does not follow person"  # the trust rule's refusal an event waits out (ingest._trust)


def check_reason(value: Any) -> str:
    """A decision's reason: required, at most 500 characters of clean text. Raises ValidationError."""
    text = clean(value, 500)
    if text is None or not text.strip():
        raise ValidationError("reason", "say why (1 to 500 characters; it is kept in HQ's audit trail)")
    return text.strip()


# ------------------------------------------------------------------------------------------------ quarantine
def _state_of(decision: str | None) -> str:
    return decision or "open"


def quarantine_rows(store: HQStore, *, state: str = "open", device_id: str | None = None, limit: int = 500
                    ) -> list[dict[str, Any]]:
    """Quarantined events, newest first: id, when, device, checkpoint, sequence number, reason, SHA-256 of the
    copy, decision (``state``: open, released, rejected or all), and the person it waits for. Never the payload."""
    qd, qw = quarantine_decisions, quarantine_waits
    q = (sa.select(quarantine.c.id, quarantine.c.received_at, quarantine.c.device_id, devices.c.checkpoint_name,
                   quarantine.c.event_id, quarantine.c.device_seq, quarantine.c.reason, quarantine.c.raw_sha256,
                   qd.c.decision, qd.c.by, qd.c.at.label("decided_at"), qd.c.note, qw.c.person_id.label("waits_for"))
         .select_from(quarantine.outerjoin(devices, devices.c.device_id == quarantine.c.device_id)
                      .outerjoin(qd, qd.c.quarantine_id == quarantine.c.id)
                      .outerjoin(qw, qw.c.quarantine_id == quarantine.c.id))
         .order_by(quarantine.c.id.desc()).limit(max(1, min(limit, 10_000))))
    if state == "open":
        q = q.where(qd.c.decision.is_(None))
    elif state != "all":
        q = q.where(qd.c.decision == state)
    if device_id:
        q = q.where(quarantine.c.device_id == str(device_id)[:64])
    with store.read() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
    for r in rows:
        r["state"] = _state_of(r.pop("decision"))
        r["checkpoint_name"] = r["checkpoint_name"] or ""
    return rows


def quarantine_item(store: HQStore, item_id: int) -> dict[str, Any]:
    """One quarantined event with its copy as received, pretty-printed (a record view: the caller audits it, and
    only a data manager may ask). Raises NotFound."""
    out = _one(store, item_id)[0]
    with contextlib.suppress(ValueError):
        out["raw"] = json.dumps(json.loads(out["raw"]), indent=2, ensure_ascii=False, sort_keys=True)
    return out


def _one(store: HQStore, item_id: int) -> list[dict[str, Any]]:
    qd, qw = quarantine_decisions, quarantine_waits
    with store.read() as conn:
        row = conn.execute(
            sa.select(quarantine, devices.c.checkpoint_name, qd.c.decision, qd.c.by, qd.c.at.label("decided_at"),
                      qd.c.note, qw.c.person_id.label("waits_for"))
            .select_from(quarantine.outerjoin(devices, devices.c.device_id == quarantine.c.device_id)
                         .outerjoin(qd, qd.c.quarantine_id == quarantine.c.id)
                         .outerjoin(qw, qw.c.quarantine_id == quarantine.c.id))
            .where(quarantine.c.id == int(item_id))).mappings().first()
    if row is None:
        raise NotFound("No such quarantined event.")
    out = dict(row)
    out["state"] = _state_of(out.pop("decision"))
    out["checkpoint_name"] = out["checkpoint_name"] or ""
    return [out]


def _open_row(conn: Connection, item_id: int) -> Any:
    row = conn.execute(sa.select(quarantine).where(quarantine.c.id == int(item_id))).first()
    if row is None:
        raise NotFound("No such quarantined event.")
    if conn.execute(sa.select(quarantine_decisions.c.decision)
                    .where(quarantine_decisions.c.quarantine_id == row.id)).first():
        raise ConflictError("This quarantined event was decided already.")
    return row


def reject_quarantined(store: HQStore, clock: Clock, item_id: int, by: str, reason: str, address: str = "") -> None:
    """Close a quarantined event for good: kept for audit, marked rejected, never fed. Raises NotFound,
    ConflictError (decided already), ValidationError (no reason)."""
    why = check_reason(reason)
    now = timestamp(clock)
    with store.write() as conn:
        row = _open_row(conn, item_id)
        conn.execute(quarantine_decisions.insert().values(quarantine_id=row.id, decision="rejected", by=by, at=now,
                                                          note=why))
        conn.execute(quarantine_waits.delete().where(quarantine_waits.c.quarantine_id == row.id))
        audit(conn, now, by, "quarantine_reject", f"quarantine {row.id}",
              f"device {row.device_id} event {row.event_id[:64]}: {why}", address)
        add_journal(conn, now, "quarantine_reject", row.device_id, f"quarantine {row.id} rejected by {by}: {why}")


def release_quarantined(store: HQStore, clock: Clock, item_id: int, by: str, reason: str, address: str = ""
                        ) -> dict[str, Any]:
    """Run a quarantined event through ingest's checks again and take it in if it passes (the module's rules).
    Returns ``{"id", "event_id", "released", "status" (accepted | held | quarantined), "reason"}`` (``reason``:
    why it stays, when it does). Both outcomes are audited. Raises NotFound, ConflictError, ValidationError."""
    why = check_reason(reason)
    now = timestamp(clock)
    with store.write() as conn:
        row = _open_row(conn, item_id)
        out = _release(conn, row, now)
        if out["released"]:
            conn.execute(quarantine_decisions.insert().values(quarantine_id=row.id, decision="released", by=by,
                                                              at=now, note=why))
            audit(conn, now, by, "quarantine_release", f"quarantine {row.id}",
                  f"device {row.device_id} event {row.event_id[:64]} {out['status']}: {why}", address)
            add_journal(conn, now, "quarantine_release", row.device_id,
                        f"quarantine {row.id} released by {by} ({out['status']}): {why}")
        else:
            audit(conn, now, by, "quarantine_release_refused", f"quarantine {row.id}",
                  f"device {row.device_id} event {row.event_id[:64]} stays: {out['reason'][:300]} (asked: {why})",
                  address)
    return out


def _release(conn: Connection, row: Any, now: str) -> dict[str, Any]:
    """Re-check one open quarantine row and take its event in if it passes; else record the new reason."""
    out = {"id": int(row.id), "event_id": str(row.event_id), "released": False, "status": "quarantined",
           "reason": ""}
    problem, taken = _recheck(conn, row)
    if problem:
        out["reason"] = problem
        if problem != row.reason:
            conn.execute(quarantine.update().where(quarantine.c.id == row.id).values(reason=problem[:2000]))
        _note_wait(conn, int(row.id), problem, taken)
        return out
    assert taken is not None
    out.update(released=True, status=_take_in(conn, taken, now))
    conn.execute(quarantine_waits.delete().where(quarantine_waits.c.quarantine_id == row.id))
    return out


def _recheck(conn: Connection, row: Any) -> tuple[str, Any]:
    """("", what to write) if the quarantined event passes ingest's checks now, else (why not, the event if it is
    clean enough to name its person, else None)."""
    try:
        raw = json.loads(row.raw)
    except ValueError:
        return "HQ's copy of it is not a whole event (cut at 2 MiB, or not JSON): it cannot be released", None
    p = read_events([raw])[0]
    ev = p.event
    if ev is None:
        return p.reason, None
    # The device's row lock (as ingest takes it) keeps a batch of the same device from writing meanwhile.
    dev = conn.execute(sa.select(devices).where(devices.c.device_id == row.device_id).with_for_update()).first()
    if dev is None or ev["device_id"] != row.device_id:
        return "refused: the event names another device than the one that sent it", None
    seq = int(ev["device_seq"])
    have = conn.execute(sa.select(events.c.hash).where(events.c.id == ev["id"])).first()
    if have is not None:
        return ("already at HQ" if have.hash == ev["hash"] else
                "HQ holds another event with this id and different content"), None
    used = {int(s): (str(h), str(ph)) for s, h, ph in conn.execute(
        sa.select(events.c.device_seq, events.c.hash, events.c.prev_hash)
        .where(events.c.device_id == row.device_id, events.c.device_seq.in_([seq - 1, seq, seq + 1])))}
    if seq in used:
        return (f"sequence number {seq} of this device is already used by another event (device restored from a "
                "backup?)"), None
    before = GENESIS if seq == 1 else used.get(seq - 1, (None, ""))[0]
    after = used.get(seq + 1, ("", ""))[1]
    if (before is not None and ev["prev_hash"] != before) or (after and after != ev["hash"]):
        return (f"chain break: event {seq} of this device does not link to the events HQ holds (events already at "
                "HQ were rewritten or deleted on the device?)"), None
    state = _trust_state(conn, dev, p)
    problem, new_persons, sharing, recs = trust_again(p, state)
    taken = SimpleNamespace(event=dict(ev), payload=p.payload, dev=dev, new_persons=new_persons, sharing=sharing,
                            records=recs)
    return problem, taken


def _trust_state(conn: Connection, dev: Any, p: Any) -> State:
    """What the trust rules read of HQ's store for one event (``ingest.read_state`` reads this and more, for a
    whole batch): its person (where registered, consent, followed by the device's checkpoint) and the records it
    names or creates."""
    cp, ev, refs = str(dev.checkpoint_id), p.event, p.refs
    at: dict[str, PersonAt] = {}
    follows: set[str] = set()
    if refs is not None and ev["entity_type"] == "person":
        ce = checkpoint_entities
        r = conn.execute(sa.select(persons.c.person_id, persons.c.checkpoint_id, persons.c.sharing, ce.c.how)
                         .select_from(persons.outerjoin(ce, sa.and_(ce.c.entity_id == persons.c.person_id,
                                                                    ce.c.checkpoint_id == cp)))
                         .where(persons.c.person_id == ev["entity_id"])).first()
        if r is not None:
            at[str(r.person_id)] = PersonAt(str(r.checkpoint_id), bool(r.sharing))
            if r.how is not None or str(r.checkpoint_id) == cp:
                follows.add(str(r.person_id))
    rec_ids = sorted({rid for pairs in ((refs.creates, refs.names) if refs is not None else ())
                      for kind, rid in pairs if kind not in ("person", "conflict")})
    recs = {str(r.record_id): (str(r.kind), str(r.person_id)) for r in conn.execute(
        sa.select(records.c.record_id, records.c.kind, records.c.person_id)
        .where(records.c.record_id.in_(rec_ids)))} if rec_ids else {}
    return State(watermark=int(dev.contiguous_seq), store_id=str(dev.store_id), checkpoint_id=cp,
                 device_id=str(dev.device_id), persons=at, follows=frozenset(follows), records=recs)


def _note_wait(conn: Connection, qid: int, problem: str, taken: Any) -> None:
    conn.execute(quarantine_waits.delete().where(quarantine_waits.c.quarantine_id == qid))
    if taken is not None and WAITS in problem and taken.event["entity_type"] == "person" and conn.execute(
            sa.select(persons.c.person_id).where(persons.c.person_id == taken.event["entity_id"])).first() is None:
        conn.execute(quarantine_waits.insert().values(quarantine_id=qid, person_id=taken.event["entity_id"]))


def _take_in(conn: Connection, t: Any, now: str) -> str:
    """Write a released event as ingest would have: persons, records, the event (accepted when its device's
    watermark is at or above it, else held), its pull feed rows and its reporting facts. Returns its status."""
    ev, dev = t.event, t.dev
    accepted = int(ev["device_seq"]) <= int(dev.contiguous_seq)
    bulk_insert(conn, persons, [{"person_id": pid, "checkpoint_id": cp, "sharing": s, "registered_event": e}
                                for pid, (cp, s, e) in t.new_persons.items()])
    for pid, v in t.sharing.items():
        if pid not in t.new_persons:
            conn.execute(persons.update().where(persons.c.person_id == pid).values(sharing=v))
    bulk_insert(conn, records, [{"record_id": r, "kind": k, "person_id": pid} for r, (k, pid) in t.records.items()])
    seq = None
    if accepted:
        routed = [(ev["id"], ev["entity_id"])] if ev["type"] in TRAVEL_TYPES and ev["entity_type"] == "person" \
            else []
        feed = feed_rows(conn, routed, {pid: cp for pid, (cp, _s, _e) in t.new_persons.items()})
        seq = reserve(conn, "ingest_seq", 1 + len(feed))
        bulk_insert(conn, pull_feed, [{"checkpoint_id": c, "seq": seq + 1 + n, "event_id": i}
                                      for n, (c, i) in enumerate(feed)])
    conn.execute(events.insert().values(**{k: ev[k] for k in WIRE_FIELDS}, status="accepted" if accepted else "held",
                                        ingest_seq=seq, batch_id=f"hq-release-{now[:19]}"[:64], received_at=now,
                                        released_at=now if accepted else ""))
    if accepted:
        record_facts(conn, _visible(dev, [ev["id"]], now))
    return "accepted" if accepted else "held"


def _visible(dev: Any, ids: list[str], now: str) -> Any:
    """What ``facts.record_facts`` reads of a plan, for events an operator made visible."""
    return SimpleNamespace(visible=tuple(ids), new_events=(), checkpoint_id=str(dev.checkpoint_id),
                           batch_id="operator", received_at=now, device_id=str(dev.device_id))


def note_waiting(conn: Connection, plan: Any) -> int:
    """After a batch is written (its transaction): which of its quarantined events wait for a person HQ did not
    let the device's checkpoint follow (``quarantine_waits``). Cheap when nothing was quarantined."""
    waiting: dict[str, str] = {}
    for q in plan.quarantined:
        if WAITS not in q.reason:
            continue
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            raw = json.loads(q.raw)
            if raw.get("entity_type") == "person" and isinstance(raw.get("entity_id"), str):
                waiting[q.raw_sha256] = raw["entity_id"][:64]
    if waiting:           # only a person HQ does not hold at all: a registration may still come
        known = set(conn.execute(sa.select(persons.c.person_id).where(
            id_in(conn, persons.c.person_id, sorted(set(waiting.values()))))).scalars())
        waiting = {h: pid for h, pid in waiting.items() if pid not in known}
    if not waiting:
        return 0
    ids = conn.execute(sa.select(quarantine.c.id, quarantine.c.raw_sha256).where(
        quarantine.c.device_id == plan.device_id, id_in(conn, quarantine.c.raw_sha256, list(waiting)))).all()
    have = set(conn.execute(sa.select(quarantine_waits.c.quarantine_id).where(
        quarantine_waits.c.quarantine_id.in_([int(i) for i, _h in ids]))).scalars()) if ids else set()
    rows = [{"quarantine_id": int(i), "person_id": waiting[str(h)]} for i, h in ids if int(i) not in have]
    if rows:
        conn.execute(quarantine_waits.insert(), rows)
    return len(rows)


def after_batch(conn: Connection, plan: Any) -> None:
    """The hook ``HQService`` calls in a batch's transaction, after it is written: note the batch's quarantined
    events that wait for their person, and release those waiting for the persons it registers. A fault here never
    fails the batch (the device must be able to sync): it is rolled back to a savepoint, logged and journaled, and
    the events stay in quarantine for an operator."""
    try:
        with conn.begin_nested():
            note_waiting(conn, plan)
            if plan.new_persons:
                retry_waiting(conn, plan.new_persons, plan.received_at)
    except Exception as e:
        log.error("batch %s: waiting quarantined events were not retried (%s)", plan.batch_id, type(e).__name__)
        add_journal(conn, plan.received_at, "quarantine_retry_failed", plan.device_id,
                    f"batch {plan.batch_id}: waiting quarantined events were not retried ({type(e).__name__}: "
                    f"{plain_error(e)}); release them from the quarantine page")


def retry_waiting(conn: Connection, person_ids: Iterable[str], now: str) -> list[dict[str, Any]]:
    """Release the open quarantined events waiting for these persons (just registered at HQ, or just linked), in
    the caller's transaction, oldest first; each is taken in only if it passes now (audited as ``hq-auto``).
    All of them at once, one query per lookup (``sync.hq.waiting``: a batch may release thousands)."""
    from sync.hq.waiting import release_waiting

    return release_waiting(conn, person_ids, now)


# ------------------------------------------------------------------------------------------------ held gaps
def _missing(watermark: int, present: set[int], top: int) -> list[tuple[int, int]]:
    """The ranges of sequence numbers above ``watermark`` and below ``top`` that HQ has not received."""
    out: list[tuple[int, int]] = []
    s = watermark + 1
    while s < top:
        if s in present:
            s += 1
            continue
        e = s
        while e + 1 < top and e + 1 not in present:
            e += 1
        out.append((s, e))
        s = e + 1
    return out


def _present(conn: Connection, device_id: str, watermark: int) -> set[int]:
    held = set(conn.execute(sa.select(events.c.device_seq).where(
        events.c.device_id == device_id, events.c.device_seq > watermark)).scalars())
    q = set(conn.execute(sa.select(quarantine.c.device_seq).where(
        quarantine.c.device_id == device_id, quarantine.c.device_seq > watermark)).scalars())
    return {int(s) for s in held | q if s is not None}


def gap_rows(store: HQStore) -> list[dict[str, Any]]:
    """Each device HQ holds events of above a gap: its watermark, the missing sequence numbers (ranges), how many
    events wait, and since when (the oldest held event's arrival)."""
    with store.read() as conn:
        rows = conn.execute(
            sa.select(events.c.device_id, sa.func.count(), sa.func.min(events.c.device_seq),
                      sa.func.max(events.c.device_seq), sa.func.min(events.c.received_at), devices.c.contiguous_seq,
                      devices.c.checkpoint_name, devices.c.last_seen_at, devices.c.status)
            .select_from(events.join(devices, devices.c.device_id == events.c.device_id))
            .where(events.c.status == "held")
            .group_by(events.c.device_id, devices.c.contiguous_seq, devices.c.checkpoint_name,
                      devices.c.last_seen_at, devices.c.status)
            .order_by(sa.func.min(events.c.received_at))).all()
        out = []
        for d, n, lo, hi, since, w, cp, seen, status in rows:
            gaps = _missing(int(w), _present(conn, str(d), int(w)), int(hi))
            out.append({"device_id": str(d), "checkpoint_name": str(cp), "status": str(status),
                        "watermark": int(w), "held": int(n), "first_held": int(lo), "last_held": int(hi),
                        "missing": [list(g) for g in gaps], "missing_count": sum(e - s + 1 for s, e in gaps),
                        "waiting_since": str(since), "last_seen_at": str(seen)})
    return out


def release_gap(store: HQStore, clock: Clock, device_id: str, by: str, reason: str, address: str = ""
                ) -> dict[str, Any]:
    """Accept that the device's missing events (every gap below its last held event) will never come: its
    watermark moves over them, its held events become visible (pull feeds, reporting facts) in sequence order.
    Returns ``{"device_id", "missing", "released", "watermark"}``. Raises NotFound (no such device or no gap),
    ValidationError (no reason)."""
    why = check_reason(reason)
    now = timestamp(clock)
    with store.write() as conn:
        dev = conn.execute(sa.select(devices).where(devices.c.device_id == str(device_id)[:64])
                           .with_for_update()).first()
        if dev is None:
            raise NotFound(f"No device {str(device_id)[:64]} is enrolled here.")
        w0 = int(dev.contiguous_seq)
        held = {int(s): str(i) for s, i in conn.execute(sa.select(events.c.device_seq, events.c.id).where(
            events.c.device_id == dev.device_id, events.c.status == "held"))}
        if not held:
            raise NotFound("This device has no held events: there is no gap to release.")
        top = max(held)
        present = _present(conn, str(dev.device_id), w0)
        gaps = _missing(w0, present, top)
        w = advance(top, present)
        released = [i for s, i in sorted(held.items()) if s <= w]
        routed_types = dict(conn.execute(sa.select(events.c.id, events.c.type).where(
            id_in(conn, events.c.id, released))).all())
        entity = dict(conn.execute(sa.select(events.c.id, events.c.entity_id).where(
            id_in(conn, events.c.id, released), events.c.entity_type == "person")).all())
        routed = [(i, str(entity[i])) for i in released if i in entity and routed_types.get(i) in TRAVEL_TYPES]
        feed = feed_rows(conn, routed)
        first = reserve(conn, "ingest_seq", len(released) + len(feed))
        conn.execute(events.update().where(events.c.id == sa.bindparam("b_id"))
                     .values(status="accepted", ingest_seq=sa.bindparam("b_seq"), released_at=now),
                     [{"b_id": i, "b_seq": first + n} for n, i in enumerate(released)])
        bulk_insert(conn, pull_feed, [{"checkpoint_id": c, "seq": first + len(released) + n, "event_id": i}
                                      for n, (c, i) in enumerate(feed)])
        conn.execute(devices.update().where(devices.c.device_id == dev.device_id).values(contiguous_seq=w))
        record_facts(conn, _visible(dev, released, now))
        said = ", ".join(f"{s}" if s == e else f"{s}-{e}" for s, e in gaps)
        audit(conn, now, by, "gap_release", f"device {dev.device_id}",
              f"missing {said or 'none'} given up; {len(released)} held events released: {why}", address)
        add_journal(conn, now, "gap_release", str(dev.device_id),
                    f"{by} gave up missing events {said or 'none'}; {len(released)} held events released: {why}")
    return {"device_id": str(dev.device_id), "missing": [list(g) for g in gaps], "released": len(released),
            "watermark": w}


# ------------------------------------------------------------------------------------------------ conflicts
def conflict_rows(store: HQStore, *, state: str = "open", limit: int = 500) -> list[dict[str, Any]]:
    """HQ's conflicts (an event id that came again with other content), newest first, with the decision."""
    cd = conflict_decisions
    q = (sa.select(conflicts.c.id, conflicts.c.event_id, conflicts.c.device_id, devices.c.checkpoint_name,
                   conflicts.c.hash, conflicts.c.existing_hash, conflicts.c.received_at, events.c.type,
                   events.c.device_id.label("kept_from"), cd.c.decision, cd.c.by, cd.c.at.label("decided_at"),
                   cd.c.note)
         .select_from(conflicts.outerjoin(devices, devices.c.device_id == conflicts.c.device_id)
                      .outerjoin(events, events.c.id == conflicts.c.event_id)
                      .outerjoin(cd, cd.c.conflict_id == conflicts.c.id))
         .order_by(conflicts.c.id.desc()).limit(max(1, min(limit, 10_000))))
    if state == "open":
        q = q.where(cd.c.decision.is_(None))
    elif state != "all":
        q = q.where(cd.c.decision == state)
    with store.read() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
    for r in rows:
        r["state"] = r.pop("decision") or "open"
        r["checkpoint_name"] = r["checkpoint_name"] or ""
        r["type"] = r["type"] or ""
    return rows


DECISIONS: Mapping[str, str] = {"kept_hq": "HQ's copy kept; the other copy closed"}


def decide_conflict(store: HQStore, clock: Clock, conflict_id: int, by: str, reason: str, *,
                    decision: str = "kept_hq", address: str = "") -> dict[str, Any]:
    """Decide one of HQ's conflicts (the module's docstring says why keeping HQ's copy is the decision HQ can
    make). Audited. Raises NotFound, ConflictError (decided already), ValidationError."""
    if decision not in DECISIONS:
        raise ValidationError("decision", f"must be one of {', '.join(DECISIONS)}")
    why = check_reason(reason)
    now = timestamp(clock)
    with store.write() as conn:
        row = conn.execute(sa.select(conflicts).where(conflicts.c.id == int(conflict_id))).first()
        if row is None:
            raise NotFound("No such conflict.")
        if conn.execute(sa.select(conflict_decisions.c.decision)
                        .where(conflict_decisions.c.conflict_id == row.id)).first():
            raise ConflictError("This conflict was decided already.")
        conn.execute(conflict_decisions.insert().values(conflict_id=row.id, decision=decision, by=by, at=now,
                                                        note=why))
        audit(conn, now, by, "conflict_decide", f"conflict {row.id}",
              f"event {row.event_id} from device {row.device_id}: {DECISIONS[decision]}: {why}", address)
        add_journal(conn, now, "conflict_decide", row.device_id,
                    f"conflict {row.id} (event {row.event_id}) decided by {by}: {DECISIONS[decision]}: {why}")
        told = _tell_device(conn, clock, row, decision, by, why)
    return {"id": int(row.id), "event_id": str(row.event_id), "decision": decision, "told_device": told}


def _tell_device(conn: Connection, clock: Clock, row: Any, decision: str, by: str, why: str) -> bool:
    """The decision as an HQ event (``conflict.hq_decided``) about the device that sent the other copy, in its
    checkpoint's pull feed only: that device marks its copy decided. False when HQ no longer knows the device."""
    cp = conn.execute(sa.select(devices.c.checkpoint_id).where(devices.c.device_id == row.device_id)).scalar()
    if cp is None:
        return False
    ev = append_hq_event(conn, clock, type_=HQ_DECISION_TYPE, entity_type="device", entity_id=str(row.device_id),
                         author=f"hq:{by}", batch_id="hq-operator",
                         payload={"conflict_id": int(row.id), "event_id": str(row.event_id), "decision": decision,
                                  "reason": why[:500], "by": by[:64], "kept_hash": str(row.existing_hash),
                                  "other_hash": str(row.hash)})
    route(conn, [(str(cp), ev["id"])])
    return True
