"""HQ served from its own process, as in production (``checkpoint-hq serve`` on another machine): the sync
benchmark's device and HQ then do not share one interpreter lock, so the device sealing batch N+1 while HQ stores
batch N overlaps for real (``sync.device.push``: one batch in flight).

    >>> hq = new_hq(tmp_path)                          # issue tokens, read what HQ holds, in this process
    >>> with hq_process(hq) as served:                 # the same database and keys, served by a child process
    ...     push(served.url)
    >>> served.cpu_seconds()                           # the HQ process's CPU time so far (Linux)

The child is started with ``spawn`` (no copy of this process's threads or open connections), opens the same
database with the same keys, serves FastAPI under uvicorn on 127.0.0.1 (rate limit off, like ``live``) and is
stopped (terminate, then kill) on exit, bounded in time.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sync.hq.keys import HQKeys
from sync.hq.service import HQService

__all__ = ["Served", "hq_process"]

START_TIMEOUT = 60.0


def _serve(db_url: str, keys: tuple[bytes, ...], conn: Any) -> None:  # pragma: no cover (in the child)
    from sync.hq.http import create_app
    from sync.hq.store import HQStore
    from tests.support.hq_helpers import LiveServer

    hq = HQService(HQStore.open(db_url), HQKeys(*keys))
    with LiveServer(create_app(hq, rate_per_minute=0)) as server:
        conn.send(server.url)
        conn.recv()                     # anything (or the parent gone): stop
    hq.store.close()


@dataclass(frozen=True)
class Served:
    """The HQ process: its base URL and process id."""

    url: str
    pid: int

    def cpu_seconds(self) -> float | None:
        """User + system CPU time the HQ process has used so far (None where /proc cannot tell)."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def hq_process(hq: HQService) -> Iterator[Served]:
    """Serve ``hq``'s database with ``hq``'s keys from a child process; yields it once it serves."""
    k = hq.keys
    keys = (k.signing_private, k.signing_public, k.exchange_private, k.exchange_public, k.recovery_public,
            k.recovery_private)
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    url = hq.store.engine.url.render_as_string(hide_password=False)
    proc = ctx.Process(target=_serve, args=(url, keys, child), daemon=True)
    proc.start()
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not parent.poll(0.1):
            if not proc.is_alive():
                raise RuntimeError(f"the HQ process ended before serving (exit code {proc.exitcode})")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the HQ process did not start within {START_TIMEOUT:.0f} s")
        yield Served(str(parent.recv()), int(proc.pid or 0))
    finally:
        with contextlib.suppress(OSError):
            parent.send("stop")
        proc.join(15)
        if proc.is_alive():
            proc.terminate()
            proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join(5)
