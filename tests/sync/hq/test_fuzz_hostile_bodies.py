"""Every POST endpoint of HQ's API fed malformed bodies *behind* its signature: an enrolled device (or, for
enrollment, a device signing its own request) signs what it likes, so the checks after the signature must refuse
each shape with a 4xx and a plain message, never a 500 with a traceback in HQ's log. Random mutations of real
requests and batches (fixed seed, bounded): fields of the wrong type, missing or added; huge and non-finite numbers;
nesting 2,000 levels deep; invalid UTF-8; duplicate keys; truncated JSON (signed as truncated); truncated, bit-flipped
and mislabelled blobs; hostile ticket headers. Through HQ's real app served on 127.0.0.1 (``LiveServer``), so a
server exception is seen as a user would see it: a 500. tests/sync/hq/test_fuzz_http.py fuzzes the schema
with unsigned noise; this one reaches the code a signature guards."""

from __future__ import annotations

import base64
import json
import logging
import random
import secrets
import struct
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from checkpoint import crypto
from sync.hq.http import create_app
from sync.protocol import PROTOCOL_VERSION
from sync.wire import BATCH_CONTEXT, BATCH_MAGIC, ENROLL, REQUEST, digest, push_ticket
from tests.support.hq_helpers import FakeDevice, LiveServer

SEED = 20261203
CASES_PER_ENDPOINT = 45
OCTETS = {"Content-Type": "application/octet-stream"}


@dataclass(frozen=True)
class Raw:
    """JSON text written as is (what json.dumps cannot or will not write)."""

    text: str


DEEP = Raw("[" * 1900 + "]" * 1900)
HOSTILE: tuple[Any, ...] = (
    None, True, False, 0, -1, 2**63, -(2**63) - 1, 10**30, 1.5, -0.0, Raw("1e999"), Raw("-1e999"), Raw("NaN"),
    Raw("Infinity"), Raw("1" * 1200), "", "x" * 300, "\u0000", Raw('"\\ud800"'), "é" * 40, [], {}, [1, "a"],
    {"a": {"b": [None]}}, DEEP, Raw('"\xff\xfe"'), "2026-13-45T99:99:99", "9999-12-31T23:59:59-23:59",
    "0001-01-01T00:00:00+23:59", "00" * 32, "zz" * 32, "../../etc/passwd", "' OR 1=1 --")


