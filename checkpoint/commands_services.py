"""checkpoint-admin's services commands (issue 13): assistance at the transit centre, and NEA's export.

    $ checkpoint-admin --db poipet.db --user sokha assistance give PERSON_ID CASH_GRANT_KHR 100000 --provider IOM
    $ checkpoint-admin --db poipet.db assistance give PERSON_ID CASH_GRANT_KHR 50000 --override-reason "..."
    $ checkpoint-admin --db poipet.db assistance received PERSON_ID --json
    $ checkpoint-admin --db poipet.db assistance figures --from 2026-12-01 --to 2026-12-31 --json
    $ checkpoint-admin --db poipet.db assistance items
    $ checkpoint-admin --db poipet.db export --format nea --from 2026-12-01 --to 2026-12-31 --out nea.csv

A thin adapter over ``session.assistance`` and ``session.nea``: same permissions, same errors (exit 4 with one
plain line; a second cash grant's refusal names the first payment).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from checkpoint.cli import EXIT_OK, UsageError, emit

__all__ = ["add_services_commands", "cmd_export_nea"]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def _number(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    return int(v) if v.is_integer() else v


def cmd_assistance(args: argparse.Namespace) -> int:
    from checkpoint.commands import open_session

    with open_session(args) as s:
        if args.action == "items":
            data = [{"code": i.code, "label": i.label_en, "kind": i.kind, "unit": i.unit, "max": i.max_quantity,
                     "cash_grant": i.cash_grant, "provider": i.default_provider} for i in s.assistance.items()]
            emit(args, {"items": data, "policy": s.assistance.policy()}, lambda: [print(
                f"{d['code']:<20} {d['unit']:<7} max {d['max']:>10g}  {d['provider']:<24} {d['label']}")
                for d in data])
            return EXIT_OK
        if args.action == "figures":
            if args.date_from is None or args.date_to is None:
                raise UsageError("assistance figures needs --from and --to (YYYY-MM-DD)")
            f = s.assistance.figures(args.date_from, args.date_to)

            def text() -> None:
                print(f"Assistance {f['start']} to {f['end']}: {f['given']} handed out to {f['persons']} persons")
                for r in f["by_kind_provider"]:
                    print(f"  {r['kind']:<12} {r['provider']:<28} {r['given']:>6} to {r['persons']:>5} persons")
                for r in f["by_sex_age"]:
                    print(f"  {r['sex']:<3} {r['age_group']:<8} {r['given']:>6} to {r['persons']:>5} persons")

            emit(args, f, text)
            return EXIT_OK
        if not args.person_id:
            raise UsageError(f"assistance {args.action} needs a PERSON_ID")
        if args.action == "give":
            if args.item is None or args.quantity is None:
                raise UsageError("assistance give needs PERSON_ID ITEM QUANTITY")
            ch = s.assistance.give(args.person_id, args.item, args.quantity, provider=args.provider or "",
                                   override_reason=args.override_reason or "")
            emit(args, {"assistance_id": ch.ids["assistance"]}, lambda: print(
                f"Recorded: {args.quantity:g} {args.item} ({ch.ids['assistance']})."))
            return EXIT_OK
        got = s.assistance.received(args.person_id)
        emit(args, got, lambda: [print(
            f"{r['given_at'][:16]} {r['item_code']:<20} {r['quantity']:>10g} {r['unit']:<7} {r['provider']}"
            + (" VOID" if r["voided"] else "")) for r in got["ever"]])
    return EXIT_OK


def cmd_export_nea(args: argparse.Namespace) -> int:
    """``export --format nea``: NEA's file (docs/exports/nea.md) for --from/--to (default: everything so far); an
    ``--out`` ending in .xlsx writes an XLSX workbook, anything else CSV; ``--mapping`` rearranges the columns for
    NEA's own template."""
    from checkpoint.commands import open_session

    with open_session(args) as s:
        start = getattr(args, "date_from", None)
        end = getattr(args, "date_to", None)
        done = s.nea.export(start, end, args.out, mapping=getattr(args, "mapping", None))
        emit(args, {"rows": done.rows, "out": str(args.out)}, lambda: print(
            f"Wrote {done.rows} NEA registrations to {args.out}. This file is NOT encrypted: keep it on an "
            "encrypted drive and hand it to NEA only."))
    return EXIT_OK


def add_services_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Register ``assistance`` with ``checkpoint.commands.build_parser``'s ``add``."""
    sp = add("assistance", cmd_assistance, "assistance: give, received, figures, items", json_=True)
    sp.add_argument("action", choices=["give", "received", "figures", "items"])
    sp.add_argument("person_id", nargs="?")
    sp.add_argument("item", nargs="?", help="item code (assistance items)")
    sp.add_argument("quantity", nargs="?", type=_number, help="how many, or the amount of money")
    sp.add_argument("--provider", help="agency code (default: the item's usual provider)")
    sp.add_argument("--override-reason", help="supervisor: give a second cash grant inside the site's period")
    sp.add_argument("--from", dest="date_from", type=_day, help="figures: first local day (YYYY-MM-DD)")
    sp.add_argument("--to", dest="date_to", type=_day, help="figures: last local day, inclusive (YYYY-MM-DD)")
