"""Checkpoint's cryptography: key slots, sealed envelopes, authenticated encryption, signatures.

A pure module (no paths, SQL, Qt or logging) over ``cryptography``. Every blob it writes starts with a
4-byte magic, a version byte and a suite byte; anything else is refused with UnsupportedFormat, and
untrusted blobs are size-capped before they are parsed. Each encryption binds a caller-supplied
``context`` (the object's identity) into the associated data.

    >>> from checkpoint.crypto import KdfParams, new_data_key, unwrap_key, wrap_key
    >>> key = new_data_key()
    >>> slot = wrap_key(key, "my pass phrase", context=b"store-1/user:dara", params=KdfParams.fast())
    >>> unwrap_key(slot, "my pass phrase", context=b"store-1/user:dara") == key
    True

Formats (version 1): CPKW wrapped key (Argon2id + AES-256-GCM), CPAE encrypted blob (AES-256-GCM),
CPSL sealed blob (X25519 + HKDF-SHA256 + ChaCha20-Poly1305), CPSG signature (Ed25519), CPMS sealed section (one
section for several X25519 recipients: ``checkpoint.crypto.sealed``).
Failures are ``checkpoint.errors`` types: DecryptionFailed, UnsupportedFormat, SignatureInvalid
(all CryptoError) and ValidationError for misuse such as a 31-byte key.
"""

from checkpoint.crypto._common import constant_time_equal
from checkpoint.crypto.envelope import (
    decrypt,
    encrypt,
    generate_x25519,
    new_data_key,
    open_sealed,
    seal,
    sealed_recipient_id,
    x25519_public,
)
from checkpoint.crypto.keyslot import (
    KdfParams,
    derive_key,
    generate_recovery_code,
    kdf_params_of,
    normalize_recovery_code,
    unwrap_key,
    wrap_key,
)
from checkpoint.crypto.signing import generate_signing_key, key_id, sign, signing_public, verify

__all__ = [
    "KdfParams",
    "constant_time_equal",
    "decrypt",
    "derive_key",
    "encrypt",
    "generate_recovery_code",
    "generate_signing_key",
    "generate_x25519",
    "kdf_params_of",
    "key_id",
    "new_data_key",
    "normalize_recovery_code",
    "open_sealed",
    "seal",
    "sealed_recipient_id",
    "sign",
    "signing_public",
    "unwrap_key",
    "verify",
    "wrap_key",
    "x25519_public",
]
