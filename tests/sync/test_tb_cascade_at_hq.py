"""Issue 14 must-show, HQ side: after a real sync, HQ derives the same TB cascade from the events it holds as the
device counts from its store — and both equal the synthetic set's expected table (tests/services/test_tb_cascade.py).
HQ's side uses only ``checkpoint.screening.cascade`` (stdlib, no storage: the HQ reports helper imports it)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from checkpoint.screening.cascade import inputs_from_events, tb_cascade
from checkpoint.site import LOCAL_TZ
from sync.device.client import SyncClient
from sync.hq.store import events
from tests.conftest import T0
from tests.support.client_harness import enroll, new_device, new_hq
from tests.support.tb_cascade_set import expected_table, pathway, recipe, register

N = 520


def test_hq_counts_the_cascade_the_device_counts(tmp_path: Path) -> None:
    from checkpoint.clock import ManualClock

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
            rows = conn.execute(sa.select(events.c.type, events.c.entity_id, events.c.payload, events.c.recorded_at)
                                .where(events.c.status == "accepted", events.c.entity_type == "person")
                                .order_by(events.c.ingest_seq)).mappings().all()
        assert sum(1 for r in rows if r["type"] == "tb.screened") == N

        def local_day(at: str) -> str:
            return datetime.fromisoformat(at).astimezone(LOCAL_TZ).date().isoformat()

        screens, referrals = inputs_from_events([dict(r) for r in rows], local_day=local_day)
        at_hq = tb_cascade(screens, referrals, start=start, end=end)
        assert at_hq == device
        assert {k: device[k] for k in ("total", "by_sex", "by_age_group")} == expected_table(people)
        assert json.loads(json.dumps(at_hq)) == at_hq
    finally:
        dev.lock()
        hq.store.close()
