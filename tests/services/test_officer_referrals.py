"""Officer-initiated referrals (issue 12, point 4): agency from the directory, urgency including immediate danger,
her reason; a controlling person present raises the suggested urgency; who may refer."""

from __future__ import annotations

import pytest

from checkpoint.errors import ConflictError, PermissionDenied, ValidationError
from checkpoint.services.referrals import OFFICER_REASON_CODE
from tests.support.helpers import adult, registration


def _reg(sess, doc="N1234567", dob="1990-05-17", **over):
    return sess.registrations.register(**registration(person=adult(id_document_number=doc, date_of_birth=dob),
                                                      **over))


def test_an_officer_refers_in_immediate_danger_with_her_reason(sign_in) -> None:
    sokha = sign_in("sokha")
    r = _reg(sokha)
    ch = sokha.referrals.refer(r.encounter_id, agency_code="ANTI_HUMAN_TRAFFICKING_JUVENILE_PROTECTION_POLICE",
                               urgency="IMMEDIATE_DANGER", reason="The man waiting outside says he owns her debt.")
    [row] = [x for x in sokha.records.get(r.person_id)["encounters"][0]["referrals"] if x["id"] == ch.ids["referral"]]
    assert (row["kind"], row["urgency"], row["reason_code"]) == ("protection", "IMMEDIATE_DANGER", OFFICER_REASON_CODE)
    assert row["notes"].startswith("The man waiting outside")


def test_a_controlling_person_raises_the_suggested_urgency(supervisor) -> None:
    calm = _reg(supervisor, doc="N0000001")
    watched = _reg(supervisor, doc="N0000002",
                   encounter={"return_type": "DEPORTED_G2G", "controlling_person_present": True})
    flagged = _reg(supervisor, doc="N0000003", prescreen={"PS-8": "yes"})
    assert supervisor.referrals.suggest_urgency(calm.encounter_id) == "ROUTINE"
    assert supervisor.referrals.suggest_urgency(watched.encounter_id) == "SAME_DAY"
    assert supervisor.referrals.suggest_urgency(watched.encounter_id, "SAME_DAY") == "IMMEDIATE_DANGER"
    assert supervisor.referrals.suggest_urgency(flagged.encounter_id) == "SAME_DAY"


def test_a_child_is_referred_to_child_protection(supervisor) -> None:
    r = _reg(supervisor, dob="2012-01-01", consents={"storage": True, "screening": True})
    ch = supervisor.referrals.refer(r.encounter_id, agency_code="MoSVY_PROVINCIAL_DOSVY", urgency="SAME_DAY",
                                    reason="Travelling with an unrelated adult.")
    assert supervisor.referrals.get(ch.ids["referral"]).kind == "child_protection"


def test_an_adult_without_consent_to_referral_is_not_referred_except_in_immediate_danger(supervisor) -> None:
    r = _reg(supervisor, consents={"storage": True, "screening": True})
    with pytest.raises(ConflictError):
        supervisor.referrals.refer(r.encounter_id, agency_code="IOM", urgency="SAME_DAY", reason="asked for help")
    supervisor.referrals.refer(r.encounter_id, agency_code="IOM", urgency="IMMEDIATE_DANGER", reason="in danger")


@pytest.mark.parametrize("kw, field", [
    ({"agency_code": "NOT_AN_AGENCY", "urgency": "SAME_DAY", "reason": "x"}, "agency_code"),
    ({"agency_code": "IOM", "urgency": "SOON", "reason": "x"}, "urgency"),
    ({"agency_code": "IOM", "urgency": "SAME_DAY", "reason": "  "}, "reason"),
])
def test_bad_referrals_are_refused_by_name(supervisor, kw, field) -> None:
    r = _reg(supervisor)
    with pytest.raises(ValidationError) as e:
        supervisor.referrals.refer(r.encounter_id, **kw)
    assert e.value.field == field


def test_only_the_registering_officer_or_a_supervisor_refers(supervisor, sign_in) -> None:
    r = _reg(supervisor)
    for name in ("vanna", "thida"):
        with pytest.raises(PermissionDenied):
            sign_in(name).referrals.refer(r.encounter_id, agency_code="IOM", urgency="SAME_DAY", reason="x")
        with pytest.raises(PermissionDenied):
            sign_in(name).referrals.suggest_urgency(r.encounter_id)


def test_a_yes_to_the_controlling_person_question_counts_in_the_safety_rule(supervisor) -> None:
    """The red-flag question "someone controlling you here" answered yes is a controlling person present, as if
    the officer had ticked it on the journey page: the saved safety rule suggests its same-day referral, and the
    arrival records it (issue 12 point 2)."""
    said = _reg(supervisor, doc="N0000004", prescreen={"PS-8": "yes"}, trafficking={"ticked": []})
    quiet = _reg(supervisor, doc="N0000005", prescreen={"PS-8": "no"}, trafficking={"ticked": []})
    rec = supervisor.records.get(said.person_id)["encounters"][-1]
    assert rec["controlling_person_present"]
    safety = rec["trafficking"][0]["safety"]
    assert safety["triggered"] and [r["code"] for r in safety["reasons"]] == ["CONTROLLING_PERSON"]
    other = supervisor.records.get(quiet.person_id)["encounters"][-1]
    assert not other["controlling_person_present"] and not other["trafficking"][0]["safety"]["triggered"]
