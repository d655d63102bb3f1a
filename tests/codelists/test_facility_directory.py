"""Issue 14 point 3: the shipped health facility directory covers every province's referral hospital, says which
services each offers and which entries are unverified, and the transfer goes to the facility nearest home."""

from __future__ import annotations

import pytest

from checkpoint import codelists
from checkpoint.screening.facilities import facilities_in, nearest_facility


def test_every_province_has_a_referral_hospital_offering_tb_treatment() -> None:
    provinces = [p.code for p in codelists.provinces()]
    assert len(provinces) == 25
    for code in provinces:
        hospitals = [f for f in facilities_in(code) if (f.extra.get("tb_treatment") is True
                     and f.extra.get("level") in ("provincial_referral_hospital", "national", "national_hospital"))
                     or f.code == "KH01-PROVINCIAL-RH"]
        assert hospitals, code


def test_the_directory_says_what_is_not_checked() -> None:
    fs = codelists.health_facilities()
    for f in fs:
        assert f.extra["services_verified"] is False                 # services are assumptions, said so
        assert f.needs_review is True                                 # Khmer names need native review
        for service in ("cxr", "xpert", "tb_treatment"):
            assert f.extra.get(service) in (True, False, None), (f.code, service)
    unverified = {f.code for f in fs if f.extra.get("unverified")}
    assert unverified == {"KH23-PROVINCIAL-RH", "KH25-PROVINCIAL-RH"}    # names less certain: marked, not hidden
    assert "unverified" in codelists.DEFAULT.get("health_facilities").source


@pytest.mark.parametrize(("province", "expected"), [
    ("02", "KH02-PROVINCIAL-RH"),
    ("17", "KH17-PROVINCIAL-RH"),
    ("12", "KH12-CENAT"),
    ("01", "KH01-POIPET-RH"),          # only demo facilities in 01: the first that treats TB
    ("", "KH12-CENAT"),                # destination unknown: the national centre
    ("99", "KH12-CENAT"),
])
def test_the_nearest_facility_is_in_the_destination_province_first(province, expected) -> None:
    found = nearest_facility(province)
    assert found is not None and found.code == expected


def test_a_facility_that_lacks_the_service_asked_for_is_passed_over() -> None:
    assert nearest_facility("02", needs=("xpert",)).code == "KH02-PROVINCIAL-RH"    # in province, treats TB
    lists = codelists.DEFAULT.with_override("health_facilities", {
        "list": "health_facilities", "version": "hq-1", "codes": [
            {"code": "KH02-HC", "label_en": "Health centre", "province": "02", "tb_treatment": False},
            {"code": "KH02-RH", "label_en": "Referral hospital", "province": "02", "tb_treatment": True},
            {"code": "KH12-N", "label_en": "National", "province": "12", "national": True, "tb_treatment": True},
            {"code": "KH02-OLD", "label_en": "Closed", "province": "02", "tb_treatment": True, "active": False}]})
    assert nearest_facility("02", lists=lists).code == "KH02-RH"
    assert nearest_facility("03", lists=lists).code == "KH12-N"
    assert nearest_facility("03", needs=("xpert",), lists=lists) is None
