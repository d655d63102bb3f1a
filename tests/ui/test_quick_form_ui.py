"""The quick registration form beyond a list row (issue 11 points 1, 2, 3, 8), keyboard only, on a real store: a group
typed by hand, a person on no list with a passport scan, a repeat returnee offered inline and chosen, a mother and
two children linked as a household, completion from values already used, and bad input that saves nothing."""

from __future__ import annotations

from typing import Any

import pytest

from checkpoint.mrz import check_digit
from tests.support.ui_helpers import Keyboard, show_active, type_text, wait_idle
from ui.qt import QApplication, Qt
from ui.text import local_date
from ui.views.arrivals import ArrivalsView
from ui.views.arrivals.group_dialog import GroupDialog

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def passport(family: str, given: str, nationality: str = "KHM") -> tuple[str, str]:
    num, dob, exp = "N07654321", "880312", "301231"
    line2 = (num + str(check_digit(num)) + nationality + dob + str(check_digit(dob)) + "F" + exp
             + str(check_digit(exp)) + "<" * 14 + "0")
    line2 += str(check_digit(line2[0:10] + line2[13:20] + line2[21:43]))
    return (f"P<KHM{family}<<{given}" + "<" * 44)[:44], line2


def open_form(qtbot: Any, ctx: Any) -> Any:
    view = ArrivalsView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    wait_idle(qtbot, ctx)
    assert view.quick is not None
    view.quick.test_view = view                 # the test holds the form: keep its window alive with it
    return view.quick


def keys(kb: Keyboard, text: str) -> None:
    """Type ASCII text key by key into the focused widget (each character counts as a key press)."""
    for ch in text:
        target = QApplication.focusWidget()
        assert target is not None
        kb.qtbot.keyClicks(target, ch)
        kb.count += 1


def persons(runner: Any, ctx: Any) -> int:
    return runner.run_sync(ctx.session.records.count)


NGET = {"family_name": "NGET", "given_names": "SAMBATH", "sex": "M", "date_of_birth": "1988-04-04"}


def returnee(runner: Any, ctx: Any, **extra: Any) -> Any:
    """NGET SAMBATH, registered once already (a repeat returnee for the duplicate check to offer)."""
    return runner.run_sync(ctx.session.arrivals.quick_register, {**NGET, **extra})


def type_person(kb: Keyboard, family: str, given: str, dob: str) -> None:
    """Ctrl+Shift+N (a person on no list), then the family name, the given names and the date of birth (or an
    age), key by key as the officer types them."""
    kb.press(Qt.Key.Key_N, CTRL | SHIFT)
    keys(kb, family)
    kb.press(Qt.Key.Key_Tab)
    keys(kb, given)
    kb.press(Qt.Key.Key_Tab)
    kb.press(Qt.Key.Key_Tab)
    keys(kb, dob)


