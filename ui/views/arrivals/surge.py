"""Surge mode (a supervisor's switch, logged) and the headcount of people who pass without registration, by sex
and child/adult: one key each (Alt+W woman, Alt+M man, Alt+G girl, Alt+B boy) while surge mode is on."""

from __future__ import annotations

from typing import Any

from checkpoint.model.roles import Permission, can
from ui.context import AppContext
from ui.qt import QCheckBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

__all__ = ["SurgePanel"]


class SurgePanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("surge_panel")
        lay = QVBoxLayout(self)
        self.switch = QCheckBox(self.tr("&Surge mode: quick registration only, interviews for the flagged"))
        self.switch.setObjectName("surge_switch")
        self.switch.setEnabled(can(ctx.role, Permission.SURGE))
        self.switch.clicked.connect(self._switch)
        lay.addWidget(self.switch)
        lay.addWidget(QLabel(self.tr("People who pass without registration:")))
        grid = QGridLayout()
        self.buttons: dict[tuple[str, str], QPushButton] = {}
        for n, (sex, age, text) in enumerate((("F", "adult", self.tr("&Woman")), ("M", "adult", self.tr("&Man")),
                                               ("F", "child", self.tr("&Girl")), ("M", "child", self.tr("&Boy")))):
            b = QPushButton(text)
            b.setObjectName(f"count_{sex}_{age}")
            b.clicked.connect(lambda _c=False, s=sex, a=age: self._count(s, a))
            grid.addWidget(b, n // 2, n % 2)
            self.buttons[(sex, age)] = b
        lay.addLayout(grid)
        self.counts = QLabel()
        self.counts.setObjectName("headcount")
        lay.addWidget(self.counts)
        lay.addStretch(1)
        ctx.changed.connect(lambda _c: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        a = self.ctx.session.arrivals

        def read() -> tuple[bool, dict[str, dict[str, int]]]:
            return a.surge_active(), a.headcount()
        self.ctx.call(read, on_done=self._show, owner=self, latest="surge")

    def _show(self, result: tuple[bool, dict[str, Any]]) -> None:
        on, counts = result
        self.switch.setChecked(on)
        for b in self.buttons.values():
            b.setEnabled(on)
        f, m = counts.get("F", {}), counts.get("M", {})
        self.counts.setText(self.tr("Women %1 · men %2 · girls %3 · boys %4")
                            .replace("%1", str(f.get("adult", 0))).replace("%2", str(m.get("adult", 0)))
                            .replace("%3", str(f.get("child", 0))).replace("%4", str(m.get("child", 0))))

    def _switch(self, on: bool) -> None:
        self.ctx.mutate(self.ctx.session.arrivals.set_surge, on, parent=self)

    def _count(self, sex: str, age: str) -> None:
        self.ctx.mutate(self.ctx.session.arrivals.count_passing, sex, age, parent=self)
