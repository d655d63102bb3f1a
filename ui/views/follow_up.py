"""The follow-up form of the referrals screen: one TB referral's next stage, results, treatment and notes.

    form = FollowUpForm()
    form.show_referral(row, stage_text="Arrived at the facility", can_update=True, busy=False)
    form.submitted.connect(save)      # Enter or Return anywhere inside it (outside an open list), or Save
    form.changes()                    # {"status": "cxr_done", "cxr_result": "NORMAL", ...} for session.referrals.update

Only the fields the chosen stage needs are offered (a result not recorded yet, treatment details when treatment
starts); ``field_visible(field)`` says which. The form proposes the next stage of the cascade, never "lost to
follow-up" (one Enter must not close a referral) and nothing after a "not TB" diagnosis. Saving is the view's
(ui/views/referrals.py): the form only shows a refusal next to the field it names.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from checkpoint import codelists
from checkpoint.errors import ValidationError
from checkpoint.model.referral import CXR_RESULTS, DIAGNOSES, HEALTH_STAGES, XPERT_RESULTS
from ui.messages import error_message
from ui.models.referrals import FIELD_TITLES, field_title, result_label, stage_label, stages_after
from ui.qt import (
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QWidget,
    Signal,
)
from ui.text import code_label, code_text, local_date
from ui.widgets.fields import ErrorLabel

__all__ = ["FollowUpForm"]


class FollowUpForm(QGroupBox):
    """The form in its frame; ``submitted`` fires on Enter/Return inside it (while enabled) or on Save."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Follow-up"))
        self.setObjectName("follow_up")
        self._record: dict[str, Any] | None = None
        self._shown: dict[str, bool] = {}        # which optional fields are offered
        self._form = QFormLayout(self)
        self.summary = QLabel(self.tr("Choose a referral in the list."))
        self.summary.setObjectName("referral_summary")
        self.summary.setWordWrap(True)
        self.recorded = QLabel()
        self.recorded.setObjectName("recorded_results")
        self.recorded.setWordWrap(True)
        self._form.addRow(self.summary)
        self._form.addRow(self.recorded)

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
            facility_edit.returnPressed.connect(self.submitted)
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

        self.error = ErrorLabel("error", self.tr("Error"))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.save_btn = QPushButton(self.tr("&Save follow-up"))
        self.save_btn.setObjectName("save")
        self.save_btn.setAccessibleName(self.tr("Save follow-up"))
        self.save_btn.setToolTip(self.tr("Save (Enter)"))
        self._form.addRow(self.error)
        self._form.addRow(self.message)
        self._form.addRow(self.save_btn)

        for a, b in itertools.pairwise(self.inputs()):
            QWidget.setTabOrder(a, b)
        self.status.currentIndexChanged.connect(self._update_fields)
        self.save_btn.clicked.connect(self.submitted)
        self.show_referral(None, stage_text="", can_update=False, busy=False)

    def inputs(self) -> list[QWidget]:
        """The form's inputs and its Save button, in Tab order."""
        return [self.status, self.cxr_result, self.xpert_result, self.diagnosis, self.treatment_started_at,
                self.treatment_facility, self.notes, self.save_btn]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.isEnabled():
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)

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

    # ------------------------------------------------------------------ showing a referral
    @property
    def record(self) -> dict[str, Any] | None:
        """The referral row the form shows (None: nothing chosen)."""
        return self._record

    def show_referral(self, rec: dict[str, Any] | None, *, stage_text: str, can_update: bool, busy: bool) -> None:
        """Show ``rec`` (a row of the referrals list; None for none) and propose its next stage. The form is
        enabled when ``can_update``, not ``busy`` and the referral is still open. The message line is kept when
        the same referral is shown again (after its save), cleared for another one."""
        same = rec is not None and self._record is not None and rec["id"] == self._record["id"]
        self._record = rec
        self.clear_error()
        if not same:
            self.message.clear()
        self.status.blockSignals(True)
        self.status.clear()
        if rec is None:
            self.summary.setText(self.tr("Choose a referral in the list."))
            self.recorded.clear()
            self.setEnabled(False)
            self.status.blockSignals(False)
            self._update_fields()
            return
        name = " ".join(x for x in (rec.get("family_name"), rec.get("given_names")) if x)
        if rec.get("name_khmer"):
            name = f"{name} ({rec['name_khmer']})" if name else rec["name_khmer"]
        self.summary.setText(self.tr("%1, referred on %2 to %3. Stage: %4.")
                             .replace("%1", name).replace("%2", local_date(rec.get("created_at")))
                             .replace("%3", code_label("health_facilities", rec.get("agency_code")))
                             .replace("%4", stage_text))
        self.recorded.setText(self._recorded_text(rec))
        options = stages_after(rec.get("status") or "")
        for s in options:
            text = stage_label(s)
            if s == rec.get("status"):
                text = self.tr("%1 (current stage: add a result)").replace("%1", text)
            self.status.addItem(text, s)
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
        elif not can_update:
            self.message.setText(self.tr("Your role can see referrals but not record follow-up."))
        self.set_busy(busy, can_update=can_update)
        self._update_fields()

    def set_busy(self, busy: bool, *, can_update: bool) -> None:
        """Enable the form only for an open referral the role may update, and not while a save is under way."""
        rec = self._record
        self.setEnabled(rec is not None and can_update and not busy and bool(stages_after(rec.get("status") or "")))

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

    # ------------------------------------------------------------------ what it says
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

    def show_refusal(self, exc: BaseException) -> None:
        """Show why the service refused the follow-up, and put the focus on the field it names (if offered)."""
        field = exc.field if isinstance(exc, ValidationError) else None
        if isinstance(exc, ValidationError) and field in FIELD_TITLES:
            text = f"{field_title(field)}: {QCoreApplication.translate('Core', exc.detail)}"
        else:
            text = error_message(exc)
        self.error.show_error(text)
        w = self.findChild(QWidget, field) if field else None
        if field and w is not None and self.field_visible(field) and w.isEnabled():
            w.setFocus()

    def clear_error(self) -> None:
        self.error.show_error("")
