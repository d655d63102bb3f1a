"""Assistance figures on the supervisor's view (issue 13, point 4): by kind and provider, by sex and child/adult, for
the period typed; only supervisors get the tab."""

from __future__ import annotations

from tests.support.ui_helpers import wait_idle
from ui.views.assistance_figures import AssistanceFiguresView


def test_the_supervisor_sees_assistance_by_kind_provider_sex_and_age(qtbot, make_ctx, runner) -> None:
    officer = make_ctx("sokha")
    s = officer.session
    man = runner.run_sync(s.arrivals.quick_register, {"family_name": "SOK", "given_names": "DARA", "sex": "M",
                                                      "age_years": 30}).person_id
    girl = runner.run_sync(s.arrivals.quick_register, {"family_name": "KEO", "given_names": "SREY", "sex": "F",
                                                       "age_years": 12}).person_id
    runner.run_sync(s.assistance.give, man, "WATER", 2)
    runner.run_sync(s.assistance.give, girl, "SHELTER_NIGHT", 1)
    day = runner.run_sync(s._ctx.today).isoformat()
    sup = make_ctx("dara")
    view = AssistanceFiguresView(sup)
    qtbot.addWidget(view)
    view.date_from.setText(day)
    view.date_to.setText(day)
    view.refresh()
    wait_idle(qtbot, sup)
    assert view.data is not None and view.data["given"] == 2 and view.data["persons"] == 2
    text = view.table.toPlainText()
    assert "2 handed out to 2 persons" in text and "FOOD_WATER" in text and "SHELTER" in text
    assert "child: 1 / 1" in text and "adult: 1 / 1" in text
    view.date_from.setText("yesterday")
    view.refresh()
    assert "YYYY-MM-DD" in view.message.text()


def test_the_assistance_tab_is_for_roles_with_figures(make_ctx, qtbot) -> None:
    """Supervisors and administrators (STATS: counts, no names) get the tab; an officer has no supervisor view."""
    from sync.device import DeviceSync
    from ui.windows.main_window import MainWindow

    officer = MainWindow(make_ctx("sokha"), background_sync=False)
    qtbot.addWidget(officer)
    assert not officer.available("supervisor")
    for name, offered in (("dara", True), ("rith", True)):
        ctx = make_ctx(name)
        win = MainWindow(ctx, background_sync=False, sync_worker=DeviceSync(ctx.session))
        qtbot.addWidget(win)
        win.show_page("supervisor")
        view = win.stack.currentWidget()
        titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
        assert ("Assistance fi&gures" in titles) is offered, (name, titles)
        wait_idle(qtbot, ctx)
