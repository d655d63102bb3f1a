"""NEA's export layout (docs/exports/nea.md), pure: the columns, one row from a registration, the formula-safe cell
and the CSV bytes. The device (``checkpoint.services.nea``) and HQ (``sync.hq.nea``, the export across checkpoints)
both build their file with it, so the two cannot drift apart.

    >>> csv_safe("+855 12 345 678"), csv_safe("Poipet")
    ("'+855 12 345 678", 'Poipet')
    >>> csv_bytes([]).decode("utf-8-sig").split(",")[:2]
    ['registration_id', 'registered_at']

The period of an export (``period_bounds``, ``in_period``) is cut here too, for the same reason.

Stdlib and ``checkpoint.codelists`` only: no store, no Qt, nothing HQ may not import.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Final

from checkpoint import codelists

__all__ = ["NEA_COLUMNS", "NEA_PURPOSE", "code_extra", "csv_bytes", "csv_safe", "in_period", "nea_row",
           "parse_when", "period_bounds", "period_text_margin"]

NEA_PURPOSE: Final = "nea_registration"

# The export's columns, in order (docs/exports/nea.md says what each holds).
NEA_COLUMNS: Final = ("registration_id", "registered_at", "checkpoint", "family_name", "given_names", "name_khmer",
                      "sex", "date_of_birth", "age", "phone", "second_contact_name", "second_contact_phone",
                      "home_province", "home_commune", "occupation_abroad", "occupation_abroad_isco",
                      "occupation_abroad_text", "sector_abroad", "country_abroad", "years_experience", "skills",
                      "skills_text", "education", "education_isced", "languages", "desired_job", "desired_job_isco",
                      "desired_sector", "desired_province", "abroad_again", "abroad_where", "available_from",
                      "consent_given_by", "consent_given_at")


def period_bounds(start: date, end: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """The period's instants: from local midnight of ``start`` (included) to local midnight after ``end`` (excluded),
    in the checkpoint's time zone. The device's export and HQ's both cut the period here, so they agree at its
    edges (a registration at 00:30 local is on that local day, whatever the UTC date of its time).

        >>> from datetime import timezone
        >>> lo, hi = period_bounds(date(2026, 12, 1), date(2026, 12, 1), timezone(timedelta(hours=7)))
        >>> lo.astimezone(UTC).isoformat(), hi.astimezone(UTC).isoformat()
        ('2026-11-30T17:00:00+00:00', '2026-12-01T17:00:00+00:00')
    """
    return datetime.combine(start, time.min, tz), datetime.combine(end + timedelta(days=1), time.min, tz)


def period_text_margin(start: date, end: date) -> tuple[str, str]:
    """A coarse text range (a day's margin each side) that holds every ISO time of the period whatever its offset:
    for narrowing a query on stored text before each time is parsed and compared exactly (``in_period``)."""
    return (start - timedelta(days=1)).isoformat(), (end + timedelta(days=2)).isoformat()


def parse_when(v: Any) -> datetime | None:
    """An ISO time as stored (``recorded_at``), timezone-aware (no offset: UTC); None when it is not one."""
    if not isinstance(v, str) or len(v) > 40:
        return None
    try:
        t = datetime.fromisoformat(v)
    except ValueError:
        return None
    return t if t.tzinfo is not None else t.replace(tzinfo=UTC)


def in_period(v: Any, bounds: tuple[datetime, datetime]) -> bool:
    """Whether the stored time ``v`` falls in the period ``bounds`` (``period_bounds``), compared as instants."""
    t = parse_when(v)
    return t is not None and bounds[0] <= t < bounds[1]


def code_extra(list_name: str, code: str, key: str, check: str = "") -> str:
    """A code's ``extra[key]`` as text ("" when the code or the key is unknown); with ``check``, only a value that is
    a valid code of that list."""
    c = codelists.DEFAULT.get(list_name).by_code.get(code)
    v = c.extra.get(key) if c is not None else ""
    v = v if isinstance(v, str) else ""
    return v if not check or (v and codelists.is_valid(check, v)) else ""


def _list(v: Any) -> str:
    return ";".join(x for x in v if isinstance(x, str)) if isinstance(v, list) else ""


def nea_row(*, registration_id: str, registered_at: str, checkpoint: str, person: Mapping[str, Any],
            age: int | None, data: Mapping[str, Any], consent_given_by: str, consent_given_at: str) -> dict[str, Any]:
    """One export row: the registration's form (``data``, as ``nea.registered`` carries it), the person's name, sex
    and date of birth, the age at the arrival and the standing NEA consent."""
    def d(k: str) -> Any:
        return data.get(k, "")

    return {
        "registration_id": registration_id, "registered_at": registered_at, "checkpoint": checkpoint,
        "family_name": person.get("family_name") or "", "given_names": person.get("given_names") or "",
        "name_khmer": person.get("name_khmer") or "", "sex": person.get("sex") or "",
        "date_of_birth": person.get("date_of_birth") or "", "age": "" if age is None else age,
        **{k: d(k) for k in ("phone", "second_contact_name", "second_contact_phone", "home_province",
                             "home_commune", "occupation_abroad")},
        "occupation_abroad_isco": code_extra("nea_occupations", data.get("occupation_abroad") or "", "isco"),
        "occupation_abroad_text": d("occupation_abroad_text"),
        "sector_abroad": d("sector_abroad"), "country_abroad": d("country_abroad"),
        "years_experience": "" if data.get("years_experience") is None else data["years_experience"],
        "skills": _list(data.get("skills") or []), "skills_text": d("skills_text"),
        "education": d("education"),
        "education_isced": code_extra("education_levels", data.get("education") or "", "isced"),
        "languages": _list(data.get("languages") or []), "desired_job": d("desired_job"),
        "desired_job_isco": code_extra("nea_occupations", data.get("desired_job") or "", "isco"),
        "desired_sector": d("desired_sector"), "desired_province": d("desired_province"),
        "abroad_again": d("abroad_again"), "abroad_where": d("abroad_where"),
        "available_from": d("available_from"), "consent_given_by": consent_given_by,
        "consent_given_at": consent_given_at}


def csv_safe(v: object) -> str:
    """Spreadsheet-safe cell: a leading = + - @ (or tab, carriage return) would run as a formula in Excel."""
    s = "" if v is None else str(v)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def csv_bytes(rows: Sequence[Mapping[str, Any]]) -> bytes:
    """The file's bytes: UTF-8 with a byte-order mark, the header then one line per row (CRLF), every cell
    formula-safe — exactly what the device's export writes."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf)
    w.writerow(NEA_COLUMNS)
    for r in rows:
        w.writerow([csv_safe(r[c]) for c in NEA_COLUMNS])
    return buf.getvalue().encode("utf-8-sig")
