"""Review and save: a summary, the suggested referrals (untick to leave one out), and Save."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from checkpoint.errors import ValidationError
from checkpoint.screening.safety import MSG_SAFETY_LABEL
from checkpoint.screening.trafficking import MSG_CHECKLIST, MSG_DIMENSION, MSG_EACH_DIMENSION
from checkpoint.workflows.registration import Step
from ui.dialogs.refer import ReferDialog
from ui.messages import core_message, error_message, field_label, fill, tr
from ui.qt import QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QPushButton, Qt, QVBoxLayout
from ui.text import code_label, content_language, local_date
from ui.widgets.fields import name
from ui.wizards.registration.outcomes import outcome_text
from ui.wizards.registration.page import FlowPage

if TYPE_CHECKING:
    from ui.wizards.registration.wizard import RegistrationWizard

__all__ = ["ReviewPage"]

_COUNTS = (MSG_CHECKLIST, MSG_EACH_DIMENSION, MSG_DIMENSION)


class ReviewPage(FlowPage):
    step = Step.REVIEW

    def __init__(self, wiz: RegistrationWizard) -> None:
        super().__init__(wiz)
        self.setTitle(self.tr("Review and save"))
        self.summary = QLabel()
        self.summary.setObjectName("review_summary")
        self.summary.setWordWrap(True)
        # What the officer reads aloud, each a whole translated sentence (issue 12 point 7): the ILO rule's
        # explanation, the safety rule's reasons, why the pre-screen sends the person to the private room.
        self.explanation = self._text("review_explanation", self.tr("Why: the ILO rule"))
        self.safety = self._text("review_safety", tr("Core", MSG_SAFETY_LABEL))
        self.prescreen = self._text("review_prescreen", self.tr("Why the person goes to the private room"))
        self.refs = QListWidget()
        self.refs.setObjectName("referrals")
        self.refs.setAccessibleName(self.tr("Referrals"))
        # The officer reads each referral aloud: wrap it to the list's width, never cut it behind a scrollbar.
        self.refs.setWordWrap(True)
        self.refs.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.refs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.refs.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.refs.setUniformItemSizes(False)
        self.refs.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # issue 14: the person's TB referral still open (the health post continues it; none is suggested here)
        self.open_tb = QLabel()
        self.open_tb.setObjectName("open_tb_referral")
        self.open_tb.setWordWrap(True)
        self.open_tb.setVisible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.open_tb)
        for w in (self.safety, self.prescreen, self.explanation):
            lay.addWidget(w)
        intro = QLabel(self.tr("Referrals (untick to leave one out; a child always gets child protection):"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        lay.addWidget(self.refs)
        self.add_ref = QPushButton(self.tr("Add a referral…"))
        name(self.add_ref, "add_referral", self.tr("Add a referral"))
        self.add_ref.clicked.connect(self.add_referral)
        lay.addWidget(self.add_ref)
        lay.addWidget(self.error)
        self.refs.itemChanged.connect(lambda _i: self.changed())
        self.setFinalPage(True)

    def load(self) -> None:
        p = self.flow.person
        who = (self.tr("Existing person") if self.flow.existing_person_id else
               f"{p.get('family_name', '')} {p.get('given_names', '')} {p.get('name_khmer', '')}".strip())
        age = self.tr("age")        # outside the f-string: lupdate does not look inside one
        lines = [f"<b>{who}</b>", f"{field_label('date_of_birth')}: {self.flow.date_of_birth() or '?'} "
                                  f"({age} {self.flow.age() if self.flow.age() is not None else '?'})"]
        explanation: list[str] = []
        safety_lines: list[str] = []
        prescreen_lines: list[str] = []
        if self.flow.screening_consented():
            try:
                answered = bool(self.flow.ticked or self.flow.answered_no)
                result = self.flow.trafficking_result() if answered else None
                lines.append(outcome_text(result.outcome if result is not None else "NOT_SCREENED"))
                if result is not None:      # the rule's reasoning, without the header and the per-dimension counts
                    explanation = [core_message(m) for m in result.explanation_messages if m.text not in _COUNTS]
                safety = self.flow.safety_result()
                if safety.triggered:        # never "nothing found" when a strong item is ticked
                    safety_lines = [tr("Core", r.message) for r in safety.reasons]
                pre = self.flow.prescreen_result()
                if pre.routes_to_private_room:
                    km = content_language() == "km"
                    prescreen_lines = [self.tr("Red flag: the person goes to the private room."),
                                       *((r.reason_km if km else r.reason_en) for r in pre.reasons)]
                lines.append(outcome_text(self.flow.tb_result().outcome))
            except ValidationError as e:
                lines.append(error_message(e))
        else:
            lines.append(self.tr("No screening (no consent to screening)."))
        self._show(self.safety, tr("Core", MSG_SAFETY_LABEL), safety_lines)
        self._show(self.prescreen, "", prescreen_lines)
        self._show(self.explanation, "", explanation)
        self.summary.setText("<br>".join(lines))
        o = self.flow.open_tb_referral if self.flow.existing_person_id else None
        self.open_tb.setText(self.tr("TB referral already open (slip %1, since %2): the health post continues it, "
                                     "no new TB referral is suggested.")
                             .replace("%1", o["id"]).replace("%2", local_date(o["created_at"])) if o else "")
        self.open_tb.setAccessibleName(self.open_tb.text())
        self.open_tb.setVisible(bool(o))
        chosen = {(r["kind"], r["agency_code"]) for r in self.flow.referrals}
        first_visit = not self.flow.referrals
        self.refs.blockSignals(True)
        self.refs.clear()
        consent = bool(self.flow.consents.get("referral")) or self.flow.is_child()
        km = content_language() == "km"
        for r in [*self.flow.suggested_referrals(), *self.flow.officer_referrals]:
            text = self.referral_text(r, km)
            if r.get("urgency") == "IMMEDIATE_DANGER" and not consent and r["kind"] != "health":
                # issue 12: never blocked by consent (duty of care), and said so, as the record and the slip say it
                text = self.tr("Made without consent: immediate danger") + "\n" + text
            it = QListWidgetItem(text)
            it.setData(Qt.ItemDataRole.UserRole, r)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = consent and (first_visit or (r["kind"], r["agency_code"]) in chosen)
            if r["kind"] == "child_protection" or r.get("officer"):
                on = True
            it.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.refs.addItem(it)
        self.refs.blockSignals(False)
        self.store()

    @staticmethod
    def _text(object_name: str, accessible: str) -> QLabel:
        w = QLabel()
        w.setObjectName(object_name)
        w.setAccessibleName(accessible)
        w.setWordWrap(True)
        w.setTextFormat(Qt.TextFormat.RichText)
        w.hide()
        return w

    @staticmethod
    def _show(w: QLabel, head: str, lines: list[str]) -> None:
        """Whole sentences, one a line (escaped: content and names are never markup); hidden when there are none."""
        body = [f"<b>{html.escape(head)}</b>"] if head and lines else []
        w.setText("<br>".join(body + [html.escape(x) for x in lines]))
        w.setVisible(bool(lines))

    def add_referral(self) -> None:
        """The officer's own referral: agency, urgency (Ctrl+D: immediate danger), reason."""
        dlg = ReferDialog(self.flow.suggested_urgency(), self)
        if dlg.exec() != ReferDialog.DialogCode.Accepted:
            return
        v = dlg.value()
        try:
            self.flow.add_officer_referral(v["agency_code"], v["urgency"], v["reason"])
        except ValidationError as e:
            self.error.show_error(error_message(e))
            return
        self.store()
        self.load()
        self.changed()

    def referral_text(self, r: dict[str, Any], km: bool) -> str:
        """One referral as an officer reads it: who, to whom, how urgent, why (labels, not codes)."""
        kinds = {"protection": self.tr("Protection"), "child_protection": self.tr("Child protection"),
                 "health": self.tr("Health facility")}
        urgencies = {"IMMEDIATE_DANGER": self.tr("immediate danger"), "SAME_DAY": self.tr("same day"),
                     "ROUTINE": self.tr("routine")}
        to = code_label("health_facilities" if r["kind"] == "health" else "agencies", r["agency_code"])
        why = (r.get("reason_km") if km else None) or r.get("reason_en", "")
        # one template, so a translation may order the parts as the language needs
        return fill(self.tr("%1: %2 · %3 — %4", "referral: kind, agency, urgency, reason"),
                    kinds.get(r["kind"], r["kind"]), to, urgencies.get(r["urgency"], r["urgency"]), why)

    def store(self) -> None:
        out = []
        for i in range(self.refs.count()):
            it = self.refs.item(i)
            if it.checkState() == Qt.CheckState.Checked:
                out.append(dict(it.data(Qt.ItemDataRole.UserRole)))
        self.flow.referrals = out

    def validatePage(self) -> bool:
        if not super().validatePage():
            return False
        return self.wiz.save_registration()
