"""Registration: one transaction, one event, the person's screens and referrals, bad input changing nothing."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from checkpoint.errors import ConflictError, NotFound, ValidationError
from tests.support.helpers import POSITIVE_ADULT, adult, registration


def _counts(s) -> dict[str, int]:
    st = s.maintenance.stats()
    return {k: st[k] for k in ("persons", "encounters", "trafficking_screenings", "tb_screenings", "referrals",
                               "events")}


def test_negative_adult_is_saved_with_screens_and_no_referral(supervisor) -> None:
    before = _counts(supervisor)
    r = supervisor.registrations.register(**registration())
    after = _counts(supervisor)
    assert after["persons"] == before["persons"] + 1
    assert after["encounters"] == before["encounters"] + 1
    assert after["trafficking_screenings"] == before["trafficking_screenings"] + 1
    assert after["tb_screenings"] == before["tb_screenings"] + 1
    assert after["events"] == before["events"] + 1          # one user action, one event
    assert r.trafficking.outcome == "NOT_INDICATED"
    assert r.tb.outcome == "SCREEN_NEGATIVE"
    assert r.referral_ids == ()
    rec = supervisor.records.get(r.person_id)
    enc = rec["encounters"][0]
    assert rec["person"]["family_name"] == "SOK"
    assert rec["person"]["name_khmer"] == "សុខ ដារា"
    assert enc["age_at_arrival"] == 36
    assert enc["consents"] == {"screening": True, "storage": True, "referral": True, "sharing": True}
    assert enc["trafficking"][0]["content_id"] and enc["trafficking"][0]["content_version"]


def test_indicators_present_with_protection_referral(supervisor) -> None:
    r = supervisor.registrations.register(**registration(
        trafficking={"ticked": POSITIVE_ADULT},
        referrals=[{"kind": "protection", "agency_code": "MoSVY_PROVINCIAL_DOSVY", "reason_code": "ILO_INDICATORS",
                    "urgency": "SAME_DAY"}]))
    assert r.trafficking.outcome == "PRESUMED_VICTIM"
    assert {"DR", "EX", "CD"} <= set(r.trafficking.positive_dimensions)
    enc = supervisor.records.get(r.person_id)["encounters"][0]
    assert enc["trafficking"][0]["outcome"] == "PRESUMED_VICTIM"
    assert sorted(enc["trafficking"][0]["ticked"]) == sorted(POSITIVE_ADULT)
    # The explanation is regenerated from the stored answers; it never calls anyone a victim.
    explanation = " ".join(enc["trafficking"][0]["explanation"])
    assert "DR" in explanation and "victim" not in explanation.lower()
    assert enc["tb"][0]["explanation"]
    assert [x["kind"] for x in enc["referrals"]] == ["protection"]
    assert enc["referrals"][0]["status"] == "referred"


def test_a_child_always_gets_a_child_protection_referral(supervisor, clock) -> None:
    dob = (clock.now() - timedelta(days=15 * 365 + 30)).date().isoformat()
    r = supervisor.registrations.register(**registration(person=adult(date_of_birth=dob, id_document_number="",
                                                        id_document_type="NONE")))
    assert r.trafficking.ilo_set == "CHILD_LABOUR"
    enc = supervisor.records.get(r.person_id)["encounters"][0]
    assert [x["kind"] for x in enc["referrals"]] == ["child_protection"]


def test_presumptive_tb_is_recorded_with_a_health_referral(supervisor) -> None:
    r = supervisor.registrations.register(**registration(
        tb={"cough": True, "cough_days": 21, "fever": True},
        referrals=[{"kind": "health", "agency_code": _facility(), "reason_code": "PRESUMPTIVE_TB",
                    "urgency": "SAME_DAY"}]))
    assert r.tb.outcome == "PRESUMPTIVE_TB_REFER"
    refs = supervisor.referrals.list(kind="health")
    assert [x.id for x in refs] == list(r.referral_ids)


def _facility() -> str:
    from checkpoint import codelists

    return codelists.health_facilities()[0].code


def test_estimated_age_sets_an_estimated_birth_date(supervisor) -> None:
    p = adult()
    del p["date_of_birth"]
    p["age_years"] = 30
    r = supervisor.registrations.register(**registration(person=p))
    person = supervisor.records.get(r.person_id)["person"]
    assert person["dob_estimated"] == 1
    assert person["date_of_birth"].startswith("1996")


def test_second_arrival_of_the_same_person(supervisor) -> None:
    first = supervisor.registrations.register(**registration())
    reg = registration()
    del reg["person"]
    second = supervisor.registrations.register(person_id=first.person_id, **reg)
    assert second.person_id == first.person_id
    assert len(supervisor.records.get(first.person_id)["encounters"]) == 2
    assert supervisor.maintenance.stats()["persons"] == 1


BAD = [
    ({"person": adult(sex="Q")}, "sex"),
    ({"person": adult(family_name="S0K")}, "family_name"),
    ({"person": adult(name_khmer="Sok")}, "name_khmer"),
    ({"person": adult(date_of_birth="2099-01-01")}, "date_of_birth"),
    ({"person": adult(date_of_birth="17/05/1990")}, "date_of_birth"),
    ({"person": adult(date_of_birth="1990-05-17", age_years=30)}, "age_years"),
    ({"person": adult(phone="call me")}, "phone"),
    ({"person": adult(id_document_number="N 123 !!")}, "id_document_number"),
    ({"person": adult(citizenship="XXX")}, "citizenship"),
    ({"person": adult(home_province="99")}, "home_province"),
    ({"person": adult(family_name="", given_names="", name_khmer="")}, "family_name"),
    ({"person": {**adult(), "favourite_colour": "red"}}, "favourite_colour"),
    ({"encounter": {"return_type": "TELEPORTED"}}, "return_type"),
    ({"encounter": {"duration_abroad_months": -1}}, "duration_abroad_months"),
    ({"encounter": {"arrival_at": "2030-01-01T00:00:00+07:00"}}, "arrival_at"),
    ({"encounter": {"debt_owed": False, "debt_amount": 300}}, "debt_amount"),
    ({"consents": {"screening": True}}, "consents"),
    ({"consents": {"storage": True}}, "consents"),
    ({"trafficking": {"ticked": ["ILO-XX-1"]}}, None),
    ({"trafficking": {"ticked": "ILO-DR-1"}}, "ticked"),
    ({"tb": {"cough_days": 3}}, None),
    ({"tb": {"sneezing": True}}, "sneezing"),
    ({"referrals": [{"kind": "protection", "agency_code": "NOPE", "reason_code": "X"}]}, "agency_code"),
    ({"referrals": [{"kind": "magic", "agency_code": "X", "reason_code": "X"}]}, "kind"),
]


@pytest.mark.parametrize(("over", "field"), BAD)
def test_bad_input_is_refused_and_writes_nothing(supervisor, over, field) -> None:
    before = _counts(supervisor)
    with pytest.raises(ValidationError) as e:
        supervisor.registrations.register(**registration(**over))
    if field:
        assert e.value.field == field
    assert str(e.value)
    assert _counts(supervisor) == before


def test_unknown_or_voided_person(supervisor) -> None:
    reg = registration()
    del reg["person"]
    with pytest.raises(NotFound):
        supervisor.registrations.register(person_id="01234567-89ab-4def-8123-456789abcdef", **reg)
    r = supervisor.registrations.register(**registration())
    supervisor.corrections.void("person", r.person_id, "registered twice by mistake")
    with pytest.raises(ConflictError):
        supervisor.registrations.register(person_id=r.person_id, **reg)


def test_the_event_holds_the_content_version_used(supervisor) -> None:
    supervisor.registrations.register(**registration())
    ev = next(iter(supervisor.store.events(where="type = 'registration.recorded'")))
    assert "@" in ev["content_version"]
    payload = json.loads(ev["payload"])
    assert payload["trafficking"]["result"]["content_version"] in ev["content_version"]


def test_draft_is_deleted_with_the_saved_registration(supervisor) -> None:
    did = supervisor.drafts.save({"step": "identity", "family_name": "SOK"}).ids["draft"]
    assert [d.id for d in supervisor.drafts.list()] == [did]
    supervisor.registrations.register(**registration(), draft_id=did)
    assert supervisor.drafts.list() == []


def test_failed_registration_keeps_the_draft(supervisor) -> None:
    did = supervisor.drafts.save({"step": "identity"}).ids["draft"]
    with pytest.raises(ValidationError):
        supervisor.registrations.register(**registration(person=adult(sex="?")), draft_id=did)
    assert [d.id for d in supervisor.drafts.list()] == [did]


def test_correcting_only_the_document_number(supervisor) -> None:
    r = supervisor.registrations.register(**registration())
    supervisor.corrections.amend_person(r.person_id, {"id_document_number": "N7777777"}, "misread number")
    assert supervisor.records.get(r.person_id)["person"]["id_document_number"] == "N7777777"
