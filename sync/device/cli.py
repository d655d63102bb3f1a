"""checkpoint-admin with the sync commands: enroll, sync, export-batch, import-ack, sync-status.

The core's commands (``checkpoint.commands``) cannot import sync, so this module adds to them: the same parser, options,
passphrase handling, messages and exit codes (0 ok, 2 usage, 3 wrong passphrase or locked, 4 data error), plus:

    $ checkpoint-admin --db poipet.db enroll --server https://hq.example.org --token 3F7K-...   # the whole code
    $ checkpoint-admin --db poipet.db enroll --replace --release 5f0c.release --server https://... --token ...
    $ checkpoint-admin --db poipet.db sync --json    # exit 0 only when HQ holds everything and the pull finished
    $ checkpoint-admin --db poipet.db export-batch --out /media/usb/poipet-0001.cpb
    $ checkpoint-admin --db poipet.db import-ack /media/usb/poipet-0001.ack
    $ checkpoint-admin --db poipet.db sync-status --json

The token may also come from ``CHECKPOINT_ENROLL_TOKEN`` (or a prompt), keeping it out of the process list.
Each command imports its sync modules when it runs, so the core's commands start without loading httpx.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checkpoint import cli, commands

if TYPE_CHECKING:
    from checkpoint.services.session import Session
    from sync.device.transport import HttpTransport

__all__ = ["add_sync_commands", "main"]

DEFAULT_TIMEOUT = 60.0
MAX_TIMEOUT = 3600.0


def _timeout(text: str) -> float:
    """``--timeout``: seconds, a finite number above 0 (argparse turns the ValueError into one usage line)."""
    value = float(text)
    if not 0 < value <= MAX_TIMEOUT:      # also refuses nan (every comparison with it is false)
        raise ValueError(text)
    return value


_timeout.__name__ = "timeout in seconds (above 0, at most 3600)"


def _server_url(text: str) -> str:
    """``--server``: an http(s) address with a host and, if given, a valid port (whether plain http is allowed
    there is the transport's to say, with its own message)."""
    from checkpoint.errors import ValidationError
    from sync.device.transport import parse_server_url

    try:
        parse_server_url(text)
    except ValidationError:
        raise ValueError(text) from None
    return text


_server_url.__name__ = "server address (http:// or https:// and a host)"


def _session(args: argparse.Namespace) -> Session:
    return commands.open_session(args)


def _transport(url: str, timeout: float) -> HttpTransport:
    from sync.device.transport import HttpTransport

    return HttpTransport(url, timeout=timeout)


def _server(args: argparse.Namespace, session: Session) -> str:
    from checkpoint.services.outbox import Outbox

    if args.server:
        return str(args.server)
    enrollment = Outbox(session).enrollment()
    if enrollment is None:
        raise cli.UsageError("this device is not enrolled: run `enroll --server URL --token TOKEN` first")
    return str(enrollment["hq_url"])


# ---------------------------------------------------------------------------------------------- commands
def cmd_enroll(args: argparse.Namespace) -> int:
    from sync.device.client import SyncClient

    release: bytes | None = None
    if args.release is not None:
        if not args.replace:
            raise cli.UsageError("--release goes with --replace")
        if not args.release.is_file() or args.release.stat().st_size > 64 * 1024:
            raise cli.UsageError(f"{args.release} is not a release document from HQ")
        release = args.release.read_bytes()
    elif args.replace:
        raise cli.UsageError("--replace needs --release FILE: the release document HQ signed for this device "
                             "(checkpoint-hq release)")
    token = args.token or cli.secret("CHECKPOINT_ENROLL_TOKEN", "Enrollment code from HQ")
    with _session(args) as s, _transport(args.server, args.timeout) as t:
        enrollment = SyncClient(s, t).enroll(args.server, token, replace=args.replace, fingerprint=args.fingerprint,
                                             release=release)
        cli.emit(args, enrollment, lambda: print(
            f"Enrolled with HQ at {args.server} (device {enrollment['hq_device_id']}). HQ's keys are pinned "
            f"(signed by the HQ key with fingerprint {enrollment['fingerprint']})"
            + (" and the store's key is now also sealed to HQ's recovery key." if not args.replace else
               "; the store's key stays sealed to the first HQ's recovery key only.")))
    return cli.EXIT_OK


def _progress(done: int, total: int) -> None:
    print(f"  {done}/{total} events acknowledged by HQ", file=sys.stderr)


def cmd_sync(args: argparse.Namespace) -> int:
    from sync.device.client import SyncClient

    with _session(args) as s, _transport(_server(args, s), args.timeout) as t:
        summary = SyncClient(s, t).sync_once(progress=None if args.json else _progress)

        def text() -> None:
            v = summary["verdicts"]
            notes = ", ".join(f"{n} {k}" for k, n in v.items() if n and k != "accepted")
            print(f"Sent {summary['sent']} events in {summary['batches']} batches; HQ acknowledged "
                  f"{summary['acknowledged']} ({v['accepted']} accepted{', ' + notes if notes else ''}).")
            print(f"Received {summary['pulled']} events from HQ ({summary['applied']} applied"
                  + (f", {summary['held_incoming']} kept aside" if summary["held_incoming"] else "") + ").")
            if summary["complete"]:
                print("Everything on this device is at HQ.")
            else:
                print(f"{summary['pending']} events still to send.")
            for e in summary["errors"]:
                print(f"checkpoint-admin: {e}", file=sys.stderr)

        cli.emit(args, summary, text)
        if args.json:
            for e in summary["errors"]:
                print(f"checkpoint-admin: {e}", file=sys.stderr)
    return cli.EXIT_OK if summary["complete"] else cli.EXIT_DATA


def cmd_export_batch(args: argparse.Namespace) -> int:
    from sync.device.usb import export_batch

    with _session(args) as s:
        res = export_batch(s, args.out)
        cli.emit(args, res or {"batch_id": None, "events": 0}, lambda: print(
            "Nothing is waiting to be sent." if res is None else
            f"Wrote batch {res['batch_id']} ({res['events']} events, sealed to HQ) to {res['path']}. "
            f"Take it to HQ; bring back the acknowledgement file and run import-ack."))
    return cli.EXIT_OK


def cmd_import_ack(args: argparse.Namespace) -> int:
    from sync.device.usb import import_ack

    with _session(args) as s:
        res = import_ack(s, args.file)
        cli.emit(args, res, lambda: print(
            f"Batch {res['batch_id']} was already acknowledged; nothing changed." if res["already"] else
            f"HQ acknowledged batch {res['batch_id']}: " + ", ".join(f"{n} {k}" for k, n in res["verdicts"].items()
                                                                      if n) + "."))
        if res.get("reference"):
            _say_reference(res["reference"])
    return cli.EXIT_OK


def _say_reference(r: dict[str, Any]) -> None:
    if r["refused"]:
        print(f"HQ's reference data was refused: {r['refused']}", file=sys.stderr)
    elif r["applied"]:
        print(f"HQ's referral directory version {r['version']} applied.")


def cmd_import_reference(args: argparse.Namespace) -> int:
    from sync.device.usb import import_reference

    with _session(args) as s:
        res = import_reference(s, args.file)
        cli.emit(args, res, lambda: _say_reference(res) if res["applied"] or res["refused"] else
                 print("This reference data is already in use; nothing changed."))
    return cli.EXIT_OK if not res["refused"] else cli.EXIT_DATA


def cmd_sync_status(args: argparse.Namespace) -> int:
    from checkpoint.services.outbox import Outbox

    with _session(args) as s:
        ob = Outbox(s)
        st = ob.status()
        enrollment = ob.enrollment() or {}
        st["hq_url"] = enrollment.get("hq_url", "")
        st["device_id"] = ob.identity()["device_id"]

        def text() -> None:
            print(f"HQ:            {st['hq_url'] or 'not enrolled'}")
            print(f"to send:       {st['pending']} new, {st['inflight']} in a batch not yet acknowledged")
            print(f"acknowledged:  {st['acked']}" + (" (" + ", ".join(f"{n} {k}" for k, n in sorted(st['hq'].items()))
                                                    + ")" if st["hq"] else ""))
            print(f"last success:  {st['last_success'] or 'never'}")
            if st["last_error"]:
                print(f"last error:    {st['last_error']}")
            if st["held_incoming"]:
                print(f"kept aside:    {st['held_incoming']} events from HQ that could not be applied here")

        cli.emit(args, st, text)
    return cli.EXIT_OK


def cmd_hq_address(args: argparse.Namespace) -> int:
    """HQ moved: the enrolled address changes; HQ's pinned keys do not (only the real HQ can answer there)."""
    from sync.device.enrollment import change_hq_address

    with _session(args) as s:
        from checkpoint.services.outbox import Outbox

        before = (Outbox(s).enrollment() or {}).get("hq_url", "")
        url = change_hq_address(Outbox(s), args.server, args.reason)
        cli.emit(args, {"hq_url": url, "previous_hq_url": before}, lambda: print(
            f"This device syncs with HQ at {url} from now on (was {before}). HQ's keys are unchanged: the next "
            "sync checks that HQ answers there."))
    return cli.EXIT_OK


def add_sync_commands(add: cli.AddCommand) -> None:
    """Register the sync commands with checkpoint-admin's ``add(name, fn, help, *, json_=False)``."""
    sp = add("enroll", cmd_enroll, "enroll this device with HQ (once, with a token from HQ)", json_=True)
    sp.add_argument("--server", required=True, type=_server_url, help="HQ's address, e.g. https://hq.example.org")
    sp.add_argument("--token", help="one-time enrollment code: token and HQ key fingerprint as HQ printed it (or "
                                    "$CHECKPOINT_ENROLL_TOKEN, or a prompt)")
    sp.add_argument("--fingerprint", help="HQ's key fingerprint, if the code holds the token only "
                                          "(`checkpoint-hq fingerprint`)")
    sp.add_argument("--replace", action="store_true",
                    help="enroll again (supervisor only) after HQ released this device (nothing unsynced is lost)")
    sp.add_argument("--release", type=Path, help="with --replace: the release document HQ signed for this device")
    sp.add_argument("--timeout", type=_timeout, default=DEFAULT_TIMEOUT, help="seconds to wait for HQ")
    sp = add("sync", cmd_sync, "send everything new to HQ and fetch what HQ has for this checkpoint", json_=True)
    sp.add_argument("--server", type=_server_url, help="HQ's address (default: the one enrolled with)")
    sp.add_argument("--timeout", type=_timeout, default=DEFAULT_TIMEOUT, help="seconds to wait for HQ")
    sp = add("export-batch", cmd_export_batch, "write the next sealed batch to a file (USB stick)", json_=True)
    sp.add_argument("--out", type=Path, required=True)
    sp = add("import-ack", cmd_import_ack, "apply HQ's acknowledgement file", json_=True)
    sp.add_argument("file", type=Path)
    add("sync-status", cmd_sync_status, "what is waiting for HQ, last success, last error", json_=True)
    sp = add("hq-address", cmd_hq_address, "sync with HQ at a new address from now on (HQ moved; supervisor)",
             json_=True)
    sp.add_argument("--server", required=True, type=_server_url, help="HQ's new address, e.g. https://hq2.example.org")
    sp.add_argument("--reason", required=True, help="why the address changes (kept in this device's audit trail)")
    sp = add("import-reference", cmd_import_reference, "apply HQ's signed reference data (the referral directory) "
             "from a file (import-ack applies the .ref beside an ack by itself)", json_=True)
    sp.add_argument("file", type=Path)


def cmd_fetch_back(args: argparse.Namespace) -> int:
    """Issue 12: a supervisor fetches a minimised record back from HQ (reason required; logged on both sides)."""
    from sync.device.fetchback import fetch_back

    with _session(args) as s:
        s.retention.check_fetch(args.person_id, args.reason or "")       # before any network: role, reason
        with _transport(_server(args, s), args.timeout) as t:
            fetch_back(s, t, args.person_id, args.reason)
        cli.emit(args, {"person_id": args.person_id, "fetched_back": True}, lambda: print(
            "The record is back on this device for this case (logged here and at HQ); it is minimised again after "
            "the retention period."))
    return cli.EXIT_OK


def add_retention_sync_commands(add: cli.AddCommand) -> None:
    """Issue 12: ``fetch-back`` (needs HQ, so it lives with the sync commands)."""
    sp = add("fetch-back", cmd_fetch_back, "fetch a minimised record back from HQ for a case (supervisor)",
             json_=True)
    sp.add_argument("person_id")
    sp.add_argument("--reason", required=True, help="why the case needs it (kept here and at HQ)")
    sp.add_argument("--server", type=_server_url, help="HQ's address (default: the one enrolled with)")
    sp.add_argument("--timeout", type=_timeout, default=DEFAULT_TIMEOUT, help="seconds to wait for HQ")


# ---------------------------------------------------------------------------------------------- entry point
def main(argv: Sequence[str] | None = None) -> int:
    """Run checkpoint-admin (the core's commands and the sync commands); returns the exit code."""
    from checkpoint.hardening import disable_core_dumps

    disable_core_dumps()        # first: a crash must not write the data key and records to a core file
    cli.utf8_stdio()
    parser = commands.build_parser([add_sync_commands, add_retention_sync_commands])
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    commands.resolve_defaults(args)
    return cli.run_command("checkpoint-admin", args.func, args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
