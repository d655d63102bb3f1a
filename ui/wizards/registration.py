"""New registration: Identity (MRZ or manual) → Journey → Consent → Trafficking checklist → TB screen → Review.

The flow and its validation live in checkpoint.workflows.registration; these pages only render it. Every edit
is saved as an encrypted draft (coalesced so saves never pile up), so a power cut loses nothing. Keyboard
first: a document reader types the MRZ into the first field; Enter moves on; Tab reaches everything.
"""

from __future__ import annotations

from typing import Any

from checkpoint import screening
from checkpoint.errors import ValidationError
from checkpoint.services import Changes, PossibleDuplicate
from checkpoint.workflows.registration import ORDER, RegistrationFlow, Step
from ui.context import AppContext
from ui.messages import error_message, field_label, tr
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
    Signal,
)
from ui.text import code_label, content_language
from ui.widgets.fields import Check, CodeCombo, ErrorLabel, IntField, TextField, YesNo, name, translate_wizard_buttons

PAGE_ID = {s: i for i, s in enumerate(ORDER)}


OUTCOMES = {
    "PRESUMED_VICTIM": QT_TRANSLATE_NOOP("Outcome", "Indicators of trafficking present — refer"),
    "NOT_INDICATED": QT_TRANSLATE_NOOP("Outcome", "Combination of indicators not met"),
    "PRESUMPTIVE_TB_REFER": QT_TRANSLATE_NOOP("Outcome",
                                              "Presumptive TB — refer the same day for chest X-ray and Xpert"),
    "HIGH_RISK_REFER_CXR": QT_TRANSLATE_NOOP("Outcome", "No symptoms but at high risk — refer for chest X-ray"),
    "SCREEN_NEGATIVE": QT_TRANSLATE_NOOP("Outcome", "TB screen negative"),
}


def outcome_text(outcome: str) -> str:
    """Wording for results on screen. Never 'victim' (spec: indicators of trafficking present — refer)."""
    return tr("Outcome", OUTCOMES[outcome]) if outcome in OUTCOMES else outcome


class FlowPage(QWizardPage):
    step: Step

    def __init__(self, wiz: RegistrationWizard) -> None:
        super().__init__()
        self.wiz = wiz
        self.flow = wiz.flow
        self.error = ErrorLabel(f"{self.step.value}_error")

    def nextId(self) -> int:
        nxt = self.flow.next_step(self.step)
        return PAGE_ID[nxt] if nxt else -1

    def load(self) -> None:
        """Flow → widgets."""

    def store(self) -> None:
        """Widgets → flow."""

    def initializePage(self) -> None:
        self.load()

    def validatePage(self) -> bool:
        self.store()
        errs = self.flow.errors(self.step)
        if errs:
            field, msg = next(iter(errs.items()))
            self.error.show_error(f"{field_label(field)}: {self.tr(msg)}" if field != "form" else self.tr(msg))
            w = self.findChild(QWidget, field)
            if w is not None:
                w.setFocus()
            return False
        self.error.show_error("")
        self.wiz.save_draft(self.step)
        return True

    def changed(self) -> None:
        self.store()
        self.wiz.save_draft(self.step)


