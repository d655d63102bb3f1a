"""The registration wizard driven from the keyboard, as an officer with a document reader uses it."""

from __future__ import annotations

from typing import Any

import pytest

from checkpoint import codelists
from checkpoint.workflows.registration import RegistrationFlow, Step
from tests.conftest import PASS  # noqa: F401 - fixtures' passphrases
from tests.support.ui_helpers import Keyboard, show_active, type_text, wait_idle
from ui.qt import QApplication, Qt, QWidget
from ui.wizards.registration import RegistrationWizard

SPECIMEN = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")


def khm_passport() -> tuple[str, str]:
    """A valid TD3 MRZ for a Cambodian passport (check digits computed)."""
    from checkpoint.mrz import check_digit

    num, dob, exp = "N01234567", "900517", "301231"
    line2 = (num + str(check_digit(num)) + "KHM" + dob + str(check_digit(dob)) + "M" + exp
             + str(check_digit(exp)) + "<" * 14 + "0")
    comp = line2[0:10] + line2[13:20] + line2[21:43]
    line2 += str(check_digit(comp))
    line1 = ("P<KHMSOK<<DARA" + "<" * 44)[:44]
    return line1, line2


@pytest.fixture
def wizard(qtbot, make_ctx):
    def _make(user: str = "sokha", flow: RegistrationFlow | None = None, start: Step = Step.IDENTITY
              ) -> tuple[RegistrationWizard, Any]:
        ctx = make_ctx(user)
        f = flow or RegistrationFlow(now=ctx.session.store.clock.now(), station_id="POIPET_INTL_CHECKPOINT")
        w = RegistrationWizard(ctx, f, start=start)
        qtbot.addWidget(w)
        show_active(qtbot, w)
        return w, ctx
    return _make


def scan(qtbot, w: RegistrationWizard, lines: tuple[str, str]) -> None:
    """What a keyboard-wedge reader does: type line 1, Enter, line 2, Enter into the focused MRZ box."""
    mrz = w.findChild(QWidget, "mrz")
    mrz.setFocus()
    for line in lines:
        qtbot.keyClicks(mrz, line)
        qtbot.keyClick(mrz, Qt.Key.Key_Return)


def test_negative_adult_from_mrz_scan_to_saved_in_at_most_30_keys(qtbot, wizard) -> None:
    w, ctx = wizard()
    scan(qtbot, w, khm_passport())
    assert w.findChild(QWidget, "family_name").text() == "SOK"
    assert w.findChild(QWidget, "date_of_birth").text() == "1990-05-17"
    assert "check digits correct" in w.findChild(QWidget, "mrz_status").text()
    kb = Keyboard(qtbot)
    kb.press(Qt.Key.Key_Return)                         # identity → journey
    assert w.currentId() == 1
    kb.press(Qt.Key.Key_Return)                         # journey → consent
    assert w.currentId() == 2
    kb.tab_to(w, "storage")
    kb.press(Qt.Key.Key_Space)
    kb.tab_to(w, "screening")
    kb.press(Qt.Key.Key_Space)
    kb.press(Qt.Key.Key_Return)                         # consent → trafficking
    assert w.currentId() == 3
    kb.press(Qt.Key.Key_Return)                         # no indicators → TB
    kb.press(Qt.Key.Key_Return)                         # no symptoms → review
    assert w.currentId() == 5
    with qtbot.waitSignal(w.saved, timeout=10_000) as sig:
        kb.press(Qt.Key.Key_Return)                     # save
    reg = sig.args[0]
    assert reg.trafficking.outcome == "NOT_INDICATED" and reg.tb.outcome == "SCREEN_NEGATIVE"
    print(f"\nkey presses from MRZ scan to saved (negative adult): {kb.count}")
    assert kb.count <= 30
    wait_idle(qtbot, ctx)
    found = ctx.runner.run_sync(ctx.session.records.search, "N01234567")
    assert [r.family_name for r in found] == ["SOK"]
    assert ctx.runner.run_sync(ctx.session.drafts.list) == []


