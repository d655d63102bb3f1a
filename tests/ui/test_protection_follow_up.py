"""The supervisor's protection follow-up tab (issue 16 point 5) on a real store, with a real HQ in process: a
referral to an NGO of HQ's directory shows the NGO's name and the stage its partner recorded at HQ once synced; a
supervisor closes one as lost to follow-up; an officer has no such tab and the service refuses her."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkpoint.errors import PermissionDenied
from sync.device.client import SyncClient
from sync.hq import directory, partners
from tests.support.client_harness import enroll, new_hq
from tests.support.helpers import POSITIVE_ADULT, adult, registration
from tests.support.ui_helpers import show_active, wait_idle
from ui.views.supervisor import SupervisorView

CSV = b"code,kind,name_en,services\r\nNGO_HAGAR,ngo,Hagar Cambodia,protection;shelter\r\n"


def test_partner_stage_shows_and_a_supervisor_closes(make_ctx, qtbot, tmp_path: Path, clock) -> None:
    hq = new_hq(tmp_path, clock=clock)
    try:
        directory.import_csv(hq.store, clock, CSV, by="dm")
        ctx = make_ctx("dara")
        s = ctx.session

        def setup() -> str:
            enroll(s, hq)
            SyncClient(s, hq).sync_once()
            reg = s.registrations.register(**registration(
                person=adult(family_name="CHANTHOU", id_document_number="Z9999999"),
                trafficking={"ticked": POSITIVE_ADULT},
                referrals=[{"kind": "protection", "agency_code": "NGO_HAGAR", "urgency": "SAME_DAY",
                            "reason_code": "TRAFFICKING_INDICATORS"}]))
            SyncClient(s, hq).sync_once()
            return reg.referral_ids[0]

        rid = ctx.runner.run_sync(setup)
        partners.record_stage(hq.store, clock, "NGO_HAGAR", "srey", rid, "arrived")
        ctx.runner.run_sync(lambda: SyncClient(s, hq).sync_once())
        view = SupervisorView(ctx)
        qtbot.addWidget(view)
        show_active(qtbot, view)
        wait_idle(qtbot, ctx)
        tab = view.protection_tab
        assert tab is not None and "Protection referrals" in view.tab_titles()

        def line() -> str:
            return next((tab.table.item(i).text() for i in range(tab.table.count())
                         if "CHANTHOU" in tab.table.item(i).text()), "")

        qtbot.waitUntil(lambda: bool(line()), timeout=10_000)
        assert "to Hagar Cambodia" in line() and "Partner: Person arrived" in line()
        tab.table.setCurrentRow(next(i for i, r in enumerate(tab.rows) if r["id"] == rid))
        with qtbot.waitSignal(tab.loaded, timeout=10_000):
            tab.close_btn.click()
        assert line() == ""                                        # closed: no longer open
        with qtbot.waitSignal(tab.loaded, timeout=10_000):
            tab.show_all.setChecked(True)
        assert "lost to follow-up" in line()
        officer = make_ctx("sokha")
        other = SupervisorView(officer)
        qtbot.addWidget(other)
        assert other.protection_tab is None
        with pytest.raises(PermissionDenied):
            officer.runner.run_sync(officer.session.referrals.protection_follow_up)
    finally:
        hq.store.close()
