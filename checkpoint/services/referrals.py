"""Referrals: add one to an arrival, record its follow-up, and list what needs following up.

    >>> session.referrals.add(encounter_id, {"kind": "health", "agency_code": "KH01-POIPET-RH",
    ...                                      "reason_code": "TB_PRESUMPTIVE"})                      # doctest: +SKIP
    >>> rows, truncated = session.referrals.to_follow_up("open")        # health referrals still open  # doctest: +SKIP
    >>> session.referrals.update(rows[0].id, {"status": "arrived"})                                   # doctest: +SKIP

Health (TB) referrals are for those who see TB screens; protection referrals only for those who see the
protection section. Raises PermissionDenied, ValidationError (bad values, a stage moved backwards), NotFound,
ConflictError (voided or already closed).
"""

from __future__ import annotations

import builtins
import dataclasses
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from checkpoint import protection_section
from checkpoint.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from checkpoint.model.referral import (
    HEALTH_STAGES,
    OPEN_STAGES,
    STATUSES,
    URGENCIES,
    is_open,
    validate_referral,
    validate_referral_update,
)
from checkpoint.model.roles import Permission
from checkpoint.screening.safety import raise_urgency
from checkpoint.services import protection
from checkpoint.services.base import Context, check_id, row_dicts
from checkpoint.services.changes import Changes
from checkpoint.services.tb_followup import MSG_OPEN_TB_REFERRAL, OpenTBReferral, open_tb_referrals

__all__ = ["FollowUpList", "ReferralRow", "Referrals", "directory_codes"]


@dataclass(frozen=True)
class ReferralRow:
    """A referral with the referred person's names, birth date and sex. ``voided`` is 0/1 as stored."""

    id: str
    person_id: str
    encounter_id: str
    kind: str
    agency_code: str
    reason_code: str
    urgency: str
    notes: str
    status: str
    cxr_result: str
    xpert_result: str
    diagnosis: str
    treatment_started_at: str | None
    treatment_facility: str
    lost_to_follow_up_stage: str
    created_by: str
    created_at: str
    updated_at: str
    voided: int
    void_reason: str
    family_name: str
    given_names: str
    name_khmer: str
    date_of_birth: str | None
    sex: str
    # the TB record at the health post (issue 14)
    cxr_at: str | None
    cxr_cad_score: float | None
    cxr_read_by: str
    sputum_collected_at: str | None
    sputum_specimen_id: str
    xpert_at: str | None
    tb_register_number: str
    treatment_outcome: str
    treatment_outcome_at: str | None

    @property
    def is_open(self) -> bool:
        """Still needs follow-up (see ``checkpoint.model.referral.is_open``)."""
        return is_open(self.status, self.diagnosis)


class FollowUpList(NamedTuple):
    """Referrals to show, oldest first; ``truncated`` when a query hit its limit (choose a narrower filter)."""

    rows: list[ReferralRow]
    truncated: bool


_PERSON_COLS = ("family_name", "given_names", "name_khmer", "date_of_birth", "sex")
_SELECT = ("SELECT " + ", ".join(f"p.{f}" if f in _PERSON_COLS else f"r.{f}" for f in ReferralRow.__dataclass_fields__)
           + " FROM referrals r JOIN persons p ON p.id = r.person_id")


