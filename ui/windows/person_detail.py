"""One person's record, as the signed-in role may see it, with corrections, voiding and approval.

    detail = PersonDetail(ctx)
    detail.show_person(person_id)     # reads the record once (the read is logged), then shows it
    detail.loaded.connect(...)        # emitted with the person id when the record is on screen

The record and its history are read in one task on the DB thread (``Session.get_person`` logs the read). The
read happens once per open and again only when a change to this person is reported through ``ctx.changed``;
repainting, scrolling or resizing never reads. All text is plain text (names are user data, never markup).
"""

from __future__ import annotations

from typing import Any

from checkpoint import codelists
from checkpoint.model.roles import Permission, can
from checkpoint.services.changes import Changes
from ui.messages import error_message, field_label
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFont,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.text import code_label, local_datetime

__all__ = ["CorrectDialog", "PersonDetail", "VoidDialog"]

# Identity fields a "Correct…" dialog offers, with the code list behind the coded ones.
CORRECTABLE: tuple[tuple[str, str | None], ...] = (
    ("family_name", None), ("given_names", None), ("name_khmer", None), ("sex", "sexes"),
    ("date_of_birth", None), ("id_document_type", "id_document_types"), ("id_document_number", None),
    ("phone", None), ("home_province", "provinces"), ("home_district", None), ("home_commune", None),
    ("home_village", None),
)
_CODED = {"sex": "sexes", "citizenship": "countries", "id_document_type": "id_document_types",
          "home_province": "provinces", "return_type": "return_types", "country_of_work": "countries",
          "sector_of_work": "sectors", "migration_channel": "migration_channels"}

