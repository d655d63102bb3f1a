"""HQ's reports: aggregate figures for a period and checkpoint(s), disaggregated, with small cells suppressed.

Read from the reporting projection (``sync.hq.facts``) with SQLAlchemy Core only, so the same queries run on
SQLite and PostgreSQL (tests run both). A report is aggregates only: no row names a person. It is two queries
whatever the period: the sums of ``fact_cube`` over the period's days (per dimension and category; only the
dimensions asked), and the distinct persons of the period's arrivals (in total and per checkpoint, in one read;
on PostgreSQL compared bytewise, COLLATE "C"). ``checkpoint_reports`` gives every checkpoint's own report from
the same two reads (the DHIS2 export); the dashboard keeps the reads for the facts' version (``FactsCache``).

    >>> with store.read() as conn:                                                     # doctest: +SKIP
    ...     r = build_report(conn, parse_period("2026-11"), checkpoints=["Poipet"])
    >>> r.value("arrivals", "sex_age", "girl", "arrivals")                           # doctest: +SKIP
    12

Sections and their indicators (each by every dimension of ``DIMENSIONS``; "total" is one row "all"):

- ``arrivals``: arrivals, persons (distinct; by total and checkpoint only), trafficking_screened,
  trafficking_not_screened, trafficking_indicators (the screen found indicators: PRESUMED_VICTIM),
  child_protection (flag), referrals, referrals_protection, referrals_child_protection, referrals_health;
- ``tb``: the TB cascade of the persons screened in the period, counted by the device's own module
  (``checkpoint.screening.cascade``: screened, presumptive, x_rayed ... initial_loss_to_follow_up) over each
  person's events as the device's module folds them (kept at ingest: ``sync.hq.tb_facts``), so HQ's cascade is
  the device's; by total, checkpoint, sex, WHO age group and home
  province (``TB_DIMENSIONS``);
- ``assistance`` (issue 13's handings-out, kept at ingest: ``sync.hq.service_facts``): assistance_given,
  assistance_persons (distinct) and assistance_<kind> (food_water, non_food, transport, cash, shelter, medical,
  other), by total, checkpoint, sex, sex_age, age_group, province (of destination: the arrival's), kind and provider
  (``ASSISTANCE_DIMENSIONS``); voids left out; a handing-out counts in the period of its local day;
- ``nea``: NEA job registrations: nea_registrations, nea_persons, by total, checkpoint, sex, sex_age, age_group,
  province and the form's desired_sector, desired_job, desired_province, education, abroad_again
  (``NEA_DIMENSIONS``); a registration of a voided arrival or person is left out;
- ``referrals``: by agency: every referral (``kind/agency/status``) and the referrals of arrivals with
  trafficking indicators (``trafficking_by_agency``).

An arrival counts in the period of its local (UTC+7) arrival date; voided arrivals, persons, screenings and
referrals do not count; a referral counts with its arrival.

Suppression (``suppress``): a cell with 0 < n < threshold is withheld (None), exactly at the threshold
(n = threshold is shown). Default thresholds: ``INTERNAL`` 5 for anything shown to analysts, ``PUBLICATION`` 11
(as CTDC). Then, within one indicator of one dimension, if only one cell was withheld, the next smallest non-zero
cell is withheld as well, so the withheld one cannot be worked out from the total (complementary suppression).
"""

from __future__ import annotations

import calendar
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.errors import ValidationError
from checkpoint.screening.cascade import STEPS, tb_cascade
from sync.hq import service_facts, tb_facts
from sync.hq.facts import CUBE_DIMENSIONS, CUBE_MEASURES, REBUILT, STALE
from sync.hq.store import checkpoints, counter, fact_arrivals, fact_cube, get_meta, meta

log = logging.getLogger("checkpoint.hq")

__all__ = ["DIMENSIONS", "INTERNAL", "PUBLICATION", "Cell", "FactsCache", "Period", "Report", "build_report",
           "checkpoint_reports", "export_bytes", "facts_version", "parse_period", "suppress", "write_bytes",
           "write_export"]

INTERNAL = 5
PUBLICATION = 11

fa, cube = fact_arrivals, fact_cube

