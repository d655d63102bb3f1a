"""Where the report pages get their figures: ONE function, ``report``, that the lead points at the reports API
(``sync.hq.reports``, #15 point 3) when the two branches merge.

Until then it returns the technical counts HQ already holds, labelled as such (``technical=True``; the page says
so above the table): registration events received per checkpoint in the period, and the records of the report's
kind HQ holds for persons registered there. Never an invented figure, never an indicator it cannot compute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

import sqlalchemy as sa

from sync.hq.store import HQStore, checkpoints, devices, events, persons, records

__all__ = ["REPORTS", "ReportTable", "checkpoint_choices", "report", "valid_period"]

# Report kind -> (title, the record kind HQ holds that comes closest, or "" for none)
REPORTS: Final[dict[str, tuple[str, str]]] = {
    "arrivals": ("Arrivals", "encounter"),
    "trafficking": ("Trafficking screening and referrals", "trafficking_screening"),
    "tb": ("TB cascade", "tb_screening"),
    "assistance": ("Assistance", ""),
    "nea": ("NEA registrations", ""),
}
_PERIOD = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


@dataclass(frozen=True)
class ReportTable:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]
    technical: bool                      # True: HQ's technical counts, not the report's indicators
    note: str = ""
    totals: tuple[str | int, ...] = field(default_factory=tuple)


def valid_period(value: str | None) -> str | None:
    """``YYYY-MM`` or None."""
    return value if value and _PERIOD.fullmatch(value) else None


def checkpoint_choices(store: HQStore) -> list[tuple[str, str]]:
    """(id, name) of every checkpoint HQ knows, by name."""
    with store.read() as conn:
        return [(str(i), str(n)) for i, n in conn.execute(sa.select(checkpoints.c.id, checkpoints.c.name)
                                                          .order_by(checkpoints.c.name))]


def report(store: HQStore, kind: str, period: str, checkpoint_ids: list[str]) -> ReportTable:
    """The report ``kind`` for the month ``period`` (YYYY-MM) and these checkpoints (empty: all)."""
    title, record_kind = REPORTS[kind]
    chosen = [c for c in checkpoint_choices(store) if not checkpoint_ids or c[0] in checkpoint_ids]
    ids = [c[0] for c in chosen]
    with store.read() as conn:
        q = (sa.select(devices.c.checkpoint_id, sa.func.count())
             .select_from(events.join(devices, devices.c.device_id == events.c.device_id))
             .where(events.c.type == "registration.recorded", events.c.status == "accepted",
                    sa.func.substr(events.c.recorded_at, 1, 7) == period, devices.c.checkpoint_id.in_(ids))
             .group_by(devices.c.checkpoint_id))
        registrations = {str(c): int(n) for c, n in conn.execute(q)}
        held: dict[str, int] = {}
        if record_kind:
            q = (sa.select(persons.c.checkpoint_id, sa.func.count())
                 .select_from(records.join(persons, persons.c.person_id == records.c.person_id))
                 .where(records.c.kind == record_kind, persons.c.checkpoint_id.in_(ids))
                 .group_by(persons.c.checkpoint_id))
            held = {str(c): int(n) for c, n in conn.execute(q)}
    columns: tuple[str, ...] = ("Checkpoint", "Registration events received in the period")
    if record_kind:
        columns += ("Records of this kind held by HQ (all periods)",)
    rows = tuple((name, registrations.get(cid, 0), *((held.get(cid, 0),) if record_kind else ()))
                 for cid, name in chosen)
    totals = ("Total", sum(r[1] for r in rows), *((sum(r[2] for r in rows),) if record_kind else ()))
    return ReportTable(title, columns, rows, technical=True, totals=totals,
                       note="Technical counts of what HQ received, not this report's indicators: the disaggregated "
                            "report arrives with HQ's reports (issue 15).")
