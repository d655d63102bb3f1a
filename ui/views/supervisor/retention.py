"""Data minimisation on the Data tab (issue 12, point 6): the site's retention period, the minimisation pass (count
only, or run now) and restoring a backup, which is refused when it is older than the retention period.

    box = RetentionBox(ctx, choose_path)        # choose_path(purpose, suggested) -> a path, or None
    box.count(); box.run(); box.save_period(); box.restore()
    box.finished.connect(...)                   # ("period" | "count" | "minimise" | "restore") after each

Who sees what: the period and the pass are the supervisor's (SITE_SETTINGS, MINIMISE); restoring a backup is for
whoever may make one (BACKUP). Officers and health workers do not see the box.
"""

from __future__ import annotations

from collections.abc import Callable

from checkpoint.model.roles import Permission, can
from checkpoint.services.retention import Minimised, restore_backup
from ui.context import AppContext
from ui.messages import error_message
from ui.qt import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
    Signal,
)
from ui.widgets.basic import button, text_label
from ui.widgets.fields import ErrorLabel

__all__ = ["RetentionBox", "visible_for"]


def visible_for(role: str) -> bool:
    """Does ``role`` see the box at all?"""
    return any(can(role, p) for p in (Permission.SITE_SETTINGS, Permission.MINIMISE, Permission.BACKUP))


class RetentionBox(QGroupBox):
    """The retention period, the minimisation pass and restoring a backup (see the module)."""

    finished = Signal(str)

    def __init__(self, ctx: AppContext, choose_path: Callable[[str, str], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Data minimisation"))
        self.setObjectName("retention_box")
        self.ctx = ctx
        self.choose_path = choose_path
        # Which backup to restore: a file dialog, replaced in tests.
        self.choose_backup: Callable[[], str | None] = self._open_dialog
        role = ctx.role

        self.days = QSpinBox()
        self.days.setObjectName("retention_days")
        self.days.setRange(1, 3650)
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Retention period after HQ acknowledged a record"))
        self.save_btn = button(self.tr("Save &period"), "save_retention", self.tr("Save the retention period"))
        self.count_btn = button(self.tr("&Count what would go"), "count_minimise",
                                self.tr("Count the records whose protection section would be removed"))
        self.run_btn = button(self.tr("&Minimise now"), "run_minimise",
                              self.tr("Remove the protection section of records HQ holds, past the period"))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("restore_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Your passphrase in the backup"))
        self.restore_btn = button(self.tr("Restore a bac&kup…"), "restore_backup",
                                  self.tr("Restore a backup as a new store"))
        self.message = text_label("retention_message")
        self.message.setAccessibleName(self.tr("Result"))
        self.error = ErrorLabel("retention_error", self.tr("Error"))

        form = QFormLayout(self)
        self.explained = text_label("retention_explained")
        form.addRow(self.explained)
        self.explained.setText(self.tr(
            "Once HQ has acknowledged a record and this period has passed, the trafficking answers, recruiter and debt "
            "details and free-text notes leave this computer. HQ keeps them; a supervisor can fetch a record back. A "
            "record with an open protection referral keeps them until the referral closes."))
        self.explained.setWordWrap(True)
        period = QHBoxLayout()
        period.addWidget(self.days)
        period.addWidget(self.save_btn)
        period.addStretch(1)
        form.addRow(self.tr("Retention period:"), period)
        passes = QHBoxLayout()
        passes.addWidget(self.count_btn)
        passes.addWidget(self.run_btn)
        passes.addStretch(1)
        form.addRow(passes)
        restore = QHBoxLayout()
        restore.addWidget(self.passphrase)
        restore.addWidget(self.restore_btn)
        form.addRow(self.tr("Passphrase:"), restore)
        form.addRow(self.error)
        form.addRow(self.message)

        may_set = can(role, Permission.SITE_SETTINGS)
        may_run = can(role, Permission.MINIMISE)
        may_restore = can(role, Permission.BACKUP)
        self.days.setEnabled(may_set)
        self.save_btn.setVisible(may_set)
        self.count_btn.setVisible(may_run)
        self.run_btn.setVisible(may_run)
        self.passphrase.setVisible(may_restore)
        self.restore_btn.setVisible(may_restore)
        self.save_btn.clicked.connect(self.save_period)
        self.count_btn.clicked.connect(self.count)
        self.run_btn.clicked.connect(self.run)
        self.restore_btn.clicked.connect(self.restore)
        self.ctx.call(ctx.session.retention.period_days, on_done=self.days.setValue, owner=self)

    def _open_dialog(self) -> str | None:
        path, _sel = QFileDialog.getOpenFileName(self, self.tr("Choose the backup to restore"), "",
                                                 self.tr("Checkpoint backups (*.db)"))
        return path or None

    def _begin(self) -> None:
        self.error.show_error("")
        self.message.clear()
        self.ctx.activity.emit()

    def _failed(self, what: str, exc: BaseException) -> None:
        self.error.show_error(error_message(exc))
        self.finished.emit(what)

    def save_period(self) -> None:
        """Store the period shown (supervisor); logged by the service."""
        self._begin()

        def done(_c: object) -> None:
            self.message.setText(self.tr("Retention period saved: %n day(s).", "", self.days.value()))
            self.finished.emit("period")

        self.ctx.mutate(self.ctx.session.retention.set_period, self.days.value(), on_done=done,
                        on_error=lambda e: self._failed("period", e), owner=self)

    def _shown(self, what: str, m: Minimised) -> None:
        text = (self.tr("%n record(s) would lose their protection section.", "", m.persons) if m.dry_run else
                self.tr("%n record(s) lost their protection section; HQ keeps it.", "", m.persons))
        kept = sum(m.kept.values())
        if kept:
            text += " " + self.tr("%n record(s) keep it for now.", "", kept)
        self.message.setText(text)
        self.finished.emit(what)

    def count(self) -> None:
        """A dry run: how many records the pass would minimise (nothing changes)."""
        self._begin()
        self.ctx.call(lambda: self.ctx.session.retention.minimise(dry_run=True),
                      on_done=lambda m: self._shown("count", m), on_error=lambda e: self._failed("count", e),
                      owner=self)

    def run(self) -> None:
        """The pass now (it also runs at a supervisor's sign-in and after her sync)."""
        self._begin()
        self.ctx.mutate(self.ctx.session.retention.minimise, on_done=lambda m: self._shown("minimise", m),
                        on_error=lambda e: self._failed("minimise", e), owner=self)

    def restore(self) -> None:
        """Restore a backup as a new store beside it (the signed-in user's passphrase in that backup). One older
        than the retention period is refused with the reason, and nothing is written."""
        backup = self.choose_backup()
        if not backup:
            return
        target = self.choose_path("restore", "checkpoint-restored.db")
        if not target:
            return
        self._begin()
        user = self.ctx.session.user.username
        secret = self.passphrase.text()
        self.passphrase.clear()
        clock = self.ctx.session.store.clock

        def done(path: object) -> None:
            self.message.setText(self.tr("Backup restored as %1. Open it from the sign-in screen.")
                                 .replace("%1", str(path)))
            self.finished.emit("restore")

        self.ctx.call(lambda: restore_backup(backup, target, user, secret, clock=clock), on_done=done,
                      on_error=lambda e: self._failed("restore", e), owner=self)
