"""The arrivals screens, keyboard only (issue 11): a list row quick-registered in at most 15 key presses, and a
station's queue called and closed with single keys; every store call on the DB worker."""

from __future__ import annotations

import time

from tests.support.arrivals import HEADERS, handover_rows, to_csv
from tests.support.ui_helpers import Keyboard, show_active, wait_idle
from ui.qt import Qt
from ui.views.arrivals import ArrivalsView


def test_quick_registration_of_an_adult_without_document_takes_at_most_15_keys(qtbot, make_ctx, runner) -> None:
    ctx = make_ctx("sokha")
    imp = runner.run_sync(ctx.session.arrivals.import_list, to_csv(HEADERS, handover_rows()), "bus.csv",
                          group={"transport": "BUS", "vehicle": "40-1234"})
    view = ArrivalsView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    wait_idle(qtbot, ctx)
    form = view.quick
    assert form is not None and form.rows.count() == 60
    form.rows.setCurrentRow(15)                     # select the row (sheet row 17: an adult, no document)
    assert form.rows.currentItem().data(Qt.ItemDataRole.UserRole)["person"]["id_document_number"] == ""
    kb = Keyboard(qtbot)
    form.rows.setFocus()
    kb.press(Qt.Key.Key_Return)                     # load it: the cursor goes to the phone
    assert form.fields["phone"].hasFocus() and form.fields["family_name"].text()
    for ch in "012345678":
        kb.press(getattr(Qt.Key, f"Key_{ch}"))
    kb.press(Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)     # pregnant
    qtbot.waitUntil(form.flags["PREGNANT"].isChecked, timeout=2_000)
    kb.press(Qt.Key.Key_Return)                     # save
    wait_idle(qtbot, ctx)
    assert kb.count <= 15, kb.count
    g = runner.run_sync(ctx.session.arrivals.group, imp.group_id)
    assert g.registered == 1 and form.rows.count() == 59
    [row] = [r for r in runner.run_sync(ctx.session.arrivals.rows, imp.group_id) if r["status"] == "registered"]
    rec = runner.run_sync(ctx.session.records.get, row["person_id"])
    assert rec["person"]["phone"] == "012345678"
    queue = runner.run_sync(ctx.session.arrivals.queue, "INTERVIEW_ROOM")
    assert queue[0].person_id == row["person_id"] and queue[0].flags == ("PREGNANT",)
    print(f"\nquick registration: {kb.count} key presses after selecting the row")


