"""What the dashboard's operator pages read from HQ's store (the tables of ``sync.hq.store``), and the operator
decisions they write. Each write is audited in the same transaction."""

from __future__ import annotations

import contextlib
import json
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from checkpoint.clock import Clock
from checkpoint.errors import ConflictError, NotFound
from sync.hq.store import (
    HQStore,
    conflicts,
    devices,
    events,
    persons,
    quarantine,
    quarantine_decisions,
    timestamp,
)
from sync.hq.web.accounts import audit

__all__ = ["conflict_rows", "device_health", "events_per_day", "held_gaps", "person_record", "quarantine_item",
           "quarantine_rows", "reject_quarantined"]


def events_per_day(store: HQStore, clock: Clock, days: int = 14) -> list[tuple[str, int]]:
    """Events HQ received per day (UTC date of ``received_at``), the last ``days`` days, oldest first."""
    today = clock.now().date()
    first = (today - timedelta(days=days - 1)).isoformat()
    day = sa.func.substr(events.c.received_at, 1, 10)
    with store.read() as conn:
        got = {str(d): int(n) for d, n in conn.execute(
            sa.select(day, sa.func.count()).where(day >= first).group_by(day))}
    out = []
    for i in range(days):
        d = (today - timedelta(days=days - 1 - i)).isoformat()
        out.append((d[5:], got.get(d, 0)))
    return out


def device_health(store: HQStore, devs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each device of ``HQService.devices()`` with its open quarantined events and its conflicts."""
    decided = sa.select(quarantine_decisions.c.quarantine_id)
    with store.read() as conn:
        q_open = {str(d): int(n) for d, n in conn.execute(
            sa.select(quarantine.c.device_id, sa.func.count()).where(quarantine.c.id.not_in(decided))
            .group_by(quarantine.c.device_id))}
        confl = {str(d): int(n) for d, n in conn.execute(
            sa.select(conflicts.c.device_id, sa.func.count()).group_by(conflicts.c.device_id))}
    return [{**d, "quarantined": q_open.get(d["device_id"], 0), "conflicts": confl.get(d["device_id"], 0)}
            for d in devs]


def quarantine_rows(store: HQStore, *, limit: int = 500) -> list[dict[str, Any]]:
    """Quarantined events, newest first: reason, device, hash, decision. Never the payload."""
    q = (sa.select(quarantine.c.id, quarantine.c.device_id, quarantine.c.event_id, quarantine.c.device_seq,
                   quarantine.c.reason, quarantine.c.raw_sha256, quarantine.c.received_at,
                   devices.c.checkpoint_name, quarantine_decisions.c.decision, quarantine_decisions.c.by)
         .select_from(quarantine.outerjoin(devices, devices.c.device_id == quarantine.c.device_id)
                      .outerjoin(quarantine_decisions, quarantine_decisions.c.quarantine_id == quarantine.c.id))
         .order_by(quarantine.c.id.desc()).limit(limit))
    with store.read() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def quarantine_item(store: HQStore, item_id: int) -> dict[str, Any]:
    """One quarantined event with its raw payload (a record view: the caller audits it). Raises NotFound."""
    with store.read() as conn:
        row = conn.execute(sa.select(quarantine, quarantine_decisions.c.decision, quarantine_decisions.c.by,
                                     quarantine_decisions.c.at.label("decided_at"))
                           .select_from(quarantine.outerjoin(
                               quarantine_decisions, quarantine_decisions.c.quarantine_id == quarantine.c.id))
                           .where(quarantine.c.id == item_id)).mappings().first()
    if row is None:
        raise NotFound("No such quarantined event.")
    out = dict(row)
    with contextlib.suppress(ValueError):
        out["raw"] = json.dumps(json.loads(out["raw"]), indent=2, ensure_ascii=False, sort_keys=True)
    return out


def reject_quarantined(store: HQStore, clock: Clock, item_id: int, by: str, note: str, address: str) -> None:
    """Decide that a quarantined event stays out for good (kept for audit, no longer listed as open). Raises
    NotFound, ConflictError (already decided)."""
    now = timestamp(clock)
    with store.write() as conn:
        row = conn.execute(sa.select(quarantine.c.id, quarantine.c.device_id, quarantine.c.event_id)
                           .where(quarantine.c.id == item_id)).first()
        if row is None:
            raise NotFound("No such quarantined event.")
        if conn.execute(sa.select(quarantine_decisions.c.decision)
                        .where(quarantine_decisions.c.quarantine_id == item_id)).first():
            raise ConflictError("This quarantined event was decided already.")
        conn.execute(quarantine_decisions.insert().values(quarantine_id=item_id, decision="rejected", by=by, at=now,
                                                          note=note[:500]))
        audit(conn, now, by, "quarantine_reject", f"quarantine {item_id}",
              f"device {row.device_id} event {row.event_id}" + (f": {note[:200]}" if note else ""), address)


def held_gaps(store: HQStore) -> list[dict[str, Any]]:
    """Per device with held events: its watermark, the missing sequence numbers, how many events wait."""
    with store.read() as conn:
        rows = conn.execute(
            sa.select(events.c.device_id, sa.func.count(), sa.func.min(events.c.device_seq),
                      sa.func.max(events.c.device_seq), devices.c.contiguous_seq, devices.c.checkpoint_name,
                      devices.c.last_seen_at)
            .select_from(events.join(devices, devices.c.device_id == events.c.device_id))
            .where(events.c.status == "held")
            .group_by(events.c.device_id, devices.c.contiguous_seq, devices.c.checkpoint_name,
                      devices.c.last_seen_at)).all()
    return [{"device_id": d, "held": int(n), "first_held": int(lo), "last_held": int(hi), "watermark": int(w),
             "missing_from": int(w) + 1, "missing_to": int(lo) - 1, "checkpoint_name": cp, "last_seen_at": seen}
            for d, n, lo, hi, w, cp, seen in rows]


def conflict_rows(store: HQStore, *, limit: int = 500) -> list[dict[str, Any]]:
    with store.read() as conn:
        return [dict(r) for r in conn.execute(
            sa.select(conflicts.c.id, conflicts.c.event_id, conflicts.c.device_id, conflicts.c.hash,
                      conflicts.c.existing_hash, conflicts.c.received_at)
            .order_by(conflicts.c.id.desc()).limit(limit)).mappings()]


def person_record(store: HQStore, person_id: str) -> dict[str, Any]:
    """A person's record as HQ holds it: registering checkpoint and every event about them. Raises NotFound."""
    with store.read() as conn:
        p = conn.execute(sa.select(persons).where(persons.c.person_id == person_id)).mappings().first()
        if p is None:
            raise NotFound("HQ holds no person with this id.")
        evs = [dict(r) for r in conn.execute(
            sa.select(events.c.id, events.c.type, events.c.recorded_at, events.c.device_id, events.c.status,
                      events.c.payload, devices.c.checkpoint_name)
            .select_from(events.outerjoin(devices, devices.c.device_id == events.c.device_id))
            .where(events.c.entity_id == person_id).order_by(events.c.recorded_at)).mappings()]
    for e in evs:
        with contextlib.suppress(ValueError):
            e["payload"] = json.dumps(json.loads(e["payload"]), indent=2, ensure_ascii=False, sort_keys=True)
    return {**dict(p), "events": evs}
