"""HQ's report carries the device's TB cascade (issue 15 point 3, issue 14): after a real sync, the "tb" section of
``build_report`` for the period equals what the device counts from its own store (``session.health.cascade``), in
total, by sex and by age group — both count with ``checkpoint.screening.cascade``."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from checkpoint.clock import ManualClock
from checkpoint.site import LOCAL_TZ
from sync.device.client import SyncClient
from sync.hq.reports import TB_INDICATORS, Period, build_report
from tests.conftest import T0
from tests.support.client_harness import enroll, new_device, new_hq
from tests.support.tb_cascade_set import pathway, recipe, register

N = 120


def test_the_reports_tb_section_is_the_devices_cascade(tmp_path: Path) -> None:
    clock = ManualClock(T0)
    hq = new_hq(tmp_path, clock=clock)
    dev = new_device(tmp_path / "poipet.db", clock=clock)
    try:
        start = clock.now().astimezone(LOCAL_TZ).date()
        people = [recipe(i) for i in range(N)]
        with dev.batch():
            regs = [register(dev, i, p, start) for i, p in enumerate(people)]
            for reg, p in zip(regs, people, strict=True):
                pathway(dev, reg.encounter_id, p, start)
        enroll(dev, hq)
        for _ in range(20):
            if SyncClient(dev, hq).sync_once()["complete"]:
                break
        else:
            raise AssertionError("the sync did not complete")
        end = start + timedelta(days=1)
        device = dev.health.cascade(start, end)
        with hq.store.read() as conn:
            r = build_report(conn, Period(start, end + timedelta(days=1), "two days"), threshold=0)
            before = build_report(conn, Period(start - timedelta(days=3), start, "before"), threshold=0)
        assert device["total"]["screened"] > 50 and device["total"]["tb_diagnosed"] > 0
        assert {i: r.value("tb", "total", "all", i) for i in TB_INDICATORS} == \
            {i: device["total"][i] for i in TB_INDICATORS}
        for dim, key in (("sex", "by_sex"), ("age_group", "by_age_group"), ("province", "by_province")):
            for cat, table in device[key].items():
                assert {i: r.value("tb", dim, cat, i) for i in TB_INDICATORS} == \
                    {i: table[i] for i in TB_INDICATORS}, (dim, cat)
        (name,) = {c.category for c in r.cells if c.section == "tb" and c.dimension == "checkpoint"}
        assert r.value("tb", "checkpoint", name, "screened") == device["total"]["screened"]
        assert before.value("tb", "total", "all", "screened") == 0        # screened in no other period
    finally:
        dev.lock()
        hq.store.close()
