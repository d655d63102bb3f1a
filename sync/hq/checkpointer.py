"""WAL checkpoints of HQ's SQLite store, off the write path.

SQLite in WAL mode appends each commit to the ``-wal`` file (and, with ``synchronous = FULL``, syncs it before the
commit returns: that is what makes an acknowledged batch durable). By default the connection that commits also
*checkpoints* (copies the WAL back into the database file and syncs that too) whenever the WAL passes 1,000 pages,
inside the commit: a 5,000-event batch touches pages of every random-key index (persons, records, facts), so
nearly every push paid a second copy of its pages, and a second sync, before its ack could be sent (measured:
about a third of the commit's time, 0.14 s of 0.35 s per batch).

Here HQ's SQLite connections do not checkpoint on commit (``PRAGMA wal_autocheckpoint = 0``, set by
``sync.hq.store``); ``HQStore.write`` calls ``kick`` after each commit instead, and one daemon thread runs a
``PASSIVE`` checkpoint on its own connection: it never waits for a reader or a writer, and a batch can be written
while it copies. Pages a later batch changes again before the thread gets to them are copied once. Durability is
unchanged: a commit is on disk (in the WAL) when it returns, and SQLite replays the WAL after a crash whether or
not it was checkpointed. When the process ends, SQLite checkpoints as its last connection closes, or the next
open replays the WAL.

    >>> kick(store)          # after a write transaction committed                  # doctest: +SKIP
    >>> forget(store)        # the store is being closed: no checkpoint from now on  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import threading
from typing import Any

__all__ = ["forget", "kick", "wait_idle"]

log = logging.getLogger("checkpoint.hq")

_lock = threading.Lock()          # guards _pending, _thread and each store's "closed" mark
_pending: dict[int, Any] = {}     # id(store) -> store, waiting for a checkpoint
_closed: set[int] = set()
_wake = threading.Condition(_lock)
_busy = 0                         # checkpoints running now (wait_idle)
_running: set[int] = set()        # id(store) of those
_thread: threading.Thread | None = None


def kick(store: Any) -> None:
    """Ask for a checkpoint of ``store``'s database soon (after a write committed). Never blocks on I/O."""
    global _thread
    with _lock:
        _closed.discard(id(store))
        _pending[id(store)] = store
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="hq-wal-checkpoint", daemon=True)
            _thread.start()
        _wake.notify()


def forget(store: Any) -> None:
    """The store is being closed: drop a pending checkpoint and wait for a running one of it to end."""
    with _lock:
        _pending.pop(id(store), None)
        _closed.add(id(store))
        while _busy and id(store) in _running:
            _wake.wait(0.05)


def wait_idle(timeout: float = 10.0) -> bool:
    """Wait until no checkpoint is pending or running (tests); True if it got there within ``timeout`` s."""
    import time

    end = time.monotonic() + timeout
    with _lock:
        while _pending or _busy:
            left = end - time.monotonic()
            if left <= 0:
                return False
            _wake.wait(min(left, 0.05))
    return True


def _run() -> None:
    global _busy
    while True:
        with _lock:
            while not _pending:
                _wake.wait()
            key, store = _pending.popitem()
            if key in _closed:
                continue
            _busy += 1
            _running.add(key)
        try:
            _checkpoint(store)
        except Exception as e:          # a checkpoint that fails is retried after the next commit
            log.warning("HQ database: a background WAL checkpoint failed (%s); it is retried after the next write",
                        type(e).__name__)
        finally:
            with _lock:
                _busy -= 1
                _running.discard(key)
                _wake.notify_all()


def _checkpoint(store: Any) -> None:
    raw = store.engine.raw_connection()      # outside any transaction (the connection is in autocommit mode)
    try:
        cur = raw.driver_connection.cursor()
        try:
            cur.execute("PRAGMA wal_checkpoint(PASSIVE)")
            cur.fetchall()
        finally:
            cur.close()
    finally:
        raw.close()
