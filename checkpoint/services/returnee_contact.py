"""A repeat returnee's new phone and destination, given at her new arrival: recorded as a correction of the person
(``person.amended``, with its reason and the field versions it replaces), in the arrival's own transaction.

    >>> changes = contact_changes(ctx, person_id, {"phone": "012 999 888", "home_province": "01"})  # doctest: +SKIP
    >>> with ctx.store.write():                                                                    # doctest: +SKIP
    ...     record_contact_changes(ctx, person_id, changes)

Only the contact and destination fields (``CONTACT_FIELDS``); only what the officer typed (an empty field never clears
what the record holds); only what differs from the record. The same event a supervisor's correction writes, so it
travels, shows in the person's history and HQ folds it as it folds any correction: only a role that may write a
correction (``person.amended``: amend permission) records one. Raises ValidationError (a bad phone or province) and
PermissionDenied (a real change by a role without amend permission): nothing is written then, the arrival neither.
The quick registration (``Arrivals.quick_register``) and the full one (``Registrations.register``/``complete``) both
record a repeat returnee's new contact through these two functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from checkpoint.errors import PermissionDenied, ValidationError
from checkpoint.model.person import validate_person
from checkpoint.model.roles import may_author
from checkpoint.services.base import Context, row_dicts

__all__ = ["CONTACT_FIELDS", "MSG_MAY_NOT_AMEND", "REASON", "contact_changes", "record_contact_changes"]

CONTACT_FIELDS: Final = ("phone", "home_province", "home_district", "home_commune", "home_village")
REASON: Final = "given at a new arrival (repeat returnee)"
MSG_MAY_NOT_AMEND: Final = ("Your role may not correct a person's record, so a new phone or destination cannot be "
                            "saved. Put back what the record holds, or ask a supervisor.")


def contact_changes(ctx: Context, person_id: str, typed: Mapping[str, Any] | None) -> dict[str, Any]:
    """The fields of ``typed`` (contact and destination only, non-empty) that differ from the person's record,
    validated as a person's fields are. Raises ValidationError naming the field, PermissionDenied when something
    differs and the user's role may not correct a person's record."""
    if not typed:
        return {}
    if not isinstance(typed, Mapping):
        raise ValidationError("person_updates", "must be a set of fields")
    unknown = sorted(k for k in typed if k not in CONTACT_FIELDS)
    if unknown:
        raise ValidationError(unknown[0], "is not a contact or destination field")
    given = {k: v for k, v in typed.items() if v not in (None, "")}
    if not given:
        return {}
    clean = validate_person(given, today=ctx.today(), partial=True)
    rows = row_dicts(ctx.db.execute(f"SELECT {', '.join(CONTACT_FIELDS)} FROM persons WHERE id = ?", [person_id]))
    current = rows[0] if rows else {}
    changes = {k: v for k, v in clean.items() if k in given and v != (current.get(k) or "")}
    if changes and not may_author(ctx.user.role, "person.amended"):
        raise PermissionDenied(MSG_MAY_NOT_AMEND)
    return changes


def record_contact_changes(ctx: Context, person_id: str, changes: Mapping[str, Any]) -> bool:
    """Record ``changes`` (from ``contact_changes``) as ``person.amended``; inside the caller's ``store.write()``.
    False when there is nothing to record."""
    if not changes:
        return False
    versions = dict(ctx.db.execute("SELECT field, event_id FROM field_versions WHERE entity_id = ?",
                                   [person_id]).fetchall())
    ctx.store.record("person.amended", "person", person_id,
                     {"changes": dict(changes), "base": {f: versions.get(f, "") for f in changes}, "reason": REASON},
                     author=ctx.user.id)
    return True
