"""checkpoint-hq: the HQ server and its admin commands. A thin adapter over ``sync.hq``.

Every command takes ``--db URL`` (default $CHECKPOINT_HQ_DB or sqlite:///hq.db; production:
postgresql+psycopg://USER@HOST/DB) and ``--keys DIR`` (default $CHECKPOINT_HQ_KEYS or ./hq-keys). The keys'
passphrase comes from $CHECKPOINT_HQ_PASSPHRASE or a prompt; a new user passphrase (recover) from
$CHECKPOINT_NEW_PASSPHRASE or a prompt.

    $ checkpoint-hq --keys /srv/hq/keys init-keys
    $ checkpoint-hq --db postgresql+psycopg://hq@/hq migrate
    $ checkpoint-hq enroll-token --checkpoint Poipet --hours 24      # the code (token + key fingerprint) is the
                                                                     # last line
    $ checkpoint-hq release 5f0c... --out 5f0c.release               # revoke + signed release (re-enrollment)
    $ checkpoint-hq serve --host 127.0.0.1 --port 8443               # behind a TLS reverse proxy, or:
    $ checkpoint-hq serve --host 0.0.0.0 --ssl-certfile cert.pem --ssl-keyfile key.pem
    $ checkpoint-hq import-batch /media/usb/poipet-0193.cpb          # writes poipet-0193.ack beside it
    $ checkpoint-hq devices revoke 5f0c...                            # nothing it sent is deleted
    $ checkpoint-hq link 0193... --checkpoint "Poipet Clinic" --reason "TB referral follow-up"
    $ checkpoint-hq quarantine list --device 5f0c...                  # what HQ set aside, and why
    $ checkpoint-hq quarantine release 12 --reason "type known now"   # checked again; taken in only if it passes
    $ checkpoint-hq gaps release 5f0c... --reason "laptop stolen"     # give up its missing events
    $ checkpoint-hq report --period 2026-11 --checkpoint Poipet --json  # aggregates, small cells withheld
    $ checkpoint-hq report --period 2026 --publication --xlsx 2026.xlsx # a new 0600 file, journaled
    $ checkpoint-hq report --period 2026-11 --format pdf --lang km --out 2026-11-km.pdf   # the monthly PDF
    $ checkpoint-hq matches refresh && checkpoint-hq matches list       # likely same persons across checkpoints

Exit codes: 0 ok, 2 usage, 3 authentication (wrong passphrase, unknown or revoked device, unusable token),
4 data (damaged or tampered file, conflict, database). Plain messages, never a traceback (``checkpoint.cli``:
the command-line toolkit both programs share).

Only ``recover`` touches device code (a device's store file an operator brought), through
``device_store_reset``; the server and every other command never load it.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checkpoint.cli import EXIT_DATA, EXIT_OK, Parser, UsageError, emit, run_command, secret, utf8_stdio
from checkpoint.errors import StoreMissing, ValidationError
from sync.hq import config

if TYPE_CHECKING:
    from sync.hq.recovery import StoreReset

__all__ = ["device_store_reset", "main"]

PROG = "checkpoint-hq"

SERVE_HELP = """Serve the HQ sync API with uvicorn.

