"""Referral slips from the store: build one, sign its code, log that it was printed.

    >>> slip = session.slips.slip(referral_id)                      # doctest: +SKIP
    >>> (slip.kind, slip.agency_en, slip.reason_en)                  # doctest: +SKIP
    ('health', 'Poipet Referral Hospital', 'Presumptive TB: chest X-ray and Xpert MTB/RIF')
    >>> keys = session.slips.trusted_keys()                                         # doctest: +SKIP
    >>> verify_referral_token(slip.token, keys, today=date.today())["r"] == referral_id   # doctest: +SKIP
    True

What a slip shows, and the code's format, are in ``checkpoint.slips``. A health slip needs the ``view_tb``
permission; a protection or child-protection slip needs ``view_trafficking``, or ``view_own_trafficking`` when
the user registered that arrival. Raises ValidationError for an id that is not a record id, PermissionDenied,
NotFound for an unknown referral, ConflictError when the referral, the arrival or the person was voided,
StoreError when the session is locked or the store has no device signing key.
"""

from __future__ import annotations

import re
from typing import Any

from checkpoint import crypto
from checkpoint.errors import ConflictError, NotFound, PermissionDenied, StoreError, ValidationError
from checkpoint.model.roles import Permission
from checkpoint.services.base import Context
from checkpoint.services.changes import Changes
from checkpoint.services.referrals import made_without_consent
from checkpoint.slips import Slip, make_slip, sign_token

__all__ = ["Slips"]

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class Slips:
    """``session.slips``: printing referral slips, as the signed-in user may."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def slip(self, referral_id: str) -> Slip:
        """Everything the slip of one referral prints, with its signed code."""
        row = self._load(referral_id)
        self._ctx.audit_read("slip", 1)
        return make_slip(row, checkpoint_name=self._ctx.site.checkpoint_name, token=self._sign(row),
                         tz=self._ctx.site.tz)

    def token(self, referral_id: str) -> str:
        """Only the signed code of a referral's slip (``CPR2.<payload>.<signature>``); the same checks."""
        row = self._load(referral_id)
        self._ctx.audit_read("slip", 1)
        return self._sign(row)

    def record_printed(self, referral_id: str) -> Changes:
        """Log that this user printed (or saved) the slip of a referral: the slip carries personal data."""
        ctx = self._ctx
        row = self._load(referral_id)
        with ctx.store.write():
            ctx.store.record("referral.slip_printed", "person", row["person_id"], {"referral_id": row["id"]},
                             author=ctx.user.id)
        return Changes(events=True)

    def trusted_keys(self) -> dict[str, bytes]:
        """The public keys slips of this device are signed with, as ``{key_id: public_key}``, for
        ``verify_referral_token``: each user's own key (slips are signed by the user who prints them) and the
        device's (slips printed before that rule). Slips from other checkpoints verify only with their keys (HQ
        reference data; not built yet)."""
        public = self._device_key("device_signing_public")
        keys = {crypto.key_id(public): public}
        for (hexkey,) in self._ctx.db.execute("SELECT signing_public FROM users WHERE signing_public != ''"):
            user_key = bytes.fromhex(hexkey)
            keys[crypto.key_id(user_key)] = user_key
        return keys

    # ------------------------------------------------------------------
    def _load(self, referral_id: str) -> dict[str, Any]:
        """The referral joined with its person, arrival and creator, after the id, role and void checks."""
        ctx = self._ctx
        if not isinstance(referral_id, str) or not _UUID.fullmatch(referral_id):
            raise ValidationError("referral_id", "is not a record id")
        role = ctx.user.role
        if not any(ctx.may(p) for p in (Permission.VIEW_TB, Permission.VIEW_TRAFFICKING,
                                        Permission.VIEW_OWN_TRAFFICKING)):
            raise PermissionDenied(f"A {role.replace('_', ' ')} may not print referral slips.")
        cur = ctx.db.execute(
            "SELECT r.id, r.person_id, r.kind, r.agency_code, r.reason_code, r.urgency, r.created_at, r.voided, "
            "p.family_name, p.given_names, p.name_khmer, p.sex, p.date_of_birth, p.dob_estimated, "
            "p.id_document_type, p.id_document_number, p.voided AS person_voided, "
            "e.officer_id, e.voided AS encounter_voided, u.display_name AS officer_name, r.encounter_id, "
            "e.age_at_arrival "
            "FROM referrals r JOIN persons p ON p.id = r.person_id JOIN encounters e ON e.id = r.encounter_id "
            "LEFT JOIN users u ON u.id = r.created_by WHERE r.id = ?", [referral_id])
        cols = [d[0] for d in cur.description]
        found = cur.fetchone()
        if found is None:
            raise NotFound("No such referral.")
        row: dict[str, Any] = dict(zip(cols, found, strict=True))
        if row["kind"] == "health":
            if not ctx.may(Permission.VIEW_TB):
                raise PermissionDenied(f"A {role.replace('_', ' ')} may not print health referral slips.")
        elif not ctx.may_see_trafficking(row["officer_id"]):
            raise PermissionDenied("Only the officer who registered this arrival, or a supervisor, may print its "
                                   "protection referral slip.")
        if row["voided"]:
            raise ConflictError("This referral was voided; there is no slip to print.")
        if row["encounter_voided"] or row["person_voided"]:
            raise ConflictError("This arrival or person record was voided; there is no slip to print.")
        # issue 12: a slip carries the person's data to the agency — not once the consent to that referral, or to
        # sharing with that agency, was withdrawn
        if ctx.db.execute("SELECT 1 FROM consent_records w JOIN referrals r ON r.encounter_id = w.encounter_id "
                          "WHERE r.id = ? AND w.withdrawn_at IS NOT NULL AND w.purpose IN ('referral', 'sharing') "
                          "AND w.target IN (r.agency_code, '')", [row["id"]]).fetchone():
            raise ConflictError("The person withdrew consent to this referral or to sharing; there is no slip to "
                                "print.")
        row["without_consent"] = made_without_consent(ctx.db, row, row["age_at_arrival"])     # issue 12
        return row

    def _sign(self, row: dict[str, Any]) -> str:
        signer = self._ctx.store.signer      # the printing user's own key: the device's is not hers to use
        if signer is None:
            raise StoreError("This session has no signing key; slips cannot be signed. Sign in again.")
        return sign_token(row, signer[1], crypto.signing_public(signer[1]),
                          issued=self._ctx.today())

    def _device_key(self, name: str) -> bytes:
        value = self._ctx.store.meta(name)
        try:
            key = bytes.fromhex(value or "")
        except ValueError:
            key = b""
        if len(key) != 32:
            raise StoreError("This store has no device signing key; slips cannot be signed.")
        return key
