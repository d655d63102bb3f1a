"""Data minimisation on the device (issue 12, point 6): what "the protection section" is, as data, and the storage
side of dropping it from events HQ acknowledged, of putting it back from HQ, and of ``verify``'s check of both.

    >>> redact("referral.updated", {"referral_id": "r1", "changes": {"status": "closed", "notes": "beaten"}})
    {'referral_id': 'r1', 'changes': {'status': 'closed'}}
    >>> redact("referral.created", {"encounter_id": "e", "referral": {"id": "r", "kind": "protection"},
    ...                             "sealed": "Q1BNUw=="})
    {'encounter_id': 'e', 'referral': {'id': 'r', 'kind': 'protection'}}

What stays: the arrival, the person's identity and registration codes, referrals with their codes and status,
decision and outcome codes (trafficking outcome, dimensions, flags, completeness; the TB screen). What goes: the
trafficking checklist answers (ticked items, items answered "no", the safety rule's reasons, the types of
exploitation), the pre-screen's answers, recruiter and debt fields, whether a controlling person was present, and
free-text notes (referral notes, a withdrawal's reason).

An event keeps its hash, its place in the chain and its author signature: the hash is a commitment to the
original payload, which HQ holds. The ``records.minimised`` event that drops a section lists, per event, its hash
and the SHA-256 of the payload kept (``kept``): ``minimised_problems`` checks the kept payload against it, and that
HQ had acknowledged the event (its sequence number at or below the chain head HQ signed). A payload fetched back
from HQ is taken only if its event hash is the one this device kept, so HQ cannot hand back something else.

The protection section is ``checkpoint.protection_section``'s (the one sealing uses): a pass drops its fields
where they are in clear and the sealed blob where they are sealed. ``BEYOND_SECTION`` lists what a pass drops
besides (free-text notes that are not protection notes, and the two routing answers sealing keeps in clear).
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from checkpoint import protection_section
from checkpoint.events import canonical_json
from checkpoint.storage.codec import decode_payload, encode_payload
from checkpoint.storage.db import connect_plain_memory
from checkpoint.storage.projections import apply_event
from checkpoint.storage.schema import apply_migrations
from checkpoint.storage.store import Store

__all__ = ["AUDIT_TYPES", "BEYOND_SECTION", "ENCOUNTER_PROTECTED", "MINIMISED_TYPES", "PROJECTION_COLUMNS", "Plan",
           "apply_plan", "kept_sha256", "minimised_ids", "minimised_problems", "plan", "redact", "restore_payloads"]

# What "the protection section" is comes from ``checkpoint.protection_section`` (``SECTION``), the one definition
# that sealing uses too: a pass drops those fields where an event holds them in clear (written before sealing, or
# not yet sealed) and drops the sealed blob (``protection_section.SEALED_KEY``) where it is sealed, so neither the
# ciphertext nor the clear text stays on the device.
#
# BEYOND_SECTION: what minimisation drops besides the section, once a record is out of use, as paths into the
# payload ("*": every item of a list) and the value left in place ("not recorded" for the projections, so a replay
# of the minimised log gives the minimised tables). Not in the section on purpose: free-text notes that are not
# protection notes (a health referral's notes, the TB screen's referral notes, a consent withdrawal's reason), and
# two answers sealing keeps in clear because the flow routes on them before anyone reads the section (the
# pre-screen's answers, whether a controlling person was present). A path the payload does not have is left alone.
BEYOND_SECTION: Mapping[str, Mapping[tuple[str, ...], Any]] = {
    "registration.recorded": {
        ("prescreen",): None,
        ("encounter", "controlling_person_present"): None,
        ("referrals", "*", "notes"): "",
    },
    "registration.completed": {
        ("prescreen",): None,
        ("encounter", "controlling_person_present"): None,
        ("referrals", "*", "notes"): "",
    },
    "encounter.amended": {("changes", "controlling_person_present"): None},
    "referral.created": {("referral", "notes"): ""},
    "referral.updated": {("changes", "notes"): ""},
    "tb.screened": {("referral", "notes"): ""},
    "consent.withdrawn": {("reason",): ""},
    # conflict.resolved: its ``value`` when the conflict is about one of ENCOUNTER_PROTECTED (see ``redact``)
    "conflict.resolved": {},
}

# The encounter fields a pass drops (the section's, and the controlling person's presence): in a registration's
# ``encounter``, an ``encounter.amended``'s ``changes``, and a ``conflict.resolved`` about one of them.
ENCOUNTER_PROTECTED = (*protection_section.ENCOUNTER_SECTION, "controlling_person_present")

# The event types a pass looks at.
MINIMISED_TYPES = frozenset(protection_section.SECTION_TYPES | set(BEYOND_SECTION))

# The projection columns the section reaches (rows of one person: each table has ``person_id``). After a pass or a
# fetch-back they are set to what a replay of that person's events (as they then are) gives.
PROJECTION_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "encounters": (*ENCOUNTER_PROTECTED, "prescreen"),
    "trafficking_screenings": ("ticked", "positive_dimensions", "result"),
    "referrals": ("notes",),
    "conflicts": ("kept_value", "other_value"),
    "consent_records": ("withdrawal_reason",),
}

# Events that only say someone looked or printed: they neither hold the section nor keep a record "in use".
AUDIT_TYPES = ("person.viewed", "referral.slip_printed")

# Protection referrals keep the section while open (a closed or lost one no longer needs it here).
_CLOSED = ("closed", "lost_to_follow_up")


def _set(obj: Any, path: tuple[str, ...], value: Any) -> None:
    if not path or not isinstance(obj, dict | list):
        return
    head, rest = path[0], path[1:]
    if head == "*":
        for item in obj if isinstance(obj, list) else ():
            _set(item, rest, value)
        return
    if not isinstance(obj, dict) or head not in obj:
        return
    if rest:
        _set(obj[head], rest, value)
    else:
        obj[head] = copy.deepcopy(value)


def redact(type_: str, payload: dict[str, Any], *, conflict_field: str = "", in_place: bool = False
           ) -> dict[str, Any]:
    """``payload`` of an event of ``type_`` without its protection section (``checkpoint.protection_section``: the
    fields where they are in clear, the sealed blob where they are sealed) and without BEYOND_SECTION (a new dict,
    unless ``in_place``; the original is then changed). ``conflict_field``: for ``conflict.resolved``, the field the
    conflict is about."""
    clear, _section = protection_section.split(type_, payload)
    out = copy.deepcopy(clear) if clear is payload and not in_place else clear
    out.pop(protection_section.SEALED_KEY, None)
    for path, value in BEYOND_SECTION.get(type_, {}).items():
        _set(out, path, value)
    if type_ == "conflict.resolved" and conflict_field in ENCOUNTER_PROTECTED and "value" in out:
        out["value"] = None
    if in_place and out is not payload:
        payload.clear()
        payload.update(out)
        return payload
    return out


def kept_sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def minimised_ids(db: sqlite_utils.Database) -> set[str]:
    """Ids of the events whose payload was minimised (empty on a store from before migration 0012_retention)."""
    try:
        return {r[0] for r in db.execute("SELECT event_id FROM minimised_events")}
    except Exception:                                   # no such table: an old store that verify opens read-only
        return set()


@dataclass
class Plan:
    """What a pass would do: per person the events to rewrite (id, new payload text, kept SHA-256, hash, ack
    date), the projection values after it, and counts of the persons kept whole and why."""

    persons: list[str] = field(default_factory=list)
    events: list[tuple[str, str, str, str, str, str]] = field(default_factory=list)   # id, person, text, sha, hash, ack
    columns: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)  # table -> (row id, values)
    kept: dict[str, int] = field(default_factory=dict)   # why persons stay whole: open_referral, not_acknowledged,
    failed: int = 0                                      # within_period, fetched_back, next_pass


_TYPES = tuple(sorted(MINIMISED_TYPES))


def _person_events(store: Store, person_id: str) -> Iterator[dict[str, Any]]:
    yield from store.events(where="entity_type = 'person' AND entity_id = ?", params=[person_id])


def plan(store: Store, *, cutoff: str, now: str, head_seq: int, replay: bool = True, limit: int = 0) -> Plan:
    """The persons whose protection section may go now, and what each event and projection row becomes.

    A person qualifies when every one of their events that holds the section is acknowledged by HQ (this
    device's own: ``sync_state`` acked and at or below ``head_seq``, the chain head HQ signed; another device's:
    it came from HQ), the newest of their events (looks and prints aside) was recorded before ``cutoff``, no
    protection referral of theirs is open, and a supervisor did not fetch them back from HQ until after ``now``.
    ``replay``: also compute the projection columns (a count alone does not need them); ``limit``: stop after
    that many persons (0: all).
    """
    out = Plan()
    marks = ", ".join("?" for _ in _TYPES)
    audit = ", ".join("?" for _ in AUDIT_TYPES)
    rows = store.db.execute(
        "SELECT p.id, "
        f" EXISTS (SELECT 1 FROM events e WHERE e.entity_type = 'person' AND e.entity_id = p.id AND e.type IN ({marks})"
        "   AND (e.sync_state IN ('pending', 'inflight') OR (e.device_id = ? AND e.device_seq > ?))), "
        f" (SELECT max(e.recorded_at) FROM events e WHERE e.entity_type = 'person' AND e.entity_id = p.id "
        f"   AND e.type NOT IN ({audit})), "
        " EXISTS (SELECT 1 FROM referrals r WHERE r.person_id = p.id AND r.voided = 0 "
        "   AND r.kind IN ('protection', 'child_protection') AND r.status NOT IN (?, ?)), "
        " EXISTS (SELECT 1 FROM retention_holds h WHERE h.person_id = p.id AND h.until > ?) "
        "FROM persons p WHERE EXISTS (SELECT 1 FROM events e WHERE e.entity_type = 'person' AND e.entity_id = p.id "
        f"   AND e.type IN ({marks}) AND NOT EXISTS (SELECT 1 FROM minimised_events m WHERE m.event_id = e.id)) "
        "ORDER BY p.id",
        [*_TYPES, store.device_id, head_seq, *AUDIT_TYPES, *_CLOSED, now, *_TYPES]).fetchall()
    mem: sqlite_utils.Database | None = None
    try:
        for pid, unacked, last, open_ref, held in rows:
            why = ("open_referral" if open_ref else "not_acknowledged" if unacked else "fetched_back" if held
                   else "within_period" if (last or "") >= cutoff else "")
            if why:
                out.kept[why] = out.kept.get(why, 0) + 1
                continue
            conflicts = {r[0]: r[1] for r in store.db.execute(
                "SELECT id, field FROM conflicts WHERE person_id = ?", [pid])}
            already = minimised_ids_of(store, pid)
            evs = list(_person_events(store, pid))
            changed: list[tuple[str, str, str, str, str, str]] = []
            for ev in evs:
                if ev["type"] not in MINIMISED_TYPES or ev["id"] in already:
                    continue
                try:
                    original = json.loads(ev["payload"])
                except ValueError:
                    continue                      # verify reports an unreadable payload; nothing to keep or drop
                if not isinstance(original, dict):
                    continue
                kept = redact(ev["type"], json.loads(ev["payload"]), in_place=True,     # a second parse: no deepcopy
                              conflict_field=conflicts.get(str(original.get("conflict_id")), ""))
                if kept == original:
                    continue
                text = canonical_json(kept)
                changed.append((ev["id"], pid, text, kept_sha256(text), ev["hash"], ev.get("acked_at") or ""))
                ev["payload"] = text
            if not changed:
                continue
            if limit and len(out.persons) >= limit:
                out.kept["next_pass"] = out.kept.get("next_pass", 0) + 1
                continue
            if not replay:
                out.persons.append(pid)
                out.events += changed
                continue
            if mem is None:
                mem = _replay_db()
            try:
                values = _replayed_columns(mem, evs, pid)
            except Exception:                     # a record the projections cannot replay alone: left whole
                out.failed += 1
                continue
            out.persons.append(pid)
            out.events += changed
            for table, vals in values.items():
                out.columns.setdefault(table, []).extend(vals)
    finally:
        if mem is not None:
            mem.close()
    return out


def minimised_ids_of(store: Store, person_id: str) -> set[str]:
    return {r[0] for r in store.db.execute("SELECT event_id FROM minimised_events WHERE person_id = ?", [person_id])}


def _replay_db() -> sqlite_utils.Database:
    mem = connect_plain_memory()
    apply_migrations(mem)
    mem.execute("PRAGMA foreign_keys = OFF")      # one person's events alone: their group or users are not there
    for (name,) in mem.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'persons'"
                               ).fetchall():
        mem.execute(f"DROP TRIGGER {name}")       # the search index is never read here
    return mem


def _replayed_columns(mem: sqlite_utils.Database, evs: Iterable[dict[str, Any]], person_id: str
                      ) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """The PROJECTION_COLUMNS of one person's rows after replaying ``evs`` (their events, in order) alone."""
    mem.execute("SAVEPOINT person")
    try:
        for ev in evs:
            apply_event(mem, ev)
        out: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for table, cols in PROJECTION_COLUMNS.items():
            cur = mem.execute(f"SELECT id, {', '.join(cols)} FROM {table} WHERE person_id = ?", [person_id])
            out[table] = [(r[0], dict(zip(cols, r[1:], strict=True))) for r in cur]
        return out
    finally:
        mem.execute("ROLLBACK TO person")
        mem.execute("RELEASE person")


