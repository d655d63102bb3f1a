"""How the device talks to HQ over HTTP(S): ``HttpTransport``, the ``SyncProtocol`` of ``sync.protocol`` on httpx.

    >>> with HttpTransport("https://hq.example.org", timeout=30) as t:          # doctest: +SKIP
    ...     t.health()["protocol"]
    1

Every call carries bytes that are already sealed or signed (``sync.wire``): this module only moves them and turns
HQ's answers into typed errors with plain words. It never touches the store, which is why a push can send one
batch on a helper thread while the calling thread seals the next (``sync.device.push``).

Answers are read as they stream in and reading stops at ``MAX_RESPONSE`` (64 MiB and a little: HQ's documents are
never larger), or before a byte when HQ declares a larger Content-Length; an error answer is read to 64 KiB at most.

Raises SyncUnavailable (no link, timeout, HQ busy or failing, another protocol: try later), UpdateRequired (HQ
needs a newer app: HTTP 426), StaleRequest (this computer's clock is more than five minutes from HQ's; the message
says by how much and what to do) and, for HQ's other refusals, the ``checkpoint.errors`` type HQ's error code or
HTTP status names (PermissionDenied, SignatureInvalid, ...).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx

from checkpoint import jsondepth
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
from sync.errors import ReplayedRequest, StaleRequest, SyncUnavailable, UpdateRequired
from sync.protocol import SUPPORTED, SyncProtocol
from sync.wire import MAX_DOCUMENT, MAX_SKEW

__all__ = ["HQLink", "HttpTransport", "check_server_url", "parse_server_url"]

MAX_RESPONSE = MAX_DOCUMENT + 1024   # HQ's answers are (sealed) signed documents: nothing larger is read
MAX_ERROR = 64 * 1024                # an error answer: HQ's JSON is a few hundred bytes
TICKET_HEADER = "X-Checkpoint-Ticket"


class HQLink(SyncProtocol, Protocol):
    """What the desktop's sync holds on to: the protocol, plus HQ's health (the background probe) and close.
    ``HttpTransport`` is one; tests wrap HQ's in-process service."""

    def health(self) -> dict[str, Any]: ...

    def close(self) -> None: ...


_PLAIN = re.compile(r"[^\w .,;:'()/@#%+=?!-]", re.UNICODE)


def _json_of(raw: bytes) -> Any:
    try:
        return jsondepth.loads(raw)
    except ValueError:                      # not JSON, or nested deeper than MAX_DEPTH (TooDeep)
        return None


def _hq_message(raw: bytes) -> str:
    """HQ's own explanation from an error answer, shortened and stripped of anything odd."""
    text = ""
    body = _json_of(raw)
    if isinstance(body, dict):
        for k in ("message", "detail"):
            if isinstance(body.get(k), str):
                text = body[k]
                break
    return _PLAIN.sub(" ", text)[:300].strip()


def _clock_error(body: Mapping[str, Any]) -> StaleRequest:
    """HQ refused a request as stale: say plainly how far this computer's clock is from HQ's."""
    skew = body.get("skew")
    hq_time = body.get("hq_time") if isinstance(body.get("hq_time"), str) else ""
    try:
        shown = datetime.fromisoformat(str(hq_time)).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        shown = ""
    if isinstance(skew, int | float) and not isinstance(skew, bool):
        minutes = max(1, round(abs(skew) / 60))
        off = f"{minutes} minute{'s' if minutes != 1 else ''} {'ahead of' if skew > 0 else 'behind'} HQ's clock"
    else:
        skew, off = 0, "not set the same as HQ's clock"
    at = f" (HQ's time is {shown})" if shown else ""
    return StaleRequest(f"This computer's clock is {off}{at}. HQ accepts requests only within "
                        f"{int(MAX_SKEW.total_seconds() // 60)} minutes of its own time. Set this computer's date, "
                        "time and time zone correctly, then sync again. Nothing was lost.",
                        skew=float(skew), hq_time=str(hq_time))


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: httpx.Headers
    content: bytes


