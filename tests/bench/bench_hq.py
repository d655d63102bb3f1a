"""HQ ingest benchmarks (DESIGN.md §7: HQ ingest on PostgreSQL >= 5,000 events/s). Run by `make bench`.

~100,000 registration events (set CHECKPOINT_BENCH_HQ_EVENTS for another size) are built directly in wire form
with correct hashes and chain, sealed in batches of 5,000 as a device does, then ingested by ``HQService`` —
the whole HQ path: header and device checks, signature, decryption, per-event validation and hash check,
duplicate lookup, inserts, ack signing, one transaction per batch. The baseline, measured in the same run, is a
raw DB-API ``executemany`` of the same rows into a bare table with the same columns (primary key only), one
transaction per 5,000 rows. PostgreSQL runs on the local cluster (started if needed) or is skipped with the
reason printed.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from checkpoint.events import WIRE_FIELDS
from sync.hq.http import create_app
from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import HQStore
from tests.support.hq_helpers import FakeDevice, LiveServer, PostgresUnavailable, postgres_database

N = int(os.environ.get("CHECKPOINT_BENCH_HQ_EVENTS", "100000"))
BATCH = 5000
COLUMNS = (*WIRE_FIELDS, "status", "ingest_seq", "batch_id", "received_at", "released_at")


def report(name: str, value: str, baseline: str = "", ratio: float | None = None, target: str = "",
           note: str = "") -> None:
    line = f"{name:<52} {value:>14}"
    if baseline:
        line += f"   baseline {baseline:>14}"
    if ratio is not None:
        line += f"   ratio {ratio:5.2f}x"
    if target:
        line += f"   target {target}"
    if note:
        line += f"   ({note})"
    print(line, flush=True)


@pytest.fixture(scope="module")
def workload() -> dict[str, Any]:
    keys = HQKeys.generate()
    dev = FakeDevice()
    t = time.perf_counter()
    events = dev.events(N)
    t_gen = time.perf_counter() - t
    t = time.perf_counter()
    blobs = [dev.seal(events[i:i + BATCH], keys.exchange_public) for i in range(0, N, BATCH)]
    t_seal = time.perf_counter() - t
    print()
    report(f"build {N:,} wire events (hash + chain)", f"{N / t_gen:,.0f}/s")
    report(f"seal {len(blobs)} batches of {BATCH:,} (device side)", f"{N / t_seal:,.0f}/s",
           note=f"{sum(map(len, blobs)) / 2**20:.1f} MiB sealed")
    rows = [tuple([*(e[k] for k in WIRE_FIELDS), "accepted", i + 1, "b", "2026-11-22T01:00:00", ""])
            for i, e in enumerate(events)]
    return {"keys": keys, "dev": dev, "blobs": blobs, "rows": rows}


def _ingest(url: str, w: dict[str, Any]) -> tuple[float, list[float], HQService]:
    hq = HQService(HQStore.open(url), w["keys"])
    w["dev"].enroll(hq)
    w["cpu0"] = time.process_time()
    t = time.perf_counter()
    each = []
    for blob in w["blobs"]:
        t1 = time.perf_counter()
        r = hq.ingest(blob)
        each.append(time.perf_counter() - t1)
        assert r.counts["accepted"] == BATCH or r.counts["accepted"] == N % BATCH
    return time.perf_counter() - t, each, hq


def _bare_table(n_cols: int) -> str:
    cols = ", ".join(f"{c} {'BIGINT' if c in ('device_seq', 'ingest_seq') else 'TEXT'}" for c in COLUMNS)
    return f"CREATE TABLE bare_events ({cols}, PRIMARY KEY (id))"


def _baseline_sqlite(path: Path, rows: list[tuple[Any, ...]]) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(_bare_table(len(COLUMNS)))
    sql = f"INSERT INTO bare_events VALUES ({', '.join('?' for _ in COLUMNS)})"
    t = time.perf_counter()
    for i in range(0, len(rows), BATCH):
        conn.execute("BEGIN")
        conn.executemany(sql, rows[i:i + BATCH])
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - t
    conn.close()
    return elapsed


def _baseline_postgres(url: str, rows: list[tuple[Any, ...]]) -> float:
    import psycopg

    u = sa.make_url(url)
    with psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password, dbname=u.database) as conn:
        conn.execute(_bare_table(len(COLUMNS)))
        conn.commit()
        sql = f"INSERT INTO bare_events VALUES ({', '.join('%s' for _ in COLUMNS)})"
        t = time.perf_counter()
        for i in range(0, len(rows), BATCH):
            with conn.cursor() as cur:
                cur.executemany(sql, rows[i:i + BATCH])
            conn.commit()
        return time.perf_counter() - t


def _http_push(hq: HQService, w: dict[str, Any]) -> float:
    """The same batches again over HTTP to a live server: all replays (same digest) — the HTTP overhead alone."""
    with LiveServer(create_app(hq, rate_per_minute=0)) as srv, httpx.Client(base_url=srv.url, timeout=120) as c:
        t = time.perf_counter()
        for blob in w["blobs"]:
            r = c.post("/v1/push", content=blob, headers=w["dev"].push_headers(blob))
            assert r.status_code == 200
        return time.perf_counter() - t


def _run(name: str, url: str, w: dict[str, Any], baseline: float, target: str) -> None:
    elapsed, each, hq = _ingest(url, w)
    cpu = time.process_time() - w["cpu0"]
    rate, base_rate = N / elapsed, N / baseline
    report(f"HQ ingest {N:,} events on {name}", f"{rate:,.0f}/s", f"{base_rate:,.0f}/s raw", rate / base_rate, target)
    # CPU time of this process (HQ's Python side; not the database server's): steadier than wall time on a
    # machine shared with other work.
    report("  HQ process CPU", f"{N / cpu:,.0f}/CPU-s", note=f"{cpu:.2f} s CPU for {elapsed:.2f} s wall")
    q = max(1, len(each) // 4)
    report(f"  first {q * BATCH:,} events", f"{q * BATCH / sum(each[:q]):,.0f}/s",
           note=f"last {q * BATCH:,}: {q * BATCH / sum(each[-q:]):,.0f}/s, as the tables grow")
    st = hq.stats()
    assert st["events"] == N and st["held"] == 0 and st["quarantined"] == 0
    # The same events in new batches: every one a duplicate (the one-query-per-chunk lookup path).
    dev = w["dev"]
    with hq.store.read() as conn:
        ids = [r[0] for r in conn.execute(sa.text("SELECT id FROM events ORDER BY ingest_seq LIMIT :n"),
                                          {"n": BATCH})]
    assert len(ids) == min(BATCH, N)
    again = [dev.seal([dict(zip(WIRE_FIELDS, r[:len(WIRE_FIELDS)], strict=True)) for r in w["rows"][i:i + BATCH]],
                      w["keys"].exchange_public) for i in range(0, min(N, 4 * BATCH), BATCH)]
    t = time.perf_counter()
    for blob in again:
        assert hq.ingest(blob).counts["duplicate"] > 0
    dup = time.perf_counter() - t
    n_again = min(N, 4 * BATCH)
    report(f"HQ re-ingest {n_again:,} duplicates on {name}", f"{n_again / dup:,.0f}/s")
    t_http = _http_push(hq, w)
    report(f"HTTP push {len(w['blobs'])} replayed batches ({name})", f"{t_http:.2f} s",
           note=f"{sum(map(len, w['blobs'])) / 2**20 / t_http:.0f} MiB/s over loopback, same acks")
    hq.store.close()


def test_hq_ingest_sqlite(workload: dict[str, Any], tmp_path: Path) -> None:
    baseline = _baseline_sqlite(tmp_path / "bare.db", workload["rows"])
    _run("SQLite", f"sqlite:///{tmp_path / 'hq.db'}", workload, baseline, "(embedded default)")


def test_hq_ingest_postgresql(workload: dict[str, Any]) -> None:
    try:
        with postgres_database() as url:
            baseline = _baseline_postgres(url, workload["rows"])
            _run("PostgreSQL", url, workload, baseline, ">= 5,000/s")
    except PostgresUnavailable as e:
        print(f"\nPostgreSQL benchmark skipped: {e}", flush=True)
        pytest.skip(f"PostgreSQL unavailable: {e}")
