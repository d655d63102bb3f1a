"""One desktop window per store: a second Checkpoint started on the same store is told so and exits cleanly.

    >>> guard = InstanceGuard(store_path)                          # doctest: +SKIP
    >>> guard.acquire()         # False: another window has this store open (the app says so and exits 0)
    >>> guard.release()         # at exit (the OS frees it anyway if the process dies)

A lock between processes (``checkpoint.files.FileLock``: flock / msvcrt.locking) on ``<store>.instance``, tried
once. checkpoint-admin does not take it: the CLI beside the app is allowed, and the key file's own lock keeps their
changes from overwriting each other. Only the desktop app takes it, in ``ui.app.main``.
"""

from __future__ import annotations

import os
from pathlib import Path

from checkpoint.files import FileLock, LockBusy

__all__ = ["InstanceGuard", "guard_path"]


def guard_path(store: str | os.PathLike[str]) -> Path:
    p = Path(store)
    return p.with_name(p.name + ".instance")


class InstanceGuard:
    """Held by the one desktop app that has ``store`` open."""

    def __init__(self, store: str | os.PathLike[str]) -> None:
        self._lock = FileLock(guard_path(store), timeout=0)

    def acquire(self) -> bool:
        """True if this process now holds the store; False if another process does."""
        if self._lock.held:                       # already ours (the app restarted its windows)
            return True
        try:
            self._lock.acquire()
        except LockBusy:
            return False
        return True

    def release(self) -> None:
        if self._lock.held:
            self._lock.release()
