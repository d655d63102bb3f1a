"""Issue 14 point 3 on the device: a TB referral's treatment recorded at HQ (register number, start, WHO outcome), as
the pull brings it (an HQ event through the device's own ingest), shows in the health post's pathway line."""

from __future__ import annotations

from typing import Any

from checkpoint.events import GENESIS, HLC, canonical_json, event_hash, uuid7
from checkpoint.partner_stages import HQ_DEVICE_ID
from checkpoint.services.outbox import Outbox
from tests.support.ui_helpers import show_active, wait_idle
from tests.ui.test_tb_followup_ui import officer_registers
from ui.views.health_post import HealthPostView


def hq_event(person_id: str, referral_id: str, changes: dict[str, Any], at: str) -> dict[str, Any]:
    """A ``tb.outcome_hq`` event as HQ writes it (sync.hq.tb_outcomes): HQ's author device, its first event."""
    ev = {"id": uuid7(1_800_000_000_000), "device_id": HQ_DEVICE_ID, "device_seq": 1, "entity_type": "person",
          "entity_id": person_id, "type": "tb.outcome_hq", "author": "hq:clinic", "hlc": HLC().tick(1_800_000_000_000),
          "payload": canonical_json({"referral_id": referral_id, "changes": changes, "organisation": "KH01-POIPET-RH",
                                     "by": "clinic"}),
          "content_version": "", "recorded_at": at, "prev_hash": GENESIS}
    ev["hash"] = event_hash(ev)
    return ev


def test_the_health_post_shows_what_hq_recorded(make_ctx, qtbot, clock) -> None:
    reg = officer_registers(make_ctx, "HQTREAT", "HQ000001")
    rid = reg.referral_ids[0]
    ctx = make_ctx("thida")
    day = clock.now().date().isoformat()
    ctx.runner.run_sync(ctx.session.health.record, rid, {"sputum_collected_at": day})
    ctx.runner.run_sync(ctx.session.health.record, rid, {"xpert_result": "MTB_DETECTED_RIF_NOT_DETECTED",
                                                         "diagnosis": "BACT_CONFIRMED"})
    ev = hq_event(reg.person_id, rid, {"tb_register_number": "BMC-2026-0042", "treatment_started_at": day,
                                       "treatment_facility": "KH01-POIPET-RH", "status": "treatment_started",
                                       "treatment_outcome": "CURED", "treatment_outcome_at": day},
                  clock.now().isoformat())
    sup = make_ctx("dara")                          # the supervisor syncs: the pull applies it
    got = sup.runner.run_sync(lambda: Outbox(sup.session).ingest([ev]))
    assert got["applied"] == 1, got
    view = HealthPostView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    view.open_person(reg.person_id)
    wait_idle(qtbot, ctx)
    view.referral.setCurrentIndex(view.referral.findData(rid))
    wait_idle(qtbot, ctx)
    text = view.pathway.text()
    assert "register BMC-2026-0042" in text and f"treatment from {day}" in text and "Cured" in text, text
