"""An officer's own referral (issue 12, point 4): an agency from the directory, how urgent, and why.

Ctrl+D marks it immediate danger (one shortcut, from anywhere in the dialog). The urgency offered first is the one
the service suggests (raised when a controlling person is present). ``value()`` is what ``Referrals.refer`` (from a
record) or the registration's referral list (from the review page) takes.
"""

from __future__ import annotations

from typing import Any

from ui.qt import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QRadioButton,
    QShortcut,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.fields import CodeCombo, ErrorLabel, TextField, name

__all__ = ["IMMEDIATE_DANGER_SHORTCUT", "ReferDialog"]

IMMEDIATE_DANGER_SHORTCUT = "Ctrl+D"
URGENCIES = ("ROUTINE", "SAME_DAY", "IMMEDIATE_DANGER")


class ReferDialog(QDialog):
    def __init__(self, suggested_urgency: str = "ROUTINE", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refer_dialog")
        self.setWindowTitle(self.tr("Refer the person"))
        self.agency = CodeCombo("agency_code", "agencies")
        self.agency.setAccessibleName(self.tr("Agency"))
        labels = {"ROUTINE": self.tr("Routine"), "SAME_DAY": self.tr("Same day"),
                  "IMMEDIATE_DANGER": self.tr("Immediate danger (Ctrl+D)")}
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        row = QHBoxLayout()
        for u in URGENCIES:
            rb = QRadioButton(labels[u])
            name(rb, f"urgency_{u}", labels[u])
            self.group.addButton(rb)
            self.radios[u] = rb
            row.addWidget(rb)
        self.radios.get(suggested_urgency, self.radios["ROUTINE"]).setChecked(True)
        self.reason = TextField("reason")
        self.reason.setAccessibleName(self.tr("Why you refer the person"))
        self.error = ErrorLabel("refer_error")
        form = QFormLayout()
        form.addRow(self.tr("Agency"), self.agency)
        form.addRow(self.tr("Urgency"), row)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Refer"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        if suggested_urgency != "ROUTINE":
            lay.addWidget(QLabel(self.tr("Suggested urgency is raised: a controlling person was present.")))
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        danger = QShortcut(QKeySequence(IMMEDIATE_DANGER_SHORTCUT), self)
        danger.activated.connect(self.mark_immediate_danger)
        self.agency.setFocus()

    def mark_immediate_danger(self) -> None:
        self.radios["IMMEDIATE_DANGER"].setChecked(True)

    def urgency(self) -> str:
        return next(u for u, rb in self.radios.items() if rb.isChecked())

    def value(self) -> dict[str, Any]:
        return {"agency_code": self.agency.value(), "urgency": self.urgency(), "reason": self.reason.value()}

    def _ok(self) -> None:
        v = self.value()
        if not v["agency_code"]:
            self.error.show_error(self.tr("Choose the agency."))
            self.agency.setFocus()
            return
        if not v["reason"]:
            self.error.show_error(self.tr("Say why you refer the person."))
            self.reason.setFocus()
            return
        self.accept()
