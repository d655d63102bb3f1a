"""Ed25519 signatures (CPSG), key fingerprints and constant-time comparison."""

import hashlib
import struct

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from checkpoint.crypto import constant_time_equal, generate_signing_key, key_id, sign, verify
from checkpoint.errors import SignatureInvalid, UnsupportedFormat, ValidationError

MESSAGE = b"sealed batch bytes \x00\x01\x02" * 10
CTX = b"batch"
BLOB_LEN = 78


@pytest.fixture(scope="module")
def device() -> tuple[bytes, bytes]:
    return generate_signing_key()


@pytest.fixture(scope="module")
def sig(device: tuple[bytes, bytes]) -> bytes:
    return sign(device[0], MESSAGE, context=CTX)


def flipped(blob: bytes, i: int, mask: int) -> bytes:
    return blob[:i] + bytes([blob[i] ^ mask]) + blob[i + 1 :]


def test_generate_signing_key_gives_a_matching_raw_pair(device: tuple[bytes, bytes]) -> None:
    private, public = device
    assert len(private) == len(public) == 32
    assert Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw() == public
    assert generate_signing_key()[0] != private


def test_round_trip(device: tuple[bytes, bytes], sig: bytes) -> None:
    assert len(sig) == BLOB_LEN
    assert sig[:6] == b"CPSG\x01\x01"
    assert sig[6:14] == hashlib.sha256(device[1]).digest()[:8]
    assert verify(device[1], MESSAGE, sig, context=CTX) is None


def test_default_context_is_empty_and_distinct_from_any_other(device: tuple[bytes, bytes]) -> None:
    plain = sign(device[0], MESSAGE)
    verify(device[1], MESSAGE, plain)
    with pytest.raises(SignatureInvalid):
        verify(device[1], MESSAGE, plain, context=CTX)


def test_signature_covers_header_context_and_message(device: tuple[bytes, bytes], sig: bytes) -> None:
    # The documented construction: Ed25519 over header(14) || u64 len(context) || context || message.
    signed = sig[:14] + struct.pack(">Q", len(CTX)) + CTX + MESSAGE
    Ed25519PublicKey.from_public_bytes(device[1]).verify(sig[14:], signed)


def test_wrong_key_fails_and_says_whose_signature_it_is(sig: bytes) -> None:
    _, other_public = generate_signing_key()
    with pytest.raises(SignatureInvalid, match="another key") as e:
        verify(other_public, MESSAGE, sig, context=CTX)
    assert key_id(other_public) in str(e.value)


def test_signature_relabelled_with_another_key_id_fails(sig: bytes) -> None:
    _, other_public = generate_signing_key()
    relabelled = sig[:6] + hashlib.sha256(other_public).digest()[:8] + sig[14:]
    with pytest.raises(SignatureInvalid):
        verify(other_public, MESSAGE, relabelled, context=CTX)


@pytest.mark.parametrize("wrong", [b"ack", b"", CTX + b"\x00", b"batc"])
def test_wrong_context_fails(device: tuple[bytes, bytes], sig: bytes, wrong: bytes) -> None:
    with pytest.raises(SignatureInvalid):
        verify(device[1], MESSAGE, sig, context=wrong)


def test_context_and_message_boundary_cannot_be_shifted(device: tuple[bytes, bytes]) -> None:
    # "ack" + "hqmessage" and "ackhq" + "message" are the same bytes: the length prefix tells them apart.
    s = sign(device[0], b"hqmessage", context=b"ack")
    with pytest.raises(SignatureInvalid):
        verify(device[1], b"message", s, context=b"ackhq")


def test_every_byte_of_the_message_changed_fails(device: tuple[bytes, bytes], sig: bytes) -> None:
    for i in range(len(MESSAGE)):
        with pytest.raises(SignatureInvalid):
            verify(device[1], flipped(MESSAGE, i, 0x01), sig, context=CTX)
    for bad in (MESSAGE[:-1], MESSAGE + b"\x00", b""):
        with pytest.raises(SignatureInvalid):
            verify(device[1], bad, sig, context=CTX)


