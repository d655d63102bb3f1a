"""HQ's figures of a checkpoint's arrival flow (issue 11): handover groups, which arrival came in which group,
surge mode and the headcounts of people who passed without registration. Kept at ingest from the events HQ makes
visible (``record``, called by ``sync.hq.facts.record_facts`` in the batch's transaction), rebuilt from every
accepted event (``rebuild``: migration 0009_arrivals_facts and ``rebuild-facts``), read by ``sync.hq.reports``.

Codes and counts only. A group row keeps the checkpoint, the local day it was recorded, the transport and return
type codes, the announced head count and how many rows the list had, left before registration or were skipped;
never the vehicle plate, the handover reference, the authority's name or a listed person's name (those stay in the
event, which HQ keeps like every event). A headcount row keeps the checkpoint, day, sex, child/adult and the number.

    >>> record(conn, plan)                    # in the batch's transaction             # doctest: +SKIP
    >>> flow_figures(conn, "2026-11-01", "2026-12-01", None)[("transport", "BUS")]     # doctest: +SKIP
    {'groups': 3, 'expected': 150, 'listed': 148, 'left': 2, 'arrivals': 140}

Every value is cleaned as ``sync.hq.facts`` cleans its own: what is not a known code is read as unknown; a fault
never fails a batch (the caller's savepoint).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sync.hq.fastjson import payload_objects
from sync.hq.store import (
    accepted_events,
    events,
    fact_arrivals,
    fact_group_arrivals,
    fact_groups,
    fact_headcounts,
    fact_surge,
    id_in,
    insert_ignore,
)

__all__ = ["FLOW_TYPES", "TRANSPORTS", "flow_figures", "headcount_figures", "rebuild", "record"]


TRANSPORTS = ("BUS", "TRUCK", "VAN", "ON_FOOT", "OTHER")         # checkpoint.arrivals.codes.TRANSPORTS
FLOW_TYPES = frozenset({"arrival_group.recorded", "arrival_group.rows_added", "arrival_group.row_left",
                        "headcount.recorded", "surge.switched", "registration.recorded"})
_SEXES = ("F", "M", "X", "UNKNOWN")


def _local_day(at: Any) -> str:
    from sync.hq.facts import local_date  # facts imports this module: a late import

    return local_date(at)


def _code(v: Any, n: int) -> str:
    return v if isinstance(v, str) and 0 < len(v) <= n and v.replace("_", "").isalnum() else ""


def _count(v: Any, hi: int = 100_000) -> int | None:
    return v if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= hi else None


def _obj(v: Any) -> Mapping[str, Any]:
    return v if isinstance(v, dict) else {}


def _list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else []


def _apply(conn: Connection, type_: str, ev: Mapping[str, Any], p: Mapping[str, Any], checkpoint_id: str) -> None:
    fg = fact_groups
    gid = str(ev["entity_id"])
    if type_ == "registration.recorded":
        in_group = _obj(p.get("arrival")).get("group_id")
        eid = _obj(p.get("encounter")).get("id")
        if isinstance(in_group, str) and 0 < len(in_group) <= 64 and isinstance(eid, str) and 0 < len(eid) <= 64:
            conn.execute(insert_ignore(conn, fact_group_arrivals), [{"encounter_id": eid, "group_id": in_group}])
    elif type_ == "arrival_group.recorded":
        g = _obj(p.get("group"))
        rows = _list(p.get("rows"))
        transport = _code(g.get("transport"), 16)
        conn.execute(insert_ignore(conn, fg), [{
            "group_id": gid, "checkpoint_id": checkpoint_id, "group_date": _local_day(ev["recorded_at"]),
            "transport": transport if transport in TRANSPORTS else "UNKNOWN",
            "return_type": _code(g.get("return_type"), 32) or "UNKNOWN", "expected": _count(g.get("expected_count")),
            "listed": len(rows), "left_rows": 0, "skipped_rows": _count(p.get("skipped_rows")) or 0}])
    elif type_ == "arrival_group.rows_added":
        rows = _list(p.get("rows"))
        conn.execute(fg.update().where(fg.c.group_id == gid).values(listed=fg.c.listed + len(rows)))
    elif type_ == "arrival_group.row_left":
        conn.execute(fg.update().where(fg.c.group_id == gid).values(left_rows=fg.c.left_rows + 1))
    elif type_ == "headcount.recorded":
        n = _count(p.get("n"), 1000)
        sex = p.get("sex") if p.get("sex") in _SEXES else "UNKNOWN"
        ag = p.get("age_group") if p.get("age_group") in ("child", "adult") else ""
        if n and ag:
            conn.execute(insert_ignore(conn, fact_headcounts), [{
                "event_id": ev["id"], "checkpoint_id": checkpoint_id, "day": _local_day(ev["recorded_at"]),
                "sex": sex, "age_group": ag, "n": n}])
    elif type_ == "surge.switched" and isinstance(p.get("active"), bool):
        conn.execute(insert_ignore(conn, fact_surge), [{
            "event_id": ev["id"], "checkpoint_id": checkpoint_id, "day": _local_day(ev["recorded_at"]),
            "active": p["active"]}])


def apply_events(conn: Connection, evs: Iterable[tuple[Mapping[str, Any], Any, str]]) -> int:
    """Apply ``(event row with id, type, entity_id, recorded_at; its payload, text or parsed; checkpoint id)`` in
    order; returns how many changed the flow's facts."""
    n = 0
    for type_, ev, p, checkpoint_id in payload_objects(evs, FLOW_TYPES, "arrival facts"):
        _apply(conn, type_, ev, p, checkpoint_id)
        n += 1
    return n


