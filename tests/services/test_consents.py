"""Consent per purpose (issue 12, point 5): TB screen and trafficking interview apart, per agency for referral and
sharing, a child's consent given by the recorded guardian, the wording version; withdrawal honoured by exports,
slips and figures; and the red-flag pre-screen recorded on the registration."""

from __future__ import annotations

import csv

import pytest

from checkpoint.errors import ConflictError, PermissionDenied, ValidationError
from checkpoint.model.consent import wording
from tests.support.helpers import POSITIVE_ADULT, adult, registration

V = wording().version


def c(purpose: str, granted: bool = True, target: str = "", **over) -> dict:
    return {"purpose": purpose, "target": target, "granted": granted, "wording_version": V, **over}


def _reg(sess, doc: str = "N1234567", dob: str = "1990-05-17", **over):
    return sess.registrations.register(**registration(person=adult(id_document_number=doc, date_of_birth=dob),
                                                      **over))


def test_tb_and_trafficking_consents_are_apart(supervisor) -> None:
    only_tb = [c("tb_screen"), c("trafficking_interview", False)]
    with pytest.raises(ValidationError) as e:
        _reg(supervisor, consent_records=only_tb, trafficking={"ticked": ["ILO-CD-4"]}, tb={"cough": False})
    assert "trafficking interview" in e.value.detail
    r = _reg(supervisor, consent_records=only_tb, trafficking=None, tb={"cough": False})
    assert r.tb_screening_id and r.trafficking_screening_id is None
    rows = supervisor.consents.of_person(r.person_id)
    assert {(x["purpose"], x["granted"], x["given_by"], x["wording_version"]) for x in rows} == \
        {("tb_screen", 1, "person", V), ("trafficking_interview", 0, "person", V)}


def test_a_child_s_consent_is_given_by_the_recorded_guardian(supervisor) -> None:
    child = {"dob": "2012-03-01", "trafficking": None, "tb": None}
    with pytest.raises(ValidationError) as e:
        _reg(supervisor, consent_records=[c("tb_screen", given_by="person")], **child)
    assert e.value.field == "given_by"
    with pytest.raises(ValidationError) as e:
        _reg(supervisor, consent_records=[c("tb_screen")], **child)             # guardian not named
    assert e.value.field == "guardian_name"
    r = _reg(supervisor, consent_records=[c("tb_screen", guardian_name="SOK CHANTHA", guardian_relationship="mother")],
             **child)
    [rec] = supervisor.consents.of_person(r.person_id)
    assert (rec["given_by"], rec["guardian_name"], rec["guardian_relationship"]) == ("guardian", "SOK CHANTHA",
                                                                                    "mother")


@pytest.mark.parametrize("record, field", [
    (c("sharing"), "target"),                                   # sharing names its agency
    (c("sharing", target="NO_SUCH_AGENCY"), "target"),
    (c("tb_screen", target="IOM"), "target"),
    (c("nea_registration", wording_version="1999"), "wording_version"),
    (c("tb_screen", granted="yes"), "granted"),
    (c("marketing"), "purpose"),
])
def test_bad_consents_are_refused_by_name(supervisor, record, field) -> None:
    with pytest.raises(ValidationError) as e:
        _reg(supervisor, consent_records=[record])
    assert e.value.field == field


