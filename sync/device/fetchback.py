"""A supervisor fetches a record her device minimised back from HQ (issue 12, point 6).

    >>> fetch_back(session, HttpTransport(url), person_id, "court case 12/2026")     # doctest: +SKIP
    Changes(...)

Checked on the device first (supervisor, a reason, something minimised), then a signed fetch request (as a pull:
dated, single-use, answer sealed to a fresh reply key); HQ's answer is verified with HQ's pinned key, must answer
this request for this person, and each event is taken back only if its hash is the one this device kept. Logged on
the device (``records.fetched_back``, with the reason) and at HQ (its journal).

Raises PermissionDenied, ValidationError, NotFound, the transport's errors, SignatureInvalid, BadAck.
"""

from __future__ import annotations

from typing import Any

from checkpoint.errors import UnsupportedFormat
from checkpoint.services.changes import Changes
from checkpoint.services.outbox import Outbox
from sync.device.enrollment import pinned_keys
from sync.errors import BadAck
from sync.wire import FETCH, fetch_request, open_answer, open_signed

__all__ = ["fetch_back"]


def fetch_back(session: Any, transport: Any, person_id: str, reason: str) -> Changes:
    reason = session.retention.check_fetch(person_id, reason)
    outbox = Outbox(session)
    pinned = pinned_keys(outbox)
    device_id = pinned.identity["device_id"]
    request = fetch_request(pinned.identity["signing_private"], device_id, person_id, reason,
                            now=session.store.clock.now())
    doc = open_signed(FETCH, open_answer(transport.fetch(request.blob), request), pinned.hq_signing)
    if doc.get("kind") != "fetch" or doc.get("device_id") != device_id or doc.get("person_id") != person_id:
        raise BadAck("HQ's answer is for another device or another record.")
    if doc.get("nonce") != request.nonce:
        raise BadAck("HQ's answer is for another request (an old answer replayed?).")
    events = doc.get("events")
    if not isinstance(events, list):
        raise UnsupportedFormat("HQ's answer is not readable.")
    changes: Changes = session.retention.restore_from_hq(person_id, reason, events)
    return changes