def record(conn: Connection, plan: Any) -> int:
    """The flow's facts of the events a batch made visible, in the order HQ made them visible."""
    mine: dict[str, Mapping[str, Any]] = {n.event["id"]: n.event for n in plan.new_events}
    parsed = {n.event["id"]: n.payload for n in plan.new_events if n.payload is not None}
    missing = [i for i in plan.visible if i not in mine]
    if missing:
        for r in conn.execute(sa.select(events.c.id, events.c.type, events.c.entity_id, events.c.payload,
                                        events.c.recorded_at).where(id_in(conn, events.c.id, missing))).mappings():
            mine[str(r["id"])] = dict(r)
    return apply_events(conn, ((mine[i], parsed.get(i) or mine[i]["payload"], plan.checkpoint_id)
                               for i in plan.visible if mine[i]["type"] in FLOW_TYPES))


def rebuild(conn: Connection, *, chunk: int = 5000) -> int:
    """Empty the flow's fact tables and fill them again from every accepted event HQ holds, in ingest order."""
    for t in (fact_group_arrivals, fact_groups, fact_headcounts, fact_surge):
        conn.execute(t.delete())
    return sum(apply_events(conn, part) for part in accepted_events(conn, FLOW_TYPES, chunk=chunk))


# ------------------------------------------------------------------------------------------------ figures
def _where(table: sa.Table, col: Any, start: str, end: str, cp_ids: Iterable[str] | None) -> list[Any]:
    out = [col >= start, col < end]
    if cp_ids is not None:
        out.append(table.c.checkpoint_id.in_(sorted(cp_ids)))
    return out


