"""The project's safety rule: a visible layer beside the ILO rule, never inside it.

The ILO rule (``evaluate_trafficking``) is a measurement tool: one strong indicator alone never makes a dimension
positive, so a person who was beaten, locked up and had her passport taken reads NOT_INDICATED. This rule, designed
by the project (``content/safety-rule.json``), suggests a same-day protection referral whenever any strong coercion
item (violence, confinement, threats, documents taken, debt bondage, forced criminality) is ticked or a controlling
person is present, and raises it to immediate danger when both are. The ILO result itself is unchanged.

    >>> r = evaluate_safety({"ILO-CD-4", "ILO-CD-3", "ILO-CD-1"}, age=30)
    >>> r.triggered, r.urgency, [x.code for x in r.reasons]
    (True, 'SAME_DAY', ['VIOLENCE', 'CONFINEMENT', 'DOCUMENTS_TAKEN'])
    >>> [(x.kind, x.agency_code, x.urgency) for x in r.referrals]
    [('protection', 'MoSVY_PROVINCIAL_DOSVY', 'SAME_DAY')]

Reasons carry fixed English messages (``MSG_*``, collected by tools/core_messages.py and shown through
``tr("Core", message)``), so they are translated on screen and never built from pieces.
Errors: :class:`checkpoint.errors.ValidationError` for a bad age, tick or content file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from checkpoint import codelists
from checkpoint.errors import ValidationError
from checkpoint.screening._content import ILO_SETS, URGENCIES, _read, indicator_set
from checkpoint.screening.trafficking import _normalise_ticks, select_set

__all__ = ["SAFETY_REASON_CODE", "SafetyContent", "SafetyReason", "SafetyReferral", "SafetyResult",
           "evaluate_safety", "raise_urgency", "reason_message", "safety_content"]

RULE_VERSION = "safety-rule/1"
SAFETY_REASON_CODE = "SAFETY_RULE"
"""The ``reason_code`` of a referral the safety rule suggests (as referral records store it)."""

MSG_SAFETY_LABEL: Final = "Safety rule (not the ILO rule)"
MSG_SAFETY_VIOLENCE: Final = "Violence was reported: offer a protection referral today."
MSG_SAFETY_CONFINEMENT: Final = ("The person was locked up, guarded or kept from leaving: offer a protection referral "
                                 "today.")
MSG_SAFETY_THREATS: Final = ("Threats of violence against the person or the family were reported: offer a protection "
                             "referral today.")
MSG_SAFETY_DOCUMENTS: Final = "The person's documents were taken: offer a protection referral today."
MSG_SAFETY_DEBT: Final = "Debt bondage was reported: offer a protection referral today."
MSG_SAFETY_CRIMINALITY: Final = ("The person was forced to commit crimes (for example online scams): offer a "
                                 "protection referral today.")
MSG_SAFETY_CONTROLLER: Final = ("Someone controlling the person is present: offer a protection referral today and "
                                "speak to the person alone.")
MSG_SAFETY_DANGER: Final = "Strong coercion and a controlling person present together: treat as immediate danger."
MSG_SAFETY_NONE: Final = "The safety rule found no strong coercion item."

_MESSAGES: dict[str, str] = {
    "VIOLENCE": MSG_SAFETY_VIOLENCE,
    "CONFINEMENT": MSG_SAFETY_CONFINEMENT,
    "THREATS": MSG_SAFETY_THREATS,
    "DOCUMENTS_TAKEN": MSG_SAFETY_DOCUMENTS,
    "DEBT_BONDAGE": MSG_SAFETY_DEBT,
    "FORCED_CRIMINALITY": MSG_SAFETY_CRIMINALITY,
    "CONTROLLING_PERSON": MSG_SAFETY_CONTROLLER,
    "IMMEDIATE_DANGER": MSG_SAFETY_DANGER,
}
CATEGORY_CODES = ("VIOLENCE", "CONFINEMENT", "THREATS", "DOCUMENTS_TAKEN", "DEBT_BONDAGE", "FORCED_CRIMINALITY")
_MAX_BYTES = 200_000


def reason_message(code: str) -> str:
    """The fixed English message of a safety reason code (translate with ``tr("Core", ...)``); "" if unknown.

        >>> reason_message("DOCUMENTS_TAKEN")
        "The person's documents were taken: offer a protection referral today."
    """
    return _MESSAGES.get(code, "")


def raise_urgency(urgency: str) -> str:
    """One step more urgent: ROUTINE → SAME_DAY → IMMEDIATE_DANGER (which stays).

        >>> raise_urgency("ROUTINE"), raise_urgency("SAME_DAY"), raise_urgency("IMMEDIATE_DANGER")
        ('SAME_DAY', 'IMMEDIATE_DANGER', 'IMMEDIATE_DANGER')

    Raises ValidationError for an unknown urgency.
    """
    if urgency not in URGENCIES:
        raise ValidationError("urgency", "must be IMMEDIATE_DANGER, SAME_DAY or ROUTINE")
    return URGENCIES[max(0, URGENCIES.index(urgency) - 1)]


@dataclass(frozen=True)
class SafetyContent:
    """The safety rule's content file: which ILO items count as each kind of strong coercion, and what to suggest."""

    content_id: str
    version: str
    designed_by: str
    categories: tuple[tuple[str, tuple[str, ...]], ...]
    urgency: str
    urgency_with_controlling_person: str
    agencies: Mapping[str, tuple[str, ...]]

    def category_of(self, item_id: str) -> str | None:
        """The category an ILO item belongs to, or None when it is not a strong coercion item."""
        for code, items in self.categories:
            if item_id in items:
                return code
        return None


