"""The health worker's referrals screen: TB referrals to follow up, and a form to record the next stage.

    view = ReferralsView(ctx)          # ctx: ui.context.AppContext
    view.stage_filter                  # open / all / each stage / lost to follow-up / closed
    view.table, view.model             # the referrals (ui.models.referrals.ReferralsModel)
    view.form                          # the follow-up form (ui/views/follow_up.py); Enter (or Save) records it
    view.status, view.cxr_result, ...  # its inputs, also reachable from the view (tests and automation)

The list is ``session.referrals.to_follow_up``; follow-up goes through ``session.referrals.update``; the core
validates it (stages only move forward, results must fit, no treatment after a "not TB" diagnosis, no date in
the future) and a refusal is shown next to the form with nothing changed. A row just updated here stays in view
with its new stage until the filter is changed or the list refreshed, so the health worker sees what was recorded.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from checkpoint.model.referral import STATUSES
from checkpoint.model.roles import Permission, can
from checkpoint.services import Changes, FollowUpList
from ui.context import AppContext
from ui.messages import error_message
from ui.models.referrals import ReferralsModel, stage_label
from ui.qt import QComboBox, QHBoxLayout, QLabel, QModelIndex, QPushButton, QSplitter, Qt, QVBoxLayout, QWidget, Signal
from ui.views.follow_up import FollowUpForm
from ui.widgets.fields import ErrorLabel
from ui.widgets.tables import record_table

__all__ = ["FILTERS", "LIST_LIMIT", "ReferralsView"]

# The stage filter: "open" (still needs follow-up), "all", then each status.
FILTERS = ("open", "all", *STATUSES)
LIST_LIMIT = 1000   # per query: session.referrals has no paging yet


class ReferralsView(QWidget):
    """TB referrals with a stage filter and a follow-up form. Signals: ``saved(referral_id)`` after a
    follow-up was recorded, ``loaded(rows)`` after each (re)load of the list."""

    saved = Signal(str)
    loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referrals_view")
        self.ctx = ctx
        self.model = ReferralsModel(self)
        self._keep: dict[str, str] = {}          # ids updated here -> their status before; kept in view
        self._saving = False                     # a save is in flight, or its reload has not landed yet
        self._saved_id: str | None = None        # saved; waiting for the reload that shows it
        self.can_update = can(ctx.role, Permission.UPDATE_HEALTH_REFERRAL)
        self._build()
        ctx.changed.connect(self._on_changed)
        self.reload()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        top = QHBoxLayout()
        self.stage_filter = QComboBox()
        self.stage_filter.setObjectName("stage_filter")
        self.stage_filter.setAccessibleName(self.tr("Show referrals"))
        self.stage_filter.addItem(self.tr("Open (need follow-up)"), "open")
        self.stage_filter.addItem(self.tr("All"), "all")
        for s in STATUSES:
            self.stage_filter.addItem(stage_label(s), s)
        filter_label = QLabel(self.tr("S&how:"))
        filter_label.setBuddy(self.stage_filter)
        self.refresh_btn = QPushButton(self.tr("&Refresh"))
        self.refresh_btn.setObjectName("refresh")
        self.refresh_btn.setAccessibleName(self.tr("Refresh the list"))
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        top.addWidget(filter_label)
        top.addWidget(self.stage_filter)
        top.addWidget(self.refresh_btn)
        top.addStretch(1)
        top.addWidget(self.count_label)

        # the facility (a place column) keeps a readable width; what does not fit is elided in the middle, whole
        # in the tooltip (ui/widgets/tables.py)
        self.table = record_table("referrals_table", self.tr("Referrals"), self.model,
                                  stretch=ReferralsModel.Column.FACILITY)
        self.list_error = ErrorLabel("list_error")

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(top)
        lv.addWidget(self.list_error)
        lv.addWidget(self.table, 1)

        self.form = self.form_box = FollowUpForm()
        f = self.form
        self.summary, self.recorded, self.status, self.notes = f.summary, f.recorded, f.status, f.notes
        self.cxr_result, self.xpert_result, self.diagnosis = f.cxr_result, f.xpert_result, f.diagnosis
        self.treatment_started_at, self.treatment_facility = f.treatment_started_at, f.treatment_facility
        self.error, self.message, self.save_btn = f.error, f.message, f.save_btn

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

        for a, b in itertools.pairwise([self.stage_filter, self.refresh_btn, self.table, self.form.inputs()[0]]):
            QWidget.setTabOrder(a, b)

        self.stage_filter.currentIndexChanged.connect(self._filter_changed)
        self.refresh_btn.clicked.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _i: self.status.setFocus() if self.form.isEnabled() else None)
        self.model.modelReset.connect(self._restore_selection)
        self.model.dataChanged.connect(self._row_data_changed)
        self.model.rowsRemoved.connect(lambda *_a: self._current_changed(self.table.currentIndex()))
        self.form.submitted.connect(self.save)

    # ------------------------------------------------------------------ the list
    @property
    def current_filter(self) -> str:
        return str(self.stage_filter.currentData())

    def set_filter(self, filt: str) -> None:
        """Show referrals matching ``filt`` (one of FILTERS)."""
        i = self.stage_filter.findData(filt)
        if i < 0:
            raise ValueError(f"unknown filter {filt!r}")
        self.stage_filter.setCurrentIndex(i)

    def _filter_changed(self, _index: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Reload from the store, letting rows updated here leave the list if they no longer match."""
        self._keep.clear()
        self.reload()

    def reload(self) -> None:
        """Load the list for the current filter; only the newest request's answer is shown."""
        self.ctx.call(self.ctx.session.referrals.to_follow_up, self.current_filter, keep=dict(self._keep),
                      limit=LIST_LIMIT, on_done=self._loaded, on_error=self._load_failed, owner=self, latest="list")

    def _loaded(self, result: FollowUpList) -> None:
        rows, truncated = result
        self._finish_save()
        self.list_error.show_error("")
        self.model.replace_rows(rows)
        n = len(rows)
        text = self.tr("%n referral(s)", "", n)
        if truncated:
            text += " " + self.tr("(only the oldest are shown; choose a narrower filter)")
        self.count_label.setText(text)
        self._sync_form()
        self.loaded.emit(n)
        if self._saved_id is not None:
            rid, self._saved_id = self._saved_id, None
            self.saved.emit(rid)

    def _load_failed(self, exc: BaseException) -> None:
        self._finish_save()
        self._saved_id = None
        self.model.replace_rows([])
        self.list_error.show_error(error_message(exc))
        self.count_label.setText("")
        self.loaded.emit(0)

    def _on_changed(self, changes: Changes) -> None:
        if changes.referrals or changes.persons:
            self.reload()

    def _restore_selection(self) -> None:
        rec = self.form.record
        row = self.model.row_of(rec["id"]) if rec else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._load_form(None)

    def _row_data_changed(self, top: QModelIndex, bottom: QModelIndex, _roles: Any = None) -> None:
        cur = self.table.currentIndex()
        if cur.isValid() and top.row() <= cur.row() <= bottom.row():
            self._sync_form()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        self._load_form(self.model.record(current.row()) if current.isValid() else None)

    def _sync_form(self) -> None:
        cur = self.table.currentIndex()
        rec = self.model.record(cur.row()) if cur.isValid() else None
        if rec != self.form.record:
            self._load_form(rec)

    def select_referral(self, referral_id: str) -> bool:
        row = self.model.row_of(referral_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    # ------------------------------------------------------------------ the form
    def _load_form(self, rec: dict[str, Any] | None) -> None:
        stage = self.model.display(rec, ReferralsModel.Column.STAGE) if rec is not None else ""
        self.form.show_referral(rec, stage_text=stage, can_update=self.can_update, busy=self._saving)

    def field_visible(self, field: str) -> bool:
        """Whether the form currently offers the optional ``field`` (for tests and automation)."""
        return self.form.field_visible(field)

    def changes(self) -> dict[str, Any]:
        """The follow-up the form describes, as ``session.referrals.update`` takes it."""
        return self.form.changes()

    def save(self) -> None:
        """Record the follow-up (Enter or the Save button). A refusal is shown next to the form."""
        rec = self.form.record
        if rec is None or self._saving or not self.form.isEnabled() or self.status.currentData() is None:
            return
        changes = self.changes()
        self.form.clear_error()
        self.message.clear()
        self._saving = True
        self.save_btn.setEnabled(False)
        rid = rec["id"]
        self._keep.setdefault(rid, rec.get("status") or "referred")
        self.ctx.activity.emit()
        self.ctx.mutate(self.ctx.session.referrals.update, rid, changes,
                        on_done=lambda _c: self._saved(rid, changes), on_error=self._save_failed, owner=self)

    def _saved(self, rid: str, changes: Mapping[str, Any]) -> None:
        # ctx.changed has already asked for a reload; the form stays busy until it lands (then ``saved``)
        self._saved_id = rid
        self.message.setText(self.tr("Saved: %1.").replace("%1", stage_label(str(changes.get("status")))))

    def _finish_save(self) -> None:
        if self._saving and self._saved_id is not None:
            self._saving = False
            self.save_btn.setEnabled(True)
            self.form.set_busy(False, can_update=self.can_update)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_btn.setEnabled(True)
        self.form.set_busy(False, can_update=self.can_update)
        self.form.show_refusal(exc)
