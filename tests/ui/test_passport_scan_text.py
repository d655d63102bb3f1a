"""After a passport scan the full registration's identity page and the quick registration form say the same thing,
from one helper in one translation context (ui/passport_scan.py), in English and in Khmer: a good scan, a scan
with a wrong check digit, and the two kinds of refusal."""

from __future__ import annotations

import pytest

from tests.support.ui_helpers import show_active, wait_idle
from tests.ui.test_quick_form_ui import open_form
from tests.ui.test_wizard_keyboard import focused, khm_passport, reader_scan
from ui.i18n import set_language
from ui.qt import QApplication, Qt, QWidget


def _khmer(text: str) -> bool:
    return any("\u1780" <= ch <= "\u17ff" for ch in text)


def _damaged(lines: tuple[str, str]) -> tuple[str, str]:
    l2 = lines[1]
    return lines[0], l2[:9] + ("1" if l2[9] != "1" else "2") + l2[10:]     # the document number's check digit


@pytest.fixture
def wizard(qtbot, make_ctx):
    """wizard() -> (the registration wizard on its identity page, its context)."""
    from checkpoint.workflows.registration import RegistrationFlow
    from ui.wizards.registration import RegistrationWizard

    def _make():
        ctx = make_ctx("sokha")
        w = RegistrationWizard(ctx, RegistrationFlow(now=ctx.session.store.clock.now(),
                                                     station_id="POIPET_INTL_CHECKPOINT"))
        qtbot.addWidget(w)
        show_active(qtbot, w)
        return w, ctx
    return _make


@pytest.fixture(params=["en", "km"])
def language(request):
    app = QApplication.instance()
    assert set_language(app, request.param), "checkpoint_km.qm is missing: `make qm` builds it"
    yield request.param
    set_language(app, "en")


def test_the_wizard_and_the_quick_form_say_the_same_after_a_scan(qtbot, make_ctx, wizard, language) -> None:
    said: dict[str, list[str]] = {"wizard": [], "quick": []}
    w, _ = wizard()
    for lines in (khm_passport(), _damaged(khm_passport())):
        w.findChild(QWidget, "mrz").setFocus()
        reader_scan(qtbot, lines)
        said["wizard"].append(w.findChild(QWidget, "mrz_status").text())
    ctx = make_ctx("sokha")
    form = open_form(qtbot, ctx)
    for lines in (khm_passport(), _damaged(khm_passport())):
        form.mrz.setFocus()
        for line in lines:
            qtbot.keyClicks(focused(), line)
            qtbot.keyClick(focused(), Qt.Key.Key_Return)
        wait_idle(qtbot, ctx)
        said["quick"].append(form.message.text())
    assert said["wizard"] == said["quick"], said
    good, bad = said["quick"]
    assert good != bad
    if language == "km":
        assert _khmer(good) and _khmer(bad) and "check digit" not in good + bad
    else:
        assert good.startswith("Passport read: all check digits correct.") and "not evidence of forgery" in bad
