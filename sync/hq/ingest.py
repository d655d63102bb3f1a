"""What HQ does with a batch, in two steps: ``plan_ingest`` decides (pure: no database, no I/O) and
``write_plan`` persists the decision in the batch's transaction. The rules are the protocol's (DESIGN.md §4):

- an event that is not an object, lacks a wire field, has a field of the wrong type or size, text a database
  cannot hold, a payload that is not a JSON object, a malformed hash, clock value or id, a hash that does not
  match its content, or an unknown type: ``quarantined`` with the reason (kept, never blocking the rest); its
  sequence number, when readable, still counts as received;
- an id HQ already holds (or that came earlier in this batch) with the same hash: ``duplicate`` (a no-op); with
  another hash: ``conflict`` (the copy is kept aside for a supervisor, never overwrites);
- an event HQ quarantined before, sent again where its sequence number is already received or used: the same
  ``quarantined`` answer, no second row;
- a sequence number of this device that is already received, or used by another event (a device restored from
  a backup): ``quarantined``;
- otherwise the event is new: ``accepted`` when every earlier sequence number of the device has arrived, else
  ``held`` (stored, not visible to pull) until the gap fills. The device's watermark (``contiguous_seq``) moves
  up over what arrived; held events at or below the new watermark are released (they become visible, in
  sequence order, with the events that released them);
- the batch names the previous batch's SHA-256; another one (or another store id) flags the batch, never refuses
  it (a device restored from a backup restarts its chain);
- each event's ``prev_hash`` must be the hash of the device's event before it (GENESIS for the first) wherever HQ
  knows that event (in this batch, held, or stored): an event that breaks the chain (a device whose past events
  were rewritten and rehashed after HQ had them) is ``quarantined`` and the batch flagged (journal
  ``chain_break``); a link through an event HQ never held cleanly is not checked.

The ack carries the device's chain head as HQ holds it (``head``: the last event at or below the watermark that
HQ holds, its sequence number and hash), signed on its own (``checkpoint.events.CHAIN_HEAD_CONTEXT``) so the
device can keep it and compare its own log with it later (``verify``: "events already at HQ differ").

The first verdict given to an id in a batch is the one its ack carries, except that a new event's own verdict
(accepted or held) always wins.

    >>> incoming = read_events(events)            # before the transaction: shape, hash, type  # doctest: +SKIP
    >>> state = read_state(conn, device_row, incoming)      # in it: what the rules need       # doctest: +SKIP
    >>> plan = plan_ingest(header, sha256, incoming, state, now=now, via="http")            # doctest: +SKIP
    >>> plan.verdicts[event_id]                                                             # doctest: +SKIP
    Verdict(verdict='held', note='kept; waiting for event 4 of this device before it is applied')
    >>> write_plan(conn, plan, sign_document(ACK, plan.ack_document(), hq_signing_private))  # doctest: +SKIP

A replayed batch (same SHA-256, or the same batch id sealed again with the same events) is answered from
``stored_ack``/``resealed`` with the very ack bytes sent the first time; nothing is planned or written.
"""

from __future__ import annotations

import hashlib
import json
import logging
import operator
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint import crypto, jsondepth
from checkpoint.errors import ConflictError
from checkpoint.events import (
    CHAIN_HEAD_CONTEXT,
    EVENT_ENTITY,
    EVENT_TYPES,
    GENESIS,
    HQ_ONLY_TYPES,
    SHARING_TYPES,
    SITE_TYPES,
    TRAVEL_TYPES,
    VERDICTS,
    WIRE_FIELDS,
    EventRefs,
    canonical_json,
    event_refs,
    sharing_consent,
)
from checkpoint.model.roles import may_author
from sync.hq import fastjson
from sync.hq.checks import HEX64, clean
from sync.hq.pull import feed_rows
from sync.hq.store import (
    add_journal,
    batch_digests,
    batches,
    bulk_insert,
    checkpoint_entities,
    conflicts,
    devices,
    events,
    id_in,
    insert_ignore,
    persons,
    pull_feed,
    quarantine,
    records,
    reserve,
)
from sync.protocol import MAX_DEPTH
from sync.wire import ACK, open_signed

__all__ = ["Conflict", "Held", "Incoming", "Ingested", "NewEvent", "PersonAt", "Plan", "Quarantined", "State",
           "Verdict", "check_event", "plan_ingest", "read_events", "read_state", "rechecked_ids", "resealed",
           "stored_ack", "write_plan"]

log = logging.getLogger("checkpoint.hq")

MAX_PAYLOAD = 1024 * 1024
MAX_RAW_KEPT = 2 * 1024 * 1024
SEQ_MAX = 2**62
_HLC = re.compile(r"[0-9]{15}\.[0-9]{6}")
_STR_LIMITS = {"id": 64, "device_id": 64, "entity_type": 32, "entity_id": 64, "type": 64, "author": 64,
               "hlc": 32, "content_version": 64, "recorded_at": 40, "prev_hash": 64, "hash": 64}

DUPLICATE_NOTE = "already at HQ"
CONFLICT_NOTE = "HQ holds another event with this id and different content; both are kept for a supervisor"