Binds 127.0.0.1 by default. For devices to reach it, either put it behind a TLS-terminating reverse proxy
(nginx, Caddy) that forwards to 127.0.0.1:PORT, or serve TLS directly with --ssl-certfile and --ssl-keyfile.
Batches and documents are sealed and signed end to end either way; TLS also protects metadata. The schema
is published at /openapi.json."""


def _store(args: argparse.Namespace, *, create: bool = True) -> Any:
    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError

    from sync.hq.store import HQStore

    if not create:
        try:
            url = make_url(args.db)
        except (ArgumentError, ValueError):
            url = None
        if url is not None and url.get_backend_name() == "sqlite" and url.database \
                and not Path(url.database).exists():
            raise StoreMissing(f"No HQ database at {url.database}: run `{PROG} migrate` (or serve) first.")
    return HQStore.open(args.db)


def _keys(args: argparse.Namespace) -> Any:
    from sync.hq.keys import load_keys, read_public

    read_public(args.keys)          # says "no keys here" before asking for a passphrase
    return load_keys(args.keys, secret(config.ENV_PASSPHRASE, f"Passphrase for the HQ keys in {args.keys}"))


def _service(args: argparse.Namespace, *, keys: bool, create: bool = True) -> Any:
    from sync.hq.service import HQService

    k = _keys(args) if keys else None
    return HQService(_store(args, create=create), k)


# ---------------------------------------------------------------------------------------------- commands
def cmd_init_keys(args: argparse.Namespace) -> int:
    from sync.hq.keys import describe, init_keys

    pw = secret(config.ENV_PASSPHRASE, "New passphrase for the HQ keys", confirm=True)
    if len(pw) < 10:
        raise ValidationError("passphrase", "must be at least 10 characters")
    init_keys(args.keys, pw)
    info = describe(args.keys)

    def text() -> None:
        print(f"HQ keys written to {args.keys} (private keys 0600, wrapped under the passphrase).")
        for n in ("signing", "exchange", "recovery"):
            print(f"  {n:<9} key id {info[f'{n}_key_id']}")
        print(f"Fingerprint (ends every enrollment code): {info['fingerprint']}")
        print("Keep recovery.key offline if you wish: only `recover` needs it. Back the directory up.")

    emit(args, info, text)
    return EXIT_OK


def cmd_migrate(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        rev = store.revision()
    finally:
        store.close()
    emit(args, {"revision": rev}, lambda: print(f"HQ database is at revision {rev}."))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sync.hq.http import create_app

    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        raise UsageError("give both --ssl-certfile and --ssl-keyfile, or neither")
    if args.host not in ("127.0.0.1", "::1", "localhost") and not args.ssl_certfile:
        print(f"{PROG}: warning: serving plain HTTP on {args.host}; put a TLS reverse proxy in front or give "
              "--ssl-certfile/--ssl-keyfile.", file=sys.stderr)
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.log_level != "debug":
        logging.getLogger("alembic").setLevel(logging.WARNING)
    service = _service(args, keys=True)
    app = create_app(service, max_body=int(args.max_body_mib * 1024 * 1024), rate_per_minute=args.rate_per_minute,
                     burst=args.burst)
    print(f"{PROG}: serving on {'https' if args.ssl_certfile else 'http'}://{args.host}:{args.port} "
          f"(schema at /openapi.json)", file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile,
                log_level=args.log_level, server_header=False)
    service.store.close()
    return EXIT_OK


def cmd_enroll_token(args: argparse.Namespace) -> int:
    from sync.hq.keys import read_public

    try:
        signing: bytes | None = read_public(args.keys)["signing"]      # public half only: no passphrase needed
    except StoreMissing:
        signing = None                  # the database knows HQ's signing key once HQ served with it
    service = _service(args, keys=False)
    try:
        code = service.issue_token(args.checkpoint, hours=args.hours, signing_public=signing)
        fingerprint = service.fingerprint(signing)
    finally:
        service.store.close()
    print(f"One-time enrollment code for checkpoint {args.checkpoint!r}, valid {args.hours:g} h and for one "
          "device. Give it to the checkpoint's supervisor over a trusted channel (it ends with HQ's key "
          f"fingerprint {fingerprint}; the device refuses any other HQ key):")
    print(code)
    return EXIT_OK


def cmd_fingerprint(args: argparse.Namespace) -> int:
    from sync.hq.keys import read_public
    from sync.wire import hq_fingerprint

    fingerprint = hq_fingerprint(read_public(args.keys)["signing"])
    emit(args, {"fingerprint": fingerprint}, lambda: print(fingerprint))
    return EXIT_OK


def cmd_release(args: argparse.Namespace) -> int:
    from checkpoint.files import write_atomic

    service = _service(args, keys=True, create=False)
    try:
        doc = service.release(args.device_id, args.reason or "")
    finally:
        service.store.close()
    out: Path = args.out
    write_atomic(out, doc, mode=0o644)
    emit(args, {"device_id": args.device_id, "status": "revoked", "release": str(out)}, lambda: print(
        f"Device {args.device_id} revoked and released (nothing it sent was deleted). Release document written "
        f"to {out}: the device's supervisor enrolls again with `enroll --replace --release {out.name}`."))
    return EXIT_OK


def cmd_devices(args: argparse.Namespace) -> int:
    if args.action == "revoke":
        if not args.device_id:
            raise UsageError("devices revoke needs a DEVICE_ID")
        service = _service(args, keys=False, create=False)
        try:
            out = service.revoke(args.device_id, args.reason or "")
        finally:
            service.store.close()
        emit(args, out, lambda: print(f"Device {args.device_id} revoked. Nothing it sent was deleted."))
        return EXIT_OK
    if args.device_id:
        raise UsageError("devices list takes no DEVICE_ID")
    service = _service(args, keys=False, create=False)
    try:
        rows = service.devices()
    finally:
        service.store.close()

    def text() -> None:
        if not rows:
            print("No devices enrolled.")
        for d in rows:
            print(f"{d['device_id']}  {d['status']:<8} {d['checkpoint_name']:<20} enrolled {d['enrolled_at'][:16]}  "
                  f"last seen {d['last_seen_at'][:16] or 'never'}  seq {d['contiguous_seq']}  held {d['held']}")

    emit(args, rows, text)
    return EXIT_OK


def cmd_import_batch(args: argparse.Namespace) -> int:
    from checkpoint.files import write_atomic
    from sync.protocol import VERDICTS
    from sync.wire import MAX_BATCH_BYTES

    src: Path = args.file
    if not src.is_file():
        raise StoreMissing(f"No batch file at {src}.")
    if src.stat().st_size > MAX_BATCH_BYTES:
        raise ValidationError("file", "is larger than a Checkpoint batch can be")
    blob = src.read_bytes()
    service = _service(args, keys=True)
    try:
        result = service.ingest(blob, via="file")
        reference = _usb_reference(service, result.device_id)
    finally:
        service.store.close()
    out: Path = args.ack_out or src.with_suffix(".ack")
    if out.resolve() == src.resolve():
        out = src.with_name(src.name + ".ack")
    write_atomic(out, result.ack)
    if reference is not None:       # the signed directory goes back beside the ack (#16; the device imports both)
        write_atomic(out.with_suffix(".ref"), reference)
    data = {"batch_id": result.batch_id, "device_id": result.device_id, "sha256": result.sha256,
            "replay": result.replay, "counts": result.counts, "chain_ok": result.chain_ok,
            "chain_note": result.chain_note, "ack": str(out)}

    def text() -> None:
        c = result.counts
        print(f"Batch {result.batch_id} from device {result.device_id}"
              f"{' (already imported: same acknowledgement)' if result.replay else ''}:")
        print("  " + ", ".join(f"{c.get(v, 0)} {v}" for v in VERDICTS))
        if not result.chain_ok:
            print(f"  flagged: {result.chain_note}")
        print(f"Acknowledgement written to {out}: carry it back to the device.")

    emit(args, data, text)
    return EXIT_OK


def _usb_reference(service: Any, device_id: str) -> bytes | None:
    """The signed reference data for a device whose batch came on a USB stick (None: not enrolled or revoked)."""
    from checkpoint.errors import CheckpointError
    from sync.hq.pull import reference_document

    try:
        return reference_document(service.store, service.keys, service.clock, device_id)
    except CheckpointError:
        return None


def cmd_stats(args: argparse.Namespace) -> int:
    service = _service(args, keys=False, create=False)
    try:
        st = service.stats()
    finally:
        service.store.close()
    emit(args, st, lambda: [print(f"{k:<16} {v:>10,}") for k, v in st.items()])
    return EXIT_OK


def cmd_link(args: argparse.Namespace) -> int:
    service = _service(args, keys=False, create=False)
    try:
        out = service.link(args.person_id, args.checkpoint, args.reason)
    finally:
        service.store.close()

    def text() -> None:
        if not out["linked"]:
            print(f"Checkpoint {args.checkpoint!r} already follows this person; nothing changed.")
        elif out["sharing"]:
            print(f"Linked: checkpoint {args.checkpoint!r} now follows the person; {out['queued']} of their events "
                  "are queued for it.")
        else:
            print(f"Linked: checkpoint {args.checkpoint!r} follows the person, but they did not consent to sharing: "
                  "nothing about them goes to it unless that changes.")

    emit(args, out, text)
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    from sync.hq.keys import load_recovery_private, read_public
    from sync.hq.recovery import recover_passphrase

    store: Path = args.store
    keyfile: Path = args.keyfile or Path(str(store) + ".keys")
    read_public(args.keys)
    private = load_recovery_private(args.keys, secret(config.ENV_PASSPHRASE,
                                                       f"Passphrase for the HQ keys in {args.keys}"))
    pw = secret(config.ENV_NEW_PASSPHRASE, f"New passphrase for {args.user}", confirm=True)
    recover_passphrase(keyfile, store, args.user, pw, private, reset=device_store_reset())
    print(f"New passphrase set for {args.user} in {store}. Return the store and {keyfile.name} to the device.")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """Aggregates for a period (sync.hq.reports): printed, as JSON, or written to a new CSV/XLSX file."""
    import getpass

    from sync.hq.reports import DIMENSIONS, INTERNAL, PUBLICATION, build_report, parse_period, write_export
    from sync.hq.store import add_journal, timestamp

    period = parse_period(args.period)
    threshold = args.threshold if args.threshold is not None else PUBLICATION if args.publication else INTERNAL
    if threshold < 2:
        raise UsageError("--threshold must be at least 2: a report never shows single persons.")
    if args.format or args.out or args.lang:            # --format csv|xlsx|pdf --out FILE [--lang km|en]
        if not (args.format and args.out) or args.csv or args.xlsx:
            raise UsageError("Say --format csv|xlsx|pdf with --out FILE (and not --csv/--xlsx as well).")
        if args.lang and args.format != "pdf":
            raise UsageError("--lang is for --format pdf only: CSV and XLSX carry codes, not words.")
        if args.format == "pdf":                        # the monthly PDF (sync.hq.web.report_pdf)
            from sync.hq.web.report_pdf import cli_pdf

            store = _store(args, create=False)
            try:
                done = cli_pdf(args, store, period, threshold, getpass.getuser())
            finally:
                store.close()
            emit(args, done, lambda: print(f"Wrote {done['pages']} pages to {done['file']} (readable by you only; "
                                           f"cells under {threshold} withheld)."))
            return EXIT_OK
        setattr(args, args.format, args.out)
    out_fmt = "csv" if args.csv else "xlsx" if args.xlsx else ""
    out_path = args.csv or args.xlsx
    store = _store(args, create=False)
    try:
        with store.read() as conn:
            report = build_report(conn, period, checkpoints=args.checkpoint or (), threshold=threshold)
        if out_fmt:
            n = write_export(report, out_path, out_fmt)
            from checkpoint.clock import SystemClock

            who = getpass.getuser()
            with store.write() as conn:
                add_journal(conn, timestamp(SystemClock()), "export", "",
                            f"report {out_fmt.upper()} by {who}: period {period.label}, checkpoints "
                            f"{', '.join(args.checkpoint or ['all'])}, threshold {threshold}, {n} rows, to "
                            f"{Path(out_path).name}")
            logging.getLogger("checkpoint.hq").info("report exported: %s, %s rows", out_fmt, n)
    finally:
        store.close()
    if out_fmt:
        emit(args, {"file": str(out_path), "format": out_fmt, "rows": n, "threshold": threshold},
             lambda: print(f"Wrote {n} rows to {out_path} (readable by you only; cells under {threshold} "
                           "withheld)."))
        return EXIT_OK
    data = report.to_dict()

    def text() -> None:
        cps = ", ".join(report.checkpoints) or "all checkpoints"
        print(f"Report {period.label} ({cps}); cells under {threshold} shown as <{threshold}.")
        if report.stale_since:
            print(f"Warning: the reporting facts missed a batch on {report.stale_since[:16]}: figures may be low "
                  f"until `{PROG} rebuild-facts`.")
        for section, dims in data["sections"].items():
            for dim in args.by or ("total", "checkpoint", "sex_age"):
                if dim not in DIMENSIONS or dim not in dims:
                    continue
                print(f"\n{section} by {dim}:")
                for cat, figures in dims[dim].items():
                    shown = ", ".join(f"{k} {'<' + str(threshold) if v is None else v}" for k, v in figures.items())
                    print(f"  {cat}: {shown}")

    emit(args, data, text)
    return EXIT_OK


def cmd_dhis2(args: argparse.Namespace) -> int:
    """A DHIS2 dataValueSet for a period (sync.hq.dhis2): --dry-run says what would go and what is unmapped or
    withheld; --out writes a new 0600 file (journaled): JSON, or ADX XML built from the same dataValueSet
    (--format adx)."""
    import getpass
    import json

    from sync.hq.dhis2 import EXAMPLE_MAPPING, adx_attributes, adx_bytes, export, load_mapping
    from sync.hq.reports import INTERNAL, PUBLICATION, parse_period, write_bytes
    from sync.hq.store import add_journal, timestamp

    if not args.dry_run and args.out is None:
        raise UsageError("Say --out FILE to write the data value set, or --dry-run to see what it would hold.")
    period = parse_period(args.period)
    mapping = load_mapping(args.mapping or EXAMPLE_MAPPING)
    adx = args.format == "adx"
    if adx:
        adx_attributes(mapping)             # a mapping without ADX's categories is refused before any read
    threshold = PUBLICATION if args.publication else INTERNAL
    store = _store(args, create=False)
    try:
        with store.read() as conn:
            payload, notes = export(conn, mapping, period, checkpoints=args.checkpoint or (), threshold=threshold)
        if not args.dry_run:
            data = adx_bytes(payload, mapping, period) if adx else (json.dumps(payload, indent=1) + "\n").encode()
            write_bytes(args.out, data)
            from checkpoint.clock import SystemClock

            with store.write() as conn:
                add_journal(conn, timestamp(SystemClock()), "export", "",
                            f"DHIS2 {'ADX XML' if adx else 'dataValueSet'} by {getpass.getuser()}: period "
                            f"{period.label}, checkpoints "
                            f"{', '.join(args.checkpoint or ['all'])}, threshold {threshold}, "
                            f"{len(payload['dataValues'])} values, to {Path(args.out).name}")
    finally:
        store.close()
    out = {**notes.to_dict(), "dry_run": bool(args.dry_run), "file": None if args.dry_run else str(args.out),
           "format": args.format}

    def text() -> None:
        verb = "Would send" if args.dry_run else f"Wrote {args.out} with"
        print(f"{verb} {notes.values} values for period {payload['period']}.")
        for label, items in (("Withheld (under the threshold)", notes.withheld),
                             ("Not in the mapping", out["unmapped"]),
                             ("Checkpoints without an org unit", notes.missing_org_units)):
            if items:
                print(f"{label}: {len(items)}")
                for x in items[:50]:
                    print(f"  {x}")

    emit(args, out, text)
    return EXIT_OK


def cmd_rebuild_facts(args: argparse.Namespace) -> int:
    """Rebuild the reporting projection from every accepted event (sync.hq.facts.rebuild), in one transaction."""
    from sync.hq.arrival_facts import rebuild as rebuild_flow
    from sync.hq.facts import rebuild, stamp_rebuilt
    from sync.hq.service_facts import rebuild as rebuild_services
    from sync.hq.tb_facts import rebuild as rebuild_tb

    store = _store(args, create=False)
    try:
        with store.write() as conn:
            n = rebuild(conn)
            rebuild_flow(conn)          # issue 11: groups, headcounts, surge
            rebuild_tb(conn)            # issue 14: the TB cascade's facts (sync.hq.tb_facts)
            rebuild_services(conn)      # issue 15.3: assistance and NEA facts (sync.hq.service_facts)
            stamp_rebuilt(conn)         # a running dashboard's cached report reads are old (sync.hq.reports)
    finally:
        store.close()
    emit(args, {"events": n}, lambda: print(f"Reporting facts rebuilt from {n:,} events."))
    return EXIT_OK


def device_store_reset() -> StoreReset:
    """The device's store writer for ``recover``: the ONE place checkpoint-hq reaches device code.

    ``recover`` rewrites a device's store file that an operator brought (SQLCipher, the device's key file), so
    it needs the desktop extras; the server and every other command never import this. import-linter allows
    exactly these imports (pyproject.toml, ``ignore_imports`` of the "sync.hq never imports device code"
    contract).
    """
    from checkpoint.services.auth import reset_with_data_key

    return reset_with_data_key


# ---------------------------------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS,
                        help=f"database URL (default: ${config.ENV_DB} or {config.DEFAULT_DB_URL})")
    common.add_argument("--keys", type=Path, default=argparse.SUPPRESS,
                        help=f"HQ keys directory (default: ${config.ENV_KEYS} or ./{config.DEFAULT_KEYS_DIR})")
    p = Parser(prog=PROG, description="Checkpoint headquarters: the sync server and its administration.",
                parents=[common], epilog="Exit codes: 0 ok, 2 usage, 3 authentication, 4 data.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser)

    def add(name: str, fn: Callable[[argparse.Namespace], int], help_: str, *, json_: bool = False,
            description: str | None = None) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, parents=[common], description=description or help_,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
        sp.set_defaults(func=fn)
        if json_:
            sp.add_argument("--json", action="store_true", help="machine-readable output")
        return sp

    add("init-keys", cmd_init_keys, "create HQ's signing, exchange and recovery keys in --keys DIR", json_=True)
    add("migrate", cmd_migrate, "bring the HQ database schema up to date (alembic upgrade head)", json_=True)
    sp = add("serve", cmd_serve, "serve the sync API (binds 127.0.0.1; TLS: see serve --help)", description=SERVE_HELP)
    sp.add_argument("--host", default=config.DEFAULT_HOST)
    sp.add_argument("--port", type=int, default=config.DEFAULT_PORT)
    sp.add_argument("--ssl-certfile", help="serve HTTPS with this certificate (PEM)")
    sp.add_argument("--ssl-keyfile", help="... and this private key (PEM)")
    sp.add_argument("--max-body-mib", type=float, default=64, help="largest accepted batch (default 64 MiB)")
    sp.add_argument("--rate-per-minute", type=float, default=120, help="requests per device per minute (0: off)")
    sp.add_argument("--burst", type=int, default=60, help="requests a device may make at once")
    sp.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    sp = add("enroll-token", cmd_enroll_token, "issue a one-time enrollment token (printed as the last line)")
    sp.add_argument("--checkpoint", required=True, help="the checkpoint's name, as on its devices")
    sp.add_argument("--hours", type=float, default=24, help="validity (default 24)")
    add("fingerprint", cmd_fingerprint, "print the fingerprint of HQ's signing key (it ends every enrollment code)",
        json_=True)
    sp = add("release", cmd_release, "revoke a device and write the signed release that lets it enroll again "
             "(elsewhere)", json_=True)
    sp.add_argument("device_id")
    sp.add_argument("--out", type=Path, required=True, help="where to write the release document")
    sp.add_argument("--reason", help="why (kept in HQ's journal and in the document)")
    sp = add("devices", cmd_devices, "list enrolled devices, or revoke one (nothing is deleted)", json_=True)
    sp.add_argument("action", nargs="?", choices=["list", "revoke"], default="list")
    sp.add_argument("device_id", nargs="?")
    sp.add_argument("--reason", help="why (kept in HQ's journal)")
    sp = add("import-batch", cmd_import_batch, "ingest a sealed batch file (USB) and write its signed ack",
             json_=True)
    sp.add_argument("file", type=Path)
    sp.add_argument("--ack-out", type=Path, help="where to write the ack (default: beside FILE, suffix .ack)")
    add("stats", cmd_stats, "counts: persons, events, devices, quarantined, held, conflicts", json_=True)
    sp = add("link", cmd_link, "let a checkpoint follow a person registered elsewhere (audited; sharing consent "
                               "still governs what it gets)", json_=True)
    sp.add_argument("person_id")
    sp.add_argument("--checkpoint", required=True, help="the checkpoint to link, by name")
    sp.add_argument("--reason", required=True, help="why it needs the person (kept in HQ's journal)")
    sp = add("report", cmd_report, "aggregate figures for a period and checkpoint(s), small cells withheld "
                                   "(printed, --json, or a new --csv/--xlsx file)", json_=True)
    sp.add_argument("--period", required=True, help="2026-11, 2026, 2026-11-02 or 2026-11-02..2026-11-08")
    sp.add_argument("--checkpoint", action="append", help="only this checkpoint (repeat for several)")
    sp.add_argument("--publication", action="store_true", help="withhold cells under 11 (publication) not 5")
    sp.add_argument("--threshold", type=int, help="withhold cells under N (at least 2)")
    sp.add_argument("--by", action="append", help="dimensions printed as text (default: total, checkpoint, "
                                                   "sex_age); --json and files carry all")
    ex = sp.add_mutually_exclusive_group()
    ex.add_argument("--csv", type=Path, help="write a new CSV file (never overwrites)")
    ex.add_argument("--xlsx", type=Path, help="write a new XLSX file (never overwrites)")
    sp.add_argument("--format", choices=("csv", "xlsx", "pdf"), help="with --out: the file's format (pdf: the "
                                                                       "report's tables, in --lang)")
    sp.add_argument("--out", type=Path, help="with --format: write a new file (never overwrites)")
    sp.add_argument("--lang", help="with --format pdf: km (Khmer) or en (English, the default)")
    sp = add("dhis2", cmd_dhis2, "a DHIS2 aggregate dataValueSet (JSON, or ADX XML) for a period, through a "
                                 "mapping file", json_=True)
    sp.add_argument("--format", choices=["json", "adx"], default="json",
                    help="json: DHIS2's dataValueSet (default); adx: ADX 1.0 XML of the same values")
    sp.add_argument("--period", required=True, help="2026-11, 2026 or 2026-11-02")
    sp.add_argument("--mapping", type=Path, help="the mapping file (default: the example shipped with HQ)")
    sp.add_argument("--checkpoint", action="append", help="only this checkpoint (repeat for several)")
    sp.add_argument("--publication", action="store_true", help="withhold values under 11 (publication) not 5")
    ex = sp.add_mutually_exclusive_group()
    ex.add_argument("--out", type=Path, help="write a new JSON or ADX file (never overwrites)")
    ex.add_argument("--dry-run", action="store_true", help="say what would be sent, unmapped and withheld")
    sp = add("htcds", cmd_htcds, "an HTCDS v2 / CTDC case-level CSV for a period (identifiers removed, "
                                 "k-anonymous with k = 11)", json_=True)
    sp.add_argument("--period", required=True, help="2026, 2026-11 or 2026-11-02..2026-11-08")
    sp.add_argument("--out", type=Path, required=True, help="write a new CSV file (never overwrites)")
    sp = add("nea-export", cmd_nea_export, "NEA's job-registration CSV across checkpoints for a period (only "
                                           "persons whose NEA consent stands; docs/exports/nea.md)", json_=True)
    sp.add_argument("--from", dest="from_", required=True, help="first day, YYYY-MM-DD (local, UTC+7)")
    sp.add_argument("--to", required=True, help="last day, YYYY-MM-DD (included)")
    sp.add_argument("--out", type=Path, required=True, help="write a new CSV file (never overwrites)")
    sp.add_argument("--checkpoint", action="append", help="only this checkpoint (repeat for several)")
    add("rebuild-facts", cmd_rebuild_facts, "rebuild the reporting facts from the events HQ holds (the upgrade to "
        "0003 does it once)", json_=True)
    sp = add("recover", cmd_recover, "set a new passphrase on a device store through HQ's recovery key")
    sp.add_argument("--store", type=Path, required=True, help="the device's store file (a copy)")
    sp.add_argument("--keyfile", type=Path, help="its key file (default: STORE.keys)")
    sp.add_argument("--user", required=True, help="whose passphrase to set")
    add_user_commands(add)
    add_directory_commands(add)
    add_operator_commands(add)
    add_match_commands(add)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run checkpoint-hq. Errors become exit codes and one plain line on stderr."""
    from checkpoint.hardening import disable_core_dumps

    disable_core_dumps()        # first: a crash must not write HQ's private keys to a core file
    utf8_stdio()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    args.db = config.db_url(getattr(args, "db", None))
    args.keys = config.keys_dir(getattr(args, "keys", None))
    try:
        return run_command(PROG, args.func, args)
    except Exception as e:   # a database error, a bug: one plain line, never a traceback
        from sync.hq.store import plain_error

        print(f"{PROG}: failed ({type(e).__name__}): {plain_error(e)}", file=sys.stderr)
        return EXIT_DATA


