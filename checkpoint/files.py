"""The one way Checkpoint writes a file: all of it or nothing, durable before it returns.

    >>> write_atomic(Path("out/poipet.ack"), ack_bytes)                     # doctest: +SKIP
    >>> write_atomic(Path("/media/usb/poipet-0001.cpb"), blob, exclusive=True)   # never over an existing file
    >>> with FileLock(Path("x.db.keys.lock"), timeout=10): ...               # doctest: +SKIP

The data goes to a temporary file in the same folder (owner-only), is flushed and fsynced, then renamed over the
target; on POSIX the folder is fsynced so the new name survives a power cut (where the filesystem allows it). A
power cut leaves the old file or the new one, never half of either.

Windows differs in three ways, all handled here: a folder cannot be opened to fsync it (``os.open(dir)`` raises
PermissionError), so the folder flush is skipped there (NTFS journals the rename itself; the data was fsynced,
i.e. FlushFileBuffers, before it); a replace fails with PermissionError while another program (antivirus, a
backup tool, the CLI beside the app) holds the target open without delete sharing, so the rename is retried with
a short, bounded back-off (``replace``); and chmod does nothing, so on Windows the new file gets an ACL instead
(``checkpoint.acl``).

``FileLock`` is the one lock between processes: ``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows, on a
small lock file beside what it protects; a bounded wait, then ``LockBusy``.

Raises FileExistsError when ``exclusive`` and the target exists; OSError as the filesystem reports it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType

__all__ = ["REPLACE_RETRIES", "FileLock", "LockBusy", "fsync_dir", "replace", "write_atomic"]

# Windows semantics on or off: a module attribute (not sys.platform at each call) so that the Windows
# file-system fixture of the tests can run the Windows code path on Linux.
WINDOWS = sys.platform == "win32"
# Sharing violations (antivirus scanning a new file, a reader in another process) last milliseconds to a second or
# two: 8 tries, 20 ms doubling to 1.28 s, about 2.5 s in all, then the PermissionError goes to the caller.
REPLACE_RETRIES = 8
_FIRST_DELAY = 0.02


def write_atomic(path: str | os.PathLike[str], data: bytes, *, mode: int = 0o600, exclusive: bool = False) -> Path:
    """Replace (or, with ``exclusive``, create) ``path`` with ``data``; returns the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())       # on Windows: FlushFileBuffers, the write-through of the data
        if WINDOWS:
            if mode & 0o077 == 0:      # owner-only asked: chmod is a no-op on Windows, an ACL is not
                from checkpoint import acl

                acl.restrict(tmp)
        elif mode != 0o600:             # mkstemp made it owner-only; FAT USB sticks refuse chmod, so only if asked
            os.chmod(tmp, mode)
        if exclusive:
            try:
                os.link(tmp, target)       # fails if the target exists: no window in which it could be overwritten
            except FileExistsError:
                raise
            except OSError:
                # FAT/exFAT USB sticks have no hard links: check, then rename (a rename cannot leave half a file)
                if target.exists():
                    raise FileExistsError(str(target)) from None
                replace(tmp, target)
        else:
            replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):   # Windows: a scanner may still hold the temporary name; never mask
            tmp.unlink(missing_ok=True)      # the real outcome for a leftover .part file
    if not WINDOWS:
        fsync_dir(target.parent)
    return target


def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str], *, retries: int = REPLACE_RETRIES,
            sleep: float = _FIRST_DELAY) -> None:
    """``os.replace`` that waits out a sharing violation (PermissionError on Windows) with bounded back-off.

    POSIX never raises PermissionError for a held file, so there the first PermissionError is final (it means a
    real permission problem). Raises the last PermissionError when the target stays held.
    """
    delay = sleep
    for attempt in range(retries + 1):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if not WINDOWS or attempt == retries:
                raise
            time.sleep(delay)
            delay *= 2


def fsync_dir(folder: str | os.PathLike[str]) -> None:
    """Make a rename or a new name in ``folder`` durable (not possible on every filesystem, nor on Windows: then
    skipped)."""
    if WINDOWS:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class LockBusy(OSError):
    """Another process held the lock for longer than the wait allowed."""


# One lock per file per process: threads of one process (the app's DB worker and its sync thread) take turns
# through this RLock; only the outermost holder locks the file (flock would also block its own process).
_registry_guard = threading.Lock()
_registry: dict[str, tuple[threading.RLock, list[int]]] = {}


class FileLock:
    """An exclusive lock between processes on ``path`` (created if missing, never deleted), re-entrant within a
    process. ``timeout`` seconds of polling, then LockBusy; ``timeout=0`` tries once.

        >>> with FileLock(tmp / "store.lock", timeout=0): ...      # doctest: +SKIP
    """

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 10.0, poll: float = 0.05) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self.poll = poll
        key = os.path.normcase(os.path.abspath(self.path))
        with _registry_guard:
            self._rlock, self._state = _registry.setdefault(key, (threading.RLock(), [0, -1]))  # [depth, fd]

    def acquire(self) -> None:
        deadline = time.monotonic() + max(self.timeout, 0)
        if not self._rlock.acquire(blocking=self.timeout > 0, timeout=self.timeout if self.timeout > 0 else -1):
            raise LockBusy(f"{self.path} is held by another thread")
        try:
            if self._state[0] == 0:
                self._state[1] = _lock_file(self.path, deadline, self.poll)
            self._state[0] += 1
        except BaseException:
            self._rlock.release()
            raise

    def release(self) -> None:
        self._state[0] -= 1
        try:
            if self._state[0] == 0:
                fd, self._state[1] = self._state[1], -1
                _unlock_file(fd)
        finally:
            self._rlock.release()

    @property
    def held(self) -> bool:
        """True while this process holds the lock."""
        return self._state[0] > 0

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.release()


def _lock_file(path: Path, deadline: float, poll: float) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        while True:
            if _try_lock(fd):
                return fd
            if time.monotonic() >= deadline:
                raise LockBusy(f"{path} is locked by another program")
            time.sleep(poll)
    except BaseException:
        os.close(fd)
        raise


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)   # one byte, non-blocking; the OS frees it if the process dies
        except OSError:
            return False
        return True

    def _unlock_file(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(fd)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)   # freed by the OS if the process dies
        except BlockingIOError:
            return False
        return True

    def _unlock_file(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
