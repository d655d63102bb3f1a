"""The main window: today's figures, drafts to resume, navigation with shortcuts, status bar, auto-lock."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any

from checkpoint.clock import Clock
from checkpoint.model.roles import Permission, can
from checkpoint.screening.safety import MSG_SAFETY_LABEL, reason_message
from checkpoint.services import Changes, Draft, TodayFigures
from checkpoint.workflows.registration import RegistrationFlow, Step
from ui.context import AppContext
from ui.messages import fill, tr
from ui.models.users import role_label
from ui.qt import (
    QAction,
    QApplication,
    QEvent,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QObject,
    QPushButton,
    QStackedWidget,
    Qt,
    QTimer,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.text import local_datetime
from ui.wizards.registration import RegistrationWizard, outcome_text


class InactivityWatcher(QObject):
    """Emits ``timeout`` after ``minutes`` without a key press or mouse use anywhere in the app."""

    timeout = Signal()
    _EVENTS = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel)

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.timeout.connect(self.timeout)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in self._EVENTS:
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class HomePage(QWidget):
    """Two boxes of figures. "Arrived today": the arrivals of the local day (the site's time zone, since 00:00)
    and, of them, those with trafficking indicators present and those the TB screen refers — one period, one clock
    (the arrival time), counted in the core (``session.records.today_figures``). "Now": this user's unfinished
    registrations and what waits to sync with HQ, the state at this moment.

    The figures follow the ``Changes`` broadcast (a save, a correction, a background sync or pull, another view):
    a burst of changes is one query, ``REFRESH_DELAY_MS`` after the last, on the DB worker (never the GUI thread).
    They refresh by themselves at the next local midnight, when "today" becomes a new day.
    """

    REFRESH_DELAY_MS = 250

    def __init__(self, win: MainWindow) -> None:
        super().__init__()
        self.win = win
        self.setObjectName("home")
        self.refreshes = 0                          # how many times the figures were asked for (tests read it)
        self.figures: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self.today_box = QGroupBox(self.tr("Arrived today"))
        self.today_box.setObjectName("today_box")
        self.now_box = QGroupBox(self.tr("Now"))
        self.now_box.setObjectName("now_box")
        role = win.ctx.role
        officer_scope = can(role, Permission.VIEW_OWN_TRAFFICKING) and not can(role, Permission.VIEW_TRAFFICKING)
        traff = self.tr("of them, registered by you, with trafficking indicators present") if officer_scope else \
            self.tr("of them, with trafficking indicators present")
        day_tiles = [("registered", self.tr("arrived today")), ("trafficking_indicators", traff),
                     ("tb_referrals", self.tr("of them, referred for TB")),
                     # issue 12: not screened counted apart; the project's safety rule (not the ILO rule)
                     ("trafficking_not_screened", self.tr("of them, checklist not asked (not screened)")),
                     ("safety_rule", self.tr("of them, safety rule: protection referral today"))]
        # Issue 14: presumptive TB and treatment started, apart from the referrals (which include high risk).
        day_tiles += [("tb_presumptive", self.tr("of them, presumptive TB")),
                      ("tb_treatment_started", self.tr("TB treatment started today (people of any day)"))]
        now_tiles = [("drafts", self.tr("your unfinished registrations")),
                     ("pending_sync", self.tr("waiting to sync with HQ"))]
        grids: list[QGridLayout] = []
        for box, tiles in ((self.today_box, day_tiles), (self.now_box, now_tiles)):
            grid = QGridLayout(box)
            grids.append(grid)
            for i, (key, text) in enumerate(tiles):
                value = QLabel("–")
                value.setObjectName(f"fig_{key}")
                value.setAccessibleName(text)
                value.setStyleSheet("font-size: 22pt; font-weight: bold;")
                caption = QLabel(text)
                caption.setObjectName(f"caption_{key}")
                caption.setWordWrap(True)
                grid.addWidget(value, 0, i)
                grid.addWidget(caption, 1, i)
                grid.setColumnStretch(i, 1)
                self.figures[key] = value
                self.captions[key] = caption
        self.period = QLabel()
        self.period.setObjectName("figures_period")
        self.period.setWordWrap(True)
        grids[0].addWidget(self.period, 2, 0, 1, len(day_tiles))
        self.now_note = QLabel(self.tr("The state at this moment; updated as it changes."))
        self.now_note.setObjectName("now_note")
        self.now_note.setWordWrap(True)
        grids[1].addWidget(self.now_note, 2, 0, 1, len(now_tiles))
        # A role sees the tiles it may read (the core answers None for the others).
        self._set_tile_visible("trafficking_indicators",
                               can(role, Permission.VIEW_TRAFFICKING) or can(role, Permission.VIEW_OWN_TRAFFICKING))
        self._set_tile_visible("tb_referrals", can(role, Permission.VIEW_TB))
        for key in ("tb_presumptive", "tb_treatment_started"):
            self._set_tile_visible(key, can(role, Permission.VIEW_TB))
        for key in ("trafficking_not_screened", "safety_rule"):
            self._set_tile_visible(key, can(role, Permission.VIEW_TRAFFICKING) or
                                   can(role, Permission.VIEW_OWN_TRAFFICKING))
        self._set_tile_visible("drafts", can(role, Permission.DRAFTS))
        self.new_button = QPushButton(self.tr("New registration (Ctrl+N)"))
        self.new_button.setObjectName("new_registration")
        self.new_button.clicked.connect(win.new_registration)
        self.drafts = QListWidget()
        self.drafts.setObjectName("drafts")
        self.drafts.setAccessibleName(self.tr("Unfinished registrations"))
        self.drafts.itemActivated.connect(self._resume)
        self.last = QLabel()
        self.last.setObjectName("last_saved")
        self.last.setWordWrap(True)
        self.slip_buttons = QHBoxLayout()
        boxes = QHBoxLayout()
        boxes.addWidget(self.today_box, 3)
        boxes.addWidget(self.now_box, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(boxes)
        lay.addWidget(self.new_button)
        lay.addWidget(self.last)
        lay.addLayout(self.slip_buttons)
        lay.addWidget(QLabel(self.tr("Unfinished registrations (Enter to resume):")))
        lay.addWidget(self.drafts)
        lay.addStretch(1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.REFRESH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self._midnight = QTimer(self)              # a new local day starts: "today" becomes the new day
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self.refresh)

    def _set_tile_visible(self, key: str, visible: bool) -> None:
        self.figures[key].setVisible(visible)
        self.captions[key].setVisible(visible)

    def schedule_refresh(self) -> None:
        """Refresh once, shortly: every call within ``REFRESH_DELAY_MS`` of the last is the same refresh."""
        self._debounce.start()

    def refresh(self) -> None:
        self._debounce.stop()
        self.refreshes += 1
        ctx = self.win.ctx
        if can(ctx.role, Permission.VIEW_LIST):
            clock = ctx.session.store.clock       # taken now: the answer may come after the session locked
            ctx.call(ctx.session.records.today_figures, on_done=lambda f: self._figures(f, clock), owner=self,
                     latest="figures")
        if can(ctx.role, Permission.DRAFTS):
            ctx.call(ctx.session.drafts.list, on_done=self._drafts, owner=self, latest="drafts")
        else:
            self.new_button.hide()

    def _figures(self, f: TodayFigures, clock: Clock) -> None:
        for key, label in self.figures.items():
            value = getattr(f, key)
            label.setText("–" if value is None else str(value))
        self.period.setText(self.tr("%1, local time, since 00:00. Counted by arrival time: screenings count with "
                                    "the arrival they belong to.").replace("%1", f.day.isoformat()))
        self.win.set_pending(f.pending_sync)
        left = datetime.fromisoformat(f.ends_at) - clock.now()
        if timedelta(0) < left <= timedelta(days=1):
            self._midnight.start(int(left.total_seconds() * 1000) + 1_000)

    def _drafts(self, drafts: list[Draft]) -> None:
        self.drafts.clear()
        no_name = self.tr("(no name yet)")      # outside the f-string: lupdate does not look inside one
        for d in drafts:
            p = d.payload.get("person") or {}
            who = " ".join(x for x in (p.get("family_name"), p.get("given_names"), p.get("name_khmer")) if x)
            it = QListWidgetItem(f"{who or no_name} — {local_datetime(d.updated_at)}")
            it.setData(Qt.ItemDataRole.UserRole, d)
            self.drafts.addItem(it)

    def _resume(self, item: QListWidgetItem) -> None:
        self.win.resume_draft(item.data(Qt.ItemDataRole.UserRole))

    def show_saved(self, reg: Any) -> None:
        parts = [self.tr("Saved.")]
        if reg.trafficking is not None:
            # an untouched checklist was not asked: never shown as the ILO rule's "not met" (issue 12)
            parts.append(outcome_text("NOT_SCREENED" if getattr(reg, "checklist_status", None) == "NOT_SCREENED"
                                      else reg.trafficking.outcome))
            safety = getattr(reg, "safety", None) or {}
            if safety.get("triggered"):
                # "label: reason" as one translatable template (Khmer writes the colon as ៖)
                parts.append(fill(self.tr("%1: %2"), tr("Core", MSG_SAFETY_LABEL), tr("Core", reason_message(
                    (safety.get("reasons") or [{}])[0].get("code", "")))))
        if reg.tb is not None:
            parts.append(outcome_text(reg.tb.outcome))
        self.last.setText(" ".join(parts))
        while self.slip_buttons.count():
            item = self.slip_buttons.takeAt(0)
            w = item.widget() if item else None
            if w is not None:
                w.deleteLater()
        for i, rid in enumerate(reg.referral_ids):
            b = QPushButton(self.tr("Print referral slip %1").replace("%1", str(i + 1)))
            b.setObjectName(f"print_slip_{i + 1}")
            b.clicked.connect(lambda _c=False, r=rid: self.win.print_slip(r))
            self.slip_buttons.addWidget(b)


class MainWindow(QMainWindow):
    """Emits ``lock_requested`` (Ctrl+L, or inactivity)."""

    lock_requested = Signal()

    def __init__(self, ctx: AppContext, *, lock_minutes: float = 5, background_sync: bool = True,
                 sync_worker: Any = None, parent: QWidget | None = None) -> None:
        """``sync_worker``: a sync.device.DeviceSync from the composition root (None: no sync panel)."""
        super().__init__(parent)
        self.ctx = ctx
        self.background_sync = background_sync
        self.sync_worker = sync_worker
        self.setObjectName("main_window")
        user = ctx.session.user
        self.setWindowTitle(self.tr("Checkpoint — %1").replace("%1", ctx.session.site.checkpoint_name))
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.home = HomePage(self)
        self.pages: dict[str, QWidget] = {"home": self.home}
        self.stack.addWidget(self.home)
        self._add_views()
        bar = QToolBar(self.tr("Navigation"))
        bar.setObjectName("navigation")
        self.addToolBar(bar)
        self.actions_: dict[str, QAction] = {}

        def action(key: str, text: str, shortcut: str, slot: Any) -> None:
            a = QAction(text, self)
            a.setObjectName(f"action_{key}")
            a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(slot)
            bar.addAction(a)
            self.actions_[key] = a

        action("home", self.tr("Home"), "Ctrl+1", lambda: self.show_page("home"))
        if can(ctx.role, Permission.REGISTER):
            action("new", self.tr("New registration"), "Ctrl+N", self.new_registration)
        if self.available("records"):
            action("records", self.tr("Records"), "Ctrl+2", lambda: self.show_page("records"))
        if self.available("referrals"):
            action("referrals", self.tr("TB referrals"), "Ctrl+3", lambda: self.show_page("referrals"))
        if self.available("supervisor"):
            action("supervisor", self.tr("Supervisor"), "Ctrl+4", lambda: self.show_page("supervisor"))
        if self.available("health_post"):       # issue 14
            action("health_post", self.tr("Health post"), "Ctrl+6", lambda: self.show_page("health_post"))
        if self.available("arrivals"):
            action("arrivals", self.tr("Arrivals"), "Ctrl+5", lambda: self.show_page("arrivals"))
        if self.available("assistance"):        # issue 13: the assistance desk
            action("assistance", self.tr("Assistance desk"), "Ctrl+7", lambda: self.show_page("assistance"))
        if self.available("nea"):               # issue 13: NEA job registration
            action("nea", self.tr("NEA desk"), "Ctrl+8", lambda: self.show_page("nea"))
        # issue 16: check a referral slip's QR code (a transfer from another checkpoint); every role, the verdict
        action("check_slip", self.tr("Check a slip…"), "Ctrl+K", self.check_slip)
        action("lock", self.tr("Lock"), "Ctrl+L", self.lock_requested.emit)
        sb = self.statusBar()
        self.user_label = QLabel(f"{user.display_name} · {role_label(user.role)}")
        self.user_label.setObjectName("status_user")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("status_sync")
        self.message = QLabel()
        self.message.setObjectName("status_message")
        sb.addWidget(self.user_label)
        sb.addWidget(self.message, 1)
        sb.addPermanentWidget(self.pending_label)
        ctx.error.connect(self.message.setText)
        if self.sync_panel is not None:
            self.sync_panel.status_changed.connect(self.pending_label.setText)
        ctx.changed.connect(self._changed)
        self.watcher = InactivityWatcher(lock_minutes, self)
        self.watcher.timeout.connect(self.lock_requested.emit)
        self.wizard: RegistrationWizard | None = None
        self.slip_dialog: Any = None          # issue 16: the open "Check a slip…" dialog
        self.home.refresh()

    def _add_views(self) -> None:
        """Register the views this role may use; each is built the first time it is shown (fast start)."""
        role = self.ctx.role
        self._factories: dict[str, Any] = {}
        if can(role, Permission.SEARCH):
            def records() -> QWidget:
                from ui.views.records import RecordsView

                return RecordsView(self.ctx)
            self._factories["records"] = records
        if can(role, Permission.UPDATE_HEALTH_REFERRAL):
            def referrals() -> QWidget:
                from ui.views.referrals import ReferralsView

                return ReferralsView(self.ctx)
            self._factories["referrals"] = referrals
        self.sync_panel: Any = None
        if can(role, Permission.SYNC) and self.sync_worker is not None:
            # Built now, not on first view: it syncs in the background whether or not its tab is ever opened.
            from ui.views.sync_panel import SyncPanel

            self.sync_panel = SyncPanel(self.ctx, self.sync_worker, background=self.background_sync)

            def supervisor() -> QWidget:
                from ui.views.supervisor import SupervisorView

                view = SupervisorView(self.ctx)
                view.add_tab(self.sync_panel, self.tr("&Sync with HQ"))
                if can(role, Permission.STATS):    # issue 13: assistance by kind, provider, sex and age
                    from ui.views.assistance_figures import AssistanceFiguresView
                    view.add_tab(AssistanceFiguresView(self.ctx), self.tr("Assistance fi&gures"))
                return view
            self._factories["supervisor"] = supervisor

        if can(role, Permission.SCREEN_TB):      # issue 14: the health post (TB screen, pathway, cascade)
            def health_post() -> QWidget:
                from ui.views.health_post import HealthPostPage

                return HealthPostPage(self.ctx, print_slip=self.print_slip)
            self._factories["health_post"] = health_post
        if can(role, Permission.QUEUE):          # group arrivals (issue 11): quick registration, station queue
            def arrivals() -> QWidget:
                from ui.views.arrivals import ArrivalsView

                return ArrivalsView(self.ctx)
            self._factories["arrivals"] = arrivals
        if can(role, Permission.GIVE_ASSISTANCE):    # issue 13: the assistance desk (its own ASSISTANCE_DESK queue)
            def assistance() -> QWidget:
                from ui.views.assistance import AssistanceDeskView

                return AssistanceDeskView(self.ctx)
            self._factories["assistance"] = assistance
        if can(role, Permission.NEA_REGISTER):       # issue 13: the NEA desk (its own NEA_DESK queue)
            def nea() -> QWidget:
                from ui.views.nea import NeaDeskView

                return NeaDeskView(self.ctx)
            self._factories["nea"] = nea

    def available(self, key: str) -> bool:
        return key in self.pages or key in getattr(self, "_factories", {})

    def page(self, key: str) -> QWidget:
        if key not in self.pages:
            w = self._factories[key]()
            self.pages[key] = w
            self.stack.addWidget(w)
        return self.pages[key]

    def show_page(self, key: str) -> None:
        self.stack.setCurrentWidget(self.page(key))
        if key == "home":
            self.home.refresh()

    def set_pending(self, n: int) -> None:
        self.pending_label.setText(self.tr("HQ: %1 waiting").replace("%1", str(n)))

    def _changed(self, _changes: Changes) -> None:
        """Any change (a save here, a correction in a view, a background sync or pull) may move a figure or what
        waits to sync, which the status bar shows on every page: refresh the home figures, once per burst."""
        self.home.schedule_refresh()

    # registration ------------------------------------------------------------------------------
    def _flow(self) -> RegistrationFlow:
        s = self.ctx.session
        return RegistrationFlow(now=s.store.clock.now(), station_id=s.site.station_id, tb_mode=s.site.tb_mode)

    def new_registration(self) -> None:
        self._open_wizard(self._flow(), Step.IDENTITY)

    def resume_draft(self, draft: Draft) -> None:
        s = self.ctx.session
        flow, step = RegistrationFlow.from_draft(draft.payload, now=s.store.clock.now(), draft_id=draft.id,
                                                 station_id=s.site.station_id, tb_mode=s.site.tb_mode)
        self._open_wizard(flow, step)

    def _open_wizard(self, flow: RegistrationFlow, step: Step) -> None:
        flow.tb_policy = self.ctx.session.site.tb_policy()      # the TB rule's site settings (issue 14)
        if self.wizard is not None:
            self.wizard.raise_()
            return
        self.wizard = RegistrationWizard(self.ctx, flow, start=step, parent=self)
        self.wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard.saved.connect(self._saved)
        self.wizard.finished.connect(self._wizard_closed)
        self.wizard.open()

    def _wizard_closed(self, _result: int) -> None:
        self.wizard = None
        self.home.refresh()

    def _saved(self, reg: Any) -> None:
        self.show_page("home")
        self.home.show_saved(reg)

    def print_slip(self, referral_id: str) -> None:
        from ui.slip import print_slip
        from ui.text import content_language

        slips = self.ctx.session.slips

        def show(slip: Any) -> None:
            if print_slip(slip, self, lang=content_language()):
                self.ctx.mutate(slips.record_printed, referral_id, parent=self)

        self.ctx.call(slips.slip, referral_id, on_done=show, parent=self)

    def check_slip(self) -> None:
        """The "Check a slip…" dialog (issue 16); with a record button where this role opens records."""
        from ui.dialogs.slip_check import SlipCheckDialog

        if self.slip_dialog is not None:          # one at a time: a closed one (its field already cleared) goes
            self.slip_dialog.deleteLater()
        dlg = SlipCheckDialog(self.ctx, open_record=self.open_person if self.available("records") else None,
                              parent=self)
        self.slip_dialog = dlg
        dlg.open()

    def open_person(self, person_id: str) -> None:
        """Open a person's record in the records view (its read is logged there, as any opening)."""
        self.show_page("records")
        self.page("records").detail.show_person(person_id)   # type: ignore[attr-defined]

    def save_open_registration(self, timeout_ms: int = 5_000) -> None:
        """Store what the open wizard's page shows into its flow and wait until that draft is written (the
        wizard saves drafts one at a time: wait until the runner has nothing left, the last save included)."""
        wiz = self.wizard
        if wiz is None:
            return
        step = wiz.current_step()
        wiz.page_for(step).store()
        wiz.save_draft(step)
        deadline = time.monotonic() + timeout_ms / 1000
        while self.ctx.runner.pending and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.002)

    def shutdown(self) -> None:
        """Forget everything on screen (lock or sign out): save the open registration as a draft, stop the
        watcher and sync, close every window and dialog this window owns (the wizard, record and supervisor
        dialogs)."""
        self.watcher.stop()
        self.save_open_registration()
        if self.sync_panel is not None:
            self.sync_panel.shutdown()
        if self.wizard is not None:
            self.wizard.close()
        for w in QApplication.topLevelWidgets():
            if w is not self and w.isVisible() and self._owns(w):
                w.close()

    def _owns(self, w: QWidget) -> bool:
        p = w.parentWidget()
        while p is not None and p is not self:
            p = p.parentWidget()
        return p is self
