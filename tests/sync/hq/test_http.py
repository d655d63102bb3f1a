"""The HTTP API on a real uvicorn server (127.0.0.1, a free port, a background thread): round trips, size and
rate limits, JSON errors for bad input (never a 500), the published schema."""

from __future__ import annotations

import base64
from collections.abc import Iterator

import httpx
import pytest

from checkpoint.services.outbox import Outbox
from sync.hq.http import RateLimited, RateLimiter, create_app
from sync.wire import PULL, REFERENCE, open_signed, pull_proof, reference_proof
from tests.support.helpers import registration
from tests.support.hq_helpers import FakeDevice, LiveServer, apply, enroll_request, rows, seal_next

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
    r = client.post("/v1/push", content=blob, headers=OCTETS)
    assert r.status_code == 200 and r.headers["content-type"] == "application/octet-stream"
    assert r.headers["x-checkpoint-replay"] == "0"
    body = apply(supervisor, hq.keys, b, r.content)
    assert {v[0] for v in body["verdicts"].values()} == {"accepted"}
    again = client.post("/v1/push", content=blob, headers=OCTETS)
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


def test_pull_and_reference_over_get_and_post(hq, live) -> None:
    _srv, client = live
    a, b = FakeDevice(), FakeDevice()
    a.enroll(hq)
    b.enroll(hq)
    evs = a.events(2)
    assert client.post("/v1/push", content=a.seal(evs, hq.keys.exchange_public), headers=OCTETS).status_code == 200
    r = client.get("/v1/pull", params={"device_id": b.device_id, "cursor": "", "limit": 10,
                                       "proof": pull_proof(b.signing_private, b.device_id, "").hex()})
    assert r.status_code == 200, r.text
    body = open_signed(PULL, r.content, hq.keys.signing_public)
    assert [e["id"] for e in body["events"]] == [e["id"] for e in evs]
    proof = base64.urlsafe_b64encode(pull_proof(b.signing_private, b.device_id, body["next_cursor"])).decode()
    r = client.post("/v1/pull", json={"device_id": b.device_id, "cursor": body["next_cursor"], "limit": 10,
                                      "proof": proof})
    assert open_signed(PULL, r.content, hq.keys.signing_public)["events"] == []
    r = client.get("/v1/reference", params={"device_id": b.device_id,
                                            "proof": reference_proof(b.signing_private, b.device_id).hex()})
    assert open_signed(REFERENCE, r.content, hq.keys.signing_public)["kind"] == "reference"
    bad = client.get("/v1/pull", params={"device_id": b.device_id, "proof": "00" * 78})
    assert_json_error(bad, 401, "signature_invalid")


def test_an_oversized_body_gets_413_before_anything_is_stored(hq, live) -> None:
    _srv, client = live
    too_big = b"CPB1" + b"\x00" * (1024 * 1024)
    assert_json_error(client.post("/v1/push", content=too_big, headers=OCTETS), 413, "too_large")

    def chunks() -> Iterator[bytes]:                       # no Content-Length: counted while it streams in
        for _ in range(20):
            yield b"\x00" * (64 * 1024)

    assert_json_error(client.post("/v1/push", content=chunks(), headers=OCTETS), 413, "too_large")
    assert rows(hq.store, "batches") == 0
    assert client.get("/v1/health").status_code == 200      # the server is fine afterwards


def test_rate_limit_answers_429_with_retry_after(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    app = create_app(hq, rate_per_minute=6, burst=3)
    params = {"device_id": dev.device_id, "proof": reference_proof(dev.signing_private, dev.device_id).hex()}
    with LiveServer(app) as srv, httpx.Client(base_url=srv.url, timeout=10) as client:
        codes = [client.get("/v1/reference", params=params).status_code for _ in range(3)]
        assert codes == [200, 200, 200]
        r = client.get("/v1/reference", params=params)
        assert_json_error(r, 429, "rate_limited")
        assert int(r.headers["retry-after"]) >= 1
        # Another device has its own bucket.
        other = FakeDevice()
        other.enroll(hq)
        r = client.get("/v1/reference", params={"device_id": other.device_id, "proof": reference_proof(
            other.signing_private, other.device_id).hex()})
        assert r.status_code == 200


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
    ("post", "/v1/push", {"content": b"garbage", "headers": OCTETS}, 400),
    ("post", "/v1/push", {"content": b"", "headers": OCTETS}, 400),
    ("post", "/v1/push", {"json": {"a": 1}}, 400),
    ("post", "/v1/enroll", {"content": b"CPE1\xff\xff\xff\xff", "headers": OCTETS}, 400),
    ("post", "/v1/enroll", {"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 400),
    ("post", "/v1/enroll", {"json": {"request": "zz-not-hex-or-base64!"}}, 400),
    ("get", "/v1/pull", {}, 400),
    ("get", "/v1/pull", {"params": {"device_id": "x", "limit": "many", "proof": "00"}}, 400),
    ("get", "/v1/pull", {"params": {"device_id": "nobody", "proof": "00" * 78}}, 403),
    ("get", "/v1/pull", {"params": {"device_id": "a\x00b", "proof": "00"}}, 400),
    ("post", "/v1/pull", {"content": b"[]", "headers": {"Content-Type": "application/json"}}, 400),
    ("get", "/v1/reference", {"params": {"device_id": "nobody", "proof": "~~~"}}, 400),
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
    assert health["status"] == "ok" and health["protocol"] == 1
