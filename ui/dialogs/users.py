"""Forms for local user accounts (the supervisor's Users tab): add a user, set a passphrase, change a role.

    dlg = AddUserDialog(ctx, parent)          # OK runs session.users.add; a refusal stays in the dialog
    dlg.open()
"""

from __future__ import annotations

from checkpoint.model.roles import ROLES
from ui.context import AppContext
from ui.dialogs.form import FormDialog
from ui.models.users import role_label
from ui.qt import QComboBox, QCoreApplication, QLineEdit, QWidget

__all__ = ["AddUserDialog", "PassphraseDialog", "RoleDialog", "role_combo"]


def role_combo(current: str = "officer") -> QComboBox:
    """Every role, by its translated name; the data of each item is the role as stored."""
    combo = QComboBox()
    for r in ROLES:
        combo.addItem(role_label(r), str(r))
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class AddUserDialog(FormDialog):
    """User name, display name, role and a passphrase typed twice (with a strength hint)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("AddUserDialog", "Add a user"),
                         QCoreApplication.translate("AddUserDialog", "&Add user"), parent)
        self.username = self.add(self.tr("&User name"), QLineEdit(), "username", self.tr("User name"))
        self.username.setMaxLength(32)
        self.display_name = self.add(self.tr("&Display name"), QLineEdit(), "display_name", self.tr("Display name"))
        self.display_name.setMaxLength(80)
        self.role = self.add(self.tr("&Role"), role_combo(), "role", self.tr("Role"))
        self.passphrase, self.passphrase_repeat, self.strength = self.passphrase_fields()

    def submit(self) -> None:
        if not self.check_same(self.passphrase, self.passphrase_repeat):
            return
        self.run(self.ctx.session.users.add, self.username.text().strip(), self.display_name.text().strip(),
                 self.role.currentData(), self.passphrase.text())


class PassphraseDialog(FormDialog):
    """A new passphrase for a user (a supervisor's reset); one's own needs the current passphrase too."""

    def __init__(self, ctx: AppContext, username: str, parent: QWidget | None = None) -> None:
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


class RoleDialog(FormDialog):
    def __init__(self, ctx: AppContext, username: str, current_role: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("RoleDialog", "Role of %1").replace("%1", username),
                         QCoreApplication.translate("RoleDialog", "&Change role"), parent)
        self.target = username
        self.role = self.add(self.tr("&Role"), role_combo(current_role), "role", self.tr("Role"))

    def submit(self) -> None:
        self.run(self.ctx.session.users.set_role, self.target, self.role.currentData())