def _write_columns(db: sqlite_utils.Database, columns: Mapping[str, list[tuple[str, dict[str, Any]]]]) -> None:
    for table, rows in columns.items():
        cols = PROJECTION_COLUMNS[table]
        sql = f"UPDATE {table} SET {', '.join(c + ' = ?' for c in cols)} WHERE id = ?"
        db.conn.executemany(sql, [[vals[c] for c in cols] + [rid] for rid, vals in rows])


def apply_plan(store: Store, p: Plan, *, by_event: str, at: str) -> None:
    """Rewrite the planned events and projection rows (inside the caller's transaction, after it recorded the
    ``records.minimised`` event ``by_event`` that lists them)."""
    store.assert_in_transaction()
    db = store.db
    db.conn.executemany("INSERT INTO minimised_events (event_id, person_id, minimised_at, by_event, kept_sha256, "
                        "acked_at) VALUES (?, ?, ?, ?, ?, ?)",
                        [(i, pid, at, by_event, sha, ack) for i, pid, _t, sha, _h, ack in p.events])
    db.conn.executemany("UPDATE events SET payload = ? WHERE id = ?",
                        [(encode_payload(text), i) for i, _p, text, _s, _h, _a in p.events])
    _write_columns(db, p.columns)


def restore_payloads(store: Store, person_id: str, originals: Mapping[str, str]) -> None:
    """Put back the original payloads (event id -> payload text, each already checked against the event's hash)
    of one person's minimised events and replay that person's projection columns (in the caller's transaction)."""
    store.assert_in_transaction()
    db = store.db
    db.conn.executemany("UPDATE events SET payload = ? WHERE id = ?",
                        [(encode_payload(text), i) for i, text in originals.items()])
    db.conn.executemany("DELETE FROM minimised_events WHERE event_id = ?", [(i,) for i in originals])
    mem = _replay_db()
    try:
        _write_columns(db, _replayed_columns(mem, list(_person_events(store, person_id)), person_id))
    finally:
        mem.close()


