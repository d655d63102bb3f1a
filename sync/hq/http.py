"""The HQ HTTP API: FastAPI over ``HQService``, served by uvicorn (``checkpoint-hq serve``).

    >>> app = create_app(HQService(HQStore.open(url), load_keys(dir, passphrase)))         # doctest: +SKIP
    >>> uvicorn.run(app, host="127.0.0.1", port=8443, ssl_keyfile=..., ssl_certfile=...)   # doctest: +SKIP

Endpoints (``/openapi.json`` publishes the schema):

- ``POST /v1/enroll``  body: the device's signed ENROLL request (application/octet-stream), or JSON
  ``{"request": hex or base64}``; answer: JSON with HQ's public keys.
- ``POST /v1/push``    header ``X-Checkpoint-Ticket``: the device's signed push ticket (``sync.wire.push_ticket``,
  base64), checked *before* the body is read: enrolled device, signature, fresh (5 minutes either side of HQ's
  clock), nonce never seen, declared length within the cap. Then the body (a sealed batch, at most 64 MiB) is
  streamed to an unlinked temporary file (mode 0600) while it is counted and hashed, and must be the length and
  SHA-256 the ticket announced. At most ``push_slots`` pushes at once (else 503 with Retry-After). Answer: the
  signed ack.
- ``POST /v1/pull``, ``POST /v1/reference``  body: a signed request (``sync.wire.pull_request`` /
  ``reference_request``, at most 64 KiB); answer: the signed document sealed to the request's reply key. No GET:
  nothing secret ever sits in a URL (or an access log).
- ``POST /v1/checkpoint-key``  body: a signed request (``sync.wire.checkpoint_key_request``); answer: the signed
  CHECKPOINT_KEY document (the key of the device's own checkpoint, issue 10 point 11) sealed to the reply key.
- ``GET /v1/health``   the database answers; HQ's key ids; the protocol version.

Every refusal is a 4xx with JSON ``{"error": code, "message": plain text}`` (the codes of
``checkpoint.errors``/``sync.errors``, see ``error_status``): 400 unreadable input, 401 a signature, request or
ticket that does not verify, is stale (then also ``"hq_time"``) or replayed, 403 unknown or revoked device /
unusable token, 409 conflict, 413 body too large (every body is counted as it streams in, chunked included;
64 KiB for enroll, pull and reference), 426 a client of an older protocol (update required), 429 rate limited
(with Retry-After). A database that does not answer, or too many pushes at once, is a 503. No traceback ever
reaches a client; a client that disconnects mid-upload is one log line.

Rate limits: each verified device has its own bucket; a request that does not verify (unknown device, bad
signature, stale, replayed, unreadable) spends the small budget of its client address, and an address whose
budget is spent is refused before anything is checked. So a forged device id never spends a real device's budget.

Transport security: bind 127.0.0.1 (the default) behind a TLS-terminating reverse proxy (nginx, Caddy), or give
uvicorn a certificate (``checkpoint-hq serve --ssl-certfile cert.pem --ssl-keyfile key.pem``). Batches and
documents are sealed and signed end to end either way; TLS protects metadata and the enrollment exchange.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
import math
import re
import tempfile
import threading
import time
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Receive, Scope, Send

from checkpoint.errors import (
    AuthError,
    CheckpointError,
    ConflictError,
    NotFound,
    SignatureInvalid,
    StoreError,
    ValidationError,
)
from sync.errors import DeviceRevoked, DeviceUnknown, StaleRequest, TokenRejected, UpdateRequired
from sync.hq.service import HQService, check_ticket_body
from sync.hq.store import plain_error
from sync.protocol import PROTOCOL_VERSION
from sync.wire import MAX_BATCH_BYTES

__all__ = ["RateLimiter", "create_app"]

log = logging.getLogger("checkpoint.hq")

SMALL_BODY = 64 * 1024           # enroll, pull, reference
TICKET_HEADER = "x-checkpoint-ticket"
MAX_TICKET_HEADER = 8192
SPOOL_CHUNK = 1024 * 1024
OCTETS = "application/octet-stream"
_BINARY_BODY = {"requestBody": {"required": True, "content": {
    OCTETS: {"schema": {"type": "string", "format": "binary"}}}}}
_ERROR_SCHEMA = {"type": "object", "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
                 "required": ["error", "message"]}
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": text, "content": {"application/json": {"schema": _ERROR_SCHEMA}}}
    for code, text in ((400, "unreadable or invalid input"), (401, "signature or proof does not verify"),
                       (403, "device unknown or revoked, or token unusable"), (409, "conflict"),
                       (413, "body too large"), (426, "update required: a client of an older protocol"),
                       (429, "rate limited"), (503, "database unavailable, or too many pushes at once"))}
_SIGNED: dict[int | str, dict[str, Any]] = {
    200: {"description": "a signed Checkpoint document", "content": {OCTETS: {}}}}


class TooLarge(CheckpointError):
    """The request body is larger than this server accepts."""

    code = "too_large"


class Busy(CheckpointError):
    """Too many pushes at once: try again shortly."""

    code = "busy"


class RateLimited(CheckpointError):
    """Too many requests: wait before trying again."""

    code = "rate_limited"

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        super().__init__(f"Too many requests from this device: try again in {math.ceil(retry_after)} s.")


class RateLimiter:
    """Token buckets per key (a device id, else the client address), in memory.

    Each key may make ``burst`` requests at once and then ``rate`` per second. ``clock`` is injectable.

        >>> rl = RateLimiter(rate=1, burst=2, clock=lambda: 0.0)
        >>> rl.hit("d"); rl.hit("d")
        >>> rl.hit("d")
        Traceback (most recent call last):
        ...
        sync.hq.http.RateLimited: Too many requests from this device: try again in 1 s.
    """

    MAX_KEYS = 10_000

    def __init__(self, *, rate: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.burst, self.clock = rate, burst, clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def _tokens(self, key: str, now: float) -> float:
        """``key``'s tokens now: what it had, refilled at ``rate`` since its last request, at most ``burst``."""
        tokens, last = self._buckets.get(key, (float(self.burst), now))
        return min(float(self.burst), tokens + (now - last) * self.rate)

    def hit(self, key: str) -> None:
        """Take one token for ``key``; raises RateLimited (with retry_after) when the bucket is empty."""
        if self.rate <= 0:
            return
        now = self.clock()
        with self._lock:
            tokens = self._tokens(key, now)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                raise RateLimited((1 - tokens) / self.rate)
            self._buckets[key] = (tokens - 1, now)
            if len(self._buckets) > self.MAX_KEYS:
                self._prune(now)

    def check(self, key: str) -> None:
        """Raise RateLimited if ``key``'s bucket is empty now, without taking a token."""
        if self.rate <= 0:
            return
        now = self.clock()
        with self._lock:
            tokens = self._tokens(key, now)
        if tokens < 1:
            raise RateLimited((1 - tokens) / self.rate)

    def _prune(self, now: float) -> None:
        full = [k for k in self._buckets if self._tokens(k, now) >= self.burst]   # a full bucket is a new one
        for k in full:
            del self._buckets[k]
        while len(self._buckets) > self.MAX_KEYS:          # still too many: forget the oldest
            del self._buckets[min(self._buckets, key=lambda k: self._buckets[k][1])]


