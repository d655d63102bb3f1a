"""The NEA desk, keyboard only (issue 13, must show): a person called from the NEA_DESK queue, the form prefilled from
the journey, nothing registered without the consent ticked, then registered with it (and the queue place closed)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.support.ui_helpers import Keyboard, show_active, wait_idle
from ui.qt import Qt
from ui.views.nea import NeaDeskView


def test_an_nea_registration_from_the_queue_with_consent(qtbot, make_ctx, runner) -> None:
    ctx = make_ctx("sokha")
    q = runner.run_sync(ctx.session.arrivals.quick_register, {"family_name": "SOK", "given_names": "DARA",
                                                              "sex": "M", "age_years": 30, "phone": "012999888"})
    view = NeaDeskView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    view.person.setFocus()
    kb = Keyboard(qtbot)
    kb.press(Qt.Key.Key_F5)
    wait_idle(qtbot, ctx)
    assert view.encounter_id == q.encounter_id and view.edits["phone"].text() == "012999888"   # from the journey
    kb.tab_to(view, "nea_desired_job")
    qtbot.keyClicks(QApplication.focusWidget(), "Dri")
    assert view.combos["desired_job"].currentData() == "DRIVER"
    kb.tab_to(view, "nea_years_experience")
    qtbot.keyClicks(QApplication.focusWidget(), "4")
    kb.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    assert "consent" in view.message.text()
    assert runner.run_sync(ctx.session.nea.of_person, q.person_id) == []          # nothing without consent
    kb.tab_to(view, "nea_consent")
    kb.press(Qt.Key.Key_Space)
    kb.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    assert "Registered" in view.message.text()
    regs = runner.run_sync(ctx.session.nea.of_person, q.person_id)
    assert len(regs) == 1 and regs[0]["data"]["desired_job"] == "DRIVER" and regs[0]["data"]["years_experience"] == 4
    assert runner.run_sync(ctx.session.nea.consent_stands, q.person_id)
    assert runner.run_sync(ctx.session.arrivals.queue, "NEA_DESK") == []           # the queue place is closed


def test_the_main_window_offers_the_nea_desk_to_officers_and_supervisors_only(make_ctx, qtbot) -> None:
    from ui.windows.main_window import MainWindow

    for name, offered in (("sokha", True), ("dara", True), ("thida", False), ("rith", False)):
        ctx = make_ctx(name)
        win = MainWindow(ctx, background_sync=False)
        qtbot.addWidget(win)
        assert ("nea" in win.actions_) is offered, name
        if offered:
            win.show_page("nea")
            assert isinstance(win.stack.currentWidget(), NeaDeskView)
        wait_idle(qtbot, ctx)
