"""Issue 14, follow-up, on screen: the health post's screen of a person with an open TB referral continues it and
says so (no second referral in the list); a second transfer is refused with a message naming the open one; the
follow-up tab lists the open TB referrals, overdue first, and Enter opens the person; who gets the tab."""

from __future__ import annotations

from typing import Any

from tests.support.helpers import POSITIVE_ADULT, adult, registration
from tests.support.ui_helpers import Keyboard, show_active, wait_idle
from tests.ui.test_health_post import no_leak
from ui.qt import Qt
from ui.views.health_post import HealthPostPage, HealthPostView


def officer_registers(make_ctx: Any, family: str, doc: str) -> Any:
    """An officer's registration with trafficking answers, a cough for three weeks and the TB referral."""
    officer = make_ctx("sokha")
    return officer.runner.run_sync(officer.session.registrations.register, **registration(
        person=adult(family_name=family, given_names="FOLLOW", home_province="02", id_document_number=doc),
        trafficking={"ticked": POSITIVE_ADULT}, tb={"cough": True, "cough_days": 21},
        referrals=[{"kind": "health", "agency_code": "KH01-POIPET-RH", "reason_code": "PRESUMPTIVE_TB",
                    "urgency": "SAME_DAY"}]))


def test_a_screen_continues_the_open_referral_and_says_so(make_ctx, qtbot, clock) -> None:
    reg = officer_registers(make_ctx, "CONTINUE", "CT000001")
    ctx = make_ctx("thida")
    view = HealthPostView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    view.open_person(reg.person_id)
    wait_idle(qtbot, ctx)
    assert view.referral.count() == 1
    view.consent.setChecked(True)
    view.answers["cough"].setChecked(True)
    view.cxr_result.setCurrentIndex(view.cxr_result.findData("ABNORMAL_SUGGESTIVE"))
    view.save_screen()
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    text = view.message.text()
    assert "already has an open TB referral" in text and "Poipet Referral Hospital" in text, text
    assert "no second referral" in text
    assert view.referral.count() == 1 and view.referral.currentData() == reg.referral_ids[0]
    assert "Abnormal" in view.pathway.text()
    no_leak(view)

    # diagnosed, transferred once; a second transfer is refused naming the open one
    today = clock.now().date().isoformat()
    rid = reg.referral_ids[0]
    ctx.runner.run_sync(ctx.session.health.record, rid, {"sputum_collected_at": today})
    ctx.runner.run_sync(ctx.session.health.record, rid, {"xpert_result": "MTB_DETECTED_RIF_NOT_DETECTED",
                                                         "diagnosis": "BACT_CONFIRMED"})
    view.reload()
    wait_idle(qtbot, ctx)
    view.referral.setCurrentIndex(view.referral.findData(rid))
    view.transfer()
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    assert view.message.text() == "Transfer recorded."
    view.referral.setCurrentIndex(view.referral.findData(rid))
    view.transfer()
    wait_idle(qtbot, ctx)
    text = view.message.text()
    assert "already transferred for TB treatment" in text and "Battambang Provincial Referral Hospital" in text, text
    assert view.referral.count() == 2
    no_leak(view)