def flow_figures(conn: Connection, start: str, end: str, cp_ids: Iterable[str] | None
                 ) -> dict[tuple[str, str], dict[str, int]]:
    """Per (dimension, category): handover groups recorded in [start, end) (local dates) and their arrivals.

    Dimensions: ``total`` ("all"), ``checkpoint`` (id), ``day``, ``transport``, ``handover`` ("group": arrivals
    registered from a handover group; "individual": the others). Indicators: ``groups``, ``expected``, ``listed``,
    ``left`` (listed, left before registration) and ``arrivals`` (not voided, by their own arrival date)."""
    cps = None if cp_ids is None else sorted(cp_ids)
    fg, ga, fa = fact_groups, fact_group_arrivals, fact_arrivals
    out: dict[tuple[str, str], dict[str, int]] = {}

    def add(key: tuple[str, str], **kv: int) -> None:
        row = out.setdefault(key, {"groups": 0, "expected": 0, "listed": 0, "left": 0, "arrivals": 0})
        for k, v in kv.items():
            row[k] += int(v or 0)

    for cp, day, transport, n, exp, listed, left in conn.execute(
            sa.select(fg.c.checkpoint_id, fg.c.group_date, fg.c.transport, sa.func.count(),
                      sa.func.sum(fg.c.expected), sa.func.sum(fg.c.listed), sa.func.sum(fg.c.left_rows))
            .where(*_where(fg, fg.c.group_date, start, end, cps))
            .group_by(fg.c.checkpoint_id, fg.c.group_date, fg.c.transport)):
        for key in (("total", "all"), ("checkpoint", str(cp)), ("day", str(day)), ("transport", str(transport))):
            add(key, groups=n, expected=exp, listed=listed, left=left)
    arrivals_where = [*_where(fa, fa.c.arrival_date, start, end, cps), fa.c.voided == sa.false()]
    for cp, day, transport, n in conn.execute(
            sa.select(fa.c.checkpoint_id, fa.c.arrival_date, sa.func.coalesce(fg.c.transport, "UNKNOWN"),
                      sa.func.count())
            .select_from(fa.join(ga, ga.c.encounter_id == fa.c.encounter_id)
                         .outerjoin(fg, fg.c.group_id == ga.c.group_id))
            .where(*arrivals_where).group_by(fa.c.checkpoint_id, fa.c.arrival_date, fg.c.transport)):
        for key in (("total", "all"), ("checkpoint", str(cp)), ("day", str(day)), ("transport", str(transport)),
                    ("handover", "group")):
            add(key, arrivals=n)
    total = int(conn.execute(sa.select(sa.func.count()).select_from(fa).where(*arrivals_where)).scalar_one())
    in_groups = out.get(("handover", "group"), {}).get("arrivals", 0)
    if total - in_groups:
        add(("handover", "individual"), arrivals=total - in_groups)
    return out


def headcount_figures(conn: Connection, start: str, end: str, cp_ids: Iterable[str] | None
                      ) -> dict[tuple[str, str], dict[str, int]]:
    """Per (dimension, category): people who passed without registration in [start, end) (``passed``) and the
    times surge mode was switched on (``surge_on``). Dimensions: ``total``, ``checkpoint``, ``day``, ``sex``,
    ``age_group`` (child, adult) and ``sex_age`` ("F/child", "M/adult", ...)."""
    cps = None if cp_ids is None else sorted(cp_ids)
    fh, fs = fact_headcounts, fact_surge
    out: dict[tuple[str, str], dict[str, int]] = {}

    def add(key: tuple[str, str], ind: str, v: int) -> None:
        row = out.setdefault(key, {"passed": 0, "surge_on": 0})
        row[ind] += int(v or 0)

    for cp, day, sex, ag, n in conn.execute(
            sa.select(fh.c.checkpoint_id, fh.c.day, fh.c.sex, fh.c.age_group, sa.func.sum(fh.c.n))
            .where(*_where(fh, fh.c.day, start, end, cps))
            .group_by(fh.c.checkpoint_id, fh.c.day, fh.c.sex, fh.c.age_group)):
        for key in (("total", "all"), ("checkpoint", str(cp)), ("day", str(day)), ("sex", str(sex)),
                    ("age_group", str(ag)), ("sex_age", f"{sex}/{ag}")):
            add(key, "passed", n)
    for cp, day, n in conn.execute(
            sa.select(fs.c.checkpoint_id, fs.c.day, sa.func.count())
            .where(*_where(fs, fs.c.day, start, end, cps), fs.c.active == sa.true())
            .group_by(fs.c.checkpoint_id, fs.c.day)):
        for key in (("total", "all"), ("checkpoint", str(cp)), ("day", str(day))):
            add(key, "surge_on", n)
    return out
