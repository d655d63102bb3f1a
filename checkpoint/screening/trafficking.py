"""The ILO trafficking-indicator rule engine (spec §1.4-1.6).

Rule A decides each dimension on its own ticks only; rule B combines the dimensions. The result explains
itself line by line in plain English for the officer and the audit trail, and never calls the person a
victim: a positive result reads "indicators of trafficking present — refer".

    >>> r = evaluate_trafficking({"ILO-DR-1", "ILO-DR-2", "ILO-EX-1", "ILO-EX-2", "ILO-CD-1", "ILO-CD-2"}, age=30)
    >>> r.outcome, sorted(r.positive_dimensions)
    ('PRESUMED_VICTIM', ['CD', 'DR', 'EX'])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from checkpoint.errors import ValidationError
from checkpoint.screening._content import DIMENSION_CODES, ILO_SETS, IndicatorSet, Item, indicator_set
from checkpoint.screening.messages import Content, Join, Msg

__all__ = ["DimensionResult", "TraffickingResult", "evaluate_trafficking", "select_set", "trafficking_items"]

RULE_VERSION = "ilo2009-rule-a-b/1"
CHILD_RULES = ("R_AND_E", "ADULT_RULE")
MAX_AGE = 130
RECRUITMENT = ("DR", "CR", "VR")
DESTINATION = ("CD", "VD")

# Rule A, clause by clause (spec §1.4). Codes are stored in the audit record. Every line of the explanation is a
# fixed template with placeholders (checkpoint/screening/messages.py): the officer reads it aloud in Khmer too.
MSG_CLAUSE_A1: Final = "2 or more strong indicators"
MSG_CLAUSE_A2: Final = "1 strong indicator plus at least 1 medium or weak indicator"
MSG_CLAUSE_A3: Final = "3 or more medium indicators"
MSG_CLAUSE_A4: Final = "2 medium indicators plus at least 1 weak indicator"
_CLAUSE_TEXT = {"A1": MSG_CLAUSE_A1, "A2": MSG_CLAUSE_A2, "A3": MSG_CLAUSE_A3, "A4": MSG_CLAUSE_A4}

MSG_GRADE_S: Final = "strong"
MSG_GRADE_M: Final = "medium"
MSG_GRADE_W: Final = "weak"
_GRADE_WORD = {"S": MSG_GRADE_S, "M": MSG_GRADE_M, "W": MSG_GRADE_W}

MSG_WHY_NOTHING: Final = "nothing ticked"
MSG_WHY_WEAK_ONLY: Final = "weak indicators alone never make a dimension positive"
MSG_WHY_ONE_STRONG: Final = "one strong indicator alone is not enough; it needs one more indicator in this dimension"
MSG_WHY_ONE_MEDIUM: Final = ("one medium indicator is not enough without a strong one, two more medium, or one more "
                             "medium and a weak")
MSG_WHY_TWO_MEDIUM: Final = "two medium indicators need a third medium or one weak indicator in this dimension"

MSG_CHECKLIST: Final = "Checklist: %1 (content %2 version %3); age %4; %5 indicator(s) ticked."
MSG_EACH_DIMENSION: Final = "Each dimension is judged on its own ticks; counts are never added across dimensions."
MSG_DIMENSION: Final = "%1 %2: %3 strong, %4 medium, %5 weak — %6."
MSG_DIM_POSITIVE: Final = "positive: %1"
MSG_DIM_NOT_POSITIVE: Final = "not positive: %1"
MSG_POSITIVE: Final = "positive"
MSG_POSITIVE_WHICH: Final = "positive (%1)"
MSG_NOT_POSITIVE: Final = "not positive"
MSG_RECRUITMENT: Final = "Recruitment (DR, CR or VR): %1."
MSG_EXPLOITATION: Final = "Exploitation (EX): %1."
MSG_DESTINATION: Final = "Coercion or vulnerability at destination (CD or VD): %1."
MSG_RULE_CHILD: Final = ("Rule for children under 18: recruitment and exploitation must both be positive; coercion or "
                         "vulnerability at destination is not required.")
MSG_RULE_ADULT: Final = "Adult rule: recruitment, exploitation and destination must all be positive."
MSG_RULE_ADULT_FOR_CHILD: Final = ("Adult rule applied to a child (ADULT_RULE setting): recruitment, exploitation and "
                                   "destination must all be positive.")
MSG_RESULT_PRESENT: Final = "Result: indicators of trafficking present — refer."
MSG_RESULT_NOT_MET: Final = ("Result: the combination for a trafficking referral is not met (missing: %1). This does "
                             "not rule out trafficking or other harm; refer if in doubt.")
MSG_MISSING_RECRUITMENT: Final = "recruitment"
MSG_MISSING_EXPLOITATION: Final = "exploitation"
MSG_MISSING_DESTINATION: Final = "destination"
_MISSING = {"recruitment": MSG_MISSING_RECRUITMENT, "exploitation": MSG_MISSING_EXPLOITATION,
            "destination": MSG_MISSING_DESTINATION}
MSG_FLAG_CHILD: Final = ("Child under 18 with exploitative conditions of work: a child-protection referral is required "
                         "whatever the result above.")
MSG_FLAG_EXPLOITATION_ONLY: Final = ("Exploitative conditions of work without recruitment indicators: consider a "
                                     "protection or labour-rights referral.")
MSG_FLAG_UNVERIFIED: Final = ("Grade not yet verified against the source used for: %1. Keep this in mind when "
                              "reviewing the result.")
MSG_COUNTED_AS: Final = "%1 (counted as %2)"


def _clauses(s: int, m: int, w: int) -> tuple[str, ...]:
    met = []
    if s >= 2:
        met.append("A1")
    if s >= 1 and m + w >= 1:
        met.append("A2")
    if m >= 3:
        met.append("A3")
    if m >= 2 and w >= 1:
        met.append("A4")
    return tuple(met)


def _why_not(s: int, m: int, w: int) -> str:
    if s == m == w == 0:
        return MSG_WHY_NOTHING
    if s == 0 and m == 0:
        return MSG_WHY_WEAK_ONLY
    if s == 1:
        return MSG_WHY_ONE_STRONG
    if m == 1:
        return MSG_WHY_ONE_MEDIUM
    return MSG_WHY_TWO_MEDIUM


def _reason(clauses: tuple[str, ...], s: int, m: int, w: int) -> Msg:
    if clauses:
        return Msg(MSG_DIM_POSITIVE, (Msg(_CLAUSE_TEXT[clauses[0]]),))
    return Msg(MSG_DIM_NOT_POSITIVE, (Msg(_why_not(s, m, w)),))


@dataclass(frozen=True)
class DimensionResult:
    """Counts and finding for one dimension.

    ``clauses`` lists the rule-A clauses met (A1: s>=2, A2: s>=1 and m+w>=1, A3: m>=3, A4: m>=2 and w>=1).
    """

    code: str
    name_en: str
    strong: int
    medium: int
    weak: int
    positive: bool
    clauses: tuple[str, ...]
    reason_en: str
    ticked: tuple[str, ...]


@dataclass(frozen=True)
class TraffickingResult:
    """The outcome of one trafficking-indicator screen, with its explanation and audit data.

    ``outcome`` is "PRESUMED_VICTIM" (indicators of trafficking present — refer) or "NOT_INDICATED". It is
    a screening classification from the ILO measurement tool, not a legal determination.
    """

    outcome: str
    positive_dimensions: frozenset[str]
    flags: frozenset[str]
    explanation: tuple[str, ...]
    content_id: str
    content_version: str
    ilo_set: str
    htcds_trafficking_status: str
    ticked: tuple[str, ...]
    dimensions: tuple[DimensionResult, ...]
    age: int
    child_rule: str
    rule_applied: str
    recruitment: bool
    exploitation: bool
    destination: bool
    grades_used: tuple[tuple[str, str], ...]
    unverified_items: tuple[str, ...]
    rule_version: str = RULE_VERSION
    # The explanation as translatable messages (``explanation`` is their English): what the UI shows, in Khmer too.
    explanation_messages: tuple[Msg, ...] = ()

    @property
    def indicators_present(self) -> bool:
        """True when the screen says "indicators of trafficking present — refer"."""
        return self.outcome == "PRESUMED_VICTIM"

    def dimension(self, code: str) -> DimensionResult:
        """Return the result of one dimension by code (``"DR"`` ...); raises ValidationError if unknown."""
        for d in self.dimensions:
            if d.code == code:
                return d
        raise ValidationError("dimension", f"unknown dimension {code!r}")

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable record of everything needed for the audit trail.

            >>> evaluate_trafficking(set(), age=40).to_dict()["outcome"]
            'NOT_INDICATED'
        """
        return {
            "screen": "trafficking",
            "outcome": self.outcome,
            "htcds_trafficking_status": self.htcds_trafficking_status,
            "ilo_set": self.ilo_set,
            "content_id": self.content_id,
            "content_version": self.content_version,
            "rule_version": self.rule_version,
            "age": self.age,
            "child_rule": self.child_rule,
            "rule_applied": self.rule_applied,
            "ticked": list(self.ticked),
            "grades_used": dict(self.grades_used),
            "dimensions": {
                d.code: {
                    "s": d.strong,
                    "m": d.medium,
                    "w": d.weak,
                    "positive": d.positive,
                    "clauses": list(d.clauses),
                    "ticked": list(d.ticked),
                }
                for d in self.dimensions
            },
            "positive_dimensions": sorted(self.positive_dimensions, key=DIMENSION_CODES.index),
            "recruitment": self.recruitment,
            "exploitation": self.exploitation,
            "destination": self.destination,
            "flags": sorted(self.flags),
            "unverified_items": list(self.unverified_items),
            "explanation": list(self.explanation),
        }


