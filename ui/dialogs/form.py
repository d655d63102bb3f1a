"""The base of the small account forms: fields in a form layout, OK runs one service call, a refusal keeps the
dialog open with the error under the fields (and the focus on the field it names).

    class RoleDialog(FormDialog):
        def __init__(self, ctx, username, role, parent=None):
            super().__init__(ctx, title, ok_text, parent)
            self.role = self.add(label, role_combo(role), "role", accessible)
        def submit(self):
            self.run(self.ctx.session.users.set_role, self.target, self.role.currentData())
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from checkpoint.errors import ValidationError
from ui.context import AppContext
from ui.messages import error_message
from ui.models.users import passphrase_strength
from ui.qt import (
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
)
from ui.widgets.basic import text_label
from ui.widgets.fields import ErrorLabel

__all__ = ["FormDialog", "focus_first_field"]


W = TypeVar("W", bound=QWidget)


def focus_first_field(form: QFormLayout, buttons: QDialogButtonBox) -> None:
    """Put the focus on the form's first input and the dialog's buttons after its last one in the Tab chain.

    The button box is placed before the rows are added, so without this it comes first in the chain and the
    dialog opens with the focus on OK. Called from the dialogs' showEvent (the rows are all there by then)."""
    inputs: list[QWidget] = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        w = item.widget() if item is not None else None
        if isinstance(w, QStackedWidget):
            w = w.currentWidget()
        if w is not None and w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            inputs.append(w)
    if not inputs:
        return
    last = inputs[-1]
    for b in buttons.buttons():
        QWidget.setTabOrder(last, b)
        last = b
    inputs[0].setFocus(Qt.FocusReason.TabFocusReason)


class FormDialog(QDialog):
    """A small form that runs one service call on OK; the dialog stays open with the error if it is refused."""

    def __init__(self, ctx: AppContext, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.form = QFormLayout()
        self.error = ErrorLabel("error", QCoreApplication.translate("FormDialog", "Error"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("ok")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("FormDialog", "Cancel"))
        cancel.setObjectName("cancel")
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def showEvent(self, event: Any) -> None:   # a QShowEvent
        focus_first_field(self.form, self.buttons)
        super().showEvent(event)

    def add(self, label: str, w: W, name: str, accessible: str) -> W:
        """Add a row: ``w`` gets objectName ``name`` and an accessible name; its label's mnemonic focuses it."""
        w.setObjectName(name)
        w.setAccessibleName(accessible)
        lab = QLabel(label)
        lab.setBuddy(w)
        self.form.addRow(lab, w)
        return w

    def passphrase_fields(self, name: str = "passphrase") -> tuple[QLineEdit, QLineEdit, QLabel]:
        """A passphrase typed twice, with a strength hint that also says when the two differ."""
        first = QLineEdit()
        first.setEchoMode(QLineEdit.EchoMode.Password)
        again = QLineEdit()
        again.setEchoMode(QLineEdit.EchoMode.Password)
        self.add(QCoreApplication.translate("FormDialog", "&Passphrase"), first, name,
                 QCoreApplication.translate("FormDialog", "Passphrase"))
        self.add(QCoreApplication.translate("FormDialog", "Passphrase a&gain"), again, f"{name}_repeat",
                 QCoreApplication.translate("FormDialog", "Passphrase again"))
        hint = text_label("strength")
        hint.setAccessibleName(QCoreApplication.translate("FormDialog", "Passphrase strength"))
        self.form.addRow("", hint)

        def update() -> None:
            level, text = passphrase_strength(first.text())
            if first.text() and again.text() and first.text() != again.text():
                text += " " + QCoreApplication.translate("FormDialog", "The two passphrases differ.")
            hint.setText(text if first.text() else QCoreApplication.translate("FormDialog",
                                                                      "Use several words: at least 12 characters."))
            hint.setProperty("level", level)

        first.textChanged.connect(update)
        again.textChanged.connect(update)
        update()
        return first, again, hint

    def check_same(self, first: QLineEdit, again: QLineEdit) -> bool:
        if first.text() != again.text():
            self.error.show_error(QCoreApplication.translate("FormDialog",
                                                             "The two passphrases differ. Type the same passphrase "
                                                             "twice."))
            again.setFocus()
            again.selectAll()
            return False
        return True

    def submit(self) -> None:
        raise NotImplementedError

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.error.show_error("")
        self.ok_button.setEnabled(False)
        self.ctx.activity.emit()
        self.ctx.mutate(fn, *args, on_done=lambda _r: self._done(), on_error=self._failed, owner=self, **kwargs)

    def _done(self) -> None:
        self.ok_button.setEnabled(True)
        for w in self.findChildren(QLineEdit):
            if w.echoMode() == QLineEdit.EchoMode.Password:
                w.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error.show_error(error_message(exc))
        f = exc.field if isinstance(exc, ValidationError) else None
        w = self.findChild(QWidget, f) if f else None
        if w is not None:
            w.setFocus()
