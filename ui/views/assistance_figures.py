"""Assistance figures on the supervisor's view (issue 13, point 4): what was handed out in a period, by kind and
provider, and by sex and child/adult (no names). Read on the DB worker (``session.assistance.figures``).

Who: supervisors (STATS); the tab is added only for them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ui.context import AppContext
from ui.messages import error_message
from ui.qt import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget
from ui.text import code_label

__all__ = ["AssistanceFiguresView"]


class AssistanceFiguresView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("assistance_figures")
        self.data: dict[str, Any] | None = None
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        today = date.today()
        self.date_from = QLineEdit(today.replace(day=1).isoformat())
        self.date_from.setObjectName("assistance_from")
        self.date_from.setAccessibleName(self.tr("From (YYYY-MM-DD)"))
        self.date_to = QLineEdit(today.isoformat())
        self.date_to.setObjectName("assistance_to")
        self.date_to.setAccessibleName(self.tr("To (YYYY-MM-DD)"))
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.refresh)
        self.date_from.returnPressed.connect(self.refresh)
        self.date_to.returnPressed.connect(self.refresh)
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.date_from)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.date_to)
        row.addWidget(show)
        lay.addLayout(row)
        self.table = QPlainTextEdit()
        self.table.setReadOnly(True)
        self.table.setObjectName("assistance_table")
        lay.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("assistance_figures_message")
        lay.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        try:
            start, end = date.fromisoformat(self.date_from.text()), date.fromisoformat(self.date_to.text())
        except ValueError:
            self.message.setText(self.tr("Write the dates as YYYY-MM-DD."))
            return
        self.message.clear()
        self.ctx.call(self.ctx.session.assistance.figures, start, end, on_done=self._show, owner=self,
                      latest="assistance_figures", on_error=lambda e: self.message.setText(error_message(e)))

    def _show(self, f: dict[str, Any]) -> None:
        self.data = f
        lines = [self.tr("%1 handed out to %2 persons").replace("%1", str(f["given"]))
                 .replace("%2", str(f["persons"])), "", self.tr("By kind and provider:")]
        for r in f["by_kind_provider"]:
            lines.append(f"  {r['kind']:<12} {code_label('agencies', r['provider'])}: {r['given']} / {r['persons']}")
        lines += ["", self.tr("By sex and age:")]
        for r in f["by_sex_age"]:
            lines.append(f"  {code_label('sexes', r['sex'])} · {r['age_group']}: {r['given']} / {r['persons']}")
        lines += ["", self.tr("By item:")]
        for code, r in sorted(f["by_item"].items()):
            q = r["quantity"]
            lines.append(f"  {code_label('assistance_items', code)}: {r['given']} · "
                         f"{int(q) if float(q).is_integer() else q} {r['unit']}")
        self.table.setPlainText("\n".join(lines))
