"""Data minimisation on the device (issue 12, point 6): the site's retention period, the minimisation pass, putting a
record fetched back from HQ in place, and the date a backup carries.

    >>> session.retention.set_period(30)                                  # supervisor; logged  # doctest: +SKIP
    >>> session.retention.minimise(dry_run=True).events                   # counts, nothing changed  # doctest: +SKIP
    412
    >>> restore_backup(backup, target, "dara", passphrase, clock=clock)   # refused when too old  # doctest: +SKIP

Once HQ has acknowledged a record and the period has passed since its last change, the pass drops its protection
section (``checkpoint.protection_section``: its fields in clear, or its sealed blob; plus
``checkpoint.storage.minimise.BEYOND_SECTION``) from the events and the projections, then folds and truncates the
WAL: with ``secure_delete`` on, the dropped text is overwritten in the database pages too. A record with an open
protection referral keeps its section until the referral closes. It runs when a supervisor signs in,
after a sync a supervisor runs, and from ``checkpoint-admin minimise``. Supervisors only (``Permission.MINIMISE``).

Raises PermissionDenied, ValidationError, NotFound, StoreError.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Final

from checkpoint import files
from checkpoint.clock import Clock
from checkpoint.errors import NotFound, ValidationError
from checkpoint.events import WIRE_FIELDS, event_hash
from checkpoint.model.roles import Permission
from checkpoint.services.base import Context
from checkpoint.services.chainhead import hq_head
from checkpoint.services.changes import Changes
from checkpoint.storage import minimise as mini
from checkpoint.storage.db import open_encrypted
from checkpoint.storage.keyfile import KeyFile
from checkpoint.storage.store import Store, keyfile_path

__all__ = ["DEFAULT_RETENTION_DAYS", "META_BACKUP_MADE_AT", "META_RETENTION_DAYS", "MSG_BACKUP_TOO_OLD",
           "MSG_BACKUP_UNDATED", "MSG_FETCH_REASON", "MSG_NOTHING_TO_FETCH", "Minimised", "Retention",
           "backup_date", "head_seq", "restore_backup"]

DEFAULT_RETENTION_DAYS = 30
MAX_RETENTION_DAYS = 3650
META_RETENTION_DAYS = "retention_days"
META_BACKUP_MADE_AT = "backup_made_at"        # written into each backup copy (``Maintenance.backup``)
CHUNK = 2000                                  # events listed per records.minimised event
AUTO_LIMIT = 1000                             # records per pass at sign-in / after a sync (about 3 s, measured)

MSG_BACKUP_TOO_OLD: Final = ("This backup is older than the site's retention period. Restoring it would bring back "
                             "protection data that was removed from this device after HQ acknowledged it. Nothing "
                             "was changed: ask HQ for the records you need instead.")
MSG_BACKUP_UNDATED: Final = ("This backup does not say when it was made (it is from an older version), so it may "
                             "hold protection data past the retention period. Nothing was changed.")
MSG_FETCH_REASON: Final = "Say why this case needs the record (HQ and this device both keep the reason)."
MSG_NOTHING_TO_FETCH: Final = "Nothing of this record was minimised: there is nothing to fetch back from HQ."
MSG_RETENTION_DAYS: Final = "The retention period must be a whole number of days from 1 to 3650."


@dataclass(frozen=True)
class Minimised:
    """What a pass did (or, with ``dry_run``, would do): persons and events minimised, persons kept whole and why
    (``kept``: open_referral, not_acknowledged, within_period, fetched_back), whether the WAL was folded back and
    truncated, and how long it took."""

    persons: int
    events: int
    kept: dict[str, int]
    dry_run: bool
    wal_truncated: bool
    seconds: float
    changes: Changes


def head_seq(store: Store) -> int | None:
    """The sequence number of the chain head HQ last acknowledged (signed) for this device, or None."""
    kept = hq_head(store)
    seq = kept["head"].get("seq") if kept else None
    return seq if isinstance(seq, int) and seq >= 0 else None


class Retention:
    """``session.retention``: the retention period, the minimisation pass, a record fetched back from HQ."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    # ------------------------------------------------------------------ the period
    def period_days(self) -> int:
        """Days after HQ acknowledged a record before its protection section leaves this device (default 30)."""
        return _days(self._ctx.store.meta(META_RETENTION_DAYS))

    def set_period(self, days: int) -> Changes:
        """Set the retention period (supervisor, ``Permission.SITE_SETTINGS``); logged as ``site.retention_set``."""
        ctx = self._ctx
        ctx.require(Permission.SITE_SETTINGS)
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_RETENTION_DAYS:
            raise ValidationError("days", MSG_RETENTION_DAYS)
        with ctx.store.write():
            ctx.store.set_meta(META_RETENTION_DAYS, str(days))
            ctx.store.record("site.retention_set", "store", ctx.store.device_id, {"days": days}, author=ctx.user.id)
        return Changes(events=True)

    # ------------------------------------------------------------------ the pass
    def minimise(self, *, dry_run: bool = False, limit: int = 0) -> Minimised:
        """Drop the protection section of every record HQ acknowledged more than the period ago (see the module).
        ``dry_run``: count only, change nothing. ``limit``: at most that many records this time (0: all; the rest
        are counted as ``kept["next_pass"]``)."""
        ctx = self._ctx
        ctx.require(Permission.MINIMISE)
        store = ctx.store
        started = time.perf_counter()
        now = store.clock.now()
        cutoff = (now - timedelta(days=self.period_days())).isoformat(timespec="milliseconds")
        head = head_seq(store)
        p = mini.plan(store, cutoff=cutoff, now=now.isoformat(timespec="milliseconds"),
                      head_seq=head if head is not None else 0, replay=not dry_run, limit=limit)
        kept = dict(p.kept)
        if p.failed:
            kept["not_replayable"] = p.failed
        if dry_run or not p.events:
            return Minimised(len(p.persons), len(p.events), kept, dry_run, False, time.perf_counter() - started,
                             Changes())
        at = now.isoformat(timespec="milliseconds")
        with store.write():
            first = ""
            for i in range(0, len(p.events), CHUNK):
                part = p.events[i:i + CHUNK]
                ev = store.record("records.minimised", "store", store.device_id,
                                  {"events": [[e[0], e[4], e[3]] for e in part], "period_days": self.period_days(),
                                   "persons": len({e[1] for e in part})}, author=ctx.user.id)
                sub = mini.Plan(events=part, columns={} if i + CHUNK < len(p.events) else p.columns)
                mini.apply_plan(store, sub, by_event=ev["id"], at=at)
                first = first or ev["id"]
        truncated = _scrub(store)
        return Minimised(len(p.persons), len(p.events), kept, False, truncated, time.perf_counter() - started,
                         Changes(persons=True, encounters=True, referrals=True, events=True))

    def auto(self) -> Minimised | None:
        """The pass at a supervisor's sign-in and after her sync: runs only for a role that may (None otherwise),
        at most ``AUTO_LIMIT`` records at a time (a few seconds: the first pass on a large store is left to the
        next sign-ins or to ``checkpoint-admin minimise``), and never lets a failure of its own stop the sign-in or
        the sync (it is tried again next time)."""
        if not self._ctx.may(Permission.MINIMISE):
            return None
        try:
            return self.minimise(limit=AUTO_LIMIT)
        except Exception:
            return None

    # ------------------------------------------------------------------ one record
    def minimised_events(self, person_id: str) -> list[str]:
        """Ids of this person's events whose protection section was dropped (supervisor)."""
        ctx = self._ctx
        ctx.require(Permission.MINIMISE)
        return [r[0] for r in ctx.db.execute("SELECT event_id FROM minimised_events WHERE person_id = ? "
                                             "ORDER BY event_id", [person_id])]

    def check_fetch(self, person_id: str, reason: str) -> str:
        """Before asking HQ: may this user fetch ``person_id`` back, is there anything to fetch, is there a reason.
        Returns the reason, trimmed. Raises PermissionDenied, ValidationError, NotFound."""
        ctx = self._ctx
        ctx.require(Permission.MINIMISE)
        reason = (reason or "").strip() if isinstance(reason, str) else ""
        if not reason or len(reason) > 500:
            raise ValidationError("reason", MSG_FETCH_REASON)
        if not self.minimised_events(person_id):
            raise NotFound(MSG_NOTHING_TO_FETCH)
        return reason

    def restore_from_hq(self, person_id: str, reason: str, events: list[Any]) -> Changes:
        """Put back the original payloads HQ sent for ``person_id``'s minimised events: each is taken only when its
        event hash is the one this device kept (so HQ cannot send anything else), the person's projections are
        replayed, the record is kept whole for another retention period, and ``records.fetched_back`` logs who,
        why and which events. Raises ValidationError when HQ's answer gives back nothing this device can check."""
        ctx = self._ctx
        reason = self.check_fetch(person_id, reason)
        wanted = set(self.minimised_events(person_id))
        originals: dict[str, str] = {}
        for ev in events:
            if not isinstance(ev, dict) or ev.get("id") not in wanted or not isinstance(ev.get("payload"), str):
                continue
            row = ctx.db.execute(f"SELECT {', '.join(WIRE_FIELDS)} FROM events WHERE id = ?", [ev["id"]]).fetchone()
            local = dict(zip(WIRE_FIELDS, row, strict=True))
            candidate = {**local, "payload": ev["payload"]}
            if event_hash(candidate) == local["hash"]:
                originals[str(ev["id"])] = ev["payload"]
        if not originals:
            raise ValidationError("events", "HQ's answer holds none of this record's minimised events as they were.")
        store = ctx.store
        now = store.clock.now()
        until = (now + timedelta(days=self.period_days())).isoformat(timespec="milliseconds")
        with store.write():
            ev = store.record("records.fetched_back", "store", store.device_id,
                              {"person_id": person_id, "reason": reason, "events": sorted(originals)},
                              author=ctx.user.id)
            mini.restore_payloads(store, person_id, originals)
            store.db.execute("INSERT INTO retention_holds (person_id, until, by_event) VALUES (?, ?, ?) "
                             "ON CONFLICT(person_id) DO UPDATE SET until = excluded.until, "
                             "by_event = excluded.by_event",
                             [person_id, until, ev["id"]])
        return Changes(persons=True, encounters=True, referrals=True, events=True)


