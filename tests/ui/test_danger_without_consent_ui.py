"""Issue 12 decision, in the wizard: the officer adds an immediate-danger referral by keyboard (Ctrl+D) for an adult
who gave no consent to referral; it is not blocked, the review page says "made without consent: immediate danger",
and so does the saved record."""

from __future__ import annotations

from tests.conftest import PASS  # noqa: F401 - fixtures' passphrases
from tests.support.ui_helpers import show_active, wait_idle
from tests.ui.test_registration_wizard import wizard  # noqa: F401 - the fixture
from tests.ui.test_screening_wizard import _to_checklist
from ui.qt import QListWidget, Qt, QWidget, QWizard


def test_immediate_danger_without_consent_is_saved_and_marked(qtbot, wizard, monkeypatch) -> None:  # noqa: F811
    from ui.dialogs.refer import ReferDialog

    w, ctx = wizard()
    kb = _to_checklist(qtbot, w)                         # consents: storage and screening, not referral
    assert not w.flow.consents.get("referral")
    kb.tab_to(w, "PS-1")
    for _ in range(8):
        kb.press(Qt.Key.Key_N)
    kb.press(Qt.Key.Key_Return)
    kb.press(Qt.Key.Key_Return)

    def drive(dlg: ReferDialog) -> int:
        show_active(qtbot, dlg)
        dlg.agency.set_value("ANTI_HUMAN_TRAFFICKING_JUVENILE_PROTECTION_POLICE")
        qtbot.keyClick(dlg.agency, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        dlg.reason.setFocus()
        qtbot.keyClicks(dlg.reason, "man at the gate holds her passport")
        dlg._ok()
        return int(dlg.result())

    monkeypatch.setattr(ReferDialog, "exec", drive)
    kb.tab_to(w, "add_referral", limit=60)
    kb.press(Qt.Key.Key_Space)
    refs = w.findChild(QListWidget, "referrals")
    texts = [refs.item(i).text() for i in range(refs.count())]
    assert any("Made without consent: immediate danger" in t for t in texts)
    assert not w.findChild(QWidget, "review_error").text()
    with qtbot.waitSignal(w.saved, timeout=10_000) as sig:
        w.button(QWizard.WizardButton.FinishButton).click()
    wait_idle(qtbot, ctx)
    saved = ctx.runner.run_sync(ctx.session.records.get, sig.args[0].person_id)["encounters"][0]["referrals"]
    [danger] = [r for r in saved if r["urgency"] == "IMMEDIATE_DANGER"]
    assert danger["without_consent"] == "IMMEDIATE_DANGER"
