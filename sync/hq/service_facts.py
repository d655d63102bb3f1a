"""HQ's facts of assistance handed out and of NEA job registrations (issue 15 point 3, the data of issue 13): kept at
ingest from the events HQ makes visible (``record``, called by ``sync.hq.facts.record_facts`` in the batch's
transaction, so a release of quarantined or held events keeps them too), rebuilt from every accepted event
(``rebuild``: migration 0013_service_facts and ``checkpoint-hq rebuild-facts``), read by ``sync.hq.reports``
(``figures``: the sections ``assistance`` and ``nea``).

    >>> record(conn, plan)                                   # in the batch's transaction       # doctest: +SKIP
    >>> figures(conn, "2026-11-01", "2026-12-01", None)["assistance"][("kind", "CASH")]          # doctest: +SKIP
    {'assistance_given': 12, 'assistance_persons': 11, 'assistance_cash': 12}

The rows are the device's own fold of the same events (``checkpoint.storage.assistance``), in HQ's ingest order:

- ``assistance.given`` adds a handing-out (its id first seen wins; one the device's projection would refuse — an
  item, kind, unit or provider that is not a code, a quantity that is not a quantity — is left out, as the device
  holds it aside); a kind HQ does not know reads as ``OTHER``;
- ``assistance.voided`` marks it void (it stays, uncounted), ``assistance.corrected`` changes its provider (the
  quantity is not a figure here: units differ);
- ``nea.registered`` adds a registration with the form's codes (wanted job, sector and province, education, abroad
  again, sector abroad). The device has no void of a registration; a void of its arrival or person
  (``record.voided``) leaves it out of the figures through ``fact_arrivals``.

Codes only: no name, phone, contact, commune, free text or quantity of money. A registration's arrival is the one
it names; a handing-out's is the person's latest arrival (not voided) on or before its day, else her first one —
as the device's figures read the person's latest arrival. Each row keeps that arrival (``encounter_id``) and a copy
of its sex, child/adult (man, woman, boy, girl), CTDC age group and home province (the destination), and a
registration whether it is voided, as ``fact_arrivals`` holds them: ``relink`` sets them when the row is written
and again for every person whose arrivals a batch, a release or a rebuild changes (a new or earlier arrival, a
void, an amendment of the arrival or the person), so a correction counts at once and a report reads these
tables alone (issue 15's target: the year at 1,000,000 persons). No arrival known: sex UNKNOWN, age unknown,
province "".

Each person's rows summed per calendar month and year, at every checkpoint and at each (``fact_service_persons``,
``roll``), are written again with them: a month's or a year's figures, at every checkpoint or at one, read those
sums instead of grouping every row of the period by person on each page (``kept_period``); any other period
(a day, a range, several checkpoints) groups its rows.

Figures (``figures``): per (dimension, category), ``assistance_given`` (handings-out, voids left out),
``assistance_persons`` (distinct persons) and one ``assistance_<kind>`` per kind of ``KINDS``; ``nea_registrations``
and ``nea_persons`` (registrations whose arrival is voided are left out). A fault here never fails a batch (the
caller's savepoint, ``facts.record_facts``).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sync.hq.fastjson import payload_objects
from sync.hq.store import (
    accepted_events,
    events,
    fact_arrivals,
    fact_assistance,
    fact_nea,
    fact_service_persons,
    id_in,
    insert_ignore,
)

__all__ = ["ASSISTANCE_DIMENSIONS", "ASSISTANCE_INDICATORS", "KINDS", "NEA_DIMENSIONS", "NEA_INDICATORS", "TYPES",
           "analyze", "apply_events", "figures", "kept_period", "rebuild", "record", "relink", "roll"]


# checkpoint.services.assistance.KINDS (HQ never imports the device's services; a test checks they agree)
KINDS: Final = ("FOOD_WATER", "NON_FOOD", "TRANSPORT", "CASH", "SHELTER", "MEDICAL", "OTHER")
TYPES: Final = frozenset({"assistance.given", "assistance.voided", "assistance.corrected", "nea.registered"})
# Events that add an arrival or change its day, void, sex, age or home province (sync.hq.facts): the rows of
# their person (the event's entity) are linked again to the arrival they count under (``relink``).
ARRIVAL_TYPES: Final = frozenset({"registration.recorded", "registration.completed", "encounter.amended",
                                  "record.voided", "person.amended"})
_COPIED: Final = (("sex", "UNKNOWN"), ("sex_age", "unknown"), ("age_group", "unknown"), ("province", ""))
_PERSON_DIMENSIONS: Final = ("total", "checkpoint", "sex", "sex_age", "age_group", "province")
ASSISTANCE_DIMENSIONS: Final = (*_PERSON_DIMENSIONS, "kind", "provider")
NEA_DIMENSIONS: Final = (*_PERSON_DIMENSIONS, "desired_sector", "desired_job", "desired_province", "education",
                         "abroad_again")
ASSISTANCE_INDICATORS: Final = ("assistance_given", "assistance_persons",
                                *(f"assistance_{k.lower()}" for k in KINDS))
NEA_INDICATORS: Final = ("nea_registrations", "nea_persons")
_ASSISTANCE_BY: Final = ("checkpoint", "sex", "sex_age", "age_group", "province", "provider")   # in SQL; + kind
_NEA_FORM: Final = ("desired_job", "desired_sector", "desired_province", "education", "abroad_again",
                    "sector_abroad")
# Benchmarks only (tests/bench/bench_sync.py): "1" skips the upkeep at ingest to measure what it costs.
_OFF: Final = "CHECKPOINT_HQ_SERVICE_FACTS_OFF"
_SIZE: Final = {c.name: int(getattr(c.type, "length", 0) or 0) for t in (fact_assistance, fact_nea)
                for c in t.columns}


# ------------------------------------------------------------------------------------------------ clean values
def _id(v: Any) -> str:
    return v if isinstance(v, str) and 0 < len(v) <= 64 else ""


def _device_code(v: Any) -> str:
    """A code as the device's projection takes it (text of 1..64), else ""."""
    return v if isinstance(v, str) and 0 < len(v) <= 64 else ""


