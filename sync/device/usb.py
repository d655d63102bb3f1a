"""Sync without a link: a sealed batch carried to HQ on a USB stick, HQ's signed acknowledgement carried back.

The file holds exactly the bytes that would go over HTTP (``sync.device.sealed.sealed_copy``); HQ imports it the
same way and writes the ack file (``checkpoint-hq import-batch``). The ack is checked exactly as over HTTP
(``sync.device.sealed.check_ack``).

    >>> export_batch(session, "/media/usb/poipet-0001.cpb")       # doctest: +SKIP
    {'batch_id': '...', 'events': 312, 'sha256': '...', 'path': '/media/usb/poipet-0001.cpb', ...}
    >>> import_ack(session, "/media/usb/poipet-0001.ack")          # doctest: +SKIP
    {'batch_id': '...', 'already': False, 'verdicts': {'accepted': 312, ...}}

A batch stays the same until HQ acknowledges it: exporting again before the ack is imported writes the same
bytes (the sealed copy is kept beside the store), so an ack for either file applies. Nothing is deleted.
Both use ``session`` on the calling thread only.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from checkpoint.errors import ConflictError, SignatureInvalid, UnsupportedFormat, ValidationError
from checkpoint.files import write_atomic
from checkpoint.services.directory import MSG_WRONG_SIGNATURE
from checkpoint.services.outbox import Outbox
from checkpoint.services.session import Session
from sync.device.enrollment import pinned_keys
from sync.device.pull import apply_reference
from sync.device.sealed import batch_record, check_ack, forget_acknowledged, sealed_copy
from sync.errors import BadAck
from sync.wire import ACK, MAX_DOCUMENT, REFERENCE, open_signed

__all__ = ["USB_BATCH_EVENTS", "export_batch", "import_ack", "import_reference"]

log = logging.getLogger(__name__)

# A day at a busy checkpoint fits in one file: a round trip on a USB stick can take days.
USB_BATCH_EVENTS = 50_000


def _write_new(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file ``path`` atomically: all of it or nothing, never over an existing file."""
    try:
        write_atomic(path, data, exclusive=True)
    except FileExistsError:
        raise ValidationError("out", "the file already exists; choose a new name") from None


def export_batch(session: Session, path: str | os.PathLike[str], *, max_events: int = USB_BATCH_EVENTS
                 ) -> dict[str, Any] | None:
    """Write the next batch HQ has not acknowledged, sealed, into a new file; None when nothing is waiting.

    The bytes are those sent over HTTP (the kept sealed copy when the batch was sealed before), so exporting the
    same batch twice writes the same file and HQ's ack for either matches. The batch is recorded as sealed (with
    its SHA-256) before the file is written and as sent "via file" after. Raises ValidationError (file exists,
    no such folder), PermissionDenied (not a supervisor or admin, not enrolled), OSError from the filesystem.
    """
    out = Path(path)
    if out.exists():
        raise ValidationError("out", "the file already exists; choose a new name")
    if not out.parent.is_dir():
        raise ValidationError("out", "the folder does not exist")
    ob = Outbox(session)
    pinned_keys(ob)
    batch = ob.next_batch(max_events=max_events)
    if batch is None:
        return None
    blob, sha = sealed_copy(ob, batch)
    try:
        _write_new(out, blob)
    except ValidationError:
        raise
    except Exception as e:
        ob.mark(batch.id, "failed", error=f"could not write the batch file: {e}")
        raise
    ob.mark(batch.id, "sent", via="file")
    log.info("batch %s (%d events) exported to a file", batch.id, len(batch.events))
    return {"batch_id": batch.id, "events": len(batch.events), "first_seq": batch.first_seq,
            "last_seq": batch.last_seq, "sha256": sha, "path": str(out), "bytes": len(blob)}


def import_ack(session: Session, path: str | os.PathLike[str]) -> dict[str, Any]:
    """Verify HQ's acknowledgement file with the pinned key and apply it (the same checks as over HTTP).

    Returns ``{"batch_id", "already", "verdicts"}``; ``already`` is True (and nothing changes) when the batch was
    acknowledged before (over HTTP, or this file twice). Raises SignatureInvalid (forged or altered),
    UnsupportedFormat (not an ack file), BadAck (another device; another copy of the batch that does not name
    exactly its events), NotFound (a batch this device does not have), PermissionDenied (not enrolled); nothing
    is marked in any of these cases.
    """
    src = Path(path)
    if not src.is_file():
        raise ValidationError("file", "no such file")
    if src.stat().st_size > MAX_DOCUMENT:
        raise UnsupportedFormat("This file is too large to be an acknowledgement.")
    data = src.read_bytes()
    ob = Outbox(session)
    pinned = pinned_keys(ob)
    doc = open_signed(ACK, data, pinned.hq_signing)     # who it is from, before we look at what it says
    batch_id = doc.get("batch_id")
    if not isinstance(batch_id, str) or doc.get("device_id") != pinned.identity["device_id"]:
        raise BadAck("This acknowledgement is for another device.")
    sha, state = batch_record(ob, batch_id)
    if state == "acked":
        log.info("ack for batch %s imported again: already acknowledged, nothing to do", batch_id)
        return {"batch_id": batch_id, "already": True, "verdicts": {}}
    batch = ob.batch(batch_id)
    verdicts = check_ack(ob, data, batch_id=batch_id, batch_sha256=sha, batch_events=[e["id"] for e in batch.events])
    counts = ob.apply_ack(batch_id, verdicts)
    forget_acknowledged(ob)
    return {"batch_id": batch_id, "already": False, "verdicts": counts, **_reference_beside(session, src)}


def _reference_beside(session: Session, ack: Path) -> dict[str, Any]:
    """HQ's signed reference data written beside the ack (``checkpoint-hq import-batch``), if it is there."""
    ref = ack.with_suffix(".ref")
    return {"reference": import_reference(session, ref)} if ref.is_file() else {}


def import_reference(session: Session, path: str | os.PathLike[str]) -> dict[str, Any]:
    """HQ's signed reference data from a file (a USB stick; issue 16): verified with the pinned key and applied as
    over HTTP (``sync.device.pull.apply_reference``: this checkpoint's, newer than the one in use, not expired).
    Returns ``{"applied", "version", "refused"}``; a refused document changes nothing but the reason kept for the
    sync panel. Raises ValidationError (no such file), PermissionDenied (not enrolled)."""
    src = Path(path)
    if not src.is_file():
        raise ValidationError("file", "no such file")
    ob = Outbox(session)
    pinned = pinned_keys(ob)
    try:
        if src.stat().st_size > MAX_DOCUMENT:
            raise UnsupportedFormat("This file is too large to be HQ's reference data.")
        doc = open_signed(REFERENCE, src.read_bytes(), pinned.hq_signing)
    except SignatureInvalid:
        session.directory.refuse(MSG_WRONG_SIGNATURE)
        return {"applied": False, "version": 0, "refused": MSG_WRONG_SIGNATURE}
    except UnsupportedFormat as e:
        session.directory.refuse(str(e))
        return {"applied": False, "version": 0, "refused": str(e)}
    try:
        out = apply_reference(session, ob, doc)
    except (ConflictError, UnsupportedFormat) as e:
        return {"applied": False, "version": 0, "refused": str(e)}
    return {**out, "refused": ""}