# The dimensions every arrival and tb indicator is broken down by ("total": one category, "all").
DIMENSIONS = CUBE_DIMENSIONS
# "persons" (distinct persons) cannot be summed from days: counted on the arrivals, by these dimensions only.
PERSON_DIMENSIONS = ("total", "checkpoint")

ARRIVAL_INDICATORS = ("arrivals", "persons", "trafficking_screened", "trafficking_not_screened",
                      "trafficking_indicators", "child_protection", "referrals", "referrals_protection",
                      "referrals_child_protection", "referrals_health", "trafficking_safety_referrals")
# The TB cascade's steps, counted by the device's own module (checkpoint.screening.cascade): persons, not arrivals.
TB_INDICATORS = STEPS
# The dimensions the cascade has (its age groups are WHO's TB notification groups, not CTDC's).
TB_DIMENSIONS = ("total", "checkpoint", "sex", "age_group", "province")
TbInputs = tb_facts.TbInputs
# Issue 15 point 3: assistance and NEA registrations (sync.hq.service_facts), each by its own dimensions.
ASSISTANCE_DIMENSIONS = service_facts.ASSISTANCE_DIMENSIONS
NEA_DIMENSIONS = service_facts.NEA_DIMENSIONS
ASSISTANCE_INDICATORS = service_facts.ASSISTANCE_INDICATORS
NEA_INDICATORS = service_facts.NEA_INDICATORS
SERVICE_DIMENSIONS = {"assistance": ASSISTANCE_DIMENSIONS, "nea": NEA_DIMENSIONS}
ALL_DIMENSIONS = tuple(dict.fromkeys((*DIMENSIONS, *ASSISTANCE_DIMENSIONS, *NEA_DIMENSIONS)))


# ------------------------------------------------------------------------------------------------ periods
@dataclass(frozen=True)
class Period:
    """Local dates [start, end): ``label`` is how it was asked for (2026-11, 2026, 2026-11-02..2026-11-08)."""

    start: date
    end: date
    label: str


_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")


def parse_period(text: str) -> Period:
    """A year (2026), a month (2026-11), a day (2026-11-02) or a range of days FIRST..LAST (both included).
    Raises ValidationError with a plain message."""
    s = (text or "").strip()
    try:
        if _YEAR.fullmatch(s):
            y = int(s)
            return Period(date(y, 1, 1), date(y + 1, 1, 1), s)
        m = _MONTH.fullmatch(s)
        if m:
            y, mo = int(m[1]), int(m[2])
            return Period(date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]) + timedelta(days=1), s)
        if ".." in s:
            a, b = (date.fromisoformat(x.strip()) for x in s.split("..", 1))
        else:
            a = b = date.fromisoformat(s)
    except ValueError:
        raise ValidationError("period", "is not a year (2026), a month (2026-11), a day (2026-11-02) or a range "
                                        "(2026-11-02..2026-11-08)") from None
    if b < a:
        raise ValidationError("period", "ends before it starts")
    return Period(a, b + timedelta(days=1), s)


# ------------------------------------------------------------------------------------------------ the report
class Cell(NamedTuple):
    section: str
    dimension: str
    category: str
    indicator: str
    value: int | None           # None: suppressed


@dataclass
class Report:
    period: Period
    checkpoints: tuple[str, ...]            # names asked for (empty: all)
    threshold: int
    cells: list[Cell] = field(default_factory=list)
    stale_since: str = ""                   # the facts missed a batch then (rebuild-facts): figures may be low

    def value(self, section: str, dimension: str, category: str, indicator: str) -> int | None:
        """A cell's figure (None when suppressed; 0 when no arrival falls in it)."""
        for c in self.cells:
            if (c.section, c.dimension, c.category, c.indicator) == (section, dimension, category, indicator):
                return c.value
        return 0

    def to_dict(self) -> dict[str, Any]:
        """``{"period": .., "checkpoints": .., "threshold": .., "sections": {section: {dimension: {category:
        {indicator: n or None}}}}}`` — what the JSON output and the dashboard show."""
        out: dict[str, Any] = {}
        for c in self.cells:
            out.setdefault(c.section, {}).setdefault(c.dimension, {}).setdefault(c.category, {})[c.indicator] = \
                c.value
        return {"period": {"label": self.period.label, "start": self.period.start.isoformat(),
                           "end": (self.period.end - timedelta(days=1)).isoformat()},
                "checkpoints": list(self.checkpoints) or "all", "threshold": self.threshold,
                "stale_since": self.stale_since or None,
                "suppressed": "null: fewer than the threshold (or withheld so a withheld cell cannot be derived)",
                "sections": out}

    def rows(self) -> list[tuple[str, str, str, str, str]]:
        """Flat rows for CSV/XLSX: section, dimension, category, indicator, value ("<k" when suppressed)."""
        mark = f"<{self.threshold}"
        return [(c.section, c.dimension, c.category, c.indicator, mark if c.value is None else str(c.value))
                for c in self.cells]


