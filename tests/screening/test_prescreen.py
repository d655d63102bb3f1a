"""The red-flag pre-screen (issue 12, point 1): at most eight questions, Khmer and English, mapped to ILO items,
designed by the project; any yes routes the person to the private room with the reason."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from checkpoint.errors import ValidationError
from checkpoint.screening import evaluate_prescreen, indicator_set
from checkpoint.screening.prescreen import parse_prescreen, prescreen_content

ALL_NO = {q.id: "no" for q in prescreen_content().questions}


def _raw() -> dict:
    return json.loads(resources.files("checkpoint.screening").joinpath("content", "prescreen.json").read_text())


def test_the_content_is_at_most_eight_bilingual_questions_designed_by_the_project() -> None:
    c = prescreen_content()
    assert 1 <= len(c.questions) <= 8 and c.designed_by == "project"
    assert "not by the ILO" in _raw()["note"]
    adult = indicator_set("ilo-labour-adult").by_id
    for q in c.questions:
        assert q.question_en and q.question_km and q.reason_en and q.reason_km
        assert q.question_km != q.question_en and any("\u1780" <= ch <= "\u17ff" for ch in q.question_km)
        assert all(i in adult for i in q.ilo_items)
    # the eight red flags the issue names
    assert [q.code for q in c.questions] == ["DOCUMENTS_TAKEN", "NOT_FREE_TO_LEAVE", "VIOLENCE_OR_THREATS",
                                             "DEBT_TO_RECRUITER", "DECEIVED_ABOUT_JOB", "FORCED_CRIME",
                                             "SEXUAL_EXPLOITATION", "CONTROLLED_HERE"]


@pytest.mark.parametrize("qid", sorted(ALL_NO))
def test_any_yes_routes_to_the_private_room_with_its_reason(qid: str) -> None:
    r = evaluate_prescreen({**ALL_NO, qid: "yes"})
    assert r.routes_to_private_room and [x.question_id for x in r.reasons] == [qid]
    assert r.reasons[0].reason_en and r.reasons[0].reason_km
    assert set(r.items_to_ask) == set(prescreen_content().question(qid).ilo_items)
    assert r.complete


def test_all_no_stays_in_the_ordinary_queue_and_not_asked_is_not_yes() -> None:
    r = evaluate_prescreen(ALL_NO)
    assert not r.routes_to_private_room and r.reasons == () and r.complete
    partial = evaluate_prescreen({"PS-1": "no"})
    assert not partial.routes_to_private_room and not partial.complete
    assert partial.answers["PS-2"] == "not_asked"


def test_a_controlling_person_here_is_said_by_its_question() -> None:
    assert evaluate_prescreen({**ALL_NO, "PS-8": "yes"}).controlling_person_present
    assert not evaluate_prescreen({**ALL_NO, "PS-3": "yes"}).controlling_person_present


@pytest.mark.parametrize("answers", [{"PS-99": "yes"}, {"PS-1": "maybe"}, ["PS-1"], {"PS-1": 1}])
def test_bad_answers_are_refused(answers: object) -> None:
    with pytest.raises(ValidationError):
        evaluate_prescreen(answers)  # type: ignore[arg-type]


@pytest.mark.parametrize("mutate", [
    lambda d: d.update(designed_by="ILO"),
    lambda d: d["questions"].append(dict(d["questions"][0], id="PS-9")),          # nine questions
    lambda d: d["questions"][0].update(question_km=""),
    lambda d: d["questions"][0].update(ilo_items=["ILO-XX-1"]),
    lambda d: d["questions"][1].update(id="PS-1"),
])
def test_a_defective_content_file_is_refused(mutate: object) -> None:
    d = _raw()
    mutate(d)  # type: ignore[operator]
    with pytest.raises(ValidationError):
        parse_prescreen(d)
