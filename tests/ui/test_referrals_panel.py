"""The health worker's referrals screen: the table model, the TB cascade follow-up by keyboard, lost to follow-up,
refusals shown inline with nothing changed, filters, and what other roles get. Offscreen, no sleeps."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from typing import Any

import pytest

from checkpoint.model.referral import CXR_RESULTS, DIAGNOSES, HEALTH_STAGES, STATUSES, XPERT_RESULTS
from checkpoint.site import LOCAL_TZ
from tests.support.ui_helpers import Keyboard, show_active, wait_idle
from ui.models.referrals import ReferralsModel, stage_label
from ui.qt import QApplication, QComboBox, QDate, QDateEdit, QLineEdit, Qt
from ui.views.referrals import ReferralsView

STAGE = ReferralsModel.Column.STAGE


def health_rows(ctx: Any) -> list[dict[str, Any]]:
    """The health referrals as the service lists them (read on the DB thread), as the table model's row dicts."""
    return [dataclasses.asdict(r) for r in ctx.runner.run_sync(ctx.session.referrals.list, kind="health")]


def referral(ctx: Any, rid: str) -> dict[str, Any]:
    """The referral as the service has it now (read on the DB thread)."""
    rows = health_rows(ctx)
    return next(r for r in rows if r["id"] == rid)


def open_view(qtbot: Any, ctx: Any) -> ReferralsView:
    view = ReferralsView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    wait_idle(qtbot, ctx)
    assert view.model.rowCount() > 0
    return view


def stage_text(view: ReferralsView, rid: str) -> str:
    row = view.model.row_of(rid)
    assert row >= 0, "the referral is not in the table"
    return view.model.index(row, STAGE).data()


def save_and_wait(qtbot: Any, view: ReferralsView, press: Any) -> None:
    """Trigger a save (``press()``) and wait until the list shows its result."""
    with qtbot.waitSignal(view.saved, timeout=10_000):
        press()


# ------------------------------------------------------------------------------------------------ the model
def test_referrals_model_passes_qtmodeltester_through_updates_removals_and_resets(make_ctx, qtbot, qtmodeltester):
    ctx = make_ctx("thida")
    rows = health_rows(ctx)
    model = ReferralsModel()
    model.replace_rows(rows)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(rows) >= 10     # the demo store's open health referrals
    assert model.columnCount() == len(ReferralsModel.Column)

    # the same ids, one row changed: dataChanged for that row only, no reset
    changed = [dict(r) for r in rows]
    changed[3] = {**changed[3], "status": "arrived"}
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as sig:
        model.replace_rows(changed)
    assert sig.args[0].row() == sig.args[1].row() == 3
    assert model.index(3, STAGE).data() == "Arrived at the facility"

    # some rows gone, nothing else different: rows removed, no reset
    kept = [r for i, r in enumerate(changed) if i not in (0, 5, 6)]
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsRemoved):
        model.replace_rows(kept)
    assert model.ids() == [r["id"] for r in kept]

    # anything else: a reset
    with qtbot.waitSignal(model.modelReset):
        model.replace_rows(list(reversed(kept)))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsRemoved):
        model.replace_rows([])
    assert model.rowCount() == 0


def test_referrals_model_shows_names_dates_labels_and_custom_roles(make_ctx):
    ctx = make_ctx("thida")
    r = health_rows(ctx)[0]
    model = ReferralsModel()
    model.replace_rows([{**r, "status": "lost_to_follow_up", "lost_to_follow_up_stage": "cxr_done"}])
    c = ReferralsModel.Column
    assert model.index(0, c.NAME).data() == f"{r['family_name']} {r['given_names']}"
    assert model.index(0, c.NAME_KHMER).data() == r["name_khmer"]     # Khmer shown as recorded
    referred = datetime.fromisoformat(r["created_at"]).astimezone(LOCAL_TZ).date().isoformat()
    assert model.index(0, c.REFERRED).data() == referred              # local (UTC+7) date
    assert model.index(0, c.FACILITY).data() and model.index(0, c.FACILITY).data() != r["agency_code"]
    assert model.index(0, c.URGENCY).data() != r["urgency"]          # a label, not the code
    assert model.index(0, c.STAGE).data() == "Lost to follow-up (after: Chest X-ray done)"
    assert model.index(0, c.NAME).data(ReferralsModel.IdRole) == r["id"]
    assert model.index(0, c.NAME).data(ReferralsModel.RowRole)["agency_code"] == r["agency_code"]
    assert model.index(0, c.STAGE).data(ReferralsModel.SortKeyRole) == len(HEALTH_STAGES)
    assert model.headerData(c.STAGE, Qt.Orientation.Horizontal) == "Stage"


