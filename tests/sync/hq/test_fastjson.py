"""HQ parses batches and payloads with ``sync.hq.fastjson.loads``: it must give exactly what ``json.loads`` gives
(values and types: a quarantine or a fact must not change because the parser did), and fail where it fails."""

from __future__ import annotations

import json
import math
import random
from typing import Any

import pytest

from sync.hq import fastjson


def outcome(text: str | bytes, loads: Any) -> tuple[str, str]:
    try:
        v = loads(text)
    except ValueError:
        return ("ValueError", "")
    except RecursionError:
        return ("RecursionError", "")
    return (type(v).__name__, repr(v) if not (isinstance(v, float) and math.isnan(v)) else "nan")


LENIENT = [                          # the standard parser takes these; msgspec does not (the fallback answers)
    '{"a": NaN}', "Infinity", "[-Infinity]", "1e400", "-1e400", '"\\ud800 lone"', b"\xef\xbb\xbf[1, 2]",
    '["x"]'.encode("utf-16"), '{"n": 1}'.encode("utf-32"),
]
EXACT = [                            # both parse these; the values and their types must be the same
    "123456789012345678901234567890", "-9223372036854775809", "18446744073709551616", "-0", "-0.0", "1E+5",
    "0.30000000000000004", "4.9e-324", "1.7976931348623157e308", '{"a": 1, "a": 2}', '"\\ud83d\\ude00 é ញ"',
    ' {"k" : [true, false, null, "", {}]} ', '"\\u0000"', "9007199254740993", "2.2250738585072011e-308",
]
MALFORMED = ['"a\x01b"', "[1,]", "{'a': 1}", "01", "1.", "+1", '{"a":1} x', "", "nul", b'"\xff"', "[" * 5000]


@pytest.mark.parametrize("text", LENIENT + EXACT + MALFORMED)
def test_same_as_json_loads(text: str | bytes) -> None:
    assert outcome(text, fastjson.loads) == outcome(text, json.loads)


def test_malformed_raises_json_loads_own_error() -> None:
    with pytest.raises(json.JSONDecodeError):
        fastjson.loads('{"payload": ')


def _value(rng: random.Random, depth: int = 0) -> Any:
    r = rng.random()
    if depth > 4 or r < 0.35:
        return rng.choice([rng.randint(-10 ** rng.randint(0, 30), 10 ** rng.randint(0, 30)),
                           rng.random() * 10 ** rng.randint(-320, 300), -0.0, True, False, None,
                           "".join(chr(rng.choice([rng.randint(32, 126), rng.randint(0xA0, 0x10FFFF)]))
                                   for _ in range(rng.randint(0, 6)))])
    if r < 0.65:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {"".join(chr(rng.randint(32, 0x17FF)) for _ in range(rng.randint(0, 4))): _value(rng, depth + 1)
            for _ in range(rng.randint(0, 4))}


def test_random_documents_and_their_corruptions() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = json.dumps(_value(rng), ensure_ascii=rng.random() < 0.5)
        if rng.random() < 0.3:       # a few bytes changed: mostly malformed, sometimes still JSON
            chars = list(text)
            for _ in range(rng.randint(1, 3)):
                if chars:
                    chars[rng.randrange(len(chars))] = rng.choice('{}[],:"\\0123456789eE.-+ tfn\x01é')
            text = "".join(chars)
        for doc in (text, text.encode("utf-8", "surrogatepass")):
            assert outcome(doc, fastjson.loads) == outcome(doc, json.loads), doc


# ------------------------------------------------------------------------------------------------ event_hash
_NASTY = [*map(chr, range(0x20)), '"', "\\", "/", "\x7f", "\x80", "\xa0", "\u2028", "\u2029", "\ufeff", "\uffff",
          "é", "ញ", "\U0001f600", "\U0010ffff", "a", " ", "{", "}", ":", ","]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice([rng.choice(_NASTY), chr(rng.randint(0x20, 0xD7FF)),
                               chr(rng.randint(0xE000, 0x10FFFF))]) for _ in range(rng.randint(0, 40)))


def _event(rng: random.Random) -> dict[str, Any]:
    from checkpoint.events import HASHED_FIELDS

    ev: dict[str, Any] = {k: _text(rng) for k in HASHED_FIELDS}
    ev["payload"] = json.dumps(_value(rng), ensure_ascii=rng.random() < 0.5, allow_nan=True)
    ev["device_seq"] = rng.choice([rng.randint(1, 2**62), rng.randint(-(10**30), 10**30), 0])
    if rng.random() < 0.2:                 # what HQ's checks refuse before hashing: the fallback answers
        ev[rng.choice(HASHED_FIELDS)] = rng.choice([True, False, None, 1.5, ["x"], {"a": 1}, 7])
    return ev


def _hashed(ev: dict[str, Any], hash_: Any) -> str:
    try:
        return str(hash_(ev))
    except UnicodeEncodeError:             # a lone surrogate (HQ refuses it before hashing: not UTF-8)
        return "UnicodeEncodeError"


def test_event_hash_is_checkpoints_event_hash() -> None:
    from checkpoint.events import HASHED_FIELDS, event_hash

    rng = random.Random(20261203)
    for _ in range(3000):
        ev = _event(rng)
        assert _hashed(ev, fastjson.event_hash) == _hashed(ev, event_hash), ev
    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]      # each character, 4,096 at a time
    base: dict[str, Any] = {**dict.fromkeys(HASHED_FIELDS, "x"), "device_seq": 1}
    for n in range(0, len(every), 4096):
        ev = {**base, "author": "".join(every[n:n + 4096])}
        assert fastjson.event_hash(ev) == event_hash(ev), n


def test_event_hash_of_a_lone_surrogate_raises_as_checkpoints_does() -> None:
    from checkpoint.events import event_hash

    ev = {**_event(random.Random(1)), "payload": "a\ud800b", "device_seq": 3}
    with pytest.raises(UnicodeEncodeError):
        event_hash(ev)
    with pytest.raises(UnicodeEncodeError):
        fastjson.event_hash(ev)
