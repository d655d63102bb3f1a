"""The trafficking-indicator checklist (adult or child items by age), with its result as the officer ticks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checkpoint import screening
from checkpoint.errors import ValidationError
from checkpoint.workflows.registration import Step
from ui.messages import error_message
from ui.qt import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QScrollArea, Qt, QVBoxLayout, QWidget
from ui.text import content_language
from ui.widgets.fields import IntField, name
from ui.wizards.registration.outcomes import outcome_text
from ui.wizards.registration.page import FlowPage

if TYPE_CHECKING:
    from ui.wizards.registration.wizard import RegistrationWizard

__all__ = ["TraffickingPage"]


class TraffickingPage(FlowPage):
    step = Step.TRAFFICKING

    def __init__(self, wiz: RegistrationWizard) -> None:
        super().__init__(wiz)
        self.setTitle(self.tr("Trafficking indicators"))
        self.setSubTitle(self.tr("Tick what the person describes. Each dimension is judged on its own."))

    def build(self) -> None:
        self.boxes: dict[str, QCheckBox] = {}
        self.inner = QWidget()
        self.inner_lay = QVBoxLayout(self.inner)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setObjectName("trafficking_items")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)       # not a Tab stop: Tab goes from box to box
        scroll.setWidget(self.inner)
        self.result = QLabel()
        self.result.setObjectName("trafficking_result")
        self.result.setAccessibleName(self.tr("Checklist result"))
        self.result.setWordWrap(True)
        self.age_exp = IntField("age_at_exploitation", maximum=120)
        self.age_exp.edited.connect(self._age_changed)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Age when exploited, if different (optional)")))
        row.addWidget(self.age_exp)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.result)
        lay.addWidget(self.error)
        self._built_for: int | None = None

    def _age(self) -> int | None:
        return self.flow.age_at_exploitation if self.flow.age_at_exploitation is not None else self.flow.age()

    def _build(self) -> None:
        age = self._age()
        if age is None or self._built_for == (age < 18):
            return
        self._built_for = age < 18
        while self.inner_lay.count():
            layout_item = self.inner_lay.takeAt(0)
            w = layout_item.widget() if layout_item is not None else None
            if w is not None:
                w.deleteLater()
        self.boxes.clear()
        km = content_language() == "km"
        names = {code: (name_km if km and name_km else name_en) for code, name_en, name_km in screening.DIMENSIONS}
        groups: dict[str, QVBoxLayout] = {}
        for item in screening.trafficking_items(age=age):
            if item.dimension not in groups:
                box = QGroupBox(f"{item.dimension} — {names.get(item.dimension, item.dimension)}")
                groups[item.dimension] = QVBoxLayout(box)
                self.inner_lay.addWidget(box)
            text = item.question_km if km and item.question_km else item.question_en
            cb = QCheckBox(f"{text}")
            name(cb, item.id, f"{item.id} {item.question_en}")
            guidance = item.guidance_km if km and item.guidance_km else item.guidance_en
            cb.setToolTip(f"{item.id} · {item.title}\n{guidance}")
            cb.toggled.connect(self.changed)
            groups[item.dimension].addWidget(cb)
            self.boxes[item.id] = cb
        self.flow.ticked &= set(self.boxes)

    def _age_changed(self) -> None:
        self.flow.age_at_exploitation = self.age_exp.value()
        self._build()
        self.load()
        self.changed()

    def load(self) -> None:
        self.age_exp.blockSignals(True)
        self.age_exp.set_value(self.flow.age_at_exploitation)
        self.age_exp.blockSignals(False)
        self._build()
        for k, cb in self.boxes.items():
            cb.blockSignals(True)
            cb.setChecked(k in self.flow.ticked)
            cb.blockSignals(False)
        self._show_result()

    def store(self) -> None:
        self.flow.ticked = {k for k, cb in self.boxes.items() if cb.isChecked()}
        self._show_result()

    def _show_result(self) -> None:
        try:
            r = self.flow.trafficking_result()
        except ValidationError as e:
            self.result.setText(error_message(e))
            return
        flags = []
        if "CHILD_PROTECTION" in r.flags:
            flags.append(self.tr("Child: refer to child protection."))
        if "UNVERIFIED_GRADE_USED" in r.flags:
            flags.append(self.tr("An indicator whose grade is not yet verified was used."))
        self.result.setText("<b>" + outcome_text(r.outcome) + "</b><br>" + " ".join(flags) + "<br><small>"
                            + "<br>".join(r.explanation[2:]) + "</small>")