def _check_age(age: object) -> int:
    if isinstance(age, bool) or not isinstance(age, int):
        raise ValidationError("age", "must be a whole number of years")
    if age < 0 or age > MAX_AGE:
        raise ValidationError("age", f"must be between 0 and {MAX_AGE}")
    return age


def select_set(*, age: int) -> IndicatorSet:
    """Return the indicator set for an age: the child set under 18, the adult set from 18.

        >>> select_set(age=17).content_id, select_set(age=18).content_id
        ('ilo-labour-child', 'ilo-labour-adult')

    Use the age at the time of exploitation if known, otherwise the age at screening (spec §1.5). Raises
    ValidationError for a negative, non-integer or implausible age.
    """
    a = _check_age(age)
    return indicator_set(ILO_SETS["CHILD_LABOUR"] if a < 18 else ILO_SETS["ADULT_LABOUR"])


def trafficking_items(*, age: int) -> tuple[Item, ...]:
    """Return the items of the set for this age, in dimension order (DR, CR, VR, EX, CD, VD) then number.

        >>> [i.id for i in trafficking_items(age=30)][:2]
        ['ILO-DR-1', 'ILO-DR-2']

    Raises ValidationError for a bad age.
    """
    return select_set(age=age).items


def _normalise_ticks(ticked: object, s: IndicatorSet, other: IndicatorSet) -> tuple[str, ...]:
    if isinstance(ticked, str | bytes) or not isinstance(ticked, Iterable):
        raise ValidationError("ticked", "must be a set of indicator ids")
    seen: set[str] = set()
    for t in ticked:
        if not isinstance(t, str):
            raise ValidationError("ticked", "indicator ids must be strings")
        if t not in s.by_id:
            if t in other.by_id:
                raise ValidationError("ticked", f"{t} is not in the {s.label_en} set")
            raise ValidationError("ticked", f"unknown indicator id {t[:40]!r}")
        seen.add(t)
    return tuple(sorted(seen))


