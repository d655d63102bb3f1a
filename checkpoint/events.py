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
import re
from typing import Any

__all__ = ["AUTHOR_CONTEXT", "CHAIN_HEAD_CONTEXT",
           "EVENT_COLUMNS", "EVENT_ENTITY", "EVENT_TYPES", "GENESIS", "HASHED_FIELDS", "HLC", "HQ_ONLY_TYPES",
           "RECORD_KINDS",
           "TRAVEL_TYPES", "VERDICTS", "WIRE_FIELDS", "EventRefs", "canonical_json", "event_hash", "event_refs",
           "sharing_consent", "travel_problem", "uuid7"]

GENESIS = "0" * 64

# The signature context of the chain head HQ acknowledges for a device (HQ signs it, the device keeps it and its
# ``verify`` compares the local log with it): ``{"device_id", "seq", "hash", "watermark", "issued_at"}``.
CHAIN_HEAD_CONTEXT = b"checkpoint chain head v1"

# The signature context of an event's author signature (the device's ``events.author_sig``: her own Ed25519 key
# over the event's hash; ``checkpoint.services.authorship`` checks it).
AUTHOR_CONTEXT = b"checkpoint event author v1"

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
    # device-local: this store moved to another HQ enrollment (must never travel to other devices)
    "device.reenrolled",
    # issue 12: a consent withdrawn (consent per purpose)
    "consent.withdrawn",
    # device-local audit of bulk reads (checkpoint.services.readlog): kind and counts, never the query
    "records.read",
    # a user's own Ed25519 signing key (its public half): each event she writes carries her signature
    "user.key_set",
    # group arrivals (issue 11): handover groups, surge mode and headcounts (device-local); the triage queue
    "arrival_group.recorded", "arrival_group.rows_added", "arrival_group.row_left", "surge.switched",
    "headcount.recorded", "queue.entered", "queue.updated",
    # written at HQ only, by a partner following up a referral (issue 16; checkpoint.partner_stages)
    "referral.partner_stage",
})
# Issue 14: the health post's TB screen of an arrival (with the referral it opens); the site's TB policy (audit).
EVENT_TYPES = EVENT_TYPES | {"tb.screened", "site.tb_policy_set"}
# The types only HQ writes (issue 16): a device that sends one has forged it, and HQ refuses it at ingest.
HQ_ONLY_TYPES = frozenset({"referral.partner_stage"})
# The full registration continued from the queue on a quick registration's own arrival (journey, consents, screens).
EVENT_TYPES = EVENT_TYPES | {"registration.completed"}

# The entity each event type is about: an event whose entity_type says otherwise is refused (at HQ and on a device).
EVENT_ENTITY: dict[str, str] = {
    "registration.recorded": "person", "person.amended": "person", "encounter.amended": "person",
    "conflict.resolved": "person", "encounter.approved": "person", "record.voided": "person",
    "referral.created": "person", "referral.updated": "person", "person.viewed": "person",
    "referral.slip_printed": "person",
    "user.created": "user", "user.updated": "user", "user.passphrase_changed": "user",
    "records.exported": "store", "store.backed_up": "store", "device.reenrolled": "store",
    "consent.withdrawn": "person",
    "records.read": "store",
    "user.key_set": "user",
    "arrival_group.recorded": "group", "arrival_group.rows_added": "group", "arrival_group.row_left": "group",
    "surge.switched": "store", "headcount.recorded": "store", "queue.entered": "person", "queue.updated": "person",
    "referral.partner_stage": "person",
}
EVENT_ENTITY.update({"tb.screened": "person", "site.tb_policy_set": "store"})   # issue 14
EVENT_ENTITY.update({"registration.completed": "person"})
# Issue 14: a TB referral's treatment (register number, start, WHO outcome) recorded at HQ by the clinic it is
# addressed to or a data manager (sync.hq.tb_outcomes); the device applies it as it applies its own referral update.
EVENT_TYPES = EVENT_TYPES | {"tb.outcome_hq"}
HQ_ONLY_TYPES = HQ_ONLY_TYPES | {"tb.outcome_hq"}
EVENT_ENTITY.update({"tb.outcome_hq": "person"})
# Issue 13: assistance handed out (and its voids and corrections), NEA job registration, the site's assistance policy.
ASSISTANCE_TYPES = {"assistance.given": "person", "assistance.voided": "person", "assistance.corrected": "person",
                    "nea.registered": "person", "site.assistance_policy_set": "store"}