def minimised_problems(store: Store, head_seq: int | None) -> tuple[list[str], list[str]]:
    """(problems, notes) about minimised events, for ``verify``. ``head_seq``: the sequence number of the chain head
    HQ signed for this device (None: none kept). A problem: an event minimised that HQ had not acknowledged, a kept
    payload that is not what the ``records.minimised`` event says was kept, a listing that does not exist."""
    problems: list[str] = []
    try:
        rows = store.db.execute(
            "SELECT m.event_id, m.by_event, m.kept_sha256, m.acked_at, e.device_id, e.device_seq, e.hash, e.payload, "
            "e.type FROM minimised_events m LEFT JOIN events e ON e.id = m.event_id ORDER BY m.minimised_at").fetchall()
    except Exception:
        return [], []
    listings: dict[str, dict[str, tuple[str, str]] | None] = {}
    dates: list[str] = []
    for eid, by, sha, acked, dev, seq, hash_, raw, type_ in rows:
        where = f"event {eid} ({type_}, device seq {seq})"
        if dev is None:
            problems.append(f"minimised event {eid} is missing from the log")
            continue
        if by not in listings:
            listings[by] = _listing(store, by)
        listing = listings[by]
        if listing is None:
            problems.append(f"{where} is marked minimised by {by}, which is not a minimisation of this device")
            continue
        if listing.get(eid) != (hash_, sha):
            problems.append(f"{where} is marked minimised, but the minimisation does not list it so (altered?)")
            continue
        try:
            text = decode_payload(raw)
        except Exception:
            text = ""
        if kept_sha256(text) != sha:
            problems.append(f"{where} was altered after it was minimised")
            continue
        if dev == store.device_id and (head_seq is None or seq > head_seq):
            problems.append(f"{where} was minimised, but HQ has not acknowledged it: its original exists nowhere")
            continue
        dates.append(acked or "")
    notes: list[str] = []
    if dates:
        known = sorted(d for d in dates if d)
        span = f" (acknowledged between {known[0][:10]} and {known[-1][:10]})" if known else ""
        notes.append(f"{len(dates)} events were minimised after HQ acknowledged them{span}: their protection section "
                     "is gone from this device; HQ holds the originals (a supervisor can fetch a record back)")
    return problems, notes


def _listing(store: Store, by_event: str) -> dict[str, tuple[str, str]] | None:
    row = store.db.execute("SELECT type, device_id, payload FROM events WHERE id = ?", [by_event]).fetchone()
    if row is None or row[0] != "records.minimised" or row[1] != store.device_id:
        return None
    try:
        body = json.loads(decode_payload(row[2]))
        return {str(i): (str(h), str(k)) for i, h, k in body["events"]}
    except (ValueError, KeyError, TypeError):
        return None
