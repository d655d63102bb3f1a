"""The projections of issue 13: assistance handed out at the transit centre (with its voids and corrections) and NEA
job registrations (with the NEA consent given on the form).

Its tables are made by migration ``0011_assistance`` (``SCHEMA_0011``); ``HANDLERS`` are joined to
``checkpoint.storage.projections``. Like every projection: the event and the tables only, every timestamp from the
event, so a replay gives the same rows.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

import sqlite_utils

__all__ = ["HANDLERS", "SCHEMA_0011", "SERVICE_TABLES"]

Event = dict[str, Any]
Handler = Callable[[sqlite_utils.Database, Event, dict[str, Any]], None]

SCHEMA_0011 = """
CREATE TABLE assistance (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    item_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    unit TEXT NOT NULL,
    quantity REAL NOT NULL,
    provider TEXT NOT NULL,
    cash_grant INTEGER NOT NULL DEFAULT 0,
    given_by TEXT NOT NULL,
    given_at TEXT NOT NULL,
    device_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    override_of TEXT NOT NULL DEFAULT '',
    override_reason TEXT NOT NULL DEFAULT '',
    voided INTEGER NOT NULL DEFAULT 0,
    void_reason TEXT NOT NULL DEFAULT '',
    voided_by TEXT NOT NULL DEFAULT '',
    voided_at TEXT,
    corrected_at TEXT,
    correction_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assistance_person ON assistance(person_id, given_at);
CREATE INDEX assistance_given_at ON assistance(given_at);
CREATE TABLE nea_registrations (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    encounter_id TEXT NOT NULL,
    data TEXT NOT NULL,
    registered_by TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    hlc TEXT NOT NULL
);
CREATE INDEX nea_registrations_person ON nea_registrations(person_id, registered_at);
CREATE INDEX nea_registrations_at ON nea_registrations(registered_at);
"""

SERVICE_TABLES = ("assistance", "nea_registrations")

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


def _text(v: Any, field: str) -> str:
    if not isinstance(v, str) or not v or len(v) > 64:
        raise ValueError(f"{field} is not a code")
    return v


def _qty(v: Any) -> float:
    """A quantity as an event from another laptop may carry it: a finite number above zero (else ValueError: the
    pulled event is held aside, never applied)."""
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v) or not 0 < v < 1e9:
        raise ValueError("quantity is not a quantity")
    return float(v)


@_handles("assistance.given")
def _given(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    a = p["assistance"]
    for f in ("item_code", "kind", "unit", "provider"):
        _text(a.get(f), f)
    ov = a.get("override") or {}
    _insert(db, "assistance", {
        "id": a["id"], "person_id": ev["entity_id"], "item_code": a["item_code"], "kind": a["kind"],
        "unit": a["unit"], "quantity": _qty(a["quantity"]), "provider": a["provider"],
        "cash_grant": int(bool(a.get("cash_grant"))), "given_by": ev["author"], "given_at": ev["recorded_at"],
        "device_id": ev["device_id"], "hlc": ev["hlc"], "override_of": str(ov.get("of") or ""),
        "override_reason": str(ov.get("reason") or "")})


@_handles("assistance.voided")
def _voided(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    db.execute("UPDATE assistance SET voided = 1, void_reason = ?, voided_by = ?, voided_at = ? WHERE id = ? "
               "AND person_id = ? AND voided = 0",
               [str(p.get("reason") or ""), ev["author"], ev["recorded_at"], p["assistance_id"], ev["entity_id"]])


@_handles("assistance.corrected")
def _corrected(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    ch = p.get("changes") or {}
    sets = {k: ch[k] for k in ("quantity", "provider") if k in ch}
    if "quantity" in sets:
        sets["quantity"] = _qty(sets["quantity"])
    if "provider" in sets:
        _text(sets["provider"], "provider")
    sets["corrected_at"] = ev["recorded_at"]
    sets["correction_reason"] = str(p.get("reason") or "")
    cols = list(sets)
    db.execute(f"UPDATE assistance SET {', '.join(c + ' = ?' for c in cols)} WHERE id = ? AND person_id = ?",
               [sets[c] for c in cols] + [p["assistance_id"], ev["entity_id"]])


@_handles("nea.registered")
def _nea(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    reg = p["registration"]
    _insert(db, "nea_registrations", {
        "id": reg["id"], "person_id": ev["entity_id"], "encounter_id": p["encounter_id"],
        "data": json.dumps(reg.get("data") or {}, sort_keys=True, ensure_ascii=False),
        "registered_by": ev["author"], "registered_at": ev["recorded_at"], "hlc": ev["hlc"]})
    c = p.get("consent")
    if c:
        _insert(db, "consent_records", {
            "id": c["id"], "encounter_id": p["encounter_id"], "person_id": ev["entity_id"], "purpose": c["purpose"],
            "target": c.get("target") or "", "granted": int(bool(c["granted"])), "given_by": c["given_by"],
            "guardian_name": c.get("guardian_name") or "",
            "guardian_relationship": c.get("guardian_relationship") or "",
            "wording_version": c["wording_version"], "given_at": ev["recorded_at"], "recorded_by": ev["author"]})


@_handles("site.assistance_policy_set")
def _policy(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    return None          # audit: the policy itself lives in the store's meta
