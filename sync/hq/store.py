"""The HQ store: SQLAlchemy Core tables, the engine (SQLite by default, PostgreSQL in production), migrations.

Storage only: what HQ decides about a batch is in ``sync.hq.ingest``; the helpers at the end run inside a
caller's transaction (``conn``).

    >>> store = HQStore.open("sqlite:///hq.db")          # runs `alembic upgrade head`   # doctest: +SKIP
    >>> with store.write() as conn:                       # one transaction               # doctest: +SKIP
    ...     conn.execute(events.insert(), rows)

Tables (the schema is created by the Alembic revision in ``migrations/versions``; a test checks that it matches
the tables declared here):

- ``events`` holds only events HQ took in (status ``accepted`` or ``held``): ``(device_id, device_seq)`` is
  unique among them because everything else (``quarantine``, ``conflicts``) lives in its own table.
  ``ingest_seq`` orders events as they become visible (accepted, or a held event released).
- ``persons`` says which checkpoint registered each person (the checkpoint whose device wrote the event that
  created it) and whether the person consents to sharing (as last recorded); ``records`` which person each
  encounter, screening and referral HQ holds belongs to (an event naming a record of another person is refused).
- A person's followers (the pull scope) are the registering checkpoint (``persons.checkpoint_id``) and those HQ
  linked explicitly (``checkpoint_entities``, each link a journal line). HQ decides it, never a device by
  writing about a person. ``pull_feed`` is each checkpoint's stream of visible events about
  its persons, and its ``seq`` is the pull cursor; a checkpoint other than the registering one gets a person's
  events only while the person consents to sharing. A link appends the person's events so far to the linked
  checkpoint's feed.
- Sequence numbers come from the ``counters`` row, which a batch's transaction holds until it commits, so a
  cursor never skips an event that commits late (a plain sequence can commit out of order on PostgreSQL).
- ``batches`` + ``batch_digests`` record every batch and the exact signed ack sent for it (a replay gets the
  same bytes).

Raises StoreError (a plain message) when the database cannot be reached or migrated.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Connection, Engine

from checkpoint.clock import Clock
from checkpoint.errors import StoreError
from sync.errors import DeviceRevoked, DeviceUnknown
from sync.hq.config import DEFAULT_DB_URL

__all__ = [
    "METADATA",
    "HQStore",
    "active_device",
    "add_journal",
    "batch_digests",
    "batches",
    "bulk_insert",
    "checkpoint_entities",
    "checkpoints",
    "conflicts",
    "counter",
    "counters",
    "devices",
    "enroll_tokens",
    "events",
    "fact_arrivals",
    "fact_cube",
    "fact_referrals",
    "get_meta",
    "insert_ignore",
    "journal",
    "meta",
    "persons",
    "plain_error",
    "pull_feed",
    "quarantine",
    "records",
    "reserve",
    "set_meta",
    "timestamp",
    "upsert_add",
]

ALEMBIC_INI = Path(__file__).with_name("alembic.ini")

METADATA = sa.MetaData()

meta = sa.Table(
    "meta", METADATA,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

counters = sa.Table(
    "counters", METADATA,
    sa.Column("name", sa.String(32), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

checkpoints = sa.Table(
    "checkpoints", METADATA,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(80), nullable=False),
    sa.Column("name_key", sa.String(80), nullable=False, unique=True),
    sa.Column("created_at", sa.String(40), nullable=False),
)

devices = sa.Table(
    "devices", METADATA,
    sa.Column("device_id", sa.String(64), primary_key=True),
    sa.Column("store_id", sa.String(64), nullable=False),
    sa.Column("checkpoint_id", sa.String(36), sa.ForeignKey("checkpoints.id"), nullable=False, index=True),
    sa.Column("checkpoint_name", sa.String(80), nullable=False),
    sa.Column("station_id", sa.String(80), nullable=False),
    sa.Column("signing_public", sa.String(64), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),            # active | revoked
    sa.Column("enrolled_at", sa.String(40), nullable=False),
    sa.Column("enrollments", sa.Integer, nullable=False),
    sa.Column("revoked_at", sa.String(40), nullable=False, server_default=""),
    sa.Column("revoke_reason", sa.Text, nullable=False, server_default=""),
    sa.Column("contiguous_seq", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("last_batch_id", sa.String(64), nullable=False, server_default=""),
    sa.Column("last_seen_at", sa.String(40), nullable=False, server_default=""),
)

enroll_tokens = sa.Table(
    "enroll_tokens", METADATA,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("checkpoint_id", sa.String(36), sa.ForeignKey("checkpoints.id"), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("expires_at", sa.String(40), nullable=False),
    sa.Column("used_at", sa.String(40), nullable=False, server_default=""),
    sa.Column("used_by", sa.String(64), nullable=False, server_default=""),
)

batches = sa.Table(
    "batches", METADATA,
    sa.Column("batch_id", sa.String(64), primary_key=True),
    sa.Column("device_id", sa.String(64), sa.ForeignKey("devices.device_id"), nullable=False, index=True),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("prev_sha256", sa.String(64), nullable=False),
    sa.Column("first_seq", sa.BigInteger, nullable=False),
    sa.Column("last_seq", sa.BigInteger, nullable=False),
    sa.Column("count", sa.Integer, nullable=False),
    sa.Column("received_at", sa.String(40), nullable=False),
    sa.Column("via", sa.String(16), nullable=False),
    sa.Column("chain_ok", sa.Boolean, nullable=False),
    sa.Column("chain_note", sa.Text, nullable=False),
    sa.Column("verdicts", sa.Text, nullable=False),                # JSON counts per verdict
    sa.Column("ack", sa.LargeBinary, nullable=False),              # the exact signed ack sent back
)

batch_digests = sa.Table(
    "batch_digests", METADATA,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("batch_id", sa.String(64), sa.ForeignKey("batches.batch_id"), nullable=False, index=True),
)

events = sa.Table(
    "events", METADATA,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("device_id", sa.String(64), nullable=False),
    sa.Column("device_seq", sa.BigInteger, nullable=False),
    sa.Column("entity_type", sa.String(32), nullable=False),
    sa.Column("entity_id", sa.String(64), nullable=False, index=True),
    sa.Column("type", sa.String(64), nullable=False, index=True),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("author", sa.String(64), nullable=False),
    sa.Column("hlc", sa.String(32), nullable=False),
    sa.Column("content_version", sa.String(64), nullable=False),
    sa.Column("recorded_at", sa.String(40), nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),            # accepted | held
    sa.Column("ingest_seq", sa.BigInteger, nullable=True, unique=True),
    sa.Column("batch_id", sa.String(64), nullable=False),
    sa.Column("received_at", sa.String(40), nullable=False),
    sa.Column("released_at", sa.String(40), nullable=False, server_default=""),
    sa.UniqueConstraint("device_id", "device_seq", name="uq_events_device_seq"),
)

checkpoint_entities = sa.Table(
    "checkpoint_entities", METADATA,
    sa.Column("checkpoint_id", sa.String(36), primary_key=True),
    sa.Column("entity_id", sa.String(64), primary_key=True, index=True),     # a checkpoint HQ linked to a person
    sa.Column("how", sa.String(16), nullable=False, server_default="linked"),
)

persons = sa.Table(
    "persons", METADATA,
    sa.Column("person_id", sa.String(64), primary_key=True),
    sa.Column("checkpoint_id", sa.String(36), nullable=False),      # the registering checkpoint
    sa.Column("sharing", sa.Boolean, nullable=False),               # consent to sharing, as last recorded
    sa.Column("registered_event", sa.String(64), nullable=False),
)

records = sa.Table(
    "records", METADATA,
    sa.Column("record_id", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),               # encounter | trafficking_screening | ...
    sa.Column("person_id", sa.String(64), nullable=False),
)

pull_feed = sa.Table(
    "pull_feed", METADATA,
    sa.Column("checkpoint_id", sa.String(36), primary_key=True),
    sa.Column("seq", sa.BigInteger, primary_key=True),
    sa.Column("event_id", sa.String(64), nullable=False),
)

quarantine = sa.Table(
    "quarantine", METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("device_id", sa.String(64), nullable=False),
    sa.Column("batch_id", sa.String(64), nullable=False),
    sa.Column("event_id", sa.String(200), nullable=False),
    sa.Column("device_seq", sa.BigInteger, nullable=True),         # when readable: it still fills a gap
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("raw", sa.Text, nullable=False),
    sa.Column("raw_sha256", sa.String(64), nullable=False),
    sa.Column("received_at", sa.String(40), nullable=False),
    sa.UniqueConstraint("device_id", "raw_sha256", name="uq_quarantine_raw"),
    sa.Index("ix_quarantine_device_seq", "device_id", "device_seq"),
)

conflicts = sa.Table(
    "conflicts", METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False),
    sa.Column("device_id", sa.String(64), nullable=False),
    sa.Column("batch_id", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("existing_hash", sa.String(64), nullable=False),
    sa.Column("raw", sa.Text, nullable=False),
    sa.Column("received_at", sa.String(40), nullable=False),
    sa.UniqueConstraint("event_id", "hash", name="uq_conflicts_event_hash"),
)

journal = sa.Table(
    "journal", METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("device_id", sa.String(64), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
)

# The reporting projection (``sync.hq.facts`` keeps it; ``sync.hq.reports`` reads it): what reports need and
# nothing that identifies anyone (no name, document, phone, date of birth, village or free text). One row per
# arrival (encounter) and per referral, kept up to date by the corrections HQ takes in; ``voided`` rows stay.
fact_arrivals = sa.Table(
    "fact_arrivals", METADATA,
    sa.Column("encounter_id", sa.String(64), primary_key=True),
    sa.Column("person_id", sa.String(64), nullable=False, index=True),
    sa.Column("checkpoint_id", sa.String(36), nullable=False),
    sa.Column("arrival_date", sa.String(10), nullable=False),      # local date (UTC+7), YYYY-MM-DD; "" unknown
    sa.Column("sex", sa.String(16), nullable=False),               # F M X UNKNOWN
    sa.Column("age", sa.Integer, nullable=True),                   # at arrival; None unknown
    sa.Column("age_group", sa.String(8), nullable=False),          # CTDC ageBroad: 0-8 9-17 ... 48+ | unknown
    sa.Column("sex_age", sa.String(8), nullable=False),            # man woman boy girl other unknown
    sa.Column("province", sa.String(32), nullable=False),          # destination (home) province code
    sa.Column("district", sa.String(32), nullable=False),          # destination (home) district code
    sa.Column("country", sa.String(32), nullable=False),           # country returned from (of work)
    sa.Column("return_type", sa.String(32), nullable=False),
    sa.Column("sector", sa.String(32), nullable=False),            # sector of work abroad (ISIC / local)
    sa.Column("exploitation", sa.String(64), nullable=False),      # type of exploitation when known, else ""
    sa.Column("trafficking_screening_id", sa.String(64), nullable=False),   # "" when not screened (or voided)
    sa.Column("trafficking_outcome", sa.String(32), nullable=False),        # PRESUMED_VICTIM | NOT_INDICATED | ""
    sa.Column("child_protection", sa.Boolean, nullable=False),
    sa.Column("tb_screening_id", sa.String(64), nullable=False),
    sa.Column("tb_outcome", sa.String(32), nullable=False),
    sa.Column("tb_presumptive", sa.Boolean, nullable=False),
    sa.Column("voided", sa.Boolean, nullable=False),               # the arrival or its person was voided
    # Its live referrals, summed here so a report reads one table (fact_referrals holds each one):
    sa.Column("ref_protection", sa.Integer, nullable=False),
    sa.Column("ref_child_protection", sa.Integer, nullable=False),
    sa.Column("ref_health", sa.Integer, nullable=False),
    sa.Column("tb_stage", sa.Integer, nullable=False),             # furthest TB stage a health referral reached
    sa.Column("tb_diagnosed", sa.Boolean, nullable=False),         # ... diagnosed TB (bacteriological/clinical)
    sa.Column("tb_lost", sa.Boolean, nullable=False),              # ... lost to follow-up
    sa.Column("ref_keys", sa.Text, nullable=False),                # its live referrals: kind/agency/status|...
    # issue 12 (migration 0007_report_facts2): the safety rule triggered and named referrals
    sa.Column("safety_referral", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Index("ix_fact_arrivals_date", "arrival_date", "checkpoint_id"),
)

# What reports sum: per local day, checkpoint, dimension and category, each indicator's count over the arrivals
# that are not voided (``sync.hq.facts.CUBE_MEASURES``), kept by adding each change's difference.
fact_cube = sa.Table(
    "fact_cube", METADATA,
    sa.Column("arrival_date", sa.String(10), primary_key=True),
    sa.Column("checkpoint_id", sa.String(36), primary_key=True),
    sa.Column("dimension", sa.String(24), primary_key=True),
    sa.Column("category", sa.String(160), primary_key=True),
    *(sa.Column(m, sa.Integer, nullable=False) for m in (
        "arrivals", "trafficking_screened", "trafficking_indicators", "child_protection", "referrals_protection",
        "referrals_child_protection", "referrals_health", "tb_screened", "tb_screen_positive", "tb_presumptive",
        "referred", "arrived", "cxr_done", "xpert_done", "diagnosed", "treatment_started", "diagnosed_tb",
        "lost_to_follow_up", "referrals", "trafficking_referrals")),
    sa.Column("safety_referrals", sa.Integer, nullable=False, server_default="0"),   # 0007_report_facts2
)

fact_referrals = sa.Table(
    "fact_referrals", METADATA,
    sa.Column("referral_id", sa.String(64), primary_key=True),
    sa.Column("encounter_id", sa.String(64), nullable=False, index=True),
    sa.Column("person_id", sa.String(64), nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),              # protection | child_protection | health
    sa.Column("agency", sa.String(64), nullable=False),            # agency or facility code
    sa.Column("status", sa.String(32), nullable=False),            # the latest status
    sa.Column("cxr_result", sa.String(40), nullable=False),
    sa.Column("xpert_result", sa.String(40), nullable=False),
    sa.Column("diagnosis", sa.String(40), nullable=False),
    sa.Column("treatment_started", sa.Boolean, nullable=False),
    sa.Column("reached", sa.String(32), nullable=False),           # the furthest TB stage ever reached
    sa.Column("voided", sa.Boolean, nullable=False),
)

# Rows every store starts with (inserted by the first migration).
INITIAL_COUNTERS = ({"name": "ingest_seq", "value": 0}, {"name": "reference", "value": 1})

_PG_MIGRATION_LOCK = 0x43504851   # "CPHQ": one migrator at a time on PostgreSQL


def _engine(url: str) -> Engine:
    try:
        parsed = sa.make_url(url)
    except (sa.exc.ArgumentError, ValueError):
        raise StoreError(f"Not a database URL: {url!r} (e.g. sqlite:///hq.db or postgresql+psycopg://...).") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            raise StoreError("HQ needs a database file (sqlite:///hq.db), not an in-memory SQLite database.")
        db_file = Path(parsed.database)
        db_file.parent.mkdir(parents=True, exist_ok=True)
        if not db_file.exists():
            # It will hold personal data: only the server's account may read it (SQLite gives its -wal and
            # -shm files the same mode).
            os.close(os.open(db_file, os.O_WRONLY | os.O_CREAT, 0o600))
        engine = sa.create_engine(parsed, connect_args={"timeout": 30, "check_same_thread": False})

        @sa_event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None          # we say BEGIN ourselves (below)
            cur = dbapi_conn.cursor()
            # synchronous = FULL (not NORMAL): a commit is on disk before its ack is sent, and a device never sends
            # an acknowledged event again, so a power cut must not roll back a batch HQ has acknowledged.
            # cache_size: 64 MiB of pages (SQLite's default is 2 MiB), so the random-key index inserts of a
            # batch (records, persons, events by person) find their pages in memory as the tables grow.
            # wal_autocheckpoint = 0: no checkpoint inside a commit; HQStore.write has one run in the background
            # after each commit (sync.hq.checkpointer). journal_size_limit: the -wal file shrinks back after one.
            for pragma in ("journal_mode = WAL", "foreign_keys = ON", "busy_timeout = 30000",
                           "synchronous = FULL", "cache_size = -65536", "wal_autocheckpoint = 0",
                           "journal_size_limit = 67108864"):
                cur.execute(f"PRAGMA {pragma}")
            cur.close()

        @sa_event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # A writer takes the write lock at once: two deferred transactions that both read and then write
            # would otherwise fail with "database is locked" instead of waiting (busy_timeout).
            mode = "IMMEDIATE" if conn.get_execution_options().get("hq_write") else "DEFERRED"
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine
    if backend == "postgresql":
        try:
            return sa.create_engine(parsed, pool_pre_ping=True, pool_size=8, max_overflow=8)
        except ImportError as e:
            raise StoreError(f"The PostgreSQL driver is missing: {e}.") from None
    raise StoreError(f"Unsupported database {backend!r}: use sqlite:///FILE or postgresql+psycopg://...")


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Any:
    """The Alembic configuration of the HQ store (``sync/hq/alembic.ini``), bound to a connection."""
    from alembic.config import Config

    cfg = Config(str(ALEMBIC_INI))
    cfg.set_main_option("script_location", str(ALEMBIC_INI.parent / "migrations"))
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


class HQStore:
    """An engine over the HQ database plus transaction helpers. Thread-safe (one connection per call)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        # The key that seals the dashboard accounts' TOTP secrets (sync.hq.sealed), never stored in the database:
        # HQService derives it from HQ's keys when it is given them.
        self.totp_key: bytes | None = None
        # SQLite allows one writer at a time anyway; a process-local lock saves threads from spinning on it.
        self._write_lock = threading.Lock() if self.dialect == "sqlite" else None

    @classmethod
    def open(cls, url: str = DEFAULT_DB_URL, *, migrate: bool = True) -> HQStore:
        """Connect (and by default bring the schema to the latest revision). Raises StoreError."""
        store = cls(_engine(url))
        try:
            if migrate:
                store.migrate()
            else:
                with store.read() as conn:
                    conn.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError as e:
            store.close()
            raise StoreError(f"The HQ database cannot be used: {plain_error(e)}") from None
        return store

    def close(self) -> None:
        if self.dialect == "sqlite":
            from sync.hq import checkpointer

            checkpointer.forget(self)
        self.engine.dispose()

    def migrate(self) -> str:
        """`alembic upgrade head` in one transaction; returns the revision now current."""
        from alembic import command
        from alembic.runtime.migration import MigrationContext

        with self.write() as conn:
            if self.dialect == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            command.upgrade(alembic_config(conn), "head")
            rev = MigrationContext.configure(conn).get_current_revision()
        return rev or ""

    def revision(self) -> str:
        from alembic.runtime.migration import MigrationContext

        with self.read() as conn:
            return MigrationContext.configure(conn).get_current_revision() or ""

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite); commits on success, rolls back on any error."""
        lock = self._write_lock or contextlib.nullcontext()
        with lock, self.engine.connect().execution_options(hq_write=True) as conn, conn.begin():
            yield conn
        if self.dialect == "sqlite":         # committed: copy the WAL back into the database in the background
            from sync.hq import checkpointer

            checkpointer.kick(self)

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """One read transaction (a consistent snapshot on SQLite's WAL)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn


# ------------------------------------------------------------------------------------------------ in a transaction
def insert_ignore(conn: Connection, table: sa.Table) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING for this connection's dialect (idempotent bookkeeping rows)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing()


def upsert_add(conn: Connection, table: sa.Table, rows: Sequence[Mapping[str, Any]], keys: Sequence[str],
               measures: Sequence[str]) -> None:
    """Add each row's ``measures`` to the row with the same ``keys`` (inserted if missing), in the caller's
    transaction: ``INSERT ... ON CONFLICT (keys) DO UPDATE SET m = m + excluded.m`` (the same on SQLite and
    PostgreSQL)."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt: Any = pg_insert(table)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(table)
    stmt = stmt.on_conflict_do_update(index_elements=list(keys),
                                      set_={m: table.c[m] + stmt.excluded[m] for m in measures})
    conn.execute(stmt, list(rows))


def bulk_insert(conn: Connection, table: sa.Table, rows: Sequence[Mapping[str, Any]] | Sequence[tuple[Any, ...]],
                columns: Sequence[str] | None = None) -> None:
    """Insert many rows fast, in the caller's transaction: COPY on PostgreSQL, a plain DB-API executemany on
    SQLite (no per-row SQLAlchemy parameter processing; the values must already be plain str/int/None).

    ``rows`` are mappings of every column of ``table``, or, with ``columns``, tuples in that order (no per-row
    dict to build and take apart again: what a 5,000-event batch does)."""
    if not rows:
        return
    if columns is None:
        cols = [c.name for c in table.columns]
        values = [tuple(r[c] for c in cols) for r in cast("Sequence[Mapping[str, Any]]", rows)]
    else:
        cols, values = list(columns), cast("list[tuple[Any, ...]]", rows if isinstance(rows, list) else list(rows))
    if conn.dialect.name == "postgresql":
        raw: Any = conn.connection.dbapi_connection        # the psycopg connection, in this transaction
        with raw.cursor() as cur, cur.copy(f"COPY {table.name} ({', '.join(cols)}) FROM STDIN") as copy:
            for v in values:
                copy.write_row(v)
        return
    conn.exec_driver_sql(f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                         values)


def reserve(conn: Connection, name: str, n: int) -> int:
    """Take ``n`` numbers from a counter; returns the first. Holds the counter's row lock until commit."""
    row = conn.execute(counters.update().where(counters.c.name == name)
                       .values(value=counters.c.value + n).returning(counters.c.value)).one()
    return int(row[0]) - n + 1


def counter(conn: Connection, name: str) -> int:
    return int(conn.execute(sa.select(counters.c.value).where(counters.c.name == name)).scalar_one())


def get_meta(conn: Connection, key: str) -> str | None:
    v = conn.execute(sa.select(meta.c.value).where(meta.c.key == key)).scalar_one_or_none()
    return None if v is None else str(v)


def set_meta(conn: Connection, key: str, value: str) -> None:
    if conn.execute(meta.update().where(meta.c.key == key).values(value=value)).rowcount == 0:
        conn.execute(meta.insert().values(key=key, value=value))


def active_device(conn: Connection, device_id: str, *, lock: bool = False) -> Any:
    """The device's row if it is enrolled and active (``lock``: held until commit). Raises DeviceUnknown,
    DeviceRevoked."""
    q = sa.select(devices).where(devices.c.device_id == device_id)
    if lock:
        q = q.with_for_update()
    dev = conn.execute(q).first()
    if dev is None:
        raise DeviceUnknown("This device is not enrolled with HQ: enroll it with a one-time token first.")
    if dev.status != "active":
        raise DeviceRevoked(f"HQ revoked this device on {dev.revoked_at[:10]}; it cannot sync. Its data is "
                            "kept; ask HQ for a new enrollment token.")
    return dev


def add_journal(conn: Connection, at: str, kind: str, device_id: str, message: str) -> None:
    """A line in HQ's journal (what operators and auditors read: enrollments, revocations, chain breaks)."""
    conn.execute(journal.insert().values(at=at, kind=kind, device_id=device_id, message=message[:2000]))


def timestamp(clock: Clock) -> str:
    """The time as HQ stores it (ISO 8601 with milliseconds and the clock's offset)."""
    return clock.now().isoformat(timespec="milliseconds")


def id_in(conn: Connection, col: Any, ids: Iterable[str]) -> Any:
    """``col IN (ids)`` with one parameter however many ids, so a batch needs one query per lookup, not one per
    chunk: on PostgreSQL ``col = ANY(:array)`` (psycopg spends longer turning a query with thousands of
    parameters into PostgreSQL's form than the database runs it), on SQLite ``col IN (SELECT value FROM
    json_each(:json))`` (SQLAlchemy spends longer expanding thousands of IN parameters than SQLite runs the
    query; SQLite still searches ``col``'s index once per id)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import ARRAY

        return col == sa.any_(sa.literal(list(ids), ARRAY(sa.String())))
    each = sa.func.json_each(sa.literal(json.dumps(list(ids)), sa.Text())).table_valued("value")
    return col.in_(sa.select(each.c.value))


def plain_error(e: BaseException) -> str:
    """A database error in one line, without the SQL or its parameters (they may hold personal data)."""
    orig = getattr(e, "orig", None)
    text = str(orig if orig is not None else e).strip().splitlines()
    return (text[0] if text else type(e).__name__)[:300]


# ------------------------------------------------------------------------------------------------ HQ web (#15)
# The dashboard's accounts, sessions, audit trail and operator decisions (sync.hq.web; migration 0004).
hq_users = sa.Table(
    "hq_users", METADATA,
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("display_name", sa.String(120), nullable=False),
    sa.Column("role", sa.String(32), nullable=False),                # analyst | data_manager | hq_admin | partner
    sa.Column("organisation", sa.String(120), nullable=False, server_default=""),   # a partner's (issue 16)
    sa.Column("kdf", sa.Text, nullable=False),                       # scrypt parameters, salt and hash (JSON)
    sa.Column("totp_secret", sa.String(200), nullable=False),        # sealed (sync.hq.sealed; 0008_hq_ops)
    sa.Column("totp_last_step", sa.BigInteger, nullable=False, server_default="0"),   # no code used twice
    sa.Column("status", sa.String(16), nullable=False),              # active | locked
    sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
    sa.Column("locked_until", sa.Float, nullable=False, server_default="0"),          # after too many failures
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("last_sign_in", sa.String(40), nullable=False, server_default=""),
)

hq_sessions = sa.Table(
    "hq_sessions", METADATA,
    sa.Column("id_hash", sa.String(64), primary_key=True),           # SHA-256 of the cookie's random id
    sa.Column("username", sa.String(64), nullable=False, index=True),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("created", sa.Float, nullable=False),                  # epoch seconds (absolute expiry)
    sa.Column("last_seen", sa.Float, nullable=False),                # epoch seconds (idle expiry)
)

hq_audit = sa.Table(
    "hq_audit", METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("action", sa.String(40), nullable=False, index=True),  # sign_in, view_record, export, revoke_device...
    sa.Column("target", sa.String(200), nullable=False, server_default=""),
    sa.Column("detail", sa.Text, nullable=False, server_default=""),
    sa.Column("address", sa.String(64), nullable=False, server_default=""),
)

quarantine_decisions = sa.Table(
    "quarantine_decisions", METADATA,
    sa.Column("quarantine_id", sa.Integer, primary_key=True),        # quarantine.id
    sa.Column("decision", sa.String(16), nullable=False),            # rejected
    sa.Column("by", sa.String(64), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
)


# ------------------------------------------------------------------------------------------------ directory (#16)
# The referral directory HQ signs into reference data (sync.hq.directory; migration 0006_directory): one row per
# organisation as it is now, and every version of it ever imported (nothing is deleted: a withdrawn agency gets an
# active_to date and stays readable on old records).
directory = sa.Table(
    "directory", METADATA,
    sa.Column("code", sa.String(64), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),                # this entry's version (1, 2, ...)
    sa.Column("data", sa.Text, nullable=False),                      # canonical JSON of the entry
    sa.Column("updated_at", sa.String(40), nullable=False),
    sa.Column("updated_by", sa.String(64), nullable=False),
)

directory_history = sa.Table(
    "directory_history", METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(64), nullable=False, index=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("changed_at", sa.String(40), nullable=False),
    sa.Column("changed_by", sa.String(64), nullable=False),
)


# ------------------------------------------------------------------------------------------------ operator tools (#15)
# What a quarantined event waits for (migration 0008_hq_ops): its person, not yet at HQ or not followed by the
# device's checkpoint when it arrived; the person's registration (or a link) retries it (sync.hq.operator).
quarantine_waits = sa.Table(
    "quarantine_waits", METADATA,
    sa.Column("quarantine_id", sa.Integer, primary_key=True),        # quarantine.id
    sa.Column("person_id", sa.String(64), nullable=False, index=True),
)

conflict_decisions = sa.Table(
    "conflict_decisions", METADATA,
    sa.Column("conflict_id", sa.Integer, primary_key=True),          # conflicts.id
    sa.Column("decision", sa.String(16), nullable=False),            # kept_hq
    sa.Column("by", sa.String(64), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
)
# Issue 11: a checkpoint's arrival flow at HQ (``sync.hq.arrival_facts`` keeps them; migration 0009_arrivals_facts),
# codes and counts only: no name, no vehicle plate, no handover reference, no authority's name.
fact_groups = sa.Table(
    "fact_groups", METADATA,
    sa.Column("group_id", sa.String(64), primary_key=True),
    sa.Column("checkpoint_id", sa.String(36), nullable=False),
    sa.Column("group_date", sa.String(10), nullable=False),        # local date (UTC+7) it was recorded; "" unknown
    sa.Column("transport", sa.String(16), nullable=False),         # BUS TRUCK VAN ON_FOOT OTHER | UNKNOWN
    sa.Column("return_type", sa.String(32), nullable=False),
    sa.Column("expected", sa.Integer, nullable=True),              # the head count the handover announced
    sa.Column("listed", sa.Integer, nullable=False),               # rows of the handover list
    sa.Column("left_rows", sa.Integer, nullable=False),            # listed people who left before registration
    sa.Column("skipped_rows", sa.Integer, nullable=False),         # bad rows not imported
    sa.Index("ix_fact_groups_date", "group_date", "checkpoint_id"),
)
fact_group_arrivals = sa.Table(                                    # which arrival came in which handover group
    "fact_group_arrivals", METADATA,
    sa.Column("encounter_id", sa.String(64), primary_key=True),
    sa.Column("group_id", sa.String(64), nullable=False, index=True),
)
fact_headcounts = sa.Table(                                        # people who passed without registration
    "fact_headcounts", METADATA,
    sa.Column("event_id", sa.String(64), primary_key=True),
    sa.Column("checkpoint_id", sa.String(36), nullable=False),
    sa.Column("day", sa.String(10), nullable=False),
    sa.Column("sex", sa.String(16), nullable=False),               # F M X UNKNOWN
    sa.Column("age_group", sa.String(8), nullable=False),          # child adult
    sa.Column("n", sa.Integer, nullable=False),
    sa.Index("ix_fact_headcounts_day", "day", "checkpoint_id"),
)
fact_surge = sa.Table(                                             # surge mode switched on or off
    "fact_surge", METADATA,
    sa.Column("event_id", sa.String(64), primary_key=True),
    sa.Column("checkpoint_id", sa.String(36), nullable=False),
    sa.Column("day", sa.String(10), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Index("ix_fact_surge_day", "day", "checkpoint_id"),
)
__all__ += ["fact_group_arrivals", "fact_groups", "fact_headcounts", "fact_surge"]
# -------------------------------------------------------------------------------------- repeat returnees (#15)
# Likely same persons registered at different checkpoints (sync.hq.matches; migration 0010_person_matches).
# ``person_keys`` holds each person's blocking keys as SHA-256 digests (no readable name, document or date of birth:
# the index finds equal keys, the events hold the values); ``person_matches`` one row per pair found (person_a <
# person_b), its score and reasons, and the data manager's decision (pending | linked | dismissed), remembered.
person_keys = sa.Table(
    "person_keys", METADATA,
    sa.Column("person_id", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(40), primary_key=True),               # doc:PASSPORT, name_dob, khmer_dob, khmer_year
    sa.Column("key", sa.String(64), primary_key=True),                # SHA-256 of kind and the normalised value
    sa.Index("ix_person_keys_kind_key", "kind", "key"),
)

person_matches = sa.Table(
    "person_matches", METADATA,
    sa.Column("person_a", sa.String(64), primary_key=True),
    sa.Column("person_b", sa.String(64), primary_key=True, index=True),
    sa.Column("score", sa.Integer, nullable=False),                   # 0..100
    sa.Column("reasons", sa.Text, nullable=False),                    # the key kinds they share, "|"-separated
    sa.Column("status", sa.String(16), nullable=False, index=True),   # pending | linked | dismissed
    sa.Column("found_at", sa.String(40), nullable=False),
    sa.Column("decided_at", sa.String(40), nullable=False, server_default=""),
    sa.Column("decided_by", sa.String(64), nullable=False, server_default=""),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
)

# What the reports' count of distinct persons (``sync.hq.reports._persons``) reads: the period's rows of
# fact_arrivals with their checkpoint, voided flag and person, straight from the index (an index-only scan on
# PostgreSQL). A month's count ran about twice as fast with it (300,000 arrivals: 57 ms against 128 ms; the
# full month report at 1,000,000 persons 0.63 s against 1.17 s, tests/bench/bench_hq_dashboard.py); a year is
# read by a sequential scan either way.
sa.Index("ix_fact_arrivals_persons", fact_arrivals.c.arrival_date, fact_arrivals.c.checkpoint_id,
         fact_arrivals.c.voided, fact_arrivals.c.person_id)
# ------------------------------------------------------------------------ checkpoint protection keys (#10 point 11)
# One X25519 key pair per checkpoint (sync.hq.checkpointkeys; migration 0011_checkpoint_keys): devices of the
# checkpoint seal protection sections to its public half. The private half is stored sealed (AES-256-GCM under a
# key derived from HQ's signing private key, the checkpoint id as associated data), never in clear.
checkpoint_keys = sa.Table(
    "checkpoint_keys", METADATA,
    sa.Column("checkpoint_id", sa.String(64), primary_key=True),
    sa.Column("public", sa.String(64), nullable=False),               # hex
    sa.Column("sealed_private", sa.Text, nullable=False),             # v1: base64url(nonce | ciphertext | tag)
    sa.Column("created_at", sa.String(40), nullable=False),
)
__all__ += ["checkpoint_keys"]
# ------------------------------------------------------------------------------- TB cascade facts (issue 14 point 4)
# What the reports' TB section reads (sync.hq.tb_facts keeps it; migration 0012_tb_facts): per person, the
# cascade's inputs as ``checkpoint.screening.cascade.inputs_from_events`` folds them from the person's events, so a
# report reads a period's screens instead of folding every event of the period. No name, document or free text.
fact_tb_screens = sa.Table(
    "fact_tb_screens", METADATA,
    sa.Column("person_id", sa.String(64), primary_key=True),
    sa.Column("ord", sa.Integer, primary_key=True),                # the screen's place in the person's fold
    sa.Column("screen_id", sa.String(64), nullable=False),
    sa.Column("encounter_id", sa.String(64), nullable=False),
    sa.Column("screened_on", sa.String(10), nullable=False),       # local date (UTC+7) of its event; "" unknown
    sa.Column("outcome", sa.String(64), nullable=False),
    sa.Column("age", sa.Integer, nullable=True),                   # the age the screen recorded; None unknown
    sa.Column("sex", sa.String(16), nullable=False),
    sa.Column("province", sa.String(64), nullable=False),          # home province code, "" unknown
    sa.Column("continues", sa.String(64), nullable=False),         # the open TB referral it continued, or ""
    # A person's only screen ("solo": most returnees) counts the same in any period holding its day: its
    # categories as the report resolves them (the arrival's checkpoint, sex and home province from fact_arrivals,
    # the WHO age group) and its steps (``tb_cascade`` of this screen alone) are kept, so a report sums them.
    sa.Column("solo", sa.Boolean, nullable=False),
    sa.Column("checkpoint_id", sa.String(36), nullable=False),      # "" when HQ holds no arrival for it
    sa.Column("cat_sex", sa.String(16), nullable=False),
    sa.Column("cat_province", sa.String(64), nullable=False),
    sa.Column("age_group", sa.String(8), nullable=False),
    *(sa.Column(f"n_{step}", sa.Integer, nullable=False) for step in (
        "screened", "presumptive", "x_rayed", "xray_abnormal", "sputum_collected", "xpert_done", "tb_diagnosed",
        "bact_confirmed", "clinically_diagnosed", "rif_resistant", "treatment_started",
        "initial_loss_to_follow_up")),
    sa.Index("ix_fact_tb_screens_day", "screened_on", "person_id", "ord"),
)
fact_tb_referrals = sa.Table(
    "fact_tb_referrals", METADATA,
    sa.Column("person_id", sa.String(64), primary_key=True),
    sa.Column("referral_id", sa.String(64), primary_key=True),
    sa.Column("encounter_id", sa.String(64), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    *(sa.Column(f, sa.String(64), nullable=False) for f in (
        "status", "cxr_result", "sputum_collected_at", "xpert_result", "diagnosis", "treatment_started_at")),
)
__all__ += ["fact_tb_referrals", "fact_tb_screens"]
# ------------------------------------------------------------------------ assistance and NEA facts (issue 15 point 3)
# What the reports' assistance and NEA sections read (sync.hq.service_facts keeps them; migration 0013_service_facts):
# per handing-out its checkpoint, local day, kind, provider and item, voided or not; per NEA registration its
# checkpoint, local day, arrival and the form's codes (wanted job, sector and province, education, abroad again).
# Codes only: no name, phone, contact, commune or free text. Sex, age and home province are the arrival's
# (fact_arrivals), copied and copied again whenever the person's arrivals change, so a correction counts at once.
def _arrival_copy() -> list[sa.Column[Any]]:
    """The arrival's sex, child/adult, age group and home province, copied (``service_facts.relink``)."""
    return [sa.Column("sex", sa.String(16), nullable=False, server_default="UNKNOWN"),
            sa.Column("sex_age", sa.String(8), nullable=False, server_default="unknown"),
            sa.Column("age_group", sa.String(8), nullable=False, server_default="unknown"),
            sa.Column("province", sa.String(32), nullable=False, server_default="")]


fact_assistance = sa.Table(
    "fact_assistance", METADATA,
    sa.Column("assistance_id", sa.String(64), primary_key=True),
    sa.Column("person_id", sa.String(64), nullable=False),
    sa.Column("checkpoint_id", sa.String(36), nullable=False),
    sa.Column("given_on", sa.String(10), nullable=False),         # local date (UTC+7) of its event; "" unknown
    sa.Column("kind", sa.String(32), nullable=False),             # FOOD_WATER NON_FOOD ... OTHER
    sa.Column("provider", sa.String(64), nullable=False),         # agency code
    sa.Column("item_code", sa.String(64), nullable=False),
    sa.Column("cash_grant", sa.Boolean, nullable=False),
    sa.Column("voided", sa.Boolean, nullable=False),
    # The arrival it counts under: the person's latest arrival (not voided) on or before its day, else her first;
    # "" none. With that arrival's sex, child/adult, age group and home province as fact_arrivals holds them now:
    # kept at ingest and again whenever the person's arrivals change (``service_facts.relink``), so a report reads
    # this table alone (no join with fact_arrivals, no search for the arrival per row).
    sa.Column("encounter_id", sa.String(64), nullable=False, server_default=""),
    *_arrival_copy(),
    sa.Index("ix_fact_assistance_day", "given_on", "checkpoint_id"),
    # The year's figures read the rows in person order from here alone (an index-only scan summed per person
    # as it streams: 1M persons, 600,000 handings-out: 1.1 s against 3.1 s hashing a scan of the table); relink
    # finds a person's rows by it.
    sa.Index("ix_fact_assistance_person", "person_id", "given_on", "voided", "checkpoint_id", "kind", "provider",
             "sex", "sex_age", "age_group", "province"),
)
fact_nea = sa.Table(
    "fact_nea", METADATA,
    sa.Column("registration_id", sa.String(64), primary_key=True),
    sa.Column("person_id", sa.String(64), nullable=False),
    sa.Column("encounter_id", sa.String(64), nullable=False),
    sa.Column("checkpoint_id", sa.String(36), nullable=False),
    sa.Column("registered_on", sa.String(10), nullable=False),    # local date (UTC+7) of its event; "" unknown
    sa.Column("desired_job", sa.String(64), nullable=False),
    sa.Column("desired_sector", sa.String(32), nullable=False),
    sa.Column("desired_province", sa.String(32), nullable=False),
    sa.Column("education", sa.String(32), nullable=False),
    sa.Column("abroad_again", sa.String(8), nullable=False),      # yes no maybe, "" not asked
    sa.Column("sector_abroad", sa.String(32), nullable=False),
    # Its arrival's as fact_arrivals holds them now (``service_facts.relink``): voided, sex, age, home province.
    sa.Column("arrival_voided", sa.Boolean, nullable=False, server_default=sa.false()),
    *_arrival_copy(),
    sa.Index("ix_fact_nea_day", "registered_on", "checkpoint_id"),
    sa.Index("ix_fact_nea_person", "person_id", "registered_on", "arrival_voided", "checkpoint_id", "sex", "sex_age",
             "age_group", "province", "desired_sector", "desired_job", "desired_province", "education",
             "abroad_again"),                                      # as ix_fact_assistance_person
)
# Each person's rows of fact_assistance and fact_nea summed per month and per year (issue 15's targets: a month's and
# a year's assistance and NEA figures without grouping every row of the period by person on each read): per section
# ("assistance", "nea"), period ("2026-11" or "2026"), checkpoint ("*": every checkpoint together, else the one whose
# rows these are) and person, her rows, her rows of each kind (k0..k6: service_facts.KINDS) and, per dimension, the
# category all her rows share (NULL: they differ, and a report counts her from her rows). Kept with the facts
# (``service_facts.roll``): written again for every person whose rows a batch, a release or a rebuild changes.
fact_service_persons = sa.Table(
    "fact_service_persons", METADATA,
    sa.Column("section", sa.String(16), primary_key=True),
    sa.Column("period", sa.String(7), primary_key=True),
    sa.Column("cp_key", sa.String(36), primary_key=True),
    sa.Column("person_id", sa.String(64), primary_key=True),
    sa.Column("n", sa.Integer, nullable=False),
    *(sa.Column(f"k{i}", sa.Integer, nullable=False) for i in range(7)),
    sa.Column("checkpoint", sa.String(36)),
    sa.Column("sex", sa.String(16)),
    sa.Column("sex_age", sa.String(8)),
    sa.Column("age_group", sa.String(8)),
    sa.Column("province", sa.String(32)),
    sa.Column("provider", sa.String(64)),
    sa.Column("desired_sector", sa.String(32)),
    sa.Column("desired_job", sa.String(64)),
    sa.Column("desired_province", sa.String(32)),
    sa.Column("education", sa.String(32)),
    sa.Column("abroad_again", sa.String(8)),
    sa.Index("ix_fact_service_persons_person", "person_id"),
)
__all__ += ["fact_assistance", "fact_nea", "fact_service_persons"]


def accepted_events(conn: Connection, types: Iterable[str], *, chunk: int = 5000
                    ) -> Iterator[list[tuple[dict[str, Any], Any, str]]]:
    """Every accepted event of ``types`` HQ holds, in ingest order, ``chunk`` at a time, each as ``(event row: id,
    type, entity_id, payload, recorded_at, ingest_seq; its payload text; its device's checkpoint id)``: what the
    facts' folds take (``arrival_facts``, ``service_facts``) when a rebuild fills them again. Each chunk is read
    after the caller has handled the one before, on the caller's connection."""
    q = (sa.select(events.c.ingest_seq, events.c.id, events.c.type, events.c.entity_id, events.c.payload,
                   events.c.recorded_at, devices.c.checkpoint_id)
         .select_from(events.join(devices, devices.c.device_id == events.c.device_id))
         .where(events.c.status == "accepted", events.c.type.in_(sorted(types)))
         .order_by(events.c.ingest_seq).limit(chunk))
    last = -1
    while True:
        rows = conn.execute(q.where(events.c.ingest_seq > last)).mappings().all()
        if not rows:
            return
        yield [(dict(r), r["payload"], str(r["checkpoint_id"])) for r in rows]
        last = int(rows[-1]["ingest_seq"])


__all__ += ["accepted_events"]
