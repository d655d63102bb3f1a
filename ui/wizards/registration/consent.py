"""Consent: each purpose asked separately (keeping the record, screening, referral, sharing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checkpoint.workflows.registration import Step
from ui.qt import QVBoxLayout
from ui.widgets.fields import Check
from ui.wizards.registration.page import FlowPage

if TYPE_CHECKING:
    from ui.wizards.registration.wizard import RegistrationWizard

__all__ = ["ConsentPage"]


class ConsentPage(FlowPage):
    step = Step.CONSENT

    def __init__(self, wiz: RegistrationWizard) -> None:
        super().__init__(wiz)
        self.setTitle(self.tr("Consent"))
        self.setSubTitle(self.tr("Explain each purpose and ask separately. The person may refuse any of them, stop "
                                 "at any time, and need not answer every question."))

    def build(self) -> None:
        self.f = {
            "storage": Check("storage", self.tr("Keep this record (needed to save it)")),
            "screening": Check("screening", self.tr("Ask the trafficking and TB screening questions")),
            "referral": Check("referral", self.tr("Refer to an agency or health facility")),
            "sharing": Check("sharing", self.tr("Share the record with the named agencies")),
        }
        lay = QVBoxLayout(self)
        for w in self.f.values():
            lay.addWidget(w)
            w.edited.connect(self.changed)
        lay.addWidget(self.error)
        lay.addStretch(1)

    def load(self) -> None:
        for k, w in self.f.items():
            w.blockSignals(True)
            w.set_value(self.flow.consents.get(k, False))
            w.blockSignals(False)

    def store(self) -> None:
        self.flow.consents = {k: w.value() for k, w in self.f.items()}
