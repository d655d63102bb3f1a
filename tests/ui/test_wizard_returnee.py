"""The full registration wizard and a repeat returnee chosen from the possible duplicates: her identity stays as
recorded, but her phone and destination stay open, filled with what her record holds. What she says today (a new
phone, a new district) is recorded as a correction of her record with the arrival (``person.amended``, as the quick
form does); nothing changed, nothing amended; a role that may not correct a record is told so and nothing is
saved."""

from __future__ import annotations

from typing import Any

import pytest

from checkpoint.errors import PermissionDenied
from checkpoint.model import roles
from checkpoint.model.roles import Permission, Role
from checkpoint.workflows.registration import Step
from tests.support.helpers import adult, registration
from tests.support.ui_helpers import Keyboard, wait_idle
from tests.ui.test_registration_wizard import fill, tick, wizard  # noqa: F401 - the wizard fixture
from ui.qt import QApplication, Qt, QWidget


def registered(ctx: Any) -> Any:
    """NGET SAMBATH, registered once already with a phone and a destination."""
    return ctx.runner.run_sync(ctx.session.registrations.register, **registration(
        person=adult(family_name="NGET", given_names="SAMBATH", date_of_birth="1988-04-04", name_khmer="",
                     id_document_number="NS4444444", phone="011111111", home_province="01",
                     home_district="Mongkol Borei")))


def choose_her(qtbot: Any, w: Any, kb: Keyboard, person_id: str) -> None:
    """Type her name and birth date as for a new person, then take the offered returnee."""
    fill(kb, w, "family_name", "NGET")
    fill(kb, w, "given_names", "SAMBATH")
    fill(kb, w, "date_of_birth", "1988-04-04")
    dups = w.findChild(QWidget, "duplicates")
    qtbot.waitUntil(lambda: any(dups.item(i).data(Qt.ItemDataRole.UserRole).id == person_id
                                for i in range(dups.count())), timeout=10_000)
    dups.setCurrentRow(next(i for i in range(dups.count())
                            if dups.item(i).data(Qt.ItemDataRole.UserRole).id == person_id))
    w.findChild(QWidget, "use_existing").click()


def retype(kb: Keyboard, w: Any, field: str, text: str) -> None:
    """Tab to a filled field, select what it holds and type over it."""
    kb.tab_to(w, field, limit=150)
    kb.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    kb.qtbot.keyClicks(QApplication.focusWidget(), text)


def save_from_journey(qtbot: Any, w: Any, kb: Keyboard) -> Any:
    """Journey → consent (storage, screening) → checklist → TB → review → save; the saved registration."""
    kb.press(Qt.Key.Key_Return)                   # → consent
    tick(kb, w, "storage", "screening")
    kb.press(Qt.Key.Key_Return)                   # → checklist
    kb.press(Qt.Key.Key_Return)                   # → TB
    kb.press(Qt.Key.Key_Return)                   # → review
    assert w.current_step() is Step.REVIEW
    with qtbot.waitSignal(w.saved, timeout=10_000) as sig:
        kb.press(Qt.Key.Key_Return)               # save
    return sig.args[0]


def history(ctx: Any, pid: str) -> list[dict[str, Any]]:
    return ctx.runner.run_sync(ctx.session.records.history, pid)


def writes(ctx: Any, pid: str) -> int:
    """Her arrivals and corrections in the event log (reads leave events of their own: not counted)."""
    return ctx.runner.run_sync(lambda: ctx.session.store.db.execute(
        "SELECT count(*) FROM events WHERE entity_id = ? AND type IN ('registration.recorded', 'person.amended')",
        [pid]).fetchone()[0])


