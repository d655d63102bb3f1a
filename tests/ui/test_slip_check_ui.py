"""Issue 16 point 4 on the desktop: "Check a slip…" (Ctrl+K), keyboard only, as a scanner types — the code and
Enter; the verdict in words and colour with its reason in English and Khmer; "Open the record" (Ctrl+O) opens the
person's record for a role that may read it; an admin gets the verdict and no person; nothing reaches the
clipboard and the field is empty once the dialog closes."""

from __future__ import annotations

from typing import Any

from checkpoint import codelists
from tests.support.helpers import registration
from tests.support.ui_helpers import show_active, wait_idle
from ui.qt import QApplication, Qt

HEALTH = {"kind": "health", "agency_code": codelists.health_facilities()[0].code, "reason_code": "TB_PRESUMPTIVE",
          "urgency": "SAME_DAY"}


def _slip(ctx: Any) -> tuple[str, str]:
    """On the DB thread: register a person with a TB referral; return (person id, slip code)."""
    def make() -> tuple[str, str]:
        s = ctx.session
        reg = s.registrations.register(**registration(
            person={**registration()["person"], "family_name": "KEO", "given_names": "SREYMOM", "sex": "F",
                    "id_document_number": "N7654321", "name_khmer": "កែវ ស្រីមុំ"},
            tb={"cough": True, "cough_days": 20}, referrals=[HEALTH]))
        return str(reg.person_id), s.slips.token(reg.referral_ids[0])
    return ctx.runner.run_sync(make)


def _open_dialog(qtbot: Any, win: Any) -> Any:
    qtbot.keyClick(win, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.slip_dialog is not None and win.slip_dialog.isVisible(), timeout=5_000)
    dlg = win.slip_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.code, timeout=5_000)
    return dlg


def _scan(qtbot: Any, dlg: Any, text: str) -> None:
    assert QApplication.focusWidget() is dlg.code and dlg.isVisible()
    qtbot.keyClicks(QApplication.focusWidget(), text)          # a scanner types like a keyboard …
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)   # … and ends with Enter
    wait_idle(qtbot, dlg.ctx)


def test_a_health_worker_checks_a_slip_and_opens_the_record_keyboard_only(make_ctx, qtbot) -> None:
    from ui.windows.main_window import MainWindow

    pid, token = _slip(make_ctx("sokha"))                     # an officer registered the arrival and printed it
    ctx = make_ctx("thida")                                    # the health post receives the person
    QApplication.clipboard().setText("sentinel")
    win = MainWindow(ctx, background_sync=False)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    assert win.actions_["check_slip"].shortcut().toString() == "Ctrl+K"
    dlg = _open_dialog(qtbot, win)
    _scan(qtbot, dlg, token)
    assert dlg.isVisible()                                     # Enter checked; it did not close the dialog
    assert dlg.result_label.isVisible() and dlg.result_label.text() == "VALID"
    assert "VALID" in dlg.result_label.accessibleName()
    assert "Valid slip" in dlg.reason_en.text() and dlg.reason_km.text() and dlg.reason_km.isVisible()
    assert "Printed at Poipet on" in dlg.facts.text()
    assert "KEO SREYMOM" in dlg.person.text() and "កែវ ស្រីមុំ" in dlg.person.text()
    assert "person in front of you" in dlg.note_en.text()
    assert dlg.open_button.isVisible()
    # garbage next (the scan replaces the selected code): NOT VALID, in words, no person, no button
    _scan(qtbot, dlg, "not a slip at all")
    assert dlg.result_label.text() == "NOT VALID" and "not a Checkpoint referral slip" in dlg.reason_en.text()
    assert not dlg.person.isVisible() and not dlg.open_button.isVisible() and not dlg.facts.isVisible()
    _scan(qtbot, dlg, token)
    assert dlg.result_label.text() == "VALID"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5_000)
    records = win.page("records")
    qtbot.waitUntil(lambda: records.detail.person_id == pid and records.detail.record is not None, timeout=10_000)
    assert win.stack.currentWidget() is records
    wait_idle(qtbot, ctx)
    assert QApplication.clipboard().text() == "sentinel"     # nothing copied anywhere


def test_an_admin_gets_the_verdict_and_nothing_about_the_person(make_ctx, qtbot) -> None:
    from ui.windows.main_window import MainWindow

    _pid, token = _slip(make_ctx("dara"))
    ctx = make_ctx("rith")
    win = MainWindow(ctx, background_sync=False)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    dlg = _open_dialog(qtbot, win)
    _scan(qtbot, dlg, token)
    assert dlg.result_label.text() == "VALID"
    assert not dlg.person.isVisible() and "KEO" not in dlg.person.text() and not dlg.open_button.isVisible()
    assert "Your role does not show" in dlg.note_en.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5_000)
    assert dlg.code.text() == "" and dlg.verdict is None        # nothing of the code lingers
