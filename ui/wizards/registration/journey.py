"""Journey: how the person came back, where they worked, debts, detention, whether they want a job referral."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checkpoint.workflows.registration import Step
from ui.messages import field_label
from ui.qt import QFormLayout
from ui.widgets.fields import Check, CodeCombo, IntField, TextField, YesNo
from ui.wizards.registration.page import FlowPage

if TYPE_CHECKING:
    from ui.wizards.registration.wizard import RegistrationWizard

__all__ = ["JourneyPage"]


class JourneyPage(FlowPage):
    step = Step.JOURNEY

    def __init__(self, wiz: RegistrationWizard) -> None:
        super().__init__(wiz)
        self.setTitle(self.tr("Journey"))

    def build(self) -> None:
        self.f: dict[str, Any] = {
            "return_type": CodeCombo("return_type", "return_types"),
            "country_of_work": CodeCombo("country_of_work", "countries"),
            "province_of_work": TextField("province_of_work"),
            # issue 12: the work abroad in the officers' words; its sector (ISIC) follows behind the scenes
            "work_type": CodeCombo("work_type", "work_types"),
            "duration_abroad_months": IntField("duration_abroad_months", maximum=720),
            "migration_channel": CodeCombo("migration_channel", "migration_channels"),
            "recruiter_relationship": CodeCombo("recruiter_relationship", "recruiter_relationships"),
            "debt_owed": YesNo("debt_owed"),
            "detained_before_return": YesNo("detained_before_return"),
            "detention_days": IntField("detention_days", maximum=3650),
            "wants_job_referral": YesNo("wants_job_referral"),
            "interpreter_used": Check("interpreter_used", self.tr("Interpreter used")),
            "controlling_person_present": Check("controlling_person_present",
                                                self.tr("A person who seems to control them is present "
                                                        "(interview them separately)")),
        }
        form = QFormLayout(self)
        for k, w in self.f.items():
            if isinstance(w, Check):
                form.addRow(w)
            else:
                form.addRow(field_label(k), w)
            w.edited.connect(self.changed)
        form.addRow(self.error)

    def load(self) -> None:
        for k, w in self.f.items():
            w.blockSignals(True)
            w.set_value(self.flow.encounter.get(k, "THA" if k == "country_of_work" else None))
            w.blockSignals(False)

    def store(self) -> None:
        e = {k: w.value() for k, w in self.f.items()}
        keep = {k: v for k, v in self.flow.encounter.items() if k not in self.f}     # e.g. a draft's sector_of_work
        self.flow.encounter = {**keep, **{k: v for k, v in e.items() if v not in ("", None)}}
        if e.get("work_type"):
            self.flow.encounter.pop("sector_of_work", None)      # derived from the work type when saved