def _export(sess, tmp_path, name: str) -> list[dict]:
    sess.maintenance.export_csv(tmp_path / name)
    with open(tmp_path / name, encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def test_withdrawing_sharing_removes_the_person_from_the_next_export(supervisor, tmp_path) -> None:
    keep = _reg(supervisor, doc="N0000001")
    gone = _reg(supervisor, doc="N0000002", trafficking={"ticked": POSITIVE_ADULT})
    assert {r["person_id"] for r in _export(supervisor, tmp_path, "a.csv")} == {keep.person_id, gone.person_id}
    supervisor.consents.withdraw(gone.encounter_id, "sharing", reason="asked at the desk")
    assert {r["person_id"] for r in _export(supervisor, tmp_path, "b.csv")} == {keep.person_id}
    with pytest.raises(ConflictError):
        supervisor.consents.withdraw(gone.encounter_id, "sharing")          # already withdrawn
    [rec] = supervisor.consents.of_person(gone.person_id)
    assert rec["withdrawn_at"] and rec["withdrawal_reason"] == "asked at the desk"
    assert supervisor.maintenance.verify().problems == ()                  # the projection replays from events


def test_the_export_follows_consent_for_the_tb_outcome_too(supervisor, tmp_path) -> None:
    r = _reg(supervisor, consent_records=[c("tb_screen"), c("trafficking_interview")],
             tb={"cough": True, "cough_days": 21})
    assert _export(supervisor, tmp_path, "a.csv")[0]["tb_outcome"] == "PRESUMPTIVE_TB_REFER"
    supervisor.consents.withdraw(r.encounter_id, "tb_screen")
    assert _export(supervisor, tmp_path, "b.csv")[0]["tb_outcome"].startswith("withheld")
    assert supervisor.records.today_figures().tb_referrals == 0


def test_a_withdrawn_referral_consent_stops_the_slip(supervisor) -> None:
    r = _reg(supervisor, consent_records=[c("referral", target="IOM"), c("trafficking_interview")],
             trafficking={"ticked": POSITIVE_ADULT},
             referrals=[{"kind": "protection", "agency_code": "IOM", "reason_code": "TRAFFICKING_INDICATORS",
                         "urgency": "SAME_DAY"}])
    assert supervisor.slips.slip(r.referral_ids[0])
    supervisor.consents.withdraw(r.encounter_id, "referral", target="IOM")
    with pytest.raises(ConflictError):
        supervisor.slips.slip(r.referral_ids[0])


def test_withdrawing_the_interview_leaves_the_figures(supervisor) -> None:
    r = _reg(supervisor, consent_records=[c("trafficking_interview")], trafficking={"ticked": POSITIVE_ADULT})
    f = supervisor.records.today_figures()
    assert (f.trafficking_indicators, f.trafficking_not_screened) == (1, 0)
    supervisor.consents.withdraw(r.encounter_id, "trafficking_interview")
    f = supervisor.records.today_figures()
    assert (f.registered, f.trafficking_indicators, f.trafficking_not_screened) == (1, 0, 1)


def test_who_may_withdraw_and_see_consents(supervisor, sign_in) -> None:
    r = _reg(supervisor, consent_records=[c("tb_screen"), c("trafficking_interview")])
    vanna, thida = sign_in("vanna"), sign_in("thida")
    with pytest.raises(PermissionDenied):
        vanna.consents.withdraw(r.encounter_id, "tb_screen")          # another officer's arrival
    with pytest.raises(PermissionDenied):
        thida.consents.withdraw(r.encounter_id, "tb_screen")
    assert [x["purpose"] for x in thida.consents.of_person(r.person_id)] == ["tb_screen"]
    assert [x["purpose"] for x in vanna.consents.of_person(r.person_id)] == ["tb_screen"]   # not the interview
    with pytest.raises(PermissionDenied):
        sign_in("rith").consents.of_person(r.person_id)


def test_the_pre_screen_is_recorded_on_the_registration(supervisor) -> None:
    r = _reg(supervisor, prescreen={"PS-1": "no", "PS-3": "yes", "PS-8": "no"})
    raw = supervisor.store.db.execute("SELECT prescreen FROM encounters WHERE id = ?", [r.encounter_id]).fetchone()[0]
    assert '"routes_to_private_room": true' in raw and '"PS-3"' in raw
    with pytest.raises(ValidationError):
        _reg(supervisor, doc="N0000009", consents={"storage": True}, trafficking=None, tb=None,
             prescreen={"PS-1": "no"})                                    # no consent to the interview


def test_the_record_shows_consent_per_purpose_as_the_role_may_see_it(supervisor, sign_in) -> None:
    r = _reg(supervisor, consent_records=[c("tb_screen"), c("trafficking_interview"), c("sharing", target="IOM")])
    mine = supervisor.records.get(r.person_id)["encounters"][0]["consent_records"]
    assert {(x["purpose"], x["target"]) for x in mine} == {("tb_screen", ""), ("trafficking_interview", ""),
                                                           ("sharing", "IOM")}
    other = sign_in("vanna").records.get(r.person_id)["encounters"][0]
    assert [x["purpose"] for x in other["consent_records"]] == ["tb_screen"] and "prescreen" not in other
