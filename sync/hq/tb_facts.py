"""The TB cascade's facts (issue 14 point 4): per person, the screens and health referrals the cascade counts
(``fact_tb_screens``, ``fact_tb_referrals``), kept as events arrive so the reports' TB section reads a period's
screens instead of folding every event of the period (``sync.hq.reports``).

Each person's rows are exactly what ``checkpoint.screening.cascade.inputs_from_events`` folds from that person's
accepted events of ``CASCADE_EVENT_TYPES`` in HQ's ingest order (the device's own fold: HQ counts as the device
does). Whenever an event of those types becomes visible for a person (a batch, a release, HQ's own partner stage or
TB outcome), the person's events are folded again and her rows replaced:

    >>> record(conn, plan)          # in the batch's transaction (sync.hq.facts.record_facts)     # doctest: +SKIP
    >>> refresh(conn, ["p1"])       # after HQ wrote an event about p1 (sync.hq.hq_events)         # doctest: +SKIP
    >>> rebuild(conn)               # from every accepted event (rebuild-facts, migration 0012)     # doctest: +SKIP
    >>> screens, referrals, at = read_inputs(conn, lo, hi)      # what tb_cascade reads          # doctest: +SKIP

A batch costs one read of its persons' earlier events (none for a new registration: the batch's own parsed events
are folded), one delete and one bulk insert per table. An event whose shape the fold cannot read is left out
(logged without content; HQ's ingest refused those already). Values are kept as text of at most their column's
size, so nothing a device sent makes the insert fail; the cascade compares them to its codes only.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.screening.cascade import (
    CASCADE_EVENT_TYPES,
    SEXES,
    STEPS,
    age_group,
    inputs_from_events,
    screen_steps,
)
from sync.hq.facts import local_date
from sync.hq.store import bulk_insert, events, fact_arrivals, fact_tb_referrals, fact_tb_screens, id_in

__all__ = ["fold_from_events", "fold_person", "read_inputs", "rebuild", "record", "refresh"]

log = logging.getLogger("checkpoint.hq")

_TYPES = frozenset(CASCADE_EVENT_TYPES)
_S_COLS = tuple(c.name for c in fact_tb_screens.columns)
_R_COLS = tuple(c.name for c in fact_tb_referrals.columns)
_REF_FIELDS = ("status", "cxr_result", "sputum_collected_at", "xpert_result", "diagnosis", "treatment_started_at")
_EV_COLS = (events.c.type, events.c.entity_id, events.c.payload, events.c.recorded_at, events.c.ingest_seq)
# Benchmarks only (tests/bench/bench_sync.py): "1" skips the upkeep at ingest to measure what it costs.
_OFF = "CHECKPOINT_HQ_TB_FACTS_OFF"


# ------------------------------------------------------------------------------------------------ the fold
def _readable(rows: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The rows the fold can read, in order (one left out is logged without content)."""
    try:
        inputs_from_events(rows, local_day=local_date)
        return rows
    except (KeyError, TypeError, ValueError, AttributeError):
        good: list[Mapping[str, Any]] = []
        for r in rows:
            try:
                inputs_from_events([*good, r], local_day=local_date)
                good.append(r)
            except (KeyError, TypeError, ValueError, AttributeError):
                log.warning("tb facts: an event of type %s has a shape the TB cascade cannot read; left out",
                            r["type"])
        return good


