"""DeviceSync, what the desktop's composition root builds: its own connection to the store, the link to HQ, and a
background engine wired to both (the engine's callbacks reach this device and the caller, not no-ops)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checkpoint.errors import PermissionDenied
from checkpoint.services.outbox import Outbox
from sync.device import DeviceSync
from sync.device.engine import EngineStatus
from sync.hq.service import HQService
from tests.support.client_harness import hq_events, new_device, own_events
from tests.support.helpers import registration


class InProcess:
    """HQ's service as the desktop's link (an HttpTransport in the app); counts what it was asked."""

    def __init__(self, hq: HQService, *, down: bool = False) -> None:
        self.hq, self.down, self.calls = hq, down, []
        self.closed = False

    def __getattr__(self, name: str) -> Any:
        fn = getattr(self.hq, name)

        def call(*args: Any) -> Any:
            self.calls.append(name)
            if self.down:
                from sync.errors import SyncUnavailable

                raise SyncUnavailable("HQ could not be reached (no connection, or it broke off).")
            return fn(*args)

        return call

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def device(tmp_path: Path, clock):
    s = new_device(tmp_path / "a.db", clock=clock)
    for _ in range(3):
        s.registrations.register(**registration())
    yield s
    s.lock()


def enrolled(device, hq, links: list[InProcess], **link: Any) -> DeviceSync:
    def factory(url: str) -> InProcess:
        links.append(InProcess(hq, **link))
        return links[-1]

    ds = DeviceSync(device, factory)
    ds.enroll("http://hq.test", hq.issue_token(device.site.checkpoint_name))
    assert links[-1].calls == ["enroll"]
    links[-1].calls.clear()
    return ds


def test_the_engine_probes_and_syncs_this_device_and_reports_to_the_caller(device, hq, clock) -> None:
    links: list[InProcess] = []
    ds = enrolled(device, hq, links)
    seen: list[EngineStatus] = []
    progress: list[tuple[int, int]] = []
    try:
        engine = ds.engine(clock, on_change=seen.append, progress=lambda done, total: progress.append((done, total)))
        assert engine.step()
        assert [st.state for st in seen] == ["probing", "syncing", "idle"]
        assert seen[-1].last_error == "" and seen[-1].last_success == clock.now()
        assert seen[-1].last_summary is not None and seen[-1].last_summary["complete"] is True
        assert links[-1].calls[:2] == ["health", "push"]                 # the real probe, then the real push
        assert progress[0] == (0, len(own_events(device))) and progress[-1][0] == len(own_events(device))
        assert sorted(hq_events(hq)) == sorted(own_events(device))
        assert Outbox(device).status()["acked"] == len(own_events(device))   # seen from the DB worker's session
    finally:
        ds.close()
    assert links[-1].closed


def test_an_unreachable_hq_is_a_failed_attempt_with_its_reason(device, hq, clock) -> None:
    links: list[InProcess] = []
    ds = enrolled(device, hq, links)
    links[-1].down = True
    seen: list[EngineStatus] = []
    try:
        engine = ds.engine(clock, on_change=seen.append)
        assert engine.step()
        assert [st.state for st in seen] == ["probing", "idle"] and links[-1].calls == ["health"]
        assert "could not be reached" in seen[-1].last_error and seen[-1].failures == 1
        assert engine.delay_until_due() > 0 and hq_events(hq) == []
    finally:
        ds.close()


def test_a_device_that_is_not_enrolled_fails_the_attempt_instead_of_pretending(device, clock) -> None:
    """Before, the engine DeviceSync built probed and synced with no-ops, so step() counted a success."""
    made: list[str] = []

    def factory(url: str) -> Any:
        made.append(url)
        raise AssertionError("a link was made for a device that is not enrolled")

    ds = DeviceSync(device, factory)
    try:
        with pytest.raises(PermissionDenied, match="not enrolled"):
            ds.probe()
        engine = ds.engine(clock)
        assert engine.step()
        st = engine.status()
        assert st.last_success is None and st.failures == 1 and "not enrolled" in st.last_error
        assert made == []                                       # no link to nowhere
    finally:
        ds.close()


def test_cancel_from_the_caller_stops_the_sync_and_counts_as_not_finished(device, hq, clock) -> None:
    links: list[InProcess] = []
    ds = enrolled(device, hq, links)
    try:
        engine = ds.engine(clock, cancel=lambda: True)
        assert engine.step()
        st = engine.status()
        assert st.last_error == "Sync stopped before everything was sent." and st.last_success is None
        assert st.last_summary is not None and st.last_summary["cancelled"] is True
        assert hq_events(hq) == [] and "push" not in links[-1].calls
    finally:
        ds.close()


def test_status_export_and_ack_use_the_device_sync_s_own_connection(device, hq, tmp_path) -> None:
    links: list[InProcess] = []
    ds = enrolled(device, hq, links)
    try:
        st = ds.status()
        assert st["enrolled"] and st["pending"] == len(own_events(device)) and st["conflicts"] == []
        res = ds.export(str(tmp_path / "b.cpb"))
        assert res is not None and res["events"] == len(own_events(device))
        (tmp_path / "b.ack").write_bytes(hq.ingest((tmp_path / "b.cpb").read_bytes(), via="file").ack)
        assert ds.import_ack(str(tmp_path / "b.ack"))["verdicts"]["accepted"] == res["events"]
    finally:
        ds.close()
    assert Outbox(device).status()["acked"] == len(own_events(device))   # the main session still works after close
