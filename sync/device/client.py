"""``SyncClient``: one device's whole exchange with HQ (enroll once; then push, pull, reference data), over anything
that speaks ``sync.protocol.SyncProtocol`` (``HttpTransport``, or HQ's service in process). No Qt.

    >>> transport = HttpTransport("http://127.0.0.1:8470", timeout=30)               # doctest: +SKIP
    >>> client = SyncClient(session, transport)                                        # doctest: +SKIP
    >>> client.enroll("http://127.0.0.1:8470", token)        # once: pins HQ's keys    # doctest: +SKIP
    >>> summary = client.sync_once(progress=lambda done, total: ...)                  # doctest: +SKIP
    >>> summary["complete"]                                                            # doctest: +SKIP
    True

The steps live beside it: ``enrollment`` (pin HQ's keys), ``push`` (seal, send, verify the ack, apply verdicts),
``pull`` (HQ's events and reference data), ``sealed`` (the kept sealed copies and the ack check USB shares).

Threads: a SyncClient is synchronous and uses its session on the calling thread only, so give it a session no
other thread is using. checkpoint-admin calls it on its main thread with the session it unlocked. The desktop never
gives it the DB worker's session: ``sync.device.DeviceSync`` opens a second Session on its own connection
(``Session.open_sync_connection``) and calls the client from the UI's network executor, one call at a time, so
officers keep saving on the DB worker while a slow link pushes. Inside ``push_all`` one helper thread sends each
batch (transport only) while the calling thread seals the next and stores the verdicts of the one before.
``progress`` and ``cancel`` are called on the calling thread.

Raises SyncUnavailable (no link, timeout, HQ busy: try later), PermissionDenied (not a supervisor or admin, not
enrolled, or HQ refused this device), ConflictError (already enrolled), BadAck, and the typed errors of
``sync.wire`` (SignatureInvalid, UnsupportedFormat, ...).
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from typing import Any

from checkpoint.errors import CheckpointError, NotFound
from checkpoint.services.outbox import Outbox
from checkpoint.services.session import Session
from sync.device.checkpointkey import ensure as ensure_checkpoint_key
from sync.device.enrollment import enroll
from sync.device.progress import Cancel, Progress
from sync.device.pull import PULL_LIMIT, fetch_reference, pull_all, sync_reference
from sync.device.push import BATCH_EVENTS, Outgoing, Pusher
from sync.errors import SyncUnavailable
from sync.protocol import SyncProtocol

__all__ = ["SyncClient"]

log = logging.getLogger(__name__)


class SyncClient:
    """Push this device's events to HQ and pull its checkpoint's events back, for one signed-in supervisor or
    admin (PermissionDenied for other roles).

        >>> SyncClient(session, HttpTransport(url, timeout=30)).sync_once()["complete"]     # doctest: +SKIP
        True
    """

    def __init__(self, session: Session, transport: SyncProtocol, *, batch_events: int = BATCH_EVENTS,
                 pull_limit: int = PULL_LIMIT) -> None:
        self.session = session
        self.outbox = Outbox(session)
        self.transport = transport
        self.pull_limit = pull_limit
        self._push = Pusher(self.outbox, transport, batch_events=batch_events)

    @property
    def batch_events(self) -> int:
        return self._push.batch_events

    def enroll(self, hq_url: str, token: str, *, replace: bool = False, fingerprint: str | None = None,
               release: bytes | None = None) -> dict[str, Any]:
        """Enroll this device with a one-time enrollment code from HQ (token + HQ key fingerprint) and pin HQ's
        keys from its signed answer (``sync.device.enrollment.enroll``); ``replace`` needs HQ's ``release``.

        Returns the stored enrollment. Raises ConflictError if already enrolled (before the token is spent),
        ValidationError for an empty code or one without a fingerprint, SignatureInvalid for keys that do not match
        the fingerprint, and the transport's errors.
        """
        return enroll(self.outbox, self.transport, hq_url, token, replace=replace, fingerprint=fingerprint,
                      release=release, session=self.session)

    # ------------------------------------------------------------------ push
    def prepare_push(self, *, exclude: Collection[str] = ()) -> Outgoing | None:
        """Step 1 of a push: the next batch sealed, or None (``sync.device.push.Pusher.prepare``)."""
        return self._push.prepare(exclude=exclude)

    def finish_push(self, outgoing: Outgoing, ack: bytes | None = None, *,
                    error: CheckpointError | None = None) -> dict[str, int]:
        """Step 2 of a push: HQ's answer verified and applied, or its error recorded (``Pusher.finish``)."""
        return self._push.finish(outgoing, ack, error=error)

    def push_all(self, progress: Progress | None = None, cancel: Cancel | None = None) -> dict[str, Any]:
        """Send every event HQ has not acknowledged, batch by batch (``sync.device.push.Pusher.push_all``)."""
        return self._push.push_all(progress, cancel)

    # ------------------------------------------------------------------ pull
    def pull_all(self, cancel: Cancel | None = None) -> dict[str, Any]:
        """Fetch and apply HQ's events for this checkpoint's records (``sync.device.pull.pull_all``)."""
        return pull_all(self.outbox, self.transport, limit=self.pull_limit, cancel=cancel)

    def fetch_reference(self) -> dict[str, Any]:
        """HQ's signed reference data, verified (``sync.device.pull.fetch_reference``)."""
        return fetch_reference(self.outbox, self.transport)

    def sync_reference(self) -> dict[str, Any]:
        """Fetch, verify and apply HQ's reference data (issue 16; ``sync.device.pull.sync_reference``)."""
        return sync_reference(self.session, self.outbox, self.transport)

    # ------------------------------------------------------------------ both
    def sync_once(self, progress: Progress | None = None, cancel: Cancel | None = None) -> dict[str, Any]:
        """Push, then pull. Never raises for a network or HQ failure: it is in ``errors`` (plain words).

        Returns ``{"sent", "batches", "acknowledged", "verdicts", "pulled", "applied", "held_incoming",
        "pending", "errors", "complete", "cancelled", "unavailable", "reference"}`` (``reference``: the directory
        applied or refused, ``sync.device.pull.sync_reference``); ``complete`` is True when HQ has
        acknowledged everything this device holds and the pull finished. Raises PermissionDenied if not enrolled.
        """
        pushed = self.push_all(progress=progress, cancel=cancel)
        errors = list(pushed["errors"])
        pulled: dict[str, Any] = {"pulled": 0, "applied": 0, "held": 0, "cancelled": False}
        unavailable = pushed["unavailable"]
        if not unavailable and not pushed["cancelled"]:
            try:
                pulled = self.pull_all(cancel=cancel)
            except CheckpointError as e:
                log.warning("pull failed: %s", e)
                errors.append(str(e))
                unavailable = isinstance(e, SyncUnavailable)
        reference: dict[str, Any] = {"applied": False, "version": 0, "refused": ""}
        if not unavailable and not pushed["cancelled"] and not pulled["cancelled"]:
            try:
                reference = self.sync_reference()
            except CheckpointError as e:
                log.warning("reference data failed: %s", e)
                errors.append(str(e))
                unavailable = isinstance(e, SyncUnavailable)
            if reference["refused"]:
                errors.append(reference["refused"])
        key_state = "not_asked"
        if not unavailable and not pushed["cancelled"] and not pulled["cancelled"]:
            key_state = self._checkpoint_key(errors)
        st = self.outbox.status()
        left = st["pending"] + st["inflight"]
        if not errors and not unavailable:
            self.session.retention.auto()     # issue 12: after a supervisor's sync, the minimisation pass
        cancelled = pushed["cancelled"] or pulled["cancelled"]
        return {"sent": pushed["sent"], "batches": pushed["batches"], "acknowledged": pushed["acknowledged"],
                "verdicts": pushed["verdicts"], "pulled": pulled["pulled"], "applied": pulled["applied"],
                "held_incoming": pulled["held"], "pending": left, "errors": errors,
                "complete": left == 0 and not errors and not cancelled, "cancelled": cancelled,
                "unavailable": unavailable, "reference": reference, "checkpoint_key": key_state}

    def _checkpoint_key(self, errors: list[str]) -> str:
        """Issue 10, point 11: the checkpoint's protection key from HQ when this device lacks it
        (``sync.device.checkpointkey.ensure``). A failure is reported in ``errors``; an HQ without the endpoint
        (404) is not an error: the device keeps sealing to its own key."""
        try:
            return ensure_checkpoint_key(self.session, self.transport)
        except NotFound:
            return "unsupported"
        except CheckpointError as e:
            log.warning("the checkpoint's protection key was not received: %s", type(e).__name__)
            if str(e) not in errors:          # a revoked device: said once, by the push already
                errors.append(str(e))
            return "failed"
