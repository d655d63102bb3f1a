"""Sign-in screen (with the Khmer/English switch) and the first-run provisioning wizard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from checkpoint import crypto
from checkpoint.passphrase import assess
from checkpoint.services import create_store, list_usernames, unlock
from ui.i18n import LANGUAGES
from ui.keyboard_layout import typed_in_another_layout
from ui.messages import error_message
from ui.qt import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
    Signal,
)
from ui.tasks import TaskRunner
from ui.text import current_language
from ui.widgets.fields import ErrorLabel, name, translate_wizard_buttons


def strength_hint(passphrase: str, username: str = "") -> str:
    """The core's verdict on a new passphrase (``checkpoint.passphrase``), in the user's language."""
    verdict = assess(passphrase, username=username)
    if not verdict.ok:
        return QApplication.translate("Core", verdict.message)
    if verdict.score < 4:
        return QApplication.translate("Passphrase", "Acceptable. A few more words make it much stronger.")
    return QApplication.translate("Passphrase", "Strong.")


def notice_text(notice: Any) -> str:
    """One ``checkpoint.services.users.Notice`` in the user's language."""
    day = str(notice.at)[:10]
    if notice.by == "recovery_code":
        who = QApplication.translate("Notice", "with the recovery code")
    else:
        who = QApplication.translate("Notice", "by %1").replace("%1", str(notice.by))
    if notice.kind == "role":
        from ui.models.users import role_label

        return QApplication.translate("Notice", "Your role was changed to %1 %2 on %3.").replace(
            "%1", role_label(notice.role)).replace("%2", who).replace("%3", day)
    if notice.kind == "weak_passphrase":
        return QApplication.translate("Notice", "Your passphrase is too easy to guess by today's rules: please "
                                                "change it, or ask a supervisor to set a new one.")
    if notice.kind == "reinstated":
        return QApplication.translate("Notice", "Your account was reinstated %1 on %2.").replace(
            "%1", who).replace("%2", day)
    return QApplication.translate("Notice", "Your passphrase was reset %1 on %2.").replace("%1", who).replace(
        "%2", day)


_OPEN_NOTICES: set[QMessageBox] = set()     # kept alive until closed (the login window is gone by then)


def show_notices(notices: Any) -> QMessageBox | None:
    """Tell the user, once, what others did to their account since the last sign-in (a window of its own, not
    modal: the main window opens behind it). None when there is nothing to tell."""
    if not notices:
        return None
    box = QMessageBox(QMessageBox.Icon.Information, QApplication.translate("Notice", "Changes to your account"),
                      "\n".join(notice_text(n) for n in notices)
                      + "\n\n" + QApplication.translate("Notice", "If you did not expect this, tell your "
                                                                   "supervisor."))
    box.setObjectName("sign_in_notices")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _OPEN_NOTICES.add(box)
    box.finished.connect(lambda _r: _OPEN_NOTICES.discard(box))
    box.show()
    box.raise_()
    return box


