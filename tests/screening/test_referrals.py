"""Suggested referrals: protection for trafficking indicators, child protection always, TB to a facility."""

from __future__ import annotations

import json
from typing import Any

import pytest

import checkpoint.screening.referrals as referral_module
from checkpoint import codelists
from checkpoint.errors import ValidationError
from checkpoint.screening import evaluate_tb, evaluate_trafficking, suggest_referrals

R_E_D = {"ILO-DR-1", "ILO-DR-2", "ILO-EX-1", "ILO-EX-2", "ILO-CD-1", "ILO-CD-2"}
E_ONLY = {"ILO-EX-1", "ILO-EX-2"}


def summary(refs: Any) -> list[tuple[str, str, str, str]]:
    return [(r.kind, r.agency_code, r.reason_code, r.urgency) for r in refs]


def test_adult_with_indicators_gets_same_day_protection() -> None:
    refs = suggest_referrals(evaluate_trafficking(R_E_D, age=30), age=30)
    assert summary(refs) == [
        ("protection", "MoSVY_PROVINCIAL_DOSVY", "TRAFFICKING_INDICATORS", "SAME_DAY"),
        ("protection", "IOM", "TRAFFICKING_INDICATORS", "SAME_DAY"),
    ]
    assert all("indicators of trafficking present — refer" in r.reason_en.lower() for r in refs)


def test_adult_without_indicators_gets_nothing() -> None:
    assert suggest_referrals(evaluate_trafficking({"ILO-DR-1"}, age=30), age=30) == ()
    assert suggest_referrals(age=30) == ()


def test_adult_with_exploitation_only_gets_a_routine_offer() -> None:
    refs = suggest_referrals(evaluate_trafficking(E_ONLY, age=30), age=30)
    assert summary(refs) == [("protection", "MoSVY_PROVINCIAL_DOSVY", "EXPLOITATION_INDICATORS", "ROUTINE")]


@pytest.mark.parametrize(
    ("ticks", "reason", "urgency"),
    [
        (None, "CHILD_RETURNEE", "ROUTINE"),
        (set(), "CHILD_RETURNEE", "ROUTINE"),
        ({"ILO-DR-1"}, "CHILD_RETURNEE", "ROUTINE"),
        (E_ONLY, "CHILD_EXPLOITATION_INDICATORS", "SAME_DAY"),
        ({"ILO-DR-1", "ILO-DR-2"} | E_ONLY, "CHILD_TRAFFICKING_INDICATORS", "SAME_DAY"),
    ],
)
def test_a_child_always_gets_child_protection(ticks: set[str] | None, reason: str, urgency: str) -> None:
    t = evaluate_trafficking(ticks, age=16) if ticks is not None else None
    refs = suggest_referrals(t, age=16)
    assert summary(refs) == [("child_protection", "MoSVY_PROVINCIAL_DOSVY", reason, urgency)]


def test_age_18_is_no_longer_child_protection() -> None:
    assert suggest_referrals(age=17)[0].kind == "child_protection"
    assert suggest_referrals(age=18) == ()


@pytest.mark.parametrize(
    ("tb_kwargs", "reason", "urgency", "facility"),
    [
        ({"age": 30, "fever": True}, "TB_PRESUMPTIVE", "SAME_DAY", "KH01-POIPET-RH"),
        ({"age": 60}, "TB_HIGH_RISK", "ROUTINE", "KH01-POIPET-RH"),
    ],
)
def test_tb_goes_to_a_facility_from_the_list(
    tb_kwargs: dict[str, Any], reason: str, urgency: str, facility: str
) -> None:
    age = tb_kwargs["age"]
    refs = suggest_referrals(tb=evaluate_tb(**tb_kwargs), age=age)
    assert summary(refs) == [("health", facility, reason, urgency)]
    r = refs[0]
    assert r.facility_code == facility and codelists.is_valid("health_facilities", facility)
    for word in ("traffick", "victim", "exploit", "protection"):
        assert word not in r.reason_en.lower()


def test_negative_tb_screen_suggests_nothing() -> None:
    assert suggest_referrals(tb=evaluate_tb(age=30), age=30) == ()


def test_facility_choice_follows_the_reference_list(monkeypatch: pytest.MonkeyPatch) -> None:
    # The referral rules read the code lists through the module; give them HQ's lists instead (a CodeLists
    # answers what the module does).
    hq = codelists.DEFAULT.with_override("health_facilities", {
        "list": "health_facilities", "version": "hq-2",
        "codes": [
            {"code": "HC-NO-XRAY", "label_en": "Health centre", "label_km": "", "cxr": False, "xpert": False},
            {"code": "RH-XRAY-ONLY", "label_en": "Hospital A", "label_km": "", "cxr": True, "xpert": False},
            {"code": "RH-FULL", "label_en": "Hospital B", "label_km": "", "cxr": True, "xpert": True},
        ],
    })
    monkeypatch.setattr(referral_module, "codelists", hq)
    presumptive = suggest_referrals(tb=evaluate_tb(age=30, cough=True), age=30)[0]
    high_risk = suggest_referrals(tb=evaluate_tb(age=30, diabetes=True), age=30)[0]
    assert presumptive.facility_code == "RH-FULL"
    assert high_risk.facility_code == "RH-XRAY-ONLY"


def test_order_is_child_protection_protection_health() -> None:
    t = evaluate_trafficking({"ILO-DR-1", "ILO-DR-2"} | E_ONLY, age=12)
    refs = suggest_referrals(t, evaluate_tb(age=12, poor_weight_gain=True), age=12)
    assert [r.kind for r in refs] == ["child_protection", "health"]
    adult = suggest_referrals(evaluate_trafficking(R_E_D, age=40), evaluate_tb(age=40, fever=True), age=40)
    assert [r.kind for r in adult] == ["protection", "protection", "health"]


def test_every_suggested_agency_is_in_the_code_list() -> None:
    t = evaluate_trafficking(R_E_D, age=30)
    for age in (5, 30):
        for r in suggest_referrals(t, evaluate_tb(age=age, fever=True), age=age):
            assert codelists.is_valid("health_facilities" if r.kind == "health" else "agencies", r.agency_code)
            assert codelists.is_valid("referral_urgencies", r.urgency)
            assert r.urgency != "IMMEDIATE_DANGER"
            assert "victim" not in r.reason_en.lower()
            json.dumps(r.to_dict())


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((), {"age": -1}),
        ((), {"age": True}),
        ((), {"age": "12"}),
        (("PRESUMED_VICTIM",), {"age": 30}),
        ((None, "PRESUMPTIVE_TB_REFER"), {"age": 30}),
    ],
)
def test_bad_input(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        suggest_referrals(*args, **kwargs)
