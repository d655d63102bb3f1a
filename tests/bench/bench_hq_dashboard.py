"""Issue 15 "Must show": HQ's reports, dashboard pages and DHIS2 export on PostgreSQL with a large synthetic fact set.

CHECKPOINT_BENCH_DASH_PERSONS arrivals (default 1,000,000; one per person, a year, three checkpoints; the rows of
``_fact_rows``, TB cascade facts included) are written straight into the fact tables with COPY and the cube kept as
ingest keeps it (not through the sync protocol: that is ``bench_reports``' ingest benchmark), then, each beside the
baseline of a plain ``SELECT sex, count(*) FROM fact_arrivals WHERE <the same period> GROUP BY sex`` timed in the
same run, and printed as a ratio:

- every report kind of the dashboard (``report_source.report``) for each month, by each dimension: p95 <= 1 s;
- the full report (every section, every dimension) for the year: <= 5 s;
- dashboard pages (overview, each report kind for each month and several dimensions) as served by HQ's real app
  under uvicorn to a signed-in data manager, timed inside the server (an ASGI wrapper: request in to last byte
  out): p95 <= 300 ms;
- the DHIS2 dataValueSet of the year through the example mapping: <= 10 s.

PostgreSQL runs on the local cluster (started if needed) or the benchmark is skipped with the reason printed.

The loaded facts are kept between runs in a database of the local cluster named after the number of persons and a
fingerprint of the code that builds them (``bench_dash_<persons>_<fingerprint>``; loading 1,000,000 takes minutes):
a later run with the same generator reuses it (the schema brought to head, every table but the facts and the
checkpoints emptied). ``CHECKPOINT_BENCH_DASH_CACHE=0`` builds a throwaway database instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import os
import random
import secrets
import statistics
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint.clock import ManualClock
from checkpoint.screening import cascade
from sync.hq import dhis2, facts, service_facts
from sync.hq.http import create_app
from sync.hq.keys import HQKeys
from sync.hq.reports import build_report, parse_period
from sync.hq.service import HQService
from sync.hq.store import (
    HQStore,
    bulk_insert,
    checkpoints,
    fact_arrivals,
    fact_assistance,
    fact_cube,
    fact_nea,
    fact_referrals,
    fact_tb_referrals,
    fact_tb_screens,
)
from sync.hq.web.accounts import Accounts
from sync.hq.web.report_source import REPORTS, dimensions_for
from sync.hq.web.report_source import report as page_report
from tests.bench.bench_hq import report
from tests.support.hq_helpers import (
    LiveServer,
    PostgresUnavailable,
    _pg_run,
    postgres_database,
    reset_store,
)
from tests.sync.hq.web.harness import PASS, WebHQ

PERSONS = int(os.environ.get("CHECKPOINT_BENCH_DASH_PERSONS", "1000000"))
MONTHS = [f"2026-{m:02d}" for m in range(1, 13)]
CHECKPOINT_NAMES = ("Poipet", "Bavet", "Koh Kong")


# The TB cascade published at Poipet (issue 14): 15,034 screened -> 2,271 presumptive -> 2,027 X-rayed ->
# 1,519 Xpert -> 342 with TB; the synthetic TB facts keep those shares (every arrival screened, with consent).
POIPET = {"screened": 15_034, "presumptive": 2_271, "x_rayed": 2_027, "xpert_done": 1_519, "tb_diagnosed": 342}


def _tb_rows(a: dict[str, Any], rng: random.Random) -> tuple[tuple[Any, ...], tuple[Any, ...] | None]:
    """The TB facts (``sync.hq.tb_facts``) of one arrival: its screen, and the health referral of a presumptive
    one carried as far as Poipet's shares take it (treatment started for 85 % of those diagnosed)."""
    presumptive = rng.random() < POIPET["presumptive"] / POIPET["screened"]
    outcome = "PRESUMPTIVE_TB_REFER" if presumptive else rng.choice(["SCREEN_NEGATIVE"] * 9 + ["HIGH_RISK_REFER"])
    eid, day = a["encounter_id"], a["arrival_date"]
    screen = [a["person_id"], 0, eid, eid, day, outcome, a["age"], a["sex"], a["province"], "",
              True, a["checkpoint_id"], a["sex"], a["province"], cascade.age_group(a["age"])]
    if not presumptive:
        return (*screen, 1, *(0,) * (len(cascade.STEPS) - 1)), None
    x_ray = rng.random() < POIPET["x_rayed"] / POIPET["presumptive"]
    xpert = x_ray and rng.random() < POIPET["xpert_done"] / POIPET["x_rayed"]
    tb = xpert and rng.random() < POIPET["tb_diagnosed"] / POIPET["xpert_done"]
    started = tb and rng.random() < 0.85
    status = ("treatment_started" if started else "diagnosed" if tb else "xpert_done" if xpert else
              "cxr_done" if x_ray else "referred")
    ref = (a["person_id"], str(uuid.uuid4()), eid, "health", status,
           ("ABNORMAL_SUGGESTIVE" if xpert else rng.choice(["NORMAL", "OTHER_ABNORMALITY"])) if x_ray else "",
           day if xpert else "",
           ("MTB_DETECTED_RIF_DETECTED" if rng.random() < 0.03 else "MTB_DETECTED_RIF_NOT_DETECTED") if tb else
           "MTB_NOT_DETECTED" if xpert else "",
           rng.choice(["BACT_CONFIRMED"] * 7 + ["CLINICALLY_DIAGNOSED"] * 3) if tb else "",
           day if started else "")
    # the solo screen's steps as tb_cascade counts them (sync.hq.tb_facts keeps them so at ingest)
    steps = cascade.tb_cascade([{"person_id": ref[0], "encounter_id": eid, "screened_on": day, "outcome": outcome}],
                               [dict(zip(("person_id", "id", "encounter_id", "kind", *REF_FIELDS), ref, strict=True))],
                               start=date.fromisoformat(day), end=date.fromisoformat(day))["total"]
    return (*screen, *(steps[k] for k in cascade.STEPS)), ref


