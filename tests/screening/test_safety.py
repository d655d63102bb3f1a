"""The project's safety rule beside the ILO rule: strong coercion or a controlling person → a same-day protection
referral, while ``evaluate_trafficking`` still returns the ILO outcome (issue 12, point 2)."""

from __future__ import annotations

import copy
import json
from importlib import resources

import pytest

from checkpoint.errors import ValidationError
from checkpoint.screening import evaluate_safety, evaluate_trafficking, suggest_referrals
from checkpoint.screening.safety import (
    MSG_SAFETY_LABEL,
    parse_safety_content,
    raise_urgency,
    reason_message,
    safety_content,
)

# The three examples of the issue, run against main: the ILO rule says NOT_INDICATED for all three.
BEATEN_LOCKED_PASSPORT = {"ILO-CD-4", "ILO-CD-3", "ILO-CD-1"}
BEATEN_CONFINED_THREATENED = {"ILO-CD-4", "ILO-CD-3", "ILO-CD-11"}
SCAM_COMPOUND = {"ILO-CD-5", "ILO-CD-3", "ILO-CD-4", "ILO-EX-1", "ILO-EX-4", "ILO-DR-1"}


@pytest.mark.parametrize("ticks, codes", [
    (BEATEN_LOCKED_PASSPORT, ["VIOLENCE", "CONFINEMENT", "DOCUMENTS_TAKEN"]),
    (BEATEN_CONFINED_THREATENED, ["VIOLENCE", "CONFINEMENT", "THREATS"]),
    (SCAM_COMPOUND, ["VIOLENCE", "CONFINEMENT", "FORCED_CRIMINALITY"]),
])
def test_the_three_coerced_cases_get_a_same_day_referral_and_keep_the_ilo_outcome(ticks: set[str],
                                                                                   codes: list[str]) -> None:
    ilo = evaluate_trafficking(ticks, age=30)
    assert ilo.outcome == "NOT_INDICATED"                       # the ILO rule, exactly as it was
    assert not any(r.urgency == "SAME_DAY" for r in suggest_referrals(ilo, age=30))
    safety = evaluate_safety(ticks, age=30)
    assert safety.triggered and safety.urgency == "SAME_DAY"
    assert [r.code for r in safety.reasons] == codes
    assert [(r.kind, r.urgency, r.reason_code) for r in safety.referrals] == [("protection", "SAME_DAY",
                                                                               "SAFETY_RULE")]
    assert safety.label == MSG_SAFETY_LABEL == "Safety rule (not the ILO rule)"
    assert all(r.message for r in safety.reasons)


def test_a_controlling_person_alone_suggests_same_day_and_with_coercion_immediate_danger() -> None:
    alone = evaluate_safety(set(), age=40, controlling_person_present=True)
    assert alone.urgency == "SAME_DAY" and [r.code for r in alone.reasons] == ["CONTROLLING_PERSON"]
    both = evaluate_safety({"ILO-CR-3"}, age=40, controlling_person_present=True)
    assert both.urgency == "IMMEDIATE_DANGER"
    assert [r.code for r in both.reasons] == ["DOCUMENTS_TAKEN", "CONTROLLING_PERSON", "IMMEDIATE_DANGER"]
    assert {r.urgency for r in both.referrals} == {"IMMEDIATE_DANGER"}


def test_medium_and_weak_items_alone_do_not_fire_and_the_message_never_says_nothing_found() -> None:
    r = evaluate_safety({"ILO-DR-2", "ILO-EX-2", "ILO-VR-6"}, age=30)
    assert not r.triggered and r.urgency is None and r.referrals == ()
    assert "nothing found" not in r.message.lower() and "safety rule" in r.message.lower()


def test_a_child_gets_a_child_protection_referral_from_the_rule() -> None:
    r = evaluate_safety({"ILO-CD-2"}, age=15)
    assert [(x.kind, x.urgency) for x in r.referrals] == [("child_protection", "SAME_DAY")]
    assert [x.code for x in r.reasons] == ["DEBT_BONDAGE"]


@pytest.mark.parametrize("ticks, age, cpp, field", [
    ({"ILO-XX-1"}, 30, False, "ticked"),
    ({"ILO-VR-7"}, 12, False, "ticked"),           # not in the child set
    ("ILO-CD-4", 30, False, "ticked"),              # a string is not a set of ids
    ({"ILO-CD-4"}, -1, False, "age"),
    ({"ILO-CD-4"}, 30, "yes", "controlling_person_present"),
])
def test_bad_input_is_refused_by_name(ticks: object, age: int, cpp: object, field: str) -> None:
    with pytest.raises(ValidationError) as e:
        evaluate_safety(ticks, age=age, controlling_person_present=cpp)  # type: ignore[arg-type]
    assert e.value.field == field


def test_the_rule_is_content_marked_as_designed_by_the_project() -> None:
    c = safety_content()
    assert c.designed_by == "project"
    raw = json.loads(resources.files("checkpoint.screening").joinpath("content", "safety-rule.json").read_text())
    assert "not by the ILO" in raw["note"]
    # the six kinds of strong coercion of the issue, each with its translatable message
    assert [code for code, _ in c.categories] == ["VIOLENCE", "CONFINEMENT", "THREATS", "DOCUMENTS_TAKEN",
                                                  "DEBT_BONDAGE", "FORCED_CRIMINALITY"]
    assert all(reason_message(code) for code, _ in c.categories)
    # the content decides: moving an item out of a category changes what fires
    changed = copy.deepcopy(raw)
    changed["categories"] = [x for x in changed["categories"] if x["code"] != "FORCED_CRIMINALITY"]
    assert parse_safety_content(changed).category_of("ILO-CD-5") is None


@pytest.mark.parametrize("mutate", [
    lambda d: d.update(designed_by="ILO"),
    lambda d: d.update(format_version=2),
    lambda d: d["categories"].append({"code": "VIOLENCE", "items": ["ILO-CD-6"]}),
    lambda d: d["categories"][0]["items"].append("ILO-ZZ-1"),
    lambda d: d["categories"][1]["items"].append("ILO-CD-4"),       # one item in two categories
    lambda d: d.update(urgency="TOMORROW"),
    lambda d: d["agencies"].update(protection=["NO_SUCH_AGENCY"]),
])
def test_a_defective_content_file_is_refused(mutate: object) -> None:
    raw = json.loads(resources.files("checkpoint.screening").joinpath("content", "safety-rule.json").read_text())
    mutate(raw)  # type: ignore[operator]
    with pytest.raises(ValidationError):
        parse_safety_content(raw)


def test_raise_urgency_moves_one_step() -> None:
    assert [raise_urgency(u) for u in ("ROUTINE", "SAME_DAY", "IMMEDIATE_DANGER")] == \
        ["SAME_DAY", "IMMEDIATE_DANGER", "IMMEDIATE_DANGER"]
    with pytest.raises(ValidationError):
        raise_urgency("SOON")