# ---------------------------------------------------------------------------------------------- HQ accounts (#15)
USER_HELP = """HQ dashboard accounts: add, list, lock, unlock.

Roles: analyst (aggregates only), data_manager (records, quarantine, conflicts, devices, exports), hq_admin
(accounts, keys), partner (the referral network; needs --organisation). A new account's passphrase comes from
$CHECKPOINT_NEW_PASSPHRASE or a prompt, and must pass the project's strength check. `add` prints the account's
TOTP secret and otpauth:// URI ONCE: enter it in the user's authenticator app (it is not shown again). HQ keeps
the secret sealed with a key derived from HQ's keys (never in the database), so `add` needs --keys DIR and the
keys' passphrase ($CHECKPOINT_HQ_PASSPHRASE or a prompt)."""


def cmd_user(args: argparse.Namespace) -> int:
    from checkpoint.clock import SystemClock
    from sync.hq.web.accounts import Accounts

    if args.action != "list" and not args.username:
        raise UsageError(f"user {args.action} needs a USERNAME")
    if args.action == "add":       # the new account's TOTP secret is sealed with a key derived from HQ's keys
        from sync.hq.service import HQService

        store = HQService(_store(args), _keys(args)).store
    else:
        store = _store(args, create=False)
    try:
        accounts = Accounts(store, SystemClock())
        if args.action == "add":
            pw = secret(config.ENV_NEW_PASSPHRASE, f"Passphrase for {args.username}", confirm=True)
            enrolled = accounts.add(args.username, args.name or args.username, args.role, pw,
                                    organisation=args.organisation or "")
            emit(args, {"username": enrolled.username, "role": args.role, "totp_secret": enrolled.secret,
                        "otpauth_uri": enrolled.uri}, lambda: print(
                f"HQ account {enrolled.username!r} ({args.role}) created. Enter this in the user's authenticator "
                f"app now; it is not shown again:\n  secret {enrolled.secret}\n  {enrolled.uri}"))
        elif args.action == "list":
            users = accounts.users()
            rows = [{"username": u.username, "display_name": u.display_name, "role": u.role,
                     "organisation": u.organisation, "status": "locked" if u.locked else "active",
                     "created_at": u.created_at, "last_sign_in": u.last_sign_in} for u in users]

            def text() -> None:
                if not rows:
                    print("No HQ accounts.")
                for r in rows:
                    print(f"{r['username']:<20} {r['role']:<13} {r['status']:<7} last sign-in "
                          f"{r['last_sign_in'][:16] or 'never'}  {r['display_name']}")

            emit(args, rows, text)
        else:
            accounts.set_status(args.username, "locked" if args.action == "lock" else "active")
            status = "locked" if args.action == "lock" else "active"
            said = "locked (its sessions ended)" if status == "locked" else "unlocked"
            emit(args, {"username": args.username, "status": status},
                 lambda: print(f"HQ account {args.username!r} {said}."))
    finally:
        store.close()
    return EXIT_OK


