"""Helpers for HQ server tests and benchmarks: devices that enroll and push, synthetic wire events with correct
hashes, a live uvicorn server in a thread, and a throwaway PostgreSQL database."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
import shutil
import socket
import struct
import subprocess
import tempfile
import threading
import time
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from checkpoint import crypto
from checkpoint.events import GENESIS, HLC, canonical_json, event_hash, uuid7
from checkpoint.services.outbox import Batch, Outbox
from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import INITIAL_COUNTERS, METADATA, HQStore, counters
from sync.protocol import PROTOCOL_VERSION
from sync.wire import (
    ACK,
    BATCH_CONTEXT,
    BATCH_MAGIC,
    ENROLL,
    Request,
    _canonical,
    digest,
    open_answer,
    open_signed,
    pull_request,
    push_ticket,
    reference_request,
    seal_batch,
    sign_document,
)

T0 = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)


# ------------------------------------------------------------------------------------------- real devices
def enroll_request(ident: dict[str, Any], token: str, *, checkpoint: str | None = None,
                   signer: bytes | None = None) -> bytes:
    """The ENROLL request a device sends (as the sync client builds it)."""
    body = {"token": token, "device_id": ident["device_id"], "store_id": ident["store_id"],
            "checkpoint_name": checkpoint if checkpoint is not None else ident["checkpoint_name"],
            "station_id": ident.get("station_id") or "", "signing_public": ident["signing_public"].hex()}
    return sign_document(ENROLL, body, signer or ident["signing_private"])


def enroll(hq: HQService, session: Any, *, checkpoint: str | None = None) -> dict[str, Any]:
    """Enroll a device store (a Session) with HQ and pin HQ's keys on the device."""
    ob = Outbox(session)
    ident = ob.identity()
    token = hq.issue_token(checkpoint or ident["checkpoint_name"])
    answer = hq.enroll(enroll_request(ident, token))
    ob.set_enrollment(hq_url="test://hq", hq_device_id=answer["hq_device_id"],
                      hq_signing_public=bytes.fromhex(answer["hq_signing_public"]),
                      hq_exchange_public=bytes.fromhex(answer["hq_exchange_public"]),
                      hq_recovery_public=bytes.fromhex(answer["hq_recovery_public"]),
                      checkpoint_id=answer["checkpoint_id"])
    return answer


def seal_next(session: Any, hq_keys: HQKeys, *, max_events: int = 5000) -> tuple[Batch, bytes] | None:
    """The device's next batch, sealed to HQ and marked sealed (as the client does)."""
    ob = Outbox(session)
    b = ob.next_batch(max_events=max_events)
    if b is None:
        return None
    blob = seal_batch(b, ob.identity(), hq_keys.exchange_public)
    ob.mark(b.id, "sealed", sha256=digest(blob))
    return b, blob


def apply(session: Any, hq_keys: HQKeys, batch: Batch, ack: bytes) -> dict[str, Any]:
    """Verify HQ's ack with the pinned key and apply it on the device; returns the ack body."""
    body = open_signed(ACK, ack, hq_keys.signing_public)
    assert body["batch_id"] == batch.id
    Outbox(session).apply_ack(batch.id, {k: (v[0], v[1]) for k, v in body["verdicts"].items()})
    return body


def sync_all(hq: HQService, session: Any, *, max_events: int = 5000) -> list[dict[str, Any]]:
    """Push every pending batch of a device and apply the acks; returns the ack bodies."""
    out = []
    while (nb := seal_next(session, hq.keys, max_events=max_events)) is not None:
        b, blob = nb
        out.append(apply(session, hq.keys, b, hq.push(blob)))
    return out


def rows(store: HQStore, table: str) -> int:
    with store.read() as conn:
        return int(conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())


def all_counts(store: HQStore) -> dict[str, int]:
    return {t: rows(store, t) for t in ("events", "batches", "batch_digests", "quarantine", "conflicts",
                                        "checkpoint_entities", "pull_feed", "devices")}