# ------------------------------------------------------------------------------------------------ one event
def seq_of(raw: Mapping[str, Any]) -> int | None:
    """The event's device sequence number if it is a usable one (1 <= n < 2**62), else None."""
    s = raw.get("device_seq")
    return s if isinstance(s, int) and not isinstance(s, bool) and 1 <= s < SEQ_MAX else None


def check_event(raw: Any) -> tuple[dict[str, Any] | None, str]:
    """An event as HQ stores it (WIRE_FIELDS only), or (None, reason to quarantine it)."""
    ev, reason, _refs, _sharing = _check(raw)
    return ev, reason


def _check(raw: Any) -> tuple[dict[str, Any] | None, str, EventRefs | None, bool | None]:
    ev, reason, refs, sharing, _parsed = _check_parsed(raw)
    return ev, reason, refs, sharing


def _check_parsed(raw: Any) -> tuple[dict[str, Any] | None, str, EventRefs | None, bool | None, Any]:
    """``check_event``, plus the records the event creates and names and, for a registration, the person's
    consent to sharing. An event whose entity type is not its type's, or whose payload does not name its records
    as its type must, comes back clean with refs None and the reason: ``_trust`` refuses it after the duplicate
    and conflict rules (the same id with other content stays a conflict)."""
    ev, reason, parsed = _check_shape(raw)
    if ev is None:
        return None, reason, None, None, None
    t = ev["type"]
    if ev["entity_type"] != EVENT_ENTITY[t]:
        return (ev, f"refused: a {t} event must be about a {EVENT_ENTITY[t]}, not a {ev['entity_type']!r}", None,
                None, parsed)
    if t in HQ_ONLY_TYPES:
        return ev, f"refused: only HQ writes {t} events", None, None, parsed
    try:
        refs = event_refs(t, ev["entity_id"], parsed)
    except ValueError as e:
        return ev, f"refused: {t}: {e}", None, None, parsed
    return ev, "", refs, sharing_consent(parsed) if t in SHARING_TYPES else None, parsed


def _check_shape(raw: Any) -> tuple[dict[str, Any] | None, str, Any]:
    if not isinstance(raw, dict):
        return None, "malformed: not an object", None
    missing = [k for k in WIRE_FIELDS if k not in raw]
    if missing:
        return None, f"malformed: lacks {', '.join(missing)}", None
    for k, limit in _STR_LIMITS.items():
        v = raw[k]
        if not isinstance(v, str) or len(v) > limit:
            return None, f"malformed: {k} is not text of at most {limit} characters", None
    if seq_of(raw) is None:
        return None, "malformed: device_seq is not a positive integer", None
    payload = raw["payload"]
    if not isinstance(payload, str) or len(payload) > MAX_PAYLOAD:
        return None, "malformed: payload is not text of at most 1 MiB", None
    # One pass over all the text: no NUL (PostgreSQL text cannot hold it) and valid UTF-8 (no lone surrogate).
    if clean("".join([*(raw[k] for k in _STR_LIMITS), payload]), 70 * MAX_PAYLOAD) is None:
        return None, "malformed: a text field holds a NUL or is not valid UTF-8", None
    try:
        parsed = jsondepth.loads(payload, fastjson.loads)
    except jsondepth.TooDeep:
        return None, f"malformed: payload is nested deeper than {MAX_DEPTH} levels", None
    except ValueError:
        return None, "malformed: payload is not JSON", None
    if not isinstance(parsed, dict):
        return None, "malformed: payload is not a JSON object", None
    for k in ("hash", "prev_hash"):
        if not HEX64.fullmatch(raw[k]):
            return None, f"malformed: {k} is not a SHA-256", None
    if not _HLC.fullmatch(raw["hlc"]):
        return None, "malformed: hlc is not a hybrid logical clock value", None
    try:
        uuid.UUID(raw["id"])
    except ValueError:
        return None, "malformed: id is not a UUID", None
    ev = {k: raw[k] for k in WIRE_FIELDS}
    if fastjson.event_hash(ev) != ev["hash"]:
        return None, "hash mismatch: the event's content does not match its hash", None
    if ev["type"] not in EVENT_TYPES:
        return None, f"unknown event type {ev['type'][:64]!r}: kept until HQ understands it", None
    return ev, "", parsed


@dataclass(frozen=True)
class Incoming:
    """One event of a batch as HQ read it: clean (``event``) or not (``event`` None, ``reason`` why)."""

    key: str                               # the id the ack names it by (its id, or "#<position>")
    event: Mapping[str, Any] | None
    reason: str
    seq: int | None                        # its sequence number when readable, even if the event is not clean
    raw: Any = field(repr=False)
    refs: EventRefs | None = field(default=None, repr=False)   # records it creates and names (clean events)
    sharing: bool | None = None            # a registration's consent to sharing
    payload: Any = field(default=None, repr=False, compare=False)  # the payload as parsed once (clean events)


def read_events(raw_events: Sequence[Any]) -> tuple[Incoming, ...]:
    """Check each event of an opened batch (``check_event``); pure, done before the write transaction."""
    out = []
    for i, raw in enumerate(raw_events):
        ev, reason, refs, sharing, parsed = _check_parsed(raw)
        eid = raw.get("id") if isinstance(raw, dict) else None
        key = eid if isinstance(eid, str) and clean(eid, 200) else f"#{i}"
        out.append(Incoming(key, None if ev is None else MappingProxyType(ev), reason,
                            seq_of(raw) if isinstance(raw, dict) else None, raw, refs, sharing, parsed))
    return tuple(out)


