"""The red-flag pre-screen: at most eight plain questions asked of everyone who consents, before the full checklist.

Any "yes" sends the person to the private room for the full ILO checklist, with the reason. The questions, their
Khmer and English wording and their mapping to ILO items are content (``content/prescreen.json``), designed by the
project, not by the ILO. This module decides; it builds no queue: ``routes_to_private_room`` and ``reasons`` are
what the triage queue reads.

    >>> r = evaluate_prescreen({"PS-1": "yes", "PS-2": "no"})
    >>> r.routes_to_private_room, [x.question_id for x in r.reasons], r.items_to_ask[:2]
    (True, ['PS-1'], ('ILO-CD-1', 'ILO-CR-3'))
    >>> evaluate_prescreen({q.id: "no" for q in prescreen_content().questions}).routes_to_private_room
    False

Errors: :class:`checkpoint.errors.ValidationError` for an unknown question or answer, or a bad content file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from checkpoint.errors import ValidationError
from checkpoint.screening._content import ILO_SETS, _read, indicator_set

__all__ = ["ANSWERS", "MAX_QUESTIONS", "PrescreenContent", "PrescreenQuestion", "PrescreenReason",
           "PrescreenResult", "evaluate_prescreen", "parse_prescreen", "prescreen_content"]

MAX_QUESTIONS = 8
ANSWERS = ("yes", "no", "not_asked")
_MAX_BYTES = 200_000


@dataclass(frozen=True)
class PrescreenQuestion:
    """One red-flag question: its id (``PS-1``), a code, the wording in both languages, the ILO items it stands
    for, whether a yes means a controlling person is present, and the reason shown when it is answered yes."""

    id: str
    code: str
    question_en: str
    question_km: str
    ilo_items: tuple[str, ...]
    controlling_person: bool
    reason_en: str
    reason_km: str


@dataclass(frozen=True)
class PrescreenContent:
    content_id: str
    version: str
    designed_by: str
    questions: tuple[PrescreenQuestion, ...]

    def question(self, qid: str) -> PrescreenQuestion:
        for q in self.questions:
            if q.id == qid:
                return q
        raise ValidationError("prescreen", "unknown pre-screen question")


def _fail(message: str) -> ValidationError:
    return ValidationError("content:prescreen", message)


def parse_prescreen(data: object) -> PrescreenContent:
    """Check a decoded pre-screen document (the entry point for one that arrives as HQ reference data too).

    Raises ValidationError: wrong format or version, more than eight questions, missing wording in either
    language, an unknown ILO item, a duplicate id, or a document not marked as designed by the project.
    """
    if not isinstance(data, Mapping) or data.get("format") != "checkpoint-prescreen":
        raise _fail("not a pre-screen document")
    if data.get("format_version") != 1:
        raise _fail("unsupported 'format_version' (this build reads version 1)")
    cid, ver = data.get("content_id"), data.get("version")
    if not isinstance(cid, str) or not cid or not isinstance(ver, str) or not ver:
        raise _fail("'content_id' and 'version' must be non-empty strings")
    if data.get("designed_by") != "project":
        raise _fail("the pre-screen must be marked as designed by the project ('designed_by': 'project')")
    raw = data.get("questions")
    if not isinstance(raw, list) or not 1 <= len(raw) <= MAX_QUESTIONS:
        raise _fail("'questions' must list one to eight questions")
    known = set(indicator_set(ILO_SETS["ADULT_LABOUR"]).by_id) | set(indicator_set(ILO_SETS["CHILD_LABOUR"]).by_id)
    out: list[PrescreenQuestion] = []
    for q in raw:
        if not isinstance(q, Mapping):
            raise _fail("each question must be an object")
        texts = {k: q.get(k) for k in ("id", "code", "question_en", "question_km", "reason_en", "reason_km")}
        if not all(isinstance(v, str) and v.strip() for v in texts.values()):
            raise _fail("each question needs an id, a code, and its question and reason in English and Khmer")
        items = q.get("ilo_items")
        if not isinstance(items, list) or not items or not all(isinstance(i, str) and i in known for i in items):
            raise _fail("each question must map to ILO item ids")
        cp = q.get("controlling_person", False)
        if not isinstance(cp, bool):
            raise _fail("'controlling_person' must be true or false")
        if any(x.id == texts["id"] for x in out):
            raise _fail("duplicate question id")
        out.append(PrescreenQuestion(str(texts["id"]), str(texts["code"]), str(texts["question_en"]),
                                     str(texts["question_km"]), tuple(items), cp, str(texts["reason_en"]),
                                     str(texts["reason_km"])))
    return PrescreenContent(cid, ver, "project", tuple(out))


@cache
def prescreen_content() -> PrescreenContent:
    """The shipped pre-screen, checked and cached.

        >>> len(prescreen_content().questions), prescreen_content().designed_by
        (8, 'project')
    """
    data = _read("prescreen", max_bytes=_MAX_BYTES)
    return parse_prescreen(data)


@dataclass(frozen=True)
class PrescreenReason:
    """Why the person goes to the private room: the question answered yes and its reason in both languages."""

    question_id: str
    code: str
    reason_en: str
    reason_km: str


@dataclass(frozen=True)
class PrescreenResult:
    """The pre-screen's answers and what follows. ``routes_to_private_room`` is True on any yes; ``reasons`` say
    which; ``items_to_ask`` are the ILO items the yes answers stand for (ask them first in the private room);
    ``controlling_person_present`` is True when a yes says so."""

    answers: Mapping[str, str]
    routes_to_private_room: bool
    reasons: tuple[PrescreenReason, ...]
    items_to_ask: tuple[str, ...]
    controlling_person_present: bool
    complete: bool
    content_id: str
    content_version: str

    def to_dict(self) -> dict[str, Any]:
        """What the registration records (the reasons' wording follows from the content and is not stored)."""
        return {"content_id": self.content_id, "content_version": self.content_version,
                "answers": dict(self.answers), "routes_to_private_room": self.routes_to_private_room,
                "reasons": [r.question_id for r in self.reasons], "items_to_ask": list(self.items_to_ask),
                "controlling_person_present": self.controlling_person_present, "complete": self.complete}


def evaluate_prescreen(answers: Mapping[str, object]) -> PrescreenResult:
    """Read the pre-screen answers (question id → "yes", "no" or "not_asked"; True/False accepted for yes/no;
    a question left out was not asked) and decide whether the person goes to the private room.

        >>> evaluate_prescreen({"PS-8": True}).controlling_person_present
        True

    Raises ValidationError for answers that are not a mapping, an unknown question id or an unknown answer.
    """
    if not isinstance(answers, Mapping):
        raise ValidationError("prescreen", "must map each question to yes, no or not asked")
    c = prescreen_content()
    ids = {q.id for q in c.questions}
    norm: dict[str, str] = {}
    for k, v in answers.items():
        if k not in ids:
            raise ValidationError("prescreen", "unknown pre-screen question")
        if v is True:
            v = "yes"
        elif v is False:
            v = "no"
        elif v is None:
            v = "not_asked"
        if v not in ANSWERS:
            raise ValidationError("prescreen", "each answer must be yes, no or not asked")
        norm[str(k)] = str(v)
    full = {q.id: norm.get(q.id, "not_asked") for q in c.questions}
    yes = [q for q in c.questions if full[q.id] == "yes"]
    items: list[str] = []
    for q in yes:
        items += [i for i in q.ilo_items if i not in items]
    return PrescreenResult(
        answers=full, routes_to_private_room=bool(yes),
        reasons=tuple(PrescreenReason(q.id, q.code, q.reason_en, q.reason_km) for q in yes),
        items_to_ask=tuple(items), controlling_person_present=any(q.controlling_person for q in yes),
        complete=all(v != "not_asked" for v in full.values()), content_id=c.content_id, content_version=c.version)