def _code(v: Any, col: str) -> str:
    """A code as text of at most the column's size (anything else: "" = unknown)."""
    return v if isinstance(v, str) and len(v) <= _SIZE[col] else ""


def _quantity(v: Any) -> bool:
    return not isinstance(v, bool) and isinstance(v, int | float) and math.isfinite(v) and 0 < v < 1e9


def _obj(v: Any) -> Mapping[str, Any]:
    return v if isinstance(v, dict) else {}


def _day(at: Any) -> str:
    from sync.hq.facts import local_date  # facts imports this module: a late import

    return local_date(at)


# ------------------------------------------------------------------------------------------------ the fold
def _given_row(ev: Mapping[str, Any], p: Mapping[str, Any], checkpoint_id: str) -> dict[str, Any] | None:
    a = _obj(p.get("assistance"))
    aid = _id(a.get("id"))
    codes = [_device_code(a.get(f)) for f in ("item_code", "kind", "unit", "provider")]
    if not aid or not all(codes) or not _quantity(a.get("quantity")):
        return None                     # the device's projection refuses it: held aside there, never counted
    item, kind, _unit, provider = codes
    return {"assistance_id": aid, "person_id": str(ev["entity_id"])[:64], "checkpoint_id": checkpoint_id[:36],
            "given_on": _day(ev["recorded_at"]), "kind": kind if kind in KINDS else "OTHER", "provider": provider,
            "item_code": item, "cash_grant": bool(a.get("cash_grant")), "voided": False}


def _nea_row(ev: Mapping[str, Any], p: Mapping[str, Any], checkpoint_id: str) -> dict[str, Any] | None:
    reg = _obj(p.get("registration"))
    rid, eid = _id(reg.get("id")), _id(p.get("encounter_id"))
    if not rid or not eid:
        return None
    form = _obj(reg.get("data"))
    return {"registration_id": rid, "person_id": str(ev["entity_id"])[:64], "encounter_id": eid,
            "checkpoint_id": checkpoint_id[:36], "registered_on": _day(ev["recorded_at"]),
            **{f: _code(form.get(f), f) for f in _NEA_FORM}}


