"""Issue 12 point 6, in the record view: a minimised record says so to every role that opens it; a supervisor fetches
it back from a real HQ on 127.0.0.1 (a reason required; on the network pool, the GUI never waits) and sees the
section again; an officer has no button; no reason is refused; HQ unreachable is a plain message and changes nothing.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint.clock import ManualClock
from checkpoint.errors import ValidationError
from checkpoint.services import unlock
from sync.device import DeviceSync
from sync.device.client import SyncClient
from sync.device.transport import HttpTransport
from sync.hq.store import journal
from tests.support.client_harness import DEVICE_PASS, enroll, live, new_device
from tests.support.helpers import POSITIVE_ADULT, registration
from tests.support.ui_helpers import wait_idle
from tests.sync.device.conftest import hq  # noqa: F401 - the device tests' HQ fixture
from ui.context import AppContext
from ui.qt import QLabel, QPushButton
from ui.views.person_detail import PersonDetail

OFFICER_PASS = "officer lotus river 2026"
NOTE = "ZEBRA-NOTE-4471 recruiter kept her passport"


def _minimised_record(url: str, hq: Any, path: Path, clock: ManualClock) -> str:   # noqa: F811
    """On the DB thread: a device enrolled with HQ at ``url``, one registration HQ acknowledged, minimised 31 days
    later; an officer account beside the supervisor. Returns the person id; the supervisor's session is locked."""
    s = new_device(path, "Poipet", clock=clock)
    try:
        enroll(s, hq, url=url)
        pid = str(s.registrations.register(**registration(
            trafficking={"ticked": POSITIVE_ADULT},
            encounter={"return_type": "DEPORTED_G2G", "country_of_work": "THA", "recruiter_relationship": "FRIEND",
                       "debt_owed": True, "debt_amount": 98765.25, "debt_currency": "THB"},
            referrals=[{"kind": "health", "agency_code": "KH01-POIPET-RH", "reason_code": "PRESUMPTIVE_TB",
                        "urgency": "SAME_DAY", "notes": NOTE}])).person_id)
        assert SyncClient(s, hq).sync_once()["complete"]
        s.users.add("sokha", "Sokha", "officer", OFFICER_PASS)
        clock.advance(days=31)
        assert s.retention.minimise().events == 1
        return pid
    finally:
        s.lock()


@pytest.fixture
def setup(qtbot, runner, tmp_path, clock, hq) -> Any:  # noqa: F811
    """(url, pid, open_as): open_as(user, factory=None) -> (ctx, detail, worker) with the record on screen."""
    path = tmp_path / "device.db"
    made: list[tuple[AppContext, Any]] = []
    with live(hq) as url:
        pid = runner.run_sync(_minimised_record, url, hq, path, clock)

        def open_as(user: str, factory: Any = None) -> tuple[AppContext, PersonDetail, Any]:
            pw = DEVICE_PASS if user == "dara" else OFFICER_PASS
            session = runner.run_sync(unlock, path, user, pw, clock=clock)
            ctx = AppContext(runner, session)
            worker = None
            if user == "dara":
                worker = DeviceSync(session, transport_factory=factory) if factory else DeviceSync(session)
                ctx.fetch_back = worker.fetch_back
            made.append((ctx, worker))
            detail = PersonDetail(ctx)
            qtbot.addWidget(detail)
            detail.resize(900, 700)
            detail.show()
            with qtbot.waitSignal(detail.loaded, timeout=10_000):
                detail.show_person(pid)
            return ctx, detail, worker

        yield url, pid, open_as
        for ctx, worker in made:
            wait_idle(qtbot, ctx)
            if worker is not None:
                runner.run_sync(worker.close)
            runner.run_sync(ctx.session.lock)


def _notice(detail: PersonDetail) -> QLabel | None:
    w = detail.body.findChild(QLabel, "minimised_notice")
    return w if w is not None and w.isVisibleTo(detail) else None


def _fetch_button(detail: PersonDetail) -> QPushButton:
    return detail.findChild(QPushButton, "fetch_back")


