"""Store benchmarks at 1,000,000 persons (DESIGN.md §7). Run by `make bench`, not by `make test`.

Prints each figure with a baseline measured in the same run. The 1M-person store is kept in $CHECKPOINT_BENCH_DIR
(default /tmp/checkpoint-bench) so later runs reuse it; set CHECKPOINT_BENCH_PERSONS to benchmark another size. Up to
CHECKPOINT_BENCH_BUILD_PERSONS (default 250,000) it is built through the normal registration service (batched);
a larger one is that store (cached too) copied and grown by replicating its persons with fresh ids
(``tests.bench.bigstore``), since the service would take hours on a small machine.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checkpoint import crypto
from checkpoint.demo import FAMILY_NAMES, GIVEN_NAMES, generate, registrations
from checkpoint.services import create_store, unlock
from checkpoint.storage import db as dbmod
from checkpoint.storage.projections import apply_event
from checkpoint.storage.schema import apply_migrations
from checkpoint.storage.store import insert_event, keyfile_path
from tests.bench.bigstore import replicate

N = int(os.environ.get("CHECKPOINT_BENCH_PERSONS", "1000000"))
DIR = Path(os.environ.get("CHECKPOINT_BENCH_DIR", "/tmp/checkpoint-bench"))
BUILD = int(os.environ.get("CHECKPOINT_BENCH_BUILD_PERSONS", "250000"))
PW = "benchmark passphrase"
RESULTS: dict[str, object] = {}


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=100)[94]


def ms(x: float) -> str:
    return f"{x * 1000:.2f} ms"


def report(name: str, value: str, baseline: str = "", ratio: float | None = None, target: str = "") -> None:
    line = f"{name:<46} {value:>14}"
    if baseline:
        line += f"   baseline {baseline:>12}"
    if ratio is not None:
        line += f"   ratio {ratio:6.2f}x"
    if target:
        line += f"   target {target}"
    print(line, flush=True)


def build_store(path: Path, n: int) -> float:
    """Create a store with n persons (default KDF); returns registrations per second."""
    s, _ = create_store(path, checkpoint_name="Bench", username="dara", display_name="Bench", passphrase=PW)
    t = time.perf_counter()
    generate(s, count=n, seed=42, batch=5000,
             progress=lambda k: print(f"  building {path.name}: {k:,}/{n:,} "
                                      f"({k / (time.perf_counter() - t):,.0f}/s)", flush=True))
    rate = n / (time.perf_counter() - t)
    s.lock()
    return rate


def cached_store(n: int) -> Path:
    """The store of ``n`` persons in DIR, built (or grown from the cached BUILD-person store) when missing. Its
    marker keeps the service's registration rate (of the store built through it)."""
    DIR.mkdir(parents=True, exist_ok=True)
    path = DIR / f"store-{n}.db"
    marker = DIR / f"store-{n}.done"
    if not marker.exists():
        for f in DIR.glob(f"store-{n}.db*"):
            f.unlink()
        if n <= BUILD:
            info = {"rate": build_store(path, n)}
        else:
            base = cached_store(BUILD)
            shutil.copy(base, path)                 # closed: the .db and its key file are the whole store
            shutil.copy(keyfile_path(base), keyfile_path(path))
            t = time.perf_counter()
            added = replicate(path, n, PW)
            info = {"rate": json.loads((DIR / f"store-{BUILD}.done").read_text())["rate"], "through_service": BUILD,
                    "replicated": added, "replication_s": round(time.perf_counter() - t)}
        marker.write_text(json.dumps({**info, "built": datetime.now(UTC).isoformat()}))
    return path


@pytest.fixture(scope="module")
def big() -> Path:
    path = cached_store(N)
    RESULTS["build_rate"] = json.loads((DIR / f"store-{N}.done").read_text())["rate"]
    return path


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("small") / "store-1000.db"
    build_store(path, 1000)
    return path


def _new_arrivals(count: int, seed: int) -> list[dict]:
    out = []
    for i, reg in enumerate(registrations(count, seed=seed, now=datetime.now(UTC))):
        reg["person"]["given_names"] += f" {chr(65 + i % 26)}{chr(65 + i // 26 % 26)}"
        out.append(reg)
    return out


def _save_latencies(path: Path, regs: list[dict]) -> list[float]:
    s = unlock(path, "dara", PW)
    lat = []
    for reg in regs:
        t = time.perf_counter()
        s.registrations.register(**reg)
        lat.append(time.perf_counter() - t)
    s.lock()
    return lat


WARM_UP = 20


def test_save_one_full_registration(big: Path, small: Path) -> None:
    # The first saves after opening read index pages from disk; an officer's laptop is warm after a few
    # registrations, so p95 is over the 300 that follow WARM_UP saves (the first save is shown separately).
    regs = _new_arrivals(2 * (300 + WARM_UP), seed=7)
    base = _save_latencies(small, regs[:300 + WARM_UP])
    lat = _save_latencies(big, regs[300 + WARM_UP:])
    report(f"first save after opening ({N:,} persons)", ms(lat[0]), ms(base[0]) + " @1k")
    base, lat = base[WARM_UP:], lat[WARM_UP:]
    report(f"save registration p95 ({N:,} persons)", ms(p95(lat)), ms(p95(base)) + " @1k", p95(lat) / p95(base),
           "<= 15 ms")
    report("save registration p50", ms(statistics.median(lat)), ms(statistics.median(base)) + " @1k")
    RESULTS["save_p95_ms"] = p95(lat) * 1000


