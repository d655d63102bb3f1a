"""checkpoint-admin's data-minimisation commands (issue 12, point 6), registered by ``commands.build_parser``:

    $ checkpoint-admin --db poipet.db retention                      # the site's retention period
    $ checkpoint-admin --db poipet.db retention --days 45            # supervisor: change it (logged)
    $ checkpoint-admin --db poipet.db minimise --dry-run             # counts only, nothing changed
    $ checkpoint-admin --db poipet.db minimise                       # supervisor: drop what HQ holds and is old
    $ checkpoint-admin restore backup.db --to poipet.db --user dara  # refused when older than the period

A thin adapter over ``session.retention`` and ``checkpoint.services.retention.restore_backup``: same permissions,
same errors (one plain line, exit 4). Fetching a record back from HQ needs the network: ``fetch-back`` is in
``sync.device.cli``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from checkpoint.cli import EXIT_OK, AddCommand, emit, secret

__all__ = ["add_retention_commands"]

_KEPT = {"open_referral": "kept whole: an open protection referral",
         "not_acknowledged": "kept whole: not yet acknowledged by HQ",
         "within_period": "kept whole: within the retention period",
         "fetched_back": "kept whole: fetched back from HQ for a case",
         "not_replayable": "kept whole: could not be replayed alone",
         "next_pass": "left for the next pass"}


def cmd_retention(args: argparse.Namespace) -> int:
    from checkpoint.commands import open_session

    with open_session(args) as s:
        if args.days is not None:
            s.retention.set_period(args.days)
        days = s.retention.period_days()
        emit(args, {"days": days}, lambda: print(
            f"Retention period: {days} days after HQ acknowledged a record; then its protection section and free-text "
            "notes leave this device (HQ keeps them)."))
    return EXIT_OK


def cmd_minimise(args: argparse.Namespace) -> int:
    from checkpoint.commands import open_session

    with open_session(args) as s:
        m = s.retention.minimise(dry_run=args.dry_run)
        out = {"dry_run": m.dry_run, "persons": m.persons, "events": m.events, "kept": m.kept,
               "wal_truncated": m.wal_truncated, "seconds": round(m.seconds, 3)}

        def text() -> None:
            verb = "Would minimise" if m.dry_run else "Minimised"
            print(f"{verb} {m.persons} records ({m.events} events) in {m.seconds:.2f} s.")
            for k, n in sorted(m.kept.items()):
                print(f"  {n:>6}  {_KEPT.get(k, k)}")
            if not m.dry_run and m.events and not m.wal_truncated:
                print("The write-ahead log is still in use by the app: close it and run this again to wipe it.")
        emit(args, out, text)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from checkpoint.clock import SystemClock
    from checkpoint.services.retention import restore_backup

    if not args.user:
        from checkpoint.errors import ValidationError
        raise ValidationError("user", "say who signs in to the backup (--user)")
    dest = restore_backup(args.backup, args.to, args.user,
                          secret("CHECKPOINT_PASSPHRASE", f"Passphrase for {args.user} (in the backup)"),
                          clock=SystemClock())
    emit(args, {"restored": str(dest)}, lambda: print(f"Restored the backup as {dest} (with {dest}.keys)."))
    return EXIT_OK


def add_retention_commands(add: AddCommand) -> None:
    """Register ``retention``, ``minimise`` and ``restore``."""
    sp = add("retention", cmd_retention, "show or set (supervisor) the retention period after HQ's acknowledgement",
             json_=True)
    sp.add_argument("--days", type=int, help="new period in days (1-3650)")
    sp = add("minimise", cmd_minimise, "drop the protection section of records HQ acknowledged more than the "
             "retention period ago (supervisor)", json_=True)
    sp.add_argument("--dry-run", action="store_true", help="count only; change nothing")
    sp.set_defaults(no_sign_in_pass=True)         # signing in must not run the pass a dry run is asked about
    sp = add("restore", cmd_restore, "restore a backup as a new store (refused when older than the retention "
             "period)", json_=True)
    sp.add_argument("backup", type=Path, help="the backup's .db file (its .db.keys beside it)")
    sp.add_argument("--to", type=Path, required=True, help="where the restored store goes (must not exist)")
