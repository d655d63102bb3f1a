"""checkpoint-admin's TB commands (issue 14): the cascade for a period, and the site's TB policy.

    $ CHECKPOINT_PASSPHRASE=... checkpoint-admin --db poipet.db tb cascade --from 2026-11-01 --to 2026-11-30 --json
    $ checkpoint-admin --db poipet.db tb policy                              # show it, with WHO's reasoning
    $ checkpoint-admin --db poipet.db tb policy --xray-on-site no            # supervisor: change it

A thin adapter over ``session.health`` (the cascade, ``tb_policy``, ``set_tb_policy``): same permissions, same
errors (exit 4 with one plain line).
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable
from datetime import date

from checkpoint.cli import EXIT_OK, UsageError, emit

__all__ = ["add_tb_commands"]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def _yes_no(text: str) -> bool:
    if text.lower() in ("yes", "no"):
        return text.lower() == "yes"
    raise argparse.ArgumentTypeError("answer yes or no")


def cmd_tb(args: argparse.Namespace) -> int:
    from checkpoint.commands import open_session
    from checkpoint.screening.cascade import AGE_GROUPS, SEXES, STEPS

    if args.action == "cascade":
        if args.date_from is None or args.date_to is None:
            raise UsageError("tb cascade needs --from and --to (YYYY-MM-DD)")
        with open_session(args) as s:
            c = s.health.cascade(args.date_from, args.date_to)

            def text() -> None:
                print(f"TB cascade of the persons screened {c['from']} to {c['to']} (local days)")
                cols = ["total", *SEXES]
                print(f"{'':<28}" + "".join(f"{h:>9}" for h in cols))
                for step in (*STEPS, "nns"):
                    row = [c["total"][step], *(c["by_sex"][x][step] for x in SEXES)]
                    print(f"{step:<28}" + "".join(f"{'-' if v is None else v:>9}" for v in row))
                print("by age group (screened / presumptive / TB diagnosed / treatment started):")
                for g in AGE_GROUPS:
                    t = c["by_age_group"][g]
                    print(f"  {g:<8} {t['screened']:>7} {t['presumptive']:>7} {t['tb_diagnosed']:>7} "
                          f"{t['treatment_started']:>7}")

            emit(args, c, text)
        return EXIT_OK
    with open_session(args) as s:
        if args.xray_on_site is not None or args.detention_alone is not None:
            now = s.health.tb_policy()
            s.health.set_tb_policy(
                xray_on_site=now.xray_on_site if args.xray_on_site is None else args.xray_on_site,
                detention_alone_to_xray=(now.detention_alone_to_xray if args.detention_alone is None
                                         else args.detention_alone))
        p = s.health.tb_policy()
        data = {"xray_on_site": p.xray_on_site, "detention_alone_to_xray": p.detention_alone_to_xray,
                "xray_on_site_why": p.xray_on_site_why, "detention_alone_why": p.detention_alone_why}

        def show() -> None:
            yn = {True: "yes", False: "no"}
            print(f"Chest X-ray on site: {yn[p.xray_on_site]}")
            print(textwrap.indent(textwrap.fill(p.xray_on_site_why, 100), "  "))
            print(f"Recent detention alone sends to X-ray: {yn[p.detention_alone_to_xray]}"
                  + ("" if p.xray_on_site else " (has no effect: no X-ray on site)"))
            print(textwrap.indent(textwrap.fill(p.detention_alone_why, 100), "  "))
            print("A change applies from the next sign-in.")

        emit(args, data, show)
    return EXIT_OK


def add_tb_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Register ``tb cascade`` and ``tb policy`` with ``checkpoint.commands.build_parser``'s ``add``."""
    sp = add("tb", cmd_tb, "TB: the cascade for a period, the site's TB policy", json_=True)
    sp.add_argument("action", choices=["cascade", "policy"])
    sp.add_argument("--from", dest="date_from", type=_day, help="first local day (YYYY-MM-DD)")
    sp.add_argument("--to", dest="date_to", type=_day, help="last local day, inclusive (YYYY-MM-DD)")
    sp.add_argument("--xray-on-site", type=_yes_no, help="policy: is a chest X-ray taken here (yes/no)")
    sp.add_argument("--detention-alone", type=_yes_no,
                    help="policy: does recent detention alone send to X-ray where it is on site (yes/no)")
