"""Push: send every event HQ has not acknowledged, batch by batch, and take HQ's verdicts only from a verified ack.

    >>> Pusher(Outbox(session), transport, batch_events=5000).push_all()["acknowledged"]     # doctest: +SKIP
    312

One batch is: the next batch → sealed to HQ's pinned exchange key (the sealed copy is kept beside the store until
HQ acknowledges it, ``sync.device.sealed``) → its SHA-256 recorded → sent → HQ's signed acknowledgement verified
with the pinned signing key (batch id, device id and SHA-256 must be those just sent) → the per-event verdicts
applied. Any failure stops the run with a plain reason recorded on the batch; its events stay in flight and the
same bytes are sent again next time (HQ answers a repeat with the same ack). Nothing is ever deleted here.

Threads: the calling thread owns the outbox (its session's connection). ``push_all`` sends each batch on one
helper thread that touches only the transport, never the store, while the calling thread seals the next batch and,
once HQ's ack of a batch is verified and names all its events, stores those verdicts while the next batch goes.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from checkpoint.errors import CheckpointError
from checkpoint.services.outbox import Outbox
from sync.device.enrollment import pinned_keys
from sync.device.progress import Cancel, Progress, cancelled
from sync.device.sealed import SealedSpool, Verdicts, batch_record, check_ack, forget_acknowledged, sealed_copy
from sync.errors import SyncUnavailable
from sync.protocol import VERDICTS, SyncProtocol
from sync.wire import push_ticket

__all__ = ["BATCH_EVENTS", "Outgoing", "Pusher"]

log = logging.getLogger(__name__)

BATCH_EVENTS = 5000
PARTIAL_ACK = "HQ did not acknowledge every event of a batch; the rest will be sent again."


@dataclass(frozen=True)
class Outgoing:
    """A sealed batch on its way to HQ (``Pusher.prepare``)."""

    batch_id: str
    sha256: str
    blob: bytes = field(repr=False)
    event_ids: tuple[str, ...] = field(repr=False)


class Pusher:
    """The push of one device's outbox over ``transport``, ``batch_events`` events per batch at most."""

    def __init__(self, outbox: Outbox, transport: SyncProtocol, *, batch_events: int = BATCH_EVENTS) -> None:
        self.outbox = outbox
        self.transport = transport
        self.batch_events = batch_events

    def prepare(self, *, exclude: Collection[str] = ()) -> Outgoing | None:
        """Step 1 of a push (uses the store): the next batch HQ has not acknowledged, sealed (or its kept copy);
        None when nothing waits. Send ``outgoing.blob`` with ``transport.push`` (on any thread), then call
        ``finish``. Raises PermissionDenied if not enrolled."""
        pinned_keys(self.outbox)
        batch = self.outbox.next_batch(max_events=self.batch_events, exclude=exclude)
        if batch is None:
            return None
        blob, sha = sealed_copy(self.outbox, batch)
        return Outgoing(batch.id, sha, blob, tuple(e["id"] for e in batch.events))

    def finish(self, outgoing: Outgoing, ack: bytes | None = None, *,
               error: CheckpointError | None = None) -> dict[str, int]:
        """Step 2 of a push (uses the store): with HQ's answer, verify it and apply the verdicts (returns counts per
        verdict); with the transport's ``error``, record it on the batch and re-raise it. A refused ack is recorded
        on the batch and raised (SignatureInvalid, UnsupportedFormat, BadAck): nothing is marked as received."""
        if error is not None or ack is None:
            err = error or SyncUnavailable("HQ gave no answer.")
            self._record_failure(outgoing.batch_id, err)
            raise err
        return self._apply(outgoing, self._check(outgoing, ack))

    def _check(self, outgoing: Outgoing, ack: bytes) -> Verdicts:
        """``finish``'s first half: the batch marked sent and HQ's ack verified (nothing marked as received)."""
        self.outbox.mark(outgoing.batch_id, "sent", via="http")
        try:
            return check_ack(self.outbox, ack, batch_id=outgoing.batch_id, batch_sha256=outgoing.sha256,
                             batch_events=outgoing.event_ids)
        except CheckpointError as e:
            log.warning("acknowledgement for batch %s refused: %s", outgoing.batch_id, e)
            self._record_failure(outgoing.batch_id, e)
            raise

    def _apply(self, outgoing: Outgoing, verdicts: Verdicts) -> dict[str, int]:
        """``finish``'s second half: the verified verdicts stored (the batch acked when they name every event)."""
        try:
            counts = self.outbox.apply_ack(outgoing.batch_id, verdicts)
        except CheckpointError as e:
            log.warning("acknowledgement for batch %s refused: %s", outgoing.batch_id, e)
            self._record_failure(outgoing.batch_id, e)
            raise
        if batch_record(self.outbox, outgoing.batch_id)[1] == "acked":
            SealedSpool(self.outbox.store.path).drop(outgoing.batch_id)
        return counts

    def push_all(self, progress: Progress | None = None, cancel: Cancel | None = None) -> dict[str, Any]:
        """Send every event HQ has not acknowledged, batch by batch (``prepare``, ``transport.push``, ``finish``);
        see the module docstring.

        ``progress(done, total)`` counts events; ``cancel`` is checked between batches. Returns ``{"batches",
        "sent", "acknowledged", "verdicts", "errors", "cancelled", "unavailable"}``; a failure ends the run and is
        listed in ``errors`` (the events stay in flight). Raises PermissionDenied if not enrolled.
        """
        identity = pinned_keys(self.outbox).identity  # PermissionDenied before anything when not enrolled
        total = self.outbox.waiting()
        out: dict[str, Any] = {"batches": 0, "sent": 0, "acknowledged": 0,
                               "verdicts": dict.fromkeys(VERDICTS, 0), "errors": [], "cancelled": False,
                               "unavailable": False}
        if progress:
            progress(0, total)
        seen: set[str] = set()
        # While HQ stores one batch, this device prepares (claims and seals) the next: the network call runs on a
        # helper thread that touches only the transport, never the store. Once HQ's ack of a batch is verified and
        # names every event of it, the next batch is sent while this device stores those verdicts: one batch is
        # in flight at a time, in order, and HQ has stored (and said so for) every batch before it. A run that
        # stops with a batch in flight leaves it claimed and unacknowledged: it is sent again next time and HQ
        # answers with the same ack.
        net = ThreadPoolExecutor(1, thread_name_prefix="checkpoint-push")
        sending: Future[bytes] | None = None
        stopping = False
        try:
            outgoing = None if cancelled(cancel) else self.prepare()
            while outgoing is not None:
                if outgoing.batch_id in seen:
                    # HQ acknowledged only part of it: do not loop; the rest goes next time.
                    out["errors"].append(PARTIAL_ACK)
                    break
                seen.add(outgoing.batch_id)
                if sending is None:
                    sending = net.submit(self._send, outgoing, identity)
                following: Outgoing | None = None
                if not stopping and not cancelled(cancel):
                    following = self.prepare(exclude={outgoing.batch_id})
                try:
                    ack = sending.result()
                except CheckpointError as e:
                    self._record_failure(outgoing.batch_id, e)
                    out["errors"].append(str(e))
                    out["unavailable"] = isinstance(e, SyncUnavailable)
                    break
                finally:
                    sending = None
                out["batches"] += 1
                out["sent"] += len(outgoing.event_ids)
                try:
                    verdicts = self._check(outgoing, ack)
                    if following is not None and following.batch_id not in seen and not cancelled(cancel) \
                            and set(verdicts) >= set(outgoing.event_ids):
                        sending = net.submit(self._send, following, identity)
                    counts = self._apply(outgoing, verdicts)
                except CheckpointError as e:
                    out["errors"].append(str(e))
                    break
                for k, n in counts.items():
                    out["verdicts"][k] += n
                out["acknowledged"] += sum(counts.values())
                if progress:
                    progress(min(out["acknowledged"], total), max(total, out["acknowledged"]))
                if batch_record(self.outbox, outgoing.batch_id)[1] != "acked":
                    # HQ acknowledged only part of it: do not loop; the rest goes next time.
                    out["errors"].append(PARTIAL_ACK)
                    break
                if stopping or cancelled(cancel):
                    out["cancelled"] = True
                    if sending is None:
                        break
                    stopping = True         # the batch already on its way: its ack is taken, then the run stops
                outgoing = following
            else:
                if cancelled(cancel):
                    out["cancelled"] = True
        finally:
            net.shutdown(wait=True)
        forget_acknowledged(self.outbox)
        return out

    def _send(self, outgoing: Outgoing, identity: dict[str, Any]) -> bytes:
        """On the network thread (no store): the push ticket, signed just before sending so its time is fresh
        however long the batch before it took, then the batch."""
        ticket = push_ticket(identity["signing_private"], identity["device_id"], outgoing.sha256,
                             len(outgoing.blob), now=self.outbox.store.clock.now())
        return self.transport.push(outgoing.blob, ticket)

    def _record_failure(self, batch_id: str, e: CheckpointError) -> None:
        log.warning("batch %s not delivered: %s", batch_id, e)
        self.outbox.mark(batch_id, "failed", error=str(e))
