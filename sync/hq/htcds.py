"""HTCDS v2 / CTDC case-level export (issue 15 point 4): one row per presumed victim of trafficking identified at a
checkpoint in a period, with nothing that identifies anyone, and k-anonymous (k = 11, as CTDC publishes) over the
quasi-identifiers age group, sex, citizenship, country of exploitation and year.

Read from the reporting facts only (``fact_arrivals``: codes, no name, document, phone, date of birth, village or
free text ever reaches them), so the export cannot carry what the facts never held. Row fields (HTCDS v2 / CTDC
names): ``yearOfRegistration``, ``gender`` (HTCDS prs_Gender, from the sex code list), ``ageBroad`` (CTDC's levels:
``30--38``, ``48+``), ``majorityStatus`` (CTDC: Adult, Minor), ``citizenship`` (ISO alpha-3; Checkpoint registers
Cambodian returnees at Cambodia's borders, HQ's facts hold no other citizenship), ``CountryOfExploitation`` (the
country returned from), ``typeOfExploitation`` (HTCDS vic_TypeOfExploitation, from the exploitation_types code
list: ForcedCriminality is Other), ``typeOfLabour`` (HTCDS vic_ForcedLabourIndustry, from the sectors code list:
``F_Construction``), ``identifiedAt`` = "checkpoint" (local: where the person was identified).

HTCDS values (issue 15 point 4). Every value of ``gender``, ``typeOfExploitation`` and ``typeOfLabour`` is a value of
the HTCDS v2 field it names, and ``ageBroad`` / ``majorityStatus`` of CTDC's levels: the picklists are data
(``checkpoint/codelists/data/htcds_v2_picklists.json``, with their source and what still needs review) and
``tests/sync/hq/test_htcds_picklists.py`` checks every value written, and every htcds value the content and code
lists carry, against them. A code without an HTCDS value is written empty, never as our own code: the online scam
compound sector (no ISIC section; the standard lists no Other industry), and several types of exploitation on one
arrival — HQ's facts keep "several" (``MULTIPLE``), not which, so the multiselect cannot be filled exactly (it needs
the types in the facts: a facts migration, not built). The migration channel is not exported: its HTCDS counterpart is
a migrant type of HTCDS *guidance*, not a field (``migration_channels``: ``htcds_guidance_migration_status``).

k-anonymity (``anonymise``): rows whose quasi-identifier combination has fewer than ``k`` rows have every
quasi-identifier withheld (""); if the withheld rows are themselves fewer than ``k``, they are left out. Every
combination left has at least ``k`` rows.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from typing import Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.codelists import DEFAULT, sexes
from sync.hq.reports import PUBLICATION, Period, safe_cell
from sync.hq.store import fact_arrivals

__all__ = ["FIELDS", "QUASI_IDENTIFIERS", "K", "age_broad", "anonymise", "csv_bytes", "export", "export_rows"]

K: Final = PUBLICATION
CITIZENSHIP: Final = "KHM"
QUASI_IDENTIFIERS: Final = ("ageBroad", "gender", "citizenship", "CountryOfExploitation", "yearOfRegistration")
FIELDS: Final = ("yearOfRegistration", "gender", "ageBroad", "majorityStatus", "citizenship", "CountryOfExploitation",
                 "typeOfExploitation", "typeOfLabour", "identifiedAt")


def _gender() -> dict[str, str]:
    return {c.code: str(c.extra.get("htcds") or "") for c in sexes()}


def _htcds(list_name: str) -> dict[str, str]:
    """code -> its HTCDS value (``extra['htcds']``; "" for none), inactive codes included (old records)."""
    return {c.code: str(c.extra.get("htcds") or "") for c in DEFAULT.get(list_name).codes}


def age_broad(group: str) -> str:
    """CTDC's ``ageBroad`` level of HQ's age group: "30-38" -> "30--38", "48+" stays; "" for unknown."""
    return "" if group in ("", "unknown") else group.replace("-", "--")


def export_rows(conn: Connection, period: Period) -> list[dict[str, str]]:
    """The period's presumed victims (live arrivals whose trafficking screen found indicators), before k-anonymity."""
    fa = fact_arrivals
    q = (sa.select(fa.c.arrival_date, fa.c.sex, fa.c.age, fa.c.age_group, fa.c.country, fa.c.exploitation,
                   fa.c.sector)
         .where(fa.c.voided == sa.false(), fa.c.trafficking_screening_id != "",
                fa.c.trafficking_outcome == "PRESUMED_VICTIM", fa.c.arrival_date >= period.start.isoformat(),
                fa.c.arrival_date < period.end.isoformat())
         .order_by(fa.c.arrival_date))
    gender, exploitation, industry = _gender(), _htcds("exploitation_types"), _htcds("sectors")
    out = []
    for r in conn.execute(q):
        out.append({"yearOfRegistration": r.arrival_date[:4], "gender": gender.get(r.sex, ""),
                    "ageBroad": age_broad(r.age_group),
                    "majorityStatus": "" if r.age is None else ("Minor" if r.age < 18 else "Adult"),
                    "citizenship": CITIZENSHIP, "CountryOfExploitation": r.country,
                    "typeOfExploitation": exploitation.get(r.exploitation, ""),
                    "typeOfLabour": industry.get(r.sector, ""), "identifiedAt": "checkpoint"})
    return out


def anonymise(rows: Sequence[dict[str, str]], k: int = K) -> tuple[list[dict[str, str]], int]:
    """Rows k-anonymous over ``QUASI_IDENTIFIERS``: (rows kept, rows left out)."""
    def key(r: dict[str, str]) -> tuple[str, ...]:
        return tuple(r[q] for q in QUASI_IDENTIFIERS)

    sizes = Counter(key(r) for r in rows)
    kept, withheld = [], []
    for r in rows:
        if sizes[key(r)] >= k:
            kept.append(dict(r))
        else:
            # majorityStatus would give part of the age group away: withheld with it
            withheld.append({**r, **dict.fromkeys(QUASI_IDENTIFIERS, ""), "majorityStatus": ""})
    if len(withheld) >= k:
        kept += withheld
        return kept, 0
    return kept, len(withheld)


def csv_bytes(rows: Sequence[dict[str, str]]) -> bytes:
    """The rows as CSV (UTF-8 with a BOM, formula-safe cells)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(FIELDS)
    for r in rows:
        w.writerow([safe_cell(r[f]) for f in FIELDS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def export(conn: Connection, period: Period, k: int = K) -> tuple[bytes, int, int]:
    """The HTCDS/CTDC CSV of ``period``: (bytes, rows written, rows left out for k-anonymity)."""
    rows, left_out = anonymise(export_rows(conn, period), k)
    return csv_bytes(rows), len(rows), left_out


