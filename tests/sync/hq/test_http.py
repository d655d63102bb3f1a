"""The HTTP API on a real uvicorn server (127.0.0.1, a free port, a background thread): round trips, size and
rate limits, JSON errors for bad input (never a 500), the published schema."""

from __future__ import annotations

import base64
from collections.abc import Iterator

import httpx
import pytest

from checkpoint.services.outbox import Outbox
from sync.hq.http import RateLimited, RateLimiter, create_app
from sync.wire import PULL, REFERENCE, pull_request
from tests.support.helpers import registration
from tests.support.hq_helpers import (
    FakeDevice,
    LiveServer,
    answer,
    apply,
    enroll_request,
    push_headers,
    rows,
    seal_next,
)

OCTETS = {"Content-Type": "application/octet-stream"}


@pytest.fixture
def live(hq) -> Iterator[tuple[LiveServer, httpx.Client]]:
    with LiveServer(create_app(hq, max_body=1024 * 1024, rate_per_minute=0)) as srv, \
            httpx.Client(base_url=srv.url, timeout=10) as client:
        yield srv, client


def assert_json_error(r: httpx.Response, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error", "message"} and body["message"]
    assert "Traceback" not in r.text and 'File "' not in r.text
    if code:
        assert body["error"] == code
    return body


def test_enroll_push_ack_round_trip_over_http(hq, live, supervisor) -> None:
    _srv, client = live
    ob = Outbox(supervisor)
    ident = ob.identity()
    r = client.post("/v1/enroll", content=enroll_request(ident, hq.issue_token("Poipet")), headers=OCTETS)
    assert r.status_code == 200, r.text
    answer = r.json()
    ob.set_enrollment(hq_url=str(client.base_url), hq_device_id=answer["hq_device_id"],
                      hq_signing_public=bytes.fromhex(answer["hq_signing_public"]),
                      hq_exchange_public=bytes.fromhex(answer["hq_exchange_public"]),
                      hq_recovery_public=bytes.fromhex(answer["hq_recovery_public"]))
    supervisor.registrations.register(**registration())
    b, blob = seal_next(supervisor, hq.keys)
    r = client.post("/v1/push", content=blob, headers=push_headers(ident, blob, now=hq.clock.now()))
    assert r.status_code == 200 and r.headers["content-type"] == "application/octet-stream"
    assert r.headers["x-checkpoint-replay"] == "0"
    body = apply(supervisor, hq.keys, b, r.content)
    assert {v[0] for v in body["verdicts"].values()} == {"accepted"}
    again = client.post("/v1/push", content=blob, headers=push_headers(ident, blob, now=hq.clock.now()))
    assert again.content == r.content and again.headers["x-checkpoint-replay"] == "1"
    assert ob.status()["pending"] == 0 and ob.status()["inflight"] == 0


def test_enroll_accepts_json_and_refuses_bad_tokens_with_403(hq, live) -> None:
    _srv, client = live
    a, b = FakeDevice(), FakeDevice()
    token = hq.issue_token("Poipet")
    req = enroll_request(a.identity, token)
    r = client.post("/v1/enroll", json={"request": base64.b64encode(req).decode()})
    assert r.status_code == 200 and r.json()["hq_device_id"] == a.device_id
    unknown = client.post("/v1/enroll", json={"request": enroll_request(b.identity, "AAAA-BBBB").hex()})
    assert_json_error(unknown, 403, "token_rejected")
    # the same device asking again (its answer was lost) gets the very same signed answer...
    assert client.post("/v1/enroll", content=req, headers=OCTETS).json() == r.json()
    # ...another device with that token is refused: used
    used = client.post("/v1/enroll", content=enroll_request(b.identity, token), headers=OCTETS)
    assert "already used" in assert_json_error(used, 403, "token_rejected")["message"]
    again = enroll_request(a.identity, hq.issue_token("Poipet"))
    assert_json_error(client.post("/v1/enroll", content=again, headers=OCTETS), 409, "conflict")


def test_pull_and_reference_are_signed_requests_over_post_with_sealed_answers(hq, live) -> None:
    _srv, client = live
    a, b = FakeDevice(), FakeDevice()
    a.enroll(hq)
    b.enroll(hq)
    evs = a.events(2)
    blob = a.seal(evs, hq.keys.exchange_public)
    assert client.post("/v1/push", content=blob, headers=a.push_headers(blob)).status_code == 200
    req = b.pull_request("", 10)
    r = client.post("/v1/pull", content=req.blob, headers=OCTETS)
    assert r.status_code == 200, r.text
    body = answer(PULL, r.content, req, hq.keys.signing_public)
    assert [e["id"] for e in body["events"]] == [e["id"] for e in evs]
    req = b.pull_request(body["next_cursor"], 10)
    r = client.post("/v1/pull", content=req.blob, headers=OCTETS)
    assert answer(PULL, r.content, req, hq.keys.signing_public)["events"] == []
    req = b.reference_request()
    r = client.post("/v1/reference", content=req.blob, headers=OCTETS)
    assert answer(REFERENCE, r.content, req, hq.keys.signing_public)["kind"] == "reference"
    forged = pull_request(a.signing_private, b.device_id, "", 10, now=hq.clock.now())
    assert_json_error(client.post("/v1/pull", content=forged.blob, headers=OCTETS), 401, "signature_invalid")


def test_the_get_routes_are_gone(hq, live) -> None:
    """Nothing secret travels in a URL: GET /v1/pull and /v1/reference are 405, with or without a query."""
    _srv, client = live
    dev = FakeDevice()
    dev.enroll(hq)
    for path in ("/v1/pull", "/v1/reference"):
        assert_json_error(client.get(path), 405, "method_not_allowed")
        assert_json_error(client.get(path, params={"device_id": dev.device_id, "proof": "00" * 78}), 405)
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]["/v1/pull"]) == {"post"} and set(schema["paths"]["/v1/reference"]) == {"post"}


