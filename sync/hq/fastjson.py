"""``loads``: ``json.loads``, about twice as fast on what HQ parses most (a batch's 15 MB body and each event's
payload text, about 2 KB), with the very same result.

msgspec's decoder parses well-formed JSON into the same Python values as ``json.loads`` (integers of any size stay
``int``; floats are correctly rounded; a repeated key keeps its last value). What it refuses, ``json.loads`` is
asked in turn, so the few texts the standard parser takes and msgspec does not (NaN and Infinity, numbers beyond
a double, a lone surrogate, a byte order mark or UTF-16/32 bytes) give what they always gave, and
malformed JSON raises ``json.loads``' own ValueError. tests/sync/hq/test_fastjson.py compares the two.

Profile of a 100,000-event push (21 batches, HQ on SQLite): JSON parsing was 14.5 % of HQ's CPU time; per 5,000-
event batch, body 0.082 s -> 0.028 s and payloads 0.272 s -> 0.167 s.

``event_hash``: ``checkpoint.events.event_hash``, the same digest, its canonical JSON written by msgspec's encoder
(keys sorted, no spaces, UTF-8 kept: byte for byte what ``canonical_json`` writes for text and integers; 17 -> 8 us
per event of the sync bench, whose payloads are about 3.8 KB of text to escape). Anything but text and integers,
and text msgspec refuses (a lone surrogate), takes ``checkpoint.events.event_hash`` itself.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

import msgspec

from checkpoint import events, jsondepth

__all__ = ["event_hash", "loads", "loads_batch", "payload_objects"]

log = logging.getLogger("checkpoint.hq")

_decode = msgspec.json.Decoder().decode
_decode_events = msgspec.json.Decoder(list[dict[str, str | int]]).decode
_encode_sorted = msgspec.json.Encoder(order="sorted").encode
_HASHED = events.HASHED_FIELDS


def loads(data: str | bytes) -> Any:
    """What ``json.loads(data)`` returns (or raises)."""
    try:
        return _decode(data)
    except (msgspec.MsgspecError, ValueError):   # ValueError: text holding a lone surrogate (not UTF-8)
        return json.loads(data)


def loads_batch(data: bytes) -> Any:
    """A batch body: what ``checkpoint.jsondepth.loads(data)`` returns (or raises: TooDeep beyond
    ``MAX_DEPTH``). A real body, a list of objects of text and integers, is decoded typed, which proves it two levels
    deep at no cost (and is faster than the untyped decoder: 24 vs 36 ms for 5,000 events); any other body is
    parsed as ``loads`` does and its depth checked."""
    try:
        return _decode_events(data)
    except (msgspec.MsgspecError, ValueError, RecursionError):
        return jsondepth.loads(data, loads)


def event_hash(ev: dict[str, Any]) -> str:
    """What ``checkpoint.events.event_hash(ev)`` returns (or raises)."""
    fields = {k: ev[k] for k in _HASHED}
    for v in fields.values():
        if type(v) is not str and type(v) is not int:      # (bool is not int here: it is written true/false)
            return events.event_hash(ev)
    try:
        return hashlib.sha256(_encode_sorted(fields)).hexdigest()
    except (msgspec.MsgspecError, UnicodeEncodeError):
        return events.event_hash(ev)


def payload_objects(evs: Iterable[tuple[Mapping[str, Any], Any, str]], types: Collection[str], what: str
                    ) -> Iterator[tuple[str, Mapping[str, Any], dict[str, Any], str]]:
    """``(type, event row, payload object, checkpoint id)`` of the events of ``types`` among ``evs`` (``(event row
    with its type; its payload, parsed by ingest or text; checkpoint id)``), in order. A payload that is not a
    JSON object is skipped and logged without its content (``what`` names the facts that skip it)."""
    for ev, payload, checkpoint_id in evs:
        type_ = str(ev["type"])
        if type_ not in types:
            continue
        p = payload
        if not isinstance(p, dict):
            try:
                p = loads(payload)
            except (TypeError, ValueError):
                p = None
        if not isinstance(p, dict):
            log.warning("%s: an event of type %s has an unreadable payload; skipped", what, type_)
            continue
        yield type_, ev, p, checkpoint_id
