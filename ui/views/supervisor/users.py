"""The Users tab: the local accounts, with add, reset passphrase, lock, unlock and change role.

    tab = UsersTab(ctx)
    tab.select_user("sokha"); tab.reset_passphrase()      # opens the dialog (tab.dialog) as the button does
    tab.loaded.connect(...)                                # (number of rows) after each load of the list
"""

from __future__ import annotations

from typing import Any

from checkpoint.services import Changes
from ui.context import AppContext
from ui.dialogs.users import AddUserDialog, PassphraseDialog, RoleDialog
from ui.messages import error_message
from ui.models.users import UsersModel
from ui.qt import QDialog, QHBoxLayout, QVBoxLayout, QWidget, Signal
from ui.widgets.basic import button, text_label
from ui.widgets.fields import ErrorLabel
from ui.widgets.tables import record_table

__all__ = ["UsersTab"]


class UsersTab(QWidget):
    """The local accounts, with add, reset passphrase, lock, unlock and change role. Signal ``loaded(rows)``."""

    loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("users_tab")
        self.ctx = ctx
        self.model = UsersModel(self)
        self.dialog: QDialog | None = None     # the open dialog, if any
        self._busy = False
        self.table = record_table("users_table", self.tr("Users"), self.model, stretch=UsersModel.Column.DISPLAY_NAME)
        self.add_btn = button(self.tr("&Add user…"), "add_user", self.tr("Add a user"))
        self.reset_btn = button(self.tr("Reset &passphrase…"), "reset_passphrase",
                                self.tr("Reset the selected user's passphrase"))
        self.lock_btn = button(self.tr("&Lock"), "lock", self.tr("Lock the selected account"))
        self.unlock_btn = button(self.tr("U&nlock"), "unlock", self.tr("Unlock the selected account"))
        self.role_btn = button(self.tr("Change r&ole…"), "change_role", self.tr("Change the selected user's role"))
        self.message = text_label("users_message")
        self.error = ErrorLabel("users_error", self.tr("Error"))
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
        self.ctx.call(self.ctx.session.users.list, on_done=self._loaded, on_error=self._failed, owner=self,
                      latest="list")

    def _loaded(self, rows: list[Any]) -> None:
        self.model.replace_rows(rows)
        self._update_buttons()
        self.loaded.emit(len(rows))

    def _failed(self, exc: BaseException) -> None:
        self.error.show_error(error_message(exc))
        self.loaded.emit(self.model.rowCount())

    def _on_changed(self, changes: Changes) -> None:
        if changes.users:
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
        self.error.show_error("")
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
        """Lock (``disabled``) or unlock (``active``) the selected account. A locked account lost its key slot:
        unlocking it opens the passphrase dialog (a supervisor reinstates it with a new passphrase)."""
        u = self.selected()
        if u is None or self._busy:
            return
        if status == "active" and u.get("status") != "active":
            self._open(PassphraseDialog(self.ctx, u["username"], self),
                       self.tr("%1 is reinstated with the new passphrase.").replace("%1", u["username"]))
            return
        self._busy = True
        self._update_buttons()
        self.error.show_error("")
        self.message.clear()
        done = (self.tr("%1 is locked: their passphrase no longer opens the store.") if status == "disabled"
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
        self.error.show_error(error_message(exc))
        self._update_buttons()
