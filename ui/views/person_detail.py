"""One person's record, as the signed-in role may see it, with corrections, voiding and approval.

    detail = PersonDetail(ctx)
    detail.show_person(person_id)     # reads the record once (the read is logged), then shows it
    detail.loaded.connect(...)        # emitted with the person id when the record is on screen

The record and its history are read in one task on the DB thread (``session.records.get`` logs the read). The
read happens once per open and again only when a change to this person is reported through ``ctx.changed``;
repainting, scrolling or resizing never reads. The record is drawn by ui/views/person_record.py; the Correct and
Void forms are ui/dialogs/corrections.py.
"""

from __future__ import annotations

from typing import Any

from checkpoint.model.roles import Permission, can
from checkpoint.services import Changes, Session
from ui.context import AppContext
from ui.dialogs.corrections import CorrectDialog, ReasonDialog, VoidDialog
from ui.dialogs.fetch_back import FetchBackDialog
from ui.dialogs.refer import ReferDialog
from ui.dialogs.withdraw import WithdrawDialog, withdraw_choices
from ui.messages import error_message
from ui.qt import QFont, QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget, Signal
from ui.text import local_date
from ui.views.person_record import arrival_box, history_box, identity_box, plain_label, void_choices

__all__ = ["PersonDetail", "load_record"]

_RECORD = "record"     # the latest-wins key of the record read


