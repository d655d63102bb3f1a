"""The TB symptom screen and referral rule (spec §3.6, the project's rule built on WHO Module 2).

    >>> r = evaluate_tb(age=30, cough=True, cough_days=3)
    >>> r.outcome, r.decisive, r.urgency
    ('PRESUMPTIVE_TB_REFER', ('TB-S1',), 'SAME_DAY')

A positive screen is not a diagnosis: it means "refer for a chest X-ray and a rapid molecular test".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from checkpoint.errors import ValidationError
from checkpoint.screening._content import TBItem, tb_content
from checkpoint.screening.messages import Content, Join, Msg

__all__ = ["TBResult", "evaluate_tb", "tb_items"]

RULE_VERSION = "tb-3.6/1"
MODES = ("any_symptom", "prolonged_cough")
HIV_VALUES = ("positive", "negative", "unknown")
PROLONGED_COUGH_DAYS = 14
CHILD_AGE_BELOW = 15
OLDER_AGE_FROM = 55
MAX_AGE = 130
MAX_COUGH_DAYS = 36_500

# Which symptoms each rule counts (spec §3.6), in item order.
_RULE_SYMPTOMS = {
    "child_under_15": ("TB-S1", "TB-S2", "TB-S3", "TB-S4", "TB-S5", "TB-S6"),
    "w4ss_hiv": ("TB-S1", "TB-S2", "TB-S3", "TB-S4", "TB-S5"),
    "any_symptom": ("TB-S1", "TB-S2", "TB-S3", "TB-S4", "TB-S5"),
    "prolonged_cough": ("TB-S1d", "TB-S2"),
}
# The explanation the health worker reads (issue 12 point 7): fixed templates (``MSG_*``, translated in the "Core"
# context, placeholders %1..%9) and their arguments, never a sentence glued together
# (``checkpoint.screening.messages``).
MSG_TB_RULE_CHILD: Final = ("child under 15 — any of cough, coughing up blood, fever, night sweats, weight loss or "
                            "poor weight gain")
MSG_TB_RULE_W4SS: Final = ("person living with HIV — WHO four-symptom screen (cough of any duration, fever, night "
                           "sweats, weight loss) plus coughing up blood; this applies whatever the screen mode")
MSG_TB_RULE_ANY: Final = ("any TB symptom (cough of any duration, coughing up blood, fever, night sweats, weight "
                          "loss)")
MSG_TB_RULE_PROLONGED: Final = "prolonged cough — cough for %1 days or more, or coughing up blood"
MSG_TB_MODE_ANY: Final = "any symptom"
MSG_TB_MODE_PROLONGED: Final = "prolonged cough"
MSG_TB_SCREEN_RULE: Final = "Screen rule: %1 (screen mode setting: %2)."
MSG_TB_COUNTED: Final = "Symptoms counted: %1."
MSG_TB_NONE_COUNTED: Final = "No symptom that this rule counts was reported."
MSG_TB_COUGH_SHORT: Final = "Cough for %1 day(s) is under the %2 days this mode requires."
MSG_TB_NOT_COUNTED: Final = "Reported but not counted in prolonged-cough mode: %1."
MSG_TB_RISKS: Final = "Risk factors: %1."
MSG_TB_NO_RISK: Final = "No TB risk factor reported."
MSG_TB_RESULT_PRESUMPTIVE: Final = ("Result: presumptive TB — refer the same day for a chest X-ray and an Xpert "
                                    "MTB/RIF test. A positive screen is not a diagnosis.")
MSG_TB_RESULT_HIGH_RISK: Final = "Result: no counted symptom but a TB risk factor — refer for a chest X-ray (routine)."
MSG_TB_PREVENTIVE: Final = ("Close contacts and people living with HIV also need assessment for TB preventive "
                            "treatment.")
MSG_TB_RESULT_NEGATIVE: Final = ("Result: screen negative — no TB referral now. Advise the person to seek care if a "
                                 "cough, fever, night sweats or weight loss starts.")
MSG_TB_DETENTION_NO_XRAY: Final = ("Recent detention alone does not send to a chest X-ray at this site: there is no "
                                   "X-ray on site (site setting).")
MSG_TB_DETENTION_POLICY: Final = "Recent detention alone does not send to a chest X-ray at this site (site setting)."
MSG_TB_HIV: Final = "living with HIV (%1)"
_RULE_TEXT = {"child_under_15": Msg(MSG_TB_RULE_CHILD), "w4ss_hiv": Msg(MSG_TB_RULE_W4SS),
              "any_symptom": Msg(MSG_TB_RULE_ANY),
              "prolonged_cough": Msg(MSG_TB_RULE_PROLONGED, (PROLONGED_COUGH_DAYS,))}
_MODE_TEXT = {"any_symptom": Msg(MSG_TB_MODE_ANY), "prolonged_cough": Msg(MSG_TB_MODE_PROLONGED)}


@dataclass(frozen=True)
class TBResult:
    """The outcome of one TB screen.

    ``outcome``: PRESUMPTIVE_TB_REFER (refer the same day for CXR + Xpert; counts as presumptive TB),
    HIGH_RISK_REFER_CXR (no counted symptom but a risk factor; routine CXR) or SCREEN_NEGATIVE.
    ``decisive`` holds the item ids that decided it: the counted symptoms for a presumptive result, the risk
    factors for a high-risk one, nothing for a negative screen. ``urgency`` is SAME_DAY, ROUTINE or None.
    """

    outcome: str
    presumptive: bool
    decisive: tuple[str, ...]
    urgency: str | None
    explanation: tuple[str, ...]           # in English (the audit record, the CLI)
    content_id: str
    content_version: str
    mode: str
    rule: str
    symptoms: tuple[str, ...]
    risk_factors: tuple[str, ...]
    age: int
    hiv: str
    cough_days: int | None
    rule_version: str = RULE_VERSION
    xray_on_site: bool = True               # the site policy the rule was applied with
    detention_alone_to_xray: bool = True    # True only when detention alone did count (needs xray_on_site)
    explanation_messages: tuple[Msg, ...] = ()   # the same lines, translatable (``checkpoint.screening.messages``)

    @property
    def referral_needed(self) -> bool:
        """True unless the screen is negative."""
        return self.outcome != "SCREEN_NEGATIVE"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable record for the audit trail.

            >>> evaluate_tb(age=40).to_dict()["outcome"]
            'SCREEN_NEGATIVE'
        """
        return {
            "screen": "tb",
            "outcome": self.outcome,
            "presumptive": self.presumptive,
            "decisive": list(self.decisive),
            "urgency": self.urgency,
            "mode": self.mode,
            "rule": self.rule,
            "content_id": self.content_id,
            "content_version": self.content_version,
            "rule_version": self.rule_version,
            "age": self.age,
            "hiv": self.hiv,
            "cough_days": self.cough_days,
            "symptoms": list(self.symptoms),
            "risk_factors": list(self.risk_factors),
            "explanation": list(self.explanation),
            "xray_on_site": self.xray_on_site,
            "detention_alone_to_xray": self.detention_alone_to_xray,
        }


