"""HQ reporting benchmarks (issue 15): report time on PostgreSQL, and what keeping the facts costs ingest.

- Reports: CHECKPOINT_BENCH_REPORT_PERSONS arrivals (default 1,000,000; one per person) over one year in arrival
  order, three checkpoints, 25 provinces x 8 districts (Cambodia has about 200), ~40% with a referral, are written
  into the fact tables (COPY) and the cube (as ingest keeps it); then every report for one month (all sections,
  every dimension) is timed for each month (p95), and the year report three times. The baseline, in the same
  run, is a plain ``SELECT sex, count(*) ... GROUP BY sex`` over the same rows (the period's arrivals). Targets:
  month p95 <= 1 s, year <= 5 s.
- Ingest: CHECKPOINT_BENCH_REPORT_INGEST registration events (default 50,000; trafficking and TB screens,
  referrals) ingested by HQService on a fresh database with the facts kept and with the fact hook switched off
  (target: >= 5,000 events/s with facts).

PostgreSQL runs on the local cluster (started if needed) or the benchmark is skipped with the reason printed.
"""

from __future__ import annotations

import os
import random
import statistics
import time
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from sync.hq import facts, service
from sync.hq.keys import HQKeys
from sync.hq.reports import build_report, parse_period
from sync.hq.service import HQService
from sync.hq.store import HQStore, bulk_insert, checkpoints, fact_arrivals, fact_cube, fact_referrals
from tests.bench.bench_hq import report
from tests.support.hq_helpers import FakeDevice, PostgresUnavailable, postgres_database, reset_store

PERSONS = int(os.environ.get("CHECKPOINT_BENCH_REPORT_PERSONS", "1000000"))
INGEST = int(os.environ.get("CHECKPOINT_BENCH_REPORT_INGEST", "50000"))
BATCH = 5000


@pytest.fixture(scope="module")
def pg() -> Iterator[str]:
    try:
        with postgres_database() as url:
            yield url
    except PostgresUnavailable as e:
        print(f"\nPostgreSQL benchmark skipped: {e}", flush=True)
        pytest.skip(f"PostgreSQL unavailable: {e}")


