"""Identity: scan the passport (a document reader types the MRZ into the first box) or type the details; offer
a person who may already be registered. For a repeat returnee chosen from them, her identity stays as recorded but
her phone and destination stay open, filled with what her record holds: a change is recorded as a correction of
her record with the arrival (``RegistrationFlow.contact_updates``), if the officer's role may correct a record."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checkpoint.errors import ValidationError
from checkpoint.model.roles import may_author
from checkpoint.services import PossibleDuplicate
from checkpoint.services.returnee_contact import MSG_MAY_NOT_AMEND
from checkpoint.workflows.registration import CONTACT_FIELDS, Step
from ui.keyboard_layout import typed_in_another_layout
from ui.messages import field_label
from ui.passport_scan import other_layout_message, scan_status, unreadable_message
from ui.qt import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
)
from ui.widgets.fields import CodeCombo, IntField, TextField, name
from ui.wizards.registration.page import FlowPage

if TYPE_CHECKING:
    from ui.wizards.registration.wizard import RegistrationWizard

__all__ = ["CHECK_FIELDS", "IdentityPage"]

CHECK_FIELDS = {"document_number": ("id_document_number",), "birth_date": ("date_of_birth",),
                "composite": ("id_document_number", "date_of_birth"), "personal_number": (), "expiry_date": ()}
"""The fields each MRZ check digit protects (the expiry and personal number have no field on this page)."""


class IdentityPage(FlowPage):
    step = Step.IDENTITY

    def __init__(self, wiz: RegistrationWizard) -> None:
        super().__init__(wiz)
        self.setTitle(self.tr("Identity"))
        self.setSubTitle(self.tr("Scan the passport (the reader types into the first box) or type the details."))

    def build(self) -> None:
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
            "home_district": TextField("home_district"),
        }
        form = QFormLayout()
        for k, w in self.f.items():
            form.addRow(field_label(k), w)
            w.edited.connect(lambda k=k: self._field_edited(k))
        self._unconfirmed: list[str] = []
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
            w.set_value(self.flow.person.get(k, self._default_citizenship() if k == "citizenship" else None))
            w.blockSignals(False)
        self._show_existing()

    def _unknown_nationality(self) -> str | None:
        return (self.flow.mrz_result or {}).get("unknown_nationality") or None

    def _default_citizenship(self) -> str:
        """Cambodian unless the scanned document named a nationality outside the country list: then nothing is
        selected until the officer chooses."""
        return self._unknown_nationality() or "KHM"

    def store(self) -> None:
        p = {k: w.value() for k, w in self.f.items()}
        p = {k: v for k, v in p.items() if v not in ("", None)}
        for k in ("mrz_valid", "document_issuing_state", "document_expiry"):
            if k in self.flow.person:
                p[k] = self.flow.person[k]
        self.flow.person = p
        self._check_duplicates()

    def _mrz_changed(self) -> None:
        """A scan fills the fields but never leaves the page. The reader's closing Enter lands in the MRZ box (which
        takes it as a new line); only then is the box cleared and the focus moved to the first field to check, so
        that Enter can never press Next."""
        text = self.mrz.toPlainText()
        lines = [ln for ln in text.replace("\r", "\n").split("\n") if ln.strip()]
        if len(lines) < 2 or not text.endswith("\n"):
            return          # wait for the line that ends with the reader's closing Enter
        if typed_in_another_layout(text):
            # The reader types through the active keyboard layout: Khmer letters mean the layout, not the document.
            self.mrz_status.setText(other_layout_message())
            self.mrz.blockSignals(True)
            self.mrz.clear()
            self.mrz.blockSignals(False)
            return
        try:
            res = self.flow.apply_mrz(text)
        except ValidationError:
            self.mrz_status.setText(unreadable_message())
            return
        self.load()
        status = scan_status(res)
        unknown = self._unknown_nationality()
        if unknown:
            status += " " + self.tr("The nationality code %1 is not in the country list: choose the citizenship."
                                    ).replace("%1", unknown)
        self.mrz_status.setText(status)
        self.mrz.blockSignals(True)
        self.mrz.clear()
        self.mrz.blockSignals(False)
        failed = [f for c in sorted(res.failed_checks) for f in CHECK_FIELDS.get(c, ())]
        if unknown:
            failed.append("citizenship")
        self._mark({"family_name", "given_names", "name_khmer", *failed}, set(failed))
        self.changed()

    # fields to check after a scan -------------------------------------------------------------
    def _mark(self, confirm: set[str], unconfirmed: set[str]) -> None:
        """Highlight the scanned fields to confirm; those behind a failed check digit stay marked (and hold Next)
        until the officer corrects them or confirms each with Enter. The focus goes to the first one to check."""
        for k in self.f:
            self._set_mark(k, "failed" if k in unconfirmed else "confirm" if k in confirm else "")
        self._unconfirmed = [k for k in self.f if k in unconfirmed]
        first = self._unconfirmed[0] if self._unconfirmed else next(k for k in self.f if k in confirm)
        self.f[first].setFocus()
        self.mrz_status.setVisible(True)

    def _set_mark(self, key: str, mark: str) -> None:
        w = self.f[key]
        w.setProperty("to_check", mark)
        w.setStyleSheet({"failed": "background: #ffd6d6;", "confirm": "background: #fff4c2;"}.get(mark, ""))

    def _field_edited(self, key: str) -> None:
        if self.f[key].property("to_check"):
            self._confirm(key)
        self.changed()

    def _confirm(self, key: str) -> None:
        self._set_mark(key, "")
        if key in self._unconfirmed:
            self._unconfirmed.remove(key)

    def validatePage(self) -> bool:
        """Enter on a field marked after a failed check digit confirms it and moves to the next one; the page is
        left only when none is left to confirm, and a citizenship is chosen. A repeat returnee's changed phone or
        destination needs a role that may correct a record (the service would refuse the whole save)."""
        if self.flow.existing_person_id:
            self.store()
            changed = self.flow.changed_contact()
            if changed and not may_author(self.wiz.ctx.role, "person.amended"):
                self.error.show_error(QApplication.translate("Core", MSG_MAY_NOT_AMEND))   # the service's refusal
                self.f[changed[0]].setFocus()
                return False
        citizenship = self.f["citizenship"]
        if citizenship.currentIndex() < 0:
            self.error.show_error(self.tr("Choose the citizenship: the document's nationality code is not in the "
                                          "country list."))
            citizenship.setFocus()
            return False
        if self._unconfirmed:
            fw = QApplication.focusWidget()
            focused = next((k for k, w in self.f.items() if w is fw or w.isAncestorOf(fw)), None)
            if focused in self._unconfirmed:
                self._confirm(focused)
            if self._unconfirmed:
                self.error.show_error(self.tr("Check the marked fields against the passport, then press Enter on "
                                              "each (a check digit did not match)."))
                self.f[self._unconfirmed[0]].setFocus()
                return False
        return super().validatePage()

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
        self.flow.use_existing(r.id, r.date_of_birth, {"phone": r.phone, "home_province": r.home_province,
                                                       "home_district": r.home_district})
        self.load()
        self.wiz.check_open_tb()
        self.changed()

    def _new_person(self) -> None:
        self.flow.use_existing(None)
        self.load()
        self.wiz.check_open_tb()
        self.changed()

    def _show_existing(self) -> None:
        ex = bool(self.flow.existing_person_id)
        for k, w in self.f.items():
            w.setEnabled(not ex or k in CONTACT_FIELDS)     # what she says today: a new phone, a new destination
        self.mrz.setEnabled(not ex)
        self.new_person.setVisible(ex)
        for w in (self.dups, self.dups_label, self.use_existing):
            w.setVisible(False if ex else w.isVisible())
        self.existing_label.setText(self.tr("New arrival for a person already registered.") + " " + self.tr(
            "A new phone or destination typed here corrects the person's record.") if ex else "")