def test_every_byte_of_the_signature_flipped_fails(device: tuple[bytes, bytes], sig: bytes) -> None:
    for i in range(len(sig)):
        for mask in (0x01, 0x80, 0xFF):
            with pytest.raises(UnsupportedFormat if i < 6 else SignatureInvalid):
                verify(device[1], MESSAGE, flipped(sig, i, mask), context=CTX)


def test_truncated_at_every_length_fails(device: tuple[bytes, bytes], sig: bytes) -> None:
    for n in range(len(sig)):
        with pytest.raises(UnsupportedFormat if n < 6 else SignatureInvalid):
            verify(device[1], MESSAGE, sig[:n], context=CTX)
    with pytest.raises(SignatureInvalid):
        verify(device[1], MESSAGE, sig + b"\x00", context=CTX)


@pytest.mark.parametrize("version", [0, 2, 255])
def test_unknown_version(device: tuple[bytes, bytes], sig: bytes, version: int) -> None:
    with pytest.raises(UnsupportedFormat, match="version"):
        verify(device[1], MESSAGE, sig[:4] + bytes([version]) + sig[5:], context=CTX)


@pytest.mark.parametrize("suite", [0, 2, 255])
def test_unknown_suite(device: tuple[bytes, bytes], sig: bytes, suite: int) -> None:
    with pytest.raises(UnsupportedFormat, match="suite"):
        verify(device[1], MESSAGE, sig[:5] + bytes([suite]) + sig[6:], context=CTX)


@pytest.mark.parametrize("magic", [b"CPSH", b"\x00\x00\x00\x00", b"cpsg"])
def test_unknown_magic(device: tuple[bytes, bytes], sig: bytes, magic: bytes) -> None:
    with pytest.raises(UnsupportedFormat, match="magic"):
        verify(device[1], MESSAGE, magic + sig[4:], context=CTX)


def test_a_bare_ed25519_signature_is_not_accepted(device: tuple[bytes, bytes]) -> None:
    bare = Ed25519PrivateKey.from_private_bytes(device[0]).sign(MESSAGE)
    with pytest.raises(UnsupportedFormat):
        verify(device[1], MESSAGE, bare, context=CTX)


def test_oversized_signature_is_refused_before_parsing(device: tuple[bytes, bytes], sig: bytes) -> None:
    with pytest.raises(UnsupportedFormat, match="limit"):
        verify(device[1], MESSAGE, sig + bytes(2000), context=CTX)
    with pytest.raises(UnsupportedFormat, match="limit"):
        verify(device[1], MESSAGE, b"\xff" * 5000, context=CTX)


def test_key_id_is_16_hex_digits_of_sha256(device: tuple[bytes, bytes]) -> None:
    kid = key_id(device[1])
    assert kid == hashlib.sha256(device[1]).hexdigest()[:16]
    assert len(kid) == 16 and int(kid, 16) >= 0
    assert key_id(generate_signing_key()[1]) != kid


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda pr, pu, s: sign(pr[:31], MESSAGE), "private"),
        (lambda pr, pu, s: sign(pr + b"\x00", MESSAGE), "private"),
        (lambda pr, pu, s: sign(pr, "text"), "message"),
        (lambda pr, pu, s: sign(pr, MESSAGE, context="batch"), "context"),
        (lambda pr, pu, s: verify(pu[:31], MESSAGE, s, context=CTX), "public"),
        (lambda pr, pu, s: verify(pu, "text", s, context=CTX), "message"),
        (lambda pr, pu, s: verify(pu, MESSAGE, s.hex(), context=CTX), "blob"),
        (lambda pr, pu, s: key_id(pu[:31]), "public"),
        (lambda pr, pu, s: key_id(pu.hex()), "public"),
    ],
)
def test_misuse_is_a_validation_error(device: tuple[bytes, bytes], sig: bytes, call: object, field: str) -> None:
    with pytest.raises(ValidationError) as e:
        call(device[0], device[1], sig)  # type: ignore[operator]
    assert e.value.field == field


def test_constant_time_equal() -> None:
    assert constant_time_equal(b"tag-1234", b"tag-1234")
    assert not constant_time_equal(b"tag-1234", b"tag-1235")
    assert not constant_time_equal(b"tag-1234", b"tag-123")
    assert constant_time_equal(b"", b"")
    with pytest.raises(ValidationError):
        constant_time_equal("tag", b"tag")  # type: ignore[arg-type]
