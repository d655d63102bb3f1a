"""Background sync as a small state machine: when to probe HQ, when to sync, how long to back off. No thread.

The owner drives it, on one thread of its choice, and the machine tells it what to run next:

- headless (a loop, a test): ``step()`` runs one due attempt, probe then sync, in the calling thread, through the
  ``probe`` and ``run_sync`` callbacks it was built with; ``run(stop)`` loops over ``step()``.
- the desktop (``ui/views/sync_panel.py``): a QTimer on the GUI thread asks ``start()``; the panel runs the
  probe and then the sync on the UI's network executor, through ``sync.device.DeviceSync`` (a Session of its
  own, ``Session.open_sync_connection``, never the DB worker's), and reports back on the GUI thread with
  ``probe_done`` / ``sync_done``. The machine itself never waits and never touches the store.

``on_change(status)`` is called after every change of state (an attempt begins, a probe or a sync is reported,
``sync_now``), on the thread that drives the machine: the desktop's sync panel shows the engine's own state
from it. ``sync.device.DeviceSync.engine`` builds one wired to a device.

    >>> from datetime import UTC
    >>> from checkpoint.clock import ManualClock
    >>> clock = ManualClock(datetime(2026, 11, 22, tzinfo=UTC))
    >>> seen = []
    >>> bg = BackgroundSync(probe=lambda: {"protocol": 1}, run_sync=lambda: {"complete": True, "errors": []},
    ...                     clock=clock, on_change=lambda st: seen.append(st.state))
    >>> bg.step()                        # probes HQ if due; syncs if HQ answered
    True
    >>> seen, bg.delay_until_due()
    (['probing', 'syncing', 'idle'], 300.0)

After a failure (HQ unreachable, or a sync that did not finish) the next attempt waits 30 s, then doubling up to
15 min, each delay drawn in [½, 1] of that value so that many checkpoints coming back online do not all call HQ
at the same second. After a complete sync the next one is ``interval`` later (5 min). ``sync_now()`` makes the
next ``start()`` begin at once (a supervisor's "Sync now" button).

A probe or a sync may raise anything: the error is kept in plain words, never re-raised. (An ``on_change`` that
raises is the owner's bug and is not caught.)
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from checkpoint.clock import Clock, SystemClock
from checkpoint.errors import CheckpointError

__all__ = ["BackgroundSync", "EngineStatus", "OnChange"]

IDLE, PROBING, SYNCING = "idle", "probing", "syncing"


@dataclass(frozen=True)
class EngineStatus:
    """The machine's state for display (``BackgroundSync.status()``, and what ``on_change`` receives)."""

    state: str                       # idle | probing | syncing
    next_attempt: datetime | None    # when the next probe is due (wall clock, for display)
    last_success: datetime | None    # the last complete sync
    last_attempt: datetime | None
    last_error: str                  # plain words; "" after a complete sync
    failures: int                    # consecutive failed attempts
    last_summary: Mapping[str, Any] | None


OnChange = Callable[[EngineStatus], None]


def _plain(e: BaseException) -> str:
    if isinstance(e, CheckpointError):
        return str(e)
    return f"Sync failed unexpectedly ({type(e).__name__}). Nothing was lost; it will be tried again."


