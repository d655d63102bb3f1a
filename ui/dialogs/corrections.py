"""Corrections of a person's record (from the record pane): correct an identity field, void a record. Both need a
reason, which is kept in the record's history.

    dlg = CorrectDialog(person, parent)         # person: the record's "person" dict
    dlg.submitted.connect(run_the_service_call) # values: {"field", "value", "reason"}; then accept()/show_error()
    dlg = VoidDialog([(text, record_type, record_id), ...], parent)   # values: {"record_type", "record_id", "reason"}
"""

from __future__ import annotations

from typing import Any

from checkpoint import codelists
from ui.dialogs.form import focus_first_field
from ui.messages import field_label
from ui.qt import (
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.text import code_label
from ui.widgets.fields import ErrorLabel

__all__ = ["CORRECTABLE", "CorrectDialog", "ReasonDialog", "VoidDialog"]

# Identity fields a "Correct…" dialog offers, with the code list behind the coded ones.
CORRECTABLE: tuple[tuple[str, str | None], ...] = (
    ("family_name", None), ("given_names", None), ("name_khmer", None), ("sex", "sexes"),
    ("date_of_birth", None), ("id_document_type", "id_document_types"), ("id_document_number", None),
    ("phone", None), ("home_province", "provinces"), ("home_district", None), ("home_commune", None),
    ("home_village", None),
)


class ReasonDialog(QDialog):
    """A small form with a required reason and an inline error line. ``submitted(values)`` fires on OK when the
    form is complete; the owner runs the service call and then calls ``accept()`` or ``show_error()``."""

    submitted = Signal(dict)

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName(field_label("reason"))
        self.reason.setPlaceholderText(QCoreApplication.translate("ReasonDialog", "Why is this needed? (required)"))
        self.reason.setMaxLength(500)
        self.error = ErrorLabel("form_error", QCoreApplication.translate("ReasonDialog", "Problem"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("ok")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ReasonDialog", "Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)

    def showEvent(self, event: Any) -> None:   # a QShowEvent
        focus_first_field(self.form, self.buttons)
        super().showEvent(event)

    def add_reason_row(self) -> None:
        self.form.addRow(field_label("reason"), self.reason)

    def values(self) -> dict[str, Any]:
        return {"reason": self.reason.text().strip()}

    def check(self, values: dict[str, Any]) -> tuple[str, QWidget | None]:
        """A translated problem with the form and the widget to fix it in, or ('', None) when it can be sent."""
        if len(values["reason"]) < 3:
            return (QCoreApplication.translate("ReasonDialog", "%1: give a reason (at least 3 characters).")
                    .replace("%1", field_label("reason")), self.reason)
        return "", None

    def show_error(self, message: str) -> None:
        self.error.show_error(message)
        self.ok_button.setEnabled(True)

    def _submit(self) -> None:
        values = self.values()
        problem, where = self.check(values)
        if problem:
            self.show_error(problem)
            if where is not None:
                where.setFocus()
            return
        self.error.show_error("")
        self.ok_button.setEnabled(False)      # until the service answers; no double submit
        self.submitted.emit(values)


class CorrectDialog(ReasonDialog):
    """Correct one identity field: the field, its new value (an editor named by the field id) and a reason."""

    def __init__(self, person: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("CorrectDialog", "Correct identity"),
                         QCoreApplication.translate("CorrectDialog", "Save correction"), parent)
        self._person = person
        self.field = QComboBox()
        self.field.setObjectName("field")
        self.field.setAccessibleName(self.tr("Field to correct"))
        self.editors = QStackedWidget()
        self._editor_by_field: dict[str, QComboBox | QLineEdit] = {}
        for field, list_name in CORRECTABLE:
            self.field.addItem(field_label(field), field)
            editor: QComboBox | QLineEdit
            if list_name:
                combo = QComboBox()
                for c in codelists.codes(list_name):
                    combo.addItem(code_label(list_name, c.code), c.code)
                i = combo.findData(person.get(field) or "")
                combo.setCurrentIndex(max(i, 0))
                editor = combo
            else:
                line = QLineEdit(str(person.get(field) or ""))
                if field == "date_of_birth":
                    line.setPlaceholderText(self.tr("YYYY-MM-DD"))
                editor = line
            editor.setObjectName(field)
            editor.setAccessibleName(self.tr("New value: %1").replace("%1", field_label(field)))
            self.editors.addWidget(editor)
            self._editor_by_field[field] = editor
        self.field.currentIndexChanged.connect(self.editors.setCurrentIndex)
        self.form.addRow(self.tr("Field"), self.field)
        self.form.addRow(self.tr("New value"), self.editors)
        self.add_reason_row()

    def editor(self, field: str) -> QComboBox | QLineEdit:
        return self._editor_by_field[field]

    def select_field(self, field: str) -> None:
        self.field.setCurrentIndex(self.field.findData(field))

    def values(self) -> dict[str, Any]:
        field = str(self.field.currentData())
        editor = self._editor_by_field[field]
        value = str(editor.currentData() or "") if isinstance(editor, QComboBox) else editor.text().strip()
        return {"field": field, "value": value, **super().values()}

    def check(self, values: dict[str, Any]) -> tuple[str, QWidget | None]:
        if values["value"] == str(self._person.get(values["field"]) or ""):
            return (self.tr("%1: the new value is the same as the recorded one.").replace(
                "%1", field_label(values["field"])), self._editor_by_field[values["field"]])
        return super().check(values)


class VoidDialog(ReasonDialog):
    """Mark a record as entered in error: which record, and a reason. It stays in the history."""

    def __init__(self, choices: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("VoidDialog", "Void a record"),
                         QCoreApplication.translate("VoidDialog", "Void"), parent)
        self.record = QComboBox()
        self.record.setObjectName("record_id")
        self.record.setAccessibleName(self.tr("Record to void"))
        for text, record_type, record_id in choices:
            self.record.addItem(text, (record_type, record_id))
        note = QLabel(self.tr("Voiding marks a record as entered in error. It is not deleted: it stays in the "
                              "history with your reason."))
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.form.addRow(self.tr("Record"), self.record)
        self.add_reason_row()

    def values(self) -> dict[str, Any]:
        record_type, record_id = self.record.currentData()
        return {"record_type": record_type, "record_id": record_id, **super().values()}