# ---------------------------------------------------------------------------------------------- identity
class IdentityPage(FlowPage):
    step = Step.IDENTITY

    def __init__(self, wiz: RegistrationWizard) -> None:
        super().__init__(wiz)
        self.setTitle(self.tr("Identity"))
        self.setSubTitle(self.tr("Scan the passport (the reader types into the first box) or type the details."))
        self.mrz = QPlainTextEdit()
        name(self.mrz, "mrz", self.tr("Passport machine-readable zone"))
        self.mrz.setPlaceholderText(self.tr("Scan passport here"))
        self.mrz.setFixedHeight(56)
        self.mrz.setTabChangesFocus(True)
        font = self.mrz.font()
        font.setFamily("monospace")
        self.mrz.setFont(font)
        self.mrz_status = QLabel()
        self.mrz_status.setObjectName("mrz_status")
        self.mrz_status.setWordWrap(True)
        self.f: dict[str, Any] = {
            "family_name": TextField("family_name"), "given_names": TextField("given_names"),
            "name_khmer": TextField("name_khmer"),
            "sex": CodeCombo("sex", items=[("F", self.tr("Female")), ("M", self.tr("Male")), ("X", self.tr("Other")),
                                           ("UNKNOWN", self.tr("Not known"))]),
            "date_of_birth": TextField("date_of_birth", placeholder=self.tr("YYYY-MM-DD")),
            "age_years": IntField("age_years", maximum=120),
            "id_document_type": CodeCombo("id_document_type", "id_document_types"),
            "id_document_number": TextField("id_document_number"),
            "citizenship": CodeCombo("citizenship", "countries", blank=None),
            "phone": TextField("phone"),
            "home_province": CodeCombo("home_province", "provinces"),
        }
        form = QFormLayout()
        for k, w in self.f.items():
            form.addRow(field_label(k), w)
            w.edited.connect(self.changed)
        self.dups = QListWidget()
        self.dups.setObjectName("duplicates")
        self.dups.setAccessibleName(self.tr("Possible duplicates"))
        self.dups_label = QLabel(self.tr("This person may already be registered:"))
        self.use_existing = QPushButton(self.tr("Add this arrival to the selected person"))
        self.use_existing.setObjectName("use_existing")
        self.existing_label = QLabel()
        self.existing_label.setObjectName("existing_person")
        self.new_person = QPushButton(self.tr("No, register a new person"))
        self.new_person.setObjectName("new_person")
        for w in (self.dups, self.dups_label, self.use_existing, self.new_person):
            w.hide()
        self.use_existing.clicked.connect(self._use_existing)
        self.new_person.clicked.connect(self._new_person)
        lay = QVBoxLayout(self)
        lay.addWidget(self.mrz)
        lay.addWidget(self.mrz_status)
        lay.addLayout(form)
        lay.addWidget(self.existing_label)
        lay.addWidget(self.dups_label)
        lay.addWidget(self.dups)
        row = QHBoxLayout()
        row.addWidget(self.use_existing)
        row.addWidget(self.new_person)
        lay.addLayout(row)
        lay.addWidget(self.error)
        self.mrz.textChanged.connect(self._mrz_changed)
        self._dup_key: tuple[Any, ...] | None = None

    def load(self) -> None:
        for k, w in self.f.items():
            w.blockSignals(True)
            w.set_value(self.flow.person.get(k, "KHM" if k == "citizenship" else None))
            w.blockSignals(False)
        self._show_existing()

    def store(self) -> None:
        p = {k: w.value() for k, w in self.f.items()}
        p = {k: v for k, v in p.items() if v not in ("", None)}
        for k in ("mrz_valid", "document_issuing_state", "document_expiry"):
            if k in self.flow.person:
                p[k] = self.flow.person[k]
        self.flow.person = p
        self._check_duplicates()

    def _mrz_changed(self) -> None:
        text = self.mrz.toPlainText()
        lines = [ln for ln in text.replace("\r", "\n").split("\n") if ln.strip()]
        if len(lines) < 2:
            return
        try:
            res = self.flow.apply_mrz(text)
        except ValidationError:
            if text.endswith("\n"):
                self.mrz_status.setText(self.tr("Could not read the document. Re-scan it, or type the details."))
            return
        self.load()
        if res.valid:
            status = self.tr("Passport read: all check digits correct.")
        else:
            status = self.tr("Some check digits do not match (%1): re-scan, or check the fields by hand. "
                             "This is not evidence of forgery.").replace("%1", ", ".join(sorted(res.failed_checks)))
        if "expired" in (getattr(res, "warnings", ()) or ()):
            status += " " + self.tr("The passport has expired.")
        self.mrz_status.setText(status + " " + self.tr("Names are not check-digit protected: confirm them."))
        self.mrz.blockSignals(True)
        self.mrz.clear()
        self.mrz.blockSignals(False)
        self.f["name_khmer"].setFocus()
        self.changed()

    # possible duplicates ----------------------------------------------------------------------
    def _check_duplicates(self) -> None:
        if self.flow.existing_person_id:
            return
        p = self.flow.person
        key = tuple(p.get(k) for k in ("family_name", "given_names", "name_khmer", "date_of_birth", "age_years",
                                       "id_document_number", "phone"))
        if key == self._dup_key or not any(key):
            return
        self._dup_key = key
        probe = {k: v for k, v in p.items() if k in ("family_name", "given_names", "name_khmer", "date_of_birth",
                                                      "age_years", "id_document_number", "id_document_type",
                                                      "phone", "sex")}
        self.wiz.ctx.call(self.wiz.ctx.session.registrations.find_duplicates, probe, on_done=self._show_duplicates,
                          on_error=lambda _e: None, owner=self)

    def _show_duplicates(self, rows: list[PossibleDuplicate]) -> None:
        self.dups.clear()
        for r in rows:
            text = (f"{r.family_name} {r.given_names}  {r.name_khmer}  {r.date_of_birth or ''}  "
                    f"{r.id_document_number}  — " + ", ".join(self._reason(x) for x in r.reasons))
            it = QListWidgetItem(text)
            it.setData(Qt.ItemDataRole.UserRole, r)
            self.dups.addItem(it)
        show = bool(rows) and not self.flow.existing_person_id
        for w in (self.dups, self.dups_label, self.use_existing):
            w.setVisible(show)
        if rows:
            self.dups.setCurrentRow(0)

    def _reason(self, code: str) -> str:
        return {"same_document": self.tr("same document"),
                "same_name_and_birth_date": self.tr("same name and birth date"),
                "same_khmer_name_and_birth_date": self.tr("same Khmer name and birth date"),
                "similar_name": self.tr("similar name"), "same_phone": self.tr("same phone")}.get(code, code)

    def _use_existing(self) -> None:
        it = self.dups.currentItem()
        if it is None:
            return
        r = it.data(Qt.ItemDataRole.UserRole)
        self.flow.existing_person_id = r.id
        self.flow.existing_person_dob = r.date_of_birth
        self._show_existing()
        self.changed()

    def _new_person(self) -> None:
        self.flow.existing_person_id = None
        self.flow.existing_person_dob = None
        self._show_existing()
        self.changed()

    def _show_existing(self) -> None:
        ex = bool(self.flow.existing_person_id)
        for w in self.f.values():
            w.setEnabled(not ex)
        self.mrz.setEnabled(not ex)
        self.new_person.setVisible(ex)
        for w in (self.dups, self.dups_label, self.use_existing):
            w.setVisible(False if ex else w.isVisible())
        self.existing_label.setText(self.tr("New arrival for a person already registered.") if ex else "")


