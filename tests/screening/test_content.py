"""The shipped checklist content: complete, bilingual, graded as the spec says, versioned, and checked on load."""

from __future__ import annotations

import copy
import json
import re
from importlib import resources
from typing import Any

import pytest

from checkpoint import codelists
from checkpoint.errors import ValidationError
from checkpoint.screening import (
    DIMENSIONS,
    evaluate_tb,
    evaluate_trafficking,
    indicator_set,
    parse_content,
    tb_items,
    trafficking_items,
)
from checkpoint.screening._content import referral_rules

KHMER = re.compile("[\u1780-\u17ff]")

# Grades copied by hand from spec/domain.md §1.3 (AL, CL; "-" = not in the set), item by item.
SPEC_GRADES = {
    "DR": "S S|M M|M M|M M|M M|M M|M M|M M|M M|W S",
    "CR": "S S|M S|M M|M S|M M|M M|M S|M M|M M|M M",
    "VR": "M M|M M|M M|M M|M M|M M|M -|M M|M M|M M|M M|M M|W M|W M|W M|W M",
    "EX": "S S|M M|M M|M M|M M|M -|M M|M M|W M",
    "CD": "S S|S S|S S|S S|M S|M S|M M|M M|M M|M M|M S|M S|M M|M M|W M",
    "VD": "M M|M M|M M|M M|M M|W M|W M",
}
EXPECTED = {
    "ilo-labour-adult": {
        f"ILO-{dim}-{n}": pair.split()[0]
        for dim, row in SPEC_GRADES.items()
        for n, pair in enumerate(row.split("|"), 1)
        if pair.split()[0] != "-"
    },
    "ilo-labour-child": {
        f"ILO-{dim}-{n}": pair.split()[1]
        for dim, row in SPEC_GRADES.items()
        for n, pair in enumerate(row.split("|"), 1)
        if pair.split()[1] != "-"
    },
}
SPEC_COUNTS = {
    "ilo-labour-adult": {"DR": 10, "CR": 10, "VR": 16, "EX": 9, "CD": 15, "VD": 7},
    "ilo-labour-child": {"DR": 10, "CR": 10, "VR": 15, "EX": 8, "CD": 15, "VD": 7},
}