def suppress(values: Mapping[str, int], threshold: int) -> dict[str, int | None]:
    """Withhold 0 < n < threshold; if exactly one is withheld, also the next smallest non-zero cell."""
    out: dict[str, int | None] = {k: (None if 0 < v < threshold else v) for k, v in values.items()}
    withheld = [k for k, v in out.items() if v is None]
    if len(withheld) == 1:
        rest = sorted((v, k) for k, v in values.items() if k not in withheld and v > 0)
        if rest:
            out[rest[0][1]] = None
    return out


def _checkpoint_ids(conn: Connection, names: Sequence[str]) -> dict[str, str]:
    """id -> name of every checkpoint (or those named; an unknown name is a ValidationError)."""
    rows = {str(r.id): str(r.name) for r in conn.execute(sa.select(checkpoints.c.id, checkpoints.c.name))}
    if not names:
        return rows
    by_key = {n.casefold(): i for i, n in rows.items()}
    unknown = [n for n in names if n.strip().casefold() not in by_key]
    if unknown:
        raise ValidationError("checkpoint", f"no checkpoint named {unknown[0]!r} at HQ")
    ids = {by_key[n.strip().casefold()] for n in names}
    return {i: rows[i] for i in ids}


def _arrival_filter(period: Period, cp_ids: Iterable[str] | None, table: sa.Table = fa) -> list[Any]:
    where = [table.c.arrival_date >= period.start.isoformat(), table.c.arrival_date < period.end.isoformat()]
    if table is fa:
        where.append(fa.c.voided == sa.false())
    if cp_ids is not None:
        where.append(table.c.checkpoint_id.in_(sorted(cp_ids)))
    return where


# The cube's dimensions the referrals section reads (every report has it).
_AGENCY_DIMENSIONS = ("by_agency", "trafficking_by_agency")


def _sums(conn: Connection, period: Period, cp_ids: Iterable[str] | None, dims: Sequence[str] | None = None, *,
          by_checkpoint: bool = False) -> dict[tuple[str, ...], dict[str, int]]:
    """One query: every measure of the cube summed over the period's days, per dimension and category (only the
    cube rows of ``dims`` when given: a page of one dimension reads a fraction of the cube); with
    ``by_checkpoint``, per checkpoint id, dimension and category (every checkpoint's report in one read)."""
    keys = [cube.c.dimension, cube.c.category]
    if by_checkpoint:
        keys.insert(0, cube.c.checkpoint_id)
    where = _arrival_filter(period, cp_ids, cube)
    if dims is not None:
        where.append(cube.c.dimension.in_(sorted(set(dims))))
    q = (sa.select(*keys, *(sa.func.coalesce(sa.func.sum(cube.c[m]), 0).label(m) for m in CUBE_MEASURES))
         .where(*where).group_by(*keys))
    n = len(keys)
    return {tuple(map(str, r[:n])): dict(zip(CUBE_MEASURES, map(int, r[n:]), strict=True))
            for r in conn.execute(q)}


def _person_key(conn: Connection) -> Any:
    """``person_id`` as the distinct count reads it. On PostgreSQL in the "C" collation: bytewise comparison, so
    the sort behind ``count(DISTINCT ...)`` runs on abbreviated keys instead of the database's locale (several
    times faster at 1,000,000 arrivals). The count is the same: PostgreSQL's libc and ICU collations are
    deterministic (two texts are equal only if their bytes are), so "equal" means the same under either."""
    return sa.collate(fa.c.person_id, "C") if conn.dialect.name == "postgresql" else fa.c.person_id


