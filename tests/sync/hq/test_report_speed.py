"""The faster report paths (issue 15's performance targets) give exactly the figures of the computation they
replace, on SQLite and PostgreSQL, on a synthetic set built where it matters: persons who arrived at several
checkpoints, person ids that differ only in case, accents or a trailing space (the distinct count compares them
bytewise in the "C" collation on PostgreSQL), cells exactly at the internal (5) and publication (11) thresholds
and one under them (complementary suppression), TB screens and referrals read from the events.

- distinct persons (total, per checkpoint, one checkpoint) equal a count of the raw fact rows done here;
- a dashboard page (one dimension and the total, one section, ``build_report(dimensions=, sections=)``) shows
  the cells of the full report, which reads every dimension and section;
- every checkpoint's report read at once (``checkpoint_reports``) equals that checkpoint's own ``build_report``;
- the DHIS2 export (one read for every org unit) equals the export built as it was before: one full report per
  checkpoint;
- a page without the persons it does not show has the other cells; the dashboard's cache of fact reads, keyed
  on the facts' version, shows new figures after a batch, a rebuild or a batch whose facts failed.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from sync.hq import dhis2, facts
from sync.hq.keys import HQKeys
from sync.hq.reports import (
    DIMENSIONS,
    PUBLICATION,
    TB_DIMENSIONS,
    FactsCache,
    Report,
    build_report,
    checkpoint_reports,
    parse_period,
)
from sync.hq.service import HQService
from sync.hq.store import HQStore, checkpoints, fact_arrivals, fact_cube, set_meta
from tests.support.hq_helpers import FakeDevice
from tests.sync.hq.test_cli import hq_cli
from tests.sync.hq.test_reports import push, random_payloads, reg, register

CHECKPOINTS = ("Poipet", "Bavet", "Koh Kong")
# Person ids a locale collation might sort together, or (ICU, non-deterministic) even call equal: each one person.
LOOKALIKE_IDS = ("returnee-a", "Returnee-A", "returnee-a ", "café", "cafe\u0301", "CAFÉ")
PERIODS = ("2026-11", "2026", "2026-11-01..2026-11-15", "2026-10")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def hq(hq_url: str) -> Iterator[HQService]:
    """Three checkpoints' devices push random registrations (screens, TB, referrals) through HQ's real ingest;
    then returnees arrive at two or three checkpoints each (written to the facts as ingest writes them:
    ``facts.apply_events``), and sector "THRESH" gets 4, 5, 10 and 11 arrivals at the edges of the thresholds."""
    service = HQService(HQStore.open(hq_url), HQKeys.generate())
    rng = random.Random(1515)
    for name in CHECKPOINTS:
        dev = FakeDevice(checkpoint_name=name)
        dev.enroll(service)
        payloads = random_payloads(rng, 45)
        for i in range(0, 45, 15):
            push(service, dev, register(dev, payloads[i:i + 15]))
    with service.store.write() as conn:
        ids = {str(n): str(i) for i, n in conn.execute(sa.select(checkpoints.c.id, checkpoints.c.name))}
        evs: list[tuple[str, str, dict[str, Any], str]] = []
        for k, pid in enumerate([*LOOKALIKE_IDS, *(str(uuid.uuid4()) for _ in range(10))]):
            for name in CHECKPOINTS[:2 + k % 2]:
                for day in (3, 17)[:1 + k % 2]:
                    p = reg(pid, sex=rng.choice("MF"), arrival=f"2026-11-{day:02d}T0{k % 9}:00:00+00:00",
                            trafficking=rng.choice([None, "PRESUMED_VICTIM"]), tb="SCREEN_NEGATIVE",
                            referrals=(("protection", "DOSVY"),) if k % 3 == 0 else ())
                    evs.append(("registration.recorded", pid, p, ids[name]))
        for name, n in zip(CHECKPOINTS, (4, 5, 11), strict=True):
            for _ in range(n):
                pid = str(uuid.uuid4())
                evs.append(("registration.recorded", pid, reg(pid, sector="THRESH", sex="F"), ids[name]))
        for _ in range(10):                                     # 10 more at Poipet on another day: 14 in all
            pid = str(uuid.uuid4())
            evs.append(("registration.recorded", pid, reg(pid, sector="THRESH", sex="F",
                                                          arrival="2026-11-25T03:00:00+00:00"), ids["Poipet"]))
        facts.apply_events(conn, evs)
    yield service
    service.store.close()


def raw_persons(hq: HQService, period: str) -> dict[str, set[str]]:
    """The period's live arrivals' person ids per checkpoint id (and "all"), from the raw rows, compared as
    Python compares text: code point by code point."""
    p = parse_period(period)
    out: dict[str, set[str]] = {"all": set()}
    with hq.store.read() as conn:
        for pid, cp, day, voided in conn.execute(sa.select(fact_arrivals.c.person_id, fact_arrivals.c.checkpoint_id,
                                                           fact_arrivals.c.arrival_date, fact_arrivals.c.voided)):
            if not voided and p.start.isoformat() <= day < p.end.isoformat():
                out["all"].add(pid)
                out.setdefault(cp, set()).add(pid)
    return out


def report(hq: HQService, period: str, **kw: Any) -> Report:
    with hq.store.read() as conn:
        return build_report(conn, parse_period(period), **kw)


def cells(r: Report) -> dict[tuple[str, str, str, str], int | None]:
    return {(c.section, c.dimension, c.category, c.indicator): c.value for c in r.cells}


def test_distinct_persons_equal_the_raw_count_across_checkpoints_and_lookalike_ids(hq: HQService) -> None:
    with hq.store.read() as conn:
        names = {str(i): str(n) for i, n in conn.execute(sa.select(checkpoints.c.id, checkpoints.c.name))}
    for period in PERIODS:
        raw = raw_persons(hq, period)
        r = report(hq, period, threshold=0)
        assert r.value("arrivals", "total", "all", "persons") == len(raw["all"]), period
        for cp, name in names.items():
            want = len(raw.get(cp, ()))
            assert r.value("arrivals", "checkpoint", name, "persons") == want, (period, name)
            one = report(hq, period, threshold=0, checkpoints=[name])
            assert one.value("arrivals", "total", "all", "persons") == want, (period, name)
            assert one.value("arrivals", "checkpoint", name, "persons") == want, (period, name)
    raw = raw_persons(hq, "2026-11")
    assert set(LOOKALIKE_IDS) <= raw["all"]                     # six persons, not fewer
    # Returnees at several checkpoints count once in the total and once at each checkpoint.
    assert len(raw["all"]) < sum(len(v) for k, v in raw.items() if k != "all")


@pytest.mark.parametrize("threshold", [0, 5, PUBLICATION])
def test_a_page_of_one_dimension_and_section_shows_the_full_reports_cells(hq: HQService, threshold: int) -> None:
    full = cells(report(hq, "2026-11", threshold=threshold))
    thresh = {k: v for k, v in full.items() if k[:3] == ("arrivals", "sector", "THRESH")}
    if threshold == 5:
        assert thresh[("arrivals", "sector", "THRESH", "arrivals")] == 5 + 4 + 11 + 10   # all THRESH arrivals
    for dim in DIMENSIONS:
        for section in ("arrivals", "tb", "referrals"):
            if section == "tb" and dim not in TB_DIMENSIONS:
                continue
            page = cells(report(hq, "2026-11", threshold=threshold, dimensions=[dim, "total"], sections=(section,)))
            want = {k: v for k, v in full.items() if k[0] == section and (section == "referrals" or k[1] in
                                                                              (dim, "total"))}
            assert page == want, (dim, section)
            assert want or section == "referrals"


@pytest.mark.parametrize("threshold", [0, 5, PUBLICATION])
def test_every_checkpoints_report_read_at_once_equals_its_own_report(hq: HQService, threshold: int) -> None:
    for period in PERIODS:
        with hq.store.read() as conn:
            at_once = checkpoint_reports(conn, parse_period(period), threshold=threshold)
            full = build_report(conn, parse_period(period), threshold=threshold)
        with_arrivals = {c.category for c in full.cells if c.section == "arrivals" and c.dimension == "checkpoint"
                         and c.indicator == "arrivals"}
        assert set(at_once) == with_arrivals, period
        for name, got in at_once.items():
            assert got is not None
            own = report(hq, period, threshold=threshold, checkpoints=[name])
            assert got.cells == own.cells, (period, name)           # the same cells in the same order
            assert (got.checkpoints, got.threshold, got.stale_since) == (own.checkpoints, own.threshold,
                                                                         own.stale_since)
        if period == "2026-11":
            assert {n for n, r in at_once.items() if r and r.value("tb", "total", "all", "screened")} == \
                set(CHECKPOINTS)
    with hq.store.read() as conn:
        only = checkpoint_reports(conn, parse_period("2026-11"), checkpoints=["bavet"], threshold=threshold)
    assert list(only) == ["Bavet"]


def old_export(conn: Any, mapping: dict[str, Any], period: str, threshold: int) -> dict[str, Any]:
    """The DHIS2 export as it was built before: the report of all checkpoints for their names, then one full
    report per checkpoint."""
    p = parse_period(period)
    org_units = {k.casefold(): v for k, v in mapping["orgUnits"].items()}
    targets = {(m["section"], m["dimension"], cat, m["indicator"]): (m["dataElement"], coc)
               for m in mapping["dataElements"] for cat, coc in m["categoryOptionCombos"].items()}
    names = [c.category for c in build_report(conn, p, threshold=threshold).cells
             if (c.section, c.dimension, c.indicator) == ("arrivals", "checkpoint", "arrivals")]
    values = []
    for name in sorted(names):
        ou = org_units.get(name.casefold())
        if ou is None:
            continue
        for c in build_report(conn, p, checkpoints=[name], threshold=threshold).cells:
            t = targets.get((c.section, c.dimension, c.category, c.indicator))
            if t is not None and c.value is not None:
                values.append({"dataElement": t[0], "categoryOptionCombo": t[1], "period": dhis2.dhis2_period(p),
                               "orgUnit": ou, "value": str(c.value)})
    return {"dataSet": mapping["dataSet"], "period": dhis2.dhis2_period(p), "dataValues": values}


@pytest.mark.parametrize("threshold", [5, PUBLICATION])
def test_the_dhis2_export_equals_the_one_built_a_report_at_a_time(hq: HQService, threshold: int) -> None:
    mapping = dhis2.load_mapping()
    mapping["orgUnits"] = {"Poipet": "OUpoipet001", "Bavet": "OUbavet0001"}      # Koh Kong: no org unit
    mapping = dhis2.validate(mapping)
    for period in ("2026-11", "2026"):
        with hq.store.read() as conn:
            payload, notes = dhis2.export(conn, mapping, parse_period(period), threshold=threshold)
            want = old_export(conn, mapping, period, threshold)
        assert payload == want, period
        assert payload["dataValues"] and notes.missing_org_units == ["Koh Kong"]


def test_a_page_without_persons_shows_the_same_figures_less_the_persons(hq: HQService) -> None:
    for dim in ("checkpoint", "sex_age"):
        full = cells(report(hq, "2026-11", threshold=5, dimensions=[dim, "total"], sections=("arrivals",)))
        lean = cells(report(hq, "2026-11", threshold=5, dimensions=[dim, "total"], sections=("arrivals",),
                            persons=False))
        assert lean == {k: v for k, v in full.items() if k[3] != "persons"}
        assert any(k[3] == "persons" for k in full)


def test_cached_pages_show_new_figures_after_a_batch_a_rebuild_or_stale_facts(hq: HQService, hq_url: str) -> None:
    """The dashboard's cache (reports.FactsCache, keyed on facts_version) never shows figures the facts no longer
    have: a batch through ingest, ``rebuild-facts`` and a batch whose facts failed each make the next page read
    the facts again; while nothing changes, every page equals the uncached report."""
    cache = FactsCache()

    def page(dim: str, **kw: Any) -> dict[tuple[str, str, str, str], int | None]:
        return cells(report(hq, "2026-11", threshold=0, dimensions=[dim, "total"], sections=("arrivals",),
                            cache=cache, **kw))

    def plain(dim: str) -> dict[tuple[str, str, str, str], int | None]:
        return cells(report(hq, "2026-11", threshold=0, dimensions=[dim, "total"], sections=("arrivals",)))

    for dim in ("checkpoint", "sex", "province", "checkpoint"):
        assert page(dim) == plain(dim)
    before = page("checkpoint")[("arrivals", "total", "all", "persons")]
    assert before is not None
    dev = FakeDevice(checkpoint_name="Pailin")
    dev.enroll(hq)
    push(hq, dev, register(dev, [reg(str(uuid.uuid4()), arrival="2026-11-12T03:00:00+00:00") for _ in range(3)]))
    after = page("checkpoint")
    assert after == plain("checkpoint") and after[("arrivals", "total", "all", "persons")] == before + 3
    assert after[("arrivals", "checkpoint", "Pailin", "persons")] == 3
    with hq.store.write() as conn:                   # the facts changed without a batch (a test's own write) ...
        conn.execute(fact_arrivals.update().where(fact_arrivals.c.checkpoint_id == dev_checkpoint(conn, "Pailin"))
                     .values(voided=True))
        conn.execute(fact_cube.delete().where(fact_cube.c.checkpoint_id == dev_checkpoint(conn, "Pailin")))
    assert page("checkpoint") == after               # ... so the cache still has them: the version is the key
    r = hq_cli("--db", hq_url, "rebuild-facts")      # the facts of the events HQ holds (the fixture's returnees
    assert r.returncode == 0, r.stderr               # were written without events: gone)
    rebuilt = page("checkpoint")
    assert rebuilt == plain("checkpoint") and rebuilt[("arrivals", "checkpoint", "Pailin", "persons")] == 3
    before = rebuilt[("arrivals", "total", "all", "persons")] - 3
    with hq.store.write() as conn:
        set_meta(conn, facts.STALE, "2026-11-30T00:00:00Z")
        conn.execute(fact_arrivals.update().where(fact_arrivals.c.checkpoint_id == dev_checkpoint(conn, "Pailin"))
                     .values(voided=True))
        conn.execute(fact_cube.delete().where(fact_cube.c.checkpoint_id == dev_checkpoint(conn, "Pailin")))
    stale = page("checkpoint")
    assert stale == plain("checkpoint") and stale[("arrivals", "total", "all", "persons")] == before


def dev_checkpoint(conn: Any, name: str) -> str:
    return str(conn.execute(sa.select(checkpoints.c.id).where(checkpoints.c.name == name)).scalar_one())
