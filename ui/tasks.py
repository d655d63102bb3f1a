"""All database work runs on one worker thread; network work on another pool. Results come back to the GUI
thread through a queued signal, so the GUI thread never waits on SQLite (Anki's operations/taskman).

    runner.op(session.records.search, "SOK").success(show_results).failure(show_error).run()
    runner.op(session.referrals.to_follow_up, "open").owned_by(view).latest("list").success(show).run()

``latest(key)`` is the one stale-result guard: a view that reloads a list as the user types or filters asks for
it again before the last answer arrived, and only the answer to the newest request may reach the screen. Older
results with the same key (and the same owner) are dropped, success and failure alike; ``drop_pending(key,
owner)`` drops them without a new request (a pane that is cleared). Keys are per owner, so two views using the
key "list" never drop each other's results.

Nobody writes QThread by hand. The runner is injected into windows (never reached through a global).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6

from ui.qt import QObject, Qt, Signal

log = logging.getLogger(__name__)

__all__ = ["Op", "TaskRunner"]


class Op:
    """One unit of background work; build with ``runner.op(fn, *args)``, then ``.success/.failure/.run()``."""

    def __init__(self, runner: TaskRunner, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                 network: bool) -> None:
        self._runner, self._fn, self._args, self._kwargs, self._network = runner, fn, args, kwargs, network
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._owner: QObject | None = None
        self._key: Hashable | None = None
        self._seq = 0

    def owned_by(self, owner: QObject | None) -> Op:
        """Drop the callbacks if ``owner`` (a window) is deleted before the result arrives (the work is done)."""
        self._owner = owner
        return self

    def latest(self, key: Hashable) -> Op:
        """Latest wins: if another op with this ``key`` and the same owner is started before this one's result is
        delivered, this result is dropped (neither success nor failure runs; the work itself is done). For reads
        that a newer read replaces, never for writes (their Changes must always be announced)."""
        self._key = key
        return self

    def success(self, cb: Callable[[Any], None]) -> Op:
        self._success = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> Op:
        self._failure = cb
        return self

    def run(self) -> Future[Any]:
        return self._runner._submit(self)

    def _scope(self) -> tuple[int, Hashable]:
        return (0 if self._owner is None else id(self._owner), self._key)


class _Latest:
    """The newest request of one (owner, key) and how many of its ops are still on their way."""

    __slots__ = ("inflight", "newest")

    def __init__(self) -> None:
        self.newest = 0
        self.inflight = 0


class TaskRunner(QObject):
    """One DB worker (SQLite connections are used from that thread only) plus a small network pool."""

    _finished = Signal(object, object, object)   # op, result, error
    busy_changed = Signal(bool)
    idle = Signal()
    unhandled_error = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(1, thread_name_prefix="checkpoint-db")
        self._net = ThreadPoolExecutor(2, thread_name_prefix="checkpoint-net")
        self._pending = 0
        self._seq = itertools.count(1)
        # (owner id, key) -> newest request; an entry lives while ops of its key are on their way. Touched on the
        # GUI thread only (ops are started there and results are delivered there).
        self._latest: dict[tuple[int, Hashable], _Latest] = {}
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def op(self, fn: Callable[..., Any], *args: Any, network: bool = False, **kwargs: Any) -> Op:
        return Op(self, fn, args, kwargs, network)

    @property
    def pending(self) -> int:
        return self._pending

    def drop_pending(self, key: Hashable, owner: QObject | None = None) -> None:
        """Drop the results of every op with ``key`` (and ``owner``) started so far, as if a newer one had been
        started: e.g. a detail pane that is cleared while its record is still loading."""
        entry = self._latest.get((0 if owner is None else id(owner), key))
        if entry is not None:
            entry.newest = next(self._seq)

    def _submit(self, op: Op) -> Future[Any]:
        if op._key is not None:
            entry = self._latest.setdefault(op._scope(), _Latest())
            op._seq = entry.newest = next(self._seq)
            entry.inflight += 1
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        pool = self._net if op._network else self._db

        def work() -> Any:
            try:
                result = op._fn(*op._args, **op._kwargs)
            except BaseException as e:  # delivered to the GUI thread, never lost
                self._finished.emit(op, None, e)
                raise
            self._finished.emit(op, result, None)
            return result

        return pool.submit(work)

    def _superseded(self, op: Op) -> bool:
        """True if a newer op of the same key was started after ``op`` (then its result is dropped)."""
        if op._key is None:
            return False
        scope = op._scope()
        entry = self._latest[scope]
        entry.inflight -= 1
        if entry.inflight == 0:
            del self._latest[scope]
        return entry.newest != op._seq

    def _deliver(self, op: Op, result: Any, error: BaseException | None) -> None:
        self._pending -= 1
        try:
            if self._superseded(op):
                return
            if op._owner is not None and not shiboken6.isValid(op._owner):
                return
            if error is None:
                if op._success:
                    op._success(result)
            elif op._failure:
                op._failure(error)
            else:
                log.error("background task failed: %s", type(error).__name__)
                self.unhandled_error.emit(error)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)
                self.idle.emit()

    def run_sync(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run on the DB thread and wait (only for shutdown paths and tests, never from an event handler)."""
        return self._db.submit(fn, *args, **kwargs).result()

    def shutdown(self) -> None:
        self._db.shutdown(wait=True)
        self._net.shutdown(wait=False, cancel_futures=True)
