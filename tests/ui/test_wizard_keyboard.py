"""The registration wizard from the keyboard alone (issue 17, items 1 and 4): keys go only to the focused widget
(no setText, clicks or slot calls), as an officer with a keyboard-wedge document reader works."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from checkpoint import screening
from checkpoint.mrz import check_digit
from checkpoint.workflows.registration import TB_FIELDS, RegistrationFlow, Step
from tests.conftest import PASS  # noqa: F401 - fixtures' passphrases
from tests.support.ui_helpers import Keyboard, show_active, type_text
from ui.qt import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    Qt,
    QWidget,
)
from ui.wizards.registration import RegistrationWizard


def khm_passport() -> tuple[str, str]:
    num, dob, exp = "N01234567", "900517", "301231"
    line2 = (num + str(check_digit(num)) + "KHM" + dob + str(check_digit(dob)) + "M" + exp
             + str(check_digit(exp)) + "<" * 14 + "0")
    line2 += str(check_digit(line2[0:10] + line2[13:20] + line2[21:43]))
    return ("P<KHMSOK<<DARA" + "<" * 44)[:44], line2


@pytest.fixture
def wizard(qtbot, make_ctx):
    def _make() -> tuple[RegistrationWizard, Any]:
        ctx = make_ctx("sokha")
        f = RegistrationFlow(now=ctx.session.store.clock.now(), station_id="POIPET_INTL_CHECKPOINT")
        w = RegistrationWizard(ctx, f)
        qtbot.addWidget(w)
        show_active(qtbot, w)
        return w, ctx
    return _make


def focused() -> QWidget:
    fw = QApplication.focusWidget()
    assert fw is not None, "nothing has keyboard focus"
    return fw


def reader_scan(qtbot: Any, lines: tuple[str, str]) -> None:
    """A keyboard-wedge reader: each line typed, then Enter, into whatever has the focus (the MRZ box)."""
    assert focused().objectName() == "mrz"
    for line in lines:
        qtbot.keyClicks(focused(), line)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)


def test_a_good_scan_stays_on_identity_with_the_names_to_confirm(qtbot, wizard) -> None:
    w, _ = wizard()
    reader_scan(qtbot, khm_passport())
    assert w.current_step() is Step.IDENTITY                   # the reader's closing Enter never presses Next
    assert focused().objectName() == "family_name"
    assert w.findChild(QWidget, "family_name").text() == "SOK"
    status = w.findChild(QWidget, "mrz_status")
    assert status.isVisible() and "check digits correct" in status.text() and "confirm" in status.text()
    marked = {k for k in ("family_name", "given_names", "name_khmer", "date_of_birth")
              if w.findChild(QWidget, k).property("to_check")}
    assert marked == {"family_name", "given_names", "name_khmer"}
    kb = Keyboard(qtbot)
    kb.tab_to(w, "name_khmer")
    type_text(focused(), "សុខ")                               # typing the Khmer name confirms it
    assert not w.findChild(QWidget, "name_khmer").property("to_check")
    kb.press(Qt.Key.Key_Return)                                # the officer's own Enter moves on
    assert w.current_step() is Step.JOURNEY, w.findChild(QWidget, "identity_error").text()


def test_a_failed_check_digit_keeps_the_warning_in_view_and_the_fields_marked(qtbot, wizard) -> None:
    w, _ = wizard()
    l1, l2 = khm_passport()
    bad = str((int(l2[19]) + 1) % 10)
    reader_scan(qtbot, (l1, l2[:19] + bad + l2[20:]))          # birth-date check digit wrong
    assert w.current_step() is Step.IDENTITY
    status = w.findChild(QWidget, "mrz_status")
    assert status.isVisible() and "birth_date" in status.text() and "not evidence of forgery" in status.text()
    dob = w.findChild(QWidget, "date_of_birth")
    assert focused() is dob and dob.property("to_check") == "failed"
    assert w.findChild(QWidget, "id_document_number").property("to_check") == "failed"   # the composite check
    kb = Keyboard(qtbot)
    kb.press(Qt.Key.Key_Return)                                # confirms the birth date, not Next
    assert w.current_step() is Step.IDENTITY and not dob.property("to_check")
    assert focused().objectName() == "id_document_number"
    assert w.findChild(QWidget, "identity_error").text()
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)            # correcting a field also clears its mark
    qtbot.keyClicks(focused(), "7")
    assert not focused().property("to_check")
    kb.press(Qt.Key.Key_Return)                                # nothing left to confirm: Next
    assert w.current_step() is Step.JOURNEY, w.findChild(QWidget, "identity_error").text()


INPUTS = (QCheckBox, QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QRadioButton, QSpinBox)


def field_ids(flow: RegistrationFlow) -> set[str]:
    """Every field id of the flow: the model's person, encounter and consent keys, the content ids of the screens,
    and the wizard's own controls."""
    ids = {"family_name", "given_names", "name_khmer", "sex", "date_of_birth", "age_years", "id_document_type",
           "id_document_number", "citizenship", "phone", "home_province", "home_district", "mrz",
           "return_type", "country_of_work", "province_of_work", "sector_of_work", "duration_abroad_months",
           "migration_channel", "recruiter_relationship", "debt_owed", "detained_before_return", "detention_days",
           "wants_job_referral", "interpreter_used", "controlling_person_present",
           "storage", "screening", "referral", "sharing", "age_at_exploitation"}
    ids |= {i.id for i in screening.trafficking_items(age=30)} | {i.id for i in screening.trafficking_items(age=10)}
    ids |= set(TB_FIELDS)
    # issue 12: the red-flag questions, the button answering the rest no, consent per purpose and the guardian
    ids |= {f"PS-{i}" for i in range(1, 9)} | {"rest_no", "tb_screen", "trafficking_interview", "nea_registration",
                                               "guardian_name", "guardian_relationship", "sharing_agencies",
                                               "work_type", "exploitation_types"}
    return ids


