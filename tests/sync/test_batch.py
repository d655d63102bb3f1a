"""Sealed batches and signed documents: round trip, tampering, wrong keys, replays of another kind."""

from __future__ import annotations

import pytest
from helpers import registration

from checkpoint import crypto
from checkpoint.errors import CheckpointError, DecryptionFailed, SignatureInvalid, UnsupportedFormat
from checkpoint.services.outbox import Outbox
from sync.batch import ACK, PULL, digest, open_batch, open_signed, peek_batch_header, seal_batch, sign_document


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