def _queries(seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    latin, khmer = [], []
    for _ in range(200):
        fam, fam_km = rng.choice(FAMILY_NAMES)
        giv, giv_km = rng.choice(GIVEN_NAMES[rng.choice("FM")])
        full = f"{fam} {giv}"
        a = rng.randrange(0, len(full) - 4)
        latin.append(full[a:a + rng.randint(4, 7)].strip() or fam)
        khmer.append(rng.choice([fam_km, giv_km, f"{fam_km} {giv_km}"]))
    return {"Latin substring": latin, "Khmer substring": khmer}


def _search_latencies(path: Path, queries: list[str]) -> list[float]:
    s = unlock(path, "dara", PW)
    lat = []
    for q in queries:
        t = time.perf_counter()
        s.records.search(q, limit=50)
        lat.append(time.perf_counter() - t)
    s.lock()
    return lat


def _doc_numbers(path: Path, k: int) -> list[str]:
    s = unlock(path, "dara", PW)
    rows = [r[0] for r in s.store.db.execute("SELECT id_document_number FROM persons WHERE id_document_number != '' "
                                       "ORDER BY random() LIMIT ?", [k])]
    s.lock()
    return rows


def test_search(big: Path, small: Path) -> None:
    qs = _queries(11)
    qs["document number"] = _doc_numbers(big, 200)
    for kind, queries in qs.items():
        base = _search_latencies(small, queries)
        lat = _search_latencies(big, queries)
        report(f"search {kind} p95 ({N:,} persons)", ms(p95(lat)), ms(p95(base)) + " @1k", p95(lat) / p95(base),
               "<= 50 ms")
        RESULTS[f"search_{kind}_p95_ms"] = p95(lat) * 1000


def _replay(conn, events: list[dict]) -> float:
    db = __import__("sqlite_utils").Database(conn, execute_plugins=False)
    apply_migrations(db)
    t = time.perf_counter()
    for i in range(0, len(events), 2000):
        with db.atomic():
            for ev in events[i:i + 2000]:
                insert_event(db.conn, ev)
                apply_event(db, ev)
    return time.perf_counter() - t


def test_bulk_insert_vs_plain_sqlite(big: Path, tmp_path: Path) -> None:
    s = unlock(big, "dara", PW)
    events = list(s.store.events(where="local_order <= 30001"))
    s.lock()
    enc = dbmod.open_encrypted(tmp_path / "enc.db", crypto.new_data_key(), create=True)
    plain = sqlite3.connect(tmp_path / "plain.db", isolation_level=None)
    plain.isolation_level = ""  # default (deferred) transaction handling, as sqlite-utils expects
    plain.execute("PRAGMA journal_mode = WAL")
    plain.execute("PRAGMA synchronous = FULL")
    t_plain = _replay(plain, events)
    t_enc = _replay(enc.conn, events)
    ratio = t_plain / t_enc
    report(f"bulk insert {len(events):,} events: SQLCipher", f"{len(events) / t_enc:,.0f}/s",
           f"{len(events) / t_plain:,.0f}/s plain", ratio, ">= 0.5x")
    report("registrations through the service (build)", f"{RESULTS['build_rate']:,.0f}/s")
    RESULTS["bulk_ratio"] = ratio
    assert ratio > 0


def test_open_and_unlock(big: Path) -> None:
    salt = os.urandom(16)
    t = time.perf_counter()
    crypto.derive_key("x" * 20, salt, crypto.KdfParams())
    kdf = time.perf_counter() - t
    times = []
    for _ in range(3):
        t = time.perf_counter()
        unlock(big, "dara", PW).lock()
        times.append(time.perf_counter() - t)
    report(f"open + unlock ({N:,} persons)", ms(min(times)), ms(kdf) + " KDF", min(times) / kdf, "<= 1 s")
    RESULTS["unlock_s"] = min(times)


RSS_PROBE = r"""
import sys, json
def rss():
    f = dict(l.split(':', 1) for l in open('/proc/self/status'))
    return int(f['VmRSS'].split()[0]) // 1024, int(f['VmHWM'].split()[0]) // 1024
from checkpoint.services import unlock
base = rss()
s = unlock(sys.argv[1], "dara", sys.argv[2])
r = s.records; r.search("SOK"); r.search("សុខ"); r.page(offset=500000, limit=100); r.count(); r.today_figures()
for i in range(20):
    s.records.page(offset=i * 40000, limit=100)
print(json.dumps({"base": base, "open": rss()}))
"""


def test_rss_with_the_store_open(big: Path) -> None:
    out = subprocess.run([sys.executable, "-c", RSS_PROBE, str(big), PW], capture_output=True, text=True,
                         check=True, timeout=600).stdout
    r = json.loads(out)
    report(f"process RSS with {N:,} persons open", f"{r['open'][0]} MB", f"{r['base'][0]} MB imports",
           r["open"][0] / max(r["base"][0], 1), "<= 250 MB")
    report("  peak RSS (VmHWM)", f"{r['open'][1]} MB")
    RESULTS["rss_mb"] = r["open"][0]
    print("\nRESULTS " + json.dumps(RESULTS, default=str))


def _read_latencies(path: Path, k: int) -> list[float]:
    s = unlock(path, "dara", PW)
    ids = [r[0] for r in s.store.db.execute("SELECT id FROM persons ORDER BY random() LIMIT ?", [k])]
    lat = []
    for pid in ids:
        t = time.perf_counter()
        s.records.get(pid)
        lat.append(time.perf_counter() - t)
    s.lock()
    return lat


def test_open_a_record(big: Path, small: Path) -> None:
    base = _read_latencies(small, 100)
    lat = _read_latencies(big, 100)
    report(f"open a person's record p95 ({N:,} persons)", ms(p95(lat)), ms(p95(base)) + " @1k",
           p95(lat) / p95(base), "(no target; reading is logged)")
    RESULTS["read_p95_ms"] = p95(lat) * 1000
