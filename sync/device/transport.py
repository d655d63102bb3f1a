"""How the device talks to HQ over HTTP(S): ``HttpTransport``, the ``SyncProtocol`` of ``sync.protocol`` on httpx.

    >>> with HttpTransport("https://hq.example.org", timeout=30) as t:          # doctest: +SKIP
    ...     t.health()["protocol"]
    1

Every call carries bytes that are already sealed or signed (``sync.wire``): this module only moves them and turns
HQ's answers into typed errors with plain words. It never touches the store, which is why a push can send one
batch on a helper thread while the calling thread seals the next (``sync.device.push``).

Raises SyncUnavailable (no link, timeout, HQ busy or failing, another protocol: try later) and, for HQ's refusals,
the ``checkpoint.errors`` type HQ's error code or HTTP status names (PermissionDenied, SignatureInvalid, ...).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from typing import Any, Protocol
from urllib.parse import urlsplit

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
from sync.errors import SyncUnavailable
from sync.protocol import SUPPORTED, SyncProtocol
from sync.wire import MAX_DOCUMENT

__all__ = ["HQLink", "HttpTransport", "check_server_url"]

MAX_RESPONSE = MAX_DOCUMENT      # HQ's answers are signed documents: nothing larger is read


class HQLink(SyncProtocol, Protocol):
    """What the desktop's sync holds on to: the protocol, plus HQ's health (the background probe) and close.
    ``HttpTransport`` is one; tests wrap HQ's in-process service."""

    def health(self) -> dict[str, Any]: ...

    def close(self) -> None: ...


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


LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


def check_server_url(url: str) -> str:
    """HQ's address, checked: https://, or http:// to this computer only (127.0.0.1, ::1, localhost) — plain
    HTTP over a network lets anyone on the way read and change the exchange. Raises ValidationError."""
    text = (url or "").strip().rstrip("/")
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 - a bad port raises ValueError here
    except ValueError:
        raise ValidationError("server", "is not a valid address (e.g. https://hq.example.org)") from None
    if parts.scheme not in ("http", "https") or not host:
        raise ValidationError("server", "must be an https:// address (e.g. https://hq.example.org)")
    if parts.scheme == "http" and host not in LOOPBACK:
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

    def __init__(self, base_url: str, *, timeout: float = 30.0, client: httpx.Client | None = None) -> None:
        self.base_url = check_server_url(base_url)
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
