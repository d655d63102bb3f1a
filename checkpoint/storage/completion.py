"""The projection of ``registration.completed``: the full registration continued on a quick registration's arrival.

The quick registration wrote the person and the arrival (an encounter with no journey, no consent, no screen); the
officer who calls the person from the private interview room's queue completes that same encounter: its journey
fields, the consents, the pre-screen, the screens and the referrals. Nothing here creates a second encounter.

Two laptops completing the same arrival before they sync: the screens and referrals of both are kept (each has its
own id), the journey fields of the later one (by the log's order) win, and the consents first recorded are kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import sqlite_utils

from checkpoint.storage.projections import (
    ENCOUNTER_FIELDS,
    _encounter_row,
    _insert,
    _insert_referral,
    _insert_screens,
    _update,
)

__all__ = ["HANDLERS"]

Event = dict[str, Any]


def _completed(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    at, by = ev["recorded_at"], ev["author"]
    person_id, enc_id = ev["entity_id"], p["encounter_id"]
    journey = {k: v for k, v in (p.get("encounter") or {}).items() if k in ENCOUNTER_FIELDS}
    if journey:
        row = _encounter_row(journey)
        _update(db, "encounters", enc_id, {**{k: row[k] for k in journey}, "updated_at": at})
    else:
        _update(db, "encounters", enc_id, {"updated_at": at})
    for c in p.get("consents", []):
        db.execute("INSERT INTO consents (encounter_id, purpose, granted, recorded_at, recorded_by) "
                   "VALUES (?,?,?,?,?) ON CONFLICT(encounter_id, purpose) DO NOTHING",
                   [enc_id, c["purpose"], int(bool(c["granted"])), at, by])
    _insert_screens(db, p, enc_id, person_id, by, at)
    for r in p.get("referrals", []):
        _insert_referral(db, ev, r, person_id, enc_id)
    if p.get("prescreen"):
        db.execute("UPDATE encounters SET prescreen = ? WHERE id = ?", [json.dumps(p["prescreen"], sort_keys=True),
                                                                        enc_id])
    for c in p.get("consent_records") or []:
        _insert(db, "consent_records", {
            "id": c["id"], "encounter_id": enc_id, "person_id": person_id, "purpose": c["purpose"],
            "target": c["target"], "granted": int(bool(c["granted"])), "given_by": c["given_by"],
            "guardian_name": c["guardian_name"], "guardian_relationship": c["guardian_relationship"],
            "wording_version": c["wording_version"], "given_at": at, "recorded_by": by})
    db.execute("UPDATE persons SET updated_at = ? WHERE id = ?", [at, person_id])


HANDLERS: dict[str, Callable[[sqlite_utils.Database, Event, dict[str, Any]], None]] = {
    "registration.completed": _completed}
