"""Events HQ writes itself: a partner's follow-up stage (``sync.hq.partners``), a decision on a conflict
(``sync.hq.operator``), a TB treatment outcome (``sync.hq.tb_outcomes``). They form HQ's own chain (author device
``checkpoint.partner_stages.HQ_DEVICE_ID``, which no enrolled device has), are stored with the devices' events, and
reach the devices through the pull feeds; HQ's ingest refuses any of these types from a device
(``checkpoint.events.HQ_ONLY_TYPES``).

    >>> with store.write() as conn:                                                    # doctest: +SKIP
    ...     ev = append_hq_event(conn, clock, type_="referral.partner_stage", entity_type="person",
    ...                          entity_id=person_id, payload={...}, author="hq:sophea", batch_id="hq-partner")
    ...     route(conn, ev["id"], checkpoint_ids)

Raises nothing of its own: it runs inside the caller's write transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.clock import Clock
from checkpoint.events import GENESIS, HLC, canonical_json, event_hash, uuid7
from checkpoint.partner_stages import HQ_DEVICE_ID
from checkpoint.screening.cascade import CASCADE_EVENT_TYPES
from sync.hq import tb_facts
from sync.hq.store import bulk_insert, events, pull_feed, reserve, timestamp

__all__ = ["append_hq_event", "route"]


def append_hq_event(conn: Connection, clock: Clock, *, type_: str, entity_type: str, entity_id: str,
                    payload: dict[str, Any], author: str, batch_id: str) -> dict[str, Any]:
    """Append one event to HQ's chain, accepted, inside ``conn``'s transaction; returns it (wire fields). Holding
    the ``ingest_seq`` counter first makes HQ's events one at a time, so the chain never forks."""
    now = clock.now()
    seq = reserve(conn, "ingest_seq", 1)
    last = conn.execute(sa.select(events.c.device_seq, events.c.hash, events.c.hlc)
                        .where(events.c.device_id == HQ_DEVICE_ID)
                        .order_by(events.c.device_seq.desc()).limit(1)).first()
    ev: dict[str, Any] = {
        "id": uuid7(int(now.timestamp() * 1000)), "device_id": HQ_DEVICE_ID,
        "device_seq": (last.device_seq if last else 0) + 1, "entity_type": entity_type, "entity_id": entity_id,
        "type": type_, "payload": canonical_json(payload), "author": author,
        "hlc": HLC(last.hlc if last else None).tick(int(now.timestamp() * 1000)), "content_version": "",
        "recorded_at": timestamp(clock), "prev_hash": last.hash if last else GENESIS}
    ev["hash"] = event_hash(ev)
    conn.execute(events.insert().values(**ev, status="accepted", ingest_seq=seq, batch_id=batch_id,
                                        received_at=ev["recorded_at"]))
    if type_ in CASCADE_EVENT_TYPES and entity_type == "person":
        tb_facts.refresh(conn, [entity_id])     # the TB cascade's facts of the person (a partner stage, an outcome)
    return ev


def route(conn: Connection, rows: Iterable[tuple[str, str]]) -> int:
    """Put ``(checkpoint_id, event_id)`` rows into the pull feeds (in HQ's order); returns how many."""
    rows = list(rows)
    if rows:
        first = reserve(conn, "ingest_seq", len(rows))
        bulk_insert(conn, pull_feed, [{"checkpoint_id": cp, "seq": first + n, "event_id": i}
                                      for n, (cp, i) in enumerate(rows)])
    return len(rows)
