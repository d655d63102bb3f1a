"""Sync with HQ from the desktop: status anyone can read, Sync now / cancel, USB export and ack import,
enrollment, and conflicts to decide.

The sync runs on the network executor through a sync.device.DeviceSync (a second connection to the store, same
key, same user), so officers' saves on the DB worker never wait behind a slow link. Its background engine probes
HQ with backoff and syncs whenever HQ answers; a QTimer drives it, the GUI thread never waits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checkpoint.services import Changes
from ui.context import AppContext
from ui.dialogs.form import FormDialog
from ui.messages import error_message
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.text import local_date, local_datetime
from ui.widgets.fields import ErrorLabel, name

# What enrolling can answer (sync's own messages, shown through the "Core" and "Field" contexts by error_message):
# marked here so lupdate offers them for translation.
ENROLL_MESSAGES = (
    QT_TRANSLATE_NOOP("Field", "Server"),
    QT_TRANSLATE_NOOP("Field", "Token"),
    QT_TRANSLATE_NOOP("Field", "Fingerprint"),
    QT_TRANSLATE_NOOP("Field", "Answer"),
    QT_TRANSLATE_NOOP("Core", "must start with https://: plain http:// is allowed only to this computer "
                              "(127.0.0.1, ::1, localhost)"),
    QT_TRANSLATE_NOOP("Core", "must be an https:// address (e.g. https://hq.example.org)"),
    QT_TRANSLATE_NOOP("Core", "is not a valid address (e.g. https://hq.example.org)"),
    QT_TRANSLATE_NOOP("Core", "has no HQ key fingerprint: use the whole enrollment code HQ printed (token and "
                              "fingerprint, 12 groups of 4), or give HQ's fingerprint too"),
    QT_TRANSLATE_NOOP("Core", "HQ's keys do not match the fingerprint in the enrollment code: nothing was pinned. "
                              "Check the code; if it is right, someone may stand between this device and HQ."),
    QT_TRANSLATE_NOOP("Core", "HQ's enrollment answer is not signed: nothing was pinned. This server is not a "
                              "current Checkpoint HQ, or someone stands between this device and HQ."),
    QT_TRANSLATE_NOOP("Core", "HQ's signed answer is for another enrollment request: nothing was pinned"),
    QT_TRANSLATE_NOOP("Core", "HQ's answer to the enrollment did not arrive, so this device is NOT enrolled yet. "
                              "Enroll again with the same code when HQ can be reached: HQ recognises this device "
                              "and answers again."),
)


class SyncPanel(QWidget):
    """A tab of the supervisor view. ``finished(summary)`` after each run; ``status_changed(text)`` for the bar."""

    finished = Signal(object)
    status_changed = Signal(str)
    _progress = Signal(int, int)

    def __init__(self, ctx: AppContext, worker: Any, *, background: bool = True,
                 parent: QWidget | None = None) -> None:
        """``worker``: a sync.device.DeviceSync (built by the composition root: the UI never imports sync)."""
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("sync_panel")
        self.worker = worker
        self._running = False
        self._cancel = threading.Event()
        # status
        self.state = QLabel()
        self.state.setObjectName("sync_state")
        self.state.setWordWrap(True)
        self.last_error = ErrorLabel("sync_last_error")
        self.progress_label = QLabel()
        self.progress_label.setObjectName("sync_progress")
        self.sync_now = QPushButton(self.tr("Sync now"))
        self.sync_now.setObjectName("sync_now")
        self.cancel = QPushButton(self.tr("Stop"))
        self.cancel.setObjectName("sync_cancel")
        self.cancel.setEnabled(False)
        self.export = QPushButton(self.tr("Export batch to USB…"))
        self.export.setObjectName("export_batch")
        self.import_ack_btn = QPushButton(self.tr("Import acknowledgement from USB…"))
        self.import_ack_btn.setObjectName("import_ack")
        self.hq_address_btn = QPushButton(self.tr("HQ moved: change its address…"))
        self.hq_address_btn.setObjectName("hq_address")
        self.hq_address_btn.setVisible(ctx.session.user.role == "supervisor")
        buttons = QHBoxLayout()
        for b in (self.sync_now, self.cancel, self.export, self.import_ack_btn, self.hq_address_btn):
            buttons.addWidget(b)
        # enrollment
        self.enroll_box = QGroupBox(self.tr("Enroll this device with HQ"))
        self.hq_url = QLineEdit()
        name(self.hq_url, "hq_url", self.tr("HQ address"))
        self.hq_url.setPlaceholderText("https://hq.example.org")
        self.token = QLineEdit()
        name(self.token, "enroll_token", self.tr("One-time enrollment code (token and HQ key fingerprint)"))
        self.enroll_btn = QPushButton(self.tr("Enroll"))
        self.enroll_btn.setObjectName("enroll")
        self.enroll_error = ErrorLabel("enroll_error")
        f = QFormLayout(self.enroll_box)
        f.addRow(self.tr("HQ address"), self.hq_url)
        f.addRow(self.tr("One-time token"), self.token)
        f.addRow(self.enroll_btn)
        f.addRow(self.enroll_error)
        # batches and conflicts
        self.batches = QListWidget()
        self.batches.setObjectName("sync_batches")
        self.batches.setAccessibleName(self.tr("Batches"))
        self.conflicts = QListWidget()
        self.conflicts.setObjectName("conflicts")
        self.conflicts.setAccessibleName(self.tr("Conflicts to decide"))
        self.keep_kept = QPushButton(self.tr("Keep the value in place"))
        self.keep_kept.setObjectName("keep_kept")
        self.keep_other = QPushButton(self.tr("Keep the other value"))
        self.keep_other.setObjectName("keep_other")
        crow = QHBoxLayout()
        crow.addWidget(self.keep_kept)
        crow.addWidget(self.keep_other)
        lay = QVBoxLayout(self)
        lay.addWidget(self.state)
        lay.addWidget(self.last_error)
        lay.addWidget(self.progress_label)
        lay.addLayout(buttons)
        lay.addWidget(self.enroll_box)
        lay.addWidget(QLabel(self.tr("Batches (newest first):")))
        lay.addWidget(self.batches)
        lay.addWidget(QLabel(self.tr("The same field changed on two devices — decide which value stays:")))
        lay.addWidget(self.conflicts)
        lay.addLayout(crow)
        self.sync_now.clicked.connect(self.start_sync)
        self.cancel.clicked.connect(self._cancel.set)
        self.export.clicked.connect(self.export_to_usb)
        self.import_ack_btn.clicked.connect(self.import_from_usb)
        self.enroll_btn.clicked.connect(self.enroll)
        self.hq_address_btn.clicked.connect(self.ask_hq_address)
        self.hq_address_asker: Callable[[], tuple[str, str] | None] = self._ask_hq_address
        self.keep_kept.clicked.connect(lambda: self.resolve("kept"))
        self.keep_other.clicked.connect(lambda: self.resolve("other"))
        self._progress.connect(self._show_progress)
        self.engine = worker.engine(ctx.session.store.clock, on_change=self._engine_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(5_000)
        self.timer.timeout.connect(self._tick)
        if background:
            self.timer.start()
        self.choose_path: Callable[[str, str], str | None] = self._ask_path
        self.refresh()

    # ------------------------------------------------------------------ status
    def _net(self, fn: Callable[..., Any], *args: Any, done: Callable[[Any], None],
             fail: Callable[[BaseException], None] | None = None, **kwargs: Any) -> None:
        self.ctx.runner.op(fn, *args, network=True, **kwargs).success(done) \
            .failure(fail or (lambda e: self.ctx.show_error(None, e))).owned_by(self).run()

    def refresh(self) -> None:
        self._net(self.worker.status, done=self._show_status)

    def _show_status(self, st: dict[str, Any]) -> None:
        enrolled = st["enrolled"]
        self.enroll_box.setVisible(not enrolled)
        for b in (self.sync_now, self.export, self.import_ack_btn, self.hq_address_btn):
            b.setEnabled(enrolled and not self._running)
        text = self.tr("Waiting to send: %1 · sent, awaiting HQ: %2 · acknowledged by HQ: %3").replace(
            "%1", str(st["pending"])).replace("%2", str(st["inflight"])).replace("%3", str(st["acked"]))
        if st["last_success"]:
            text += "\n" + self.tr("Last complete sync: %1").replace("%1", local_datetime(st["last_success"]))
        if not enrolled:
            text += "\n" + self.tr("This device is not enrolled with HQ yet.")
        text += self._enrollment_line(st.get("enrollment") or {})
        if st["hq"].get("quarantined"):
            text += "\n" + self.tr("HQ set aside %1 record(s) with a reason; see the batches.").replace(
                "%1", str(st["hq"]["quarantined"]))
        if st["hq"].get("conflict"):
            text += "\n" + self.tr("HQ holds another copy of %1 event(s) of this device: a data manager at HQ "
                                   "decides which stands.").replace("%1", str(st["hq"]["conflict"]))
        if st["hq"].get("conflict_decided"):
            # HQ's decision and its reason, as HQ's data manager wrote it (no personal data: an operator's reason)
            text += "\n" + self.tr("Decided at HQ: %1 conflict(s), HQ's copy kept. If this laptop's copy was "
                                   "right, correct the record here.").replace("%1", str(st["hq"]["conflict_decided"]))
            for d in st.get("hq_decisions", [])[:5]:
                text += f"\n  {d['type']}: {d['note']}"
        if st.get("held_incoming"):
            # Events from HQ this device refused or could not apply: how many, and why (the reasons name no
            # personal data; built at run time, so shown as the core words them).
            text += "\n" + self.tr("Kept aside from HQ, not applied: %1").replace("%1", str(st["held_incoming"]))
            for h in st.get("held_reasons", [])[:5]:
                text += f"\n  {h['count']} × {h['reason']}"
        text += self._directory_line(st.get("directory"))
        self.state.setText(text)
        self.last_error.show_error(self._engine_error() or st["last_error"])
        self.batches.clear()
        for b in st["batches"]:
            line = f"{b['state']}: {b['events']} · seq {b['first_seq']}–{b['last_seq']} · {b['via'] or '-'}"
            if b["last_error"]:
                line += f" · {b['last_error']}"
            self.batches.addItem(line)
        self.conflicts.clear()
        for c in st.get("conflicts", []):
            who = " ".join(x for x in (c["family_name"], c["given_names"], c["name_khmer"]) if x)
            it = QListWidgetItem(f"{who}: {c['field']} — {c['kept_value']!r} / {c['other_value']!r}")
            it.setData(Qt.ItemDataRole.UserRole, c["id"])
            self.conflicts.addItem(it)
        self.keep_kept.setEnabled(self.conflicts.count() > 0)
        self.keep_other.setEnabled(self.conflicts.count() > 0)
        self.status_changed.emit(self.tr("HQ: %1 waiting").replace("%1", str(st["pending"] + st["inflight"])))
        self._enrolled = enrolled

    def _directory_line(self, d: dict[str, Any] | None) -> str:
        """HQ's referral directory in use (issue 16): its date, a warning past its expiry, and why HQ's latest
        document was refused (the reason as the core words it)."""
        if not d:
            return ""
        if not d["version"]:
            line = "\n" + self.tr("No referral directory from HQ yet: the agencies shipped with the app are used.")
        else:
            line = "\n" + self.tr("Referral directory of %1 (version %2, %3 organisations).").replace(
                "%1", local_date(d["issued_at"])).replace("%2", str(d["version"])).replace("%3", str(d["entries"]))
            if d["expired"]:
                line += "\n" + self.tr("Warning: the referral directory expired on %1. It stays in use; sync with "
                                        "HQ to renew it.").replace("%1", local_date(d["expires_at"]))
        if d.get("refused"):
            line += "\n" + self.tr("HQ's latest directory was refused: %1").replace(
                "%1", QCoreApplication.translate("Core", d["refused"]["reason"]))
        return line

    def _enrollment_line(self, e: dict[str, Any]) -> str:
        """The last enrollment, and a re-enrollment (which HQ released the device) so nobody misses a move."""
        if e.get("released_at"):
            return "\n" + self.tr("Enrolled again with HQ %1 on %2, after HQ at %3 released this device.").replace(
                "%1", e["hq_url"]).replace("%2", local_datetime(e["enrolled_at"])).replace(
                "%3", e.get("previous_hq_url") or "?")
        if e.get("enrolled_at"):
            return "\n" + self.tr("Enrolled with HQ %1 on %2.").replace("%1", e["hq_url"]).replace(
                "%2", local_datetime(e["enrolled_at"]))
        return ""

    def _engine_error(self) -> str:
        return self.engine.status().last_error

    def _engine_changed(self, st: Any) -> None:
        """The engine's state as it changes (on the GUI thread, where the timer and the callbacks drive it)."""
        if st.last_error:
            self.last_error.show_error(st.last_error)

    # ------------------------------------------------------------------ sync
    def _tick(self) -> None:
        if self._running or not getattr(self, "_enrolled", False):
            return
        if self.engine.start() == "probe":
            self._net(self.worker.probe, done=lambda _r: self._probed(True),
                      fail=lambda e: self._probed(False, error_message(e)))

    def _probed(self, ok: bool, error: str = "") -> None:
        if self.engine.probe_done(ok, error) == "sync":
            self._run(background=True)
        else:
            self.refresh()

    def start_sync(self) -> None:
        """Sync now (a supervisor's button): push everything, then pull."""
        if self._running:
            return
        self.engine.sync_now()
        if self.engine.start() == "probe" and self.engine.probe_done(True) == "sync":
            self._run(background=False)

    def _run(self, *, background: bool) -> None:
        self._running = True
        self._cancel.clear()
        self.cancel.setEnabled(True)
        self.sync_now.setEnabled(False)
        self.progress_label.setText(self.tr("Syncing…"))
        self._net(self.worker.sync, lambda done, total: self._progress.emit(done, total), self._cancel.is_set,
                  done=self._synced, fail=self._sync_failed)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress_label.setText(self.tr("Sent %1 of %2").replace("%1", str(done)).replace("%2", str(total)))

    def _announce(self, *, pulled: bool) -> None:
        """Tell every view what a sync changed (it wrote through its own connection, not ``ctx.mutate``): which
        events wait to sync, always; records too when a pull applied something."""
        self.ctx.announce(Changes(events=True, persons=pulled, encounters=pulled, referrals=pulled))

    def _synced(self, summary: dict[str, Any]) -> None:
        self._announce(pulled=bool(summary.get("applied")))
        self._running = False
        self.cancel.setEnabled(False)
        self.engine.sync_done(summary)
        if summary["complete"]:
            self.progress_label.setText(self.tr("Everything is at HQ."))
        elif summary["cancelled"]:
            self.progress_label.setText(self.tr("Stopped. Nothing was lost; the rest goes next time."))
        else:
            self.progress_label.setText(self.tr("Not finished: %1").replace(
                "%1", "; ".join(summary["errors"]) or self.tr("HQ has not acknowledged everything yet.")))
        self.finished.emit(summary)
        self.refresh()

    def _sync_failed(self, e: BaseException) -> None:
        self._announce(pulled=True)      # a run that failed half-way may have sent or pulled part of its work
        self._running = False
        self.cancel.setEnabled(False)
        self.engine.sync_done(error=error_message(e))
        self.progress_label.setText(error_message(e))
        self.finished.emit({"complete": False, "errors": [error_message(e)]})
        self.refresh()

    # ------------------------------------------------------------------ enrollment, USB, conflicts
    def enroll(self) -> None:
        url, token = self.hq_url.text().strip(), self.token.text().strip()
        if not url or not token:
            self.enroll_error.show_error(self.tr("Enter HQ's address and the one-time enrollment code."))
            return
        self.enroll_btn.setEnabled(False)

        def ok(_r: Any) -> None:
            self.enroll_btn.setEnabled(True)
            self.token.clear()
            self.enroll_error.show_error("")
            self.refresh()

        def bad(e: BaseException) -> None:
            self.enroll_btn.setEnabled(True)
            self.enroll_error.show_error(error_message(e))

        self._net(self.worker.enroll, url, token, done=ok, fail=bad)

    def ask_hq_address(self) -> None:
        """HQ moved to another address: ask for it and the reason, then keep it (HQ's keys stay pinned)."""
        answer = self.hq_address_asker()
        if answer is not None:
            self.change_hq_address(*answer)

    def change_hq_address(self, url: str, reason: str) -> None:
        def ok(new: Any) -> None:
            self.last_error.show_error("")
            self.status_changed.emit(self.tr("HQ's address is now %1.").replace("%1", str(new)))
            self.refresh()

        self._net(self.worker.change_hq_address, url.strip(), reason, done=ok,
                  fail=lambda e: self.last_error.show_error(error_message(e)))

    def _ask_hq_address(self) -> tuple[str, str] | None:
        d = HqAddressDialog(self.ctx, self)
        return (d.url.text(), d.reason.text()) if d.exec() == QDialog.DialogCode.Accepted else None

    def _ask_path(self, purpose: str, suggested: str) -> str | None:
        if purpose == "export":
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export batch to USB"), suggested)
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import HQ's acknowledgement"), suggested)
        return path or None

    def export_to_usb(self) -> None:
        path = self.choose_path("export", "checkpoint-batch.cpb")
        if not path:
            return

        def done(r: dict[str, Any] | None) -> None:
            self._announce(pulled=False)
            self.progress_label.setText(self.tr("Nothing is waiting to be sent.") if r is None else
                                        self.tr("Wrote %1 events to %2. Take it to HQ; bring back the "
                                                "acknowledgement file.").replace("%1", str(r["events"]))
                                        .replace("%2", Path(r["path"]).name))
            self.refresh()

        self._net(self.worker.export, path, done=done,
                  fail=lambda e: self.progress_label.setText(error_message(e)))

    def import_from_usb(self) -> None:
        path = self.choose_path("import", "")
        if not path:
            return

        def done(r: dict[str, Any]) -> None:
            self._announce(pulled=False)
            self.progress_label.setText(self.tr("HQ's acknowledgement applied.") if not r.get("already") else
                                        self.tr("This acknowledgement was already applied."))
            self.refresh()

        self._net(self.worker.import_ack, path, done=done,
                  fail=lambda e: self.progress_label.setText(error_message(e)))

    def resolve(self, keep: str) -> None:
        it = self.conflicts.currentItem() or (self.conflicts.item(0) if self.conflicts.count() else None)
        if it is None:
            return
        cid = it.data(Qt.ItemDataRole.UserRole)
        self.ctx.mutate(self.ctx.session.corrections.resolve, cid, keep, on_done=lambda _r: self.refresh(),
                        parent=self)

    def shutdown(self) -> None:
        self.timer.stop()
        self._cancel.set()
        self.ctx.runner.op(self.worker.close, network=True).run()


class HqAddressDialog(FormDialog):
    """HQ's new address and why it changes; the panel keeps them (``SyncPanel.change_hq_address``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("HQ moved"), self.tr("Use this address"), parent)
        self.url = self.add(self.tr("HQ's new &address"), QLineEdit(), "new_hq_url", self.tr("HQ's new address"))
        self.url.setPlaceholderText("https://hq.example.org")
        self.reason = self.add(self.tr("&Why it changes"), QLineEdit(), "hq_address_reason",
                               self.tr("Why the address changes"))
        self.form.addRow("", QLabel(self.tr("HQ's keys stay the same: only the real HQ can answer at the new "
                                            "address.")))

    def submit(self) -> None:
        if not self.url.text().strip() or not self.reason.text().strip():
            self.error.show_error(self.tr("Enter HQ's new address and why it changes."))
            return
        self.accept()
