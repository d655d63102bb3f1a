"""Issue 12 on the home screen: not screened is counted apart from "no indicators", and the project's safety rule
has its own figure; a health worker sees neither."""

from __future__ import annotations

from tests.support.helpers import adult, registration
from tests.ui.test_home_figures import home, shown  # noqa: F401 - the fixture


def test_not_screened_and_the_safety_rule_have_their_own_tiles(qtbot, supervisor, make_ctx, home) -> None:  # noqa: F811
    for doc, t in (("N7100001", {"ticked": []}),                                        # untouched: not screened
                   ("N7100002", {"ticked": ["ILO-CD-1", "ILO-CD-3", "ILO-CD-4"]}),       # safety rule, ILO not met
                   ("N7100003", {"ticked": [], "answered_no": ["ILO-DR-1"]})):            # asked, no indicators
        supervisor.registrations.register(**registration(person=adult(id_document_number=doc), trafficking=t))
    sup = home(make_ctx("dara"))
    assert (shown(sup, "registered"), shown(sup, "trafficking_indicators")) == ("3", "0")
    assert (shown(sup, "trafficking_not_screened"), shown(sup, "safety_rule")) == ("1", "1")
    hw = home(make_ctx("thida"))
    assert shown(hw, "trafficking_not_screened") == shown(hw, "safety_rule") == "(hidden)"
