"""Shared helpers: argument checks and the common blob header (magic, version, suite).

Private to ``checkpoint.crypto``; the public names are re-exported from the package.
"""

from __future__ import annotations

import hmac
from typing import Final

from checkpoint.errors import DecryptionFailed, UnsupportedFormat, ValidationError

# Magic of every format this package writes, with a plain name for error messages.
FORMAT_NAMES: Final[dict[bytes, str]] = {
    b"CPKW": "wrapped key",
    b"CPSL": "sealed blob",
    b"CPAE": "encrypted blob",
    b"CPSG": "signature",
    b"CPMS": "sealed section",
}

PREFIX_LEN: Final = 6  # magic (4) + version (1) + suite (1)
KEY_LEN: Final = 32
MAX_SEALED_SIZE: Final = 64 * 2**20


def as_bytes(value: object, field: str) -> bytes:
    """Return ``value`` as ``bytes`` if it is bytes-like, else raise ValidationError naming ``field``."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    raise ValidationError(field, f"must be bytes, not {type(value).__name__}")


def as_key(value: object, field: str, length: int = KEY_LEN) -> bytes:
    """Return ``value`` as bytes of exactly ``length`` bytes, else raise ValidationError (never echoes it)."""
    data = as_bytes(value, field)
    if len(data) != length:
        raise ValidationError(field, f"must be {length} bytes, got {len(data)}")
    return data


def as_context(value: object) -> bytes:
    """Return the caller's AEAD context: non-empty bytes, so every object is bound to its identity."""
    data = as_bytes(value, "context")
    if not data:
        raise ValidationError("context", "must not be empty: pass the object's identity (store id + slot)")
    return data


def check_size(blob: object, what: str, max_size: int) -> bytes:
    """Refuse ``blob`` if it is larger than ``max_size`` bytes, before copying or parsing it.

    Raises ValidationError if ``blob`` is not bytes-like or ``max_size`` is not a positive int, and
    UnsupportedFormat if the blob is too large.
    """
    if isinstance(max_size, bool) or not isinstance(max_size, int) or max_size < 1:
        raise ValidationError("max_size", "must be a positive number of bytes")
    if isinstance(blob, memoryview):
        size = blob.nbytes
    elif isinstance(blob, (bytes, bytearray)):
        size = len(blob)
    else:
        raise ValidationError("blob", f"must be bytes, not {type(blob).__name__}")
    if size > max_size:
        raise UnsupportedFormat(f"{what} is {size} bytes, more than the limit of {max_size} bytes")
    return as_bytes(blob, "blob")


def read_prefix(blob: bytes, magic: bytes, versions: frozenset[int], suites: frozenset[int]) -> tuple[int, int]:
    """Check the 6-byte prefix of ``blob`` and return ``(version, suite)``.

    Raises UnsupportedFormat for a blob too short to carry a prefix, another magic, or an unknown
    version or suite.
    """
    what = FORMAT_NAMES[magic]
    a_what = ("an " if what[0] in "aeiou" else "a ") + what
    if len(blob) < PREFIX_LEN:
        raise UnsupportedFormat(f"{len(blob)} bytes is too short to be {a_what}")
    found = blob[:4]
    if found != magic:
        other = FORMAT_NAMES.get(found)
        if other is not None:
            raise UnsupportedFormat(f"this is a Checkpoint {other}, not {a_what}")
        raise UnsupportedFormat(f"not {a_what} (unknown magic)")
    version, suite = blob[4], blob[5]
    if version not in versions:
        raise UnsupportedFormat(
            f"{what} version {version} is not supported (this build reads version {_list(versions)})"
        )
    if suite not in suites:
        raise UnsupportedFormat(f"{what} suite {suite} is not supported (this build reads suite {_list(suites)})")
    return version, suite


def require_min_len(blob: bytes, minimum: int, what: str) -> None:
    """Raise DecryptionFailed if ``blob`` is shorter than its header and tag."""
    if len(blob) < minimum:
        raise DecryptionFailed(f"{what} is truncated ({len(blob)} bytes, at least {minimum} expected)")


def constant_time_equal(a: bytes, b: bytes) -> bool:
    """Compare two byte strings in time that does not depend on where they differ.

    >>> constant_time_equal(b"tag", b"tag"), constant_time_equal(b"tag", b"tab")
    (True, False)

    Raises ValidationError if either argument is not bytes-like.
    """
    return hmac.compare_digest(as_bytes(a, "a"), as_bytes(b, "b"))


def _list(values: frozenset[int]) -> str:
    return ", ".join(str(v) for v in sorted(values))