# HQ's error codes (its JSON ``{"error": code, "message": text}``) and, failing that, its HTTP status.
_BY_CODE: dict[str, type[CheckpointError]] = {
    "device_unknown": PermissionDenied, "device_revoked": PermissionDenied, "token_rejected": PermissionDenied,
    "permission_denied": PermissionDenied, "auth": PermissionDenied, "signature_invalid": SignatureInvalid,
    "decryption_failed": DecryptionFailed, "unsupported_format": UnsupportedFormat, "conflict": ConflictError,
    "not_found": NotFound, "validation": ValidationError, "too_large": ValidationError,
    "replayed_request": ReplayedRequest}
_BY_STATUS: dict[int, type[CheckpointError]] = {401: PermissionDenied, 403: PermissionDenied, 404: NotFound,
                                                409: ConflictError, 400: UnsupportedFormat, 415: UnsupportedFormat}
_DEFAULT = {401: "HQ could not verify this device's signature (HTTP 401).",
            403: "HQ refused this device (HTTP 403): it is not enrolled or was revoked.",
            404: "HQ does not know this request (HTTP 404): check HQ's address.",
            409: "HQ refused this as a conflict (HTTP 409).",
            400: "HQ could not read what was sent (HTTP 400).",
            **{c: f"HQ's address redirects elsewhere (HTTP {c}): enroll with its final address (https://...)."
               for c in (301, 302, 303, 307, 308)}}


LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


def parse_server_url(url: str) -> tuple[str, str, str]:
    """(address without a trailing slash, scheme, host in lower case) of an http(s) address with a host and, if
    given, a valid port. Raises ValidationError."""
    text = (url or "").strip().rstrip("/")
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 - a bad port raises ValueError here
    except ValueError:
        raise ValidationError("server", "is not a valid address (e.g. https://hq.example.org)") from None
    if parts.scheme not in ("http", "https") or not host:
        raise ValidationError("server", "must be an https:// address (e.g. https://hq.example.org)")
    return text, parts.scheme, host


