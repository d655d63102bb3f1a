"""Issue 15 point 5 as the checkpoint's supervisor sees it: her sync panel says HQ holds another copy of one of the
laptop's events, then, once HQ's data manager decided, that HQ kept its copy, why, and what she can do."""

from __future__ import annotations

from pathlib import Path

from sync.device.client import SyncClient
from sync.hq import operator
from tests.support.client_harness import enroll, new_hq
from tests.sync.device.test_hq_conflict_decision import _conflict
from tests.ui.test_sync_panel import _net_idle, panel  # noqa: F401 - panel is a fixture


def test_the_panel_says_in_conflict_then_decided_at_hq(qtbot, panel, tmp_path: Path, clock) -> None:  # noqa: F811
    p, ctx = panel
    hq = new_hq(tmp_path, clock=clock)
    try:
        ctx.runner.run_sync(lambda: enroll(ctx.session, hq))
        ctx.runner.run_sync(lambda: _conflict(hq, ctx.session))
        p.refresh()
        _net_idle(qtbot, ctx)
        assert "HQ holds another copy of 1 event(s) of this device" in p.state.text(), p.state.text()
        (c,) = operator.conflict_rows(hq.store)
        operator.decide_conflict(hq.store, hq.clock, c["id"], "vanna", "kept after a call with Poipet")
        ctx.runner.run_sync(lambda: SyncClient(ctx.session, hq).pull_all())
        p.refresh()
        _net_idle(qtbot, ctx)
        shown = p.state.text()
        assert "HQ holds another copy" not in shown
        assert "Decided at HQ: 1 conflict(s), HQ's copy kept." in shown
        assert "registration.recorded: HQ kept its copy" in shown and "kept after a call with Poipet" in shown
    finally:
        hq.store.close()
