"""Sealed sections: one plaintext encrypted once, its content key wrapped for several X25519 recipients (CPMS).

Multi-recipient sealed blob, version 1, suite 1 (X25519 + HKDF-SHA256 + AES-256-GCM)::

    "CPMS" | 0x01 | 0x01 | ephemeral public key (32) | n (1, 1..16)
    | n x ( recipient key id (8) | wrapped content key (32 + 16) )
    | nonce (12) | AES-256-GCM(section) + tag (16)

A random 32-byte content key encrypts the section (AES-256-GCM, associated data = the whole header followed by the
caller's context: the event's type and id, so a section moved to another event fails to open). For each recipient
the content key is wrapped under HKDF-SHA256(X25519(ephemeral, recipient), salt = ephemeral public || recipient
public, info = "checkpoint section v1") with AES-256-GCM (a key used once, so a fixed nonce; associated data = the
prefix, ephemeral key, recipient id and context). One ephemeral key serves every recipient (each wrap key still
differs: the salt and the shared secret name the recipient).

    >>> from checkpoint.crypto.envelope import generate_x25519
    >>> a, a_pub = generate_x25519(); b, b_pub = generate_x25519()
    >>> blob = seal_for([a_pub, b_pub], b"answers", context=b"registration.recorded|e1")
    >>> open_for(b, blob, context=b"registration.recorded|e1")
    b'answers'

Hostile input is refused before any work: a blob over ``max_size``, another magic, an unknown version or suite,
a recipient count out of range, a length that does not match the count (DecryptionFailed / UnsupportedFormat);
a blob not for this key says so (NotARecipient, a DecryptionFailed); any altered byte fails the tag.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from checkpoint.crypto._common import KEY_LEN, as_bytes, as_context, as_key, check_size, read_prefix, require_min_len
from checkpoint.errors import DecryptionFailed, ValidationError

__all__ = ["MAX_RECIPIENTS", "NotARecipient", "open_for", "recipient_ids", "seal_for"]

_MAGIC: Final = b"CPMS"
_VERSION: Final = 1
_SUITE: Final = 1
_ID_LEN: Final = 8
_TAG_LEN: Final = 16
_NONCE_LEN: Final = 12
_WRAPPED_LEN: Final = KEY_LEN + _TAG_LEN                 # 48
_ENTRY_LEN: Final = _ID_LEN + _WRAPPED_LEN               # 56
_FIXED_LEN: Final = 6 + KEY_LEN + 1                      # prefix, ephemeral key, count: 39
_INFO: Final = b"checkpoint section v1"
_WRAP_NONCE: Final = bytes(_NONCE_LEN)                    # each wrap key is used once
MAX_RECIPIENTS: Final = 16
MAX_SECTION: Final = 1 << 20                             # a protection section is a few KiB


class NotARecipient(DecryptionFailed):
    """The blob's content key is not wrapped for this key (the reader is not one of its recipients)."""


def _id(public: bytes) -> bytes:
    return hashlib.sha256(public).digest()[:_ID_LEN]


def _wrap_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(algorithm=SHA256(), length=KEY_LEN, salt=ephemeral_public + recipient_public,
                info=_INFO).derive(shared)


