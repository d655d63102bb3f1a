"""What the desktop needs from sync, without Qt: ``DeviceSync``, one object that owns a second connection to the
store and the link to HQ, so the UI's network executor can sync while officers keep saving on the DB worker.

Built by the composition root (ui/app.py) and handed to the sync panel; the panel itself never imports sync.

    >>> device = DeviceSync(session)                      # a supervisor's or admin's session   # doctest: +SKIP
    >>> device.sync(progress=lambda done, total: None, cancel=lambda: False)["complete"]      # doctest: +SKIP
    >>> engine = device.engine(clock, on_change=show)     # background sync wired to this device # doctest: +SKIP

Threads: every method may be called from any thread but not the GUI thread (the desktop calls them from its
network pool, which has two threads). They use the DeviceSync's own Session, opened on first use with
``Session.open_sync_connection()`` (same store, same key, same user, its own SQLite connection), never the
session the DB worker uses; a lock makes the calls take turns, so that connection is used by one thread at a
time. ``close()`` locks that second session and closes the link.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from checkpoint.clock import Clock
from checkpoint.model.roles import Permission, can
from checkpoint.services.outbox import Outbox
from checkpoint.services.session import Session
from sync.device.client import SyncClient
from sync.device.engine import BackgroundSync, OnChange
from sync.device.enrollment import change_hq_address, enrolled_url
from sync.device.progress import Cancel, Progress
from sync.device.transport import HQLink, HttpTransport
from sync.device.usb import export_batch, import_ack

__all__ = ["DeviceSync"]


def _http(url: str) -> HQLink:
    return HttpTransport(url, timeout=30)


class DeviceSync:
    """Sync for the desktop: enroll, probe, sync, USB export and ack import, status; see the module docstring.

    ``transport_factory(url)`` makes the link to HQ (default: ``HttpTransport(url, timeout=30)``)."""

    def __init__(self, session: Session, transport_factory: Callable[[str], HQLink] | None = None) -> None:
        # The network pool has two threads: every call takes this lock, so the connection is used by one at a time.
        self._lock = threading.RLock()
        self._main = session
        self._factory = transport_factory or _http
        self._session: Session | None = None
        self._transport: HQLink | None = None

    # ------------------------------------------------------------------ (call with the lock held)
    def _sync_session(self) -> Session:
        if self._session is None:
            self._session = self._main.open_sync_connection()
        return self._session

    def _link(self) -> HQLink:
        """The link to the HQ this device enrolled with. PermissionDenied if it is not enrolled."""
        if self._transport is None:
            self._transport = self._factory(enrolled_url(Outbox(self._sync_session())))
        return self._transport

    # ------------------------------------------------------------------ what the panel calls
    def enroll(self, url: str, token: str) -> dict[str, Any]:
        """Enroll with HQ at ``url`` (``SyncClient.enroll``); the link to that address is kept."""
        with self._lock:
            if self._transport is not None:
                self._transport.close()
            self._transport = self._factory(url)
            return SyncClient(self._sync_session(), self._transport).enroll(url, token)

    def probe(self) -> dict[str, Any]:
        """Is HQ there? Its health answer; raises SyncUnavailable when it is not, PermissionDenied when this device
        is not enrolled."""
        with self._lock:
            return self._link().health()

    def sync(self, progress: Progress | None = None, cancel: Cancel | None = None) -> dict[str, Any]:
        """Push, then pull (``SyncClient.sync_once``): ``progress`` and ``cancel`` are called on this thread.
        Raises PermissionDenied when this device is not enrolled."""
        with self._lock:
            return SyncClient(self._sync_session(), self._link()).sync_once(progress=progress, cancel=cancel)

    def export(self, path: str) -> dict[str, Any] | None:
        """The next batch to a file for a USB stick (``sync.device.usb.export_batch``)."""
        with self._lock:
            return export_batch(self._sync_session(), path)

    def import_ack(self, path: str) -> dict[str, Any]:
        """HQ's acknowledgement file, verified and applied (``sync.device.usb.import_ack``)."""
        with self._lock:
            return import_ack(self._sync_session(), path)

    def change_hq_address(self, url: str, reason: str) -> str:
        """HQ moved (``sync.device.enrollment.change_hq_address``): the next exchange goes to the new address."""
        with self._lock:
            new = change_hq_address(Outbox(self._sync_session()), url, reason)
            if self._transport is not None:
                self._transport.close()
                self._transport = None
            return new

    def fetch_back(self, person_id: str, reason: str) -> Any:
        """Issue 12: a supervisor fetches a minimised record back from HQ (``sync.device.fetchback.fetch_back``, on
        this sync connection): returns the ``Changes``. Raises what it raises (PermissionDenied, ValidationError for
        no reason, NotFound for nothing minimised) before any network, SyncUnavailable when HQ cannot be reached."""
        from sync.device.fetchback import fetch_back
        with self._lock:
            session = self._sync_session()
            session.retention.check_fetch(person_id, reason)        # before the network: role, reason, anything
            return fetch_back(session, self._link(), person_id, reason)

    def status(self) -> dict[str, Any]:
        """``Outbox.status()`` plus the conflicts to decide (for a role that may decide them) and the referral
        directory in use (``Directory.status()``: its date, expiry, and why HQ's latest was refused, if it was)."""
        with self._lock:
            s = self._sync_session()
            st = Outbox(s).status()
            st["conflicts"] = s.corrections.conflicts() if can(s.user.role, Permission.AMEND_ANY) else []
            st["directory"] = s.directory.status()          # HQ's referral directory in use (issue 16)
            return st

    def close(self) -> None:
        with self._lock:
            if self._transport is not None:
                self._transport.close()
                self._transport = None
            if self._session is not None:
                self._session.lock()
                self._session = None

    def engine(self, clock: Clock, *, on_change: OnChange | None = None, progress: Progress | None = None,
               cancel: Cancel | None = None) -> BackgroundSync:
        """The background state machine (probe with backoff, then sync), wired to this device: its probe is
        ``probe()``, its sync ``sync(progress, cancel)``, and ``on_change(status)`` is the caller's.

        A headless owner calls its ``step()``/``run()``, which run both here on the calling thread. The desktop's
        panel drives ``start``/``probe_done``/``sync_done`` from its timer instead and runs ``probe``/``sync`` on
        the network pool itself; ``on_change`` then comes on the GUI thread, where the panel drives the machine.
        """
        return BackgroundSync(probe=self.probe, run_sync=lambda: self.sync(progress, cancel), clock=clock,
                              on_change=on_change)
