"""Suggested referrals from screen results (spec §2.6), using the rules in ``content/referral-rules.json``.

A suggestion, never an automatic referral: the officer confirms it, and an adult consents. A child always
gets a child-protection suggestion. A TB suggestion says nothing about trafficking.

    >>> from checkpoint.screening.tb import evaluate_tb
    >>> [(r.kind, r.reason_code, r.urgency) for r in suggest_referrals(tb=evaluate_tb(age=30, fever=True), age=30)]
    [('health', 'TB_PRESUMPTIVE', 'SAME_DAY')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checkpoint import codelists
from checkpoint.errors import ValidationError
from checkpoint.screening._content import URGENCIES, ReferralRule, referral_rules
from checkpoint.screening.tb import TBResult
from checkpoint.screening.trafficking import MAX_AGE, TraffickingResult

__all__ = ["SuggestedReferral", "suggest_referrals"]

_KIND_ORDER = ("child_protection", "protection", "health")


@dataclass(frozen=True)
class SuggestedReferral:
    """One suggested referral.

    ``kind``: "protection", "child_protection" or "health". ``agency_code`` is a code of the agencies list,
    or for a health referral a code of the health facilities list (as referral records store it), repeated in
    ``facility_code`` (None for other kinds). ``urgency``: IMMEDIATE_DANGER, SAME_DAY or ROUTINE
    (IMMEDIATE_DANGER is never suggested by a checklist: the officer raises it).
    """

    kind: str
    agency_code: str
    reason_code: str
    urgency: str
    reason_en: str
    reason_km: str
    facility_code: str | None
    rules_content_id: str
    rules_content_version: str

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable record of the suggestion.

            >>> suggest_referrals(age=10)[0].to_dict()["kind"]
            'child_protection'
        """
        return {
            "kind": self.kind,
            "agency_code": self.agency_code,
            "facility_code": self.facility_code,
            "reason_code": self.reason_code,
            "urgency": self.urgency,
            "reason_en": self.reason_en,
            "rules_content_id": self.rules_content_id,
            "rules_content_version": self.rules_content_version,
        }


def _pick_facility(needs: tuple[str, ...]) -> str | None:
    facilities = codelists.health_facilities()
    for f in facilities:
        if all(f.extra.get(n) is True for n in needs):
            return f.code
    for f in facilities:
        if any(f.extra.get(n) is True for n in needs):
            return f.code
    return facilities[0].code if facilities else None


def _expand(rule: ReferralRule, content_id: str, version: str) -> list[SuggestedReferral]:
    facility = _pick_facility(rule.facility_needs) if rule.kind == "health" else None
    return [
        SuggestedReferral(
            kind=rule.kind,
            agency_code=facility if agency == "HEALTH_FACILITY" and facility else agency,
            reason_code=rule.reason_code,
            urgency=rule.urgency,
            reason_en=rule.reason_en,
            reason_km=rule.reason_km,
            facility_code=facility if agency == "HEALTH_FACILITY" else None,
            rules_content_id=content_id,
            rules_content_version=version,
        )
        for agency in rule.agencies
    ]


def suggest_referrals(
    trafficking: TraffickingResult | None = None,
    tb: TBResult | None = None,
    *,
    age: int,
    accompanied: bool = False,
) -> tuple[SuggestedReferral, ...]:
    """Suggest referrals for a person from their screen results and current age.

        >>> [r.reason_code for r in suggest_referrals(age=16)]
        ['CHILD_RETURNEE']

    Under 18: one child-protection suggestion (SAME_DAY when the trafficking screen shows indicators
    or the CHILD_PROTECTION flag, ROUTINE otherwise) — except for a child ``accompanied`` by a parent or legal
    guardian with no indicators, who gets none: the automatic child-protection referral goes to separated and
    unaccompanied children and to any child with indicators (spec, project decisions; issue 11).
    From 18: a protection suggestion when indicators of
    trafficking are present (SAME_DAY), or a routine one for exploitation indicators without the trafficking
    combination. TB: a health facility from the reference list, SAME_DAY for presumptive TB, ROUTINE for
    high risk, nothing for a negative screen. Ordered child protection, protection, health.

    Raises ValidationError for a bad age or a result of the wrong type.
    """
    if isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= MAX_AGE:
        raise ValidationError("age", f"must be a whole number between 0 and {MAX_AGE}")
    if trafficking is not None and not isinstance(trafficking, TraffickingResult):
        raise ValidationError("trafficking", "must be a result of evaluate_trafficking or None")
    if tb is not None and not isinstance(tb, TBResult):
        raise ValidationError("tb", "must be a result of evaluate_tb or None")
    rr = referral_rules()
    reasons: list[str] = []
    indicated = trafficking is not None and trafficking.outcome == "PRESUMED_VICTIM"
    flags = trafficking.flags if trafficking is not None else frozenset()
    if age < 18:
        if indicated:
            reasons.append("CHILD_TRAFFICKING_INDICATORS")
        elif "CHILD_PROTECTION" in flags or "EXPLOITATION_ONLY" in flags:
            reasons.append("CHILD_EXPLOITATION_INDICATORS")
        elif not accompanied:       # issue 11: not to every child standing beside her mother
            reasons.append("CHILD_RETURNEE")
    elif indicated:
        reasons.append("TRAFFICKING_INDICATORS")
    elif "EXPLOITATION_ONLY" in flags or "CHILD_PROTECTION" in flags:
        reasons.append("EXPLOITATION_INDICATORS")
    if tb is not None and tb.outcome == "PRESUMPTIVE_TB_REFER":
        reasons.append("TB_PRESUMPTIVE")
    elif tb is not None and tb.outcome == "HIGH_RISK_REFER_CXR":
        reasons.append("TB_HIGH_RISK")
    out: list[SuggestedReferral] = []
    for code in reasons:
        out.extend(_expand(rr.rules[code], rr.content_id, rr.version))
    out.sort(key=lambda r: (_KIND_ORDER.index(r.kind), URGENCIES.index(r.urgency)))
    return tuple(out)
