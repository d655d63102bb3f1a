"""A batch's one sealed copy and the check of HQ's acknowledgement of it: what the HTTP push and the USB
transfer share, so that a batch is the same bytes and its ack passes the same checks whichever way it travels.

    >>> batch = outbox.next_batch()                                                             # doctest: +SKIP
    >>> blob, sha = sealed_copy(outbox, batch)       # the kept copy, or sealed now and kept    # doctest: +SKIP
    >>> verdicts = check_ack(outbox, ack, batch_id=batch.id, batch_sha256=sha)   # or BadAck...  # doctest: +SKIP
    >>> outbox.apply_ack(batch.id, verdicts)                                                    # doctest: +SKIP
    >>> forget_acknowledged(outbox)                  # drop the copies HQ no longer needs        # doctest: +SKIP

The sealed copy of every batch HQ has not acknowledged is kept beside the store (``<store>.outbox/``), so a batch
is sent again byte for byte (an HTTP retry, a second USB export) and HQ answers a repeat with the same ack.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Collection
from pathlib import Path

from checkpoint.errors import CheckpointError, NotFound, ValidationError
from checkpoint.files import write_atomic
from checkpoint.services.outbox import Batch, Outbox
from sync.device.enrollment import pinned_keys
from sync.errors import BadAck
from sync.protocol import VERDICTS
from sync.wire import ACK, digest, open_signed, seal_batch

__all__ = ["SealedSpool", "Verdicts", "batch_record", "check_ack", "forget_acknowledged", "sealed_copy"]

log = logging.getLogger(__name__)

Verdicts = dict[str, tuple[str, str]]      # {event_id: (verdict, note)}


class SealedSpool:
    """The sealed copy of each batch not yet acknowledged, kept beside the store (``<store>.outbox/``), so a
    batch is sent again byte for byte (HTTP retry, second USB export): HQ recognises the copy and answers with
    the same ack. The files are sealed to HQ and signed; losing them only means sealing again."""

    def __init__(self, store_path: str | os.PathLike[str]) -> None:
        self.dir = Path(str(store_path) + ".outbox")

    def _path(self, batch_id: str) -> Path:
        if not re.fullmatch(r"[0-9a-f-]{36}", batch_id):
            raise ValidationError("batch_id", "is not a batch id")
        return self.dir / f"{batch_id}.cpb"

    def get(self, batch_id: str, sha256: str) -> bytes | None:
        """The kept copy, if there is one and its SHA-256 is ``sha256``; else None."""
        try:
            blob = self._path(batch_id).read_bytes()
        except OSError:
            return None
        return blob if sha256 and digest(blob) == sha256 else None

    def put(self, batch_id: str, blob: bytes) -> None:
        """Keep a copy (atomically). Failing to is not an error: the batch is sealed again next time."""
        try:
            self.dir.mkdir(mode=0o700, exist_ok=True)
            write_atomic(self._path(batch_id), blob)
        except OSError as e:
            log.warning("could not keep the sealed copy of batch %s (%s); it will be sealed again if resent",
                        batch_id, e.strerror or e)

    def drop(self, batch_id: str) -> None:
        with contextlib.suppress(OSError):
            self._path(batch_id).unlink(missing_ok=True)

    def keep_only(self, batch_ids: Collection[str]) -> None:
        """Remove the copies of batches that are acknowledged (or unknown)."""
        keep = {f"{b}.cpb" for b in batch_ids}
        with contextlib.suppress(OSError):
            for p in self.dir.iterdir():
                if p.name not in keep:
                    p.unlink(missing_ok=True)


def sealed_copy(outbox: Outbox, batch: Batch) -> tuple[bytes, str]:
    """The sealed bytes of ``batch`` and their SHA-256: the kept copy when there is one, else sealed now (to the
    pinned HQ key), kept, and recorded as sealed. Raises PermissionDenied if the device is not enrolled."""
    pinned = pinned_keys(outbox)
    kept = SealedSpool(outbox.store.path)
    sha, _state = batch_record(outbox, batch.id)
    blob = kept.get(batch.id, sha) if batch.state != "open" else None
    if blob is not None:
        return blob, sha
    blob = seal_batch(batch, pinned.identity, pinned.hq_exchange, now=outbox.store.clock.now())
    sha = digest(blob)
    kept.put(batch.id, blob)
    outbox.mark(batch.id, "sealed", sha256=sha)
    return blob, sha


def forget_acknowledged(outbox: Outbox) -> None:
    """Drop the kept copies of batches HQ has acknowledged (and of any the store does not know)."""
    SealedSpool(outbox.store.path).keep_only(outbox.unacknowledged())


def batch_record(outbox: Outbox, batch_id: str) -> tuple[str, str]:
    """(SHA-256 recorded when the batch was last sealed, state) of one of this device's batches. NotFound."""
    found = outbox.batch_state(batch_id)
    if found is None:
        raise NotFound("This acknowledgement is for a batch this device does not have.")
    return found


def _verdicts(raw: object) -> Verdicts:
    """Per-event verdicts from an ack, ``{event_id: [verdict, note]}``. Raises BadAck for anything else."""
    if not isinstance(raw, dict):
        raise BadAck("HQ's acknowledgement lists no verdicts.")
    out: Verdicts = {}
    for eid, v in raw.items():
        if not (isinstance(v, list) and len(v) == 2 and isinstance(v[1], str)) or v[0] not in VERDICTS:
            raise BadAck(f"HQ's acknowledgement has a verdict this device does not know: {str(v)[:60]!r}.")
        out[eid] = (v[0], v[1])
    return out


def check_ack(outbox: Outbox, ack: bytes, *, batch_id: str, batch_sha256: str,
              batch_events: Collection[str] | None = None) -> Verdicts:
    """Verify an acknowledgement (over HTTP or from a file) before anything is marked as received: signed by
    HQ's pinned key, for this device, this batch and this exact sealed copy (SHA-256). Returns the verdicts.

    One exception to "this exact copy": HQ answers a batch it already holds under the same id (sealed again by
    this device, e.g. after a restore, or a second USB export) with the very ack it made for the first copy.
    Given ``batch_events`` (the ids in this batch), such an ack is taken when its verdicts name exactly those
    events; it is still HQ's signature over this device's batch id.

    Raises SignatureInvalid (forged or altered), UnsupportedFormat (not an ack), BadAck (another device, batch
    or copy; an unknown verdict), PermissionDenied (not enrolled).
    """
    pinned = pinned_keys(outbox)
    doc = open_signed(ACK, ack, pinned.hq_signing)
    if doc.get("kind", "ack") != "ack":
        raise BadAck("HQ's answer is not an acknowledgement.")
    if doc.get("device_id") != pinned.identity["device_id"]:
        raise BadAck("HQ's acknowledgement is for another device.")
    if doc.get("batch_id") != batch_id:
        raise BadAck("HQ's acknowledgement is for another batch.")
    verdicts = _verdicts(doc.get("verdicts"))
    if doc.get("batch_sha256") != batch_sha256:
        if batch_events is None or set(verdicts) != set(batch_events):
            raise BadAck("HQ's acknowledgement is for another copy of this batch (its SHA-256 differs).")
        log.info("HQ answered batch %s with its acknowledgement of an earlier copy", batch_id)
    if "head" in doc:
        try:
            outbox.record_hq_head(doc["head"], doc.get("head_sig"))
        except CheckpointError as e:        # the verdicts stand; only the anchor for verify is not kept
            log.warning("batch %s: HQ's chain head was not kept: %s", batch_id, e)
    return verdicts
