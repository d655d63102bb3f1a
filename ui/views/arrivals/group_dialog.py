"""A handover group typed by hand, with no list (issue 11 point 1, "or type it"): how they came, the plate or number,
the handover reference and date, the referring authority, the return type and the expected head count. Checked by
the service (``session.arrivals.create_group``): a bad field is named in a translated message under the form and
nothing is written. Officers and supervisors (IMPORT_HANDOVER).

    dlg = GroupDialog(ctx)
    dlg.created.connect(lambda group_id: ...)
    dlg.open()          # Tab through the fields, Enter creates
"""

from __future__ import annotations

from typing import Any

from checkpoint.arrivals.codes import TRANSPORTS
from ui.context import AppContext
from ui.messages import error_message
from ui.qt import QComboBox, QDialog, QFormLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget, Signal
from ui.widgets.fields import CodeCombo, ErrorLabel

__all__ = ["GroupDialog"]


class GroupDialog(QDialog):
    created = Signal(str)        # the new group's id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("group_dialog")
        self.setWindowTitle(self.tr("New group"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.transport = QComboBox()
        self.transport.setObjectName("transport")
        self.transport.setAccessibleName(self.tr("Transport"))
        names = {"BUS": self.tr("Bus"), "TRUCK": self.tr("Truck"), "VAN": self.tr("Van"),
                 "ON_FOOT": self.tr("On foot"), "OTHER": self.tr("Other")}
        for t in TRANSPORTS:
            self.transport.addItem(names.get(t, t), t)
        form.addRow(self.tr("Transport"), self.transport)
        self.fields: dict[str, QLineEdit] = {}
        for key, title, hint in (("vehicle", self.tr("Plate or number"), ""),
                                 ("handover_ref", self.tr("Handover reference"), ""),
                                 ("handover_date", self.tr("Handover date"), self.tr("31/12/2026 or 2569-12-31")),
                                 ("authority", self.tr("Thai detention or referring authority"), ""),
                                 ("expected_count", self.tr("Expected head count"), "")):
            w = QLineEdit()
            w.setObjectName(key)
            w.setAccessibleName(title)
            w.setPlaceholderText(hint)
            form.addRow(title, w)
            self.fields[key] = w
        self.return_type = CodeCombo("return_type", "return_types", blank=None)
        self.return_type.set_value("DEPORTED_G2G")
        form.addRow(self.tr("Return type"), self.return_type)
        lay.addLayout(form)
        self.error = ErrorLabel("group_error", self.tr("Why the group was not created"))
        lay.addWidget(self.error)
        self.create_button = QPushButton(self.tr("&Create the group"))
        self.create_button.setObjectName("group_create")
        self.create_button.setDefault(True)          # Enter in any field creates
        self.create_button.clicked.connect(self.create_group)
        lay.addWidget(self.create_button)
        self.transport.setFocus()

    def values(self) -> dict[str, Any]:
        g: dict[str, Any] = {k: w.text().strip() for k, w in self.fields.items() if w.text().strip()}
        g["transport"] = self.transport.currentData()
        g["return_type"] = self.return_type.value()
        return g

    def create_group(self) -> None:
        self.create_button.setEnabled(False)           # one Enter, one group
        self.error.show_error("")
        self.ctx.mutate(self.ctx.session.arrivals.create_group, self.values(), on_done=self._done,
                        on_error=self._refused, owner=self)

    def _refused(self, e: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.error.show_error(error_message(e))

    def _done(self, result: Any) -> None:
        self.created.emit(result.group_id)
        self.accept()
