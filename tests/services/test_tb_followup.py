"""Issue 14, follow-up: one open TB referral per person — a second screen continues it and says so, a second
health referral or a second transfer is refused naming the open one (nothing written); the health worker's list of
open TB referrals, the overdue ones first; who sees it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from checkpoint.errors import ConflictError, PermissionDenied, ValidationError
from checkpoint.services import create_store
from checkpoint.services.outbox import Outbox, wire_event
from checkpoint.services.tb_followup import OpenTBReferral
from tests.conftest import FAST
from tests.support.helpers import adult, registration


def tb_registration(**person: Any) -> dict[str, Any]:
    """An officer's registration with a cough for three weeks and the TB referral the wizard suggests."""
    return registration(person=adult(**person), tb={"cough": True, "cough_days": 21},
                        referrals=[{"kind": "health", "agency_code": "KH01-POIPET-RH", "reason_code": "PRESUMPTIVE_TB",
                                    "urgency": "SAME_DAY"}])


def n_events(session: Any) -> int:
    return len(list(session.store.events()))


def health_refs(session: Any, person_id: str) -> list[dict[str, Any]]:
    return [dict(r) for r in session.health.person(person_id).referrals]


@pytest.fixture
def post(supervisor, sign_in) -> dict[str, Any]:
    sokha, thida = sign_in("sokha"), sign_in("thida")
    # The officer screened at registration: cough for three weeks, a TB referral opened.
    reg = sokha.registrations.register(**tb_registration(home_province="02"))
    assert len(reg.referral_ids) == 1
    return {"sokha": sokha, "thida": thida, "dara": supervisor, "reg": reg, "rid": reg.referral_ids[0]}


def test_the_health_post_screen_continues_the_open_referral_and_says_so(post) -> None:
    thida, reg = post["thida"], post["reg"]
    done = thida.health.screen(reg.encounter_id, {"cough": True, "cough_days": 22, "night_sweats": True},
                               consent=True, cxr={"cxr_result": "ABNORMAL_SUGGESTIVE", "cxr_cad_score": 81})
    assert done.continued is True and done.referral_id == post["rid"]
    refs = health_refs(thida, reg.person_id)
    assert [r["id"] for r in refs] == [post["rid"]]                    # no second referral
    assert (refs[0]["status"], refs[0]["cxr_result"], refs[0]["cxr_cad_score"]) == (
        "cxr_done", "ABNORMAL_SUGGESTIVE", 81.0)
    assert len(thida.health.person(reg.person_id).screens) == 2      # the screen itself is kept
    # A negative screen continues nothing and opens nothing.
    neg = thida.health.screen(reg.encounter_id, {}, consent=True)
    assert (neg.continued, neg.referral_id) == (False, None)
    assert len(health_refs(thida, reg.person_id)) == 1
    assert post["dara"].maintenance.verify().ok                       # the projections are the log's


def test_a_bad_xray_on_the_continued_referral_writes_nothing(post, clock) -> None:
    thida, reg = post["thida"], post["reg"]
    before = n_events(thida)
    with pytest.raises(ValidationError) as e:
        thida.health.screen(reg.encounter_id, {"fever": True}, consent=True, cxr={"cxr_result": "BLURRY"})
    assert e.value.field == "cxr_result"
    assert n_events(thida) == before and len(thida.health.person(reg.person_id).screens) == 1   # the officer's


def test_once_the_referral_ended_a_new_screen_opens_a_new_one(post) -> None:
    thida, reg = post["thida"], post["reg"]
    thida.health.record(post["rid"], {"status": "lost_to_follow_up"})
    done = thida.health.screen(reg.encounter_id, {"fever": True}, consent=True)
    assert done.continued is False and done.referral_id != post["rid"]
    assert len(health_refs(thida, reg.person_id)) == 2


def test_a_second_health_referral_is_refused_naming_the_open_one(post) -> None:
    sokha, reg = post["sokha"], post["reg"]
    before = n_events(sokha)
    with pytest.raises(OpenTBReferral) as e:
        sokha.referrals.add(reg.encounter_id, {"kind": "health", "agency_code": "KH01-POIPET-RH",
                                               "reason_code": "PRESUMPTIVE_TB", "urgency": "SAME_DAY"})
    assert isinstance(e.value, ConflictError)
    assert "already has an open TB referral" in str(e.value)
    assert e.value.referral["id"] == post["rid"] and e.value.referral["status"] == "referred"
    assert e.value.referral["agency_code"]
    assert n_events(sokha) == before
    # Protection referrals are not affected.
    sokha.referrals.add(reg.encounter_id, {"kind": "protection", "agency_code": "MoSVY_PROVINCIAL_DOSVY",
                                           "reason_code": "PRESUMED_VICTIM"})