def _raw(name: str) -> dict[str, Any]:
    text = resources.files("checkpoint.screening").joinpath("content", f"{name}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@pytest.mark.parametrize("cid", ["ilo-labour-adult", "ilo-labour-child"])
def test_counts_per_dimension_match_the_spec(cid: str) -> None:
    s = indicator_set(cid)
    counts = {code: sum(1 for i in s.items if i.dimension == code) for code in SPEC_COUNTS[cid]}
    assert counts == SPEC_COUNTS[cid]
    assert len(s.items) == {"ilo-labour-adult": 67, "ilo-labour-child": 65}[cid]


@pytest.mark.parametrize("cid", ["ilo-labour-adult", "ilo-labour-child"])
def test_every_grade_matches_the_spec_table(cid: str) -> None:
    s = indicator_set(cid)
    assert {i.id: i.grade for i in s.items} == EXPECTED[cid]


def test_child_set_leaves_out_vr7_and_ex6_and_has_no_weak_grade() -> None:
    child = indicator_set("ilo-labour-child")
    assert "ILO-VR-7" not in child.by_id and "ILO-EX-6" not in child.by_id
    assert {i.grade for i in child.items} == {"S", "M"}


@pytest.mark.parametrize("cid", ["ilo-labour-adult", "ilo-labour-child"])
def test_every_item_is_written_in_english_and_khmer(cid: str) -> None:
    for item in indicator_set(cid).items:
        for text in (item.title, item.question_en, item.guidance_en):
            assert text.strip() and not KHMER.search(text), item.id
        for text in (item.question_km, item.guidance_km):
            assert KHMER.search(text), item.id
        assert item.grade in ("S", "M", "W")
        assert item.grade_status
        assert isinstance(item.needs_review, bool)


def test_unresolved_adult_grades_ship_as_weak_and_unverified() -> None:
    adult, child = indicator_set("ilo-labour-adult"), indicator_set("ilo-labour-child")
    for iid in ("ILO-VR-14", "ILO-VR-15"):
        assert (adult.by_id[iid].grade, adult.by_id[iid].grade_status) == ("W", "unverified")
        assert adult.by_id[iid].grade_note
        assert child.by_id[iid].grade_status != "unverified"
    assert [i.id for i in adult.items if i.grade_status == "unverified"] == ["ILO-VR-14", "ILO-VR-15"]
    assert not [i.id for i in child.items if i.grade_status == "unverified"]


def test_items_come_in_dimension_order() -> None:
    ids = [i.id for i in trafficking_items(age=30)]
    assert ids[:3] == ["ILO-DR-1", "ILO-DR-2", "ILO-DR-3"]
    assert ids[9:11] == ["ILO-DR-10", "ILO-CR-1"]
    dims = [i.dimension for i in trafficking_items(age=30)]
    assert [d for n, d in enumerate(dims) if n == 0 or dims[n - 1] != d] == ["DR", "CR", "VR", "EX", "CD", "VD"]
    assert [i.id for i in trafficking_items(age=17)] == [i.id for i in indicator_set("ilo-labour-child").items]


def test_dimensions_constant() -> None:
    assert [d[0] for d in DIMENSIONS] == ["DR", "CR", "VR", "EX", "CD", "VD"]
    assert DIMENSIONS[0][1] == "Deceptive recruitment"
    assert all(KHMER.search(d[2]) for d in DIMENSIONS)
    child_dims = indicator_set("ilo-labour-child").dimensions
    assert tuple((d.code, d.name_en, d.name_km) for d in child_dims) == DIMENSIONS


@pytest.mark.parametrize(
    ("cid", "version"),
    [("ilo-labour-adult", "2009.1-cp1"), ("ilo-labour-child", "2009.1-cp1"), ("tb-screen", "2021.1-cp1")],
)
def test_the_file_declares_its_version_and_results_record_it(cid: str, version: str) -> None:
    raw = _raw(cid)
    assert (raw["content_id"], raw["version"]) == (cid, version)
    if cid == "tb-screen":
        r: Any = evaluate_tb(age=30)
    else:
        r = evaluate_trafficking(set(), age=30 if cid == "ilo-labour-adult" else 10)
    assert (r.content_id, r.content_version) == (cid, version)
    assert (r.to_dict()["content_id"], r.to_dict()["content_version"]) == (cid, version)


def test_only_labour_sets_ship() -> None:
    names = sorted(p.name for p in resources.files("checkpoint.screening").joinpath("content").iterdir())
    # issue 12 added the project's own content (consent wording, red-flag pre-screen, safety rule): no ILO set
    assert names == ["consent-wording.json", "ilo-labour-adult.json", "ilo-labour-child.json", "prescreen.json",
                     "referral-rules.json", "safety-rule.json", "tb-screen.json"]
    for cid in ("ilo-labour-adult", "ilo-labour-child"):
        assert "sex" not in _raw(cid)["label_en"].lower()


def test_tb_items_are_bilingual_and_complete() -> None:
    items = tb_items()
    assert [i.id for i in items] == [
        "TB-S1", "TB-S1d", "TB-S2", "TB-S3", "TB-S4", "TB-S5", "TB-S6",
        "TB-R1", "TB-R2", "TB-R3", "TB-R4", "TB-R5", "TB-R6",
    ]
    for i in items:
        assert i.kind == ("symptom" if i.id.startswith("TB-S") else "risk")
        assert i.label_en and KHMER.search(i.label_km)


def test_referral_rules_name_real_agencies() -> None:
    for rule in referral_rules().rules.values():
        assert all(codelists.is_valid("agencies", a) for a in rule.agencies)
        assert KHMER.search(rule.reason_km)
        assert "victim" not in rule.reason_en.lower()


def _broken(mutate: Any, name: str = "ilo-labour-adult") -> dict[str, Any]:
    data = copy.deepcopy(_raw(name))
    mutate(data)
    return data


def _set(path: list[Any], value: Any) -> Any:
    def go(d: Any) -> None:
        for p in path[:-1]:
            d = d[p]
        d[path[-1]] = value

    return go


def _delete(path: list[Any]) -> Any:
    def go(d: Any) -> None:
        for p in path[:-1]:
            d = d[p]
        del d[path[-1]]

    return go


@pytest.mark.parametrize(
    ("mutate", "name"),
    [
        (_set(["items", 0, "question_km"], ""), "ilo-labour-adult"),
        (_set(["items", 3, "guidance_en"], "   "), "ilo-labour-adult"),
        (_delete(["items", 5, "question_en"]), "ilo-labour-child"),
        (_set(["items", 0, "grade"], "X"), "ilo-labour-adult"),
        (_set(["items", 0, "grade"], "s"), "ilo-labour-adult"),
        (_set(["items", 1, "id"], "ILO-DR-1"), "ilo-labour-adult"),
        (_set(["items", 1, "id"], "ILO-XX-1"), "ilo-labour-adult"),
        (_set(["items", 1, "dimension"], "CR"), "ilo-labour-adult"),
        (_set(["items", 1, "needs_review"], "yes"), "ilo-labour-adult"),
        (_set(["dimension_counts", "DR"], 11), "ilo-labour-adult"),
        (_set(["format_version"], 2), "ilo-labour-adult"),
        (_set(["version"], ""), "ilo-labour-adult"),
        (_set(["ilo_set"], "ADULT_SEXUAL"), "ilo-labour-adult"),
        (_set(["items"], []), "ilo-labour-child"),
        (_set(["dimensions", 0, "code"], "CR"), "ilo-labour-adult"),
        (_set(["dimensions", 2, "name_km"], ""), "ilo-labour-adult"),
        (_set(["items", 0, "kind"], "other"), "tb-screen"),
        (_delete(["items", 0]), "tb-screen"),
        (_set(["items", 2, "label_km"], ""), "tb-screen"),
        (_set(["rules", 0, "agencies"], ["NO_SUCH_AGENCY"]), "referral-rules"),
        (_set(["rules", 0, "urgency"], "WHENEVER"), "referral-rules"),
        (_delete(["rules", 0]), "referral-rules"),
        (_set(["format"], "something-else"), "ilo-labour-adult"),
    ],
)
def test_loader_rejects_a_malformed_content_file(mutate: Any, name: str) -> None:
    parse_content(_raw(name))  # the shipped file itself is fine
    with pytest.raises(ValidationError):
        parse_content(_broken(mutate, name))


@pytest.mark.parametrize("junk", [None, [], "text", 42, {}])
def test_loader_rejects_junk(junk: Any) -> None:
    with pytest.raises(ValidationError):
        parse_content(junk)


def test_unknown_indicator_set_name() -> None:
    with pytest.raises(ValidationError):
        indicator_set("ilo-sexual-adult")