class BodyLimit:
    """ASGI middleware: every request body is capped, ``limit`` for ``/v1/push`` and ``small`` for everything
    else. A Content-Length over the cap gets 413 before a byte is read; a chunked body (no Content-Length) is
    counted as it streams in and the request fails with 413 at the first byte over the cap."""

    def __init__(self, app: ASGIApp, limit: int, small: int = SMALL_BODY) -> None:
        self.app, self.limit, self.small = app, limit, small

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit if scope.get("path") == "/v1/push" else self.small
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    n = int(value)
                except ValueError:
                    n = -1
                if n < 0 or n > limit:
                    await _too_large(n, limit)(scope, receive, send)
                    return
        seen = 0

        async def counted() -> Any:
            nonlocal seen
            message = await receive()
            if message.get("type") == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise TooLarge(_too_large_text(limit))
            return message

        await self.app(scope, counted, send)


def _too_large_text(limit: int) -> str:
    return (f"The request body is larger than this server accepts ({limit // (1024 * 1024) or limit // 1024} "
            f"{'MiB' if limit >= 1024 * 1024 else 'KiB'}).")


def _too_large(n: int, limit: int) -> JSONResponse:
    msg = _too_large_text(limit) if n >= 0 else "The Content-Length header is invalid."
    return JSONResponse({"error": "too_large" if n >= 0 else "validation", "message": msg},
                        status_code=413 if n >= 0 else 400, headers={"Connection": "close"})


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, counted while it streams in (a chunked upload has no Content-Length to check first)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise TooLarge(_too_large_text(limit))
    chunks: list[bytes] = []
    n = 0
    async for chunk in request.stream():
        n += len(chunk)
        if n > limit:
            raise TooLarge(_too_large_text(limit))
        chunks.append(chunk)
    return b"".join(chunks)