def enc(v: Any) -> str:
    if isinstance(v, Raw):
        return v.text
    if isinstance(v, dict):
        return "{" + ",".join(json.dumps(str(k)) + ":" + enc(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(enc(x) for x in v) + "]"
    return json.dumps(v)


def mutate(rng: random.Random, body: dict[str, Any]) -> str:
    """The JSON text of a hostile variant of ``body``."""
    b = dict(body)
    how = rng.randrange(9)
    if how <= 2 and b:                                    # a field of the wrong type (most cases)
        b[rng.choice(sorted(b))] = rng.choice(HOSTILE)
    elif how == 3 and b:
        del b[rng.choice(sorted(b))]
    elif how == 4:
        b[rng.choice(["extra", "v", "kind", "__proto__", "é"])] = rng.choice(HOSTILE)
    elif how == 5:
        return enc(rng.choice(HOSTILE))                  # not an object at all
    elif how == 6:
        text = enc(b)
        return text[:rng.randrange(len(text))]           # cut short (and signed as such)
    elif how == 7 and b:
        k = rng.choice(sorted(b))                        # the same key twice: the last one holds a hostile value
        return enc(b)[:-1] + "," + json.dumps(k) + ":" + enc(rng.choice(HOSTILE)) + "}"
    else:
        for k in rng.sample(sorted(b), min(len(b), 2)):
            b[k] = rng.choice(HOSTILE)
    return enc(b)


def utf8(text: str) -> bytes:
    """Text as bytes; a "\\xff\\xfe" in it stays two invalid UTF-8 bytes."""
    return text.encode("utf-8").replace("\xff".encode(), b"\xff").replace("\xfe".encode(), b"\xfe")


def signed(kind: tuple[bytes, bytes], raw: bytes, private: bytes) -> bytes:
    blob = kind[0] + struct.pack(">I", len(raw)) + raw
    return blob + crypto.sign(private, blob, context=kind[1])


def damage(rng: random.Random, blob: bytes) -> bytes:
    """A signed blob truncated, bit-flipped, with a lying length, or replaced by noise."""
    how = rng.randrange(4)
    if how == 0:
        return blob[:rng.randrange(len(blob))]
    if how == 1:
        b = bytearray(blob)
        b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
        return bytes(b)
    if how == 2:
        return blob[:4] + struct.pack(">I", rng.choice([0, 2**32 - 1, len(blob)])) + blob[8:]
    return rng.randbytes(rng.randrange(200))


@dataclass
class Target:
    client: httpx.Client
    hq: Any
    dev: FakeDevice
    rng: random.Random

    def now(self) -> str:
        return self.hq.clock.now().isoformat()

    def nonce(self) -> str:
        return self.rng.randbytes(16).hex()


def request_case(kind: str, path: str, fields: Callable[[Target], dict[str, Any]]) -> Callable[[Target], Any]:
    def case(t: Target) -> Any:
        body = {"v": PROTOCOL_VERSION, "kind": kind, "device_id": t.dev.device_id, "issued_at": t.now(),
                "nonce": t.nonce(), **fields(t)}
        blob = signed(REQUEST, utf8(mutate(t.rng, body)), t.dev.signing_private)
        if t.rng.random() < 0.15:
            blob = damage(t.rng, blob)
        return t.client.post(path, content=blob, headers=OCTETS)
    return case


def reply_key(_t: Target) -> dict[str, Any]:
    return {"reply_key": crypto.generate_x25519()[1].hex()}


def enroll_case(t: Target) -> Any:
    token = t.hq.issue_token("Poipet")
    body = {"v": PROTOCOL_VERSION, "token": token, "device_id": str(t.rng.getrandbits(64)),
            "store_id": "s" + str(t.rng.getrandbits(32)), "checkpoint_name": "Poipet", "station_id": "",
            "signing_public": t.dev.signing_public.hex(), **reply_key(t)}
    blob = signed(ENROLL, utf8(mutate(t.rng, body)), t.dev.signing_private)
    if t.rng.random() < 0.15:
        blob = damage(t.rng, blob)
    if t.rng.random() < 0.3:                              # the JSON form of the same request
        inner = t.rng.choice([base64.b64encode(blob).decode(), blob.hex(), "%%%", "", "é" * 10])
        text = t.rng.choice([json.dumps({"request": inner}), enc(t.rng.choice(HOSTILE)),
                             mutate(t.rng, {"request": inner})])
        return t.client.post("/v1/enroll", content=utf8(text), headers={"Content-Type": "application/json"})
    return t.client.post("/v1/enroll", content=blob, headers=OCTETS)


def push_case(t: Target) -> Any:
    """A batch sealed and signed by the enrolled device, with a hostile header or body, and its valid ticket."""
    evs = t.dev.events(2)
    header = {"v": PROTOCOL_VERSION, "kind": "batch", "batch_id": secrets.token_hex(8), "device_id": t.dev.device_id,
              "store_id": t.dev.store_id, "first_seq": evs[0]["device_seq"], "last_seq": evs[-1]["device_seq"],
              "count": 2, "prev_sha256": "", "created_at": t.now(),
              "hq_key_id": crypto.key_id(t.hq.keys.exchange_public)}
    body_events: list[Any] = [dict(e) for e in evs]
    which = t.rng.randrange(4)
    if which == 0:
        head_text, body_text = mutate(t.rng, header), enc(body_events)
    elif which == 1:
        body_events[t.rng.randrange(2)] = Raw(mutate(t.rng, body_events[0]))
        head_text, body_text = enc(header), enc(body_events)
    elif which == 2:
        head_text, body_text = enc(header), enc(t.rng.choice(HOSTILE))
    else:
        e = dict(body_events[0])
        e["payload"] = Raw(json.dumps(enc(t.rng.choice(HOSTILE))))        # a payload that is hostile JSON text
        body_events[0] = e
        head_text, body_text = enc(header), enc(body_events)
    head = utf8(head_text)
    sealed = crypto.seal(t.hq.keys.exchange_public, zlib.compress(utf8(body_text)), context=BATCH_CONTEXT + b"|" + head)
    blob = BATCH_MAGIC + struct.pack(">I", len(head)) + head + struct.pack(">I", len(sealed)) + sealed
    blob += crypto.sign(t.dev.signing_private, blob, context=BATCH_CONTEXT)
    if t.rng.random() < 0.1:
        blob = damage(t.rng, blob)
    ticket = push_ticket(t.dev.signing_private, t.dev.device_id, digest(blob), len(blob), now=t.hq.clock.now())
    if t.rng.random() < 0.2:                              # a hostile ticket instead
        tb = {"v": PROTOCOL_VERSION, "kind": "push", "device_id": t.dev.device_id, "issued_at": t.now(),
              "nonce": t.nonce(), "sha256": digest(blob), "length": len(blob)}
        ticket = signed(REQUEST, utf8(mutate(t.rng, tb)), t.dev.signing_private)
    value: str | bytes = base64.b64encode(ticket).decode() if t.rng.random() < 0.9 else \
        t.rng.choice(["%%", b"\xc3\xa9\xff", "a" * 9000, "AA", "=" * 12])
    return t.client.post("/v1/push", content=blob, headers={**OCTETS, "X-Checkpoint-Ticket": value})


FORM_VALUES = ("", "a" * 5000, "%00", "%ff%fe", "%c3%28", "%ud800", "\u0000", "1e999", "[[[[", "' OR 1=1 --")


def sign_in_case(t: Target) -> Any:
    """The dashboard's one form open to anyone: a real CSRF token (from the sign-in page) or none, and hostile fields;
    or a body that is no form at all."""
    page = t.client.get("/hq/sign-in")
    token = page.cookies.get("checkpoint_hq_pre", "") or next(iter(page.cookies.values()), "")
    fields = {"csrf": token if t.rng.random() < 0.7 else t.rng.choice(FORM_VALUES),
              "username": t.rng.choice(FORM_VALUES), "passphrase": t.rng.choice(FORM_VALUES),
              "code": t.rng.choice(FORM_VALUES)}
    body = "&".join(f"{k}={v}" for k, v in fields.items()).encode()
    if t.rng.random() < 0.25:
        body = t.rng.choice([b"\xff\xfe\x00", b"&" * 5000, b"=" * 100, b"a=" + b"%" * 300, b"a=1&" * 200,
                             utf8(enc(DEEP))])
    return t.client.post("/hq/sign-in", content=body, headers={"Content-Type": "application/x-www-form-urlencoded"})


ENDPOINTS: dict[str, Callable[[Target], Any]] = {
    "/hq/sign-in": sign_in_case,
    "/v1/enroll": enroll_case,
    "/v1/push": push_case,
    "/v1/pull": request_case("pull", "/v1/pull", lambda t: {"cursor": "", "limit": 100, **reply_key(t)}),
    "/v1/reference": request_case("reference", "/v1/reference", reply_key),
    "/v1/fetch": request_case("fetch", "/v1/fetch", lambda t: {"person_id": str(t.rng.getrandbits(64)),
                                                               "reason": "a record back", **reply_key(t)}),
    "/v1/checkpoint-key": request_case("checkpoint_key", "/v1/checkpoint-key", reply_key),
}


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """PostgreSQL too: its text cannot hold a NUL, where SQLite's can (skipped, saying why, without it)."""
    return str(request.param)


def test_hostile_bodies_behind_the_signature_get_a_4xx_with_a_plain_message(hq, caplog) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    caplog.set_level(logging.WARNING)
    app = create_app(hq, max_body=256 * 1024, rate_per_minute=0, web={"sign_in_burst": 10**6})
    started = time.monotonic()
    statuses: dict[str, dict[int, int]] = {}
    bad: list[str] = []
    with LiveServer(app) as srv, httpx.Client(base_url=srv.url, timeout=30) as client:
        t = Target(client, hq, dev, random.Random(SEED))
        for path, case in ENDPOINTS.items():
            for n in range(CASES_PER_ENDPOINT if path != "/hq/sign-in" else CASES_PER_ENDPOINT // 2):  # scrypt
                r = case(t)
                statuses.setdefault(path, {}).setdefault(r.status_code, 0)
                statuses[path][r.status_code] += 1
                if r.status_code >= 500:
                    bad.append(f"{path} #{n}: {r.status_code} {r.text[:200]}")
                elif r.status_code >= 400 and path.startswith("/hq/"):       # a page, in the user's words
                    if "<h1" not in r.text and "error" not in r.text.lower():
                        bad.append(f"{path} #{n}: {r.status_code} without a page saying why")
                elif r.status_code >= 400:
                    answer = r.json()
                    message = str(answer.get("message", ""))
                    if not answer.get("error") or len(message) < 12 or "Traceback" in message:
                        bad.append(f"{path} #{n}: {r.status_code} unclear answer {answer}")
    elapsed = time.monotonic() - started
    print(f"\n{sum(sum(s.values()) for s in statuses.values())} hostile requests in {elapsed:.1f} s: {statuses}")
    logged = [f"{r.name} {r.levelname}: {r.getMessage()}" for r in caplog.records if r.levelno >= logging.ERROR
              or r.exc_info]
    assert not bad, "\n".join(bad)
    assert not logged, "\n".join(logged)
    assert all(set(s) - {200} for s in statuses.values()), statuses          # each endpoint refused something
    assert elapsed < 20


def _batch(t: Target, header_changes: dict[str, Any]) -> Any:
    evs = t.dev.events(1)
    header = {"v": PROTOCOL_VERSION, "kind": "batch", "batch_id": secrets.token_hex(8), "device_id": t.dev.device_id,
              "store_id": t.dev.store_id, "first_seq": evs[0]["device_seq"], "last_seq": evs[0]["device_seq"],
              "count": 1, "prev_sha256": "", "created_at": t.now(), "hq_key_id": "", **header_changes}
    head = utf8(enc(header))
    sealed = crypto.seal(t.hq.keys.exchange_public, zlib.compress(utf8(enc(evs))), context=BATCH_CONTEXT + b"|" + head)
    blob = BATCH_MAGIC + struct.pack(">I", len(head)) + head + struct.pack(">I", len(sealed)) + sealed
    blob += crypto.sign(t.dev.signing_private, blob, context=BATCH_CONTEXT)
    ticket = push_ticket(t.dev.signing_private, t.dev.device_id, digest(blob), len(blob), now=t.hq.clock.now())
    return t.client.post("/v1/push", content=blob,
                         headers={**OCTETS, "X-Checkpoint-Ticket": base64.b64encode(ticket).decode()})


def test_what_the_fuzz_found_is_refused_plainly(hq) -> None:
    """Each was a 500 (or, on PostgreSQL, a 503 "database unavailable") before: a batch header whose version is a
    list (TypeError: unhashable), whose sequence numbers are true/false (PostgreSQL: cannot cast boolean to bigint),
    a pull whose limit is true, and a sign-in form whose CSRF token holds non-ASCII text (compare_digest: TypeError)."""
    dev = FakeDevice()
    dev.enroll(hq)
    app = create_app(hq, max_body=256 * 1024, rate_per_minute=0)
    with LiveServer(app) as srv, httpx.Client(base_url=srv.url, timeout=30) as client:
        t = Target(client, hq, dev, random.Random(SEED))
        for changes, said in (({"v": [1]}, "version [1] is not supported"), ({"first_seq": True}, "lacks first_seq"),
                              ({"last_seq": False}, "lacks last_seq"), ({"count": True}, "lacks count")):
            r = _batch(t, changes)
            assert (r.status_code, r.json()["error"]) == (400, "unsupported_format") and said in r.json()["message"]
        body = {"v": PROTOCOL_VERSION, "kind": "pull", "device_id": dev.device_id, "issued_at": t.now(),
                "nonce": t.nonce(), "cursor": "", "limit": True, **reply_key(t)}
        r = client.post("/v1/pull", content=signed(REQUEST, utf8(enc(body)), dev.signing_private), headers=OCTETS)
        assert r.status_code == 400 and "limit: is missing or malformed" in r.json()["message"]
        client.get("/hq/sign-in")
        r = client.post("/hq/sign-in", content=b"csrf=%C3%A9t%C3%A9&username=a&passphrase=b&code=1",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert r.status_code == 403 and "This form has expired" in r.text
    assert hq.stats()["events"] == 0
