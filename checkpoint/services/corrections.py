"""Correcting records: amend a person or an arrival (with a reason), void what was entered in error, and decide
the conflicts two devices' edits made.

    >>> session.corrections.amend_person(pid, {"phone": "012345678"}, "typo at the desk")   # doctest: +SKIP
    Changes(persons=True, ..., ids={'person': '...'})
    >>> session.corrections.void("referral", rid, "entered twice")                          # doctest: +SKIP

Nothing is edited in place: every correction is an event carrying the reason, and the history shows it.
Raises PermissionDenied (only the registering officer or a supervisor corrects; only supervisors void or decide
conflicts), ValidationError (no reason, nothing to change, bad values), NotFound, ConflictError (already voided,
already decided).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

from checkpoint.errors import ConflictError, NotFound, ValidationError
from checkpoint.model.encounter import validate_encounter
from checkpoint.model.person import validate_person
from checkpoint.model.roles import Permission
from checkpoint.services.base import Context, check_id, check_reason, row_dicts
from checkpoint.services.changes import Changes

__all__ = ["VOIDABLE", "Corrections"]

# Record types that can be voided, and their tables.
VOIDABLE: Final[Mapping[str, str]] = {"person": "persons", "encounter": "encounters", "referral": "referrals",
                                      "trafficking_screening": "trafficking_screenings",
                                      "tb_screening": "tb_screenings"}


class Corrections:
    """``session.corrections``: amendments, voids and conflict decisions."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def amend_person(self, person_id: str, changes: Mapping[str, Any], reason: str) -> Changes:
        """Correct identity fields; recorded as an event with the reason, never an in-place edit."""
        ctx = self._ctx
        pid = check_id(person_id, "person_id")
        row = ctx.db.execute("SELECT registered_by, voided FROM persons WHERE id = ?", [pid]).fetchone()
        if row is None:
            raise NotFound("No such person.")
        ctx.may_amend(row[0])
        if row[1]:
            raise ConflictError("This record was voided.")
        why = check_reason(reason)
        ch = validate_person(changes, today=ctx.today(), partial=True)
        if not ch:
            raise ValidationError("changes", "nothing to change")
        current = row_dicts(ctx.db.execute("SELECT * FROM persons WHERE id = ?", [pid]))[0]
        merged = {**current, **ch}
        if not (merged["family_name"] or merged["given_names"] or merged["name_khmer"]):
            raise ValidationError("family_name", "a name in Latin or Khmer script is required")
        with ctx.store.write():
            ctx.store.record("person.amended", "person", pid,
                             {"changes": ch, "base": self._base(pid, ch), "reason": why}, author=ctx.user.id)
        return Changes(persons=True, events=True, ids={"person": pid})

    def amend_encounter(self, encounter_id: str, changes: Mapping[str, Any], reason: str) -> Changes:
        """Correct an arrival's journey fields; recorded as an event with the reason."""
        ctx = self._ctx
        e = ctx.encounter(encounter_id)
        ctx.may_amend(e["officer_id"])
        if e["voided"]:
            raise ConflictError("This arrival was voided.")
        why = check_reason(reason)
        ch = validate_encounter(changes, now=ctx.store.clock.now(), default_station=e["station_id"], partial=True)
        if not ch:
            raise ValidationError("changes", "nothing to change")
        with ctx.store.write():
            ctx.store.record("encounter.amended", "person", e["person_id"],
                             {"encounter_id": e["id"], "changes": ch, "base": self._base(e["id"], ch),
                              "reason": why}, author=ctx.user.id)
        return Changes(encounters=True, events=True, ids={"person": e["person_id"]})

    def _base(self, entity_id: str, changes: Mapping[str, Any]) -> dict[str, str]:
        """For each changed field, the event whose value this edit replaces ("" = as registered). Another device
        that changed the field meanwhile makes the two edits a conflict instead of a silent overwrite."""
        rows = dict(self._ctx.db.execute("SELECT field, event_id FROM field_versions WHERE entity_id = ?",
                                         [entity_id]).fetchall())
        return {f: rows.get(f, "") for f in changes}

    def void(self, record_type: str, record_id: str, reason: str) -> Changes:
        """Mark a record as entered in error (it stays in the log and the history). Supervisors only."""
        ctx = self._ctx
        ctx.require(Permission.VOID)
        table = VOIDABLE.get(record_type)
        if table is None:
            raise ValidationError("record_type", "is not a record type")
        rid = check_id(record_id, "record_id")
        pid_col = "id" if table == "persons" else "person_id"
        row = ctx.db.execute(f"SELECT {pid_col}, voided FROM {table} WHERE id = ?", [rid]).fetchone()
        if row is None:
            raise NotFound("No such record.")
        if row[1]:
            raise ConflictError("This record is already voided.")
        why = check_reason(reason)
        with ctx.store.write():
            ctx.store.record("record.voided", "person", row[0],
                             {"record_type": record_type, "record_id": rid, "reason": why}, author=ctx.user.id)
        return Changes(persons=True, encounters=True, referrals=True, events=True, ids={"person": row[0]})

    # ------------------------------------------------------------------ conflicts
    def conflicts(self, *, state: str = "open") -> list[dict[str, Any]]:
        """Fields edited on two devices without either seeing the other; both values are kept until decided.
        Each row is the stored conflict (``kept_value``/``other_value`` decoded) with the person's names."""
        ctx = self._ctx
        ctx.require(Permission.AMEND_ANY)
        rows = row_dicts(ctx.db.execute(
            "SELECT c.*, p.family_name, p.given_names, p.name_khmer FROM conflicts c "
            "JOIN persons p ON p.id = c.person_id WHERE c.state = ? ORDER BY c.detected_at", [state]))
        for r in rows:
            r["kept_value"] = json.loads(r["kept_value"]) if r["kept_value"] is not None else None
            r["other_value"] = json.loads(r["other_value"]) if r["other_value"] is not None else None
        ctx.audit_read("conflicts", len({r["person_id"] for r in rows}))
        return rows

    def resolve(self, conflict_id: str, keep: str) -> Changes:
        """Decide a conflict: ``keep`` is "kept" (the value in place) or "other". The decision is an event."""
        ctx = self._ctx
        ctx.require(Permission.AMEND_ANY)
        if keep not in ("kept", "other"):
            raise ValidationError("keep", "must be kept or other")
        row = ctx.db.execute("SELECT person_id, state, kept_event, kept_value, other_event, other_value "
                             "FROM conflicts WHERE id = ?", [check_id(conflict_id, "conflict_id")]).fetchone()
        if row is None:
            raise NotFound("No such conflict.")
        if row[1] != "open":
            raise ConflictError("This conflict was already decided.")
        chosen, value = (row[2], row[3]) if keep == "kept" else (row[4], row[5])
        with ctx.store.write():
            # The chosen value travels in the event, so every device applies the same decision.
            ctx.store.record("conflict.resolved", "person", row[0],
                             {"conflict_id": conflict_id, "chosen_event": chosen,
                              "value": json.loads(value) if value is not None else None}, author=ctx.user.id)
        return Changes(persons=True, encounters=True, events=True, ids={"person": row[0]})