# ------------------------------------------------------------------------------------------- synthetic devices
@dataclass
class FakeDevice:
    """A device without a store: wire events built directly (correct hashes and chain), sealed like the real ones."""

    device_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    store_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    checkpoint_name: str = "Poipet"
    seq: int = 0
    prev: str = GENESIS
    last_batch_sha: str = ""
    ms: int = int(T0.timestamp() * 1000)
    author: str = field(default_factory=lambda: str(uuid.uuid4()))
    clock: Any = None

    def __post_init__(self) -> None:
        self.signing_private, self.signing_public = crypto.generate_signing_key()

    @property
    def identity(self) -> dict[str, Any]:
        return {"device_id": self.device_id, "store_id": self.store_id, "checkpoint_name": self.checkpoint_name,
                "station_id": "POIPET_INTL_CHECKPOINT", "signing_private": self.signing_private,
                "signing_public": self.signing_public}

    def enroll(self, hq: HQService) -> dict[str, Any]:
        self.clock = hq.clock           # its requests are dated by HQ's (test) clock unless a test says otherwise
        return hq.enroll(enroll_request(self.identity, hq.issue_token(self.checkpoint_name)))

    def _now(self, now: datetime | None) -> datetime | None:
        return now or (self.clock.now() if self.clock is not None else None)

    def event(self, *, type_: str = "registration.recorded", entity_id: str | None = None,
              payload: dict[str, Any] | None = None, entity_type: str = "person") -> dict[str, Any]:
        self.seq += 1
        self.ms += 1
        entity_id = entity_id or str(uuid.uuid4())
        ev: dict[str, Any] = {
            "id": uuid7(self.ms), "device_id": self.device_id, "device_seq": self.seq, "entity_type": entity_type,
            "entity_id": entity_id, "type": type_,
            "payload": canonical_json(payload if payload is not None else
                                      synthetic_registration(self.seq, person_id=entity_id)),
            "author": self.author, "hlc": HLC.render(self.ms, 0), "content_version": "ilo-2024.1",
            "recorded_at": datetime.fromtimestamp(self.ms / 1000, UTC).isoformat(timespec="milliseconds"),
            "prev_hash": self.prev}
        ev["hash"] = event_hash(ev)
        self.prev = ev["hash"]
        return ev

    def events(self, n: int, **kw: Any) -> list[dict[str, Any]]:
        return [self.event(**kw) for _ in range(n)]

    def pull_request(self, cursor: str = "", limit: int = 1000, *, now: datetime | None = None) -> Request:
        return pull_request(self.signing_private, self.device_id, cursor, limit, now=self._now(now))

    def reference_request(self, *, now: datetime | None = None) -> Request:
        return reference_request(self.signing_private, self.device_id, now=self._now(now))

    def push_headers(self, blob: bytes, *, now: datetime | None = None) -> dict[str, str]:
        return push_headers(self.identity, blob, now=self._now(now))

    def seal(self, evs: list[Any], hq_exchange_public: bytes, *, batch_id: str | None = None,
             prev_sha256: str | None = None, chain: bool = True, raw: bool = False) -> bytes:
        """Seal events like ``seal_batch``; ``raw=True`` seals them as given (malformed ones included)."""
        seqs = [e["device_seq"] for e in evs if isinstance(e, dict) and isinstance(e.get("device_seq"), int)] or [0]
        b = Batch(batch_id or uuid7(self.ms), min(seqs), max(seqs), tuple(evs),
                  self.last_batch_sha if prev_sha256 is None else prev_sha256, "open")
        blob = seal_raw(b, self.identity, hq_exchange_public) if raw else \
            seal_batch(b, self.identity, hq_exchange_public)
        if chain:
            self.last_batch_sha = digest(blob)
        return blob


def push_headers(identity: dict[str, Any], blob: bytes, *, now: datetime | None = None) -> dict[str, str]:
    """The headers of an HTTP push of ``blob`` by this device: its signed push ticket."""
    ticket = push_ticket(identity["signing_private"], identity["device_id"], digest(blob), len(blob), now=now)
    return {"Content-Type": "application/octet-stream", "X-Checkpoint-Ticket": base64.b64encode(ticket).decode()}


def answer(kind: tuple[bytes, bytes], sealed: bytes, request: Request, hq_signing_public: bytes) -> dict[str, Any]:
    """HQ's sealed answer to ``request``, opened with its reply key and verified."""
    return open_signed(kind, open_answer(sealed, request), hq_signing_public)


def seal_raw(batch: Batch, identity: dict[str, Any], hq_exchange_public: bytes) -> bytes:
    """``seal_batch`` without taking WIRE_FIELDS out of each event: what a buggy device could send, signed."""
    header = {"v": PROTOCOL_VERSION, "kind": "batch", "batch_id": batch.id, "device_id": identity["device_id"],
              "store_id": identity["store_id"], "first_seq": batch.first_seq, "last_seq": batch.last_seq,
              "count": len(batch.events), "prev_sha256": batch.prev_sha256, "created_at": T0.isoformat(),
              "hq_key_id": crypto.key_id(hq_exchange_public)}
    head = _canonical(header)
    body = zlib.compress(json.dumps(list(batch.events)).encode(), 6)
    sealed = crypto.seal(hq_exchange_public, body, context=BATCH_CONTEXT + b"|" + head)
    signed = BATCH_MAGIC + struct.pack(">I", len(head)) + head + struct.pack(">I", len(sealed)) + sealed
    return signed + crypto.sign(identity["signing_private"], signed, context=BATCH_CONTEXT)


