"""checkpoint-admin's arrivals commands (issue 11), for training, scripts and tests:

    $ checkpoint-admin arrivals import --file bus-1.csv --group-ref AR-2569/118 [--mapping map.json] [--only-good-rows]
    $ checkpoint-admin arrivals register --group-id G [--row N]      # quick-register a list's waiting rows
    $ checkpoint-admin queue --station HEALTH_POST --json

A thin adapter over ``session.arrivals``. A list with bad rows is refused (exit 4) with each bad row's number and
reason, unless ``--only-good-rows`` is given.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from checkpoint.arrivals.codes import STATIONS, TRANSPORTS
from checkpoint.cli import EXIT_DATA, EXIT_OK, AddCommand, UsageError, emit

__all__ = ["add_arrivals_commands"]

MAX_MAPPING_FILE = 64 * 1024


def cmd_arrivals(args: argparse.Namespace) -> int:
    from checkpoint.commands import open_session
    from checkpoint.services.arrivals import HandoverRejected

    if args.action == "register":
        return _register(args)
    if args.file is None:
        raise UsageError("arrivals import needs --file")
    data = _read(args.file, 20 * 1024 * 1024 + 1)
    mapping = None
    if args.mapping is not None:
        try:
            mapping = json.loads(_read(args.mapping, MAX_MAPPING_FILE).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise UsageError("--mapping must be a JSON file mapping fields to column names") from None
    group = {"transport": args.transport, "vehicle": args.vehicle or "", "handover_ref": args.group_ref or "",
             "authority": args.authority or "", "return_type": args.return_type}
    if args.expected is not None:
        group["expected_count"] = args.expected
    with open_session(args) as s:
        try:
            imp = s.arrivals.import_list(data, args.file.name, group=group, mapping=mapping,
                                         source=args.source or "", only_good=args.only_good_rows)
        except HandoverRejected as e:
            bad = [p.to_dict() for p in e.problems]
            why = e.detail
            emit(args, {"imported": False, "message": why, "problems": bad}, lambda: print(
                why + "\n" + "\n".join(f"  row {p['row']}: {p['field']}: {p['message']}" for p in bad)))
            return EXIT_DATA
        g = s.arrivals.group(imp.group_id)
        emit(args, {"imported": True, "group_id": imp.group_id, "rows": imp.rows, "encoding": imp.encoding,
                    "mapping": imp.mapping, "problems": [p.to_dict() for p in imp.problems],
                    "group": asdict(g)}, lambda: print(
            f"Imported {imp.rows} rows into group {imp.group_id} ({g.transport} {g.vehicle} {g.handover_ref}); "
            f"expected {g.expected}, skipped {g.skipped_rows}."))
    return EXIT_OK


def _register(args: argparse.Namespace) -> int:
    from checkpoint.commands import open_session

    if not args.group_id:
        raise UsageError("arrivals register needs --group-id")
    with open_session(args) as s:
        rows = [args.row] if args.row is not None else [r["row"] for r in s.arrivals.rows(args.group_id,
                                                                                         status="waiting")]
        done = [s.arrivals.quick_register(group_id=args.group_id, row=n).person_id for n in rows]
        emit(args, {"registered": len(done), "person_ids": done},
             lambda: print(f"Quick-registered {len(done)} rows of group {args.group_id}."))
    return EXIT_OK


def cmd_queue(args: argparse.Namespace) -> int:
    from checkpoint.commands import open_session

    with open_session(args) as s:
        stations = [args.station] if args.station else [
            st for st in s.site.stations if s.user.role in _roles(st)]
        out = {st: [asdict(i) | {"changes": None} for i in s.arrivals.queue(st)] for st in stations}
        figures = s.arrivals.figures()
        emit(args, {"stations": out, "figures": {st: figures[st] for st in stations}}, lambda: [
            print(f"{st}: {len(items)} in queue" + "".join(
                f"\n  {i['priority']:>3} {i['status']:<8} {i['family_name']} {i['given_names']} {i['name_khmer']} "
                f"{','.join(i['flags'])} waited {i['waited_s'] // 60} min" for i in items))
            for st, items in out.items()])
    return EXIT_OK


def _roles(station: str) -> frozenset[str]:
    from checkpoint.arrivals.codes import STATION_ROLES
    return STATION_ROLES[station]


def _read(path: Path, limit: int) -> bytes:
    try:
        with open(path, "rb") as f:
            data = f.read(limit)
    except OSError as e:
        raise UsageError(f"cannot read {path}: {e.strerror}") from None
    return data


def add_arrivals_commands(add: AddCommand) -> None:
    """Register ``arrivals import`` and ``queue`` with checkpoint-admin's ``add``."""
    sp = add("arrivals", cmd_arrivals, "import a handover list (CSV or XLSX) as a group of arrivals", json_=True)
    sp.add_argument("action", choices=["import", "register"])
    sp.add_argument("--file", type=Path, help="import: the handover list (CSV or XLSX)")
    sp.add_argument("--group-id", help="register: the group whose waiting rows to quick-register")
    sp.add_argument("--row", type=int, help="register: only this row (its sheet row number)")
    sp.add_argument("--group-ref", help="the handover reference")
    sp.add_argument("--mapping", type=Path, help='JSON file: {"full_name": "Name", "sex": "Gender", ...}')
    sp.add_argument("--source", help="who gave the list (its column mapping is remembered under this name)")
    sp.add_argument("--transport", choices=TRANSPORTS, default="BUS")
    sp.add_argument("--vehicle", help="plate or number")
    sp.add_argument("--authority", help="the Thai detention or referring authority")
    sp.add_argument("--return-type", default="DEPORTED_G2G")
    sp.add_argument("--expected", type=int, help="expected head count (default: the rows of the list)")
    sp.add_argument("--only-good-rows", action="store_true", help="import the good rows even if some are bad")
    sp = add("queue", cmd_queue, "the triage queue of a station (or of every station this user works)", json_=True)
    sp.add_argument("--station", choices=STATIONS)
