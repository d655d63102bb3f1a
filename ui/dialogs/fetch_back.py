"""Fetch a minimised record back from HQ (issue 12, point 6): a supervisor says why the case needs it (required;
HQ and this device both keep the reason). The record pane runs the fetch on the network pool, never on the GUI
thread."""

from __future__ import annotations

from ui.dialogs.corrections import ReasonDialog
from ui.qt import QCoreApplication, QLabel, Qt, QWidget

__all__ = ["FetchBackDialog"]


class FetchBackDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("FetchBackDialog", "Fetch back from HQ"),
                         QCoreApplication.translate("FetchBackDialog", "Fetch back"), parent)
        note = QLabel(self.tr("The protection section and notes of this record come back from HQ and stay on this "
                              "laptop for another retention period. Say why this case needs them: HQ and this "
                              "device both keep the reason."))
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.add_reason_row()
