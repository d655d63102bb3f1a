"""Sealing to an X25519 public key (CPSL): the device data key to HQ's recovery key, and sync batches."""

import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from hypothesis import given, settings
from hypothesis import strategies as st

from checkpoint.crypto import generate_x25519, key_id, new_data_key, open_sealed, seal, sealed_recipient_id
from checkpoint.errors import DecryptionFailed, UnsupportedFormat, ValidationError

CTX = b"batch:0190c5e2-8d1a-7c3e-9f00-3b1e2d4c5a6b"
HEADER_LEN = 58
KEY_ID = slice(6, 14)
EPHEMERAL = slice(14, 46)
NONCE = slice(46, 58)


@pytest.fixture(scope="module")
def hq() -> tuple[bytes, bytes]:
    return generate_x25519()


@pytest.fixture(scope="module")
def plaintext() -> bytes:
    return new_data_key()


@pytest.fixture(scope="module")
def blob(hq: tuple[bytes, bytes], plaintext: bytes) -> bytes:
    return seal(hq[1], plaintext, context=CTX)


def flipped(blob: bytes, i: int, mask: int) -> bytes:
    return blob[:i] + bytes([blob[i] ^ mask]) + blob[i + 1 :]


def test_generate_x25519_gives_a_matching_raw_pair() -> None:
    private, public = generate_x25519()
    assert len(private) == len(public) == 32
    assert X25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw() == public
    assert generate_x25519()[0] != private


def test_round_trip(hq: tuple[bytes, bytes], plaintext: bytes, blob: bytes) -> None:
    assert blob[:6] == b"CPSL\x01\x01"
    assert len(blob) == HEADER_LEN + len(plaintext) + 16
    assert plaintext not in blob
    assert open_sealed(hq[0], blob, context=CTX) == plaintext


def test_round_trip_of_a_batch_of_several_megabytes(hq: tuple[bytes, bytes]) -> None:
    batch = bytes(range(256)) * (3 * 4096)  # 3 MiB
    assert open_sealed(hq[0], seal(hq[1], batch, context=CTX), context=CTX) == batch


def test_format_matches_the_documented_construction(hq: tuple[bytes, bytes], plaintext: bytes, blob: bytes) -> None:
    # Re-derive by hand from the spec in the module docstring: what an HQ-side reimplementation does.
    ephemeral = blob[EPHEMERAL]
    shared = X25519PrivateKey.from_private_bytes(hq[0]).exchange(X25519PublicKey.from_public_bytes(ephemeral))
    content_key = HKDF(algorithm=SHA256(), length=32, salt=ephemeral + hq[1], info=b"checkpoint seal v1").derive(shared)
    opened = ChaCha20Poly1305(content_key).decrypt(blob[NONCE], blob[HEADER_LEN:], blob[:HEADER_LEN] + CTX)
    assert opened == plaintext


def test_recipient_id_is_readable_without_decrypting(hq: tuple[bytes, bytes], blob: bytes) -> None:
    rid = sealed_recipient_id(blob)
    assert rid == hashlib.sha256(hq[1]).digest()[:8]
    assert rid.hex() == key_id(hq[1])


def test_each_seal_uses_a_fresh_ephemeral_key_and_nonce(hq: tuple[bytes, bytes], plaintext: bytes, blob: bytes) -> None:
    again = seal(hq[1], plaintext, context=CTX)
    assert again[EPHEMERAL] != blob[EPHEMERAL]
    assert again[NONCE] != blob[NONCE]
    assert again[HEADER_LEN:] != blob[HEADER_LEN:]


def test_another_recipient_cannot_open_and_is_told_why(blob: bytes) -> None:
    other_private, other_public = generate_x25519()
    with pytest.raises(DecryptionFailed, match="another recipient") as e:
        open_sealed(other_private, blob, context=CTX)
    assert key_id(other_public) in str(e.value)


def test_relabelled_recipient_id_does_not_open(blob: bytes) -> None:
    # An attacker rewrites the key id to another recipient's: that recipient still cannot open it.
    other_private, other_public = generate_x25519()
    relabelled = blob[:6] + hashlib.sha256(other_public).digest()[:8] + blob[14:]
    with pytest.raises(DecryptionFailed):
        open_sealed(other_private, relabelled, context=CTX)


@pytest.mark.parametrize("wrong", [CTX[:-1] + b"c", CTX + b"\x00", CTX[:-1], b"x"])
def test_wrong_context_fails(hq: tuple[bytes, bytes], blob: bytes, wrong: bytes) -> None:
    with pytest.raises(DecryptionFailed):
        open_sealed(hq[0], blob, context=wrong)


def test_every_byte_flipped_is_refused(hq: tuple[bytes, bytes], blob: bytes) -> None:
    for i in range(len(blob)):
        for mask in (0x01, 0x80, 0xFF):
            with pytest.raises(UnsupportedFormat if i < 6 else DecryptionFailed):
                open_sealed(hq[0], flipped(blob, i, mask), context=CTX)


