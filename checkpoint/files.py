"""The one way Checkpoint writes a file: all of it or nothing, durable before it returns.

    >>> write_atomic(Path("out/poipet.ack"), ack_bytes)                     # doctest: +SKIP
    >>> write_atomic(Path("/media/usb/poipet-0001.cpb"), blob, exclusive=True)   # never over an existing file

The data goes to a temporary file in the same folder (owner-only), is flushed and fsynced, then renamed over the
target; the folder is fsynced so the new name survives a power cut (where the filesystem allows it). A power cut
leaves the old file or the new one, never half of either.

Raises FileExistsError when ``exclusive`` and the target exists; OSError as the filesystem reports it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["fsync_dir", "write_atomic"]


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
            os.fsync(f.fileno())
        if mode != 0o600:               # mkstemp made it owner-only; FAT USB sticks refuse chmod, so only if asked
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
                os.replace(tmp, target)
        else:
            os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(target.parent)
    return target


def fsync_dir(folder: str | os.PathLike[str]) -> None:
    """Make a rename or a new name in ``folder`` durable (not possible on every filesystem: then skipped)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
