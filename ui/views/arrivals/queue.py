"""A station's triage queue: who is being seen, then who waits, by priority then waiting time.

F5 calls the next person (one key); Ctrl+D done, Ctrl+R referred, Ctrl+E left before being seen (the selected
entry, else the one being seen). The flow: at the private interview room, the person called opens in the registration
wizard on that same arrival (prefilled; saving it closes the entry as done); at the health post, the person opens in
the health post view (saving the TB screen closes the entry). A red-flag pre-screen's reasons show in the private
room's queue, never at the health post. The list is read on the DB worker (``session.arrivals.queue``) and redrawn from
``ctx.changed``.
"""

from __future__ import annotations

from typing import Any

from checkpoint.arrivals.codes import FLAG_LABELS, STATION_ROLES
from checkpoint.errors import ConflictError, NotFound
from checkpoint.model.roles import Permission, can
from checkpoint.screening.prescreen import prescreen_content
from checkpoint.services import Changes
from checkpoint.workflows.registration import RegistrationFlow, Step
from ui.context import AppContext
from ui.messages import error_message
from ui.qt import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.text import current_language

__all__ = ["StationQueueView"]


class StationQueueView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("station_queue")
        self.items: list[Any] = []
        self.wizard: Any = None          # the registration wizard opened on the called person (private room)
        self.health: QDialog | None = None   # the health post view opened on the called person
        lay = QVBoxLayout(self)
        self.surge_banner = QLabel(self.tr("SURGE MODE: quick registration only; interviews for the flagged."))
        self.surge_banner.setObjectName("surge_banner")
        self.surge_banner.setStyleSheet("background: #b00020; color: white; font-weight: bold; padding: 4px;")
        self.surge_banner.hide()
        lay.addWidget(self.surge_banner)
        top = QHBoxLayout()
        self.station = QComboBox()
        self.station.setObjectName("station")
        self.station.setAccessibleName(self.tr("Station"))
        labels = {"INTERVIEW_ROOM": self.tr("Private interview room"), "HEALTH_POST": self.tr("Health post"),
                  "NEA_DESK": self.tr("NEA desk"), "ASSISTANCE_DESK": self.tr("Assistance desk")}
        for st in ctx.session.site.stations:
            if ctx.role in STATION_ROLES[st]:
                self.station.addItem(labels[st], st)
        top.addWidget(self.station, 1)
        self.call_button = QPushButton(self.tr("Call next (F5)"))
        self.call_button.setObjectName("call_next")
        top.addWidget(self.call_button)
        lay.addLayout(top)
        self.note = QLabel(self.tr("Laptops of this checkpoint share the queue through HQ whenever a link exists; "
                                   "without one, this laptop's queue is its own and merges at the next sync."))
        self.note.setWordWrap(True)
        self.note.setObjectName("queue_note")
        lay.addWidget(self.note)
        self.list = QListWidget()
        self.list.setObjectName("queue_list")
        self.list.setAccessibleName(self.tr("Queue"))
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for status, text, key in (("done", self.tr("Done (Ctrl+D)"), "Ctrl+D"),
                                  ("referred", self.tr("Referred (Ctrl+R)"), "Ctrl+R"),
                                  ("left", self.tr("Left before being seen (Ctrl+E)"), "Ctrl+E")):
            b = QPushButton(text)
            b.setObjectName(f"queue_{status}")
            b.clicked.connect(lambda _c=False, s=status: self.close_entry(s))
            QShortcut(QKeySequence(key), self).activated.connect(lambda s=status: self.close_entry(s))
            row.addWidget(b)
            self.buttons[status] = b
        lay.addLayout(row)
        self.figures = QLabel()
        self.figures.setObjectName("queue_figures")
        lay.addWidget(self.figures)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.call_next)
        self.call_button.clicked.connect(self.call_next)
        self.station.currentIndexChanged.connect(lambda _i: self.refresh())
        ctx.changed.connect(lambda _c: self.refresh())
        self.refresh()

    def current_station(self) -> str | None:
        return self.station.currentData()

    def refresh(self) -> None:
        st = self.current_station()
        if st is None:
            return
        a = self.ctx.session.arrivals

        def read() -> tuple[list[Any], dict[str, Any], bool]:
            return a.queue(st), a.figures()[st], a.surge_active()
        self.ctx.call(read, on_done=self._show, owner=self, latest="queue")

    def _show(self, result: tuple[list[Any], dict[str, Any], bool]) -> None:
        items, fig, surge = result
        self.items = items
        self.surge_banner.setVisible(surge)
        km = current_language() == "km"
        self.list.clear()
        for i in items:
            flags = ", ".join(FLAG_LABELS[f][1 if km else 0] for f in i.flags if f in FLAG_LABELS)
            name = " ".join(x for x in (i.family_name, i.given_names) if x) or i.name_khmer
            state = self.tr("being seen") if i.status == "called" else \
                self.tr("waiting %1 min").replace("%1", str(i.waited_s // 60))
            khmer = i.name_khmer if name != i.name_khmer else ""
            why = "; ".join(self._reason(r, km) for r in i.reasons)
            red = self.tr("red flags: %1").replace("%1", why) if why else ""
            it = QListWidgetItem(f"{name}  {khmer}  {i.sex} {i.age if i.age is not None else '?'}  ·  {state}"
                                 + (f"  ·  {flags}" if flags else "") + (f"  ·  {red}" if red else ""))
            it.setData(Qt.ItemDataRole.UserRole, i.entry_id)
            self.list.addItem(it)
        self.figures.setText(self.tr("Waiting %1 · seen %2 · referred %3 · left before being seen %4")
                             .replace("%1", str(fig["waiting"])).replace("%2", str(fig["done"]))
                             .replace("%3", str(fig["referred"])).replace("%4", str(fig["left_before_seen"])))

    def call_next(self) -> None:
        st = self.current_station()
        if st is None:
            return
        a = self.ctx.session.arrivals

        def call() -> Any:
            return a.call_next(st) or Changes()        # nobody waiting: nothing changed

        def done(r: Any) -> None:
            if isinstance(r, Changes):
                self.ctx.error.emit(self.tr("No one is waiting at this station."))
            elif st == "INTERVIEW_ROOM" and can(self.ctx.role, Permission.REGISTER):
                self.open_registration(r)
            elif st == "HEALTH_POST" and can(self.ctx.role, Permission.SCREEN_TB):
                self.open_health_post(r)
        self.ctx.mutate(call, parent=self, on_done=done)

    @staticmethod
    def _reason(question_id: str, km: bool) -> str:
        try:
            q = prescreen_content().question(question_id)
        except Exception:           # a question of another content version: its id is what there is to show
            return question_id
        return q.reason_km if km else q.reason_en

    # ------------------------------------------------------------------ the flow
    def open_registration(self, item: Any) -> None:
        """The called person's full registration, on the quick registration's own arrival (prefilled: journey, the
        household's guardian); saving it closes the queue entry as done. A person registered in full already (sent
        here by the pre-screen) is interviewed as recorded: the entry is closed with Ctrl+D."""
        s = self.ctx.session

        def opened(info: dict[str, Any]) -> None:
            if self.wizard is not None:
                self.wizard.raise_()
                return
            from ui.wizards.registration import RegistrationWizard
            flow = RegistrationFlow.from_arrival(info, now=s.store.clock.now(), queue_entry_id=item.entry_id,
                                                 station_id=s.site.station_id, tb_mode=s.site.tb_mode,
                                                 tb_policy=s.site.tb_policy())
            self.wizard = RegistrationWizard(self.ctx, flow, start=Step.JOURNEY, parent=self)
            self.wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.wizard.finished.connect(self._wizard_closed)
            self.wizard.open()

        def failed(e: BaseException) -> None:
            if isinstance(e, ConflictError | NotFound):
                self.note.setText(self.tr("This person's full registration is already recorded: interview them "
                                          "and close the entry (Ctrl+D)."))
            else:
                self.ctx.error.emit(error_message(e))
        self.ctx.call(s.registrations.arrival, item.encounter_id, on_done=opened, on_error=failed, owner=self)

    def _wizard_closed(self, _result: int) -> None:
        self.wizard = None
        self.refresh()

    def open_health_post(self, item: Any) -> None:
        """The called person in the health post view (``ui.views.health_post``): saving the TB screen there closes
        the queue entry as done. The health post shows no trafficking answer and no protection flag."""
        from ui.views.health_post import HealthPostView
        if self.health is not None:
            self.health.close()
        dlg = QDialog(self)
        dlg.setObjectName("health_post_dialog")
        dlg.setWindowTitle(self.tr("Health post"))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        lay = QVBoxLayout(dlg)
        view = HealthPostView(self.ctx, parent=dlg)
        lay.addWidget(view)
        dlg.finished.connect(lambda _r: setattr(self, "health", None))
        self.health = dlg
        dlg.open()
        view.open_person(item.person_id, queue_entry_id=item.entry_id, encounter_id=item.encounter_id)

    def close_entry(self, status: str) -> None:
        item = self.list.currentItem()
        entry = item.data(Qt.ItemDataRole.UserRole) if item is not None else next(
            (i.entry_id for i in self.items if i.status == "called"), None)
        if entry is not None:
            self.ctx.mutate(self.ctx.session.arrivals.close, entry, status, parent=self)
