"""The projections of group arrivals (issue 11): handover groups and their list rows, the arrival record of a quick
registration (household, child status, flags), the triage queue, surge mode and headcounts.

Its tables are made by migration ``0006_arrivals`` (``SCHEMA_0006``); ``HANDLERS`` are joined to
``checkpoint.storage.projections`` and ``registration_arrival`` is called by its ``registration.recorded``
handler when the payload carries an ``arrival``. Like every projection: the event and the tables only, every
timestamp from the event, so a replay gives the same rows.

Queue statuses converge on every laptop whatever order the events arrive in: an entry is closed by the closing
event with the smallest hybrid-logical-clock value, and called by the calling one with the smallest value. Two
laptops closing the same entry before they sync therefore count it once, with the same status everywhere.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import sqlite_utils

__all__ = ["ARRIVAL_TABLES", "HANDLERS", "SCHEMA_0006", "registration_arrival"]

Event = dict[str, Any]

SCHEMA_0006 = """
CREATE TABLE arrival_groups (
    id TEXT PRIMARY KEY,
    transport TEXT NOT NULL,
    vehicle TEXT NOT NULL DEFAULT '',
    handover_ref TEXT NOT NULL DEFAULT '',
    handover_date TEXT,
    authority TEXT NOT NULL DEFAULT '',
    return_type TEXT NOT NULL,
    expected_count INTEGER,
    source TEXT NOT NULL DEFAULT '',
    skipped_rows INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX arrival_groups_created ON arrival_groups(created_at);

-- The rows of a handover list, waiting to be registered (or marked as left before registration).
CREATE TABLE handover_rows (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL,
    row_no INTEGER NOT NULL,
    row_ref TEXT NOT NULL DEFAULT '',
    person TEXT NOT NULL,
    household TEXT NOT NULL DEFAULT '',
    household_role TEXT,
    status TEXT NOT NULL CHECK (status IN ('waiting', 'registered', 'left')),
    person_id TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX handover_rows_group ON handover_rows(group_id, row_no);

-- The arrival record of a quick registration: one row per arrival (encounter).
CREATE TABLE arrivals (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    group_id TEXT,
    row_no INTEGER,
    quick INTEGER NOT NULL DEFAULT 1,
    legal_basis TEXT NOT NULL DEFAULT '',
    household_id TEXT,
    household_role TEXT,
    child_status TEXT,
    flags TEXT NOT NULL DEFAULT '[]',
    priority INTEGER NOT NULL DEFAULT 0,
    interpreter_language TEXT NOT NULL DEFAULT '',
    surge INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX arrivals_person ON arrivals(person_id);
CREATE INDEX arrivals_group ON arrivals(group_id) WHERE group_id IS NOT NULL;
CREATE INDEX arrivals_household ON arrivals(household_id) WHERE household_id IS NOT NULL;

CREATE TABLE queue_entries (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    encounter_id TEXT NOT NULL,
    station TEXT NOT NULL,
    priority INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'done', 'referred', 'left')),
    entered_at TEXT NOT NULL,
    entered_hlc TEXT NOT NULL,
    called_at TEXT,
    called_by TEXT,
    called_hlc TEXT,
    closed_at TEXT,
    closed_by TEXT,
    closed_hlc TEXT,
    closed_event TEXT
);
CREATE INDEX queue_entries_station ON queue_entries(station, status, priority DESC, entered_hlc);
CREATE INDEX queue_entries_person ON queue_entries(person_id);

CREATE TABLE surge_log (
    id TEXT PRIMARY KEY,
    active INTEGER NOT NULL,
    at TEXT NOT NULL,
    hlc TEXT NOT NULL,
    by TEXT NOT NULL
);

-- People who passed without registration during a surge, counted by sex and child/adult.
CREATE TABLE headcounts (
    id TEXT PRIMARY KEY,
    group_id TEXT,
    sex TEXT NOT NULL,
    age_group TEXT NOT NULL CHECK (age_group IN ('child', 'adult')),
    n INTEGER NOT NULL,
    at TEXT NOT NULL,
    by TEXT NOT NULL
);
"""

# Projection tables (rebuilt and compared by ``verify``); each has an ``id`` key.
ARRIVAL_TABLES = ("arrival_groups", "handover_rows", "arrivals", "queue_entries", "surge_log", "headcounts")

Handler = Callable[[sqlite_utils.Database, Event, dict[str, Any]], None]
HANDLERS: dict[str, Handler] = {}


def _handles(*types: str) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        for t in types:
            HANDLERS[t] = fn
        return fn
    return deco


def _insert(db: sqlite_utils.Database, table: str, row: dict[str, Any]) -> None:
    cols = list(row)
    db.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
               [row[c] for c in cols])


def _rows(db: sqlite_utils.Database, ev: Event, group_id: str, rows: list[dict[str, Any]]) -> None:
    # A list's rows arriving after registrations from them (a laptop that pulled those first: groups only travel
    # since 0014) start as registered: the same rows on every laptop whatever order the events came in.
    done = dict(db.execute("SELECT row_no, person_id FROM arrivals WHERE group_id = ? AND row_no IS NOT NULL",
                           [group_id]).fetchall())
    for r in rows:
        n = int(r["row"])
        _insert(db, "handover_rows", {
            "id": f"{group_id}:{n}", "group_id": group_id, "row_no": n,
            "row_ref": r.get("row_ref") or "", "person": json.dumps(r["person"], sort_keys=True, ensure_ascii=False),
            "household": r.get("household") or "", "household_role": r.get("household_role"),
            "status": "registered" if n in done else "waiting", "person_id": done.get(n),
            "updated_at": ev["recorded_at"]})


@_handles("arrival_group.recorded")
def _group(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    g = p["group"]
    _insert(db, "arrival_groups", {
        "id": ev["entity_id"], "transport": g["transport"], "vehicle": g.get("vehicle") or "",
        "handover_ref": g.get("handover_ref") or "", "handover_date": g.get("handover_date"),
        "authority": g.get("authority") or "", "return_type": g["return_type"],
        "expected_count": g.get("expected_count"), "source": g.get("source") or "",
        "skipped_rows": int(p.get("skipped_rows") or 0), "created_by": ev["author"], "created_at": ev["recorded_at"]})
    _rows(db, ev, ev["entity_id"], p.get("rows") or [])


@_handles("arrival_group.rows_added")
def _group_rows(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    _rows(db, ev, ev["entity_id"], p.get("rows") or [])


@_handles("arrival_group.row_left")
def _row_left(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    db.execute("UPDATE handover_rows SET status = 'left', updated_at = ? WHERE id = ? AND status = 'waiting'",
               [ev["recorded_at"], f"{ev['entity_id']}:{int(p['row'])}"])


def registration_arrival(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    """The arrival part of a ``registration.recorded`` event (a quick registration): called by its handler."""
    a = p["arrival"]
    flags = sorted(a.get("flags") or [])
    _insert(db, "arrivals", {
        "id": p["encounter"]["id"], "person_id": p["person_id"], "group_id": a.get("group_id"),
        "row_no": a.get("row"), "quick": int(bool(a.get("quick", True))), "legal_basis": a.get("legal_basis") or "",
        "household_id": a.get("household_id"), "household_role": a.get("household_role"),
        "child_status": a.get("child_status"), "flags": json.dumps(flags), "priority": int(a.get("priority") or 0),
        "interpreter_language": a.get("interpreter_language") or "", "surge": int(bool(a.get("surge"))),
        "created_at": ev["recorded_at"]})
    if a.get("group_id") and a.get("row") is not None:
        db.execute("UPDATE handover_rows SET status = 'registered', person_id = ?, updated_at = ? WHERE id = ?",
                   [p["person_id"], ev["recorded_at"], f"{a['group_id']}:{int(a['row'])}"])


@_handles("queue.entered")
def _queue_entered(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    for e in p["entries"]:
        _insert(db, "queue_entries", {
            "id": e["id"], "person_id": ev["entity_id"], "encounter_id": p["encounter_id"], "station": e["station"],
            "priority": int(e["priority"]), "status": "waiting", "entered_at": ev["recorded_at"],
            "entered_hlc": ev["hlc"]})


@_handles("queue.updated")
def _queue_updated(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    eid, status, hlc = p["entry_id"], p["status"], ev["hlc"]
    if status not in ("called", "done", "referred", "left"):
        raise ValueError("not a queue status")
    row = db.execute("SELECT called_hlc, closed_hlc FROM queue_entries WHERE id = ?", [eid]).fetchone()
    if row is None:
        raise KeyError(f"queue entry {eid} not found")
    called_hlc, closed_hlc = row
    if status == "called":
        if called_hlc is None or hlc < called_hlc:
            db.execute("UPDATE queue_entries SET called_at = ?, called_by = ?, called_hlc = ? WHERE id = ?",
                       [ev["recorded_at"], ev["author"], hlc, eid])
    elif closed_hlc is None or hlc < closed_hlc:
        db.execute("UPDATE queue_entries SET status = ?, closed_at = ?, closed_by = ?, closed_hlc = ?, "
                   "closed_event = ? WHERE id = ?", [status, ev["recorded_at"], ev["author"], hlc, ev["id"], eid])
    db.execute("UPDATE queue_entries SET status = 'called' WHERE id = ? AND closed_hlc IS NULL "
               "AND called_hlc IS NOT NULL", [eid])


@_handles("surge.switched")
def _surge(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    _insert(db, "surge_log", {"id": ev["id"], "active": int(bool(p["active"])), "at": ev["recorded_at"],
                              "hlc": ev["hlc"], "by": ev["author"]})


@_handles("headcount.recorded")
def _headcount(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    _insert(db, "headcounts", {"id": ev["id"], "group_id": p.get("group_id"), "sex": p["sex"],
                               "age_group": p["age_group"], "n": int(p["n"]), "at": ev["recorded_at"],
                               "by": ev["author"]})
