"""The TB cascade at HQ (issue 14 point 5): the figures ``checkpoint-admin tb cascade`` shows on a device, counted
from the person events HQ accepted, for any period and checkpoint(s), small cells withheld.

    $ checkpoint-hq tb-cascade --from 2026-11-01 --to 2026-11-30 --checkpoint Poipet --json

The count is ``checkpoint.screening.cascade`` (stdlib only, the very code the device runs) over
``inputs_from_events``: the same persons, steps, sex and age groups, so a device's cascade and HQ's agree exactly
before suppression (tests/sync/test_tb_cascade_at_hq.py). A person counts for a checkpoint when the arrival screened
was registered by one of its devices; the later steps count wherever they were recorded (at the treating
facility's device, or at HQ).

Suppression (``sync.hq.reports.suppress``, as every HQ report): within each step, the cells of one breakdown (sex;
age group; home province) under the threshold are withheld (None) with a complementary cell when only one is; a
total under the threshold is withheld too. The number needed to screen is withheld wherever the diagnosed count
it derives from is. Nothing identifying leaves this module: counts only.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from checkpoint.cli import EXIT_OK, UsageError, emit
from checkpoint.errors import ValidationError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

# (SQLAlchemy and HQ's store load when the command runs, not when checkpoint-hq builds its parser.)
LOCAL_TZ = timezone(timedelta(hours=7))       # as sync.hq.facts: the checkpoints' local day (UTC+7)
INTERNAL = 5                                  # as sync.hq.reports: the default threshold (a test checks they agree)

__all__ = ["add_tb_cascade_command", "hq_tb_cascade"]


def _local_day(at: str) -> str:
    return datetime.fromisoformat(at).astimezone(LOCAL_TZ).date().isoformat()


def hq_tb_cascade(conn: Connection, start: date, end: date, *, checkpoints: Sequence[str] = (),
                  threshold: int = INTERNAL) -> dict[str, Any]:
    """The TB cascade of the persons screened from ``start`` to ``end`` (local days, inclusive) at ``checkpoints``
    (names; empty: all), in the shape of ``tb_cascade`` plus ``checkpoints`` and ``threshold``; cells under
    ``threshold`` withheld (None); ``threshold`` below 2: nothing withheld (for checks only)."""
    import sqlalchemy as sa

    from checkpoint.screening.cascade import AGE_GROUPS, SEXES, STEPS, inputs_from_events, tb_cascade
    from sync.hq.reports import _checkpoint_ids, suppress
    from sync.hq.store import devices, events

    if end < start:
        raise ValidationError("to", "the period ends before it starts")
    rows = [dict(r) for r in conn.execute(
        sa.select(events.c.type, events.c.entity_id, events.c.payload, events.c.recorded_at, events.c.device_id)
        .where(events.c.status == "accepted", events.c.entity_type == "person")
        .order_by(events.c.ingest_seq)).mappings()]
    screens, refs = inputs_from_events(rows, local_day=_local_day)
    names: list[str] = []
    if checkpoints:
        cps = _checkpoint_ids(conn, checkpoints)
        names = sorted(cps.values())
        ours = {str(d) for (d,) in conn.execute(sa.select(devices.c.device_id)
                                                .where(devices.c.checkpoint_id.in_(list(cps))))}
        encounters: set[str] = set()
        for r in rows:
            if r["type"] == "registration.recorded" and r["device_id"] in ours:
                p = r["payload"]
                if isinstance(p, str):
                    p = json.loads(p)
                encounters.add(str(p["encounter"]["id"]))
        screens = [s for s in screens if s["encounter_id"] in encounters]
    c = tb_cascade(screens, refs, start=start, end=end)
    out: dict[str, Any] = {"from": c["from"], "to": c["to"], "checkpoints": names or ["all"],
                           "threshold": threshold}
    if threshold < 2:
        return {**c, **out}

    def withheld(table: dict[str, dict[str, Any]], cats: Sequence[str]) -> dict[str, dict[str, Any]]:
        res: dict[str, dict[str, Any]] = {k: {} for k in cats}
        for step in STEPS:
            shown = suppress({k: int(table[k][step]) for k in cats}, threshold)
            for k in cats:
                res[k][step] = shown[k]
        for k in cats:
            res[k]["nns"] = table[k]["nns"] if res[k]["tb_diagnosed"] is not None and \
                res[k]["screened"] is not None else None
        return res

    total = withheld({"all": c["total"]}, ["all"])["all"]
    return {**out, "total": total, "by_sex": withheld(c["by_sex"], list(SEXES)),
            "by_age_group": withheld(c["by_age_group"], list(AGE_GROUPS)),
            "by_province": withheld(c["by_province"], sorted(c["by_province"]))}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def cmd_tb_cascade(args: argparse.Namespace) -> int:
    from checkpoint.screening.cascade import SEXES, STEPS
    from sync.hq.cli import _store
    from sync.hq.reports import PUBLICATION

    threshold = args.threshold if args.threshold is not None else PUBLICATION if args.publication else INTERNAL
    if threshold < 2:
        raise UsageError("--threshold must be at least 2: a report never shows single persons.")
    store = _store(args, create=False)
    try:
        with store.read() as conn:
            c = hq_tb_cascade(conn, args.date_from, args.date_to, checkpoints=args.checkpoint or (),
                              threshold=threshold)
    finally:
        store.close()

    def text() -> None:
        print(f"TB cascade of the persons screened {c['from']} to {c['to']} (local days) at "
              f"{', '.join(c['checkpoints'])}; cells under {threshold} shown as <{threshold}.")
        cols = ["total", *SEXES]
        print(f"{'':<28}" + "".join(f"{h:>9}" for h in cols))
        for step in (*STEPS, "nns"):
            row = [c["total"][step], *(c["by_sex"][x][step] for x in SEXES)]
            print(f"{step:<28}" + "".join(f"{'<' + str(threshold) if v is None else v:>9}" for v in row))

    emit(args, c, text)
    return EXIT_OK


def add_tb_cascade_command(add: Callable[..., argparse.ArgumentParser]) -> None:
    """``checkpoint-hq tb-cascade`` (registered by ``sync.hq.cli.build_parser``)."""
    sp = add("tb-cascade", cmd_tb_cascade, "the TB cascade for a period and checkpoint(s), by sex and age group, "
                                           "small cells withheld (issue 14)", json_=True)
    sp.add_argument("--from", dest="date_from", type=_day, required=True, help="first local day (YYYY-MM-DD)")
    sp.add_argument("--to", dest="date_to", type=_day, required=True, help="last local day, inclusive")
    sp.add_argument("--checkpoint", action="append", help="only this checkpoint (repeat for several)")
    sp.add_argument("--publication", action="store_true", help="withhold cells under 11 (publication) not 5")
    sp.add_argument("--threshold", type=int, help="withhold cells under N (at least 2)")
