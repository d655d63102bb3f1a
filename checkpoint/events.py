"""What an event is, independent of where it is stored: ids, hybrid logical clocks, canonical JSON, the hash
chain, the fields that travel on the wire and the event types a store knows. Pure: the device's store and HQ
both use it, and HQ needs nothing else of the device's code to check an event.

    >>> u = uuid7(1_700_000_000_000); u[14]
    '7'
    >>> h = HLC(); a = h.tick(1000); b = h.tick(1000); a < b
    True
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

__all__ = ["EVENT_COLUMNS", "EVENT_TYPES", "GENESIS", "HASHED_FIELDS", "HLC", "VERDICTS", "WIRE_FIELDS",
           "canonical_json", "event_hash", "uuid7"]

GENESIS = "0" * 64

# Columns of the device's events table; all but ``local_order`` (this store's own insertion order) travel.
EVENT_COLUMNS = ("id", "device_id", "device_seq", "entity_type", "entity_id", "type", "payload", "author", "hlc",
                 "content_version", "recorded_at", "prev_hash", "hash", "local_order")
WIRE_FIELDS = tuple(c for c in EVENT_COLUMNS if c != "local_order")

# Every event type a store applies (checkpoint.storage.projections has one handler per type, checked by a test).
EVENT_TYPES = frozenset({
    "registration.recorded", "person.amended", "encounter.amended", "conflict.resolved", "encounter.approved",
    "record.voided", "referral.created", "referral.updated", "user.created", "user.updated",
    # the audit trail: change no projection
    "person.viewed", "user.passphrase_changed", "records.exported", "store.backed_up", "referral.slip_printed",
})

# What HQ may say about one event it received (its signed ack names one per event). Every one of them means
# "HQ has it": the device stops sending it. accepted: applied; duplicate: same id and content already there;
# held: kept until a gap in the device's sequence fills; quarantined: kept aside with a reason; conflict: same id,
# other content (both kept for a supervisor). HQ (sync.hq) and the device's outbox read this one tuple.
VERDICTS = ("accepted", "duplicate", "held", "quarantined", "conflict")


def uuid7(ms: int) -> str:
    """A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, variant 10, 74 random bits."""
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= (rand >> 68 & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


MAX_COUNTER = 999_999   # six digits in the rendered HLC, as HQ's ingest checks


class HLC:
    """Hybrid logical clock: (physical ms, counter), rendered as a sortable string.

    Never goes backwards even when the wall clock does (a laptop whose clock is reset, a device a day off):
    order comes from this, never from trusting wall clocks.
    """

    def __init__(self, last: str | None = None) -> None:
        self.l, self.c = self.parse(last) if last else (0, 0)

    @staticmethod
    def parse(s: str) -> tuple[int, int]:
        a, b = s.split(".")
        return int(a), int(b)

    @staticmethod
    def render(l_: int, c: int) -> str:
        return f"{l_:015d}.{c:06d}"

    def tick(self, wall_ms: int) -> str:
        """Timestamp for a local event. The counter has six digits: a millionth event within one millisecond
        (a wall clock far behind the last timestamp, as while writing backdated demo data) moves to the next
        millisecond instead, so the rendered strings keep their width and their order."""
        if wall_ms > self.l:
            self.l, self.c = wall_ms, 0
        elif self.c < MAX_COUNTER:
            self.c += 1
        else:
            self.l, self.c = self.l + 1, 0
        return self.render(self.l, self.c)

    def receive(self, remote: str, wall_ms: int) -> None:
        """Merge a timestamp seen on an event from another device."""
        rl, rc = self.parse(remote)
        new_l = max(self.l, rl, wall_ms)
        if new_l == self.l and new_l == rl:
            self.c = max(self.c, rc) + 1
        elif new_l == self.l:
            self.c += 1
        elif new_l == rl:
            self.c = rc + 1
        else:
            self.c = 0
        self.l = new_l
        if self.c > MAX_COUNTER:
            self.l, self.c = self.l + 1, 0


def canonical_json(obj: Any) -> str:
    """Deterministic JSON (sorted keys, no spaces, UTF-8 kept) used for hashing and storage."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


HASHED_FIELDS = ("id", "device_id", "device_seq", "entity_type", "entity_id", "type", "payload", "author",
                 "hlc", "content_version", "recorded_at", "prev_hash")


def event_hash(ev: dict[str, Any]) -> str:
    """SHA-256 over the canonical form of an event's immutable fields (payload as stored text)."""
    material = canonical_json({k: ev[k] for k in HASHED_FIELDS})
    return hashlib.sha256(material.encode()).hexdigest()
