"""The quick registration form and a repeat returnee chosen from the inline duplicates: the phone and destination
province the officer typed are kept (a correction of her record, recorded with the arrival and shown in her
history), and the offered line says the local day and the checkpoint of her last arrival."""

from __future__ import annotations

from datetime import UTC, datetime

from checkpoint.errors import ValidationError
from tests.support.ui_helpers import Keyboard, type_text, wait_idle
from tests.ui.test_quick_form_ui import keys, open_form, persons, returnee, type_person
from ui.qt import Qt


def test_typed_phone_and_province_reach_the_chosen_returnee(qtbot, make_ctx, runner, clock) -> None:
    ctx = make_ctx("sokha")
    now = clock.now()
    clock.set(datetime(2026, 11, 20, 17, 30, tzinfo=UTC))          # 00:30 on 21 November in Poipet (UTC+7)
    first = returnee(runner, ctx, phone="011111111")
    clock.set(now)
    form = open_form(qtbot, ctx)
    before = persons(runner, ctx)
    kb = Keyboard(qtbot)
    form.rows.setFocus()
    type_person(kb, "NGET", "SAMBATH", "04/04/1988")
    kb.tab_to(form, "phone")
    keys(kb, "012999888")
    kb.press(Qt.Key.Key_Tab)                                        # the destination province: typed, found
    type_text(form.province, "Battambang")
    kb.press(Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert form.dups.isVisible() and form.dups.count() == 1
    site = ctx.session.site.checkpoint_name
    # the local day of her last arrival (its UTC date is the 20th), and where it was
    assert form.dups.item(0).text() == f"NGET SAMBATH · male · born 1988 · last arrival 2026-11-21 at {site}", \
        form.dups.item(0).text()
    kb.press(Qt.Key.Key_Return)                                     # Enter on her: this arrival is hers
    wait_idle(qtbot, ctx)
    assert form.message.text().startswith("Saved."), form.error.text()
    assert persons(runner, ctx) == before                           # no second person
    rec = runner.run_sync(ctx.session.records.get, first.person_id)
    assert rec["person"]["phone"] == "012999888" and rec["person"]["home_province"] == "02"
    history = runner.run_sync(ctx.session.records.history, first.person_id)
    amended = [h for h in history if h["what"] == "person.amended"]
    assert len(amended) == 1 and amended[0]["fields"] == ["home_province", "phone"]
    assert "new arrival" in amended[0]["reason"]
    assert [h["what"] for h in history].count("registration.recorded") == 2


def test_nothing_typed_changes_nothing_and_a_bad_phone_saves_nothing(make_ctx, runner) -> None:
    ctx = make_ctx("sokha")
    first = returnee(runner, ctx, phone="011111111")
    a = ctx.session.arrivals
    runner.run_sync(lambda: a.quick_register(person_id=first.person_id, person_updates={"phone": "011111111"}))
    history = runner.run_sync(ctx.session.records.history, first.person_id)
    assert "person.amended" not in [h["what"] for h in history]     # the same phone: no correction
    events = runner.run_sync(lambda: ctx.session.store.db.execute("SELECT count(*) FROM events").fetchone()[0])
    for bad in ({"phone": "12"}, {"family_name": "OTHER"}):
        try:
            runner.run_sync(lambda b=bad: a.quick_register(person_id=first.person_id, person_updates=b))
        except ValidationError:
            pass
        else:
            raise AssertionError(f"{bad} was accepted")
    after = runner.run_sync(lambda: ctx.session.store.db.execute("SELECT count(*) FROM events").fetchone()[0])
    assert after == events                                          # neither the arrival nor a correction written
