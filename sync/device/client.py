"""The device side of sync: an HTTP transport to HQ and the client that pushes, verifies and pulls.

``SyncClient`` works over anything that implements ``sync.protocol.SyncProtocol`` (the HTTP transport here, or
HQ's service in-process). It is synchronous and uses the session from the calling thread only: the desktop calls
it from its single DB worker thread, the CLI from its main thread. No Qt.

    >>> transport = HttpTransport("http://127.0.0.1:8470", timeout=30)               # doctest: +SKIP
    >>> client = SyncClient(session, transport)                                        # doctest: +SKIP
    >>> client.enroll("http://127.0.0.1:8470", token)        # once: pins HQ's keys    # doctest: +SKIP
    >>> summary = client.sync_once(progress=lambda done, total: ...)                  # doctest: +SKIP
    >>> summary["complete"]                                                            # doctest: +SKIP
    True

A push is: next batch → seal to HQ's pinned exchange key (the sealed copy is kept beside the store until HQ
acknowledges it) → record its SHA-256 → send → verify HQ's signed acknowledgement with the pinned signing key
(batch id, device id and SHA-256 must be those just sent) → apply the per-event verdicts. Any failure stops the
run with a plain reason recorded on the batch; its events stay in flight and the same bytes are sent again next
time (HQ answers a repeat with the same ack). Nothing is ever deleted here.

Raises SyncUnavailable (no link, timeout, HQ busy: try later), PermissionDenied (not a supervisor or admin, or
HQ refused this device), ConflictError (already enrolled), and the typed errors of ``sync.batch``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import threading
from collections.abc import Callable, Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from checkpoint.errors import (
    CheckpointError,
    ConflictError,
    DecryptionFailed,
    NotFound,
    PermissionDenied,
    SignatureInvalid,
    UnsupportedFormat,
    ValidationError,
)
from checkpoint.services.outbox import HQ_VERDICTS, Batch, Outbox
from checkpoint.services.session import Session
from sync.protocol import SUPPORTED, SyncProtocol
from sync.wire import (
    ACK,
    ENROLL,
    PULL,
    PULL_PROOF_CONTEXT,
    REFERENCE,
    digest,
    open_signed,
    pull_proof,
    reference_proof,
    seal_batch,
    sign_document,
)

__all__ = ["PULL_PROOF_CONTEXT", "BadAck", "HttpTransport", "Outgoing", "SealedSpool", "SyncClient", "SyncUnavailable",
           "check_ack", "pinned_keys", "pull_proof", "reference_proof", "sealed_copy"]

log = logging.getLogger("sync.device.client")

BATCH_EVENTS = 5000
PULL_LIMIT = 1000
MAX_PULL_PAGES = 10_000          # a guard against an HQ that says "more" forever
MAX_RESPONSE = 64 * 1024 * 1024  # matches sync.batch.MAX_DOCUMENT


class SyncUnavailable(CheckpointError):
    """HQ could not be reached or is busy; nothing was lost. Sync again later."""

    code = "sync_unavailable"


class BadAck(CheckpointError):
    """HQ's acknowledgement does not match the batch that was sent; nothing was marked as received."""

    code = "bad_ack"


Progress = Callable[[int, int], None]
Cancel = Callable[[], bool] | threading.Event   # checked between batches and pages


# ---------------------------------------------------------------------------------------------- HTTP transport
_PLAIN = re.compile(r"[^\w .,;:'()/@#%+=?!-]", re.UNICODE)


def _hq_message(resp: httpx.Response) -> str:
    """HQ's own explanation from an error response, shortened and stripped of anything odd."""
    text = ""
    try:
        body = resp.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        for k in ("message", "detail"):
            if isinstance(body.get(k), str):
                text = body[k]
                break
    return _PLAIN.sub(" ", text)[:300].strip()


# HQ's error codes (its JSON ``{"error": code, "message": text}``) and, failing that, its HTTP status.
_BY_CODE: dict[str, type[CheckpointError]] = {
    "device_unknown": PermissionDenied, "device_revoked": PermissionDenied, "token_rejected": PermissionDenied,
    "permission_denied": PermissionDenied, "auth": PermissionDenied, "signature_invalid": SignatureInvalid,
    "decryption_failed": DecryptionFailed, "unsupported_format": UnsupportedFormat, "conflict": ConflictError,
    "not_found": NotFound, "validation": ValidationError, "too_large": ValidationError}
