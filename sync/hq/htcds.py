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
compound sector (no ISIC section; the standard lists no Other industry). The migration channel is not exported: its
HTCDS counterpart is a migrant type of HTCDS *guidance*, not a field (``migration_channels``:
``htcds_guidance_migration_status``).

Several types of exploitation on one arrival. HTCDS v2's ``vic_TypeOfExploitation`` is one *multiselect* field, so
``typeOfExploitation`` carries every type, each an HTCDS value once, in the picklist's order, separated by ";"
(``MULTISELECT_SEPARATOR``, how a multiselect picklist's values are written in one cell): "ForcedLabour;Other".
Not CTDC's 0/1 flag columns: those are CTDC's own aggregation (``isSexAndLabour``, ``isSlaveryAndPractices``), not
HTCDS values, and one column keeps the file's layout. HQ's facts keep such an arrival's type as "several"
(``MULTIPLE``); its types are read back from the screen itself, in the registration or completion event HQ holds
(``_several_types``, one query for the period), through the facts' own reading (``facts.exploitation_codes``). The type
is not a quasi-identifier (as before): the rows stay k-anonymous over the same five.

k-anonymity (``anonymise``): rows whose quasi-identifier combination has fewer than ``k`` rows have every
quasi-identifier withheld (""); if the withheld rows are themselves fewer than ``k``, they are left out. Every
combination left has at least ``k`` rows.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from typing import Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.codelists import DEFAULT, sexes
from sync.hq.facts import exploitation_codes
from sync.hq.reports import PUBLICATION, Period, safe_cell
from sync.hq.store import events, fact_arrivals, id_in

__all__ = ["FIELDS", "MULTISELECT_SEPARATOR", "QUASI_IDENTIFIERS", "K", "age_broad", "anonymise", "csv_bytes",
           "export", "export_rows"]

K: Final = PUBLICATION
MULTISELECT_SEPARATOR: Final = ";"
_SCREEN_EVENTS: Final = ("registration.recorded", "registration.completed")   # the events that carry a screen
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


def _several_types(conn: Connection, screens: dict[str, str]) -> dict[str, list[str]]:
    """screen id -> the types of exploitation it recorded, for the screens (id -> person) whose facts say "several":
    read from the events HQ accepted that carry them (the last one wins, as in the facts)."""
    out: dict[str, list[str]] = {}
    if not screens:
        return out
    for payload in conn.execute(
            sa.select(events.c.payload)
            .where(id_in(conn, events.c.entity_id, sorted(set(screens.values()))), events.c.type.in_(_SCREEN_EVENTS),
                   events.c.status == "accepted")
            .order_by(events.c.ingest_seq)).scalars():
        try:
            t = json.loads(payload).get("trafficking")
        except (ValueError, AttributeError):
            continue
        if isinstance(t, dict) and isinstance(t.get("id"), str) and t["id"] in screens:
            out[t["id"]] = exploitation_codes(t)
    return out


def _types_value(codes: Sequence[str], exploitation: dict[str, str]) -> str:
    """The ``typeOfExploitation`` cell of several codes: their HTCDS values, each once, in the picklist's order."""
    values = {exploitation.get(c, "") for c in codes} - {""}
    order = _picklist("vic_TypeOfExploitation")
    return MULTISELECT_SEPARATOR.join(sorted(values, key=lambda v: (order.index(v) if v in order else len(order), v)))


@functools.cache
def _picklist(field: str) -> tuple[str, ...]:
    """The values of an HTCDS v2 field, in the standard's order (the picklists shipped with the code lists)."""
    data = json.loads((resources.files("checkpoint.codelists") / "data" / "htcds_v2_picklists.json").read_text("utf-8"))
    return tuple(data["fields"][field]["values"])


def export_rows(conn: Connection, period: Period) -> list[dict[str, str]]:
    """The period's presumed victims (live arrivals whose trafficking screen found indicators), before k-anonymity."""
    fa = fact_arrivals
    q = (sa.select(fa.c.arrival_date, fa.c.sex, fa.c.age, fa.c.age_group, fa.c.country, fa.c.exploitation,
                   fa.c.sector, fa.c.person_id, fa.c.trafficking_screening_id)
         .where(fa.c.voided == sa.false(), fa.c.trafficking_screening_id != "",
                fa.c.trafficking_outcome == "PRESUMED_VICTIM", fa.c.arrival_date >= period.start.isoformat(),
                fa.c.arrival_date < period.end.isoformat())
         .order_by(fa.c.arrival_date))
    gender, exploitation, industry = _gender(), _htcds("exploitation_types"), _htcds("sectors")
    found = list(conn.execute(q))
    several = _several_types(conn, {r.trafficking_screening_id: r.person_id for r in found
                                    if r.exploitation == "MULTIPLE"})
    out = []
    for r in found:
        out.append({"yearOfRegistration": r.arrival_date[:4], "gender": gender.get(r.sex, ""),
                    "ageBroad": age_broad(r.age_group),
                    "majorityStatus": "" if r.age is None else ("Minor" if r.age < 18 else "Adult"),
                    "citizenship": CITIZENSHIP, "CountryOfExploitation": r.country,
                    "typeOfExploitation": _types_value(several.get(r.trafficking_screening_id, ()), exploitation)
                    if r.exploitation == "MULTIPLE" else exploitation.get(r.exploitation, ""),
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