EVENT_TYPES = EVENT_TYPES | set(ASSISTANCE_TYPES)
EVENT_ENTITY.update(ASSISTANCE_TYPES)

# The event types that may travel from one device to another (through HQ's pull feeds): events about a person's
# record. Never accounts (user.*), keys, enrollment or what only says something about one device (exports,
# backups): HQ keeps those for audit, but no device applies another device's. HQ's feeds and the device's ingest
# both read this one set.
TRAVEL_TYPES = frozenset(t for t, ent in EVENT_ENTITY.items() if ent == "person")

# Records an event can create or name, besides the person itself (the ids of each belong to one person).
RECORD_KINDS = ("person", "encounter", "trafficking_screening", "tb_screening", "referral", "conflict", "queue_entry")
RECORD_KINDS = (*RECORD_KINDS, "assistance", "nea_registration")  # type: ignore[assignment]  # issue 13 (appended)

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
_HASH_ORDER = tuple(sorted(HASHED_FIELDS))
_json_text = json.encoder.encode_basestring   # json.dumps' own string escaper when ensure_ascii=False (C)


# "{"author":", ","content_version":", ...: what canonical_json puts before each value of HASHED_FIELDS (sorted)
_HASH_KEYS = tuple(("{" if i == 0 else ",") + json.dumps(k) + ":" for i, k in enumerate(sorted(HASHED_FIELDS)))


def event_hash(ev: dict[str, Any]) -> str:
    """SHA-256 over the canonical form of an event's immutable fields (payload as stored text).

    The usual event (every field text, device_seq an int) is written out here with the very escaper and integer
    form ``json.dumps`` uses, byte for byte what ``canonical_json`` gives, without a JSONEncoder per event (HQ
    hashes every event it receives: 5,000 bench events 0.108 s -> 0.078 s); any other value takes
    ``canonical_json`` itself."""
    parts = []
    for prefix, k in zip(_HASH_KEYS, _HASH_ORDER, strict=True):
        v = ev[k]
        t = type(v)
        if t is str:
            parts.append(prefix + _json_text(v))
        elif t is int:
            parts.append(prefix + int.__repr__(v))
        else:
            parts = [canonical_json({k: ev[k] for k in HASHED_FIELDS})]
            break
    else:
        parts.append("}")
    return hashlib.sha256("".join(parts).encode()).hexdigest()


class EventRefs:
    """The records one event creates and the records it names (``(kind, id)`` pairs, kinds of RECORD_KINDS),
    read from its payload by ``event_refs``. Each must belong to the event's person: a created id must be new,
    a named id must be a record of that person where it is checked (the device's store, or what HQ holds)."""

    __slots__ = ("creates", "names")

    def __init__(self) -> None:
        self.creates: list[tuple[str, str]] = []
        self.names: list[tuple[str, str]] = []


_VOIDABLE_KINDS = ("person", "encounter", "referral", "trafficking_screening", "tb_screening")


def _id(obj: Any, key: str) -> str:
    v = obj.get(key) if isinstance(obj, dict) else None
    if not isinstance(v, str) or not v or len(v) > 64:
        raise ValueError(f"payload: {key} is not an id")
    return v


