"""Pull: what HQ holds for this device (events of its checkpoint's records written elsewhere, and HQ's signed
reference data), each answer verified with HQ's pinned key before anything of it is applied.

    >>> pull_all(Outbox(session), transport, limit=1000)["applied"]          # doctest: +SKIP
    3
    >>> fetch_reference(Outbox(session), transport)["kind"]                  # doctest: +SKIP
    'reference'

Each request is signed, dated and carries a nonce and a fresh reply key (``sync.wire.pull_request``/
``reference_request``): only an enrolled device pulls its checkpoint's data, a captured request cannot be sent again,
and HQ's answer is sealed to the reply key, whose private half lives only in memory for that one request. Uses the
store from the calling thread only.
"""

from __future__ import annotations

from typing import Any

from checkpoint.errors import ConflictError, SignatureInvalid, UnsupportedFormat
from checkpoint.services.directory import MSG_WRONG_SIGNATURE
from checkpoint.services.outbox import Outbox
from checkpoint.services.session import Session
from sync.device.enrollment import pinned_keys
from sync.device.progress import Cancel, cancelled
from sync.errors import BadAck
from sync.protocol import SyncProtocol
from sync.wire import PULL, REFERENCE, open_answer, open_signed, pull_request, reference_request

__all__ = ["MAX_PULL_PAGES", "PULL_LIMIT", "apply_reference", "fetch_reference", "pull_all", "sync_reference"]

PULL_LIMIT = 1000
MAX_PULL_PAGES = 10_000          # a guard against an HQ that says "more" forever


def pull_all(outbox: Outbox, transport: SyncProtocol, *, limit: int = PULL_LIMIT, cancel: Cancel | None = None
             ) -> dict[str, Any]:
    """Fetch events of this checkpoint's records written elsewhere (a TB outcome recorded at a clinic...), page by
    page from the stored cursor, each page verified with HQ's pinned key and applied with its cursor in one
    transaction. ``cancel`` is checked between pages.

    Returns ``{"pulled", "applied", "duplicate", "held", "pages", "cancelled", "released"}`` (``released``: events
    held by an earlier pull that apply now, ``Outbox.retry_held``). Raises the transport's errors,
    SignatureInvalid, BadAck or UnsupportedFormat for an answer that does not verify (nothing applied from it),
    PermissionDenied if not enrolled.
    """
    pinned = pinned_keys(outbox)
    device_id = pinned.identity["device_id"]
    out: dict[str, Any] = {"pulled": 0, "applied": 0, "duplicate": 0, "held": 0, "pages": 0, "cancelled": False,
                           "released": 0}
    cursor = outbox.pull_cursor()
    for _ in range(MAX_PULL_PAGES):
        if cancelled(cancel):
            out["cancelled"] = True
            break
        request = pull_request(pinned.identity["signing_private"], device_id, cursor, limit,
                               now=outbox.store.clock.now())
        doc = open_signed(PULL, open_answer(transport.pull(request.blob), request), pinned.hq_signing)
        if doc.get("kind", "pull") != "pull" or doc.get("device_id") != device_id:
            raise BadAck("HQ's pull answer is for another device.")
        if doc.get("nonce") != request.nonce:
            raise BadAck("HQ's pull answer is for another request (an old answer replayed?).")
        if doc.get("cursor", cursor) != cursor:
            raise BadAck("HQ's pull answer is for another position in the log (an old answer replayed?).")
        events, next_cursor, more = doc.get("events"), doc.get("next_cursor"), doc.get("more")
        if not isinstance(events, list) or not isinstance(next_cursor, str) or not isinstance(more, bool):
            raise UnsupportedFormat("HQ's pull answer is not readable.")
        counts = outbox.ingest([e for e in events if isinstance(e, dict)], cursor=next_cursor)
        out["pages"] += 1
        out["pulled"] += len(events)
        for k in ("applied", "duplicate", "held"):
            out[k] += counts.get(k, 0)
        if not more or next_cursor == cursor:
            break
        cursor = next_cursor
    if not out["cancelled"]:
        out["released"] = outbox.retry_held()     # held events (of this pull or earlier) a record pulled since lets in
    return out


def fetch_reference(outbox: Outbox, transport: SyncProtocol) -> dict[str, Any]:
    """HQ's signed reference data (content versions, code lists, revoked devices), verified with the pinned key.
    Raises the transport's errors, SignatureInvalid, PermissionDenied if not enrolled."""
    pinned = pinned_keys(outbox)
    device_id = pinned.identity["device_id"]
    request = reference_request(pinned.identity["signing_private"], device_id, now=outbox.store.clock.now())
    doc = open_signed(REFERENCE, open_answer(transport.reference(request.blob), request), pinned.hq_signing)
    if doc.get("nonce") != request.nonce:
        raise BadAck("HQ's reference data answers another request (an old answer replayed?).")
    return doc


def apply_reference(session: Session, outbox: Outbox, doc: dict[str, Any]) -> dict[str, Any]:
    """Apply HQ's reference data (signature already verified) to this device's directory
    (``checkpoint.services.directory.Directory.apply``: this checkpoint's, newer, not expired)."""
    enrollment = outbox.enrollment() or {}
    done = session.directory.apply(doc, checkpoint_id=str(enrollment.get("checkpoint_id", "")))
    return {"applied": done.applied, "version": done.version}


def sync_reference(session: Session, outbox: Outbox, transport: SyncProtocol) -> dict[str, Any]:
    """Fetch HQ's signed reference data, verify it with the pinned key and apply it (issue 16). Returns
    ``{"applied", "version", "refused"}``: ``refused`` is the plain reason a document was refused (a wrong
    signature, another checkpoint's, older than the one in use, expired, malformed), kept for the sync panel; the
    device then keeps the directory it had. Raises the transport's errors, BadAck, PermissionDenied."""
    try:
        doc = fetch_reference(outbox, transport)
    except SignatureInvalid:
        reason = MSG_WRONG_SIGNATURE
        session.directory.refuse(reason)
        return {"applied": False, "version": 0, "refused": reason}
    try:
        out = apply_reference(session, outbox, doc)
    except (ConflictError, UnsupportedFormat) as e:
        return {"applied": False, "version": 0, "refused": str(e)}
    return {**out, "refused": ""}