_HEX = re.compile(r"(?:[0-9a-fA-F]{2})+")


def _decode(value: str, name: str) -> bytes:
    """Bytes given as hex or base64 (standard or URL-safe) text."""
    if not isinstance(value, str) or not value:
        raise ValidationError(name, "is required (hex or base64)")
    if _HEX.fullmatch(value):
        return bytes.fromhex(value)
    try:
        return base64.b64decode(value.replace("-", "+").replace("_", "/") + "=" * (-len(value) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError(name, "is neither hex nor base64") from None


class EnrollBody(BaseModel):
    request: str = Field(max_length=SMALL_BODY, description="the signed ENROLL request, hex or base64")


class EnrollAnswer(BaseModel):
    hq_device_id: str
    checkpoint_id: str
    hq_signing_public: str
    hq_exchange_public: str
    hq_recovery_public: str
    answer: str = Field(description="HQ's keys in an ENROLL_ANSWER document signed by HQ and bound to the request "
                                    "(hex); devices pin only what it holds")
    checkpoint_key: str | None = Field(default=None, description="issue 10: the checkpoint's protection key, sealed "
                                       "to the request's reply key (hex); its public half is in the signed answer")


def error_status(e: CheckpointError) -> int:
    """The HTTP status for a typed error (documented in the OpenAPI schema)."""
    if isinstance(e, DeviceUnknown | DeviceRevoked | TokenRejected):
        return 403
    if isinstance(e, SignatureInvalid | AuthError):
        return 401
    if isinstance(e, ConflictError):
        return 409
    if isinstance(e, NotFound):
        return 404
    if isinstance(e, StoreError | Busy):
        return 503
    if isinstance(e, UpdateRequired):
        return 426
    return 400


UPDATE_REQUIRED = ("This device's Checkpoint app is too old for this HQ (sync protocol {v} is needed): update the "
                   "app, then sync again. Nothing was lost.")


def create_app(service: HQService, *, max_body: int = MAX_BATCH_BYTES, rate_per_minute: float = 120,
               burst: int = 60, unverified_per_minute: float = 20, unverified_burst: int = 10,
               push_slots: int = 4, spool_dir: str | None = None,
               clock: Callable[[], float] = time.monotonic, web: dict[str, Any] | None = None) -> FastAPI:
    """The FastAPI application for one ``HQService``.

    ``max_body`` caps a pushed batch (default 64 MiB, the batch format's own cap); every other body is capped at
    64 KiB. Each verified device may send ``burst`` requests at once and then ``rate_per_minute``; requests
    that do not verify spend their client address's smaller budget (``unverified_*``); ``rate_per_minute=0``
    disables both.
    At most ``push_slots`` pushes are received and ingested at once; their bodies are spooled in ``spool_dir``
    (default: the system's temporary folder).
    ``web``: keyword arguments for the dashboard (``sync.hq.web.mount_web``: clock, session lifetimes).
    """
    app = FastAPI(title="Checkpoint HQ", version=str(PROTOCOL_VERSION),
                  description="Sync endpoint of Checkpoint headquarters: enrollment, sealed batches and signed "
                              "acknowledgements, pull of this checkpoint's records, reference data.",
                  # No interactive API pages: /docs and /redoc pull their scripts from a CDN (HQ's LAN is
                  # offline) and are no part of the dashboard. The protocol's schema stays published.
                  docs_url=None, redoc_url=None)
    limiter = RateLimiter(rate=rate_per_minute / 60.0, burst=burst, clock=clock)
    unverified = RateLimiter(rate=unverified_per_minute / 60.0 if rate_per_minute > 0 else 0,
                             burst=unverified_burst, clock=clock)
    app.state.service = service
    app.state.limiter = limiter
    app.state.unverified = unverified
    app.state.pushing = 0

    def client_key(request: Request) -> str:
        return f"addr:{request.client.host if request.client else '?'}"

    async def verified(request: Request, blob: bytes, kind: str) -> dict[str, Any]:
        """The checked request (``HQService.check_request``); a failure spends the client address's budget, and
        an address with no budget left is refused before anything is checked. Then the device's own budget."""
        address = client_key(request)
        unverified.check(address)
        admitted: list[str] = []

        def admit(device_id: str) -> None:        # signature and time verified: the device's own budget
            admitted.append(device_id)
            limiter.hit(f"device:{device_id}")

        try:
            checked: dict[str, Any] = await run_in_threadpool(service.check_request, blob, kind, admit)
        except CheckpointError as e:
            if not admitted and not isinstance(e, StoreError):
                with contextlib.suppress(RateLimited):
                    unverified.hit(address)
            raise
        return checked

    # -------------------------------------------------------------- errors: always JSON, never a traceback
    @app.exception_handler(CheckpointError)
    async def _typed(_request: Request, e: CheckpointError) -> JSONResponse:
        if isinstance(e, TooLarge):
            return JSONResponse({"error": e.code, "message": str(e)}, status_code=413, headers={"Connection": "close"})
        if isinstance(e, RateLimited):
            return JSONResponse({"error": e.code, "message": str(e)}, status_code=429,
                                headers={"Retry-After": str(max(1, math.ceil(e.retry_after)))})
        if isinstance(e, Busy):
            return JSONResponse({"error": e.code, "message": str(e)}, status_code=503,
                                headers={"Retry-After": "5", "Connection": "close"})
        if isinstance(e, StaleRequest):
            return JSONResponse({"error": e.code, "message": str(e), "hq_time": e.hq_time, "skew": round(e.skew)},
                                status_code=401)
        status = error_status(e)
        if status >= 500:
            log.error("%s: %s", type(e).__name__, e)
        # A refused request's body may be unread (a push refused from its ticket): close rather than drain it.
        return JSONResponse({"error": e.code, "message": str(e)}, status_code=status,
                            headers={"Connection": "close"})

    @app.exception_handler(ClientDisconnect)
    async def _gone(request: Request, _e: ClientDisconnect) -> Response:
        log.info("%s %s from %s: the client disconnected before its request was complete", request.method,
                 request.url.path, request.client.host if request.client else "?")
        return Response(status_code=400)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, e: RequestValidationError) -> JSONResponse:
        parts = []
        for err in e.errors()[:5]:
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("body", "query"))
            parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return JSONResponse({"error": "validation", "message": "; ".join(parts) or "The request is not valid."},
                            status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, e: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(e.status_code, "http")
        return JSONResponse({"error": code, "message": str(e.detail)}, status_code=e.status_code,
                            headers=getattr(e, "headers", None))

    @app.exception_handler(SQLAlchemyError)
    async def _database(_request: Request, e: SQLAlchemyError) -> JSONResponse:
        log.error("database error: %s", plain_error(e))
        return JSONResponse({"error": "store", "message": "The HQ database is unavailable; nothing was lost. Try "
                                                          "again later."}, status_code=503)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, e: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return JSONResponse({"error": "internal", "message": "HQ could not handle this request; the error was "
                                                             "logged on the server."}, status_code=500)

    # -------------------------------------------------------------- endpoints
    @app.get("/v1/health", summary="The server and its database answer")
    def health() -> dict[str, Any]:
        return {**service.health(), "protocol": PROTOCOL_VERSION}

    @app.post("/v1/enroll", summary="Enroll a device with a one-time token", response_model=EnrollAnswer,
              responses=_ERRORS, openapi_extra={"requestBody": {"required": True, "content": {
                  OCTETS: {"schema": {"type": "string", "format": "binary"}},
                  "application/json": {"schema": EnrollBody.model_json_schema()}}}})
    async def enroll(request: Request) -> dict[str, Any]:
        limiter.hit(client_key(request))
        raw = await _read_body(request, SMALL_BODY)
        if request.headers.get("content-type", "").split(";")[0].strip().lower() == "application/json":
            try:
                body = EnrollBody.model_validate_json(raw)
            except ValueError:
                raise ValidationError("request", "the JSON body must be {\"request\": hex or base64}") from None
            raw = _decode(body.request, "request")
        result: dict[str, Any] = await run_in_threadpool(service.enroll, raw)
        return result

    @app.post("/v1/push", summary="Push a sealed batch; returns the signed acknowledgement",
              response_class=Response, responses={**_SIGNED, **_ERRORS},
              openapi_extra={**_BINARY_BODY, "parameters": [{
                  "name": "X-Checkpoint-Ticket", "in": "header", "required": True, "schema": {"type": "string"},
                  "description": "the device's signed push ticket (sync.wire.push_ticket), base64"}]})
    async def push(request: Request) -> Response:
        value = request.headers.get(TICKET_HEADER)
        if not value:
            raise UpdateRequired(UPDATE_REQUIRED.format(v=PROTOCOL_VERSION))
        if len(value) > MAX_TICKET_HEADER:
            raise ValidationError("X-Checkpoint-Ticket", "is too long")
        ticket = await verified(request, _decode(value, "X-Checkpoint-Ticket"), "push")
        length = int(ticket["length"])
        if length > max_body:
            raise TooLarge(_too_large_text(max_body))
        declared = request.headers.get("content-length")
        if declared is not None and declared.strip() != str(length):
            raise ValidationError("Content-Length", "differs from the length the push ticket announced")
        if app.state.pushing >= push_slots:
            raise Busy("HQ is receiving as many batches as it can right now; nothing was lost. Try again in a few "
                       "seconds.")
        app.state.pushing += 1
        try:
            blob = await _spool(request, length, spool_dir)
            result = await run_in_threadpool(_ingest, blob, ticket)
        finally:
            app.state.pushing -= 1
        return Response(result.ack, media_type=OCTETS,
                        headers={"X-Checkpoint-Replay": "1" if result.replay else "0"})

    def _ingest(blob: bytes, ticket: dict[str, Any]) -> Any:
        check_ticket_body(ticket, blob)
        return service.ingest(blob)

    async def _signed_request(request: Request, kind: str) -> dict[str, Any]:
        raw = await _read_body(request, SMALL_BODY)
        if request.headers.get("content-type", "").split(";")[0].strip().lower() == "application/json" \
                or raw[:1] == b"{":
            raise UpdateRequired(UPDATE_REQUIRED.format(v=PROTOCOL_VERSION))
        return await verified(request, raw, kind)

    @app.post("/v1/pull", summary="Events of this checkpoint's records written elsewhere, after a cursor",
              description="Body: a signed pull request (application/octet-stream). Answer: the signed pull "
                          "document sealed to the request's reply key.",
              response_class=Response, responses={**_SIGNED, **_ERRORS}, openapi_extra=_BINARY_BODY)
    async def pull(request: Request) -> Response:
        checked = await _signed_request(request, "pull")
        return Response(await run_in_threadpool(service.answer_pull, checked), media_type=OCTETS)

    @app.post("/v1/reference", summary="Signed reference data: revoked devices, code-list overrides",
              description="Body: a signed reference request (application/octet-stream). Answer: the signed "
                          "reference document sealed to the request's reply key.",
              response_class=Response, responses={**_SIGNED, **_ERRORS}, openapi_extra=_BINARY_BODY)
    async def reference(request: Request) -> Response:
        checked = await _signed_request(request, "reference")
        return Response(await run_in_threadpool(service.answer_reference, checked), media_type=OCTETS)

    @app.post("/v1/fetch", summary="Issue 12: one record's events back for the device that minimised it",
              description="Body: a signed fetch-back request (person id, reason). Answer: the signed document of "
                          "the person's events this device may hold, sealed to the request's reply key. "
                          "Journalled with the reason.",
              response_class=Response, responses={**_SIGNED, **_ERRORS}, openapi_extra=_BINARY_BODY)
    async def fetch(request: Request) -> Response:
        checked = await _signed_request(request, "fetch")
        return Response(await run_in_threadpool(service.answer_fetch, checked), media_type=OCTETS)

    @app.post("/v1/checkpoint-key", summary="Issue 10: this device's checkpoint protection key, sealed to it",
              description="Body: a signed checkpoint-key request (a reply key). Answer: the signed document holding "
                          "the key of the device's own checkpoint, sealed to the request's reply key.",
              response_class=Response, responses={**_SIGNED, **_ERRORS}, openapi_extra=_BINARY_BODY)
    async def checkpoint_key(request: Request) -> Response:
        checked = await _signed_request(request, "checkpoint_key")
        return Response(await run_in_threadpool(service.answer_checkpoint_key, checked), media_type=OCTETS)

    from sync.hq.web import mount_web  # the dashboard (#15) under /hq/: its own routes and headers only

    mount_web(app, service, **(web or {}))
    app.add_middleware(BodyLimit, limit=max_body)
    return app


async def _spool(request: Request, length: int, spool_dir: str | None) -> bytes:
    """The body of an authenticated push: streamed to an unlinked temporary file (mode 0600, gone when closed,
    even if HQ dies) while it is counted, then read back once it is all there and no longer than announced."""
    with tempfile.TemporaryFile(prefix="checkpoint-push-", dir=spool_dir) as f:
        n = 0
        async for chunk in request.stream():
            n += len(chunk)
            if n > length:
                raise ValidationError("body", "is longer than the push ticket announced")
            f.write(chunk)
        if n != length:
            raise ValidationError("body", "is shorter than the push ticket announced")
        f.seek(0)
        return await run_in_threadpool(f.read)
