"""The health post: the TB screen recorded by the health worker herself, the TB pathway that follows it (chest X-ray,
sputum, Xpert, diagnosis, transfer to the facility nearest home, treatment and its outcome), the site's TB policy
and the cascade (issue 14).

    >>> rec = session.health.person(person_id)              # identity, arrivals, TB screens, health referrals only
    >>> done = session.health.screen(rec.arrivals[0]["id"], {"cough": True, "cough_days": 20}, consent=True,
    ...                              cxr={"cxr_result": "ABNORMAL_SUGGESTIVE", "cxr_cad_score": 72})  # doctest: +SKIP
    >>> session.health.record(done.referral_id, {"sputum_collected_at": "2026-11-22",
    ...                                          "sputum_specimen_id": "PP-0001"})                   # doctest: +SKIP
    >>> session.health.record(done.referral_id, {"xpert_result": "MTB_DETECTED_RIF_NOT_DETECTED"})   # doctest: +SKIP
    >>> moved = session.health.transfer(done.referral_id)   # to the facility nearest home   # doctest: +SKIP
    >>> session.slips.slip(moved.referral_id).agency_en                                      # doctest: +SKIP
    'Battambang Provincial Referral Hospital'

The pathway is kept on health referrals (``checkpoint.model.referral``), the same records the follow-up screen
shows: the screen opens one (``tb.screened`` event), every later step is a ``referral.updated`` event, the transfer
a ``referral.created`` one. All of them are person events: they travel to HQ and to the devices that follow the
person. Nothing here reads or returns the protection section: a health worker never sees trafficking answers.

Roles: ``screen_tb`` (health worker, supervisor) for the screen and the pathway; ``view_tb`` to read;
``tb_cascade`` for the cascade; ``site_settings`` (supervisor) for the TB policy. Raises PermissionDenied,
ValidationError (bad input, a step out of order: nothing is written), NotFound, ConflictError (voided records).
"""

from __future__ import annotations

import builtins
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from checkpoint import screening
from checkpoint.errors import ConflictError, NotFound, ValidationError
from checkpoint.model.referral import validate_referral, validate_referral_update
from checkpoint.model.roles import Permission
from checkpoint.screening.cascade import tb_cascade
from checkpoint.screening.facilities import nearest_facility
from checkpoint.services.base import Context, check_id, row_dicts
from checkpoint.services.changes import Changes
from checkpoint.services.tb_cascade import continued_referrals
from checkpoint.services.tb_followup import (
    MSG_OPEN_TB_TRANSFER,
    TB_TRANSFER_REASON,
    FollowUpRow,
    OpenTBReferral,
    follow_up_rows,
    open_tb_referrals,
)
from checkpoint.site import (
    META_DETENTION_ALONE,
    META_XRAY_ON_SITE,
    MSG_DETENTION_ALONE_WHY,
    MSG_XRAY_ON_SITE_WHY,
)

__all__ = ["TB_TRANSFER_REASON", "Health", "HealthRecord", "Screened", "TBPolicy"]

TB_ANSWER_KEYS = ("hiv", "cough", "cough_days", "haemoptysis", "fever", "night_sweats", "weight_loss",
                  "poor_weight_gain", "contact", "previous_tb", "diabetes", "recent_detention")
CXR_KEYS = ("cxr_result", "cxr_at", "cxr_cad_score", "cxr_read_by")
_PERSON_COLS = ("id", "family_name", "given_names", "name_khmer", "sex", "date_of_birth", "dob_estimated",
                "home_province", "home_district", "voided")
_ENCOUNTER_COLS = ("id", "station_id", "arrival_at", "age_at_arrival", "voided")
_SCREEN_COLS = ("id", "encounter_id", "outcome", "presumptive", "answers", "content_id", "content_version",
                "screened_at", "voided")
_KEEP = ("content_id", "content_version", "rule_version", "outcome", "presumptive", "decisive", "urgency", "mode",
         "rule")


@dataclass(frozen=True)
class TBPolicy:
    """The site's TB policy as stored, and the reasoning shown beside each setting (English; the UI translates)."""

    xray_on_site: bool
    detention_alone_to_xray: bool
    xray_on_site_why: str = MSG_XRAY_ON_SITE_WHY
    detention_alone_why: str = MSG_DETENTION_ALONE_WHY


