"""The one flow on screen, keyboard only: the private room's "call next" opens the registration wizard on the quick
registration's own arrival and saving it closes the entry; the pre-screen's reason shows in the private room's queue;
the health post's "call next" opens the person in the health post view, saving the TB screen closes the entry, and
the health worker never sees a trafficking answer or a protection flag."""

from __future__ import annotations

from checkpoint.screening.prescreen import prescreen_content
from checkpoint.workflows.registration import Step
from tests.support.helpers import POSITIVE_ADULT, adult, registration
from tests.support.ui_helpers import Keyboard, show_active, wait_idle
from tests.ui.test_health_post import no_leak, visible_text
from ui.qt import Qt, QWidget
from ui.views.arrivals import ArrivalsView

ADULT = {"family_name": "SOK", "given_names": "DARA", "sex": "M", "age_years": 30}


def _open_queue(qtbot, ctx, station: str) -> ArrivalsView:
    view = ArrivalsView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    assert view.queue is not None
    view.setCurrentWidget(view.queue)
    view.queue.station.setCurrentIndex(view.queue.station.findData(station))
    wait_idle(qtbot, ctx)
    return view


def _entry(runner, ctx, entry_id: str) -> str:
    return runner.run_sync(lambda: ctx.session.store.db.execute(
        "SELECT status FROM queue_entries WHERE id = ?", [entry_id]).fetchone()[0])


def test_call_next_in_the_private_room_completes_the_same_arrival_by_keyboard(qtbot, make_ctx, runner) -> None:
    ctx = make_ctx("sokha")
    q = runner.run_sync(ctx.session.arrivals.quick_register, ADULT, stations=["INTERVIEW_ROOM"],
                        flags=["INJURED_OR_ILL"])                # urgent: called first among the demo's arrivals
    view = _open_queue(qtbot, ctx, "INTERVIEW_ROOM")
    queue = view.queue
    queue.list.setFocus()
    qtbot.keyClick(queue.list, Qt.Key.Key_F5)                     # call next: one key
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: queue.wizard is not None, timeout=5_000)
    w = queue.wizard
    assert w.flow.arrival_encounter_id == q.encounter_id and w.flow.existing_person_id == q.person_id
    assert w.current_step() is Step.JOURNEY and w.windowTitle() == "Full registration"
    show_active(qtbot, w)
    kb = Keyboard(qtbot)
    kb.press(Qt.Key.Key_Return)                                   # the journey as prefilled: Next
    assert w.current_step() is Step.CONSENT
    for c in ("storage", "screening"):
        kb.tab_to(w, c)
        kb.press(Qt.Key.Key_Space)
    for _ in range(6):                                            # Next through the screens to the review, then Save
        if queue.wizard is None or w.result_ is not None:
            break
        kb.press(Qt.Key.Key_Return)
        wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: w.result_ is not None, timeout=5_000)
    assert w.result_.encounter_id == q.encounter_id
    wait_idle(qtbot, ctx)
    assert _entry(runner, ctx, q.queue_entry_ids[0]) == "done"
    n = runner.run_sync(lambda: ctx.session.store.db.execute(
        "SELECT count(*), sum(c.n) FROM encounters e, (SELECT count(*) n FROM consents WHERE encounter_id = ?) c "
        "WHERE e.person_id = ?", [q.encounter_id, q.person_id]).fetchone())
    assert n[0] == 1 and n[1] >= 1                                # one arrival, now with its consents
    assert q.person_id not in [i.person_id for i in queue.items]


def test_the_private_room_queue_shows_why_the_pre_screen_sent_the_person(qtbot, make_ctx, runner) -> None:
    ctx = make_ctx("sokha")
    reg = runner.run_sync(ctx.session.registrations.register, **registration(
        person=adult(), prescreen={"PS-1": "yes"}))
    assert reg.queued
    view = _open_queue(qtbot, ctx, "INTERVIEW_ROOM")
    reason = prescreen_content().question("PS-1").reason_en
    texts = [view.queue.list.item(i).text() for i in range(view.queue.list.count())]
    assert [t for t in texts if reason in t] == [t for t in texts if "SOK DARA" in t] != []


def test_call_next_at_the_health_post_opens_the_health_post_and_the_screen_closes_the_entry(qtbot, make_ctx,
                                                                                          runner) -> None:
    officer = make_ctx("sokha")
    q = runner.run_sync(officer.session.arrivals.quick_register, {**ADULT, "family_name": "KEYBOARD"},
                        flags=["CONTROLLING_PERSON_PRESENT", "INJURED_OR_ILL"], stations=["HEALTH_POST"])
    runner.run_sync(officer.session.registrations.complete, q.encounter_id,
                    consents={"storage": True, "screening": True}, trafficking={"ticked": POSITIVE_ADULT},
                    prescreen={"PS-1": "yes"})
    ctx = make_ctx("thida")
    view = _open_queue(qtbot, ctx, "HEALTH_POST")
    queue = view.queue
    assert "controlling" not in visible_text(view).lower() and "Injured or acutely ill" in visible_text(view)
    no_leak(queue)
    queue.list.setFocus()
    qtbot.keyClick(queue.list, Qt.Key.Key_F5)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: queue.health is not None, timeout=5_000)
    dlg = queue.health
    hp = dlg.findChild(QWidget, "health_post")
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "KEYBOARD" in hp.person.text(), timeout=5_000)
    no_leak(dlg)
    show_active(qtbot, dlg)
    kb = Keyboard(qtbot)
    kb.tab_to(hp, "hp_consent", limit=80)
    kb.press(Qt.Key.Key_Space)
    kb.tab_to(hp, "TB-S3", limit=80)
    kb.press(Qt.Key.Key_Space)
    kb.tab_to(hp, "hp_screen_save", limit=80)
    kb.press(Qt.Key.Key_Space)
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    assert hp.message.text() == "TB screen saved.", hp.message.text()
    no_leak(dlg)
    qtbot.waitUntil(lambda: _entry(runner, ctx, q.queue_entry_ids[0]) == "done", timeout=5_000)