def add_user_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """``checkpoint-hq user add|list|lock|unlock`` (called by build_parser)."""
    from sync.hq.web.accounts import ROLES

    sp = add("user", cmd_user, "HQ dashboard accounts: add, list, lock, unlock", json_=True, description=USER_HELP)
    sp.add_argument("action", choices=["add", "list", "lock", "unlock"])
    sp.add_argument("username", nargs="?")
    sp.add_argument("--role", choices=ROLES, default="analyst")
    sp.add_argument("--name", help="the person's name as shown in the dashboard")
    sp.add_argument("--organisation", help="a partner's organisation")


def cmd_htcds(args: argparse.Namespace) -> int:
    """The HTCDS v2 / CTDC case-level CSV of a period (sync.hq.htcds) to a new 0600 file, journaled with who,
    the period and how many rows."""
    import getpass

    from checkpoint.clock import SystemClock
    from sync.hq.htcds import K, export
    from sync.hq.reports import parse_period, write_bytes
    from sync.hq.store import add_journal, timestamp

    period = parse_period(args.period)
    store = _store(args, create=False)
    try:
        with store.read() as conn:
            data, n, left_out = export(conn, period)
        write_bytes(args.out, data)
        with store.write() as conn:
            add_journal(conn, timestamp(SystemClock()), "export", "",
                        f"HTCDS CSV by {getpass.getuser()}: period {period.label}, k {K}, {n} rows "
                        f"({left_out} left out), to {Path(args.out).name}")
    finally:
        store.close()
    emit(args, {"file": str(args.out), "rows": n, "left_out": left_out, "k": K},
         lambda: print(f"Wrote {n} rows to {args.out} (k = {K}; {left_out} rows left out so every combination of "
                       "age group, sex, citizenship, country of exploitation and year has at least k rows)."))
    return EXIT_OK


