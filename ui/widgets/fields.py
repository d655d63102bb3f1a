"""Small input widgets that follow the house rules: objectName is the field id, an accessible name is set,
values go in and out as plain Python values, and a change signal fires on every edit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from checkpoint import codelists
from ui.messages import field_label
from ui.qt import QCheckBox, QComboBox, QCoreApplication, QLabel, QLineEdit, QSpinBox, Qt, QWidget, QWizard, Signal
from ui.text import code_text


def name(widget: QWidget, field: str, label: str | None = None) -> QWidget:
    widget.setObjectName(field)
    widget.setAccessibleName(label or field_label(field))
    return widget


class CodeCombo(QComboBox):
    """A combo over a code list (labels in the current language); value() is the code or ''."""

    edited = Signal()

    def __init__(self, field: str, list_name: str | None = None, *, items: Iterable[tuple[str, str]] = (),
                 blank: str | None = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name(self, field)
        if blank is not None:
            self.addItem(blank or "—", "")
        if list_name:
            for c in codelists.codes(list_name):
                self.addItem(code_text(c), c.code)
        for code, label in items:
            self.addItem(label, code)
        self.currentIndexChanged.connect(lambda _i: self.edited.emit())

    def value(self) -> str:
        return str(self.currentData() or "")

    def set_value(self, code: Any) -> None:
        """Select ``code``; nothing given selects the blank (or the first item); a code the list does not hold
        selects nothing (shown empty, value() ''), never some other code."""
        i = self.findData(code or "")
        self.setCurrentIndex(i if code else max(i, 0))


class TextField(QLineEdit):
    edited = Signal()

    def __init__(self, field: str, *, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name(self, field)
        if placeholder:
            self.setPlaceholderText(placeholder)
        self.textEdited.connect(lambda _t: self.edited.emit())

    def value(self) -> str:
        return self.text().strip()

    def set_value(self, v: Any) -> None:
        self.setText("" if v is None else str(v))


class IntField(QSpinBox):
    """A spin box whose minimum shows as blank: value() is None until a number is typed."""

    edited = Signal()

    def __init__(self, field: str, *, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name(self, field)
        self.setRange(-1, maximum)
        self.setSpecialValueText(" ")
        self.setValue(-1)
        self.valueChanged.connect(lambda _v: self.edited.emit())

    # The fields' common protocol (value/set_value, None for "not given") differs from QSpinBox.value(), which only
    # Python callers reach: Qt itself never calls it through this override.
    def value(self) -> int | None:  # type: ignore[override]
        v = super().value()
        return None if v < 0 else v

    def set_value(self, v: Any) -> None:
        self.setValue(-1 if v is None else int(v))


class YesNo(QComboBox):
    """Unknown / yes / no — the honest answer to many journey questions is 'not asked' or 'unknown'."""

    edited = Signal()

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name(self, field)
        # Item data are strings: Python bools stored in a QVariant trip a refcount bug in PySide6 6.12
        # ("deallocating True or False" at exit).
        self.addItem(self.tr("Not known"), "")
        self.addItem(self.tr("Yes"), "yes")
        self.addItem(self.tr("No"), "no")
        self.currentIndexChanged.connect(lambda _i: self.edited.emit())

    def value(self) -> bool | None:
        return {"yes": True, "no": False}.get(str(self.currentData() or ""))

    def set_value(self, v: Any) -> None:
        self.setCurrentIndex({None: 0, True: 1, False: 2}.get(v, 0))


class Check(QCheckBox):
    edited = Signal()

    def __init__(self, field: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        name(self, field, text)
        self.toggled.connect(lambda _b: self.edited.emit())

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, v: Any) -> None:
        self.setChecked(bool(v))


class ErrorLabel(QLabel):
    """The one inline error line of the app, under a field, a form, a list or a page: red plain text (messages may
    quote what was typed: never markup), selectable, announced by screen readers, hidden while empty.

        error = ErrorLabel("users_error", accessible)    # objectName, accessible name (default: the objectName)
        error.show_error(error_message(exc))                    # shows it; show_error("") hides it
    """

    STYLE = "color: #b00020;"

    def __init__(self, object_name: str, accessible_name: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name if accessible_name is not None else object_name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(self.STYLE)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def translate_wizard_buttons(wizard: QWizard) -> None:
    """Qt ships no Khmer translation of its own buttons: name the wizard's buttons through our tr()."""
    for button, text in ((QWizard.WizardButton.BackButton, QCoreApplication.translate("Wizard", "< Back")),
                         (QWizard.WizardButton.NextButton, QCoreApplication.translate("Wizard", "Next >")),
                         (QWizard.WizardButton.CancelButton, QCoreApplication.translate("Wizard", "Cancel")),
                         (QWizard.WizardButton.FinishButton, QCoreApplication.translate("Wizard", "Finish"))):
        wizard.setButtonText(button, text)