def _minimised_count(ctx: AppContext, pid: str) -> int:
    return ctx.runner.run_sync(lambda: ctx.session.store.db.execute(
        "SELECT count(*) FROM minimised_events WHERE person_id = ?", [pid]).fetchone()[0])


def _hq_fetches(hq: Any) -> list[str]:  # noqa: F811
    with hq.store.read() as conn:
        return [r[0] for r in conn.execute(sa.select(journal.c.message).where(journal.c.kind == "fetch_back"))]


def test_a_supervisor_fetches_the_record_back_and_sees_the_section_again(qtbot, setup, hq) -> None:  # noqa: F811
    _url, pid, open_as = setup
    ctx, detail, _worker = open_as("dara")
    notice = _notice(detail)
    assert notice is not None and "Minimised on " in notice.text() and "fetch them back from HQ" in notice.text()
    answers = "Result: indicators of trafficking present — refer."    # the checklist's answers explain the result
    assert answers not in detail.text() and "cannot re-explain" in detail.text()
    button = _fetch_button(detail)
    assert button.isVisibleTo(detail) and button.isEnabled()

    button.click()
    dlg = detail.active_dialog
    assert dlg is not None
    dlg.reason.setText("court case 12/2026")
    with qtbot.waitSignal(detail.loaded, timeout=20_000):       # fetched on the network pool, then redrawn
        dlg.ok_button.click()
        assert detail.fetching                                  # the GUI went on: the fetch runs elsewhere
    assert _notice(detail) is None
    assert not _fetch_button(detail).isVisibleTo(detail)
    assert answers in detail.text() and "DR Deceptive recruitment: 1 strong" in detail.text()   # the section again
    assert _minimised_count(ctx, pid) == 0
    rec = ctx.runner.run_sync(ctx.session.records.get, pid)
    assert [r.get("notes") for r in rec["encounters"][0]["referrals"]] == [NOTE]      # the free-text note too
    assert any(pid in line and "court case 12/2026" in line for line in _hq_fetches(hq))


def test_an_officer_sees_the_notice_but_no_button(qtbot, setup, hq) -> None:  # noqa: F811
    _url, _pid, open_as = setup
    _ctx, detail, _worker = open_as("sokha")
    notice = _notice(detail)
    assert notice is not None and "a supervisor can fetch them back from HQ" in notice.text()
    assert not _fetch_button(detail).isVisibleTo(detail)
    assert detail.open_fetch_dialog() is None                   # not even by calling it: the role may not


def test_no_reason_is_refused_with_a_message_and_nothing_is_fetched(qtbot, setup, hq) -> None:  # noqa: F811
    _url, pid, open_as = setup
    ctx, detail, worker = open_as("dara")
    _fetch_button(detail).click()
    dlg = detail.active_dialog
    dlg.reason.setText("  ")
    dlg.ok_button.click()
    assert "give a reason" in dlg.error.text()
    assert not detail.fetching
    wait_idle(qtbot, ctx)
    # the service refuses it too, before any network
    with pytest.raises(ValidationError):
        ctx.runner.run_sync(worker.fetch_back, pid, "   ")
    assert _minimised_count(ctx, pid) == 1 and _hq_fetches(hq) == []
    assert _notice(detail) is not None


def test_hq_unreachable_is_a_plain_message_and_nothing_changes(qtbot, setup, hq) -> None:  # noqa: F811
    _url, pid, open_as = setup
    with socket.socket() as sock:           # a port nothing listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    ctx, detail, _worker = open_as("dara", factory=lambda _url: HttpTransport(f"http://127.0.0.1:{port}", timeout=2))
    _fetch_button(detail).click()
    dlg = detail.active_dialog
    dlg.reason.setText("court case 12/2026")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: "HQ cannot be reached" in dlg.error.text(), timeout=20_000)
    assert "nothing changed" in dlg.error.text()
    assert not detail.fetching and _fetch_button(detail).isEnabled()
    assert _minimised_count(ctx, pid) == 1 and _hq_fetches(hq) == []
    assert _notice(detail) is not None and "cannot re-explain" in detail.text()
