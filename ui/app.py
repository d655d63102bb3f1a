"""The composition root: QApplication, translators, fonts, the store, the task runner and the windows.

    checkpoint [--store PATH] [--lang km|en|pseudo] [--lock-minutes N]

With no store at PATH the provisioning wizard runs first. Without a display the app says so and exits 2.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checkpoint import crypto
from checkpoint.cli import utf8_stdio
from checkpoint.model.roles import Permission, can
from checkpoint.paths import default_store_path, ensure_data_dir
from checkpoint.services import Session, store_exists


def display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _lock_filter(on_lock: Any, active: Any) -> Any:
    """An application-wide event filter: Ctrl+L in any window or dialog of the app (a modal wizard, a record's
    or a supervisor's dialog) calls ``on_lock()`` while ``active()`` is true. A QAction shortcut cannot do this:
    its main window is blocked while a modal dialog is open."""
    from ui.qt import QEvent, QKeyEvent, QObject, Qt

    class LockKeyFilter(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:
            t = event.type()
            if t not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(event, QKeyEvent):
                return False
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() != Qt.Key.Key_L or mods != Qt.KeyboardModifier.ControlModifier or not active():
                return False
            if t == QEvent.Type.ShortcutOverride:
                event.accept()          # the key press comes here, not to a shortcut of the (blocked) main window
            elif not event.isAutoRepeat():
                on_lock()
            return True

    return LockKeyFilter()


class CheckpointApp:
    """Owns the runner and switches between sign-in and the main window; locking forgets the screen."""

    def __init__(self, qapp: Any, store_path: Path, *, lock_minutes: float = 5, kdf: crypto.KdfParams | None = None,
                 clock: Any = None) -> None:
        from ui.tasks import TaskRunner

        self.qapp = qapp
        self.store_path = Path(store_path)
        self.lock_minutes = lock_minutes
        self.kdf = kdf
        self.clock = clock
        self.runner = TaskRunner()
        self.login: Any = None
        self.main: Any = None
        self.ctx: Any = None
        self.provisioning: Any = None
        self._lock_keys = _lock_filter(self.lock, lambda: self.main is not None)
        qapp.installEventFilter(self._lock_keys)

    def start(self) -> None:
        if store_exists(self.store_path):
            self.show_login()
        else:
            from ui.windows.login import ProvisioningWizard

            self.store_path.parent.mkdir(parents=True, exist_ok=True)
            self.provisioning = ProvisioningWizard(self.runner, self.store_path, kdf=self.kdf, clock=self.clock)
            self.provisioning.provisioned.connect(self.open_main)
            self.provisioning.show()

    def show_login(self) -> None:
        from ui.windows.login import LoginWindow

        if self.login is not None:
            self.login.deleteLater()
        self.login = LoginWindow(self.runner, self.store_path, kdf=self.kdf, clock=self.clock)
        self.login.signed_in.connect(self.open_main)
        self.login.language_changed.connect(self.change_language)
        self.login.resize(420, 320)
        self.login.show()

    def change_language(self, lang: str) -> None:
        from ui.i18n import set_language

        set_language(self.qapp, lang)
        self.show_login()

    def open_main(self, session: Session) -> None:
        from ui.context import AppContext
        from ui.windows.main_window import MainWindow

        self.ctx = AppContext(self.runner, session)
        worker = None
        if can(session.user.role, Permission.SYNC):
            from sync.device import DeviceSync  # the composition root is the one place ui meets sync

            worker = DeviceSync(session)
            self.ctx.fetch_back = worker.fetch_back          # issue 12: a record's "Fetch back from HQ…"
        self.main = MainWindow(self.ctx, lock_minutes=self.lock_minutes, sync_worker=worker)
        self.main.lock_requested.connect(self.lock)
        self.main.resize(1100, 760)
        self.main.show()
        if self.login is not None:
            self.login.close()
            self.login.deleteLater()
            self.login = None
        if self.provisioning is not None:
            self.provisioning.deleteLater()
            self.provisioning = None

    def lock(self) -> None:
        """Clear the screen, close the store (the key is forgotten), and ask for a passphrase again."""
        if self.main is None:
            return
        main, ctx = self.main, self.ctx
        self.main = self.ctx = None
        main.shutdown()             # saves the open registration as a draft, then closes it and the dialogs
        main.hide()
        main.deleteLater()
        self.runner.op(ctx.session.lock).run()
        self.show_login()

    def shutdown(self) -> None:
        self.qapp.removeEventFilter(self._lock_keys)
        if self.main is not None:
            self.main.watcher.stop()        # no auto-lock after the runner has stopped
        if self.ctx is not None:
            self.runner.run_sync(self.ctx.session.lock)
        self.runner.shutdown()


def _install_excepthook() -> None:
    """No traceback reaches a user: an unexpected error in a Qt slot becomes a plain, translated message.
    The log names only the error's type (its text could hold personal data)."""
    from ui.messages import error_message
    from ui.qt import QMessageBox

    def hook(etype: type[BaseException], value: BaseException, tb: Any) -> None:
        logging.getLogger("checkpoint").error("unexpected error: %s", etype.__name__)
        if issubclass(etype, KeyboardInterrupt):
            return
        QMessageBox.critical(None, "Checkpoint", error_message(value))

    sys.excepthook = hook


def already_open(store: Path, show: Any = None) -> Any:
    """The single-instance guard of ``store`` (checkpoint/instance.py), or None after telling the user that another
    Checkpoint window has it open (``show(text)`` displays the message; a message box by default)."""
    from checkpoint.instance import InstanceGuard
    from ui.qt import QCoreApplication, QMessageBox

    guard = InstanceGuard(store)
    if guard.acquire():
        return guard
    text = QCoreApplication.translate("StartUp", "This store is already open in another Checkpoint window. "
                                      "Switch to that window (it may be minimised), or close it first.")
    (show or (lambda t: QMessageBox.information(None, "Checkpoint", t)))(text)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    from checkpoint.hardening import disable_core_dumps

    disable_core_dumps()        # first: a crash must not write the data key and records to a core file
    utf8_stdio()
    p = argparse.ArgumentParser(prog="checkpoint", description="Checkpoint desktop app")
    p.add_argument("--store", type=Path, help="path of the encrypted store (default: $CHECKPOINT_STORE, else the "
                   "user's own store)")
    p.add_argument("--lang", choices=["en", "km", "pseudo"], default=os.environ.get("CHECKPOINT_LANG", "en"))
    p.add_argument("--lock-minutes", type=float, default=5.0, help="auto-lock after this much inactivity")
    p.add_argument("--self-test", action="store_true",
                   help="check that this installation works (offscreen, no network, no real data) and exit")
    args = p.parse_args(argv)
    if args.self_test:
        from ui.selftest import run_self_test

        return run_self_test()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not display_available():
        print("checkpoint: no display available (DISPLAY or WAYLAND_DISPLAY is not set). Run it on a desktop, "
              "or set QT_QPA_PLATFORM=offscreen for automated use.", file=sys.stderr)
        return 2
    from ui.i18n import set_language
    from ui.qt import QApplication

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    qapp.setApplicationName("Checkpoint")
    from ui.qt import QIcon
    from ui.resources import resource_dir

    icon = resource_dir() / "assets" / "checkpoint.png"
    if icon.exists():
        QApplication.setWindowIcon(QIcon(str(icon)))   # static: instance() is typed QCoreApplication
    set_language(qapp, args.lang)
    _install_excepthook()
    store = args.store or default_store_path()
    if args.store is None:
        ensure_data_dir(store)
    guard = already_open(store)
    if guard is None:
        return 0                        # the other window stays; nothing was opened here
    app = CheckpointApp(qapp, store, lock_minutes=args.lock_minutes)
    app.start()
    try:
        return int(qapp.exec())
    finally:
        app.shutdown()
        guard.release()


if __name__ == "__main__":
    sys.exit(main())