def check_server_url(url: str) -> str:
    """HQ's address, checked: https://, or http:// to this computer only (127.0.0.1, ::1, localhost) — plain
    HTTP over a network lets anyone on the way read and change the exchange. Raises ValidationError."""
    text, scheme, host = parse_server_url(url)
    if scheme == "http" and host not in LOOPBACK:
        raise ValidationError("server", "must start with https://: plain http:// is allowed only to this computer "
                                        "(127.0.0.1, ::1, localhost)")
    return text


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

    def __init__(self, base_url: str, *, timeout: float = 30.0, client: httpx.Client | None = None,
                 max_response: int = MAX_RESPONSE) -> None:
        self.base_url = check_server_url(base_url)
        self.max_response = max_response
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
                 json_body: Mapping[str, Any] | None = None, headers: Mapping[str, str] | None = None
                 ) -> _Answer:
        """One exchange; the answer is read as it streams in and reading stops at ``max_response`` bytes (an
        error answer at ``MAX_ERROR`` bytes), so HQ (or whoever answers) can never make this device hold more."""
        url = self.base_url + path
        sent = {**({"Content-Type": "application/octet-stream"} if content is not None else {}), **(headers or {})}
        try:
            with self._client.stream(method, url, content=content, json=json_body, headers=sent) as resp:
                ok = resp.status_code < 300
                body = self._read_capped(resp, self.max_response if ok else MAX_ERROR, strict=ok)
                answer = _Answer(resp.status_code, resp.headers, body)
        except httpx.TimeoutException:
            raise SyncUnavailable("HQ did not answer in time. Nothing was lost; sync again later.") from None
        except (httpx.TransportError, OSError):
            # connect refused, DNS, reset, connection closed mid-answer, incomplete body...
            raise SyncUnavailable("HQ could not be reached (no connection, or it broke off). Nothing was lost; "
                                  "sync again later.") from None
        except httpx.HTTPError as e:
            raise SyncUnavailable(f"The exchange with HQ failed ({type(e).__name__}). Sync again later.") from None
        if answer.status < 300:
            return answer
        self._raise_for(answer)
        raise AssertionError("unreachable")  # pragma: no cover

    @staticmethod
    def _read_capped(resp: httpx.Response, cap: int, *, strict: bool) -> bytes:
        declared = resp.headers.get("content-length", "")
        if strict and declared.isdigit() and int(declared) > cap:
            raise UnsupportedFormat("HQ's answer is larger than allowed; nothing of it was read.")
        buf = bytearray()
        for chunk in resp.iter_bytes():
            buf += chunk
            if len(buf) > cap:
                if strict:
                    raise UnsupportedFormat("HQ's answer is larger than allowed; reading it was stopped.")
                del buf[cap:]
                break
        return bytes(buf)

    @staticmethod
    def _raise_for(resp: _Answer) -> None:
        status, why, body = resp.status, _hq_message(resp.content), _json_of(resp.content)
        if status >= 500 or status in (408, 429):
            said = f" HQ said: {why}" if why else ""
            raise SyncUnavailable(f"HQ is busy or failed (HTTP {status}). Nothing was lost; sync again later.{said}")
        code = str(body.get("error", "")) if isinstance(body, dict) else ""
        if code == "stale_request" and isinstance(body, dict):
            raise _clock_error(body)
        if status == 426 or code == "update_required":
            raise UpdateRequired(f"HQ needs a newer version of this app (HTTP {status}). Update Checkpoint on this "
                                 f"computer, then sync again. Nothing was lost." + (f" HQ said: {why}" if why else ""))
        cls = _BY_CODE.get(code) or _BY_STATUS.get(status, ValidationError)
        message = f"HQ refused this (HTTP {status}): {why}" if why else _DEFAULT.get(
            status, f"HQ refused the request (HTTP {status}).")
        if cls is ValidationError:
            raise ValidationError("", message)
        raise cls(message)

    # ------------------------------------------------------------------ SyncProtocol
    def enroll(self, request: bytes) -> dict[str, Any]:
        resp = self._request("POST", "/v1/enroll", content=request)
        body = _json_of(resp.content)
        if not isinstance(body, dict):
            raise UnsupportedFormat("HQ's enrollment answer is not readable.")
        return body

    def push(self, sealed_batch: bytes, ticket: bytes | None = None) -> bytes:
        """Send a sealed batch with its push ticket (``sync.wire.push_ticket``), which HQ checks before it reads
        the body. Returns HQ's signed ack."""
        headers = {TICKET_HEADER: base64.b64encode(ticket).decode()} if ticket is not None else {}
        return self._request("POST", "/v1/push", content=sealed_batch, headers=headers).content

    def pull(self, request: bytes) -> bytes:
        """Send a signed pull request (``sync.wire.pull_request``); returns HQ's sealed answer."""
        return self._request("POST", "/v1/pull", content=request).content

    def fetch(self, request: bytes) -> bytes:
        """Issue 12: send a signed fetch-back request (``sync.wire.fetch_request``); returns HQ's sealed answer."""
        return self._request("POST", "/v1/fetch", content=request).content

    def checkpoint_key(self, request: bytes) -> bytes:
        """Issue 10, point 11: send a signed checkpoint-key request (``sync.wire.checkpoint_key_request``); returns
        HQ's sealed answer."""
        return self._request("POST", "/v1/checkpoint-key", content=request).content

    def reference(self, request: bytes) -> bytes:
        """Send a signed reference request (``sync.wire.reference_request``); returns HQ's sealed answer."""
        return self._request("POST", "/v1/reference", content=request).content

    def health(self) -> dict[str, Any]:
        """HQ's /v1/health answer. Raises SyncUnavailable when HQ is unreachable or speaks another protocol."""
        resp = self._request("GET", "/v1/health")
        body = _json_of(resp.content)
        if not isinstance(body, dict):
            raise SyncUnavailable("The server at this address is not Checkpoint HQ.")
        version = body.get("protocol")
        if version is None:
            raise SyncUnavailable("The server at this address does not say which sync protocol it speaks: it is "
                                  "not Checkpoint HQ, or a very old one.")
        if version not in SUPPORTED:
            newer = isinstance(version, int) and not isinstance(version, bool) and version > max(SUPPORTED)
            raise SyncUnavailable(f"HQ speaks sync protocol {version!r}; this device speaks "
                                  f"{', '.join(map(str, sorted(SUPPORTED)))}. "
                                  + ("Update the app on this computer." if newer else
                                     "HQ runs an older Checkpoint: ask HQ to update it."))
        return body
