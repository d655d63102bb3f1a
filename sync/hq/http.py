"""The HQ HTTP API: FastAPI over ``HQService``, served by uvicorn (``checkpoint-hq serve``).

    >>> app = create_app(HQService(HQStore.open(url), load_keys(dir, passphrase)))         # doctest: +SKIP
    >>> uvicorn.run(app, host="127.0.0.1", port=8443, ssl_keyfile=..., ssl_certfile=...)   # doctest: +SKIP

Endpoints (``/openapi.json`` publishes the schema):

- ``POST /v1/enroll``  body: the device's signed ENROLL request (application/octet-stream), or JSON
  ``{"request": hex or base64}``; answer: JSON with HQ's public keys.
- ``POST /v1/push``    body: a sealed batch (application/octet-stream, at most 64 MiB); answer: the signed ack.
- ``GET|POST /v1/pull`` ``device_id``, ``cursor``, ``limit``, ``proof`` (hex or base64) as query parameters or a
  JSON body; answer: the signed pull document (application/octet-stream).
- ``GET|POST /v1/reference`` ``device_id``, ``proof``; answer: signed reference data.
- ``GET /v1/health``   the database answers; HQ's key ids.

Every refusal is a 4xx with JSON ``{"error": code, "message": plain text}`` (the codes of
``checkpoint.errors``/``sync.errors``, see ``error_status``): 400 unreadable input, 401 a signature or proof
that does not verify, 403 unknown or revoked device / unusable token, 409 conflict, 413 body too large
(checked from Content-Length before anything is read, and while reading), 429 rate limited (with
Retry-After). A database that does not answer is a 503. No traceback ever reaches a client.

Transport security: bind 127.0.0.1 (the default) behind a TLS-terminating reverse proxy (nginx, Caddy), or give
uvicorn a certificate (``checkpoint-hq serve --ssl-certfile cert.pem --ssl-keyfile key.pem``). Batches and
documents are sealed and signed end to end either way; TLS protects metadata and the enrollment exchange.
"""

from __future__ import annotations

import base64
import binascii
import logging
import math
import re
import threading
import time
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
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
from sync.errors import DeviceRevoked, DeviceUnknown, TokenRejected
from sync.hq.service import HQService
from sync.hq.store import plain_error
from sync.protocol import PROTOCOL_VERSION
from sync.wire import MAX_BATCH_BYTES, peek_batch_header

__all__ = ["RateLimiter", "create_app"]

log = logging.getLogger("checkpoint.hq")

SMALL_BODY = 256 * 1024          # enroll, pull, reference
OCTETS = "application/octet-stream"
_BINARY_BODY = {"requestBody": {"required": True, "content": {
    OCTETS: {"schema": {"type": "string", "format": "binary"}}}}}
_ERROR_SCHEMA = {"type": "object", "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
                 "required": ["error", "message"]}
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": text, "content": {"application/json": {"schema": _ERROR_SCHEMA}}}
    for code, text in ((400, "unreadable or invalid input"), (401, "signature or proof does not verify"),
                       (403, "device unknown or revoked, or token unusable"), (409, "conflict"),
                       (413, "body too large"), (429, "rate limited"), (503, "database unavailable"))}
_SIGNED: dict[int | str, dict[str, Any]] = {
    200: {"description": "a signed Checkpoint document", "content": {OCTETS: {}}}}


class TooLarge(CheckpointError):
    """The request body is larger than this server accepts."""

    code = "too_large"


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

    def hit(self, key: str) -> None:
        """Take one token for ``key``; raises RateLimited (with retry_after) when the bucket is empty."""
        if self.rate <= 0:
            return
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                raise RateLimited((1 - tokens) / self.rate)
            self._buckets[key] = (tokens - 1, now)
            if len(self._buckets) > self.MAX_KEYS:
                self._prune(now)

    def _prune(self, now: float) -> None:
        full = [k for k, (t, last) in self._buckets.items() if t + (now - last) * self.rate >= self.burst]
        for k in full:
            del self._buckets[k]
        while len(self._buckets) > self.MAX_KEYS:          # still too many: forget the oldest
            del self._buckets[min(self._buckets, key=lambda k: self._buckets[k][1])]


