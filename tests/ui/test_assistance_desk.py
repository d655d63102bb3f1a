"""The assistance desk, keyboard only (issue 13, must show): a busload of 10 served from the ASSISTANCE_DESK queue
with water, transport and cash (F5, W, T, C, Ctrl+D each), a second cash grant refused naming the first, and the
supervisor's override with a reason; a health worker's role has no assistance desk."""

from __future__ import annotations

import pytest

from checkpoint.errors import PermissionDenied
from tests.support.ui_helpers import show_active, wait_idle
from ui.qt import Qt
from ui.views.assistance import AssistanceDeskView


def test_a_busload_at_the_assistance_desk_keyboard_only(qtbot, make_ctx, runner) -> None:
    ctx = make_ctx("sokha")
    a = ctx.session.arrivals
    bus = [runner.run_sync(a.quick_register, {"family_name": "BUS", "given_names": f"P{'ABCDEFGHIJ'[i]}",
                                              "sex": "MF"[i % 2], "age_years": 20 + i}) for i in range(10)]
    view = AssistanceDeskView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    view.history.setFocus()
    served = []
    for _ in bus:
        for key in (Qt.Key.Key_F5, Qt.Key.Key_W, Qt.Key.Key_T, Qt.Key.Key_C):
            qtbot.keyClick(view.history, key)
            wait_idle(qtbot, ctx)
        served.append(view.person_id)
        assert [r["item_code"] for r in view.received] == ["CASH_GRANT_KHR", "TRANSPORT_TICKET", "WATER"]
        qtbot.keyClick(view.history, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        wait_idle(qtbot, ctx)
    assert sorted(served) == sorted(q.person_id for q in bus)            # each of the ten, once
    qtbot.keyClick(view.history, Qt.Key.Key_F5)
    wait_idle(qtbot, ctx)
    assert "No one is waiting" in view.message.text()

    # The first person comes back to the desk: a second cash grant is refused, naming the first payment.
    first = bus[0].person_id
    view.show_person(first, "BUS PA")
    wait_idle(qtbot, ctx)
    qtbot.keyClick(view.history, Qt.Key.Key_C)
    wait_idle(qtbot, ctx)
    assert "Refused" in view.message.text() and "100000 KHR" in view.message.text()
    assert not view.override.isVisible()                                # an officer cannot override
    assert sum(r["item_code"] == "CASH_GRANT_KHR" for r in view.received) == 1

    sup = make_ctx("dara")
    desk = AssistanceDeskView(sup)
    qtbot.addWidget(desk)
    show_active(qtbot, desk)
    desk.show_person(first, "BUS PA")
    wait_idle(qtbot, sup)
    qtbot.keyClick(desk.history, Qt.Key.Key_C)
    wait_idle(qtbot, sup)
    assert "Refused" in desk.message.text()
    desk.override.setFocus()
    qtbot.keyClicks(desk.override, "lost the first in a robbery")
    qtbot.keyClick(desk.override, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, sup)
    cash = [r for r in desk.received if r["item_code"] == "CASH_GRANT_KHR"]
    assert len(cash) == 2 and cash[0]["override_reason"] == "lost the first in a robbery"


def test_a_health_worker_gives_no_assistance(qtbot, make_ctx, runner) -> None:
    officer = make_ctx("sokha")
    pid = runner.run_sync(officer.session.arrivals.quick_register, {"family_name": "SOK", "given_names": "DARA",
                                                                    "sex": "M", "age_years": 30}).person_id
    nurse = make_ctx("thida")
    with pytest.raises(PermissionDenied):
        runner.run_sync(nurse.session.assistance.give, pid, "WATER", 1)
    view = AssistanceDeskView(nurse)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    view.show_person(pid, "SOK DARA")
    wait_idle(qtbot, nurse)
    qtbot.keyClick(view.history, Qt.Key.Key_W)
    wait_idle(qtbot, nurse)
    assert view.received == [] and view.message.text()                 # refused, said on the screen


def test_the_main_window_offers_the_assistance_desk_to_officers_and_supervisors_only(make_ctx, qtbot) -> None:
    from ui.windows.main_window import MainWindow

    for name, offered in (("sokha", True), ("dara", True), ("thida", False), ("rith", False)):
        ctx = make_ctx(name)
        win = MainWindow(ctx, background_sync=False)
        qtbot.addWidget(win)
        assert ("assistance" in win.actions_) is offered, name
        if offered:
            win.show_page("assistance")
            assert isinstance(win.stack.currentWidget(), AssistanceDeskView)
        wait_idle(qtbot, ctx)
