"""All database work runs on one worker thread; network work on another pool. Results come back to the GUI
thread through a queued signal, so the GUI thread never waits on SQLite (Anki's operations/taskman).

    runner.op(session.records.search, "SOK").success(show_results).failure(show_error).run()

Nobody writes QThread by hand. The runner is injected into windows (never reached through a global).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6

from ui.qt import QObject, Qt, Signal

log = logging.getLogger(__name__)


class Op:
    """One unit of background work; build with ``runner.op(fn, *args)``, then ``.success/.failure/.run()``."""

    def __init__(self, runner: TaskRunner, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                 network: bool) -> None:
        self._runner, self._fn, self._args, self._kwargs, self._network = runner, fn, args, kwargs, network
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._owner: QObject | None = None

    def owned_by(self, owner: QObject | None) -> Op:
        """Drop the callbacks if ``owner`` (a window) is deleted before the result arrives (the work is done)."""
        self._owner = owner
        return self

    def success(self, cb: Callable[[Any], None]) -> Op:
        self._success = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> Op:
        self._failure = cb
        return self

    def run(self) -> Future[Any]:
        return self._runner._submit(self)


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
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def op(self, fn: Callable[..., Any], *args: Any, network: bool = False, **kwargs: Any) -> Op:
        return Op(self, fn, args, kwargs, network)

    @property
    def pending(self) -> int:
        return self._pending

    def _submit(self, op: Op) -> Future[Any]:
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

    def _deliver(self, op: Op, result: Any, error: BaseException | None) -> None:
        self._pending -= 1
        try:
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
