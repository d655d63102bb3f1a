"""Issue 12 on the record: the safety rule's finding saved with the screening; yes / no / not asked with
completeness per dimension; an untouched checklist is NOT_SCREENED and counted apart; old events read as they did."""

from __future__ import annotations

import uuid

import pytest

from checkpoint.errors import ValidationError
from checkpoint.model.encounter import validate_encounter
from tests.support.helpers import adult, registration

BEATEN_LOCKED_PASSPORT = ["ILO-CD-1", "ILO-CD-3", "ILO-CD-4"]


def _reg(sess, doc: str = "N1234567", **over):
    return sess.registrations.register(**registration(person=adult(id_document_number=doc), **over))


def _screening(sess, person_id: str) -> dict:
    rec = sess.records.get(person_id)
    return rec["encounters"][-1]["trafficking"][0]


def test_the_safety_rule_is_saved_on_the_record_beside_the_ilo_outcome(supervisor) -> None:
    r = _reg(supervisor, trafficking={"ticked": BEATEN_LOCKED_PASSPORT})
    assert r.trafficking.outcome == "NOT_INDICATED"
    t = _screening(supervisor, r.person_id)
    assert t["outcome"] == "NOT_INDICATED"                  # the ILO rule's result, unchanged
    s = t["safety"]
    assert s["triggered"] is True and s["urgency"] == "SAME_DAY" and s["designed_by"] == "project"
    assert s["label"] == "Safety rule (not the ILO rule)"
    assert [x["code"] for x in s["reasons"]] == ["VIOLENCE", "CONFINEMENT", "DOCUMENTS_TAKEN"]
    assert all(s["messages"]) and len(s["messages"]) == 3
    assert supervisor.records.today_figures().safety_rule == 1


def test_a_controlling_person_at_the_desk_raises_the_rule_to_immediate_danger(supervisor) -> None:
    r = _reg(supervisor, trafficking={"ticked": ["ILO-CD-5"]},
             encounter={"return_type": "DEPORTED_G2G", "controlling_person_present": True})
    assert _screening(supervisor, r.person_id)["safety"]["urgency"] == "IMMEDIATE_DANGER"


def test_an_untouched_checklist_is_not_screened_and_counted_apart(supervisor) -> None:
    untouched = _reg(supervisor, doc="N0000001", trafficking={"ticked": []})
    no_screen = _reg(supervisor, doc="N0000002", consents={"storage": True}, trafficking=None, tb=None)
    all_no = _reg(supervisor, doc="N0000003", trafficking={"ticked": [], "answered_no": ["ILO-DR-1", "ILO-CD-4"]})
    t = _screening(supervisor, untouched.person_id)
    assert t["outcome"] == "NOT_SCREENED" and t["checklist_status"] == "NOT_SCREENED"
    assert "not screened" in t["explanation"][0]
    assert set(t["answers"].values()) == {"not_asked"}
    assert _screening(supervisor, all_no.person_id)["outcome"] == "NOT_INDICATED"
    assert no_screen.trafficking_screening_id is None
    f = supervisor.records.today_figures()
    assert (f.registered, f.trafficking_indicators, f.trafficking_not_screened) == (3, 0, 2)


def test_yes_no_not_asked_and_completeness_per_dimension(supervisor) -> None:
    r = _reg(supervisor, trafficking={"ticked": ["ILO-CD-4"], "answered_no": ["ILO-CD-1", "ILO-CD-2", "ILO-DR-1"],
                                      "exploitation_types": ["ForcedCriminality"]})
    t = _screening(supervisor, r.person_id)
    assert (t["answers"]["ILO-CD-4"], t["answers"]["ILO-CD-1"], t["answers"]["ILO-CD-3"]) == \
        ("yes", "no", "not_asked")
    assert t["completeness"]["CD"] == [3, 15] and t["completeness"]["DR"] == [1, 10]
    assert t["completeness"]["EX"] == [0, 9]
    assert t["checklist_status"] == "PARTIAL" and t["answers_version"] == 2
    assert t["exploitation_types"] == ["ForcedCriminality"]


@pytest.mark.parametrize("trafficking, field", [
    ({"ticked": ["ILO-CD-4"], "answered_no": ["ILO-CD-4"]}, "answered_no"),
    ({"ticked": [], "answered_no": ["ILO-NO-1"]}, "answered_no"),
    ({"ticked": [], "exploitation_types": ["Slavery"]}, "exploitation_types"),
])
def test_bad_answers_are_refused_and_nothing_is_written(supervisor, trafficking, field) -> None:
    before = supervisor.store.db.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(ValidationError) as e:
        _reg(supervisor, trafficking=trafficking)
    assert e.value.field == field
    assert supervisor.store.db.execute("SELECT count(*) FROM events").fetchone()[0] == before


def test_an_old_event_without_answers_version_reads_as_it_did(supervisor, clock) -> None:
    """Before issue 12 an unticked item meant "no": such a record keeps its outcome, reads complete, all "no"."""
    pid, eid, tid = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    payload = {"person_id": pid, "person": {**adult(), "dob_estimated": False},
               "encounter": {**validate_encounter({}, now=clock.now(), default_station="POIPET_INTL_CHECKPOINT"),
                             "id": eid, "age_at_arrival": 36},
               "consents": [{"purpose": "screening", "granted": True}, {"purpose": "storage", "granted": True}],
               "trafficking": {"id": tid, "age_used": 36, "ticked": ["ILO-DR-1"],
                               "result": {"content_id": "ilo-labour-adult", "content_version": "2009.1-cp1",
                                          "outcome": "NOT_INDICATED", "positive_dimensions": [], "flags": [],
                                          "child_rule": "R_AND_E"}},
               "tb": None, "referrals": []}
    with supervisor.store.write():
        supervisor.store.record("registration.recorded", "person", pid, payload, author=supervisor.user.id)
    t = _screening(supervisor, pid)
    assert t["outcome"] == "NOT_INDICATED" and t["answers_version"] == 1
    assert t["checklist_status"] == "COMPLETE" and t["answers"]["ILO-DR-1"] == "yes"
    assert t["answers"]["ILO-CD-4"] == "no" and "safety" not in t
    assert supervisor.records.today_figures().trafficking_not_screened == 0


def test_an_officer_who_did_not_register_sees_no_safety_finding(supervisor, sign_in) -> None:
    r = _reg(supervisor, trafficking={"ticked": BEATEN_LOCKED_PASSPORT})
    vanna = sign_in("vanna")
    t = vanna.records.get(r.person_id)["encounters"][-1]["trafficking"][0]
    assert t == {"id": r.trafficking_screening_id, "restricted": True}
    thida = sign_in("thida")                # a health worker: no protection section, no trafficking figures
    assert thida.records.today_figures().safety_rule is None


def test_the_work_abroad_in_the_officers_words_maps_to_its_sector(supervisor) -> None:
    r = _reg(supervisor, encounter={"return_type": "DEPORTED_G2G", "work_type": "FISHING_BOAT"})
    e = supervisor.records.get(r.person_id)["encounters"][0]
    assert (e["work_type"], e["sector_of_work"]) == ("FISHING_BOAT", "A")
    with pytest.raises(ValidationError) as err:
        _reg(supervisor, doc="N0000002", encounter={"return_type": "DEPORTED_G2G", "work_type": "PIRATE_SHIP"})
    assert err.value.field == "work_type"
