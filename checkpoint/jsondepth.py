"""How deep hostile JSON may nest: ``MAX_DEPTH`` and the one checked parser, ``loads``.

Everything that arrives (a batch body at HQ, an event's payload at HQ or on a device, a signed document such as
reference data, a USB file) is parsed through ``loads``. A text nested deeper than ``MAX_DEPTH`` is refused with
``TooDeep`` (a ValueError, so "not readable JSON" handlers still catch it), never a RecursionError out of a
parser or, later, out of ``json.dumps``/``canonical_json`` at a deeper point of the stack. Real payloads nest
about six levels; 64 is generous and still far below Python's recursion limit (1,000) wherever the check runs.

Cost: ``str.count`` twice (C speed) for a text with at most ``MAX_DEPTH`` brackets, which cannot nest deeper;
only a text with more brackets is walked once parsed. Pure stdlib: the device's core and HQ share it
(``sync.protocol.MAX_DEPTH`` is this constant).

    >>> loads('{"a": [1, {"b": 2}]}')
    {'a': [1, {'b': 2}]}
    >>> try:
    ...     loads("[" * 65 + "]" * 65)
    ... except TooDeep as e:
    ...     print(e)
    nested deeper than 64 levels
    >>> too_deep({"a": [[[]]]}, 3), too_deep({"a": [[[]]]}, 4)
    (True, False)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

__all__ = ["MAX_DEPTH", "TooDeep", "loads", "too_deep"]

MAX_DEPTH = 64


class TooDeep(ValueError):
    """JSON nested deeper than the limit."""

    def __init__(self, limit: int = MAX_DEPTH) -> None:
        super().__init__(f"nested deeper than {limit} levels")


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether a parsed value (dicts and lists) nests deeper than ``limit`` levels; iterative, never recursive.
    A scalar is depth 0, ``[]`` and ``{}`` depth 1."""
    level = [value] if isinstance(value, dict | list) else []
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            return True
        nxt: list[Any] = []
        for v in level:
            nxt.extend(x for x in (v.values() if isinstance(v, dict) else v) if isinstance(x, dict | list))
        level = nxt
    return False


def loads(text: str | bytes | bytearray, parse: Callable[[Any], Any] = json.loads, *, limit: int = MAX_DEPTH) -> Any:
    """``parse(text)`` (``json.loads`` or what gives its result), refused with ``TooDeep`` when the JSON nests
    deeper than ``limit``; malformed JSON raises the parser's own ValueError."""
    try:
        value = parse(text)
    except RecursionError:
        raise TooDeep(limit) from None
    brackets = text.count("[") + text.count("{") if isinstance(text, str) else text.count(b"[") + text.count(b"{")
    if brackets > limit and too_deep(value, limit):
        raise TooDeep(limit)
    return value