def _days(value: str | None) -> int:
    try:
        n = int(value or DEFAULT_RETENTION_DAYS)
    except ValueError:
        return DEFAULT_RETENTION_DAYS
    return n if 1 <= n <= MAX_RETENTION_DAYS else DEFAULT_RETENTION_DAYS


def _scrub(store: Store) -> bool:
    """Fold the WAL into the database and truncate it (with ``secure_delete`` on, what was dropped is overwritten
    in the pages). False when another connection's reader kept frames in the WAL (the next pass tries again)."""
    try:
        busy, _log, _done = store.checkpoint_wal("TRUNCATE")    # waits for a background checkpoint running
    except Exception:
        return False
    return bool(busy == 0)


# ---------------------------------------------------------------------------------------------------- backups
def backup_date(backup: str | os.PathLike[str], data_key: bytes) -> tuple[datetime | None, int]:
    """When a backup was made (None: it does not say) and the retention period it was made under."""
    db = open_encrypted(backup, data_key)
    try:
        made = db.execute("SELECT value FROM meta WHERE key = ?", [META_BACKUP_MADE_AT]).fetchone()
        days = db.execute("SELECT value FROM meta WHERE key = ?", [META_RETENTION_DAYS]).fetchone()
    finally:
        db.close()
    try:
        when = datetime.fromisoformat(made[0]) if made else None
    except ValueError:
        when = None
    return when, _days(days[0] if days else None)


