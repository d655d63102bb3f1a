"""The Data tab: this store's figures, CSV export, encrypted backup and verification.

    tab = DataTab(ctx, choose_path)       # choose_path(purpose, suggested) -> a new file's path, or None
    tab.export_csv(); tab.backup(); tab.verify()
    tab.finished.connect(...)             # ("stats" | "export" | "backup" | "verify") after each, done or refused
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from checkpoint.errors import ValidationError
from checkpoint.model.roles import Permission, can
from checkpoint.services import BackedUp, Changes, Exported, VerifyReport
from ui.context import AppContext
from ui.messages import error_message, tr
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.basic import button, text_label
from ui.widgets.fields import ErrorLabel

__all__ = ["FIGURE_LABELS", "DataTab"]

_WARNING_STYLE = "background: #fff3cd; color: #5c4400; border: 1px solid #d8a800; padding: 6px; font-weight: bold;"

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


class DataTab(QScrollArea):
    """Store figures, CSV export, encrypted backup and verification; NEA's export and retention below them. A
    scroll area: at 1366 x 768 the boxes are taller than the tab, and every button stays reachable (``content`` is
    the scrolled widget; Tab to a button below the fold scrolls it into view).

    ``choose_path(purpose, suggested)`` returns the file to write (or None): the view's file dialog, replaced
    in tests. Signals: ``finished(what)`` after each operation ("stats", "export", "backup", "verify"),
    whether it succeeded or not (the outcome is on screen)."""

    finished = Signal(str)

    def __init__(self, ctx: AppContext, choose_path: Callable[[str, str], str | None],
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
            value = text_label(f"stat_{key}")
            value.setAccessibleName(self.figure_label(key))
            form.addRow(self.figure_label(key), value)
            self.figures[key] = value

        self.export_btn = button(self.tr("&Export CSV…"), "export_csv", self.tr("Export the records as a CSV file"))
        self.backup_btn = button(self.tr("&Back up…"), "backup", self.tr("Write an encrypted backup"))
        self.verify_btn = button(self.tr("&Verify"), "verify", self.tr("Verify the store"))
        buttons = QHBoxLayout()
        for b in (self.export_btn, self.backup_btn, self.verify_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.message = text_label("data_message")
        self.message.setAccessibleName(self.tr("Result"))
        self.warning = text_label("data_warning", _WARNING_STYLE)
        self.warning.setAccessibleName(self.tr("Warning"))
        self.warning.hide()
        self.error = ErrorLabel("data_error", self.tr("Error"))
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        self.problems.setAccessibleName(self.tr("Problems found"))
        self.problems.hide()

        self.content = QWidget()
        self.content.setObjectName("data_content")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(self.content)
        lay = QVBoxLayout(self.content)
        lay.addWidget(figures)
        lay.addLayout(buttons)
        lay.addWidget(self.error)
        lay.addWidget(self.warning)
        lay.addWidget(self.message)
        lay.addWidget(self.problems, 1)
        # issue 13: NEA's export (CSV or XLSX, the documented layout or a mapping for NEA's template), EXPORT only
        from ui.views.supervisor.nea_export import NeaExportBox
        from ui.views.supervisor.nea_export import visible_for as nea_visible_for
        self.nea = NeaExportBox(ctx, choose_path, self) if nea_visible_for(role) else None
        if self.nea is not None:
            lay.addWidget(self.nea)
        # issue 12, point 6: the retention period, the minimisation pass, restoring a backup (dated)
        from ui.views.supervisor.retention import RetentionBox, visible_for
        self.retention = RetentionBox(ctx, choose_path, self) if visible_for(role) else None
        if self.retention is not None:
            lay.addWidget(self.retention)
        lay.addStretch(0)
        # Shown or hidden only now that they have a parent: setVisible(True) on a parentless widget opens it as a
        # top-level window for a moment (and takes the keyboard focus from the main window).
        self.export_btn.setVisible(can(role, Permission.EXPORT))
        self.backup_btn.setVisible(can(role, Permission.BACKUP))
        self.verify_btn.setVisible(can(role, Permission.VERIFY))

        self.export_btn.clicked.connect(self.export_csv)
        self.backup_btn.clicked.connect(self.backup)
        self.verify_btn.clicked.connect(self.verify)
        ctx.changed.connect(self._on_changed)
        self.refresh_stats()

    def _on_changed(self, _changes: Changes) -> None:
        self.refresh_stats()

    @staticmethod
    def figure_label(key: str) -> str:
        return QCoreApplication.translate("DataTab", FIGURE_LABELS[key])

    def _show_warning(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    # -- figures
    def refresh_stats(self) -> None:
        self.ctx.call(self.ctx.session.maintenance.stats, on_done=self._stats, on_error=self._stats_failed,
                      owner=self)

    def _stats(self, stats: dict[str, int]) -> None:
        for key, lab in self.figures.items():
            lab.setText(str(stats[key]) if key in stats else "–")
        self.finished.emit("stats")

    def _stats_failed(self, exc: BaseException) -> None:
        for lab in self.figures.values():
            lab.setText("–")
        self.error.show_error(error_message(exc))
        self.finished.emit("stats")

    # -- operations
    def _start(self) -> bool:
        if self._busy:
            return False
        self._busy = True
        for b in (self.export_btn, self.backup_btn, self.verify_btn):
            b.setEnabled(False)
        self.error.show_error("")
        self._show_warning("")
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
            self.error.show_error(self.tr("That file already exists. Nothing was overwritten: choose a new name."))
        else:
            self.error.show_error(error_message(exc))
        self._end(what)

    def export_csv(self) -> None:
        """Ask for a new file and write the arrivals to it as CSV (plaintext: the warning says so)."""
        today = datetime.now(self.ctx.session.site.tz).strftime("%Y%m%d")
        path = self.choose_path("export", f"checkpoint-export-{today}.csv")
        if not path or not self._start():
            return
        if not Path(path).suffix:
            path += ".csv"

        def done(result: Exported) -> None:
            n = result.rows
            self.message.setText(self.tr("%n row(s) written to %1.", "", n).replace("%1", str(path)))
            self._show_warning(self.tr("This file is NOT encrypted. Keep it only on an encrypted disk, never "
                                       "send it by e-mail or chat, and delete it when you are done."))
            self._end("export")

        self.ctx.mutate(self.ctx.session.maintenance.export_csv, path, on_done=done,
                        on_error=lambda e: self._file_error("export", e), owner=self)

    def backup(self) -> None:
        """Ask for a new file and write an encrypted copy of the store (and its key file) there."""
        today = datetime.now(self.ctx.session.site.tz).strftime("%Y%m%d")
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

    def _verified(self, report: VerifyReport) -> None:
        if report.ok:
            self.message.setText(self.tr("OK: the store passed every check (%1 events, %2 persons).")
                                 .replace("%1", f"{report.events:,}").replace("%2", f"{report.persons:,}"))
        else:
            self.message.clear()
            self.error.show_error(self.tr("%n problem(s) found. Do not delete anything; tell HQ.", "",
                                          len(report.problems)))
            self.problems.addItems([tr("Core", str(p)) for p in report.problems])   # fixed ones translated
            self.problems.show()
        self._end("verify")
