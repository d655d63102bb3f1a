"""The home screen's figures: one local day, one clock (the arrival time), screenings counted with their arrival.

The clock is T0 = 2026-11-22 01:00 UTC, 08:00 in Poipet: the local day 22 November runs from 21 November 17:00 UTC
to 22 November 17:00 UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from checkpoint import codelists
from checkpoint.errors import PermissionDenied
from tests.support.helpers import POSITIVE_ADULT, adult, registration

TB_REFER = {"cough": True, "cough_days": 20}


def _arrival(sess, at: datetime, *, positive: bool = False, tb: bool = False, doc: str = "N1234567"):
    fac = codelists.health_facilities()[0].code
    refs = [{"kind": "health", "agency_code": fac, "reason_code": "TB_PRESUMPTIVE", "urgency": "SAME_DAY"}] if tb \
        else []
    return sess.registrations.register(**registration(
        person=adult(id_document_number=doc, family_name="SOK " + "ABCDEFGHIJ"[int(doc[-1])]),
        encounter={"return_type": "DEPORTED_G2G", "country_of_work": "THA", "arrival_at": at.isoformat()},
        trafficking={"ticked": POSITIVE_ADULT if positive else []}, tb=TB_REFER if tb else {}, referrals=refs))


@pytest.mark.parametrize(("arrived", "counted"), [
    (datetime(2026, 11, 21, 16, 59, 59, tzinfo=UTC), False),    # 23:59:59 on the 21st in Poipet
    (datetime(2026, 11, 21, 17, 0, 0, tzinfo=UTC), True),       # 00:00 on the 22nd in Poipet
    (datetime(2026, 11, 22, 0, 30, tzinfo=UTC), True),          # 07:30 local, screened at 08:00
])
def test_arrivals_and_their_screenings_count_by_local_arrival_day(supervisor, arrived, counted) -> None:
    _arrival(supervisor, arrived, positive=True, tb=True)     # screened now (08:00 local on the 22nd)
    f = supervisor.records.today_figures()
    assert f.day == date(2026, 11, 22)
    assert f.starts_at == "2026-11-21T17:00:00+00:00" and f.ends_at == "2026-11-22T17:00:00+00:00"
    n = 1 if counted else 0
    assert (f.registered, f.trafficking_indicators, f.tb_referrals) == (n, n, n)


def test_screenings_of_earlier_arrivals_do_not_count_today(supervisor, clock) -> None:
    """The fault of issue 18: arrivals of past weeks screened today made "1,014 TB referrals of 50 people"."""
    for i in range(3):
        _arrival(supervisor, datetime(2026, 11, 10 + i, 3, tzinfo=UTC), positive=True, tb=True, doc=f"N000000{i}")
    _arrival(supervisor, clock.now(), tb=True, doc="N0000009")
    f = supervisor.records.today_figures()
    assert (f.registered, f.trafficking_indicators, f.tb_referrals) == (1, 0, 1)
    past = supervisor.records.today_figures(date(2026, 11, 11))
    assert (past.registered, past.trafficking_indicators, past.tb_referrals) == (1, 1, 1)
    assert f.tb_referrals is not None and f.registered >= f.tb_referrals


def test_voided_arrivals_and_screenings_leave_the_figures(supervisor, clock) -> None:
    a = _arrival(supervisor, clock.now(), positive=True, tb=True, doc="N0000001")
    b = _arrival(supervisor, clock.now(), positive=True, tb=True, doc="N0000002")
    supervisor.corrections.void("encounter", a.encounter_id, "entered twice")
    supervisor.corrections.void("tb_screening", b.tb_screening_id, "wrong person")
    f = supervisor.records.today_figures()
    assert (f.registered, f.trafficking_indicators, f.tb_referrals) == (1, 1, 0)


def test_each_role_sees_only_its_figures(sign_in, supervisor, clock) -> None:
    """An officer counts indicators only among the arrivals she registered; a health worker sees no trafficking
    figure; an administrator sees none of the day's figures."""
    _arrival(sign_in("sokha"), clock.now(), positive=True, doc="N0000001")
    _arrival(sign_in("vanna"), clock.now(), positive=True, tb=True, doc="N0000002")
    sup = supervisor.records.today_figures()
    assert (sup.registered, sup.trafficking_indicators, sup.trafficking_scope, sup.tb_referrals) == (2, 2, "all", 1)
    sokha = sign_in("sokha").records.today_figures()
    assert (sokha.registered, sokha.trafficking_indicators, sokha.trafficking_scope) == (2, 1, "own")
    hw = sign_in("thida").records.today_figures()
    assert (hw.registered, hw.trafficking_indicators, hw.trafficking_scope, hw.tb_referrals) == (2, None, None, 1)
    with pytest.raises(PermissionDenied):
        sign_in("rith").records.today_figures()


def test_waiting_to_sync_and_drafts_are_the_state_now(supervisor, clock) -> None:
    _arrival(supervisor, clock.now())
    before = supervisor.records.today_figures()
    clock.advance(days=2)
    after = supervisor.records.today_figures()
    assert after.registered == 0 and after.pending_sync == before.pending_sync > 0


# ---------------------------------------------------------------------------------------------------------------
# Issue 14: presumptive TB and treatment started are shown apart from the referrals (which count high risk too).
def test_presumptive_and_treatment_started_apart(supervisor, sign_in, clock) -> None:
    thida = sign_in("thida")
    today = clock.now().astimezone(supervisor.site.tz).date()

    def arrive(n: int, tb: dict[str, object]) -> object:
        return supervisor.registrations.register(**registration(
            person=adult(family_name="TILE", given_names="ABCDEFGH"[n], id_document_number=f"T{n:07d}"), tb=tb))

    presumptive: Any = arrive(0, {"cough": True})
    arrive(1, {"diabetes": True})                            # high risk: a referral, not presumptive
    arrive(2, {})
    f = supervisor.records.today_figures()
    assert (f.registered, f.tb_referrals, f.tb_presumptive, f.tb_treatment_started) == (3, 2, 1, 0)
    rid = thida.health.screen(presumptive.encounter_id, {"cough": True}, consent=True).referral_id
    thida.health.record(rid, {"diagnosis": "CLINICALLY_DIAGNOSED", "treatment_started_at": today.isoformat()})
    assert thida.records.today_figures().tb_treatment_started == 1
    officer = sign_in("sokha").records.today_figures()
    assert (officer.tb_presumptive, officer.tb_treatment_started) == (1, 1)      # officers see TB (view_tb)
