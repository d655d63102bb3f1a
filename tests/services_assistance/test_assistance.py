"""session.assistance (issue 13): giving assistance, what a person received, the second-cash-grant rule with the
supervisor's override, per-site caps, voids and corrections, bad input (nothing written), roles, figures, and the
assistance record surviving a replay (verify)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from checkpoint import codelists
from checkpoint.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from checkpoint.services.assistance import Assistance, CashGrantRefused

ADULT = {"family_name": "SOK", "given_names": "DARA", "sex": "M", "age_years": 30}
GIRL = {"family_name": "HENG", "given_names": "SREYNEANG", "sex": "F", "age_years": 15}


def _count(s) -> int:
    return s.store.db.execute("SELECT count(*) FROM events").fetchone()[0]


def test_officer_gives_and_sees_today_and_ever(supervisor, sign_in, clock) -> None:
    officer = sign_in("sokha")
    pid = officer.arrivals.quick_register(ADULT).person_id
    officer.assistance.give(pid, "WATER", 2)
    officer.assistance.give(pid, "TRANSPORT_TICKET", 1, provider="MoSVY_PROVINCIAL_DOSVY")
    clock.advance(days=2)
    officer.assistance.give(pid, "MEAL", 1)
    got = officer.assistance.received(pid)
    assert [r["item_code"] for r in got["today"]] == ["MEAL"]
    assert [r["item_code"] for r in got["ever"]] == ["MEAL", "TRANSPORT_TICKET", "WATER"]
    water = got["ever"][2]
    assert water["quantity"] == 2 and water["provider"] == "IOM" and water["unit"] == "bottle"
    assert got["ever"][1]["provider"] == "MoSVY_PROVINCIAL_DOSVY"
    assert supervisor.maintenance.verify().ok          # the projection is the log's replay


def test_second_cash_grant_is_refused_naming_the_first_unless_a_supervisor_overrides(supervisor, sign_in,
                                                                                      clock) -> None:
    officer = sign_in("sokha")
    pid = officer.arrivals.quick_register(ADULT).person_id
    first = officer.assistance.give(pid, "CASH_GRANT_KHR", 100000).ids["assistance"]
    clock.advance(days=3)
    before = _count(officer)
    with pytest.raises(CashGrantRefused) as e:
        officer.assistance.give(pid, "CASH_GRANT_USD", 25)       # any cash grant, whatever the currency
    assert e.value.first["id"] == first and "100000 KHR" in str(e.value) and "IOM" in str(e.value)
    with pytest.raises(PermissionDenied):
        officer.assistance.give(pid, "CASH_GRANT_KHR", 50000, override_reason="family of six")
    with pytest.raises(ValidationError):
        supervisor.assistance.give(pid, "CASH_GRANT_KHR", 50000, override_reason="x")     # a reason, not a mark
    assert _count(officer) == before
    officer.assistance.give(pid, "WATER", 1)                   # other items are not limited by the rule
    done = supervisor.assistance.give(pid, "CASH_GRANT_KHR", 50000, override_reason="family of six")
    rec = next(r for r in supervisor.assistance.received(pid)["ever"] if r["id"] == done.ids["assistance"])
    assert rec["override_of"] == first and rec["override_reason"] == "family of six"
    ev = supervisor.store.db.execute("SELECT author FROM events WHERE type = 'assistance.given' "
                                     "ORDER BY local_order DESC LIMIT 1").fetchone()
    assert ev[0] == supervisor.user.id                         # the override is logged as the supervisor's


def test_period_and_caps_are_the_sites(supervisor, sign_in, clock) -> None:
    officer = sign_in("sokha")
    pid = officer.arrivals.quick_register(ADULT).person_id
    with pytest.raises(PermissionDenied):
        officer.assistance.set_policy(cash_period_days=7)
    supervisor.assistance.set_policy(cash_period_days=7, caps={"CASH_GRANT_KHR": 200000})
    with pytest.raises(ValidationError, match="more than this site allows"):
        officer.assistance.give(pid, "CASH_GRANT_KHR", 250000)
    officer.assistance.give(pid, "CASH_GRANT_KHR", 200000)
    clock.advance(days=8)                           # outside the site's period: a new grant is fine
    officer.assistance.give(pid, "CASH_GRANT_KHR", 200000)
    with pytest.raises(ValidationError):
        supervisor.assistance.set_policy(cash_period_days=-1)
    with pytest.raises(ValidationError):
        supervisor.assistance.set_policy(cash_period_days=7, caps={"CASH_GRANT_USD": 10**9})


@pytest.mark.parametrize(("item", "qty", "provider", "field"), [
    ("CASH_GRANT_KHR", -5000, "", "quantity"),
    ("CASH_GRANT_KHR", 0, "", "quantity"),
    ("CASH_GRANT_USD", 1e12, "", "quantity"),
    ("CASH_GRANT_USD", float("nan"), "", "quantity"),
    ("WATER", 1.5, "", "quantity"),
    ("WATER", True, "", "quantity"),
    ("WATER", "2", "", "quantity"),
    ("WATER", 1, "ACME_NGO", "provider"),
    ("GOLD_BAR", 1, "", "item"),
])
def test_bad_input_writes_nothing(supervisor, sign_in, item, qty, provider, field) -> None:
    officer = sign_in("sokha")
    pid = officer.arrivals.quick_register(ADULT).person_id
    before = _count(officer)
    with pytest.raises(ValidationError) as e:
        officer.assistance.give(pid, item, qty, provider=provider)
    assert e.value.field == field
    assert _count(officer) == before
    assert officer.assistance.received(pid)["ever"] == []


def test_unknown_person_and_unusable_hq_content(supervisor, sign_in) -> None:
    officer = sign_in("sokha")
    with pytest.raises(NotFound):
        officer.assistance.give("0190a0b0-0000-7000-8000-000000000000", "WATER", 1)
    hq = codelists.DEFAULT.with_override("assistance_items", {"list": "assistance_items", "version": "hq-2", "codes": [
        {"code": "SIM_CARD", "label_en": "SIM card", "kind": "NON_FOOD", "unit": "kit", "max_quantity": 1},
        {"code": "BAD_UNIT", "label_en": "Gold", "kind": "CASH", "unit": "grams", "max_quantity": 5},
        {"code": "NO_MAX", "label_en": "Blanket", "kind": "NON_FOOD", "unit": "kit"}]})
    a = Assistance(officer._ctx, hq)
    assert [i.code for i in a.items()] == ["SIM_CARD"]          # HQ's entries that make no sense are not offered
    pid = officer.arrivals.quick_register(ADULT).person_id
    with pytest.raises(ValidationError):
        a.give(pid, "BAD_UNIT", 1, provider="IOM")
    a.give(pid, "SIM_CARD", 1, provider="IOM")                  # HQ extended the list
    assert [r["item_code"] for r in officer.assistance.received(pid)["ever"]] == ["SIM_CARD"]


def test_void_and_correct(supervisor, sign_in, clock) -> None:
    officer = sign_in("sokha")
    pid = officer.arrivals.quick_register(ADULT).person_id
    aid = officer.assistance.give(pid, "CASH_GRANT_KHR", 100000).ids["assistance"]
    with pytest.raises(ValidationError):
        officer.assistance.correct(aid, quantity=-1, reason="typed wrong")
    officer.assistance.correct(aid, quantity=80000, reason="typed wrong")
    assert officer.assistance.received(pid)["ever"][0]["quantity"] == 80000
    officer.assistance.void(aid, "given to the wrong person")
    with pytest.raises(ConflictError):
        officer.assistance.void(aid, "again")
    rec = officer.assistance.received(pid)["ever"][0]
    assert rec["voided"] == 1 and rec["void_reason"] == "given to the wrong person"
    officer.assistance.give(pid, "CASH_GRANT_KHR", 100000)      # a voided grant does not count
    assert supervisor.maintenance.verify().ok


def test_roles_without_the_need_cannot(supervisor, sign_in) -> None:
    officer, nurse, admin = sign_in("sokha"), sign_in("thida"), sign_in("rith")
    pid = officer.arrivals.quick_register(ADULT).person_id
    aid = officer.assistance.give(pid, "WATER", 1).ids["assistance"]
    for s in (nurse, admin):
        with pytest.raises(PermissionDenied):
            s.assistance.give(pid, "WATER", 1)
        with pytest.raises(PermissionDenied):
            s.assistance.received(pid)
        with pytest.raises(PermissionDenied):
            s.assistance.void(aid, "not allowed")
    with pytest.raises(PermissionDenied):
        nurse.assistance.figures(officer._ctx.today(), officer._ctx.today())
    with pytest.raises(PermissionDenied):
        officer.assistance.figures(officer._ctx.today(), officer._ctx.today())   # figures are the supervisor's


def test_figures_by_kind_provider_sex_and_age(supervisor, sign_in, clock) -> None:
    officer = sign_in("sokha")
    man = officer.arrivals.quick_register(ADULT).person_id
    girl = officer.arrivals.quick_register(GIRL).person_id
    officer.assistance.give(man, "WATER", 2)
    officer.assistance.give(girl, "WATER", 1)
    officer.assistance.give(girl, "SHELTER_NIGHT", 1)
    v = officer.assistance.give(man, "CASH_GRANT_USD", 40).ids["assistance"]
    officer.assistance.void(v, "wrong person")
    today = officer._ctx.today()
    f = supervisor.assistance.figures(today, today)
    assert f["given"] == 3 and f["persons"] == 2
    kp = {(r["kind"], r["provider"]): (r["given"], r["persons"]) for r in f["by_kind_provider"]}
    assert kp == {("FOOD_WATER", "IOM"): (2, 2), ("SHELTER", "MoSVY_PROVINCIAL_DOSVY"): (1, 1)}
    sa = {(r["sex"], r["age_group"]): (r["given"], r["persons"]) for r in f["by_sex_age"]}
    assert sa == {("M", "adult"): (1, 1), ("F", "child"): (2, 1)}
    assert f["by_item"]["WATER"]["quantity"] == 3
    assert supervisor.assistance.figures(today + timedelta(days=1), today + timedelta(days=9))["given"] == 0
    with pytest.raises(ValidationError):
        supervisor.assistance.figures(today, today - timedelta(days=1))
