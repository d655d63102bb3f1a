"""Sealed batches, signed documents and signed requests: round trip, tampering, wrong keys, replays of another
kind, and the exact bytes (pinned: a change to them is a new protocol version, sync.protocol.HISTORY)."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from checkpoint import crypto
from checkpoint.errors import CheckpointError, DecryptionFailed, SignatureInvalid, UnsupportedFormat
from checkpoint.services.outbox import Outbox
from sync.errors import StaleRequest
from sync.wire import (
    ACK,
    PULL,
    digest,
    open_answer,
    open_batch,
    open_request,
    open_signed,
    peek_batch_header,
    pull_request,
    push_ticket,
    reference_request,
    seal_answer,
    seal_batch,
    sign_document,
)
from tests.support.helpers import registration


@pytest.fixture
def sealed(supervisor):
    supervisor.registrations.register(**registration())
    ob = Outbox(supervisor)
    ident = ob.identity()
    hq_priv, hq_pub = crypto.generate_x25519()
    b = ob.next_batch()
    return seal_batch(b, ident, hq_pub), hq_priv, ident, b


def test_round_trip(sealed) -> None:
    blob, hq_priv, ident, b = sealed
    header, events = open_batch(blob, hq_priv, lambda dev: ident["signing_public"])
    assert header["batch_id"] == b.id and header["count"] == len(b.events)
    assert [e["id"] for e in events] == [e["id"] for e in b.events]
    assert events[1]["payload"] == b.events[1]["payload"]
    assert len(digest(blob)) == 64
    # Nothing readable without the key: names are not in the file.
    assert b"SOK" not in blob and "សុខ".encode() not in blob


def test_every_byte_tampered_is_refused(sealed) -> None:
    blob, hq_priv, ident, _ = sealed
    for i in range(0, len(blob), max(1, len(blob) // 400)):
        bad = bytearray(blob)
        bad[i] ^= 0x01
        with pytest.raises(CheckpointError):
            open_batch(bytes(bad), hq_priv, lambda dev: ident["signing_public"])


def test_wrong_device_key_or_hq_key(sealed) -> None:
    blob, hq_priv, ident, _ = sealed
    _, other_pub = crypto.generate_signing_key()
    with pytest.raises(SignatureInvalid):
        open_batch(blob, hq_priv, lambda dev: other_pub)
    other_priv, _ = crypto.generate_x25519()
    with pytest.raises(DecryptionFailed):
        open_batch(blob, other_priv, lambda dev: ident["signing_public"])


def test_truncated_and_foreign_files(sealed) -> None:
    blob, hq_priv, ident, _ = sealed
    for cut in (0, 3, 8, 100, len(blob) // 2, len(blob) - 1):
        with pytest.raises(CheckpointError):
            open_batch(blob[:cut], hq_priv, lambda dev: ident["signing_public"])
    with pytest.raises(UnsupportedFormat):
        peek_batch_header(b"PK\x03\x04 a zip file")


def test_signed_document_kinds_do_not_cross(sealed) -> None:
    _, _, _, _ = sealed
    priv, pub = crypto.generate_signing_key()
    ack = sign_document(ACK, {"kind": "ack", "batch_id": "x"}, priv)
    assert open_signed(ACK, ack, pub)["batch_id"] == "x"
    with pytest.raises(UnsupportedFormat):
        open_signed(PULL, ack, pub)
    forged = ack.replace(b'"x"', b'"y"')
    with pytest.raises(SignatureInvalid):
        open_signed(ACK, forged, pub)


def test_a_batch_holding_another_devices_event_is_refused_whole(supervisor) -> None:
    supervisor.registrations.register(**registration())
    ob = Outbox(supervisor)
    ident = ob.identity()
    hq_priv, hq_pub = crypto.generate_x25519()
    b = ob.next_batch()
    stray = {**b.events[0], "device_id": "another-device"}
    blob = seal_batch(dataclasses.replace(b, events=(*b.events, stray)), ident, hq_pub)
    with pytest.raises(UnsupportedFormat, match="event of another device"):
        open_batch(blob, hq_priv, lambda dev: ident["signing_public"])


# Fixed inputs and the bytes the protocol (version 1) has always produced for them. Ed25519 signatures are
# deterministic, so these never change unless the wire format does.
KEY = bytes(range(32))
KEY_PUBLIC = bytes.fromhex("03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8")
DEVICE = "5f0c2d3e-device"
ACK_BODY = {"kind": "ack", "batch_id": "b-1", "batch_sha256": "ab" * 32, "device_id": DEVICE,
            "verdicts": {"e-1": ["accepted", ""],
                         "e-2": ["held", "kept; waiting for event 3 of this device before it is applied"]},
            "issued_at": "2026-11-22T01:00:00.000+00:00"}
ACK_JSON = (b'{"batch_id":"b-1","batch_sha256":"' + b"ab" * 32 + b'","device_id":"5f0c2d3e-device",'
            b'"issued_at":"2026-11-22T01:00:00.000+00:00","kind":"ack","v":3,"verdicts":{"e-1":["accepted",""],'
            b'"e-2":["held","kept; waiting for event 3 of this device before it is applied"]}}')
ACK_SHA256 = "4f7d8cc30c8fb05e0b38830fc0cb50ffa3b55d954991a41784aeea2e9ced00e4"   # protocol 3


def test_ack_bytes_are_pinned() -> None:
    ack = sign_document(ACK, ACK_BODY, KEY)
    assert ack[:4] == b"CPA1" and ack[4:8] == len(ACK_JSON).to_bytes(4, "big") and ack[8:8 + len(ACK_JSON)] == ACK_JSON
    assert len(ack) == 393 and hashlib.sha256(ack).hexdigest() == ACK_SHA256
    assert open_signed(ACK, ack, KEY_PUBLIC) == {**ACK_BODY, "v": 3}


def test_requests_verify_only_for_their_device_kind_key_and_time() -> None:
    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    req = pull_request(KEY, DEVICE, "42", 100, now=now)
    assert req.blob[:4] == b"CPR2" and len(req.nonce) == 32
    body = open_request(req.blob, "pull", lambda d: KEY_PUBLIC, now=now)
    assert (body["device_id"], body["cursor"], body["limit"], body["nonce"]) == (DEVICE, "42", 100, req.nonce)
    assert pull_request(KEY, DEVICE, "42", 100, now=now).nonce != req.nonce          # a fresh nonce each time
    _, stranger = crypto.generate_signing_key()
    with pytest.raises(SignatureInvalid):
        open_request(req.blob, "pull", lambda d: stranger, now=now)
    with pytest.raises(SignatureInvalid):
        open_request(req.blob.replace(b'"limit":100', b'"limit":999'), "pull", lambda d: KEY_PUBLIC, now=now)
    with pytest.raises(UnsupportedFormat, match="not a reference request"):
        open_request(req.blob, "reference", lambda d: KEY_PUBLIC, now=now)
    ticket = push_ticket(KEY, DEVICE, "ab" * 32, 1234, now=now)
    assert open_request(ticket, "push", lambda d: KEY_PUBLIC, now=now)["length"] == 1234
    ref = reference_request(KEY, DEVICE, now=now)
    assert open_request(ref.blob, "reference", lambda d: KEY_PUBLIC, now=now)["reply_key"]
    # Within five minutes of HQ's clock either way; beyond, refused with the skew.
    for off in (-299, 299):
        open_request(pull_request(KEY, DEVICE, "", 1, now=now + timedelta(seconds=off)).blob, "pull",
                     lambda d: KEY_PUBLIC, now=now)
    with pytest.raises(StaleRequest, match="ahead of") as e:
        open_request(pull_request(KEY, DEVICE, "", 1, now=now + timedelta(minutes=17)).blob, "pull",
                     lambda d: KEY_PUBLIC, now=now)
    assert round(e.value.skew) == 17 * 60 and e.value.hq_time.startswith("2026-12-02T12:00:00")
    with pytest.raises(StaleRequest, match="behind"):
        open_request(req.blob, "pull", lambda d: KEY_PUBLIC, now=now + timedelta(hours=3))     # a captured one
    for junk in (b"", b"CPR2", b"CPR2" + b"\x00" * 4, b"CPB1" + b"\x00" * 40, b"x" * 5000, "text"):
        with pytest.raises(UnsupportedFormat):
            open_request(junk, "pull", lambda d: KEY_PUBLIC, now=now)


def test_a_sealed_answer_opens_only_with_its_own_request() -> None:
    req, other = pull_request(KEY, DEVICE, "", 10), pull_request(KEY, DEVICE, "", 10)
    body = open_request(req.blob, "pull", lambda d: KEY_PUBLIC, now=datetime.now(UTC))
    doc = sign_document(PULL, {"kind": "pull", "events": [{"payload": "a name"}]}, KEY)
    sealed = seal_answer(doc, body)
    assert b"a name" not in sealed and doc not in sealed
    assert open_answer(sealed, req) == doc
    with pytest.raises(DecryptionFailed):
        open_answer(sealed, other)                                     # another request's reply key
    with pytest.raises(DecryptionFailed):
        open_answer(sealed, dataclasses.replace(req, nonce=other.nonce))   # the right key, another request
