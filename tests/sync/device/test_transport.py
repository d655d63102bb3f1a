"""HttpTransport: what each HTTP answer becomes (typed error, plain words), and a real round trip on 127.0.0.1."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from checkpoint.errors import (
    ConflictError,
    DecryptionFailed,
    NotFound,
    PermissionDenied,
    SignatureInvalid,
    UnsupportedFormat,
    ValidationError,
)
from checkpoint.services.outbox import Outbox
from sync.device.client import SyncClient
from sync.device.transport import HttpTransport
from sync.errors import SyncUnavailable
from sync.wire import digest, push_ticket
from tests.support.client_harness import enroll, live, new_device, new_hq
from tests.support.helpers import registration


def transport(handler) -> HttpTransport:
    return HttpTransport("https://hq.test", timeout=2, client=httpx.Client(transport=httpx.MockTransport(handler)))


@pytest.mark.parametrize("status, body, error, words", [
    (503, {"detail": "maintenance until 14:00"}, SyncUnavailable, "maintenance until 14:00"),
    (500, None, SyncUnavailable, "HTTP 500"),
    (429, {"detail": "slow down"}, SyncUnavailable, "slow down"),
    (403, {"detail": "This device was revoked."}, PermissionDenied, "revoked"),
    (401, None, PermissionDenied, "could not verify"),
    (403, None, PermissionDenied, "not enrolled or was revoked"),
    (404, None, NotFound, "check HQ's address"),
    (409, {"message": "already enrolled"}, ConflictError, "already enrolled"),
    (400, {"detail": "The batch header is not valid."}, UnsupportedFormat, "header is not valid"),
    (413, {"detail": "too large"}, ValidationError, "too large"),
    (422, {"detail": [{"loc": ["body"], "msg": "field required"}]}, ValidationError, "HTTP 422"),
    (308, None, ValidationError, "redirects elsewhere"),
])
def test_http_errors_become_typed_plain_errors(status, body, error, words) -> None:
    t = transport(lambda req: httpx.Response(status, json=body) if body is not None else httpx.Response(status))
    with pytest.raises(error) as e:
        t.push(b"CPB1...")
    assert words in str(e.value) and "Traceback" not in str(e.value)


@pytest.mark.parametrize("code, error", [
    ("device_revoked", PermissionDenied), ("device_unknown", PermissionDenied), ("token_rejected", PermissionDenied),
    ("signature_invalid", SignatureInvalid), ("decryption_failed", DecryptionFailed),
    ("unsupported_format", UnsupportedFormat), ("conflict", ConflictError), ("validation", ValidationError),
])
def test_hq_error_codes_pick_the_type(code, error) -> None:
    t = transport(lambda req: httpx.Response(401 if code == "signature_invalid" else 400,
                                             json={"error": code, "message": "HQ's plain reason."}))
    with pytest.raises(error, match="HQ's plain reason"):
        t.push(b"x")


def test_odd_characters_from_hq_are_not_passed_on() -> None:
    t = transport(lambda req: httpx.Response(403, json={"detail": "revoked\x1b[31m\nFAKE PROMPT> " + "x" * 900}))
    with pytest.raises(PermissionDenied) as e:
        t.push(b"x")
    assert "\x1b" not in str(e.value) and "\n" not in str(e.value) and len(str(e.value)) < 500


def test_no_connection_and_timeouts_are_unavailable() -> None:
    with socket.socket() as s:          # a port with nobody listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with HttpTransport(f"http://127.0.0.1:{port}", timeout=2) as t, pytest.raises(SyncUnavailable,
                                                                                  match="could not be reached"):
        t.push(b"x")

    def slow(req: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=req)

    with pytest.raises(SyncUnavailable, match="did not answer in time"):
        transport(slow).pull(b"request")


def test_requests_are_octet_stream_and_health_checks_the_protocol() -> None:
    seen: list[httpx.Request] = []

    def handler(req: httpx.Request) -> httpx.Response:
        seen.append(req)
        if req.url.path == "/v1/health":
            return httpx.Response(200, json={"status": "ok", "protocol": 1})
        return httpx.Response(200, content=b"ACK")

    t = transport(handler)
    assert t.push(b"\x00batch", b"ticket") == b"ACK"
    assert seen[0].headers["content-type"] == "application/octet-stream" and seen[0].content == b"\x00batch"
    assert seen[0].url.path == "/v1/push" and seen[0].method == "POST"
    assert seen[0].headers["x-checkpoint-ticket"] == "dGlja2V0"
    assert t.pull(b"CPR2 signed") == b"ACK" and seen[1].url.path == "/v1/pull" and seen[1].method == "POST"
    assert seen[1].content == b"CPR2 signed" and not seen[1].url.query
    with pytest.raises(SyncUnavailable, match=r"protocol 1.*ask HQ to update it"):
        t.health()
    with pytest.raises(ValidationError):
        HttpTransport("ftp://hq.example.org", timeout=1)


def test_a_round_trip_over_loopback(tmp_path: Path, clock) -> None:
    hq = new_hq(tmp_path, clock=clock)
    s = new_device(tmp_path / "a.db", clock=clock)
    try:
        with live(hq) as url, HttpTransport(url, timeout=10) as t:
            assert t.health()["status"] == "ok"
            client = SyncClient(s, t)
            client.enroll(url, hq.issue_token("Poipet"))
            assert Outbox(s).enrollment()["hq_url"] == url
            for _ in range(3):
                s.registrations.register(**registration())
            summary = client.sync_once()
            assert summary["complete"] and summary["acknowledged"] == summary["sent"] > 0
            assert client.fetch_reference()["revoked_devices"] == []
            ident = Outbox(s).identity()
            with pytest.raises(UnsupportedFormat, match="HQ refused this"):
                t.push(b"not a batch", push_ticket(ident["signing_private"], ident["device_id"],
                                                   digest(b"not a batch"), 11, now=clock.now()))
            other = new_device(tmp_path / "b.db", clock=clock)
            try:
                with pytest.raises(PermissionDenied, match="not known to HQ"):
                    SyncClient(other, t).enroll(url, "AAAA-BBBB", fingerprint=hq.fingerprint())
                assert Outbox(other).enrollment() is None
                enroll(other, hq, t, url=url)
                hq.revoke(other.store.device_id)
                with pytest.raises(PermissionDenied, match="revoked"):
                    SyncClient(other, t).pull_all()
            finally:
                other.lock()
    finally:
        s.lock()
        hq.store.close()
