"""checkpoint-admin's core commands: provisioning, users, recovery, demo data, search, show, verify, export,
backup and figures. The program (its ``main``, and the sync commands) is ``sync.device.cli``.

A thin adapter over ``checkpoint.services``: nothing here that a screen or a script could not do by calling the
services. Passphrases come from an interactive prompt, or from ``CHECKPOINT_PASSPHRASE`` for automation
(a new user's passphrase from ``CHECKPOINT_NEW_PASSPHRASE``, a recovery code from ``CHECKPOINT_RECOVERY_CODE``).

    $ checkpoint-admin --db poipet.db init --user dara --name "Poipet checkpoint"
    $ CHECKPOINT_PASSPHRASE=... checkpoint-admin --db poipet.db search SOKHA --json

    parser = build_parser([add_sync_commands])      # the program adds its own commands
    args = parser.parse_args(argv); resolve_defaults(args)
    run_command("checkpoint-admin", args.func, args)

Each command returns an exit code (0 ok, 4 when ``verify`` finds problems); errors propagate to
``checkpoint.cli.run_command``, which turns them into exit codes 2, 3 and 4 and one plain line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from checkpoint.arrivals.commands import add_arrivals_commands
from checkpoint.cli import EXIT_DATA, EXIT_OK, AddCommand, Parser, UsageError, emit, secret
from checkpoint.errors import ValidationError
from checkpoint.model.roles import ROLES
from checkpoint.paths import default_store_path
from checkpoint.site import DEFAULT_STATION_ID

if TYPE_CHECKING:
    from checkpoint.services import Session

__all__ = ["build_parser", "open_session", "resolve_defaults"]



def open_session(args: argparse.Namespace) -> Session:
    """Sign in as ``--user`` (default: the store's first user) with the passphrase from the environment or a prompt."""
    from checkpoint.services import list_usernames, unlock

    user = args.user
    if user is None:
        names = list_usernames(args.db)
        if not names:
            raise ValidationError("user", "this store has no users")
        user = names[0]
    session = unlock(args.db, user, secret("CHECKPOINT_PASSPHRASE", f"Passphrase for {user}"),
                     minimise=not getattr(args, "no_sign_in_pass", False))   # `minimise` runs its own pass
    for notice in session.notices:      # told once: on stderr, so --json output stays clean
        print(f"checkpoint-admin: {notice.text()}", file=sys.stderr)
    return session


# ---------------------------------------------------------------------------------------------- commands
def cmd_init(args: argparse.Namespace) -> int:
    from checkpoint.services import create_store

    if args.user is None:
        raise UsageError("init needs --user NAME (the first supervisor)")
    pw = secret("CHECKPOINT_PASSPHRASE", f"New passphrase for {args.user}", confirm=True)
    args.db.parent.mkdir(parents=True, exist_ok=True)   # the user's data folder, on a laptop where the app never ran
    session, code = create_store(args.db, checkpoint_name=args.name, username=args.user,
                                 display_name=args.display_name or args.user, passphrase=pw,
                                 station_id=args.station)
    session.lock()
    emit(args, {"db": str(args.db), "user": args.user, "recovery_code": code}, lambda: print(
        f"Created {args.db} for {args.name} with supervisor {args.user}.\n\n"
        f"RECOVERY CODE (print it, keep it locked away; it opens the store if every passphrase is lost):\n\n"
        f"    {code}\n"))
    return EXIT_OK


def cmd_user(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        if args.action == "list":
            users = s.users.list()
            emit(args, [asdict(u) for u in users], lambda: [
                print(f"{u.username:<20} {u.role:<14} {u.status:<9} {u.display_name}"
                      + (f"  ({u.failed_attempts} wrong passphrases)" if u.failed_attempts else ""))
                for u in users])
            return EXIT_OK
        if not args.name:
            raise UsageError(f"user {args.action} needs a user name")
        if args.action == "add":
            if not args.role:
                raise UsageError("user add needs --role officer|health_worker|supervisor|admin")
            pw = secret("CHECKPOINT_NEW_PASSPHRASE", f"New passphrase for {args.name}", confirm=True)
            s.users.add(args.name, args.display_name or args.name, args.role, pw)
            print(f"Added {args.role} {args.name}.")
        elif args.action == "passwd":
            pw = secret("CHECKPOINT_NEW_PASSPHRASE", f"New passphrase for {args.name}", confirm=True)
            old = None
            if args.name.lower() == s.user.username:
                old = secret("CHECKPOINT_PASSPHRASE", "Current passphrase")
            s.users.set_passphrase(args.name, pw, old_passphrase=old)
            print(f"Passphrase changed for {args.name}.")
        elif args.action == "unlock" and any(u.username == args.name.lower() and u.status != "active"
                                             for u in s.users.list()):
            # A locked account has no key slot any more: reinstating it is a new passphrase (a supervisor's).
            pw = secret("CHECKPOINT_NEW_PASSPHRASE", f"New passphrase for {args.name}", confirm=True)
            s.users.set_passphrase(args.name, pw)
            print(f"{args.name} is reinstated with a new passphrase.")
        elif args.action in ("lock", "unlock"):
            s.users.set_status(args.name, "disabled" if args.action == "lock" else "active")
            print(f"{args.name} is {'locked (its key slot removed)' if args.action == 'lock' else 'unlocked'}.")
    return EXIT_OK


def cmd_rotate_key(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        rotated = s.users.rotate_data_key()
    emit(args, {"recovery_code": rotated.recovery_code, "users_without_slot": list(rotated.users_without_slot)},
         lambda: print(
             "The store is now encrypted under a new key. Old copies of the key file, and backups made before, "
             "still open with the old passphrases: keep them locked away or destroy them.\n\n"
             "NEW RECOVERY CODE (print it, keep it locked away; the old one opens nothing now):\n\n"
             f"    {rotated.recovery_code}\n"
             + ("".join(f"\n{u} needs a new passphrase (`user passwd {u}`)." for u in rotated.users_without_slot))))
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    from checkpoint.services import reset_with_recovery_code

    if args.user is None:
        raise UsageError("recover needs --user NAME (whose passphrase to reset)")
    code = secret("CHECKPOINT_RECOVERY_CODE", "Recovery code")
    pw = secret("CHECKPOINT_NEW_PASSPHRASE", f"New passphrase for {args.user}", confirm=True)
    reset_with_recovery_code(args.db, code, args.user, pw).lock()
    print(f"New passphrase set for {args.user}.")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from checkpoint.demo import generate

    if args.count < 0 or args.count > 5_000_000:
        raise ValidationError("count", "must be between 0 and 5,000,000")
    with open_session(args) as s:
        n = generate(s, count=args.count, seed=args.seed,
                     progress=None if args.json else lambda k: print(f"  {k} registered", file=sys.stderr))
        emit(args, {"registered": n}, lambda: print(f"Registered {n} synthetic returnees."))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        rows = s.records.search(args.query, limit=args.limit)
        emit(args, [asdict(r) for r in rows], lambda: [
            print(f"{r.id}  {r.family_name} {r.given_names}  {r.name_khmer}  {r.sex}  {r.date_of_birth or '?'}  "
                  f"{r.id_document_number}") for r in rows] or print("No match."))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        rec = s.records.get(args.person_id)
        def text() -> None:
            p = rec["person"]
            print(f"{p['family_name']} {p['given_names']}  {p['name_khmer']}  ({p['sex']}, born "
                  f"{p['date_of_birth']}{' (estimated)' if p['dob_estimated'] else ''})")
            print(f"  document: {p['id_document_type']} {p['id_document_number']}   phone: {p['phone'] or '-'}")
            for e in rec["encounters"]:
                print(f"  arrival {e['arrival_at']} at {e['station_id']}: {e['return_type']}, from "
                      f"{e['country_of_work']} ({e['sector_of_work'] or 'sector unknown'})")
                if e.get("protection"):          # issue 10, point 11: a section this user's keys do not open
                    print(f"    protection section: {e['protection_message']}")
                elif "recruiter_relationship" in e:
                    print(f"    recruited by: {e['recruiter_relationship']}; debt owed: "
                          f"{_yes_no(e.get('debt_owed'))}{_amount(e)}")
                for t in e["trafficking"]:
                    if t.get("protection"):
                        print(f"    trafficking checklist: {t['protection_message']}")
                    elif t.get("restricted"):
                        print("    trafficking checklist: (not visible to your role)")
                    else:
                        label = ("indicators of trafficking present - refer" if t["outcome"] == "PRESUMED_VICTIM"
                                 else "no combination of indicators")
                        print(f"    trafficking checklist: {label} {' '.join(t['flags'])}")
                        if t.get("ticked"):
                            print(f"      answered yes: {' '.join(t['ticked'])}")
                for t in e["tb"]:
                    print(f"    TB screen: {t['outcome']}")
                for r in e["referrals"]:
                    print(f"    referral {r['kind']}: " + ("(details not visible to your role)"
                                                           if r.get("restricted") else
                                                           f"{r['agency_code']} {r['urgency']} - {r['status']}"))
                    if r.get("protection"):
                        print(f"      notes: {r['protection_message']}")
                    elif r.get("notes") and not r.get("restricted"):
                        print(f"      notes: {r['notes']}")
        emit(args, rec, text)
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        rep = s.maintenance.verify()
        emit(args, {"ok": rep.ok, "problems": list(rep.problems), "events": rep.events, "persons": rep.persons,
                    "notes": list(rep.notes)},
              lambda: print((f"OK: {rep.events} events, {rep.persons} persons; integrity, event chain and "
                             f"projections check out." if rep.ok else "PROBLEMS FOUND:\n  " + "\n  ".join(rep.problems))
                            + "".join(f"\nNote: {n}" for n in rep.notes)))
        return EXIT_OK if rep.ok else EXIT_DATA


def cmd_export(args: argparse.Namespace) -> int:
    if args.format == "nea":                # issue 13: NEA's export (checkpoint.commands_services)
        from checkpoint.commands_services import cmd_export_nea
        return cmd_export_nea(args)
    if args.format != "csv":
        raise UsageError("only --format csv or nea is supported")
    if getattr(args, "mapping", None) is not None:
        raise UsageError("--mapping goes with --format nea")
    with open_session(args) as s:
        n = s.maintenance.export_csv(args.out).rows
        emit(args, {"rows": n, "out": str(args.out)}, lambda: print(
            f"Wrote {n} rows to {args.out}. This file is NOT encrypted: keep it on an encrypted drive."))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        dest = s.maintenance.backup(args.out).path
        emit(args, {"out": str(dest), "keys": str(dest) + ".keys"}, lambda: print(
            f"Backed up to {dest} (encrypted) and {dest}.keys (its key slots). Keep both together."))
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    with open_session(args) as s:
        st = s.maintenance.stats()
        emit(args, st, lambda: [print(f"{k:<24} {v}") for k, v in st.items()])
    return EXIT_OK


# ---------------------------------------------------------------------------------------------- parser
def build_parser(extensions: Sequence[Callable[[AddCommand], None]] = ()) -> argparse.ArgumentParser:
    """The checkpoint-admin parser. Each extension is called with ``add(name, fn, help, *, json_=False)`` and may
    register more commands (sync adds enroll, sync, export-batch...: the core cannot import sync)."""
    common = Parser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="store path (default: $CHECKPOINT_DB, else the user's own store)")
    common.add_argument("--user", default=argparse.SUPPRESS, help="who signs in (default: the first supervisor)")
    p = Parser(prog="checkpoint-admin", description="Administer a Checkpoint store.", parents=[common])
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser)

    def add(name: str, fn: Callable[[argparse.Namespace], int], help_: str, *, json_: bool = False
            ) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, parents=[common])
        sp.set_defaults(func=fn)
        if json_:
            sp.add_argument("--json", action="store_true", help="machine-readable output")
        return sp

    sp = add("init", cmd_init, "create a store and its first supervisor", json_=True)
    sp.add_argument("--name", default="Poipet checkpoint", help="checkpoint name")
    sp.add_argument("--display-name")
    sp.add_argument("--station", default=DEFAULT_STATION_ID)
    sp = add("user", cmd_user, "add, passwd, lock, unlock or list users", json_=True)
    sp.add_argument("action", choices=["add", "passwd", "lock", "unlock", "list"])
    sp.add_argument("name", nargs="?")
    sp.add_argument("--role", choices=[str(r) for r in ROLES])
    sp.add_argument("--display-name")
    add("recover", cmd_recover, "set a new passphrase with the printed recovery code")
    add("rotate-key", cmd_rotate_key, "re-encrypt the store under a new key after dismissing someone (supervisor; "
        "close the app first)", json_=True)
    sp = add("demo-data", cmd_demo, "register synthetic returnees", json_=True)
    sp.add_argument("--count", type=int, default=100)
    sp.add_argument("--seed", type=int, default=1)
    sp = add("search", cmd_search, "find persons by name, document, phone or date of birth", json_=True)
    sp.add_argument("query")
    sp.add_argument("--limit", type=int, default=50)
    sp = add("show", cmd_show, "show one person's record", json_=True)
    sp.add_argument("person_id")
    add("verify", cmd_verify, "check integrity, the event chain and the projections", json_=True)
    sp = add("export", cmd_export, "export arrivals to a CSV file", json_=True)
    sp.add_argument("--format", default="csv")
    sp.add_argument("--out", type=Path, required=True)
    from checkpoint.commands_services import _day  # issue 13: --format nea exports a period
    sp.add_argument("--from", dest="date_from", type=_day, help="nea: first local day (YYYY-MM-DD)")
    sp.add_argument("--to", dest="date_to", type=_day, help="nea: last local day, inclusive (YYYY-MM-DD)")
    sp.add_argument("--mapping", type=Path, help="nea: a mapping file for NEA's own template (docs/exports/nea.md)")
    sp = add("backup", cmd_backup, "copy the store (encrypted) with its key slots", json_=True)
    sp.add_argument("--out", type=Path, required=True)
    add("stats", cmd_stats, "counts of records and events", json_=True)
    from checkpoint.commands_tb import add_tb_commands  # issue 14: tb cascade, tb policy
    add_tb_commands(add)
    add_arrivals_commands(add)          # arrivals import, queue (issue 11)
    from checkpoint.commands_services import add_services_commands  # issue 13: assistance
    add_services_commands(add)
    from checkpoint.commands_retention import add_retention_commands  # issue 12: retention, minimise, restore
    add_retention_commands(add)
    from checkpoint.commands_slip import add_slip_commands  # issue 16: verify-slip on the device
    add_slip_commands(add)
    for extend in extensions:
        extend(add)
    return p




def resolve_defaults(args: argparse.Namespace) -> None:
    """After parsing: ``--db`` from ``$CHECKPOINT_DB``, else the user's own store; ``--user`` None (the first user)."""
    args.db = getattr(args, "db", None) or default_store_path(prefer="CHECKPOINT_DB")
    args.user = getattr(args, "user", None)


def _yes_no(v: object) -> str:
    """A yes/no field as the CLI prints it (issue 10, point 11: the opened protection section)."""
    return "unknown" if v is None else ("yes" if v else "no")


def _amount(e: dict[str, object]) -> str:
    return f" ({e['debt_amount']} {e.get('debt_currency') or ''})".rstrip() if e.get("debt_amount") else ""
