"""What every window is given: the task runner and the signed-in session (injected, never global).

    ctx.call(session.records.search, "SOK", on_done=show)        # read
    ctx.call(session.review.pending, on_done=show, owner=view, latest="list")   # only the newest answer shows
    ctx.mutate(session.review.approve, enc_id, on_done=after)    # write; emits ctx.changed(Changes)
    ctx.announce(Changes(events=True))                           # a write made elsewhere (a sync): same broadcast
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from checkpoint.services import Changes, Session
from ui.messages import error_message
from ui.qt import QMessageBox, QObject, QWidget, Signal
from ui.tasks import TaskRunner


class AppContext(QObject):
    changed = Signal(object)          # Changes from a mutating call: views redraw from it
    error = Signal(str)               # a translated message for the status bar
    activity = Signal()               # user did something (auto-lock timer resets)

    def __init__(self, runner: TaskRunner, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session
        # Issue 12: fetch a minimised record back from HQ, ``fetch_back(person_id, reason) -> Changes`` (run it on the
        # network pool). Set by the composition root from sync.device.DeviceSync; None where this role has no sync.
        self.fetch_back: Callable[[str, str], Any] | None = None

    @property
    def role(self) -> str:
        return self.session.user.role

    def call(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, parent: QWidget | None = None,
             owner: QObject | None = None, latest: Hashable | None = None, **kwargs: Any) -> None:
        """Run ``fn`` on the DB thread; deliver the result (or a translated error) on the GUI thread.
        ``owner``: a widget whose deletion cancels the delivery (defaults to ``parent``). ``latest``: a key; a
        result is dropped when a newer call with the same key and owner was made meanwhile (``Op.latest``)."""
        def fail(e: BaseException) -> None:
            if on_error is not None:
                on_error(e)
            else:
                self.show_error(parent, e)

        op = self.runner.op(fn, *args, **kwargs).success(on_done or (lambda _r: None)).failure(fail) \
            .owned_by(owner if owner is not None else parent)
        if latest is not None:
            op.latest(latest)
        op.run()

    def mutate(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, parent: QWidget | None = None,
               owner: QObject | None = None, **kwargs: Any) -> None:
        """Like call(), and afterwards emit ``changed`` with the Changes the service returned (every write returns
        Changes, or a result holding it as ``changes``)."""
        def done(result: Any) -> None:
            self.changed.emit(result if isinstance(result, Changes) else result.changes)
            if on_done is not None:
                on_done(result)

        self.call(fn, *args, on_done=done, on_error=on_error, parent=parent, owner=owner, **kwargs)

    def announce(self, changes: Changes) -> None:
        """Broadcast ``changes`` made outside ``mutate`` (a sync on the network pool wrote the store through its own
        connection): every view that redraws from ``changed`` redraws."""
        self.changed.emit(changes)

    def show_error(self, parent: QWidget | None, exc: BaseException) -> None:
        msg = error_message(exc)
        self.error.emit(msg)
        if parent is not None:
            QMessageBox.warning(parent, self.tr("Not done"), msg)
