"""The red-flag pre-screen, then the trafficking-indicator checklist (adult or child items by age), each question
answered yes / no / not asked, with the ILO result and the project's safety rule beside it as the officer answers.

When every red-flag question is answered no, the full checklist is not shown (it is recorded as not screened, not as
"no indicators"); any yes shows it, with the reason the person goes to the private room."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from checkpoint import codelists, screening
from checkpoint.errors import ValidationError
from checkpoint.screening.prescreen import prescreen_content
from checkpoint.workflows.registration import Step
from ui.messages import core_message, error_message, tr
from ui.qt import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.text import code_label, content_language
from ui.widgets.fields import IntField, name
from ui.wizards.registration.answers import AnswerBox
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
        self.setSubTitle(self.tr("First the red-flag questions. Answer Y (yes) or N (no); an unanswered question is "
                                 "recorded as not asked. Each dimension is judged on its own."))

    def build(self) -> None:
        self.boxes: dict[str, AnswerBox] = {}
        self.pre: dict[str, AnswerBox] = {}
        km = content_language() == "km"
        pre_box = QGroupBox(self.tr("Red-flag questions (ask everyone)"))
        pre_lay = QVBoxLayout(pre_box)
        for q in prescreen_content().questions:
            ab = AnswerBox(q.question_km if km else q.question_en)
            name(ab, q.id, f"{q.id} {q.question_en}")
            ab.answered.connect(self._prescreen_changed)
            pre_lay.addWidget(ab)
            self.pre[q.id] = ab
        self.pre_result = QLabel()
        self.pre_result.setObjectName("prescreen_result")
        self.pre_result.setAccessibleName(self.tr("Red-flag result"))
        self.pre_result.setWordWrap(True)
        pre_lay.addWidget(self.pre_result)
        self.rest_no = QPushButton(self.tr("Answer the questions not asked: no"))
        name(self.rest_no, "rest_no", self.tr("Answer the questions not asked: no"))
        self.rest_no.clicked.connect(self._rest_no)
        self.safety = QLabel()
        self.safety.setObjectName("safety_result")
        self.safety.setAccessibleName(self.tr("Safety rule (not the ILO rule)"))
        self.safety.setWordWrap(True)
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
        self.items_scroll = scroll
        scroll.setMinimumHeight(320)         # inside the page's own scroll area: never squeezed to a sliver
        self.checklist = QWidget()
        cl = QVBoxLayout(self.checklist)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addLayout(row)
        cl.addWidget(scroll, 1)
        cl.addWidget(self.rest_no)
        # the type of exploitation (HTCDS vic_TypeOfExploitation), recorded with the checklist
        self.types = QListWidget()
        name(self.types, "exploitation_types", self.tr("Type of exploitation"))
        for c in codelists.codes("exploitation_types"):
            it = QListWidgetItem(code_label("exploitation_types", c.code))
            it.setData(Qt.ItemDataRole.UserRole, c.code)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.types.addItem(it)
        self.types.setMaximumHeight(90)
        self.types.itemChanged.connect(lambda _i: self.changed())
        cl.addWidget(QLabel(self.tr("Type of exploitation (if any):")))
        cl.addWidget(self.types)
        outer = QScrollArea()
        outer.setWidgetResizable(True)
        outer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        body_lay = QVBoxLayout(body)
        body_lay.addWidget(pre_box)
        body_lay.addWidget(self.checklist, 1)
        outer.setWidget(body)
        lay = QVBoxLayout(self)
        lay.addWidget(outer, 1)
        lay.addWidget(self.safety)
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
            cb = AnswerBox(text)
            name(cb, item.id, f"{item.id} {item.question_en}")
            guidance = item.guidance_km if km and item.guidance_km else item.guidance_en
            cb.setToolTip(f"{item.id} · {item.title}\n{guidance}")
            cb.answered.connect(self.changed)
            groups[item.dimension].addWidget(cb)
            self.boxes[item.id] = cb
        self.flow.ticked &= set(self.boxes)
        self.flow.answered_no &= set(self.boxes)

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
            cb.set_answer(self.flow.answer(k))
            cb._render()
            cb.blockSignals(False)
        self.types.blockSignals(True)
        for i in range(self.types.count()):
            it = self.types.item(i)
            on = it.data(Qt.ItemDataRole.UserRole) in self.flow.exploitation_types
            it.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.types.blockSignals(False)
        for k, ab in self.pre.items():
            ab.blockSignals(True)
            ab.set_answer(self.flow.prescreen.get(k, "not_asked"))
            ab._render()
            ab.blockSignals(False)
        self._show_result()

    def store(self) -> None:
        self.flow.exploitation_types = [self.types.item(i).data(Qt.ItemDataRole.UserRole)
                                        for i in range(self.types.count())
                                        if self.types.item(i).checkState() == Qt.CheckState.Checked]
        self.flow.prescreen = {k: ab.answer() for k, ab in self.pre.items()}
        self.flow.ticked = {k for k, cb in self.boxes.items() if cb.answer() == "yes"}
        self.flow.answered_no = {k for k, cb in self.boxes.items() if cb.answer() == "no"}
        self._show_result()

    def _prescreen_changed(self) -> None:
        self.changed()

    def _rest_no(self) -> None:
        for cb in self.boxes.values():
            if cb.answer() == "not_asked":
                cb.blockSignals(True)
                cb.set_answer("no")
                cb._render()
                cb.blockSignals(False)
        self.changed()

    def _show_prescreen(self) -> None:
        r = self.flow.prescreen_result()
        km = content_language() == "km"
        if r.routes_to_private_room:
            reasons = "<br>".join(x.reason_km if km else x.reason_en for x in r.reasons)
            self.pre_result.setText("<b>" + self.tr("Private room: ask the full checklist there.") + "</b><br>"
                                    + reasons)
        elif r.complete:
            self.pre_result.setText(self.tr("No red flag. The full checklist is not asked: it is recorded as not "
                                            "screened."))
        else:
            self.pre_result.setText(self.tr("Ask every red-flag question; the full checklist stays open until "
                                            "they are answered."))
        self.checklist.setVisible(self.flow.checklist_needed())

    def _show_safety(self) -> None:
        try:
            s = self.flow.safety_result()
        except ValidationError:
            self.safety.setText("")
            return
        head = "<b>" + tr("Core", s.label) + "</b>: "
        if s.triggered:
            self.safety.setText(head + "<br>".join(tr("Core", x.message) for x in s.reasons))
        else:
            self.safety.setText(head + tr("Core", s.message))

    def _show_result(self) -> None:
        self._show_prescreen()
        self._show_safety()
        if not self.flow.ticked and not self.flow.answered_no:
            self.result.setText("<b>" + outcome_text("NOT_SCREENED") + "</b>")
            return
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
        lines = "<br>".join(html.escape(core_message(m)) for m in r.explanation_messages[2:])
        self.result.setText("<b>" + outcome_text(r.outcome) + "</b><br>" + " ".join(flags) + "<br><small>"
                            + lines + "</small>")
