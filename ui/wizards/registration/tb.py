"""The TB symptom and risk screen, with its result as the officer ticks."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from checkpoint.errors import ValidationError
from checkpoint.workflows.registration import Step
from ui.messages import core_message, error_message
from ui.qt import QFormLayout, QLabel
from ui.widgets.fields import Check, CodeCombo, IntField
from ui.wizards.registration.outcomes import outcome_text
from ui.wizards.registration.page import FlowPage

if TYPE_CHECKING:
    from ui.wizards.registration.wizard import RegistrationWizard

__all__ = ["TBPage"]


class TBPage(FlowPage):
    step = Step.TB

    def __init__(self, wiz: RegistrationWizard) -> None:
        super().__init__(wiz)
        self.setTitle(self.tr("TB screen"))

    def build(self) -> None:
        self.f: dict[str, Any] = {
            "TB-S1": Check("TB-S1", self.tr("Cough now")),
            "TB-S1d": IntField("TB-S1d", maximum=3650),
            "TB-S2": Check("TB-S2", self.tr("Coughing up blood")),
            "TB-S3": Check("TB-S3", self.tr("Fever")),
            "TB-S4": Check("TB-S4", self.tr("Night sweats")),
            "TB-S5": Check("TB-S5", self.tr("Weight loss without trying")),
            "TB-S6": Check("TB-S6", self.tr("Poor weight gain (children under 15)")),
            "TB-R1": CodeCombo("TB-R1", items=[("unknown", self.tr("Not known / not asked")),
                                             ("negative", self.tr("Negative")), ("positive", self.tr("Positive"))],
                             blank=None),
            "TB-R2": Check("TB-R2", self.tr("Lives with or is close to someone with TB")),
            "TB-R3": Check("TB-R3", self.tr("Treated for TB before")),
            "TB-R4": Check("TB-R4", self.tr("Diabetes")),
            "TB-R5": Check("TB-R5", self.tr("Recently held in prison or immigration detention")),
        }
        self.f["TB-S1d"].setAccessibleName(self.tr("Days of cough"))
        self.f["TB-R1"].setAccessibleName(self.tr("HIV status (optional, sensitive)"))
        self.result = QLabel()
        self.result.setObjectName("tb_result")
        self.result.setAccessibleName(self.tr("TB screen result"))
        self.result.setWordWrap(True)
        form = QFormLayout(self)
        for k, w in self.f.items():
            if isinstance(w, Check):
                form.addRow(w)
            elif k == "TB-S1d":
                form.addRow(self.tr("Days of cough"), w)
            else:
                form.addRow(self.tr("HIV status (optional, sensitive)"), w)
            w.edited.connect(self.changed)
        form.addRow(self.result)
        form.addRow(self.error)

    def load(self) -> None:
        if "TB-R5" not in self.flow.tb and self.flow.encounter.get("detained_before_return"):
            self.flow.tb["TB-R5"] = True
        for k, w in self.f.items():
            w.blockSignals(True)
            w.set_value(self.flow.tb.get(k, "unknown" if k == "TB-R1" else None))
            w.blockSignals(False)
        child = (self.flow.age() or 99) < 15
        self.f["TB-S6"].setVisible(child)
        self._show_result()

    def store(self) -> None:
        tb = {k: w.value() for k, w in self.f.items()}
        self.f["TB-S1d"].setEnabled(bool(tb["TB-S1"]))
        self.flow.tb = {k: v for k, v in tb.items() if v is not None and v is not False}
        self._show_result()

    def _show_result(self) -> None:
        self.f["TB-S1d"].setEnabled(bool(self.flow.tb.get("TB-S1")))
        try:
            r = self.flow.tb_result()
        except ValidationError as e:
            self.result.setText(error_message(e))
            return
        lines = "<br>".join(html.escape(core_message(m)) for m in r.explanation_messages)
        self.result.setText("<b>" + outcome_text(r.outcome) + "</b><br><small>" + lines + "</small>")
