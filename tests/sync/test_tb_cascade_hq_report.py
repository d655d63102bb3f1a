"""Issue 14 point 5, HQ side: `checkpoint-hq tb-cascade` gives the device's cascade, counted by HQ from what it
received in a real sync — equal to the device's figures before suppression, small cells withheld in what it prints,
filtered by checkpoint, one plain line for bad input."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from checkpoint.errors import ValidationError
from sync.device.client import SyncClient
from sync.hq.tb_cascade import INTERNAL, LOCAL_TZ, hq_tb_cascade
from tests.conftest import T0
from tests.support.client_harness import enroll, new_device, new_hq
from tests.support.tb_cascade_set import pathway, recipe, register
from tests.sync.hq.test_cli import hq_cli

N = 120


@pytest.fixture
def synced(tmp_path: Path) -> Any:
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
        yield {"hq": hq, "dev": dev, "start": start, "end": start + timedelta(days=1), "db": tmp_path / "hq.db"}
    finally:
        dev.lock()
        hq.store.close()


def test_hq_tb_cascade_equals_the_device_and_withholds_small_cells(synced) -> None:
    from sync.hq.reports import INTERNAL as REPORTS_INTERNAL

    assert INTERNAL == REPORTS_INTERNAL
    start, end = synced["start"], synced["end"]
    device = synced["dev"].health.cascade(start, end)
    with synced["hq"].store.read() as conn:
        raw = hq_tb_cascade(conn, start, end, threshold=0)
        shown = hq_tb_cascade(conn, start, end)
        poipet = hq_tb_cascade(conn, start, end, checkpoints=["poipet"], threshold=0)
        with pytest.raises(ValidationError):
            hq_tb_cascade(conn, start, end, checkpoints=["Nowhere"])
        with pytest.raises(ValidationError):
            hq_tb_cascade(conn, end, start)
        before = hq_tb_cascade(conn, start - timedelta(days=30), start - timedelta(days=1), threshold=0)
    for key in ("total", "by_sex", "by_age_group", "by_province"):
        assert raw[key] == device[key] and poipet[key] == device[key], key
    assert poipet["checkpoints"] == ["Poipet"] and raw["checkpoints"] == ["all"]
    assert before["total"]["screened"] == 0
    assert shown["total"]["screened"] == device["total"]["screened"] == N
    # every cell either equals the device's or is withheld, and none under the threshold is shown
    withheld = 0
    assert set(shown["by_province"]) == set(device["by_province"])
    for key in ("by_sex", "by_age_group", "by_province"):
        for cat, steps in shown[key].items():
            for step, v in steps.items():
                if step == "nns":
                    continue
                if v is None:
                    withheld += 1
                    assert device[key][cat][step] > 0        # small, or its complement: never a zero
                else:
                    assert v == device[key][cat][step] and not 0 < v < INTERNAL, (key, cat, step, v)
    assert withheld > 0, "the synthetic set has small cells: some must be withheld"


def test_checkpoint_hq_tb_cascade_command(synced) -> None:
    db = f"sqlite:///{synced['db']}"
    start, end = synced["start"].isoformat(), synced["end"].isoformat()
    p = hq_cli("--db", db, "tb-cascade", "--from", start, "--to", end, "--json")
    assert p.returncode == 0, p.stderr
    c = json.loads(p.stdout)
    assert c["total"]["screened"] == N and c["threshold"] == INTERNAL
    text = hq_cli("--db", db, "tb-cascade", "--from", start, "--to", end, "--checkpoint", "Poipet")
    assert text.returncode == 0 and "tb_diagnosed" in text.stdout and "Poipet" in text.stdout
    bad = hq_cli("--db", db, "tb-cascade", "--from", "2026-13-01", "--to", end)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
    low = hq_cli("--db", db, "tb-cascade", "--from", start, "--to", end, "--threshold", "1")
    assert low.returncode == 2 and "at least 2" in low.stderr
    unknown = hq_cli("--db", db, "tb-cascade", "--from", start, "--to", end, "--checkpoint", "Nowhere")
    assert unknown.returncode == 4 and "Nowhere" in unknown.stderr