def test_her_new_phone_and_district_are_recorded_as_a_correction(qtbot, wizard) -> None:  # noqa: F811
    w, ctx = wizard("sokha")
    first = registered(ctx)
    before = ctx.runner.run_sync(ctx.session.records.count)
    kb = Keyboard(qtbot)
    choose_her(qtbot, w, kb, first.person_id)
    phone, province, district = (w.findChild(QWidget, f) for f in ("phone", "home_province", "home_district"))
    assert not w.findChild(QWidget, "family_name").isEnabled()          # her identity stays as recorded
    assert phone.isEnabled() and province.isEnabled() and district.isEnabled()
    assert (phone.text(), province.value(), district.text()) == ("011111111", "01", "Mongkol Borei")  # her record
    retype(kb, w, "phone", "012999888")
    retype(kb, w, "home_district", "Serei Saophoan")
    kb.tab_to(w, "phone", limit=150)
    kb.press(Qt.Key.Key_Return)                   # → journey
    assert w.current_step() is Step.JOURNEY, w.findChild(QWidget, "identity_error").text()
    reg = save_from_journey(qtbot, w, kb)
    wait_idle(qtbot, ctx)
    assert reg.person_id == first.person_id
    assert ctx.runner.run_sync(ctx.session.records.count) == before      # no second person
    p = ctx.runner.run_sync(ctx.session.records.get, first.person_id)["person"]
    assert (p["phone"], p["home_province"], p["home_district"]) == ("012999888", "01", "Serei Saophoan")
    h = history(ctx, first.person_id)
    amended = [x for x in h if x["what"] == "person.amended"]
    assert len(amended) == 1 and amended[0]["fields"] == ["home_district", "phone"]   # only what changed
    assert "new arrival" in amended[0]["reason"]
    assert [x["what"] for x in h].count("registration.recorded") == 2


def test_her_contact_left_as_it_was_amends_nothing(qtbot, wizard) -> None:  # noqa: F811
    w, ctx = wizard("sokha")
    first = registered(ctx)
    kb = Keyboard(qtbot)
    choose_her(qtbot, w, kb, first.person_id)
    w.next()                                      # → journey (the focus is on the button just clicked)
    assert w.current_step() is Step.JOURNEY
    save_from_journey(qtbot, w, kb)
    wait_idle(qtbot, ctx)
    h = [x["what"] for x in history(ctx, first.person_id)]
    assert "person.amended" not in h and h.count("registration.recorded") == 2
    p = ctx.runner.run_sync(ctx.session.records.get, first.person_id)["person"]
    assert (p["phone"], p["home_district"]) == ("011111111", "Mongkol Borei")


def test_a_role_that_may_not_correct_records_is_told_and_nothing_changes(qtbot, wizard, monkeypatch) -> None:  # noqa: F811
    # No role of the shipped table registers without amend permission: an officer without AMEND_OWN stands in for a
    # site that gives one (the wizard and the service read the same table).
    monkeypatch.setitem(roles.PERMISSIONS, Role.OFFICER, roles.PERMISSIONS[Role.OFFICER] - {Permission.AMEND_OWN})
    w, ctx = wizard("sokha")
    first = registered(ctx)
    before = writes(ctx, first.person_id)
    kb = Keyboard(qtbot)
    choose_her(qtbot, w, kb, first.person_id)
    retype(kb, w, "phone", "012999888")
    kb.press(Qt.Key.Key_Return)                   # Next: refused, with the reason
    assert w.current_step() is Step.IDENTITY
    error = w.findChild(QWidget, "identity_error")
    assert error.isVisible() and "Your role may not correct a person's record" in error.text()
    assert QApplication.focusWidget() is w.findChild(QWidget, "phone")
    wait_idle(qtbot, ctx)
    # the service refuses it too (the whole save: neither the arrival nor a correction is written)
    with pytest.raises(PermissionDenied):
        ctx.runner.run_sync(lambda: ctx.session.registrations.register(
            **{**registration(person=None, person_id=first.person_id), "person_updates": {"phone": "012999888"}}))
    assert writes(ctx, first.person_id) == before
    p = ctx.runner.run_sync(ctx.session.records.get, first.person_id)["person"]
    assert p["phone"] == "011111111"
    retype(kb, w, "phone", "011111111")           # what the record holds: the arrival saves, nothing amended
    kb.press(Qt.Key.Key_Return)
    assert w.current_step() is Step.JOURNEY
    save_from_journey(qtbot, w, kb)
    wait_idle(qtbot, ctx)
    assert "person.amended" not in [x["what"] for x in history(ctx, first.person_id)]
