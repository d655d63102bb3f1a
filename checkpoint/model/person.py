"""Person: identity of a returnee. Validation, derived ages, and the keys used for search and duplicates.

    >>> name_key("CHANN", "SOKHAR") == name_key("CHAN", "SOKHA")
    True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Any

from checkpoint.errors import ValidationError
from checkpoint.model.fields import opt_bool, opt_code, opt_date, opt_int, opt_text
from checkpoint.names import name_key  # the one normaliser, shared with HQ (checkpoint.names)

__all__ = ["SEXES", "age_on", "name_key", "search_name", "validate_person"]

SEXES = ("F", "M", "X", "UNKNOWN")
_LATIN = re.compile(r"^[A-Z][A-Z '\-]*$")
_KHMER = re.compile(r"^[\u1780-\u17FF\u19E0-\u19FF\u200b\u200c\u200d ]+$")
_DOC = re.compile(r"^[A-Z0-9]{1,20}$")
_PHONE = re.compile(r"^\+?[0-9]{6,15}$")
_EARLIEST_DOB = date(1900, 1, 1)


def latin_name(data: Mapping[str, Any], field: str) -> str:
    """Upper-case Latin letters, spaces, hyphens, apostrophes; accents folded (as on an MRZ)."""
    v = opt_text(data, field, max_len=80)
    if not v:
        return ""
    folded = "".join(c for c in unicodedata.normalize("NFKD", v) if not unicodedata.combining(c)).upper()
    folded = re.sub(r"\s+", " ", folded)
    if not _LATIN.match(folded):
        raise ValidationError(field, "may contain only Latin letters, spaces, hyphens and apostrophes")
    return folded


def search_name(family_name: str, given_names: str, name_khmer: str) -> str:
    """The text indexed for substring search (Latin both orders, and Khmer with and without spaces)."""
    parts = [f"{family_name} {given_names}".strip(), f"{given_names} {family_name}".strip()]
    if name_khmer:
        parts += [name_khmer, name_khmer.replace(" ", "")]
    return " | ".join(p for p in parts if p)


def age_on(date_of_birth: str | None, day: date) -> int | None:
    """Whole years between a date of birth (ISO) and a day; None when unknown."""
    if not date_of_birth:
        return None
    b = date.fromisoformat(date_of_birth)
    return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


def _dob_from_age(age: int, today: date) -> str:
    try:
        return today.replace(year=today.year - age).isoformat()
    except ValueError:  # 29 February
        return today.replace(year=today.year - age, day=28).isoformat()


def validate_person(data: Mapping[str, Any], *, today: date, partial: bool = False) -> dict[str, Any]:
    """Check and normalise identity fields; returns only the fields given when ``partial`` (amendments).

    Either a Latin or a Khmer name is required; either a date of birth or an estimated age (``age_years``).
    Raises ValidationError naming the first bad field.
    """
    unknown = set(data) - {*_FIELDS, "age_years"}
    if unknown:
        raise ValidationError(sorted(unknown)[0], "is not a person field")
    out: dict[str, Any] = {}
    fam, giv = latin_name(data, "family_name"), latin_name(data, "given_names")
    khm = opt_text(data, "name_khmer", max_len=120)
    if khm and not _KHMER.match(khm):
        raise ValidationError("name_khmer", "must be written in Khmer script")
    out.update(family_name=fam, given_names=giv, name_khmer=khm)
    if not partial and not (fam or giv or khm):
        raise ValidationError("family_name", "a name in Latin or Khmer script is required")
    sex = data.get("sex")
    if sex is not None or not partial:
        if sex not in SEXES:
            raise ValidationError("sex", "must be F, M, X or UNKNOWN")
        out["sex"] = sex
    dob = opt_date(data, "date_of_birth", lo=_EARLIEST_DOB, hi=today)
    age = opt_int(data, "age_years", lo=0, hi=120)
    if dob is not None and age is not None:
        raise ValidationError("age_years", "give a date of birth or an estimated age, not both")
    est = opt_bool(data, "dob_estimated")
    if age is not None:
        dob, est = _dob_from_age(age, today), True
    if dob is None and not partial:
        raise ValidationError("date_of_birth", "a date of birth or an estimated age is required")
    out.update(date_of_birth=dob, dob_estimated=bool(est))
    out["citizenship"] = opt_code(data, "citizenship", "countries", default="KHM")
    out["id_document_type"] = opt_code(data, "id_document_type", "id_document_types", default="NONE")
    doc = re.sub(r"[\s\-]", "", opt_text(data, "id_document_number", max_len=40)).upper()
    if doc and not _DOC.match(doc):
        raise ValidationError("id_document_number", "may contain only letters and digits (at most 20)")
    if doc and out["id_document_type"] == "NONE" and (not partial or "id_document_type" in data):
        raise ValidationError("id_document_type", "choose the type of the document whose number is given")
    out["id_document_number"] = doc
    out["document_issuing_state"] = opt_code(data, "document_issuing_state", "countries")
    out["document_expiry"] = opt_date(data, "document_expiry", lo=_EARLIEST_DOB, hi=date(2100, 1, 1))
    out["mrz_valid"] = opt_bool(data, "mrz_valid")
    phone = re.sub(r"[\s\-()]", "", opt_text(data, "phone", max_len=30))
    if phone and not _PHONE.match(phone):
        raise ValidationError("phone", "must be 6 to 15 digits, optionally starting with +")
    out["phone"] = phone
    out["home_province"] = opt_code(data, "home_province", "provinces")
    for f in ("home_district", "home_commune", "home_village"):
        out[f] = opt_text(data, f, max_len=80)
    out["language"] = opt_code(data, "language", "languages", default="khm")
    g = data.get("guardian_person_id")
    if g is not None and not (isinstance(g, str) and re.fullmatch(r"[0-9a-f\-]{36}", g)):
        raise ValidationError("guardian_person_id", "is not a record id")
    out["guardian_person_id"] = g
    if partial:
        given = set(data)
        if "age_years" in given:
            given |= {"date_of_birth", "dob_estimated"}
        return {k: v for k, v in out.items() if k in given}
    return out


_FIELDS = ("family_name", "given_names", "name_khmer", "sex", "date_of_birth", "dob_estimated", "citizenship",
           "id_document_type", "id_document_number", "document_issuing_state", "document_expiry", "mrz_valid",
           "phone", "home_province", "home_district", "home_commune", "home_village", "language",
           "guardian_person_id")
