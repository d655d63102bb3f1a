"""The supervisor's screen: review arrivals, manage users, export / back up / verify the store.

    view = SupervisorView(ctx)             # ctx: ui.context.AppContext
    view.review_tab, view.users_tab, view.data_tab   # None when the signed-in role may not use that tab
    view.add_tab(widget, title)            # hook for later tabs (sync)
    view.choose_path = lambda purpose, suggested: "/media/usb/out.csv"   # tests replace the file dialog

Tabs follow the role's permissions (``checkpoint.model.roles.can``): a supervisor sees Review, Users and Data;
an admin sees Users and Data (backup, verify and figures: never an export of records); officers and health
workers see none. The services enforce the same rules, so hiding a tab is a courtesy, not the protection.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from pathlib import Path
from typing import Any

from checkpoint.errors import ValidationError
from checkpoint.model.roles import ROLES, Permission, can
from checkpoint.services import ApproveResult, BackedUp, Exported
from checkpoint.site import LOCAL_TZ
from ui.messages import error_message
from ui.models.referrals import RecordTableModel
from ui.models.users import UsersModel, passphrase_strength, role_label
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.text import local_datetime

__all__ = ["REVIEW_LIMIT", "AddUserDialog", "DataTab", "PassphraseDialog", "ReviewModel", "ReviewTab", "RoleDialog",
           "SupervisorView", "UsersTab"]

_ERROR_STYLE = "color: #b00020; font-weight: bold;"
_WARNING_STYLE = "background: #fff3cd; color: #5c4400; border: 1px solid #d8a800; padding: 6px; font-weight: bold;"


def _label(name: str, style: str = "") -> QLabel:
    lab = QLabel()
    lab.setObjectName(name)
    lab.setWordWrap(True)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        lab.setStyleSheet(style)
    return lab


def _show(lab: QLabel, text: str) -> None:
    lab.setText(text)
    lab.setVisible(bool(text))


def _button(text: str, name: str, accessible: str) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.setAccessibleName(accessible)
    return b


def _table(name: str, accessible: str, model: Any, *, multi: bool, stretch: int) -> QTableView:
    t = QTableView()
    t.setObjectName(name)
    t.setAccessibleName(accessible)
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                       else QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setTabKeyNavigation(False)
    t.setAlternatingRowColors(True)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return t


# ---------------------------------------------------------------------------------------------------- review
REVIEW_LIMIT = 200


class ReviewModel(RecordTableModel):
    """Arrivals pending review, as ``session.review.pending`` returns them (one row per encounter)."""

    ID_KEY = "encounter_id"

    class Column(IntEnum):
        ARRIVED = 0
        NAME = 1
        NAME_KHMER = 2
        OFFICER = 3

    def header(self, column: IntEnum) -> str:
        c = self.Column
        return {c.ARRIVED: self.tr("Arrived"), c.NAME: self.tr("Name"), c.NAME_KHMER: self.tr("Name in Khmer"),
                c.OFFICER: self.tr("Registered by")}[column]

    def display(self, row: dict[str, Any], column: IntEnum) -> str:
        c = self.Column
        if column == c.ARRIVED:
            return local_datetime(row.get("arrival_at"))
        if column == c.NAME:
            return " ".join(x for x in (row.get("family_name") or "", row.get("given_names") or "") if x)
        if column == c.NAME_KHMER:
            return row.get("name_khmer") or ""
        return row.get("officer") or ""

    def sort_key(self, row: dict[str, Any], column: IntEnum) -> Any:
        if column == self.Column.ARRIVED:
            return row.get("arrival_at") or ""
        return self.display(row, column)


class ReviewTab(QWidget):
    """Pending arrivals; select one or several (Shift/Ctrl) and approve. Signal ``loaded(rows)``."""

    loaded = Signal(int)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_tab")
        self.ctx = ctx
        self.model = ReviewModel(self)
        self._gen = 0
        self.table = _table("review_table", self.tr("Arrivals waiting for review"), self.model, multi=True,
                            stretch=ReviewModel.Column.NAME)
        self.approve_btn = _button(self.tr("&Approve selected"), "approve", self.tr("Approve the selected arrivals"))
        self.refresh_btn = _button(self.tr("&Refresh"), "refresh_review", self.tr("Refresh the review list"))
        self.count = _label("review_count")
        self.message = _label("review_message")
        self.error = _label("review_error", _ERROR_STYLE)
        self.error.setAccessibleName(self.tr("Error"))
        _show(self.error, "")
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_btn)
        buttons.addWidget(self.refresh_btn)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        lay.addWidget(self.error)
        lay.addWidget(self.message)
        self.approve_btn.clicked.connect(self.approve_selected)
        self.refresh_btn.clicked.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self._busy = False
        ctx.changed.connect(self._on_changed)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        self._gen += 1
        gen = self._gen
        self.ctx.call(self.ctx.session.review.pending, limit=REVIEW_LIMIT,
                      on_done=lambda rows: self._loaded(gen, rows), on_error=lambda e: self._failed(gen, e), owner=self)

    def _loaded(self, gen: int, rows: list[dict[str, Any]]) -> None:
        if gen != self._gen:
            return
        self.model.replace_rows(rows)
        self._count_changed()
        self.loaded.emit(len(rows))

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._gen:
            _show(self.error, error_message(exc))
            self.loaded.emit(self.model.rowCount())

    def _count_changed(self) -> None:
        n = self.model.rowCount()
        text = self.tr("%n arrival(s) waiting", "", n)
        if n >= REVIEW_LIMIT:
            text += " " + self.tr("(the oldest %1 are shown)").replace("%1", str(REVIEW_LIMIT))
        self.count.setText(text)

    def _on_changed(self, changes: Any) -> None:
        if getattr(changes, "encounters", False) or getattr(changes, "persons", False):
            self.reload()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.ids()[r] for r in rows]

    def _update_buttons(self, *_a: Any) -> None:
        self.approve_btn.setEnabled(not self._busy and bool(self.table.selectionModel().selectedRows()))

    def approve_selected(self) -> None:
        """Approve every selected arrival; approved rows leave the list, refusals are shown below it."""
        ids = self.selected_ids()
        if not ids or self._busy:
            return
        self._busy = True
        self._update_buttons()
        _show(self.error, "")
        self.message.clear()
        self.ctx.activity.emit()
        self.ctx.mutate(self.ctx.session.review.approve_many, ids, on_done=self._approved,
                        on_error=self._approve_failed, owner=self)

    def _approved(self, result: ApproveResult) -> None:
        self._busy = False
        self.model.remove_ids(result.approved)
        self._count_changed()
        self.message.setText(self.tr("%n arrival(s) approved.", "", len(result.approved)))
        if result.failed:
            first = error_message(result.failed[0][1])
            _show(self.error, self.tr("%n arrival(s) not approved: %1", "", len(result.failed)).replace("%1", first))
        self._update_buttons()

    def _approve_failed(self, exc: BaseException) -> None:
        self._busy = False
        _show(self.error, error_message(exc))
        self._update_buttons()
        self.reload()


# ---------------------------------------------------------------------------------------------------- users
class _FormDialog(QDialog):
    """A small form that runs one service call on OK; the dialog stays open with the error if it is refused."""

    def __init__(self, ctx: Any, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.form = QFormLayout()
        self.error = _label("error", _ERROR_STYLE)
        self.error.setAccessibleName(QCoreApplication.translate("FormDialog", "Error"))
        _show(self.error, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("ok")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("FormDialog", "Cancel"))
        cancel.setObjectName("cancel")
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def add(self, label: str, w: QWidget, name: str, accessible: str) -> QWidget:
        w.setObjectName(name)
        w.setAccessibleName(accessible)
        lab = QLabel(label)
        lab.setBuddy(w)
        self.form.addRow(lab, w)
        return w

    def passphrase_fields(self, name: str = "passphrase") -> tuple[QLineEdit, QLineEdit, QLabel]:
        first = QLineEdit()
        first.setEchoMode(QLineEdit.EchoMode.Password)
        again = QLineEdit()
        again.setEchoMode(QLineEdit.EchoMode.Password)
        self.add(QCoreApplication.translate("FormDialog", "&Passphrase"), first, name,
                 QCoreApplication.translate("FormDialog", "Passphrase"))
        self.add(QCoreApplication.translate("FormDialog", "Passphrase a&gain"), again, f"{name}_repeat",
                 QCoreApplication.translate("FormDialog", "Passphrase again"))
        hint = _label("strength")
        hint.setAccessibleName(QCoreApplication.translate("FormDialog", "Passphrase strength"))
        self.form.addRow("", hint)

        def update() -> None:
            level, text = passphrase_strength(first.text())
            if first.text() and again.text() and first.text() != again.text():
                text += " " + QCoreApplication.translate("FormDialog", "The two passphrases differ.")
            hint.setText(text if first.text() else QCoreApplication.translate(
                "FormDialog", "Use several words: at least 10 characters."))
            hint.setProperty("level", level)

        first.textChanged.connect(update)
        again.textChanged.connect(update)
        update()
        return first, again, hint

    def check_same(self, first: QLineEdit, again: QLineEdit) -> bool:
        if first.text() != again.text():
            _show(self.error, QCoreApplication.translate(
                "FormDialog", "The two passphrases differ. Type the same passphrase twice."))
            again.setFocus()
            again.selectAll()
            return False
        return True

    def submit(self) -> None:
        raise NotImplementedError

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        _show(self.error, "")
        self.ok_button.setEnabled(False)
        self.ctx.activity.emit()
        self.ctx.mutate(fn, *args, on_done=lambda _r: self._done(), on_error=self._failed, owner=self, **kwargs)

    def _done(self) -> None:
        self.ok_button.setEnabled(True)
        for w in self.findChildren(QLineEdit):
            if w.echoMode() == QLineEdit.EchoMode.Password:
                w.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        _show(self.error, error_message(exc))
        f = getattr(exc, "field", None) if isinstance(exc, ValidationError) else None
        w = self.findChild(QWidget, f) if f else None
        if w is not None:
            w.setFocus()


def _role_combo(current: str = "officer") -> QComboBox:
    combo = QComboBox()
    for r in ROLES:
        combo.addItem(role_label(r), str(r))
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class AddUserDialog(_FormDialog):
    """User name, display name, role and a passphrase typed twice (with a strength hint)."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("AddUserDialog", "Add a user"),
                         QCoreApplication.translate("AddUserDialog", "&Add user"), parent)
        self.username = self.add(self.tr("&User name"), QLineEdit(), "username", self.tr("User name"))
        self.username.setMaxLength(32)
        self.display_name = self.add(self.tr("&Display name"), QLineEdit(), "display_name", self.tr("Display name"))
        self.display_name.setMaxLength(80)
        self.role = self.add(self.tr("&Role"), _role_combo(), "role", self.tr("Role"))
        self.passphrase, self.passphrase_repeat, self.strength = self.passphrase_fields()

    def submit(self) -> None:
        if not self.check_same(self.passphrase, self.passphrase_repeat):
            return
        self.run(self.ctx.session.users.add, self.username.text().strip(), self.display_name.text().strip(),
                 self.role.currentData(), self.passphrase.text())