class LoginWindow(QWidget):
    """Emits ``signed_in(Session)``; ``language_changed(code)`` asks the app to retranslate and rebuild."""

    signed_in = Signal(object)
    language_changed = Signal(str)

    def __init__(self, runner: TaskRunner, store_path: Path, *, kdf: crypto.KdfParams | None = None,
                 clock: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.store_path, self.kdf, self.clock = runner, store_path, kdf, clock
        self.notices: QMessageBox | None = None
        self.setObjectName("login_window")
        self.setWindowTitle(self.tr("Checkpoint — sign in"))
        self.language = QComboBox()
        name(self.language, "language", self.tr("Language"))
        for code, label in LANGUAGES:
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language.currentIndexChanged.connect(lambda _i: self.language_changed.emit(self.language.currentData()))
        self.username = QComboBox()
        self.username.setEditable(True)
        name(self.username, "username", self.tr("User name"))
        self.passphrase = QLineEdit()
        name(self.passphrase, "passphrase", self.tr("Passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_in = QPushButton(self.tr("Sign in"))
        self.sign_in.setObjectName("sign_in")
        self.sign_in.setDefault(True)
        self.message = ErrorLabel("login_message")
        title = QLabel(self.tr("Checkpoint"))
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addLayout(form)
        lay.addWidget(self.sign_in)
        lay.addWidget(self.message)
        lay.addStretch(1)
        self.sign_in.clicked.connect(self.attempt)
        self.passphrase.returnPressed.connect(self.attempt)
        self.runner.op(list_usernames, self.store_path).success(self._users).failure(self._fail).owned_by(self).run()
        self.passphrase.setFocus()

    def _users(self, names: list[str]) -> None:
        current = self.username.currentText()
        self.username.clear()
        self.username.addItems(names)
        if current:
            self.username.setEditText(current)
        self.passphrase.setFocus()

    def attempt(self) -> None:
        user, pw = self.username.currentText().strip(), self.passphrase.text()
        if not user or not pw:
            self.message.show_error(self.tr("Enter your user name and passphrase."))
            return
        self.sign_in.setEnabled(False)
        self.message.show_error("")
        self._other_layout = typed_in_another_layout(pw)     # remembered: the box is cleared when it fails
        kwargs: dict[str, Any] = {"kdf": self.kdf}
        if self.clock is not None:
            kwargs["clock"] = self.clock
        self.runner.op(unlock, self.store_path, user, pw, **kwargs).success(self._ok).failure(self._fail) \
            .owned_by(self).run()

    def _ok(self, session: Any) -> None:
        self.passphrase.clear()
        self.sign_in.setEnabled(True)
        self.signed_in.emit(session)
        self.notices = show_notices(getattr(session, "notices", ()))

    def _fail(self, e: BaseException) -> None:
        self.passphrase.clear()
        self.passphrase.setFocus()
        self.sign_in.setEnabled(True)
        text = error_message(e)
        if getattr(self, "_other_layout", False):
            text += " " + self.tr("The passphrase was typed with a non-English keyboard layout. If it is in English "
                                  "letters, switch the keyboard to English (Win+Space), then type the passphrase "
                                  "again.")
        self.message.show_error(text)


class _CheckedPage(QWizardPage):
    """A wizard page whose Next first runs ``check`` (False: stay on the page)."""

    def __init__(self, check: Callable[[], bool]) -> None:
        super().__init__()
        self._check = check

    def validatePage(self) -> bool:
        return self._check()


class ProvisioningWizard(QWizard):
    """First run: checkpoint name, first supervisor, passphrase (with a strength hint), then the recovery code,
    which must be confirmed as written down before the app opens. Emits ``provisioned(Session)``."""

    provisioned = Signal(object)

    def __init__(self, runner: TaskRunner, store_path: Path, *, kdf: crypto.KdfParams | None = None,
                 clock: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.store_path, self.kdf, self.clock = runner, store_path, kdf, clock
        self.setObjectName("provisioning_wizard")
        self.setWindowTitle(self.tr("Set up this checkpoint"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.session: Any = None
        self.recovery_code = ""
        self._creating = False
        # page 1: checkpoint and supervisor
        p1 = _CheckedPage(self._create)
        p1.setTitle(self.tr("Checkpoint and first supervisor"))
        self.checkpoint_name = QLineEdit(self.tr("Poipet checkpoint"))
        name(self.checkpoint_name, "checkpoint_name", self.tr("Checkpoint name"))
        self.username = QLineEdit()
        name(self.username, "new_username", self.tr("Supervisor user name"))
        self.display_name = QLineEdit()
        name(self.display_name, "display_name", self.tr("Full name"))
        self.pass1 = QLineEdit()
        name(self.pass1, "new_passphrase", self.tr("Passphrase"))
        self.pass2 = QLineEdit()
        name(self.pass2, "new_passphrase_again", self.tr("Passphrase again"))
        for w in (self.pass1, self.pass2):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel()
        self.hint.setObjectName("strength_hint")
        self.error1 = ErrorLabel("provision_error")
        f = QFormLayout(p1)
        f.addRow(self.tr("Checkpoint name"), self.checkpoint_name)
        f.addRow(self.tr("Supervisor user name"), self.username)
        f.addRow(self.tr("Full name"), self.display_name)
        f.addRow(self.tr("Passphrase"), self.pass1)
        f.addRow(self.tr("Passphrase again"), self.pass2)
        f.addRow(self.hint)
        f.addRow(self.error1)
        self.pass1.textChanged.connect(lambda t: self.hint.setText(strength_hint(t, self.username.text())))
        # page 2: recovery code
        p2 = QWizardPage()
        p2.setTitle(self.tr("Recovery code"))
        p2.setSubTitle(self.tr("Write this code down or print it, and keep it locked away. It opens the records "
                               "if every passphrase is forgotten. It is shown only now."))
        self.code_label = QLabel()
        self.code_label.setObjectName("recovery_code")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)  # not to the clipboard
        self.code_label.setStyleSheet("font-family: monospace; font-size: 18pt;")
        self.confirm = QCheckBox(self.tr("I have written down the recovery code"))
        name(self.confirm, "recovery_code_written", self.tr("I have written down the recovery code"))
        v = QVBoxLayout(p2)
        v.addWidget(self.code_label)
        row = QHBoxLayout()
        row.addWidget(self.confirm)
        v.addLayout(row)
        p2.registerField("code_written*", self.confirm)
        self.addPage(p1)
        self.addPage(p2)
        translate_wizard_buttons(self)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Open Checkpoint"))

    def _create(self) -> bool:
        if self.session is not None:
            return True
        if self._creating:
            return False
        if self.pass1.text() != self.pass2.text():
            self.error1.show_error(self.tr("The two passphrases differ."))
            return False
        self._creating = True
        self.error1.show_error("")
        kwargs: dict[str, Any] = {"kdf": self.kdf}
        if self.clock is not None:
            kwargs["clock"] = self.clock
        self.runner.op(create_store, self.store_path, checkpoint_name=self.checkpoint_name.text(),
                       username=self.username.text(), display_name=self.display_name.text(),
                       passphrase=self.pass1.text(), **kwargs).success(self._created).failure(self._failed) \
            .owned_by(self).run()
        return False

    def _created(self, result: tuple[Any, str]) -> None:
        self._creating = False
        self.session, self.recovery_code = result
        self.code_label.setText(self.recovery_code)
        self.pass1.clear()
        self.pass2.clear()
        self.next()

    def _failed(self, e: BaseException) -> None:
        self._creating = False
        self.error1.show_error(error_message(e))

    def accept(self) -> None:
        if self.session is None:
            return
        self.code_label.clear()
        self.provisioned.emit(self.session)
        super().accept()
