"""The home screen's figures (issue 18): one local day counted by arrival time and checked against the app's own
export, kept apart from the state now (waiting to sync), and redrawn from the ``Changes`` broadcast — a background
sync, another window's write — without navigating, once per burst.

The clock stands at 22:00 in Poipet (15:00 UTC), so "today" holds most of a day of demo arrivals.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checkpoint.clock import ManualClock
from checkpoint.demo import generate
from checkpoint.services import Changes
from checkpoint.site import LOCAL_TZ
from sync.hq.http import create_app
from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import HQStore
from tests.support.helpers import POSITIVE_ADULT, adult, registration
from tests.support.hq_helpers import LiveServer
from tests.support.ui_helpers import show_active, wait_idle
from ui.qt import QLabel

LATE = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)     # 22:00 on Tuesday 24 November in Poipet (a weekday:
#                                                      the demo's busloads come on weekdays)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(LATE)


@pytest.fixture
def hq(tmp_path: Path, clock: ManualClock):
    """HQ on the devices' clock: it refuses requests dated more than five minutes from its own time."""
    service = HQService(HQStore.open(f"sqlite:///{tmp_path / 'hq.db'}"), HQKeys.generate(), clock=clock)
    with LiveServer(create_app(service, rate_per_minute=0)) as server:
        yield service, server.url


@pytest.fixture
def home(qtbot):
    """home(ctx, **kw) -> a MainWindow at 1366×768 showing its home page, its figures loaded."""
    from ui.windows.main_window import MainWindow

    made = []

    def _make(ctx, **kw):
        win = MainWindow(ctx, background_sync=kw.pop("background_sync", False), **kw)
        qtbot.addWidget(win)
        win.resize(1366, 768)
        show_active(qtbot, win)
        wait_idle(qtbot, ctx)
        made.append((win, ctx))
        return win

    yield _make
    for win, ctx in made:
        win.shutdown()
        wait_idle(qtbot, ctx, timeout=30_000)


def tile(win, key: str) -> QLabel:
    label = win.findChild(QLabel, f"fig_{key}")
    assert label is not None, key
    return label


def shown(win, key: str) -> str:
    return tile(win, key).text() if tile(win, key).isVisible() else "(hidden)"


def _expected_from_export(supervisor, out: Path) -> tuple[int, int, int]:
    """Registered, indicators present and referred for TB among today's arrivals, from the CSV export only (and,
    where the export withholds a screening outcome for want of consent to sharing, from the person's record)."""
    supervisor.maintenance.export_csv(out)
    today = LATE.astimezone(LOCAL_TZ).date()
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f)
                if datetime.fromisoformat(r["arrival_at"]).astimezone(LOCAL_TZ).date() == today]

    def presumed(r: dict[str, str]) -> bool:
        if not r["trafficking_outcome"].startswith("withheld"):
            return r["trafficking_outcome"] == "PRESUMED_VICTIM"
        enc = next(e for e in supervisor.records.get(r["person_id"])["encounters"] if e["id"] == r["encounter_id"])
        return any(t["outcome"] == "PRESUMED_VICTIM" and not t["voided"] for t in enc["trafficking"])

    def referred_for_tb(r: dict[str, str]) -> bool:
        if not r["tb_outcome"].startswith("withheld"):
            return r["tb_outcome"] not in ("", "SCREEN_NEGATIVE")
        enc = next(e for e in supervisor.records.get(r["person_id"])["encounters"] if e["id"] == r["encounter_id"])
        return any(t["outcome"] != "SCREEN_NEGATIVE" and not t["voided"] for t in enc["tb"])

    return len(rows), sum(presumed(r) for r in rows), sum(referred_for_tb(r) for r in rows)


def test_home_tiles_match_the_export_for_the_same_local_day(qtbot, supervisor, make_ctx, home, tmp_path) -> None:
    generate(supervisor, count=400, seed=11)
    registered, indicators, tb = _expected_from_export(supervisor, tmp_path / "export.csv")
    assert registered > 5, "the demo gave too few arrivals today for the check to mean anything"
    ctx = make_ctx("dara")
    win = home(ctx)
    assert win.stack.currentWidget() is win.home
    assert (shown(win, "registered"), shown(win, "trafficking_indicators"), shown(win, "tb_referrals")) == \
        (str(registered), str(indicators), str(tb))
    assert int(shown(win, "tb_referrals")) <= int(shown(win, "registered"))    # "of them": never more
    # what the tiles count is said on screen: the day, local time, since midnight, by arrival
    period = win.findChild(QLabel, "figures_period").text()
    assert "2026-11-24" in period and "local time" in period and "00:00" in period and "arrival" in period
    assert win.home.today_box.title() == "Arrived today"
    assert win.findChild(QLabel, "caption_tb_referrals").text().startswith("of them")
    # waiting to sync is in the other box, as the state now, and agrees with the store
    assert win.home.now_box.isAncestorOf(tile(win, "pending_sync"))
    assert not win.home.today_box.isAncestorOf(tile(win, "pending_sync"))
    pending = ctx.runner.run_sync(lambda: ctx.session.records.today_figures().pending_sync)
    assert shown(win, "pending_sync") == str(pending) and pending > 400
    assert win.pending_label.text() == f"HQ: {pending} waiting"