class PassphraseDialog(_FormDialog):
    """A new passphrase for a user (a supervisor's reset); one's own needs the current passphrase too."""

    def __init__(self, ctx: Any, username: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("PassphraseDialog", "New passphrase for %1").replace(
            "%1", username), QCoreApplication.translate("PassphraseDialog", "&Set passphrase"), parent)
        self.target = username
        self.own = username == ctx.session.user.username
        self.old_passphrase: QLineEdit | None = None
        if self.own:
            old = QLineEdit()
            old.setEchoMode(QLineEdit.EchoMode.Password)
            self.old_passphrase = self.add(self.tr("&Current passphrase"), old, "old_passphrase",
                                           self.tr("Current passphrase"))
        self.passphrase, self.passphrase_repeat, self.strength = self.passphrase_fields()

    def submit(self) -> None:
        if not self.check_same(self.passphrase, self.passphrase_repeat):
            return
        old = self.old_passphrase.text() if self.old_passphrase is not None else None
        self.run(self.ctx.session.users.set_passphrase, self.target, self.passphrase.text(), old_passphrase=old)


class RoleDialog(_FormDialog):
    def __init__(self, ctx: Any, username: str, current_role: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("RoleDialog", "Role of %1").replace("%1", username),
                         QCoreApplication.translate("RoleDialog", "&Change role"), parent)
        self.target = username
        self.role = self.add(self.tr("&Role"), _role_combo(current_role), "role", self.tr("Role"))

    def submit(self) -> None:
        self.run(self.ctx.session.users.set_role, self.target, self.role.currentData())


