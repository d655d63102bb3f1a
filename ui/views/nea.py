"""The NEA desk (issue 13): NEA job registration from the NEA_DESK queue, prefilled from the journey, with the NEA
consent read out and ticked on the form.

F5 calls the next person waiting at the NEA desk and fills the form from what the journey holds; Tab moves through the
fields (combo boxes take the first letters typed); Space ticks the consent; Ctrl+S registers and closes the person's
place in the queue. Every store call runs on the DB worker (``session.nea``, ``session.arrivals``).

Who: officers and supervisors (the roles that work the NEA desk).
"""

from __future__ import annotations

from typing import Any

from checkpoint import codelists
from checkpoint.model.consent import wording
from checkpoint.services.nea import ABROAD_AGAIN
from ui.context import AppContext
from ui.messages import error_message
from ui.qt import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPushButton,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.text import code_label, current_language

__all__ = ["NeaDeskView"]

STATION = "NEA_DESK"


class NeaDeskView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("nea_desk")
        self.encounter_id: str | None = None
        self.entry_id: str | None = None
        self.languages: list[str] = []
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.person = QLabel(self.tr("No one is being served. Press F5 to call the next person."))
        self.person.setObjectName("nea_person")
        top.addWidget(self.person, 1)
        call = QPushButton(self.tr("Call next (F5)"))
        call.clicked.connect(self.call_next)
        top.addWidget(call)
        lay.addLayout(top)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        self.edits: dict[str, QLineEdit] = {}

        def combo(name: str, label: str, list_name: str) -> None:
            c = QComboBox()
            c.setObjectName(f"nea_{name}")
            c.setAccessibleName(label)
            c.addItem("", "")
            for code in codelists.codes(list_name):
                c.addItem(code_label(list_name, code.code), code.code)
            form.addRow(label, c)
            self.combos[name] = c

        def edit(name: str, label: str, hint: str = "") -> None:
            e = QLineEdit()
            e.setObjectName(f"nea_{name}")
            e.setAccessibleName(label)
            e.setPlaceholderText(hint)
            form.addRow(label, e)
            self.edits[name] = e

        combo("occupation_abroad", self.tr("Work abroad"), "nea_occupations")
        edit("years_experience", self.tr("Years of experience"))
        combo("skill", self.tr("Main skill"), "nea_skills")
        edit("skills_text", self.tr("Other skills"))
        combo("education", self.tr("Education"), "education_levels")
        combo("desired_job", self.tr("Job looked for"), "nea_occupations")
        combo("desired_province", self.tr("Where in Cambodia"), "provinces")
        again = QComboBox()
        again.setObjectName("nea_abroad_again")
        again.setAccessibleName(self.tr("Would work abroad again"))
        again.addItem("", "")
        for code, text in zip(ABROAD_AGAIN, (self.tr("yes"), self.tr("no"), self.tr("maybe")), strict=True):
            again.addItem(text, code)
        form.addRow(self.tr("Would work abroad again"), again)
        self.combos["abroad_again"] = again
        edit("available_from", self.tr("Available from"), self.tr("YYYY-MM-DD"))
        edit("phone", self.tr("Phone"))
        edit("second_contact_name", self.tr("Second contact"))
        edit("second_contact_phone", self.tr("Second contact's phone"))
        edit("home_commune", self.tr("Commune of residence"))
        lay.addLayout(form)
        w = wording()
        self.wording = QLabel(w.texts["nea_registration"][1 if current_language() == "km" else 0])
        self.wording.setWordWrap(True)
        self.wording.setObjectName("nea_wording")
        lay.addWidget(self.wording)
        self.consent = QCheckBox(self.tr("The person agrees to be registered with NEA (read the text above)"))
        self.consent.setObjectName("nea_consent")
        lay.addWidget(self.consent)
        save = QPushButton(self.tr("Register with NEA (Ctrl+S)"))
        save.setObjectName("nea_save")
        save.clicked.connect(self.save)
        lay.addWidget(save)
        self.message = QLabel()
        self.message.setObjectName("nea_message")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        for key, fn in (("F5", self.call_next), ("Ctrl+S", self.save)):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)

    def call_next(self) -> None:
        a = self.ctx.session.arrivals

        def done(item: Any) -> None:
            if item is None or not hasattr(item, "encounter_id"):
                self.message.setText(self.tr("No one is waiting at the NEA desk."))
                return
            name = " ".join(x for x in (item.family_name, item.given_names) if x) or item.name_khmer
            self.open(item.encounter_id, f"{name}  {item.sex} {item.age if item.age is not None else '?'}",
                      item.entry_id)

        def call() -> Any:
            from checkpoint.services import Changes
            return a.call_next(STATION) or Changes()
        self.ctx.mutate(call, on_done=done, on_error=lambda e: self.message.setText(error_message(e)), owner=self)

    def open(self, encounter_id: str, label: str, entry_id: str | None = None) -> None:
        self.encounter_id, self.entry_id = encounter_id, entry_id
        self.person.setText(label)
        self.message.clear()
        self.consent.setChecked(False)
        self.ctx.call(self.ctx.session.nea.prefill, encounter_id, on_done=self._fill, owner=self,
                      on_error=lambda e: self.message.setText(error_message(e)))

    def _fill(self, pre: dict[str, Any]) -> None:
        for c in self.combos.values():
            c.setCurrentIndex(0)
        for e in self.edits.values():
            e.clear()
        self.combos["occupation_abroad"].setCurrentIndex(max(0, self.combos["occupation_abroad"].findData(
            pre.get("occupation_abroad") or "")))
        if pre.get("years_experience") is not None:
            self.edits["years_experience"].setText(str(pre["years_experience"]))
        self.edits["phone"].setText(pre.get("phone") or "")
        self.edits["home_commune"].setText(pre.get("home_commune") or "")
        self.languages = list(pre.get("languages") or [])
        self.prefill = pre
        self.combos["occupation_abroad"].setFocus()

    def form(self) -> dict[str, Any]:
        pre = getattr(self, "prefill", {})
        f: dict[str, Any] = {k: c.currentData() for k, c in self.combos.items() if k != "skill" and c.currentData()}
        f.update({k: e.text().strip() for k, e in self.edits.items() if e.text().strip()})
        if "years_experience" in f:
            f["years_experience"] = f["years_experience"]     # the service checks the number
        if self.combos["skill"].currentData():
            f["skills"] = [self.combos["skill"].currentData()]
        for k in ("sector_abroad", "country_abroad", "home_province"):
            if pre.get(k):
                f[k] = pre[k]
        if self.languages:
            f["languages"] = self.languages
        return f

    def save(self) -> None:
        enc = self.encounter_id
        if enc is None:
            self.message.setText(self.tr("Call a person first (F5)."))
            return
        if not self.consent.isChecked():
            self.message.setText(self.tr("Without the person's consent nothing is registered with NEA."))
            return
        f = self.form()
        entry = self.entry_id
        nea, arrivals = self.ctx.session.nea, self.ctx.session.arrivals

        def write() -> Any:
            ch = nea.register(enc, f, consent={"granted": True})
            if entry is not None:
                ch = ch | arrivals.close(entry, "done")
            return ch

        def done(_r: Any) -> None:
            self.message.setText(self.tr("Registered with NEA."))
            self.encounter_id = self.entry_id = None
        self.ctx.mutate(write, on_done=done, on_error=lambda e: self.message.setText(error_message(e)), owner=self)