def _fact_rows(n: int, cps: list[str]) -> Iterator[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]]:
    rng = random.Random(15)
    a_cols = [c.name for c in fact_arrivals.columns]
    r_cols = [c.name for c in fact_referrals.columns]
    d0 = date(2026, 1, 1)
    per_day = max(1, n // 365)
    arrivals: list[tuple[Any, ...]] = []
    refs: list[tuple[Any, ...]] = []
    for i in range(n):
        age = rng.randint(1, 70)
        sex = rng.choice("MF")
        eid = str(uuid.uuid4())
        t = rng.choice(["", "NOT_INDICATED", "PRESUMED_VICTIM"])
        a = {"encounter_id": eid, "person_id": str(uuid.uuid4()), "checkpoint_id": rng.choice(cps),
             "arrival_date": (d0 + timedelta(days=min(364, i // per_day))).isoformat(), "sex": sex, "age": age,
             "age_group": facts.age_group(age), "sex_age": facts.sex_age(sex, age),
             "province": (prov := f"{rng.randint(1, 25):02d}"), "district": f"{prov}{rng.randint(1, 8):02d}",
             "country": rng.choice(["THA", "VNM", "MYS"]), "return_type": rng.choice(["DEPORTED_G2G", "UNKNOWN"]),
             "sector": rng.choice("ABCFG"), "exploitation": "", "trafficking_screening_id": eid if t else "",
             "trafficking_outcome": t, "child_protection": age < 18 and t == "PRESUMED_VICTIM",
             "tb_screening_id": eid, "tb_outcome": "SCREEN_NEGATIVE", "tb_presumptive": False, "voided": False,
             "safety_referral": t == "PRESUMED_VICTIM" and rng.random() < 0.5}
        mine = []
        if rng.random() < 0.4:
            st = rng.choice(facts.HEALTH_STAGES)
            r = {"referral_id": str(uuid.uuid4()), "encounter_id": eid, "person_id": a["person_id"],
                 "kind": rng.choice(["health", "protection"]), "agency": rng.choice(["HC01", "DOSVY"]),
                 "status": st, "cxr_result": "", "xpert_result": "", "diagnosis": "", "treatment_started": False,
                 "reached": st, "voided": False}
            mine.append(r)
            refs.append(tuple(r[c] for c in r_cols))
        a.update(facts.referral_summary(mine))
        arrivals.append(tuple(a[c] for c in a_cols))
        if len(arrivals) == 50_000:
            arrivals.sort(key=lambda a: a[3])       # arrivals reach HQ roughly in the order they happen
            yield arrivals, refs
            arrivals, refs = [], []
    if arrivals:
        arrivals.sort(key=lambda a: a[3])
        yield arrivals, refs


def test_report_times_postgresql(pg: str) -> None:
    store = HQStore.open(pg)
    reset_store(store)
    with store.write() as conn:
        cps = []
        for name in ("Poipet", "Bavet", "Koh Kong"):
            cid = str(uuid.uuid4())
            conn.execute(checkpoints.insert().values(id=cid, name=name, name_key=name.casefold(), created_at="x"))
            cps.append(cid)
    t = time.perf_counter()
    a_cols = [c.name for c in fact_arrivals.columns]
    for a, r in _fact_rows(PERSONS, cps):
        with store.write() as conn:
            bulk_insert(conn, fact_arrivals, a, a_cols)
            bulk_insert(conn, fact_referrals, r, [c.name for c in fact_referrals.columns])
            w = facts._Writer(conn)             # the cube, as ingest keeps it
            for row in a:
                w._count(dict(zip(a_cols, row, strict=True)), 1)
            w.flush()
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text("ANALYZE fact_arrivals"))
        conn.execute(sa.text("ANALYZE fact_referrals"))
        conn.execute(sa.text("ANALYZE fact_cube"))
    print()
    with store.read() as conn:
        n_cube = conn.execute(sa.select(sa.func.count()).select_from(fact_cube)).scalar_one()
    report(f"load {PERSONS:,} arrivals into the facts (COPY + cube)", f"{time.perf_counter() - t:.1f} s",
           note=f"{n_cube:,} cube rows")

    def baseline(period: str) -> float:
        p = parse_period(period)
        t0 = time.perf_counter()
        with store.read() as conn:
            conn.execute(sa.text("SELECT sex, count(*) FROM fact_arrivals WHERE arrival_date >= :a AND "
                                 "arrival_date < :b GROUP BY sex"),
                         {"a": p.start.isoformat(), "b": p.end.isoformat()}).all()
        return time.perf_counter() - t0

    def timed(period: str) -> tuple[float, int]:
        t0 = time.perf_counter()
        with store.read() as conn:
            r = build_report(conn, parse_period(period))
        return time.perf_counter() - t0, len(r.cells)

    months = [f"2026-{m:02d}" for m in range(1, 13)]
    month_t = [timed(m)[0] for m in months]
    month_b = [baseline(m) for m in months]
    p95 = statistics.quantiles(month_t, n=20)[-1]
    b95 = statistics.quantiles(month_b, n=20)[-1]
    report(f"month report, {PERSONS:,} persons (p95 of 12)", f"{p95 * 1000:,.0f} ms", f"{b95 * 1000:,.1f} ms",
           p95 / b95, "<= 1 s", note="baseline: one COUNT(*) GROUP BY sex of the same arrivals")
    year_t = [timed("2026") for _ in range(3)]
    year_b = [baseline("2026") for _ in range(3)]
    yt, yb = max(x[0] for x in year_t), max(year_b)
    report(f"year report, {PERSONS:,} persons (max of 3)", f"{yt:,.2f} s", f"{yb * 1000:,.0f} ms", yt / yb,
           "<= 5 s", note=f"{year_t[0][1]:,} cells")
    store.close()


def _events(dev: FakeDevice, n: int) -> list[dict[str, Any]]:
    from tests.sync.hq.test_reports import random_payloads

    out = []
    for p in random_payloads(random.Random(7), n):
        out.append(dev.event(entity_id=p["person_id"], payload=p))
    return out


def _ingest(url: str, blobs: list[bytes], dev: FakeDevice, keys: HQKeys) -> float:
    store = HQStore.open(url)
    reset_store(store)
    store.close()
    hq = HQService(HQStore.open(url), keys)
    dev.enroll(hq)
    t = time.perf_counter()
    for b in blobs:
        assert hq.ingest(b).counts["accepted"] > 0
    elapsed = time.perf_counter() - t
    hq.store.close()
    return elapsed


def test_ingest_with_and_without_facts_postgresql(pg: str, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = HQKeys.generate()
    dev = FakeDevice()
    evs = _events(dev, INGEST)
    blobs = [dev.seal(evs[i:i + BATCH], keys.exchange_public) for i in range(0, INGEST, BATCH)]
    print()
    times: dict[str, list[float]] = {"with": [], "without": []}
    for run in ("without", "with", "without", "with"):
        if run == "without":
            monkeypatch.setattr(service, "record_facts", lambda conn, plan: 0)
        else:
            monkeypatch.setattr(service, "record_facts", facts.record_facts)
        times[run].append(_ingest(pg, blobs, dev, keys))
    w, wo = min(times["with"]), min(times["without"])
    report(f"HQ ingest {INGEST:,} registrations, facts kept", f"{INGEST / w:,.0f}/s", f"{INGEST / wo:,.0f}/s",
           wo / w, ">= 5,000/s", note="baseline: the same ingest without the fact hook; best of 2 each")
