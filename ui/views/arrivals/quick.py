"""Quick registration from a handover list: choose the group, select a row, Enter, complete what the list lacks,
Enter. The row's names, sex and date of birth come from the list; the officer adds a phone, the destination
district and commune, the flags (Alt+letter) and an interpreter's language, then saves in one step (one event
and transaction, ``session.arrivals.quick_register``). The next waiting row is then selected.

An adult with no document whose row is complete: Enter, the phone number, Enter (≤ 15 key presses; counted in
tests/ui/test_arrivals_ui.py).
"""

from __future__ import annotations

from typing import Any

from checkpoint.model.roles import Permission, can
from ui.context import AppContext
from ui.qt import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.views.arrivals.import_dialog import ImportDialog

__all__ = ["QuickRegistrationForm"]

_TEXT_FIELDS = ("family_name", "given_names", "name_khmer", "date_of_birth", "phone", "home_district",
                "home_commune", "home_village")


class _Rows(QListWidget):
    """The waiting rows; Enter on one loads it into the form."""

    def __init__(self, form: QuickRegistrationForm) -> None:
        super().__init__()
        self._form = form

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._form.load_current()
            return
        super().keyPressEvent(e)


class QuickRegistrationForm(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("quick_registration")
        self.row: dict[str, Any] | None = None
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        self.group = QComboBox()
        self.group.setObjectName("group")
        self.group.setAccessibleName(self.tr("Group"))
        left.addWidget(self.group)
        if can(ctx.role, Permission.IMPORT_HANDOVER):
            self.import_button = QPushButton(self.tr("Import a &list…"))
            self.import_button.setObjectName("import_list")
            self.import_button.clicked.connect(self.open_import)
            left.addWidget(self.import_button)
        self.group_counts = QLabel()
        self.group_counts.setObjectName("group_counts")
        left.addWidget(self.group_counts)
        self.rows = _Rows(self)
        self.rows.setObjectName("list_rows")
        self.rows.setAccessibleName(self.tr("Rows of the list waiting for registration"))
        left.addWidget(self.rows, 1)
        lay.addLayout(left, 1)
        right = QVBoxLayout()
        form = QFormLayout()
        titles = {"family_name": self.tr("Family name"), "given_names": self.tr("Given names"),
                  "name_khmer": self.tr("Name in Khmer"), "date_of_birth": self.tr("Date of birth"),
                  "phone": self.tr("Phone"), "home_district": self.tr("Destination district"),
                  "home_commune": self.tr("Destination commune"), "home_village": self.tr("Destination village")}
        self.fields: dict[str, QLineEdit] = {}
        for f in _TEXT_FIELDS:
            w = QLineEdit()
            w.setObjectName(f)
            w.setAccessibleName(titles[f])
            form.addRow(titles[f], w)
            self.fields[f] = w
        self.sex = QComboBox()
        self.sex.setObjectName("sex")
        self.sex.setAccessibleName(self.tr("Sex"))
        for code, text in (("F", self.tr("Female")), ("M", self.tr("Male")), ("X", self.tr("Other")),
                           ("UNKNOWN", self.tr("Not known"))):
            self.sex.addItem(text, code)
        form.addRow(self.tr("Sex"), self.sex)
        self.language = QLineEdit()
        self.language.setObjectName("interpreter_language")
        self.language.setAccessibleName(self.tr("Interpreter's language (ISO 639)"))
        form.addRow(self.tr("Interpreter's language (ISO 639)"), self.language)
        right.addLayout(form)
        self.flags: dict[str, QCheckBox] = {}
        for code, text in (("INJURED_OR_ILL", self.tr("&Injured or acutely ill")),
                           ("PREGNANT", self.tr("&Pregnant")), ("DISABILITY", self.tr("&Disability")),
                           ("OLDER_PERSON", self.tr("&Older person")),
                           ("CONTROLLING_PERSON_PRESENT", self.tr("&Controlling person present")),
                           ("VISIBLE_DISTRESS", self.tr("&Visible distress"))):
            cb = QCheckBox(text)
            cb.setObjectName(f"flag_{code}")
            right.addWidget(cb)
            self.flags[code] = cb
        self.message = QLabel()
        self.message.setObjectName("quick_message")
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        lay.addLayout(right, 2)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.save)
        self.group.currentIndexChanged.connect(lambda _i: self.load_rows())
        self.load_groups()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        """Enter anywhere in the form (a field, a flag's check box) saves."""
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.row is not None:
            self.save()
            return
        super().keyPressEvent(e)

    def open_import(self) -> ImportDialog:
        dlg = ImportDialog(self.ctx, self)
        dlg.imported.connect(lambda _gid: self.load_groups())
        dlg.open()
        return dlg

    # ------------------------------------------------------------------ reading
    def load_groups(self) -> None:
        self.ctx.call(self.ctx.session.arrivals.groups, on_done=self._show_groups, owner=self, latest="groups")

    def _show_groups(self, groups: list[Any]) -> None:
        self.group.blockSignals(True)
        self.group.clear()
        for g in groups:
            self.group.addItem(" ".join(x for x in (g.transport, g.vehicle, g.handover_ref) if x), g.id)
        self.group.blockSignals(False)
        self.load_rows()

    def load_rows(self, then_select: int | None = None) -> None:
        gid = self.group.currentData()
        if gid is None:
            return
        a = self.ctx.session.arrivals

        def read() -> tuple[Any, list[dict[str, Any]]]:
            return a.group(gid), a.rows(gid, status="waiting")
        self.ctx.call(read, on_done=lambda r: self._show_rows(r, then_select), owner=self, latest="rows")

    def _show_rows(self, result: tuple[Any, list[dict[str, Any]]], select: int | None) -> None:
        g, rows = result
        self.group_counts.setText(self.tr("Expected %1 · registered %2 · left %3 · waiting %4")
                                  .replace("%1", str(g.expected if g.expected is not None else "?"))
                                  .replace("%2", str(g.registered)).replace("%3", str(g.left))
                                  .replace("%4", str(g.waiting)))
        self.rows.clear()
        for r in rows:
            p = r["person"]
            name = " ".join(x for x in (p["family_name"], p["given_names"]) if x)
            it = QListWidgetItem(f"{r['row']}. {name} {p['name_khmer']} {p['sex']} {p['date_of_birth'] or ''}")
            it.setData(Qt.ItemDataRole.UserRole, r)
            self.rows.addItem(it)
        if self.rows.count():
            self.rows.setCurrentRow(min(select or 0, self.rows.count() - 1))
            self.rows.setFocus()

    def load_current(self) -> None:
        """Fill the form from the selected row and put the cursor where the list leaves a gap (the phone)."""
        item = self.rows.currentItem()
        if item is None:
            return
        self.row = item.data(Qt.ItemDataRole.UserRole)
        p = self.row["person"]
        for f, w in self.fields.items():
            w.setText(str(p.get(f) or ""))
        self.sex.setCurrentIndex(max(0, self.sex.findData(p.get("sex") or "UNKNOWN")))
        for cb in self.flags.values():
            cb.setChecked(False)
        self.language.clear()
        self.message.clear()
        self.fields["phone"].setFocus()

    # ------------------------------------------------------------------ saving
    def person_changes(self) -> dict[str, Any]:
        """What the officer typed that the list row does not already say."""
        base = (self.row or {}).get("person", {})
        out: dict[str, Any] = {}
        for f, w in self.fields.items():
            v = w.text().strip()
            if v != str(base.get(f) or ""):
                out[f] = v or None
        if self.sex.currentData() != base.get("sex"):
            out["sex"] = self.sex.currentData()
        return out

    def save(self) -> None:
        """Save the loaded row (once: the row is released at once, so a second Enter does not save it again)."""
        if self.row is None:
            return
        gid, row = self.group.currentData(), self.row["row"]
        flags = [c for c, cb in self.flags.items() if cb.isChecked()]
        at = self.rows.currentRow()
        person = self.person_changes() or None
        loaded, self.row = self.row, None

        def failed(e: BaseException) -> None:
            self.row = loaded                   # still loaded: correct and save again
            self.ctx.show_error(self, e)
        self.ctx.mutate(self.ctx.session.arrivals.quick_register, person=person,
                        group_id=gid, row=row, flags=flags, interpreter_language=self.language.text().strip() or None,
                        parent=self, on_done=lambda r: self._saved(r, at), on_error=failed)

    def _saved(self, result: Any, at: int) -> None:
        for w in self.fields.values():
            w.clear()
        self.message.setText(self.tr("Saved. %1 queue places.").replace("%1", str(len(result.queue_entry_ids))))
        self.load_rows(then_select=at)
