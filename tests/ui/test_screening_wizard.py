"""The wizard's issue-12 screening, driven by the keyboard: the red-flag pre-screen (any yes → private room, with the
reason; eight no's → the checklist is not asked and is recorded as not screened), the safety rule on the review page,
and a child's consent given by the named guardian."""

from __future__ import annotations

import json

from checkpoint.workflows.registration import Step
from tests.conftest import PASS  # noqa: F401 - fixtures' passphrases
from tests.support.ui_helpers import Keyboard, show_active, wait_idle
from tests.ui.test_registration_wizard import fill, khm_passport, scan, tick, wizard  # noqa: F401 - the fixture
from ui.qt import Qt, QWidget, QWizard


def _to_checklist(qtbot, w) -> Keyboard:
    scan(qtbot, w, khm_passport())
    kb = Keyboard(qtbot)
    kb.press(Qt.Key.Key_Return)                         # identity → journey
    kb.press(Qt.Key.Key_Return)                         # journey → consent
    tick(kb, w, "storage", "screening")
    kb.press(Qt.Key.Key_Return)                         # consent → red flags and checklist
    assert w.current_step() is Step.TRAFFICKING
    return kb


def _saved(qtbot, w, kb):
    with qtbot.waitSignal(w.saved, timeout=10_000) as sig:
        kb.press(Qt.Key.Key_Return)
    return sig.args[0]


def test_negative_case_with_the_pre_screen_in_at_most_30_keys_after_the_scan(qtbot, wizard) -> None:  # noqa: F811
    w, ctx = wizard()
    kb = _to_checklist(qtbot, w)
    kb.tab_to(w, "PS-1")
    for _ in range(8):
        kb.press(Qt.Key.Key_N)                          # no, and on to the next question
    assert all(v == "no" for v in w.flow.prescreen.values()) and len(w.flow.prescreen) == 8
    assert not w.findChild(QWidget, "ILO-DR-1").isVisible()        # the checklist is not asked
    assert "not screened" in w.findChild(QWidget, "prescreen_result").text()
    kb.press(Qt.Key.Key_Return)                         # → TB
    kb.press(Qt.Key.Key_Return)                         # → review
    assert w.current_step() is Step.REVIEW
    reg = _saved(qtbot, w, kb)
    print(f"\nkey presses from MRZ scan to saved (negative adult, with the pre-screen): {kb.count}")
    assert kb.count <= 30
    wait_idle(qtbot, ctx)
    db = ctx.session.store.db
    pre, outcome = db.execute("SELECT e.prescreen, s.outcome FROM encounters e JOIN trafficking_screenings s "
                              "ON s.encounter_id = e.id WHERE e.id = ?", [reg.encounter_id]).fetchone()
    assert json.loads(pre)["routes_to_private_room"] is False and outcome == "NOT_SCREENED"


def test_a_yes_sends_the_person_to_the_private_room_with_the_reason(qtbot, wizard) -> None:  # noqa: F811
    w, _ctx = wizard()
    kb = _to_checklist(qtbot, w)
    kb.tab_to(w, "PS-1")
    kb.press(Qt.Key.Key_N)
    kb.press(Qt.Key.Key_Y)                              # PS-2: not free to leave
    text = w.findChild(QWidget, "prescreen_result").text()
    assert "Private room" in text and "Not free to leave" in text
    assert w.findChild(QWidget, "ILO-CD-3").isVisible()             # the checklist is open
    assert w.flow.prescreen_result().routes_to_private_room


def test_strong_items_show_the_safety_rule_never_nothing_found(qtbot, wizard) -> None:  # noqa: F811
    w, ctx = wizard()
    kb = _to_checklist(qtbot, w)
    tick(kb, w, "ILO-CD-4", "ILO-CD-3", "ILO-CD-1")     # beaten, locked up, passport taken: ILO says not indicated
    assert "Safety rule (not the ILO rule)" in w.findChild(QWidget, "safety_result").text()
    types = w.findChild(QWidget, "exploitation_types")
    [scam] = [types.item(i) for i in range(types.count())
              if types.item(i).data(Qt.ItemDataRole.UserRole) == "ForcedCriminality"]
    scam.setCheckState(Qt.CheckState.Checked)
    assert w.flow.exploitation_types == ["ForcedCriminality"]
    kb.press(Qt.Key.Key_Return)
    kb.press(Qt.Key.Key_Return)
    assert w.current_step() is Step.REVIEW
    summary = w.findChild(QWidget, "review_summary").text()
    assert "Safety rule (not the ILO rule)" in w.findChild(QWidget, "review_safety").text()
    assert "nothing found" not in summary.lower()
    refs = w.findChild(QWidget, "referrals")
    urg = [refs.item(i).data(Qt.ItemDataRole.UserRole) for i in range(refs.count())]
    assert [(r["kind"], r["urgency"], r["reason_code"]) for r in urg] == [("protection", "SAME_DAY", "SAFETY_RULE")]
    reg = _saved(qtbot, w, kb)
    assert reg.trafficking.outcome == "NOT_INDICATED"
    wait_idle(qtbot, ctx)
    [t] = ctx.runner.run_sync(ctx.session.records.get, reg.person_id)["encounters"][0]["trafficking"]
    assert t["exploitation_types"] == ["ForcedCriminality"] and t["safety"]["urgency"] == "SAME_DAY"