def raw_text(raw: Any) -> tuple[str, str]:
    """What HQ keeps of a refused event (JSON text, capped) and the SHA-256 of all of it."""
    text = json.dumps(raw, sort_keys=True, ensure_ascii=True, default=repr)
    return text[:MAX_RAW_KEPT], hashlib.sha256(text.encode()).hexdigest()


# ------------------------------------------------------------------------------------------------ state and plan
@dataclass(frozen=True)
class Held:
    """An event of the device HQ holds above its watermark (waiting for a gap to fill)."""

    id: str
    entity_type: str
    entity_id: str
    type: str = ""
    hash: str = ""
    prev_hash: str = ""


@dataclass(frozen=True)
class PersonAt:
    """Where a person was registered at HQ and whether they consent to sharing (``persons``)."""

    checkpoint_id: str
    sharing: bool


@dataclass(frozen=True)
class State:
    """What HQ holds that the verdicts depend on, read in the batch's transaction (``read_state``)."""

    watermark: int = 0                     # the device's contiguous sequence: every event up to it has arrived
    store_id: str = ""                     # the store the device enrolled with
    checkpoint_id: str = ""
    last_batch_id: str = ""
    expected_prev: frozenset[str] = frozenset({""})      # SHA-256 of the device's last batch (each copy of it)
    known: Mapping[str, str] = field(default_factory=dict)            # id -> hash, of this batch's ids HQ holds
    held: Mapping[int, Held] = field(default_factory=dict)            # sequence number -> held event
    quarantined_seqs: frozenset[int] = frozenset()                    # the device's quarantined seqs > watermark
    quarantined_ids: Mapping[str, str] = field(default_factory=dict)  # id -> reason, of this batch's ids
    device_id: str = ""                    # the batch's device: every event must be its own ("" = not checked)
    persons: Mapping[str, PersonAt] = field(default_factory=dict)     # of the persons this batch's events name
    follows: frozenset[str] = frozenset()                             # ... those this checkpoint follows
    records: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # record id -> (kind, person id)
    hashes: Mapping[int, str] = field(default_factory=dict)   # seq -> hash of the device's events HQ stores
    head: tuple[int, str] = (0, "")        # the device's last stored event at or below the watermark (seq, hash)
    roles: Mapping[str, str] = field(default_factory=dict)    # author -> role (its user events at HQ), issue 11


@dataclass(frozen=True)
class Verdict:
    verdict: str                           # one of VERDICTS
    note: str


@dataclass(frozen=True)
class NewEvent:
    """An event HQ takes in: ``accepted`` (visible) or ``held``."""

    event: Mapping[str, Any]
    status: str
    payload: Any = field(default=None, repr=False, compare=False)  # its payload as read_events parsed it, if known


@dataclass(frozen=True)
class Quarantined:
    """A row for the ``quarantine`` table."""

    event_id: str
    device_seq: int | None
    reason: str
    raw: str = field(repr=False)
    raw_sha256: str


@dataclass(frozen=True)
class Conflict:
    """A row for the ``conflicts`` table: the copy that differs from what HQ holds."""

    event_id: str
    hash: str
    existing_hash: str
    raw: str = field(repr=False)


@dataclass(frozen=True)
class Plan:
    """Everything HQ will write for one batch, and the ack it will sign. Built by ``plan_ingest``."""

    batch_id: str
    device_id: str
    checkpoint_id: str
    sha256: str
    prev_sha256: str
    first_seq: int
    last_seq: int
    count: int
    via: str
    received_at: str
    chain_ok: bool
    chain_note: str
    verdicts: Mapping[str, Verdict]
    new_events: tuple[NewEvent, ...]
    quarantined: tuple[Quarantined, ...]
    conflicts: tuple[Conflict, ...]
    watermark: int                         # the device's contiguous sequence after this batch
    released: tuple[str, ...]              # held events this batch releases, in sequence order
    visible: tuple[str, ...]               # events that become visible now (released and accepted), in order
    entities: Mapping[str, tuple[str, str]]  # (entity_type, entity_id) of each event taken in or released
    routed: tuple[tuple[str, str], ...] = ()  # (event id, person id) of visible events that may travel, in order
    new_persons: Mapping[str, tuple[str, bool, str]] = field(default_factory=dict)  # id -> (checkpoint, sharing, ev)
    sharing: Mapping[str, bool] = field(default_factory=dict)  # persons whose consent this batch records again
    new_records: tuple[tuple[str, str, str], ...] = ()         # (record id, kind, person id)
    head: tuple[int, str] = (0, "")        # the device's chain head at HQ after this batch (seq, hash)
    site_routed: tuple[str, ...] = ()      # visible checkpoint events (events.SITE_TYPES) for its other devices

    @property
    def counts(self) -> dict[str, int]:
        """Events per verdict, and how many held events were released."""
        out = dict.fromkeys(VERDICTS, 0)
        for v in self.verdicts.values():
            out[v.verdict] += 1
        out["released"] = len(self.released)
        return out

    def ack_document(self, signing_private: bytes | None = None) -> dict[str, Any]:
        """The body of the signed ACK: ``{event_id: [verdict, note]}`` for every event of the batch and, given
        HQ's signing key, the device's chain head at HQ (``head``) with its own signature (``head_sig``, hex)."""
        doc = {"kind": "ack", "batch_id": self.batch_id, "batch_sha256": self.sha256, "device_id": self.device_id,
               "verdicts": {k: [v.verdict, v.note] for k, v in self.verdicts.items()},
               "issued_at": self.received_at}
        if signing_private is not None:
            head = self.head_document()
            doc["head"] = head
            doc["head_sig"] = crypto.sign(signing_private, canonical_json(head).encode(),
                                          context=CHAIN_HEAD_CONTEXT).hex()
        return doc

    def head_document(self) -> dict[str, Any]:
        """The device's chain head as HQ holds it after this batch: what the device keeps to check its log."""
        return {"device_id": self.device_id, "seq": self.head[0], "hash": self.head[1] or GENESIS,
                "watermark": self.watermark, "issued_at": self.received_at}