# ------------------------------------------------------------------------------------------------ the form
def test_form_inputs_have_field_ids_and_accessible_names_and_result_lists_follow_the_core(make_ctx, qtbot):
    view = open_view(qtbot, make_ctx("thida"))
    for name in ("status", "cxr_result", "xpert_result", "diagnosis", "treatment_started_at", "treatment_facility",
                 "notes", "stage_filter"):
        w = view.findChild(QComboBox, name) or view.findChild(QDateEdit, name) or view.findChild(QLineEdit, name)
        assert w is not None, name
        assert w.accessibleName(), name

    def codes(combo: QComboBox) -> list[str]:
        return [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i)]

    assert codes(view.cxr_result) == list(CXR_RESULTS)
    assert codes(view.xpert_result) == list(XPERT_RESULTS)
    assert codes(view.diagnosis) == list(DIAGNOSES)
    labels = [view.xpert_result.itemText(i) for i in range(view.xpert_result.count())]
    assert "MTB detected, rifampicin resistance detected" in labels and not any("_" in t for t in labels)


def test_health_worker_records_the_whole_tb_cascade_by_keyboard(make_ctx, qtbot, clock):
    ctx = make_ctx("thida")
    view = open_view(qtbot, ctx)
    kb = Keyboard(qtbot)
    rid = view.model.ids()[0]
    facility = referral(ctx, rid)["agency_code"]

    # Pick the referral with the arrow keys; Enter moves to the form.
    view.table.setFocus()
    kb.press(Qt.Key.Key_Down)
    if view.table.currentIndex().row() != 0:
        kb.press(Qt.Key.Key_Up)
    assert view.table.currentIndex().row() == 0
    kb.press(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view.status

    # 1. Arrived: the next stage is already proposed; Enter saves. The row changes in place (no reset).
    assert view.status.currentData() == "arrived"
    assert not view.field_visible("cxr_result") and not view.field_visible("treatment_started_at")
    with qtbot.assertNotEmitted(view.model.modelReset):
        save_and_wait(qtbot, view, lambda: kb.press(Qt.Key.Key_Return))
    assert referral(ctx, rid)["status"] == "arrived"
    assert stage_text(view, rid) == "Arrived at the facility"

    # 2. Chest X-ray: Tab to the result, arrow down to "Abnormal, suggestive of TB", Enter.
    assert view.status.currentData() == "cxr_done" and view.field_visible("cxr_result")
    view.status.setFocus()
    kb.tab_to(view, "cxr_result")
    kb.press(Qt.Key.Key_Down)
    kb.press(Qt.Key.Key_Down)
    assert view.cxr_result.currentData() == "ABNORMAL_SUGGESTIVE"
    save_and_wait(qtbot, view, lambda: kb.press(Qt.Key.Key_Return))
    assert referral(ctx, rid)["cxr_result"] == "ABNORMAL_SUGGESTIVE"
    assert stage_text(view, rid) == "Chest X-ray done"

    # 3. Xpert: the recorded CXR result is no longer offered; it is listed as recorded instead.
    assert view.status.currentData() == "xpert_done"
    assert not view.field_visible("cxr_result") and view.field_visible("xpert_result")
    assert "Abnormal, suggestive of TB" in view.recorded.text()
    view.status.setFocus()
    kb.tab_to(view, "xpert_result")
    kb.press(Qt.Key.Key_Down)
    kb.press(Qt.Key.Key_Down)
    assert view.xpert_result.currentData() == "MTB_DETECTED_RIF_NOT_DETECTED"
    save_and_wait(qtbot, view, lambda: kb.press(Qt.Key.Key_Return))
    assert referral(ctx, rid)["xpert_result"] == "MTB_DETECTED_RIF_NOT_DETECTED"

    # 4. Diagnosis
    assert view.status.currentData() == "diagnosed"
    view.status.setFocus()
    kb.tab_to(view, "diagnosis")
    kb.press(Qt.Key.Key_Down)
    assert view.diagnosis.currentData() == "BACT_CONFIRMED"
    save_and_wait(qtbot, view, lambda: kb.press(Qt.Key.Key_Return))
    assert referral(ctx, rid)["diagnosis"] == "BACT_CONFIRMED"
    assert stage_text(view, rid) == "Diagnosed"

    # 5. Treatment started, today, at the facility the person was referred to (proposed by default).
    assert view.status.currentData() == "treatment_started"
    assert view.field_visible("treatment_started_at") and view.field_visible("treatment_facility")
    today = clock.now().astimezone(LOCAL_TZ).date()
    view.treatment_started_at.setDate(QDate(today.year, today.month, today.day))
    view.status.setFocus()
    kb.tab_to(view, "treatment_facility")
    events = ctx.runner.run_sync(ctx.session.maintenance.stats)["events"]
    save_and_wait(qtbot, view, lambda: kb.press(Qt.Key.Key_Return))
    assert ctx.runner.run_sync(ctx.session.maintenance.stats)["events"] == events + 1     # one Enter, one save
    r = referral(ctx, rid)
    assert (r["status"], r["treatment_started_at"], r["treatment_facility"]) == (
        "treatment_started", today.isoformat(), facility)
    # It no longer needs follow-up, but stays in view with its new stage until the list is refreshed.
    assert stage_text(view, rid) == "Treatment started"
    assert "Saved" in view.message.text()
    assert view.status.currentData() == "treatment_started"    # never proposes "lost" by default
    view.refresh()
    wait_idle(qtbot, ctx)
    assert view.model.row_of(rid) == -1
    view.set_filter("treatment_started")
    wait_idle(qtbot, ctx)
    assert view.model.ids() == [rid]


def test_lost_to_follow_up_records_the_stage_and_closes_the_form(make_ctx, qtbot):
    ctx = make_ctx("thida")
    view = open_view(qtbot, ctx)
    rid = view.model.ids()[2]
    assert view.select_referral(rid)
    view.status.setCurrentIndex(view.status.findData("lost_to_follow_up"))
    assert not any(view.field_visible(f) for f in ("cxr_result", "xpert_result", "diagnosis",
                                                   "treatment_started_at", "treatment_facility"))
    view.notes.setText("Phone switched off; went home to Battambang")
    save_and_wait(qtbot, view, lambda: qtbot.mouseClick(view.save_btn, Qt.MouseButton.LeftButton))
    r = referral(ctx, rid)
    assert (r["status"], r["lost_to_follow_up_stage"]) == ("lost_to_follow_up", "referred")
    assert r["notes"] == "Phone switched off; went home to Battambang"
    assert stage_text(view, rid) == "Lost to follow-up (after: Referred)"
    assert not view.form_box.isEnabled()
    assert "closed" in view.message.text()
    view.set_filter("lost_to_follow_up")
    wait_idle(qtbot, ctx)
    assert view.model.ids() == [rid]


@pytest.mark.parametrize("case", ["future_start", "treatment_after_not_tb"])
def test_invalid_follow_up_is_refused_inline_and_changes_nothing(make_ctx, qtbot, clock, case):
    ctx = make_ctx("thida")
    view = open_view(qtbot, ctx)
    rid = view.model.ids()[1]
    view.select_referral(rid)
    if case == "treatment_after_not_tb":
        view.status.setCurrentIndex(view.status.findData("diagnosed"))
        view.diagnosis.setCurrentIndex(view.diagnosis.findData("NOT_TB"))
        save_and_wait(qtbot, view, view.save)
        # "not TB" needs no more follow-up, yet the row stays in view so the worker sees the result
        assert stage_text(view, rid) == "Diagnosed"
        assert view.status.currentData() == "diagnosed"          # no treatment proposed after "not TB"
    before = referral(ctx, rid)
    events_before = ctx.runner.run_sync(ctx.session.maintenance.stats)["events"]

    view.status.setCurrentIndex(view.status.findData("treatment_started"))
    start = clock.now().astimezone(LOCAL_TZ).date() + timedelta(days=1 if case == "future_start" else 0)
    view.treatment_started_at.setDate(QDate(start.year, start.month, start.day))
    with qtbot.assertNotEmitted(view.saved), qtbot.assertNotEmitted(ctx.changed):
        view.treatment_started_at.setFocus()
        qtbot.keyClick(view.treatment_started_at, Qt.Key.Key_Return)
        wait_idle(qtbot, ctx)

    expected = ("Treatment started on: cannot be in the future" if case == "future_start"
                else "Treatment started on: treatment cannot start when the diagnosis is not TB")
    assert view.error.text() == expected
    assert view.error.isVisibleTo(view)
    assert QApplication.focusWidget() is view.treatment_started_at    # the field in error
    assert referral(ctx, rid) == before
    assert ctx.runner.run_sync(ctx.session.maintenance.stats)["events"] == events_before
    # the form keeps what was typed, so it can be corrected
    assert view.status.currentData() == "treatment_started"

    # correcting it clears the error (future start: use today)
    if case == "future_start":
        view.treatment_started_at.setDate(view.treatment_started_at.date().addDays(-1))
        save_and_wait(qtbot, view, view.save)
        assert not view.error.isVisibleTo(view)
        assert referral(ctx, rid)["status"] == "treatment_started"


# ------------------------------------------------------------------------------------------------ list and roles
def test_stage_filter_matches_the_service(make_ctx, qtbot):
    ctx = make_ctx("thida")
    view = open_view(qtbot, ctx)
    every = health_rows(ctx)
    first = every[0]["id"]
    ctx.runner.run_sync(ctx.session.referrals.update, first, {"status": "xpert_done"})
    ctx.runner.run_sync(ctx.session.referrals.update, every[1]["id"], {"status": "lost_to_follow_up"})
    assert [view.stage_filter.itemData(i) for i in range(view.stage_filter.count())] == ["open", "all", *STATUSES]
    n = len(every)      # all still referred before the two updates above
    for filt, expected in (("all", n), ("open", n - 1), ("referred", n - 2), ("xpert_done", 1),
                           ("lost_to_follow_up", 1), ("treatment_started", 0)):
        with qtbot.waitSignal(view.loaded, timeout=10_000):
            view.set_filter(filt)
        assert view.model.rowCount() == expected, filt
        assert f"{expected} referral" in view.count_label.text()
    view.set_filter("xpert_done")
    wait_idle(qtbot, ctx)
    assert view.model.index(0, STAGE).data() == stage_label("xpert_done")


def test_a_change_made_elsewhere_updates_the_open_list(make_ctx, qtbot):
    ctx = make_ctx("thida")
    view = open_view(qtbot, ctx)
    rid = view.model.ids()[4]
    view.select_referral(rid)
    # e.g. another screen recorded the arrival; the list redraws from ctx.changed, keeping the selection
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        ctx.mutate(ctx.session.referrals.update, rid, {"status": "arrived"})
    assert stage_text(view, rid) == "Arrived at the facility"
    assert view.table.currentIndex().row() == view.model.row_of(rid)
    assert view.status.currentData() == "cxr_done"


def test_officer_sees_referrals_but_cannot_record_follow_up(make_ctx, qtbot):
    ctx = make_ctx("sokha")
    view = open_view(qtbot, ctx)
    view.select_referral(view.model.ids()[0])
    assert not view.form_box.isEnabled()
    assert "cannot" in view.message.text() or "not record" in view.message.text()


def test_admin_sees_a_message_not_a_traceback(make_ctx, qtbot):
    ctx = make_ctx("rith")
    view = ReferralsView(ctx)
    qtbot.addWidget(view)
    wait_idle(qtbot, ctx)
    assert view.model.rowCount() == 0
    assert view.list_error.text() == "Your role does not allow this."
    assert not view.form_box.isEnabled()