def test_an_officer_counts_only_her_own_indicators_and_a_health_worker_none(qtbot, supervisor, sign_in, make_ctx,
                                                                            home) -> None:
    for user, doc in (("sokha", "N7000001"), ("vanna", "N7000002")):
        sign_in(user).registrations.register(**registration(
            person=adult(id_document_number=doc, family_name="SOK " + user.upper()),
            trafficking={"ticked": POSITIVE_ADULT}))
    sup = home(make_ctx("dara"))
    officer = home(make_ctx("sokha"))
    hw = home(make_ctx("thida"))
    all_positive = int(shown(sup, "trafficking_indicators"))
    assert all_positive >= 2
    assert shown(officer, "trafficking_indicators") == "1"      # hers, not Vanna's nor the demo's
    assert "registered by you" in officer.findChild(QLabel, "caption_trafficking_indicators").text()
    assert shown(officer, "registered") == shown(sup, "registered")
    assert shown(hw, "trafficking_indicators") == "(hidden)"
    assert not hw.findChild(QLabel, "caption_trafficking_indicators").isVisible()
    assert shown(hw, "tb_referrals") == shown(sup, "tb_referrals")
    assert shown(hw, "drafts") == "(hidden)"                      # a health worker keeps no drafts


def test_a_burst_of_changes_from_elsewhere_is_one_refresh_without_navigation(qtbot, supervisor, make_ctx,
                                                                            home) -> None:
    ctx = make_ctx("dara")
    win = home(ctx)
    win.show_page("records")                  # the status bar shows what waits to sync on every page
    wait_idle(qtbot, ctx)
    before = int(tile(win, "registered").text())
    pending_before = int(tile(win, "pending_sync").text())
    refreshes = win.home.refreshes
    supervisor.registrations.register(**registration(
        person=adult(id_document_number="N7000009", family_name="SOK BURST")))   # another window's write
    for _ in range(20):
        ctx.announce(Changes(encounters=True, events=True))
    qtbot.waitUntil(lambda: tile(win, "registered").text() == str(before + 1), timeout=10_000)
    wait_idle(qtbot, ctx)
    assert win.home.refreshes == refreshes + 1
    assert int(tile(win, "pending_sync").text()) > pending_before
    assert win.pending_label.text() == f"HQ: {tile(win, 'pending_sync').text()} waiting"
    assert win.stack.currentWidget() is win.pages["records"]


def test_waiting_to_sync_follows_a_background_sync_without_navigation(qtbot, make_ctx, home, hq) -> None:
    from sync.device import DeviceSync

    service, url = hq
    ctx = make_ctx("dara")
    worker = DeviceSync(ctx.session)
    enrolled = ctx.runner.op(worker.enroll, url, service.issue_token(ctx.session.site.checkpoint_name),
                             network=True).run()
    qtbot.waitUntil(enrolled.done, timeout=30_000)
    enrolled.result()
    win = home(ctx, background_sync=True, sync_worker=worker)
    waiting = tile(win, "pending_sync")
    assert int(waiting.text()) > 40
    win.sync_panel.timer.setInterval(50)      # the background timer itself, sooner than its 5 s
    qtbot.waitUntil(lambda: waiting.text() == "0", timeout=60_000)
    assert win.stack.currentWidget() is win.home
    assert win.pending_label.text() == "HQ: 0 waiting"
    assert service.stats()["events"] > 40


def test_the_day_figures_start_again_at_local_midnight(qtbot, supervisor, make_ctx, home, clock) -> None:
    supervisor.registrations.register(**registration(person=adult(id_document_number="N7000010")))
    ctx = make_ctx("dara")
    win = home(ctx)
    assert int(tile(win, "registered").text()) > 0
    # 22:00 in Poipet: the home page is due to refresh itself in two hours (and a second)
    assert abs(win.home._midnight.remainingTime() - (2 * 3600 + 1) * 1000) < 60_000
    clock.advance(hours=2, seconds=1)
    win.home._midnight.timeout.emit()             # what the timer does when the two hours are up
    qtbot.waitUntil(lambda: "2026-11-25" in win.findChild(QLabel, "figures_period").text(), timeout=10_000)
    assert tile(win, "registered").text() == "0"
