"""What the desktop needs from sync, without Qt: one object that owns a second connection to the store and the
HTTP client, so the UI's network thread can sync while officers keep saving on the DB worker.

Built by the composition root (ui/app.py) and handed to the sync panel; the panel itself never imports sync.

    >>> device = DeviceSync(session)                      # a supervisor's or admin's session   # doctest: +SKIP
    >>> device.sync(progress=lambda done, total: None, cancel=lambda: False)["complete"]      # doctest: +SKIP
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from checkpoint.clock import Clock
from checkpoint.model.roles import Permission, can
from checkpoint.services.outbox import Outbox
from checkpoint.services.session import Session
from sync.device.client import HttpTransport, SyncClient
from sync.device.engine import BackgroundSync
from sync.device.usb import export_batch, import_ack

__all__ = ["DeviceSync"]


class DeviceSync:
    """Owns the second connection and the client; used only from the network executor's threads, one call at a
    time (the panel never starts a second run while one is going)."""

    def __init__(self, session: Session, transport_factory: Callable[[str], Any] | None = None) -> None:
        # The network pool has two threads: every call takes this lock, so the connection is used by one at a time.
        self._lock = threading.RLock()
        self._main = session
        self._factory = transport_factory or (lambda url: HttpTransport(url, timeout=30))
        self._session: Session | None = None
        self._transport: Any = None

    def session(self) -> Session:
        if self._session is None:
            self._session = self._main.open_sync_connection()
        return self._session

    def client(self) -> SyncClient:
        s = self.session()
        url = (Outbox(s).enrollment() or {}).get("hq_url")
        if self._transport is None and url:
            self._transport = self._factory(url)
        return SyncClient(s, self._transport)

    def enroll(self, url: str, token: str) -> dict[str, Any]:
        with self._lock:
            if self._transport is not None:
                self._transport.close()
            self._transport = self._factory(url)
            return SyncClient(self.session(), self._transport).enroll(url, token)

    def probe(self) -> Any:
        """Is HQ there? (Its health endpoint; raises SyncUnavailable when not.)"""
        with self._lock:
            self.client()
            if self._transport is None or not hasattr(self._transport, "health"):
                raise ValueError("not enrolled")
            return self._transport.health()

    def sync(self, progress: Callable[[int, int], None], cancel: Callable[[], bool]) -> dict[str, Any]:
        with self._lock:
            return self.client().sync_once(progress=progress, cancel=cancel)

    def export(self, path: str) -> dict[str, Any] | None:
        with self._lock:
            return export_batch(self.session(), path)

    def import_ack(self, path: str) -> dict[str, Any]:
        with self._lock:
            return import_ack(self.session(), path)

    def status(self) -> dict[str, Any]:
        with self._lock:
            s = self.session()
            st = Outbox(s).status()
            st["conflicts"] = s.corrections.conflicts() if can(s.user.role, Permission.AMEND_ANY) else []
            return st

    def close(self) -> None:
        with self._lock:
            if self._transport is not None:
                self._transport.close()
                self._transport = None
            if self._session is not None:
                self._session.lock()
                self._session = None

    def engine(self, clock: Clock) -> BackgroundSync:
        """The background state machine (probe with backoff, then sync) the panel drives from a timer."""
        return BackgroundSync(probe=lambda: None, run_sync=lambda: None, clock=clock)