def _persons(conn: Connection, period: Period, cp_ids: Iterable[str] | None, per: Iterable[str] = (), *,
             total: bool = True) -> dict[tuple[str, str], int]:
    """Distinct persons of the period's arrivals: in total, and at each checkpoint of ``per`` (ids). One read of
    the rows for all of them (an aggregate per checkpoint, FILTER: no sort by checkpoint first)."""
    per = sorted(set(per))
    one = cp_ids is not None and len(set(cp_ids)) == 1
    key = _person_key(conn)
    cols: list[Any] = []
    if total or one:
        cols.append(sa.func.count(sa.distinct(key)))
    if not one:
        cols += [sa.func.count(sa.distinct(key)).filter(fa.c.checkpoint_id == cp) for cp in per]
    if not cols:
        return {}
    got = [int(v) for v in conn.execute(sa.select(*cols).where(*_arrival_filter(period, cp_ids))).one()]
    if one:                                         # one checkpoint: its persons are the total's
        n = got[0]
        return {**({("total", "all"): n} if total else {}), **{("checkpoint", cp): n for cp in per if n}}
    out = {("total", "all"): got.pop(0)} if total else {}
    out.update((("checkpoint", cp), n) for cp, n in zip(per, got, strict=True) if n)
    return out


def _arrival_indicators(m: Mapping[str, int]) -> dict[str, int]:
    return {"arrivals": m["arrivals"], "trafficking_screened": m["trafficking_screened"],
            "trafficking_not_screened": m["arrivals"] - m["trafficking_screened"],
            "trafficking_indicators": m["trafficking_indicators"], "child_protection": m["child_protection"],
            "referrals": m["referrals_protection"] + m["referrals_child_protection"] + m["referrals_health"],
            "referrals_protection": m["referrals_protection"],
            "referrals_child_protection": m["referrals_child_protection"], "referrals_health": m["referrals_health"],
            "trafficking_safety_referrals": m["safety_referrals"]}


def _tb_screens(conn: Connection, period: Period) -> TbInputs:
    """The cascade's inputs for the screens of the period, from the TB facts (``sync.hq.tb_facts``: each person's
    events folded by ``inputs_from_events`` as they arrived), and per screened arrival its checkpoint, sex and home
    province as HQ's facts hold them."""
    return tb_facts.read_inputs(conn, period.start.isoformat(), (period.end - timedelta(days=1)).isoformat())


def _tb_cells(conn: Connection, period: Period, cp_ids: Iterable[str] | None, cps: Mapping[str, str],
              inputs: TbInputs | tuple[Any, ...] | None = None) -> dict[str, dict[str, dict[str, int]]]:
    """The TB section: ``checkpoint.screening.cascade.tb_cascade`` (the device's cascade, so HQ counts as the
    device does) over the persons screened in the period, in total, by sex, by WHO age group and per checkpoint
    (the checkpoint of the screened arrival). Sex is HQ's (``fact_arrivals``: amended, known for a returnee).
    A person with one screen only counts as ``tb_cascade`` counted her when her facts were kept (summed by
    ``tb_facts.read_inputs``); the others are counted here. ``inputs``: ``_tb_screens`` of the period read once for
    several checkpoints' reports (or, in tests, ``(screens, referrals, at)`` folded from the events)."""
    screens, referrals, at, *more = inputs if inputs is not None else _tb_screens(conn, period)
    solo: Iterable[tuple[Any, ...]] = more[0] if more else ()
    chosen = None if cp_ids is None else set(cp_ids)
    mine = [s for s in (tb_facts.resolve(s, at) for s in screens) if chosen is None or s["checkpoint"] in chosen]
    last = period.end - timedelta(days=1)
    c = tb_cascade(mine, referrals, start=period.start, end=last)
    tables: dict[str, dict[str, dict[str, int]]] = {
        "total": {"all": _steps_of(c["total"])},
        "sex": {k: _steps_of(v) for k, v in c["by_sex"].items()},
        "age_group": {k: _steps_of(v) for k, v in c["by_age_group"].items()},
        "province": {k: _steps_of(v) for k, v in c["by_province"].items()},     # home province
        "checkpoint": {cp: _steps_of(tb_cascade([s for s in mine if s["checkpoint"] == cp], referrals,
                                                start=period.start, end=last)["total"])
                       for cp in sorted({s["checkpoint"] for s in mine if s["checkpoint"]})}}
    for cp, sex, province, age, *steps in solo:
        if chosen is not None and cp not in chosen:
            continue
        for dim, cat in (("total", "all"), ("sex", sex), ("age_group", age), ("province", province),
                         ("checkpoint", cp)):
            if dim == "checkpoint" and not cp:
                continue
            table = tables[dim].setdefault(cat, dict.fromkeys(TB_INDICATORS, 0))
            for k, v in zip(TB_INDICATORS, steps, strict=True):
                table[k] += int(v or 0)
    out = {dim: {cat: t for cat, t in got.items() if dim == "total" or t["screened"]} for dim, got in tables.items()}
    out["checkpoint"] = {cps.get(cp, cp): t for cp, t in out["checkpoint"].items()}
    return out