_BY_STATUS: dict[int, type[CheckpointError]] = {401: PermissionDenied, 403: PermissionDenied, 404: NotFound,
                                                409: ConflictError, 400: UnsupportedFormat, 415: UnsupportedFormat}
_DEFAULT = {401: "HQ could not verify this device's signature (HTTP 401).",
            403: "HQ refused this device (HTTP 403): it is not enrolled or was revoked.",
            404: "HQ does not know this request (HTTP 404): check HQ's address.",
            409: "HQ refused this as a conflict (HTTP 409).",
            400: "HQ could not read what was sent (HTTP 400).",
            **{c: f"HQ's address redirects elsewhere (HTTP {c}): enroll with its final address (https://...)."
               for c in (301, 302, 303, 307, 308)}}


class HttpTransport:
    """``SyncProtocol`` over HTTP(S) with httpx: octet-stream bodies, typed errors with plain messages.

        >>> t = HttpTransport("http://127.0.0.1:8470", timeout=30)      # doctest: +SKIP
        >>> ack = t.push(sealed_batch)                                    # doctest: +SKIP

    Connection failures, timeouts and 5xx/429 answers raise SyncUnavailable (try later). HQ's refusals map to
    checkpoint.errors by HQ's error code (device unknown or revoked, token rejected: PermissionDenied; signature
    invalid: SignatureInvalid; ...) or else by status (401/403 PermissionDenied, 404 NotFound, 409 ConflictError,
    400/415 UnsupportedFormat, others ValidationError), with HQ's own plain message. Pass ``client`` to reuse an
    httpx.Client (tests).
    """

    def __init__(self, base_url: str, *, timeout: float = 30.0, client: httpx.Client | None = None) -> None:
        url = (base_url or "").strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ValidationError("server", "must be an http:// or https:// address")
        self.base_url = url
        self._own = client is None
        self._client = client or httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False,
                                              headers={"User-Agent": "checkpoint-sync/1"})

    def close(self) -> None:
        if self._own:
            self._client.close()

    def __enter__(self) -> HttpTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ one request
    def _request(self, method: str, path: str, *, content: bytes | None = None,
                 json_body: Mapping[str, Any] | None = None, params: Mapping[str, str] | None = None
                 ) -> httpx.Response:
        url = self.base_url + path
        headers = {"Content-Type": "application/octet-stream"} if content is not None else {}
        try:
            resp = self._client.request(method, url, content=content, json=json_body, params=params,
                                        headers=headers)
            resp.read()
        except httpx.TimeoutException:
            raise SyncUnavailable("HQ did not answer in time. Nothing was lost; sync again later.") from None
        except (httpx.TransportError, OSError):
            # connect refused, DNS, reset, connection closed mid-answer, incomplete body...
            raise SyncUnavailable("HQ could not be reached (no connection, or it broke off). Nothing was lost; "
                                  "sync again later.") from None
        except httpx.HTTPError as e:
            raise SyncUnavailable(f"The exchange with HQ failed ({type(e).__name__}). Sync again later.") from None
        if resp.status_code < 300:
            if len(resp.content) > MAX_RESPONSE:
                raise UnsupportedFormat("HQ's answer is larger than allowed.")
            return resp
        self._raise_for(resp)
        raise AssertionError("unreachable")  # pragma: no cover

    @staticmethod
    def _raise_for(resp: httpx.Response) -> None:
        status, why = resp.status_code, _hq_message(resp)
        if status >= 500 or status in (408, 429):
            said = f" HQ said: {why}" if why else ""
            raise SyncUnavailable(f"HQ is busy or failed (HTTP {status}). Nothing was lost; sync again later.{said}")
        code = ""
        with contextlib.suppress(ValueError):
            body = resp.json()
            code = str(body.get("error", "")) if isinstance(body, dict) else ""
        cls = _BY_CODE.get(code) or _BY_STATUS.get(status, ValidationError)
        message = f"HQ refused this (HTTP {status}): {why}" if why else _DEFAULT.get(
            status, f"HQ refused the request (HTTP {status}).")
        if cls is ValidationError:
            raise ValidationError("", message)
        raise cls(message)

    # ------------------------------------------------------------------ SyncProtocol
    def enroll(self, request: bytes) -> dict[str, Any]:
        resp = self._request("POST", "/v1/enroll", content=request)
        try:
            body = resp.json()
        except ValueError:
            raise UnsupportedFormat("HQ's enrollment answer is not readable.") from None
        if not isinstance(body, dict):
            raise UnsupportedFormat("HQ's enrollment answer is not readable.")
        return body

    def push(self, sealed_batch: bytes) -> bytes:
        return self._request("POST", "/v1/push", content=sealed_batch).content

    def pull(self, device_id: str, cursor: str, limit: int, proof: bytes) -> bytes:
        return self._request("POST", "/v1/pull", json_body={"device_id": device_id, "cursor": cursor,
                                                            "limit": limit, "proof": proof.hex()}).content

    def reference(self, device_id: str, proof: bytes) -> bytes:
        return self._request("POST", "/v1/reference", json_body={"device_id": device_id,
                                                                 "proof": proof.hex()}).content

    def health(self) -> dict[str, Any]:
        """HQ's /v1/health answer. Raises SyncUnavailable when HQ is unreachable or speaks another protocol."""
        resp = self._request("GET", "/v1/health")
        try:
            body = resp.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise SyncUnavailable("The server at this address is not Checkpoint HQ.")
        version = body.get("protocol")
        if version is None:
            raise SyncUnavailable("The server at this address does not say which sync protocol it speaks: it is "
                                  "not Checkpoint HQ, or a very old one.")
        if version not in SUPPORTED:
            raise SyncUnavailable(f"HQ speaks sync protocol {version!r}; this device speaks "
                                  f"{', '.join(map(str, sorted(SUPPORTED)))}. Update the app.")
        return body


