"""The desktop sync panel against a real HQ on 127.0.0.1: enroll, sync now, USB export, conflicts, and the times
it shows (checkpoint time, never the store's UTC)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checkpoint.services.outbox import Outbox
from sync.hq.http import create_app
from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import HQStore
from tests.support.helpers import registration
from tests.support.hq_helpers import LiveServer
from tests.support.ui_helpers import show_active, wait_idle
from ui.qt import QLabel, QListWidget, Qt, QWidget

RAW_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")     # how the store writes a time; never on screen


@pytest.fixture
def hq(tmp_path: Path, clock):
    service = HQService(HQStore.open(f"sqlite:///{tmp_path / 'hq.db'}"), HQKeys.generate(), clock=clock)
    with LiveServer(create_app(service, rate_per_minute=0)) as server:
        yield service, server.url


@pytest.fixture
def panel(qtbot, make_ctx):
    from sync.device import DeviceSync
    from ui.views.sync_panel import SyncPanel

    ctx = make_ctx("dara")
    p = SyncPanel(ctx, DeviceSync(ctx.session), background=False)
    qtbot.addWidget(p)
    show_active(qtbot, p)
    wait_idle(qtbot, ctx)
    yield p, ctx
    p.shutdown()
    wait_idle(qtbot, ctx)


def _net_idle(qtbot, ctx) -> None:
    wait_idle(qtbot, ctx, timeout=30_000)


def _shown(p: QWidget) -> str:
    """Every text the panel shows: its labels and the rows of its lists."""
    texts = [w.text() for w in p.findChildren(QLabel)]
    for lw in p.findChildren(QListWidget):
        texts += [lw.item(i).text() for i in range(lw.count())]
    return "\n".join(texts)


def test_enroll_then_sync_now_sends_everything(qtbot, panel, hq) -> None:
    p, ctx = panel
    service, url = hq
    assert p.enroll_box.isVisible() and not p.sync_now.isEnabled()
    p.findChild(QWidget, "hq_url").setText(url)
    p.findChild(QWidget, "enroll_token").setText(service.issue_token(ctx.session.site.checkpoint_name))
    qtbot.mouseClick(p.enroll_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not p.enroll_box.isVisible(), timeout=30_000)
    assert p.sync_now.isEnabled()
    with qtbot.waitSignal(p.finished, timeout=60_000) as sig:
        qtbot.mouseClick(p.sync_now, Qt.MouseButton.LeftButton)
    summary = sig.args[0]
    assert summary["complete"] is True, summary
    _net_idle(qtbot, ctx)
    st = ctx.runner.run_sync(lambda: Outbox(ctx.session).status())
    assert st["pending"] == 0 and st["inflight"] == 0 and st["acked"] > 40
    assert service.stats()["events"] >= st["acked"]
    assert "Everything is at HQ" in p.findChild(QWidget, "sync_progress").text()
    # the clock is 01:00 UTC (tests/conftest.py T0): the acknowledgement's time shows as 08:00 in Poipet
    assert "Last complete sync: 2026-11-22 08:00" in p.state.text()
    assert p.batches.count() > 0
    assert not RAW_TIMESTAMP.search(_shown(p)), _shown(p)


@pytest.mark.parametrize(("stored", "shown"), [
    ("2026-11-22T01:00:00+00:00", "2026-11-22 08:00"),
    ("2026-11-22T20:30:00+00:00", "2026-11-23 03:30"),      # after 17:00 UTC it is already tomorrow in Cambodia
])
def test_last_complete_sync_shows_checkpoint_time(qtbot, panel, stored, shown) -> None:
    p, ctx = panel
    s = ctx.session

    def acked_at(when: str) -> None:                 # what Outbox.apply_ack records for a complete batch
        with s.store.write():
            s.store.set_meta("sync_last_success", when)

    ctx.runner.run_sync(acked_at, stored)
    p.refresh()
    _net_idle(qtbot, ctx)
    assert f"Last complete sync: {shown}" in p.state.text(), p.state.text()
    assert not RAW_TIMESTAMP.search(_shown(p)), _shown(p)


def test_wrong_token_is_a_plain_error(qtbot, panel, hq) -> None:
    p, _ctx = panel
    _service, url = hq
    p.findChild(QWidget, "hq_url").setText(url)
    p.findChild(QWidget, "enroll_token").setText("AAAA-BBBB-CCCC-DDDD")
    qtbot.mouseClick(p.enroll_btn, Qt.MouseButton.LeftButton)
    err = p.findChild(QWidget, "enroll_error")
    qtbot.waitUntil(lambda: err.text() != "", timeout=30_000)
    assert "Traceback" not in err.text() and p.enroll_box.isVisible()


def test_hq_unreachable_keeps_everything_and_says_so(qtbot, panel, hq) -> None:
    p, ctx = panel
    service, url = hq
    p.findChild(QWidget, "hq_url").setText(url)
    p.findChild(QWidget, "enroll_token").setText(service.issue_token(ctx.session.site.checkpoint_name))
    qtbot.mouseClick(p.enroll_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not p.enroll_box.isVisible(), timeout=30_000)
    from sync.device.transport import HttpTransport

    p.worker._transport = HttpTransport("http://127.0.0.1:9", timeout=2)   # nothing listens there
    with qtbot.waitSignal(p.finished, timeout=60_000) as sig:
        qtbot.mouseClick(p.sync_now, Qt.MouseButton.LeftButton)
    assert sig.args[0]["complete"] is False
    _net_idle(qtbot, ctx)
    st = ctx.runner.run_sync(lambda: Outbox(ctx.session).status())
    assert st["acked"] == 0 and st["pending"] + st["inflight"] > 40     # nothing lost, nothing marked
    assert p.findChild(QWidget, "sync_progress").text()
    assert p.last_error.text() and p.batches.count() > 0          # the failure, its batch and its reason
    assert not RAW_TIMESTAMP.search(_shown(p)), _shown(p)


def test_usb_export_writes_a_batch_file(qtbot, panel, hq, tmp_path) -> None:
    p, ctx = panel
    service, url = hq
    p.findChild(QWidget, "hq_url").setText(url)
    p.findChild(QWidget, "enroll_token").setText(service.issue_token(ctx.session.site.checkpoint_name))
    qtbot.mouseClick(p.enroll_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not p.enroll_box.isVisible(), timeout=30_000)
    out = tmp_path / "poipet-0001.cpb"
    p.choose_path = lambda purpose, suggested: str(out)
    qtbot.mouseClick(p.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists, timeout=30_000)
    _net_idle(qtbot, ctx)
    ack = service.ingest(out.read_bytes(), via="file")
    assert ack is not None
    assert "Take it to HQ" in p.findChild(QWidget, "sync_progress").text()


def test_supervisor_decides_a_conflict(qtbot, panel, make_ctx) -> None:
    p, ctx = panel
    s = ctx.session
    r = ctx.runner.run_sync(s.registrations.register, **registration())
    # a second device's edit of the same field, made without seeing ours
    from checkpoint.services.outbox import wire_event

    def conflict() -> None:
        s.corrections.amend_person(r.person_id, {"phone": "011111111"}, "new phone")
        ev = next(s.store.events(where="type = 'person.amended'"))
        other = dict(wire_event(ev))
        import json
        import uuid

        from checkpoint.events import event_hash

        payload = json.loads(other["payload"])
        payload["changes"] = {"phone": "022222222"}
        payload["base"] = {"phone": ""}
        other.update(id=str(uuid.uuid4()), device_id=str(uuid.uuid4()), device_seq=1, author=str(uuid.uuid4()),
                     payload=json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False))
        other["hash"] = event_hash(other)
        assert Outbox(s).ingest([other])["applied"] == 1

    ctx.runner.run_sync(conflict)
    p.refresh()
    _net_idle(qtbot, ctx)
    assert p.conflicts.count() == 1
    assert not RAW_TIMESTAMP.search(_shown(p)), _shown(p)
    p.conflicts.setCurrentRow(0)
    qtbot.mouseClick(p.keep_other, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: p.conflicts.count() == 0, timeout=30_000)
    assert ctx.runner.run_sync(s.records.get, r.person_id)["person"]["phone"] == "022222222"


def test_plain_http_to_another_computer_is_refused_with_a_plain_message(qtbot, panel, hq) -> None:
    p, ctx = panel
    service, _url = hq
    p.findChild(QWidget, "hq_url").setText("http://hq.example.org")
    p.findChild(QWidget, "enroll_token").setText(service.issue_token(ctx.session.site.checkpoint_name))
    qtbot.mouseClick(p.enroll_btn, Qt.MouseButton.LeftButton)
    err = p.findChild(QWidget, "enroll_error")
    qtbot.waitUntil(lambda: err.text() != "", timeout=30_000)
    assert "https://" in err.text() and "Traceback" not in err.text() and p.enroll_box.isVisible()
    assert ctx.runner.run_sync(lambda: Outbox(ctx.session).enrollment()) is None


def test_the_panel_shows_the_last_enrollment_and_a_reenrollment(qtbot, panel, hq, tmp_path) -> None:
    from sync.device.client import SyncClient

    p, ctx = panel
    service, url = hq
    p.findChild(QWidget, "hq_url").setText(url)
    p.findChild(QWidget, "enroll_token").setText(service.issue_token(ctx.session.site.checkpoint_name))
    qtbot.mouseClick(p.enroll_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not p.enroll_box.isVisible(), timeout=30_000)
    _net_idle(qtbot, ctx)
    assert f"Enrolled with HQ {url} on 2026-11-22 08:00." in p.state.text(), p.state.text()
    # HQ releases the device; the supervisor enrolls it with the new HQ
    new = HQService(HQStore.open(f"sqlite:///{tmp_path / 'hq2.db'}"), HQKeys.generate())
    try:
        release = service.release(ctx.session.store.device_id, "moved")
        ctx.runner.run_sync(lambda: SyncClient(ctx.session, new).enroll(
            "https://hq2.example.org", new.issue_token("Poipet"), replace=True, release=release))
    finally:
        new.store.close()
    p.refresh()
    _net_idle(qtbot, ctx)
    assert (f"Enrolled again with HQ https://hq2.example.org on 2026-11-22 08:00, after HQ at {url} released this "
            "device.") in p.state.text(), p.state.text()
    assert not RAW_TIMESTAMP.search(_shown(p)), _shown(p)


def test_events_kept_aside_from_hq_are_counted_with_their_reasons(qtbot, panel) -> None:
    """A forged account change pulled from HQ is held, not applied: the panel says how many and why, and shows
    no personal data."""
    from tests.support.hq_helpers import FakeDevice

    p, ctx = panel
    other = FakeDevice()
    forged = other.event(type_="user.updated", entity_type="person", payload={"changes": {"role": "supervisor"}})
    bad_link = other.event(type_="encounter.approved", payload={"encounter_id": "e-unknown"})
    counts = ctx.runner.run_sync(lambda: Outbox(ctx.session).ingest([forged, bad_link]))
    assert counts["held"] == 2
    p.refresh()
    _net_idle(qtbot, ctx)
    shown = p.state.text()
    assert "Kept aside from HQ, not applied: 2" in shown
    assert "'user.updated' does not travel between devices" in shown
    assert "names a person this device does not hold" in shown
    assert "e-unknown" not in shown and forged["entity_id"] not in shown


def test_panel_shows_the_directory_its_expiry_and_a_refusal(qtbot, panel, hq, clock) -> None:
    """Issue 16: "directory of <date>" once HQ's signed directory applied; why HQ's latest was refused (a document
    for another checkpoint); a warning once it is past its expiry, while it stays in use."""
    from sync.device.client import SyncClient
    from sync.hq import directory
    from tests.support.reference_forger import Forger, other_checkpoint

    p, ctx = panel
    service, url = hq
    directory.import_csv(service.store, clock, b"code,kind,name_en,services\r\nNGO_HAGAR,ngo,Hagar,shelter\r\n",
                         by="dm1")
    p.refresh()
    _net_idle(qtbot, ctx)
    p.findChild(QWidget, "hq_url").setText(url)
    p.findChild(QWidget, "enroll_token").setText(service.issue_token(ctx.session.site.checkpoint_name))
    qtbot.mouseClick(p.enroll_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not p.enroll_box.isVisible(), timeout=30_000)
    assert "No referral directory from HQ yet" in p.state.text()
    with qtbot.waitSignal(p.finished, timeout=60_000):
        qtbot.mouseClick(p.sync_now, Qt.MouseButton.LeftButton)
    _net_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "Referral directory of 2026-11-22" in p.state.text(), timeout=10_000)
    assert "1 organisations" in p.state.text() and "refused" not in p.state.text()
    ctx.runner.run_sync(lambda: SyncClient(ctx.session, Forger(service, other_checkpoint)).sync_reference())
    p.refresh()
    qtbot.waitUntil(lambda: "HQ's latest directory was refused" in p.state.text(), timeout=10_000)
    assert "another checkpoint" in p.state.text() and "Referral directory of 2026-11-22" in p.state.text()
    clock.advance(days=40)
    p.refresh()
    qtbot.waitUntil(lambda: "Warning: the referral directory expired on 2026-12-22" in p.state.text(),
                    timeout=10_000)


def test_a_record_names_a_directory_agency_and_shows_the_partners_stages(qtbot) -> None:
    """Issue 16: a referral to an organisation of HQ's directory shows its name (not its code), and the stages the
    partner recorded at HQ, as the person record lists them."""
    from ui.views.person_record import referral_text

    text = referral_text({"id": "r1", "kind": "protection", "agency_code": "NGO_HAGAR", "status": "closed",
                          "urgency": "SAME_DAY", "agency_label": "Hagar Cambodia", "agency_label_km": "ហាការ",
                          "partner_stages": [
                              {"stage": "arrived", "outcome": "", "recorded_at": "2026-11-22T01:00:00+00:00"},
                              {"stage": "closed", "outcome": "reintegrated",
                               "recorded_at": "2026-11-23T01:00:00+00:00"},
                          ]})
    assert "to Hagar Cambodia" in text and "NGO_HAGAR" not in text
    assert "Person arrived (recorded by the partner on 2026-11-22)" in text
    assert "Closed — Reintegrated with family or community (recorded by the partner on 2026-11-23)" in text
