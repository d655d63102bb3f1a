"""Issue 14 must-show: the health post by keyboard only — symptom screen + abnormal X-ray + sputum + Xpert detected
→ diagnosis → transfer slip to a facility in the destination province → treatment started → outcome — with no
trafficking answer visible at any step; the cascade view; who reaches the page. Offscreen, no sleeps."""

from __future__ import annotations

from tests.support.helpers import POSITIVE_ADULT, adult, registration
from tests.support.ui_helpers import Keyboard, show_active, wait_idle
from ui.qt import QCheckBox, QComboBox, QLabel, QLineEdit, QListWidget, Qt, QTextBrowser, QWidget
from ui.text import code_label
from ui.views.health_post import HealthPostPage, HealthPostView

LEAKS = ("ILO-", "trafficking", "Trafficking", "indicator", "victim", "protection", "Protection", "debt", "recruit")


def visible_text(root: QWidget) -> str:
    """Every text the view shows: labels, list items, combo items, check boxes, line edits."""
    out: list[str] = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QListWidget):
            out += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QCheckBox | QLineEdit):
            out.append(w.text())
        elif isinstance(w, QTextBrowser):
            out.append(w.toPlainText())
    return "\n".join(out)


def no_leak(view: QWidget) -> None:
    text = visible_text(view)
    for leak in LEAKS:
        assert leak not in text, leak