def evaluate_trafficking(ticked: Iterable[str], *, age: int, child_rule: str = "R_AND_E") -> TraffickingResult:
    """Apply rules A and B to the ticked indicator ids and explain the outcome.

        >>> r = evaluate_trafficking({"ILO-DR-1", "ILO-CR-1"}, age=25)
        >>> r.outcome, r.dimension("DR").positive
        ('NOT_INDICATED', False)

    ``age < 18`` selects the child labour set and, with ``child_rule="R_AND_E"`` (default), the child rule
    (recruitment and exploitation; destination means not required). ``child_rule="ADULT_RULE"`` applies the
    adult rule to children too; adults always get the adult rule. Duplicates count once.

    Flags: CHILD_PROTECTION (under 18 and EX positive, whatever the outcome), EXPLOITATION_ONLY (EX positive,
    no recruitment dimension positive), UNVERIFIED_GRADE_USED (a ticked item's grade is marked unverified).

    Raises ValidationError for a bad age, an unknown child_rule, a tick that is not a string, an unknown id
    or an id that is not in the selected set (e.g. ILO-VR-7 for a child).
    """
    if child_rule not in CHILD_RULES:
        raise ValidationError("child_rule", f"must be one of {', '.join(CHILD_RULES)}")
    s = select_set(age=age)
    is_child = age < 18
    other = indicator_set(ILO_SETS["ADULT_LABOUR"] if is_child else ILO_SETS["CHILD_LABOUR"])
    ticks = _normalise_ticks(ticked, s, other)
    tick_set = set(ticks)

    dims: list[DimensionResult] = []
    for dim in s.dimensions:
        mine = tuple(sorted(it.id for it in s.items if it.dimension == dim.code and it.id in tick_set))
        grades = [s.by_id[i].grade for i in mine]
        st, me, we = grades.count("S"), grades.count("M"), grades.count("W")
        met = _clauses(st, me, we)
        reason = _reason(met, st, me, we).english()
        dims.append(DimensionResult(dim.code, dim.name_en, st, me, we, bool(met), met, reason, mine))

    pos = frozenset(d.code for d in dims if d.positive)
    rec = any(c in pos for c in RECRUITMENT)
    exp = "EX" in pos
    dst = any(c in pos for c in DESTINATION)
    if is_child and child_rule == "R_AND_E":
        rule_applied = "CHILD_R_AND_E"
        indicated = rec and exp
    else:
        rule_applied = "CHILD_ADULT_RULE" if is_child else "ADULT_R_E_D"
        indicated = rec and exp and dst

    unverified = tuple(i for i in ticks if s.by_id[i].grade_status == "unverified")
    flags = set()
    if is_child and exp:
        flags.add("CHILD_PROTECTION")
    if exp and not rec:
        flags.add("EXPLOITATION_ONLY")
    if unverified:
        flags.add("UNVERIFIED_GRADE_USED")

    outcome = "PRESUMED_VICTIM" if indicated else "NOT_INDICATED"
    messages = _explain(s, dims, age, rule_applied, rec, exp, dst, indicated, flags, unverified, len(ticks))
    return TraffickingResult(
        outcome=outcome,
        positive_dimensions=pos,
        flags=frozenset(flags),
        explanation=tuple(m.english() for m in messages),
        content_id=s.content_id,
        content_version=s.version,
        ilo_set=s.ilo_set,
        htcds_trafficking_status="PossibleVictimOfTrafficking" if indicated else "",
        ticked=ticks,
        dimensions=tuple(dims),
        age=age,
        child_rule=child_rule,
        rule_applied=rule_applied,
        recruitment=rec,
        exploitation=exp,
        destination=dst,
        grades_used=tuple((i, s.by_id[i].grade) for i in ticks),
        unverified_items=unverified,
        explanation_messages=messages,
    )


