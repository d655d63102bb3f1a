"""The registration flow and a repeat returnee's phone and destination (no widgets): chosen, her record's contact
fills what the officer left empty; what the form then holds goes to the service as ``person_updates``, which records
only what differs as a correction of her record. The same for a quick registration completed from the queue, and a
draft keeps what her record held."""

from __future__ import annotations

from typing import Any

import pytest

from checkpoint.errors import PermissionDenied, ValidationError
from checkpoint.model import roles
from checkpoint.model.roles import Permission, Role
from checkpoint.workflows.registration import RegistrationFlow, Step
from tests.support.helpers import adult, registration

CONTACT = {"phone": "011111111", "home_province": "01", "home_district": "Mongkol Borei"}


def first_visit(session: Any) -> Any:
    return session.registrations.register(**registration(person=adult(
        family_name="NGET", given_names="SAMBATH", id_document_number="NS4444444", **CONTACT)))


def amended(session: Any, pid: str) -> list[list[str]]:
    return [h["fields"] for h in session.records.history(pid) if h["what"] == "person.amended"]


def test_the_typed_contact_is_kept_and_only_a_change_is_recorded(sign_in, clock) -> None:
    sokha = sign_in("sokha")
    first = first_visit(sokha)
    flow = RegistrationFlow(now=clock.now())
    flow.person.update(family_name="NGET", given_names="SAMBATH", phone="012999888")   # typed before she was offered
    flow.use_existing(first.person_id, "1990-05-17", CONTACT)
    assert flow.person["phone"] == "012999888"                        # what the officer typed stays
    assert flow.person["home_district"] == "Mongkol Borei"            # the empty ones show her record
    assert flow.contact_changed()
    flow.person["phone"] = "12"
    assert flow.errors(Step.IDENTITY) == {"phone": "must be 6 to 15 digits, optionally starting with +"}
    flow.person["phone"] = "012999888"
    assert flow.errors(Step.IDENTITY) == {}
    flow.consents.update({"storage": True, "screening": True})
    method, kw = flow.save_kwargs()
    assert method == "register" and kw["person_updates"] == {**CONTACT, "phone": "012999888"}
    sokha.registrations.register(**kw)
    assert amended(sokha, first.person_id) == [["phone"]]             # the province and district were the same
    flow.use_existing(None)                                           # (back to a new person: her record's go)
    assert "home_district" not in flow.person and flow.person["phone"] == "012999888"


def test_a_completed_quick_registration_records_the_change_and_a_draft_keeps_the_record(sign_in, clock) -> None:
    sokha = sign_in("sokha")
    first = first_visit(sokha)
    quick = sokha.arrivals.quick_register(person_id=first.person_id)
    flow = RegistrationFlow.from_arrival(sokha.registrations.arrival(quick.encounter_id), now=clock.now())
    assert {k: flow.person[k] for k in CONTACT} == CONTACT and not flow.contact_changed()
    flow.person["home_district"] = "Serei Saophoan"
    again, _step = RegistrationFlow.from_draft(flow.to_draft(Step.IDENTITY), now=clock.now(), draft_id="d")
    assert again.existing_contact == CONTACT and again.contact_changed()
    flow.consents.update({"storage": True, "screening": True})
    method, kw = flow.save_kwargs()
    assert method == "complete"
    sokha.registrations.complete(**kw)
    assert amended(sokha, first.person_id) == [["home_district"]]
    assert sokha.records.get(first.person_id)["person"]["home_district"] == "Serei Saophoan"


def test_the_service_refuses_a_change_it_may_not_record_and_writes_nothing(sign_in, monkeypatch) -> None:
    sokha = sign_in("sokha")
    first = first_visit(sokha)
    count = sokha.store.db.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(ValidationError):
        sokha.registrations.register(**{**registration(), "person_updates": {"phone": "012999888"}})   # a new person
    with pytest.raises(ValidationError):
        sokha.registrations.register(**registration(person=None, person_id=first.person_id,
                                                    person_updates={"family_name": "OTHER"}))
    monkeypatch.setitem(roles.PERMISSIONS, Role.OFFICER, roles.PERMISSIONS[Role.OFFICER] - {Permission.AMEND_OWN})
    with pytest.raises(PermissionDenied):
        sokha.registrations.register(**registration(person=None, person_id=first.person_id,
                                                    person_updates={"phone": "012999888"}))
    with pytest.raises(PermissionDenied):      # the quick form goes through the same function
        sokha.arrivals.quick_register(person_id=first.person_id, person_updates={"phone": "012999888"})
    assert sokha.store.db.execute("SELECT count(*) FROM events").fetchone()[0] == count
    sokha.registrations.register(**registration(person=None, person_id=first.person_id,
                                                person_updates=dict(CONTACT)))   # the same: no correction needed
    assert amended(sokha, first.person_id) == []
