"""What a device gets back from HQ: its checkpoint's pull feed (filled as batches are ingested) and the signed
answers to pull and reference-data requests.

Pull scope: a device gets the events of other devices about the persons its checkpoint's devices wrote about
(person events only; its own events never), including what HQ held about a person before the checkpoint first
wrote about them. Held, quarantined and conflicting events are never pulled.

Requests carry a proof (``sync.wire.pull_proof``/``reference_proof``) checked with the device's enrolled key.

    >>> doc = pull(store, keys, clock, device_id, cursor="", limit=1000, proof=proof)   # doctest: +SKIP
    >>> open_signed(PULL, doc, hq_signing_public)["next_cursor"]                       # doctest: +SKIP

Raises DeviceUnknown, DeviceRevoked, SignatureInvalid, ValidationError.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.clock import Clock
from checkpoint.errors import ValidationError
from checkpoint.events import WIRE_FIELDS
from sync.hq.checks import text_arg
from sync.hq.keys import HQKeys
from sync.hq.store import (
    HQStore,
    active_device,
    bulk_insert,
    checkpoint_entities,
    chunks,
    counter,
    devices,
    events,
    pull_feed,
    timestamp,
)
from sync.wire import PULL, REFERENCE, sign_document, verify_pull_proof, verify_reference_proof

__all__ = ["MAX_PULL_BYTES", "MAX_PULL_EVENTS", "feed_rows", "pull", "reference"]

MAX_PULL_EVENTS = 5000
MAX_PULL_BYTES = 16 * 1024 * 1024
_CURSOR = re.compile(r"[0-9]{1,18}")


def feed_rows(conn: Connection, checkpoint_id: str, new_events: Sequence[Mapping[str, Any]], visible: Sequence[str],
              entity: Mapping[str, tuple[str, str]]) -> list[tuple[str, str]]:
    """(checkpoint, event id) rows to append to the pull feeds, oldest first; records the persons this
    checkpoint now writes about (in the caller's transaction).

    A person this checkpoint writes about for the first time brings along what HQ already holds about them
    (the backlog); every event that becomes visible now goes to each checkpoint that follows its person."""
    persons = {e["entity_id"] for e in new_events if e["entity_type"] == "person"}
    shown = {entity[i][1] for i in visible if entity[i][0] == "person"}
    followers: dict[str, set[str]] = {}
    for chunk in chunks(sorted(persons | shown)):        # one query per chunk for both questions
        for cp, ent in conn.execute(sa.select(checkpoint_entities.c.checkpoint_id, checkpoint_entities.c.entity_id)
                                    .where(checkpoint_entities.c.entity_id.in_(chunk))):
            followers.setdefault(str(ent), set()).add(str(cp))
    joined = sorted(p for p in persons if checkpoint_id not in followers.get(p, ()))
    # Only a person another checkpoint already follows can have events HQ has shown: a new person has none.
    with_backlog = [p for p in joined if followers.get(p)]
    feed: list[tuple[str, str]] = []
    for chunk in chunks(with_backlog):
        backlog = conn.execute(sa.select(events.c.id).where(
            events.c.entity_id.in_(chunk), events.c.entity_type == "person",
            events.c.ingest_seq.is_not(None)).order_by(events.c.ingest_seq)).scalars()
        feed += [(checkpoint_id, str(i)) for i in backlog]
    bulk_insert(conn, checkpoint_entities, [{"checkpoint_id": checkpoint_id, "entity_id": p} for p in joined])
    for p in joined:
        followers.setdefault(p, set()).add(checkpoint_id)
    for i in visible:
        kind, ent = entity[i]
        if kind == "person":
            feed += [(cp, i) for cp in sorted(followers.get(ent, ()))]
    return feed


def pull(store: HQStore, keys: HQKeys, clock: Clock, device_id: str, cursor: str, limit: int, proof: bytes) -> bytes:
    """Events of this checkpoint's persons written by other devices, after ``cursor``; signed (kind PULL).

    ``cursor`` is "" or the ``next_cursor`` of the previous answer (a position in this checkpoint's feed, see
    ``sync.hq.store``); at most ``limit`` events (capped at 5,000 and 16 MiB of payload); ``more`` says
    whether to ask again at once.
    """
    device_id = text_arg(device_id, "device_id")
    cursor = text_arg(cursor, "cursor", 20)
    if cursor and not _CURSOR.fullmatch(cursor):
        raise ValidationError("cursor", "is not a cursor HQ gave")
    after = int(cursor) if cursor else 0
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValidationError("limit", "must be a positive integer")
    limit = min(limit, MAX_PULL_EVENTS)
    with store.read() as conn:
        dev = active_device(conn, device_id)
        verify_pull_proof(bytes.fromhex(dev.signing_public), proof, device_id, cursor)
        top = counter(conn, "ingest_seq")
        cols = [events.c[k] for k in WIRE_FIELDS] + [pull_feed.c.seq]
        rows = conn.execute(
            sa.select(*cols).select_from(pull_feed).join(events, events.c.id == pull_feed.c.event_id)
            .where(pull_feed.c.checkpoint_id == dev.checkpoint_id, pull_feed.c.seq > after,
                   pull_feed.c.seq <= top, events.c.device_id != device_id)
            .order_by(pull_feed.c.seq).limit(limit + 1)).all()
    more = len(rows) > limit
    out: list[dict[str, Any]] = []
    size = 0
    for r in rows[:limit]:
        size += len(r.payload) + 600
        if out and size > MAX_PULL_BYTES:
            more = True
            break
        out.append({k: getattr(r, k) for k in WIRE_FIELDS})
    # Nothing more to see: jump to the top so the next pull does not rescan other checkpoints' events.
    next_cursor = str(rows[len(out) - 1].seq) if more else (str(top) if top > after else cursor)
    return sign_document(PULL, {"kind": "pull", "device_id": device_id, "cursor": cursor,
                                "next_cursor": next_cursor, "more": more, "events": out,
                                "issued_at": timestamp(clock)}, keys.signing_private)


def reference(store: HQStore, keys: HQKeys, clock: Clock, device_id: str, proof: bytes) -> bytes:
    """Signed reference data (kind REFERENCE): its version, revoked devices, code-list overrides (none yet)."""
    device_id = text_arg(device_id, "device_id")
    with store.read() as conn:
        dev = active_device(conn, device_id)
        verify_reference_proof(bytes.fromhex(dev.signing_public), proof, device_id)
        version = counter(conn, "reference")
        revoked = sorted(conn.execute(sa.select(devices.c.device_id)
                                      .where(devices.c.status == "revoked")).scalars())
    return sign_document(REFERENCE, {"kind": "reference", "version": version, "revoked_devices": revoked,
                                     "lists": {}, "issued_at": timestamp(clock)}, keys.signing_private)
