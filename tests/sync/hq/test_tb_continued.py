"""Issue 14: the TB cascade follows the referral, not the arrival. A returnee whose open TB referral her new arrival
continued counts that referral's steps (the earlier arrival's X-ray included) in the period of her new screen — on
the device and in HQ's report after a real sync, equal to the hand-checked set (tests/support/tb_continued_set.py)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from checkpoint.clock import ManualClock
from sync.device.client import SyncClient
from sync.hq.keys import HQKeys
from sync.hq.reports import TB_INDICATORS, Period, build_report
from sync.hq.service import HQService
from sync.hq.store import HQStore
from tests.conftest import T0
from tests.support.client_harness import enroll, new_device
from tests.support.tb_continued_set import PERIOD_A, PERIOD_B, build, periods


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def sync(dev: object, hq: HQService) -> None:
    for _ in range(20):
        if SyncClient(dev, hq).sync_once()["complete"]:
            return
    raise AssertionError("the sync did not complete")


def test_the_device_cascade_follows_the_continued_referral(tmp_path: Path) -> None:
    clock = ManualClock(T0)
    dev = new_device(tmp_path / "poipet.db", clock=clock)
    try:
        got = build(dev, clock)
        a, b = periods(got["start"])
        assert {k: dev.health.cascade(*b)["total"][k] for k in PERIOD_B} == PERIOD_B
        assert {k: dev.health.cascade(*a)["total"][k] for k in PERIOD_A} == PERIOD_A
        # by sex: everyone of the set is a man
        assert dev.health.cascade(*b)["by_sex"]["M"]["x_rayed"] == 3
        assert dev.maintenance.verify().ok
    finally:
        dev.lock()


def test_hqs_report_counts_the_continued_referral_as_the_device_does(tmp_path: Path, hq_url: str) -> None:
    clock = ManualClock(T0)
    hq = HQService(HQStore.open(hq_url), HQKeys.generate(), clock=clock)
    dev = new_device(tmp_path / "poipet.db", clock=clock)
    try:
        enroll(dev, hq)
        got = build(dev, clock)
        sync(dev, hq)
        a, b = periods(got["start"])
        with hq.store.read() as conn:
            rb = build_report(conn, Period(b[0], b[1] + timedelta(days=1), "B"), threshold=0)
            ra = build_report(conn, Period(a[0], a[1] + timedelta(days=1), "A"), threshold=0)
        assert {i: rb.value("tb", "total", "all", i) for i in TB_INDICATORS} == \
            {i: PERIOD_B[i] for i in TB_INDICATORS}
        assert {i: ra.value("tb", "total", "all", i) for i in TB_INDICATORS} == \
            {i: PERIOD_A[i] for i in TB_INDICATORS}
        assert rb.value("tb", "sex", "M", "x_rayed") == 3
    finally:
        dev.lock()
        hq.store.close()