def test_the_whole_pathway_by_keyboard(make_ctx, qtbot, clock) -> None:
    officer = make_ctx("sokha")
    officer.runner.run_sync(officer.session.registrations.register, **registration(
        person=adult(family_name="KEYBOARD", given_names="PATH", home_province="02", id_document_number="KB000001"),
        trafficking={"ticked": POSITIVE_ADULT}, tb=None))
    ctx = make_ctx("thida")
    today = clock.now().date().isoformat()
    view = HealthPostView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    kb = Keyboard(qtbot)
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, "KEYBOARD")
    kb.press(Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert view.results.count() == 1 and view.results.hasFocus()
    kb.press(Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert "KEYBOARD" in view.person.text() and "Battambang" in view.person.text()
    no_leak(view)

    def tab_to(name: str) -> None:
        kb.tab_to(view, name, limit=80)

    def save(button: str) -> None:
        tab_to(button)
        kb.press(Qt.Key.Key_Space)
        wait_idle(qtbot, ctx)
        assert view.message.text() in ("Saved.", "TB screen saved.", "Transfer recorded."), view.message.text()
        no_leak(view)

    # the screen: consent, cough for 21 days, night sweats, an abnormal X-ray with its CAD score, in one sitting
    tab_to("hp_consent")
    kb.press(Qt.Key.Key_Space)
    tab_to("TB-S1")
    kb.press(Qt.Key.Key_Space)
    tab_to("TB-S1d")
    kb.press(Qt.Key.Key_Up)
    qtbot.keyClicks(view.cough_days, "21")
    tab_to("TB-S4")
    kb.press(Qt.Key.Key_Space)
    tab_to("cxr_result")
    kb.press(Qt.Key.Key_Down)
    kb.press(Qt.Key.Key_Down)
    assert view.cxr_result.currentData() == "ABNORMAL_SUGGESTIVE"
    tab_to("cxr_cad_score")
    qtbot.keyClicks(view.cad, "72")
    save("hp_screen_save")
    assert "presumptive" in view.result.text().lower() or "TB" in view.result.text()
    assert "Abnormal" in view.pathway.text() and "CAD 72" in view.pathway.text()

    # sputum, Xpert (MTB detected, RIF not detected), diagnosis with the TB register number
    tab_to("sputum_collected_at")
    qtbot.keyClicks(view.fields["sputum_collected_at"], today)
    tab_to("sputum_specimen_id")
    qtbot.keyClicks(view.fields["sputum_specimen_id"], "PP-0001")
    save("hp_record_save")
    tab_to("xpert_result")
    kb.press(Qt.Key.Key_Down)
    kb.press(Qt.Key.Key_Down)
    save("hp_record_save")
    assert "rifampicin resistance not detected" in view.pathway.text()
    tab_to("diagnosis")
    kb.press(Qt.Key.Key_Down)
    tab_to("tb_register_number")
    qtbot.keyClicks(view.fields["tb_register_number"], "BMC-0042")
    save("hp_record_save")
    assert "Bacteriologically confirmed" in view.pathway.text()

    # the transfer to the facility nearest home (Battambang), its slip, treatment started, the outcome
    save("hp_transfer")
    assert "Battambang Provincial Referral Hospital" in view.slip.text() and "TB treatment" in view.slip.text()
    assert "Battambang" in view.referral.currentText()
    tab_to("treatment_started_at")
    qtbot.keyClicks(view.fields["treatment_started_at"], today)
    save("hp_record_save")
    tab_to("treatment_outcome")
    kb.press(Qt.Key.Key_Down)
    assert view.fields["treatment_outcome"].currentData() == "CURED"
    save("hp_record_save")
    assert "Cured" in view.pathway.text() and "treatment from " + today in view.pathway.text()

    # a step out of order: the message says so and nothing changes
    before = view.pathway.text()
    tab_to("xpert_result")
    kb.press(Qt.Key.Key_Down)
    tab_to("hp_record_save")
    kb.press(Qt.Key.Key_Space)
    wait_idle(qtbot, ctx)
    assert "sputum collection before the Xpert result" in view.message.text()
    assert view.pathway.text() == before


def test_the_cascade_view_and_who_reaches_the_health_post(make_ctx, qtbot) -> None:
    ctx = make_ctx("thida")
    page = HealthPostPage(ctx)
    qtbot.addWidget(page)
    assert page.cascade is not None and page.count() == 4       # health post, cascade, follow-up, TB policy
    page.cascade.date_from.setText("2000-01-01")
    page.cascade.refresh()
    wait_idle(qtbot, ctx)
    assert page.cascade.data is not None
    assert "Number needed to screen" in page.cascade.table.toPlainText()
    assert str(page.cascade.data["total"]["screened"]) in page.cascade.table.toPlainText()
    assert "By home province" in page.cascade.table.toPlainText() and page.cascade.data["by_province"]
    for code in page.cascade.data["by_province"]:
        if code != "unknown":
            assert code_label("provinces", code) in page.cascade.table.toPlainText()
    page.cascade.date_from.setText("not a date")
    page.cascade.refresh()
    assert "YYYY-MM-DD" in page.cascade.message.text()


def test_the_main_window_offers_the_health_post_to_health_workers_only(make_ctx, qtbot) -> None:
    from ui.windows.main_window import MainWindow

    for name, offered in (("thida", True), ("dara", True), ("sokha", False), ("rith", False)):
        ctx = make_ctx(name)
        win = MainWindow(ctx, background_sync=False)
        qtbot.addWidget(win)
        assert ("health_post" in win.actions_) is offered, name
        if offered:
            win.show_page("health_post")
            assert isinstance(win.stack.currentWidget(), HealthPostPage)
        wait_idle(qtbot, ctx)


def test_the_tb_policy_tab_shows_whos_reasoning_and_only_a_supervisor_changes_it(make_ctx, qtbot) -> None:
    from ui.views.health_post import PolicyView

    hw = PolicyView(make_ctx("thida"))
    qtbot.addWidget(hw)
    wait_idle(qtbot, hw.ctx)
    assert hw.xray.isChecked() and hw.detention.isChecked()
    assert "WHO" in hw.xray_why.text() and "detention" in hw.detention_why.text()
    assert not hw.save_btn.isEnabled() and not hw.xray.isEnabled()
    sup = PolicyView(make_ctx("dara"))
    qtbot.addWidget(sup)
    show_active(qtbot, sup)
    wait_idle(qtbot, sup.ctx)
    kb = Keyboard(qtbot)
    kb.tab_to(sup, "policy_xray_on_site")
    kb.press(Qt.Key.Key_Space)
    kb.tab_to(sup, "policy_save")
    kb.press(Qt.Key.Key_Space)
    wait_idle(qtbot, sup.ctx)
    assert "next sign-in" in sup.message.text()
    assert sup.ctx.runner.run_sync(sup.ctx.session.health.tb_policy).xray_on_site is False
    assert not sup.xray.isChecked()