def _fail(message: str) -> ValidationError:
    return ValidationError("content:safety-rule", message)


def parse_safety_content(data: object) -> SafetyContent:
    """Check a decoded safety-rule document (also the entry point for one that arrives as HQ reference data).

        >>> parse_safety_content({"format": "x"})
        Traceback (most recent call last):
        ...
        checkpoint.errors.ValidationError: content:safety-rule: not a safety-rule document

    Raises ValidationError on any defect: wrong format or version, an unknown category or ILO item, an item in
    two categories, an unknown urgency or agency, or a rule not marked as designed by the project.
    """
    if not isinstance(data, Mapping) or data.get("format") != "checkpoint-safety-rule":
        raise _fail("not a safety-rule document")
    if data.get("format_version") != 1:
        raise _fail("unsupported 'format_version' (this build reads version 1)")
    cid, ver = data.get("content_id"), data.get("version")
    if not isinstance(cid, str) or not cid or not isinstance(ver, str) or not ver:
        raise _fail("'content_id' and 'version' must be non-empty strings")
    if data.get("designed_by") != "project":
        raise _fail("the safety rule must be marked as designed by the project ('designed_by': 'project')")
    known = set(indicator_set(ILO_SETS["ADULT_LABOUR"]).by_id) | set(indicator_set(ILO_SETS["CHILD_LABOUR"]).by_id)
    raw = data.get("categories")
    if not isinstance(raw, list) or not raw:
        raise _fail("'categories' must be a non-empty list")
    cats: list[tuple[str, tuple[str, ...]]] = []
    seen: set[str] = set()
    for c in raw:
        code = c.get("code") if isinstance(c, Mapping) else None
        items = c.get("items") if isinstance(c, Mapping) else None
        if code not in CATEGORY_CODES or any(code == k for k, _ in cats):
            raise _fail("each category must be one of the known codes, once")
        if not isinstance(items, list) or not items or not all(isinstance(i, str) and i in known for i in items):
            raise _fail("each category must list ILO item ids")
        if seen & set(items):
            raise _fail("an ILO item is in two categories")
        seen |= set(items)
        cats.append((str(code), tuple(items)))
    urg, urg_c = data.get("urgency"), data.get("urgency_with_controlling_person")
    if urg not in URGENCIES or urg_c not in URGENCIES:
        raise _fail("'urgency' values must be IMMEDIATE_DANGER, SAME_DAY or ROUTINE")
    raw_ag = data.get("agencies")
    agencies: dict[str, tuple[str, ...]] = {}
    for kind in ("protection", "child_protection"):
        lst = raw_ag.get(kind) if isinstance(raw_ag, Mapping) else None
        if not isinstance(lst, list) or not lst or not all(
                isinstance(a, str) and codelists.is_valid("agencies", a) for a in lst):
            raise _fail("'agencies' must name agencies of the code list for protection and child_protection")
        agencies[kind] = tuple(lst)
    return SafetyContent(cid, ver, "project", tuple(cats), str(urg), str(urg_c), agencies)


@cache
def safety_content() -> SafetyContent:
    """The shipped safety rule, checked and cached.

        >>> safety_content().designed_by, safety_content().category_of("ILO-CD-5")
        ('project', 'FORCED_CRIMINALITY')
    """
    data = _read("safety-rule", max_bytes=_MAX_BYTES)
    return parse_safety_content(data)