def restore_backup(backup: str | os.PathLike[str], target: str | os.PathLike[str], username: str, passphrase: str,
                   *, clock: Clock) -> Path:
    """Restore a backup (its ``.db`` and ``.db.keys``) as the store at ``target``, which must not exist yet. The
    backup is opened with ``username``'s passphrase from its own key file to read its date: one older than the
    retention period it was made under, or without a date, is refused (ValidationError, translated) and nothing is
    written. Raises WrongPassphrase, ValidationError, StoreError."""
    src, dest = Path(backup), Path(target)
    if not src.is_file() or not keyfile_path(src).is_file():
        raise ValidationError("backup", "No backup there (the .db file and its .db.keys file beside it are needed).")
    if dest.exists() or keyfile_path(dest).exists():
        raise ValidationError("target", "A store already exists there: move it aside first, or choose another place.")
    kf = KeyFile.load(keyfile_path(src))
    _uid, key = kf.unwrap_for_user(username, passphrase, now=time.time)
    made, days = backup_date(src, key)
    if made is None:
        raise ValidationError("backup", MSG_BACKUP_UNDATED)
    if clock.now() - made > timedelta(days=days):
        raise ValidationError("backup", MSG_BACKUP_TOO_OLD)
    parts: list[Path] = []
    try:
        for a, b in ((src, dest), (keyfile_path(src), keyfile_path(dest))):
            tmp = b.with_name(b.name + ".part")
            parts.append(tmp)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            with os.fdopen(fd, "wb") as out, open(a, "rb") as inp:
                shutil.copyfileobj(inp, out)
                out.flush()
                os.fsync(out.fileno())
        for tmp, b in zip(parts, (dest, keyfile_path(dest)), strict=True):
            files.replace(tmp, b)
        files.fsync_dir(dest.parent)
    except BaseException:
        for tmp in parts:
            tmp.unlink(missing_ok=True)
        for b in (dest, keyfile_path(dest)):
            with contextlib.suppress(OSError):
                if b.exists() and not parts:
                    b.unlink()
        raise
    return dest


def stamp_backup(db: Any, store: Store, now: datetime) -> None:
    """Write the backup's date and the retention period it was made under into the backup copy ``db``."""
    for k, v in ((META_BACKUP_MADE_AT, now.isoformat(timespec="seconds")),
                 (META_RETENTION_DAYS, str(_days(store.meta(META_RETENTION_DAYS))))):
        db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   [k, v])