@dataclass(frozen=True)
class HealthRecord:
    """What the health post sees of a person: identity, arrivals, TB screens and health referrals — never the
    protection section. ``referrals`` are dict rows of the referrals table (health kind only)."""

    person: dict[str, Any]
    arrivals: list[dict[str, Any]]
    screens: list[dict[str, Any]]
    referrals: list[dict[str, Any]]


@dataclass(frozen=True)
class Screened:
    """What ``Health.screen`` saved: the screening, the referral it opened (None for a negative screen). When the
    person already had an open TB referral, ``continued`` is True and ``referral_id`` is that referral: the screen
    (and its chest X-ray) continued it rather than opening a second one."""

    tb_screening_id: str
    referral_id: str | None
    result: Any
    changes: Changes
    continued: bool = False


class Health:
    """``session.health``: the health post's TB work."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    # ------------------------------------------------------------------ the site's TB policy
    def tb_policy(self) -> TBPolicy:
        """The TB policy stored for this site now (a session applies the one it read at sign-in)."""
        ctx = self._ctx
        ctx.require(Permission.VIEW_TB)
        meta = ctx.store.meta
        return TBPolicy(meta(META_XRAY_ON_SITE, "1") != "0", meta(META_DETENTION_ALONE, "1") != "0")

    def set_tb_policy(self, *, xray_on_site: bool, detention_alone_to_xray: bool) -> Changes:
        """Store the site's TB policy (supervisor); it applies from the next sign-in. The change is logged
        (``site.tb_policy_set``, an audit event of this store that does not travel to other devices)."""
        ctx = self._ctx
        ctx.require(Permission.SITE_SETTINGS)
        for name, v in (("xray_on_site", xray_on_site), ("detention_alone_to_xray", detention_alone_to_xray)):
            if not isinstance(v, bool):
                raise ValidationError(name, "must be yes or no")
        with ctx.store.write():
            ctx.store.set_meta(META_XRAY_ON_SITE, "1" if xray_on_site else "0")
            ctx.store.set_meta(META_DETENTION_ALONE, "1" if detention_alone_to_xray else "0")
            ctx.store.record("site.tb_policy_set", "store", ctx.store.meta("store_id") or ctx.store.device_id,
                             {"xray_on_site": xray_on_site, "detention_alone_to_xray": detention_alone_to_xray},
                             author=ctx.user.id)
        return Changes(events=True)

    # ------------------------------------------------------------------ one person
    def person(self, person_id: str) -> HealthRecord:
        """A person as the health post sees them (reading is logged, as every read of a record)."""
        ctx = self._ctx
        ctx.require(Permission.VIEW_TB)
        pid = check_id(person_id, "person_id")
        rows = row_dicts(ctx.db.execute(f"SELECT {', '.join(_PERSON_COLS)} FROM persons WHERE id = ?", [pid]))
        if not rows:
            raise NotFound("No such person.")
        arrivals = row_dicts(ctx.db.execute(
            f"SELECT {', '.join(_ENCOUNTER_COLS)} FROM encounters WHERE person_id = ? AND voided = 0 "
            "ORDER BY arrival_at DESC", [pid]))
        screens = row_dicts(ctx.db.execute(
            f"SELECT {', '.join(_SCREEN_COLS)} FROM tb_screenings WHERE person_id = ? AND voided = 0 "
            "ORDER BY screened_at", [pid]))
        for s in screens:
            s["answers"] = json.loads(s["answers"])
        refs = row_dicts(ctx.db.execute(
            "SELECT * FROM referrals WHERE person_id = ? AND kind = 'health' AND voided = 0 ORDER BY created_at",
            [pid]))
        with ctx.store.write():
            ctx.store.record("person.viewed", "person", pid, {}, author=ctx.user.id)
        ctx.audit_read("health", 1)
        return HealthRecord(rows[0], arrivals, screens, refs)

    # ------------------------------------------------------------------ the screen
    def screen(self, encounter_id: str, answers: Mapping[str, Any], *, consent: bool,
               cxr: Mapping[str, Any] | None = None, facility_code: str | None = None) -> Screened:
        """Record the TB screen of an arrival at the health post, with the person's consent to it.

        The site's screen mode and TB policy apply. A presumptive or high-risk result opens a health referral
        (to ``facility_code``, or the facility the referral rules suggest); a chest X-ray taken in the same sitting
        (``cxr``: ``cxr_result``, ``cxr_at`` (default today), ``cxr_cad_score``, ``cxr_read_by``) is recorded on
        it. One event, one transaction.

        A person who already has an open TB referral gets no second one: a presumptive or high-risk screen
        continues the open referral (the latest, ``tb_followup.open_tb_referrals``; ``facility_code`` is then not
        used), the X-ray of the sitting is recorded on it (a ``referral.updated`` event in the same transaction),
        and the result says so (``Screened.continued``).
        """
        ctx = self._ctx
        ctx.require(Permission.SCREEN_TB)
        if consent is not True:
            raise ValidationError("consent", "the TB screen needs the person's consent")
        e = self._encounter(encounter_id)
        unknown = set(answers) - set(TB_ANSWER_KEYS)
        if unknown:
            raise ValidationError(sorted(unknown)[0], "is not part of the TB screen")
        age = e["age_at_arrival"]
        if age is None:
            raise ValidationError("date_of_birth", "the TB screen needs the person's age")
        policy = {k: v for k, v in ctx.site.tb_policy().items() if v is not True}
        given = {k: answers[k] for k in TB_ANSWER_KEYS if k in answers}
        res = screening.evaluate_tb(age=age, mode=ctx.site.tb_mode, **given, xray_on_site=ctx.site.xray_on_site,
                                    detention_alone_to_xray=ctx.site.detention_alone_to_xray)
        full = res.to_dict()
        tb: dict[str, Any] = {"id": str(uuid.uuid4()),
                              "answers": {**given, "age": age, "mode": ctx.site.tb_mode, **policy},
                              "result": {k: full[k] for k in _KEEP}}
        referral: dict[str, Any] | None = None
        open_ref = open_tb_referrals(ctx.db, e["person_id"])[-1:] if res.referral_needed else []
        if open_ref:
            cont = open_ref[0]
            cxr_update: dict[str, Any] | None = None
            if cxr:
                self._cxr(cxr)
                today = ctx.today()
                cxr_update = validate_referral_update(cont, {"cxr_at": today.isoformat(), **cxr}, today=today,
                                                      arrival_day=self._arrival_day(e))
            payload = {"encounter_id": e["id"], "consent": {"tb_screening": True}, "tb": tb, "referral": None}
            with ctx.store.write():
                ctx.store.record("tb.screened", "person", e["person_id"], payload, author=ctx.user.id,
                                 content_version=f"{res.content_id}@{res.content_version}")
                if cxr_update:
                    ctx.store.record("referral.updated", "person", e["person_id"],
                                     {"referral_id": cont["id"], "changes": cxr_update}, author=ctx.user.id)
            return Screened(tb["id"], cont["id"], res, Changes(referrals=True, events=True, ids={
                "person": e["person_id"], "tb_screening": tb["id"], "referral": cont["id"]}), continued=True)
        if res.referral_needed:
            suggested = next(s for s in screening.suggest_referrals(tb=res, age=age) if s.kind == "health")
            referral = validate_referral({"kind": "health", "agency_code": facility_code or suggested.agency_code,
                                          "reason_code": suggested.reason_code, "urgency": suggested.urgency})
            referral["id"] = str(uuid.uuid4())
        if cxr:
            self._cxr(cxr)
            if referral is None:
                raise ValidationError("cxr_result", "a chest X-ray is recorded for a person the screen refers")
            today = ctx.today()
            referral["record"] = validate_referral_update(
                {"status": "referred", "kind": "health"}, {"cxr_at": today.isoformat(), **cxr}, today=today,
                arrival_day=self._arrival_day(e))
        payload = {"encounter_id": e["id"], "consent": {"tb_screening": True}, "tb": tb, "referral": referral}
        with ctx.store.write():
            ctx.store.record("tb.screened", "person", e["person_id"], payload, author=ctx.user.id,
                             content_version=f"{res.content_id}@{res.content_version}")
        ids = {"person": e["person_id"], "tb_screening": tb["id"]}
        if referral:
            ids["referral"] = referral["id"]
        return Screened(tb["id"], referral["id"] if referral else None, res,
                        Changes(referrals=referral is not None, events=True, ids=ids))

    # ------------------------------------------------------------------ the pathway
    def record(self, referral_id: str, changes: Mapping[str, Any]) -> Changes:
        """Record steps of the TB pathway on a health referral: ``cxr_result``/``cxr_at``/``cxr_cad_score``/
        ``cxr_read_by``, ``sputum_collected_at``/``sputum_specimen_id``, ``xpert_result`` (dated ``xpert_at``,
        today by default: it needs the sputum collection recorded), ``diagnosis``, ``tb_register_number``,
        ``treatment_started_at``/``treatment_facility``, ``treatment_outcome``/``treatment_outcome_at``, or a
        ``status``. The order rules are ``checkpoint.model.referral``'s; a rule broken writes nothing."""
        ctx = self._ctx
        if not ctx.may(Permission.SCREEN_TB):
            ctx.require(Permission.UPDATE_HEALTH_REFERRAL)
        r = self._referral(referral_id)
        data = dict(changes)
        today = ctx.today()
        if data.get("xpert_result") and not data.get("xpert_at"):
            data["xpert_at"] = today.isoformat()
        if data.get("sputum_specimen_id") and not data.get("sputum_collected_at") and not r["sputum_collected_at"]:
            data["sputum_collected_at"] = today.isoformat()
        ch = validate_referral_update(r, data, today=today, arrival_day=self._arrival_day(ctx.encounter(
            r["encounter_id"])))
        with ctx.store.write():
            ctx.store.record("referral.updated", "person", r["person_id"], {"referral_id": r["id"], "changes": ch},
                             author=ctx.user.id)
        return Changes(referrals=True, events=True, ids={"referral": r["id"], "person": r["person_id"]})

    def transfer(self, referral_id: str, *, facility_code: str | None = None) -> Changes:
        """Refer a person diagnosed with TB to the facility nearest their destination (home province; same province
        first, see ``checkpoint.screening.facilities``) for treatment: a new health referral on the same arrival,
        whose slip (``session.slips.slip``) carries nothing about trafficking. The new id is
        ``changes.ids["referral"]``."""
        ctx = self._ctx
        ctx.require(Permission.SCREEN_TB)
        r = self._referral(referral_id)
        if r["diagnosis"] not in ("BACT_CONFIRMED", "CLINICALLY_DIAGNOSED"):
            raise ValidationError("diagnosis", "record a TB diagnosis before the transfer for treatment")
        moved = [o for o in open_tb_referrals(ctx.db, r["person_id"]) if o["reason_code"] == TB_TRANSFER_REASON]
        if moved:
            raise OpenTBReferral(MSG_OPEN_TB_TRANSFER, moved[-1])
        if facility_code is None:
            home = ctx.db.execute("SELECT home_province FROM persons WHERE id = ?", [r["person_id"]]).fetchone()
            found = nearest_facility(home[0] if home else "")
            if found is None:
                raise NotFound("No health facility offers TB treatment in the directory.")
            facility_code = found.code
        new = validate_referral({"kind": "health", "agency_code": facility_code, "reason_code": TB_TRANSFER_REASON,
                                 "urgency": "SAME_DAY"})
        new["id"] = str(uuid.uuid4())
        with ctx.store.write():
            ctx.store.record("referral.created", "person", r["person_id"],
                             {"encounter_id": r["encounter_id"], "referral": new}, author=ctx.user.id)
        return Changes(referrals=True, events=True, ids={"referral": new["id"], "person": r["person_id"]})

    # ------------------------------------------------------------------ the cascade
    def cascade(self, start: date, end: date) -> dict[str, Any]:
        """The TB cascade of the persons screened from ``start`` to ``end`` (local days, inclusive), by sex and age
        group (``checkpoint.screening.cascade.tb_cascade``, the same count HQ makes from the events)."""
        ctx = self._ctx
        ctx.require(Permission.TB_CASCADE)
        if not isinstance(start, date) or not isinstance(end, date):
            raise ValidationError("from", "give the period as two dates")
        if end < start:
            raise ValidationError("to", "the period ends before it starts")
        tz = ctx.site.tz
        lo = datetime(start.year, start.month, start.day, tzinfo=tz).astimezone(UTC).isoformat()
        hi = datetime.combine(end + timedelta(days=1), datetime.min.time(), tzinfo=tz).astimezone(UTC).isoformat()
        screens = []
        for _sid, pid, enc, outcome, answers, at, sex, province in ctx.db.execute(
                "SELECT t.id, t.person_id, t.encounter_id, t.outcome, t.answers, t.screened_at, p.sex, "
                "p.home_province "
                "FROM tb_screenings t JOIN persons p ON p.id = t.person_id JOIN encounters e ON e.id = t.encounter_id "
                "WHERE t.screened_at >= ? AND t.screened_at < ? AND t.voided = 0 AND p.voided = 0 AND e.voided = 0",
                [lo, hi]):
            screens.append({"id": _sid, "person_id": pid, "encounter_id": enc, "outcome": outcome, "sex": sex,
                            "province": province or "",
                            "age": json.loads(answers).get("age"),
                            "screened_on": datetime.fromisoformat(at).astimezone(tz).date().isoformat()})
        encs = sorted({s["encounter_id"] for s in screens})
        refs: builtins.list[dict[str, Any]] = []
        cols = ("id, person_id, encounter_id, kind, voided, status, cxr_result, sputum_collected_at, xpert_result, "
                "diagnosis, treatment_started_at")
        for i in range(0, len(encs), 500):
            part = encs[i:i + 500]
            refs += row_dicts(ctx.db.execute(
                f"SELECT {cols} FROM referrals WHERE kind = 'health' AND encounter_id IN "
                f"({', '.join('?' for _ in part)})", part))
        extra = continued_referrals(ctx, screens, refs)
        for i in range(0, len(extra), 500):
            part = extra[i:i + 500]
            refs += row_dicts(ctx.db.execute(
                f"SELECT {cols} FROM referrals WHERE id IN ({', '.join('?' for _ in part)})", part))
        return tb_cascade(screens, refs, start=start, end=end)

    # ------------------------------------------------------------------ the follow-up list
    def follow_up(self, *, overdue_days: int = 7, overdue_only: bool = False) -> builtins.list[FollowUpRow]:
        """Every open TB referral (``checkpoint.services.tb_followup``), the longest waiting first; ``overdue`` when
        more than ``overdue_days`` local days passed since its last step (``overdue_only``: only those). For the
        health post (``screen_tb``): officers and administrators do not get this list. The read is traced."""
        ctx = self._ctx
        ctx.require(Permission.SCREEN_TB)
        if isinstance(overdue_days, bool) or not isinstance(overdue_days, int) or not 0 <= overdue_days <= 365:
            raise ValidationError("overdue_days", "must be a whole number of days from 0 to 365")
        rows = follow_up_rows(ctx.db, today=ctx.today(), tz=ctx.site.tz, overdue_days=overdue_days,
                              overdue_only=overdue_only)
        ctx.audit_read("referrals", len({r.person_id for r in rows}))
        return rows

    def open_referral(self, person_id: str) -> dict[str, Any] | None:
        """The person's open TB referral that a new screen would continue (the latest), or None."""
        ctx = self._ctx
        ctx.require(Permission.VIEW_TB)
        found = open_tb_referrals(ctx.db, check_id(person_id, "person_id"))
        return found[-1] if found else None

    # ------------------------------------------------------------------
    @staticmethod
    def _cxr(cxr: Mapping[str, Any]) -> None:
        unknown = set(cxr) - set(CXR_KEYS)
        if unknown:
            raise ValidationError(sorted(unknown)[0], "is not part of the chest X-ray")
        if not cxr.get("cxr_result"):
            raise ValidationError("cxr_result", "give the chest X-ray reading")

    def _encounter(self, encounter_id: str) -> dict[str, Any]:
        e = self._ctx.encounter(encounter_id)
        if e["voided"]:
            raise ConflictError("This arrival was voided.")
        row = self._ctx.db.execute("SELECT voided FROM persons WHERE id = ?", [e["person_id"]]).fetchone()
        if row is None or row[0]:
            raise ConflictError("This person's record was voided.")
        return e

    def _referral(self, referral_id: str) -> dict[str, Any]:
        rows = row_dicts(self._ctx.db.execute("SELECT * FROM referrals WHERE id = ?",
                                              [check_id(referral_id, "referral_id")]))
        if not rows or rows[0]["kind"] != "health":
            raise NotFound("No such health referral.")
        if rows[0]["voided"]:
            raise ConflictError("This referral was voided.")
        return rows[0]

    def _arrival_day(self, e: Mapping[str, Any]) -> date:
        return datetime.fromisoformat(e["arrival_at"]).astimezone(self._ctx.site.tz).date()