def check_chain(header: Mapping[str, Any], state: State) -> tuple[bool, str]:
    """(chain_ok, note): a batch that does not follow the device's last one, or names another store, is flagged."""
    note = ""
    if header["prev_sha256"] not in state.expected_prev:
        note = (f"batch chain break: the batch names previous batch {header['prev_sha256'][:16] or '(none)'}"
                f", HQ's last batch from this device is {state.last_batch_id or '(none)'} (restored from a "
                "backup?)")
    if header.get("store_id") != state.store_id:
        note = (note + "; " if note else "") + "the batch names another store id"
    return not note, note


def rechecked_ids(incoming: Iterable[Incoming], state: State) -> list[str]:
    """Clean events whose earlier quarantine answers for them again: not held by HQ, and their sequence number
    already received or used. ``read_state`` looks up only these; ``plan_ingest`` applies the same test."""
    taken = set(state.held) | state.quarantined_seqs
    return [p.event["id"] for p in incoming if p.event is not None and p.event["id"] not in state.known
            and _recheck(p.event["device_seq"], state.watermark, taken)]


def _recheck(seq: int, watermark: int, taken: set[int]) -> bool:
    return seq <= watermark or seq in taken


class _Ledger:
    """The verdicts and rows of one batch while ``plan_ingest`` walks it (private: the Plan is what escapes)."""

    def __init__(self, state: State) -> None:
        self.verdicts: dict[str, Verdict] = {}
        self.new: list[Mapping[str, Any]] = []
        self.payloads: dict[str, Any] = {}                    # id -> parsed payload of the new events
        self.quarantined: list[Quarantined] = []
        self.conflicts: list[Conflict] = []
        self.batch_ids: dict[str, str] = {}                   # id -> hash of the new events so far
        self.taken_before = set(state.held) | state.quarantined_seqs   # sequence numbers above the watermark used
        self.taken = set(self.taken_before)
        self.seen = set(self.taken_before)                   # ... and every one this batch brings
        self.new_persons: dict[str, tuple[str, bool, str]] = {}
        self.sharing: dict[str, bool] = {}
        self.records: dict[str, tuple[str, str]] = {}
        self.hash_at: dict[int, str] = {}                     # seq -> hash of this batch's clean events
        self.breaks: list[int] = []                            # sequence numbers that break the device's chain
        self.roles: dict[str, str] = {}                        # author -> role, set by this batch's user events

    def say(self, key: str, verdict: str, note: str) -> None:
        self.verdicts.setdefault(key, Verdict(verdict, note[:500]))

    def quarantine(self, p: Incoming, reason: str) -> None:
        raw, raw_sha = raw_text(p.raw)
        self.quarantined.append(Quarantined(p.key[:200], p.seq, reason[:2000], raw, raw_sha))
        self.say(p.key, "quarantined", reason)


def _judge(p: Incoming, state: State, ledger: _Ledger) -> None:
    """The verdict for one event (in sequence order), recorded in the ledger."""
    ev = p.event
    if ev is None:
        ledger.quarantine(p, p.reason)
        if p.seq is not None and p.seq > state.watermark:
            ledger.seen.add(p.seq)            # a refused event still fills its place in the sequence
        return
    eid, h, seq = ev["id"], ev["hash"], ev["device_seq"]
    have = state.known.get(eid, ledger.batch_ids.get(eid))
    if have is not None:
        if have == h:
            ledger.say(eid, "duplicate", DUPLICATE_NOTE)
        else:
            ledger.conflicts.append(Conflict(eid, h, have, raw_text(dict(ev))[0]))
            ledger.say(eid, "conflict", CONFLICT_NOTE)
        return
    if eid in state.quarantined_ids and _recheck(seq, state.watermark, ledger.taken_before):
        ledger.say(eid, "quarantined", f"already in quarantine: {state.quarantined_ids[eid]}")
        return
    if seq <= state.watermark or seq in ledger.taken:
        ledger.quarantine(p, f"sequence number {seq} of this device is already used by another event (device "
                             "restored from a backup?)")
        return
    ledger.taken.add(seq)
    ledger.seen.add(seq)
    ledger.hash_at[seq] = h
    expected = GENESIS if seq == 1 else ledger.hash_at.get(seq - 1, state.hashes.get(seq - 1))
    after = state.held.get(seq + 1)
    if (expected is not None and ev["prev_hash"] != expected) or (after is not None and after.prev_hash
                                                                  and after.prev_hash != h):
        ledger.breaks.append(seq)
        ledger.quarantine(p, f"chain break: event {seq} of this device does not link to the events HQ holds "
                             "(events already at HQ were rewritten or deleted on the device?)")
        return
    problem = _trust(ev, p, state, ledger)
    if problem:
        ledger.quarantine(p, problem)        # it still fills its place in the device's sequence
        return
    ledger.batch_ids[eid] = h
    ledger.new.append(ev)
    if ev["type"] in _ROLE_TYPES:
        role = _role_of(ev["type"], p.payload)
        if role:
            ledger.roles[ev["entity_id"]] = role
    ledger.payloads[eid] = p.payload


