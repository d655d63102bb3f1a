"""Encounter: one arrival of a person at a checkpoint (the journey part of a registration)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from checkpoint import codelists
from checkpoint.errors import ValidationError
from checkpoint.model.fields import opt_bool, opt_code, opt_int, opt_text

__all__ = ["CONSENT_PURPOSES", "validate_consents", "validate_encounter"]

CONSENT_PURPOSES = ("screening", "storage", "referral", "sharing")
CURRENCIES = ("THB", "KHR", "USD")
_STATION = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")
_FIELDS = {"station_id", "arrival_at", "return_type", "country_of_work", "province_of_work", "sector_of_work",
           "duration_abroad_months", "migration_channel", "recruiter_relationship", "recruitment_methods",
           "debt_owed", "debt_amount", "debt_currency", "detained_before_return", "detention_days",
           "wants_job_referral", "interpreter_used", "accompanied_minor", "controlling_person_present",
           "work_type"}


def _arrival(v: Any, now: datetime) -> str:
    if isinstance(v, str):
        try:
            v = datetime.fromisoformat(v)
        except ValueError:
            raise ValidationError("arrival_at", "must be a date and time") from None
    if not isinstance(v, datetime):
        raise ValidationError("arrival_at", "must be a date and time")
    if v.tzinfo is None:
        raise ValidationError("arrival_at", "must carry a time zone")
    v = v.astimezone(UTC)
    if (v - now).total_seconds() > 300:
        raise ValidationError("arrival_at", "cannot be in the future")
    if v.year < 2000:
        raise ValidationError("arrival_at", "is too far in the past")
    return str(v.replace(microsecond=0).isoformat())


def validate_encounter(data: Mapping[str, Any], *, now: datetime, default_station: str,
                       partial: bool = False) -> dict[str, Any]:
    """Check and normalise the journey fields. Raises ValidationError naming the first bad field."""
    unknown = set(data) - _FIELDS
    if unknown:
        raise ValidationError(sorted(unknown)[0], "is not an arrival field")
    out: dict[str, Any] = {}
    station = data.get("station_id") or default_station
    if not isinstance(station, str) or not _STATION.match(station):
        raise ValidationError("station_id", "is not a station code")
    out["station_id"] = station
    out["arrival_at"] = _arrival(data["arrival_at"], now) if data.get("arrival_at") else \
        now.astimezone(UTC).replace(microsecond=0).isoformat()
    out["return_type"] = opt_code(data, "return_type", "return_types", default="UNKNOWN")
    out["country_of_work"] = opt_code(data, "country_of_work", "countries", default="THA")
    out["province_of_work"] = opt_text(data, "province_of_work", max_len=80)
    out["sector_of_work"] = opt_code(data, "sector_of_work", "sectors")
    # The work abroad in the officers' words (issue 12): its sector (ISIC section) follows behind the scenes.
    out["work_type"] = opt_code(data, "work_type", "work_types")
    if out["work_type"] and not out["sector_of_work"]:
        out["sector_of_work"] = codelists.DEFAULT.get("work_types").by_code[out["work_type"]].extra.get("sector") or ""
    out["duration_abroad_months"] = opt_int(data, "duration_abroad_months", lo=0, hi=720)
    out["migration_channel"] = opt_code(data, "migration_channel", "migration_channels", default="UNKNOWN")
    out["recruiter_relationship"] = opt_code(data, "recruiter_relationship", "recruiter_relationships",
                                             default="UNKNOWN")
    methods = data.get("recruitment_methods") or []
    if not isinstance(methods, list | tuple | set | frozenset) or not all(
            isinstance(m, str) and codelists.is_valid("recruitment_methods", m) for m in methods):
        raise ValidationError("recruitment_methods", "contains an unknown method")
    out["recruitment_methods"] = sorted(set(methods))
    out["debt_owed"] = opt_bool(data, "debt_owed")
    amount = data.get("debt_amount")
    if amount in (None, ""):
        out["debt_amount"] = None
    else:
        try:
            out["debt_amount"] = float(amount)
        except (TypeError, ValueError):
            raise ValidationError("debt_amount", "must be a number") from None
        if not 0 <= out["debt_amount"] <= 1e9:
            raise ValidationError("debt_amount", "must be between 0 and 1,000,000,000")
        if out["debt_owed"] is False:
            raise ValidationError("debt_amount", "an amount was given but no debt is owed")
    cur = data.get("debt_currency") or ""
    if cur and cur not in CURRENCIES:
        raise ValidationError("debt_currency", "must be THB, KHR or USD")
    out["debt_currency"] = cur
    out["detained_before_return"] = opt_bool(data, "detained_before_return")
    out["detention_days"] = opt_int(data, "detention_days", lo=0, hi=3650)
    if out["detention_days"] and out["detained_before_return"] is False:
        raise ValidationError("detention_days", "days of detention were given but no detention")
    out["wants_job_referral"] = opt_bool(data, "wants_job_referral")
    for f in ("interpreter_used", "accompanied_minor", "controlling_person_present"):
        out[f] = bool(opt_bool(data, f))
    if partial:
        return {k: v for k, v in out.items() if k in data}
    return out


def validate_consents(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Consent per purpose (screening, storage, referral, sharing), each yes or no. Storage is required."""
    if not isinstance(data, Mapping):
        raise ValidationError("consents", "must map each purpose to yes or no")
    unknown = set(data) - set(CONSENT_PURPOSES)
    if unknown:
        raise ValidationError("consents", f"unknown purpose {sorted(unknown)[0]}")
    out = []
    for p in CONSENT_PURPOSES:
        v = opt_bool(data, p)
        out.append({"purpose": p, "granted": bool(v)})
    return out