def event_refs(type_: str, entity_id: str, payload: Any) -> EventRefs:
    """The records an event of ``type_`` about person ``entity_id`` creates and names. Raises ValueError (a short
    reason with no personal data) when the payload does not say them as its type must.

    >>> r = event_refs("encounter.approved", "p1", {"encounter_id": "e1"}); r.names
    [('person', 'p1'), ('encounter', 'e1')]
    """
    if not isinstance(payload, dict):
        raise ValueError("payload is not an object")
    r = EventRefs()
    if EVENT_ENTITY.get(type_) != "person":
        if type_ in SITE_TYPES:         # issue 11: a checkpoint's groups, surge mode, headcounts
            check_site_payload(type_, payload)
        return r
    if type_ == "registration.recorded":
        if payload.get("person_id") != entity_id:
            raise ValueError("payload: person_id is not the event's person")
        if payload.get("person") is not None:
            r.creates.append(("person", entity_id))
        else:
            r.names.append(("person", entity_id))
        r.creates.append(("encounter", _id(payload.get("encounter"), "id")))
        for key, kind in (("trafficking", "trafficking_screening"), ("tb", "tb_screening")):
            if payload.get(key):
                r.creates.append((kind, _id(payload[key], "id")))
        refs = payload.get("referrals") or []
        if not isinstance(refs, list):
            raise ValueError("payload: referrals is not a list")
        r.creates += [("referral", _id(x, "id")) for x in refs]
        return r
    r.names.append(("person", entity_id))
    if type_ in ("encounter.amended", "encounter.approved"):
        r.names.append(("encounter", _id(payload, "encounter_id")))
    elif type_ == "referral.created":
        r.names.append(("encounter", _id(payload, "encounter_id")))
        r.creates.append(("referral", _id(payload.get("referral"), "id")))
    elif type_ in ("referral.updated", "referral.slip_printed", "referral.partner_stage", "tb.outcome_hq"):
        r.names.append(("referral", _id(payload, "referral_id")))
    elif type_ == "tb.screened":
        r.names.append(("encounter", _id(payload, "encounter_id")))
        r.creates.append(("tb_screening", _id(payload.get("tb"), "id")))
        if payload.get("referral") is not None:
            r.creates.append(("referral", _id(payload["referral"], "id")))
    elif type_ == "consent.withdrawn":
        r.names.append(("encounter", _id(payload, "encounter_id")))
    elif type_ == "conflict.resolved":
        r.names.append(("conflict", _id(payload, "conflict_id")))
    elif type_ == "record.voided":
        voided = payload.get("record_type")
        if voided not in _VOIDABLE_KINDS:
            raise ValueError("payload: record_type is not a record type")
        rid = _id(payload, "record_id")
        if voided == "person" and rid != entity_id:
            raise ValueError("payload: the voided person is not the event's person")
        if voided != "person":
            r.names.append((str(voided), rid))
    elif type_ == "queue.entered":      # group arrivals (issue 11): a person's places in the stations' queues
        r.names.append(("encounter", _id(payload, "encounter_id")))
        entries = payload.get("entries")
        if not isinstance(entries, list) or not entries:
            raise ValueError("payload: entries is not a list")
        r.creates += [("queue_entry", _id(x, "id")) for x in entries]
    elif type_ == "queue.updated":
        r.names.append(("queue_entry", _id(payload, "entry_id")))
    elif type_ == "registration.completed":     # the full registration on a quick registration's arrival
        r.names.append(("encounter", _id(payload, "encounter_id")))
        for key, kind in (("trafficking", "trafficking_screening"), ("tb", "tb_screening")):
            if payload.get(key):
                r.creates.append((kind, _id(payload[key], "id")))
        refs = payload.get("referrals") or []
        if not isinstance(refs, list):
            raise ValueError("payload: referrals is not a list")
        r.creates += [("referral", _id(x, "id")) for x in refs]
    elif type_ == "assistance.given":       # issue 13: assistance handed out, voided, corrected; NEA registration
        r.creates.append(("assistance", _id(payload.get("assistance"), "id")))
    elif type_ in ("assistance.voided", "assistance.corrected"):
        r.names.append(("assistance", _id(payload, "assistance_id")))
    elif type_ == "nea.registered":
        r.names.append(("encounter", _id(payload, "encounter_id")))
        r.creates.append(("nea_registration", _id(payload.get("registration"), "id")))
    return r


