"""The one flow (issues 11, 12, 14): a quick registration completed from the queue on the SAME arrival, the pre-screen
sending to the private room, the household's child rule and guardian in the full registration, and read traces."""

from __future__ import annotations

import json

import pytest

from checkpoint.errors import ConflictError, ValidationError
from checkpoint.model.roles import may_author

ADULT = {"family_name": "SOK", "given_names": "DARA", "sex": "M", "age_years": 30}
HH = "22222222-2222-4222-8222-222222222222"
CONSENTS = {"storage": True, "screening": True, "referral": True, "sharing": False}


def _count(s, sql: str, *args) -> int:
    return s.store.db.execute(sql, list(args)).fetchone()[0]


def test_completing_a_quick_registration_keeps_one_arrival_and_closes_the_queue_entry(sign_in) -> None:
    officer = sign_in("sokha")
    q = officer.arrivals.quick_register(ADULT)
    called = officer.arrivals.call_next("INTERVIEW_ROOM")
    assert called.person_id == q.person_id
    done = officer.registrations.complete(
        q.encounter_id,
        encounter={"country_of_work": "THA", "work_type": "FISHING_BOAT", "return_type": "DEPORTED_G2G"},
        consents=CONSENTS, trafficking={"ticked": [], "answered_no": ["ILO-CD-1"]}, tb={"cough": False},
        queue_entry_id=called.entry_id)
    assert (done.person_id, done.encounter_id) == (q.person_id, q.encounter_id)
    assert _count(officer, "SELECT count(*) FROM encounters WHERE person_id = ?", q.person_id) == 1
    assert _count(officer, "SELECT count(*) FROM trafficking_screenings WHERE encounter_id = ?", q.encounter_id) == 1
    assert _count(officer, "SELECT count(*) FROM tb_screenings WHERE encounter_id = ?", q.encounter_id) == 1
    row = officer.store.db.execute("SELECT work_type, return_type FROM encounters WHERE id = ?",
                                   [q.encounter_id]).fetchone()
    assert row == ("FISHING_BOAT", "DEPORTED_G2G")
    assert officer.store.db.execute("SELECT status FROM queue_entries WHERE id = ?",
                                    [called.entry_id]).fetchone()[0] == "done"
    assert [i.person_id for i in officer.arrivals.queue("INTERVIEW_ROOM")] == []
    with pytest.raises(ConflictError):                  # completed once, not twice
        officer.registrations.complete(q.encounter_id, consents=CONSENTS)


def test_the_new_event_type_is_registered_everywhere() -> None:
    from checkpoint.events import EVENT_ENTITY, EVENT_TYPES, SHARING_TYPES, event_refs
    assert "registration.completed" in EVENT_TYPES and EVENT_ENTITY["registration.completed"] == "person"
    assert "registration.completed" in SHARING_TYPES
    assert may_author("officer", "registration.completed") and not may_author("health_worker",
                                                                               "registration.completed")
    r = event_refs("registration.completed", "p1", {"encounter_id": "e1", "tb": {"id": "t1"},
                                                    "referrals": [{"id": "r1"}]})
    assert ("encounter", "e1") in r.names and ("tb_screening", "t1") in r.creates and ("referral", "r1") in r.creates
    with pytest.raises(ValueError):
        event_refs("registration.completed", "p1", {"tb": {"id": "t1"}})


def test_completion_refuses_bad_input_and_writes_nothing(sign_in) -> None:
    officer = sign_in("sokha")
    q = officer.arrivals.quick_register(ADULT)
    before = _count(officer, "SELECT count(*) FROM events")
    with pytest.raises(ValidationError):                # storage consent is required
        officer.registrations.complete(q.encounter_id, consents={"storage": False})
    with pytest.raises(ValidationError):                # TB answers without TB consent
        officer.registrations.complete(q.encounter_id, consents={"storage": True}, tb={"cough": True})
    with pytest.raises(ValidationError):
        officer.registrations.complete(q.encounter_id, consents=CONSENTS, person_id="someone-else")
    assert _count(officer, "SELECT count(*) FROM events") == before


def test_a_red_flag_in_the_wizard_queues_the_person_for_the_private_room_with_the_reason(sign_in) -> None:
    from tests.support.helpers import adult, registration
    officer = sign_in("sokha")
    reg = officer.registrations.register(**registration(person=adult(), prescreen={"PS-1": "yes", "PS-2": "no"}))
    assert len(reg.queued) == 1
    item = next(i for i in officer.arrivals.queue("INTERVIEW_ROOM") if i.person_id == reg.person_id)
    assert item.reasons == ("PS-1",) and item.encounter_id == reg.encounter_id
    plain = officer.registrations.register(**registration(person=adult(family_name="CHAN",
                                                                       id_document_number="N7654321"),
                                                          prescreen={"PS-1": "no"}))
    assert plain.queued == ()
    assert all(i.person_id != plain.person_id for i in officer.arrivals.queue("INTERVIEW_ROOM"))