def test_a_failed_check_digit_says_rescan_not_forgery(qtbot, wizard) -> None:
    w, _ = wizard()
    l1, l2 = SPECIMEN
    scan(qtbot, w, (l1, l2[:9] + "7" + l2[10:]))
    status = w.findChild(QWidget, "mrz_status").text()
    assert "re-scan" in status and "not evidence of forgery" in status
    assert w.findChild(QWidget, "family_name").text() == "ERIKSSON"


def test_required_fields_are_shown_inline_and_block_next(qtbot, wizard) -> None:
    w, _ = wizard()
    w.findChild(QWidget, "family_name").setFocus()
    qtbot.keyClick(w.findChild(QWidget, "family_name"), Qt.Key.Key_Return)
    assert w.currentId() == 0
    err = w.findChild(QWidget, "identity_error")
    assert err.isVisible() and err.text()


def fill(kb: Keyboard, w: RegistrationWizard, field: str, text: str) -> None:
    """Tab to a field and type into it (Khmer through key events with text, never keyClicks)."""
    kb.tab_to(w, field, limit=150)
    if text.isascii():
        kb.qtbot.keyClicks(QApplication.focusWidget(), text)
    else:
        type_text(QApplication.focusWidget(), text)


def tick(kb: Keyboard, w: RegistrationWizard, *fields: str) -> None:
    for f in fields:
        kb.tab_to(w, f, limit=150)
        kb.press(Qt.Key.Key_Space)


def test_adult_with_indicators_gets_a_protection_referral(qtbot, wizard) -> None:
    w, _ctx = wizard("sokha")
    kb = Keyboard(qtbot)
    fill(kb, w, "family_name", "CHAN")
    fill(kb, w, "given_names", "VANNA")
    fill(kb, w, "sex", "F")                       # a combo: typing selects "Female"
    fill(kb, w, "date_of_birth", "1995-03-03")
    kb.press(Qt.Key.Key_Return)                   # → journey
    kb.press(Qt.Key.Key_Return)                   # → consent
    tick(kb, w, "storage", "screening", "referral")
    kb.press(Qt.Key.Key_Return)                   # → checklist
    assert w.currentId() == 3
    tick(kb, w, "ILO-DR-1", "ILO-DR-2", "ILO-EX-1", "ILO-EX-2", "ILO-CD-1", "ILO-CD-5")
    result = w.findChild(QWidget, "trafficking_result").text()
    assert "Indicators of trafficking present" in result and "victim" not in result.lower()
    kb.press(Qt.Key.Key_Return)                   # → TB
    kb.press(Qt.Key.Key_Return)                   # → review
    refs = w.findChild(QWidget, "referrals")
    kinds = [refs.item(i).data(Qt.ItemDataRole.UserRole)["kind"] for i in range(refs.count())]
    assert "protection" in kinds
    with qtbot.waitSignal(w.saved, timeout=10_000) as sig:
        kb.press(Qt.Key.Key_Return)               # save
    assert sig.args[0].trafficking.outcome == "PRESUMED_VICTIM"
    assert len(sig.args[0].referral_ids) >= 1


def test_a_child_always_gets_child_protection(qtbot, wizard, clock) -> None:
    w, _ = wizard("sokha")
    kb = Keyboard(qtbot)
    fill(kb, w, "given_names", "SREYMOM")
    fill(kb, w, "name_khmer", "ស្រីមុំ")
    fill(kb, w, "sex", "F")
    fill(kb, w, "age_years", "14")
    kb.press(Qt.Key.Key_Return)
    kb.press(Qt.Key.Key_Return)
    tick(kb, w, "storage", "screening")
    kb.press(Qt.Key.Key_Return)
    assert w.current_step() is Step.CONSENT       # issue 12: a child's consent is given by the named guardian
    fill(kb, w, "guardian_name", "SOK CHANTHA")
    fill(kb, w, "guardian_relationship", "mother")
    for _ in range(3):
        kb.press(Qt.Key.Key_Return)               # checklist, TB screen, review
    assert w.currentId() == 5
    refs = w.findChild(QWidget, "referrals")
    items = [refs.item(i) for i in range(refs.count())]
    child = [it for it in items if it.data(Qt.ItemDataRole.UserRole)["kind"] == "child_protection"]
    assert child and child[0].checkState() == Qt.CheckState.Checked
    with qtbot.waitSignal(w.saved, timeout=10_000) as sig:
        kb.press(Qt.Key.Key_Return)
    assert sig.args[0].trafficking.ilo_set == "CHILD_LABOUR"