class Referrals:
    """``session.referrals``: referrals to agencies and health facilities, and their follow-up."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def add(self, encounter_id: str, referral: Mapping[str, Any]) -> Changes:
        """Refer the person of an arrival (after registration); the new id is ``changes.ids["referral"]``."""
        ctx = self._ctx
        e = ctx.encounter(encounter_id)
        r = validate_referral(referral, directory=directory_codes(ctx, referral))
        if r["kind"] == "health":
            if not (ctx.may(Permission.REGISTER) or ctx.may(Permission.UPDATE_HEALTH_REFERRAL)):
                raise PermissionDenied("Not allowed to refer to a health facility.")
        else:
            ctx.may_amend(e["officer_id"])
        if r["kind"] == "health":       # issue 14: one open TB referral per person (services/tb_followup.py)
            found = open_tb_referrals(ctx.db, e["person_id"])
            if found:
                raise OpenTBReferral(MSG_OPEN_TB_REFERRAL, found[-1])
        r["id"] = str(uuid.uuid4())
        with ctx.store.write():
            ctx.store.record("referral.created", "person", e["person_id"],
                             {"encounter_id": e["id"], "referral": r}, author=ctx.user.id)
        return Changes(referrals=True, events=True, ids={"referral": r["id"], "person": e["person_id"]})

    def update(self, referral_id: str, changes: Mapping[str, Any]) -> Changes:
        """Record a follow-up stage or outcome (arrived, chest X-ray, Xpert, diagnosis, treatment, lost)."""
        ctx = self._ctx
        rows = row_dicts(ctx.db.execute("SELECT * FROM referrals WHERE id = ?",
                                        [check_id(referral_id, "referral_id")]))
        if not rows:
            raise NotFound("No such referral.")
        r = rows[0]
        ctx.require(Permission.UPDATE_HEALTH_REFERRAL if r["kind"] == "health"
                    else Permission.UPDATE_PROTECTION_REFERRAL)
        if r["voided"]:
            raise ConflictError("This referral was voided.")
        arrived = ctx.encounter(r["encounter_id"])["arrival_at"]          # the TB record's order rules (issue 14)
        ch = validate_referral_update(r, changes, today=ctx.today(),
                                      arrival_day=datetime.fromisoformat(arrived).astimezone(ctx.site.tz).date())
        with ctx.store.write():
            ctx.store.record("referral.updated", "person", r["person_id"],
                             {"referral_id": r["id"], "changes": ch}, author=ctx.user.id,
                             protection=r["kind"] != "health")      # a protection referral's notes are sealed
        return Changes(referrals=True, events=True, ids={"referral": r["id"], "person": r["person_id"]})

    def list(self, *, kind: str = "health", status: str | None = None, limit: int = 500) -> builtins.list[ReferralRow]:
        """Referrals of one kind (and status), not voided, oldest first, with the person's name."""
        self._require_kind(kind)
        sql = _SELECT + " WHERE r.kind = ? AND r.voided = 0"
        params: builtins.list[Any] = [kind]
        if status is not None:
            sql += " AND r.status = ?"
            params.append(status)
        rows = row_dicts(self._ctx.db.execute(sql + " ORDER BY r.created_at LIMIT ?", [*params, limit]))
        self._ctx.audit_read("referrals", len({r["person_id"] for r in rows}))
        return self._opened([ReferralRow(**r) for r in rows])

    def get(self, referral_id: str) -> ReferralRow:
        """One referral (voided or not) as ``list`` shows it; the same permissions by kind."""
        ctx = self._ctx
        if not ctx.may(Permission.VIEW_TRAFFICKING):
            ctx.require(Permission.VIEW_TB)       # a role that sees no referral at all learns nothing
        rows = row_dicts(self._ctx.db.execute(_SELECT + " WHERE r.id = ?", [check_id(referral_id, "referral_id")]))
        if not rows:
            raise NotFound("No such referral.")
        row = ReferralRow(**rows[0])
        self._require_kind(row.kind)
        ctx.audit_read("referrals", 1)
        return self._opened([row])[0]

    def to_follow_up(self, stage_filter: str = "open", *, keep: Mapping[str, str] | None = None,
                     limit: int = 1000) -> FollowUpList:
        """Health referrals for the follow-up screen, oldest first: ``"open"`` (still needing follow-up), ``"all"``,
        or one status.

        ``keep`` maps referral ids to the status they had before the screen updated them: those rows are
        returned even if they no longer match the filter (a health worker sees what was just recorded), unless
        they moved backwards, were voided or are gone. ``limit`` applies per query; ``truncated`` says one hit it.
        """
        truncated = False

        def fetch(status: str | None) -> builtins.list[ReferralRow]:
            nonlocal truncated
            rows = self.list(kind="health", status=status, limit=limit)
            truncated = truncated or len(rows) >= limit
            return rows

        if stage_filter == "all":
            rows = fetch(None)
        elif stage_filter == "open":
            rows = [r for s in OPEN_STAGES for r in fetch(s) if r.is_open]
        elif stage_filter in STATUSES:
            rows = fetch(stage_filter)
        else:
            raise ValidationError("status", "is not a referral status")
        have = {r.id for r in rows}
        for rid, before in (keep or {}).items():
            if rid in have:
                continue
            later = [s for s in STATUSES if before not in HEALTH_STAGES or s not in HEALTH_STAGES
                     or HEALTH_STAGES.index(s) >= HEALTH_STAGES.index(before)]
            try:
                row = self.get(rid)
            except (NotFound, ValidationError):       # gone, or not a referral id: nothing to keep
                continue
            if row.kind == "health" and not row.voided and row.status in later:
                rows.append(row)
        rows.sort(key=lambda r: (r.created_at or "", r.id))
        return FollowUpList(rows, truncated)

    # ------------------------------------------------------------------ issue 12, point 4
    def refer(self, encounter_id: str, *, agency_code: str, urgency: str, reason: str,
              kind: str | None = None) -> Changes:
        """An officer's own referral of an arrival's person (from the review page or a record): an agency of the
        directory, an urgency (ROUTINE, SAME_DAY or IMMEDIATE_DANGER) and her reason, in her words (kept in
        ``notes``; ``reason_code`` OFFICER_INITIATED).

        ``kind`` defaults to child protection for a child (under 18 at arrival) when the agency takes children,
        else protection. An adult's referral needs the person's consent to referral (one given for that agency,
        else the arrival's, and not withdrawn) — except in immediate danger, where the officer acts first.
        Raises PermissionDenied (only the officer who registered the arrival, or a supervisor), ValidationError
        (an agency not in the directory, a bad urgency, an empty reason), ConflictError (no consent; voided).
        """
        ctx = self._ctx
        e = ctx.encounter(encounter_id)
        ctx.may_amend(e["officer_id"])
        if e["voided"]:
            raise ConflictError("This arrival was voided.")
        from checkpoint.services.directory import Directory

        agency = next((a for a in Directory(ctx).active_agencies() if a.code == agency_code), None) \
            if isinstance(agency_code, str) else None
        if agency is None:                   # the shipped agencies and HQ's directory entries active today
            raise ValidationError("agency_code", "choose an agency from the directory")
        if urgency not in URGENCIES:
            raise ValidationError("urgency", "must be IMMEDIATE_DANGER, SAME_DAY or ROUTINE")
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError("reason", "say why you refer the person")
        child = e.get("age_at_arrival") is not None and e["age_at_arrival"] < 18
        kinds = list(agency.services) or ["protection"]
        if kind is None:
            kind = "child_protection" if child and "child_protection" in kinds else "protection"
        if kind not in ("protection", "child_protection"):
            raise ValidationError("kind", "an officer's referral is to a protection agency")
        if urgency != "IMMEDIATE_DANGER" and not child and not _referral_consented(ctx, e["id"], agency_code):
            raise ConflictError("The person has not consented to this referral.")
        return self.add(e["id"], {"kind": kind, "agency_code": agency_code, "reason_code": OFFICER_REASON_CODE,
                                  "urgency": urgency, "notes": reason.strip()})

    def suggest_urgency(self, encounter_id: str, base: str = "ROUTINE") -> str:
        """The urgency to offer first for an officer's referral of this arrival: ``base``, one step higher when a
        controlling person was present at the arrival or a pre-screen answer said so (ROUTINE → SAME_DAY →
        IMMEDIATE_DANGER). Raises NotFound, PermissionDenied (a user who does not see the arrival's protection
        section), ValidationError (a bad ``base``)."""
        ctx = self._ctx
        e = ctx.encounter(encounter_id)
        if not ctx.may_see_trafficking(e["officer_id"]):
            raise PermissionDenied("Only the officer who registered this arrival, or a supervisor, may refer it.")
        present = bool(e.get("controlling_person_present"))
        if not present and e.get("prescreen"):
            try:
                present = bool(json.loads(e["prescreen"]).get("controlling_person_present"))
            except (ValueError, AttributeError):
                present = False
        if base not in URGENCIES:
            raise ValidationError("urgency", "must be IMMEDIATE_DANGER, SAME_DAY or ROUTINE")
        return raise_urgency(base) if present else base
    def protection_follow_up(self, *, open_only: bool = True, limit: int = 1000) -> builtins.list[dict[str, Any]]:
        """Protection and child-protection referrals for the supervisor's follow-up tab (issue 16), oldest first:
        the person's name, the agency (its name from HQ's directory too), urgency, status, and the last stage the
        partner organisation recorded at HQ (``partner_stage``, ``partner_outcome``, ``partner_at``; "" if none).
        ``open_only``: not closed nor lost to follow-up. Needs the right to see protection referrals."""
        from checkpoint.services.directory import Directory

        self._require_kind("protection")
        sql = ("SELECT r.id, r.person_id, r.kind, r.agency_code, r.urgency, r.status, r.created_at, p.family_name, "
               "p.given_names, p.name_khmer, s.stage AS partner_stage, s.outcome AS partner_outcome, "
               "s.recorded_at AS partner_at FROM referrals r JOIN persons p ON p.id = r.person_id "
               "LEFT JOIN referral_stages s ON s.rowid = (SELECT max(x.rowid) FROM referral_stages x "
               "WHERE x.referral_id = r.id) WHERE r.kind != 'health' AND r.voided = 0")
        if open_only:
            sql += " AND r.status NOT IN ('closed', 'lost_to_follow_up')"
        rows = row_dicts(self._ctx.db.execute(sql + " ORDER BY r.created_at LIMIT ?", [max(1, min(limit, 5000))]))
        directory = Directory(self._ctx)
        labels: dict[str, str] = {}
        for r in rows:
            code = r["agency_code"]
            if code not in labels:
                labels[code] = directory.label(code)
            r["agency_label"] = labels[code]
            for k in ("partner_stage", "partner_outcome", "partner_at"):
                r[k] = r[k] or ""
        return rows

    def _opened(self, rows: builtins.list[ReferralRow]) -> builtins.list[ReferralRow]:
        """Protection referrals' notes from their sealed sections (issue 10, point 11), as this reader's keys open
        them; the sealed message where they do not."""
        ctx = self._ctx
        persons = {r.person_id for r in rows if r.kind in protection_section.PROTECTION_KINDS}
        if not persons:
            return rows
        keys = protection.reader_keys(ctx.keyfile, ctx.store, ctx.user.role)
        secs = {pid: protection.sections_of(ctx.store, keys, pid) for pid in persons}
        out = []
        for r in rows:
            sec = secs.get(r.person_id)
            if sec is not None:
                state = sec.state("referral", r.id)
                if state == "sealed":
                    r = dataclasses.replace(r, notes=protection.MSG_SEALED)
                elif state == "damaged":
                    r = dataclasses.replace(r, notes=protection.MSG_SECTION_DAMAGED)
                elif isinstance(sec.fields.get(("referral", r.id), {}).get("notes"), str):
                    r = dataclasses.replace(r, notes=sec.fields[("referral", r.id)]["notes"])
            out.append(r)
        return out

    def _require_kind(self, kind: str) -> None:
        self._ctx.require(Permission.VIEW_TB if kind == "health" else Permission.VIEW_TRAFFICKING)