def test_a_red_flag_at_completion_queues_once_and_a_controlling_person_raises_the_priority(sign_in,
                                                                                           supervisor) -> None:
    officer = sign_in("sokha")
    q = officer.arrivals.quick_register(ADULT, stations=["HEALTH_POST"])
    nurse = sign_in("thida")
    entry = nurse.arrivals.call_next("HEALTH_POST")
    # the officer completes at her desk (no queue entry of hers): a yes about a controlling person -> private room
    done = officer.registrations.complete(q.encounter_id, consents=CONSENTS, prescreen={"PS-8": "yes"},
                                          trafficking={"ticked": []})
    assert len(done.queued) == 1
    item = next(i for i in officer.arrivals.queue("INTERVIEW_ROOM") if i.person_id == q.person_id)
    assert item.priority == 70 and item.reasons == ("PS-8",)
    # the health worker sees the person at the health post without the reason or protection flags
    hw = [i for i in nurse.arrivals.queue("HEALTH_POST") if i.person_id == q.person_id]
    assert hw and hw[0].reasons == () and hw[0].entry_id == entry.entry_id
    # already queued there: a second arrival of the same person with a yes adds no second entry
    again = officer.registrations.register(person_id=q.person_id, encounter={}, consents=CONSENTS,
                                           trafficking={"ticked": []}, prescreen={"PS-1": "yes"})
    assert again.queued == ()
    assert _count(officer, "SELECT count(*) FROM queue_entries WHERE person_id = ? AND station = 'INTERVIEW_ROOM' "
                  "AND status IN ('waiting', 'called')", q.person_id) == 1


def test_a_child_accompanied_at_quick_registration_gets_no_automatic_referral_at_completion(sign_in) -> None:
    officer = sign_in("sokha")
    mother = officer.arrivals.quick_register({"family_name": "KEO", "given_names": "BOPHA", "sex": "F",
                                              "age_years": 35}, household_role="HEAD", household_id=HH)
    child = officer.arrivals.quick_register({"family_name": "KEO", "given_names": "MONY", "sex": "M",
                                             "age_years": 9}, household_role="CHILD", household_id=HH)
    alone = officer.arrivals.quick_register({"family_name": "LIM", "given_names": "SREY", "sex": "F",
                                             "age_years": 14})
    info = officer.registrations.arrival(child.encounter_id)
    assert info["child_status"] == "ACCOMPANIED" and info["guardian"]["id"] == mother.person_id
    assert info["guardian"]["name"] == "KEO BOPHA"
    guardian = {"wording_version": "1", "given_by": "guardian", "guardian_name": "KEO BOPHA",
                "guardian_relationship": "mother"}
    recs = [{"purpose": p, "target": "", "granted": True, **guardian} for p in ("tb_screen", "trafficking_interview")]
    try:
        c = officer.registrations.complete(child.encounter_id, consents=CONSENTS, trafficking={"ticked": []},
                                           consent_records=recs)
    except ValidationError:
        from checkpoint.model.consent import wording
        recs = [{**r, "wording_version": wording().version} for r in recs]
        c = officer.registrations.complete(child.encounter_id, consents=CONSENTS, trafficking={"ticked": []},
                                           consent_records=recs)
    assert c.referral_ids == ()
    assert _count(officer, "SELECT count(*) FROM referrals WHERE person_id = ? AND kind = 'child_protection'",
                  child.person_id) == 0
    # the unaccompanied child's referral came with the quick registration and is not made twice
    officer.registrations.complete(alone.encounter_id, consents=CONSENTS, trafficking={"ticked": []})
    assert _count(officer, "SELECT count(*) FROM referrals WHERE person_id = ? AND kind = 'child_protection'",
                  alone.person_id) == 1


def _reads(session, kind: str) -> int:
    return sum(json.loads(ev["payload"])["persons"] for ev in session.store.events(where="type = 'records.read'")
               if json.loads(ev["payload"])["kind"] == kind)


def test_the_queue_the_household_the_health_record_and_consents_leave_a_read_trace(sign_in, clock) -> None:
    officer = sign_in("sokha")
    a = officer.arrivals.quick_register(ADULT, household_role="HEAD", household_id=HH)
    officer.arrivals.quick_register({**ADULT, "given_names": "VISAL"})
    assert _reads(officer, "queue") == 0
    assert len(officer.arrivals.queue("INTERVIEW_ROOM")) == 2      # a queue read: the trace names 2 persons
    assert _reads(officer, "queue") == 2
    assert officer.arrivals.household(HH)[0]["person_id"] == a.person_id
    nurse = sign_in("thida")
    nurse.health.person(a.person_id)
    nurse.lock()
    officer.registrations.complete(a.encounter_id, consents=CONSENTS, tb={"cough": False},
                                   consent_records=[{"purpose": "tb_screen", "target": "", "granted": True,
                                                     "given_by": "person", **_wording()}])
    assert officer.consents.of_person(a.person_id)
    officer.lock()                                  # flushes what the minute counted
    reader = sign_in("sokha")
    assert _reads(reader, "household") == 1
    assert _reads(reader, "health") == 1
    assert _reads(reader, "consents") == 1