def test_presumptive_tb_case(qtbot, wizard) -> None:
    w, _ctx = wizard("sokha")
    kb = Keyboard(qtbot)
    fill(kb, w, "family_name", "KEO")
    fill(kb, w, "given_names", "RITH")
    fill(kb, w, "sex", "M")
    fill(kb, w, "date_of_birth", "1980-01-01")
    kb.press(Qt.Key.Key_Return)
    kb.press(Qt.Key.Key_Return)
    tick(kb, w, "storage", "screening", "referral")
    kb.press(Qt.Key.Key_Return)                   # → checklist
    kb.press(Qt.Key.Key_Return)                   # → TB
    tick(kb, w, "TB-S1")
    days = w.findChild(QWidget, "TB-S1d")
    assert days.isEnabled()
    fill(kb, w, "TB-S1d", "21")
    assert "Presumptive TB" in w.findChild(QWidget, "tb_result").text()
    kb.press(Qt.Key.Key_Return)                   # → review
    refs = w.findChild(QWidget, "referrals")
    health = [refs.item(i).data(Qt.ItemDataRole.UserRole) for i in range(refs.count())
              if refs.item(i).data(Qt.ItemDataRole.UserRole)["kind"] == "health"]
    assert health and health[0]["agency_code"] in {c.code for c in codelists.health_facilities()}
    with qtbot.waitSignal(w.saved, timeout=10_000) as sig:
        kb.press(Qt.Key.Key_Return)
    assert sig.args[0].tb.outcome == "PRESUMPTIVE_TB_REFER"


def test_every_change_is_saved_as_a_draft_and_resumes(qtbot, wizard, make_ctx) -> None:
    w, ctx = wizard("sokha")
    type_text(w.findChild(QWidget, "family_name"), "PRAK")
    type_text(w.findChild(QWidget, "name_khmer"), "ប្រាក់")
    qtbot.waitUntil(lambda: w.flow.draft_id is not None and not w._draft_in_flight, timeout=10_000)
    drafts = ctx.runner.run_sync(ctx.session.drafts.list)
    assert drafts[0].payload["person"]["name_khmer"] == "ប្រាក់"
    flow, step = RegistrationFlow.from_draft(drafts[0].payload, now=ctx.session.store.clock.now(),
                                             draft_id=drafts[0].id)
    w2 = RegistrationWizard(ctx, flow, start=step)
    qtbot.addWidget(w2)
    w2.show()
    assert w2.findChild(QWidget, "family_name").text() == "PRAK"
    assert w2.findChild(QWidget, "name_khmer").text() == "ប្រាក់"


def test_possible_duplicate_offers_the_existing_person(qtbot, wizard) -> None:
    w, ctx = wizard("sokha")
    existing = ctx.runner.run_sync(ctx.session.records.page, limit=1)[0]
    page = w.page_for(Step.IDENTITY)
    w.flow.person.update({k: getattr(existing, k) for k in ("family_name", "given_names", "date_of_birth")
                          if getattr(existing, k)})
    page.load()
    page.store()
    qtbot.waitUntil(lambda: w.findChild(QWidget, "duplicates").count() > 0, timeout=10_000)
    w.findChild(QWidget, "use_existing").click()
    assert w.flow.existing_person_id == existing.id
    assert not w.findChild(QWidget, "family_name").isEnabled()


def test_no_screening_without_consent(qtbot, wizard) -> None:
    w, _ = wizard()
    w.flow.person.update(family_name="LY", given_names="NARY", sex="F", date_of_birth="1999-09-09")
    w.page_for(Step.IDENTITY).load()
    w.next()
    w.next()
    w.findChild(QWidget, "storage").setChecked(True)
    w.next()
    assert w.currentId() == 5     # straight to review: no checklist, no TB screen
    assert QApplication.instance() is not None