def seal_for(recipients: Iterable[bytes], plaintext: bytes, *, context: bytes) -> bytes:
    """Encrypt ``plaintext`` once for every X25519 public key in ``recipients`` (duplicates kept once).

    Raises ValidationError for no recipients, more than 16, a key that is not 32 bytes or unusable (a low-order
    point), an empty context, or a plaintext over 1 MiB.
    """
    context = as_context(context)
    data = as_bytes(plaintext, "plaintext")
    if len(data) > MAX_SECTION:
        raise ValidationError("plaintext", "a sealed section is at most 1 MiB")
    keys: list[bytes] = []
    for r in recipients:
        k = as_key(r, "recipient")
        if k not in keys:
            keys.append(k)
    if not keys:
        raise ValidationError("recipients", "a sealed section needs at least one recipient")
    if len(keys) > MAX_RECIPIENTS:
        raise ValidationError("recipients", f"at most {MAX_RECIPIENTS} recipients")
    ephemeral = X25519PrivateKey.generate()
    eph_pub = ephemeral.public_key().public_bytes_raw()
    content_key = secrets.token_bytes(KEY_LEN)
    prefix = _MAGIC + bytes((_VERSION, _SUITE)) + eph_pub + bytes((len(keys),))
    entries = []
    for k in keys:
        try:
            shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(k))
        except ValueError:
            raise ValidationError("recipient", "is not a usable X25519 public key") from None
        kid = _id(k)
        wrapped = AESGCM(_wrap_key(shared, eph_pub, k)).encrypt(_WRAP_NONCE, content_key, prefix + kid + context)
        entries.append(kid + wrapped)
    header = prefix + b"".join(entries) + secrets.token_bytes(_NONCE_LEN)
    return header + AESGCM(content_key).encrypt(header[-_NONCE_LEN:], data, header + context)


def _parse(blob: object, max_size: int) -> tuple[bytes, int]:
    data = check_size(blob, "sealed section", max_size)
    read_prefix(data, _MAGIC, frozenset({_VERSION}), frozenset({_SUITE}))
    require_min_len(data, _FIXED_LEN, "sealed section")
    n = data[_FIXED_LEN - 1]
    if not 1 <= n <= MAX_RECIPIENTS:
        raise DecryptionFailed(f"sealed section names {n} recipients (1 to {MAX_RECIPIENTS} expected): it was altered")
    require_min_len(data, _FIXED_LEN + n * _ENTRY_LEN + _NONCE_LEN + _TAG_LEN, "sealed section")
    return data, n


def recipient_ids(blob: bytes, *, max_size: int = MAX_SECTION + 4096) -> list[bytes]:
    """The 8-byte key ids the blob is sealed for (not authenticated until ``open_for`` succeeds)."""
    data, n = _parse(blob, max_size)
    return [data[_FIXED_LEN + i * _ENTRY_LEN:_FIXED_LEN + i * _ENTRY_LEN + _ID_LEN] for i in range(n)]


def open_for(private: bytes, blob: bytes, *, context: bytes, max_size: int = MAX_SECTION + 4096) -> bytes:
    """Decrypt a CPMS blob with one recipient's X25519 private key and the context it was sealed with.

    Raises NotARecipient when the blob is not sealed for this key; DecryptionFailed for a wrong context, a
    truncated blob or any altered byte; UnsupportedFormat for another format, version or suite or a blob over
    ``max_size`` (checked first); ValidationError for a key that is not 32 bytes or an empty context.
    """
    private = as_key(private, "private")
    context = as_context(context)
    data, n = _parse(blob, max_size)
    me = X25519PrivateKey.from_private_bytes(private)
    my_pub = me.public_key().public_bytes_raw()
    kid = _id(my_pub)
    prefix = data[:_FIXED_LEN]
    eph_pub = prefix[6:6 + KEY_LEN]
    wrapped = None
    for i in range(n):
        at = _FIXED_LEN + i * _ENTRY_LEN
        if hmac.compare_digest(data[at:at + _ID_LEN], kid):
            wrapped = data[at + _ID_LEN:at + _ENTRY_LEN]
            break
    if wrapped is None:
        raise NotARecipient("this sealed section is not sealed for this key")
    try:
        shared = me.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    except ValueError:
        raise DecryptionFailed("the sealed section's ephemeral key is invalid: it was altered") from None
    hlen = _FIXED_LEN + n * _ENTRY_LEN + _NONCE_LEN
    header = data[:hlen]
    try:
        content_key = AESGCM(_wrap_key(shared, eph_pub, my_pub)).decrypt(_WRAP_NONCE, wrapped, prefix + kid + context)
        return AESGCM(content_key).decrypt(header[-_NONCE_LEN:], data[hlen:], header + context)
    except InvalidTag:
        raise DecryptionFailed("wrong context, or the sealed section was altered") from None