def test_every_input_is_named_by_a_field_id_and_tab_never_lands_on_an_unnamed_widget(qtbot, wizard) -> None:
    w, _ = wizard()
    kb = Keyboard(qtbot)
    ids = field_ids(w.flow)
    buttons = {"duplicates", "use_existing", "new_person", "referrals"}
    for field, text in (("family_name", "LY"), ("given_names", "NARY"), ("sex", "F"), ("date_of_birth", "1999-09-09")):
        kb.tab_to(w, field)
        qtbot.keyClicks(focused(), text)
    seen: set[str] = set()
    for step in (Step.IDENTITY, Step.JOURNEY, Step.CONSENT, Step.TRAFFICKING, Step.TB):
        assert w.current_step() is step
        page = w.page_for(step)
        for child in page.findChildren(QWidget):
            if isinstance(child, INPUTS) and child.focusPolicy() != Qt.FocusPolicy.NoFocus:
                if isinstance(child.parent(), (QComboBox, QSpinBox)):
                    continue            # a combo's or spin box's own line edit
                assert child.objectName() in ids | buttons, f"{step.value}: {child!r} {child.objectName()!r}"
        start = focused()
        for _ in range(200):                                     # one full Tab cycle through the page
            kb.press(Qt.Key.Key_Tab)
            fw = focused()
            if page.isAncestorOf(fw):
                assert fw.objectName(), f"{step.value}: Tab landed on an unnamed {type(fw).__name__}"
                seen.add(fw.objectName())
            if fw is start:
                break
        if step is Step.CONSENT:
            for c in ("storage", "screening"):
                kb.tab_to(w, c)
                kb.press(Qt.Key.Key_Space)
            assert w.flow.consents["storage"] and w.flow.consents["screening"]
        if step is Step.TB:
            kb.tab_to(w, "TB-S3")
            kb.press(Qt.Key.Key_Space)
            assert w.flow.tb.get("TB-S3") is True and w.flow.tb_answers().get("fever") is True
            break
        kb.press(Qt.Key.Key_Return)                              # Next
    assert {"storage", "screening", "ILO-DR-1", "TB-S1", "TB-R5"} <= seen


def test_a_draft_saved_with_the_old_tb_keys_resumes_under_the_content_ids() -> None:
    flow, _ = RegistrationFlow.from_draft({"step": "tb", "tb": {"cough": True, "cough_days": 21}},
                                          now=datetime(2026, 11, 22, 1, tzinfo=UTC), draft_id="d1")
    assert flow.tb == {"TB-S1": True, "TB-S1d": 21}
    assert flow.tb_answers() == {"cough": True, "cough_days": 21}


def test_opening_the_wizard_builds_only_the_page_it_starts_on(qtbot, wizard) -> None:
    """Issue 17, item 3: the pages are built on their first visit (the same objectNames), not when it opens."""
    w, _ = wizard()
    assert w.findChild(QWidget, "family_name") is not None
    for later in ("return_type", "storage", "TB-S1", "age_at_exploitation"):
        assert w.findChild(QWidget, later) is None, later
    kb = Keyboard(qtbot)
    for field, text in (("family_name", "LY"), ("given_names", "NARY"), ("sex", "F"), ("date_of_birth", "1999-09-09")):
        kb.tab_to(w, field)
        qtbot.keyClicks(focused(), text)
    kb.press(Qt.Key.Key_Return)
    assert w.current_step() is Step.JOURNEY and w.findChild(QWidget, "return_type") is not None
    assert w.findChild(QWidget, "storage") is None
    kb.press(Qt.Key.Key_Return)
    assert w.findChild(QWidget, "storage") is not None


def test_a_passport_of_a_nationality_outside_the_list_asks_for_the_citizenship_instead_of_picking_one(
        qtbot, wizard) -> None:
    w, _ = wizard()
    reader_scan(qtbot, ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",    # the ICAO specimen: "UTO"
                        "L898902C36UTO7408122F1204159ZE184226B<<<<<10"))
    citizenship = w.findChild(QWidget, "citizenship")
    assert citizenship.currentIndex() == -1 and citizenship.value() == ""     # not ABW, not KHM: nothing chosen
    assert citizenship.property("to_check") == "failed"
    status = w.findChild(QWidget, "mrz_status")
    assert "UTO" in status.text() and "choose the citizenship" in status.text()
    kb = Keyboard(qtbot)
    kb.tab_to(w, "name_khmer")
    type_text(focused(), "អាណា")
    kb.press(Qt.Key.Key_Return)
    assert w.current_step() is Step.IDENTITY                  # held: no citizenship yet
    assert focused() is citizenship
    assert "citizenship" in w.findChild(QWidget, "identity_error").text()
    citizenship.setCurrentIndex(citizenship.findData("SWE"))  # the officer chooses from the list
    kb.press(Qt.Key.Key_Return)
    assert w.current_step() is Step.JOURNEY, w.findChild(QWidget, "identity_error").text()
    assert w.flow.person["citizenship"] == "SWE" and "document_issuing_state" not in w.flow.person
