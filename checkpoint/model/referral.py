"""Referral: to a protection agency or a health facility, with follow-up stages and outcomes (spec §3.4)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

from checkpoint.errors import ConflictError, ValidationError
from checkpoint.model.fields import opt_code, opt_date, opt_text

__all__ = ["HEALTH_STAGES", "KINDS", "OPEN_STAGES", "STATUSES", "TB_RECORD_FIELDS", "TREATMENT_OUTCOMES",
           "is_open", "validate_referral", "validate_referral_update"]

KINDS = ("protection", "child_protection", "health")
# The TB cascade, in order; "lost_to_follow_up" and "closed" end a referral at any stage.
HEALTH_STAGES = ("referred", "arrived", "cxr_done", "xpert_done", "diagnosed", "treatment_started")
STATUSES = (*HEALTH_STAGES, "lost_to_follow_up", "closed")
CXR_RESULTS = ("NORMAL", "ABNORMAL_SUGGESTIVE", "ABNORMAL_OTHER")
XPERT_RESULTS = ("MTB_NOT_DETECTED", "MTB_DETECTED_RIF_NOT_DETECTED", "MTB_DETECTED_RIF_DETECTED",
                 "MTB_DETECTED_RIF_INDETERMINATE", "ERROR_INVALID_NO_RESULT",
                 "MTB_DETECTED_TRACE")      # Xpert Ultra "trace" (RIF indeterminate), issue 14
DIAGNOSES = ("BACT_CONFIRMED", "CLINICALLY_DIAGNOSED", "NOT_TB")
URGENCIES = ("IMMEDIATE_DANGER", "SAME_DAY", "ROUTINE")
# The stages at which a health referral may still need follow-up (see ``is_open``).
OPEN_STAGES = tuple(s for s in HEALTH_STAGES if s != "treatment_started")


def is_open(status: str, diagnosis: str = "") -> bool:
    """Does a health referral at ``status`` still need follow-up? Not when it ended (treatment started, lost to
    follow-up, closed), nor when it was diagnosed as not TB.

        >>> is_open("cxr_done"), is_open("diagnosed", "NOT_TB"), is_open("treatment_started")
        (True, False, False)
    """
    if status in ("treatment_started", "lost_to_follow_up", "closed"):
        return False
    return not (status == "diagnosed" and diagnosis == "NOT_TB")


def validate_referral(data: Mapping[str, Any], *, directory: Collection[str] = ()) -> dict[str, Any]:
    """Check a new referral: kind, agency or facility code, reason, urgency, notes. ``directory``: codes of HQ's
    directory active today (issue 16), accepted besides the shipped lists."""
    kind = data.get("kind")
    if kind not in KINDS:
        raise ValidationError("kind", "must be protection, child_protection or health")
    if data.get("agency_code") in directory:
        agency = str(data["agency_code"])
    else:
        agency = opt_code(data, "agency_code", "health_facilities" if kind == "health" else "agencies")
    if not agency:
        raise ValidationError("agency_code", "choose the agency or facility")
    reason = opt_text(data, "reason_code", max_len=60)
    if not reason:
        raise ValidationError("reason_code", "is required")
    urgency = data.get("urgency") or "ROUTINE"
    if urgency not in URGENCIES:
        raise ValidationError("urgency", "must be IMMEDIATE_DANGER, SAME_DAY or ROUTINE")
    return {"kind": kind, "agency_code": agency, "reason_code": reason, "urgency": urgency,
            "notes": opt_text(data, "notes", max_len=1000)}


def validate_referral_update(current: Mapping[str, Any], data: Mapping[str, Any], *, today: date,
                             arrival_day: date | None = None) -> dict[str, Any]:
    """Check a follow-up update against the referral's current status.

    Health referrals move forward along HEALTH_STAGES (stages may be skipped, never reversed); any open
    referral may be marked lost to follow-up (with the stage it was lost at) or closed. Results must fit the
    stage they belong to. The TB record's own fields (``TB_RECORD_FIELDS``: the X-ray's date, CAD score and
    reader, the sputum collection, the Xpert date, the TB register number, the treatment outcome) keep their
    order: see ``_check_tb_record``; ``arrival_day`` is the local day the person arrived. Raises ValidationError
    or ConflictError (closed referral, backwards move).
    """
    allowed = {"status", "cxr_result", "xpert_result", "diagnosis", "treatment_started_at", "treatment_facility",
               "notes", *TB_RECORD_FIELDS}
    unknown = set(data) - allowed
    if unknown:
        raise ValidationError(sorted(unknown)[0], "cannot be updated on a referral")
    cur = current["status"]
    if cur in ("lost_to_follow_up", "closed"):
        raise ConflictError("This referral is already closed; record a new referral instead.")
    out: dict[str, Any] = {}
    status = data.get("status", cur)
    if status not in STATUSES:
        raise ValidationError("status", "is not a referral status")
    if current["kind"] != "health" and status in HEALTH_STAGES[1:]:
        raise ValidationError("status", "follow-up stages apply to health referrals only")
    if status in HEALTH_STAGES and HEALTH_STAGES.index(status) < HEALTH_STAGES.index(cur):
        raise ConflictError(f"The referral is already at '{cur}'; it cannot go back to '{status}'.")
    if status != cur:
        out["status"] = status
        if status == "lost_to_follow_up":
            out["lost_to_follow_up_stage"] = cur
    for field, values in (("cxr_result", CXR_RESULTS), ("xpert_result", XPERT_RESULTS),
                          ("diagnosis", DIAGNOSES)):
        if field in data and data[field] not in (None, ""):
            if data[field] not in values:
                raise ValidationError(field, "is not a known result")
            out[field] = data[field]
    if "xpert_result" in out and status in ("referred", "arrived", "cxr_done"):
        out["status"] = status = "xpert_done"
    if "cxr_result" in out and status in ("referred", "arrived"):
        out["status"] = status = "cxr_done"
    if "diagnosis" in out and status in ("referred", "arrived", "cxr_done", "xpert_done"):
        out["status"] = status = "diagnosed"
    started = opt_date(data, "treatment_started_at", lo=date(2000, 1, 1), hi=today)
    if started:
        if (out.get("diagnosis") or current.get("diagnosis")) == "NOT_TB":
            raise ValidationError("treatment_started_at", "treatment cannot start when the diagnosis is not TB")
        out["treatment_started_at"] = started
        out["status"] = "treatment_started"
    if "treatment_facility" in data:
        out["treatment_facility"] = opt_text(data, "treatment_facility", max_len=120)
    if "notes" in data:
        out["notes"] = opt_text(data, "notes", max_len=1000)
    out.update(_check_tb_record(current, data, out, today=today, arrival_day=arrival_day))
    if not out:
        raise ValidationError("status", "nothing to update")
    return out


# ---------------------------------------------------------------------------------------------------------------
# The TB record kept on a health referral (issue 14): what the health post and the treating facility report.
TREATMENT_OUTCOMES = ("CURED", "TREATMENT_COMPLETED", "TREATMENT_FAILED", "DIED", "LOST_TO_FOLLOW_UP",
                      "NOT_EVALUATED")     # WHO treatment outcome definitions
TB_RECORD_FIELDS = ("cxr_at", "cxr_cad_score", "cxr_read_by", "sputum_collected_at", "sputum_specimen_id",
                    "xpert_at", "tb_register_number", "treatment_outcome", "treatment_outcome_at")
_EARLIEST = date(2000, 1, 1)


def _check_tb_record(current: Mapping[str, Any], data: Mapping[str, Any], out: Mapping[str, Any], *,
                     today: date, arrival_day: date | None) -> dict[str, Any]:
    """The TB record's fields of one update, checked against each other and against what is recorded.

    Order rules: no chest X-ray, sputum collection or Xpert result dated before the person arrived; no Xpert
    result dated before its sputum was collected (and a dated Xpert result needs the collection recorded); no
    treatment outcome without a treatment start, nor dated before it. Nothing in the future.
    """
    lo = arrival_day or _EARLIEST
    res: dict[str, Any] = {}

    def dated(field: str, before_arrival: str) -> str | None:
        value = opt_date(data, field, lo=_EARLIEST, hi=today)
        if value and arrival_day and date.fromisoformat(value) < lo:
            raise ValidationError(field, before_arrival)
        return value

    def now(field: str) -> Any:
        return res.get(field, out.get(field)) or current.get(field) or None

    cxr_at = dated("cxr_at", "the chest X-ray cannot be dated before the person arrived")
    if cxr_at:
        if not now("cxr_result"):
            raise ValidationError("cxr_result", "give the chest X-ray reading with its date")
        res["cxr_at"] = cxr_at
    if data.get("cxr_cad_score") not in (None, ""):
        score = data["cxr_cad_score"]
        if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 100:
            raise ValidationError("cxr_cad_score", "must be a number from 0 to 100")
        res["cxr_cad_score"] = float(score)
    for field, size in (("cxr_read_by", 80), ("sputum_specimen_id", 40), ("tb_register_number", 40)):
        if field in data:
            res[field] = opt_text(data, field, max_len=size)
    sputum = dated("sputum_collected_at", "the sputum cannot be collected before the person arrived")
    if sputum:
        res["sputum_collected_at"] = sputum
    xpert_at = dated("xpert_at", "the Xpert result cannot be dated before the person arrived")
    if xpert_at:
        if not now("xpert_result"):
            raise ValidationError("xpert_result", "give the Xpert result with its date")
        res["xpert_at"] = xpert_at
    collected, tested = now("sputum_collected_at"), now("xpert_at")
    if tested and not collected:
        raise ValidationError("xpert_result", "record the sputum collection before the Xpert result")
    if tested and collected and tested < collected:
        raise ValidationError("xpert_at", "the Xpert result cannot be dated before the sputum was collected")
    outcome = data.get("treatment_outcome")
    if outcome not in (None, ""):
        if outcome not in TREATMENT_OUTCOMES:
            raise ValidationError("treatment_outcome", "is not a WHO treatment outcome")
        started = now("treatment_started_at")
        if not started:
            raise ValidationError("treatment_outcome", "record the treatment start before its outcome")
        at = opt_date(data, "treatment_outcome_at", lo=_EARLIEST, hi=today) or today.isoformat()
        if at < started:
            raise ValidationError("treatment_outcome_at", "the treatment outcome cannot be dated before the "
                                                          "treatment started")
        res["treatment_outcome"], res["treatment_outcome_at"] = outcome, at
    elif data.get("treatment_outcome_at") not in (None, ""):
        raise ValidationError("treatment_outcome", "give the treatment outcome with its date")
    started_new = out.get("treatment_started_at")
    if started_new and arrival_day and started_new < lo.isoformat():
        raise ValidationError("treatment_started_at", "treatment cannot start before the person arrived")
    if started_new and current.get("treatment_outcome_at") and current["treatment_outcome_at"] < started_new:
        raise ValidationError("treatment_started_at", "the treatment start cannot be after its recorded outcome")
    return res
