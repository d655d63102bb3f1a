"""The assistance desk (issue 13): the station queue's ASSISTANCE_DESK, the person being served, what she already
received (today and before, from every laptop once synced), and one key per common item.

F5 calls the next person waiting at the assistance desk; W water, M meal, H hygiene kit, T transport ticket, N a night
in the shelter, C the cash grant (the amount in the amount field, capped by the site); Ctrl+D closes the person's
place in the queue (done). A second cash grant inside the site's period is refused with the first payment named; a
supervisor types a reason and presses Ctrl+O to give it anyway (the reason is kept in the event). Every store call runs
on the DB worker (``session.assistance``, ``session.arrivals``).

Who: officers and supervisors (the roles that work the assistance desk).
"""

from __future__ import annotations

from typing import Any

from checkpoint.model.roles import Permission, can
from checkpoint.services.assistance import CashGrantRefused
from ui.context import AppContext
from ui.messages import error_message
from ui.qt import (
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.text import code_label

__all__ = ["AssistanceDeskView"]

STATION = "ASSISTANCE_DESK"
CASH_ITEM = "CASH_GRANT_KHR"


class AssistanceDeskView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("assistance_desk")
        self.person_id: str | None = None
        self.entry_id: str | None = None
        self.received: list[dict[str, Any]] = []
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.person = QLabel(self.tr("No one is being served. Press F5 to call the next person."))
        self.person.setObjectName("desk_person")
        self.person.setWordWrap(True)
        top.addWidget(self.person, 1)
        call = QPushButton(self.tr("Call next (F5)"))
        call.setObjectName("desk_call_next")
        call.clicked.connect(self.call_next)
        top.addWidget(call)
        lay.addLayout(top)
        self.history = QListWidget()
        self.history.setObjectName("desk_received")
        self.history.setAccessibleName(self.tr("Already received"))
        lay.addWidget(QLabel(self.tr("Already received (today first):")))
        lay.addWidget(self.history, 1)
        keys = QHBoxLayout()
        self.item_buttons: dict[str, QPushButton] = {}
        labels = {"WATER": self.tr("Water (W)"), "MEAL": self.tr("Meal (M)"), "HYGIENE_KIT": self.tr("Hygiene kit (H)"),
                  "TRANSPORT_TICKET": self.tr("Transport ticket (T)"), "SHELTER_NIGHT": self.tr("Night in shelter (N)"),
                  CASH_ITEM: self.tr("Cash grant (C)")}
        keyed = {"WATER": "W", "MEAL": "M", "HYGIENE_KIT": "H", "TRANSPORT_TICKET": "T", "SHELTER_NIGHT": "N",
                 CASH_ITEM: "C"}
        for code, text in labels.items():
            b = QPushButton(text)
            b.setObjectName(f"give_{code}")
            b.clicked.connect(lambda _c=False, c=code: self.give(c))
            sc = QShortcut(QKeySequence(keyed[code]), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda c=code: self.give(c))
            keys.addWidget(b)
            self.item_buttons[code] = b
        lay.addLayout(keys)
        cash = QHBoxLayout()
        cash.addWidget(QLabel(self.tr("Cash amount (riel):")))
        self.amount = QLineEdit("100000")
        self.amount.setObjectName("desk_amount")
        self.amount.setAccessibleName(self.tr("Cash amount (riel)"))
        cash.addWidget(self.amount)
        self.override = QLineEdit()
        self.override.setObjectName("desk_override_reason")
        self.override.setPlaceholderText(self.tr("Supervisor: reason to give a second cash grant"))
        self.override.setAccessibleName(self.tr("Reason for the override"))
        may_override = can(ctx.role, Permission.OVERRIDE_ASSISTANCE)
        self.override.setVisible(may_override)
        cash.addWidget(self.override, 1)
        lay.addLayout(cash)
        self.message = QLabel()
        self.message.setObjectName("desk_message")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        for key, fn in (("F5", self.call_next), ("Ctrl+D", self.done), ("Ctrl+O", self.give_override)):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)
        ctx.changed.connect(lambda _c: self.refresh())

    # ------------------------------------------------------------------ the person
    def show_person(self, person_id: str, label: str = "", entry_id: str | None = None) -> None:
        self.person_id, self.entry_id = person_id, entry_id
        self.person.setText(label or person_id)
        self.message.clear()
        self.refresh()

    def refresh(self) -> None:
        pid = self.person_id
        if pid is None:
            return
        self.ctx.call(self.ctx.session.assistance.received, pid, on_done=self._show, owner=self,
                      latest="assistance", on_error=self._failed)

    def _show(self, got: dict[str, list[dict[str, Any]]]) -> None:
        self.received = got["ever"]
        today = {r["id"] for r in got["today"]}
        self.history.clear()
        for r in got["ever"]:
            when = self.tr("today") if r["id"] in today else r["given_at"][:10]
            q = r["quantity"]
            qty = str(int(q)) if float(q).is_integer() else f"{q:.2f}"
            void = "  " + self.tr("(void)") if r["voided"] else ""
            item, prov = code_label("assistance_items", r["item_code"]), code_label("agencies", r["provider"])
            self.history.addItem(f"{when}  {item}  {qty} {r['unit']}  ·  {prov}{void}")

    def _failed(self, e: BaseException) -> None:
        if isinstance(e, CashGrantRefused):
            f = e.first
            q = f["quantity"]
            qty = str(int(q)) if float(q).is_integer() else f"{q:.2f}"
            self.message.setText(
                self.tr("Refused: a cash grant was already given on %1 (%2 %3, %4). A supervisor may give another "
                        "with a reason (Ctrl+O).").replace("%1", f["given_at"][:10]).replace("%2", qty)
                .replace("%3", f["unit"]).replace("%4", code_label("agencies", f["provider"])))
        else:
            self.message.setText(error_message(e))

    # ------------------------------------------------------------------ actions
    def call_next(self) -> None:
        a = self.ctx.session.arrivals

        def done(item: Any) -> None:
            if item is None:
                self.message.setText(self.tr("No one is waiting at the assistance desk."))
                return
            name = " ".join(x for x in (item.family_name, item.given_names) if x) or item.name_khmer
            self.show_person(item.person_id, f"{name}  {item.sex} {item.age if item.age is not None else '?'}",
                             item.entry_id)
        self.ctx.mutate(lambda: a.call_next(STATION) or _NoOne(), on_done=lambda r: done(
            None if isinstance(r, _NoOne) else r), on_error=self._failed, owner=self)

    def done(self) -> None:
        if self.entry_id is None:
            return
        entry, self.entry_id, self.person_id = self.entry_id, None, None
        self.history.clear()
        self.person.setText(self.tr("No one is being served. Press F5 to call the next person."))
        self.ctx.mutate(self.ctx.session.arrivals.close, entry, "done", on_error=self._failed, owner=self)

    def _amount(self) -> float | None:
        try:
            return float(self.amount.text().replace(",", "").strip())
        except ValueError:
            self.message.setText(self.tr("Type the amount as a number."))
            return None

    def give(self, code: str, reason: str = "") -> None:
        pid = self.person_id
        if pid is None:
            self.message.setText(self.tr("Call a person first (F5)."))
            return
        qty = self._amount() if code == CASH_ITEM else 1
        if qty is None:
            return
        self.message.clear()
        self.ctx.mutate(self.ctx.session.assistance.give, pid, code, qty, override_reason=reason,
                        on_done=lambda _r: self.message.setText(self.tr("Recorded.")), on_error=self._failed,
                        owner=self)

    def give_override(self) -> None:
        self.give(CASH_ITEM, self.override.text().strip())


class _NoOne:
    """call_next found no one: a write that changed nothing (mutate needs Changes)."""

    @property
    def changes(self) -> Any:
        from checkpoint.services import Changes
        return Changes()
