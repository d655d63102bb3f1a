"""Sealed batches, signed documents and request proofs: round trip, tampering, wrong keys, replays of another
kind, and the exact bytes (pinned: a change to them is a new protocol version, sync.protocol.HISTORY)."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest

from checkpoint import crypto
from checkpoint.errors import CheckpointError, DecryptionFailed, SignatureInvalid, UnsupportedFormat
from checkpoint.services.outbox import Outbox
from sync.wire import (
    ACK,
    PULL,
    digest,
    open_batch,
    open_signed,
    peek_batch_header,
    pull_proof,
    reference_proof,
    seal_batch,
    sign_document,
    verify_pull_proof,
    verify_reference_proof,
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
PULL_PROOF_42 = ("43505347010156475aa75463474c43d360baa765bb3c05fa2455b1c5e2ca166f6583ae3644156229012ef45494ce9099"
                 "a3a0ce230055fb30f0173b686c2455eb7c491301ae2a1732916edbc4a70b")
REFERENCE_PROOF = ("43505347010156475aa75463474ca88ea58043852690258e0079c7a34674144e63ff0297839d9433d9637ba239a98ca2f7"
                   "19602c2cba5d8142cd0e54d47f9f45346ca80d3fcd22239a440064b70d")
ACK_BODY = {"kind": "ack", "batch_id": "b-1", "batch_sha256": "ab" * 32, "device_id": DEVICE,
            "verdicts": {"e-1": ["accepted", ""],
                         "e-2": ["held", "kept; waiting for event 3 of this device before it is applied"]},
            "issued_at": "2026-11-22T01:00:00.000+00:00"}
ACK_JSON = (b'{"batch_id":"b-1","batch_sha256":"' + b"ab" * 32 + b'","device_id":"5f0c2d3e-device",'
            b'"issued_at":"2026-11-22T01:00:00.000+00:00","kind":"ack","v":1,"verdicts":{"e-1":["accepted",""],'
            b'"e-2":["held","kept; waiting for event 3 of this device before it is applied"]}}')
ACK_SHA256 = "24250c119d7de0d092bc787a51d81b0346f1ea355929cc7b86e9180a51728396"


def test_proof_and_ack_bytes_are_pinned() -> None:
    assert pull_proof(KEY, DEVICE, "42").hex() == PULL_PROOF_42
    assert reference_proof(KEY, DEVICE).hex() == REFERENCE_PROOF
    ack = sign_document(ACK, ACK_BODY, KEY)
    assert ack[:4] == b"CPA1" and ack[4:8] == len(ACK_JSON).to_bytes(4, "big") and ack[8:8 + len(ACK_JSON)] == ACK_JSON
    assert len(ack) == 393 and hashlib.sha256(ack).hexdigest() == ACK_SHA256
    assert open_signed(ACK, ack, KEY_PUBLIC) == {**ACK_BODY, "v": 1}


def test_proofs_verify_only_for_their_device_message_and_key() -> None:
    verify_pull_proof(KEY_PUBLIC, bytes.fromhex(PULL_PROOF_42), DEVICE, "42")
    verify_reference_proof(KEY_PUBLIC, bytes.fromhex(REFERENCE_PROOF), DEVICE)
    verify_reference_proof(KEY_PUBLIC, pull_proof(KEY, DEVICE, ""), DEVICE)    # a cursor-less pull proof too
    _, stranger = crypto.generate_signing_key()
    refused = [
        (verify_pull_proof, KEY_PUBLIC, bytes.fromhex(PULL_PROOF_42), DEVICE, "43", "does not verify"),
        (verify_pull_proof, KEY_PUBLIC, bytes.fromhex(PULL_PROOF_42), "other-device", "42", "does not verify"),
        (verify_pull_proof, stranger, bytes.fromhex(PULL_PROOF_42), DEVICE, "42", "does not verify"),
        (verify_pull_proof, KEY_PUBLIC, bytes.fromhex(REFERENCE_PROOF), DEVICE, "", "does not verify"),
        (verify_pull_proof, KEY_PUBLIC, b"\x00" * 78, DEVICE, "42", "does not verify"),
        (verify_pull_proof, KEY_PUBLIC, "not bytes", DEVICE, "42", "missing or malformed"),
        (verify_pull_proof, KEY_PUBLIC, b"x" * 1025, DEVICE, "42", "missing or malformed"),
    ]
    for fn, public, proof, device, cursor, message in refused:
        with pytest.raises(SignatureInvalid, match=message):
            fn(public, proof, device, cursor)
    with pytest.raises(SignatureInvalid, match="does not verify"):
        verify_reference_proof(KEY_PUBLIC, pull_proof(KEY, DEVICE, "42"), DEVICE)