def _wording() -> dict:
    from checkpoint.model.consent import wording
    return {"wording_version": wording().version}


def test_the_wizard_flow_continues_the_arrival_with_the_household_rule_and_the_guardian_consent(sign_in,
                                                                                               clock) -> None:
    from checkpoint.workflows.registration import RegistrationFlow, Step
    officer = sign_in("sokha")
    mother = officer.arrivals.quick_register({"family_name": "KEO", "given_names": "BOPHA", "sex": "F",
                                              "age_years": 35}, household_role="HEAD", household_id=HH)
    child = officer.arrivals.quick_register({"family_name": "KEO", "given_names": "MONY", "sex": "M",
                                             "age_years": 9}, household_role="CHILD", household_id=HH)
    called = officer.arrivals.call_next("INTERVIEW_ROOM")
    assert called.person_id == mother.person_id          # the first to wait is called first
    officer.arrivals.close(called.entry_id, "done")
    called = officer.arrivals.call_next("INTERVIEW_ROOM")
    assert called.person_id == child.person_id
    flow = RegistrationFlow.from_arrival(officer.registrations.arrival(called.encounter_id), now=clock.now(),
                                         queue_entry_id=called.entry_id)
    assert flow.accompanied() and flow.guardian == {"name": "KEO BOPHA", "relationship": "parent"}
    assert not any(r["kind"] == "child_protection" for r in flow.suggested_referrals())
    flow.consents.update(storage=True, referral=False)
    flow.purposes.update(tb_screen=True, trafficking_interview=False)
    assert flow.errors(Step.CONSENT) == {}
    assert [r["given_by"] for r in flow.consent_records()] == ["guardian", "guardian"]
    name, kw = flow.save_kwargs()
    assert name == "complete" and kw["encounter_id"] == child.encounter_id
    done = getattr(officer.registrations, name)(**kw)
    assert done.encounter_id == child.encounter_id and done.referral_ids == ()
    recs = officer.consents.of_person(child.person_id)
    assert {(r["purpose"], r["given_by"], r["guardian_name"]) for r in recs} == {
        ("tb_screen", "guardian", "KEO BOPHA"), ("trafficking_interview", "guardian", "KEO BOPHA")}
    assert officer.store.db.execute("SELECT status FROM queue_entries WHERE id = ?",
                                    [called.entry_id]).fetchone()[0] == "done"
    # a separated child (no parent in the household) keeps the automatic referral in the suggestions
    alone = RegistrationFlow.from_arrival({**officer.registrations.arrival(mother.encounter_id),
                                           "child_status": "SEPARATED", "date_of_birth": "2015-01-01",
                                           "guardian": None}, now=clock.now())
    assert not alone.accompanied() and alone.guardian == {}
    assert any(r["kind"] == "child_protection" for r in alone.suggested_referrals())


def test_a_red_flag_at_quick_registration_queues_for_the_private_room_even_in_a_surge(sign_in, supervisor) -> None:
    officer = sign_in("sokha")
    supervisor.arrivals.set_surge(True)
    consent = [{"purpose": "trafficking_interview", "target": "", "granted": True, "given_by": "person",
                **_wording()}]
    with pytest.raises(ValidationError):                  # the pre-screen needs the consent to the interview
        officer.arrivals.quick_register(ADULT, prescreen={"PS-8": "yes"})
    plain = officer.arrivals.quick_register({**ADULT, "given_names": "VISAL"}, prescreen={"PS-1": "no"},
                                            consent_records=consent)
    assert plain.queue_entry_ids == ()                    # surge, no flag, no red flag: no interview queued
    q = officer.arrivals.quick_register(ADULT, prescreen={"PS-8": "yes"}, consent_records=consent)
    assert len(q.queue_entry_ids) == 1 and q.priority == 70 and "CONTROLLING_PERSON_PRESENT" in q.flags
    [item] = [i for i in officer.arrivals.queue("INTERVIEW_ROOM") if i.person_id == q.person_id]
    assert item.reasons == ("PS-8",)
    # its full registration is still to come: the pre-screen's consent does not count as one
    assert officer.registrations.arrival(q.encounter_id)["encounter_id"] == q.encounter_id
