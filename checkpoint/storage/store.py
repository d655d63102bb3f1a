"""The encrypted store: one SQLCipher database, its key file, the event log and its projections.

Storage only: who may do what is decided in ``checkpoint.services``.

    >>> store = Store.open(path, data_key, clock=SystemClock())     # doctest: +SKIP
    >>> with store.write():                                           # doctest: +SKIP
    ...     store.record("user.created", "user", uid, {...}, author=uid)
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import uuid
import weakref
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from checkpoint import crypto, protection_section
from checkpoint.clock import Clock
from checkpoint.crypto import sealed as crypto_sealed
from checkpoint.errors import IntegrityViolation, StoreError
from checkpoint.events import AUTHOR_CONTEXT, EVENT_COLUMNS, GENESIS, HLC, canonical_json, event_hash, uuid7
from checkpoint.storage.codec import decode_payload, encode_payload
from checkpoint.storage.db import open_encrypted
from checkpoint.storage.projections import apply_event
from checkpoint.storage.schema import apply_migrations
from checkpoint.storage.walcheckpoint import BACKSTOP_PAGES, WalCheckpointer

__all__ = ["EVENT_COLUMNS", "Store", "insert_event", "keyfile_path"]

_INSERT_EVENT = (f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
                 f"VALUES ({', '.join('?' for _ in EVENT_COLUMNS)})")
_SIGNED_COLUMNS = (*EVENT_COLUMNS, "author_sig")
_INSERT_SIGNED = (f"INSERT INTO events ({', '.join(_SIGNED_COLUMNS)}) "
                  f"VALUES ({', '.join('?' for _ in _SIGNED_COLUMNS)})")


def insert_event(conn: Any, ev: dict[str, Any]) -> None:
    """Write one event row (payload given as JSON text, stored compressed). Projections are the caller's."""
    conn.execute(_INSERT_EVENT, [encode_payload(ev["payload"]) if c == "payload" else ev[c] for c in EVENT_COLUMNS])


def _seal_section(type_: str, event_id: str, payload: dict[str, Any], recipients: tuple[bytes, ...],
                  protection: bool) -> dict[str, Any]:
    """The payload with its protection section sealed (``checkpoint.protection_section``): the hash, the author's
    signature and the wire all carry the sealed form."""
    clear, section = protection_section.split(type_, payload, protection=protection)
    if not section:
        return payload
    blob = crypto_sealed.seal_for(recipients, canonical_json(section).encode(),
                                  context=protection_section.context(type_, event_id))
    return {**clear, protection_section.SEALED_KEY: base64.b64encode(blob).decode("ascii")}


def keyfile_path(db_path: str | os.PathLike[str]) -> Path:
    return Path(str(db_path) + ".keys")


