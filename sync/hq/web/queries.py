"""What the dashboard's operator pages read from HQ's store (the tables of ``sync.hq.store``), and the operator
decisions they write. Each write is audited in the same transaction."""

from __future__ import annotations

import contextlib
import json
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from checkpoint.clock import Clock
from checkpoint.errors import NotFound
from sync.hq.store import (
    HQStore,
    conflicts,
    devices,
    events,
    persons,
    quarantine,
    quarantine_decisions,
)

__all__ = ["device_health", "events_per_day", "person_record"]

# The operator decisions (quarantine, held gaps, conflicts) are sync.hq.operator's.


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