Rows = list[tuple[Any, ...]]
REF_FIELDS = ("status", "cxr_result", "sputum_collected_at", "xpert_result", "diagnosis", "treatment_started_at")


def _fact_rows(n: int, cps: list[str]) -> Iterator[tuple[Rows, Rows, Rows, Rows]]:
    """n arrivals over 2026 in arrival order (50,000 per chunk) with their referrals (~40%), as fact rows: ages
    1-70, 25 provinces x 8 districts, three countries, screened or not, presumed victims with an exploitation
    type, the safety rule for some, TB screens and health referrals at every stage; and the TB cascade's facts
    (every arrival TB-screened, in Poipet's shares: ``_tb_rows``)."""
    rng = random.Random(15)
    tb_rng = random.Random(14)
    screens: Rows = []
    tb_refs: Rows = []
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
        t = rng.choice(["", "NOT_INDICATED", "PRESUMED_VICTIM", "NOT_SCREENED"])
        victim = t == "PRESUMED_VICTIM"
        a = {"encounter_id": eid, "person_id": str(uuid.uuid4()), "checkpoint_id": rng.choice(cps),
             "arrival_date": (d0 + timedelta(days=min(364, i // per_day))).isoformat(), "sex": sex, "age": age,
             "age_group": facts.age_group(age), "sex_age": facts.sex_age(sex, age),
             "province": (prov := f"{rng.randint(1, 25):02d}"), "district": f"{prov}{rng.randint(1, 8):02d}",
             "country": rng.choice(["THA", "VNM", "MYS"]), "return_type": rng.choice(["DEPORTED_G2G", "UNKNOWN"]),
             "sector": rng.choice("ABCFG"), "exploitation": rng.choice(["FORCED_LABOUR", "SEXUAL"]) if victim else "",
             "trafficking_screening_id": eid if t else "", "trafficking_outcome": t,
             "child_protection": age < 18 and victim, "tb_screening_id": eid,
             "tb_outcome": rng.choice(["SCREEN_NEGATIVE", "PRESUMPTIVE_TB_REFER"]), "tb_presumptive": False,
             "voided": False, "safety_referral": victim and rng.random() < 0.5}
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
        screen, tb_ref = _tb_rows(a, tb_rng)
        screens.append(screen)
        if tb_ref is not None:
            tb_refs.append(tb_ref)
        if len(arrivals) == 50_000:
            arrivals.sort(key=lambda a: a[3])       # arrivals reach HQ roughly in the order they happen
            yield arrivals, refs, screens, tb_refs
            arrivals, refs, screens, tb_refs = [], [], [], []
    if arrivals:
        arrivals.sort(key=lambda a: a[3])
        yield arrivals, refs, screens, tb_refs


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1] if len(xs) > 1 else xs[0]


_KEPT = ("alembic_version", "checkpoints", "fact_arrivals", "fact_referrals", "fact_cube", "fact_tb_screens",
         "fact_tb_referrals", "fact_assistance", "fact_nea", "fact_service_persons")


def _fingerprint() -> str:
    """What the cached facts depend on: the generator, how the cube is counted, the fact tables' columns."""
    h = hashlib.sha256()
    for part in (inspect.getsource(_fact_rows), inspect.getsource(_tb_rows), inspect.getsource(facts.measures),
                 inspect.getsource(facts.contributions),
                 repr([c.name for t in (fact_arrivals, fact_referrals, fact_cube, fact_tb_screens, fact_tb_referrals)
                       for c in t.columns]),
                 repr(CHECKPOINT_NAMES), str(PERSONS)):
        h.update(part.encode())
    return h.hexdigest()[:12]


@contextlib.contextmanager
def _cached_database() -> Iterator[tuple[str, bool]]:
    """(url, True if it holds the facts already) of the kept database, or a throwaway one (cache off)."""
    with postgres_database() as throwaway:              # starts the cluster (or says why it cannot)
        if os.environ.get("CHECKPOINT_BENCH_DASH_CACHE", "1") == "0":
            yield throwaway, False
            return
        port = throwaway.rsplit(":", 1)[1].split("/", 1)[0]
        name, role, password = f"bench_dash_{PERSONS}_{_fingerprint()}", "checkpoint_bench", secrets.token_hex(16)

        def psql(sql: str, *, quiet: bool = False) -> str:
            r = _pg_run(["su", "postgres", "-c", f"psql -p {port} -v ON_ERROR_STOP=1 -qAt -c \"{sql}\""])
            if r.returncode != 0 and not quiet:
                raise PostgresUnavailable(f"psql as postgres failed: {(r.stderr or r.stdout).strip()[:300]}")
            return r.stdout

        if not psql(f"SELECT 1 FROM pg_roles WHERE rolname = '{role}'").strip():
            psql(f"CREATE ROLE {role} LOGIN")
        psql(f"ALTER ROLE {role} PASSWORD '{password}'")
        existing = psql("SELECT datname FROM pg_database WHERE datname LIKE 'bench\\_dash\\_%'").split()
        for old in existing:
            if old != name:                              # a fact set of older code: not needed again
                psql(f"DROP DATABASE IF EXISTS {old} WITH (FORCE)", quiet=True)
        marker = psql(f"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{name}'")
        ready = marker.strip() == "loaded"
        if name in existing and not ready:               # a load that did not finish
            psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if not ready:
            psql(f"CREATE DATABASE {name} OWNER {role}")
        url = f"postgresql+psycopg://{role}:{password}@127.0.0.1:{port}/{name}"
        yield url, ready
        if not ready:
            psql(f"COMMENT ON DATABASE {name} IS 'loaded'")


def _load(store: HQStore) -> None:
    reset_store(store)
    with store.write() as conn:
        cps = []
        for name in CHECKPOINT_NAMES:
            cid = str(uuid.uuid4())
            conn.execute(checkpoints.insert().values(id=cid, name=name, name_key=name.casefold(), created_at="x"))
            cps.append(cid)
    t = time.perf_counter()
    a_cols = [c.name for c in fact_arrivals.columns]
    r_cols = [c.name for c in fact_referrals.columns]
    cube: dict[tuple[str, ...], list[int]] = {}     # the cube ingest would keep: every arrival's share
    for a, r, tb_s, tb_r in _fact_rows(PERSONS, cps):
        with store.write() as conn:
            bulk_insert(conn, fact_arrivals, a, a_cols)
            bulk_insert(conn, fact_referrals, r, r_cols)
            bulk_insert(conn, fact_tb_screens, tb_s, [c.name for c in fact_tb_screens.columns])
            bulk_insert(conn, fact_tb_referrals, tb_r, [c.name for c in fact_tb_referrals.columns])
        for row in a:
            for key, vec in facts.contributions(dict(zip(a_cols, row, strict=True))):
                got = cube.get(key)
                if got is None:
                    cube[key] = list(vec)
                else:
                    for k, v in enumerate(vec):
                        got[k] += v
    cols = ["arrival_date", "checkpoint_id", "dimension", "category", *facts.CUBE_MEASURES]
    rows = [(*k, *v) for k, v in sorted(cube.items())]
    for i in range(0, len(rows), 100_000):
        with store.write() as conn:
            bulk_insert(conn, fact_cube, rows[i:i + 100_000], cols)
    del cube, rows
    print()
    report(f"load {PERSONS:,} arrivals (COPY + cube)", f"{time.perf_counter() - t:.1f} s",
           note="machine shared with other jobs")


# The assistance desk and NEA's job desk (issue 13), derived from the loaded arrivals in SQL so a kept fact set
# gains them without a reload: 30 % of persons given one to three items on their arrival day, 10 % registered with
# NEA; kinds, providers and the NEA form's codes spread by a hash of the arrival (the same on every run).
_HASH = "(('x' || substr(md5(encounter_id), 1, 8))::bit(32)::int & 2147483647)"
SERVICE_SQL = (
    f"""INSERT INTO fact_assistance (assistance_id, person_id, checkpoint_id, given_on, kind, provider, item_code,
                                     cash_grant, voided)
    SELECT md5(encounter_id || k.n), person_id, checkpoint_id, arrival_date, kinds[1 + (h + k.n) % 7],
           (ARRAY['IOM', 'DOSVY', 'CWCC', 'LSCW'])[1 + h % 4], 'ITEM' || ((h + k.n) % 12),
           kinds[1 + (h + k.n) % 7] = 'CASH', (h + k.n) % 50 = 0
    FROM (SELECT *, {_HASH} AS h, ARRAY['FOOD_WATER', 'NON_FOOD', 'TRANSPORT', 'CASH', 'SHELTER', 'MEDICAL',
                                         'OTHER'] AS kinds FROM fact_arrivals) a
    CROSS JOIN generate_series(1, 3) AS k(n)
    WHERE h % 10 < 3 AND k.n <= 1 + h % 3""",
    f"""INSERT INTO fact_nea (registration_id, person_id, encounter_id, checkpoint_id, registered_on, desired_job,
                              desired_sector, desired_province, education, abroad_again, sector_abroad)
    SELECT md5('nea' || encounter_id), person_id, encounter_id, checkpoint_id, arrival_date, 'JOB' || (h % 20),
           (ARRAY['A', 'C', 'F', 'G', 'I'])[1 + h % 5], lpad((1 + h % 25)::text, 2, '0'),
           (ARRAY['NONE', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY'])[1 + h % 4],
           (ARRAY['yes', 'no', 'maybe', ''])[1 + h % 4], (ARRAY['A', 'C', 'F'])[1 + h % 3]
    FROM (SELECT *, {_HASH} AS h FROM fact_arrivals) a WHERE h % 100 < 10""",
)


def _load_services(store: HQStore) -> None:
    """The service facts, unless the kept database holds them already (linked to their arrivals: a run stopped
    while linking left them unlinked)."""
    with store.read() as conn:
        cols = {c["name"] for c in sa.inspect(conn).get_columns("fact_assistance")}
        have = conn.execute(sa.select(sa.func.count()).select_from(fact_assistance)).scalar_one()
        unlinked = conn.execute(sa.select(sa.func.count()).select_from(fact_assistance)
                                .where(fact_assistance.c.encounter_id == "")).scalar_one() if have else 0
    if have and cols == {c.name for c in fact_assistance.columns}:
        if unlinked:
            _link_services(store)
        return
    t = time.perf_counter()
    with store.write() as conn:
        if cols != {c.name for c in fact_assistance.columns}:     # a kept database of older code: made again
            for table in (fact_assistance, fact_nea):
                table.drop(conn)
                table.create(conn)
        conn.execute(fact_assistance.delete())
        conn.execute(fact_nea.delete())
        for sql in SERVICE_SQL:
            conn.execute(sa.text(sql))
    report("load the assistance and NEA facts (SQL from the arrivals)", f"{time.perf_counter() - t:.1f} s")
    _link_services(store)


def _link_services(store: HQStore) -> None:
    t = time.perf_counter()
    with store.write() as conn:
        service_facts.analyze(conn)               # as rebuild-facts does: the planner's figures for the links
        service_facts.relink(conn, None)
    report("link every handing-out to its arrival (service_facts.relink, as rebuild-facts does)",
           f"{time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    with store.write() as conn:
        service_facts.roll(conn, None)
    report("sum each person's handings-out and registrations per month and year (service_facts.roll)",
           f"{time.perf_counter() - t:.1f} s")


def _empty_all_but_the_facts(store: HQStore) -> None:
    from sync.hq.store import INITIAL_COUNTERS, METADATA, counters

    with store.write() as conn:
        for t in reversed(METADATA.sorted_tables):
            if t.name not in _KEPT:
                conn.execute(t.delete())
        conn.execute(counters.insert(), list(INITIAL_COUNTERS))


@pytest.fixture(scope="module")
def loaded() -> Iterator[HQStore]:
    try:
        with _cached_database() as (url, ready):
            store = HQStore.open(url)
            if ready:
                _empty_all_but_the_facts(store)
            else:
                _load(store)
            _load_services(store)
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                for table in _KEPT[2:]:
                    conn.execute(sa.text(f"VACUUM ANALYZE {table}"))
                n_cube = conn.execute(sa.select(sa.func.count()).select_from(fact_cube)).scalar_one()
            print(f"\n{'reused' if ready else 'built'} {PERSONS:,} arrivals, {n_cube:,} cube rows "
                  f"(load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f})", flush=True)
            yield store
            _empty_all_but_the_facts(store)
            store.close()
    except PostgresUnavailable as e:
        print(f"\nPostgreSQL benchmark skipped: {e}", flush=True)
        pytest.skip(f"PostgreSQL unavailable: {e}")


def baseline(store: HQStore, period: str) -> float:
    p = parse_period(period)
    t0 = time.perf_counter()
    with store.read() as conn:
        conn.execute(sa.text("SELECT sex, count(*) FROM fact_arrivals WHERE arrival_date >= :a AND arrival_date < :b "
                             "GROUP BY sex"), {"a": p.start.isoformat(), "b": p.end.isoformat()}).all()
    return time.perf_counter() - t0


def test_every_report_for_a_month_and_the_year(loaded: HQStore) -> None:
    store = loaded
    ids = [i for i, in store.engine.connect().execute(sa.select(checkpoints.c.id)).all()]
    times: dict[str, list[float]] = {}
    base = [baseline(store, m) for m in MONTHS]
    for kind in REPORTS:
        for dim in dimensions_for(kind):
            for m in MONTHS:
                t0 = time.perf_counter()
                page_report(store, kind, m, [], dim)
                times.setdefault(kind, []).append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        page_report(store, kind, "2026-06", ids[:1], "sex")                # one checkpoint
        times[kind].append(time.perf_counter() - t0)
    b95 = p95(base)
    print()
    for kind, ts in times.items():
        report(f"{kind} report, a month, {PERSONS:,} (p95 of {len(ts)})", f"{p95(ts) * 1000:,.0f} ms",
               f"{b95 * 1000:,.1f} ms", p95(ts) / b95, "<= 1 s",
               note="as a page reads it: a month's reads shared (FactsCache); baseline: COUNT(*) GROUP BY sex "
                    "of the month's arrivals")
    full = []
    for m in MONTHS:
        t0 = time.perf_counter()
        with store.read() as conn:
            build_report(conn, parse_period(m))
        full.append(time.perf_counter() - t0)
    report(f"full report (all sections x dimensions), a month (p95 of {len(full)})", f"{p95(full) * 1000:,.0f} ms",
           f"{b95 * 1000:,.1f} ms", p95(full) / b95, "<= 1 s", note="no cache: as the CLI reads it")
    year, year_b = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        with store.read() as conn:
            r = build_report(conn, parse_period("2026"))
        year.append(time.perf_counter() - t0)
        year_b.append(baseline(store, "2026"))
    report("full report for the year (max of 3)", f"{max(year):,.2f} s", f"{max(year_b) * 1000:,.0f} ms",
           max(year) / max(year_b), "<= 5 s", note=f"{len(r.cells):,} cells")
    tb_year = []
    for _ in range(3):
        t0 = time.perf_counter()
        with store.read() as conn:
            tb = build_report(conn, parse_period("2026"), sections=["tb"])
        tb_year.append(time.perf_counter() - t0)
    report("  its TB section alone (max of 3)", f"{max(tb_year):,.2f} s", f"{max(year_b) * 1000:,.0f} ms",
           max(tb_year) / max(year_b), note=f"tb_cascade over {tb.value('tb', 'total', 'all', 'screened'):,} "
           f"screens (TB facts: sync.hq.tb_facts); {tb.value('tb', 'total', 'all', 'tb_diagnosed'):,} with TB")
    assert tb.value("tb", "total", "all", "screened") == PERSONS
    svc_year = []
    for _ in range(3):
        t0 = time.perf_counter()
        with store.read() as conn:
            svc = build_report(conn, parse_period("2026"), sections=["assistance", "nea"])
        svc_year.append(time.perf_counter() - t0)
    with store.read() as conn:
        given = conn.execute(sa.select(sa.func.count()).select_from(fact_assistance)
                             .where(fact_assistance.c.voided == sa.false())).scalar_one()
        registered = conn.execute(sa.select(sa.func.count()).select_from(fact_nea)).scalar_one()
    report("  its assistance and NEA sections alone (max of 3)", f"{max(svc_year):,.2f} s",
           f"{max(year_b) * 1000:,.0f} ms", max(svc_year) / max(year_b),
           note=f"{given:,} items given, {registered:,} NEA registrations")
    assert svc.value("assistance", "total", "all", "assistance_given") == given > 0
    assert svc.value("nea", "total", "all", "nea_registrations") == registered > 0
    assert p95(full) <= 1.0 and max(year) <= 5.0 and all(p95(ts) <= 1.0 for ts in times.values())


class Timing:
    """ASGI wrapper: the server time of each request (from the request in to the last byte of the answer out)."""

    def __init__(self, app: Any) -> None:
        self.app, self.times = app, {}  # type: ignore[var-annotated]

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()

        async def timed_send(message: Any) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                key = scope["path"] + ("?" + scope["query_string"].decode() if scope["query_string"] else "")
                self.times[key] = time.perf_counter() - t0

        await self.app(scope, receive, timed_send)


def test_dashboard_pages_server_time(loaded: HQStore) -> None:
    # A store of its own: the server starts with nothing kept from the other tests (the cache is per store).
    store = HQStore.open(loaded.engine.url.render_as_string(hide_password=False), migrate=False)
    clock = ManualClock(datetime(2026, 12, 1, 8, 0, tzinfo=UTC))
    service = HQService(store, HQKeys.generate(), clock=clock)
    secret = Accounts(store, clock).add("dm", "Vanna Chea", "data_manager", PASS).secret
    timing = Timing(create_app(service, rate_per_minute=0, web={"clock": clock}))
    paths = ["/hq/"]
    for m in MONTHS:
        for kind in ("arrivals", "trafficking", "tb"):
            for dim in ("checkpoint", "sex_age", "province", "district"):
                paths.append(f"/hq/reports/{kind}?period={m}&dimension={dim}&view=internal")
        for kind, dims in (("assistance", ("kind", "provider", "sex_age")), ("nea", ("desired_sector", "province"))):
            paths.extend(f"/hq/reports/{kind}?period={m}&dimension={dim}&view=internal" for dim in dims)
    with LiveServer(timing) as srv:
        web = WebHQ(srv.url, service, clock, {"dm": secret}, {})
        client = web.sign_in("dm")
        for path in paths:
            r = client.get(path)
            assert r.status_code == 200, (path, r.status_code)
        client.close()
    served = [timing.times[p] for p in paths]
    # the first page of each month reads the facts; the month's other pages share its reads (reports.FactsCache)
    first = [timing.times[next(p for p in paths if f"period={m}&" in p)] for m in MONTHS]
    base = [baseline(store, m) for m in MONTHS]
    print()
    report(f"dashboard pages, {PERSONS:,} (p95 of {len(served)})", f"{p95(served) * 1000:,.0f} ms",
           f"{p95(base) * 1000:,.1f} ms", p95(served) / p95(base), "<= 300 ms",
           note=f"server time; slowest {max(served) * 1000:,.0f} ms; baseline: COUNT(*) GROUP BY sex of a month")
    report("  the first page of each month (reads the facts), max", f"{max(first) * 1000:,.0f} ms",
           f"{max(base) * 1000:,.1f} ms", max(first) / max(base), note="the month's arrivals by checkpoint")
    store.close()
    assert p95(served) <= 0.3


def test_dhis2_export_of_a_year(loaded: HQStore) -> None:
    store = loaded
    mapping = dhis2.load_mapping()
    mapping["orgUnits"] = {name: f"OU{n:09d}" for n, name in enumerate(CHECKPOINT_NAMES)}
    mapping = dhis2.validate(mapping)
    runs, base = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        with store.read() as conn:
            payload, _notes = dhis2.export(conn, mapping, parse_period("2026"))
        runs.append(time.perf_counter() - t0)
        base.append(baseline(store, "2026"))
    print()
    report(f"DHIS2 dataValueSet for the year, {PERSONS:,} (max of 3)", f"{max(runs):,.2f} s",
           f"{max(base) * 1000:,.0f} ms", max(runs) / max(base), "<= 10 s",
           note=f"{len(payload['dataValues']):,} values, 3 org units")
    assert payload["dataValues"] and max(runs) <= 10.0
