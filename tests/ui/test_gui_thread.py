"""The GUI thread never touches the store's connection: every SQL statement of a whole registration (scan, the
wizard's pages, drafts, duplicate checks, the save) and of a records search (typing, the list, opening a record)
runs on the DB worker.

SQLCipher's connection (a pysqlite fork) reports each statement it runs to ``set_trace_callback``, on the thread
that runs it; the test records that thread. A view that queried the store synchronously from an event handler
would show up here as a statement on the main thread. Tried: a ``session.records.count()`` called directly in
RecordsView.run_search fails the search test ("1 statement(s) ran on the GUI thread ... SELECT count(*) FROM
persons"), and a ``session.drafts.list()`` in FlowPage.validatePage fails the registration test (7 statements).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from checkpoint.mrz import check_digit
from checkpoint.workflows.registration import RegistrationFlow
from tests.support.ui_helpers import Keyboard, show_active, wait_idle
from ui.qt import Qt, QWidget
from ui.views.records import RecordsView
from ui.wizards.registration import RegistrationWizard


def scan_passport(qtbot: Any, w: RegistrationWizard) -> None:
    """What a keyboard-wedge reader does with a Cambodian passport: two MRZ lines, each ended by Enter."""
    num, dob, exp = "N07654321", "880214", "311231"
    line2 = (num + str(check_digit(num)) + "KHM" + dob + str(check_digit(dob)) + "F" + exp
             + str(check_digit(exp)) + "<" * 14 + "0")
    line2 += str(check_digit(line2[0:10] + line2[13:20] + line2[21:43]))
    line1 = ("P<KHMCHEA<<SOPHEA" + "<" * 44)[:44]
    mrz = w.findChild(QWidget, "mrz")
    mrz.setFocus()
    for line in (line1, line2):
        qtbot.keyClicks(mrz, line)
        qtbot.keyClick(mrz, Qt.Key.Key_Return)


class Statements:
    """(thread, sql) for every statement the connection runs, from the moment it is installed."""

    def __init__(self) -> None:
        self.seen: list[tuple[threading.Thread, str]] = []
        self._lock = threading.Lock()

    def __call__(self, sql: str) -> None:
        with self._lock:
            self.seen.append((threading.current_thread(), sql))

    def take(self) -> list[tuple[threading.Thread, str]]:
        with self._lock:
            out, self.seen = self.seen, []
        return out


@pytest.fixture
def traced(make_ctx: Any) -> Iterator[tuple[Any, Statements]]:
    """An officer's context whose store connection reports every statement (installed on the DB worker)."""
    ctx = make_ctx("sokha")
    conn = ctx.session.store.db.conn
    statements = Statements()
    ctx.runner.run_sync(conn.set_trace_callback, statements)
    statements.take()                                   # nothing before the test's own actions
    yield ctx, statements
    ctx.runner.run_sync(conn.set_trace_callback, None)


def assert_all_on_the_db_worker(seen: list[tuple[threading.Thread, str]]) -> None:
    on_main = [sql for t, sql in seen if t is threading.main_thread()]
    assert on_main == [], f"{len(on_main)} statement(s) ran on the GUI thread, e.g. {on_main[:3]}"
    assert seen, "no statement was traced at all: the check proves nothing"
    assert {t.name.split("_")[0] for t, _sql in seen} == {"checkpoint-db"}


def test_a_whole_registration_runs_no_sql_on_the_gui_thread(qtbot, traced) -> None:
    ctx, statements = traced
    flow = RegistrationFlow(now=ctx.session.store.clock.now(), station_id=ctx.session.site.station_id)
    w = RegistrationWizard(ctx, flow)
    qtbot.addWidget(w)
    show_active(qtbot, w)
    scan_passport(qtbot, w)                             # fills the identity page; a draft save, a duplicate check
    assert w.findChild(QWidget, "family_name").text() == "CHEA"
    kb = Keyboard(qtbot)
    kb.press(Qt.Key.Key_Return)                         # identity → journey
    kb.press(Qt.Key.Key_Return)                         # journey → consent
    for consent in ("storage", "screening", "referral"):
        kb.tab_to(w, consent)
        kb.press(Qt.Key.Key_Space)
    kb.press(Qt.Key.Key_Return)                         # consent → trafficking
    for item in ("ILO-DR-1", "ILO-DR-2", "ILO-EX-1", "ILO-EX-2", "ILO-CD-1", "ILO-CD-5"):
        kb.tab_to(w, item, limit=150)
        kb.press(Qt.Key.Key_Space)
    kb.press(Qt.Key.Key_Return)                         # → TB
    kb.tab_to(w, "TB-S3")
    kb.press(Qt.Key.Key_Space)                          # fever: presumptive TB, a health referral
    kb.press(Qt.Key.Key_Return)                         # → review
    assert w.currentId() == 5
    with qtbot.waitSignal(w.saved, timeout=10_000) as saved:
        kb.press(Qt.Key.Key_Return)                     # save
    wait_idle(qtbot, ctx)
    assert saved.args[0].referral_ids                   # a real, whole registration: screens and referrals

    seen = statements.take()
    assert_all_on_the_db_worker(seen)
    sql = " ".join(s for _t, s in seen).upper()
    assert "INSERT INTO EVENTS" in sql and "INSERT INTO PERSONS" in sql and "DRAFTS" in sql


def test_a_records_search_and_opening_a_record_run_no_sql_on_the_gui_thread(qtbot, traced) -> None:
    ctx, statements = traced
    view = RecordsView(ctx, page_size=8)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    qtbot.waitUntil(lambda: view.model.ready)
    view.model.data(view.model.index(0, 0))             # what painting the first row does: fetch its page
    qtbot.waitUntil(lambda: view.model.person_id(0) is not None)
    view.search.setFocus()
    qtbot.keyClicks(view.search, "SOK")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.query == "SOK" and view.model.ready)
    assert view.model.rowCount() > 0
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 0))
    with qtbot.waitSignal(view.detail.loaded, timeout=10_000):
        qtbot.keyClick(view.table, Qt.Key.Key_Return)   # open the record (the read is logged: a write)
    wait_idle(qtbot, ctx)
    assert view.detail.findChild(QWidget, "identity") is not None

    seen = statements.take()
    assert_all_on_the_db_worker(seen)
    sql = " ".join(s for _t, s in seen).upper()
    assert "FROM PERSONS" in sql and "INSERT INTO EVENTS" in sql     # the search, the list, the logged read