class _Writer:
    """Applies events in order; new rows are buffered and inserted together, flushed before a void or a
    correction so it finds the row it changes."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.given: list[dict[str, Any]] = []
        self.nea: list[dict[str, Any]] = []
        self.persons: set[str] = set()      # persons with a new handing-out: to link to their arrival
        self.changed: set[str] = set()      # persons a void or a correction changed a row of

    def flush(self) -> None:
        """Insert the buffered rows (an id HQ already holds is kept as it is: the first wins). SQLite: one DB-API
        executemany of plain tuples (no per-row SQLAlchemy processing); PostgreSQL: one multi-row INSERT."""
        for table, rows in ((fact_assistance, self.given), (fact_nea, self.nea)):
            if not rows:
                continue
            if self.conn.dialect.name == "sqlite":
                cols = list(rows[0])
                self.conn.exec_driver_sql(
                    f"INSERT OR IGNORE INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                    [tuple(r.values()) for r in rows])
            else:
                self.conn.execute(insert_ignore(self.conn, table), rows)
            rows.clear()

    def apply(self, type_: str, ev: Mapping[str, Any], p: Mapping[str, Any], checkpoint_id: str) -> bool:
        if type_ == "assistance.given":
            row = _given_row(ev, p, checkpoint_id)
            if row is not None:
                self.given.append(row)
                self.persons.add(row["person_id"])
            return row is not None
        if type_ == "nea.registered":
            row = _nea_row(ev, p, checkpoint_id)
            if row is not None:
                self.nea.append(row)
                self.persons.add(row["person_id"])
            return row is not None
        aid = _id(p.get("assistance_id"))
        if not aid:
            return False
        fx = fact_assistance
        person = str(ev["entity_id"])[:64]
        mine = (fx.c.assistance_id == aid) & (fx.c.person_id == person)
        if type_ == "assistance.voided":
            self.flush()
            self.conn.execute(fx.update().where(mine).values(voided=True))
            self.changed.add(person)
            return True
        ch = _obj(p.get("changes"))          # assistance.corrected: the device refuses a bad one whole
        if ("quantity" in ch and not _quantity(ch["quantity"])) or ("provider" in ch and
                                                                     not _device_code(ch["provider"])):
            return False
        if "provider" in ch:
            self.flush()
            self.conn.execute(fx.update().where(mine).values(provider=ch["provider"]))
            self.changed.add(person)
        return True


def apply_events(conn: Connection, evs: Iterable[tuple[Mapping[str, Any], Any, str]], *,
                 link: Iterable[str] | None = ()) -> int:
    """Apply ``(event row with type, entity_id, recorded_at; its payload, text or parsed; checkpoint id)`` in
    order; returns how many changed the facts. An unreadable payload is skipped (logged without content). Then
    links the handings-out of the persons given one here and of the persons ``link`` names to their arrivals
    (``relink``); ``link=None``: none (``rebuild`` links every one at the end)."""
    w = _Writer(conn)
    n = 0
    for type_, ev, p, checkpoint_id in payload_objects(evs, TYPES, "service facts"):
        n += w.apply(type_, ev, p, checkpoint_id)
    w.flush()
    if link is not None:
        _refresh(conn, w.persons.union(w.changed, link))
    return n


def relink(conn: Connection, persons: Iterable[str] | None) -> None:
    """Link the rows of ``persons`` (None: of everyone) to their arrivals as ``fact_arrivals`` holds them now: a
    handing-out to the person's latest arrival (not voided) on or before the day it was given, else her first one
    (not voided), else none (""); each row (a registration: of the arrival it names) gets that arrival's sex,
    child/adult, age group and home province (unknown without one), a registration also its void. Three UPDATEs,
    the same on SQLite and PostgreSQL."""
    fx, fn, fa, live = fact_assistance, fact_nea, fact_arrivals, fact_arrivals.alias("live")
    who = None if persons is None else sorted(persons)
    if who == []:
        return
    latest = (sa.select(live.c.encounter_id)
              .where(live.c.person_id == fx.c.person_id, live.c.voided == sa.false(), live.c.arrival_date != "",
                     live.c.arrival_date <= fx.c.given_on)
              .order_by(live.c.arrival_date.desc(), live.c.encounter_id.desc()).limit(1).scalar_subquery())
    first = (sa.select(live.c.encounter_id).where(live.c.person_id == fx.c.person_id, live.c.voided == sa.false())
             .order_by(live.c.arrival_date, live.c.encounter_id).limit(1).scalar_subquery())
    q = fx.update().values(encounter_id=sa.func.coalesce(latest, first, ""))
    conn.execute(q if who is None else q.where(id_in(conn, fx.c.person_id, who)))
    for t, extra in ((fx, {}), (fn, {"arrival_voided": (fa.c.voided, sa.false())})):
        cols = {c: (fa.c[c], sa.literal(unknown)) for c, unknown in _COPIED} | extra
        q = t.update().values({c: sa.func.coalesce(sa.select(src).where(fa.c.encounter_id == t.c.encounter_id)
                                                   .scalar_subquery(), unknown) for c, (src, unknown) in cols.items()})
        conn.execute(q if who is None else q.where(id_in(conn, t.c.person_id, who)))


def roll(conn: Connection, persons: Iterable[str] | None) -> None:
    """Write again what ``fact_service_persons`` keeps of ``persons`` (None: of everyone): per section, calendar
    month and year of their rows (voided ones and those of a voided arrival left out), at every checkpoint ("*")
    and at each, each person's ``_per_person`` sums. Called whenever their rows may have changed (a batch, a
    release, a relink, a rebuild). Eight INSERT ... SELECTs by the tables' person index, the same on SQLite and
    PostgreSQL."""
    fp = fact_service_persons
    who = None if persons is None else sorted(set(persons))
    if who == []:
        return
    conn.execute(fp.delete() if who is None else fp.delete().where(id_in(conn, fp.c.person_id, who)))
    fx, fn = fact_assistance, fact_nea
    for section, t, day, live, dims, kinds in (
            ("assistance", fx, fx.c.given_on, fx.c.voided == sa.false(), _ASSISTANCE_BY[1:], KINDS),
            ("nea", fn, fn.c.registered_on, fn.c.arrival_voided == sa.false(), NEA_DIMENSIONS[2:], ())):
        where = [live, day != ""] + ([] if who is None else [id_in(conn, t.c.person_id, who)])
        for length in (7, 4):           # a month, a year (the numbers as SQL text: one expression to group by)
            period = sa.func.substr(day, sa.literal_column("1"), sa.literal_column(str(length)))
            for cp in (None, t.c.checkpoint_id):
                cols = {"section": sa.literal(section, sa.String()), "period": period,
                        "cp_key": sa.literal("*", sa.String()) if cp is None else cp, "person_id": t.c.person_id,
                        **_person_sums(t.c.kind if kinds else None,
                                       {"checkpoint": t.c.checkpoint_id, **{d: t.c[d] for d in dims}}, kinds),
                        **{f"k{i}": sa.literal(0) for i in range(len(kinds), 7)}}
                keys = [period, t.c.person_id] + ([] if cp is None else [cp])
                q = sa.select(*(c.label(k) for k, c in cols.items())).where(*where).group_by(*keys)
                conn.execute(fp.insert().from_select(list(cols), q))


def _refresh(conn: Connection, persons: Iterable[str]) -> None:
    """``relink`` and ``roll`` the persons of ``persons`` who have a handing-out or a registration (a batch of
    arrivals only finds none: two lookups, nothing written)."""
    ids = sorted(set(persons))
    if not ids:
        return
    fx, fn = fact_assistance, fact_nea
    have = sorted({str(p) for p, in conn.execute(sa.union(
        sa.select(fx.c.person_id).where(id_in(conn, fx.c.person_id, ids)),
        sa.select(fn.c.person_id).where(id_in(conn, fn.c.person_id, ids))))})
    if have:
        relink(conn, have)
        roll(conn, have)


_EV_COLS = (events.c.id, events.c.type, events.c.entity_id, events.c.payload, events.c.recorded_at)


def record(conn: Connection, plan: Any) -> int:
    """The facts of the events a batch (or a release) made visible, in the order HQ made them visible. One pass
    over the batch's events when none is of ``TYPES``; one read of the events it did not carry (a release)."""
    if not plan.visible or os.environ.get(_OFF) == "1":
        return 0
    mine: dict[str, Mapping[str, Any]] = {}
    parsed: dict[str, Any] = {}
    carried: set[str] = set()
    visible = set(plan.visible)
    moved: set[str] = set()             # persons whose arrivals this batch changed
    for n in plan.new_events:
        ev = n.event
        carried.add(ev["id"])
        if ev["type"] in ARRIVAL_TYPES and ev["id"] in visible:
            moved.add(str(ev["entity_id"])[:64])
        elif ev["type"] in TYPES:
            mine[ev["id"]] = ev
            if n.payload is not None:
                parsed[ev["id"]] = n.payload
    missing = [i for i in plan.visible if i not in carried]
    if missing:
        for r in conn.execute(sa.select(*_EV_COLS).where(
                id_in(conn, events.c.id, missing), events.c.type.in_(sorted(TYPES | ARRIVAL_TYPES)))).mappings():
            if r["type"] in ARRIVAL_TYPES:
                moved.add(str(r["entity_id"])[:64])
            else:
                mine[str(r["id"])] = dict(r)
    if not mine:
        _refresh(conn, moved)
        return 0
    return apply_events(conn, ((mine[i], parsed.get(i) or mine[i]["payload"], str(plan.checkpoint_id))
                               for i in plan.visible if i in mine), link=moved)