def tb_items() -> tuple[TBItem, ...]:
    """Return the TB screen items (symptoms TB-S*, then risk factors TB-R*) from the content file.

        >>> [i.id for i in tb_items()][:3]
        ['TB-S1', 'TB-S1d', 'TB-S2']
    """
    return tb_content().items


def _bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(name, "must be true or false")
    return value


def evaluate_tb(
    *,
    age: int,
    hiv: str = "unknown",
    cough: bool = False,
    cough_days: int | None = None,
    haemoptysis: bool = False,
    fever: bool = False,
    night_sweats: bool = False,
    weight_loss: bool = False,
    poor_weight_gain: bool = False,
    contact: bool = False,
    previous_tb: bool = False,
    diabetes: bool = False,
    recent_detention: bool = False,
    mode: str = "any_symptom",
    xray_on_site: bool = True,
    detention_alone_to_xray: bool = True,
) -> TBResult:
    """Apply the TB referral rule and explain which symptom or risk factor decided.

        >>> evaluate_tb(age=60).outcome
        'HIGH_RISK_REFER_CXR'

    Under 15 the child symptom list applies; a person living with HIV gets the W4SS (plus haemoptysis)
    whatever ``mode`` says; otherwise ``mode`` "any_symptom" (default) or "prolonged_cough" (cough of 14
    days or more, or haemoptysis) decides. With no counted symptom, any of contact, previous TB, diabetes,
    recent detention, HIV positive or age 55+ gives HIGH_RISK_REFER_CXR. ``hiv`` and ``mode`` are read
    case-insensitively.

    Site policy (``checkpoint.site.SiteConfig``, spec: "site settings, not code"): recent detention on its own
    (no counted symptom, no other risk factor) sends a person to a chest X-ray only where the X-ray is on site
    (``xray_on_site``) and the site chose it (``detention_alone_to_xray``); otherwise it is reported but does not
    decide. Both default to True, which is the rule as it was before the settings existed.

        >>> evaluate_tb(age=30, recent_detention=True, xray_on_site=False).outcome
        'SCREEN_NEGATIVE'

    Raises ValidationError for inconsistent input: a negative or implausible age, an unknown ``hiv`` or
    ``mode``, cough days given without a cough, negative cough days, no cough days for a cough in
    prolonged-cough mode, poor weight gain at age 15 or over, or a non-boolean answer.
    """
    if isinstance(age, bool) or not isinstance(age, int):
        raise ValidationError("age", "must be a whole number of years")
    if age < 0 or age > MAX_AGE:
        raise ValidationError("age", f"must be between 0 and {MAX_AGE}")
    hiv_n = hiv.lower() if isinstance(hiv, str) else hiv
    if hiv_n not in HIV_VALUES:
        raise ValidationError("hiv", "must be 'positive', 'negative' or 'unknown'")
    mode_n = mode.lower() if isinstance(mode, str) else mode
    if mode_n not in MODES:
        raise ValidationError("mode", "must be 'any_symptom' or 'prolonged_cough'")
    answers = {
        "TB-S1": _bool("cough", cough),
        "TB-S2": _bool("haemoptysis", haemoptysis),
        "TB-S3": _bool("fever", fever),
        "TB-S4": _bool("night_sweats", night_sweats),
        "TB-S5": _bool("weight_loss", weight_loss),
        "TB-S6": _bool("poor_weight_gain", poor_weight_gain),
    }
    risks = {
        "TB-R1": hiv_n == "positive",
        "TB-R2": _bool("contact", contact),
        "TB-R3": _bool("previous_tb", previous_tb),
        "TB-R4": _bool("diabetes", diabetes),
        "TB-R5": _bool("recent_detention", recent_detention),
        "TB-R6": age >= OLDER_AGE_FROM,
    }
    if cough_days is not None:
        if isinstance(cough_days, bool) or not isinstance(cough_days, int):
            raise ValidationError("cough_days", "must be a whole number of days")
        if cough_days < 0 or cough_days > MAX_COUGH_DAYS:
            raise ValidationError("cough_days", f"must be between 0 and {MAX_COUGH_DAYS}")
        if cough_days > 0 and not cough:
            raise ValidationError("cough_days", "given without a cough")
    xray_here = _bool("xray_on_site", xray_on_site)
    detention_counts = _bool("detention_alone_to_xray", detention_alone_to_xray) and xray_here
    if poor_weight_gain and age >= CHILD_AGE_BELOW:
        raise ValidationError("poor_weight_gain", "applies to children under 15 only; use weight_loss")

    if age < CHILD_AGE_BELOW:
        rule = "child_under_15"
    elif hiv_n == "positive":
        rule = "w4ss_hiv"
    else:
        rule = str(mode_n)
    if rule == "prolonged_cough" and cough and cough_days is None:
        raise ValidationError("cough_days", "is required for a cough in prolonged-cough mode")

    prolonged = cough and cough_days is not None and cough_days >= PROLONGED_COUGH_DAYS
    present = {**answers, "TB-S1d": prolonged}
    if rule == "prolonged_cough":
        counted = tuple(i for i in _RULE_SYMPTOMS[rule] if present[i])
        if "TB-S1d" in counted:
            counted = ("TB-S1", *counted)
    else:
        counted = tuple(i for i in _RULE_SYMPTOMS[rule] if present[i])
    risk_present = tuple(i for i, v in risks.items() if v)
    # Recent detention decides only where the site policy says so; it is still reported (``risk_factors``).
    deciding_risks = risk_present if detention_counts else tuple(i for i in risk_present if i != "TB-R5")

    if counted:
        outcome, decisive, urgency = "PRESUMPTIVE_TB_REFER", counted, "SAME_DAY"
    elif deciding_risks:
        outcome, decisive, urgency = "HIGH_RISK_REFER_CXR", deciding_risks, "ROUTINE"
    else:
        outcome, decisive, urgency = "SCREEN_NEGATIVE", (), None

    content = tb_content()
    symptoms = tuple(i for i, v in answers.items() if v)
    msgs = _explain(content.by_id, rule, str(mode_n), symptoms, counted, risk_present, outcome, cough, cough_days)
    if not counted and "TB-R5" in risk_present and not detention_counts:
        msgs = (*msgs[:-1], Msg(MSG_TB_DETENTION_NO_XRAY if not xray_here else MSG_TB_DETENTION_POLICY), msgs[-1])
    return TBResult(
        outcome=outcome,
        presumptive=outcome == "PRESUMPTIVE_TB_REFER",
        decisive=decisive,
        urgency=urgency,
        explanation=tuple(m.english() for m in msgs),
        explanation_messages=msgs,
        content_id=content.content_id,
        content_version=content.version,
        mode=str(mode_n),
        rule=rule,
        symptoms=symptoms,
        risk_factors=risk_present,
        age=age,
        hiv=str(hiv_n),
        cough_days=cough_days,
        xray_on_site=xray_here,
        detention_alone_to_xray=detention_counts,
    )


