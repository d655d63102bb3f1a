"""BackgroundSync: when to probe, when to sync, how long to wait after a failure. Driven by a manual clock."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from checkpoint.clock import ManualClock
from sync.device.engine import BackgroundSync
from sync.errors import SyncUnavailable


class Script:
    """A probe and a sync whose outcomes the test decides in advance."""

    def __init__(self, probes: list[object], syncs: list[object] | None = None) -> None:
        self.probes, self.syncs = list(probes), list(syncs or [])
        self.probed = self.synced = 0

    def probe(self) -> object:
        self.probed += 1
        r = self.probes.pop(0) if self.probes else True
        if isinstance(r, BaseException):
            raise r
        return r

    def run_sync(self) -> object:
        self.synced += 1
        r = self.syncs.pop(0) if self.syncs else {"complete": True, "errors": []}
        if isinstance(r, BaseException):
            raise r
        return r


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 22, 1, 0, tzinfo=UTC))


def waits(bg: BackgroundSync, clock: ManualClock, n: int) -> list[float]:
    """Step through n attempts; return the delay scheduled after each."""
    out = []
    for _ in range(n):
        assert bg.step()
        out.append(bg.delay_until_due())
        clock.advance(seconds=out[-1] + 0.001)   # the clock keeps microseconds
    return out


def test_backoff_doubles_from_30_s_to_15_min_with_jitter_and_resets_on_success(clock) -> None:
    s = Script([SyncUnavailable("HQ could not be reached.")] * 9)
    bg = BackgroundSync(s.probe, s.run_sync, clock=clock, rng=random.Random(3))
    delays = waits(bg, clock, 9)
    ceilings = [30, 60, 120, 240, 480, 900, 900, 900, 900]
    for d, c in zip(delays, ceilings, strict=True):
        assert c / 2 <= d <= c
    assert len(set(delays[5:])) > 1                          # jittered, not lock-step across checkpoints
    st = bg.status()
    assert st.failures == 9 and st.last_error == "HQ could not be reached." and st.last_success is None
    assert s.synced == 0
    # HQ is back: one sync, then the regular interval; the error is cleared.
    assert bg.step() and s.synced == 1
    st = bg.status()
    assert st.failures == 0 and st.last_error == "" and st.last_success == clock.now()
    assert bg.delay_until_due() == 300
    assert st.next_attempt is not None and (st.next_attempt - clock.now()).total_seconds() == 300


def test_nothing_happens_before_the_next_attempt_is_due_unless_asked(clock) -> None:
    s = Script([False])
    bg = BackgroundSync(s.probe, s.run_sync, clock=clock, rng=random.Random(1))
    assert bg.step() and s.probed == 1 and bg.status().last_error == "HQ did not answer as expected."
    clock.advance(seconds=10)
    assert not bg.step() and s.probed == 1
    bg.sync_now()
    assert bg.step() and s.probed == 2 and s.synced == 1


@pytest.mark.parametrize("result, error", [
    ({"complete": False, "errors": ["HQ refused this device (HTTP 403): it is not enrolled or was revoked."]},
     "HQ refused this device (HTTP 403): it is not enrolled or was revoked."),
    ({"complete": False, "errors": [], "cancelled": True}, "Sync stopped before everything was sent."),
    ({"complete": False, "errors": []}, "HQ has not acknowledged everything yet."),
    (RuntimeError("db worker exploded"), "Sync failed unexpectedly (RuntimeError). Nothing was lost; it will be "
                                         "tried again."),
])
def test_an_incomplete_or_failed_sync_backs_off_with_a_plain_reason(clock, result, error) -> None:
    s = Script([True], [result])
    bg = BackgroundSync(s.probe, s.run_sync, clock=clock, rng=random.Random(1))
    assert bg.step()
    st = bg.status()
    assert st.last_error == error and st.failures == 1 and 15 <= bg.delay_until_due() <= 30
    assert "Traceback" not in st.last_error and "exploded" not in st.last_error


def test_the_split_api_for_an_event_loop(clock) -> None:
    """The desktop's QTimer asks start(); the probe and the sync run on the network executor (DeviceSync), the
    results come back to the GUI thread as probe_done / sync_done."""
    bg = BackgroundSync(lambda: None, lambda: None, clock=clock, rng=random.Random(1))
    assert bg.start() == "probe"
    assert bg.status().state == "probing" and bg.start() is None        # one attempt at a time
    assert bg.probe_done(True) == "sync" and bg.status().state == "syncing"
    bg.sync_done({"complete": True, "errors": [], "sent": 3})
    st = bg.status()
    assert st.state == "idle" and st.last_summary == {"complete": True, "errors": [], "sent": 3}
    assert bg.start() is None
    clock.advance(seconds=300)
    assert bg.start() == "probe"
    assert bg.probe_done(False, "no route to host") is None and bg.status().last_error == "no route to host"
    bg.sync_done({"complete": True})            # a late report for a sync that never started: ignored
    assert bg.status().failures == 1


def test_run_loop_sleeps_until_due_and_stops(clock) -> None:
    s = Script([False, False, True])
    bg = BackgroundSync(s.probe, s.run_sync, clock=clock, rng=random.Random(1), base_delay=30, max_delay=60)
    slept: list[float] = []

    def sleep(t: float) -> None:
        slept.append(t)
        clock.advance(seconds=t)

    bg.run(lambda: s.synced >= 1 or len(slept) > 500, sleep=sleep, tick=5)
    assert s.probed == 3 and s.synced == 1 and max(slept) <= 5


def test_every_change_of_state_reaches_the_owner(clock) -> None:
    """on_change gets the status after each transition: what the desktop's sync panel shows."""
    seen: list[tuple[str, str, int]] = []
    s = Script([SyncUnavailable("HQ could not be reached."), True])
    bg = BackgroundSync(s.probe, s.run_sync, clock=clock, rng=random.Random(1),
                        on_change=lambda st: seen.append((st.state, st.last_error, st.failures)))
    assert bg.step()                                       # probe fails: probing, then idle with the reason
    assert seen == [("probing", "", 0), ("idle", "HQ could not be reached.", 1)]
    seen.clear()
    assert not bg.step() and seen == []                    # nothing due: nothing changes, nothing reported
    bg.sync_now()
    assert seen == [("idle", "HQ could not be reached.", 1)] and bg.status().next_attempt == clock.now()
    seen.clear()
    assert bg.step()                                       # HQ answers: probing, syncing, idle and clean
    assert seen == [("probing", "HQ could not be reached.", 1), ("syncing", "HQ could not be reached.", 1),
                    ("idle", "", 0)]
    seen.clear()
    clock.advance(seconds=300)                             # the event-loop API reports the same way
    assert bg.start() == "probe" and bg.probe_done(True) == "sync"
    bg.sync_done(error="HQ refused this device.")
    assert [state for state, _, _ in seen] == ["probing", "syncing", "idle"]
    assert seen[-1][1:] == ("HQ refused this device.", 1)


@pytest.mark.parametrize("name", ["sync.device.engine", "sync.device.progress"])
def test_the_docstring_examples_are_true(name: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