_EVENT_LABELS = {
    "registration.recorded": QT_TRANSLATE_NOOP("PersonDetail", "Registered"),
    "person.viewed": QT_TRANSLATE_NOOP("PersonDetail", "Viewed"),
    "person.amended": QT_TRANSLATE_NOOP("PersonDetail", "Identity corrected"),
    "encounter.amended": QT_TRANSLATE_NOOP("PersonDetail", "Arrival corrected"),
    "encounter.approved": QT_TRANSLATE_NOOP("PersonDetail", "Arrival approved"),
    "record.voided": QT_TRANSLATE_NOOP("PersonDetail", "Voided"),
    "referral.created": QT_TRANSLATE_NOOP("PersonDetail", "Referral added"),
    "referral.updated": QT_TRANSLATE_NOOP("PersonDetail", "Referral updated"),
}
_TRAFFICKING_OUTCOMES = {
    "PRESUMED_VICTIM": QT_TRANSLATE_NOOP("PersonDetail", "Indicators of trafficking present — refer"),
    "NOT_INDICATED": QT_TRANSLATE_NOOP("PersonDetail", "Indicators not met"),
}
_TRAFFICKING_FLAGS = {
    "CHILD_PROTECTION": QT_TRANSLATE_NOOP("PersonDetail", "Under 18 with exploitation indicators: child protection"),
    "EXPLOITATION_ONLY": QT_TRANSLATE_NOOP("PersonDetail", "Exploitation indicators only (the full rule is not met)"),
    "UNVERIFIED_GRADE_USED": QT_TRANSLATE_NOOP("PersonDetail", "An indicator grade used here is not yet verified"),
}
_TB_OUTCOMES = {
    "PRESUMPTIVE_TB_REFER": QT_TRANSLATE_NOOP("PersonDetail", "Presumptive TB — refer the same day"),
    "HIGH_RISK_REFER_CXR": QT_TRANSLATE_NOOP("PersonDetail", "A TB risk factor — refer for a chest X-ray"),
    "SCREEN_NEGATIVE": QT_TRANSLATE_NOOP("PersonDetail", "Screen negative"),
}
_REFERRAL_KINDS = {
    "protection": QT_TRANSLATE_NOOP("PersonDetail", "Protection referral"),
    "child_protection": QT_TRANSLATE_NOOP("PersonDetail", "Child-protection referral"),
    "health": QT_TRANSLATE_NOOP("PersonDetail", "Health referral"),
}
_REFERRAL_STATUSES = {
    "referred": QT_TRANSLATE_NOOP("PersonDetail", "referred"),
    "arrived": QT_TRANSLATE_NOOP("PersonDetail", "arrived at the facility"),
    "cxr_done": QT_TRANSLATE_NOOP("PersonDetail", "chest X-ray done"),
    "xpert_done": QT_TRANSLATE_NOOP("PersonDetail", "Xpert test done"),
    "diagnosed": QT_TRANSLATE_NOOP("PersonDetail", "diagnosed"),
    "treatment_started": QT_TRANSLATE_NOOP("PersonDetail", "treatment started"),
    "lost_to_follow_up": QT_TRANSLATE_NOOP("PersonDetail", "lost to follow-up"),
    "closed": QT_TRANSLATE_NOOP("PersonDetail", "closed"),
}
_CONSENTS = {
    "storage": QT_TRANSLATE_NOOP("PersonDetail", "storage"),
    "screening": QT_TRANSLATE_NOOP("PersonDetail", "screening"),
    "referral": QT_TRANSLATE_NOOP("PersonDetail", "referral"),
    "sharing": QT_TRANSLATE_NOOP("PersonDetail", "sharing"),
}
_RECORD_TYPES = {
    "person": QT_TRANSLATE_NOOP("PersonDetail", "the whole record"),
    "encounter": QT_TRANSLATE_NOOP("PersonDetail", "an arrival"),
    "trafficking_screening": QT_TRANSLATE_NOOP("PersonDetail", "a trafficking-indicator screen"),
    "tb_screening": QT_TRANSLATE_NOOP("PersonDetail", "a TB screen"),
    "referral": QT_TRANSLATE_NOOP("PersonDetail", "a referral"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("PersonDetail", text)


def load_record(session: Any, person_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Runs on the DB thread: the record (this read is logged) and its history, as one task."""
    return session.records.get(person_id), session.records.history(person_id)


def _label(text: str, name: str = "", *, bold: bool = False, scale: float = 1.0) -> QLabel:
    w = QLabel(text)
    w.setTextFormat(Qt.TextFormat.PlainText)      # names and reasons are user data: never render them as markup
    w.setWordWrap(True)
    if name:
        w.setObjectName(name)
    if bold or scale != 1.0:
        f = QFont(w.font())
        f.setBold(bold)
        if scale != 1.0 and f.pointSizeF() > 0:
            f.setPointSizeF(f.pointSizeF() * scale)
        w.setFont(f)
    return w


def _heading(text: str) -> QLabel:
    w = _label(text, "section", bold=True, scale=1.1)
    w.setContentsMargins(0, 6, 0, 0)
    return w


# ---------------------------------------------------------------------------------------------- dialogs
class _ReasonDialog(QDialog):
    """A small form with a required reason and an inline error line. ``submitted(values)`` fires on OK when the
    form is complete; the owner runs the service call and then calls ``accept()`` or ``show_error()``."""

    submitted = Signal(dict)

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName(field_label("reason"))
        self.reason.setPlaceholderText(QCoreApplication.translate("ReasonDialog", "Why is this needed? (required)"))
        self.reason.setMaxLength(500)
        self.error = _label("", "form_error")
        self.error.setAccessibleName(QCoreApplication.translate("ReasonDialog", "Problem"))
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("ok")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ReasonDialog", "Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)

    def add_reason_row(self) -> None:
        self.form.addRow(field_label("reason"), self.reason)

    def values(self) -> dict[str, Any]:
        return {"reason": self.reason.text().strip()}

    def check(self, values: dict[str, Any]) -> tuple[str, QWidget | None]:
        """A translated problem with the form and the widget to fix it in, or ('', None) when it can be sent."""
        if len(values["reason"]) < 3:
            return (QCoreApplication.translate("ReasonDialog", "%1: give a reason (at least 3 characters).")
                    .replace("%1", field_label("reason")), self.reason)
        return "", None

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.ok_button.setEnabled(True)

    def _submit(self) -> None:
        values = self.values()
        problem, where = self.check(values)
        if problem:
            self.show_error(problem)
            if where is not None:
                where.setFocus()
            return
        self.error.hide()
        self.ok_button.setEnabled(False)      # until the service answers; no double submit
        self.submitted.emit(values)


class CorrectDialog(_ReasonDialog):
    """Correct one identity field: the field, its new value (an editor named by the field id) and a reason."""

    def __init__(self, person: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("CorrectDialog", "Correct identity"),
                         QCoreApplication.translate("CorrectDialog", "Save correction"), parent)
        self._person = person
        self.field = QComboBox()
        self.field.setObjectName("field")
        self.field.setAccessibleName(self.tr("Field to correct"))
        self.editors = QStackedWidget()
        self._editor_by_field: dict[str, QWidget] = {}
        for field, list_name in CORRECTABLE:
            self.field.addItem(field_label(field), field)
            editor: QWidget
            if list_name:
                combo = QComboBox()
                for c in codelists.codes(list_name):
                    combo.addItem(code_label(list_name, c.code), c.code)
                i = combo.findData(person.get(field) or "")
                combo.setCurrentIndex(max(i, 0))
                editor = combo
            else:
                line = QLineEdit(str(person.get(field) or ""))
                if field == "date_of_birth":
                    line.setPlaceholderText(self.tr("YYYY-MM-DD"))
                editor = line
            editor.setObjectName(field)
            editor.setAccessibleName(self.tr("New value: %1").replace("%1", field_label(field)))
            self.editors.addWidget(editor)
            self._editor_by_field[field] = editor
        self.field.currentIndexChanged.connect(self.editors.setCurrentIndex)
        self.form.addRow(self.tr("Field"), self.field)
        self.form.addRow(self.tr("New value"), self.editors)
        self.add_reason_row()

    def editor(self, field: str) -> QWidget:
        return self._editor_by_field[field]

    def select_field(self, field: str) -> None:
        self.field.setCurrentIndex(self.field.findData(field))

    def values(self) -> dict[str, Any]:
        field = str(self.field.currentData())
        editor = self._editor_by_field[field]
        value = str(editor.currentData() or "") if isinstance(editor, QComboBox) else editor.text().strip()
        return {"field": field, "value": value, **super().values()}

    def check(self, values: dict[str, Any]) -> tuple[str, QWidget | None]:
        if values["value"] == str(self._person.get(values["field"]) or ""):
            return (self.tr("%1: the new value is the same as the recorded one.").replace(
                "%1", field_label(values["field"])), self._editor_by_field[values["field"]])
        return super().check(values)


class VoidDialog(_ReasonDialog):
    """Mark a record as entered in error: which record, and a reason. It stays in the history."""

    def __init__(self, choices: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("VoidDialog", "Void a record"),
                         QCoreApplication.translate("VoidDialog", "Void"), parent)
        self.record = QComboBox()
        self.record.setObjectName("record_id")
        self.record.setAccessibleName(self.tr("Record to void"))
        for text, record_type, record_id in choices:
            self.record.addItem(text, (record_type, record_id))
        note = _label(self.tr("Voiding marks a record as entered in error. It is not deleted: it stays in the "
                              "history with your reason."))
        self.form.addRow(note)
        self.form.addRow(self.tr("Record"), self.record)
        self.add_reason_row()

    def values(self) -> dict[str, Any]:
        record_type, record_id = self.record.currentData()
        return {"record_type": record_type, "record_id": record_id, **super().values()}


# ---------------------------------------------------------------------------------------------- the pane
class PersonDetail(QWidget):
    """Shows one person's record (identity, arrivals with consents and screens, referrals, history)."""

    loaded = Signal(str)        # the person id, once the record is on screen

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._person_id: str | None = None
        self._record: dict[str, Any] | None = None
        self._history: list[dict[str, Any]] = []
        self._gen = 0
        self._loading = False
        self.active_dialog: _ReasonDialog | None = None

        self.title = _label("", "person_title", bold=True)
        f = QFont(self.title.font())
        f.setPointSizeF(f.pointSizeF() * 1.3)
        self.title.setFont(f)
        self.status = _label(self.tr("Select a person and press Enter to open the record."), "person_status")
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.setObjectName("correct")
        self.correct_button.setAccessibleName(self.tr("Correct identity"))
        self.correct_button.clicked.connect(self.open_correct_dialog)
        self.void_button = QPushButton(self.tr("Void…"))
        self.void_button.setObjectName("void")
        self.void_button.setAccessibleName(self.tr("Void a record"))
        self.void_button.clicked.connect(self.open_void_dialog)
        for b in (self.correct_button, self.void_button):
            b.hide()

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.correct_button)
        top.addWidget(self.void_button)
        self.body = QWidget()
        self.body.setObjectName("person_body")
        self._body_layout = QVBoxLayout(self.body)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.body)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(self.scroll_area, 1)
        ctx.changed.connect(self._on_changed)

    # ------------------------------------------------------------------ state
    @property
    def person_id(self) -> str | None:
        return self._person_id

    @property
    def record(self) -> dict[str, Any] | None:
        """What get_person returned for the person on screen (None while loading or when cleared)."""
        return self._record

    @property
    def history(self) -> list[dict[str, Any]]:
        return list(self._history)

    def text(self) -> str:
        """Everything the pane shows, as plain text (for screen-reader checks, tests and automation)."""
        parts = [self.title.text(), self.status.text() if self.status.isVisibleTo(self) else ""]
        for w in self.body.findChildren(QWidget):
            if not w.isVisibleTo(self):
                continue
            if isinstance(w, QGroupBox):
                parts.append(w.title())
            elif isinstance(w, QLabel):
                parts.append(w.text())
        return "\n".join(p for p in parts if p)

    # ------------------------------------------------------------------ loading
    def show_person(self, person_id: str, *, force: bool = False) -> None:
        """Open a person's record. Opening the one already shown (or loading) does nothing unless ``force``."""
        if person_id == self._person_id and not force and (self._loading or self._record is not None):
            return
        self._gen += 1
        gen = self._gen
        if person_id != self._person_id:
            self._close_dialog()
            self._record, self._history = None, []
            self._clear_body()
            self.title.setText("")
            self._set_status(self.tr("Loading…"))
            self.correct_button.hide()
            self.void_button.hide()
        self._person_id = person_id
        self._loading = True
        self._ctx.call(load_record, self._ctx.session, person_id,
                       on_done=lambda r: self._on_loaded(gen, r), on_error=lambda e: self._on_load_error(gen, e))

    def clear(self, hint: str | None = None) -> None:
        """Take the record off the screen (another row selected, or the screen locks)."""
        self._gen += 1
        self._close_dialog()
        self._person_id, self._record, self._history, self._loading = None, None, [], False
        self._clear_body()
        self.title.setText("")
        self.correct_button.hide()
        self.void_button.hide()
        self._set_status(hint if hint is not None else self.tr("Select a person and press Enter to open the "
                                                               "record."))

    def _on_loaded(self, gen: int, result: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
        if gen != self._gen:
            return
        self._loading = False
        self._record, self._history = result
        self._render()
        self.loaded.emit(self._person_id or "")

    def _on_load_error(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self._loading = False
        if self._record is None:
            self._set_status(error_message(exc))
        self._ctx.show_error(None, exc)

    def _on_changed(self, changes: Changes) -> None:
        if self._person_id is None or self._record is None:
            return
        pid = changes.ids.get("person")
        relevant = changes.persons or changes.encounters or changes.referrals
        if pid == self._person_id or (pid is None and relevant):
            self.show_person(self._person_id, force=True)

    # ------------------------------------------------------------------ rendering
    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _clear_body(self) -> None:
        while self._body_layout.count():
            item = self._body_layout.takeAt(0)
            w = item.widget()
            if w is not None:
                w.hide()
                w.deleteLater()

    def _render(self) -> None:
        assert self._record is not None
        p = self._record["person"]
        self._clear_body()
        latin = " ".join(x for x in (p.get("family_name"), p.get("given_names")) if x)
        self.title.setText(" · ".join(x for x in (latin, p.get("name_khmer")) if x))
        self.title.setAccessibleName(self.title.text())
        if p.get("voided"):
            self._set_status(self.tr("This record was voided: %1").replace("%1", p.get("void_reason") or ""))
        else:
            self._set_status("")
        role = self._ctx.role
        me = self._ctx.session.user.id
        may_amend = can(role, Permission.AMEND_ANY) or (can(role, Permission.AMEND_OWN)
                                                        and p.get("registered_by") == me)
        self.correct_button.setVisible(may_amend and not p.get("voided"))
        self.void_button.setVisible(can(role, Permission.VOID) and not p.get("voided") and bool(self._void_choices()))

        parts: list[QWidget] = [self._identity_box(p)]
        parts += [self._arrival_box(e) for e in reversed(self._record["encounters"])]    # newest arrival first
        if not self._record["encounters"]:
            parts.append(_label(self.tr("No arrivals recorded.")))
        parts.append(self._history_box())
        for w in parts:
            self._body_layout.addWidget(w)
            w.show()        # now, not on the next event loop pass: the pane is complete when loaded() fires
        self._body_layout.addStretch(1)

    def _identity_box(self, p: dict[str, Any]) -> QGroupBox:
        box = QGroupBox(self.tr("Identity"))
        box.setObjectName("identity")
        form = QFormLayout(box)
        for field in ("family_name", "given_names", "name_khmer", "sex", "date_of_birth", "citizenship",
                      "id_document_type", "id_document_number", "phone", "home_province", "home_district",
                      "home_commune", "home_village"):
            value = p.get(field)
            if value in (None, "") and field not in ("family_name", "given_names", "date_of_birth"):
                continue
            text = code_label(_CODED[field], value) if field in _CODED else str(value or "")
            if field == "date_of_birth" and value and p.get("dob_estimated"):
                text = self.tr("%1 (estimated)").replace("%1", text)
            form.addRow(field_label(field), _label(text, f"show_{field}"))
        return box

    def _arrival_box(self, e: dict[str, Any]) -> QGroupBox:
        title = self.tr("Arrival %1").replace("%1", local_datetime(e.get("arrival_at")))
        if e.get("voided"):
            title += " " + self.tr("(voided)")
        box = QGroupBox(title)
        box.setObjectName("arrival")
        lay = QVBoxLayout(box)
        form = QFormLayout()
        for field in ("return_type", "country_of_work", "sector_of_work", "migration_channel"):
            if e.get(field):
                form.addRow(field_label(field), _label(code_label(_CODED[field], e[field])))
        if e.get("duration_abroad_months") is not None:
            form.addRow(field_label("duration_abroad_months"), _label(str(e["duration_abroad_months"])))
        review = self.tr("Approved") if e.get("review_status") == "approved" else self.tr("Waiting for review")
        form.addRow(self.tr("Review"), _label(review))
        consents = e.get("consents") or {}
        order = [k for k in _CONSENTS if k in consents] + sorted(k for k in consents if k not in _CONSENTS)
        consent_text = "; ".join(
            f"{_t(_CONSENTS.get(k, k))}: {self.tr('yes') if consents[k] else self.tr('no')}" for k in order)
        form.addRow(field_label("consents"), _label(consent_text or self.tr("Not recorded")))
        lay.addLayout(form)

        lay.addWidget(_heading(self.tr("Trafficking indicators")))
        screens = e.get("trafficking") or []
        if not screens:
            lay.addWidget(_label(self.tr("Not screened")))
        for t in screens:
            if t.get("restricted"):
                lay.addWidget(_label(self.tr("Not visible to your role"), "trafficking_outcome"))
                continue
            outcome = _t(_TRAFFICKING_OUTCOMES.get(t.get("outcome", ""), t.get("outcome", "")))
            if t.get("voided"):
                outcome += " " + self.tr("(voided)")
            lay.addWidget(_label(outcome, "trafficking_outcome", bold=True))
            for flag in t.get("flags") or []:
                lay.addWidget(_label(_t(_TRAFFICKING_FLAGS.get(flag, flag))))
            lay.addWidget(self._explanation(t, "trafficking_explanation"))

        lay.addWidget(_heading(self.tr("TB screen")))
        tbs = e.get("tb") or []
        if not can(self._ctx.role, Permission.VIEW_TB):
            lay.addWidget(_label(self.tr("Not visible to your role"), "tb_outcome"))
        elif not tbs:
            lay.addWidget(_label(self.tr("Not screened")))
        for tb in tbs:
            outcome = _t(_TB_OUTCOMES.get(tb.get("outcome", ""), tb.get("outcome", "")))
            if tb.get("voided"):
                outcome += " " + self.tr("(voided)")
            lay.addWidget(_label(outcome, "tb_outcome", bold=True))
            lay.addWidget(self._explanation(tb, "tb_explanation"))

        refs = e.get("referrals") or []
        if refs:
            lay.addWidget(_heading(self.tr("Referrals")))
        for r in refs:
            lay.addWidget(_label(self._referral_text(r), "referral"))

        if can(self._ctx.role, Permission.APPROVE) and e.get("review_status") == "pending" and not e.get("voided"):
            approve = QPushButton(self.tr("Approve"))
            approve.setObjectName("approve")
            approve.setAccessibleName(self.tr("Approve the arrival of %1").replace(
                "%1", local_datetime(e.get("arrival_at"))))
            approve.clicked.connect(lambda _=False, eid=e["id"]: self.approve(eid))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(approve)
            lay.addLayout(row)
        return box

    @staticmethod
    def _explanation(screen: dict[str, Any], name: str) -> QLabel:
        lines = [QCoreApplication.translate("Core", line) for line in screen.get("explanation") or []]
        w = _label("\n".join(lines), name)
        w.setIndent(12)
        return w

    def _referral_text(self, r: dict[str, Any]) -> str:
        kind = _t(_REFERRAL_KINDS.get(r.get("kind", ""), r.get("kind", "")))
        if r.get("restricted"):
            return self.tr("%1 (details not visible to your role)").replace("%1", kind)
        agency = code_label("health_facilities" if r.get("kind") == "health" else "agencies", r.get("agency_code"))
        status = _t(_REFERRAL_STATUSES.get(r.get("status", ""), r.get("status", "")))
        text = self.tr("%1 to %2: %3").replace("%1", kind).replace("%2", agency).replace("%3", status)
        if r.get("urgency"):
            text += " (" + code_label("referral_urgencies", r["urgency"]) + ")"
        if r.get("voided"):
            text += " " + self.tr("(voided)")
        return text

    def _history_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("History of changes"))
        box.setObjectName("history")
        lay = QVBoxLayout(box)
        for h in self._history:
            what = _t(_EVENT_LABELS.get(h.get("what", ""), h.get("what", "")))
            text = f"{local_datetime(h.get('at'))} — {h.get('who', '')} — {what}"
            changes = h.get("changes") or {}
            if changes:
                text += ": " + "; ".join(f"{field_label(k)} → {'' if v is None else v}" for k, v in changes.items())
            elif h.get("fields"):
                text += ": " + ", ".join(field_label(f) for f in h["fields"])
            if h.get("reason"):
                text += " — " + self.tr("reason: %1").replace("%1", h["reason"])
            lay.addWidget(_label(text, "history_entry"))
        return box

    # ------------------------------------------------------------------ actions
    def _close_dialog(self) -> None:
        if self.active_dialog is not None:
            self.active_dialog.reject()
            self.active_dialog = None

    def _void_choices(self) -> list[tuple[str, str, str]]:
        if self._record is None:
            return []
        p = self._record["person"]
        out: list[tuple[str, str, str]] = []
        if not p.get("voided"):
            out.append((self.tr("This person's whole record"), "person", p["id"]))
        for e in reversed(self._record["encounters"]):
            when = local_datetime(e.get("arrival_at"))
            if not e.get("voided"):
                out.append((self.tr("Arrival %1").replace("%1", when), "encounter", e["id"]))
            for t in e.get("trafficking") or []:
                if not t.get("restricted") and not t.get("voided"):
                    out.append((self.tr("Trafficking-indicator screen of %1").replace("%1", when),
                                "trafficking_screening", t["id"]))
            for tb in e.get("tb") or []:
                if not tb.get("voided"):
                    out.append((self.tr("TB screen of %1").replace("%1", when), "tb_screening", tb["id"]))
            for r in e.get("referrals") or []:
                if not r.get("restricted") and not r.get("voided"):
                    out.append((self._referral_text(r), "referral", r["id"]))
        return out

    def _open(self, dialog: _ReasonDialog) -> _ReasonDialog:
        self._close_dialog()
        self.active_dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_finished(d))
        dialog.open()
        return dialog

    def _dialog_finished(self, dialog: _ReasonDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()

    def open_correct_dialog(self) -> CorrectDialog | None:
        """Open the "Correct…" dialog for the person on screen (also what the button does)."""
        if self._record is None or self._person_id is None:
            return None
        person = dict(self._record["person"])
        dlg = CorrectDialog(person, self)
        pid = self._person_id

        def submit(values: dict[str, Any]) -> None:
            changes = {values["field"]: values["value"] or None}
            if values["field"] == "id_document_number":
                # The core checks a number against the document type given with it; send the recorded type.
                changes["id_document_type"] = person.get("id_document_type") or "NONE"
            self._ctx.mutate(self._ctx.session.corrections.amend_person, pid, changes, values["reason"],
                             on_done=lambda _r: dlg.accept(), on_error=lambda e: self._dialog_error(dlg, e))

        dlg.submitted.connect(submit)
        self._open(dlg)
        return dlg

    def open_void_dialog(self) -> VoidDialog | None:
        """Open the "Void…" dialog (supervisors): which record, and a required reason."""
        choices = self._void_choices()
        if not choices or not can(self._ctx.role, Permission.VOID):
            return None
        dlg = VoidDialog(choices, self)

        def submit(values: dict[str, Any]) -> None:
            self._ctx.mutate(self._ctx.session.corrections.void, values["record_type"], values["record_id"],
                             values["reason"], on_done=lambda _r: dlg.accept(),
                             on_error=lambda e: self._dialog_error(dlg, e))

        dlg.submitted.connect(submit)
        self._open(dlg)
        return dlg

    def approve(self, encounter_id: str) -> None:
        """Approve an arrival (supervisors). The pane reloads from the change the service reports."""
        self._ctx.mutate(self._ctx.session.review.approve, encounter_id,
                         on_error=lambda e: self._ctx.show_error(self, e))

    def _dialog_error(self, dialog: _ReasonDialog, exc: BaseException) -> None:
        dialog.show_error(error_message(exc))
        self._ctx.show_error(None, exc)       # also to the status bar, as every error is