def test_the_follow_up_tab_lists_open_referrals_overdue_first_and_opens_the_person(make_ctx, qtbot, clock) -> None:
    old = officer_registers(make_ctx, "WAITING", "FU000001")
    clock.advance(days=10)
    new = officer_registers(make_ctx, "FRESH", "FU000002")
    ctx = make_ctx("thida")
    page = HealthPostPage(ctx)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    assert page.follow_up is not None
    page.setCurrentWidget(page.follow_up)
    wait_idle(qtbot, ctx)
    fu = page.follow_up
    lines = [fu.list.item(i).text() for i in range(fu.list.count())]
    mine = [line for line in lines if "WAITING" in line or "FRESH" in line]
    assert len(mine) == 2 and "WAITING" in mine[0] and mine[0].startswith("OVERDUE")
    assert "10 day(s) since the last step" in mine[0] and "Battambang" in mine[0]
    assert not mine[1].startswith("OVERDUE")
    assert lines.index(mine[0]) < lines.index(mine[1])              # the longest waiting first
    assert "open TB referral(s)" in fu.message.text()
    no_leak(fu)
    fu.only.setChecked(True)                                       # overdue only
    wait_idle(qtbot, ctx)
    shown = [fu.list.item(i).text() for i in range(fu.list.count())]
    assert any("WAITING" in t for t in shown) and not any("FRESH" in t for t in shown)
    assert all(t.startswith("OVERDUE") for t in shown)
    # Enter on the line opens the person at the health post
    fu.list.setFocus()
    fu.list.setCurrentRow(next(i for i, t in enumerate(shown) if "WAITING" in t))
    Keyboard(qtbot).press(Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert page.currentWidget() is page.post and page.post.person_id == old.person_id
    assert "WAITING" in page.post.person.text()
    assert new.person_id != old.person_id


def test_only_the_health_post_roles_get_the_follow_up_tab(make_ctx, qtbot) -> None:
    for name, offered in (("thida", True), ("dara", True), ("sokha", False)):
        ctx = make_ctx(name)
        page = HealthPostPage(ctx)
        qtbot.addWidget(page)
        assert (page.follow_up is not None) is offered, name
        wait_idle(qtbot, ctx)


def test_the_health_post_calls_the_next_person_from_the_queue(make_ctx, qtbot) -> None:
    """Issue 14 point 1: the health post station works from the triage queue (#9): one button calls the next
    person waiting at the health post straight into the screen, on the arrival they queue for; saving the screen
    closes the queue entry (Done closes it for someone seen without one). The queue shows the health worker no
    trafficking answer."""
    officer = make_ctx("sokha")
    ctx = make_ctx("thida")
    # the demo's own queue entries first: empty the health post queue so the next one called is ours
    waiting = ctx.runner.run_sync(ctx.session.arrivals.queue, "HEALTH_POST")
    for item in waiting:
        ctx.runner.run_sync(ctx.session.arrivals.close, item.entry_id, "left")
    quick = officer.runner.run_sync(officer.session.arrivals.quick_register,
                                    adult(family_name="QUEUED", given_names="NEXT", id_document_number="QU000001"))
    view = HealthPostView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    assert view.call_btn.isVisible() and not view.queue_done_btn.isEnabled()
    Keyboard(qtbot).tab_to(view, "hp_call_next")
    Keyboard(qtbot).press(Qt.Key.Key_Space)
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    assert "QUEUED" in view.person.text() and view.arrival.currentData() == quick.encounter_id
    assert "Called from the queue: QUEUED NEXT" in view.message.text()
    no_leak(view)
    assert view.queue_done_btn.isEnabled()             # Done closes the entry of someone seen without a screen
    view.consent.setChecked(True)
    view.answers["fever"].setChecked(True)
    view.save_screen()
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    assert view.message.text() == "TB screen saved." and view.referral.count() == 1
    assert not view.queue_done_btn.isEnabled()          # screened here: the queue entry closed as done with it
    fig = ctx.runner.run_sync(ctx.session.arrivals.figures)["HEALTH_POST"]
    assert fig["done"] >= 1 and fig["waiting"] == 0
    view.call_next()                                   # nobody left
    wait_idle(qtbot, ctx)
    assert view.message.text() == "No one is waiting at the health post."


def test_the_queue_button_is_not_offered_where_the_site_has_no_health_post_queue(supervisor, make_ctx,
                                                                                   qtbot) -> None:
    with supervisor.store.write():
        supervisor.store.set_meta("stations", "INTERVIEW_ROOM,NEA_DESK")     # this site runs no health post queue
    ctx = make_ctx("thida")
    assert "HEALTH_POST" not in ctx.session.site.stations
    view = HealthPostView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    assert not view.call_btn.isVisible() and not view.queue_done_btn.isVisible()
    assert view.search.isVisible()


def test_done_closes_the_entry_of_someone_called_but_not_screened(make_ctx, qtbot) -> None:
    """Called from the queue, seen for a follow-up only: Done closes the entry and nothing else is written."""
    officer = make_ctx("sokha")
    ctx = make_ctx("thida")
    for item in ctx.runner.run_sync(ctx.session.arrivals.queue, "HEALTH_POST"):
        ctx.runner.run_sync(ctx.session.arrivals.close, item.entry_id, "left")
    officer.runner.run_sync(officer.session.arrivals.quick_register,
                            adult(family_name="FOLLOWUP", given_names="ONLY", id_document_number="QU000002"))
    view = HealthPostView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    view.call_next()
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    assert "FOLLOWUP" in view.person.text() and view.queue_done_btn.isEnabled()
    view.close_queue_entry()
    wait_idle(qtbot, ctx)
    assert "Done at the health post" in view.message.text() and not view.queue_done_btn.isEnabled()
    assert view.referral.count() == 0                  # no screen, no referral
    fig = ctx.runner.run_sync(ctx.session.arrivals.figures)["HEALTH_POST"]
    assert fig["done"] >= 1 and fig["waiting"] == 0
