"""Checks every HQ entry point applies to untrusted text before it reaches the database.

    >>> clean("Poipet", 80)
    'Poipet'
    >>> clean("a\\x00b", 80) is None          # PostgreSQL text cannot hold NUL
    True
    >>> text_arg(7, "device_id")
    Traceback (most recent call last):
    ...
    checkpoint.errors.ValidationError: device_id: must be text of at most 64 characters
"""

from __future__ import annotations

import re
from typing import Any

from checkpoint.errors import ValidationError

__all__ = ["HEX64", "clean", "text_arg"]

HEX64 = re.compile(r"[0-9a-f]{64}")


def clean(value: Any, limit: int) -> str | None:
    """``value`` if it is a string both databases can store (no NUL, valid UTF-8, not too long), else None."""
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return value


def text_arg(value: Any, name: str, limit: int = 64) -> str:
    """``value`` as clean text for the argument ``name``. Raises ValidationError."""
    s = clean(value, limit)
    if s is None:
        raise ValidationError(name, f"must be text of at most {limit} characters")
    return s