def test_an_oversized_body_gets_413_before_anything_is_stored(hq, live) -> None:
    _srv, client = live
    dev = FakeDevice()
    dev.enroll(hq)
    too_big = b"CPB1" + b"\x00" * (1024 * 1024)
    assert_json_error(client.post("/v1/push", content=too_big, headers=dev.push_headers(too_big)), 413, "too_large")

    def chunks() -> Iterator[bytes]:                       # no Content-Length: counted while it streams in
        for _ in range(20):
            yield b"\x00" * (64 * 1024)

    announced = dev.push_headers(b"\x00" * 1000)                       # a ticket for 1,000 bytes, then more
    assert_json_error(client.post("/v1/push", content=chunks(), headers=announced), 400, "validation")
    for path in ("/v1/pull", "/v1/reference", "/v1/enroll"):         # 64 KiB for the small bodies
        assert_json_error(client.post(path, content=chunks(), headers=OCTETS), 413, "too_large")
        assert_json_error(client.post(path, content=b"\x00" * (65 * 1024), headers=OCTETS), 413, "too_large")
    assert rows(hq.store, "batches") == 0
    assert client.get("/v1/health").status_code == 200      # the server is fine afterwards


def test_rate_limit_answers_429_with_retry_after(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    app = create_app(hq, rate_per_minute=6, burst=3)

    def reference(d: FakeDevice) -> httpx.Response:
        return client.post("/v1/reference", content=d.reference_request().blob, headers=OCTETS)

    with LiveServer(app) as srv, httpx.Client(base_url=srv.url, timeout=10) as client:
        codes = [reference(dev).status_code for _ in range(3)]
        assert codes == [200, 200, 200]
        r = reference(dev)
        assert_json_error(r, 429, "rate_limited")
        assert int(r.headers["retry-after"]) >= 1
        # Another device has its own bucket.
        other = FakeDevice()
        other.enroll(hq)
        assert reference(other).status_code == 200


def test_rate_limiter_refills_with_time() -> None:
    now = [0.0]
    rl = RateLimiter(rate=1.0, burst=2, clock=lambda: now[0])
    rl.hit("d")
    rl.hit("d")
    with pytest.raises(RateLimited) as e:
        rl.hit("d")
    assert 0 < e.value.retry_after <= 1
    now[0] += 1.0
    rl.hit("d")


BAD_INPUT = [
    ("post", "/v1/push", {"content": b"garbage", "headers": {**OCTETS, "X-Checkpoint-Ticket": "garbage"}}, 400),
    ("post", "/v1/push", {"content": b"", "headers": {**OCTETS, "X-Checkpoint-Ticket": "00"}}, 400),
    ("post", "/v1/push", {"content": b"x", "headers": {**OCTETS, "X-Checkpoint-Ticket": "~~~"}}, 400),
    ("post", "/v1/enroll", {"content": b"CPE1\xff\xff\xff\xff", "headers": OCTETS}, 400),
    ("post", "/v1/enroll", {"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 400),
    ("post", "/v1/enroll", {"json": {"request": "zz-not-hex-or-base64!"}}, 400),
    ("post", "/v1/pull", {"content": b"", "headers": OCTETS}, 400),
    ("post", "/v1/pull", {"content": b"CPR2\x00\x00\x00\x02{}", "headers": OCTETS}, 400),
    ("post", "/v1/pull", {"content": b"CPR2\xff\xff\xff\xff", "headers": OCTETS}, 400),
    ("post", "/v1/reference", {"content": b"garbage", "headers": OCTETS}, 400),
    ("get", "/v1/nothing-here", {}, 404),
    ("delete", "/v1/push", {}, 405),
]


def test_bad_input_gets_a_json_4xx_never_a_500(live) -> None:
    _srv, client = live
    for method, path, kwargs, status in BAD_INPUT:
        r = client.request(method.upper(), path, **kwargs)
        assert r.status_code == status, (method, path, kwargs, r.text)
        assert_json_error(r, status)


def test_the_openapi_schema_and_health_are_published(hq, live) -> None:
    _srv, client = live
    schema = client.get("/openapi.json").json()
    assert {"/v1/enroll", "/v1/push", "/v1/pull", "/v1/reference", "/v1/health"} <= set(schema["paths"])
    assert "application/octet-stream" in schema["paths"]["/v1/push"]["post"]["requestBody"]["content"]
    health = client.get("/v1/health").json()
    assert health["status"] == "ok" and health["protocol"] == 3
    # The interactive pages are off: they load their scripts from a CDN, and HQ's LAN has no Internet.
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
