"""TB referral follow-up by a health worker, corrections with reasons, drafts, today's figures."""

from __future__ import annotations

import pytest

from checkpoint import codelists
from checkpoint.errors import ConflictError, PermissionDenied, ValidationError
from tests.support.helpers import registration


@pytest.fixture
def tb_case(sign_in):
    fac = codelists.health_facilities()[0].code
    return sign_in("sokha").registrations.register(**registration(
        tb={"cough": True, "cough_days": 15},
        referrals=[{"kind": "health", "agency_code": fac, "reason_code": "PRESUMPTIVE_TB", "urgency": "SAME_DAY"}]))


def test_health_worker_follows_a_referral_to_treatment(sign_in, tb_case) -> None:
    hw = sign_in("thida")
    rid = tb_case.referral_ids[0]
    assert [r.id for r in hw.referrals.list(kind="health", status="referred")] == [rid]
    hw.referrals.update(rid, {"status": "arrived"})
    hw.referrals.update(rid, {"cxr_result": "ABNORMAL_SUGGESTIVE"})
    hw.referrals.update(rid, {"xpert_result": "MTB_DETECTED_RIF_NOT_DETECTED"})
    hw.referrals.update(rid, {"diagnosis": "BACT_CONFIRMED"})
    hw.referrals.update(rid, {"treatment_started_at": "2026-11-22", "treatment_facility": "Poipet RH"})
    r = hw.referrals.list(kind="health")[0]
    assert (r.status, r.cxr_result, r.xpert_result, r.diagnosis, r.treatment_started_at) == (
        "treatment_started", "ABNORMAL_SUGGESTIVE", "MTB_DETECTED_RIF_NOT_DETECTED", "BACT_CONFIRMED", "2026-11-22")
    whats = [h["what"] for h in hw.records.history(tb_case.person_id)]
    assert whats.count("referral.updated") == 5


def test_follow_up_cannot_go_backwards_or_reopen(sign_in, tb_case) -> None:
    hw = sign_in("thida")
    rid = tb_case.referral_ids[0]
    hw.referrals.update(rid, {"status": "xpert_done", "xpert_result": "MTB_NOT_DETECTED"})
    with pytest.raises(ConflictError):
        hw.referrals.update(rid, {"status": "arrived"})
    hw.referrals.update(rid, {"status": "lost_to_follow_up"})
    assert hw.referrals.list(kind="health")[0].lost_to_follow_up_stage == "xpert_done"
    with pytest.raises(ConflictError):
        hw.referrals.update(rid, {"status": "treatment_started"})


@pytest.mark.parametrize(("changes", "field"), [
    ({"cxr_result": "BLURRY"}, "cxr_result"),
    ({"status": "teleported"}, "status"),
    ({"treatment_started_at": "2099-01-01"}, "treatment_started_at"),
    ({"diagnosis": "NOT_TB", "treatment_started_at": "2026-11-20"}, "treatment_started_at"),
    ({"agency_code": "X"}, "agency_code"),
    ({}, "status"),
])
def test_bad_follow_up_is_refused(sign_in, tb_case, changes, field) -> None:
    hw = sign_in("thida")
    before = hw.maintenance.stats()["events"]
    with pytest.raises(ValidationError) as e:
        hw.referrals.update(tb_case.referral_ids[0], changes)
    assert e.value.field == field
    assert hw.maintenance.stats()["events"] == before


def test_officer_cannot_record_tb_outcomes(sign_in, tb_case) -> None:
    with pytest.raises(PermissionDenied):
        sign_in("vanna").referrals.update(tb_case.referral_ids[0], {"status": "arrived"})


def test_amend_needs_a_reason_and_keeps_history(supervisor, tb_case) -> None:
    with pytest.raises(ValidationError) as e:
        supervisor.corrections.amend_person(tb_case.person_id, {"given_names": "DARO"}, "")
    assert e.value.field == "reason"
    supervisor.corrections.amend_person(tb_case.person_id, {"given_names": "DARO"}, "misspelt at registration")
    hist = supervisor.records.history(tb_case.person_id)
    amend = next(h for h in hist if h["what"] == "person.amended")
    assert amend["reason"] == "misspelt at registration"
    assert amend["changes"] == {"given_names": "DARO"}
    assert supervisor.records.get(tb_case.person_id)["person"]["given_names"] == "DARO"


def test_void_and_approve(supervisor, tb_case) -> None:
    assert [p.encounter_id for p in supervisor.review.pending()] == [tb_case.encounter_id]
    supervisor.review.approve(tb_case.encounter_id)
    assert supervisor.review.pending() == []
    with pytest.raises(ConflictError):
        supervisor.review.approve(tb_case.encounter_id)
    supervisor.corrections.void("tb_screening", tb_case.tb_screening_id, "screen done on the wrong person")
    with pytest.raises(ConflictError):
        supervisor.corrections.void("tb_screening", tb_case.tb_screening_id, "again")


def test_drafts_are_per_user_and_survive_reopening(sign_in, supervisor, store_path, clock) -> None:
    from checkpoint.services import unlock
    from tests.conftest import PASS

    sokha = sign_in("sokha")
    did = sokha.drafts.save({"step": "journey", "family_name": "SOK", "name_khmer": "សុខ"}).ids["draft"]
    sokha.drafts.save({"step": "consent", "family_name": "SOK", "name_khmer": "សុខ"}, draft_id=did)
    assert supervisor.drafts.list() == []
    sokha.lock()   # the laptop is closed mid-registration
    again = unlock(store_path, "sokha", PASS["sokha"], clock=clock)
    drafts = again.drafts.list()
    assert [(d.id, d.payload["step"], d.payload["name_khmer"]) for d in drafts] == [(did, "consent", "សុខ")]
    again.drafts.discard(did)
    assert again.drafts.list() == []
    again.lock()


def test_today_figures(supervisor, tb_case, clock) -> None:
    f = supervisor.records.today_figures()
    assert f.registered == 1 and f.tb_referrals == 1 and f.trafficking_indicators == 0
    clock.advance(days=1)
    f = supervisor.records.today_figures()
    assert f.registered == 0 and f.pending_sync > 0
