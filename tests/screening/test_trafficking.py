"""The ILO rule engine: rule A per dimension, rule B across dimensions, flags, explanation, audit record."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkpoint.errors import ValidationError
from checkpoint.screening import evaluate_trafficking, indicator_set

ADULT = indicator_set("ilo-labour-adult")
CHILD = indicator_set("ilo-labour-child")
DIMS = ("DR", "CR", "VR", "EX", "CD", "VD")


def pick(s: Any, dim: str, strong: int, medium: int, weak: int) -> set[str] | None:
    """Ticks in one dimension with exactly these grade counts, or None if the set cannot supply them."""
    out: set[str] = set()
    for grade, n in (("S", strong), ("M", medium), ("W", weak)):
        ids = [i.id for i in s.items if i.dimension == dim and i.grade == grade][:n]
        if len(ids) < n:
            return None
        out.update(ids)
    return out


# Rule A (spec §1.4): every clause at its threshold and one below. (s, m, w, positive, clauses met)
RULE_A = [
    (0, 0, 0, False, ()),
    (2, 0, 0, True, ("A1",)),  # clause 1 at threshold
    (1, 0, 0, False, ()),  # one strong alone is not enough
    (3, 0, 0, True, ("A1",)),
    (1, 1, 0, True, ("A2",)),  # clause 2 with a medium
    (1, 0, 1, True, ("A2",)),  # clause 2 with a weak
    (2, 1, 0, True, ("A1", "A2")),
    (0, 3, 0, True, ("A3",)),  # clause 3 at threshold
    (0, 2, 0, False, ()),  # two mediums alone are not enough
    (0, 2, 1, True, ("A4",)),  # clause 4 at threshold
    (0, 1, 1, False, ()),  # one below clause 4 on m
    (0, 1, 2, False, ()),  # m=1 with any number of weak stays negative
    (0, 1, 4, False, ()),
    (0, 0, 1, False, ()),  # weak only
    (0, 0, 2, False, ()),
    (0, 0, 4, False, ()),
    (0, 4, 2, True, ("A3", "A4")),
    (1, 2, 1, True, ("A2", "A4")),
]


RULE_A_CASES = [
    pytest.param(age, dim, *row, id=f"{'adult' if age >= 18 else 'child'}-{dim}-s{row[0]}m{row[1]}w{row[2]}")
    for age in (30, 12)
    for dim in DIMS
    for row in RULE_A
    if pick(ADULT if age >= 18 else CHILD, dim, *row[:3]) is not None
]


@pytest.mark.parametrize(("age", "dim", "s", "m", "w", "positive", "clauses"), RULE_A_CASES)
def test_rule_a_clause_by_clause(
    age: int, dim: str, s: int, m: int, w: int, positive: bool, clauses: tuple[str, ...]
) -> None:
    ticks = pick(ADULT if age >= 18 else CHILD, dim, s, m, w)
    assert ticks is not None
    r = evaluate_trafficking(ticks, age=age)
    d = r.dimension(dim)
    assert (d.strong, d.medium, d.weak) == (s, m, w)
    assert d.positive is positive
    assert d.clauses == clauses
    assert (dim in r.positive_dimensions) is positive
    assert r.positive_dimensions <= {dim}
    assert r.to_dict()["dimensions"][dim] == {
        "s": s, "m": m, "w": w, "positive": positive, "clauses": list(clauses), "ticked": sorted(ticks),
    }


def test_every_rule_a_row_ran_somewhere() -> None:
    for s, m, w, _, _ in RULE_A:
        assert any(pick(ADULT, d, s, m, w) is not None for d in DIMS), (s, m, w)


@pytest.mark.parametrize(
    ("ticks", "why"),
    [
        ({"ILO-DR-1", "ILO-CR-1"}, "two strongs in two dimensions are two single strongs"),
        ({"ILO-EX-1", "ILO-CD-1"}, "strong in EX and strong in CD"),
        ({"ILO-DR-2", "ILO-CR-3", "ILO-VR-1"}, "three mediums spread over three dimensions"),
        ({"ILO-VR-1", "ILO-VR-2", "ILO-VD-6"}, "two mediums in VR plus a weak in VD"),
        ({"ILO-CD-2", "ILO-VD-1"}, "strong in CD plus a medium in VD"),
    ],
)
def test_counts_are_never_pooled_across_dimensions(ticks: set[str], why: str) -> None:
    r = evaluate_trafficking(ticks, age=30)
    assert r.positive_dimensions == frozenset(), why
    assert r.outcome == "NOT_INDICATED"


def test_duplicates_count_once() -> None:
    r = evaluate_trafficking(["ILO-DR-1", "ILO-DR-1", "ILO-DR-1"], age=30)
    assert (r.dimension("DR").strong, r.dimension("DR").positive) == (1, False)
    assert r.ticked == ("ILO-DR-1",)
    r2 = evaluate_trafficking(("ILO-VR-1", "ILO-VR-2", "ILO-VR-2"), age=30)
    assert r2.dimension("VR").medium == 2 and not r2.dimension("VR").positive


# Known-positive ticks for each dimension, valid in both sets.
POS = {
    "DR": {"ILO-DR-1", "ILO-DR-2"},
    "CR": {"ILO-CR-1", "ILO-CR-3"},
    "VR": {"ILO-VR-1", "ILO-VR-2", "ILO-VR-3"},
    "EX": {"ILO-EX-1", "ILO-EX-2"},
    "CD": {"ILO-CD-1", "ILO-CD-2"},
    "VD": {"ILO-VD-1", "ILO-VD-2", "ILO-VD-3"},
}


def ticks_for(*dims: str) -> set[str]:
    out: set[str] = set()
    for d in dims:
        out |= POS[d]
    return out


# Rule B (spec §1.5). (positive dimensions, adult outcome, child outcome with R_AND_E)
RULE_B = [
    ((), "NOT_INDICATED", "NOT_INDICATED"),
    (("DR", "EX", "CD"), "PRESUMED_VICTIM", "PRESUMED_VICTIM"),
    (("CR", "EX", "VD"), "PRESUMED_VICTIM", "PRESUMED_VICTIM"),
    (("VR", "EX", "CD"), "PRESUMED_VICTIM", "PRESUMED_VICTIM"),
    (("DR", "EX"), "NOT_INDICATED", "PRESUMED_VICTIM"),  # destination missing: adult no, child yes
    (("VR", "EX"), "NOT_INDICATED", "PRESUMED_VICTIM"),
    (("DR", "CD"), "NOT_INDICATED", "NOT_INDICATED"),  # exploitation missing
    (("EX", "CD"), "NOT_INDICATED", "NOT_INDICATED"),  # recruitment missing
    (("EX",), "NOT_INDICATED", "NOT_INDICATED"),
    (("DR", "CR", "VR", "CD", "VD"), "NOT_INDICATED", "NOT_INDICATED"),
    (("DR", "CR", "VR", "EX", "CD", "VD"), "PRESUMED_VICTIM", "PRESUMED_VICTIM"),
]


@pytest.mark.parametrize(("dims", "adult", "child"), RULE_B)
def test_rule_b_adult_versus_child_on_identical_ticks(dims: tuple[str, ...], adult: str, child: str) -> None:
    ticks = ticks_for(*dims)
    a = evaluate_trafficking(ticks, age=18)
    c = evaluate_trafficking(ticks, age=17)
    c_adult_rule = evaluate_trafficking(ticks, age=17, child_rule="ADULT_RULE")
    assert a.positive_dimensions == c.positive_dimensions == frozenset(dims)
    assert a.outcome == adult and a.ilo_set == "ADULT_LABOUR"
    assert c.outcome == child and c.ilo_set == "CHILD_LABOUR"
    assert c_adult_rule.outcome == adult
    for r in (a, c, c_adult_rule):
        assert r.htcds_trafficking_status == ("PossibleVictimOfTrafficking" if r.outcome == "PRESUMED_VICTIM" else "")


@pytest.mark.parametrize(
    ("ticks", "dim", "adult_positive", "child_positive"),
    [
        ({"ILO-CR-2", "ILO-CR-7"}, "CR", False, True),  # M+M adult, S+S child
        ({"ILO-DR-10", "ILO-DR-2"}, "DR", False, True),  # W+M adult, S+M child
        ({"ILO-CD-5", "ILO-CD-6"}, "CD", False, True),
        ({"ILO-VD-6", "ILO-VD-7", "ILO-VD-1"}, "VD", False, True),  # W+W+M adult, 3M child
        ({"ILO-EX-9", "ILO-EX-2"}, "EX", False, False),  # W+M adult, M+M child
    ],
)
def test_the_grade_depends_on_the_set(ticks: set[str], dim: str, adult_positive: bool, child_positive: bool) -> None:
    assert evaluate_trafficking(ticks, age=18).dimension(dim).positive is adult_positive
    assert evaluate_trafficking(ticks, age=17).dimension(dim).positive is child_positive


@pytest.mark.parametrize(("age", "cid"), [(0, "ilo-labour-child"), (17, "ilo-labour-child"), (18, "ilo-labour-adult")])
def test_age_18_selects_the_adult_set(age: int, cid: str) -> None:
    assert evaluate_trafficking(set(), age=age).content_id == cid


@pytest.mark.parametrize(
    ("ticks", "age", "flags", "outcome"),
    [
        (ticks_for("EX"), 15, {"CHILD_PROTECTION", "EXPLOITATION_ONLY"}, "NOT_INDICATED"),
        (ticks_for("EX", "CD"), 15, {"CHILD_PROTECTION", "EXPLOITATION_ONLY"}, "NOT_INDICATED"),
        (ticks_for("DR", "EX"), 15, {"CHILD_PROTECTION"}, "PRESUMED_VICTIM"),
        (ticks_for("DR", "CD"), 15, set(), "NOT_INDICATED"),
        (ticks_for("EX"), 30, {"EXPLOITATION_ONLY"}, "NOT_INDICATED"),
        (ticks_for("EX", "CD", "VD"), 30, {"EXPLOITATION_ONLY"}, "NOT_INDICATED"),
        (ticks_for("VR", "EX"), 30, set(), "NOT_INDICATED"),
        ({"ILO-EX-1"}, 15, set(), "NOT_INDICATED"),  # EX not positive: no child flag
        ({"ILO-VR-1", "ILO-VR-2", "ILO-VR-14"}, 30, {"UNVERIFIED_GRADE_USED"}, "NOT_INDICATED"),
        ({"ILO-VR-15"}, 30, {"UNVERIFIED_GRADE_USED"}, "NOT_INDICATED"),
        ({"ILO-VR-14", "ILO-VR-15"}, 12, set(), "NOT_INDICATED"),  # graded M, verified, in the child set
    ],
)
def test_flags(ticks: set[str], age: int, flags: set[str], outcome: str) -> None:
    r = evaluate_trafficking(ticks, age=age)
    assert r.flags == frozenset(flags)
    assert r.outcome == outcome


def test_unverified_weak_grade_can_decide_a_dimension() -> None:
    # VR-14 is W in the adult set: two mediums plus it make VR positive (clause 4), and the result says so.
    r = evaluate_trafficking({"ILO-VR-1", "ILO-VR-2", "ILO-VR-14"} | ticks_for("EX", "CD"), age=40)
    assert r.dimension("VR").clauses == ("A4",)
    assert r.outcome == "PRESUMED_VICTIM"
    assert r.unverified_items == ("ILO-VR-14",)
    assert "UNVERIFIED_GRADE_USED" in r.flags
    assert any("ILO-VR-14" in line and "not yet verified" in line for line in r.explanation)


@pytest.mark.parametrize(
    ("ticked", "age", "kwargs"),
    [
        ({"ILO-DR-99"}, 30, {}),
        ({"ILO-ZZ-1"}, 30, {}),
        ({"ilo-dr-1"}, 30, {}),
        ({""}, 30, {}),
        ({"ILO-VR-7"}, 17, {}),  # adult-only item asked of a child
        ({"ILO-EX-6"}, 10, {}),
        ("ILO-DR-1", 30, {}),  # a bare string is not a set of ids
        ({1}, 30, {}),
        (None, 30, {}),
        (set(), -1, {}),
        (set(), 131, {}),
        (set(), True, {}),
        (set(), 17.5, {}),
        (set(), "17", {}),
        (set(), 12, {"child_rule": "ANYTHING"}),
    ],
)
def test_bad_input_raises_validation_error(ticked: Any, age: Any, kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as e:
        evaluate_trafficking(ticked, age=age, **kwargs)
    assert isinstance(e.value, ValueError)


def test_adult_only_item_is_named_in_the_error() -> None:
    with pytest.raises(ValidationError, match="ILO-VR-7"):
        evaluate_trafficking({"ILO-VR-7"}, age=17)


def test_explanation_reads_dimension_by_dimension_and_says_refer() -> None:
    r = evaluate_trafficking(ticks_for("DR", "EX", "CD") | {"ILO-CR-1"}, age=25)
    text = "\n".join(r.explanation)
    assert "DR Deceptive recruitment: 1 strong, 1 medium, 0 weak — positive" in text
    assert "CR Coercive recruitment: 1 strong, 0 medium, 0 weak — not positive: one strong indicator alone" in text
    assert "Result: indicators of trafficking present — refer." in text
    assert "2009.1-cp1" in text


def test_explanation_of_a_negative_names_what_is_missing() -> None:
    r = evaluate_trafficking(ticks_for("DR", "EX"), age=25)
    assert any("missing: destination" in line for line in r.explanation)
    assert not any("present — refer" in line for line in r.explanation)
    child = evaluate_trafficking(ticks_for("EX"), age=10)
    assert any("child-protection referral is required" in line for line in child.explanation)


def test_to_dict_is_json_and_complete() -> None:
    r = evaluate_trafficking(ticks_for("DR", "EX", "CD") | {"ILO-VR-14"}, age=33)
    d = json.loads(json.dumps(r.to_dict()))
    assert d["outcome"] == "PRESUMED_VICTIM"
    assert d["ilo_set"] == "ADULT_LABOUR"
    assert d["content_id"] == "ilo-labour-adult" and d["content_version"] == "2009.1-cp1"
    assert d["ticked"] == sorted(r.ticked)
    assert d["flags"] == ["UNVERIFIED_GRADE_USED"]
    assert d["positive_dimensions"] == ["DR", "EX", "CD"]
    assert d["grades_used"]["ILO-VR-14"] == "W"
    assert set(d["dimensions"]) == set(DIMS)
    assert d["htcds_trafficking_status"] == "PossibleVictimOfTrafficking"
    assert d["explanation"] == list(r.explanation)


def test_result_is_frozen() -> None:
    r = evaluate_trafficking(set(), age=30)
    with pytest.raises(AttributeError):
        r.outcome = "PRESUMED_VICTIM"  # type: ignore[misc]


# ---- properties -------------------------------------------------------------------------------------------

ADULT_IDS = sorted(ADULT.by_id)
CHILD_IDS = sorted(CHILD.by_id)


def spec_reference(ticks: set[str], s: Any, is_child: bool, child_rule: str) -> bool:
    """The reference pseudocode of spec §1.7, verbatim in logic."""

    def dim_positive(st: int, m: int, w: int) -> bool:
        return st >= 2 or (st >= 1 and m + w >= 1) or m >= 3 or (m >= 2 and w >= 1)

    counts = {d: [0, 0, 0] for d in DIMS}
    for item in set(ticks):
        counts[item.split("-")[1]]["SMW".index(s.by_id[item].grade)] += 1
    pos = {d: dim_positive(*c) for d, c in counts.items()}
    r = pos["DR"] or pos["CR"] or pos["VR"]
    e = pos["EX"]
    dd = pos["CD"] or pos["VD"]
    if is_child and child_rule == "R_AND_E":
        return r and e
    return r and e and dd


@st.composite
def screens(draw: Any) -> tuple[int, set[str], str, str]:
    age = draw(st.integers(min_value=0, max_value=100))
    ids = CHILD_IDS if age < 18 else ADULT_IDS
    ticks = draw(st.sets(st.sampled_from(ids), max_size=30))
    extra = draw(st.sampled_from(ids))
    rule = draw(st.sampled_from(["R_AND_E", "ADULT_RULE"]))
    return age, ticks, extra, rule


@settings(max_examples=400, deadline=None)
@given(screens())
def test_adding_a_tick_never_removes_a_positive(screen: tuple[int, set[str], str, str]) -> None:
    age, ticks, extra, rule = screen
    before = evaluate_trafficking(ticks, age=age, child_rule=rule)
    after = evaluate_trafficking(ticks | {extra}, age=age, child_rule=rule)
    if before.outcome == "PRESUMED_VICTIM":
        assert after.outcome == "PRESUMED_VICTIM"
    assert before.positive_dimensions <= after.positive_dimensions
    assert before.flags - {"EXPLOITATION_ONLY"} <= after.flags


@settings(max_examples=400, deadline=None)
@given(screens())
def test_engine_matches_the_spec_pseudocode_and_never_says_victim(screen: tuple[int, set[str], str, str]) -> None:
    age, ticks, _, rule = screen
    r = evaluate_trafficking(ticks, age=age, child_rule=rule)
    s = CHILD if age < 18 else ADULT
    assert (r.outcome == "PRESUMED_VICTIM") is spec_reference(ticks, s, age < 18, rule)
    assert not any("victim" in line.lower() for line in r.explanation)
    assert len(r.explanation) >= 10