class UsersTab(QWidget):
    """The local accounts, with add, reset passphrase, lock, unlock and change role. Signal ``loaded(rows)``."""

    loaded = Signal(int)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("users_tab")
        self.ctx = ctx
        self.model = UsersModel(self)
        self.dialog: QDialog | None = None     # the open dialog, if any
        self._gen = 0
        self._busy = False
        self.table = _table("users_table", self.tr("Users"), self.model, multi=False,
                            stretch=UsersModel.Column.DISPLAY_NAME)
        self.add_btn = _button(self.tr("&Add user…"), "add_user", self.tr("Add a user"))
        self.reset_btn = _button(self.tr("Reset &passphrase…"), "reset_passphrase",
                                 self.tr("Reset the selected user's passphrase"))
        self.lock_btn = _button(self.tr("&Lock"), "lock", self.tr("Lock the selected account"))
        self.unlock_btn = _button(self.tr("&Unlock"), "unlock", self.tr("Unlock the selected account"))
        self.role_btn = _button(self.tr("Change &role…"), "change_role", self.tr("Change the selected user's role"))
        self.message = _label("users_message")
        self.error = _label("users_error", _ERROR_STYLE)
        self.error.setAccessibleName(self.tr("Error"))
        _show(self.error, "")
        buttons = QHBoxLayout()
        for b in (self.add_btn, self.reset_btn, self.lock_btn, self.unlock_btn, self.role_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        lay.addWidget(self.error)
        lay.addWidget(self.message)
        self.add_btn.clicked.connect(self.add_user)
        self.reset_btn.clicked.connect(self.reset_passphrase)
        self.lock_btn.clicked.connect(lambda: self.set_status("disabled"))
        self.unlock_btn.clicked.connect(lambda: self.set_status("active"))
        self.role_btn.clicked.connect(self.change_role)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._restore_selection)
        self.model.dataChanged.connect(self._update_buttons)
        ctx.changed.connect(self._on_changed)
        self._selected_name: str | None = None
        self._update_buttons()
        self.reload()

    # -- list
    def reload(self) -> None:
        self._gen += 1
        gen = self._gen
        self.ctx.call(self.ctx.session.users.list, on_done=lambda rows: self._loaded(gen, rows),
                      on_error=lambda e: self._failed(gen, e), owner=self)

    def _loaded(self, gen: int, rows: list[dict[str, Any]]) -> None:
        if gen != self._gen:
            return
        self.model.replace_rows(rows)
        self._update_buttons()
        self.loaded.emit(len(rows))

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._gen:
            _show(self.error, error_message(exc))
            self.loaded.emit(self.model.rowCount())

    def _on_changed(self, changes: Any) -> None:
        if getattr(changes, "users", False):
            self.reload()

    def _restore_selection(self) -> None:
        row = next((i for i in range(self.model.rowCount())
                    if (self.model.record(i) or {}).get("username") == self._selected_name), -1)
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_user(self, username: str) -> bool:
        for i in range(self.model.rowCount()):
            if (self.model.record(i) or {}).get("username") == username:
                self.table.selectRow(i)
                return True
        return False

    def _update_buttons(self, *_a: Any) -> None:
        u = self.selected()
        if u is not None:
            self._selected_name = u["username"]
        idle = not self._busy
        self.add_btn.setEnabled(idle)
        self.reset_btn.setEnabled(idle and u is not None)
        self.role_btn.setEnabled(idle and u is not None)
        self.lock_btn.setEnabled(idle and u is not None and u.get("status") == "active")
        self.unlock_btn.setEnabled(idle and u is not None and (u.get("status") != "active"
                                                               or bool(u.get("failed_attempts"))))

    # -- actions
    def _open(self, dlg: QDialog, done_text: str) -> None:
        self.dialog = dlg
        _show(self.error, "")
        self.message.clear()

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self.message.setText(done_text)
            self.dialog = None
            dlg.deleteLater()

        dlg.finished.connect(finished)
        dlg.open()

    def add_user(self) -> None:
        dlg = AddUserDialog(self.ctx, self)
        dlg.accepted.connect(lambda: setattr(self, "_selected_name", dlg.username.text().strip().lower()))
        self._open(dlg, self.tr("User added. They can sign in with the passphrase you gave them."))

    def reset_passphrase(self) -> None:
        u = self.selected()
        if u is not None:
            self._open(PassphraseDialog(self.ctx, u["username"], self),
                       self.tr("Passphrase changed for %1.").replace("%1", u["username"]))

    def change_role(self) -> None:
        u = self.selected()
        if u is not None:
            self._open(RoleDialog(self.ctx, u["username"], u["role"], self),
                       self.tr("Role changed for %1.").replace("%1", u["username"]))

    def set_status(self, status: str) -> None:
        """Lock (``disabled``) or unlock (``active``) the selected account."""
        u = self.selected()
        if u is None or self._busy:
            return
        self._busy = True
        self._update_buttons()
        _show(self.error, "")
        self.message.clear()
        done = (self.tr("%1 is locked and can no longer sign in.") if status == "disabled"
                else self.tr("%1 is unlocked.")).replace("%1", u["username"])
        self.ctx.activity.emit()
        self.ctx.mutate(self.ctx.session.users.set_status, u["username"], status,
                        on_done=lambda _c: self._status_done(done), on_error=self._status_failed, owner=self)

    def _status_done(self, text: str) -> None:
        self._busy = False
        self.message.setText(text)
        self._update_buttons()

    def _status_failed(self, exc: BaseException) -> None:
        self._busy = False
        _show(self.error, error_message(exc))
        self._update_buttons()