def test_a_second_transfer_for_treatment_is_refused(post, clock) -> None:
    thida, rid = post["thida"], post["rid"]
    today = clock.now().date().isoformat()
    thida.health.record(rid, {"sputum_collected_at": today, "sputum_specimen_id": "S-9"})
    thida.health.record(rid, {"xpert_result": "MTB_DETECTED_RIF_NOT_DETECTED", "diagnosis": "BACT_CONFIRMED"})
    first = thida.health.transfer(rid).ids["referral"]
    before = n_events(thida)
    with pytest.raises(OpenTBReferral) as e:
        thida.health.transfer(rid)
    assert e.value.referral["id"] == first and e.value.referral["agency_code"] == "KH02-PROVINCIAL-RH"
    assert "already transferred for TB treatment" in str(e.value)
    assert n_events(thida) == before
    # The transfer is now the person's open referral: a new screen continues it, not the diagnosed one.
    assert thida.health.open_referral(post["reg"].person_id)["id"] == first
    # Once treatment started, the person may be transferred again (e.g. moved province).
    thida.health.record(first, {"treatment_started_at": today})
    # Treatment started: neither the transfer nor the diagnosed referral it took over waits for follow-up.
    assert [r.referral_id for r in thida.health.follow_up()] == []
    assert thida.health.open_referral(post["reg"].person_id) is None
    assert thida.health.transfer(rid).ids["referral"] not in (first, rid)


def test_the_follow_up_list_puts_the_overdue_first(post, sign_in, clock) -> None:
    thida, sokha = post["thida"], post["sokha"]
    assert [r.referral_id for r in thida.health.follow_up()] == [post["rid"]]
    clock.advance(days=5)
    other = sokha.registrations.register(**tb_registration(family_name="KEO", id_document_number="N7654321",
                                                           home_province="17"))
    clock.advance(days=4)
    rows = thida.health.follow_up(overdue_days=7)
    assert [(r.referral_id, r.days_waiting, r.overdue) for r in rows] == [
        (post["rid"], 9, True), (other.referral_ids[0], 4, False)]
    assert rows[0].home_province == "02" and rows[1].family_name == "KEO"
    assert [r.referral_id for r in thida.health.follow_up(overdue_days=7, overdue_only=True)] == [post["rid"]]
    # A step resets the wait; a referral that ended leaves the list.
    thida.health.record(post["rid"], {"cxr_result": "NORMAL"})
    assert thida.health.follow_up(overdue_days=7, overdue_only=True) == []
    thida.health.record(other.referral_ids[0], {"status": "closed"})
    assert [r.referral_id for r in thida.health.follow_up()] == [post["rid"]]
    text = json.dumps([r.__dict__ for r in thida.health.follow_up()])
    for leak in ("ILO-", "trafficking", "PRESUMED", "protection"):
        assert leak not in text
    with pytest.raises(ValidationError):
        thida.health.follow_up(overdue_days=-1)


def test_who_sees_the_follow_up_list(post, sign_in) -> None:
    assert post["dara"].health.follow_up()                            # supervisor
    with pytest.raises(PermissionDenied):
        post["sokha"].health.follow_up()                             # an officer has no need for it
    with pytest.raises(PermissionDenied):
        sign_in("rith").health.follow_up()                           # the admin sees no TB data
    with pytest.raises(PermissionDenied):
        sign_in("rith").health.open_referral(post["reg"].person_id)


def test_reading_the_follow_up_list_leaves_a_trace(post) -> None:
    thida = post["thida"]
    thida.health.follow_up()
    reads = [json.loads(ev["payload"]) for ev in thida.store.events(where="type = 'records.read'")]
    assert {"kind": "referrals", "persons": 1}.items() <= reads[-1].items()


def test_a_continued_screen_travels_to_another_device(post, clock, tmp_path) -> None:
    thida, reg = post["thida"], post["reg"]
    thida.health.screen(reg.encounter_id, {"cough": True}, consent=True, cxr={"cxr_result": "ABNORMAL_SUGGESTIVE"})
    other, _ = create_store(tmp_path / "b.db", checkpoint_name="Poipet B", username="bopha", display_name="B",
                            passphrase="lotus-pond-supervisor", clock=clock, kdf=FAST)
    try:
        Outbox(other).ingest([wire_event(e) for e in post["dara"].store.events()])
        refs = health_refs(other, reg.person_id)
        assert [(r["id"], r["status"], r["cxr_result"]) for r in refs] == [
            (post["rid"], "cxr_done", "ABNORMAL_SUGGESTIVE")]
        assert len(other.health.person(reg.person_id).screens) == 2
        assert other.maintenance.verify().ok
    finally:
        other.lock()