OFFICER_REASON_CODE = "OFFICER_INITIATED"
"""The ``reason_code`` of a referral an officer made herself (her reason is in ``notes``)."""


def _referral_consented(ctx: Context, encounter_id: str, agency_code: str) -> bool:
    """An adult's consent to a referral: the one given for this agency if any, else the arrival's (older kind);
    withdrawn counts as not given."""
    rec = ctx.db.execute("SELECT granted, withdrawn_at FROM consent_records WHERE encounter_id = ? AND "
                         "purpose = 'referral' AND target IN (?, '') ORDER BY target DESC LIMIT 1",
                         [encounter_id, agency_code]).fetchone()
    if rec is not None:
        return bool(rec[0]) and rec[1] is None
    legacy = ctx.db.execute("SELECT granted FROM consents WHERE encounter_id = ? AND purpose = 'referral'",
                            [encounter_id]).fetchone()
    return bool(legacy and legacy[0])
def directory_codes(ctx: Context, referral: Mapping[str, Any]) -> frozenset[str]:
    """The codes of HQ's directory a new referral may name today (issue 16), besides the shipped lists."""
    from checkpoint.services.directory import Directory

    code = referral.get("agency_code") if isinstance(referral, Mapping) else None
    if not isinstance(code, str) or not code:
        return frozenset()
    return frozenset({code}) & {a.code for a in Directory(ctx).active_agencies() if a.source == "directory"}


