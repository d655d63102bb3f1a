"""What HQ does reaches the supervisor's sync panel: a conflict HQ holds, then decided at HQ (issue 15 point 5), with
why and what she can do; and HQ moving to another address, which she gives from the panel (supervisors only)."""

from __future__ import annotations

from pathlib import Path

from sync.device.client import SyncClient
from sync.hq import operator
from tests.support.client_harness import enroll, new_hq
from tests.support.ui_helpers import show_active, wait_idle
from tests.sync.device.test_hq_conflict_decision import _conflict
from tests.ui.test_sync_panel import _net_idle, panel  # noqa: F401 - panel is a fixture
from ui.qt import Qt


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


def test_a_supervisor_gives_hqs_new_address_from_the_panel(qtbot, panel, tmp_path: Path, clock) -> None:  # noqa: F811
    from checkpoint.services.outbox import Outbox

    p, ctx = panel
    hq = new_hq(tmp_path, clock=clock)
    try:
        ctx.runner.run_sync(lambda: enroll(ctx.session, hq))
        p.refresh()
        _net_idle(qtbot, ctx)
        assert p.hq_address_btn.isVisible() and p.hq_address_btn.isEnabled()
        p.hq_address_asker = lambda: ("ftp://hq.example.org", "moved")         # bad input: refused, nothing kept
        qtbot.mouseClick(p.hq_address_btn, Qt.MouseButton.LeftButton)
        _net_idle(qtbot, ctx)
        assert "must be an https:// address" in p.last_error.text(), p.last_error.text()
        url = lambda: ctx.runner.run_sync(lambda: Outbox(ctx.session).enrollment()["hq_url"])  # noqa: E731
        assert url() == "http://hq.test"
        p.hq_address_asker = lambda: ("https://hq2.example.org", "HQ moved to the ministry's data centre")
        with qtbot.waitSignal(p.status_changed, timeout=10_000) as sig:
            qtbot.mouseClick(p.hq_address_btn, Qt.MouseButton.LeftButton)
        assert sig.args[0] == "HQ's address is now https://hq2.example.org."
        assert url() == "https://hq2.example.org"
        p.hq_address_asker = lambda: None                                      # cancelled: nothing happens
        qtbot.mouseClick(p.hq_address_btn, Qt.MouseButton.LeftButton)
        assert url() == "https://hq2.example.org"
    finally:
        hq.store.close()


def test_an_admin_does_not_see_the_hq_address_button(qtbot, make_ctx) -> None:
    from sync.device import DeviceSync
    from ui.views.sync_panel import SyncPanel

    ctx = make_ctx("rith")
    p = SyncPanel(ctx, DeviceSync(ctx.session), background=False)
    qtbot.addWidget(p)
    show_active(qtbot, p)
    try:
        assert not p.hq_address_btn.isVisible()
    finally:
        p.shutdown()
        wait_idle(qtbot, ctx)


def test_the_address_dialog_needs_both_fields(qtbot, make_ctx) -> None:
    from ui.views.sync_panel import HqAddressDialog

    d = HqAddressDialog(make_ctx("dara"))
    qtbot.addWidget(d)
    d.url.setText("https://hq2.example.org")
    d.submit()
    assert not d.result() and "why it changes" in d.error.text()
    d.reason.setText("moved")
    d.submit()
    assert d.result() == d.DialogCode.Accepted
