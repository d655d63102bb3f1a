"""Quick registration from a handover list: choose the group, select a row, Enter, complete what the list lacks,
Enter. The row's names, sex and date of birth come from the list; the officer adds a phone, the destination
(province, district, commune, village: the last three complete from values already used), the flags (Alt+letter),
a household and role, and an interpreter's language (ISO 639-3, type the name in Khmer or English or the code),
then saves in one step (one event and transaction, ``session.arrivals.quick_register``). The next waiting row is
then selected.

Also, keyboard first:
- New &group… (Alt+G, Ctrl+G; officers and supervisors, IMPORT_HANDOVER): a group typed with no list.
- &Add a person (Alt+A, Ctrl+Shift+N; Ctrl+N stays the window's new full registration): an empty row for a
  person on no list, saved into the chosen group (or none).
- A passport's machine-readable zone scanned into the MRZ box fills names, sex, date of birth and document (parsed
  by the registration flow's own ``apply_mrz``, as in the full registration).
- Before a new person is saved, possible repeat returnees (``registrations.find_duplicates``, logged as a
  "duplicates" read) are offered inline, each with the day and checkpoint of her last arrival: Enter (or Alt+U) on
  one adds this arrival to that person, with the phone and destination typed here recorded as a correction of her
  record (``quick_register(person_updates=...)``); Alt+N saves a new person all the same.
- After saving a child, the child's status (accompanied, separated, unaccompanied) and guardian are shown.

An adult with no document whose row is complete: Enter, the phone number, Enter (≤ 15 key presses; counted in
tests/ui/test_arrivals_ui.py).
"""

from __future__ import annotations

import itertools
import re
import uuid
from typing import Any

from checkpoint import codelists
from checkpoint.arrivals.codes import HOUSEHOLD_ROLES
from checkpoint.arrivals.handover import parse_date
from checkpoint.errors import ValidationError
from checkpoint.model.roles import Permission, can
from checkpoint.workflows.registration import RegistrationFlow
from ui.context import AppContext
from ui.keyboard_layout import typed_in_another_layout
from ui.messages import error_message, fill
from ui.passport_scan import other_layout_message, scan_status, unreadable_message
from ui.qt import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QShortcut,
    QStringListModel,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.text import checkpoint_label, local_date
from ui.views.arrivals.group_dialog import GroupDialog
from ui.views.arrivals.import_dialog import ImportDialog
from ui.widgets.fields import CodeCombo, ErrorLabel

__all__ = ["QuickRegistrationForm"]

_TEXT_FIELDS = ("family_name", "given_names", "name_khmer", "date_of_birth", "id_document_number", "phone",
                "home_district", "home_commune", "home_village")
_DESTINATIONS = ("home_district", "home_commune", "home_village")
_PROBE = ("family_name", "given_names", "name_khmer", "date_of_birth", "age_years", "id_document_number",
          "id_document_type", "phone", "sex")
_MRZ_EXTRA = ("citizenship", "document_issuing_state", "document_expiry", "mrz_valid")
NEW_HOUSEHOLD = "new"


class _EnterList(QListWidget):
    """A list where Enter acts on the current item (and does not reach the form, which would save)."""

    def __init__(self, on_enter: Any) -> None:
        super().__init__()
        self._on_enter = on_enter

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            return
        super().keyPressEvent(e)


