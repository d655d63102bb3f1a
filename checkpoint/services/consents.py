"""Consent per purpose: what a person (or a child's guardian) agreed to, and withdrawing it.

    >>> session.consents.of_person(person_id)        # [{"purpose": "tb_screen", "granted": 1, ...}]  # doctest: +SKIP
    >>> session.consents.withdraw(encounter_id, "sharing", reason="asked at the desk")               # doctest: +SKIP

A withdrawal is an event (``consent.withdrawn``): it travels with the person's record, and from then on exports
leave the person out (consent to sharing) or withhold the TB outcome (consent to the TB screen), HQ stops routing the
person's events to other checkpoints (sharing), and a referral slip is refused (referral, or sharing with that
agency). Who: the officer who registered the arrival, or a supervisor, withdraws; those who see the arrival's
protection section see all its consents, others (a health worker) only the TB screen's.
Raises PermissionDenied, NotFound, ValidationError, ConflictError (nothing to withdraw).
"""

from __future__ import annotations

from typing import Any

from checkpoint.errors import ConflictError
from checkpoint.model.consent import validate_withdrawal
from checkpoint.model.roles import Permission
from checkpoint.services.base import Context, check_id, row_dicts
from checkpoint.services.changes import Changes

__all__ = ["Consents"]


class Consents:
    """``session.consents``: consent per purpose and its withdrawal."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def of_person(self, person_id: str) -> list[dict[str, Any]]:
        """The person's consents per purpose (with who gave them, when, the wording version, any withdrawal),
        oldest first, as this user's role may see them."""
        ctx = self._ctx
        ctx.require(Permission.VIEW_IDENTITY)
        pid = check_id(person_id, "person_id")
        rows = row_dicts(ctx.db.execute(
            "SELECT c.*, e.officer_id FROM consent_records c JOIN encounters e ON e.id = c.encounter_id "
            "WHERE c.person_id = ? ORDER BY c.given_at, c.purpose, c.target", [pid]))
        out = []
        for r in rows:
            officer = r.pop("officer_id")
            if ctx.may_see_trafficking(officer) or (r["purpose"] == "tb_screen" and ctx.may(Permission.VIEW_TB)):
                out.append(r)
        ctx.audit_read("consents", 1 if out else 0)
        return out

    def withdraw(self, encounter_id: str, purpose: str, *, target: str = "", reason: str = "") -> Changes:
        """Record that the person (or the guardian) withdrew one consent of this arrival.

        Raises ConflictError when that consent was not given or is already withdrawn, PermissionDenied for a user
        who may not correct the arrival, ValidationError for a bad purpose, agency or reason.
        """
        ctx = self._ctx
        e = ctx.encounter(encounter_id)
        ctx.may_amend(e["officer_id"])
        w = validate_withdrawal({"purpose": purpose, "target": target, "reason": reason})
        given = ctx.db.execute("SELECT granted, withdrawn_at FROM consent_records WHERE encounter_id = ? AND "
                               "purpose = ? AND target = ?", [e["id"], w["purpose"], w["target"]]).fetchone()
        if given is None and not w["target"]:
            legacy = ctx.db.execute("SELECT granted FROM consents WHERE encounter_id = ? AND purpose = ?",
                                    [e["id"], w["purpose"]]).fetchone()
            given = (legacy[0], None) if legacy is not None else None
        if given is None or not given[0] or given[1] is not None:
            raise ConflictError("This consent was not given, or is already withdrawn.")
        payload: dict[str, Any] = {"encounter_id": e["id"], **w}
        if w["purpose"] == "sharing" and not w["target"]:
            payload["consents"] = [{"purpose": "sharing", "granted": False}]     # read by events.sharing_consent
        with ctx.store.write():
            ctx.store.record("consent.withdrawn", "person", e["person_id"], payload, author=ctx.user.id)
        return Changes(persons=True, encounters=True, events=True, ids={"person": e["person_id"]})
