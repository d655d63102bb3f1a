"""The TB referral rule of spec §3.6: each clause, the boundaries, the W4SS override, and bad input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkpoint.errors import ValidationError
from checkpoint.screening import evaluate_tb

P, H, N = "PRESUMPTIVE_TB_REFER", "HIGH_RISK_REFER_CXR", "SCREEN_NEGATIVE"

# (kwargs, outcome, decisive)
TABLE: list[tuple[dict[str, Any], str, tuple[str, ...]]] = [
    # adults, any-symptom mode (default): every symptom alone refers
    ({"age": 30}, N, ()),
    ({"age": 30, "cough": True, "cough_days": 1}, P, ("TB-S1",)),
    ({"age": 30, "cough": True}, P, ("TB-S1",)),  # duration optional in this mode
    ({"age": 30, "haemoptysis": True}, P, ("TB-S2",)),
    ({"age": 30, "fever": True}, P, ("TB-S3",)),
    ({"age": 30, "night_sweats": True}, P, ("TB-S4",)),
    ({"age": 30, "weight_loss": True}, P, ("TB-S5",)),
    ({"age": 30, "fever": True, "weight_loss": True, "contact": True}, P, ("TB-S3", "TB-S5")),
    # prolonged-cough mode: the 14-day boundary, haemoptysis always refers, other symptoms not counted
    ({"age": 30, "mode": "prolonged_cough", "cough": True, "cough_days": 14}, P, ("TB-S1", "TB-S1d")),
    ({"age": 30, "mode": "prolonged_cough", "cough": True, "cough_days": 13}, N, ()),
    ({"age": 30, "mode": "prolonged_cough", "cough": True, "cough_days": 0}, N, ()),
    ({"age": 30, "mode": "prolonged_cough", "haemoptysis": True}, P, ("TB-S2",)),
    ({"age": 30, "mode": "prolonged_cough", "fever": True, "night_sweats": True, "weight_loss": True}, N, ()),
    ({"age": 30, "mode": "prolonged_cough", "fever": True, "diabetes": True}, H, ("TB-R4",)),
    # W4SS override for people living with HIV, in either mode
    ({"age": 30, "hiv": "positive", "mode": "prolonged_cough", "cough": True, "cough_days": 2}, P, ("TB-S1",)),
    ({"age": 30, "hiv": "negative", "mode": "prolonged_cough", "cough": True, "cough_days": 2}, N, ()),
    ({"age": 30, "hiv": "unknown", "mode": "prolonged_cough", "cough": True, "cough_days": 2}, N, ()),
    ({"age": 30, "hiv": "positive", "mode": "prolonged_cough", "fever": True}, P, ("TB-S3",)),
    ({"age": 30, "hiv": "positive", "mode": "prolonged_cough", "night_sweats": True}, P, ("TB-S4",)),
    ({"age": 30, "hiv": "positive", "mode": "prolonged_cough", "weight_loss": True}, P, ("TB-S5",)),
    ({"age": 30, "hiv": "positive", "haemoptysis": True}, P, ("TB-S2",)),
    ({"age": 30, "hiv": "positive"}, H, ("TB-R1",)),  # no symptom: HIV itself is a risk factor
    # children under 15: the child list, whatever the mode; age 15 is an adult for this rule
    ({"age": 14, "poor_weight_gain": True}, P, ("TB-S6",)),
    ({"age": 0, "poor_weight_gain": True}, P, ("TB-S6",)),
    ({"age": 14, "mode": "prolonged_cough", "cough": True, "cough_days": 2}, P, ("TB-S1",)),
    ({"age": 15, "mode": "prolonged_cough", "cough": True, "cough_days": 2}, N, ()),
    ({"age": 14, "mode": "prolonged_cough", "fever": True}, P, ("TB-S3",)),
    ({"age": 15, "mode": "prolonged_cough", "fever": True}, N, ()),
    ({"age": 14, "hiv": "positive", "poor_weight_gain": True}, P, ("TB-S6",)),
    ({"age": 10}, N, ()),
    # risk factors with no counted symptom; the age-55 boundary
    ({"age": 55}, H, ("TB-R6",)),
    ({"age": 54}, N, ()),
    ({"age": 30, "contact": True}, H, ("TB-R2",)),
    ({"age": 30, "previous_tb": True}, H, ("TB-R3",)),
    ({"age": 30, "diabetes": True}, H, ("TB-R4",)),
    ({"age": 30, "recent_detention": True}, H, ("TB-R5",)),
    ({"age": 70, "hiv": "positive", "recent_detention": True}, H, ("TB-R1", "TB-R5", "TB-R6")),
    ({"age": 10, "contact": True}, H, ("TB-R2",)),
]


@pytest.mark.parametrize(("kwargs", "outcome", "decisive"), TABLE)
def test_rule_table(kwargs: dict[str, Any], outcome: str, decisive: tuple[str, ...]) -> None:
    r = evaluate_tb(**kwargs)
    assert r.outcome == outcome
    assert r.decisive == decisive
    assert r.presumptive is (outcome == P)
    assert r.urgency == {P: "SAME_DAY", H: "ROUTINE", N: None}[outcome]


@pytest.mark.parametrize(
    ("kwargs", "rule"),
    [
        ({"age": 14}, "child_under_15"),
        ({"age": 14, "hiv": "positive", "mode": "prolonged_cough"}, "child_under_15"),
        ({"age": 15, "hiv": "positive", "mode": "prolonged_cough"}, "w4ss_hiv"),
        ({"age": 15, "hiv": "POSITIVE"}, "w4ss_hiv"),
        ({"age": 15}, "any_symptom"),
        ({"age": 15, "mode": "prolonged_cough"}, "prolonged_cough"),
    ],
)
def test_which_rule_applies(kwargs: dict[str, Any], rule: str) -> None:
    r = evaluate_tb(**kwargs)
    assert r.rule == rule
    assert any(line.startswith("Screen rule:") for line in r.explanation)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"age": 30, "cough_days": 5},  # cough days without a cough
        {"age": 30, "cough": True, "cough_days": -1},
        {"age": 30, "cough": True, "cough_days": 2.5},
        {"age": 30, "cough": True, "cough_days": True},
        {"age": 30, "cough": True, "mode": "prolonged_cough"},  # duration needed in this mode
        {"age": -1},
        {"age": 131},
        {"age": True},
        {"age": 30.0},
        {"age": None},
        {"age": 30, "hiv": "maybe"},
        {"age": 30, "hiv": None},
        {"age": 30, "mode": "cough_only"},
        {"age": 30, "cough": "yes"},
        {"age": 30, "fever": 1},
        {"age": 30, "contact": None},
        {"age": 15, "poor_weight_gain": True},  # child-only item for someone 15 or over
    ],
)
def test_inconsistent_input_raises(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        evaluate_tb(**kwargs)


def test_zero_cough_days_without_cough_is_consistent() -> None:
    assert evaluate_tb(age=30, cough=False, cough_days=0).outcome == N


def test_explanation_says_what_was_not_counted_in_prolonged_mode() -> None:
    r = evaluate_tb(age=40, mode="prolonged_cough", cough=True, cough_days=10, fever=True)
    text = "\n".join(r.explanation)
    assert "Cough for 10 day(s) is under the 14 days" in text
    assert "fever (TB-S3)" in text and "not counted" in text
    assert r.outcome == N


def test_explanation_of_a_presumptive_result() -> None:
    r = evaluate_tb(age=40, fever=True, contact=True)
    text = "\n".join(r.explanation)
    assert "Symptoms counted: fever (TB-S3)" in text
    assert "household" in text.lower() or "close contact" in text.lower()
    assert "not a diagnosis" in text
    assert "traffick" not in text.lower()


def test_to_dict_is_json_and_complete() -> None:
    r = evaluate_tb(age=60, hiv="positive", mode="prolonged_cough", cough=True, cough_days=3, diabetes=True)
    d = json.loads(json.dumps(r.to_dict()))
    assert d["outcome"] == P and d["decisive"] == ["TB-S1"]
    assert d["mode"] == "prolonged_cough" and d["rule"] == "w4ss_hiv"
    assert d["risk_factors"] == ["TB-R1", "TB-R4", "TB-R6"]
    assert d["symptoms"] == ["TB-S1"]
    assert (d["content_id"], d["content_version"]) == ("tb-screen", "2021.1-cp1")
    assert d["urgency"] == "SAME_DAY" and d["cough_days"] == 3 and d["hiv"] == "positive"


# ---- properties -------------------------------------------------------------------------------------------

SYMPTOMS = ("cough", "haemoptysis", "fever", "night_sweats", "weight_loss", "poor_weight_gain")
RISKS = ("contact", "previous_tb", "diabetes", "recent_detention")


@st.composite
def tb_inputs(draw: Any) -> dict[str, Any]:
    age = draw(st.integers(min_value=0, max_value=100))
    kw: dict[str, Any] = {
        "age": age,
        "hiv": draw(st.sampled_from(["positive", "negative", "unknown"])),
        "mode": draw(st.sampled_from(["any_symptom", "prolonged_cough"])),
    }
    for name in SYMPTOMS + RISKS:
        kw[name] = draw(st.booleans())
    if age >= 15:
        kw["poor_weight_gain"] = False
    if kw["cough"]:
        kw["cough_days"] = draw(st.integers(min_value=0, max_value=60))
    return kw


def spec_reference(kw: dict[str, Any]) -> str:
    """The pseudocode of spec §3.6."""
    cough, days = kw["cough"], kw.get("cough_days") or 0
    sym = {k: kw[k] for k in SYMPTOMS}
    if kw["age"] < 15:
        presumptive = any(sym.values())
    elif kw["hiv"] == "positive":
        presumptive = cough or sym["fever"] or sym["night_sweats"] or sym["weight_loss"] or sym["haemoptysis"]
    elif kw["mode"] == "any_symptom":
        presumptive = cough or sym["haemoptysis"] or sym["fever"] or sym["night_sweats"] or sym["weight_loss"]
    else:
        presumptive = (cough and days >= 14) or sym["haemoptysis"]
    if presumptive:
        return P
    if any(kw[r] for r in RISKS) or kw["hiv"] == "positive" or kw["age"] >= 55:
        return H
    return N


@settings(max_examples=500, deadline=None)
@given(tb_inputs(), st.sampled_from(SYMPTOMS), st.integers(min_value=0, max_value=60))
def test_adding_a_symptom_never_turns_a_referral_negative(kw: dict[str, Any], add: str, days: int) -> None:
    before = evaluate_tb(**kw)
    if add == "poor_weight_gain" and kw["age"] >= 15:
        return
    more = dict(kw, **{add: True})
    if add == "cough" and "cough_days" not in more:
        more["cough_days"] = days
    after = evaluate_tb(**more)
    if before.outcome != N:
        assert after.outcome != N
    if before.outcome == P:
        assert after.outcome == P


@settings(max_examples=500, deadline=None)
@given(tb_inputs())
def test_engine_matches_the_spec_pseudocode(kw: dict[str, Any]) -> None:
    r = evaluate_tb(**kw)
    assert r.outcome == spec_reference(kw)
    assert not any("victim" in line.lower() or "traffick" in line.lower() for line in r.explanation)