def _trust(ev: Mapping[str, Any], p: Incoming, state: State, ledger: _Ledger) -> str:
    """Why HQ refuses what this event says (an empty string when it takes it), recording what it creates.

    An event must be the batch's device's own. An event about a person needs the device's checkpoint to follow
    the person (it registered them, or HQ linked it): writing about a person is never how a checkpoint comes to
    follow them. Every record it names must be a record of that person HQ holds; every record it creates new.
    The reasons go back to the device in the ack: they never say whether a person exists elsewhere."""
    if state.device_id and ev["device_id"] != state.device_id:
        return "refused: the event names another device than the one that sent it"
    refs = p.refs
    if refs is None:
        return p.reason or "refused: its records cannot be read"
    if ev["entity_type"] != "person":
        if ev["type"] in SITE_TYPES:
            if ev["entity_type"] == "store" and ev["entity_id"] != ev["device_id"]:
                return f"refused: a {ev['type']} event must be about the device that wrote it"
            role = ledger.roles.get(ev["author"], state.roles.get(ev["author"]))
            if role is None or not may_author(role, ev["type"]):     # checkpoint.model.roles.EVENT_AUTHORS
                return (f"refused: its author ({role or 'no account HQ knows on this device'}) may not write a "
                        f"{ev['type']} event")
        return ""
    person = ev["entity_id"]
    mine = person in state.follows or ledger.new_persons.get(person, ("",))[0] == state.checkpoint_id
    registers = False
    for kind, rid in refs.creates:
        if kind == "person":
            at = state.persons.get(person)
            if (at is not None and at.checkpoint_id != state.checkpoint_id) or person in ledger.new_persons:
                return f"refused: person {person} is already registered"
            registers = at is None
            mine = True
        elif rid in state.records or rid in ledger.records:
            return f"refused: a {kind.replace('_', ' ')} with id {rid} is already at HQ"
    if not mine:
        return (f"refused: checkpoint {state.checkpoint_id} does not follow person {person}; HQ links a person to "
                "another checkpoint explicitly")
    for kind, rid in refs.names:
        if kind in ("person", "conflict"):    # the person is checked above; conflicts exist only on devices
            continue
        have = state.records.get(rid) or ledger.records.get(rid)
        if have != (kind, person):
            return f"refused: it names a {kind.replace('_', ' ')} ({rid}) that is not this person's at HQ"
    if registers:
        ledger.new_persons[person] = (state.checkpoint_id, p.sharing is True, ev["id"])
    for kind, rid in refs.creates:
        if kind != "person":
            ledger.records[rid] = (kind, person)
    if ev["type"] == "registration.recorded" or (ev["type"] in SHARING_TYPES and p.sharing is not None):
        ledger.sharing[person] = p.sharing is True        # a withdrawal of consent to sharing stops the routing
    return ""


def advance(watermark: int, seen: set[int]) -> int:
    """The device's new watermark: up over every sequence number that has now arrived without a gap."""
    while watermark + 1 in seen:
        watermark += 1
    return watermark


