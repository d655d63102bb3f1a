"""The supervisor's follow-up of protection referrals (issue 16 point 5): each protection or child-protection
referral with its agency (a name from HQ's directory too), urgency, status, and the last stage its partner
organisation recorded at HQ (pulled with sync). A supervisor may close one the partner never picked up as lost to
follow-up.

    tab = ProtectionFollowUpTab(ctx)      # ctx: ui.context.AppContext; a tab of the supervisor's screen
    tab.show_all.setChecked(True)         # closed ones too
    tab.table                             # the rows; tab.loaded(n) after each load

Reads ``session.referrals.protection_follow_up``; closing goes through ``session.referrals.update`` (the core
checks the role and that the referral is still open).
"""

from __future__ import annotations

from typing import Any

from checkpoint.model.roles import Permission, can
from checkpoint.services import Changes
from ui.context import AppContext
from ui.messages import error_message
from ui.qt import (
    QCheckBox,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.text import local_date
from ui.views.person_record import PARTNER_OUTCOMES, PARTNER_STAGES, REFERRAL_STATUSES
from ui.widgets.fields import ErrorLabel

__all__ = ["ProtectionFollowUpTab"]


def _pd(text: str) -> str:
    return QCoreApplication.translate("PersonDetail", text)


class ProtectionFollowUpTab(QWidget):
    """Protection referrals and what their partners recorded. Signal ``loaded(n)`` after each load."""

    loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protection_follow_up")
        self.ctx = ctx
        self.rows: list[dict[str, Any]] = []
        self.show_all = QCheckBox(self.tr("Show closed referrals too"))
        self.show_all.setObjectName("show_all")
        self.refresh_btn = QPushButton(self.tr("Re&fresh"))
        self.count = QLabel()
        self.count.setObjectName("protection_count")
        self.table = QListWidget()
        self.table.setObjectName("protection_table")
        self.table.setAccessibleName(self.tr("Protection referrals"))
        self.table.setWordWrap(True)
        self.close_btn = QPushButton(self.tr("Close as lost to follow-up"))
        self.close_btn.setObjectName("close_lost")
        self.error = ErrorLabel("protection_error")
        top = QHBoxLayout()
        top.addWidget(self.show_all)
        top.addWidget(self.refresh_btn)
        top.addStretch(1)
        top.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.error)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.close_btn)
        # only once it has its parent: a parentless widget made visible is a window of its own
        self.close_btn.setVisible(can(ctx.role, Permission.UPDATE_PROTECTION_REFERRAL))
        self.show_all.toggled.connect(lambda _on: self.reload())
        self.refresh_btn.clicked.connect(self.reload)
        self.close_btn.clicked.connect(self.close_selected)
        ctx.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.ctx.call(self.ctx.session.referrals.protection_follow_up, open_only=not self.show_all.isChecked(),
                      on_done=self._loaded, on_error=self._failed, owner=self, latest="protection")

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.error.show_error("")
        self.table.clear()
        for r in rows:
            name = " ".join(x for x in (r["family_name"], r["given_names"], r["name_khmer"]) if x)
            stage = self.tr("nothing yet")
            if r["partner_stage"]:
                stage = _pd(PARTNER_STAGES.get(r["partner_stage"], r["partner_stage"]))
                if r["partner_outcome"]:
                    stage += " — " + _pd(PARTNER_OUTCOMES.get(r["partner_outcome"], r["partner_outcome"]))
                stage += f" ({local_date(r['partner_at'])})"
            self.table.addItem(self.tr("%1 — to %2 (%3), referred %4: %5. Partner: %6")
                               .replace("%1", name).replace("%2", r["agency_label"]).replace("%3", r["urgency"])
                               .replace("%4", local_date(r["created_at"]))
                               .replace("%5", _pd(REFERRAL_STATUSES.get(r["status"], r["status"])))
                               .replace("%6", stage))
        self.count.setText(self.tr("%n referral(s)", "", len(rows)))
        self.loaded.emit(len(rows))

    def _failed(self, e: BaseException) -> None:
        self.error.show_error(error_message(e))
        self.table.clear()
        self.loaded.emit(0)

    def close_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows):
            self.error.show_error(self.tr("Choose a referral in the list."))
            return
        self.ctx.mutate(self.ctx.session.referrals.update, self.rows[row]["id"], {"status": "lost_to_follow_up"},
                        on_error=lambda e: self.error.show_error(error_message(e)), owner=self)

    def _on_changed(self, changes: Changes) -> None:
        if changes.referrals or changes.persons:
            self.reload()