class BodyLimit:
    """ASGI middleware: a request whose Content-Length is over the limit gets 413 before a byte is read."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for name, value in scope.get("headers", ()):
                if name == b"content-length":
                    try:
                        n = int(value)
                    except ValueError:
                        n = -1
                    if n < 0 or n > self.limit:
                        await _too_large(n, self.limit)(scope, receive, send)
                        return
        await self.app(scope, receive, send)


def _too_large(n: int, limit: int) -> JSONResponse:
    msg = (f"The request body is larger than this server accepts ({limit // (1024 * 1024) or limit} "
           f"{'MiB' if limit >= 1024 * 1024 else 'bytes'})." if n >= 0 else "The Content-Length header is invalid.")
    return JSONResponse({"error": "too_large" if n >= 0 else "validation", "message": msg},
                        status_code=413 if n >= 0 else 400, headers={"Connection": "close"})


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, counted while it streams in (a chunked upload has no Content-Length to check first)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"The request body is larger than this server accepts ({limit} bytes).")
    chunks: list[bytes] = []
    n = 0
    async for chunk in request.stream():
        n += len(chunk)
        if n > limit:
            raise TooLarge(f"The request body is larger than this server accepts ({limit} bytes).")
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


class PullBody(BaseModel):
    device_id: str = Field(max_length=64)
    cursor: str = Field("", max_length=20)
    limit: int = Field(1000, ge=1, le=100_000)
    proof: str = Field(max_length=512, description="the device's proof, hex or base64")


class ReferenceBody(BaseModel):
    device_id: str = Field(max_length=64)
    proof: str = Field(max_length=512, description="the device's proof, hex or base64")


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
    if isinstance(e, StoreError):
        return 503
    return 400


def create_app(service: HQService, *, max_body: int = MAX_BATCH_BYTES, rate_per_minute: float = 120,
               burst: int = 60, clock: Callable[[], float] = time.monotonic) -> FastAPI:
    """The FastAPI application for one ``HQService``.

    ``max_body`` caps a pushed batch (default 64 MiB, the batch format's own cap); each device (or, before it
    is known, each client address) may send ``burst`` requests at once and then ``rate_per_minute``
    (0 disables the limit).
    """
    app = FastAPI(title="Checkpoint HQ", version=str(PROTOCOL_VERSION),
                  description="Sync endpoint of Checkpoint headquarters: enrollment, sealed batches and signed "
                              "acknowledgements, pull of this checkpoint's records, reference data.")
    limiter = RateLimiter(rate=rate_per_minute / 60.0, burst=burst, clock=clock)
    app.state.service = service
    app.state.limiter = limiter

    def client_key(request: Request) -> str:
        return f"addr:{request.client.host if request.client else '?'}"

    def device_key(request: Request, device_id: str) -> str:
        return f"device:{device_id}" if service.is_device(device_id) else client_key(request)

    # -------------------------------------------------------------- errors: always JSON, never a traceback
    @app.exception_handler(CheckpointError)
    async def _typed(_request: Request, e: CheckpointError) -> JSONResponse:
        if isinstance(e, TooLarge):
            return JSONResponse({"error": e.code, "message": str(e)}, status_code=413, headers={"Connection": "close"})
        if isinstance(e, RateLimited):
            return JSONResponse({"error": e.code, "message": str(e)}, status_code=429,
                                headers={"Retry-After": str(max(1, math.ceil(e.retry_after)))})
        status = error_status(e)
        if status >= 500:
            log.error("%s: %s", type(e).__name__, e)
        return JSONResponse({"error": e.code, "message": str(e)}, status_code=status)

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
              response_class=Response, responses={**_SIGNED, **_ERRORS}, openapi_extra=_BINARY_BODY)
    async def push(request: Request) -> Response:
        body = await _read_body(request, max_body)
        header = peek_batch_header(body)
        await run_in_threadpool(limiter.hit, device_key(request, str(header["device_id"])))
        result = await run_in_threadpool(service.ingest, body)
        return Response(result.ack, media_type=OCTETS,
                        headers={"X-Checkpoint-Replay": "1" if result.replay else "0"})

    async def _pull(request: Request, device_id: str, cursor: str, limit: int, proof: str) -> Response:
        await run_in_threadpool(limiter.hit, device_key(request, device_id))
        doc = await run_in_threadpool(service.pull, device_id, cursor, limit, _decode(proof, "proof"))
        return Response(doc, media_type=OCTETS)

    @app.get("/v1/pull", summary="Events of this checkpoint's records written elsewhere, after a cursor",
             response_class=Response, responses={**_SIGNED, **_ERRORS})
    async def pull_get(request: Request, device_id: str = Query(max_length=64), cursor: str = Query("", max_length=20),
                       limit: int = Query(1000, ge=1, le=100_000), proof: str = Query(max_length=512)) -> Response:
        return await _pull(request, device_id, cursor, limit, proof)

    @app.post("/v1/pull", summary="Same as GET /v1/pull, parameters in a JSON body", response_class=Response,
              responses={**_SIGNED, **_ERRORS})
    async def pull_post(request: Request, body: PullBody) -> Response:
        return await _pull(request, body.device_id, body.cursor, body.limit, body.proof)

    async def _reference(request: Request, device_id: str, proof: str) -> Response:
        await run_in_threadpool(limiter.hit, device_key(request, device_id))
        doc = await run_in_threadpool(service.reference, device_id, _decode(proof, "proof"))
        return Response(doc, media_type=OCTETS)

    @app.get("/v1/reference", summary="Signed reference data: revoked devices, code-list overrides",
             response_class=Response, responses={**_SIGNED, **_ERRORS})
    async def reference_get(request: Request, device_id: str = Query(max_length=64),
                            proof: str = Query(max_length=512)) -> Response:
        return await _reference(request, device_id, proof)

    @app.post("/v1/reference", summary="Same as GET /v1/reference, parameters in a JSON body",
              response_class=Response, responses={**_SIGNED, **_ERRORS})
    async def reference_post(request: Request, body: ReferenceBody) -> Response:
        return await _reference(request, body.device_id, body.proof)

    app.add_middleware(BodyLimit, limit=max_body)
    return app