def rebuild(conn: Connection, *, chunk: int = 5000, sums: bool = True) -> int:
    """Empty the assistance and NEA facts and fill them again from every accepted event HQ holds, in ingest order
    (``checkpoint-hq rebuild-facts``, migration 0013), and each person's sums (``roll``; ``sums=False``: not, for
    migration 0013, before migration 0014 adds their table). Returns how many events changed them."""
    conn.execute(fact_assistance.delete())
    conn.execute(fact_nea.delete())
    n = sum(apply_events(conn, part, link=None) for part in accepted_events(conn, TYPES, chunk=chunk))
    analyze(conn)
    relink(conn, None)
    if sums:
        roll(conn, None)
    return n


def analyze(conn: Connection) -> None:
    """PostgreSQL: the planner's figures of the tables a full relink and roll read, taken now (a sample: seconds at
    1,000,000 arrivals). Without them, after the rows were just written, the planner can search a person's arrival
    by scanning the arrivals in date order: the relink of 600,000 handings-out then ran for over 20 minutes
    instead of under one."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("ANALYZE fact_arrivals, fact_assistance, fact_nea"))


# ------------------------------------------------------------------------------------------------ figures
Figures = dict[tuple[str, str], dict[str, int]]


def _per_person(base: Any, dims: tuple[str, ...], kinds: tuple[str, ...] = ()) -> Any:
    """The rows of ``base`` summed per person: her rows (``n``), her rows of each kind (``k0``...) and, per dimension,
    the category all her rows share (NULL: they differ). What ``fact_service_persons`` keeps for a month and a year
    (``roll``); read from the rows themselves for any other period (in person order from the table's person index:
    PostgreSQL streams it, never stores it)."""
    sums = _person_sums(base.c.kind if kinds else None, {d: base.c[d] for d in dims}, kinds)
    return (sa.select(base.c.person_id, *(e.label(k) for k, e in sums.items()))
            .group_by(base.c.person_id).subquery("per"))


def _person_sums(kind: Any, columns: Mapping[str, Any], kinds: tuple[str, ...]) -> dict[str, Any]:
    """The aggregates of a group of one person's rows, by name: her rows (``n``), her rows of each of ``kinds``
    (``k0``...; ``kind``: the rows' kind column) and, per dimension of ``columns``, the category all her rows share
    (NULL: they differ). ``_per_person`` reads them from the rows; ``roll`` keeps them."""
    return {"n": sa.func.count(),
            **{f"k{i}": sa.func.sum(sa.case((kind == k, 1), else_=0)) for i, k in enumerate(kinds)},
            **{d: _uniform(c) for d, c in columns.items()}}


def _uniform(col: Any) -> Any:
    return sa.case((sa.func.min(col) == sa.func.max(col), sa.func.min(col)))


def _by_dimension(conn: Connection, base: Any, per: Any, dims: tuple[str, ...], kinds: tuple[str, ...] = ()
                  ) -> list[Any]:
    """The rows of one or two queries (the same on SQLite and PostgreSQL) that ``_sum`` turns into figures: for
    the rows of ``base`` (one per handing-out or registration with its ``person_id``, a column per dimension of
    ``dims`` and, for ``kinds``, its ``kind``), summed per person in ``per`` (``_per_person`` of them, or what
    ``fact_service_persons`` keeps of them), per category of each dimension the distinct persons, the rows
    and the rows of each kind, and per kind the persons given one.

    Distinct persons without a count(DISTINCT) per dimension (each one a sort of every row): a person whose rows
    all fall in one category of a dimension (nearly everyone) counts once there: ``per`` is summed by the
    combination of those categories (a few thousand rows, ``("*", person or None, category or None per dimension,
    ...)``; a person whose rows differ in some dimension is named). The rows of those few are then counted in those
    dimensions with count(DISTINCT) (a second query, by the person index): ``(dimension, category, None..., ...)``."""
    ks = [per.c[f"k{i}"] for i in range(len(kinds))]
    # NULL: her rows differ in this dimension; she is then named (``who``) and counted from her rows below.
    ones = [sa.cast(per.c[d], sa.String()) for d in dims]
    who = sa.case((sa.or_(*(per.c[d].is_(None) for d in dims)), per.c.person_id))
    rows = list(conn.execute(
        sa.select(sa.literal("*", sa.String()), who, *ones, sa.func.count(), sa.func.sum(per.c.n),
                  *(sa.func.sum(k) for k in ks), *(sa.func.sum(sa.case((k > 0, 1), else_=0)) for k in ks))
        .group_by(who, *ones)))
    mixed: dict[str, list[str]] = {}
    for r in rows:
        if r[1] is not None:
            for d, c in zip(dims, r[2:2 + len(dims)], strict=True):
                if c is None:
                    mixed.setdefault(d, []).append(str(r[1]))
    none = sa.null().cast(sa.String())
    parts = [sa.select(sa.literal(d, sa.String()), sa.cast(base.c[d], sa.String()), *(none for _ in dims),
                       sa.func.count(base.c.person_id.distinct()), sa.func.count(),
                       *(sa.func.sum(sa.case((base.c.kind == k, 1), else_=0)) for k in kinds),
                       *(sa.literal(0) for _ in kinds))
             .where(id_in(conn, base.c.person_id, ids)).group_by(base.c[d]) for d, ids in mixed.items()]
    return rows + (list(conn.execute(sa.union_all(*parts))) if parts else [])


def _sum(rows: list[Any], dims: tuple[str, ...], given: str, persons: str, kinds: tuple[str, ...] = ()
         ) -> Figures:
    """The figures of ``_by_dimension``'s rows: ``total`` and each dimension's categories (``given``: rows,
    ``persons``: distinct persons, ``<given's section>_<kind>``: rows of the kind) and, with ``kinds``, ``kind``."""
    by_kind = [f"assistance_{k.lower()}" for k in kinds]
    acc: dict[tuple[str, str], list[int]] = {}      # (dimension, category) -> [persons, rows, rows of each kind]
    total = [0] * (2 + len(kinds))
    takers = [0] * len(kinds)

    def add(key: tuple[str, str], vec: list[int]) -> None:
        a = acc.get(key)
        acc[key] = vec if a is None else [x + y for x, y in zip(a, vec, strict=True)]

    width = len(dims)
    for dim, cat, *rest in rows:
        vec = [int(v) for v in rest[width:width + 2 + len(kinds)]]
        if dim != "*":                  # the rows of persons whose rows differ in this dimension
            if vec[0]:
                add((str(dim), str(cat)), vec)
            continue
        for d, c in zip(dims, rest[:width], strict=True):
            if c is not None:
                add((d, str(c)), vec)
        total = [x + y for x, y in zip(total, vec, strict=True)]
        takers = [x + int(y) for x, y in zip(takers, rest[width + 2 + len(kinds):], strict=True)]
    if total[0]:
        acc[("total", "all")] = total
    out: Figures = {}
    for key, (who, n, *ks) in acc.items():
        out[key] = {given: n, persons: who, **{ind: k for ind, k in zip(by_kind, ks, strict=True) if k}}
    for kind, n, who in zip(kinds, total[2:], takers, strict=True):
        if n:
            out[("kind", kind)] = {given: n, persons: who}
    return out


def _kept(section: str, key: tuple[str, str], dims: tuple[str, ...], kinds: tuple[str, ...] = ()) -> Any:
    """``_per_person`` of a month's or a year's rows as ``fact_service_persons`` keeps them (``key``: the period and
    the checkpoint, "*" for all)."""
    fp = fact_service_persons
    return (sa.select(fp.c.person_id, fp.c.n, *(fp.c[f"k{i}"] for i in range(len(kinds))), *(fp.c[d] for d in dims))
            .where(fp.c.section == section, fp.c.period == key[0], fp.c.cp_key == key[1]).subquery("per"))


def _assistance_rows(conn: Connection, start: str, end: str, cps: list[str] | None, key: tuple[str, str] | None
                     ) -> list[Any]:
    fx = fact_assistance
    where = [fx.c.given_on >= start, fx.c.given_on < end, fx.c.voided == sa.false()]
    if cps is not None:
        where.append(fx.c.checkpoint_id.in_(cps))
    base = (sa.select(fx.c.person_id, fx.c.checkpoint_id.label("checkpoint"),
                      *(fx.c[c] for c, _ in _COPIED), fx.c.kind, fx.c.provider).where(*where).subquery("given"))
    per = _per_person(base, _ASSISTANCE_BY, KINDS) if key is None else _kept("assistance", key, _ASSISTANCE_BY, KINDS)
    return _by_dimension(conn, base, per, _ASSISTANCE_BY, KINDS)


def _nea_rows(conn: Connection, start: str, end: str, cps: list[str] | None, key: tuple[str, str] | None
              ) -> list[Any]:
    fn = fact_nea
    where = [fn.c.registered_on >= start, fn.c.registered_on < end, fn.c.arrival_voided == sa.false()]
    if cps is not None:
        where.append(fn.c.checkpoint_id.in_(cps))
    base = (sa.select(fn.c.person_id, fn.c.checkpoint_id.label("checkpoint"), *(fn.c[c] for c, _ in _COPIED),
                      *(fn.c[d] for d in NEA_DIMENSIONS[len(_PERSON_DIMENSIONS):]))
            .where(*where).subquery("registered"))
    dims = NEA_DIMENSIONS[1:]
    return _by_dimension(conn, base, _per_person(base, dims) if key is None else _kept("nea", key, dims), dims)


def kept_period(start: str, end: str, cp_ids: Iterable[str] | None) -> tuple[str, str] | None:
    """The key of ``fact_service_persons`` that holds the local days [start, end) at the checkpoints ``cp_ids``
    (None: all): a calendar month ("2026-11") or year ("2026") at every checkpoint ("*") or at one (its id);
    None for any other period or several checkpoints (read from the rows)."""
    cps = None if cp_ids is None else sorted(set(cp_ids))
    if cps is not None and len(cps) != 1:
        return None
    try:
        a, b = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return None
    nxt = date(a.year + (a.month == 12), a.month % 12 + 1, 1)
    if a.day == 1 and b == nxt:
        period = start[:7]
    elif (a.month, a.day) == (1, 1) and b == date(a.year + 1, 1, 1):
        period = start[:4]
    else:
        return None
    return period, "*" if cps is None else cps[0]


def figures(conn: Connection, start: str, end: str, cp_ids: Iterable[str] | None) -> dict[str, Figures]:
    """``{"assistance": {(dimension, category): {indicator: n}}, "nea": {...}}`` for the local days [start, end)
    and the checkpoints ``cp_ids`` (None: all); the checkpoint's category is its id. Two queries (the same on
    SQLite and PostgreSQL), each counting every dimension's categories in SQL (``_by_dimension``: distinct
    persons included), so Python receives a few thousand rows at most. A month or a year at every checkpoint or
    at one reads each person's sums as ``fact_service_persons`` keeps them (``kept_period``); any other period
    sums the period's rows per person."""
    cps = None if cp_ids is None else sorted(cp_ids)
    key = kept_period(start, end, cps)
    return {"assistance": _sum(_assistance_rows(conn, start, end, cps, key), _ASSISTANCE_BY, "assistance_given",
                               "assistance_persons", KINDS),
            "nea": _sum(_nea_rows(conn, start, end, cps, key), NEA_DIMENSIONS[1:], *NEA_INDICATORS)}
