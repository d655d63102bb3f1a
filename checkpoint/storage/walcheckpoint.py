"""Folding the WAL into the database off the save path: a background thread with its own connection.

SQLite's automatic checkpoint runs inside the COMMIT that crosses its threshold (1,000 pages): that save copies
about 4 MB of pages into the database file and flushes it, 15-30 ms here, while the others take 3. One quick
registration in twenty paid for it (issue 11's p95). The store's own connection now checkpoints automatically only
past a far larger backstop (``BACKSTOP_PAGES``, for a writer that outruns this thread), and this thread does the
work between saves: right after every ``EVERY_COMMITS``-th commit (at a desk's pace the next save is seconds away),
or after ``IDLE_S`` without a commit, it runs a PASSIVE checkpoint, which never blocks a writer. Not after every
commit: the first commit after a complete checkpoint starts the WAL again and flushes its header, a second flush
in that save; one save in ``EVERY_COMMITS`` pays it.

Durability does not change: a save is durable when its COMMIT has flushed the WAL (``synchronous = FULL``, set on
every connection, this one included). A checkpoint copies committed pages to the database file, flushes it, and
only then lets the WAL be reused (SQLite's own order, whichever connection runs it); a power cut in the middle
leaves the WAL intact and the next open replays it. ``tests/storage/test_walcheckpoint.py`` kills a writer with
this thread running and checks every acknowledged save.

    >>> c = WalCheckpointer(path, key)        # doctest: +SKIP
    >>> c.committed()                         # after each COMMIT: wakes the thread   # doctest: +SKIP
    >>> with c.paused(): ...                  # no background checkpoint runs inside   # doctest: +SKIP
    >>> c.stop()                              # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Iterator
from typing import Any

from checkpoint.storage.db import open_encrypted

__all__ = ["BACKSTOP_PAGES", "EVERY_COMMITS", "IDLE_S", "WalCheckpointer"]

log = logging.getLogger(__name__)

EVERY_COMMITS = 8        # fold the WAL after this many commits (about 400 pages of quick registrations) ...
IDLE_S = 60.0            # ... or after this long without a commit, whatever is there
BACKSTOP_PAGES = 20_000  # the store connection's own autocheckpoint (80 MB of WAL), if this thread falls behind


class WalCheckpointer:
    """One store's background checkpoints. Thread-safe; ``committed`` is cheap (a condition notify)."""

    def __init__(self, path: str | os.PathLike[str], key: bytes, *, idle_s: float = IDLE_S,
                 every_commits: int = EVERY_COMMITS) -> None:
        self._path = path
        self._key = key
        self._idle_s = idle_s
        self._every = every_commits
        self._cv = threading.Condition()
        self._run = threading.Lock()        # held while a checkpoint runs; ``paused`` takes it
        self._pending = 0
        self._last = 0.0
        self._stopped = False
        self._thread: threading.Thread | None = None
        self.runs = 0                       # checkpoints done (for tests and benchmarks)
        self.failures = 0

    # ------------------------------------------------------------------ the store's side
    def committed(self) -> None:
        """A write transaction just committed: count it, and start the thread on the first one."""
        with self._cv:
            if self._stopped:
                return
            self._pending += 1
            self._last = time.monotonic()
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="checkpoint-wal", daemon=True)
                self._thread.start()
            self._cv.notify()

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """No background checkpoint runs inside (one already running is waited for): for a TRUNCATE checkpoint,
        a rekey or a close on the store's own connection, which SQLite would refuse while another runs."""
        with self._run:
            yield

    def stop(self, *, join: bool = True) -> None:
        """Stop the thread (a running checkpoint finishes first; ``join``: wait for it) and close its connection.
        Idempotent. A store dropped without ``close`` stops it from its finaliser, without waiting."""
        with self._cv:
            self._stopped = True
            self._cv.notify()
            thread = self._thread
        if join and thread is not None and thread is not threading.current_thread():
            thread.join()
        self._key = b""

    # ------------------------------------------------------------------ the thread
    def _due(self) -> bool:
        """Under the condition: wait until a checkpoint is due (True) or the checkpointer stops (False)."""
        while not self._stopped:
            if self._pending:
                if self._pending >= self._every:
                    return True
                wait = self._idle_s - (time.monotonic() - self._last)
                if wait <= 0:
                    return True
                self._cv.wait(wait)
            else:
                self._cv.wait()
        return False

    def _loop(self) -> None:
        db: Any = None
        try:
            while True:
                with self._cv:
                    if not self._due():
                        return
                    self._pending = 0
                    key = self._key
                with self._run:
                    if self._stopped:
                        return
                    try:
                        if db is None:
                            db = open_encrypted(self._path, key)     # synchronous = FULL, as every connection
                        db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                        self.runs += 1
                    except Exception as e:  # a checkpoint is an optimisation: the backstop and close() still run
                        self.failures += 1
                        log.warning("background WAL checkpoint failed: %s", type(e).__name__)
        finally:
            if db is not None:
                with contextlib.suppress(Exception):
                    db.close()