def travel_problem(ev: dict[str, Any], payload: Any) -> str:
    """Why an event may not be applied on a device other than its own ("" when it may): its type does not travel,
    its entity type is not its type's, or its payload is unreadable for its type. The reason names no personal
    data."""
    t = ev.get("type")
    if t not in TRAVEL_TYPES:
        return f"event type {str(t)[:64]!r} does not travel between devices"
    if ev.get("entity_type") != EVENT_ENTITY[t]:
        return f"a {t} event must be about a {EVENT_ENTITY[t]}"     # the entity type it claims is not echoed
    try:
        event_refs(t, str(ev.get("entity_id")), payload)
    except ValueError as e:
        return f"{t}: {e}"
    return ""


def sharing_consent(payload: Any) -> bool | None:
    """The person's consent to sharing as a ``registration.recorded`` payload records it: True, False, or None when
    the payload does not say (read as not given)."""
    consents = payload.get("consents") if isinstance(payload, dict) else None
    if isinstance(consents, list):
        for c in consents:
            if isinstance(c, dict) and c.get("purpose") == "sharing":
                return c.get("granted") is True
    return None



# Issue 12: the event types whose payload may say the person's consent to sharing (``sharing_consent``). A withdrawal
# of the consent to sharing carries ``consents`` as a registration does ([{"purpose": "sharing", "granted": false}]).
SHARING_TYPES = frozenset({"registration.recorded", "consent.withdrawn"})
# A registration completed on a quick registration's arrival says the consent to sharing as a registration does.
SHARING_TYPES = SHARING_TYPES | {"registration.completed"}

# Issue 12, point 6 (data minimisation, checkpoint.storage.minimise): the site's retention period (audit); a pass that
# dropped the protection section of events HQ acknowledged (the events, their hashes and what was kept); a record
# fetched back from HQ by a supervisor (why, which events). About the store: they never travel to other devices.
EVENT_TYPES = EVENT_TYPES | {"site.retention_set", "records.minimised", "records.fetched_back"}
EVENT_ENTITY.update({"site.retention_set": "store", "records.minimised": "store", "records.fetched_back": "store"})


# Issue 11: what one checkpoint shares among its own devices, besides its persons' records: handover groups (the list's
# rows, the rows marked as left), surge mode and the headcounts of people who passed without registration. HQ takes
# them in, counts them (codes only: ``sync.hq.arrival_facts``) and routes them to the other devices of the sending
# device's checkpoint (never to another checkpoint); a device applies them only from its own checkpoint's feed.
# Their payloads are checked here (``check_site_payload``), by HQ's ingest and by the device that pulls them.
__all__ += ["SITE_TYPES", "check_site_payload", "site_problem"]
SITE_TYPES = frozenset({"arrival_group.recorded", "arrival_group.rows_added", "arrival_group.row_left",
                        "surge.switched", "headcount.recorded"})
_ROWS_MAX = 250                     # rows per event (checkpoint.services.arrivals.ROWS_PER_EVENT)
_GROUP_KEYS = {"transport": 0, "vehicle": 20, "handover_ref": 60, "handover_date": 0, "authority": 120,
               "return_type": 0, "expected_count": 0, "source": 80}
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CODE_RE = re.compile(r"[A-Z][A-Z0-9_]{0,39}")


def _site_text(v: Any, n: int, what: str) -> None:
    if not isinstance(v, str) or len(v) > n:
        raise ValueError(f"payload: {what} is not text of at most {n} characters")


def _site_int(v: Any, lo: int, hi: int, what: str) -> None:
    if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
        raise ValueError(f"payload: {what} is not a whole number from {lo} to {hi}")


def _site_code(v: Any, what: str) -> None:
    if not isinstance(v, str) or not _CODE_RE.fullmatch(v):
        raise ValueError(f"payload: {what} is not a code")


