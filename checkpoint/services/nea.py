"""NEA job registration at the transit centre (issue 13): the returnee registers with the National Employment
Agency for job placement, with her own consent to it (the ``nea_registration`` purpose), and NEA's export.

    >>> form = session.nea.prefill(encounter_id)           # what the journey already holds   # doctest: +SKIP
    >>> session.nea.register(encounter_id, {**form, "education": "PRIMARY"},
    ...                      consent={"granted": True})                                       # doctest: +SKIP
    >>> session.nea.export(date(2026, 12, 1), date(2026, 12, 31), "nea.csv")                  # doctest: +SKIP

The form: occupation and sector abroad (``nea_occupations``, the officers' words with ISCO-08 and ISIC behind them;
``sectors``), years of experience, skills (``nea_skills`` + free text), education (``education_levels``), languages,
desired job and sector, desired work province, abroad again (yes/no/maybe and where), available from, phone and a
second contact, home province and commune. The registration is a person event (``nea.registered``) that travels.

The consent: given at the arrival's registration, or on this form (the person, or the guardian for a child, with the
wording version shown). Without a granted and not withdrawn NEA consent nothing is registered, and the export holds
exactly the persons whose NEA consent stands at export time. The export's layout is docs/exports/nea.md, as CSV or XLSX
(``checkpoint.xlsx``), optionally rearranged by a mapping file for NEA's own template
(``checkpoint.services.nea_mapping``); its file follows the CSV export's rules (never overwrite, 0600,
formula-neutralised cells, logged as ``records.exported``).

Who: officers and supervisors (the NEA desk) register and see the form; exporting is a supervisor's (EXPORT).
Raises PermissionDenied, NotFound, ValidationError (nothing written), ConflictError.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from checkpoint import codelists, files, xlsx
from checkpoint.errors import ConflictError, ValidationError
from checkpoint.events import uuid7
from checkpoint.model.consent import validate_consent_records, wording
from checkpoint.model.fields import opt_code, opt_int, opt_text
from checkpoint.model.roles import Permission
from checkpoint.nea_layout import (
    NEA_COLUMNS,
    NEA_PURPOSE,
    csv_safe,
    in_period,
    nea_row,
    parse_when,
    period_bounds,
    period_text_margin,
)
from checkpoint.nea_layout import code_extra as _extra
from checkpoint.services.base import Context, row_dicts
from checkpoint.services.changes import Changes

__all__ = ["ABROAD_AGAIN", "FORMATS", "NEA_COLUMNS", "Nea", "NeaExported"]

ABROAD_AGAIN = ("yes", "no", "maybe")
FORMATS = ("csv", "xlsx")
PURPOSE = NEA_PURPOSE
_PHONE = re.compile(r"^\+?[0-9]{6,15}$")
_MAX_LIST = 20

@dataclass(frozen=True)
class NeaExported:
    path: Path
    rows: int
    changes: Changes


def _phone(data: Mapping[str, Any], field: str) -> str:
    p = re.sub(r"[\s\-()]", "", opt_text(data, field, max_len=30))
    if p and not _PHONE.match(p):
        raise ValidationError(field, "must be 6 to 15 digits, optionally starting with +")
    return p


def _codes(data: Mapping[str, Any], field: str, list_name: str) -> list[str]:
    v = data.get(field) or []
    if isinstance(v, str) or not isinstance(v, Sequence) or len(v) > _MAX_LIST:
        raise ValidationError(field, "must be a list of codes")
    out: list[str] = []
    for c in v:
        if not isinstance(c, str) or not codelists.is_valid(list_name, c):
            raise ValidationError(field, "is not a known code")
        if c not in out:
            out.append(c)
    return out


def validate_form(data: Mapping[str, Any], today: date) -> dict[str, Any]:
    """Check an NEA registration form; returns the clean form. Raises ValidationError naming the field."""
    if not isinstance(data, Mapping):
        raise ValidationError("form", "must be a form")
    known = {"occupation_abroad", "occupation_abroad_text", "sector_abroad", "country_abroad", "years_experience",
             "skills", "skills_text", "education", "languages", "desired_job", "desired_sector", "desired_province",
             "abroad_again", "abroad_where", "available_from", "phone", "second_contact_name",
             "second_contact_phone", "home_province", "home_commune"}
    if set(data) - known:
        raise ValidationError("form", "has a field it cannot have")
    out: dict[str, Any] = {
        "occupation_abroad": opt_code(data, "occupation_abroad", "nea_occupations"),
        "occupation_abroad_text": opt_text(data, "occupation_abroad_text", max_len=200),
        "sector_abroad": opt_code(data, "sector_abroad", "sectors"),
        "country_abroad": opt_code(data, "country_abroad", "countries"),
        "years_experience": opt_int(data, "years_experience", lo=0, hi=60),
        "skills": _codes(data, "skills", "nea_skills"),
        "skills_text": opt_text(data, "skills_text", max_len=500),
        "education": opt_code(data, "education", "education_levels"),
        "languages": _codes(data, "languages", "languages"),
        "desired_job": opt_code(data, "desired_job", "nea_occupations"),
        "desired_sector": opt_code(data, "desired_sector", "sectors"),
        "desired_province": opt_code(data, "desired_province", "provinces"),
        "abroad_again": data.get("abroad_again") or "",
        "abroad_where": opt_code(data, "abroad_where", "countries"),
        "phone": _phone(data, "phone"),
        "second_contact_name": opt_text(data, "second_contact_name", max_len=100),
        "second_contact_phone": _phone(data, "second_contact_phone"),
        "home_province": opt_code(data, "home_province", "provinces"),
        "home_commune": opt_text(data, "home_commune", max_len=100),
    }
    if out["abroad_again"] not in ("", *ABROAD_AGAIN):
        raise ValidationError("abroad_again", "must be yes, no or maybe")
    if out["abroad_where"] and out["abroad_again"] not in ("yes", "maybe"):
        raise ValidationError("abroad_where", "only when the person may work abroad again")
    if out["occupation_abroad"] and not out["sector_abroad"]:
        out["sector_abroad"] = _extra("nea_occupations", out["occupation_abroad"], "sector", "sectors")
    if out["desired_job"] and not out["desired_sector"]:
        out["desired_sector"] = _extra("nea_occupations", out["desired_job"], "sector", "sectors")
    avail = data.get("available_from") or ""
    if avail:
        try:
            d = date.fromisoformat(avail) if isinstance(avail, str) else None
        except ValueError:
            d = None
        if d is None or len(avail) != 10:
            raise ValidationError("available_from", "must be a date written YYYY-MM-DD")
        if not today - timedelta(days=366) <= d <= today + timedelta(days=731):
            raise ValidationError("available_from", "must be within a year before and two years after today")
    out["available_from"] = avail
    if not out["desired_job"] and not out["desired_sector"]:
        raise ValidationError("desired_job", "name the job or the sector the person is looking for")
    if not out["phone"] and not out["second_contact_phone"]:
        raise ValidationError("phone", "NEA needs a phone number to reach the person, or a second contact")
    return out


class Nea:
    """``session.nea``: the NEA form prefilled from the journey, registration with consent, NEA's export."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def consent_stands(self, person_id: str) -> bool:
        """Whether the person's consent to NEA registration was given and not withdrawn."""
        return self._ctx.db.execute(
            "SELECT 1 FROM consent_records WHERE person_id = ? AND purpose = ? AND granted = 1 AND "
            "withdrawn_at IS NULL", [person_id, PURPOSE]).fetchone() is not None

    def prefill(self, encounter_id: str) -> dict[str, Any]:
        """The form as far as the journey already fills it: the work abroad (officers' words, sector, country,
        years from the months abroad), the phone, the home province and commune, the language."""
        ctx = self._ctx
        ctx.require(Permission.NEA_REGISTER)
        e = ctx.encounter(encounter_id)
        p = row_dicts(ctx.db.execute("SELECT phone, home_province, home_commune, language FROM persons "
                                     "WHERE id = ?", [e["person_id"]]))[0]
        ctx.audit_read("nea", 1)
        work = e.get("work_type") or ""
        months = e.get("duration_abroad_months")
        return {
            "occupation_abroad": work if codelists.is_valid("nea_occupations", work) else "",
            "sector_abroad": e.get("sector_of_work") or "",
            "country_abroad": e.get("country_of_work") or "",
            "years_experience": months // 12 if isinstance(months, int) else None,
            "languages": [p["language"]] if p["language"] and codelists.is_valid("languages", p["language"]) else [],
            "phone": p["phone"] or "", "home_province": p["home_province"] or "",
            "home_commune": p["home_commune"] or "",
        }

    def register(self, encounter_id: str, form: Mapping[str, Any], *,
                 consent: Mapping[str, Any] | None = None) -> Changes:
        """Register the arrival's person with NEA. ``consent`` ({"granted", "given_by", "guardian_name",
        "guardian_relationship"}) records the NEA consent given on the form; without it the consent given at the
        arrival must stand. Raises ValidationError (no consent, a bad field), ConflictError (already registered
        for this arrival)."""
        ctx = self._ctx
        ctx.require(Permission.NEA_REGISTER)
        e = ctx.encounter(encounter_id)
        if e.get("voided"):
            raise ValidationError("encounter_id", "this arrival is void")
        pid = e["person_id"]
        clean = validate_form(form, ctx.today())
        if ctx.db.execute("SELECT 1 FROM nea_registrations WHERE encounter_id = ?", [e["id"]]).fetchone():
            raise ConflictError("This arrival is already registered with NEA.")
        now_ms = int(ctx.store.clock.now().timestamp() * 1000)
        payload: dict[str, Any] = {"encounter_id": e["id"], "registration": {"id": uuid7(now_ms), "data": clean}}
        if consent is not None:
            if not isinstance(consent, Mapping):
                raise ValidationError("consent", "must be a consent")
            rec = validate_consent_records([{**consent, "purpose": PURPOSE, "target": "",
                                             "wording_version": wording().version}], age=e.get("age_at_arrival"))[0]
            if not rec["granted"]:
                raise ValidationError("consent", "NEA registration needs the person's consent")
            payload["consent"] = {**rec, "id": uuid7(now_ms)}
        elif not self.consent_stands(pid):
            raise ValidationError("consent", "NEA registration needs the person's consent")
        with ctx.store.write():
            ctx.store.record("nea.registered", "person", pid, payload, author=ctx.user.id)
        rid = payload["registration"]["id"]
        return Changes(persons=True, events=True, ids={"person": pid, "nea_registration": rid})

    def of_person(self, person_id: str) -> list[dict[str, Any]]:
        """The person's NEA registrations (newest first), with the form as registered."""
        ctx = self._ctx
        ctx.require(Permission.NEA_REGISTER)
        rows = row_dicts(ctx.db.execute("SELECT * FROM nea_registrations WHERE person_id = ? "
                                        "ORDER BY registered_at DESC, hlc DESC", [person_id]))
        for r in rows:
            r["data"] = json.loads(r["data"])
            r.pop("hlc")
        ctx.audit_read("nea", 1 if rows else 0)
        return rows

    def rows(self, start: date | None, end: date | None) -> list[dict[str, Any]]:
        """The export's rows for registrations from ``start`` to ``end`` (the site's days; None: from the first, to
        today): exactly the persons whose NEA consent stands, the latest registration of each in the period."""
        ctx = self._ctx
        ctx.require(Permission.EXPORT)
        start = date(2000, 1, 1) if start is None else start
        end = ctx.today() if end is None else end
        if not isinstance(start, date) or not isinstance(end, date) or end < start:
            raise ValidationError("period", "the end must not be before the start")
        # The site's local days (checkpoint.nea_layout, as HQ's export cuts them): a day's margin on the stored text,
        # then each time parsed and compared as an instant (recorded_at is UTC text, the days are local).
        bounds = period_bounds(start, end, ctx.site.tz)
        lo, hi = period_text_margin(start, end)
        found = row_dicts(ctx.db.execute(
            "SELECT n.id, n.person_id, n.registered_at, n.hlc, n.data, p.family_name, p.given_names, p.name_khmer, "
            "p.sex, p.date_of_birth, e.age_at_arrival, c.given_by, c.given_at FROM nea_registrations n "
            "JOIN persons p ON p.id = n.person_id JOIN encounters e ON e.id = n.encounter_id "
            "JOIN consent_records c ON c.person_id = n.person_id AND c.purpose = 'nea_registration' "
            "AND c.granted = 1 AND c.withdrawn_at IS NULL "
            "WHERE p.voided = 0 AND e.voided = 0 AND n.registered_at >= ? AND n.registered_at < ? "
            "ORDER BY n.registered_at, n.hlc", [lo, hi]))
        latest: dict[str, dict[str, Any]] = {}
        for r in found:
            if in_period(r["registered_at"], bounds):
                latest[r["person_id"]] = r       # the latest registration and consent win
        out = []
        for r in sorted(latest.values(), key=lambda x: (parse_when(x["registered_at"]), x["hlc"])):
            out.append(nea_row(registration_id=r["id"], registered_at=r["registered_at"],
                               checkpoint=ctx.site.checkpoint_name, person=r, age=r["age_at_arrival"],
                               data=json.loads(r["data"]), consent_given_by=r["given_by"],
                               consent_given_at=r["given_at"]))
        ctx.audit_read("nea", len(out))
        return out

    def export(self, start: date | None, end: date | None, out: str | os.PathLike[str], *,
               fmt: str | None = None, mapping: str | os.PathLike[str] | None = None) -> NeaExported:
        """Write NEA's file for the period (docs/exports/nea.md) to a new owner-only file; logged. ``fmt`` is
        "csv" or "xlsx" (None: by the name, ``.xlsx`` an XLSX workbook, anything else CSV); ``mapping`` a mapping
        file for NEA's own template (``checkpoint.services.nea_mapping``), checked before anything is read or
        written. Raises ValidationError (the file exists, a bad format), MappingError (a bad mapping file)."""
        from checkpoint.services.nea_mapping import load_mapping

        ctx = self._ctx
        ctx.require(Permission.EXPORT)
        path = Path(out)
        kind = fmt if fmt is not None else ("xlsx" if path.suffix.lower() == ".xlsx" else "csv")
        if kind not in FORMATS:
            raise ValidationError("format", "must be csv or xlsx")
        if path.exists():
            raise ValidationError("out", "the file already exists; choose a new name")
        m = load_mapping(mapping, NEA_COLUMNS) if mapping is not None else None
        rows = self.rows(start, end)
        header: Sequence[str] = m.headers() if m is not None else NEA_COLUMNS
        table = [[csv_safe(v) for v in header]]
        for n, r in enumerate(rows, start=1):
            table.append([csv_safe(v) for v in (m.apply(n, r) if m is not None else [r[c] for c in NEA_COLUMNS])])
        if kind == "xlsx":
            data = xlsx.workbook_bytes(table, sheet=m.sheet if m is not None else "NEA")
        else:
            buf = io.StringIO()
            csv.writer(buf).writerows(table)
            data = ("\ufeff" + buf.getvalue()).encode("utf-8")   # a BOM: Excel reads Khmer right
        try:
            files.write_atomic(path, data, exclusive=True)      # temporary file, fsync, link: never overwrites
        except FileExistsError:
            raise ValidationError("out", "the file already exists; choose a new name") from None
        logged: dict[str, Any] = {"rows": len(rows), "format": f"nea-{kind}"}
        if m is not None:
            logged["mapping"] = m.digest
        with ctx.store.write():
            ctx.store.record("records.exported", "store", ctx.store.device_id, logged, author=ctx.user.id)
        return NeaExported(path, len(rows), Changes(events=True))