def _steps_of(table: Mapping[str, Any]) -> dict[str, int]:
    return {k: int(table[k]) for k in TB_INDICATORS}


class FactsCache:
    """What reports read from the facts (the cube's sums, the distinct persons of a period), kept for the facts'
    version (``facts_version``), so the dashboard's pages of one month (each dimension, each report) read the facts
    once while nothing changes them. One per process (the dashboard's server); bounded (the least recently used
    goes); thread-safe. The values are shared: never changed by their readers."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


def facts_version(conn: Connection) -> tuple[int, str, str]:
    """Changes whenever the facts may have: every transaction that changes them (a batch, a release, a partner's
    stage) takes numbers from the ``ingest_seq`` counter; a rebuild (``sync.hq.facts.rebuild``) stamps
    ``facts_rebuilt``; a batch whose facts could not be kept sets ``facts_stale``."""
    stamps = dict(conn.execute(sa.select(meta.c.key, meta.c.value).where(meta.c.key.in_([STALE, REBUILT]))).all())
    return counter(conn, "ingest_seq"), str(stamps.get(STALE, "")), str(stamps.get(REBUILT, ""))


def _tune(conn: Connection) -> None:
    """PostgreSQL: memory for the sorts of this transaction's distinct counts (a month's persons sort in memory
    instead of spilling to disk at the default 4 MB; about twice as fast). Until the caller's transaction ends."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SET LOCAL work_mem = '64MB'"))


