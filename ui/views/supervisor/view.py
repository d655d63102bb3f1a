"""The supervisor's screen: tabs for what the signed-in role may do.

    view = SupervisorView(ctx)             # ctx: ui.context.AppContext
    view.review_tab, view.users_tab, view.data_tab   # None when the signed-in role may not use that tab
    view.add_tab(widget, title)            # hook for later tabs (sync)
    view.choose_path = lambda purpose, suggested: "/media/usb/out.csv"   # tests replace the file dialog

Tabs follow the role's permissions (``checkpoint.model.roles.can``): a supervisor sees Review, Users and Data;
an admin sees Users and Data (backup, verify and figures: never an export of records); officers and health
workers see none. The services enforce the same rules, so hiding a tab is a courtesy, not the protection.
"""

from __future__ import annotations

from pathlib import Path

from checkpoint.model.roles import Permission, can
from checkpoint.paths import export_dir
from ui.context import AppContext
from ui.qt import QFileDialog, QLabel, QTabWidget, QVBoxLayout, QWidget
from ui.views.supervisor.data import DataTab
from ui.views.supervisor.review import ReviewTab
from ui.views.supervisor.users import UsersTab

__all__ = ["SupervisorView"]


class SupervisorView(QWidget):
    """Tabs for what the signed-in role may do: Review (supervisors), Users and Data (supervisors, admins).

    ``add_tab(widget, title)`` adds a later tab (sync). ``choose_path(purpose, suggested)`` asks where to write
    an export or a backup; replace it on the instance to script the choice."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisor_view")
        self.ctx = ctx
        role = ctx.role
        # Every widget gets its parent before anything is shown: a visible parentless widget is a window.
        self.tabs = QTabWidget(self)
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
        # protection referrals and what their partners recorded at HQ (issue 16): a supervisor's follow-up
        self.protection_tab = None
        if can(role, Permission.APPROVE) and can(role, Permission.VIEW_TRAFFICKING):
            from ui.views.protection_follow_up import ProtectionFollowUpTab

            self.protection_tab = ProtectionFollowUpTab(ctx)
            self.add_tab(self.protection_tab, self.tr("Pro&tection referrals"))
        self.nothing = QLabel(self.tr("Your role has no supervisor tasks."), self)
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
        elif purpose == "nea":          # issue 13: NEA's file, XLSX or CSV by the filter chosen
            title = self.tr("Export for NEA to a new file")
            filt = self.tr("Excel workbooks (*.xlsx)") + ";;" + self.tr("CSV files (*.csv)")
        elif purpose == "restore":      # issue 12: where a restored backup goes (a new store)
            title, filt = self.tr("Restore the backup as a new store"), self.tr("Checkpoint backups (*.db)")
        else:
            title, filt = self.tr("Write the backup to a new file"), self.tr("Checkpoint backups (*.db)")
        start = export_dir()            # Documents, or a local folder if Documents syncs to OneDrive
        start.mkdir(parents=True, exist_ok=True)
        path, _sel = QFileDialog.getSaveFileName(self, title, str(start / suggested), filt,
                                                 options=QFileDialog.Option.DontConfirmOverwrite)
        if path and purpose == "nea" and Path(path).suffix.lower() not in (".csv", ".xlsx"):
            path += ".csv" if "*.csv" in _sel else ".xlsx"
        return path or None
