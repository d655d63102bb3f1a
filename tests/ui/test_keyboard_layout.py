"""Issue 19 §4: a passport scan or a passphrase typed through the Khmer keyboard layout gets a message that says to
switch the keyboard to English (Win+Space), in English and in Khmer; the scan changes no field."""

from __future__ import annotations

from typing import Any

import pytest

from checkpoint.workflows.registration import RegistrationFlow, Step
from tests.conftest import PASS
from tests.support.ui_helpers import show_active, type_text
from ui.i18n import set_language
from ui.keyboard_layout import has_khmer, typed_in_another_layout
from ui.qt import QApplication, Qt, QWidget
from ui.wizards.registration import RegistrationWizard

# What a reader's "P<KHMSOK<<DARA..." looks like with a Khmer layout active: Khmer letters (which ones depends on
# the layout; these are only for the test) with the "<" and digits of the keys that do not change.
KHMER_LAYOUT_SCAN = ("ផ<ឃហមសោក<<ដារា" + "<" * 30, "ណ០១២៣៤៥៦៧ឃហម៩០០៥១៧" + "<" * 25)


@pytest.fixture
def wizard(qtbot: Any, make_ctx: Any) -> RegistrationWizard:
    ctx = make_ctx("sokha")
    flow = RegistrationFlow(now=ctx.session.store.clock.now(), station_id="POIPET_INTL_CHECKPOINT")
    w = RegistrationWizard(ctx, flow)
    qtbot.addWidget(w)
    show_active(qtbot, w)
    return w


@pytest.fixture
def khmer(qapp: Any) -> Any:
    set_language(qapp, "km")
    yield
    set_language(qapp, "en")


def _scan(qtbot: Any, w: QWidget, lines: tuple[str, str]) -> None:
    box = w.findChild(QWidget, "mrz")
    for line in lines:
        type_text(box, line)
        qtbot.keyClick(box, Qt.Key.Key_Return)


def test_a_scan_in_the_khmer_layout_says_switch_to_english_and_fills_nothing(qtbot: Any,
                                                                             wizard: RegistrationWizard) -> None:
    _scan(qtbot, wizard, KHMER_LAYOUT_SCAN)
    status = wizard.findChild(QWidget, "mrz_status").text()
    assert "Switch the keyboard to English (Win+Space), then scan again" in status
    assert wizard.findChild(QWidget, "family_name").text() == ""
    assert wizard.findChild(QWidget, "mrz").toPlainText() == ""        # ready for the next scan
    assert wizard.current_step() is Step.IDENTITY


def test_the_layout_message_is_in_khmer_in_the_khmer_interface(qtbot: Any, wizard: RegistrationWizard,
                                                              khmer: None) -> None:
    _scan(qtbot, wizard, KHMER_LAYOUT_SCAN)
    status = wizard.findChild(QWidget, "mrz_status").text()
    assert has_khmer(status) and "Win+Space" in status and "Switch the keyboard" not in status


def test_a_passphrase_typed_in_the_khmer_layout_gets_the_hint_and_a_latin_one_does_not(qtbot: Any, app: Any,
                                                                                       supervisor: Any,
                                                                                       store_path: Any) -> None:
    a = app(store_path)
    a.start()
    login = a.login
    show_active(qtbot, login)
    qtbot.waitUntil(lambda: login.username.count() >= 1, timeout=5_000)
    login.username.setEditText("sokha")
    for typed, hinted in (("ៃសកហាគ ផាសសពហរាសេ", True), ("wrong passphrase", False)):
        type_text(login.passphrase, typed)
        qtbot.keyClick(login.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: login.sign_in.isEnabled(), timeout=5_000)
        text = login.message.text()
        assert "Wrong user name or passphrase" in text
        assert ("switch the keyboard to English (Win+Space), then type the passphrase again" in text) is hinted
    assert QApplication.instance() is not None and PASS


@pytest.mark.parametrize(("text", "other"), [("P<KHMSOK<<DARA<<<\n", False), ("N0123456<7KHM9005171M\n", False),
                                            ("ផ<ឃហម", True), ("P<KHMSÖK", True), ("", False)])
def test_what_counts_as_another_layout(text: str, other: bool) -> None:
    assert typed_in_another_layout(text) is other