def test_a_group_typed_by_hand_is_checked_then_created(qtbot, make_ctx, runner) -> None:
    ctx = make_ctx("sokha")                                         # an officer may create groups (IMPORT_HANDOVER)
    form = open_form(qtbot, ctx)
    kb = Keyboard(qtbot)
    form.rows.setFocus()
    kb.press(Qt.Key.Key_G, CTRL)
    dlg = form.findChild(GroupDialog, "group_dialog")               # the dialog the shortcut opened
    assert dlg is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.transport, timeout=2_000)
    kb.press(Qt.Key.Key_T)                                          # Truck
    assert dlg.transport.currentData() == "TRUCK"
    kb.press(Qt.Key.Key_Tab)
    keys(kb, "3A-1234")
    kb.press(Qt.Key.Key_Tab)
    keys(kb, "AR-2569/201")
    kb.press(Qt.Key.Key_Tab)
    keys(kb, "31/02/2569")                                          # no 31 February, even in a Buddhist-era year
    kb.press(Qt.Key.Key_Tab)
    keys(kb, "IDC Suan Phlu")
    kb.press(Qt.Key.Key_Tab)
    keys(kb, "forty")
    kb.press(Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert dlg.error.text() == "Handover date: is not a date" and dlg.isVisible()
    assert runner.run_sync(ctx.session.arrivals.groups) == []          # nothing written
    dlg.fields["handover_date"].setFocus()
    kb.press(Qt.Key.Key_A, CTRL)
    keys(kb, "02/12/2569")
    kb.press(Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert dlg.error.text() == "Expected head count: must be a whole number"
    assert runner.run_sync(ctx.session.arrivals.groups) == []
    dlg.fields["expected_count"].setFocus()
    kb.press(Qt.Key.Key_A, CTRL)
    keys(kb, "42")
    kb.press(Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    [g] = runner.run_sync(ctx.session.arrivals.groups)
    assert (g.transport, g.vehicle, g.handover_ref, g.handover_date, g.authority, g.expected, g.return_type) == \
        ("TRUCK", "3A-1234", "AR-2569/201", "2026-12-02", "IDC Suan Phlu", 42, "DEPORTED_G2G")
    assert not dlg.isVisible() and form.group.currentData() == g.id
    assert form.group_counts.text() == "Expected 42 · registered 0 · left 0 · waiting 0"


def test_a_person_on_no_list_is_added_with_a_passport_scan(qtbot, make_ctx, runner) -> None:
    ctx = make_ctx("sokha")
    g = runner.run_sync(ctx.session.arrivals.create_group, {"transport": "BUS", "vehicle": "40-7777"})
    form = open_form(qtbot, ctx)
    assert form.group.currentData() == g.group_id
    before = persons(runner, ctx)
    kb = Keyboard(qtbot)
    form.rows.setFocus()
    kb.press(Qt.Key.Key_N, CTRL | SHIFT)                            # Add a person: the cursor in the family name
    assert form.fields["family_name"].hasFocus()
    kb.press(Qt.Key.Key_Tab, SHIFT)                                 # back to the scan box
    assert form.mrz.hasFocus()
    for line in passport("VANNAK", "CHANTHOU"):                     # the reader types, then its Enter
        qtbot.keyClicks(form.mrz, line)
        qtbot.keyClick(form.mrz, Qt.Key.Key_Return)
    assert form.fields["phone"].hasFocus()
    assert (form.fields["family_name"].text(), form.fields["id_document_number"].text(),
            form.doc_type.value()) == ("VANNAK", "N07654321", "PASSPORT")
    assert form.message.text().startswith("Passport read: all check digits correct.")
    keys(kb, "012999888")
    kb.press(Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert form.message.text().startswith("Saved."), form.error.text()
    assert persons(runner, ctx) == before + 1
    [hit] = runner.run_sync(ctx.session.records.search, "N07654321")
    rec = runner.run_sync(ctx.session.records.get, hit.id)
    p = rec["person"]
    assert (p["family_name"], p["given_names"], p["sex"], p["date_of_birth"], p["id_document_type"],
            p["phone"], p["mrz_valid"]) == ("VANNAK", "CHANTHOU", "F", "1988-03-12", "PASSPORT", "012999888", 1)
    assert runner.run_sync(ctx.session.arrivals.group, g.group_id).registered == 1
    print(f"\nperson on no list with a passport scan: {kb.count} officer key presses (the reader's not counted)")
    assert kb.count <= 15


def test_a_repeat_returnee_is_offered_inline_and_chosen(qtbot, make_ctx, runner) -> None:
    ctx = make_ctx("sokha")
    first = returnee(runner, ctx)
    form = open_form(qtbot, ctx)
    before = persons(runner, ctx)
    kb = Keyboard(qtbot)
    form.rows.setFocus()
    type_person(kb, "NGET", "SAMBATH", "04/04/1988")
    kb.press(Qt.Key.Key_Return)                                     # save: first the check for repeat returnees
    wait_idle(qtbot, ctx)
    assert form.dups.isVisible() and form.dups.hasFocus()
    assert form.dups.count() == 1
    last = runner.run_sync(ctx.session.records.search, "NGET SAMBATH")[0].last_arrival_at
    site = ctx.session.site.checkpoint_name
    assert last and form.dups.item(0).text() == \
        f"NGET SAMBATH · male · born 1988 · last arrival {local_date(last)} at {site}"
    assert persons(runner, ctx) == before                           # nothing saved while the officer chooses
    kb.press(Qt.Key.Key_Return)                                     # Enter on the offered person: use it
    wait_idle(qtbot, ctx)
    assert form.message.text().startswith("Saved."), form.error.text()
    assert persons(runner, ctx) == before                           # no second person
    assert [e["what"] for e in runner.run_sync(ctx.session.records.history, first.person_id)
            ].count("registration.recorded") == 2                   # a second arrival of the same person
    assert not form.dups.isVisible()


def test_a_possible_duplicate_can_be_declined(qtbot, make_ctx, runner) -> None:
    ctx = make_ctx("sokha")
    returnee(runner, ctx)
    form = open_form(qtbot, ctx)
    before = persons(runner, ctx)
    kb = Keyboard(qtbot)
    form.rows.setFocus()
    type_person(kb, "NGET", "SAMBAT", "04/04/1988")
    kb.press(Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert form.dups.isVisible() and form.dups.count() == 1        # a similar name, same birth date
    kb.press(Qt.Key.Key_N, ALT)                                     # not him: a new person
    qtbot.waitUntil(lambda: not form.new_button.isVisible(), timeout=2_000)    # a mnemonic clicks after a moment
    wait_idle(qtbot, ctx)
    assert form.message.text().startswith("Saved."), form.error.text()
    assert persons(runner, ctx) == before + 1


def test_a_mother_and_two_children_typed_as_a_household(qtbot, make_ctx, runner) -> None:
    ctx = make_ctx("sokha")
    g = runner.run_sync(ctx.session.arrivals.create_group, {"transport": "TRUCK"})
    form = open_form(qtbot, ctx)
    kb = Keyboard(qtbot)
    form.rows.setFocus()

    def person(given: str, dob: str, household_key: Qt.Key | None, role_downs: int) -> None:
        type_person(kb, "SAO", given, dob)
        kb.tab_to(form, "household")
        if household_key is not None:
            kb.press(household_key)
        kb.press(Qt.Key.Key_Tab)
        for _ in range(role_downs):                 # arrows, not letters: a combo joins letters typed within 0.4 s
            kb.press(Qt.Key.Key_Down)
        kb.press(Qt.Key.Key_Return)
        wait_idle(qtbot, ctx)
        assert form.message.text().startswith("Saved."), form.error.text()

    person("MALIS", "1991-01-01", Qt.Key.Key_End, 1)                # New household (the last item), Head
    assert form.household.currentText() == "Household: SAO MALIS"    # kept for the next of the family
    person("DINA", "2019-02-02", None, 3)                            # Child
    assert form.message.text().endswith("Child: accompanied. Guardian: SAO MALIS.")
    person("ROTHA", "2021-07-07", None, 3)
    assert form.message.text().endswith("Child: accompanied. Guardian: SAO MALIS.")
    [h] = runner.run_sync(ctx.session.arrivals.group_households, g.group_id)
    members = runner.run_sync(ctx.session.arrivals.household, h["id"])
    mother = members[0]
    assert [(m["given_names"], m["household_role"], m["child_status"]) for m in members] == [
        ("MALIS", "HEAD", None), ("DINA", "CHILD", "ACCOMPANIED"), ("ROTHA", "CHILD", "ACCOMPANIED")]
    assert [m["guardian_person_id"] for m in members[1:]] == [mother["person_id"]] * 2
    assert runner.run_sync(ctx.session.arrivals.arrival_figures)["children_separated_or_unaccompanied"] == 0
    print(f"\nmother and two children typed as a household: {kb.count} key presses for the three")


def test_completion_offers_a_commune_already_used_and_the_language_is_a_code(qtbot, make_ctx, runner) -> None:
    ctx = make_ctx("sokha")
    runner.run_sync(ctx.session.arrivals.quick_register, {"family_name": "UCH", "given_names": "SINA", "sex": "F",
                                                           "age_years": 30, "home_commune": "Ou Chrov Kandal"})
    form = open_form(qtbot, ctx)
    kb = Keyboard(qtbot)
    form.rows.setFocus()
    type_person(kb, "KONG", "PHEAP", "30")                          # an estimated age
    kb.tab_to(form, "home_commune")
    keys(kb, "ou c")
    wait_idle(qtbot, ctx)
    model = form.completers["home_commune"].model()
    assert "Ou Chrov Kandal" in model.stringList()
    popup = form.completers["home_commune"].popup()
    qtbot.waitUntil(popup.isVisible, timeout=2_000)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Return):                # the popup has the keyboard while it shows
        qtbot.keyClick(popup, key)
        kb.count += 1
    assert not popup.isVisible() and not form.message.text().startswith("Saved.")   # Enter took it; no save
    assert form.fields["home_commune"].text() == "Ou Chrov Kandal"
    kb.tab_to(form, "interpreter_language")
    keys(kb, "tha")                                                 # the ISO 639-3 code typed
    kb.press(Qt.Key.Key_Escape)                                     # close the completion popup, if any
    form.fields["phone"].setFocus()
    kb.press(Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert form.message.text().startswith("Saved."), form.error.text()
    [hit] = [s for s in runner.run_sync(ctx.session.records.search, "KONG PHEAP")]
    rec = runner.run_sync(ctx.session.records.get, hit.id)
    assert rec["person"]["home_commune"] == "Ou Chrov Kandal"
    arrival = runner.run_sync(lambda: ctx.session.store.db.execute(
        "SELECT interpreter_language FROM arrivals WHERE person_id = ?", [hit.id]).fetchone()[0])
    assert arrival == "tha"


@pytest.mark.parametrize(("field", "text", "message"), [
    ("date_of_birth", "31/02/1990", "Date of birth: "),
    ("province", "Atlantis", "Destination province: not in the list. Choose one of the provinces."),
    ("mrz", "P<KHMSOK<<DARA\nNOT A PASSPORT LINE\n", "Could not read the document. Re-scan it, or type the details."),
])
def test_bad_input_gets_a_message_and_saves_nothing(qtbot, make_ctx, runner, field, text, message) -> None:
    ctx = make_ctx("sokha")
    form = open_form(qtbot, ctx)
    before = persons(runner, ctx)
    form.rows.setFocus()
    qtbot.keyClick(form.rows, Qt.Key.Key_N, CTRL | SHIFT)
    for f, v in (("family_name", "TEP"), ("given_names", "SOVANN"), ("date_of_birth", "1990-01-01")):
        form.fields[f].setText(v)
    if field == "mrz":
        form.mrz.setFocus()
        for line in text.splitlines():
            qtbot.keyClicks(form.mrz, line)
            qtbot.keyClick(form.mrz, Qt.Key.Key_Return)             # the reader's Enter: never a save
        assert form.fields["family_name"].text() == "TEP"          # nothing filled from a scan not read
    elif field == "province":
        form.province.setFocus()
        type_text(form.province, text)
        form.fields["phone"].setFocus()
    else:
        form.fields[field].clear()
        type_text(form.fields[field], text)
    if field != "mrz":
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert form.error.text().startswith(message), form.error.text()
    assert not form.message.text().startswith("Saved.")
    assert persons(runner, ctx) == before


@pytest.mark.parametrize("user", ["thida", "rith"])
def test_a_health_worker_or_an_admin_has_no_quick_registration_and_types_no_group(qtbot, make_ctx, runner,
                                                                                  user) -> None:
    from checkpoint.errors import PermissionDenied

    ctx = make_ctx(user)
    view = ArrivalsView(ctx)
    qtbot.addWidget(view)
    wait_idle(qtbot, ctx)
    assert view.quick is None and view.findChild(GroupDialog) is None
    with pytest.raises(PermissionDenied):
        runner.run_sync(ctx.session.arrivals.create_group, {"transport": "BUS"})


def test_the_typed_person_paths_run_no_sql_on_the_gui_thread(qtbot, make_ctx, runner) -> None:
    from tests.ui.test_gui_thread import Statements, assert_all_on_the_db_worker

    ctx = make_ctx("sokha")
    runner.run_sync(ctx.session.arrivals.create_group, {"transport": "BUS"})
    returnee(runner, ctx, home_commune="Ou Chrov Kandal")
    statements = Statements()
    runner.run_sync(ctx.session.store.db.conn.set_trace_callback, statements)
    try:
        form = open_form(qtbot, ctx)
        form.rows.setFocus()
        qtbot.keyClick(form.rows, Qt.Key.Key_N, CTRL | SHIFT)
        for f, v in (("family_name", "NGET"), ("given_names", "SAMBATH"), ("date_of_birth", "1988-04-04")):
            form.fields[f].setText(v)
        form.fields["home_commune"].setFocus()
        qtbot.keyClicks(form.fields["home_commune"], "Ou")          # completion read on the worker
        wait_idle(qtbot, ctx)
        form.household.setCurrentIndex(form.household.findData("new"))
        qtbot.keyClick(form.fields["phone"], Qt.Key.Key_Return)      # duplicates read on the worker
        wait_idle(qtbot, ctx)
        assert form.dups.count() == 1
        qtbot.keyClick(form.dups, Qt.Key.Key_Return)                 # saved on the worker, household re-read
        wait_idle(qtbot, ctx)
        assert form.message.text().startswith("Saved.")
    finally:
        runner.run_sync(ctx.session.store.db.conn.set_trace_callback, None)
    assert_all_on_the_db_worker(statements.take())


def test_a_passport_of_a_nationality_outside_the_country_list_is_not_filled_in(qtbot, make_ctx, runner) -> None:
    ctx = make_ctx("sokha")
    form = open_form(qtbot, ctx)
    before = persons(runner, ctx)
    form.rows.setFocus()
    qtbot.keyClick(form.rows, Qt.Key.Key_N, CTRL | SHIFT)
    form.mrz.setFocus()
    for line in passport("ZED", "ZOE", nationality="ZZZ"):
        qtbot.keyClicks(form.mrz, line)
        qtbot.keyClick(form.mrz, Qt.Key.Key_Return)
    assert form.error.text().startswith("The nationality code ZZZ is not in the country list")
    assert form.fields["family_name"].text() == "" and persons(runner, ctx) == before