# ---------------------------------------------------------------------------------------------------- data
FIGURE_LABELS: dict[str, str] = {
    "persons": QT_TRANSLATE_NOOP("DataTab", "Persons"),
    "encounters": QT_TRANSLATE_NOOP("DataTab", "Arrivals"),
    "trafficking_screenings": QT_TRANSLATE_NOOP("DataTab", "Trafficking screens"),
    "tb_screenings": QT_TRANSLATE_NOOP("DataTab", "TB screens"),
    "referrals": QT_TRANSLATE_NOOP("DataTab", "Referrals"),
    "events": QT_TRANSLATE_NOOP("DataTab", "Events in the log"),
    "pending_sync": QT_TRANSLATE_NOOP("DataTab", "Events not yet sent to HQ"),
    "users": QT_TRANSLATE_NOOP("DataTab", "Users"),
    "drafts": QT_TRANSLATE_NOOP("DataTab", "Unfinished registrations"),
}


class DataTab(QWidget):
    """Store figures, CSV export, encrypted backup and verification.

    ``choose_path(purpose, suggested)`` returns the file to write (or None): the view's file dialog, replaced
    in tests. Signals: ``finished(what)`` after each operation ("stats", "export", "backup", "verify"),
    whether it succeeded or not (the outcome is on screen)."""

    finished = Signal(str)

    def __init__(self, ctx: Any, choose_path: Callable[[str, str], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("data_tab")
        self.ctx = ctx
        self.choose_path = choose_path
        self._busy = False
        role = ctx.role

        figures = QGroupBox(self.tr("This store"))
        form = QFormLayout(figures)
        self.figures: dict[str, QLabel] = {}
        for key in FIGURE_LABELS:
            value = _label(f"stat_{key}")
            value.setAccessibleName(self.figure_label(key))
            form.addRow(self.figure_label(key), value)
            self.figures[key] = value

        self.export_btn = _button(self.tr("&Export CSV…"), "export_csv", self.tr("Export the records as a CSV file"))
        self.backup_btn = _button(self.tr("&Back up…"), "backup", self.tr("Write an encrypted backup"))
        self.verify_btn = _button(self.tr("&Verify"), "verify", self.tr("Verify the store"))
        self.export_btn.setVisible(can(role, Permission.EXPORT))
        self.backup_btn.setVisible(can(role, Permission.BACKUP))
        self.verify_btn.setVisible(can(role, Permission.VERIFY))
        buttons = QHBoxLayout()
        for b in (self.export_btn, self.backup_btn, self.verify_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.message = _label("data_message")
        self.message.setAccessibleName(self.tr("Result"))
        self.warning = _label("data_warning", _WARNING_STYLE)
        self.warning.setAccessibleName(self.tr("Warning"))
        _show(self.warning, "")
        self.error = _label("data_error", _ERROR_STYLE)
        self.error.setAccessibleName(self.tr("Error"))
        _show(self.error, "")
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        self.problems.setAccessibleName(self.tr("Problems found"))
        self.problems.hide()

        lay = QVBoxLayout(self)
        lay.addWidget(figures)
        lay.addLayout(buttons)
        lay.addWidget(self.error)
        lay.addWidget(self.warning)
        lay.addWidget(self.message)
        lay.addWidget(self.problems, 1)
        lay.addStretch(0)

        self.export_btn.clicked.connect(self.export_csv)
        self.backup_btn.clicked.connect(self.backup)
        self.verify_btn.clicked.connect(self.verify)
        ctx.changed.connect(self._on_changed)
        self.refresh_stats()

    def _on_changed(self, _changes: Any) -> None:
        self.refresh_stats()

    @staticmethod
    def figure_label(key: str) -> str:
        return QCoreApplication.translate("DataTab", FIGURE_LABELS[key])

    # -- figures
    def refresh_stats(self) -> None:
        self.ctx.call(self.ctx.session.maintenance.stats, on_done=self._stats, on_error=self._stats_failed, owner=self)

    def _stats(self, stats: dict[str, int]) -> None:
        for key, lab in self.figures.items():
            lab.setText(str(stats[key]) if key in stats else "–")
        self.finished.emit("stats")

    def _stats_failed(self, exc: BaseException) -> None:
        for lab in self.figures.values():
            lab.setText("–")
        _show(self.error, error_message(exc))
        self.finished.emit("stats")

    # -- operations
    def _start(self) -> bool:
        if self._busy:
            return False
        self._busy = True
        for b in (self.export_btn, self.backup_btn, self.verify_btn):
            b.setEnabled(False)
        _show(self.error, "")
        _show(self.warning, "")
        self.message.clear()
        self.problems.clear()
        self.problems.hide()
        self.ctx.activity.emit()
        return True

    def _end(self, what: str) -> None:
        self._busy = False
        for b in (self.export_btn, self.backup_btn, self.verify_btn):
            b.setEnabled(True)
        self.finished.emit(what)

    def _file_error(self, what: str, exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and exc.field == "out":
            _show(self.error, self.tr("That file already exists. Nothing was overwritten: choose a new name."))
        else:
            _show(self.error, error_message(exc))
        self._end(what)

    def export_csv(self) -> None:
        """Ask for a new file and write the arrivals to it as CSV (plaintext: the warning says so)."""
        today = datetime.now(LOCAL_TZ).strftime("%Y%m%d")
        path = self.choose_path("export", f"checkpoint-export-{today}.csv")
        if not path or not self._start():
            return
        if not Path(path).suffix:
            path += ".csv"

        def done(result: Exported) -> None:
            n = result.rows
            self.message.setText(self.tr("%n row(s) written to %1.", "", n).replace("%1", str(path)))
            _show(self.warning, self.tr("This file is NOT encrypted. Keep it only on an encrypted disk, never "
                                        "send it by e-mail or chat, and delete it when you are done."))
            self._end("export")

        self.ctx.mutate(self.ctx.session.maintenance.export_csv, path, on_done=done,
                        on_error=lambda e: self._file_error("export", e), owner=self)

    def backup(self) -> None:
        """Ask for a new file and write an encrypted copy of the store (and its key file) there."""
        today = datetime.now(LOCAL_TZ).strftime("%Y%m%d")
        path = self.choose_path("backup", f"checkpoint-backup-{today}.db")
        if not path or not self._start():
            return

        def done(result: BackedUp) -> None:
            dest = result.path
            self.message.setText(self.tr("Encrypted backup written to %1. Its key file %2 is beside it: keep the "
                                         "two together.").replace("%1", str(dest)).replace("%2",
                                                                                          f"{Path(dest).name}.keys"))
            self._end("backup")

        self.ctx.mutate(self.ctx.session.maintenance.backup, path, on_done=done,
                        on_error=lambda e: self._file_error("backup", e), owner=self)

    def verify(self) -> None:
        """Check the store (integrity, event chain, projections) and show OK or the problems."""
        if not self._start():
            return
        self.message.setText(self.tr("Checking the store…"))
        self.ctx.call(self.ctx.session.maintenance.verify, on_done=self._verified,
                      on_error=lambda e: self._file_error("verify", e), owner=self)

    def _verified(self, report: Any) -> None:
        if report.ok:
            self.message.setText(self.tr("OK: the store passed every check (%1 events, %2 persons).")
                                 .replace("%1", f"{report.events:,}").replace("%2", f"{report.persons:,}"))
        else:
            self.message.clear()
            _show(self.error, self.tr("%n problem(s) found. Do not delete anything; tell HQ.", "",
                                      len(report.problems)))
            self.problems.addItems([str(p) for p in report.problems])
            self.problems.show()
        self._end("verify")


# ---------------------------------------------------------------------------------------------------- view
class SupervisorView(QWidget):
    """Tabs for what the signed-in role may do: Review (supervisors), Users and Data (supervisors, admins).

    ``add_tab(widget, title)`` adds a later tab (sync). ``choose_path(purpose, suggested)`` asks where to write
    an export or a backup; replace it on the instance to script the choice."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisor_view")
        self.ctx = ctx
        role = ctx.role
        self.tabs = QTabWidget()
        self.tabs.setObjectName("supervisor_tabs")
        self.tabs.setAccessibleName(self.tr("Supervisor tasks"))
        self.review_tab = ReviewTab(ctx) if can(role, Permission.APPROVE) else None
        self.users_tab = UsersTab(ctx) if can(role, Permission.MANAGE_USERS) else None
        self.data_tab = (DataTab(ctx, lambda purpose, suggested: self.choose_path(purpose, suggested))
                         if any(can(role, p) for p in (Permission.EXPORT, Permission.BACKUP, Permission.VERIFY))
                         else None)
        if self.review_tab is not None:
            self.add_tab(self.review_tab, self.tr("&Review"))
        if self.users_tab is not None:
            self.add_tab(self.users_tab, self.tr("&Users"))
        if self.data_tab is not None:
            self.add_tab(self.data_tab, self.tr("&Data"))
        self.nothing = QLabel(self.tr("Your role has no supervisor tasks."))
        self.nothing.setObjectName("no_tasks")
        self.nothing.setVisible(self.tabs.count() == 0)
        self.tabs.setVisible(self.tabs.count() > 0)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(self.nothing)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab (the hook for sync); returns its index."""
        i = self.tabs.addTab(widget, title)
        self.tabs.setVisible(True)
        if hasattr(self, "nothing"):
            self.nothing.hide()
        return i

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i).replace("&", "") for i in range(self.tabs.count())]

    def choose_path(self, purpose: str, suggested: str) -> str | None:
        """Ask where to write (``purpose`` "export" or "backup"); None if cancelled. Existing files are not
        offered for overwriting: the service refuses them and the screen says so."""
        if purpose == "export":
            title, filt = self.tr("Export to a new CSV file"), self.tr("CSV files (*.csv)")
        else:
            title, filt = self.tr("Write the backup to a new file"), self.tr("Checkpoint backups (*.db)")
        path, _sel = QFileDialog.getSaveFileName(self, title, suggested, filt,
                                                 options=QFileDialog.Option.DontConfirmOverwrite)
        return path or None
