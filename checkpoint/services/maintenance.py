"""Looking after the store: verify it, count what it holds, export arrivals to CSV, back it up.

    >>> session.maintenance.verify().ok                                          # doctest: +SKIP
    True
    >>> session.maintenance.export_csv("/media/usb/poipet.csv").rows             # doctest: +SKIP
    1204
    >>> session.maintenance.backup("/media/usb/poipet-backup.db").path           # doctest: +SKIP
    PosixPath('/media/usb/poipet-backup.db')

An export or a backup never overwrites a file and is logged as an event. Raises PermissionDenied, ValidationError
(``out`` already exists), StoreError (a backup that fails its check), OSError as the filesystem reports it.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from checkpoint import acl, files
from checkpoint.errors import PermissionDenied, StoreError, ValidationError
from checkpoint.model.roles import Permission, Role
from checkpoint.services.authorship import author_problems
from checkpoint.services.base import Context
from checkpoint.services.chainhead import hq_head_problems
from checkpoint.services.changes import Changes
from checkpoint.services.protection import holder_keys, sealed_over_problems
from checkpoint.services.retention import head_seq, stamp_backup
from checkpoint.storage.db import open_encrypted
from checkpoint.storage.keyfile import KeyFile
from checkpoint.storage.minimise import minimised_problems
from checkpoint.storage.rebuild import compare_projections, rebuild_projections
from checkpoint.storage.store import keyfile_path

__all__ = ["BackedUp", "Exported", "Maintenance", "VerifyReport"]


@dataclass(frozen=True)
class VerifyReport:
    problems: tuple[str, ...]
    events: int
    persons: int
    notes: tuple[str, ...] = ()          # worth knowing, not problems (e.g. events from before signatures)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Exported:
    """A CSV export: where it went and how many arrivals (rows after the header) it holds."""

    path: Path
    rows: int
    changes: Changes


@dataclass(frozen=True)
class BackedUp:
    """An encrypted backup: the copy of the store and, beside it, its key file (``keys``)."""

    path: Path
    keys: Path
    changes: Changes


_CSV_COLUMNS = ("person_id", "family_name", "given_names", "name_khmer", "sex", "date_of_birth", "dob_estimated",
                "citizenship", "id_document_type", "id_document_number", "home_province", "encounter_id",
                "arrival_at", "station_id", "return_type", "country_of_work", "sector_of_work",
                "duration_abroad_months", "migration_channel", "tb_outcome", "trafficking_outcome",
                "trafficking_flags", "review_status")


# Issue 10, point 12: the local log no longer matches the chain head HQ acknowledged (shown translated).
MSG_AT_HQ_DIFFER: Final = ("Events already at HQ differ from this device's event log: events HQ acknowledged were "
                           "changed or deleted here. Do not delete anything; tell HQ.")

_WITHHELD = "withheld (no consent to sharing)"
_WITHHELD_TB = "withheld (consent to the TB screen withdrawn)"
_TB_OUTCOME = _CSV_COLUMNS.index("tb_outcome")
_SHARING_ONLY = tuple(_CSV_COLUMNS.index(c) for c in ("tb_outcome", "trafficking_outcome", "trafficking_flags"))


class Maintenance:
    """``session.maintenance``: checks, figures, exports and backups."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def verify(self) -> VerifyReport:
        """Check the store: SQLite and SQLCipher integrity, the event chain, the chain head HQ acknowledged
        (``checkpoint.services.chainhead``), each event's author signature and the author's right to write it
        (``checkpoint.services.authorship``), and that projections rebuilt from the events equal the live
        tables."""
        ctx = self._ctx
        ctx.require(Permission.VERIFY)
        store = ctx.store
        problems = store.integrity_check()
        problems += store.verify_chain()
        problems += hq_head_problems(store, MSG_AT_HQ_DIFFER)
        authors, notes = author_problems(store)
        problems += authors
        # issue 10, point 11: events whose protection section was sealed after they were written (store upgrade)
        sealed, sealed_notes = sealed_over_problems(
            store, holder_keys(ctx.keyfile) if ctx.user.role == Role.SUPERVISOR else None)
        problems += sealed
        notes += sealed_notes
        minimised, mnotes = minimised_problems(store, head_seq(store))    # issue 12: minimised after HQ's ack
        problems += minimised
        notes = [*notes, *mnotes]
        rebuilt = rebuild_projections(store)
        try:
            problems += compare_projections(ctx.db, rebuilt)
        finally:
            rebuilt.close()
        return VerifyReport(tuple(problems), int(ctx.db.execute("SELECT count(*) FROM events").fetchone()[0]),
                            int(ctx.db.execute("SELECT count(*) FROM persons").fetchone()[0]), tuple(notes))

    def cipher_version(self) -> str:
        """The SQLCipher version encrypting this store ("" would mean no encryption: opening refuses that)."""
        self._ctx.require(Permission.VERIFY)
        row = self._ctx.db.execute("PRAGMA cipher_version").fetchone()
        return str(row[0]) if row and row[0] else ""

    def stats(self) -> dict[str, int]:
        """Counts of persons, encounters, screenings, referrals, events, pending sync, users, drafts."""
        ctx = self._ctx
        if not (ctx.may(Permission.STATS) or ctx.may(Permission.VIEW_LIST)):
            raise PermissionDenied("Not allowed.")
        q = {"persons": "SELECT count(*) FROM persons WHERE voided = 0",
             "encounters": "SELECT count(*) FROM encounters WHERE voided = 0",
             "trafficking_screenings": "SELECT count(*) FROM trafficking_screenings WHERE voided = 0",
             "tb_screenings": "SELECT count(*) FROM tb_screenings WHERE voided = 0",
             "referrals": "SELECT count(*) FROM referrals WHERE voided = 0",
             "events": "SELECT count(*) FROM events",
             "pending_sync": "SELECT count(*) FROM events WHERE sync_state IN ('pending', 'inflight')",
             "users": "SELECT count(*) FROM users",
             "drafts": "SELECT count(*) FROM drafts"}
        return {k: int(ctx.db.execute(v).fetchone()[0]) for k, v in q.items()}

    def export_csv(self, out: str | os.PathLike[str]) -> Exported:
        """Write one row per arrival (identity, journey, screening outcomes) to a new CSV file.

        TB and trafficking outcomes are exported only where the person consented to sharing. The file is plaintext
        and owner-only (0600): the caller chooses where it goes. The export is logged as an event.
        """
        ctx = self._ctx
        ctx.require(Permission.EXPORT)
        path = Path(out)
        if path.exists():
            raise ValidationError("out", "the file already exists; choose a new name")
        cur = ctx.db.execute(
            "SELECT p.id, p.family_name, p.given_names, p.name_khmer, p.sex, p.date_of_birth, p.dob_estimated, "
            "p.citizenship, p.id_document_type, p.id_document_number, p.home_province, e.id, e.arrival_at, "
            "e.station_id, e.return_type, e.country_of_work, e.sector_of_work, e.duration_abroad_months, "
            "e.migration_channel, "
            "(SELECT outcome FROM tb_screenings t WHERE t.encounter_id = e.id AND t.voided = 0), "
            "(SELECT outcome FROM trafficking_screenings s WHERE s.encounter_id = e.id AND s.voided = 0), "
            "(SELECT flags FROM trafficking_screenings s WHERE s.encounter_id = e.id AND s.voided = 0), "
            "e.review_status, "
            # issue 12: the TB outcome follows the consent to the TB screen (withdrawn = withheld) ...
            "EXISTS (SELECT 1 FROM consent_records w WHERE w.encounter_id = e.id AND w.purpose = 'tb_screen' "
            "AND w.withdrawn_at IS NOT NULL), "
            "(SELECT granted FROM consents c WHERE c.encounter_id = e.id AND c.purpose = 'sharing') "
            "FROM encounters e JOIN persons p ON p.id = e.person_id WHERE e.voided = 0 AND p.voided = 0 "
            # ... and a person who withdrew consent to sharing is left out of the next export
            "AND NOT EXISTS (SELECT 1 FROM consent_records w WHERE w.person_id = p.id AND w.purpose = 'sharing' "
            "AND w.target = '' AND w.withdrawn_at IS NOT NULL) "
            "ORDER BY e.arrival_at")
        n = 0
        # Streamed row by row (a million arrivals do not fit in memory as one string), so not files.write_atomic:
        # a temporary file beside the target, owner-only from its first byte (as write_atomic makes its own),
        # fsynced, renamed when complete.
        tmp = path.with_name(path.name + ".part")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            with os.fdopen(fd, "w", newline="", encoding="utf-8-sig") as f:
                w = csv.writer(f)
                w.writerow(_CSV_COLUMNS)
                for row in cur:
                    vals = list(row[:-2])
                    if row[-2] and vals[_TB_OUTCOME]:
                        vals[_TB_OUTCOME] = _WITHHELD_TB
                    if not row[-1]:
                        # Screening outcomes travel only with the person's consent to sharing: TB as well as
                        # trafficking (a TB result is health data).
                        for i in _SHARING_ONLY:
                            vals[i] = _WITHHELD if vals[i] else ""
                    w.writerow([_csv_safe(v) for v in vals])
                    n += 1
                f.flush()
                os.fsync(f.fileno())
            acl.restrict(tmp)           # Windows: owner, SYSTEM and the app's group (chmod does nothing there)
            files.replace(tmp, path)    # waits out a scanner holding the new file (Windows)
            files.fsync_dir(path.parent)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        with ctx.store.write():
            ctx.store.record("records.exported", "store", ctx.store.device_id, {"rows": n, "format": "csv"},
                             author=ctx.user.id)
        return Exported(path, n, Changes(events=True))

    def backup(self, out: str | os.PathLike[str]) -> BackedUp:
        """Copy the store, still encrypted, with SQLite's online backup API; the key file goes beside it as
        ``<out>.keys``. The copy is opened and integrity-checked before this returns."""
        ctx = self._ctx
        ctx.require(Permission.BACKUP)
        dest = Path(out)
        if dest.exists() or keyfile_path(dest).exists():
            raise ValidationError("out", "the file already exists; choose a new name")
        key = ctx.data_key()
        target = open_encrypted(dest, key, create=True)
        try:
            ctx.db.conn.backup(target.conn)
            stamp_backup(target, ctx.store, ctx.store.clock.now())     # issue 12: a backup carries its date
            target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            bad = [r[0] for r in target.execute("PRAGMA integrity_check").fetchall()]
            if bad != ["ok"]:
                raise StoreError("The backup copy failed its integrity check.")
        except BaseException:
            target.close()
            for s in ("", "-wal", "-shm"):
                Path(str(dest) + s).unlink(missing_ok=True)
            raise
        target.close()
        keys = keyfile_path(dest)
        KeyFile(keys, dict(ctx.keyfile.data, attempts={})).save()
        with ctx.store.write():
            ctx.store.record("store.backed_up", "store", ctx.store.device_id, {"to": dest.name},
                             author=ctx.user.id)
        return BackedUp(dest, keys, Changes(events=True))


def _csv_safe(v: object) -> str:
    """Spreadsheet-safe cell: a leading = + - @ would run as a formula in Excel."""
    s = "" if v is None else str(v)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s
