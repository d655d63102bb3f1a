"""A Windows file system on Linux: the file semantics that broke the first Windows build, imitated for a test.

    from tests.support.winfs import windows_fs       # the fixture; use it by name in a test's arguments

    def test_x(windows_fs):
        with windows_fs.hold(path):                   # another program (antivirus, the CLI) has the file open
            ...                                       # replacing, renaming or deleting it raises PermissionError

Under the fixture:
- ``os.open`` of a folder raises PermissionError (Windows cannot open a directory as a file: the old folder fsync);
- ``os.replace``/``os.rename`` to or from a file that is held open, and ``os.unlink``/``os.remove`` of one, raise
  PermissionError (a sharing violation: Python's ``open`` on Windows never asks for FILE_SHARE_DELETE). A file is
  held while a file object ``open()`` returned for it is not closed, or inside ``hold(path)``;
- ``os.chmod`` does nothing (as on Windows, where it only toggles read-only);
- ``checkpoint.files.WINDOWS`` is True, so the code takes its Windows path (no folder flush, retried replaces).

What it cannot imitate: mandatory byte-range locks (msvcrt.locking), ACLs, SQLite's own file handles (opened in
C, not through Python) and drive letters. The hosted Windows CI (.github/workflows/windows.yml) covers those.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import io
import os
import shutil
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import checkpoint.files


def _key(path: Any) -> str | None:
    if isinstance(path, int):
        return None
    try:
        return os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return None


class WindowsFS:
    """The state of the imitation: which files are held open, and what was refused (for assertions)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: dict[str, int] = {}                        # hold(): path -> depth
        self._open: list[tuple[str, weakref.ref[Any]]] = []    # files open()ed and perhaps not yet closed
        self.refused: list[tuple[str, str]] = []               # (operation, path) refused with PermissionError

    # ------------------------------------------------------------------ what a test uses
    @contextlib.contextmanager
    def hold(self, path: str | os.PathLike[str]) -> Iterator[None]:
        """Hold ``path`` open, as another process would, until the block ends."""
        key = _key(path)
        assert key is not None
        with self._lock:
            self._held[key] = self._held.get(key, 0) + 1
        try:
            yield
        finally:
            with self._lock:
                self._held[key] -= 1
                if not self._held[key]:
                    del self._held[key]

    def is_held(self, path: Any) -> bool:
        key = _key(path)
        if key is None:
            return False
        with self._lock:
            if self._held.get(key):
                return True
            alive = [(k, r) for k, r in self._open if (f := r()) is not None and not f.closed]
            self._open = alive
            return any(k == key for k, _r in alive)

    # ------------------------------------------------------------------ the patched calls
    def _refuse(self, op: str, path: Any) -> None:
        self.refused.append((op, os.fsdecode(path)))
        raise PermissionError(errno.EACCES, "The process cannot access the file because it is being used by "
                              "another process (imitated Windows sharing violation)", os.fsdecode(path))

    def install(self, mp: pytest.MonkeyPatch) -> None:
        real_open, real_os_open = builtins.open, os.open
        real_replace, real_rename, real_unlink, real_remove = os.replace, os.rename, os.unlink, os.remove

        def os_open(path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
            if dir_fd is None and not isinstance(path, int) and os.path.isdir(path):
                self.refused.append(("os.open(folder)", os.fsdecode(path)))
                raise PermissionError(errno.EACCES, "Access is denied (imitated Windows: a folder cannot be "
                                      "opened as a file)", os.fsdecode(path))
            return real_os_open(path, flags, mode, dir_fd=dir_fd)

        def tracked_open(file: Any, *args: Any, **kwargs: Any) -> Any:
            f = real_open(file, *args, **kwargs)
            key = _key(file)
            if key is not None:
                with contextlib.suppress(TypeError), self._lock:
                    self._open.append((key, weakref.ref(f)))
            return f

        def moving(real: Any, op: str) -> Any:
            def move(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
                for p in (src, dst):
                    if self.is_held(p):
                        self._refuse(op, p)
                real(src, dst, *args, **kwargs)
            return move

        def removing(real: Any, op: str) -> Any:
            def remove(path: Any, *args: Any, **kwargs: Any) -> None:
                if self.is_held(path):
                    self._refuse(op, path)
                real(path, *args, **kwargs)
            return remove

        mp.setattr(os, "open", os_open)
        mp.setattr(builtins, "open", tracked_open)
        mp.setattr(io, "open", tracked_open)
        mp.setattr(os, "replace", moving(real_replace, "os.replace"))
        mp.setattr(os, "rename", moving(real_rename, "os.rename"))
        mp.setattr(os, "unlink", removing(real_unlink, "os.unlink"))
        mp.setattr(os, "remove", removing(real_remove, "os.remove"))
        mp.setattr(os, "chmod", lambda *a, **k: None)
        mp.setattr(checkpoint.files, "WINDOWS", True)
        # shutil.rmtree walks folders by opening them where the OS allows it; Windows' Python never does
        mp.setattr(shutil, "_use_fd_functions", False)


@pytest.fixture
def windows_fs(monkeypatch: pytest.MonkeyPatch) -> WindowsFS:
    """Windows file semantics for the length of one test (see the module's docstring)."""
    fs = WindowsFS()
    fs.install(monkeypatch)
    return fs


def hold_for(fs: WindowsFS, path: Path, seconds: float) -> threading.Thread:
    """Hold ``path`` from another thread for ``seconds`` (an antivirus scan); returns the started thread."""
    started = threading.Event()

    def run() -> None:
        with fs.hold(path):
            started.set()
            threading.Event().wait(seconds)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    started.wait(5)
    return t
