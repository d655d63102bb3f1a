"""The registration flow (no Qt) with the issue-12 screening: yes / no / not asked, and the safety rule's
referral suggested beside the ILO rule's."""

from __future__ import annotations

from datetime import UTC, datetime

from checkpoint.workflows.registration import RegistrationFlow, Step

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)


def _flow(dob: str = "1990-05-17", **consents: bool) -> RegistrationFlow:
    f = RegistrationFlow(now=NOW)
    f.person.update(family_name="SOK", given_names="DARA", sex="F", date_of_birth=dob)
    f.consents.update({"screening": True, "storage": True, "referral": True, **consents})
    return f


def test_three_answers_reach_the_registration() -> None:
    f = _flow()
    f.set_answer("ILO-CD-4", "yes")
    f.set_answer("ILO-CD-1", "no")
    f.set_answer("ILO-CD-1", "not_asked")
    f.set_answer("ILO-DR-1", "no")
    assert (f.answer("ILO-CD-4"), f.answer("ILO-CD-1"), f.answer("ILO-DR-1")) == ("yes", "not_asked", "no")
    kw = f.register_kwargs()
    assert kw["trafficking"] == {"ticked": ["ILO-CD-4"], "answered_no": ["ILO-DR-1"]}
    again, step = RegistrationFlow.from_draft(f.to_draft(Step.TRAFFICKING), now=NOW, draft_id="d")
    assert (again.ticked, again.answered_no, step) == ({"ILO-CD-4"}, {"ILO-DR-1"}, Step.TRAFFICKING)


def test_the_safety_rule_adds_a_same_day_protection_referral_the_ilo_rule_does_not() -> None:
    f = _flow()
    for i in ("ILO-CD-4", "ILO-CD-3", "ILO-CD-1"):
        f.set_answer(i, "yes")
    assert f.trafficking_result().outcome == "NOT_INDICATED"
    sug = f.suggested_referrals()
    assert [(r["kind"], r["urgency"], r["reason_code"]) for r in sug] == [("protection", "SAME_DAY", "SAFETY_RULE")]
    assert sug[0]["safety_rule"] is True


def test_a_child_s_routine_suggestion_is_raised_not_doubled() -> None:
    f = _flow(dob="2012-01-01")
    f.set_answer("ILO-CD-2", "yes")
    sug = [r for r in f.suggested_referrals() if r["kind"] == "child_protection"]
    assert len(sug) == 1 and sug[0]["urgency"] == "SAME_DAY"


def test_a_controlling_person_suggests_a_referral_even_with_nothing_ticked() -> None:
    f = _flow()
    f.encounter["controlling_person_present"] = True
    assert [(r["kind"], r["urgency"]) for r in f.suggested_referrals()] == [("protection", "SAME_DAY")]
    f.set_answer("ILO-CR-3", "yes")
    assert [r["urgency"] for r in f.suggested_referrals()] == ["IMMEDIATE_DANGER"]


def test_a_yes_to_the_red_flag_controlling_question_is_a_controlling_person() -> None:
    """The pre-screen's "someone controlling you here" answered yes counts in the safety rule the review page
    shows, as the journey page's tick does (and only with consent to the interview, which the pre-screen needs)."""
    f = _flow()
    f.prescreen = {"PS-8": "yes"}
    assert f.safety_result().triggered and [r["urgency"] for r in f.suggested_referrals()] == ["SAME_DAY"]
    f.prescreen = {"PS-8": "no"}
    assert not f.safety_result().triggered and f.suggested_referrals() == []
