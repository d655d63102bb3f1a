"""The event hash (``checkpoint.events.event_hash``) is SHA-256 over ``canonical_json`` of the hashed fields, byte for
byte, whatever the values: its fast path for text and integer fields must never hash something else, or every
device and HQ would disagree about every chain."""

from __future__ import annotations

import hashlib
import random
from typing import Any

import pytest

from checkpoint.events import HASHED_FIELDS, canonical_json, event_hash


def reference(ev: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json({k: ev[k] for k in HASHED_FIELDS}).encode()).hexdigest()


def outcome(f: Any, ev: dict[str, Any]) -> str:
    try:
        return str(f(ev))
    except Exception as e:  # the same failure (an unhashable value) is part of the contract
        return type(e).__name__


BASE = {k: f"value of {k}" for k in HASHED_FIELDS} | {"device_seq": 42}
ODD_TEXT = ["", "é ញ្ញ \U0001F600", '"quoted" \\ back\\slash', "\x00\x01\x1f\x7f\n\r\t\b\f", "\u2028\u2029",
            "\ud800 lone surrogate", "x" * 100_000, '{"payload": [1, 2.5, null]}']
ODD_VALUES = [True, False, None, 1.5, float("nan"), 2**80, -7, 0, [1, "a"], {"b": 1, "a": 2}]


class Text(str):
    pass


class Number(int):
    pass


@pytest.mark.parametrize("field", HASHED_FIELDS)
def test_every_field_hashes_as_canonical_json_whatever_it_holds(field: str) -> None:
    for value in [*ODD_TEXT, *ODD_VALUES, Text('sub"class'), Number(9)]:
        ev = dict(BASE, **{field: value})
        assert outcome(event_hash, ev) == outcome(reference, ev), (field, value)


def test_random_events_and_extra_fields() -> None:
    rng = random.Random(10)
    alphabet = "abc\"\\\n\x00\x1fé\u0080\u2028ញ\U0001F600{}:,"
    for _ in range(2000):
        ev: dict[str, Any] = {k: "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
                              for k in HASHED_FIELDS}
        ev["device_seq"] = rng.randint(-(2**70), 2**70)
        ev["status"] = "ignored: not hashed"
        assert event_hash(ev) == reference(ev)


def test_a_missing_field_is_refused_as_before() -> None:
    ev = dict(BASE)
    del ev["prev_hash"]
    with pytest.raises(KeyError):
        event_hash(ev)