def test_a_station_calls_and_closes_with_single_keys(qtbot, make_ctx, runner) -> None:
    ctx = make_ctx("sokha")
    a = ctx.session.arrivals
    first = runner.run_sync(a.quick_register, {"family_name": "SOK", "given_names": "DARA", "sex": "M",
                                               "age_years": 30})
    hurt = runner.run_sync(a.quick_register, {"family_name": "KEO", "given_names": "VISAL", "sex": "M",
                                              "age_years": 40}, flags=["INJURED_OR_ILL"])
    view = ArrivalsView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    view.setCurrentWidget(view.queue)
    wait_idle(qtbot, ctx)
    q = view.queue
    assert q is not None and [i.person_id for i in q.items] == [hurt.person_id, first.person_id]
    q.list.setFocus()
    qtbot.keyClick(q.list, Qt.Key.Key_F5)
    wait_idle(qtbot, ctx)
    assert q.items[0].status == "called" and q.items[0].person_id == hurt.person_id
    # the private room opens the full registration on the called arrival (the flow); Escape puts it aside
    qtbot.waitUntil(lambda: q.wizard is not None, timeout=5_000)
    qtbot.keyClick(q.wizard, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: q.wizard is None, timeout=5_000)
    show_active(qtbot, view)                       # offscreen, the window is not re-activated by itself
    wait_idle(qtbot, ctx)
    q.list.setCurrentRow(-1)
    qtbot.keyClick(q.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    assert [i.person_id for i in q.items] == [first.person_id]
    assert "seen 1" in q.figures.text()


def test_a_health_worker_sees_only_the_health_post(qtbot, make_ctx) -> None:
    ctx = make_ctx("thida")
    view = ArrivalsView(ctx)
    qtbot.addWidget(view)
    wait_idle(qtbot, ctx)
    assert view.quick is None and view.queue is not None
    assert [view.queue.station.itemData(i) for i in range(view.queue.station.count())] == ["HEALTH_POST"]


def test_refreshing_2000_waiting_keeps_the_gui_thread_free(qtbot, make_ctx, runner) -> None:
    ctx = make_ctx("dara")
    a = ctx.session.arrivals

    def fill() -> None:
        with ctx.session.batch():
            for i in range(2000):
                given = "SOK" + chr(65 + i % 26) + chr(65 + i // 26 % 26) + chr(65 + i // 676)
                a.quick_register({"family_name": "LIM", "given_names": given, "sex": "F", "age_years": 20 + i % 40},
                                 stations=["INTERVIEW_ROOM"])
    runner.run_sync(fill)
    view = ArrivalsView(ctx)
    qtbot.addWidget(view)
    view.setCurrentWidget(view.queue)
    wait_idle(qtbot, ctx)
    assert view.queue is not None and len(view.queue.items) == 2000
    t0 = time.perf_counter()
    view.queue.refresh()                          # the GUI thread only queues the read
    queued = time.perf_counter() - t0
    wait_idle(qtbot, ctx)
    t0 = time.perf_counter()
    view.queue._show((view.queue.items, {"waiting": 2000, "done": 0, "referred": 0, "left_before_seen": 0}, False))
    drawn = time.perf_counter() - t0
    print(f"\nqueue of 2,000: GUI thread {queued * 1000:.1f} ms to ask, {drawn * 1000:.1f} ms to draw")
    assert view.queue.list.count() == 2000


def test_quick_registration_and_the_queue_run_no_sql_on_the_gui_thread(qtbot, make_ctx, runner) -> None:
    from tests.ui.test_gui_thread import Statements, assert_all_on_the_db_worker

    ctx = make_ctx("sokha")
    runner.run_sync(ctx.session.arrivals.import_list, to_csv(HEADERS, handover_rows()[:5]), "bus.csv")
    statements = Statements()
    runner.run_sync(ctx.session.store.db.conn.set_trace_callback, statements)
    try:
        view = ArrivalsView(ctx)
        qtbot.addWidget(view)
        show_active(qtbot, view)
        wait_idle(qtbot, ctx)
        form = view.quick
        assert form is not None and form.rows.count() == 5
        form.rows.setFocus()
        for left in (4, 3):
            qtbot.keyClick(form.rows, Qt.Key.Key_Return)
            qtbot.keyClick(form.fields["phone"], Qt.Key.Key_Return)
            wait_idle(qtbot, ctx)
            assert form.rows.count() == left
        view.setCurrentWidget(view.queue)
        assert view.queue is not None
        qtbot.keyClick(view.queue.list, Qt.Key.Key_F5)
        wait_idle(qtbot, ctx)
        qtbot.waitUntil(lambda: view.queue.wizard is not None, timeout=5_000)     # the flow: the full registration
        qtbot.keyClick(view.queue.wizard, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: view.queue.wizard is None, timeout=5_000)
        show_active(qtbot, view)
        wait_idle(qtbot, ctx)
        view.queue.list.setCurrentRow(-1)
        qtbot.keyClick(view.queue.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)   # the one being seen
        wait_idle(qtbot, ctx)
        view.queue.list.setCurrentRow(0)
        qtbot.keyClick(view.queue.list, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)   # gone before called
        wait_idle(qtbot, ctx)
        assert view.queue.figures.text() == "Waiting 0 · seen 1 · referred 0 · left before being seen 1"
    finally:
        runner.run_sync(ctx.session.store.db.conn.set_trace_callback, None)
    assert_all_on_the_db_worker(statements.take())


def test_surge_switch_and_headcount(qtbot, make_ctx, runner) -> None:
    sup, officer = make_ctx("dara"), make_ctx("sokha")
    view = ArrivalsView(officer)
    qtbot.addWidget(view)
    wait_idle(qtbot, officer)
    panel = view.surge
    assert panel is not None and not panel.switch.isEnabled()            # an officer cannot switch it
    assert not panel.buttons[("F", "adult")].isEnabled()                 # nothing to count outside a surge
    boss = ArrivalsView(sup)
    qtbot.addWidget(boss)
    wait_idle(qtbot, sup)
    assert boss.surge is not None and boss.surge.switch.isEnabled()
    boss.surge.switch.click()
    wait_idle(qtbot, sup)
    assert runner.run_sync(sup.session.arrivals.surge_active)
    panel.refresh()
    wait_idle(qtbot, officer)
    for key in (("F", "adult"), ("F", "adult"), ("M", "child")):
        panel.buttons[key].click()
        wait_idle(qtbot, officer)
    assert panel.counts.text() == "Women 2 · men 0 · girls 0 · boys 1"
    assert view.queue is not None
    view.queue.refresh()
    wait_idle(qtbot, officer)
    assert not view.queue.surge_banner.isHidden()


def test_import_dialog_maps_columns_lists_bad_rows_and_imports_only_when_told(qtbot, make_ctx, runner,
                                                                              tmp_path) -> None:
    ctx = make_ctx("sokha")
    rows = [["1", "SOK DARA", "M", "17/05/2533"], ["2", "KEO BOPHA", "F", "31/02/2533"],
            ["3", "CHAN VISAL", "M", "1985-01-20"]]
    path = tmp_path / "bus.csv"
    path.write_bytes(to_csv(["Seq", "Full name (Latin)", "Gender", "Born"], rows))
    view = ArrivalsView(ctx)
    qtbot.addWidget(view)
    wait_idle(qtbot, ctx)
    assert view.quick is not None
    dlg = view.quick.open_import()
    dlg.group_fields["handover_ref"].setText("AR-7")
    dlg.open_file(path)
    wait_idle(qtbot, ctx)
    assert "no column for this field" in dlg.summary.text()           # "Full name (Latin)" is not guessed
    dlg.columns["full_name"].setCurrentText("Full name (Latin)")
    dlg.columns["date_of_birth"].setCurrentText("Born")
    dlg.check()
    wait_idle(qtbot, ctx)
    assert [dlg.problems.item(i).text() for i in range(dlg.problems.count())] == [
        "Row 3 · Date of birth: is not a date (write it as 31/12/1990, 1990-12-31 or with a Buddhist-era year "
        "such as 2533)"]
    assert not dlg.import_button.isEnabled()                           # nothing half-imported by default
    dlg.only_good.setChecked(True)
    assert dlg.import_button.isEnabled()
    dlg.import_list()
    wait_idle(qtbot, ctx)
    [g] = runner.run_sync(ctx.session.arrivals.groups)
    assert (g.handover_ref, g.listed, g.skipped_rows) == ("AR-7", 2, 1)
    assert view.quick.rows.count() == 2
