"""Issue 14 on screen: a returnee picked from the duplicate check whose TB referral is still open. The review says
"TB referral already open (slip …, since …)", lists no TB referral to tick, and the registration saves (the service
would refuse a second TB referral); the health post then still has one referral for her."""

from __future__ import annotations

from typing import Any

from checkpoint.workflows.registration import Step
from tests.support.helpers import adult, registration
from tests.support.ui_helpers import Keyboard, wait_idle
from tests.ui.test_registration_wizard import fill, tick, wizard  # noqa: F401 - the wizard fixture
from ui.qt import Qt, QWidget
from ui.text import local_date


def registered_with_tb(ctx: Any, family: str) -> Any:
    return ctx.runner.run_sync(ctx.session.registrations.register, **registration(
        person=adult(family_name=family, given_names="RETURN", date_of_birth="1988-02-02",
                     id_document_number="OT7777777"),
        tb={"cough": True, "cough_days": 21},
        referrals=[{"kind": "health", "agency_code": "KH01-POIPET-RH", "reason_code": "PRESUMPTIVE_TB",
                    "urgency": "SAME_DAY"}]))


def referral_items(w: Any) -> list[dict[str, Any]]:
    refs = w.findChild(QWidget, "referrals")
    return [refs.item(i).data(Qt.ItemDataRole.UserRole) for i in range(refs.count())]


def test_a_returnee_with_an_open_tb_referral_gets_none_suggested_and_saves(qtbot, wizard) -> None:  # noqa: F811
    w, ctx = wizard("sokha")
    first = registered_with_tb(ctx, "TWICEOVER")
    kb = Keyboard(qtbot)
    fill(kb, w, "family_name", "TWICEOVER")
    fill(kb, w, "given_names", "RETURN")
    fill(kb, w, "date_of_birth", "1988-02-02")
    dups = w.findChild(QWidget, "duplicates")
    qtbot.waitUntil(lambda: any(dups.item(i).data(Qt.ItemDataRole.UserRole).id == first.person_id
                                for i in range(dups.count())), timeout=10_000)
    dups.setCurrentRow(next(i for i in range(dups.count())
                            if dups.item(i).data(Qt.ItemDataRole.UserRole).id == first.person_id))
    w.findChild(QWidget, "use_existing").click()
    qtbot.waitUntil(lambda: w.flow.open_tb_referral is not None, timeout=10_000)
    w.next()                                      # → journey (the focus is on the button just clicked)
    assert w.current_step() is Step.JOURNEY
    kb.press(Qt.Key.Key_Return)                   # → consent
    tick(kb, w, "storage", "screening", "referral")
    kb.press(Qt.Key.Key_Return)                   # → checklist
    kb.press(Qt.Key.Key_Return)                   # → TB
    tick(kb, w, "TB-S1")
    fill(kb, w, "TB-S1d", "30")
    assert "Presumptive TB" in w.findChild(QWidget, "tb_result").text()
    kb.press(Qt.Key.Key_Return)                   # → review
    assert w.current_step() is Step.REVIEW
    note = w.findChild(QWidget, "open_tb_referral")
    wait_idle(qtbot, ctx)
    created = ctx.runner.run_sync(ctx.session.health.open_referral, first.person_id)["created_at"]
    assert note.isVisible()
    assert note.text().startswith(f"TB referral already open (slip {first.referral_ids[0]}, "
                                  f"since {local_date(created)})"), note.text()
    assert [r["kind"] for r in referral_items(w) if r["kind"] == "health"] == []
    with qtbot.waitSignal(w.saved, timeout=10_000) as sig:
        kb.press(Qt.Key.Key_Return)
    assert sig.args[0].tb.outcome == "PRESUMPTIVE_TB_REFER" and sig.args[0].person_id == first.person_id
    refs = ctx.runner.run_sync(ctx.session.health.person, first.person_id).referrals
    assert [r["id"] for r in refs] == [first.referral_ids[0]]


def test_a_new_person_gets_the_tb_referral_and_no_note(qtbot, wizard) -> None:  # noqa: F811
    w, _ctx = wizard("sokha")
    kb = Keyboard(qtbot)
    fill(kb, w, "family_name", "NEWCOMER")
    fill(kb, w, "given_names", "FIRST")
    fill(kb, w, "sex", "M")
    fill(kb, w, "date_of_birth", "1981-01-01")
    kb.press(Qt.Key.Key_Return)
    kb.press(Qt.Key.Key_Return)
    tick(kb, w, "storage", "screening", "referral")
    kb.press(Qt.Key.Key_Return)
    kb.press(Qt.Key.Key_Return)
    tick(kb, w, "TB-S1")
    fill(kb, w, "TB-S1d", "30")
    kb.press(Qt.Key.Key_Return)
    assert w.current_step() is Step.REVIEW
    assert not w.findChild(QWidget, "open_tb_referral").isVisible()
    assert [r["kind"] for r in referral_items(w)] == ["health"]


def test_a_quick_registration_completed_from_the_queue_says_so_too(qtbot, make_ctx) -> None:
    """The queue opens the wizard on the quick registration's arrival (RegistrationFlow.from_arrival): the wizard
    learns the person's open TB referral itself."""
    from checkpoint.workflows.registration import RegistrationFlow
    from ui.wizards.registration import RegistrationWizard

    ctx = make_ctx("sokha")
    first = registered_with_tb(ctx, "QUEUEDAGAIN")
    q = ctx.runner.run_sync(ctx.session.arrivals.quick_register, person_id=first.person_id)
    info = ctx.runner.run_sync(ctx.session.registrations.arrival, q.encounter_id)
    flow = RegistrationFlow.from_arrival(info, now=ctx.session.store.clock.now(), station_id="POIPET_INTL_CHECKPOINT")
    flow.consents.update({"storage": True, "screening": True, "referral": True})
    flow.tb.update({"TB-S1": True, "TB-S1d": 30})
    w = RegistrationWizard(ctx, flow, start=Step.REVIEW)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.findChild(QWidget, "open_tb_referral").isVisible(), timeout=10_000)
    assert first.referral_ids[0] in w.findChild(QWidget, "open_tb_referral").text()
    assert [r["kind"] for r in referral_items(w) if r["kind"] == "health"] == []
    with qtbot.waitSignal(w.saved, timeout=10_000) as sig:
        w.button(w.WizardButton.FinishButton).click()
    assert sig.args[0].encounter_id == q.encounter_id and sig.args[0].referral_ids == ()
