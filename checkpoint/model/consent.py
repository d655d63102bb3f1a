"""Consent per purpose (issue 12, point 5): TB screen, trafficking interview, each referral, sharing with each named
agency, NEA job registration — each with who gave it (the person, or the guardian for a child), when, and the
version of the wording shown. A withdrawal is an event of its own.

    >>> r = validate_consent_records([{"purpose": "sharing", "target": "IOM", "granted": True,
    ...                                "wording_version": wording().version}], age=30)
    >>> r[0]["given_by"], r[0]["target"]
    ('person', 'IOM')

The arrival record itself is an official act, kept and counted without consent; the interviews and sharing are not.
An officer's referral in immediate danger is never blocked by consent (duty of care) and reads "made without consent:
immediate danger" on the record and the slip; sharing consent alone still decides where data goes (docs/consent.md).
The guardian is recorded by name and relationship on the consent itself (no dependency on a households table).
Errors: :class:`checkpoint.errors.ValidationError` naming the first bad field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from checkpoint import codelists
from checkpoint.errors import ValidationError

__all__ = ["CONSENT_PURPOSES", "GIVEN_BY", "TARGETED", "ConsentWording", "validate_consent_records",
           "validate_withdrawal", "wording"]

CONSENT_PURPOSES = ("tb_screen", "trafficking_interview", "referral", "sharing", "nea_registration")
TARGETED = ("referral", "sharing")         # purposes given per named agency
GIVEN_BY = ("person", "guardian")
LEGACY_WITHDRAWABLE = ("screening", "referral", "sharing")   # the purposes of records made before issue 12
_MAX_NAME = 120


@dataclass(frozen=True)
class ConsentWording:
    """The consent wording content: its version and, per purpose, the English and Khmer text read out."""

    content_id: str
    version: str
    texts: Mapping[str, tuple[str, str]]


@cache
def wording() -> ConsentWording:
    """The shipped consent wording (``checkpoint/screening/content/consent-wording.json``), checked and cached.

        >>> sorted(wording().texts) == sorted(CONSENT_PURPOSES)
        True
    """
    raw = resources.files("checkpoint.screening").joinpath("content", "consent-wording.json").read_bytes()
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, Mapping) or data.get("format") != "checkpoint-consent-wording" or \
            data.get("format_version") != 1:
        raise ValidationError("content:consent-wording", "not a consent wording document of version 1")
    texts: dict[str, tuple[str, str]] = {}
    purposes = data.get("purposes")
    for p in CONSENT_PURPOSES:
        t = purposes.get(p) if isinstance(purposes, Mapping) else None
        if not isinstance(t, Mapping) or not all(isinstance(t.get(k), str) and t.get(k) for k in ("en", "km")):
            raise ValidationError("content:consent-wording", "each purpose needs its wording in English and Khmer")
        texts[p] = (str(t["en"]), str(t["km"]))
    return ConsentWording(str(data.get("content_id")), str(data.get("version")), texts)


def _text(d: Mapping[str, Any], key: str) -> str:
    v = d.get(key) or ""
    if not isinstance(v, str) or len(v) > _MAX_NAME or any(ord(c) < 32 for c in v):
        raise ValidationError(key, "must be a short line of text")
    return v.strip()


def validate_consent_records(records: Iterable[Mapping[str, Any]], *, age: int | None) -> list[dict[str, Any]]:
    """Check the consents given at a registration: one per purpose (and per agency for referral and sharing).

    A child's (under 18) consent is given by the guardian, named with the relationship; an adult's by the person.
    ``wording_version`` must be the version of the wording shown (the shipped one). Raises ValidationError: an
    unknown purpose, an agency missing or unknown for a referral or sharing consent (or given for another purpose),
    the same purpose and agency twice, a child's consent given by the child or a guardian without a name or
    relationship, a consent not given by yes or no, or a wording version this build did not show.
    """
    if isinstance(records, str | bytes | Mapping) or not isinstance(records, Iterable):
        raise ValidationError("consent_records", "must be a list of consents")
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    child = age is not None and age < 18
    for r in records:
        if not isinstance(r, Mapping):
            raise ValidationError("consent_records", "each consent must be an object")
        unknown = set(r) - {"purpose", "target", "granted", "given_by", "guardian_name", "guardian_relationship",
                            "wording_version"}
        if unknown:
            raise ValidationError("consent_records", "a consent has a field it cannot have")
        purpose = r.get("purpose")
        if purpose not in CONSENT_PURPOSES:
            raise ValidationError("purpose", "is not a consent purpose")
        target = r.get("target") or ""
        if purpose in TARGETED:
            if not isinstance(target, str) or not codelists.is_valid("agencies", target):
                raise ValidationError("target", "name the agency this consent is for")
        elif target:
            raise ValidationError("target", "this consent is not given per agency")
        if (purpose, target) in seen:
            raise ValidationError("consent_records", "the same consent is given twice")
        seen.add((purpose, target))
        granted = r.get("granted")
        if not isinstance(granted, bool):
            raise ValidationError("granted", "must be yes or no")
        given_by = r.get("given_by") or ("guardian" if child else "person")
        if given_by not in GIVEN_BY:
            raise ValidationError("given_by", "must be the person or the guardian")
        name, relationship = _text(r, "guardian_name"), _text(r, "guardian_relationship")
        if child and given_by != "guardian":
            raise ValidationError("given_by", "a child's consent is given by the guardian")
        if given_by == "guardian" and not (name and relationship):
            raise ValidationError("guardian_name", "name the guardian and the relationship to the person")
        if given_by == "person" and (name or relationship):
            raise ValidationError("guardian_name", "a guardian is named only when the guardian consents")
        if r.get("wording_version") != wording().version:
            raise ValidationError("wording_version", "is not the version of the consent wording shown")
        out.append({"purpose": purpose, "target": target, "granted": granted, "given_by": given_by,
                    "guardian_name": name, "guardian_relationship": relationship,
                    "wording_version": wording().version})
    return out


def validate_withdrawal(data: Mapping[str, Any]) -> dict[str, Any]:
    """Check a withdrawal: the purpose (a purpose of issue 12, or the older screening/referral/sharing), the agency
    for a per-agency purpose, and a reason (may be empty). Raises ValidationError."""
    purpose = data.get("purpose")
    if purpose not in CONSENT_PURPOSES and purpose not in LEGACY_WITHDRAWABLE:
        raise ValidationError("purpose", "is not a consent purpose")
    target = data.get("target") or ""
    if target and (not isinstance(target, str) or not codelists.is_valid("agencies", target)):
        raise ValidationError("target", "is not a known agency")
    reason = data.get("reason") or ""
    if not isinstance(reason, str) or len(reason) > 500:
        raise ValidationError("reason", "must be at most 500 characters")
    return {"purpose": purpose, "target": target, "reason": reason.strip()}