def _search_combo(combo: QComboBox) -> QComboBox:
    """An editable combo whose typed text finds items by any part of their label (Khmer or Latin)."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    c = combo.completer()
    assert c is not None                    # an editable combo always has one
    c.setFilterMode(Qt.MatchFlag.MatchContains)
    c.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    c.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return combo


def _typed_code(combo: QComboBox) -> str | None:
    """The code of what is typed in a search combo: an item's label or its code; '' for nothing; None when the
    text names no item."""
    text = combo.currentText().strip()
    if not text:
        return ""
    folded = text.casefold()
    for i in range(combo.count()):
        data = str(combo.itemData(i) or "")
        if combo.itemText(i).casefold() == folded or (data and data.casefold() == folded):
            return data
    return None


class QuickRegistrationForm(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("quick_registration")
        self.row: dict[str, Any] | None = None
        self.typing = False                      # "Add a person": a person on no list
        self.person_id: str | None = None        # a repeat returnee chosen from the possible duplicates
        self.as_new = False                      # the officer said: not one of them, a new person
        self.mrz_extra: dict[str, Any] = {}      # what a scan read that has no field here (citizenship, expiry)
        self._select_household: str | None = None
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        self.group = QComboBox()
        self.group.setObjectName("group")
        self.group.setAccessibleName(self.tr("Group"))
        left.addWidget(self.group)
        self.new_group_button: QPushButton | None = None
        if can(ctx.role, Permission.IMPORT_HANDOVER):
            self.import_button = QPushButton(self.tr("Import a &list…"))
            self.import_button.setObjectName("import_list")
            self.import_button.clicked.connect(self.open_import)
            left.addWidget(self.import_button)
            self.new_group_button = QPushButton(self.tr("New &group… (Ctrl+G)"))
            self.new_group_button.setObjectName("new_group")
            self.new_group_button.clicked.connect(self.open_new_group)
            left.addWidget(self.new_group_button)
            QShortcut(QKeySequence("Ctrl+G"), self).activated.connect(self.open_new_group)
        self.add_button = QPushButton(self.tr("&Add a person not on the list (Ctrl+Shift+N)"))
        self.add_button.setObjectName("add_person")
        self.add_button.clicked.connect(self.add_person)
        left.addWidget(self.add_button)
        QShortcut(QKeySequence("Ctrl+Shift+N"), self).activated.connect(self.add_person)
        self.group_counts = QLabel()
        self.group_counts.setObjectName("group_counts")
        left.addWidget(self.group_counts)
        self.rows = _EnterList(self.load_current)
        self.rows.setObjectName("list_rows")
        self.rows.setAccessibleName(self.tr("Rows of the list waiting for registration"))
        left.addWidget(self.rows, 1)
        lay.addLayout(left, 1)
        right = QVBoxLayout()
        self.mrz = QPlainTextEdit()
        self.mrz.setObjectName("mrz")
        self.mrz.setAccessibleName(self.tr("Passport machine-readable zone"))
        self.mrz.setPlaceholderText(self.tr("Scan passport here"))
        self.mrz.setFixedHeight(40)
        self.mrz.setTabChangesFocus(True)
        font = self.mrz.font()
        font.setFamily("monospace")
        self.mrz.setFont(font)
        self.mrz.textChanged.connect(self._mrz_changed)
        right.addWidget(self.mrz)
        form = QFormLayout()
        titles = {"family_name": self.tr("Family name"), "given_names": self.tr("Given names"),
                  "name_khmer": self.tr("Name in Khmer"), "date_of_birth": self.tr("Date of birth"),
                  "id_document_number": self.tr("Document number"),
                  "phone": self.tr("Phone"), "home_district": self.tr("Destination district"),
                  "home_commune": self.tr("Destination commune"), "home_village": self.tr("Destination village")}
        self.fields: dict[str, QLineEdit] = {}
        self.completers: dict[str, QCompleter] = {}
        self.sex = QComboBox()
        self.sex.setObjectName("sex")
        self.sex.setAccessibleName(self.tr("Sex"))
        for code, text in (("F", self.tr("Female")), ("M", self.tr("Male")), ("X", self.tr("Other")),
                           ("UNKNOWN", self.tr("Not known"))):
            self.sex.addItem(text, code)
        self.doc_type = CodeCombo("id_document_type", "id_document_types")
        self.doc_type.setAccessibleName(self.tr("Document type"))
        self.province = _search_combo(CodeCombo("home_province", "provinces"))
        self.province.setAccessibleName(self.tr("Destination province"))
        for f in _TEXT_FIELDS:
            w = QLineEdit()
            w.setObjectName(f)
            w.setAccessibleName(titles[f])
            self.fields[f] = w
            if f == "id_document_number":
                form.addRow(self.tr("Document type"), self.doc_type)
            if f == "phone":
                form.addRow(self.tr("Sex"), self.sex)
            if f == "home_district":
                form.addRow(self.tr("Destination province"), self.province)
            form.addRow(titles[f], w)
            if f in _DESTINATIONS:
                c = QCompleter(QStringListModel([], self), self)
                c.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                c.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
                w.setCompleter(c)
                w.textEdited.connect(lambda text, f=f: self._complete(f, text))
                self.completers[f] = c
        self.fields["date_of_birth"].setPlaceholderText(self.tr("31/12/1990 (or 2533), or an age: 35"))
        self.household = QComboBox()
        self.household.setObjectName("household")
        self.household.setAccessibleName(self.tr("Household"))
        self.role = QComboBox()
        self.role.setObjectName("household_role")
        self.role.setAccessibleName(self.tr("Role in the household"))
        roles = {"HEAD": self.tr("Head"), "SPOUSE": self.tr("Spouse"), "CHILD": self.tr("Child"),
                 "OTHER_RELATIVE": self.tr("Other relative")}
        self.role.addItem("—", "")
        for r in HOUSEHOLD_ROLES:
            self.role.addItem(roles[r], r)
        hh = QHBoxLayout()
        hh.addWidget(self.household, 2)
        hh.addWidget(self.role, 1)
        form.addRow(self.tr("Household and role"), hh)
        self.language = _search_combo(QComboBox())
        self.language.setObjectName("interpreter_language")
        self.language.setAccessibleName(self.tr("Interpreter's language (ISO 639)"))
        self.language.addItem("", "")
        for lang in codelists.codes("languages"):
            label = " · ".join(x for x in (lang.label_km, lang.label_en) if x)
            self.language.addItem(f"{label} ({lang.code})", lang.code)
        self.language.setCurrentIndex(0)
        form.addRow(self.tr("Interpreter's language (ISO 639)"), self.language)
        right.addLayout(form)
        self.flags: dict[str, QCheckBox] = {}
        flags = QGridLayout()
        for code, text in (("INJURED_OR_ILL", self.tr("&Injured or acutely ill")),
                           ("PREGNANT", self.tr("&Pregnant")), ("DISABILITY", self.tr("&Disability")),
                           ("OLDER_PERSON", self.tr("&Older person")),
                           ("CONTROLLING_PERSON_PRESENT", self.tr("&Controlling person present")),
                           ("VISIBLE_DISTRESS", self.tr("&Visible distress"))):
            cb = QCheckBox(text)
            cb.setObjectName(f"flag_{code}")
            flags.addWidget(cb, len(self.flags) // 2, len(self.flags) % 2)     # two columns: fits 768 px
            self.flags[code] = cb
        right.addLayout(flags)
        self.dups_label = QLabel(self.tr("This person may already be registered: Enter on one adds this arrival "
                                         "to that person."))
        self.dups_label.setObjectName("duplicates_label")
        self.dups_label.setWordWrap(True)
        self.dups = _EnterList(self.use_duplicate)
        self.dups.setObjectName("duplicates")
        self.dups.setAccessibleName(self.tr("Possible duplicates"))
        self.dups.setMaximumHeight(56)
        self.use_button = QPushButton(self.tr("&Use the selected person"))
        self.use_button.setObjectName("use_existing")
        self.use_button.clicked.connect(self.use_duplicate)
        self.new_button = QPushButton(self.tr("A &new person, not one of these"))
        self.new_button.setObjectName("new_person")
        self.new_button.clicked.connect(self.save_as_new)
        dup_row = QHBoxLayout()                  # one row: the whole form still fits a 1366 x 768 screen
        dup_row.addWidget(self.dups_label, 1)
        dup_row.addWidget(self.use_button)
        dup_row.addWidget(self.new_button)
        right.addLayout(dup_row)
        right.addWidget(self.dups)
        self._show_duplicates_panel(False)
        self.error = ErrorLabel("quick_error", self.tr("Why the arrival was not saved"))
        right.addWidget(self.error)
        self.message = QLabel()
        self.message.setObjectName("quick_message")
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        lay.addLayout(right, 2)
        order = [self.mrz, *(self.fields[f] for f in ("family_name", "given_names", "name_khmer", "date_of_birth")),
                 self.doc_type, self.fields["id_document_number"], self.sex, self.fields["phone"], self.province,
                 *(self.fields[f] for f in _DESTINATIONS), self.household, self.role, self.language,
                 *self.flags.values()]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.save)
        self.group.currentIndexChanged.connect(lambda _i: self.load_rows())
        self.load_groups()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        """Enter anywhere in the form (a field, a flag's check box) saves."""
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (self.row is not None or self.typing):
            self.save()
            return
        super().keyPressEvent(e)

    def open_import(self) -> ImportDialog:
        dlg = ImportDialog(self.ctx, self)
        dlg.imported.connect(lambda _gid: self.load_groups())
        dlg.open()
        return dlg

    def open_new_group(self) -> GroupDialog | None:
        if not can(self.ctx.role, Permission.IMPORT_HANDOVER):
            return None
        dlg = GroupDialog(self.ctx, self)
        dlg.created.connect(lambda gid: self.load_groups(select=gid))
        dlg.open()
        dlg.transport.setFocus()
        return dlg

    # ------------------------------------------------------------------ reading
    def load_groups(self, select: str | None = None) -> None:
        self.ctx.call(self.ctx.session.arrivals.groups, on_done=lambda g: self._show_groups(g, select), owner=self,
                      latest="groups")

    def _show_groups(self, groups: list[Any], select: str | None = None) -> None:
        self.group.blockSignals(True)
        self.group.clear()
        transports = {"BUS": self.tr("Bus"), "TRUCK": self.tr("Truck"), "VAN": self.tr("Van"),
                      "ON_FOOT": self.tr("On foot"), "OTHER": self.tr("Other")}
        for g in groups:
            self.group.addItem(" ".join(x for x in (transports.get(g.transport, g.transport), g.vehicle,
                                                     g.handover_ref) if x), g.id)
        self.group.addItem(self.tr("No group"), "")
        if select:
            self.group.setCurrentIndex(max(0, self.group.findData(select)))
        self.group.blockSignals(False)
        self.load_rows()

    def load_rows(self, then_select: int | None = None) -> None:
        gid = self.group.currentData()
        if not gid:
            self.rows.clear()
            self.group_counts.clear()
            self._show_households([])
            return
        a = self.ctx.session.arrivals

        def read() -> tuple[Any, list[dict[str, Any]], list[dict[str, Any]]]:
            return a.group(gid), a.rows(gid, status="waiting"), a.group_households(gid)
        self.ctx.call(read, on_done=lambda r: self._show_rows(r, then_select), owner=self, latest="rows")

    def _show_rows(self, result: tuple[Any, list[dict[str, Any]], list[dict[str, Any]]],
                   select: int | None) -> None:
        g, rows, households = result
        self.group_counts.setText(self.tr("Expected %1 · registered %2 · left %3 · waiting %4")
                                  .replace("%1", str(g.expected if g.expected is not None else "?"))
                                  .replace("%2", str(g.registered)).replace("%3", str(g.left))
                                  .replace("%4", str(g.waiting)))
        self._show_households(households)
        self.rows.clear()
        for r in rows:
            p = r["person"]
            name = " ".join(x for x in (p["family_name"], p["given_names"]) if x)
            it = QListWidgetItem(f"{r['row']}. {name} {p['name_khmer']} {p['sex']} {p['date_of_birth'] or ''}")
            it.setData(Qt.ItemDataRole.UserRole, r)
            self.rows.addItem(it)
        if self.rows.count() and not self.typing:
            self.rows.setCurrentRow(min(select or 0, self.rows.count() - 1))
            self.rows.setFocus()

    def _show_households(self, households: list[dict[str, Any]]) -> None:
        keep = self._select_household or self.household.currentData()
        self._select_household = None
        self.household.clear()
        self.household.addItem(self.tr("No household (or the list's)"), "")
        for h in households:
            self.household.addItem(self.tr("Household: %1").replace("%1", ", ".join(h["members"])), h["id"])
        self.household.addItem(self.tr("New household"), NEW_HOUSEHOLD)
        i = self.household.findData(keep) if keep and keep != NEW_HOUSEHOLD else 0
        self.household.setCurrentIndex(max(0, i))

    def load_current(self) -> None:
        """Fill the form from the selected row and put the cursor where the list leaves a gap (the phone)."""
        item = self.rows.currentItem()
        if item is None:
            return
        self._reset()
        self.row = item.data(Qt.ItemDataRole.UserRole)
        p = self.row["person"]
        for f, w in self.fields.items():
            w.setText(str(p.get(f) or ""))
        self.sex.setCurrentIndex(max(0, self.sex.findData(p.get("sex") or "UNKNOWN")))
        self.doc_type.set_value("" if p.get("id_document_type") in (None, "NONE") else p.get("id_document_type"))
        self.province.setCurrentIndex(max(0, self.province.findData(p.get("home_province") or "")))
        self.fields["phone"].setFocus()

    def add_person(self) -> None:
        """An empty row: a person on no list, saved into the chosen group (or none). The household chosen last
        stays chosen, so a mother and her children are typed one after the other."""
        self._reset()
        self.typing = True
        for w in self.fields.values():
            w.clear()
        self.sex.setCurrentIndex(0)
        self.doc_type.set_value("")
        self.province.setCurrentIndex(0)
        self.message.setText(self.tr("A person not on the list: type the details, Enter saves."))
        self.fields["family_name"].setFocus()

    def _reset(self) -> None:
        self.row = None
        self.typing = False
        self.person_id = None
        self.as_new = False
        self.mrz_extra = {}
        for cb in self.flags.values():
            cb.setChecked(False)
        self.language.setCurrentIndex(0)
        self.role.setCurrentIndex(0)
        self.message.clear()
        self.error.show_error("")
        self._show_duplicates_panel(False)

    # ------------------------------------------------------------------ completion
    def _complete(self, field: str, prefix: str) -> None:
        """Values already used for this destination field, read on the DB worker as the officer types."""
        model = self.completers[field].model()
        self.ctx.call(self.ctx.session.arrivals.destinations, field, prefix.strip(),
                      on_done=lambda vals: self._completions(field, vals), on_error=lambda _e: None, owner=self,
                      latest=("destinations", field))
        if not prefix.strip():
            assert isinstance(model, QStringListModel)
            model.setStringList([])

    def _completions(self, field: str, values: list[str]) -> None:
        c = self.completers[field]
        model = c.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(values)
        w = self.fields[field]
        if values and w.hasFocus() and w.text().strip():
            c.setCompletionPrefix(w.text())
            c.complete()

    # ------------------------------------------------------------------ the scan
    def _mrz_changed(self) -> None:
        """A document reader types the MRZ lines and a closing Enter: parse it with the registration flow's own
        parser, fill the fields, clear the box. Never saves by itself."""
        text = self.mrz.toPlainText()
        lines = [ln for ln in text.replace("\r", "\n").split("\n") if ln.strip()]
        if len(lines) < 2 or not text.endswith("\n"):
            return
        self.mrz.blockSignals(True)
        self.mrz.clear()
        self.mrz.blockSignals(False)
        if typed_in_another_layout(text):
            self.error.show_error(other_layout_message())
            return
        flow = RegistrationFlow(now=self.ctx.session.store.clock.now())
        try:
            res = flow.apply_mrz(text)
        except ValidationError:
            self.error.show_error(unreadable_message())
            return
        unknown = (flow.mrz_result or {}).get("unknown_nationality")
        if unknown:             # never recorded as some other country: the full registration asks the citizenship
            self.error.show_error(self.tr("The nationality code %1 is not in the country list: register this person "
                                          "with the full registration, which asks the citizenship.")
                                  .replace("%1", str(unknown)))
            return
        if self.row is None and not self.typing:
            self.add_person()
        p = flow.person
        for f in ("family_name", "given_names", "date_of_birth", "id_document_number"):
            if p.get(f):
                self.fields[f].setText(str(p[f]))
        self.sex.setCurrentIndex(max(0, self.sex.findData(p.get("sex") or "UNKNOWN")))
        self.doc_type.set_value(p.get("id_document_type") or "")
        self.mrz_extra = {k: p[k] for k in _MRZ_EXTRA if p.get(k) not in (None, "")}
        self.error.show_error("")
        self.message.setText(scan_status(res))
        self.fields["phone"].setFocus()

    # ------------------------------------------------------------------ saving
    def typed_person(self) -> dict[str, Any]:
        """Everything on the form as a person (a typed person, or the probe for possible duplicates)."""
        out: dict[str, Any] = {}
        for f, w in self.fields.items():
            v = w.text().strip()
            if v:
                out[f] = v
        dob = out.pop("date_of_birth", "")
        if re.fullmatch(r"\d{1,3}", dob):
            out["age_years"] = int(dob)
        elif dob:
            try:
                out["date_of_birth"] = parse_date(dob)     # 31/12/1990, Buddhist-era years, as lists write them
            except ValueError:
                out["date_of_birth"] = dob                 # the service names it: "is not a date"
        out["sex"] = self.sex.currentData()
        if self.doc_type.value():
            out["id_document_type"] = self.doc_type.value()
        province = _typed_code(self.province)
        if province:
            out["home_province"] = province
        return {**self.mrz_extra, **out}

    def person_changes(self) -> dict[str, Any]:
        """What the officer typed that the list row does not already say."""
        base = (self.row or {}).get("person", {})
        out: dict[str, Any] = {}
        for f, w in self.fields.items():
            v = w.text().strip()
            if v != str(base.get(f) or ""):
                out[f] = v or None
        if "date_of_birth" in out:
            typed = self.typed_person()
            out.pop("date_of_birth")
            for k in ("date_of_birth", "age_years"):
                if k in typed:
                    out[k] = typed[k]
        if self.sex.currentData() != base.get("sex"):
            out["sex"] = self.sex.currentData()
        if (self.doc_type.value() or "NONE") != (base.get("id_document_type") or "NONE"):
            out["id_document_type"] = self.doc_type.value() or "NONE"
        province = _typed_code(self.province)
        if province is not None and province != (base.get("home_province") or ""):
            out["home_province"] = province or None
        out.update(self.mrz_extra)
        return out

    def contact_typed(self) -> dict[str, Any]:
        """The phone and destination on the form (what is filled in), for a repeat returnee chosen from the possible
        duplicates: the service records what differs from her record as a correction of it."""
        out = {f: self.fields[f].text().strip() for f in ("phone", *_DESTINATIONS) if self.fields[f].text().strip()}
        province = _typed_code(self.province)
        if province:
            out["home_province"] = province
        return out

    def _probe(self) -> dict[str, Any]:
        p = {**(self.row or {}).get("person", {}), **self.typed_person()} if self.row else self.typed_person()
        if "age_years" in p:
            p.pop("date_of_birth", None)
        return {k: v for k, v in p.items() if k in _PROBE and v not in (None, "")}

    def _check(self) -> str | None:
        """A translated message for what the form itself can tell is wrong (nothing is sent then)."""
        if _typed_code(self.province) is None:
            return self.tr("Destination province: not in the list. Choose one of the provinces.")
        if _typed_code(self.language) is None and not re.fullmatch(r"[A-Za-z]{2,3}",
                                                                   self.language.currentText().strip()):
            return self.tr("Interpreter's language: not in the list. Choose a language, or type its ISO 639 code.")
        return None

    def save(self) -> None:
        """Save the loaded row or the typed person (once: released at once, so a second Enter does not save it
        again). A new person is first checked against those already registered: possible repeat returnees are
        offered inline and nothing is saved until the officer chooses."""
        if self.row is None and not self.typing:
            return
        problem = self._check()
        if problem:
            self.error.show_error(problem)
            return
        self.error.show_error("")
        if self.person_id is None and not self.as_new:
            probe = self._probe()
            loaded, typing = self.row, self.typing
            self.row, self.typing = None, False          # a second Enter meanwhile does nothing

            def found(dups: list[Any]) -> None:
                self.row, self.typing = loaded, typing
                if dups:
                    self._offer(dups)
                else:
                    self._register()

            def failed(e: BaseException) -> None:
                self.row, self.typing = loaded, typing
                self._failed(e)
            self.ctx.call(self.ctx.session.registrations.find_duplicates, probe, on_done=found, on_error=failed,
                          owner=self)
            return
        self._register()

    def _register(self) -> None:
        gid = self.group.currentData() or None
        row = self.row["row"] if self.row is not None else None
        flags = [c for c, cb in self.flags.items() if cb.isChecked()]
        at = self.rows.currentRow()
        hid = self.household.currentData() or None
        if hid == NEW_HOUSEHOLD:
            hid = str(uuid.uuid4())
        kw: dict[str, Any] = {"group_id": gid, "row": row, "flags": flags, "household_id": hid,
                              "household_role": self.role.currentData() or None,
                              "interpreter_language": _typed_code(self.language)
                              or self.language.currentText().strip() or None}
        if self.person_id is not None:
            kw["person_id"] = self.person_id
            kw["person_updates"] = self.contact_typed() or None   # her new phone and destination: kept, not lost
        elif self.row is not None:
            kw["person"] = self.person_changes() or None
        else:
            kw["person"] = self.typed_person()
        loaded, typing = self.row, self.typing
        self.row, self.typing = None, False

        def failed(e: BaseException) -> None:
            self.row, self.typing = loaded, typing       # still loaded: correct and save again
            self._failed(e)
        a = self.ctx.session.arrivals

        def run() -> tuple[Any, list[dict[str, Any]]]:
            r = a.quick_register(**kw)
            members = a.household(r.household_id) if r.guardian_person_id and r.household_id else []
            return r, members
        self.ctx.mutate(lambda: _Saved(*run()), parent=self, on_done=lambda r: self._saved(r, at, hid),
                        on_error=failed)

    def _failed(self, e: BaseException) -> None:
        self.error.show_error(error_message(e))
        self.ctx.error.emit(error_message(e))

    # ------------------------------------------------------------------ possible duplicates
    def _show_duplicates_panel(self, show: bool) -> None:
        for w in (self.dups_label, self.dups, self.use_button, self.new_button):
            w.setVisible(show)

    def _offer(self, dups: list[Any]) -> None:
        self.dups.clear()
        sexes = {"F": self.tr("female"), "M": self.tr("male"), "X": self.tr("other")}
        for d in dups:
            name = " ".join(x for x in (d.family_name, d.given_names) if x)
            year = (d.date_of_birth or "")[:4] or "?"
            last = local_date(d.last_arrival_at) if d.last_arrival_at else "—"   # the local day, not UTC's
            where = checkpoint_label(d.last_arrival_checkpoint, d.last_arrival_station) if d.last_arrival_at else "?"
            # in one pass: a name (HQ's name of another checkpoint too) is never read for placeholders
            text = fill(self.tr("%1 · %2 · born %3 · last arrival %4 at %5"), f"{name} {d.name_khmer}".strip(),
                        sexes.get(d.sex, "?"), year, last, where)
            it = QListWidgetItem(text)
            it.setData(Qt.ItemDataRole.UserRole, d.id)
            self.dups.addItem(it)
        self._show_duplicates_panel(True)
        self.message.clear()
        self.dups.setCurrentRow(0)
        self.dups.setFocus()

    def use_duplicate(self) -> None:
        """This arrival belongs to the chosen person (a repeat returnee): saved to that person, no new one."""
        it = self.dups.currentItem()
        if it is None or (self.row is None and not self.typing):
            return
        self.person_id = it.data(Qt.ItemDataRole.UserRole)
        self._show_duplicates_panel(False)
        self._register()

    def save_as_new(self) -> None:
        if self.row is None and not self.typing:
            return
        self.as_new = True
        self._show_duplicates_panel(False)
        self._register()

    def _saved(self, saved: _Saved, at: int, hid: str | None) -> None:
        result = saved.result
        for w in self.fields.values():
            w.clear()
        self.mrz_extra = {}
        self.person_id = None
        self.as_new = False
        self._show_duplicates_panel(False)
        text = self.tr("Saved. %1 queue places.").replace("%1", str(len(result.queue_entry_ids)))
        if result.child_status:
            status = {"ACCOMPANIED": self.tr("accompanied"), "SEPARATED": self.tr("separated"),
                      "UNACCOMPANIED": self.tr("unaccompanied")}.get(result.child_status, result.child_status)
            text += " " + self.tr("Child: %1.").replace("%1", status)
            guardian = next((m for m in saved.members if m["person_id"] == result.guardian_person_id), None)
            if guardian is not None:
                name = " ".join(x for x in (guardian["family_name"], guardian["given_names"]) if x)
                text += " " + self.tr("Guardian: %1.").replace("%1", name or guardian["name_khmer"])
        self.message.setText(text)
        if hid is not None:
            self._select_household = hid          # the next person of the family goes to the same household
        if self.group.currentData():
            self.load_rows(then_select=at)
        else:
            self._show_households([])


class _Saved:
    """A quick registration's result, with the household's members when a guardian was recorded (to name them)."""

    def __init__(self, result: Any, members: list[dict[str, Any]]) -> None:
        self.result = result
        self.members = members
        self.changes = result.changes
