"""Key slots: a data key wrapped under a passphrase (Argon2id + AES-256-GCM), and recovery codes.

Wrapped-key blob, version 1, suite 1 (94 bytes)::

    "CPKW" | 0x01 | 0x01 | memory_kib u32 | iterations u32 | lanes u32 | salt (16) | nonce (12)
    | AES-256-GCM(ciphertext of the 32-byte key + 16-byte tag)

The associated data is the whole header (the 46 bytes before the ciphertext) followed by the caller's
context, so altering the parameters, the salt, or moving the blob to another slot fails to unwrap.
"""

from __future__ import annotations

import secrets
import struct
import unicodedata
from dataclasses import dataclass
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from checkpoint.crypto._common import KEY_LEN, as_context, as_key, check_size, read_prefix
from checkpoint.errors import DecryptionFailed, UnsupportedFormat, ValidationError

__all__ = [
    "KdfParams",
    "derive_key",
    "generate_recovery_code",
    "kdf_params_of",
    "normalize_recovery_code",
    "unwrap_key",
    "wrap_key",
]

_MAGIC: Final = b"CPKW"
_VERSION: Final = 1
_SUITE_ARGON2ID_AES256GCM: Final = 1
_PARAMS: Final = struct.Struct(">III")
_SALT_LEN: Final = 16
_NONCE_LEN: Final = 12
_TAG_LEN: Final = 16
_HEADER_LEN: Final = 6 + _PARAMS.size + _SALT_LEN + _NONCE_LEN  # 46
_BLOB_LEN: Final = _HEADER_LEN + KEY_LEN + _TAG_LEN  # 94
_MAX_BLOB: Final = 1024  # refuse anything bigger before looking at it