@dataclass(frozen=True)
class SafetyReason:
    """Why the rule fired: a category code (or CONTROLLING_PERSON, IMMEDIATE_DANGER), the ticked items behind it,
    and its fixed English message."""

    code: str
    items: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class SafetyReferral:
    """A referral the safety rule suggests (the officer confirms it; an adult consents)."""

    kind: str
    agency_code: str
    urgency: str
    reason_code: str = SAFETY_REASON_CODE

    def to_dict(self) -> dict[str, Any]:
        """The referral as ``Session.referrals.add`` and ``register`` take it."""
        return {"kind": self.kind, "agency_code": self.agency_code, "reason_code": self.reason_code,
                "urgency": self.urgency}


@dataclass(frozen=True)
class SafetyResult:
    """The safety rule's finding. ``triggered`` False means no strong coercion item and no controlling person:
    ``message`` then says only that the safety rule found nothing, never that nothing was found."""

    triggered: bool
    urgency: str | None
    reasons: tuple[SafetyReason, ...]
    referrals: tuple[SafetyReferral, ...]
    content_id: str
    content_version: str
    label: str = MSG_SAFETY_LABEL
    rule_version: str = RULE_VERSION

    @property
    def message(self) -> str:
        """One line for the screen: the first reason's message, or that the rule found nothing."""
        return self.reasons[0].message if self.reasons else MSG_SAFETY_NONE

    def to_dict(self) -> dict[str, Any]:
        """What the record keeps (the messages are not stored: they follow from the codes).

            >>> evaluate_safety(set(), age=30).to_dict()["triggered"]
            False
        """
        return {"rule": "safety", "designed_by": "project", "triggered": self.triggered, "urgency": self.urgency,
                "reasons": [{"code": r.code, "items": list(r.items)} for r in self.reasons],
                "referrals": [x.to_dict() for x in self.referrals],
                "content_id": self.content_id, "content_version": self.content_version,
                "rule_version": self.rule_version}


def evaluate_safety(ticks: Iterable[str], *, age: int, controlling_person_present: bool = False) -> SafetyResult:
    """Apply the project's safety rule to the ticked ILO items (the "yes" answers) and the age.

        >>> r = evaluate_safety({"ILO-CD-5"}, age=25, controlling_person_present=True)
        >>> r.urgency, [x.code for x in r.reasons]
        ('IMMEDIATE_DANGER', ['FORCED_CRIMINALITY', 'CONTROLLING_PERSON', 'IMMEDIATE_DANGER'])
        >>> evaluate_safety(set(), age=12, controlling_person_present=True).referrals[0].kind
        'child_protection'

    Any strong coercion item, or a controlling person present, suggests one protection referral per agency of the
    content (child protection under 18) at SAME_DAY; both together at IMMEDIATE_DANGER. Ticks are checked against
    the age's ILO set as ``evaluate_trafficking`` checks them. Raises ValidationError for a bad age or tick, or a
    ``controlling_person_present`` that is not True or False.
    """
    if not isinstance(controlling_person_present, bool):
        raise ValidationError("controlling_person_present", "must be yes or no")
    s = select_set(age=age)
    other = indicator_set(ILO_SETS["ADULT_LABOUR"] if age < 18 else ILO_SETS["CHILD_LABOUR"])
    tick_set = set(_normalise_ticks(ticks, s, other))
    content = safety_content()
    reasons: list[SafetyReason] = []
    for code, items in content.categories:
        hit = tuple(i for i in items if i in tick_set)
        if hit:
            reasons.append(SafetyReason(code, hit, _MESSAGES[code]))
    coercion = bool(reasons)
    if controlling_person_present:
        reasons.append(SafetyReason("CONTROLLING_PERSON", (), MSG_SAFETY_CONTROLLER))
    urgency: str | None = None
    if coercion and controlling_person_present:
        urgency = content.urgency_with_controlling_person
        if urgency == "IMMEDIATE_DANGER":
            reasons.append(SafetyReason("IMMEDIATE_DANGER", (), MSG_SAFETY_DANGER))
    elif coercion or controlling_person_present:
        urgency = content.urgency
    refs: tuple[SafetyReferral, ...] = ()
    if urgency is not None:
        kind = "child_protection" if age < 18 else "protection"
        refs = tuple(SafetyReferral(kind, a, urgency) for a in content.agencies[kind])
    return SafetyResult(urgency is not None, urgency, tuple(reasons), refs, content.content_id, content.version)