# ---------------------------------------------------------------------------------------------- the client
def _key(value: object, name: str) -> bytes:
    """A 32-byte public key from HQ's enrollment answer (hex text)."""
    try:
        key = bytes.fromhex(value) if isinstance(value, str) else b""
    except ValueError:
        key = b""
    if len(key) != 32:
        raise ValidationError(name, "is missing from HQ's answer or is not a 32-byte public key in hex")
    return key


def _verdicts(raw: object) -> dict[str, tuple[str, str]]:
    """Per-event verdicts from an ack, ``{event_id: [verdict, note]}``. Raises BadAck for anything else."""
    if not isinstance(raw, dict):
        raise BadAck("HQ's acknowledgement lists no verdicts.")
    out: dict[str, tuple[str, str]] = {}
    for eid, v in raw.items():
        if not (isinstance(v, list) and len(v) == 2 and isinstance(v[1], str)) or v[0] not in HQ_VERDICTS:
            raise BadAck(f"HQ's acknowledgement has a verdict this device does not know: {str(v)[:60]!r}.")
        out[eid] = (v[0], v[1])
    return out


def pinned_keys(outbox: Outbox) -> tuple[dict[str, Any], bytes, bytes]:
    """(device identity, HQ signing public key, HQ exchange public key) as pinned at enrollment.
    Raises PermissionDenied if the device is not enrolled."""
    enrollment = outbox.enrollment()
    if enrollment is None:
        raise PermissionDenied("This device is not enrolled with HQ yet: enroll it first (HQ gives a token).")
    return (outbox.identity(), bytes.fromhex(enrollment["hq_signing_public"]),
            bytes.fromhex(enrollment["hq_exchange_public"]))


def check_ack(outbox: Outbox, ack: bytes, *, batch_id: str, batch_sha256: str,
              batch_events: Collection[str] | None = None) -> dict[str, tuple[str, str]]:
    """Verify an acknowledgement (over HTTP or from a file) before anything is marked as received: signed by
    HQ's pinned key, for this device, this batch and this exact sealed copy (SHA-256). Returns the verdicts.

    One exception to "this exact copy": HQ answers a batch it already holds under the same id (sealed again by
    this device, e.g. after a restore, or a second USB export) with the very ack it made for the first copy.
    Given ``batch_events`` (the ids in this batch), such an ack is taken when its verdicts name exactly those
    events; it is still HQ's signature over this device's batch id.

    Raises SignatureInvalid (forged or altered), UnsupportedFormat (not an ack), BadAck (another device, batch
    or copy; an unknown verdict), PermissionDenied (not enrolled).
    """
    ident, hq_signing, _ = pinned_keys(outbox)
    doc = open_signed(ACK, ack, hq_signing)
    if doc.get("kind", "ack") != "ack":
        raise BadAck("HQ's answer is not an acknowledgement.")
    if doc.get("device_id") != ident["device_id"]:
        raise BadAck("HQ's acknowledgement is for another device.")
    if doc.get("batch_id") != batch_id:
        raise BadAck("HQ's acknowledgement is for another batch.")
    verdicts = _verdicts(doc.get("verdicts"))
    if doc.get("batch_sha256") != batch_sha256:
        if batch_events is None or set(verdicts) != set(batch_events):
            raise BadAck("HQ's acknowledgement is for another copy of this batch (its SHA-256 differs).")
        log.info("HQ answered batch %s with its acknowledgement of an earlier copy", batch_id)
    return verdicts