def made_without_consent(db: Any, referral: Mapping[str, Any], age_at_arrival: int | None) -> bool:
    """Issue 12 (product decision): an officer's referral in immediate danger is never blocked by consent (duty of
    care); such a referral of an adult whose consent to referral (for its agency, else the arrival's) was not given
    is shown as "made without consent: immediate danger" on the record and the slip. Read from what the event log
    holds (the referral's urgency, the consents given at that arrival), so every device and HQ read it alike; a
    consent given and later withdrawn was given. A child's referral rests on the guardian and the duty to protect,
    never on this. Where its data goes is unchanged: sharing consent alone decides it."""
    if referral.get("urgency") != "IMMEDIATE_DANGER" or referral.get("kind") == "health":
        return False
    if age_at_arrival is not None and age_at_arrival < 18:
        return False
    eid, agency = referral.get("encounter_id"), referral.get("agency_code") or ""
    rec = db.execute("SELECT granted FROM consent_records WHERE encounter_id = ? AND purpose = 'referral' AND "
                     "target IN (?, '') ORDER BY target DESC LIMIT 1", [eid, agency]).fetchone()
    if rec is not None:
        return not rec[0]
    legacy = db.execute("SELECT granted FROM consents WHERE encounter_id = ? AND purpose = 'referral'",
                        [eid]).fetchone()
    return not (legacy and legacy[0])