def test_a_child_s_consent_is_recorded_as_given_by_the_guardian(qtbot, wizard) -> None:  # noqa: F811
    w, ctx = wizard()
    kb = Keyboard(qtbot)
    fill(kb, w, "family_name", "SOK")
    fill(kb, w, "given_names", "SREYMOM")
    fill(kb, w, "sex", "F")
    fill(kb, w, "age_years", "14")
    kb.press(Qt.Key.Key_Return)
    kb.press(Qt.Key.Key_Return)
    tick(kb, w, "storage", "tb_screen")
    kb.press(Qt.Key.Key_Return)
    assert w.current_step() is Step.CONSENT and "guardian" in w.findChild(QWidget, "consent_error").text().lower()
    fill(kb, w, "guardian_name", "SOK CHANTHA")
    fill(kb, w, "guardian_relationship", "mother")
    kb.press(Qt.Key.Key_Return)
    assert w.current_step() is Step.TB                  # no trafficking interview: straight to the TB screen
    kb.press(Qt.Key.Key_Return)
    reg = _saved(qtbot, w, kb)
    wait_idle(qtbot, ctx)
    rows = ctx.runner.run_sync(ctx.session.consents.of_person, reg.person_id)
    assert {(r["purpose"], r["granted"], r["given_by"], r["guardian_name"]) for r in rows} >= {
        ("tb_screen", 1, "guardian", "SOK CHANTHA"), ("trafficking_interview", 0, "guardian", "SOK CHANTHA")}


def test_the_officer_adds_an_immediate_danger_referral_by_keyboard(qtbot, wizard, monkeypatch) -> None:  # noqa: F811
    from ui.dialogs.refer import ReferDialog

    w, ctx = wizard()
    kb = _to_checklist(qtbot, w)
    kb.tab_to(w, "PS-1")
    for _ in range(7):
        kb.press(Qt.Key.Key_N)
    kb.press(Qt.Key.Key_Y)                              # PS-8: someone here controls the person
    kb.press(Qt.Key.Key_Return)
    kb.press(Qt.Key.Key_Return)
    assert w.current_step() is Step.REVIEW
    seen: dict = {}

    def drive(dlg: ReferDialog) -> int:                 # the dialog, driven by its keys
        show_active(qtbot, dlg)
        seen["suggested"] = dlg.urgency()
        dlg.agency.set_value("ANTI_HUMAN_TRAFFICKING_JUVENILE_PROTECTION_POLICE")
        qtbot.keyClick(dlg.agency, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)   # the one shortcut
        dlg.reason.setFocus()
        qtbot.keyClicks(dlg.reason, "man at the gate holds her passport")
        dlg._ok()
        return int(dlg.result())

    monkeypatch.setattr(ReferDialog, "exec", drive)
    kb.tab_to(w, "add_referral", limit=60)
    kb.press(Qt.Key.Key_Space)
    assert seen["suggested"] == "SAME_DAY"              # raised by the controlling person
    assert not w.findChild(QWidget, "review_error").text()
    with qtbot.waitSignal(w.saved, timeout=10_000) as sig:
        w.button(QWizard.WizardButton.FinishButton).click()
    reg = sig.args[0]
    wait_idle(qtbot, ctx)
    rows = ctx.session.store.db.execute("SELECT urgency, reason_code, notes FROM referrals WHERE person_id = ?",
                                        [reg.person_id]).fetchall()
    # her reason is in the sealed protection section (issue 10, point 11): the table keeps the codes only,
    # the record opens it for her
    assert ("IMMEDIATE_DANGER", "OFFICER_INITIATED", "") in rows
    refs = ctx.runner.run_sync(ctx.session.records.get, reg.person_id)["encounters"][0]["referrals"]
    assert "man at the gate holds her passport" in [r.get("notes") for r in refs]