def cmd_nea_export(args: argparse.Namespace) -> int:
    """NEA's job-registration CSV across checkpoints (sync.hq.nea; docs/exports/nea.md) to a new 0600 file,
    journaled with who, the period, the checkpoints and how many rows."""
    import getpass

    from checkpoint.clock import SystemClock
    from sync.hq.nea import export, parse_day
    from sync.hq.reports import write_bytes
    from sync.hq.store import add_journal, timestamp

    start, end = parse_day(args.from_, "--from"), parse_day(args.to, "--to")
    store = _store(args, create=False)
    try:
        with store.read() as conn:
            data, n = export(conn, start, end, checkpoints=args.checkpoint or ())
        write_bytes(args.out, data)
        with store.write() as conn:
            add_journal(conn, timestamp(SystemClock()), "export", "",
                        f"NEA CSV by {getpass.getuser()}: period {start}..{end}, checkpoints "
                        f"{', '.join(args.checkpoint or ['all'])}, {n} rows, to {Path(args.out).name}")
    finally:
        store.close()
    emit(args, {"file": str(args.out), "rows": n, "from": str(start), "to": str(end)},
         lambda: print(f"Wrote {n} rows to {args.out} (readable by you only; only persons whose NEA consent "
                       "stands)."))
    return EXIT_OK