def test_truncated_at_every_length_is_refused(hq: tuple[bytes, bytes], blob: bytes) -> None:
    for n in range(len(blob)):
        with pytest.raises(UnsupportedFormat if n < 6 else DecryptionFailed):
            open_sealed(hq[0], blob[:n], context=CTX)
        if n < HEADER_LEN + 16:  # shorter than header + tag; longer cuts only show when opening
            with pytest.raises(UnsupportedFormat if n < 6 else DecryptionFailed):
                sealed_recipient_id(blob[:n])


def test_extra_bytes_are_refused(hq: tuple[bytes, bytes], blob: bytes) -> None:
    with pytest.raises(DecryptionFailed):
        open_sealed(hq[0], blob + b"\x00", context=CTX)


@pytest.mark.parametrize("version", [0, 2, 255])
def test_unknown_version(hq: tuple[bytes, bytes], blob: bytes, version: int) -> None:
    bad = blob[:4] + bytes([version]) + blob[5:]
    with pytest.raises(UnsupportedFormat, match="version"):
        open_sealed(hq[0], bad, context=CTX)
    with pytest.raises(UnsupportedFormat, match="version"):
        sealed_recipient_id(bad)


@pytest.mark.parametrize("suite", [0, 2, 255])
def test_unknown_suite(hq: tuple[bytes, bytes], blob: bytes, suite: int) -> None:
    bad = blob[:5] + bytes([suite]) + blob[6:]
    with pytest.raises(UnsupportedFormat, match="suite"):
        open_sealed(hq[0], bad, context=CTX)
    with pytest.raises(UnsupportedFormat, match="suite"):
        sealed_recipient_id(bad)


@pytest.mark.parametrize("magic", [b"CPSM", b"\x00\x00\x00\x00", b"cpsl", b"age-"])
def test_unknown_magic(hq: tuple[bytes, bytes], blob: bytes, magic: bytes) -> None:
    with pytest.raises(UnsupportedFormat, match="magic"):
        open_sealed(hq[0], magic + blob[4:], context=CTX)
    with pytest.raises(UnsupportedFormat, match="magic"):
        sealed_recipient_id(magic + blob[4:])


def test_another_checkpoint_format_is_named(hq: tuple[bytes, bytes], blob: bytes) -> None:
    with pytest.raises(UnsupportedFormat, match="encrypted blob, not a sealed blob"):
        open_sealed(hq[0], b"CPAE" + blob[4:], context=CTX)


def test_oversized_input_is_refused_before_parsing(hq: tuple[bytes, bytes], blob: bytes, plaintext: bytes) -> None:
    assert open_sealed(hq[0], blob, context=CTX, max_size=len(blob)) == plaintext
    with pytest.raises(UnsupportedFormat, match="limit"):
        open_sealed(hq[0], blob, context=CTX, max_size=len(blob) - 1)
    # Default cap is 64 MiB, checked before anything else: these zeros are not even a CPSL header.
    with pytest.raises(UnsupportedFormat, match="limit"):
        open_sealed(hq[0], bytes(64 * 2**20 + 1), context=CTX)


def test_a_larger_cap_opens_a_larger_batch(hq: tuple[bytes, bytes]) -> None:
    batch = bytes(2**20)
    sealed = seal(hq[1], batch, context=CTX)
    with pytest.raises(UnsupportedFormat):
        open_sealed(hq[0], sealed, context=CTX, max_size=2**20)
    assert open_sealed(hq[0], sealed, context=CTX, max_size=2 * 2**20) == batch


def test_low_order_recipient_key_is_refused(plaintext: bytes) -> None:
    with pytest.raises(ValidationError) as e:
        seal(bytes(32), plaintext, context=CTX)
    assert e.value.field == "recipient_public"


def test_low_order_ephemeral_key_is_refused(hq: tuple[bytes, bytes], blob: bytes) -> None:
    crafted = blob[:14] + bytes(32) + blob[46:]
    with pytest.raises(DecryptionFailed):
        open_sealed(hq[0], crafted, context=CTX)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda pr, pu, b: seal(pu[:31], b"x", context=CTX), "recipient_public"),
        (lambda pr, pu, b: seal(pu + b"\x00", b"x", context=CTX), "recipient_public"),
        (lambda pr, pu, b: seal(pu, b"x", context=b""), "context"),
        (lambda pr, pu, b: seal(pu, "text", context=CTX), "plaintext"),
        (lambda pr, pu, b: open_sealed(pr[:31], b, context=CTX), "recipient_private"),
        (lambda pr, pu, b: open_sealed(pr, b, context=b""), "context"),
        (lambda pr, pu, b: open_sealed(pr, b, context=CTX, max_size=-1), "max_size"),
        (lambda pr, pu, b: sealed_recipient_id(b.hex()), "blob"),
    ],
)
def test_misuse_is_a_validation_error(hq: tuple[bytes, bytes], blob: bytes, call: object, field: str) -> None:
    with pytest.raises(ValidationError) as e:
        call(hq[0], hq[1], blob)  # type: ignore[operator]
    assert e.value.field == field


@settings(deadline=None, max_examples=200)
@given(plaintext=st.binary(max_size=4096), context=st.binary(min_size=1, max_size=64))
def test_property_open_sealed_inverts_seal(hq: tuple[bytes, bytes], plaintext: bytes, context: bytes) -> None:
    assert open_sealed(hq[0], seal(hq[1], plaintext, context=context), context=context) == plaintext
