"""checkpoint-admin's ``verify-slip`` (issue 16 point 4): check a referral slip's QR text on this device, as
``checkpoint-hq verify-slip`` does at HQ — an officer receiving a transfer from another checkpoint.

    $ CHECKPOINT_PASSPHRASE=... checkpoint-admin --db poipet.db --user sokha verify-slip 'CPR2.eyJk...'
    Slip valid: printed at Bavet on 2026-11-22, valid until 2027-02-20. ...
    $ checkpoint-admin --db poipet.db verify-slip --file scanned.txt --json

Exit 0 for a valid slip, 4 (``EXIT_DATA``) for any other verdict, with one plain line on stderr (or the verdict as
JSON on stdout with ``--json``). What the signed-in user sees of the person is ``session.slipcheck``'s rule.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from checkpoint.cli import EXIT_DATA, EXIT_OK, UsageError, emit
from checkpoint.services.slipcheck import KEYS_STALE_DAYS
from checkpoint.slips import MAX_TOKEN_CHARS

__all__ = ["add_slip_commands", "cmd_verify_slip"]


def cmd_verify_slip(args: argparse.Namespace) -> int:
    from checkpoint.commands import open_session

    if bool(args.token) == bool(args.file):
        raise UsageError("verify-slip needs the QR text or --file (one of them)")
    # a scanner's file, not a slip: read no more than a little over what a slip can be (the check says "too long")
    text = args.file.read_text(encoding="utf-8", errors="replace")[:MAX_TOKEN_CHARS + 64] if args.file else args.token
    with open_session(args) as s:
        v = s.slipcheck.check_slip(text)
    if not v.valid:
        if getattr(args, "json", False):
            emit(args, v.as_dict(), lambda: None)
        else:
            print(f"checkpoint-admin: {v.message_en}", file=sys.stderr)
        return EXIT_DATA

    def text_out() -> None:
        p = v.person
        who = (f" Person: {p.family_name} {p.given_names} {p.name_khmer}".rstrip()
               + f", {p.sex}, age {p.age_at_arrival if p.age_at_arrival is not None else '?'}; {p.kind} referral to "
               f"{p.agency_en} ({p.status})." if p else f" {v.details_en}")
        print(f"Slip valid: printed at {v.checkpoint_name} on {v.issued}, valid until {v.expires}.{who}"
              + (f" HQ's keys as of {v.keys_as_of}." if v.keys_as_of else "")
              + (" (HQ's list of other checkpoints' keys is past its expiry: sync with HQ.)" if v.keys_expired else "")
              + (f" That list is more than {KEYS_STALE_DAYS} days old: a slip signed with a key HQ has revoked since "
                 "may still show as valid here. Sync with HQ." if v.keys_stale else ""))

    emit(args, v.as_dict(), text_out)
    return EXIT_OK


def add_slip_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Register ``verify-slip`` with ``checkpoint.commands.build_parser``'s ``add``."""
    sp = add("verify-slip", cmd_verify_slip, "check a referral slip's QR text: signed at a checkpoint this device "
             "trusts, not expired; names the person when you may read the referral", json_=True)
    sp.add_argument("token", nargs="?", help="the QR text (CPR2....); or --file")
    sp.add_argument("--file", type=Path, help="a file holding the QR text")
