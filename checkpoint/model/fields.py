"""Small validators shared by the aggregates. Each raises ValidationError(field, plain message)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from checkpoint import codelists
from checkpoint.errors import ValidationError

__all__ = ["opt_bool", "opt_code", "opt_date", "opt_int", "opt_text", "req_code"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def opt_text(data: Mapping[str, Any], field: str, *, max_len: int = 200) -> str:
    v = data.get(field)
    if v is None:
        return ""
    if not isinstance(v, str):
        raise ValidationError(field, "must be text")
    v = unicodedata.normalize("NFC", v).strip()
    if _CONTROL.search(v):
        raise ValidationError(field, "contains control characters")
    if len(v) > max_len:
        raise ValidationError(field, f"is longer than {max_len} characters")
    return v


def opt_bool(data: Mapping[str, Any], field: str) -> bool | None:
    v = data.get(field)
    if v is None or isinstance(v, bool):
        return v
    if v in (0, 1):
        return bool(v)
    if isinstance(v, str) and v.lower() in ("yes", "no", "true", "false"):
        return v.lower() in ("yes", "true")
    raise ValidationError(field, "must be yes or no")


def opt_int(data: Mapping[str, Any], field: str, *, lo: int, hi: int) -> int | None:
    v = data.get(field)
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        raise ValidationError(field, "must be a whole number")
    try:
        n = int(v)
    except (TypeError, ValueError):
        raise ValidationError(field, "must be a whole number") from None
    if isinstance(v, float) and v != n:
        raise ValidationError(field, "must be a whole number")
    if not lo <= n <= hi:
        raise ValidationError(field, f"must be between {lo} and {hi}")
    return n


def opt_date(data: Mapping[str, Any], field: str, *, lo: date | None = None, hi: date | None = None) -> str | None:
    v = data.get(field)
    if v is None or v == "":
        return None
    if isinstance(v, datetime):
        v = v.date()
    if isinstance(v, date):
        d = v
    elif isinstance(v, str):
        try:
            d = date.fromisoformat(v.strip())
        except ValueError:
            raise ValidationError(field, "must be a date written YYYY-MM-DD") from None
    else:
        raise ValidationError(field, "must be a date")
    if lo is not None and d < lo:
        raise ValidationError(field, f"cannot be before {lo.isoformat()}")
    if hi is not None and d > hi:
        raise ValidationError(field, "cannot be in the future")
    return d.isoformat()


def opt_code(data: Mapping[str, Any], field: str, list_name: str, *, default: str = "") -> str:
    v = data.get(field)
    if v is None or v == "":
        return default
    if not isinstance(v, str) or not codelists.is_valid(list_name, v):
        raise ValidationError(field, "is not a known code")
    return v


def req_code(data: Mapping[str, Any], field: str, list_name: str) -> str:
    v = opt_code(data, field, list_name)
    if not v:
        raise ValidationError(field, "is required")
    return v