def plan_ingest(header: Mapping[str, Any], sha256: str, incoming: Sequence[Incoming], state: State, *,
                now: str, via: str) -> Plan:
    """Decide what HQ does with one batch (the rules in this module's docstring). Pure: reads nothing else.

    ``header`` is the batch's checked header (``sync.wire.peek_batch_header``), ``incoming`` its events
    (``read_events``), ``state`` what HQ holds (``read_state``), ``now`` the time stamped on rows and the ack.
    """
    ledger = _Ledger(state)
    for p in sorted(incoming, key=lambda p: p.seq if p.seq is not None else SEQ_MAX):
        _judge(p, state, ledger)
    w = advance(state.watermark, ledger.seen)
    released = [(s, h.id) for s, h in sorted(state.held.items()) if s <= w]
    new_events = []
    for ev in ledger.new:
        accepted = ev["device_seq"] <= w
        new_events.append(NewEvent(ev, "accepted" if accepted else "held", ledger.payloads.get(ev["id"])))
        ledger.verdicts[ev["id"]] = Verdict("accepted", "") if accepted else \
            Verdict("held", f"kept; waiting for event {w + 1} of this device before it is applied")
    visible = sorted(released + [(ev["device_seq"], ev["id"]) for ev in ledger.new if ev["device_seq"] <= w])
    entities = {h.id: (h.entity_type, h.entity_id) for h in state.held.values()}
    entities.update({ev["id"]: (ev["entity_type"], ev["entity_id"]) for ev in ledger.new})
    travels = {h.id for h in state.held.values() if h.type in TRAVEL_TYPES}
    travels.update(ev["id"] for ev in ledger.new if ev["type"] in TRAVEL_TYPES)
    routed = tuple((i, entities[i][1]) for _s, i in visible if i in travels and entities[i][0] == "person")
    site = {h.id for h in state.held.values() if h.type in SITE_TYPES}
    site.update(ev["id"] for ev in ledger.new if ev["type"] in SITE_TYPES)
    chain_ok, chain_note = check_chain(header, state)
    if ledger.breaks:
        seqs = ", ".join(map(str, ledger.breaks[:10])) + (" ..." if len(ledger.breaks) > 10 else "")
        chain_ok, chain_note = False, (chain_note + "; " if chain_note else "") + \
            f"event chain break at device seq {seqs}: quarantined"
    head = state.head if state.head[0] <= w else (0, "")
    for s, held in state.held.items():
        if head[0] < s <= w and held.hash:
            head = (s, held.hash)
    for ev in ledger.new:
        if head[0] < ev["device_seq"] <= w:
            head = (ev["device_seq"], ev["hash"])
    return Plan(
        batch_id=header["batch_id"], device_id=header["device_id"], checkpoint_id=state.checkpoint_id,
        sha256=sha256, prev_sha256=header["prev_sha256"],
        first_seq=header["first_seq"] if 0 <= header["first_seq"] < SEQ_MAX else 0,
        last_seq=header["last_seq"] if 0 <= header["last_seq"] < SEQ_MAX else 0,
        count=len(incoming), via=via[:16], received_at=now, chain_ok=chain_ok, chain_note=chain_note,
        verdicts=MappingProxyType(ledger.verdicts), new_events=tuple(new_events),
        quarantined=tuple(ledger.quarantined), conflicts=tuple(ledger.conflicts), watermark=w,
        released=tuple(i for _s, i in released), visible=tuple(i for _s, i in visible),
        entities=MappingProxyType(entities), routed=routed, new_persons=MappingProxyType(ledger.new_persons),
        sharing=MappingProxyType(ledger.sharing),
        new_records=tuple((r, k, pid) for r, (k, pid) in ledger.records.items()), head=head,
        site_routed=tuple(i for _s, i in visible if i in site))


# ------------------------------------------------------------------------------------------------ the database
_PERSON_COLS = ("person_id", "checkpoint_id", "sharing", "registered_event")
_RECORD_COLS = ("record_id", "kind", "person_id")
_FEED_COLS = ("checkpoint_id", "seq", "event_id")
_EVENT_COLS = (*WIRE_FIELDS, "status", "ingest_seq", "batch_id", "received_at", "released_at")
_wire = operator.itemgetter(*WIRE_FIELDS)     # an event's WIRE_FIELDS values, in order, at C speed

_ROLE_TYPES = ("user.created", "user.updated")


def _role_of(type_: str, payload: Any) -> str:
    """The role a user event gives its user ("" when it gives none)."""
    if not isinstance(payload, dict):
        return ""
    src = payload if type_ == "user.created" else payload.get("changes")
    role = src.get("role") if isinstance(src, dict) else None
    return role if isinstance(role, str) and len(role) <= 32 else ""


def _author_roles(conn: Connection, device_id: str, incoming: Sequence[Incoming]) -> dict[str, str]:
    """Issue 11: the role of each author of the batch's checkpoint events (``SITE_TYPES``), as the device's user
    events HQ holds say it (in the device's order); authors without one are left out."""
    authors = sorted({p.event["author"] for p in incoming if p.event is not None and p.event["type"] in SITE_TYPES})
    out: dict[str, str] = {}
    if not authors:
        return out
    for eid, type_, payload in conn.execute(
            sa.select(events.c.entity_id, events.c.type, events.c.payload)
            .where(events.c.device_id == device_id, events.c.entity_type == "user",
                   events.c.type.in_(_ROLE_TYPES), id_in(conn, events.c.entity_id, authors))
            .order_by(events.c.device_seq)):
        try:
            role = _role_of(str(type_), json.loads(payload))
        except ValueError:
            continue
        if role:
            out[str(eid)] = role
    return out