def build_report(conn: Connection, period: Period, *, checkpoints: Sequence[str] = (), threshold: int = INTERNAL,
                 dimensions: Sequence[str] | None = None, sections: Sequence[str] | None = None,
                 persons: bool = True, cache: FactsCache | None = None) -> Report:
    """Every section of the report (or only ``sections``: a dashboard page reads only what it shows) for ``period``
    and ``checkpoints`` (names; empty: all), cells under ``threshold`` suppressed (``threshold`` 0 or 1: nothing
    is; only for checks, never for display). ``persons=False``: without the distinct persons (a page that does not
    show them); ``cache``: reads of the facts kept for the facts' version (the dashboard)."""
    cps = _checkpoint_ids(conn, checkpoints)
    cp_ids = cps if checkpoints else None
    dims = _dimensions(dimensions)
    _tune(conn)
    version = facts_version(conn) if cache is not None else None
    where = (period.start, period.end, None if cp_ids is None else tuple(sorted(cp_ids)))

    def read(what: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        return compute() if cache is None else cache.get((version, where, *what), compute)

    arrivals, referrals = (sections is None or s in sections for s in ("arrivals", "referrals"))
    count = persons and arrivals and any(d in PERSON_DIMENSIONS for d in dims)
    dims_read = tuple(sorted({*(dims if arrivals else ()), *(_AGENCY_DIMENSIONS if referrals else ()),
                              *(("checkpoint",) if count else ())}))
    sums = read(("sums", dims_read), lambda: _sums(conn, period, cp_ids, dims_read)) if dims_read else {}
    # The persons per checkpoint with an arrival in the period (the cube's categories: the only ones a cell shows)
    # come with the total from the same read, so every page of the month shares one count (``cache``).
    per = tuple(sorted(cat for (dim, cat), m in sums.items() if dim == "checkpoint" and m["arrivals"] > 0))
    n_persons = read(("persons", per), lambda: _persons(conn, period, cp_ids, per)) if count else {}
    tb = read(("tb",), lambda: _tb_cells(conn, period, cp_ids, cps)) if _tb_dims(dims, sections) else {}
    svc = read(("services",), lambda: _service_figures(conn, period, cp_ids)) if _service_wanted(
        dimensions, sections) else {}
    report = _assemble(conn, Report(period, tuple(checkpoints), threshold, stale_since=get_meta(conn, STALE) or ""),
                       cps, cp_ids, [d for d in dims if d in DIMENSIONS], sections, sums,
                       n_persons if persons else None, tb)
    return _service_sections(report, svc, dimensions, sections, cps)


def checkpoint_reports(conn: Connection, period: Period, *, checkpoints: Sequence[str] = (),
                       threshold: int = INTERNAL) -> dict[str, Report | None]:
    """Each checkpoint's own report for ``period`` (every section and dimension), by checkpoint name, for the
    checkpoints (names; empty: all) that had an arrival in the period: for each, exactly
    ``build_report(conn, period, checkpoints=[name], threshold=threshold)``, read in one pass (one query of the
    cube grouped by checkpoint, one count of persons, the TB inputs once) instead of one report after another —
    what the DHIS2 export sends, one org unit per checkpoint. An arrival of a checkpoint HQ has no name for
    appears under its id, with None: no report can name it."""
    cps = _checkpoint_ids(conn, checkpoints)
    cp_ids = cps if checkpoints else None
    dims = list(DIMENSIONS)
    _tune(conn)
    grouped = _sums(conn, period, cp_ids, by_checkpoint=True)
    present = {key[0] for key, m in grouped.items() if key[1:] == ("checkpoint", key[0]) and m["arrivals"] > 0}
    out: dict[str, Report | None] = {cp: None for cp in present if cp not in cps}
    named = {cp: cps[cp] for cp in present if cp in cps}
    if not named:
        return out
    persons = _persons(conn, period, cp_ids, named, total=False)
    inputs = _tb_screens(conn, period)
    stale = get_meta(conn, STALE) or ""
    for cp, name in sorted(named.items(), key=lambda kv: kv[1]):
        mine = {cp: name}
        sums = {key[1:]: m for key, m in grouped.items() if key[0] == cp}
        n = persons.get(("checkpoint", cp), 0)
        one = {("total", "all"): n, **({("checkpoint", cp): n} if n else {})}
        tb = _tb_cells(conn, period, mine, mine, inputs)
        one_report = _assemble(conn, Report(period, (name,), threshold, stale_since=stale), mine, mine, dims, None,
                               sums, one, tb)
        out[name] = _service_sections(one_report, _service_figures(conn, period, mine), None, None, mine)
    return out


def _dimensions(dimensions: Sequence[str] | None) -> list[str]:
    dims = list(dimensions) if dimensions is not None else list(DIMENSIONS)
    bad = [d for d in dims if d not in ALL_DIMENSIONS]
    if bad:
        raise ValidationError("dimension", f"{bad[0]!r} is not one of {', '.join(ALL_DIMENSIONS)}")
    return dims


# ------------------------------------------------------------------------------------------------ assistance, NEA
def _service_dims(section: str, dimensions: Sequence[str] | None, sections: Sequence[str] | None) -> list[str]:
    """The dimensions of ``section`` (assistance or nea) a report shows: all of them, or those asked."""
    if sections is not None and section not in sections:
        return []
    own = SERVICE_DIMENSIONS[section]
    return list(own) if dimensions is None else [d for d in own if d in dimensions]


def _service_wanted(dimensions: Sequence[str] | None, sections: Sequence[str] | None) -> bool:
    return any(_service_dims(s, dimensions, sections) for s in SERVICE_DIMENSIONS)


def _service_figures(conn: Connection, period: Period, cp_ids: Iterable[str] | None
                     ) -> dict[str, dict[tuple[str, str], dict[str, int]]]:
    return service_facts.figures(conn, period.start.isoformat(), period.end.isoformat(), cp_ids)


def _service_sections(report: Report, figs: Mapping[str, Mapping[tuple[str, str], Mapping[str, int]]],
                      dimensions: Sequence[str] | None, sections: Sequence[str] | None,
                      cps: Mapping[str, str]) -> Report:
    """The sections ``assistance`` and ``nea`` from ``service_facts.figures``, suppressed as every other."""
    for section, indicators in (("assistance", ASSISTANCE_INDICATORS), ("nea", NEA_INDICATORS)):
        got = figs.get(section, {})
        for d in _service_dims(section, dimensions, sections):
            rows = {cps.get(c, c) if d == "checkpoint" else c: dict(m) for (dim, c), m in got.items() if dim == d}
            if d == "total" and not rows:
                rows = {"all": {}}
            inds = indicators[:2] if d == "kind" else indicators
            _add(report, section, d, {c: {i: m.get(i, 0) for i in inds} for c, m in rows.items()}, inds,
                 report.threshold)
    return report


def _tb_dims(dims: Sequence[str], sections: Sequence[str] | None) -> list[str]:
    return [d for d in dims if d in TB_DIMENSIONS and (sections is None or "tb" in sections)]


def _assemble(conn: Connection, report: Report, cps: Mapping[str, str], cp_ids: Iterable[str] | None,
              dims: Sequence[str], sections: Sequence[str] | None, sums: Mapping[tuple[str, ...], Mapping[str, int]],
              persons: Mapping[tuple[str, str], int] | None, tb: Mapping[str, dict[str, dict[str, int]]]) -> Report:
    """The report's cells from what was read (``build_report`` and ``checkpoint_reports`` share it); ``persons``
    None: no persons cells (not counted)."""
    threshold, period = report.threshold, report.period
    zero = dict.fromkeys(CUBE_MEASURES, 0)

    def wanted(section: str) -> bool:
        return sections is None or section in sections

    for d in (dims if wanted("arrivals") else ()):
        got = {cat: m for (dim, cat), m in sums.items() if dim == d and m["arrivals"] > 0}
        if d == "total" and not got:
            got = {"all": zero}
        arrivals = {cat: _arrival_indicators(m) for cat, m in got.items()}
        if d in PERSON_DIMENSIONS and persons is not None:
            for cat, row in arrivals.items():
                row["persons"] = persons.get((d, cat), 0)
        if d == "checkpoint":
            arrivals = {cps.get(k, k): v for k, v in arrivals.items()}
        inds = ARRIVAL_INDICATORS if d in PERSON_DIMENSIONS and persons is not None else tuple(
            i for i in ARRIVAL_INDICATORS if i != "persons")
        _add(report, "arrivals", d, arrivals, inds, threshold)
    for d in _tb_dims(dims, sections):
        _add(report, "tb", d, tb[d], TB_INDICATORS, threshold)
    for d in (_AGENCY_DIMENSIONS if wanted("referrals") else ()):
        got = {cat: {"referrals": m["referrals"]} for (dim, cat), m in sums.items() if dim == d and m["referrals"]}
        _add(report, "referrals", d, got, ("referrals",), threshold)
    if wanted("groups") or wanted("headcount"):
        _flow_sections(conn, report, period, cp_ids, cps, threshold)  # issue 11: groups and headcounts
    return report


def _add(report: Report, section: str, dim: str, got: Mapping[str, Mapping[str, int]], indicators: Sequence[str],
         threshold: int) -> None:
    cats = sorted(got)
    for ind in indicators:
        shown = suppress({c: got[c][ind] for c in cats}, threshold)
        report.cells.extend([Cell(section, dim, c, ind, v) for c, v in shown.items()])


# ------------------------------------------------------------------------------------------------ files
FORMATS = ("csv", "xlsx")
HEADER = ("section", "dimension", "category", "indicator", "value")


def safe_cell(v: Any) -> str:
    """Spreadsheet-safe text: a leading = + - @ (or tab, CR) would run as a formula in Excel or LibreOffice."""
    s = "" if v is None else str(v)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def _csv_bytes(rows: Sequence[Sequence[Any]]) -> bytes:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(HEADER)
    for r in rows:
        w.writerow([r[4] if i == 4 and r[4].isdigit() else safe_cell(v) for i, v in enumerate(r)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")      # a BOM: Excel reads Khmer and accents right


def _xlsx_bytes(rows: Sequence[Sequence[Any]]) -> bytes:
    """A minimal Office Open XML workbook (``checkpoint.xlsx``: one sheet, inline strings; figures as numbers)."""
    from checkpoint.xlsx import workbook_bytes

    table: list[list[object]] = [[safe_cell(v) for v in HEADER]]
    table += [[int(v) if i == 4 and str(v).isdigit() else safe_cell(v) for i, v in enumerate(r)] for r in rows]
    return workbook_bytes(table, sheet="Report")


def write_export(report: Report, path: Any, fmt: str) -> int:
    """Write the report's rows to a NEW file (``write_bytes``). Returns the number of rows."""
    from pathlib import Path

    if fmt not in FORMATS:
        raise ValidationError("format", f"must be one of {', '.join(FORMATS)}")
    target = Path(path)
    if target.exists():         # before building the file
        raise ValidationError("file", f"{target} already exists; an export never overwrites a file")
    data, n = export_bytes(report, fmt)
    write_bytes(target, data)
    return n


def export_bytes(report: Report, fmt: str) -> tuple[bytes, int]:
    """The report's rows as a CSV or XLSX file's bytes (what ``write_export`` writes; the dashboard's download):
    (bytes, number of rows)."""
    if fmt not in FORMATS:
        raise ValidationError("format", f"must be one of {', '.join(FORMATS)}")
    rows = report.rows()
    return (_csv_bytes(rows) if fmt == "csv" else _xlsx_bytes(rows)), len(rows)


def write_bytes(path: Any, data: bytes) -> None:
    """Write a NEW file (never overwrites: ValidationError if it exists), readable by its owner only (0600),
    whole or not at all."""
    import os
    import tempfile
    from pathlib import Path

    target = Path(path)
    if not target.parent.is_dir():
        raise ValidationError("file", f"there is no folder {target.parent}")
    if target.exists():
        raise ValidationError("file", f"{target} already exists; an export never overwrites a file")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".export-", suffix=".tmp")   # 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(tmp, target)            # fails if the name exists: never replaces a file
        except FileExistsError:
            raise ValidationError("file", f"{target} already exists; an export never overwrites a file") from None
    finally:
        os.unlink(tmp)


# Issue 11: a checkpoint's arrival flow (``sync.hq.arrival_facts``), codes and counts only.
GROUP_INDICATORS = ("groups", "expected", "listed", "left", "arrivals")
HEADCOUNT_INDICATORS = ("passed", "surge_on")


def _flow_sections(conn: Connection, report: Report, period: Period, cp_ids: Iterable[str] | None,
                   cps: Mapping[str, str], threshold: int) -> None:
    """Sections ``groups`` (handover groups and their arrivals by total, checkpoint, day, transport and handover:
    "group" or "individual") and ``headcount`` (people who passed without registration during a surge by total,
    checkpoint, day, sex, age_group and sex_age "F/child"...; and the times surge mode was switched on)."""
    from sync.hq.arrival_facts import flow_figures, headcount_figures

    start, end = period.start.isoformat(), period.end.isoformat()
    for section, got, indicators in (("groups", flow_figures(conn, start, end, cp_ids), GROUP_INDICATORS),
                                     ("headcount", headcount_figures(conn, start, end, cp_ids),
                                      HEADCOUNT_INDICATORS)):
        for d in sorted({dim for dim, _c in got}):
            rows = {cps.get(c, c) if d == "checkpoint" else c: m for (dim, c), m in got.items() if dim == d}
            _add(report, section, d, rows, tuple(i for i in indicators if any(m.get(i) for m in rows.values())),
                 threshold)