# ---------------------------------------------------------------------------------------------- directory (#16)
DIRECTORY_HELP = """The referral directory HQ signs into the reference data devices apply.

`import --file F.csv` checks the whole file first (columns: code, kind, name_en, name_km, services, provinces,
contacts, languages, active_from, active_to; lists separated by ';'; dates YYYY-MM-DD) and applies all of it or
nothing: duplicate codes, unknown provinces, languages or services, bad dates, spreadsheet formulas and text that
is not UTF-8 are refused with the rows named. A changed entry gets a new version (its history is kept); nothing is
deleted: withdraw an organisation with an active_to date. `export --out F.csv` writes the directory as it is."""


def cmd_directory(args: argparse.Namespace) -> int:
    from checkpoint.clock import SystemClock
    from checkpoint.files import write_atomic
    from sync.hq import directory

    if args.action == "import":
        if args.file is None:
            raise UsageError("directory import needs --file F.csv")
        raw = args.file.read_bytes()
        store = _store(args)
        try:
            out = directory.import_csv(store, SystemClock(), raw, by=args.by)
        finally:
            store.close()
        emit(args, out, lambda: print(f"Directory imported: {out['added']} added, {out['changed']} changed, "
                                      f"{out['unchanged']} unchanged; reference data version "
                                      f"{out['reference_version']}."))
    elif args.action == "history":
        if not args.code:
            raise UsageError("directory history needs --code CODE")
        store = _store(args, create=False)
        try:
            rows = directory.history(store, args.code)
        finally:
            store.close()

        def text() -> None:
            if not rows:
                print(f"No directory entry {args.code!r}.")
            for r in rows:
                print(f"v{r['version']}  {r['changed_at'][:16]}  by {r['changed_by']}: {r['name_en']} ({r['kind']}; "
                      f"{', '.join(r['services'])}; active {r['active_from'] or '-'} to {r['active_to'] or '-'})")

        emit(args, rows, text)
    else:
        if args.out is None:
            raise UsageError("directory export needs --out F.csv")
        store = _store(args, create=False)
        try:
            data = directory.export_csv(store)
            n = len(directory.entries(store))
        finally:
            store.close()
        write_atomic(args.out, data)
        emit(args, {"entries": n, "out": str(args.out)}, lambda: print(f"{n} entries written to {args.out}."))
    return EXIT_OK


def add_directory_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """``checkpoint-hq directory import|export`` (called by build_parser)."""
    sp = add("directory", cmd_directory, "the referral directory: import or export a CSV, an entry's history",
             json_=True,
             description=DIRECTORY_HELP)
    sp.add_argument("action", choices=["import", "export", "history"])
    sp.add_argument("--file", type=Path, help="the CSV to import")
    sp.add_argument("--code", help="history: the entry whose versions to list")
    sp.add_argument("--out", type=Path, help="where to write the export")
    sp.add_argument("--by", default="cli", help="who is importing (kept in the history)")
    sp = add("verify-slip", cmd_verify_slip, "check a referral slip's QR text: signed by a device HQ enrolled, not "
             "expired; prints the referral it names", json_=True)
    sp.add_argument("token", nargs="?", help="the QR text (CPR2....); or --file")
    sp.add_argument("--file", type=Path, help="a file holding the QR text")