def read_state(conn: Connection, dev: Any, incoming: Sequence[Incoming]) -> State:
    """What HQ holds about this device and these events: one query per lookup for the whole batch (``id_in``:
    one parameter however many ids), not one per event or per chunk of ids."""
    device_id, w0 = str(dev.device_id), int(dev.contiguous_seq)
    last = conn.execute(sa.select(batches.c.batch_id).where(batches.c.batch_id == dev.last_batch_id)).first()
    expected = frozenset({""}) if last is None else frozenset(conn.execute(
        sa.select(batch_digests.c.sha256).where(batch_digests.c.batch_id == last.batch_id)).scalars())
    ids = {p.event["id"] for p in incoming if p.event is not None}
    known: dict[str, str] = dict(conn.execute(
        sa.select(events.c.id, events.c.hash).where(id_in(conn, events.c.id, ids))).all()) if ids else {}
    held = {int(r.device_seq): Held(str(r.id), str(r.entity_type), str(r.entity_id), str(r.type), str(r.hash),
                                    str(r.prev_hash))
            for r in conn.execute(
        sa.select(events.c.device_seq, events.c.id, events.c.entity_type, events.c.entity_id, events.c.type,
                  events.c.hash, events.c.prev_hash)
        .where(events.c.device_id == device_id, events.c.device_seq > w0))}
    # The chain links HQ can check: the stored event before each incoming one (normally one: the watermark's),
    # and the device's head at or below the watermark (what the ack tells the device).
    seqs = {p.seq for p in incoming if p.seq is not None}
    before = sorted({s - 1 for s in seqs if s > 1} - seqs - set(held))
    hashes = {int(s): str(h) for s, h in conn.execute(
        sa.select(events.c.device_seq, events.c.hash).where(events.c.device_id == device_id,
                                                              events.c.device_seq.in_(before)))} if before else {}
    hashes.update((s, h.hash) for s, h in held.items())
    top = conn.execute(sa.select(events.c.device_seq, events.c.hash).where(
        events.c.device_id == device_id, events.c.device_seq <= w0)
        .order_by(events.c.device_seq.desc()).limit(1)).first()
    head = (int(top.device_seq), str(top.hash)) if top is not None else (0, "")
    q_seqs = frozenset(conn.execute(sa.select(quarantine.c.device_seq).where(
        quarantine.c.device_id == device_id, quarantine.c.device_seq > w0)).scalars())
    checkpoint_id = str(dev.checkpoint_id)
    named = sorted({p.event["entity_id"] for p in incoming if p.event is not None and p.refs is not None
                    and p.event["entity_type"] == "person"})
    rec_ids = sorted({rid for p in incoming if p.refs is not None
                      for pairs in (p.refs.creates, p.refs.names) for kind, rid in pairs
                      if kind != "person" and kind != "conflict"})
    at: dict[str, PersonAt] = {}
    follows: set[str] = set()
    recs: dict[str, tuple[str, str]] = {}
    ce = checkpoint_entities
    if named:                               # one query: every link has its person's row
        for r in conn.execute(
                sa.select(persons.c.person_id, persons.c.checkpoint_id, persons.c.sharing, ce.c.how)
                .select_from(persons.outerjoin(ce, sa.and_(ce.c.entity_id == persons.c.person_id,
                                                           ce.c.checkpoint_id == checkpoint_id)))
                .where(id_in(conn, persons.c.person_id, named))):
            at[str(r.person_id)] = PersonAt(str(r.checkpoint_id), bool(r.sharing))
            if r.how is not None or str(r.checkpoint_id) == checkpoint_id:     # linked, or registered here
                follows.add(str(r.person_id))
    if rec_ids:
        recs.update((str(r.record_id), (str(r.kind), str(r.person_id))) for r in conn.execute(
            sa.select(records.c.record_id, records.c.kind, records.c.person_id)
            .where(id_in(conn, records.c.record_id, rec_ids))))
    state = State(watermark=w0, store_id=str(dev.store_id), checkpoint_id=checkpoint_id,
                  last_batch_id=str(dev.last_batch_id), expected_prev=expected, known=known, held=held,
                  quarantined_seqs=q_seqs, device_id=device_id, persons=at, follows=frozenset(follows),
                  records=recs, hashes=hashes, head=head, roles=_author_roles(conn, device_id, incoming))
    # Events HQ quarantined before and now sees again (in another batch): same answer, no second row.
    q_ids: dict[str, str] = {}
    again = rechecked_ids(incoming, state)
    if again:
        q_ids.update(conn.execute(sa.select(quarantine.c.event_id, quarantine.c.reason).where(
            quarantine.c.device_id == device_id, id_in(conn, quarantine.c.event_id, again))).all())
    return replace(state, quarantined_ids=q_ids)


