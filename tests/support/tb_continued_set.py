"""A hand-checked set for issue 14's "the cascade follows the referral, not the arrival": five returnees over two
periods, on one device (a supervisor registers and works the health post).

Period A is days 0-9 of the clock, period B days 30-39.

- P1 CONTINUED: day 0 presumptive, TB referral R1; day 1 chest X-ray abnormal on R1. Day 30 she returns, presumptive
  again: no second referral (the wizard suggests none), her screen continues R1. Day 31 sputum, Xpert MTB detected,
  bacteriologically confirmed on R1.
- P2 AT THE HEALTH POST: day 2 presumptive, R2 (no X-ray). Day 32 she returns (quick registration) and the health
  post screens her presumptive with a normal X-ray: the screen continues R2, the X-ray is recorded on R2.
- P3 ENDED BEFORE: day 3 presumptive, R3; day 4 X-ray normal, diagnosed not TB (R3 ends). Day 33 presumptive again
  but no referral recorded: nothing was open to continue, so R3's X-ray is not hers in period B.
- P4 NEGATIVE RETURN: day 5 presumptive, R4 with an abnormal X-ray (R4 stays open). Day 34 a negative screen: it
  continues nothing.
- P7 NEW: day 35 presumptive, R7, X-ray abnormal.

Period B, by hand: screened 5 (P1 P2 P3 P4 P7), presumptive 4 (not P4), x-rayed 3 (P1 by the earlier arrival's
X-ray, P2, P7), X-ray abnormal 2 (P1, P7), sputum 1, Xpert 1, TB diagnosed 1 (bacteriologically confirmed, P1), RIF
resistant 0, treatment started 0, initial loss to follow-up 1, NNS 5.0. Counted by arrival (before the fix): x-rayed
1, abnormal 1, sputum 0, Xpert 0, diagnosed 0.

Period A: screened 4, presumptive 4, x-rayed 4, abnormal 2 (P1, P4), sputum 1, Xpert 1, diagnosed 1 (bact.), treatment
started 0, initial loss 1, NNS 4.0 (a cohort: R1's and R2's later steps count for the period they were screened in).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from checkpoint.site import LOCAL_TZ
from tests.support.helpers import adult, registration

COUGH = {"cough": True, "cough_days": 21}
TB_REF = {"kind": "health", "agency_code": "KH01-POIPET-RH", "reason_code": "PRESUMPTIVE_TB", "urgency": "SAME_DAY"}

PERIOD_B = {"screened": 5, "presumptive": 4, "x_rayed": 3, "xray_abnormal": 2, "sputum_collected": 1,
            "xpert_done": 1, "tb_diagnosed": 1, "bact_confirmed": 1, "clinically_diagnosed": 0, "rif_resistant": 0,
            "treatment_started": 0, "initial_loss_to_follow_up": 1, "nns": 5.0}
PERIOD_A = {"screened": 4, "presumptive": 4, "x_rayed": 4, "xray_abnormal": 2, "sputum_collected": 1,
            "xpert_done": 1, "tb_diagnosed": 1, "bact_confirmed": 1, "clinically_diagnosed": 0, "rif_resistant": 0,
            "treatment_started": 0, "initial_loss_to_follow_up": 1, "nns": 4.0}


def periods(start: date) -> tuple[tuple[date, date], tuple[date, date]]:
    return (start, start + timedelta(days=9)), (start + timedelta(days=30), start + timedelta(days=39))


def build(dev: Any, clock: Any) -> dict[str, Any]:
    """Record the set on ``dev`` (a supervisor's session), moving ``clock`` along; returns the day 0 (local) and the
    referral ids by person."""
    start = clock.now().astimezone(LOCAL_TZ).date()
    t0 = clock.now()

    def on(day: int) -> str:
        clock.set(t0 + timedelta(days=day))
        return (start + timedelta(days=day)).isoformat()

    def first(name: str, doc: str) -> Any:
        return dev.registrations.register(**registration(
            person=adult(family_name=name, given_names="RETURN", id_document_number=doc, phone=""), tb=COUGH,
            referrals=[TB_REF]))

    def again(pid: str, tb: dict[str, Any]) -> Any:
        return dev.registrations.register(**{k: v for k, v in registration(tb=tb, referrals=[]).items()
                                             if k != "person"}, person_id=pid)

    on(0)
    p1 = first("ONE", "CT0000001")
    on(1)
    dev.health.record(p1.referral_ids[0], {"cxr_result": "ABNORMAL_SUGGESTIVE"})
    on(2)
    p2 = first("TWO", "CT0000002")
    on(3)
    p3 = first("THREE", "CT0000003")
    on(4)
    dev.health.record(p3.referral_ids[0], {"cxr_result": "NORMAL", "diagnosis": "NOT_TB"})
    on(5)
    p4 = first("FOUR", "CT0000004")
    dev.health.record(p4.referral_ids[0], {"cxr_result": "ABNORMAL_SUGGESTIVE"})
    on(30)
    back1 = again(p1.person_id, COUGH)
    assert back1.referral_ids == ()
    day = on(31)
    dev.health.record(p1.referral_ids[0], {"sputum_collected_at": day, "sputum_specimen_id": "S-P1"})
    dev.health.record(p1.referral_ids[0], {"xpert_result": "MTB_DETECTED_RIF_NOT_DETECTED",
                                           "diagnosis": "BACT_CONFIRMED"})
    on(32)
    q = dev.arrivals.quick_register(person_id=p2.person_id)
    done = dev.health.screen(q.encounter_id, COUGH, consent=True, cxr={"cxr_result": "NORMAL"})
    assert done.continued and done.referral_id == p2.referral_ids[0]
    on(33)
    again(p3.person_id, COUGH)
    on(34)
    again(p4.person_id, {})
    on(35)
    p7 = first("SEVEN", "CT0000007")
    dev.health.record(p7.referral_ids[0], {"cxr_result": "ABNORMAL_SUGGESTIVE"})
    on(36)
    return {"start": start, "r1": p1.referral_ids[0], "p1": p1.person_id}
