"""Code lists: complete, versioned, bilingual where promised, and replaceable by checked HQ reference data."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from checkpoint import codelists
from checkpoint.errors import ValidationError

KHMER = re.compile("[\u1780-\u17ff]")


def codes_of(fn: Any) -> list[str]:
    return [c.code for c in fn()]


def test_every_list_loads_with_a_version_and_unique_codes() -> None:
    for name in codelists.LIST_NAMES:
        entries = codelists.codes(name)
        assert entries, name
        assert codelists.version(name), name
        assert len({c.code for c in entries}) == len(entries), name
        assert all(c.label_en.strip() for c in entries), name
        hash(entries[0])  # frozen and hashable despite the extra dict


def test_countries_full_iso_list() -> None:
    cs = codelists.countries()
    assert len(cs) == 249
    assert all(re.fullmatch(r"[A-Z]{3}", c.code) for c in cs)
    by = {c.code: c for c in cs}
    assert by["KHM"].label_en == "Cambodia" and by["KHM"].extra["alpha_2"] == "KH"
    assert by["THA"].label_en == "Thailand"
    for code in ("KHM", "THA", "VNM", "LAO", "MMR", "MYS", "CHN", "KOR", "JPN", "SGP", "IDN", "PHL", "USA"):
        assert KHMER.search(by[code].label_km), code
    assert not codelists.is_valid("countries", "UTO")  # ICAO's fictional state is not a country
    assert codelists.label("countries", "FRA", "km") == "France"  # falls back to English


def test_provinces_codes_and_names() -> None:
    ps = codelists.provinces()
    assert [p.code for p in ps] == [f"{n:02d}" for n in range(1, 26)]
    expected = {
        "01": "Banteay Meanchey", "02": "Battambang", "03": "Kampong Cham", "04": "Kampong Chhnang",
        "05": "Kampong Speu", "06": "Kampong Thom", "07": "Kampot", "08": "Kandal", "09": "Koh Kong",
        "10": "Kratie", "11": "Mondulkiri", "12": "Phnom Penh", "13": "Preah Vihear", "14": "Prey Veng",
        "15": "Pursat", "16": "Ratanakiri", "17": "Siem Reap", "18": "Preah Sihanouk", "19": "Stung Treng",
        "20": "Svay Rieng", "21": "Takeo", "22": "Oddar Meanchey", "23": "Kep", "24": "Pailin",
        "25": "Tbong Khmum",
    }
    assert {p.code: p.label_en for p in ps} == expected
    assert all(KHMER.search(p.label_km) for p in ps)
    assert codelists.label("provinces", "12", "km") == "ភ្នំពេញ"


def test_languages() -> None:
    codes = set(codes_of(codelists.languages))
    assert {"khm", "tha", "vie", "lao", "eng", "zho", "mya", "msa"} <= codes
    assert all(re.fullmatch(r"[a-z]{3}", c) for c in codes)
    assert codelists.label("languages", "khm", "km") == "ខ្មែរ"


@pytest.mark.parametrize(
    ("fn", "expected"),
    [
        (codelists.return_types, ["DEPORTED_G2G", "DEPORTED_OTHER", "SELF_RETURN_REGULAR", "SELF_RETURN_IRREGULAR",
                                  "RESCUED_REFERRED", "UNKNOWN"]),
        (codelists.id_document_types, ["PASSPORT", "NATIONAL_ID", "BORDER_PASS", "CERTIFICATE_OF_IDENTITY",
                                       "THAI_WORK_PERMIT_OR_MIGRANT_CARD", "OTHER", "NONE"]),
        (codelists.migration_channels, ["MOU_REGULAR", "BORDER_PASS_SEASONAL", "IRREGULAR_BROKER",
                                        "IRREGULAR_SELF", "UNKNOWN"]),
        (codelists.recruiter_relationships, ["FAMILY", "FRIEND", "INTIMATE_PARTNER", "BROKER_AGENT", "EMPLOYER",
                                             "STRANGER", "UNKNOWN"]),
        (codelists.sexes, ["F", "M", "X", "UNKNOWN"]),
        (codelists.referral_urgencies, ["IMMEDIATE_DANGER", "SAME_DAY", "ROUTINE"]),
        (codelists.recruitment_methods, ["AtAPlaceOfBusiness", "AtAnEducationalInstitution", "AtWork",
                                         "ThroughOnlineSocialNetworks", "ThroughAnOnlineAdvertisement",
                                         "ThroughATelevisionAdvert", "ThroughANewspaperAdvert",
                                         "ThroughFamilyOrFamilyEvents", "ThroughFriendsOrSocialEvents", "Other"]),
    ],
)
def test_spec_lists(fn: Any, expected: list[str]) -> None:
    assert codes_of(fn) == expected
    assert all(KHMER.search(c.label_km) for c in fn())


def test_sex_maps_to_htcds() -> None:
    assert {c.code: c.extra["htcds"] for c in codelists.sexes()} == {
        "F": "Feminine", "M": "Masculine", "X": "NonConforming", "UNKNOWN": "NonSpecifiedUnknown",
    }


def test_sectors_isic_plus_scam_compound() -> None:
    ss = codelists.sectors()
    assert [s.code for s in ss] == [*"ABCDEFGHIJKLMNOPQRSTU", "ONLINE_SCAM_COMPOUND"]
    assert ss[0].extra["htcds"] == "A_AgricultureForestryAndFishing"
    assert ss[20].extra["htcds"] == "U_ActivitiesOfExtraterritorialOrganizations"
    assert all(s.extra["htcds"].startswith(s.code + "_") for s in ss[:21])


def test_agencies_per_spec() -> None:
    assert codes_of(codelists.agencies) == [
        "MoSVY_PROVINCIAL_DOSVY", "ANTI_HUMAN_TRAFFICKING_JUVENILE_PROTECTION_POLICE",
        "NCCT_PROVINCIAL_COMMITTEE", "IOM", "HEALTH_FACILITY",
    ]


def test_health_facilities_are_marked_demo() -> None:
    # Issue 14: the four DEMO facilities of Banteay Meanchey stay (old referrals keep their labels), then the
    # shipped directory of every province's referral hospital (tests/codelists/test_facility_directory.py).
    fs = codelists.health_facilities()
    demo = [f for f in fs if f.extra.get("demo")]
    assert len(demo) == 4 and fs[:4] == tuple(demo)
    assert all(f.extra["province"] == "01" for f in demo)
    assert all(f.extra["services_verified"] is False for f in fs)       # no service is claimed as checked


def test_is_valid_and_label() -> None:
    assert codelists.is_valid("sexes", "F")
    assert not codelists.is_valid("sexes", "f")
    assert not codelists.is_valid("sexes", None)  # type: ignore[arg-type]
    assert codelists.label("sexes", "F") == "Female"
    assert codelists.label("sexes", "F", lang="km") == "ស្រី"
    with pytest.raises(ValidationError):
        codelists.label("sexes", "Q")
    with pytest.raises(ValidationError):
        codelists.label("sexes", "F", lang="fr")
    with pytest.raises(ValidationError):
        codelists.is_valid("planets", "EARTH")
    with pytest.raises(ValidationError):
        codelists.codes("planets")


GOOD = {
    "list": "health_facilities",
    "version": "hq-2027.01",
    "source": "HQ signed reference data",
    "codes": [
        {"code": "KH01-POIPET-RH", "label_en": "Poipet Referral Hospital", "label_km": "", "cxr": True},
        {"code": "KH01-OLD-HC", "label_en": "Closed health centre", "label_km": "", "active": False},
    ],
}


def test_an_override_replaces_the_list_and_keeps_retired_labels() -> None:
    lists = codelists.CodeLists().with_override("health_facilities", copy.deepcopy(GOOD))
    assert lists.version("health_facilities") == "hq-2027.01"
    assert codes_of(lists.health_facilities) == ["KH01-POIPET-RH"]
    assert not lists.is_valid("health_facilities", "KH01-OLD-HC")
    assert lists.label("health_facilities", "KH01-OLD-HC") == "Closed health centre"
    assert [c.code for c in lists.codes("health_facilities", include_inactive=True)] == [
        "KH01-POIPET-RH", "KH01-OLD-HC",
    ]
    assert lists.codes("provinces") == codelists.provinces()        # the other lists are the shipped ones
    # Nobody else sees it: the module's lists (DEFAULT) are the shipped ones, before and after.
    assert codelists.version("health_facilities").startswith("demo")
    assert codelists.DEFAULT.version("health_facilities").startswith("demo")


def test_overrides_stack_and_never_change_the_lists_they_came_from() -> None:
    base = codelists.CodeLists()
    hq = base.with_override("health_facilities", copy.deepcopy(GOOD))
    both = hq.with_override("agencies", {"list": "agencies", "version": "hq-a",
                                         "codes": [{"code": "NEW_NGO", "label_en": "New NGO"}]})
    assert both.version("health_facilities") == "hq-2027.01" and both.version("agencies") == "hq-a"
    assert hq.version("agencies") == base.version("agencies") == codelists.version("agencies")
    assert base.version("health_facilities").startswith("demo")
    with pytest.raises(AttributeError):
        base.extra = {}  # type: ignore[attr-defined]  # no attribute can be added (__slots__)


def _with(**changes: Any) -> dict[str, Any]:
    d = copy.deepcopy(GOOD)
    d.update(changes)
    return d


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("planets", _with()),
        ("agencies", _with()),  # payload for another list
        ("health_facilities", _with(version="")),
        ("health_facilities", _with(version=3)),
        ("health_facilities", _with(codes=[])),
        ("health_facilities", _with(codes="KH01")),
        ("health_facilities", _with(codes=[{"code": "A", "label_en": ""}])),
        ("health_facilities", _with(codes=[{"label_en": "No code"}])),
        ("health_facilities", _with(codes=[{"code": "bad code!", "label_en": "x"}])),
        ("health_facilities", _with(codes=[{"code": "A", "label_en": "x"}, {"code": "A", "label_en": "y"}])),
        ("health_facilities", _with(codes=[{"code": "A", "label_en": "x", "label_km": 5}])),
        ("health_facilities", _with(codes=[{"code": "A", "label_en": "x", "active": "no"}])),
        ("health_facilities", _with(codes=[{"code": "A", "label_en": "x", "active": False}])),
        ("countries", {"list": "countries", "version": "x", "codes": [{"code": "KH", "label_en": "Cambodia"}]}),
        ("provinces", {"list": "provinces", "version": "x", "codes": [{"code": "1", "label_en": "BMC"}]}),
        ("health_facilities", ["not", "an", "object"]),
    ],
)
def test_an_override_with_a_bad_shape_is_refused_and_changes_nothing(name: str, data: Any) -> None:
    lists = codelists.CodeLists()
    before = codes_of(codelists.health_facilities)
    with pytest.raises(ValidationError):
        lists.with_override(name, data)
    assert codes_of(codelists.health_facilities) == before
    assert codes_of(lists.health_facilities) == before
