"""Symmetric authenticated encryption under a data key (CPAE)."""

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings
from hypothesis import strategies as st

from checkpoint.crypto import decrypt, encrypt, new_data_key
from checkpoint.errors import DecryptionFailed, UnsupportedFormat, ValidationError

CTX = b"store-7f3a/draft:0190c5e2-8d1a-7c3e"
PLAINTEXT = b'{"family_name": "Sok", "given_name": "Dara", "ILO-DR-1": true}'
HEADER_LEN = 18


@pytest.fixture(scope="module")
def key() -> bytes:
    return new_data_key()


@pytest.fixture(scope="module")
def blob(key: bytes) -> bytes:
    return encrypt(key, PLAINTEXT, context=CTX)


def flipped(blob: bytes, i: int, mask: int) -> bytes:
    return blob[:i] + bytes([blob[i] ^ mask]) + blob[i + 1 :]


def test_new_data_key_is_32_fresh_random_bytes() -> None:
    keys = {new_data_key() for _ in range(100)}
    assert len(keys) == 100
    assert all(len(k) == 32 for k in keys)


def test_round_trip(key: bytes, blob: bytes) -> None:
    assert blob[:6] == b"CPAE\x01\x01"
    assert len(blob) == HEADER_LEN + len(PLAINTEXT) + 16
    assert PLAINTEXT not in blob
    assert decrypt(key, blob, context=CTX) == PLAINTEXT


@pytest.mark.parametrize("plaintext", [b"", b"\x00", bytes(range(256)) * 4096])
def test_round_trip_sizes(key: bytes, plaintext: bytes) -> None:
    assert decrypt(key, encrypt(key, plaintext, context=CTX), context=CTX) == plaintext


def test_bytearray_and_memoryview_are_accepted(key: bytes) -> None:
    blob = encrypt(bytearray(key), memoryview(PLAINTEXT), context=bytearray(CTX))
    assert decrypt(memoryview(key), bytearray(blob), context=CTX) == PLAINTEXT


def test_format_is_aes_256_gcm_with_header_and_context_as_aad(key: bytes, blob: bytes) -> None:
    # Anyone holding the spec can decrypt it: nonce after the 6-byte prefix, AAD = header || context.
    assert AESGCM(key).decrypt(blob[6:18], blob[18:], blob[:18] + CTX) == PLAINTEXT


def test_same_plaintext_twice_gives_different_blobs(key: bytes, blob: bytes) -> None:
    again = encrypt(key, PLAINTEXT, context=CTX)
    assert again[6:18] != blob[6:18]
    assert again != blob


def test_wrong_key_fails(blob: bytes) -> None:
    with pytest.raises(DecryptionFailed):
        decrypt(new_data_key(), blob, context=CTX)


@pytest.mark.parametrize("wrong", [b"store-7f3a/draft:0190c5e2-8d1a-7c3f", CTX + b"\x00", CTX[1:], b"x"])
def test_wrong_context_fails(key: bytes, blob: bytes, wrong: bytes) -> None:
    with pytest.raises(DecryptionFailed):
        decrypt(key, blob, context=wrong)


def test_every_byte_flipped_is_refused(key: bytes, blob: bytes) -> None:
    for i in range(len(blob)):
        for mask in (0x01, 0x80, 0xFF):
            with pytest.raises(UnsupportedFormat if i < 6 else DecryptionFailed):
                decrypt(key, flipped(blob, i, mask), context=CTX)


def test_truncated_at_every_length_is_refused(key: bytes, blob: bytes) -> None:
    for n in range(len(blob)):
        with pytest.raises(UnsupportedFormat if n < 6 else DecryptionFailed):
            decrypt(key, blob[:n], context=CTX)


def test_extra_bytes_are_refused(key: bytes, blob: bytes) -> None:
    with pytest.raises(DecryptionFailed):
        decrypt(key, blob + b"\x00", context=CTX)


@pytest.mark.parametrize("version", [0, 2, 255])
def test_unknown_version(key: bytes, blob: bytes, version: int) -> None:
    with pytest.raises(UnsupportedFormat, match="version"):
        decrypt(key, blob[:4] + bytes([version]) + blob[5:], context=CTX)


@pytest.mark.parametrize("suite", [0, 2, 255])
def test_unknown_suite(key: bytes, blob: bytes, suite: int) -> None:
    with pytest.raises(UnsupportedFormat, match="suite"):
        decrypt(key, blob[:5] + bytes([suite]) + blob[6:], context=CTX)


@pytest.mark.parametrize("magic", [b"CPAF", b"\x00\x00\x00\x00", b"cpae", b"SQLi"])
def test_unknown_magic(key: bytes, blob: bytes, magic: bytes) -> None:
    with pytest.raises(UnsupportedFormat, match="magic"):
        decrypt(key, magic + blob[4:], context=CTX)


def test_another_checkpoint_format_is_named(key: bytes, blob: bytes) -> None:
    with pytest.raises(UnsupportedFormat, match="wrapped key, not an encrypted blob"):
        decrypt(key, b"CPKW" + blob[4:], context=CTX)


def test_oversized_input_is_refused_before_parsing(key: bytes, blob: bytes) -> None:
    assert decrypt(key, blob, context=CTX, max_size=len(blob)) == PLAINTEXT
    with pytest.raises(UnsupportedFormat, match="limit"):
        decrypt(key, blob, context=CTX, max_size=len(blob) - 1)
    with pytest.raises(UnsupportedFormat, match="limit"):  # default cap: 64 MiB, checked before the magic
        decrypt(key, bytes(64 * 2**20 + 1), context=CTX)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda k, b: encrypt(bytes(31), b"x", context=CTX), "key"),
        (lambda k, b: encrypt(bytes(16), b"x", context=CTX), "key"),
        (lambda k, b: encrypt(k, "text", context=CTX), "plaintext"),
        (lambda k, b: encrypt(k, b"x", context=b""), "context"),
        (lambda k, b: decrypt(bytes(31), b, context=CTX), "key"),
        (lambda k, b: decrypt(k, b, context=b""), "context"),
        (lambda k, b: decrypt(k, b, context=CTX, max_size=0), "max_size"),
        (lambda k, b: decrypt(k, b.hex(), context=CTX), "blob"),
    ],
)
def test_misuse_is_a_validation_error(key: bytes, blob: bytes, call: object, field: str) -> None:
    with pytest.raises(ValidationError) as e:
        call(key, blob)  # type: ignore[operator]
    assert e.value.field == field


@settings(deadline=None, max_examples=200)
@given(plaintext=st.binary(max_size=4096), context=st.binary(min_size=1, max_size=64))
def test_property_decrypt_inverts_encrypt(plaintext: bytes, context: bytes) -> None:
    key = new_data_key()
    assert decrypt(key, encrypt(key, plaintext, context=context), context=context) == plaintext