def cmd_verify_slip(args: argparse.Namespace) -> int:
    from checkpoint.clock import SystemClock
    from sync.hq.partners import verify_slip

    if bool(args.token) == bool(args.file):
        raise UsageError("verify-slip needs the QR text or --file (one of them)")
    token = args.file.read_text(encoding="utf-8", errors="replace")[:4096] if args.file else args.token
    store = _store(args, create=False)
    try:
        out = verify_slip(store, SystemClock(), token.strip())
    finally:
        store.close()
    emit(args, out, lambda: print(
        f"Slip valid: referral {out['referral_id']} of person {out['person_id']}, printed {out['issued']}, valid "
        f"until {out['expires']}, to {out['organisation'] or 'an organisation HQ does not know'}. Check that the "
        "person holding it is the person of this record."))
    return EXIT_OK


# ---------------------------------------------------------------------------------------------- operator tools (#15)
OPERATOR_HELP = """Operator decisions at HQ (the dashboard's quarantine, held gaps and conflicts pages do the same).

  quarantine list [--state open|released|rejected|all] [--device ID]   what HQ set aside, with the reason
  quarantine show ID                                     one event as received, payload included (audited)
  quarantine release ID --reason WHY   run it through HQ's checks again: taken in only if it passes, else it
                                       stays with the new reason
  quarantine reject ID --reason WHY    closed for good: kept, never fed
  gaps list                            each device's missing sequence numbers and its held events
  gaps release DEVICE_ID --reason WHY  give up the missing events (a lost laptop): the held ones are applied
  conflicts list [--state open|kept_hq|all]
  conflicts decide ID --reason WHY     keep HQ's copy (the one every checkpoint has) and close the conflict

Every decision is in HQ's audit trail and journal with --by (default: cli:<your login>) and the reason. Events
quarantined because their person was not at HQ yet are released by themselves when the person's registration
arrives (or HQ links the person to the checkpoint)."""


def _operator_name(args: argparse.Namespace) -> str:
    import getpass

    if args.by:
        return str(args.by)[:64]
    try:
        return f"cli:{getpass.getuser()}"[:64]
    except (KeyError, OSError):
        return "cli"


def _need(args: argparse.Namespace, what: str) -> str:
    if not args.target:
        raise UsageError(f"{args.command} {args.action} needs {what}")
    if args.action != "show" and args.action != "list" and not args.reason:
        raise UsageError(f"{args.command} {args.action} needs --reason (it is kept in HQ's audit trail)")
    return str(args.target)


def _item_id(args: argparse.Namespace) -> int:
    raw = _need(args, "an ID (from `list`)")
    if not raw.isdigit():
        raise UsageError(f"{raw!r} is not an ID from `{args.command} list`")
    return int(raw)


def cmd_quarantine(args: argparse.Namespace) -> int:
    from checkpoint.clock import SystemClock
    from sync.hq import operator
    from sync.hq.store import timestamp
    from sync.hq.web.accounts import audit

    store = _store(args, create=False)
    clock = SystemClock()
    try:
        if args.action == "list":
            if args.target:
                raise UsageError("quarantine list takes no ID")
            rows = operator.quarantine_rows(store, state=args.state, device_id=args.device, limit=args.limit)

            def text() -> None:
                if not rows:
                    print("Nothing in quarantine." if args.state == "open" else f"No {args.state} events.")
                for q in rows:
                    wait = f" (waits for person {q['waits_for']})" if q["waits_for"] else ""
                    print(f"#{q['id']:<5} {q['received_at'][:16]}  {q['checkpoint_name'] or '?'}  device "
                          f"{q['device_id'][:12]}  seq {q['device_seq'] or '-'}  {q['state']}  sha256 "
                          f"{q['raw_sha256'][:16]}: {q['reason']}{wait}")

            emit(args, rows, text)
        elif args.action == "show":
            item = operator.quarantine_item(store, _item_id(args))
            with store.write() as conn:
                audit(conn, timestamp(clock), _operator_name(args), "view_record", f"quarantine {item['id']}",
                      f"device {item['device_id']} (command line)")

            def show() -> None:
                for k in ("id", "state", "checkpoint_name", "device_id", "device_seq", "event_id", "received_at",
                          "reason", "waits_for", "raw_sha256", "by", "decided_at", "note"):
                    if item.get(k) not in (None, ""):
                        print(f"{k:<16} {item[k]}")
                print(item["raw"])

            emit(args, item, show)
        elif args.action == "release":
            out = operator.release_quarantined(store, clock, _item_id(args), _operator_name(args), args.reason)
            emit(args, out, lambda: print(
                f"Quarantined event #{out['id']} released: {out['status']}." if out["released"] else
                f"Quarantined event #{out['id']} stays in quarantine: {out['reason']}"))
            return EXIT_OK if out["released"] else EXIT_DATA
        else:
            qid = _item_id(args)
            operator.reject_quarantined(store, clock, qid, _operator_name(args), args.reason)
            emit(args, {"id": qid, "state": "rejected"},
                 lambda: print(f"Quarantined event #{qid} rejected: kept, never fed."))
    finally:
        store.close()
    return EXIT_OK


def cmd_gaps(args: argparse.Namespace) -> int:
    from checkpoint.clock import SystemClock
    from sync.hq import operator

    store = _store(args, create=False)
    try:
        if args.action == "list":
            if args.target:
                raise UsageError("gaps list takes no DEVICE_ID")
            rows = operator.gap_rows(store)

            def text() -> None:
                if not rows:
                    print("No gaps: every device's events arrived in order.")
                for g in rows:
                    missing = ", ".join(str(s) if s == e else f"{s}-{e}" for s, e in g["missing"])
                    print(f"{g['device_id']}  {g['checkpoint_name']:<20} waiting since {g['waiting_since'][:16]}  "
                          f"missing {missing}  held {g['held']}  last seen {g['last_seen_at'][:16] or 'never'}")

            emit(args, rows, text)
        else:
            device_id = _need(args, "a DEVICE_ID")
            out = operator.release_gap(store, SystemClock(), device_id, _operator_name(args), args.reason)
            emit(args, out, lambda: print(
                f"Device {device_id}: missing events given up; {out['released']} held events applied; it is now "
                f"complete up to event {out['watermark']}."))
    finally:
        store.close()
    return EXIT_OK