@dataclass
class Store:
    path: Path
    db: sqlite_utils.Database
    clock: Clock
    device_id: str
    hlc: HLC = field(default_factory=HLC)
    data_key: bytes = field(default=b"", repr=False)
    # The signed-in user's id and own Ed25519 private key: ``record`` signs the events she authors with it (the
    # session sets it after unwrapping it from her key slot; closing forgets it).
    signer: tuple[str, bytes] | None = field(default=None, repr=False)
    # The public X25519 keys every protection section this store writes is sealed to (issue 10, point 11: the
    # checkpoint's protection key, the signed-in user's own key, HQ's exchange key); set by the session at sign-in
    # (``checkpoint.services.protection``). Empty: sections are written in clear (a store whose protection key
    # does not exist yet).
    section_recipients: tuple[bytes, ...] = field(default=(), repr=False)
    # Folds the WAL into the database between saves, off the save path (``checkpoint.storage.walcheckpoint``).
    _wal: WalCheckpointer | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.data_key:
            self._start_wal_checkpointer()

    def _start_wal_checkpointer(self) -> None:
        self.db.execute(f"PRAGMA wal_autocheckpoint = {BACKSTOP_PAGES}")
        self._wal = WalCheckpointer(self.path, self.data_key)
        weakref.finalize(self, self._wal.stop, join=False)

    def _stop_wal_checkpointer(self) -> None:
        if self._wal is not None:
            self._wal.stop()
            self._wal = None

    def checkpoint_wal(self, mode: str = "TRUNCATE") -> tuple[int, int, int]:
        """Fold the WAL into the database on this connection now (``PRAGMA wal_checkpoint``), waiting for a
        background checkpoint that is running; returns SQLite's (busy, log frames, checkpointed frames)."""
        if mode not in ("PASSIVE", "FULL", "RESTART", "TRUNCATE"):
            raise StoreError(f"Unknown checkpoint mode {mode!r}.")
        with self._wal.paused() if self._wal is not None else contextlib.nullcontext():
            row = self.db.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def create(cls, path: str | os.PathLike[str], key: bytes, *, clock: Clock, meta: dict[str, str]) -> Store:
        """Create a new encrypted store with the current schema and its meta values."""
        db = open_encrypted(path, key, create=True)
        try:
            apply_migrations(db)
            device_id = str(uuid.uuid4())
            with db.atomic():
                for k, v in {**meta, "device_id": device_id, "store_created_at": clock.now().isoformat()}.items():
                    db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [k, v])
        except BaseException:
            db.close()
            raise
        return cls(Path(path), db, clock, device_id, HLC(), key)

    @classmethod
    def open(cls, path: str | os.PathLike[str], key: bytes, *, clock: Clock) -> Store:
        """Open an existing store with its data key and bring its schema up to date."""
        db = open_encrypted(path, key)
        try:
            apply_migrations(db)
            row = db.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
            if row is None:
                raise StoreError("This store has no device id: it is damaged or was not made by Checkpoint.")
            last = db.execute("SELECT max(hlc) FROM events").fetchone()[0]
        except BaseException:
            db.close()
            raise
        return cls(Path(path), db, clock, row[0], HLC(last), key)

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt the whole database under ``new_key`` (SQLCipher's ``PRAGMA rekey``: one transaction, so a
        power cut leaves it under the old key or the new one, never half). Other open connections to this store
        stop working: they hold the old key."""
        if len(new_key) != 32:
            raise StoreError("The database key must be 32 bytes.")
        if self.db.conn.in_transaction:
            raise StoreError("rekey() cannot run inside a transaction")
        self._stop_wal_checkpointer()         # its connection holds the old key
        self.db.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.data_key = new_key
        self._start_wal_checkpointer()

    def close(self) -> None:
        # Fold the WAL back into the main file so a copied .db is complete; closing must not fail on it.
        self._stop_wal_checkpointer()
        with contextlib.suppress(Exception):
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()
        self.data_key = b""
        self.signer = None

    # ------------------------------------------------------------------ meta
    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                        "excluded.value", [key, value])

    # ------------------------------------------------------------------ events
    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """A write transaction. The outermost one takes the write lock at once (BEGIN IMMEDIATE) so that the
        sequence number read inside it cannot race another process holding the same store (the CLI beside the
        app); nested ones are savepoints."""
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if self._wal is not None:
            self._wal.committed()

    def new_id(self) -> str:
        return uuid7(int(self.clock.now().timestamp() * 1000))

    def record(self, type_: str, entity_type: str, entity_id: str, payload: dict[str, Any], *, author: str,
               content_version: str = "", protection: bool = True) -> dict[str, Any]:
        """Append one event to the log and apply it to the projections.

        Must run inside ``write()`` so the event and the projections commit together (or neither does).
        """
        if not self.db.conn.in_transaction:
            raise StoreError("record() must run inside a transaction")
        conn = self.db.conn
        last = conn.execute("SELECT device_seq, hash FROM events WHERE device_id = ? ORDER BY device_seq DESC "
                            "LIMIT 1", [self.device_id]).fetchone()
        seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
        order = conn.execute("SELECT coalesce(max(local_order), 0) + 1 FROM events").fetchone()[0]
        now = self.clock.now()
        event_id = uuid7(int(now.timestamp() * 1000))
        if self.section_recipients and type_ in protection_section.SECTION_TYPES:
            if type_ == "referral.updated":       # only a protection referral's notes are the section's
                kind = conn.execute("SELECT kind FROM referrals WHERE id = ?",
                                    [str(payload.get("referral_id"))]).fetchone()
                protection = protection and kind is not None and kind[0] in protection_section.PROTECTION_KINDS
            payload = _seal_section(type_, event_id, payload, self.section_recipients, protection)
        ev: dict[str, Any] = {
            "id": event_id, "device_id": self.device_id, "device_seq": seq,
            "entity_type": entity_type, "entity_id": entity_id, "type": type_,
            "payload": canonical_json(payload), "author": author, "hlc": self.hlc.tick(int(now.timestamp() * 1000)),
            "content_version": content_version, "recorded_at": now.isoformat(timespec="milliseconds"),
            "prev_hash": prev,
        }
        ev["hash"] = event_hash(ev)
        ev["local_order"] = order
        signer = self.signer
        ev["author_sig"] = crypto.sign(signer[1], ev["hash"].encode(), context=AUTHOR_CONTEXT).hex() \
            if signer is not None and signer[0] == author else ""
        conn.execute(_INSERT_SIGNED, [encode_payload(ev["payload"]) if c == "payload" else ev[c]
                                      for c in _SIGNED_COLUMNS])
        apply_event(self.db, ev)
        return ev

    def events(self, *, where: str = "1", params: list[Any] | None = None,
               order: str = "local_order") -> Iterator[dict[str, Any]]:
        """Events as dicts with the payload as JSON text, in the order they were applied here."""
        cur = self.db.execute(f"SELECT * FROM events WHERE {where} ORDER BY {order}", params or [])
        cols = [d[0] for d in cur.description]
        for row in cur:
            ev = dict(zip(cols, row, strict=True))
            try:
                ev["payload"] = decode_payload(ev["payload"])
            except (zlib.error, UnicodeDecodeError):
                ev["payload"] = ""   # verify_chain reports it; the hash no longer matches either
            yield ev

    # ------------------------------------------------------------------ checks
    def verify_chain(self) -> list[str]:
        """Problems in the event log: a changed event (hash), a broken link, a gap in this device's sequence."""
        problems: list[str] = []
        expected_prev: dict[str, str] = {}
        expected_seq: dict[str, int] = {}
        # Events whose protection section was dropped after HQ acknowledged them keep their original hash: their
        # kept payload is checked against the minimisation that lists them (checkpoint.storage.minimise).
        try:
            minimised = {r[0] for r in self.db.execute("SELECT event_id FROM minimised_events")}
        except Exception:
            minimised = set()
        for ev in self.events(order="device_id, device_seq"):
            # An event whose protection section was sealed after it was written (``sealed_over``, store migration
            # 0014_protection) keeps its hash; checkpoint.services.protection.sealed_over_problems checks it instead.
            # A sealed event may later be minimised too: both checks then apply (minimised_problems checks what was
            # kept).
            if not ev.get("sealed_over") and ev["id"] not in minimised and event_hash(ev) != ev["hash"]:
                problems.append(f"event {ev['id']} (device seq {ev['device_seq']}) was altered")
            dev = ev["device_id"]
            if dev == self.device_id:
                seq = expected_seq.get(dev, 1)
                if ev["device_seq"] != seq:
                    problems.append(f"events {seq}..{ev['device_seq'] - 1} of this device are missing")
                if ev["prev_hash"] != expected_prev.get(dev, GENESIS):
                    problems.append(f"event {ev['id']} does not follow the previous event (broken chain)")
                expected_seq[dev] = ev["device_seq"] + 1
                expected_prev[dev] = ev["hash"]
            try:
                json.loads(ev["payload"])
            except ValueError:
                problems.append(f"event {ev['id']} has an unreadable payload")
        return problems

    def integrity_check(self) -> list[str]:
        rows = [r[0] for r in self.db.execute("PRAGMA integrity_check").fetchall()]
        problems = [] if rows == ["ok"] else [f"integrity_check: {r}" for r in rows]
        # SQLCipher's own check of every page's HMAC.
        problems += [f"cipher_integrity_check: {r[0]}" for r in
                     self.db.execute("PRAGMA cipher_integrity_check").fetchall()]
        return problems

    def assert_in_transaction(self) -> None:
        if not self.db.conn.in_transaction:
            raise IntegrityViolation("expected an open transaction")