def load_record(session: Session, person_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Runs on the DB thread: the record (this read is logged) and its history, as one task."""
    return session.records.get(person_id), session.records.history(person_id)


class PersonDetail(QWidget):
    """Shows one person's record (identity, arrivals with consents and screens, referrals, history)."""

    loaded = Signal(str)        # the person id, once the record is on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._person_id: str | None = None
        self._record: dict[str, Any] | None = None
        self._history: list[dict[str, Any]] = []
        self._loading = False
        self.active_dialog: ReasonDialog | None = None

        self.title = plain_label("", "person_title", bold=True)
        f = QFont(self.title.font())
        f.setPointSizeF(f.pointSizeF() * 1.3)
        self.title.setFont(f)
        self.status = plain_label(self.tr("Select a person and press Enter to open the record."), "person_status")
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.setObjectName("correct")
        self.correct_button.setAccessibleName(self.tr("Correct identity"))
        self.correct_button.clicked.connect(self.open_correct_dialog)
        self.void_button = QPushButton(self.tr("Void…"))
        self.void_button.setObjectName("void")
        self.void_button.setAccessibleName(self.tr("Void a record"))
        self.void_button.clicked.connect(self.open_void_dialog)
        for b in (self.correct_button, self.void_button):
            b.hide()
        # issue 12: the officer's own referral from a record (the latest arrival), Ctrl+D for immediate danger
        self.refer_button = QPushButton(self.tr("Refer…"))
        self.refer_button.setObjectName("refer")
        self.refer_button.setAccessibleName(self.tr("Refer the person to an agency"))
        self.refer_button.clicked.connect(self.open_refer_dialog)
        self.refer_button.hide()
        self.withdraw_button = QPushButton(self.tr("Withdraw consent…"))
        self.withdraw_button.setObjectName("withdraw_consent")
        self.withdraw_button.setAccessibleName(self.tr("Withdraw a consent"))
        self.withdraw_button.clicked.connect(self.open_withdraw_dialog)
        self.withdraw_button.hide()
        # issue 12 point 6: a supervisor fetches a minimised record back from HQ (a reason; on the network pool)
        self.fetch_button = QPushButton(self.tr("Fetch back from HQ…"))
        self.fetch_button.setObjectName("fetch_back")
        self.fetch_button.setAccessibleName(self.tr("Fetch the removed protection section back from HQ"))
        self.fetch_button.clicked.connect(self.open_fetch_dialog)
        self.fetch_button.hide()
        self.fetching = False

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.correct_button)
        top.addWidget(self.void_button)
        top.addWidget(self.refer_button)
        top.addWidget(self.withdraw_button)
        top.addWidget(self.fetch_button)
        self.body = QWidget()
        self.body.setObjectName("person_body")
        self._body_layout = QVBoxLayout(self.body)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.body)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(self.scroll_area, 1)
        ctx.changed.connect(self._on_changed)

    # ------------------------------------------------------------------ state
    @property
    def person_id(self) -> str | None:
        return self._person_id

    @property
    def record(self) -> dict[str, Any] | None:
        """What get_person returned for the person on screen (None while loading or when cleared)."""
        return self._record

    @property
    def history(self) -> list[dict[str, Any]]:
        return list(self._history)

    def text(self) -> str:
        """Everything the pane shows, as plain text (for screen-reader checks, tests and automation)."""
        parts = [self.title.text(), self.status.text() if self.status.isVisibleTo(self) else ""]
        for w in self.body.findChildren(QWidget):
            if not w.isVisibleTo(self):
                continue
            if isinstance(w, QGroupBox):
                parts.append(w.title())
            elif isinstance(w, QLabel):
                parts.append(w.text())
        return "\n".join(p for p in parts if p)

    # ------------------------------------------------------------------ loading
    def show_person(self, person_id: str, *, force: bool = False) -> None:
        """Open a person's record. Opening the one already shown (or loading) does nothing unless ``force``."""
        if person_id == self._person_id and not force and (self._loading or self._record is not None):
            return
        if person_id != self._person_id:
            self._close_dialog()
            self._record, self._history = None, []
            self._clear_body()
            self.title.setText("")
            self._set_status(self.tr("Loading…"))
            self.correct_button.hide()
            self.void_button.hide()
        self._person_id = person_id
        self._loading = True
        self._ctx.call(load_record, self._ctx.session, person_id, on_done=self._on_loaded,
                       on_error=self._on_load_error, owner=self, latest=_RECORD)

    def clear(self, hint: str | None = None) -> None:
        """Take the record off the screen (another row selected, or the screen locks)."""
        self._ctx.runner.drop_pending(_RECORD, self)      # a record still loading must not appear
        self._close_dialog()
        self._person_id, self._record, self._history, self._loading = None, None, [], False
        self._clear_body()
        self.title.setText("")
        self.correct_button.hide()
        self.void_button.hide()
        self._set_status(hint if hint is not None else self.tr("Select a person and press Enter to open the "
                                                               "record."))

    def _on_loaded(self, result: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
        self._loading = False
        self._record, self._history = result
        self._render()
        self.loaded.emit(self._person_id or "")

    def _on_load_error(self, exc: BaseException) -> None:
        self._loading = False
        if self._record is None:
            self._set_status(error_message(exc))
        self._ctx.show_error(None, exc)

    def _on_changed(self, changes: Changes) -> None:
        if self._person_id is None or self._record is None:
            return
        pid = changes.ids.get("person")
        relevant = changes.persons or changes.encounters or changes.referrals
        if pid == self._person_id or (pid is None and relevant):
            self.show_person(self._person_id, force=True)

    # ------------------------------------------------------------------ rendering
    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _clear_body(self) -> None:
        while self._body_layout.count():
            item = self._body_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.deleteLater()

    def _render(self) -> None:
        assert self._record is not None
        p = self._record["person"]
        self._clear_body()
        latin = " ".join(x for x in (p.get("family_name"), p.get("given_names")) if x)
        self.title.setText(" · ".join(x for x in (latin, p.get("name_khmer")) if x))
        self.title.setAccessibleName(self.title.text())
        if p.get("voided"):
            self._set_status(self.tr("This record was voided: %1").replace("%1", p.get("void_reason") or ""))
        else:
            self._set_status("")
        role = self._ctx.role
        me = self._ctx.session.user.id
        may_amend = can(role, Permission.AMEND_ANY) or (can(role, Permission.AMEND_OWN)
                                                        and p.get("registered_by") == me)
        self.correct_button.setVisible(may_amend and not p.get("voided"))
        self.void_button.setVisible(can(role, Permission.VOID) and not p.get("voided")
                                    and bool(void_choices(self._record)))
        live = [e for e in self._record["encounters"] if not e.get("voided")]
        self.refer_button.setVisible(bool(live) and not p.get("voided") and (
            can(role, Permission.AMEND_ANY) or (can(role, Permission.AMEND_OWN) and live[-1].get("officer_id") == me)))
        self.withdraw_button.setVisible(not p.get("voided") and bool(withdraw_choices(self._record)) and (
            can(role, Permission.AMEND_ANY) or (can(role, Permission.AMEND_OWN) and bool(live)
                                                and live[-1].get("officer_id") == me)))

        minimised = p.get("minimised_at")
        self.fetch_button.setVisible(bool(minimised) and can(role, Permission.MINIMISE) and not p.get("voided"))
        self.fetch_button.setEnabled(not self.fetching)
        parts: list[QWidget] = []
        if minimised:       # every role that opens the record is told; only a supervisor has the button
            parts.append(plain_label(self.tr("Minimised on %1: the protection section and notes were removed from "
                                             "this laptop; a supervisor can fetch them back from HQ.")
                                     .replace("%1", local_date(minimised)), "minimised_notice", bold=True))
        parts.append(identity_box(p))
        parts += [arrival_box(e, role=role, on_approve=self.approve)                    # newest arrival first
                  for e in reversed(self._record["encounters"])]
        if not self._record["encounters"]:
            parts.append(plain_label(self.tr("No arrivals recorded.")))
        parts.append(history_box(self._history))
        for w in parts:
            self._body_layout.addWidget(w)
            w.show()        # now, not on the next event loop pass: the pane is complete when loaded() fires
        self._body_layout.addStretch(1)

    # ------------------------------------------------------------------ actions
    def _close_dialog(self) -> None:
        if self.active_dialog is not None:
            self.active_dialog.reject()
            self.active_dialog = None

    def _open(self, dialog: ReasonDialog) -> ReasonDialog:
        self._close_dialog()
        self.active_dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_finished(d))
        dialog.open()
        return dialog

    def _dialog_finished(self, dialog: ReasonDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()

    def open_correct_dialog(self) -> CorrectDialog | None:
        """Open the "Correct…" dialog for the person on screen (also what the button does)."""
        if self._record is None or self._person_id is None:
            return None
        person = dict(self._record["person"])
        dlg = CorrectDialog(person, self)
        pid = self._person_id

        def submit(values: dict[str, Any]) -> None:
            changes = {values["field"]: values["value"] or None}
            if values["field"] == "id_document_number":
                # The core checks a number against the document type given with it; send the recorded type.
                changes["id_document_type"] = person.get("id_document_type") or "NONE"
            self._ctx.mutate(self._ctx.session.corrections.amend_person, pid, changes, values["reason"],
                             on_done=lambda _r: dlg.accept(), on_error=lambda e: self._dialog_error(dlg, e))

        dlg.submitted.connect(submit)
        self._open(dlg)
        return dlg

    def open_void_dialog(self) -> VoidDialog | None:
        """Open the "Void…" dialog (supervisors): which record, and a required reason."""
        choices = void_choices(self._record) if self._record is not None else []
        if not choices or not can(self._ctx.role, Permission.VOID):
            return None
        dlg = VoidDialog(choices, self)

        def submit(values: dict[str, Any]) -> None:
            self._ctx.mutate(self._ctx.session.corrections.void, values["record_type"], values["record_id"],
                             values["reason"], on_done=lambda _r: dlg.accept(),
                             on_error=lambda e: self._dialog_error(dlg, e))

        dlg.submitted.connect(submit)
        self._open(dlg)
        return dlg

    def open_withdraw_dialog(self) -> WithdrawDialog | None:
        """Open the "Withdraw consent…" dialog: which consent, and the reason the person gave."""
        choices = withdraw_choices(self._record) if self._record is not None else []
        if not choices:
            return None
        dlg = WithdrawDialog(choices, self)

        def submit(values: dict[str, Any]) -> None:
            self._ctx.mutate(self._ctx.session.consents.withdraw, values["encounter_id"], values["purpose"],
                             target=values["target"], reason=values["reason"], on_done=lambda _r: dlg.accept(),
                             on_error=lambda e: self._dialog_error(dlg, e))

        dlg.submitted.connect(submit)
        self._open(dlg)
        return dlg

    def open_refer_dialog(self) -> None:
        """Ask the service for the urgency to offer first, then open the referral dialog for the latest arrival."""
        if self._record is None:
            return
        live = [e for e in self._record["encounters"] if not e.get("voided")]
        if not live:
            return
        eid = live[-1]["id"]
        self._ctx.call(self._ctx.session.referrals.suggest_urgency, eid,
                       on_done=lambda u: self._refer(eid, u), on_error=lambda e: self._ctx.show_error(self, e),
                       parent=self)

    def _refer(self, encounter_id: str, urgency: str) -> None:
        dlg = ReferDialog(urgency, self)
        self.active_refer = dlg

        def done(result: int) -> None:
            if result == ReferDialog.DialogCode.Accepted:
                v = dlg.value()
                self._ctx.mutate(self._ctx.session.referrals.refer, encounter_id, agency_code=v["agency_code"],
                                 urgency=v["urgency"], reason=v["reason"],
                                 on_error=lambda e: self._ctx.show_error(self, e))
            dlg.deleteLater()

        dlg.finished.connect(done)
        dlg.open()

    def open_fetch_dialog(self) -> FetchBackDialog | None:
        """Ask a supervisor why the case needs the record, then fetch it back from HQ on the network pool (the GUI
        stays responsive); the pane redraws from the change. No HQ, or HQ unreachable: a plain message, nothing
        changed."""
        if self._record is None or self._person_id is None or not can(self._ctx.role, Permission.MINIMISE):
            return None
        dlg = FetchBackDialog(self)
        pid = self._person_id

        def submit(values: dict[str, Any]) -> None:
            fetch = self._ctx.fetch_back
            if fetch is None:
                dlg.show_error(self.tr("This laptop has no link to HQ (it is not set up to sync): nothing was "
                                       "fetched."))
                return
            self.fetching = True
            self.fetch_button.setEnabled(False)
            self._set_status(self.tr("Fetching the record back from HQ…"))
            self._ctx.runner.op(fetch, pid, values["reason"], network=True) \
                .success(lambda ch: self._fetched(dlg, ch)).failure(lambda e: self._fetch_failed(dlg, e)) \
                .owned_by(self).run()

        dlg.submitted.connect(submit)
        self._open(dlg)
        return dlg

    def _fetched(self, dlg: FetchBackDialog, changes: Changes) -> None:
        self.fetching = False
        self.fetch_button.setEnabled(True)
        if self.active_dialog is dlg:
            dlg.accept()
        self._set_status(self.tr("Fetched back from HQ: the protection section and notes are on this laptop again."))
        self._ctx.announce(changes)         # written on the sync connection: every view redraws from it

    def _fetch_failed(self, dlg: FetchBackDialog, exc: BaseException) -> None:
        self.fetching = False
        self.fetch_button.setEnabled(True)
        if getattr(exc, "code", "") == "sync_unavailable":       # sync.errors.SyncUnavailable (ui never imports sync)
            text = self.tr("HQ cannot be reached (no network?): nothing was fetched and nothing changed. Try again "
                           "when the laptop is online.")
        else:
            text = error_message(exc)
        self._set_status("")
        if self.active_dialog is dlg:
            dlg.show_error(text)
        else:
            self._set_status(text)

    def approve(self, encounter_id: str) -> None:
        """Approve an arrival (supervisors). The pane reloads from the change the service reports."""
        self._ctx.mutate(self._ctx.session.review.approve, encounter_id,
                         on_error=lambda e: self._ctx.show_error(self, e))

    def _dialog_error(self, dialog: ReasonDialog, exc: BaseException) -> None:
        dialog.show_error(error_message(exc))
        self._ctx.show_error(None, exc)       # also to the status bar, as every error is
