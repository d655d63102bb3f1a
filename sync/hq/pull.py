"""What a device gets back from HQ: its checkpoint's pull feed (filled as batches are ingested) and the signed
answers to pull and reference-data requests.

Pull scope: a device gets the events of other devices about the persons its checkpoint's devices wrote about
(person events only; its own events never), including what HQ held about a person before the checkpoint first
wrote about them. Held, quarantined and conflicting events are never pulled.

Requests are signed (``sync.wire.pull_request``/``reference_request``), checked with the device's enrolled key,
refused when stale or replayed (``check_request``); answers are sealed to the request's reply key.

    >>> req = check_request(store, clock, nonces, blob, "pull")                       # doctest: +SKIP
    >>> sealed = pull(store, keys, clock, req)          # only the requesting device opens it  # doctest: +SKIP

Raises DeviceUnknown, DeviceRevoked, SignatureInvalid, StaleRequest, ReplayedRequest, ValidationError.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.clock import Clock
from checkpoint.errors import ValidationError
from checkpoint.events import WIRE_FIELDS
from sync.hq.checks import text_arg
from sync.hq.keys import HQKeys
from sync.hq.replay import NonceBook
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
from sync.wire import PULL, REFERENCE, open_request, peek_request, seal_answer, sign_document

__all__ = ["MAX_PULL_BYTES", "MAX_PULL_EVENTS", "check_request", "feed_rows", "pull", "reference"]

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


def check_request(store: HQStore, clock: Clock, nonces: NonceBook, blob: bytes, kind: str,
                  admit: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Verify a signed request of ``kind`` ("pull", "reference", "push") from an enrolled, active device: its
    signature, that it is fresh (``sync.wire.MAX_SKEW``) and that its nonce is new. Returns the request body.

    ``admit(device_id)`` runs once the signature and time are good and before the nonce is recorded (HTTP takes
    the device's rate-limit token there, so even a device's own key cannot fill the nonce book faster than its
    rate).

    Raises UnsupportedFormat, DeviceUnknown, DeviceRevoked, SignatureInvalid, StaleRequest, ReplayedRequest,
    ValidationError.
    """
    device_id = text_arg(peek_request(blob)["device_id"], "device_id")
    with store.read() as conn:
        dev = active_device(conn, device_id)
    now = clock.now()
    req = open_request(blob, kind, lambda _d: bytes.fromhex(dev.signing_public), now=now)
    if admit is not None:
        nonces.check(device_id, req["nonce"])      # a replay spends nothing of the device's budget
        admit(device_id)
    nonces.use(device_id, req["nonce"], issued=datetime.fromisoformat(req["issued_at"]), now=now)
    return req


def pull(store: HQStore, keys: HQKeys, clock: Clock, request: dict[str, Any]) -> bytes:
    """Events of this checkpoint's persons written by other devices, after the request's ``cursor``: the signed
    PULL document sealed to the request's reply key. ``request`` is a verified pull request (``check_request``).

    ``cursor`` is "" or the ``next_cursor`` of the previous answer (a position in this checkpoint's feed, see
    ``sync.hq.store``); at most ``limit`` events (capped at 5,000 and 16 MiB of payload); ``more`` says
    whether to ask again at once.
    """
    device_id = text_arg(request["device_id"], "device_id")
    cursor = text_arg(request["cursor"], "cursor", 20)
    limit = request["limit"]
    if cursor and not _CURSOR.fullmatch(cursor):
        raise ValidationError("cursor", "is not a cursor HQ gave")
    after = int(cursor) if cursor else 0
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValidationError("limit", "must be a positive integer")
    limit = min(limit, MAX_PULL_EVENTS)
    with store.read() as conn:
        dev = active_device(conn, device_id)
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
    doc = sign_document(PULL, {"kind": "pull", "device_id": device_id, "cursor": cursor, "next_cursor": next_cursor,
                               "more": more, "events": out, "nonce": request["nonce"],
                               "issued_at": timestamp(clock)}, keys.signing_private)
    return seal_answer(doc, request)


def reference(store: HQStore, keys: HQKeys, clock: Clock, request: dict[str, Any]) -> bytes:
    """Signed reference data (kind REFERENCE): its version, revoked devices, code-list overrides (none yet); sealed
    to the reply key of the verified reference request (``check_request``)."""
    device_id = text_arg(request["device_id"], "device_id")
    with store.read() as conn:
        active_device(conn, device_id)
        version = counter(conn, "reference")
        revoked = sorted(conn.execute(sa.select(devices.c.device_id)
                                      .where(devices.c.status == "revoked")).scalars())
    doc = sign_document(REFERENCE, {"kind": "reference", "version": version, "revoked_devices": revoked,
                                    "lists": {}, "nonce": request["nonce"], "issued_at": timestamp(clock)},
                        keys.signing_private)
    return seal_answer(doc, request)