def write_plan(conn: Connection, plan: Plan, ack: bytes) -> None:
    """Persist a plan, and the signed ack sent for it, in the caller's transaction (one per batch)."""
    # persons and records in key order: their rows are only ever looked up by key, and inserting random UUIDs in
    # order touches each index page once (100k bench push, SQLite: these two inserts 2.10 s -> 1.24 s CPU).
    bulk_insert(conn, persons, sorted((pid, cp, sharing, e) for pid, (cp, sharing, e) in plan.new_persons.items()),
                _PERSON_COLS)
    again = [{"b_id": pid, "b_sharing": v} for pid, v in plan.sharing.items() if pid not in plan.new_persons]
    if again:
        conn.execute(persons.update().where(persons.c.person_id == sa.bindparam("b_id"))
                     .values(sharing=sa.bindparam("b_sharing")), again)
    bulk_insert(conn, records, sorted(plan.new_records), _RECORD_COLS)
    feed = feed_rows(conn, plan.routed, {pid: cp for pid, (cp, _s, _e) in plan.new_persons.items()})
    if plan.site_routed:            # a checkpoint's own events go to its devices, in the order they became visible
        order = {eid: n for n, eid in enumerate(plan.visible)}
        feed = sorted([*feed, *((plan.checkpoint_id, i) for i in plan.site_routed)], key=lambda r: order[r[1]])
    n_visible = len(plan.visible)
    first = reserve(conn, "ingest_seq", n_visible + len(feed)) if plan.visible or feed else 0
    ingest_seq = {eid: first + n for n, eid in enumerate(plan.visible)}
    bulk_insert(conn, pull_feed, [(c, first + n_visible + n, i) for n, (c, i) in enumerate(feed)], _FEED_COLS)
    tail = (plan.batch_id, plan.received_at, "")
    bulk_insert(conn, events, [(*_wire(n.event), n.status, ingest_seq.get(n.event["id"]), *tail)
                               for n in plan.new_events], _EVENT_COLS)
    if plan.released:
        conn.execute(events.update().where(events.c.id == sa.bindparam("b_id"))
                     .values(status="accepted", ingest_seq=sa.bindparam("b_seq"), released_at=plan.received_at),
                     [{"b_id": i, "b_seq": ingest_seq[i]} for i in plan.released])
    common = {"device_id": plan.device_id, "batch_id": plan.batch_id, "received_at": plan.received_at}
    if plan.quarantined:
        conn.execute(insert_ignore(conn, quarantine), [{**common, **q.__dict__} for q in plan.quarantined])
    if plan.conflicts:
        conn.execute(insert_ignore(conn, conflicts), [{**common, **c.__dict__} for c in plan.conflicts])
    conn.execute(batches.insert().values(
        batch_id=plan.batch_id, device_id=plan.device_id, sha256=plan.sha256, prev_sha256=plan.prev_sha256,
        first_seq=plan.first_seq, last_seq=plan.last_seq, count=plan.count, received_at=plan.received_at,
        via=plan.via, chain_ok=plan.chain_ok, chain_note=plan.chain_note,
        verdicts=json.dumps(plan.counts, sort_keys=True), ack=ack))
    conn.execute(batch_digests.insert().values(sha256=plan.sha256, batch_id=plan.batch_id))
    conn.execute(devices.update().where(devices.c.device_id == plan.device_id)
                 .values(contiguous_seq=plan.watermark, last_batch_id=plan.batch_id, last_seen_at=plan.received_at))
    if not plan.chain_ok:
        add_journal(conn, plan.received_at, "chain_break", plan.device_id, f"batch {plan.batch_id}: {plan.chain_note}")
        log.warning("device %s batch %s: %s", plan.device_id, plan.batch_id, plan.chain_note)
    if plan.released:
        add_journal(conn, plan.received_at, "released", plan.device_id,
                    f"batch {plan.batch_id} filled a gap: {len(plan.released)} held events released")


# ------------------------------------------------------------------------------------------------ replays
@dataclass(frozen=True)
class Ingested:
    """What ``HQService.ingest`` did with one batch. ``ack`` is the signed acknowledgement to send back."""

    batch_id: str
    device_id: str
    sha256: str
    ack: bytes = field(repr=False)
    counts: dict[str, int]
    replay: bool = False
    chain_ok: bool = True
    chain_note: str = ""


def stored_ack(conn: Connection, sha256: str) -> Ingested | None:
    """The answer already given to this exact batch (same SHA-256), or None."""
    row = conn.execute(sa.select(batches).join(batch_digests, batch_digests.c.batch_id == batches.c.batch_id)
                       .where(batch_digests.c.sha256 == sha256)).first()
    if row is None:
        return None
    return Ingested(row.batch_id, row.device_id, sha256, bytes(row.ack), json.loads(row.verdicts), replay=True,
                    chain_ok=row.chain_ok, chain_note=row.chain_note)


def resealed(conn: Connection, known: Any, sha256: str, incoming: Sequence[Incoming], device_id: str,
             hq_signing_public: bytes) -> Ingested:
    """The same batch id sealed again (a device re-seals an unacknowledged batch): the same events get the
    same ack; other events under a known batch id are refused (ConflictError)."""
    body = open_signed(ACK, bytes(known.ack), hq_signing_public)
    if known.device_id != device_id or {p.key for p in incoming} != set(body["verdicts"]):
        raise ConflictError(f"Batch {known.batch_id} is already at HQ with other events: a device must not reuse "
                            "a batch id. Nothing was written.")
    conn.execute(batch_digests.insert().values(sha256=sha256, batch_id=known.batch_id))
    return Ingested(known.batch_id, known.device_id, sha256, bytes(known.ack), json.loads(known.verdicts),
                    replay=True, chain_ok=known.chain_ok, chain_note=known.chain_note)


# ------------------------------------------------------------------------------------------------ operator release
def trust_again(p: Incoming, state: State) -> tuple[str, Mapping[str, tuple[str, bool, str]], Mapping[str, bool],
                                                    Mapping[str, tuple[str, str]]]:
    """The trust rules (``_trust``) for one clean event on its own, as an operator releasing it from quarantine asks
    them again (``sync.hq.operator``): why HQ still refuses it ("" when it takes it), and what it registers
    (person -> (checkpoint, sharing, event)), the consents to sharing it records and the records it creates."""
    assert p.event is not None
    ledger = _Ledger(state)
    problem = _trust(p.event, p, state, ledger)
    return problem, ledger.new_persons, ledger.sharing, ledger.records
