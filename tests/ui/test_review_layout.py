"""The review page at 1366×768, the usual laptop screen: what the officer reads aloud is never cut or hidden behind a
horizontal scrollbar. Each suggested referral wraps to the width of the list."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QStyleOptionViewItem

from checkpoint import codelists
from checkpoint.workflows.registration import RegistrationFlow, Step
from tests.conftest import PASS  # noqa: F401 - fixtures' passphrases
from tests.support.ui_helpers import show_active
from ui.qt import QListWidget, QWidget
from ui.wizards.registration import RegistrationWizard

# Long, real-looking reasons: one line of each would be far wider than the list.
REASONS = (
    "Indicators of trafficking present — refer the person to the protection agency today; they were recruited with "
    "deception, their documents were withheld by the employer and they were not free to leave the workplace.",
    "A child: child protection is always informed, whatever the screening found; hand the child over in person and "
    "write the name of the officer who received the child on the handover slip before the child leaves.",
    "Presumptive TB: cough for 21 days with night sweats and weight loss — refer the person to the health facility "
    "for a sputum test the same day and give them the referral slip with the facility's address.",
)


def three_referrals() -> list[dict[str, Any]]:
    agency = codelists.agencies()[0].code
    facility = codelists.health_facilities()[0].code
    kinds = (("protection", agency, "IMMEDIATE_DANGER"), ("child_protection", agency, "SAME_DAY"),
             ("health", facility, "ROUTINE"))
    return [{"kind": k, "agency_code": a, "reason_code": f"R{i}", "urgency": u, "reason_en": why, "reason_km": None}
            for i, ((k, a, u), why) in enumerate(zip(kinds, REASONS, strict=True))]


@pytest.fixture
def review(qtbot, make_ctx, monkeypatch) -> RegistrationWizard:
    ctx = make_ctx("sokha")
    flow = RegistrationFlow(now=ctx.session.store.clock.now(), station_id="POIPET_INTL_CHECKPOINT")
    flow.person.update({"family_name": "CHAN", "given_names": "VANNA", "sex": "F", "date_of_birth": "1995-03-03"})
    monkeypatch.setattr(flow, "suggested_referrals", three_referrals)
    w = RegistrationWizard(ctx, flow, start=Step.REVIEW)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    show_active(qtbot, w)
    qtbot.waitUntil(lambda: w.findChild(QListWidget, "referrals").count() == 3, timeout=5_000)
    qtbot.wait(50)      # let the layout settle (Adjust relayouts the list after the resize)
    return w


def test_no_horizontal_scrollbar_and_every_referral_is_wrapped_whole(review: RegistrationWizard) -> None:
    w = review
    page = w.currentPage()
    assert page.isVisible() and page.findChild(QListWidget, "referrals") is not None
    for area in [page, *page.findChildren(QAbstractScrollArea)]:
        if isinstance(area, QAbstractScrollArea) and area.isVisible():
            assert not area.horizontalScrollBar().isVisible(), f"{area.objectName() or area} scrolls sideways"

    refs = page.findChild(QListWidget, "referrals")
    viewport = refs.viewport().rect()
    assert refs.wordWrap()
    line_height = refs.fontMetrics().height()
    for i in range(refs.count()):
        item = refs.item(i)
        text = item.text()
        assert text.endswith(REASONS[i]), "the full reason is in the item"
        rect = refs.visualItemRect(item)
        assert rect.width() <= viewport.width(), f"referral {i} is wider than the list"
        assert rect.left() >= 0 and rect.right() <= viewport.right(), f"referral {i} runs out of the list"
        # wrapped, not cut: the item is several lines high, and all of it is inside the list's viewport
        assert rect.height() >= 2 * line_height, f"referral {i} is one line: not wrapped"
        assert viewport.contains(rect), f"referral {i} is (partly) behind a scrollbar: {rect} vs {viewport}"
        hint = refs.itemDelegate().sizeHint(_option(refs, rect), refs.indexFromItem(item))
        assert hint.width() <= viewport.width()
    assert not refs.verticalScrollBar().isVisible(), "three referrals fit without scrolling at 1366×768"

    summary = page.findChild(QWidget, "review_summary")
    assert summary.isVisible() and summary.width() <= page.width()


def _option(view: QListWidget, rect: Any) -> Any:
    opt = QStyleOptionViewItem()
    view.initViewItemOption(opt)
    opt.rect = rect
    opt.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    return opt