def batch_record(outbox: Outbox, batch_id: str) -> tuple[str, str]:
    """(SHA-256 recorded when the batch was last sealed, state) of one of this device's batches. NotFound."""
    found = outbox.batch_state(batch_id)
    if found is None:
        raise NotFound("This acknowledgement is for a batch this device does not have.")
    return found


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
        try:
            blob = self._path(batch_id).read_bytes()
        except OSError:
            return None
        return blob if sha256 and digest(blob) == sha256 else None

    def put(self, batch_id: str, blob: bytes) -> None:
        """Keep a copy (atomically). Failing to is not an error: the batch is sealed again next time."""
        path = self._path(batch_id)
        tmp = path.with_suffix(".part")
        try:
            self.dir.mkdir(mode=0o700, exist_ok=True)
            with open(tmp, "wb") as f:
                f.write(blob)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except OSError as e:
            log.warning("could not keep the sealed copy of batch %s (%s); it will be sealed again if resent",
                        batch_id, e.strerror or e)
            with contextlib.suppress(OSError):
                tmp.unlink()

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


def sealed_copy(session: Session, outbox: Outbox, batch: Batch) -> tuple[bytes, str]:
    """The sealed bytes of ``batch`` and their SHA-256: the kept copy when there is one, else sealed now (to the
    pinned HQ key), kept, and recorded as sealed."""
    ident, _, hq_exchange = pinned_keys(outbox)
    spool = SealedSpool(session.store.path)
    sha, _state = batch_record(outbox, batch.id)
    blob = spool.get(batch.id, sha) if batch.state != "open" else None
    if blob is not None:
        return blob, sha
    blob = seal_batch(batch, ident, hq_exchange, now=session.store.clock.now())
    sha = digest(blob)
    spool.put(batch.id, blob)
    outbox.mark(batch.id, "sealed", sha256=sha)
    return blob, sha


def unacknowledged_batches(outbox: Outbox) -> list[str]:
    return outbox.unacknowledged()


@dataclass(frozen=True)
class Outgoing:
    """A sealed batch on its way to HQ (``SyncClient.prepare_push``)."""

    batch_id: str
    sha256: str
    blob: bytes = field(repr=False)
    event_ids: tuple[str, ...] = field(repr=False)


