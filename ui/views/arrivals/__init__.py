"""Group arrivals screens (issue 11): the quick registration from a handover list, and a station's queue.

    view = ArrivalsView(ctx)        # tabs: Quick registration (REGISTER), Station queue (QUEUE)

Every store call goes through ``ctx.call``/``ctx.mutate`` (the DB worker); the GUI thread only draws.
Groups come from the import dialog (import_dialog.py) or are typed (group_dialog.py); not built yet: a group view of
its own (the quick registration form shows a group's counts).
"""

from __future__ import annotations

from checkpoint.model.roles import Permission, can
from ui.context import AppContext
from ui.qt import QTabWidget, QWidget
from ui.views.arrivals.queue import StationQueueView
from ui.views.arrivals.quick import QuickRegistrationForm
from ui.views.arrivals.surge import SurgePanel

__all__ = ["ArrivalsView", "QuickRegistrationForm", "StationQueueView", "SurgePanel"]


class ArrivalsView(QTabWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("arrivals")
        self.quick: QuickRegistrationForm | None = None
        self.queue: StationQueueView | None = None
        self.surge: SurgePanel | None = None
        if can(ctx.role, Permission.REGISTER):
            self.quick = QuickRegistrationForm(ctx)
            self.addTab(self.quick, self.tr("&Quick registration"))
        if can(ctx.role, Permission.QUEUE):
            self.queue = StationQueueView(ctx)
            self.addTab(self.queue, self.tr("S&tation queue"))
        if can(ctx.role, Permission.HEADCOUNT):
            self.surge = SurgePanel(ctx)
            self.addTab(self.surge, self.tr("Surge and &headcount"))