def _explain(
    items: Any,
    rule: str,
    mode: str,
    symptoms: tuple[str, ...],
    counted: tuple[str, ...],
    risk_present: tuple[str, ...],
    outcome: str,
    cough: bool,
    cough_days: int | None,
) -> tuple[Msg, ...]:
    def name(i: str) -> Content | Msg:
        if i == "TB-R1":
            return Msg(MSG_TB_HIV, (i,))
        en, km = str(items[i].label_en), str(items[i].label_km)
        return Content(f"{en if en[:2].isupper() else en[:1].lower() + en[1:]} ({i})", f"{km} ({i})")

    def names(ids: tuple[str, ...]) -> Join:
        return Join(tuple(name(x) for x in ids))

    lines = [Msg(MSG_TB_SCREEN_RULE, (_RULE_TEXT[rule], _MODE_TEXT[mode]))]
    lines.append(Msg(MSG_TB_COUNTED, (names(counted),)) if counted else Msg(MSG_TB_NONE_COUNTED))
    if rule == "prolonged_cough":
        if cough and cough_days is not None and cough_days < PROLONGED_COUGH_DAYS:
            lines.append(Msg(MSG_TB_COUGH_SHORT, (cough_days, PROLONGED_COUGH_DAYS)))
        ignored = tuple(i for i in symptoms if i not in counted)
        if ignored:
            lines.append(Msg(MSG_TB_NOT_COUNTED, (names(ignored),)))
    lines.append(Msg(MSG_TB_RISKS, (names(risk_present),)) if risk_present else Msg(MSG_TB_NO_RISK))
    if outcome == "PRESUMPTIVE_TB_REFER":
        lines.append(Msg(MSG_TB_RESULT_PRESUMPTIVE))
    elif outcome == "HIGH_RISK_REFER_CXR":
        lines.append(Msg(MSG_TB_RESULT_HIGH_RISK))
        if "TB-R1" in risk_present or "TB-R2" in risk_present:
            lines.append(Msg(MSG_TB_PREVENTIVE))
    else:
        lines.append(Msg(MSG_TB_RESULT_NEGATIVE))
    return tuple(lines)