def _only(obj: Any, allowed: set[str] | dict[str, int], what: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise ValueError(f"payload: {what} is not an object")
    unknown = set(obj) - set(allowed)
    if unknown:
        raise ValueError(f"payload: {what} has an unknown field")
    return obj


def _site_rows(rows: Any, *, empty: bool) -> None:
    if not isinstance(rows, list) or len(rows) > _ROWS_MAX or (not rows and not empty):
        raise ValueError(f"payload: rows is not a list of at most {_ROWS_MAX} rows")
    seen: set[int] = set()
    for r in rows:
        _only(r, {"row", "row_ref", "person", "household", "household_role"}, "a row")
        _site_int(r.get("row"), 1, 100_000, "row")
        if r["row"] in seen:
            raise ValueError("payload: a row number is repeated")
        seen.add(r["row"])
        _site_text(r.get("row_ref", ""), 20, "row_ref")
        _site_text(r.get("household", ""), 60, "household")
        if r.get("household_role") is not None:
            _site_code(r["household_role"], "household_role")
        person = r.get("person")
        if not isinstance(person, dict) or len(person) > 40:
            raise ValueError("payload: a row's person is not an object")
        for k, v in person.items():
            if not isinstance(k, str) or len(k) > 40 or not (
                    v is None or isinstance(v, (bool, int)) or (isinstance(v, str) and len(v) <= 200)):
                raise ValueError("payload: a row's person holds a value that is not short text or a number")


def check_site_payload(type_: str, payload: Any) -> None:
    """Raise ValueError (a short reason naming no personal data) when the payload of a ``SITE_TYPES`` event is not
    as its type must be: the fields its type has and no other, codes as codes, numbers within bounds.

    >>> check_site_payload("surge.switched", {"active": True})
    >>> check_site_payload("headcount.recorded", {"sex": "F", "age_group": "child", "n": 0, "group_id": None})
    Traceback (most recent call last):
    ValueError: payload: n is not a whole number from 1 to 1000
    """
    p = payload
    if type_ == "arrival_group.recorded":
        _only(p, {"group", "rows", "skipped_rows", "encoding"}, "payload")
        g = _only(p.get("group"), _GROUP_KEYS, "group")
        _site_code(g.get("transport"), "transport")
        _site_code(g.get("return_type"), "return_type")
        for k, n in _GROUP_KEYS.items():
            if n and g.get(k) is not None:
                _site_text(g[k], n, k)
        if g.get("expected_count") is not None:
            _site_int(g["expected_count"], 0, 10_000, "expected_count")
        hd = g.get("handover_date")
        if hd is not None and (not isinstance(hd, str) or not _DATE_RE.fullmatch(hd)):
            raise ValueError("payload: handover_date is not a date")
        _site_rows(p.get("rows", []), empty=True)
        if p.get("skipped_rows") is not None:
            _site_int(p["skipped_rows"], 0, 100_000, "skipped_rows")
        if p.get("encoding") is not None:
            _site_text(p["encoding"], 40, "encoding")
    elif type_ == "arrival_group.rows_added":
        _only(p, {"rows"}, "payload")
        _site_rows(p.get("rows"), empty=False)
    elif type_ == "arrival_group.row_left":
        _only(p, {"row"}, "payload")
        _site_int(p.get("row"), 1, 100_000, "row")
    elif type_ == "surge.switched":
        _only(p, {"active"}, "payload")
        if not isinstance(p.get("active"), bool):
            raise ValueError("payload: active is not true or false")
    elif type_ == "headcount.recorded":
        _only(p, {"sex", "age_group", "n", "group_id"}, "payload")
        if p.get("sex") not in ("F", "M", "X", "UNKNOWN"):
            raise ValueError("payload: sex is not F, M, X or UNKNOWN")
        if p.get("age_group") not in ("child", "adult"):
            raise ValueError("payload: age_group is not child or adult")
        _site_int(p.get("n"), 1, 1000, "n")
        if p.get("group_id") is not None:
            _id(p, "group_id")
    else:
        raise ValueError(f"{type_[:64]!r} is not a checkpoint event")


def site_problem(ev: dict[str, Any], payload: Any) -> str:
    """Why a ``SITE_TYPES`` event may not be taken in ("" when it may): its entity type is not its type's, surge mode
    or a headcount names another device than its own, or its payload is not as its type must be."""
    t = str(ev.get("type"))
    if t not in SITE_TYPES:
        return f"event type {t[:64]!r} is not a checkpoint event"
    if ev.get("entity_type") != EVENT_ENTITY[t]:
        return f"a {t} event must be about a {EVENT_ENTITY[t]}"
    if EVENT_ENTITY[t] == "store" and ev.get("entity_id") != ev.get("device_id"):
        return f"a {t} event must be about the device that wrote it"
    try:
        check_site_payload(t, payload)
    except ValueError as e:
        return f"{t}: {e}"
    return ""


# Issue 15 point 5: a conflict decided at HQ (``sync.hq.operator.decide_conflict``). A device sent an event id HQ
# already held with other content; HQ keeps its own copy (the one every other device pulled) and says so to the device
# that sent the other copy, as an HQ event about that device (entity "device", its id). HQ routes it to that device's
# checkpoint only; the device it names marks its copy "decided at HQ" (the others of the checkpoint keep it as audit).
HQ_DECISION_TYPE = "conflict.hq_decided"
HQ_DECISIONS = ("kept_hq",)
EVENT_TYPES = EVENT_TYPES | {HQ_DECISION_TYPE}
EVENT_ENTITY[HQ_DECISION_TYPE] = "device"
HQ_ONLY_TYPES = HQ_ONLY_TYPES | {HQ_DECISION_TYPE}
_HEX64 = re.compile(r"[0-9a-f]{64}")


def check_hq_decision(payload: Any) -> dict[str, Any]:
    """A ``conflict.hq_decided`` payload as HQ writes it; raises ValueError (a short reason, no personal data)."""
    p = _only(payload, {"conflict_id", "event_id", "decision", "reason", "by", "kept_hash", "other_hash"}, "payload")
    _id(p, "event_id")
    if p.get("decision") not in HQ_DECISIONS:
        raise ValueError("payload: decision is not a decision HQ makes")
    cid = p.get("conflict_id")
    if isinstance(cid, bool) or not isinstance(cid, int) or cid < 1:
        raise ValueError("payload: conflict_id is not a positive number")
    for key, most in (("reason", 500), ("by", 64)):
        if not isinstance(p.get(key), str) or not p[key].strip() or len(p[key]) > most:
            raise ValueError(f"payload: {key} is not a short text")
    for key in ("kept_hash", "other_hash"):
        if not isinstance(p.get(key), str) or not _HEX64.fullmatch(p[key]):
            raise ValueError(f"payload: {key} is not a hash")
    return p


def hq_decision_problem(ev: dict[str, Any], payload: Any, hq_device_id: str) -> str:
    """Why a pulled ``conflict.hq_decided`` may not be applied ("" when it may): it must come from HQ's own author
    device, be about a device, and say a decision as HQ writes one."""
    if ev.get("device_id") != hq_device_id:
        return "a decision on a conflict must come from HQ"
    if ev.get("entity_type") != "device":
        return f"a {HQ_DECISION_TYPE} event must be about a device"
    try:
        check_hq_decision(payload)
    except ValueError as e:
        return f"{HQ_DECISION_TYPE}: {e}"
    return ""


__all__ += ["HQ_DECISIONS", "HQ_DECISION_TYPE", "check_hq_decision", "hq_decision_problem"]

# A supervisor gave HQ's new address (HQ moved; its keys stay pinned, so only the real HQ can answer there): audit
# of this device only, never travels.
EVENT_TYPES = EVENT_TYPES | {"device.hq_address_set"}
EVENT_ENTITY["device.hq_address_set"] = "store"
