"""Issue 14: the registration flow knows the chosen person's open TB referral. A repeat returnee picked from the
duplicate check, or a quick registration completed from the queue, with a TB referral still open gets no TB referral
suggested (the service would refuse it) and the registration saves; once that referral ended, the suggestion is back."""

from __future__ import annotations

from typing import Any

from checkpoint.workflows.registration import RegistrationFlow, Step
from tests.support.helpers import adult, registration

CONSENTS = {"storage": True, "screening": True, "referral": True}


def first_visit(session: Any, family: str) -> Any:
    """The person's first arrival: a cough for three weeks and the TB referral the wizard suggested then."""
    return session.registrations.register(**registration(
        person=adult(family_name=family, id_document_number=f"OT{family[:6]}"), tb={"cough": True, "cough_days": 21},
        referrals=[{"kind": "health", "agency_code": "KH01-POIPET-RH", "reason_code": "PRESUMPTIVE_TB",
                    "urgency": "SAME_DAY"}]))


def coughing(flow: RegistrationFlow) -> RegistrationFlow:
    flow.consents.update(CONSENTS)
    flow.tb.update({"TB-S1": True, "TB-S1d": 30})
    return flow


def kinds(flow: RegistrationFlow) -> list[str]:
    return sorted(r["kind"] for r in flow.suggested_referrals())


def health_referrals(session: Any, person_id: str) -> list[dict[str, Any]]:
    return [r for r in session.health.person(person_id).referrals]


def test_a_repeat_returnee_with_an_open_tb_referral_gets_none_suggested_and_saves(sign_in, clock) -> None:
    sokha = sign_in("sokha")
    first = first_visit(sokha, "AGAIN")
    flow = coughing(RegistrationFlow(now=clock.now(), existing_person_id=first.person_id,
                                     existing_person_dob="1990-05-17"))
    assert kinds(flow) == ["health"]            # not known yet: the rule's suggestion
    open_row = sokha.health.open_referral(first.person_id)
    assert open_row is not None and open_row["id"] == first.referral_ids[0]
    assert flow.set_open_tb_referral(open_row, first.person_id) is True
    assert flow.open_tb_referral == {"id": first.referral_ids[0], "agency_code": "KH01-POIPET-RH",
                                     "status": "referred", "created_at": open_row["created_at"]}
    assert kinds(flow) == []                    # nothing the service would refuse
    flow.referrals = [{"kind": "health", "agency_code": "KH01-POIPET-RH", "reason_code": "PRESUMPTIVE_TB",
                       "urgency": "SAME_DAY"}]      # a choice kept from before it was known is not sent either
    saved = sokha.registrations.register(**flow.register_kwargs())
    assert saved.tb.outcome == "PRESUMPTIVE_TB_REFER" and saved.referral_ids == ()
    assert [r["id"] for r in health_referrals(sokha, first.person_id)] == [first.referral_ids[0]]
    # a draft keeps it
    again, step = RegistrationFlow.from_draft(flow.to_draft(Step.REVIEW), now=clock.now(), draft_id="d")
    assert again.open_tb_referral == flow.open_tb_referral and kinds(again) == [] and step is Step.REVIEW


def test_a_quick_registration_completed_from_the_queue_gets_none_suggested(sign_in, clock) -> None:
    sokha = sign_in("sokha")
    first = first_visit(sokha, "QUEUED")
    q = sokha.arrivals.quick_register(person_id=first.person_id)
    flow = coughing(RegistrationFlow.from_arrival(sokha.registrations.arrival(q.encounter_id), now=clock.now()))
    flow.set_open_tb_referral(sokha.health.open_referral(flow.existing_person_id or ""), first.person_id)
    assert kinds(flow) == []
    method, kw = flow.save_kwargs()
    assert method == "complete"
    done = sokha.registrations.complete(**kw)
    assert done.referral_ids == () and len(health_referrals(sokha, first.person_id)) == 1


def test_once_the_referral_ended_the_tb_referral_is_suggested_again(sign_in, clock) -> None:
    sokha, thida = sign_in("sokha"), sign_in("thida")
    first = first_visit(sokha, "ENDED")
    thida.health.record(first.referral_ids[0], {"status": "lost_to_follow_up"})
    flow = coughing(RegistrationFlow(now=clock.now(), existing_person_id=first.person_id,
                                     existing_person_dob="1990-05-17"))
    flow.set_open_tb_referral(sokha.health.open_referral(first.person_id), first.person_id)
    assert flow.open_tb_referral is None and kinds(flow) == ["health"]
    flow.referrals = flow.suggested_referrals()
    saved = sokha.registrations.register(**flow.register_kwargs())
    assert len(saved.referral_ids) == 1 and len(health_referrals(sokha, first.person_id)) == 2


def test_an_answer_for_another_person_is_not_kept_and_a_new_person_has_none(sign_in, clock) -> None:
    sokha = sign_in("sokha")
    first = first_visit(sokha, "SWITCH")
    row = sokha.health.open_referral(first.person_id)
    flow = coughing(RegistrationFlow(now=clock.now(), existing_person_id=first.person_id,
                                     existing_person_dob="1990-05-17"))
    flow.existing_person_id = None                  # the officer chose "new person" while the answer was on its way
    flow.person.update(adult(family_name="OTHER"))
    assert flow.set_open_tb_referral(row, first.person_id) is False
    assert flow.open_tb_referral is None and kinds(flow) == ["health"]
