"""The Review tab: arrivals waiting for a supervisor, oldest first; select one or several and approve.

    tab = ReviewTab(ctx)
    tab.loaded.connect(...)           # (number of rows) after each load of the list
    tab.approve_selected()            # what the button (Alt+A) does
"""

from __future__ import annotations

from typing import Any

from checkpoint.services import ApproveResult, Changes
from ui.context import AppContext
from ui.messages import error_message
from ui.models.review import ReviewModel
from ui.qt import QHBoxLayout, QVBoxLayout, QWidget, Signal
from ui.widgets.basic import button, text_label
from ui.widgets.fields import ErrorLabel
from ui.widgets.tables import record_table

__all__ = ["REVIEW_LIMIT", "ReviewTab"]

REVIEW_LIMIT = 200


class ReviewTab(QWidget):
    """Pending arrivals; select one or several (Shift/Ctrl) and approve. Signal ``loaded(rows)``."""

    loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_tab")
        self.ctx = ctx
        self.model = ReviewModel(self)
        self.table = record_table("review_table", self.tr("Arrivals waiting for review"), self.model, multi=True,
                                  stretch=ReviewModel.Column.NAME)
        self.approve_btn = button(self.tr("&Approve selected"), "approve", self.tr("Approve the selected arrivals"))
        self.refresh_btn = button(self.tr("Re&fresh"), "refresh_review", self.tr("Refresh the review list"))
        self.count = text_label("review_count")
        self.message = text_label("review_message")
        self.error = ErrorLabel("review_error", self.tr("Error"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_btn)
        buttons.addWidget(self.refresh_btn)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        lay.addWidget(self.error)
        lay.addWidget(self.message)
        self.approve_btn.clicked.connect(self.approve_selected)
        self.refresh_btn.clicked.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self._busy = False
        ctx.changed.connect(self._on_changed)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        self.ctx.call(self.ctx.session.review.pending, limit=REVIEW_LIMIT, on_done=self._loaded,
                      on_error=self._failed, owner=self, latest="list")

    def _loaded(self, rows: list[Any]) -> None:
        self.model.replace_rows(rows)
        self._count_changed()
        self.loaded.emit(len(rows))

    def _failed(self, exc: BaseException) -> None:
        self.error.show_error(error_message(exc))
        self.loaded.emit(self.model.rowCount())

    def _count_changed(self) -> None:
        n = self.model.rowCount()
        text = self.tr("%n arrival(s) waiting", "", n)
        if n >= REVIEW_LIMIT:
            text += " " + self.tr("(the oldest %1 are shown)").replace("%1", str(REVIEW_LIMIT))
        self.count.setText(text)

    def _on_changed(self, changes: Changes) -> None:
        if changes.encounters or changes.persons:
            self.reload()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.ids()[r] for r in rows]

    def _update_buttons(self, *_a: Any) -> None:
        self.approve_btn.setEnabled(not self._busy and bool(self.table.selectionModel().selectedRows()))

    def approve_selected(self) -> None:
        """Approve every selected arrival; approved rows leave the list, refusals are shown below it."""
        ids = self.selected_ids()
        if not ids or self._busy:
            return
        self._busy = True
        self._update_buttons()
        self.error.show_error("")
        self.message.clear()
        self.ctx.activity.emit()
        self.ctx.mutate(self.ctx.session.review.approve_many, ids, on_done=self._approved,
                        on_error=self._approve_failed, owner=self)

    def _approved(self, result: ApproveResult) -> None:
        self._busy = False
        self.model.remove_ids(result.approved)
        self._count_changed()
        self.message.setText(self.tr("%n arrival(s) approved.", "", len(result.approved)))
        if result.failed:
            first = error_message(result.failed[0][1])
            self.error.show_error(self.tr("%n arrival(s) not approved: %1", "", len(result.failed))
                                  .replace("%1", first))
        self._update_buttons()

    def _approve_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.error.show_error(error_message(exc))
        self._update_buttons()
        self.reload()