# ---------------------------------------------------------------------------------------------- journey
class JourneyPage(FlowPage):
    step = Step.JOURNEY

    def __init__(self, wiz: RegistrationWizard) -> None:
        super().__init__(wiz)
        self.setTitle(self.tr("Journey"))
        self.f: dict[str, Any] = {
            "return_type": CodeCombo("return_type", "return_types"),
            "country_of_work": CodeCombo("country_of_work", "countries"),
            "province_of_work": TextField("province_of_work"),
            "sector_of_work": CodeCombo("sector_of_work", "sectors"),
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
        self.flow.encounter = {k: v for k, v in e.items() if v not in ("", None)}


# ---------------------------------------------------------------------------------------------- consent
class ConsentPage(FlowPage):
    step = Step.CONSENT

    def __init__(self, wiz: RegistrationWizard) -> None:
        super().__init__(wiz)
        self.setTitle(self.tr("Consent"))
        self.setSubTitle(self.tr("Explain each purpose and ask separately. The person may refuse any of them, stop "
                                 "at any time, and need not answer every question."))
        self.f = {
            "storage": Check("consent_storage", self.tr("Keep this record (needed to save it)")),
            "screening": Check("consent_screening", self.tr("Ask the trafficking and TB screening questions")),
            "referral": Check("consent_referral", self.tr("Refer to an agency or health facility")),
            "sharing": Check("consent_sharing", self.tr("Share the record with the named agencies")),
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


# ---------------------------------------------------------------------------------------------- trafficking
class TraffickingPage(FlowPage):
    step = Step.TRAFFICKING

    def __init__(self, wiz: RegistrationWizard) -> None:
        super().__init__(wiz)
        self.setTitle(self.tr("Trafficking indicators"))
        self.setSubTitle(self.tr("Tick what the person describes. Each dimension is judged on its own."))
        self.boxes: dict[str, QCheckBox] = {}
        self.inner = QWidget()
        self.inner_lay = QVBoxLayout(self.inner)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
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
            item = self.inner_lay.takeAt(0)
            w = item.widget() if item else None
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


# ---------------------------------------------------------------------------------------------- TB
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


# ---------------------------------------------------------------------------------------------- review
class ReviewPage(FlowPage):
    step = Step.REVIEW

    def __init__(self, wiz: RegistrationWizard) -> None:
        super().__init__(wiz)
        self.setTitle(self.tr("Review and save"))
        self.summary = QLabel()
        self.summary.setObjectName("review_summary")
        self.summary.setWordWrap(True)
        self.refs = QListWidget()
        self.refs.setObjectName("referrals")
        self.refs.setAccessibleName(self.tr("Referrals"))
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(QLabel(self.tr("Referrals (untick to leave one out; a child always gets child protection):")))
        lay.addWidget(self.refs)
        lay.addWidget(self.error)
        self.refs.itemChanged.connect(lambda _i: self.changed())
        self.setFinalPage(True)

    def load(self) -> None:
        p = self.flow.person
        who = (self.tr("Existing person") if self.flow.existing_person_id else
               f"{p.get('family_name', '')} {p.get('given_names', '')} {p.get('name_khmer', '')}".strip())
        lines = [f"<b>{who}</b>", f"{field_label('date_of_birth')}: {self.flow.date_of_birth() or '?'} "
                                  f"({self.tr('age')} {self.flow.age() if self.flow.age() is not None else '?'})"]
        if self.flow.screening_consented():
            try:
                lines.append(outcome_text(self.flow.trafficking_result().outcome))
                lines.append(outcome_text(self.flow.tb_result().outcome))
            except ValidationError as e:
                lines.append(error_message(e))
        else:
            lines.append(self.tr("No screening (no consent to screening)."))
        self.summary.setText("<br>".join(lines))
        chosen = {(r["kind"], r["agency_code"]) for r in self.flow.referrals}
        first_visit = not self.flow.referrals
        self.refs.blockSignals(True)
        self.refs.clear()
        consent = bool(self.flow.consents.get("referral")) or self.flow.is_child()
        km = content_language() == "km"
        for r in self.flow.suggested_referrals():
            it = QListWidgetItem(self.referral_text(r, km))
            it.setData(Qt.ItemDataRole.UserRole, r)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = consent and (first_visit or (r["kind"], r["agency_code"]) in chosen)
            if r["kind"] == "child_protection":
                on = True
            it.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.refs.addItem(it)
        self.refs.blockSignals(False)
        self.store()

    def referral_text(self, r: dict[str, Any], km: bool) -> str:
        """One referral as an officer reads it: who, to whom, how urgent, why (labels, not codes)."""
        kinds = {"protection": self.tr("Protection"), "child_protection": self.tr("Child protection"),
                 "health": self.tr("Health facility")}
        urgencies = {"IMMEDIATE_DANGER": self.tr("immediate danger"), "SAME_DAY": self.tr("same day"),
                     "ROUTINE": self.tr("routine")}
        to = code_label("health_facilities" if r["kind"] == "health" else "agencies", r["agency_code"])
        why = (r.get("reason_km") if km else None) or r.get("reason_en", "")
        return f"{kinds.get(r['kind'], r['kind'])}: {to} · {urgencies.get(r['urgency'], r['urgency'])} — {why}"

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


# ---------------------------------------------------------------------------------------------- wizard
class RegistrationWizard(QWizard):
    """Emits ``saved(Registered)`` once the registration is committed; drafts are saved on every change."""

    saved = Signal(object)
    draft_saved = Signal(str)

    def __init__(self, ctx: AppContext, flow: RegistrationFlow, *, start: Step = Step.IDENTITY,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.flow = flow
        self.setObjectName("registration_wizard")
        self.setWindowTitle(self.tr("New registration"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self._saving = False
        self._draft_in_flight = False
        self._draft_pending: Step | None = None
        self.result_: Any = None
        for cls in (IdentityPage, JourneyPage, ConsentPage, TraffickingPage, TBPage, ReviewPage):
            self.setPage(PAGE_ID[cls.step], cls(self))
        self.setStartId(PAGE_ID[start] if start in self.flow.steps() else PAGE_ID[Step.IDENTITY])
        translate_wizard_buttons(self)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Save"))

    def page_for(self, step: Step) -> FlowPage:
        return self.page(PAGE_ID[step])  # type: ignore[return-value]

    def current_step(self) -> Step:
        return ORDER[self.currentId()] if self.currentId() >= 0 else Step.IDENTITY

    # drafts -----------------------------------------------------------------------------------
    def save_draft(self, step: Step) -> None:
        """Save the form as an encrypted draft; while one save runs, the latest state waits for the next.
        Nothing is saved once the registration itself is being saved or is saved (QWizard.accept() validates
        the current page once more)."""
        if self._saving or self.result_ is not None:
            return
        if self._draft_in_flight:
            self._draft_pending = step
            return
        self._draft_in_flight = True
        # call, not mutate: a draft is saved on every change, and the other views learn of drafts when the wizard
        # closes (the main window refreshes then), not on every keystroke.
        self.ctx.call(self.ctx.session.drafts.save, self.flow.to_draft(step), draft_id=self.flow.draft_id,
                      on_done=self._draft_done, on_error=self._draft_failed, owner=self)

    def _draft_done(self, changes: Changes) -> None:
        draft_id = changes.ids["draft"]
        self.flow.draft_id = draft_id
        self._draft_in_flight = False
        self.draft_saved.emit(draft_id)
        if self._draft_pending is not None:
            step, self._draft_pending = self._draft_pending, None
            self.save_draft(step)

    def _draft_failed(self, e: BaseException) -> None:
        self._draft_in_flight = False
        self.ctx.error.emit(error_message(e))

    # saving -----------------------------------------------------------------------------------
    def save_registration(self) -> bool:
        """Start the save on the DB thread; the wizard closes when it is committed. Returns False meanwhile."""
        if self.result_ is not None:
            return True
        if self._saving:
            return False
        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        # A draft save still in flight runs first on the single DB worker; if its id is not known yet the
        # draft is discarded once the registration is saved (_saved).
        kwargs = self.flow.register_kwargs()
        self.ctx.mutate(self.ctx.session.registrations.register, **kwargs, on_done=self._saved,
                        on_error=self._save_failed)
        return False

    def _saved(self, result: Any) -> None:
        self._saving = False
        self.result_ = result
        if self.flow.draft_id and not result.changes.drafts:
            self.ctx.call(self.ctx.session.drafts.discard, self.flow.draft_id)
        self.saved.emit(result)
        self.accept()

    def _save_failed(self, e: BaseException) -> None:
        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        page = self.page_for(Step.REVIEW)
        page.error.show_error(error_message(e))