def cmd_conflicts(args: argparse.Namespace) -> int:
    from checkpoint.clock import SystemClock
    from sync.hq import operator

    store = _store(args, create=False)
    try:
        if args.action == "list":
            if args.target:
                raise UsageError("conflicts list takes no ID")
            rows = operator.conflict_rows(store, state=args.state)

            def text() -> None:
                if not rows:
                    print("No conflicts.")
                for c in rows:
                    print(f"#{c['id']:<5} {c['received_at'][:16]}  {c['checkpoint_name'] or '?'}  device "
                          f"{c['device_id'][:12]}  event {c['event_id']} {c['type']}  {c['state']}")

            emit(args, rows, text)
        else:
            out = operator.decide_conflict(store, SystemClock(), _item_id(args), _operator_name(args), args.reason)
            emit(args, out, lambda: print(f"Conflict #{out['id']} decided: HQ's copy kept, the other closed."
                                          + (" The device is told at its next sync." if out["told_device"] else
                                             " HQ no longer knows the device: it is not told.")))
    finally:
        store.close()
    return EXIT_OK


def add_operator_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """``checkpoint-hq quarantine|gaps|conflicts`` (called by build_parser)."""
    for name, fn, actions, help_ in (
            ("quarantine", cmd_quarantine, ["list", "show", "release", "reject"],
             "the events HQ set aside: list, show, release (checked again) or reject"),
            ("gaps", cmd_gaps, ["list", "release"], "held gaps: each device's missing events; release one (give up)"),
            ("conflicts", cmd_conflicts, ["list", "decide"], "HQ's conflicts: list, decide (keep HQ's copy)")):
        sp = add(name, fn, help_, json_=True, description=OPERATOR_HELP)
        sp.add_argument("action", nargs="?", choices=actions, default="list")
        sp.add_argument("target", nargs="?", metavar="ID", help="the item (its # in `list`), or a device id")
        sp.add_argument("--reason", help="why (required for a decision; kept in HQ's audit trail)")
        sp.add_argument("--by", help="who decides (default: cli:<your login>)")
        if name != "gaps":
            sp.add_argument("--state", default="open", choices=["open", "released", "rejected", "all"]
                            if name == "quarantine" else ["open", "kept_hq", "all"])
        if name == "quarantine":
            sp.add_argument("--device", help="only this device's")
            sp.add_argument("--limit", type=int, default=200)


# ---------------------------------------------------------------------------------------------- repeat returnees (#15)
MATCHES_HELP = """Likely same persons registered at different checkpoints (a data manager's work; see sync.hq.matches).

  refresh                 look at the person events HQ received since the last run (at most --limit)
  list [--status S]       pairs, highest score first: ids, checkpoints, score, why (no names)
  show A B                the two records side by side (logged in HQ's audit trail)
  link A B --by NAME      the same person: each checkpoint follows the other's record (audited; sharing consent
                          is required of both)
  dismiss A B --by NAME   not the same person: remembered, never proposed again (audited)

A person who did not consent to sharing is never proposed."""


def cmd_matches(args: argparse.Namespace) -> int:
    from checkpoint.clock import SystemClock
    from sync.hq import matches

    action = args.action
    if action in ("show", "link", "dismiss") and not (args.person_a and args.person_b):
        raise UsageError(f"matches {action} needs two person ids")
    if action in ("link", "dismiss") and not args.by:
        raise UsageError(f"matches {action} needs --by NAME (who decides; kept in HQ's audit trail)")
    store = _store(args, create=False)
    clock = SystemClock()
    try:
        if action == "refresh":
            out: Any = matches.refresh(store, clock, limit=args.limit)
            emit(args, out, lambda: print(f"{out['events']} events of {out['persons']} persons examined: "
                                          f"{out['found']} new pairs, {out['dropped']} dropped; "
                                          f"{out['waiting']} events still to examine."))
        elif action == "list":
            out = matches.candidates(store, status=args.status, limit=args.limit)

            def text() -> None:
                if not out:
                    print(f"No {args.status} pairs.")
                for r in out:
                    print(f"{r['score']:>3}  {r['person_a']} ({r['checkpoint_a']})  {r['person_b']} "
                          f"({r['checkpoint_b']})  {'; '.join(r['reason_texts'])}")

            emit(args, out, text)
        elif action == "show":
            out = matches.pair(store, args.person_a, args.person_b)
            from sync.hq.store import hq_audit, timestamp

            with store.write() as conn:
                conn.execute(hq_audit.insert().values(at=timestamp(clock), username=(args.by or "cli")[:64],
                                                      action="view_record", target=f"match {out['person_a']} "
                                                      f"{out['person_b']}"[:200], detail="checkpoint-hq matches show"))

            def show() -> None:
                print(f"Score {out['score']}: {'; '.join(out['reason_texts'])} ({out['status']})")
                for label, key in (("Person", "person_id"), ("Checkpoint", "checkpoint"),
                                   ("Registered", "registered"), ("Arrivals", "arrivals"),
                                   ("Family name", "family_name"), ("Given names", "given_names"),
                                   ("Khmer name", "name_khmer"), ("Sex", "sex"), ("Date of birth", "date_of_birth"),
                                   ("Document", "id_document_type"), ("Number", "id_document_number")):
                    print(f"{label:<14} {out['a'][key]!s:<40} {out['b'][key]}")

            emit(args, out, show)
        else:
            out = matches.decide(store, clock, args.person_a, args.person_b, action, by=args.by,
                                 note=args.note or "")
            emit(args, out, lambda: print(
                f"Linked: each checkpoint now follows the other's record ({out['queued']} events queued)."
                if out["status"] == "linked" else "Dismissed: this pair will not be proposed again."))
    finally:
        store.close()
    return EXIT_OK


def add_match_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    """``checkpoint-hq matches refresh|list|show|link|dismiss`` (called by build_parser)."""
    sp = add("matches", cmd_matches, "likely same persons across checkpoints: find, list, show, link, dismiss",
             json_=True, description=MATCHES_HELP)
    sp.add_argument("action", choices=["refresh", "list", "show", "link", "dismiss"])
    sp.add_argument("person_a", nargs="?")
    sp.add_argument("person_b", nargs="?")
    sp.add_argument("--status", default="pending", choices=["pending", "linked", "dismissed"])
    sp.add_argument("--limit", type=int, default=5000, help="refresh: events to examine; list: pairs to print")
    sp.add_argument("--by", help="who decides or looks (kept in HQ's audit trail)")
    sp.add_argument("--note", help="why (kept with the decision)")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
