"""HQ's answer to a supervisor fetching back a record her device minimised (issue 12, point 6).

The request is signed by the device like a pull (``sync.wire.fetch_request``: person id, the reason, a reply key)
and checked the same way (``sync.hq.pull.check_request``: enrolled, active, fresh, nonce never seen). HQ answers
with the person's events that the device may hold: its own, and those of other devices in its checkpoint's pull
feed; at most ``MAX_FETCH_EVENTS``, signed (kind FETCH) and sealed to the request's reply key. Every request is a
line in HQ's journal (device, person, reason, how many events). The device takes an event back only if its hash
is the one it kept (``checkpoint.services.retention.Retention.restore_from_hq``).

Raises ValidationError (no reason, a malformed person id), and the errors of ``check_request``.
"""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa

from checkpoint.clock import Clock
from checkpoint.errors import ValidationError
from checkpoint.events import WIRE_FIELDS
from sync.hq.checks import text_arg
from sync.hq.keys import HQKeys
from sync.hq.store import HQStore, active_device, add_journal, events, pull_feed, timestamp
from sync.wire import FETCH, seal_answer, sign_document

__all__ = ["MAX_FETCH_EVENTS", "fetch_back"]

log = logging.getLogger("checkpoint.hq")

MAX_FETCH_EVENTS = 2000


def fetch_back(store: HQStore, keys: HQKeys, clock: Clock, request: dict[str, Any]) -> bytes:
    """The person's events for the requesting device (its own and those in its checkpoint's feed), journalled with
    the reason; the signed FETCH document sealed to the request's reply key."""
    device_id = text_arg(request["device_id"], "device_id")
    person_id = text_arg(request["person_id"], "person_id", 64)
    reason = text_arg(request["reason"], "reason", 500).strip()
    if not reason:
        raise ValidationError("reason", "say why this case needs the record (it is kept in HQ's journal)")
    with store.write() as conn:
        dev = active_device(conn, device_id)
        in_feed = sa.select(pull_feed.c.event_id).where(pull_feed.c.checkpoint_id == dev.checkpoint_id)
        rows = conn.execute(
            sa.select(*[events.c[k] for k in WIRE_FIELDS])
            .where(events.c.entity_type == "person", events.c.entity_id == person_id,
                   sa.or_(events.c.device_id == device_id, events.c.id.in_(in_feed)))
            .order_by(events.c.device_id, events.c.device_seq).limit(MAX_FETCH_EVENTS + 1)).all()
        more = len(rows) > MAX_FETCH_EVENTS
        out = [{k: getattr(r, k) for k in WIRE_FIELDS} for r in rows[:MAX_FETCH_EVENTS]]
        add_journal(conn, timestamp(clock), "fetch_back", device_id,
                    f"person {person_id} fetched back by device {device_id} ({len(out)} events): {reason}")
    log.info("record fetched back by device %s", device_id)
    doc = sign_document(FETCH, {"kind": "fetch", "device_id": device_id, "person_id": person_id, "events": out,
                                "more": more, "nonce": request["nonce"], "issued_at": timestamp(clock)},
                        keys.signing_private)
    return seal_answer(doc, request)