def _cancelled(cancel: Cancel | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


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
        self.batch_events = batch_events
        self.pull_limit = pull_limit

    # ------------------------------------------------------------------ enrollment
    def enroll(self, hq_url: str, token: str, *, replace: bool = False) -> dict[str, Any]:
        """Enroll this device with a one-time token from HQ and pin HQ's keys (also seals the data key to HQ's
        recovery key, so HQ can help if every passphrase and the recovery code are lost).

        Returns the stored enrollment. Raises ConflictError if already enrolled (before the token is spent),
        ValidationError for an empty token or a malformed answer, and the transport's errors.
        """
        token = (token or "").strip()
        if not token:
            raise ValidationError("token", "is required (HQ gives a one-time enrollment token)")
        if self.outbox.enrollment() is not None and not replace:
            raise ConflictError("This device is already enrolled; HQ must revoke it before it enrolls again "
                                "(then enroll with replace).")
        ident = self.outbox.identity()
        now = self.session.store.clock.now().isoformat()
        request = sign_document(ENROLL, {
            "kind": "enroll", "token": token, "device_id": ident["device_id"], "store_id": ident["store_id"],
            "checkpoint_name": ident["checkpoint_name"], "station_id": ident["station_id"],
            "signing_public": ident["signing_public"].hex(), "requested_at": now}, ident["signing_private"])
        answer = self.transport.enroll(request)
        if not isinstance(answer, Mapping):
            raise UnsupportedFormat("HQ's enrollment answer is not readable.")
        hq_device_id, checkpoint_id = answer.get("hq_device_id"), answer.get("checkpoint_id")
        if not isinstance(hq_device_id, str) or not hq_device_id or not isinstance(checkpoint_id, str):
            raise ValidationError("hq_device_id", "is missing from HQ's answer")
        self.outbox.set_enrollment(
            hq_url=hq_url, hq_device_id=hq_device_id, checkpoint_id=checkpoint_id,
            hq_signing_public=_key(answer.get("hq_signing_public"), "hq_signing_public"),
            hq_exchange_public=_key(answer.get("hq_exchange_public"), "hq_exchange_public"),
            hq_recovery_public=_key(answer.get("hq_recovery_public"), "hq_recovery_public"), replace=replace)
        log.info("enrolled with HQ at %s as %s", hq_url, hq_device_id)
        enrollment = self.outbox.enrollment()
        assert enrollment is not None
        return enrollment

    # ------------------------------------------------------------------ push
    def prepare_push(self, *, exclude: Collection[str] = ()) -> Outgoing | None:
        """DB step 1 of a push: the next batch HQ has not acknowledged, sealed (or its kept copy); None when
        nothing waits. Send ``outgoing.blob`` with ``transport.push`` (on any thread), then call ``finish_push``.
        Raises PermissionDenied if not enrolled."""
        pinned_keys(self.outbox)
        batch = self.outbox.next_batch(max_events=self.batch_events, exclude=exclude)
        if batch is None:
            return None
        blob, sha = sealed_copy(self.session, self.outbox, batch)
        return Outgoing(batch.id, sha, blob, tuple(e["id"] for e in batch.events))

    def finish_push(self, outgoing: Outgoing, ack: bytes | None = None, *,
                    error: CheckpointError | None = None) -> dict[str, int]:
        """DB step 2 of a push: with HQ's answer, verify it and apply the verdicts (returns counts per verdict);
        with the transport's ``error``, record it on the batch and re-raise it. A refused ack is recorded on the
        batch and raised (SignatureInvalid, UnsupportedFormat, BadAck): nothing is marked as received."""
        if error is not None or ack is None:
            err = error or SyncUnavailable("HQ gave no answer.")
            self._record_failure(outgoing.batch_id, err)
            raise err
        self.outbox.mark(outgoing.batch_id, "sent", via="http")
        try:
            verdicts = check_ack(self.outbox, ack, batch_id=outgoing.batch_id, batch_sha256=outgoing.sha256,
                                 batch_events=outgoing.event_ids)
            counts = self.outbox.apply_ack(outgoing.batch_id, verdicts)
        except CheckpointError as e:
            log.warning("acknowledgement for batch %s refused: %s", outgoing.batch_id, e)
            self._record_failure(outgoing.batch_id, e)
            raise
        if batch_record(self.outbox, outgoing.batch_id)[1] == "acked":
            SealedSpool(self.session.store.path).drop(outgoing.batch_id)
        return counts

    def push_all(self, progress: Progress | None = None, cancel: Cancel | None = None) -> dict[str, Any]:
        """Send every event HQ has not acknowledged, batch by batch (``prepare_push``, ``transport.push``,
        ``finish_push``); see the module docstring.

        ``progress(done, total)`` counts events; ``cancel`` (a callable or threading.Event) is checked between
        batches. Returns ``{"batches", "sent", "acknowledged", "verdicts", "errors", "cancelled", "unavailable"}``;
        a failure ends the run and is listed in ``errors`` (the events stay in flight). Raises PermissionDenied if
        not enrolled.
        """
        pinned_keys(self.outbox)                     # PermissionDenied before anything when not enrolled
        st = self.outbox.status()
        total = st["pending"] + st["inflight"]
        out: dict[str, Any] = {"batches": 0, "sent": 0, "acknowledged": 0,
                               "verdicts": dict.fromkeys(HQ_VERDICTS, 0), "errors": [], "cancelled": False,
                               "unavailable": False}
        if progress:
            progress(0, total)
        seen: set[str] = set()
        # While HQ stores one batch, this device prepares (claims and seals) the next: the network call runs on a
        # helper thread that touches only the transport, never the session.
        net = ThreadPoolExecutor(1, thread_name_prefix="checkpoint-push")
        try:
            outgoing = None if _cancelled(cancel) else self.prepare_push()
            while outgoing is not None:
                if outgoing.batch_id in seen:
                    # HQ acknowledged only part of it: do not loop; the rest goes next time.
                    out["errors"].append("HQ did not acknowledge every event of a batch; the rest will be sent "
                                         "again.")
                    break
                seen.add(outgoing.batch_id)
                sending = net.submit(self.transport.push, outgoing.blob)
                following: Outgoing | None = None
                if not _cancelled(cancel):
                    following = self.prepare_push(exclude={outgoing.batch_id})
                try:
                    ack = sending.result()
                except CheckpointError as e:
                    self._record_failure(outgoing.batch_id, e)
                    out["errors"].append(str(e))
                    out["unavailable"] = isinstance(e, SyncUnavailable)
                    break
                out["batches"] += 1
                out["sent"] += len(outgoing.event_ids)
                try:
                    counts = self.finish_push(outgoing, ack)
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
                    out["errors"].append("HQ did not acknowledge every event of a batch; the rest will be sent "
                                         "again.")
                    break
                if _cancelled(cancel):
                    out["cancelled"] = True
                    break
                outgoing = following
            else:
                if _cancelled(cancel):
                    out["cancelled"] = True
        finally:
            net.shutdown(wait=True)
        SealedSpool(self.session.store.path).keep_only(unacknowledged_batches(self.outbox))
        return out

    def _record_failure(self, batch_id: str, e: CheckpointError) -> None:
        log.warning("batch %s not delivered: %s", batch_id, e)
        self.outbox.mark(batch_id, "failed", error=str(e))

    # ------------------------------------------------------------------ pull
    def pull_all(self, cancel: Cancel | None = None) -> dict[str, Any]:
        """Fetch events of this checkpoint's records written elsewhere (a TB outcome recorded at a clinic...),
        page by page, each page verified with HQ's pinned key and applied with its cursor in one transaction.

        Returns ``{"pulled", "applied", "duplicate", "held", "pages", "cancelled"}``. Raises the transport's
        errors, SignatureInvalid or BadAck for an answer that does not verify (nothing applied from it).
        """
        ident, hq_signing, _ = pinned_keys(self.outbox)
        device_id = ident["device_id"]
        out: dict[str, Any] = {"pulled": 0, "applied": 0, "duplicate": 0, "held": 0, "pages": 0,
                               "cancelled": False}
        cursor = self.outbox.pull_cursor()
        for _ in range(MAX_PULL_PAGES):
            if _cancelled(cancel):
                out["cancelled"] = True
                break
            blob = self.transport.pull(device_id, cursor, self.pull_limit,
                                       pull_proof(ident["signing_private"], device_id, cursor))
            doc = open_signed(PULL, blob, hq_signing)
            if doc.get("kind", "pull") != "pull" or doc.get("device_id") != device_id:
                raise BadAck("HQ's pull answer is for another device.")
            if doc.get("cursor", cursor) != cursor:
                raise BadAck("HQ's pull answer is for another position in the log (an old answer replayed?).")
            events, next_cursor, more = doc.get("events"), doc.get("next_cursor"), doc.get("more")
            if not isinstance(events, list) or not isinstance(next_cursor, str) or not isinstance(more, bool):
                raise UnsupportedFormat("HQ's pull answer is not readable.")
            counts = self.outbox.ingest([e for e in events if isinstance(e, dict)], cursor=next_cursor)
            out["pages"] += 1
            out["pulled"] += len(events)
            for k in ("applied", "duplicate", "held"):
                out[k] += counts.get(k, 0)
            if not more or next_cursor == cursor:
                break
            cursor = next_cursor
        return out

    def fetch_reference(self) -> dict[str, Any]:
        """HQ's signed reference data (content versions, code lists, revoked devices), verified with the pinned
        key. Raises the transport's errors and SignatureInvalid."""
        ident, hq_signing, _ = pinned_keys(self.outbox)
        blob = self.transport.reference(ident["device_id"],
                                        reference_proof(ident["signing_private"], ident["device_id"]))
        return open_signed(REFERENCE, blob, hq_signing)

    # ------------------------------------------------------------------ both
    def sync_once(self, progress: Progress | None = None, cancel: Cancel | None = None) -> dict[str, Any]:
        """Push, then pull. Never raises for a network or HQ failure: it is in ``errors`` (plain words).

        Returns ``{"sent", "batches", "acknowledged", "verdicts", "pulled", "applied", "held_incoming",
        "pending", "errors", "complete", "cancelled", "unavailable"}``; ``complete`` is True when HQ has
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
        st = self.outbox.status()
        left = st["pending"] + st["inflight"]
        cancelled = pushed["cancelled"] or pulled["cancelled"]
        return {"sent": pushed["sent"], "batches": pushed["batches"], "acknowledged": pushed["acknowledged"],
                "verdicts": pushed["verdicts"], "pulled": pulled["pulled"], "applied": pulled["applied"],
                "held_incoming": pulled["held"], "pending": left, "errors": errors,
                "complete": left == 0 and not errors and not cancelled, "cancelled": cancelled,
                "unavailable": unavailable}
