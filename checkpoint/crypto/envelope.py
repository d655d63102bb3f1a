"""Authenticated encryption: symmetric (CPAE, under a data key) and sealed to a public key (CPSL).

Encrypted blob, version 1, suite 1 (AES-256-GCM)::

    "CPAE" | 0x01 | 0x01 | nonce (12) | ciphertext + tag (16)

Sealed blob, version 1, suite 1 (X25519 + HKDF-SHA256 + ChaCha20-Poly1305), like an age file::

    "CPSL" | 0x01 | 0x01 | recipient key id (8) | ephemeral public key (32) | nonce (12) | ciphertext + tag

The sealed content key is HKDF-SHA256(X25519(ephemeral, recipient), salt = ephemeral public || recipient
public, info = "checkpoint seal v1"). In both formats the associated data is the header followed by the
caller's context (the object's identity), so a blob moved to another object fails to open.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from checkpoint.crypto._common import (
    KEY_LEN,
    MAX_SEALED_SIZE,
    as_bytes,
    as_context,
    as_key,
    check_size,
    read_prefix,
    require_min_len,
)
from checkpoint.errors import DecryptionFailed, ValidationError

__all__ = [
    "decrypt",
    "encrypt",
    "generate_x25519",
    "new_data_key",
    "open_sealed",
    "seal",
    "sealed_recipient_id",
    "x25519_public",
]

_VERSION: Final = 1
_NONCE_LEN: Final = 12
_TAG_LEN: Final = 16

_AE_MAGIC: Final = b"CPAE"
_AE_SUITE_AES256GCM: Final = 1
_AE_HEADER_LEN: Final = 6 + _NONCE_LEN  # 18

_SL_MAGIC: Final = b"CPSL"
_SL_SUITE_X25519_HKDF_CHACHA: Final = 1
_SL_KEY_ID_LEN: Final = 8
_SL_HEADER_LEN: Final = 6 + _SL_KEY_ID_LEN + KEY_LEN + _NONCE_LEN  # 58
_SL_INFO: Final = b"checkpoint seal v1"

# The AEADs refuse more than 2**31 - 1 bytes; say so plainly instead of raising OverflowError.
_MAX_PLAINTEXT: Final = 2**31 - 1 - _TAG_LEN


def new_data_key() -> bytes:
    """Return a fresh random 32-byte key (for a store, a draft, a content key).

    >>> len(new_data_key())
    32

    Raises nothing.
    """
    return secrets.token_bytes(KEY_LEN)


def encrypt(key: bytes, plaintext: bytes, *, context: bytes) -> bytes:
    """Encrypt ``plaintext`` under a 32-byte key with AES-256-GCM and a random nonce (CPAE blob).

    >>> key = new_data_key()
    >>> decrypt(key, encrypt(key, b"draft", context=b"draft:42"), context=b"draft:42")
    b'draft'

    Random 96-bit nonces are safe for up to 2**32 messages under one key. Raises ValidationError for a
    key that is not 32 bytes, an empty context, or a plaintext over 2 GiB.
    """
    key = as_key(key, "key")
    context = as_context(context)
    plaintext = _plaintext(plaintext)
    header = _AE_MAGIC + bytes((_VERSION, _AE_SUITE_AES256GCM)) + secrets.token_bytes(_NONCE_LEN)
    return header + AESGCM(key).encrypt(header[6:], plaintext, header + context)


def decrypt(key: bytes, blob: bytes, *, context: bytes, max_size: int = MAX_SEALED_SIZE) -> bytes:
    """Decrypt a CPAE blob made by :func:`encrypt` with the same key and context.

    >>> key = new_data_key()
    >>> decrypt(key, encrypt(key, b"x", context=b"a"), context=b"a")
    b'x'

    Raises DecryptionFailed for a wrong key or context, a truncated blob or any altered byte;
    UnsupportedFormat for another magic, an unknown version or suite, or a blob over ``max_size``
    bytes (checked first); ValidationError for a key that is not 32 bytes or an empty context.
    """
    key = as_key(key, "key")
    context = as_context(context)
    data = check_size(blob, "encrypted blob", max_size)
    read_prefix(data, _AE_MAGIC, frozenset({_VERSION}), frozenset({_AE_SUITE_AES256GCM}))
    require_min_len(data, _AE_HEADER_LEN + _TAG_LEN, "encrypted blob")
    header = data[:_AE_HEADER_LEN]
    try:
        return AESGCM(key).decrypt(header[6:], data[_AE_HEADER_LEN:], header + context)
    except InvalidTag:
        raise DecryptionFailed("wrong key or context, or the encrypted blob was altered") from None


def generate_x25519() -> tuple[bytes, bytes]:
    """Return a new X25519 key pair as ``(private_raw32, public_raw32)``.

    >>> private, public = generate_x25519()
    >>> len(private), len(public)
    (32, 32)

    Raises nothing.
    """
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def x25519_public(private: bytes) -> bytes:
    """The public half of a 32-byte X25519 private key.

    >>> private, public = generate_x25519()
    >>> x25519_public(private) == public
    True

    Raises ValidationError for a key that is not 32 bytes.
    """
    return X25519PrivateKey.from_private_bytes(as_key(private, "private")).public_key().public_bytes_raw()


def seal(recipient_public: bytes, plaintext: bytes, *, context: bytes) -> bytes:
    """Encrypt ``plaintext`` so that only the holder of the recipient's X25519 private key can open it.

    >>> private, public = generate_x25519()
    >>> open_sealed(private, seal(public, b"batch", context=b"batch:7"), context=b"batch:7")
    b'batch'

    Each call uses a fresh ephemeral key, so sealing the same bytes twice gives unrelated blobs.
    Raises ValidationError for a recipient key that is not 32 bytes or is unusable (a low-order point),
    an empty context, or a plaintext over 2 GiB.
    """
    recipient_public = as_key(recipient_public, "recipient_public")
    context = as_context(context)
    plaintext = _plaintext(plaintext)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    try:
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    except ValueError:
        raise ValidationError("recipient_public", "is not a usable X25519 public key") from None
    content_key = _content_key(shared, ephemeral_public, recipient_public)
    header = b"".join(
        (
            _SL_MAGIC,
            bytes((_VERSION, _SL_SUITE_X25519_HKDF_CHACHA)),
            _recipient_id(recipient_public),
            ephemeral_public,
            secrets.token_bytes(_NONCE_LEN),
        )
    )
    return header + ChaCha20Poly1305(content_key).encrypt(header[-_NONCE_LEN:], plaintext, header + context)


def open_sealed(recipient_private: bytes, blob: bytes, *, context: bytes, max_size: int = MAX_SEALED_SIZE) -> bytes:
    """Decrypt a CPSL blob made by :func:`seal` with the recipient's private key and the same context.

    >>> private, public = generate_x25519()
    >>> open_sealed(private, seal(public, b"key", context=b"c"), context=b"c")
    b'key'

    Raises DecryptionFailed if the blob is for another recipient (the message gives both key ids), for a
    wrong context, a truncated blob or any altered byte; UnsupportedFormat for another magic, an unknown
    version or suite, or a blob over ``max_size`` bytes (checked first, default 64 MiB);
    ValidationError for a private key that is not 32 bytes or an empty context.
    """
    recipient_private = as_key(recipient_private, "recipient_private")
    context = as_context(context)
    data = check_size(blob, "sealed blob", max_size)
    _read_sealed_header(data)
    private = X25519PrivateKey.from_private_bytes(recipient_private)
    recipient_public = private.public_key().public_bytes_raw()
    ours = _recipient_id(recipient_public)
    theirs = data[6:14]
    if not hmac.compare_digest(ours, theirs):
        raise DecryptionFailed(
            f"this sealed blob is for another recipient (key id {theirs.hex()}), not for key {ours.hex()}"
        )
    header = data[:_SL_HEADER_LEN]
    ephemeral_public = header[14:46]
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError:
        raise DecryptionFailed("the sealed blob's ephemeral key is invalid: it was altered") from None
    content_key = _content_key(shared, ephemeral_public, recipient_public)
    try:
        return ChaCha20Poly1305(content_key).decrypt(header[-_NONCE_LEN:], data[_SL_HEADER_LEN:], header + context)
    except InvalidTag:
        raise DecryptionFailed("wrong context, or the sealed blob was altered") from None


def sealed_recipient_id(blob: bytes) -> bytes:
    """Return the 8-byte recipient key id of a CPSL blob without decrypting it.

    >>> private, public = generate_x25519()
    >>> sealed_recipient_id(seal(public, b"x", context=b"c")) == hashlib.sha256(public).digest()[:8]
    True

    The id is the first 8 bytes of SHA-256 of the recipient's public key (``key_id`` shows it as hex).
    It is not authenticated until :func:`open_sealed` succeeds. Raises UnsupportedFormat for another
    magic or an unknown version or suite, DecryptionFailed for a truncated blob.
    """
    data = as_bytes(blob, "blob")
    _read_sealed_header(data)
    return data[6:14]


def _read_sealed_header(data: bytes) -> None:
    read_prefix(data, _SL_MAGIC, frozenset({_VERSION}), frozenset({_SL_SUITE_X25519_HKDF_CHACHA}))
    require_min_len(data, _SL_HEADER_LEN + _TAG_LEN, "sealed blob")


def _recipient_id(public: bytes) -> bytes:
    return hashlib.sha256(public).digest()[:_SL_KEY_ID_LEN]


def _content_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    hkdf = HKDF(algorithm=SHA256(), length=KEY_LEN, salt=ephemeral_public + recipient_public, info=_SL_INFO)
    return hkdf.derive(shared)


def _plaintext(value: object) -> bytes:
    data = as_bytes(value, "plaintext")
    if len(data) > _MAX_PLAINTEXT:
        raise ValidationError("plaintext", "is larger than 2 GiB: split it")
    return data