# Bounds on Argon2id parameters; a blob asking for more is refused before any work is done.
MAX_MEMORY_KIB: Final = 2**20  # 1 GiB
MAX_ITERATIONS: Final = 20
MAX_LANES: Final = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters; the defaults (64 MiB, t=3, p=4) take about 0.15 s here.

    >>> KdfParams()
    KdfParams(memory_kib=65536, iterations=3, lanes=4)
    >>> KdfParams.fast().iterations
    1

    Raises ValidationError("kdf_params", ...) for values outside Argon2id's minimums or our maximums
    (memory over 1 GiB, more than 20 iterations or 16 lanes).
    """

    memory_kib: int = 65536
    iterations: int = 3
    lanes: int = 4

    def __post_init__(self) -> None:
        for name in ("memory_kib", "iterations", "lanes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError("kdf_params", f"{name} must be an int")
        if not 1 <= self.lanes <= MAX_LANES:
            raise ValidationError("kdf_params", f"lanes must be between 1 and {MAX_LANES}")
        if not 1 <= self.iterations <= MAX_ITERATIONS:
            raise ValidationError("kdf_params", f"iterations must be between 1 and {MAX_ITERATIONS}")
        if not 8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB:
            raise ValidationError("kdf_params", f"memory_kib must be between 8 * lanes and {MAX_MEMORY_KIB} (1 GiB)")

    @classmethod
    def fast(cls) -> KdfParams:
        """Return deliberately weak parameters (1 MiB, t=1) for tests only; never use them for real data.

        >>> KdfParams.fast()
        KdfParams(memory_kib=1024, iterations=1, lanes=4)
        """
        return cls(memory_kib=1024, iterations=1, lanes=4)


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Derive a 32-byte key from a passphrase with Argon2id (passphrase NFC-normalised, then UTF-8).

    >>> len(derive_key("correct horse", bytes(16), KdfParams.fast()))
    32

    Raises ValidationError for an empty or unencodable passphrase, a salt under 16 bytes, or params
    that are not a KdfParams.
    """
    if not isinstance(params, KdfParams):
        raise ValidationError("kdf_params", "must be a KdfParams")
    salt = _check_salt(salt)
    secret = _encode_passphrase(passphrase)
    kdf = Argon2id(
        salt=salt,
        length=KEY_LEN,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


def wrap_key(key: bytes, passphrase: str, *, context: bytes, params: KdfParams | None = None) -> bytes:
    """Wrap a 32-byte data key under a passphrase; the result is a 94-byte CPKW blob.

    >>> blob = wrap_key(bytes(32), "pass phrase", context=b"store-1/user:dara", params=KdfParams.fast())
    >>> unwrap_key(blob, "pass phrase", context=b"store-1/user:dara") == bytes(32)
    True

    ``context`` names the slot (e.g. store id + slot name) and must be given again to unwrap.
    ``params`` default to ``KdfParams()``. Changing a passphrase is ``wrap_key(unwrap_key(old), new)``:
    the data key, and so the data, never change.

    Raises ValidationError for a key that is not 32 bytes, an empty passphrase or an empty context.
    """
    key = as_key(key, "key")
    context = as_context(context)
    params = KdfParams() if params is None else params
    if not isinstance(params, KdfParams):
        raise ValidationError("kdf_params", "must be a KdfParams")
    salt = secrets.token_bytes(_SALT_LEN)
    nonce = secrets.token_bytes(_NONCE_LEN)
    header = b"".join(
        (
            _MAGIC,
            bytes((_VERSION, _SUITE_ARGON2ID_AES256GCM)),
            _PARAMS.pack(params.memory_kib, params.iterations, params.lanes),
            salt,
            nonce,
        )
    )
    kek = derive_key(passphrase, salt, params)
    return header + AESGCM(kek).encrypt(nonce, key, header + context)


def unwrap_key(blob: bytes, passphrase: str, *, context: bytes) -> bytes:
    """Recover the 32-byte data key from a CPKW blob made by :func:`wrap_key`.

    >>> blob = wrap_key(b"k" * 32, "pass phrase", context=b"slot", params=KdfParams.fast())
    >>> unwrap_key(blob, "pass phrase", context=b"slot")
    b'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk'

    Raises DecryptionFailed for a wrong passphrase, a wrong context, a truncated blob or any altered
    byte; UnsupportedFormat for another magic, an unknown version or suite, absurd KDF parameters
    (checked before any work is done) or a blob over 1 KiB; ValidationError for an empty passphrase or
    context.
    """
    context = as_context(context)
    data, params = _parse(blob)
    header = data[:_HEADER_LEN]
    salt = header[18:34]
    nonce = header[34:46]
    kek = derive_key(passphrase, salt, params)
    try:
        return AESGCM(kek).decrypt(nonce, data[_HEADER_LEN:], header + context)
    except InvalidTag:
        raise DecryptionFailed("wrong passphrase or context, or the wrapped key was altered") from None


def kdf_params_of(blob: bytes) -> KdfParams:
    """Return the Argon2id parameters a CPKW blob was wrapped with, without deriving anything.

    >>> kdf_params_of(wrap_key(bytes(32), "p", context=b"slot", params=KdfParams.fast()))
    KdfParams(memory_kib=1024, iterations=1, lanes=4)

    Compare with ``KdfParams()`` to decide whether to rewrap after the next successful unlock.
    Raises the same UnsupportedFormat / DecryptionFailed (truncated) errors as :func:`unwrap_key`.
    """
    return _parse(blob)[1]


def _parse(blob: object) -> tuple[bytes, KdfParams]:
    data = check_size(blob, "wrapped key", _MAX_BLOB)
    read_prefix(data, _MAGIC, frozenset({_VERSION}), frozenset({_SUITE_ARGON2ID_AES256GCM}))
    if len(data) != _BLOB_LEN:
        raise DecryptionFailed(f"wrapped key is {len(data)} bytes, not {_BLOB_LEN}: it was truncated or extended")
    memory_kib, iterations, lanes = _PARAMS.unpack_from(data, 6)
    try:
        params = KdfParams(memory_kib=memory_kib, iterations=iterations, lanes=lanes)
    except ValidationError as e:
        raise UnsupportedFormat(f"wrapped key has unacceptable KDF parameters: {e.detail}") from None
    return data, params


def _check_salt(salt: object) -> bytes:
    if not isinstance(salt, (bytes, bytearray, memoryview)):
        raise ValidationError("salt", "must be bytes")
    salt = bytes(salt)
    if len(salt) < _SALT_LEN:
        raise ValidationError("salt", f"must be at least {_SALT_LEN} bytes, got {len(salt)}")
    return salt


def _encode_passphrase(passphrase: object) -> bytes:
    if not isinstance(passphrase, str):
        raise ValidationError("passphrase", "must be text")
    if not passphrase:
        raise ValidationError("passphrase", "must not be empty")
    try:
        return unicodedata.normalize("NFC", passphrase).encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError("passphrase", "contains characters that cannot be encoded") from None


# --- recovery codes ------------------------------------------------------------------------------

_CROCKFORD: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CROCKFORD_ALIASES: Final = {"O": "0", "I": "1", "L": "1"}
_BODY_CHARS: Final = 26  # 26 * 5 = 130 random bits
_CHECK_CHARS: Final = 2
_CODE_CHARS: Final = _BODY_CHARS + _CHECK_CHARS  # 28 = 7 groups of 4
_CHECK_MODULUS: Final = 1021  # prime < 32**2: every single substitution and adjacent swap changes the sum
_DASHES: Final = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")
_MAX_TYPED: Final = 200


def generate_recovery_code() -> str:
    """Return a new recovery code: 26 random Crockford base32 symbols (130 bits) plus 2 check symbols.

    >>> code = generate_recovery_code()
    >>> len(code), code.count("-")
    (34, 6)

    Printed as seven groups of four, e.g. ``7K3M-Q9XD-...``. Use ``normalize_recovery_code(code)`` as
    the passphrase for :func:`wrap_key`. Raises nothing.
    """
    body = "".join(secrets.choice(_CROCKFORD) for _ in range(_BODY_CHARS))
    return _group(body + _check_symbols(body))


def normalize_recovery_code(text: str) -> str:
    """Return the canonical form of a recovery code as a user typed it, checking its check symbols.

    >>> code = generate_recovery_code()
    >>> normalize_recovery_code(code.lower().replace("-", " ")) == code
    True

    Case is ignored, as are spaces and dashes; O reads as 0, and I and L as 1 (Crockford).
    Raises ValidationError("recovery_code", ...) for a character outside the alphabet, a wrong number of
    symbols, or a typo caught by the check symbols. Messages never repeat the code.
    """
    if not isinstance(text, str):
        raise ValidationError("recovery_code", "must be text")
    if len(text) > _MAX_TYPED:
        raise ValidationError("recovery_code", "is far too long")
    symbols: list[str] = []
    for ch in unicodedata.normalize("NFKC", text).upper():
        if ch.isspace() or ch in _DASHES:
            continue
        ch = _CROCKFORD_ALIASES.get(ch, ch)
        if ch not in _CROCKFORD:
            raise ValidationError(
                "recovery_code", "contains a character that is not in recovery codes (0-9, A-Z except U)"
            )
        symbols.append(ch)
    if len(symbols) != _CODE_CHARS:
        raise ValidationError("recovery_code", f"must have {_CODE_CHARS} letters and digits, not {len(symbols)}")
    code = "".join(symbols)
    body, check = code[:_BODY_CHARS], code[_BODY_CHARS:]
    if check != _check_symbols(body):
        raise ValidationError("recovery_code", "has a typo: compare each character with the printed code")
    return _group(code)


def _check_symbols(body: str) -> str:
    total = sum((i + 1) * _CROCKFORD.index(ch) for i, ch in enumerate(body)) % _CHECK_MODULUS
    return _CROCKFORD[total // 32] + _CROCKFORD[total % 32]


def _group(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
