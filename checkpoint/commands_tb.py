"""checkpoint-admin's TB commands (issue 14): the cascade for a period, and the site's TB policy.

    $ CHECKPOINT_PASSPHRASE=... checkpoint-admin --db poipet.db tb cascade --from 2026-11-01 --to 2026-11-30 --json
    $ checkpoint-admin --db poipet.db tb policy                              # show it, with WHO's reasoning
    $ checkpoint-admin --db poipet.db tb policy --xray-on-site no            # supervisor: change it
    $ checkpoint-admin --db poipet.db --user thida tb follow-up --overdue-days 7 --overdue-only
    $ checkpoint-admin --db poipet.db --user thida tb screen --arrival ID --consent --answer cough \
          --cough-days 21 --cxr ABNORMAL_SUGGESTIVE --json

``tb follow-up`` lists the open TB referrals, the longest waiting first (health worker, supervisor). ``tb screen``
records the health post's TB screen of an arrival: when the person already has an open TB referral the screen
continues it and says so; no second referral is opened (``checkpoint.services.tb_followup``). ``tb transfer``
transfers a person diagnosed with TB to the facility nearest home; a second transfer while the first is open is
refused, naming it (exit 4).

A thin adapter over ``session.health`` (the cascade, ``tb_policy``, ``set_tb_policy``): same permissions, same
errors (exit 4 with one plain line).
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import asdict
from datetime import date
from typing import Any

from checkpoint.cli import EXIT_OK, UsageError, emit
from checkpoint.errors import ConflictError

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
    from checkpoint import codelists
    from checkpoint.commands import open_session
    from checkpoint.screening.cascade import AGE_GROUPS, SEXES, STEPS

    if args.action == "follow-up":
        return _follow_up(args)
    if args.action == "screen":
        return _screen(args)
    if args.action == "transfer":
        return _transfer(args)
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
                print("by home province (screened / presumptive / TB diagnosed / treatment started):")
                for code, t in c["by_province"].items():
                    name = codelists.label("provinces", code) if code != "unknown" else "unknown"
                    print(f"  {name or code:<18} {t['screened']:>7} {t['presumptive']:>7} {t['tb_diagnosed']:>7} "
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
    sp.add_argument("action", choices=["cascade", "policy", "follow-up", "screen", "transfer"])
    sp.add_argument("--from", dest="date_from", type=_day, help="first local day (YYYY-MM-DD)")
    sp.add_argument("--to", dest="date_to", type=_day, help="last local day, inclusive (YYYY-MM-DD)")
    sp.add_argument("--xray-on-site", type=_yes_no, help="policy: is a chest X-ray taken here (yes/no)")
    sp.add_argument("--detention-alone", type=_yes_no,
                    help="policy: does recent detention alone send to X-ray where it is on site (yes/no)")
    sp.add_argument("--overdue-days", type=int, default=7,
                    help="follow-up: a referral waiting more days than this since its last step is overdue")
    sp.add_argument("--overdue-only", action="store_true", help="follow-up: list only the overdue referrals")
    sp.add_argument("--arrival", help="screen: the arrival (encounter id) screened")
    sp.add_argument("--referral", help="transfer: the diagnosed TB referral to transfer for treatment")
    sp.add_argument("--consent", action="store_true", help="screen: the person agrees to the TB screen")
    sp.add_argument("--answer", action="append", default=[], metavar="KEY",
                    help="screen: a yes answer (cough, fever, night_sweats, weight_loss, haemoptysis, contact, "
                         "previous_tb, diabetes, recent_detention); repeat for each")
    sp.add_argument("--cough-days", type=int, help="screen: days of cough")
    sp.add_argument("--hiv", choices=["negative", "positive"], help="screen: HIV status (with the TB consent)")
    sp.add_argument("--cxr", metavar="READING",
                    help="screen: the chest X-ray of the same sitting (NORMAL, ABNORMAL_SUGGESTIVE, ABNORMAL_OTHER)")
    sp.add_argument("--cad-score", type=float, help="screen: the CAD score the X-ray machine gave (0-100)")


def _named(ref: Mapping[str, Any]) -> str:
    """One line naming a referral for people: its id, facility, stage and the day it was opened."""
    from checkpoint import codelists

    facility = codelists.label("health_facilities", ref["agency_code"]) or ref["agency_code"]
    return f"referral {ref['id']} to {facility}, at stage '{ref['status']}', opened {str(ref['created_at'])[:10]}"


def _open_refused(e: Exception) -> ConflictError:
    ref = getattr(e, "referral", None)
    return ConflictError(f"{e} Open {_named(ref)}." if ref else str(e))


def _follow_up(args: argparse.Namespace) -> int:
    from checkpoint.commands import open_session

    with open_session(args) as s:
        rows = s.health.follow_up(overdue_days=args.overdue_days, overdue_only=args.overdue_only)
        data = [asdict(r) for r in rows]

        def text() -> None:
            late = sum(r.overdue for r in rows)
            print(f"{len(rows)} open TB referral(s), {late} waiting more than {args.overdue_days} day(s)")
            for r in rows:
                flag = "OVERDUE" if r.overdue else ""
                print(f"  {flag:<8}{r.days_waiting:>4} d  {r.family_name} {r.given_names}  {r.status:<18}"
                      f"{r.facility}  (referral {r.referral_id})")

        emit(args, data, text)
    return EXIT_OK


def _screen(args: argparse.Namespace) -> int:
    from checkpoint.commands import open_session
    from checkpoint.services.tb_followup import OpenTBReferral

    if not args.arrival:
        raise UsageError("tb screen needs --arrival ID (the arrival screened)")
    answers: dict[str, Any] = dict.fromkeys(args.answer, True)
    if args.cough_days is not None:
        answers["cough_days"] = args.cough_days
    if args.hiv:
        answers["hiv"] = args.hiv
    cxr: dict[str, Any] | None = None
    if args.cxr:
        cxr = {"cxr_result": args.cxr}
        if args.cad_score is not None:
            cxr["cxr_cad_score"] = args.cad_score
    with open_session(args) as s:
        try:
            done = s.health.screen(args.arrival, answers, consent=args.consent, cxr=cxr)
        except OpenTBReferral as e:
            raise _open_refused(e) from None
        ref = s.health.open_referral(done.changes.ids["person"]) if done.continued else None
        data = {"tb_screening_id": done.tb_screening_id, "outcome": done.result.outcome,
                "referral_id": done.referral_id, "continued": done.continued}

        def text() -> None:
            print(f"TB screen saved: {done.result.outcome}")
            if ref is not None:
                print(f"This person already had an open TB referral: the screen continues {_named(ref)}; "
                      "no second referral was opened.")
            elif done.referral_id:
                print(f"TB referral opened: {done.referral_id}")

        emit(args, data, text)
    return EXIT_OK


def _transfer(args: argparse.Namespace) -> int:
    from checkpoint.commands import open_session
    from checkpoint.services.tb_followup import OpenTBReferral

    if not args.referral:
        raise UsageError("tb transfer needs --referral ID (the diagnosed TB referral)")
    with open_session(args) as s:
        try:
            moved = s.health.transfer(args.referral)
        except OpenTBReferral as e:
            raise _open_refused(e) from None
        slip = s.slips.slip(moved.ids["referral"])
        data = {"referral_id": moved.ids["referral"], "facility": slip.agency_code, "facility_en": slip.agency_en}
        emit(args, data, lambda: print(f"Transferred for TB treatment to {slip.agency_en} "
                                       f"(referral {moved.ids['referral']})."))
    return EXIT_OK
