"""Ed25519 signatures in a self-describing envelope, and key fingerprints.

Signature blob, version 1, suite 1 (Ed25519), 78 bytes::

    "CPSG" | 0x01 | 0x01 | signer key id (8) | Ed25519 signature (64)

The Ed25519 signature covers the first 14 bytes (prefix and key id), then the length of the context
(8 bytes, big-endian), the context, and the message. The context says what is signed ("batch", "ack",
"reference-data"), so a signature made for one purpose never verifies for another.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from typing import Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from checkpoint.crypto._common import as_bytes, as_key, check_size, read_prefix
from checkpoint.errors import SignatureInvalid

__all__ = ["generate_signing_key", "key_id", "sign", "verify"]

_MAGIC: Final = b"CPSG"
_VERSION: Final = 1
_SUITE_ED25519: Final = 1
_KEY_ID_LEN: Final = 8
_SIG_LEN: Final = 64
_HEADER_LEN: Final = 6 + _KEY_ID_LEN  # 14
_BLOB_LEN: Final = _HEADER_LEN + _SIG_LEN  # 78
_MAX_BLOB: Final = 1024
_LEN: Final = struct.Struct(">Q")


def generate_signing_key() -> tuple[bytes, bytes]:
    """Return a new Ed25519 key pair as ``(private_raw32, public_raw32)``.

    >>> private, public = generate_signing_key()
    >>> len(private), len(public)
    (32, 32)

    Raises nothing.
    """
    private = Ed25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def signing_public(private: bytes) -> bytes:
    """The Ed25519 public key of a raw 32-byte private key.

    >>> private, public = generate_signing_key()
    >>> signing_public(private) == public
    True
    """
    return Ed25519PrivateKey.from_private_bytes(as_key(private, "private")).public_key().public_bytes_raw()


def sign(private: bytes, message: bytes, *, context: bytes = b"") -> bytes:
    """Sign ``message`` with an Ed25519 private key; return a 78-byte CPSG signature blob.

    >>> private, public = generate_signing_key()
    >>> verify(public, b"batch", sign(private, b"batch", context=b"batch"), context=b"batch")

    Pass a ``context`` naming what is signed; :func:`verify` must be given the same one.
    Raises ValidationError for a private key that is not 32 bytes or a message or context that is not
    bytes.
    """
    key = Ed25519PrivateKey.from_private_bytes(as_key(private, "private"))
    header = _MAGIC + bytes((_VERSION, _SUITE_ED25519)) + _fingerprint(key.public_key().public_bytes_raw())
    return header + key.sign(_signed_data(header, as_bytes(context, "context"), as_bytes(message, "message")))


def verify(public: bytes, message: bytes, signature: bytes, *, context: bytes = b"") -> None:
    """Check that ``signature`` (a CPSG blob) was made over ``message`` and ``context`` by ``public``.

    >>> private, public = generate_signing_key()
    >>> verify(public, b"ack", sign(private, b"ack"))

    Returns None on success. Raises SignatureInvalid if the signature was made by another key (the
    message gives both key ids), over another message or context, is truncated or altered;
    UnsupportedFormat for another magic, an unknown version or suite, or a blob over 1 KiB;
    ValidationError for a public key that is not 32 bytes.
    """
    public = as_key(public, "public")
    message = as_bytes(message, "message")
    context = as_bytes(context, "context")
    blob = check_size(signature, "signature", _MAX_BLOB)
    read_prefix(blob, _MAGIC, frozenset({_VERSION}), frozenset({_SUITE_ED25519}))
    if len(blob) != _BLOB_LEN:
        raise SignatureInvalid(f"signature is {len(blob)} bytes, not {_BLOB_LEN}: truncated or extended")
    header = blob[:_HEADER_LEN]
    ours = _fingerprint(public)
    theirs = header[6:]
    if not hmac.compare_digest(ours, theirs):
        raise SignatureInvalid(f"signed by another key (key id {theirs.hex()}), not by {ours.hex()}")
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(blob[_HEADER_LEN:], _signed_data(header, context, message))
    except (InvalidSignature, ValueError):
        raise SignatureInvalid("the signature does not match this message and context") from None


def key_id(public: bytes) -> str:
    """Return a short fingerprint of a public key: the first 16 hex digits of its SHA-256.

    >>> key_id(bytes(32))
    '66687aadf862bd77'

    Used for display and pinning, and equal to the key id inside sealed blobs and signatures.
    Raises ValidationError for a key that is not 32 bytes.
    """
    return _fingerprint(as_key(public, "public")).hex()


def _fingerprint(public: bytes) -> bytes:
    return hashlib.sha256(public).digest()[:_KEY_ID_LEN]


def _signed_data(header: bytes, context: bytes, message: bytes) -> bytes:
    return b"".join((header, _LEN.pack(len(context)), context, message))
