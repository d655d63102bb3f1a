"""The referral directory at HQ (issue 16): agencies, NGOs, shelters, health facilities and NEA offices, with the
services each gives, the provinces it covers, contacts, languages and the dates it is active. Edited by a data
manager through a CSV (``checkpoint-hq directory import/export``, the dashboard's directory page); every change is a
new version of the entry (``directory_history``) and a new version of HQ's signed reference data (the
``reference`` counter), which devices apply (``sync.hq.pull.reference``).

    >>> summary = import_csv(store, clock, Path("directory.csv").read_bytes(), by="dm1")   # doctest: +SKIP
    >>> summary["added"], summary["changed"], summary["unchanged"]                          # doctest: +SKIP
    (3, 1, 40)

An import is all or nothing: every row is checked first (duplicate codes, unknown provinces, languages or
services, bad dates, a cell that a spreadsheet would run as a formula, text that is not UTF-8) and any defect
refuses the whole file with a message naming the rows. Nothing is ever deleted: an organisation that closes gets an
``active_to`` date, and records that name it keep their label.

Raises ValidationError (a plain message listing the defects).
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from typing import Any

import sqlalchemy as sa

from checkpoint import codelists
from checkpoint.clock import Clock
from checkpoint.errors import ValidationError
from checkpoint.events import canonical_json
from sync.hq.store import HQStore, directory, directory_history, timestamp

__all__ = ["COLUMNS", "KINDS", "MAX_CSV_BYTES", "SERVICES", "entries", "export_csv", "history", "import_csv",
           "reference_entries"]

KINDS = ("agency", "ngo", "shelter", "health_facility", "nea_office")
SERVICES = ("protection", "child_protection", "shelter", "legal", "medical", "tb_diagnosis", "tb_treatment", "jobs")
COLUMNS = ("code", "kind", "name_en", "name_km", "services", "provinces", "contacts", "languages", "active_from",
           "active_to")
REQUIRED = ("code", "kind", "name_en", "services")
MAX_CSV_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_ERRORS = 20
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{0,63}")
_PHONE = re.compile(r"[+\-][0-9 ()\-]{3,40}")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LIMITS = {"name_en": 200, "name_km": 200, "contacts": 500}


def _split(value: str) -> list[str]:
    return sorted({v.strip() for v in value.replace(",", ";").split(";") if v.strip()})


def _date(value: str, where: str, errors: list[str]) -> str:
    if not value:
        return ""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        errors.append(f"{where}: '{value[:20]}' is not a date (write YYYY-MM-DD)")
        return ""


def _looks_like_formula(cell: str) -> bool:
    return cell.startswith(_FORMULA_START) and not _PHONE.fullmatch(cell)


def parse_csv(raw: bytes) -> list[dict[str, Any]]:
    """Check a whole directory CSV and return its entries; raises ValidationError listing what is wrong (the
    first 20 defects), nothing partial."""
    if len(raw) > MAX_CSV_BYTES:
        raise ValidationError("file", f"is larger than {MAX_CSV_BYTES // (1024 * 1024)} MiB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("file", "is not UTF-8 text: in the spreadsheet, save it as 'CSV UTF-8'") from None
    if "\x00" in text:
        raise ValidationError("file", "is not a CSV text file")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing or unknown:
        parts = ([f"missing column(s): {', '.join(missing)}"] if missing else []) + \
                ([f"unknown column(s): {', '.join(u[:30] for u in unknown[:5])}"] if unknown else [])
        raise ValidationError("file", "; ".join(parts) + f" (the columns are: {', '.join(COLUMNS)})")
    reader.fieldnames = header
    errors: list[str] = []
    seen: dict[str, int] = {}
    out: list[dict[str, Any]] = []
    try:
        rows = list(reader)
    except csv.Error as e:
        raise ValidationError("file", f"is not readable as CSV ({e})") from None
    if len(rows) > MAX_ROWS:
        raise ValidationError("file", f"has more than {MAX_ROWS} rows")
    if not rows:
        raise ValidationError("file", "has no rows")
    for n, row in enumerate(rows, start=2):           # row 1 is the header
        where = f"row {n}"
        if None in row:
            errors.append(f"{where}: more cells than columns")
            continue
        cells = {k: (row.get(k) or "").strip() for k in COLUMNS}
        for k, v in cells.items():
            if _looks_like_formula(v):
                errors.append(f"{where}, column {k}: looks like a spreadsheet formula; remove the leading '{v[0]}'")
                cells[k] = ""
            elif k in _LIMITS and len(v) > _LIMITS[k]:
                errors.append(f"{where}, column {k}: longer than {_LIMITS[k]} characters")
        code = cells["code"]
        if not _CODE.fullmatch(code):
            errors.append(f"{where}: code '{code[:64]}' is missing or not a code (letters, digits, _ and -)")
        elif code in seen:
            errors.append(f"{where}: code {code} is already on row {seen[code]} (duplicate code)")
        else:
            seen[code] = n
        if cells["kind"] not in KINDS:
            errors.append(f"{where}: kind '{cells['kind'][:30]}' is not one of {', '.join(KINDS)}")
        if not cells["name_en"]:
            errors.append(f"{where}: name_en is required")
        services = _split(cells["services"])
        bad = [s for s in services if s not in SERVICES]
        if not services or bad:
            errors.append(f"{where}: services must be some of {', '.join(SERVICES)}"
                          + (f" (not {', '.join(b[:30] for b in bad[:3])})" if bad else ""))
        provinces = _split(cells["provinces"])
        bad = [p for p in provinces if not codelists.is_valid("provinces", p)]
        if bad:
            errors.append(f"{where}: unknown province code(s) {', '.join(b[:10] for b in bad[:5])}")
        languages = _split(cells["languages"])
        bad = [lg for lg in languages if not codelists.is_valid("languages", lg)]
        if bad:
            errors.append(f"{where}: unknown language code(s) {', '.join(b[:10] for b in bad[:5])}")
        start = _date(cells["active_from"], f"{where}, active_from", errors)
        end = _date(cells["active_to"], f"{where}, active_to", errors)
        if start and end and end < start:
            errors.append(f"{where}: active_to is before active_from")
        out.append({"code": code, "kind": cells["kind"], "name_en": cells["name_en"], "name_km": cells["name_km"],
                    "services": services, "provinces": provinces, "contacts": cells["contacts"],
                    "languages": languages, "active_from": start, "active_to": end})
        if len(errors) >= MAX_ERRORS:
            break
    if errors:
        more = " (and perhaps more)" if len(errors) >= MAX_ERRORS else ""
        raise ValidationError("file", "nothing was imported: " + "; ".join(errors[:MAX_ERRORS]) + more)
    return out


def import_csv(store: HQStore, clock: Clock, raw: bytes, *, by: str) -> dict[str, Any]:
    """Check the CSV, then in one transaction add new entries and a new version of each changed one (the rest stay
    as they are; nothing is deleted). A change bumps the reference-data version devices get. Returns
    ``{"added", "changed", "unchanged", "reference_version"}``."""
    parsed = parse_csv(raw)
    now = timestamp(clock)
    added = changed = 0
    with store.write() as conn:
        current = {r.code: (r.version, r.data) for r in conn.execute(sa.select(directory.c.code, directory.c.version,
                                                                               directory.c.data))}
        for e in parsed:
            data = canonical_json(e)
            old = current.get(e["code"])
            if old is not None and old[1] == data:
                continue
            version = 1 if old is None else old[0] + 1
            if old is None:
                conn.execute(directory.insert().values(code=e["code"], version=version, data=data, updated_at=now,
                                                       updated_by=by))
                added += 1
            else:
                conn.execute(directory.update().where(directory.c.code == e["code"])
                             .values(version=version, data=data, updated_at=now, updated_by=by))
                changed += 1
            conn.execute(directory_history.insert().values(code=e["code"], version=version, data=data,
                                                           changed_at=now, changed_by=by))
        if added or changed:
            conn.execute(sa.text("UPDATE counters SET value = value + 1 WHERE name = 'reference'"))
        ref = conn.execute(sa.text("SELECT value FROM counters WHERE name = 'reference'")).scalar_one()
    return {"added": added, "changed": changed, "unchanged": len(parsed) - added - changed,
            "reference_version": int(ref)}


def entries(store: HQStore) -> list[dict[str, Any]]:
    """Every entry as it is now (withdrawn ones too), by code, each with its ``version`` and ``updated_at``."""
    with store.read() as conn:
        rows = conn.execute(sa.select(directory).order_by(directory.c.code)).all()
    return [{**json.loads(r.data), "version": r.version, "updated_at": r.updated_at, "updated_by": r.updated_by}
            for r in rows]


def reference_entries(conn: sa.engine.Connection) -> list[dict[str, Any]]:
    """The entries as they go into signed reference data (inside the caller's transaction)."""
    return [{**json.loads(r.data), "version": r.version}
            for r in conn.execute(sa.select(directory.c.data, directory.c.version).order_by(directory.c.code))]


def history(store: HQStore, code: str) -> list[dict[str, Any]]:
    """Every version of one entry, oldest first."""
    with store.read() as conn:
        rows = conn.execute(sa.select(directory_history).where(directory_history.c.code == code[:64])
                            .order_by(directory_history.c.version)).all()
    return [{**json.loads(r.data), "version": r.version, "changed_at": r.changed_at, "changed_by": r.changed_by}
            for r in rows]


def export_csv(store: HQStore) -> bytes:
    """The directory as CSV (UTF-8 with a BOM, so spreadsheets read Khmer), the columns ``import_csv`` reads."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for e in entries(store):
        w.writerow([";".join(e[c]) if isinstance(e[c], list) else e[c] for c in COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
