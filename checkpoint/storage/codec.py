"""How an event payload is kept in the device's store."""

from __future__ import annotations

import zlib

__all__ = ["decode_payload", "encode_payload"]


def encode_payload(text: str) -> bytes:
    """How an event payload is stored: its canonical JSON, zlib-compressed (a registration shrinks ~3x, so
    several fit in one page instead of one per page). The hash is always over the JSON text."""
    return zlib.compress(text.encode(), 6)


def decode_payload(stored: bytes | str) -> str:
    """The JSON text of a stored payload (plain text is accepted too)."""
    if isinstance(stored, str):
        return stored
    return zlib.decompress(stored).decode()