def fold_person(rows: list[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The cascade's inputs folded from one person's events (``type, entity_id, payload, recorded_at``), in
    HQ's ingest order (folded once; only when that fails are the unreadable events sought and left out)."""
    try:
        return inputs_from_events(rows, local_day=local_date)
    except (KeyError, TypeError, ValueError, AttributeError):
        return inputs_from_events(_readable(rows), local_day=local_date)


def _text(v: Any, size: int = 64) -> str:
    """A value as the cascade reads it (empty stays empty: ``(v or "") != ""``), as text of at most ``size``."""
    return str(v)[:size] if v else ""


def _age(v: Any) -> int | None:
    """The age as ``cascade.age_group`` reads it: an int 0..200, or None (its "unknown")."""
    return v if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 200 else None


def resolve(s: Mapping[str, Any], at: Mapping[str, tuple[str, str, str]]) -> dict[str, Any]:
    """A screen as the report counts it: the checkpoint, sex and home province of its arrival as ``fact_arrivals``
    holds them (amended; known for a returnee), the fold's otherwise."""
    cp, sex, province = at.get(str(s["encounter_id"]), ("", "UNKNOWN", ""))
    return {**s, "sex": sex if sex in SEXES else s["sex"], "checkpoint": cp,
            "province": province or s.get("province") or ""}


_ZERO = (0,) * len(STEPS)


def _solo(s: Mapping[str, Any], refs: Sequence[Mapping[str, Any]]) -> tuple[Any, ...]:
    """The categories and steps of a person's only screen, as ``tb_cascade`` counts it in any period holding its
    day: (checkpoint, sex, province, age group, *steps)."""
    sex = s.get("sex") if s.get("sex") in SEXES else "UNKNOWN"
    cats = (str(s["checkpoint"])[:36], str(sex), str(s.get("province") or "unknown")[:64], age_group(s.get("age")))
    try:
        day = date.fromisoformat(str(s["screened_on"]))
    except ValueError:
        return (*cats, *_ZERO)                  # a screen without a day counts in no period
    if refs:
        c = screen_steps(s, refs, day)        # tb_cascade([s], refs, start=day, end=day)["total"]
        return (*cats, *(int(c[k]) for k in STEPS))
    # Without a health referral (most persons) the steps depend on these alone: counted once per combination.
    key = (bool(s.get("voided")), str(s.get("screened_on") or "")[:10], day, str(s.get("outcome") or ""))
    steps = _NO_REFS.get(key)
    if steps is None:
        if len(_NO_REFS) > 10_000:
            _NO_REFS.clear()
        c = screen_steps(s, (), day)
        steps = _NO_REFS[key] = tuple(int(c[k]) for k in STEPS)
    return (*cats, *steps)


# screen_steps(screen, [], day) by what it reads of the screen when there is no referral to match (_solo)
_NO_REFS: dict[tuple[bool, str, date, str], tuple[int, ...]] = {}


def _rows(pid: str, screens: Sequence[Mapping[str, Any]], refs: Sequence[Mapping[str, Any]],
          at: Mapping[str, tuple[str, str, str]]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    p = pid[:64]
    seen: set[str] = set()
    r_rows = []
    health = []
    for r in refs:              # the cascade counts health referrals only (a kind left empty reads as health)
        rid = str(r["id"])[:64]
        if (r.get("kind") or "health") != "health" or rid in seen:
            continue
        seen.add(rid)
        health.append(r)
        r_rows.append((p, rid, str(r.get("encounter_id"))[:64], _text(r.get("kind"), 32),
                       *(_text(r.get(f)) for f in _REF_FIELDS)))
    solo = len(screens) == 1
    s_rows = [(p, n, _text(s["id"]), str(s["encounter_id"])[:64], str(s["screened_on"] or "")[:10],
               _text(s.get("outcome")), _age(s.get("age")), _text(s.get("sex"), 16), _text(s.get("province")),
               _text(s.get("continues")), solo,
               *(_solo(resolve(s, at), health) if solo else ("", "", "", "", *_ZERO)))
              for n, s in enumerate(screens)]
    return s_rows, r_rows


def _arrivals(conn: Connection, encounters: Iterable[str]) -> dict[str, tuple[str, str, str]]:
    """Checkpoint, sex and home province of these arrivals as ``fact_arrivals`` holds them now."""
    ids = sorted({str(e) for e in encounters})
    if not ids:
        return {}
    fa = fact_arrivals
    return {str(r[0]): (str(r[1]), str(r[2]), str(r[3] or "")) for r in conn.execute(
        sa.select(fa.c.encounter_id, fa.c.checkpoint_id, fa.c.sex, fa.c.province)
        .where(id_in(conn, fa.c.encounter_id, ids)))}


def _replace(conn: Connection, by_person: Mapping[str, list[Mapping[str, Any]]],
             new: Iterable[str] = ()) -> int:
    """Fold each person's events and replace her rows: one delete and one insert per table (``new``: persons HQ
    did not know before this batch, who have no rows to delete)."""
    if not by_person:
        return 0
    s_all: list[tuple[Any, ...]] = []
    r_all: list[tuple[Any, ...]] = []
    folded = {pid: fold_person(rows) for pid, rows in by_person.items()}
    at = _arrivals(conn, (s[0]["encounter_id"] for s, _r in folded.values() if len(s) == 1))
    for pid, (screens, refs) in folded.items():
        s, r = _rows(pid, screens, refs, at)
        s_all += s
        r_all += r
    people = sorted({p[:64] for p in by_person} - {p[:64] for p in new})
    if people:
        conn.execute(fact_tb_screens.delete().where(id_in(conn, fact_tb_screens.c.person_id, people)))
        conn.execute(fact_tb_referrals.delete().where(id_in(conn, fact_tb_referrals.c.person_id, people)))
    bulk_insert(conn, fact_tb_screens, s_all, _S_COLS)
    bulk_insert(conn, fact_tb_referrals, r_all, _R_COLS)
    return len(by_person)


def _earlier(conn: Connection, persons: Sequence[str], before: int | None) -> dict[str, list[Mapping[str, Any]]]:
    """The accepted cascade events of ``persons`` (before ingest number ``before``, when given), by person, in
    ingest order."""
    out: dict[str, list[Mapping[str, Any]]] = {p: [] for p in persons}
    if not persons:
        return out
    q = sa.select(*_EV_COLS).where(events.c.status == "accepted", events.c.type.in_(sorted(_TYPES)),
                                   id_in(conn, events.c.entity_id, persons))
    if before is not None:
        q = q.where(events.c.ingest_seq < before)
    for r in conn.execute(q.order_by(events.c.ingest_seq)).mappings():
        out[str(r["entity_id"])].append(dict(r))
    return out


# ------------------------------------------------------------------------------------------------ upkeep
def refresh(conn: Connection, persons: Iterable[str]) -> int:
    """Fold again every event of ``persons`` and replace their rows (HQ wrote an event about them); returns how
    many persons."""
    return _replace(conn, _earlier(conn, sorted({str(p) for p in persons}), None))


def record(conn: Connection, plan: Any) -> int:
    """The persons of the events a batch made visible (``plan.visible``, in HQ's order) with a cascade event: their
    rows folded again, in the batch's transaction (``sync.hq.facts.record_facts``). Returns how many persons."""
    if not plan.visible or os.environ.get(_OFF) == "1":
        return 0
    new = {n.event["id"]: n for n in plan.new_events}
    if all(i in new for i in plan.visible):
        # a batch's own events: the newest HQ holds (their ingest numbers follow every earlier one), so the
        # persons' earlier events are those before the first of them; the batch's are folded as parsed
        mine = [n for i in plan.visible if (n := new[i]).event["type"] in _TYPES]
        if not mine:
            return 0
        persons = sorted({str(n.event["entity_id"]) for n in mine})
        # a person this batch registers first (HQ held no person row) has no earlier accepted event to read
        fresh = {p for p in persons if p in getattr(plan, "new_persons", {})}
        first = conn.execute(sa.select(events.c.ingest_seq).where(events.c.id == plan.visible[0])).scalar()
        if first is not None:
            by_person: dict[str, list[Mapping[str, Any]]] = {p: [] for p in persons}
            by_person.update(_earlier(conn, [p for p in persons if p not in fresh], int(first)))
            for n in mine:
                ev = n.event
                by_person[str(ev["entity_id"])].append(
                    {"type": ev["type"], "entity_id": ev["entity_id"], "recorded_at": ev["recorded_at"],
                     "payload": n.payload if n.payload is not None else ev["payload"]})
            return _replace(conn, by_person, fresh)
        return refresh(conn, persons)
    # released events (or an operator's): read what they are about, then fold their persons' events again
    released = {str(r.entity_id) for r in conn.execute(
        sa.select(events.c.entity_id).where(id_in(conn, events.c.id, list(plan.visible)),
                                            events.c.type.in_(sorted(_TYPES))))}
    return refresh(conn, released) if released else 0


def rebuild(conn: Connection, *, chunk: int = 2000) -> int:
    """Empty the TB facts and fold every person's accepted cascade events again, ``chunk`` persons at a time
    (``checkpoint-hq rebuild-facts``, migration 0012). Returns how many persons."""
    conn.execute(fact_tb_screens.delete())
    conn.execute(fact_tb_referrals.delete())
    persons = [str(p) for p in conn.execute(
        sa.select(events.c.entity_id).where(events.c.status == "accepted", events.c.type.in_(sorted(_TYPES)))
        .distinct().order_by(events.c.entity_id)).scalars()]
    for n in range(0, len(persons), chunk):
        _replace(conn, _earlier(conn, persons[n:n + chunk], None))
    return len(persons)


def fold_from_events(conn: Connection) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The cascade's inputs folded at once from every accepted cascade event HQ holds, in ingest order: what the
    facts must equal (the tests' oracle; O(events), never for a report)."""
    q = (sa.select(*_EV_COLS).where(events.c.status == "accepted", events.c.type.in_(sorted(_TYPES)))
         .order_by(events.c.ingest_seq))
    return inputs_from_events(_readable([dict(r) for r in conn.execute(q).mappings()]), local_day=local_date)


# ------------------------------------------------------------------------------------------------ reading
# (screens, referrals, arrivals, solo): what ``tb_cascade`` reads for the persons with several screens, and the sums
# of the persons with one, by (checkpoint, sex, province, age group).
TbInputs = tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, tuple[str, str, str]],
                 list[tuple[Any, ...]]]
_N = tuple(getattr(fact_tb_screens.c, f"n_{k}") for k in STEPS)


def read_inputs(conn: Connection, first: str, last: str) -> TbInputs:
    """What the TB section counts for the screens dated ``first``..``last`` (local days, included): the sums of the
    solo screens (a person's only one) by checkpoint, sex, home province and age group; and, for the persons with
    several screens, what ``cascade.tb_cascade`` reads — their screens of the period (each person's in her fold's
    order within a day), their health referrals, and per screened arrival its checkpoint, sex and home province as
    ``fact_arrivals`` holds them. Three queries."""
    s, fa = fact_tb_screens, fact_arrivals
    in_period = (s.c.screened_on >= first) & (s.c.screened_on <= last)
    groups = (s.c.checkpoint_id, s.c.cat_sex, s.c.cat_province, s.c.age_group)
    solo = [tuple(r) for r in conn.execute(sa.select(*groups, *(sa.func.sum(n) for n in _N))
                                           .where(in_period, s.c.solo.is_(True)).group_by(*groups))]
    several = in_period & s.c.solo.is_(False)
    q = (sa.select(s.c.person_id, s.c.screen_id, s.c.encounter_id, s.c.screened_on, s.c.outcome, s.c.age, s.c.sex,
                   s.c.province, s.c.continues, fa.c.checkpoint_id, fa.c.sex.label("fa_sex"),
                   fa.c.province.label("fa_province"))
         .select_from(s.outerjoin(fa, fa.c.encounter_id == s.c.encounter_id))
         .where(several).order_by(s.c.screened_on, s.c.person_id, s.c.ord))
    screens: list[dict[str, Any]] = []
    at: dict[str, tuple[str, str, str]] = {}
    for pid, sid, enc, day, outcome, age, sex, province, cont, cp, fa_sex, fa_province in conn.execute(q):
        screens.append({"id": sid, "person_id": pid, "encounter_id": enc, "screened_on": day, "outcome": outcome,
                        "age": age, "continues": cont, "sex": sex, "province": province})
        if cp is not None:
            at[enc] = (str(cp), str(fa_sex), str(fa_province or ""))
    if not screens:
        return screens, [], at, solo
    r = fact_tb_referrals
    who = sa.select(s.c.person_id).where(several)
    refs = [{"id": row.referral_id, "person_id": row.person_id, "encounter_id": row.encounter_id, "kind": row.kind,
             **{f: getattr(row, f) for f in _REF_FIELDS}}
            for row in conn.execute(sa.select(r).where(r.c.person_id.in_(who)))]
    return screens, refs, at, solo
