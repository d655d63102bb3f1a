"""Yes / no / not asked: the answers of the ILO checklist, their completeness per dimension, and "not screened".

The ILO rule (``evaluate_trafficking``) reads only the "yes" answers. What this module adds is what was *asked*:
an untouched checklist is NOT_SCREENED, never NOT_INDICATED, and a partly asked one says how much of each dimension
was asked.

    >>> a = checklist_answers(yes={"ILO-CD-4"}, no={"ILO-CD-1", "ILO-CD-2"}, age=30)
    >>> a.status, a.completeness["CD"], a.answer("ILO-CD-3")
    ('PARTIAL', (3, 15), 'not_asked')
    >>> checklist_answers(yes=set(), no=set(), age=30).status
    'NOT_SCREENED'

How old records read (``answers_version``): a trafficking screening recorded before answers had three values
(no ``answers_version`` in its payload, i.e. version 1) was a checklist of ticks where an unticked item meant
"no"; :func:`read_answers` reads such a record exactly as it was shown then (every unticked item "no", the
checklist complete, its stored outcome unchanged). From version 2 an item in neither list was not asked.
Errors: :class:`checkpoint.errors.ValidationError` for bad ids or an item answered both yes and no.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from checkpoint import codelists
from checkpoint.errors import ValidationError
from checkpoint.screening._content import DIMENSION_CODES, ILO_SETS, indicator_set
from checkpoint.screening.trafficking import _normalise_ticks, select_set

__all__ = ["ANSWERS_VERSION", "NOT_SCREENED", "ChecklistAnswers", "checklist_answers", "read_answers",
           "sector_for_work_type", "validate_exploitation_types"]

ANSWERS_VERSION = 2
NOT_SCREENED = "NOT_SCREENED"
STATUSES = ("NOT_SCREENED", "PARTIAL", "COMPLETE")


@dataclass(frozen=True)
class ChecklistAnswers:
    """The answers to one checklist: ``yes`` and ``no`` item ids, every other item of the set not asked.

    ``completeness`` maps each dimension to (answered, items in the set); ``status`` is NOT_SCREENED (nothing
    answered), PARTIAL or COMPLETE.
    """

    content_id: str
    yes: tuple[str, ...]
    no: tuple[str, ...]
    not_asked: tuple[str, ...]
    completeness: Mapping[str, tuple[int, int]]
    answers_version: int = ANSWERS_VERSION

    @property
    def status(self) -> str:
        if not self.yes and not self.no:
            return NOT_SCREENED
        return "PARTIAL" if self.not_asked else "COMPLETE"

    @property
    def screened(self) -> bool:
        return bool(self.yes or self.no)

    def answer(self, item_id: str) -> str:
        """"yes", "no" or "not_asked" for one item of the set."""
        if item_id in self.yes:
            return "yes"
        if item_id in self.no:
            return "no"
        return "not_asked"

    def to_dict(self) -> dict[str, Any]:
        """What the record keeps beside the ticks: the "no" answers, completeness and the answers version."""
        return {"answers_version": self.answers_version, "answered_no": list(self.no), "status": self.status,
                "completeness": {d: list(v) for d, v in self.completeness.items()}}


def checklist_answers(*, yes: Iterable[str], no: Iterable[str], age: int) -> ChecklistAnswers:
    """Check the yes and no answers against the age's ILO set and work out what was not asked.

        >>> checklist_answers(yes={"ILO-DR-1"}, no={"ILO-DR-1"}, age=30)
        Traceback (most recent call last):
        ...
        checkpoint.errors.ValidationError: answered_no: an item cannot be answered both yes and no

    Raises ValidationError for a bad age, an unknown id, an id outside the age's set, or an item in both.
    """
    s = select_set(age=age)
    other = indicator_set(ILO_SETS["ADULT_LABOUR"] if age < 18 else ILO_SETS["CHILD_LABOUR"])
    y = set(_normalise_ticks(yes, s, other))
    try:
        n = set(_normalise_ticks(no, s, other))
    except ValidationError as e:
        raise ValidationError("answered_no", e.detail) from None
    if y & n:
        raise ValidationError("answered_no", "an item cannot be answered both yes and no")
    return _build(s.content_id, y, n, ANSWERS_VERSION)


def _build(content_id: str, y: set[str], n: set[str], version: int) -> ChecklistAnswers:
    s = indicator_set(content_id)
    comp = {d: (sum(1 for i in s.items if i.dimension == d and (i.id in y or i.id in n)),
                sum(1 for i in s.items if i.dimension == d)) for d in DIMENSION_CODES}
    return ChecklistAnswers(content_id, tuple(i.id for i in s.items if i.id in y),
                            tuple(i.id for i in s.items if i.id in n),
                            tuple(i.id for i in s.items if i.id not in y and i.id not in n), comp, version)


def read_answers(content_id: str, ticked: Iterable[str], stored: Mapping[str, Any] | None) -> ChecklistAnswers:
    """The answers of a recorded screening: ``stored`` is what the record keeps beside the ticks (its
    ``answers_version`` and ``answered_no``), None or without a version for a record of version 1.

        >>> read_answers("ilo-labour-adult", ["ILO-DR-1"], None).status          # version 1: unticked meant no
        'COMPLETE'
        >>> read_answers("ilo-labour-adult", [], {"answers_version": 2, "answered_no": []}).status
        'NOT_SCREENED'
    """
    s = indicator_set(content_id)
    y = {t for t in ticked if t in s.by_id}
    version = stored.get("answers_version") if isinstance(stored, Mapping) else None
    if version is None or version == 1:
        return _build(content_id, y, set(s.by_id) - y, 1)
    raw_no = stored.get("answered_no") if isinstance(stored, Mapping) else None
    n = {t for t in (raw_no or []) if isinstance(t, str) and t in s.by_id} - y
    return _build(content_id, y, n, int(version))


def validate_exploitation_types(value: object) -> list[str]:
    """Check the types of exploitation (HTCDS ``vic_TypeOfExploitation`` codes of the exploitation_types list).

        >>> validate_exploitation_types(["ForcedCriminality", "ForcedLabour"])
        ['ForcedCriminality', 'ForcedLabour']
    """
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValidationError("exploitation_types", "must be a list of types of exploitation")
    out = set()
    for v in value:
        if not isinstance(v, str) or not codelists.is_valid("exploitation_types", v):
            raise ValidationError("exploitation_types", "contains an unknown type of exploitation")
        out.add(v)
    return sorted(out)


def sector_for_work_type(work_type: str) -> str | None:
    """The sectors-list code (ISIC section, or ONLINE_SCAM_COMPOUND) behind a work type in the officers' words.

        >>> sector_for_work_type("FISHING_BOAT"), sector_for_work_type("ONLINE_SCAM_COMPOUND")
        ('A', 'ONLINE_SCAM_COMPOUND')

    Raises ValidationError for an unknown work type.
    """
    if not isinstance(work_type, str) or not codelists.is_valid("work_types", work_type):
        raise ValidationError("work_type", "is not a known kind of work")
    sec = codelists.DEFAULT.get("work_types").by_code[work_type].extra.get("sector")
    return sec if isinstance(sec, str) else None