def synthetic_registration(i: int, *, person_id: str = "", sharing: bool = True) -> dict[str, Any]:
    """A registration payload shaped as the device writes it (a new person, one arrival, consents)."""
    return {"person_id": person_id,
            "person": {"family_name": "SOK", "given_names": f"DARA {i}", "sex": "M", "date_of_birth": "1990-05-17",
                       "id_document_type": "PASSPORT", "id_document_number": f"N{i:07d}", "phone": "012345678",
                       "home_province": "01"},
            "encounter": {"id": str(uuid.uuid4()), "station_id": "POIPET_INTL_CHECKPOINT",
                          "arrival_at": T0.isoformat(), "return_type": "DEPORTED_G2G", "country_of_work": "THA"},
            "consents": [{"purpose": p, "granted": p != "sharing" or sharing}
                         for p in ("screening", "storage", "referral", "sharing")],
            "trafficking": None, "tb": None, "referrals": []}


def resign(ev: dict[str, Any]) -> dict[str, Any]:
    """An event with its hash recomputed after a change (a bug or a restored device, not tampering)."""
    ev = dict(ev)
    ev["hash"] = event_hash(ev)
    return ev


# ------------------------------------------------------------------------------------------- the HQ
def new_hq(url: str, *, clock: Any = None, keys: HQKeys | None = None) -> HQService:
    return HQService(HQStore.open(url), keys or HQKeys.generate(), clock=clock)


def reset_store(store: HQStore) -> None:
    """Empty every table (a PostgreSQL database reused between tests) and restore the initial counters."""
    with store.write() as conn:
        for t in reversed(METADATA.sorted_tables):      # DELETE: faster than TRUNCATE on tables this small
            conn.execute(t.delete())
        conn.execute(counters.insert(), list(INITIAL_COUNTERS))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """A real uvicorn server on 127.0.0.1 in a background thread (bounded start and stop)."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY on accepted connections only then (else each response
        # waits ~40 ms for a delayed ACK).
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = int(self.sock.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="critical", lifespan="off", timeout_keep_alive=5)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test HQ server did not start within 10 s")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


# ------------------------------------------------------------------------------------------- PostgreSQL
class PostgresUnavailable(Exception):
    """Why the PostgreSQL tests cannot run here (the message is printed with the skip)."""


def _pg_run(args: list[str], timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)


@contextlib.contextmanager
def _one_process_at_a_time() -> Iterator[None]:
    import fcntl  # POSIX, as the cluster tools (pg_ctlcluster) are

    with open(os.path.join(tempfile.gettempdir(), "checkpoint-postgres-start.lock"), "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        yield


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    """A throwaway database on the local PostgreSQL cluster (started if needed); yields its SQLAlchemy URL.

    Raises PostgresUnavailable with a specific reason when there is no cluster or it cannot be used.
    """
    if not shutil.which("pg_lsclusters") or not shutil.which("pg_ctlcluster"):
        raise PostgresUnavailable("PostgreSQL is not installed here (no pg_lsclusters/pg_ctlcluster on PATH)")
    if os.geteuid() != 0:
        raise PostgresUnavailable("starting the local PostgreSQL cluster needs root (pg_ctlcluster), and these "
                                  "tests are not running as root")
    out = _pg_run(["pg_lsclusters", "--no-header"])
    lines = [ln.split() for ln in out.stdout.splitlines() if ln.strip()]
    if out.returncode != 0 or not lines:
        raise PostgresUnavailable(f"no PostgreSQL cluster is configured (pg_lsclusters: {out.stderr.strip()!r})")
    version, name, port, status = lines[0][:4]
    if status != "online":
        with _one_process_at_a_time():   # pytest-xdist workers (or a benchmark beside the tests) start it once
            if "online" not in _pg_run(["pg_lsclusters", "--no-header", version, name]).stdout:
                r = _pg_run(["pg_ctlcluster", version, name, "start"], timeout=60)
                if r.returncode != 0:
                    raise PostgresUnavailable(f"pg_ctlcluster {version} {name} start failed: "
                                              f"{(r.stderr or r.stdout).strip()[:300]}")
    tag = secrets.token_hex(4)               # a role and a database per session: runs side by side never collide
    role, password, dbname = f"hq_test_{tag}", secrets.token_hex(16), f"hq_test_{tag}"

    def psql(sql: str) -> None:
        r = _pg_run(["su", "postgres", "-c", f"psql -p {port} -v ON_ERROR_STOP=1 -q -c \"{sql}\""])
        if r.returncode != 0:
            raise PostgresUnavailable(f"psql as postgres failed: {(r.stderr or r.stdout).strip()[:300]}")

    try:
        psql(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
        psql(f"CREATE DATABASE {dbname} OWNER {role}")
        yield f"postgresql+psycopg://{role}:{password}@127.0.0.1:{port}/{dbname}"
    finally:
        # The cluster is left running even if we started it: another test session or benchmark on this machine
        # may be using it (stopping it under them would fail their runs); starting it again costs ~2 s.
        with contextlib.suppress(Exception):
            psql(f"DROP DATABASE IF EXISTS {dbname} WITH (FORCE)")
        with contextlib.suppress(Exception):
            psql(f"DROP ROLE IF EXISTS {role}")
