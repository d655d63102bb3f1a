"""Issue 10, point 11: HQ's side of the checkpoint protection keys (sync.hq.checkpointkeys), on SQLite and on
PostgreSQL's real cluster. One key per checkpoint however many devices enroll at once; given only to an active
device, of its own checkpoint, sealed to the reply key of its request; a replayed request gets nothing."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint import crypto
from checkpoint.errors import CheckpointError
from sync.errors import DeviceRevoked, ReplayedRequest
from sync.hq.service import HQService
from sync.hq.store import checkpoint_keys
from sync.wire import (
    CHECKPOINT_KEY,
    ENROLL,
    checkpoint_key_request,
    open_answer,
    open_enroll_answer,
    open_enroll_key,
    open_signed,
    sign_document,
)
from tests.support.hq_helpers import FakeDevice

N = 6


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _request(dev: FakeDevice, token: str, reply_public: bytes | None) -> bytes:
    ident = dev.identity
    body = {"token": token, "device_id": ident["device_id"], "store_id": ident["store_id"],
            "checkpoint_name": ident["checkpoint_name"], "station_id": "",
            "signing_public": ident["signing_public"].hex()}
    if reply_public is not None:
        body["reply_key"] = reply_public.hex()
    return sign_document(ENROLL, body, ident["signing_private"])


def _enroll(hq: HQService, dev: FakeDevice) -> bytes:
    """Enroll with a reply key; the checkpoint's private key as the device opens and checks it."""
    reply_private, reply_public = crypto.generate_x25519()
    req = _request(dev, hq.issue_token(dev.checkpoint_name), reply_public)
    answer = hq.enroll(req)
    body = open_enroll_answer(bytes.fromhex(answer["answer"]), hq.fingerprint(), dev.device_id, req)
    return open_enroll_key(bytes.fromhex(answer["checkpoint_key"]), reply_private, req,
                           bytes.fromhex(body["checkpoint_public"]))


def _ask(hq: HQService, dev: FakeDevice) -> dict[str, Any]:
    req = checkpoint_key_request(dev.signing_private, dev.device_id, now=hq.clock.now())
    return open_signed(CHECKPOINT_KEY, open_answer(hq.checkpoint_key(req.blob), req), hq.keys.signing_public)


def test_devices_of_one_checkpoint_enrolling_at_once_get_one_key(hq: HQService) -> None:
    devs = [FakeDevice() for _ in range(N)]
    tokens = [hq.issue_token("Poipet") for _ in devs]
    keys: list[bytes] = []
    errors: list[BaseException] = []
    start = threading.Barrier(N)
    lock = threading.Lock()

    def one(dev: FakeDevice, token: str) -> None:
        reply_private, reply_public = crypto.generate_x25519()
        req = _request(dev, token, reply_public)
        start.wait()
        try:
            answer = hq.enroll(req)
            body = open_enroll_answer(bytes.fromhex(answer["answer"]), hq.fingerprint(), dev.device_id, req)
            key = open_enroll_key(bytes.fromhex(answer["checkpoint_key"]), reply_private, req,
                                  bytes.fromhex(body["checkpoint_public"]))
        except BaseException as e:
            with lock:
                errors.append(e)
        else:
            with lock:
                keys.append(key)

    threads = [threading.Thread(target=one, args=(d, t)) for d, t in zip(devs, tokens, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == [] and len(keys) == N
    assert len(set(keys)) == 1, "devices of one checkpoint got different keys"
    with hq.store.read() as conn:
        rows = conn.execute(sa.select(checkpoint_keys)).all()
    assert len(rows) == 1 and rows[0].public == crypto.x25519_public(keys[0]).hex()
    assert keys[0].hex() not in rows[0].sealed_private


def test_each_checkpoint_has_its_own_key_and_a_device_gets_only_its_own(hq: HQService) -> None:
    a, b, c = FakeDevice(), FakeDevice(), FakeDevice(checkpoint_name="Bavet")
    ka, kb, kc = _enroll(hq, a), _enroll(hq, b), _enroll(hq, c)
    assert ka == kb != kc
    doc = _ask(hq, c)                                  # Bavet's device, asking as a sync does
    assert doc["device_id"] == c.device_id and bytes.fromhex(doc["private"]) == kc
    assert _ask(hq, a)["private"] == ka.hex()


def test_an_older_device_s_enrollment_gets_no_key_but_its_request_does(hq: HQService) -> None:
    dev = FakeDevice()
    answer = hq.enroll(_request(dev, hq.issue_token("Poipet"), None))
    assert "checkpoint_key" not in answer
    doc = _ask(hq, dev)
    assert crypto.x25519_public(bytes.fromhex(doc["private"])).hex() == doc["public"]


def test_a_revoked_device_and_a_replayed_request_get_nothing(hq: HQService) -> None:
    dev = FakeDevice()
    _enroll(hq, dev)
    req = checkpoint_key_request(dev.signing_private, dev.device_id, now=hq.clock.now())
    hq.checkpoint_key(req.blob)
    with pytest.raises(ReplayedRequest):
        hq.checkpoint_key(req.blob)
    hq.revoke(dev.device_id, "laptop stolen")
    with pytest.raises(DeviceRevoked):
        _ask(hq, dev)
    stranger = FakeDevice()                           # never enrolled: its signed request names no device HQ knows
    with pytest.raises(CheckpointError):
        _ask(hq, stranger)
