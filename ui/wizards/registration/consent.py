"""Consent: each purpose asked separately — keeping the record, the TB screen, the trafficking interview, referral,
sharing (with each named agency of the directory), NEA job registration — with the wording read out and, for a
child, the guardian who consents."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checkpoint import codelists
from checkpoint.model.consent import wording
from checkpoint.workflows.registration import Step
from ui.qt import QFormLayout, QLabel, QListWidget, QListWidgetItem, Qt, QVBoxLayout, QWidget
from ui.text import code_label, content_language
from ui.widgets.fields import Check, TextField, name
from ui.wizards.registration.page import FlowPage

if TYPE_CHECKING:
    from ui.wizards.registration.wizard import RegistrationWizard

__all__ = ["ConsentPage"]

PURPOSES = ("tb_screen", "trafficking_interview", "nea_registration")


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
            "screening": Check("screening", self.tr("Both screens: the TB screen and the trafficking interview")),
            "tb_screen": Check("tb_screen", self.tr("The TB screen (health questions)")),
            "trafficking_interview": Check("trafficking_interview",
                                           self.tr("The trafficking interview (red flags and checklist)")),
            "referral": Check("referral", self.tr("Refer to an agency or health facility")),
            "sharing": Check("sharing", self.tr("Share the record with the named agencies")),
            "nea_registration": Check("nea_registration", self.tr("Register with the National Employment Agency")),
        }
        km = content_language() == "km"
        words = wording()
        for p in PURPOSES:
            en, kh = words.texts[p]
            self.f[p].setToolTip(kh if km else en)
        lay = QVBoxLayout(self)
        for w in self.f.values():
            lay.addWidget(w)
            w.edited.connect(self._edited)
        self.agencies = QListWidget()
        name(self.agencies, "sharing_agencies", self.tr("Agencies the person agrees to share the record with"))
        for c in codelists.agencies():
            it = QListWidgetItem(code_label("agencies", c.code))
            it.setData(Qt.ItemDataRole.UserRole, c.code)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.agencies.addItem(it)
        self.agencies.setMaximumHeight(110)
        self.agencies.itemChanged.connect(lambda _i: self.changed())
        lay.addWidget(QLabel(self.tr("Share with (names from the directory):")))
        lay.addWidget(self.agencies)
        self.guardian_box = QWidget()
        form = QFormLayout(self.guardian_box)
        self.guardian_name = TextField("guardian_name")
        self.guardian_rel = TextField("guardian_relationship")
        self.guardian_name.setAccessibleName(self.tr("Guardian's name"))
        self.guardian_rel.setAccessibleName(self.tr("Relationship to the child"))
        form.addRow(self.tr("A child: the guardian consents. Guardian's name"), self.guardian_name)
        form.addRow(self.tr("Relationship to the child"), self.guardian_rel)
        for t in (self.guardian_name, self.guardian_rel):
            t.edited.connect(self.changed)
        lay.addWidget(self.guardian_box)
        self.wording = QLabel()
        self.wording.setObjectName("consent_wording")
        self.wording.setWordWrap(True)
        lay.addWidget(self.wording)
        lay.addWidget(self.error)
        lay.addStretch(1)

    def _edited(self) -> None:
        """"Both screens" sets the two screens; either screen alone sets "both" to whether both are given."""
        sender = self.sender()
        if sender is self.f["screening"]:
            for p in ("tb_screen", "trafficking_interview"):
                self.f[p].blockSignals(True)
                self.f[p].set_value(self.f["screening"].value())
                self.f[p].blockSignals(False)
        elif sender in (self.f["tb_screen"], self.f["trafficking_interview"]):
            self.f["screening"].blockSignals(True)
            self.f["screening"].set_value(self.f["tb_screen"].value() and self.f["trafficking_interview"].value())
            self.f["screening"].blockSignals(False)
        self.changed()

    def load(self) -> None:
        values = {**self.flow.consents, **self.flow.purposes}
        if not self.flow.purposes and self.flow.consents.get("screening"):
            values.update(tb_screen=True, trafficking_interview=True)
        for k, w in self.f.items():
            w.blockSignals(True)
            w.set_value(values.get(k, False))
            w.blockSignals(False)
        self.agencies.blockSignals(True)
        for i in range(self.agencies.count()):
            it = self.agencies.item(i)
            on = it.data(Qt.ItemDataRole.UserRole) in self.flow.sharing_agencies
            it.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.agencies.blockSignals(False)
        self.guardian_name.set_value(self.flow.guardian.get("name", ""))
        self.guardian_rel.set_value(self.flow.guardian.get("relationship", ""))
        self.guardian_box.setVisible(self.flow.is_child())
        km = content_language() == "km"
        self.wording.setText("<small>" + self.tr("Consent wording version") + " " + wording().version + ". "
                             + (wording().texts["trafficking_interview"][1 if km else 0]) + "</small>")

    def store(self) -> None:
        self.flow.consents = {k: self.f[k].value() for k in ("storage", "screening", "referral", "sharing")}
        self.flow.purposes = {p: self.f[p].value() for p in PURPOSES}
        self.flow.sharing_agencies = [self.agencies.item(i).data(Qt.ItemDataRole.UserRole)
                                      for i in range(self.agencies.count())
                                      if self.agencies.item(i).checkState() == Qt.CheckState.Checked]
        if self.flow.is_child():
            self.flow.guardian = {"name": self.guardian_name.value(), "relationship": self.guardian_rel.value()}
        else:
            self.flow.guardian = {}