def _which(dims: list[DimensionResult], codes: tuple[str, ...]) -> Msg:
    hits = [d.code for d in dims if d.code in codes and d.positive]
    return Msg(MSG_POSITIVE_WHICH, (", ".join(hits),)) if hits else Msg(MSG_NOT_POSITIVE)


def _explain(
    s: IndicatorSet,
    dims: list[DimensionResult],
    age: int,
    rule_applied: str,
    rec: bool,
    exp: bool,
    dst: bool,
    indicated: bool,
    flags: set[str],
    unverified: tuple[str, ...],
    n_ticks: int,
) -> tuple[Msg, ...]:
    lines = [
        Msg(MSG_CHECKLIST, (Content(s.label_en, s.label_km), s.content_id, s.version, age, n_ticks)),
        Msg(MSG_EACH_DIMENSION),
    ]
    names = {d.code: d for d in s.dimensions}
    for d in dims:
        lines.append(Msg(MSG_DIMENSION, (d.code, Content(d.name_en, names[d.code].name_km), d.strong, d.medium,
                                         d.weak, _reason(d.clauses, d.strong, d.medium, d.weak))))
    lines.append(Msg(MSG_RECRUITMENT, (_which(dims, RECRUITMENT),)))
    lines.append(Msg(MSG_EXPLOITATION, (Msg(MSG_POSITIVE if exp else MSG_NOT_POSITIVE),)))
    lines.append(Msg(MSG_DESTINATION, (_which(dims, DESTINATION),)))
    if rule_applied == "CHILD_R_AND_E":
        lines.append(Msg(MSG_RULE_CHILD))
        needed = {"recruitment": rec, "exploitation": exp}
    else:
        lines.append(Msg(MSG_RULE_ADULT_FOR_CHILD if rule_applied == "CHILD_ADULT_RULE" else MSG_RULE_ADULT))
        needed = {"recruitment": rec, "exploitation": exp, "destination": dst}
    if indicated:
        lines.append(Msg(MSG_RESULT_PRESENT))
    else:
        missing = tuple(Msg(_MISSING[k]) for k, v in needed.items() if not v)
        lines.append(Msg(MSG_RESULT_NOT_MET, (Join(missing),)))
    if "CHILD_PROTECTION" in flags:
        lines.append(Msg(MSG_FLAG_CHILD))
    if "EXPLOITATION_ONLY" in flags:
        lines.append(Msg(MSG_FLAG_EXPLOITATION_ONLY))
    if "UNVERIFIED_GRADE_USED" in flags:
        used = tuple(Msg(MSG_COUNTED_AS, (i, Msg(_GRADE_WORD[s.by_id[i].grade]))) for i in unverified)
        lines.append(Msg(MSG_FLAG_UNVERIFIED, (Join(used),)))
    return tuple(lines)
