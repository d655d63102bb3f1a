"""Names of places and agencies are readable in every table at 1366×768 (issue 18: the TB referrals list cut the
facility to "Poip…"): each such cell is shown whole, or elided in the middle with its full text in the tooltip, and
its column keeps at least PLACE_MIN_CHARS characters however long the other columns' text is."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

import pytest

from checkpoint import codelists
from tests.support.helpers import adult, registration
from tests.support.ui_helpers import show_active, wait_idle
from ui.models.table import RecordTableModel, TableModel
from ui.qt import Qt, QTableView, QWidget
from ui.text import code_label
from ui.widgets.tables import PLACE_MIN_CHARS, record_table

LONGEST_FACILITY = max(codelists.health_facilities(), key=lambda c: len(code_label("health_facilities", c.code)))


def _margin(t: QTableView) -> int:
    """The text margin the item delegate leaves on each side of a cell."""
    style = t.style()
    return style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None, t) + 1


def _readable(t: QTableView, row: int, column: int) -> str:
    """"" when the cell's text is readable; otherwise what is wrong with it."""
    m = t.model()
    text = str(m.index(row, column).data(Qt.ItemDataRole.DisplayRole) or "")
    width = t.horizontalHeader().sectionSize(column) - 2 * _margin(t)
    fm = t.fontMetrics()
    if fm.horizontalAdvance(text) <= width:
        return ""
    if m.index(row, column).data(Qt.ItemDataRole.ToolTipRole) != text:
        return f"{text!r} is cut and its tooltip does not hold it"
    if t.textElideMode() != Qt.TextElideMode.ElideMiddle or t.wordWrap():
        return f"{text!r} is cut at its end (elide mode {t.textElideMode()})"
    shown = fm.elidedText(text, Qt.TextElideMode.ElideMiddle, width)
    if len(shown) < PLACE_MIN_CHARS * 2 // 3:
        return f"{text!r} shows as {shown!r}"
    return ""


@pytest.fixture
def long_names(supervisor) -> None:
    """A health referral to the facility with the longest name, followed until lost after a chest X-ray (the
    longest stage text), on top of the demo data."""
    fac = LONGEST_FACILITY.code
    r = supervisor.registrations.register(**registration(
        person=adult(id_document_number="N8000001", family_name="SOKUNTHEA CHHOEUNG"),
        tb={"cough": True, "cough_days": 30},
        referrals=[{"kind": "health", "agency_code": fac, "reason_code": "TB_PRESUMPTIVE", "urgency": "SAME_DAY"}]))
    rid = r.referral_ids[0]
    for change in ({"status": "arrived"}, {"status": "cxr_done", "cxr_result": "ABNORMAL_SUGGESTIVE"},
                   {"status": "lost_to_follow_up"}):
        supervisor.referrals.update(rid, change)


@pytest.fixture(params=["en", "km", "pseudo"])
def language(request, qapp):
    """The app in each language (its font at 10 pt, as the app sets it), and the pseudo-locale that lengthens
    every string by 40 %."""
    from ui.i18n import set_language

    set_language(qapp, request.param)
    yield request.param
    set_language(qapp, "en")


def test_every_table_keeps_place_names_readable_at_1366x768(qtbot, language, long_names, make_ctx) -> None:
    from sync.device import DeviceSync
    from ui.windows.main_window import MainWindow

    ctx = make_ctx("dara")
    win = MainWindow(ctx, background_sync=False, sync_worker=DeviceSync(ctx.session))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    show_active(qtbot, win)
    checked: dict[str, int] = {}
    for key in ("records", "referrals", "supervisor"):
        page = win.page(key)
        win.show_page(key)
        if key == "referrals":
            page.set_filter("all")
        tabs = getattr(page, "tabs", None)
        for i in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(i)
            wait_idle(qtbot, ctx)
            qtbot.wait(20)      # let the header lay its sections out (a zero-delay refit)
            for t in page.findChildren(QTableView):
                if not t.isVisible():
                    continue
                m = t.model()
                assert isinstance(m, TableModel), f"{t.objectName()}: a table on TableModel declares its place columns"
                problems = [p for c in m.PLACE_COLUMNS for r in range(m.rowCount()) if (p := _readable(t, r, c))]
                assert not problems, (t.objectName(), problems[:3])
                for c in m.PLACE_COLUMNS:
                    assert t.horizontalHeader().sectionSize(c) >= PLACE_MIN_CHARS * t.fontMetrics().averageCharWidth()
                checked[t.objectName()] = m.rowCount()
    assert set(checked) >= {"records_table", "referrals_table", "review_table", "users_table"}, checked
    ref = win.pages["referrals"]
    col = ref.model.Column.FACILITY
    assert col in ref.model.PLACE_COLUMNS
    rows = [r for r in range(ref.model.rowCount()) if ref.model.index(r, col).data() ==
            code_label("health_facilities", LONGEST_FACILITY.code)]
    assert rows, "the long facility name is in the list"
    win.shutdown()
    wait_idle(qtbot, ctx, timeout=30_000)


class _Model(RecordTableModel):
    class Column(IntEnum):
        NAME = 0
        AGENCY = 1
        NOTE = 2

    PLACE_COLUMNS = frozenset({Column.AGENCY})

    def header(self, column: IntEnum) -> str:
        return self.Column(column).name.title()

    def display(self, row: dict[str, Any], column: IntEnum) -> str:
        return str(row[self.Column(column).name.lower()])


AGENCY = "Provincial Department of Social Affairs, Veterans and Youth Rehabilitation (DoSVY)"


@pytest.mark.parametrize("note", ["short", "a much longer translated stage label " * 6])
@pytest.mark.parametrize("width", [700, 1000])
def test_long_neighbours_never_squeeze_a_place_column(qtbot, note: str, width: int) -> None:
    """Whatever the other columns hold, the agency keeps PLACE_MIN_CHARS and is elided in the middle, whole in its
    tooltip; a neighbour that has to give way is elided too, whole in its tooltip."""
    model = _Model()
    model.replace_rows([{"id": "1", "name": "SOK DARA", "agency": AGENCY, "note": note}])
    t = record_table("t", "t", model, stretch=_Model.Column.NAME)
    host = QWidget()
    qtbot.addWidget(host)
    t.setParent(host)
    host.resize(width, 300)
    t.resize(width, 300)
    host.show()
    qtbot.waitExposed(host)
    qtbot.wait(20)
    char = t.fontMetrics().averageCharWidth()
    assert t.horizontalHeader().sectionSize(_Model.Column.AGENCY) >= PLACE_MIN_CHARS * char
    assert _readable(t, 0, _Model.Column.AGENCY) == ""
    assert model.index(0, _Model.Column.NOTE).data(Qt.ItemDataRole.ToolTipRole) == note
    assert t.horizontalHeader().sectionSize(_Model.Column.NAME) >= t.fontMetrics().horizontalAdvance("SOK DARA")
