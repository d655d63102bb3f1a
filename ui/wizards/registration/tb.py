"""The TB symptom and risk screen, with its result as the officer ticks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checkpoint.errors import ValidationError
from checkpoint.workflows.registration import Step
from ui.messages import error_message
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
        self.f: dict[str, Any] = {
            "cough": Check("TB-S1", self.tr("Cough now")),
            "cough_days": IntField("TB-S1d", maximum=3650),
            "haemoptysis": Check("TB-S2", self.tr("Coughing up blood")),
            "fever": Check("TB-S3", self.tr("Fever")),
            "night_sweats": Check("TB-S4", self.tr("Night sweats")),
            "weight_loss": Check("TB-S5", self.tr("Weight loss without trying")),
            "poor_weight_gain": Check("TB-S6", self.tr("Poor weight gain (children under 15)")),
            "hiv": CodeCombo("TB-R1", items=[("unknown", self.tr("Not known / not asked")),
                                             ("negative", self.tr("Negative")), ("positive", self.tr("Positive"))],
                             blank=None),
            "contact": Check("TB-R2", self.tr("Lives with or is close to someone with TB")),
            "previous_tb": Check("TB-R3", self.tr("Treated for TB before")),
            "diabetes": Check("TB-R4", self.tr("Diabetes")),
            "recent_detention": Check("TB-R5", self.tr("Recently held in prison or immigration detention")),
        }
        self.f["cough_days"].setAccessibleName(self.tr("Days of cough"))
        self.f["hiv"].setAccessibleName(self.tr("HIV status (optional, sensitive)"))
        self.result = QLabel()
        self.result.setObjectName("tb_result")
        self.result.setAccessibleName(self.tr("TB screen result"))
        self.result.setWordWrap(True)
        form = QFormLayout(self)
        for k, w in self.f.items():
            if isinstance(w, Check):
                form.addRow(w)
            elif k == "cough_days":
                form.addRow(self.tr("Days of cough"), w)
            else:
                form.addRow(self.tr("HIV status (optional, sensitive)"), w)
            w.edited.connect(self.changed)
        form.addRow(self.result)
        form.addRow(self.error)

    def load(self) -> None:
        if "recent_detention" not in self.flow.tb and self.flow.encounter.get("detained_before_return"):
            self.flow.tb["recent_detention"] = True
        for k, w in self.f.items():
            w.blockSignals(True)
            w.set_value(self.flow.tb.get(k, "unknown" if k == "hiv" else None))
            w.blockSignals(False)
        child = (self.flow.age() or 99) < 15
        self.f["poor_weight_gain"].setVisible(child)
        self._show_result()

    def store(self) -> None:
        tb = {k: w.value() for k, w in self.f.items()}
        self.f["cough_days"].setEnabled(bool(tb["cough"]))
        self.flow.tb = {k: v for k, v in tb.items() if v is not None and v is not False}
        self._show_result()

    def _show_result(self) -> None:
        self.f["cough_days"].setEnabled(bool(self.flow.tb.get("cough")))
        try:
            r = self.flow.tb_result()
        except ValidationError as e:
            self.result.setText(error_message(e))
            return
        self.result.setText("<b>" + outcome_text(r.outcome) + "</b><br><small>" + "<br>".join(r.explanation)
                            + "</small>")
