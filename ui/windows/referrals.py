"""The health worker's referrals screen: TB referrals to follow up, and a form to record the next stage.

    view = ReferralsView(ctx)          # ctx: ui.context.AppContext
    view.stage_filter                  # open / all / each stage / lost to follow-up / closed
    view.table, view.model             # the referrals (ui.models.referrals.ReferralsModel)
    view.status, view.cxr_result, ...  # the follow-up form; Enter (or Save) records it

The list is ``session.referrals.to_follow_up``; follow-up goes through ``session.referrals.update``; the core
validates it (stages only move forward, results must fit, no treatment after a "not TB" diagnosis, no date in
the future) and a refusal is shown next to the form with nothing changed. A row just updated here stays in view
with its new stage until the filter is changed or the list refreshed, so the health worker sees what was recorded.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from checkpoint import codelists
from checkpoint.errors import ValidationError
from checkpoint.model.referral import CXR_RESULTS, DIAGNOSES, HEALTH_STAGES, STATUSES, XPERT_RESULTS
from checkpoint.model.roles import Permission, can
from checkpoint.services import FollowUpList
from ui.messages import error_message
from ui.models.referrals import (
    FIELD_TITLES,
    ReferralsModel,
    field_title,
    result_label,
    stage_label,
    stages_after,
)
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.text import code_label, code_text, local_date

__all__ = ["FILTERS", "LIST_LIMIT", "FollowUpBox", "ReferralsView"]

# The stage filter: "open" (still needs follow-up), "all", then each status.
FILTERS = ("open", "all", *STATUSES)
LIST_LIMIT = 1000   # per query: session.referrals has no paging yet


class FollowUpBox(QGroupBox):
    """The follow-up form's frame: Enter or Return anywhere inside it (outside an open list) submits."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.isEnabled():
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class ReferralsView(QWidget):
    """TB referrals with a stage filter and a follow-up form. Signals: ``saved(referral_id)`` after a
    follow-up was recorded, ``loaded(rows)`` after each (re)load of the list."""

    saved = Signal(str)
    loaded = Signal(int)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referrals_view")
        self.ctx = ctx
        self.model = ReferralsModel(self)
        self._generation = 0
        self._keep: dict[str, str] = {}          # ids updated here -> their status before; kept in view
        self._record: dict[str, Any] | None = None   # the referral the form shows
        self._saving = False                     # a save is in flight, or its reload has not landed yet
        self._saved_id: str | None = None        # saved; waiting for the reload that shows it
        self._shown: dict[str, bool] = {}        # which optional form fields are offered
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

        self.table = QTableView()
        self.table.setObjectName("referrals_table")
        self.table.setAccessibleName(self.tr("Referrals"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # long facility names give way (elided, full text in the tooltip) so urgency and stage stay in view
        header.setSectionResizeMode(ReferralsModel.Column.FACILITY, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list_error = QLabel()
        self.list_error.setObjectName("list_error")
        self.list_error.setWordWrap(True)
        self.list_error.setStyleSheet("color: #b00020;")
        self.list_error.hide()

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(top)
        lv.addWidget(self.list_error)
        lv.addWidget(self.table, 1)

        self.form_box = FollowUpBox(self.tr("Follow-up"))
        self.form_box.setObjectName("follow_up")
        form = QFormLayout(self.form_box)
        self._form = form
        self.summary = QLabel(self.tr("Choose a referral in the list."))
        self.summary.setObjectName("referral_summary")
        self.summary.setWordWrap(True)
        self.recorded = QLabel()
        self.recorded.setObjectName("recorded_results")
        self.recorded.setWordWrap(True)
        form.addRow(self.summary)
        form.addRow(self.recorded)

        self.status = QComboBox()
        self._setup(self.status, "status", self.tr("Next stage"))
        self.cxr_result = self._result_combo("cxr_result", CXR_RESULTS)
        self.xpert_result = self._result_combo("xpert_result", XPERT_RESULTS)
        self.diagnosis = self._result_combo("diagnosis", DIAGNOSES)
        self.treatment_started_at = QDateEdit()
        self._setup(self.treatment_started_at, "treatment_started_at", field_title("treatment_started_at"))
        self.treatment_started_at.setDisplayFormat("yyyy-MM-dd")
        self.treatment_started_at.setCalendarPopup(True)
        self.treatment_started_at.setMinimumDate(QDate(2000, 1, 1))
        self.treatment_started_at.setDate(QDate.currentDate())
        self.treatment_facility = QComboBox()
        self._setup(self.treatment_facility, "treatment_facility", field_title("treatment_facility"))
        self.treatment_facility.setEditable(True)
        self.treatment_facility.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for c in codelists.codes("health_facilities"):
            self.treatment_facility.addItem(code_text(c), c.code)
        facility_edit = self.treatment_facility.lineEdit()
        if facility_edit is not None:
            facility_edit.setAccessibleName(field_title("treatment_facility"))
            # an editable combo keeps the first Return for itself; Enter must still save
            facility_edit.returnPressed.connect(self.save)
        self.notes = QLineEdit()
        self._setup(self.notes, "notes", self.tr("Notes"))
        self.notes.setMaxLength(1000)

        self._add_row(self.tr("&Next stage"), self.status)
        self._add_row(self.tr("Chest &X-ray result"), self.cxr_result)
        self._add_row(self.tr("X&pert result"), self.xpert_result)
        self._add_row(self.tr("&Diagnosis"), self.diagnosis)
        self._add_row(self.tr("&Treatment started on"), self.treatment_started_at)
        self._add_row(self.tr("Treatment &facility"), self.treatment_facility)
        self._add_row(self.tr("N&otes"), self.notes)

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setAccessibleName(self.tr("Error"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.hide()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.save_btn = QPushButton(self.tr("&Save follow-up"))
        self.save_btn.setObjectName("save")
        self.save_btn.setAccessibleName(self.tr("Save follow-up"))
        self.save_btn.setToolTip(self.tr("Save (Enter)"))
        form.addRow(self.error)
        form.addRow(self.message)
        form.addRow(self.save_btn)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

        chain = [self.stage_filter, self.refresh_btn, self.table, self.status, self.cxr_result, self.xpert_result,
                 self.diagnosis, self.treatment_started_at, self.treatment_facility, self.notes, self.save_btn]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

        self.stage_filter.currentIndexChanged.connect(self._filter_changed)
        self.refresh_btn.clicked.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _i: self.status.setFocus() if self.form_box.isEnabled() else None)
        self.model.modelReset.connect(self._restore_selection)
        self.model.dataChanged.connect(self._row_data_changed)
        self.model.rowsRemoved.connect(lambda *_a: self._current_changed(self.table.currentIndex()))
        self.status.currentIndexChanged.connect(self._update_fields)
        self.form_box.submitted.connect(self.save)
        self.save_btn.clicked.connect(self.save)
        self._load_form(None)

    def _setup(self, w: QWidget, field: str, accessible: str) -> None:
        w.setObjectName(field)
        w.setAccessibleName(accessible)

    def _result_combo(self, field: str, codes: tuple[str, ...]) -> QComboBox:
        combo = QComboBox()
        self._setup(combo, field, field_title(field))
        combo.addItem(self.tr("Not recorded yet"), "")
        for code in codes:
            combo.addItem(result_label(field, code), code)
        return combo

    def _add_row(self, label: str, w: QWidget) -> None:
        lab = QLabel(label)
        lab.setBuddy(w)
        self._form.addRow(lab, w)

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
        self._generation += 1
        gen = self._generation
        self.ctx.call(self.ctx.session.referrals.to_follow_up, self.current_filter, keep=dict(self._keep),
                      limit=LIST_LIMIT, on_done=lambda res: self._loaded(gen, res),
                      on_error=lambda e: self._load_failed(gen, e), owner=self)

    def _loaded(self, gen: int, result: FollowUpList) -> None:
        if gen != self._generation:
            return   # a newer load is on its way
        rows, truncated = result
        self._finish_save()
        self.list_error.hide()
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

    def _load_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._generation:
            return
        self._finish_save()
        self._saved_id = None
        self.model.replace_rows([])
        self.list_error.setText(error_message(exc))
        self.list_error.show()
        self.count_label.setText("")
        self.loaded.emit(0)

    def _on_changed(self, changes: Any) -> None:
        if getattr(changes, "referrals", False) or getattr(changes, "persons", False):
            self.reload()

    def _restore_selection(self) -> None:
        rid = self._record["id"] if self._record else None
        row = self.model.row_of(rid) if rid else -1
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
        if rec != self._record:
            self._load_form(rec)

    def select_referral(self, referral_id: str) -> bool:
        row = self.model.row_of(referral_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    # ------------------------------------------------------------------ the form
    def _load_form(self, rec: dict[str, Any] | None) -> None:
        same = rec is not None and self._record is not None and rec["id"] == self._record["id"]
        self._record = rec
        self._clear_error()
        if not same:
            self.message.clear()
        self.status.blockSignals(True)
        self.status.clear()
        if rec is None:
            self.summary.setText(self.tr("Choose a referral in the list."))
            self.recorded.clear()
            self.form_box.setEnabled(False)
            self.status.blockSignals(False)
            self._update_fields()
            return
        name = " ".join(x for x in (rec.get("family_name"), rec.get("given_names")) if x)
        if rec.get("name_khmer"):
            name = f"{name} ({rec['name_khmer']})" if name else rec["name_khmer"]
        self.summary.setText(self.tr("%1, referred on %2 to %3. Stage: %4.")
                             .replace("%1", name).replace("%2", local_date(rec.get("created_at")))
                             .replace("%3", code_label("health_facilities", rec.get("agency_code")))
                             .replace("%4", self.model.display(rec, ReferralsModel.Column.STAGE)))
        self.recorded.setText(self._recorded_text(rec))
        options = stages_after(rec.get("status") or "")
        for s in options:
            text = stage_label(s)
            if s == rec.get("status"):
                text = self.tr("%1 (current stage: add a result)").replace("%1", text)
            self.status.addItem(text, s)
        # Propose the next cascade stage; never "lost to follow-up" (one Enter must not close a referral), and
        # nothing after a "not TB" diagnosis (treatment would be refused).
        nxt = 0
        if rec.get("diagnosis") != "NOT_TB":
            nxt = next((i for i, s in enumerate(options) if s not in (rec.get("status"), "lost_to_follow_up")), 0)
        self.status.setCurrentIndex(nxt if options else -1)
        self.status.blockSignals(False)
        for combo in (self.cxr_result, self.xpert_result, self.diagnosis):
            combo.setCurrentIndex(0)
        self.treatment_started_at.setDate(QDate.currentDate())
        facility = rec.get("treatment_facility") or rec.get("agency_code") or ""
        i = self.treatment_facility.findData(facility)
        if i >= 0:
            self.treatment_facility.setCurrentIndex(i)
        else:
            self.treatment_facility.setEditText(facility)
        self.notes.setText(rec.get("notes") or "")
        if not options:
            self.message.setText(self.tr("This referral is closed; nothing more can be recorded on it."))
        elif not self.can_update:
            self.message.setText(self.tr("Your role can see referrals but not record follow-up."))
        self.form_box.setEnabled(self._form_allowed())
        self._update_fields()

    def _form_allowed(self) -> bool:
        return (self._record is not None and self.can_update and not self._saving
                and bool(stages_after(self._record.get("status") or "")))

    def _recorded_text(self, rec: Mapping[str, Any]) -> str:
        lines = [f"{field_title(f)}: {result_label(f, rec[f])}" for f in ("cxr_result", "xpert_result", "diagnosis")
                 if rec.get(f)]
        if rec.get("treatment_started_at"):
            lines.append(f"{field_title('treatment_started_at')}: {rec['treatment_started_at']}")
        if rec.get("treatment_facility"):
            lines.append(f"{field_title('treatment_facility')}: "
                         f"{code_label('health_facilities', rec['treatment_facility'])}")
        return "\n".join(lines)

    def _update_fields(self, _index: int = -1) -> None:
        stage = self.status.currentData()
        rec = self._record or {}

        def reached(s: str) -> bool:
            return stage in HEALTH_STAGES and HEALTH_STAGES.index(stage) >= HEALTH_STAGES.index(s)

        show = {
            self.cxr_result: reached("cxr_done") and not rec.get("cxr_result"),
            self.xpert_result: reached("xpert_done") and not rec.get("xpert_result"),
            self.diagnosis: reached("diagnosed") and not rec.get("diagnosis"),
            self.treatment_started_at: stage == "treatment_started",
            self.treatment_facility: stage == "treatment_started",
        }
        for w, visible in show.items():
            self._shown[w.objectName()] = bool(visible)
            self._form.setRowVisible(w, bool(visible))

    def field_visible(self, field: str) -> bool:
        """Whether the form currently offers the optional ``field`` (for tests and automation)."""
        return self._shown.get(field, True)

    def changes(self) -> dict[str, Any]:
        """The follow-up the form describes, as ``session.referrals.update`` takes it."""
        rec = self._record or {}
        out: dict[str, Any] = {"status": self.status.currentData()}
        for combo in (self.cxr_result, self.xpert_result, self.diagnosis):
            if self._shown.get(combo.objectName()) and combo.currentData():
                out[combo.objectName()] = combo.currentData()
        if self._shown.get("treatment_started_at"):
            out["treatment_started_at"] = self.treatment_started_at.date().toString("yyyy-MM-dd")
            text = self.treatment_facility.currentText().strip()
            i = self.treatment_facility.currentIndex()
            if i >= 0 and self.treatment_facility.itemText(i) == text:
                out["treatment_facility"] = self.treatment_facility.itemData(i)
            else:
                out["treatment_facility"] = text
        notes = self.notes.text().strip()
        if notes != (rec.get("notes") or ""):
            out["notes"] = notes
        return out

    def save(self) -> None:
        """Record the follow-up (Enter or the Save button). A refusal is shown next to the form."""
        rec = self._record
        if rec is None or self._saving or not self.form_box.isEnabled() or self.status.currentData() is None:
            return
        changes = self.changes()
        self._clear_error()
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
            self.form_box.setEnabled(self._form_allowed())

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_btn.setEnabled(True)
        self.form_box.setEnabled(self._form_allowed())
        field = getattr(exc, "field", None) if isinstance(exc, ValidationError) else None
        if field in FIELD_TITLES:
            text = f"{field_title(field)}: {QCoreApplication.translate('Core', exc.detail)}"
        else:
            text = error_message(exc)
        self.error.setText(text)
        self.error.show()
        w = self.findChild(QWidget, field) if field else None
        if w is not None and self.field_visible(field) and w.isEnabled():
            w.setFocus()

    def _clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