class BackgroundSync:
    """Decides when to probe and sync; see the module docstring. ``probe()`` answers False or raises when HQ is
    not there; ``run_sync()`` returns a summary like ``SyncClient.sync_once``'s. ``clock`` is injectable
    (ManualClock in tests), ``rng`` too (the jitter); ``on_change`` is the owner's."""

    def __init__(self, probe: Callable[[], Any], run_sync: Callable[[], Any], *, clock: Clock | None = None,
                 rng: random.Random | None = None, base_delay: float = 30.0, max_delay: float = 900.0,
                 interval: float = 300.0, on_change: OnChange | None = None) -> None:
        if not 0 < base_delay <= max_delay:
            raise ValueError("need 0 < base_delay <= max_delay")
        self.probe = probe
        self.run_sync = run_sync
        self.on_change = on_change
        self.clock = clock or SystemClock()
        self.rng = rng or random.Random()  # noqa: S311 (jitter, not secrets)
        self.base_delay, self.max_delay, self.interval = base_delay, max_delay, interval
        self._state = IDLE
        self._next = self.clock.monotonic()          # the first attempt is due at once
        self._failures = 0
        self._last_success: datetime | None = None
        self._last_attempt: datetime | None = None
        self._last_error = ""
        self._last_summary: Mapping[str, Any] | None = None

    # ------------------------------------------------------------------ the machine
    def due(self) -> bool:
        return self._state == IDLE and self.clock.monotonic() >= self._next

    def start(self) -> str | None:
        """If an attempt is due, begin it: returns "probe" (call ``probe_done`` when it finishes); else None."""
        if not self.due():
            return None
        self._state = PROBING
        self._last_attempt = self.clock.now()
        self._changed()
        return "probe"

    def probe_done(self, ok: bool, error: str = "") -> str | None:
        """Report the probe. Returns "sync" (run it, then call ``sync_done``) when HQ answered, else None."""
        if self._state != PROBING:
            return None
        if not ok:
            self._fail(error or "HQ could not be reached.")
            self._changed()
            return None
        self._state = SYNCING
        self._changed()
        return "sync"

    def sync_done(self, summary: Mapping[str, Any] | None = None, error: str = "") -> None:
        """Report the sync: its summary (``SyncClient.sync_once``) or an error. An incomplete summary (errors,
        cancelled, events left) counts as a failure for the backoff."""
        if self._state != SYNCING:
            return
        self._last_summary = summary
        if not error and summary is not None:
            errors = list(summary.get("errors") or [])
            if errors:
                error = str(errors[0])
            elif summary.get("complete") is False:
                error = "Sync stopped before everything was sent." if summary.get("cancelled") else \
                    "HQ has not acknowledged everything yet."
        if error:
            self._fail(error)
        else:
            self._failures = 0
            self._last_error = ""
            self._last_success = self.clock.now()
            self._schedule(self.interval)
        self._changed()

    def sync_now(self) -> None:
        """Make the next attempt due at once (keeps the failure count for later backoff)."""
        if self._state == IDLE:
            self._next = self.clock.monotonic()
            self._changed()

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change(self.status())

    def _fail(self, error: str) -> None:
        self._failures += 1
        self._last_error = error
        ceiling = min(self.max_delay, self.base_delay * 2 ** min(self._failures - 1, 30))
        self._schedule(ceiling * self.rng.uniform(0.5, 1.0))

    def _schedule(self, delay: float) -> None:
        self._state = IDLE
        self._next = self.clock.monotonic() + delay

    def delay_until_due(self) -> float:
        """Seconds until the next attempt (0 if due or running)."""
        return max(0.0, self._next - self.clock.monotonic()) if self._state == IDLE else 0.0

    def status(self) -> EngineStatus:
        """Where the machine is, for display; see EngineStatus."""
        next_at = None
        if self._state == IDLE:
            next_at = self.clock.now() + timedelta(seconds=self.delay_until_due())
        return EngineStatus(self._state, next_at, self._last_success, self._last_attempt, self._last_error,
                            self._failures, self._last_summary)

    # ------------------------------------------------------------------ synchronous drivers
    def step(self) -> bool:
        """Do one due attempt in this thread (probe, then sync). Returns True if an attempt was made."""
        if self.start() is None:
            return False
        try:
            answer = self.probe()
        except Exception as e:   # any failure of the probe is "not reachable now"
            self.probe_done(False, _plain(e))
            return True
        if answer is False:
            self.probe_done(False, "HQ did not answer as expected.")
            return True
        if self.probe_done(True) == "sync":
            try:
                result = self.run_sync()
            except Exception as e:
                self.sync_done(error=_plain(e))
            else:
                self.sync_done(result if isinstance(result, Mapping) else None,
                               "" if result is not False else "Sync did not finish.")
        return True

    def run(self, stop: Callable[[], bool], *, sleep: Callable[[float], None] = time.sleep,
            tick: float = 1.0) -> None:
        """Headless loop: step whenever due, sleeping at most ``tick`` s at a time, until ``stop()``."""
        while not stop():
            self.step()
            sleep(min(tick, max(self.delay_until_due(), 0.01)))
