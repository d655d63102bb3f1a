"""What the sync client tests share: device stores, the real HQ (in process, or behind uvicorn on 127.0.0.1),
and questions to ask HQ's database (which events it holds, how many times).

Imported by tests/sync/device/test_*.py, tests/sync/test_e2e.py, test_faults.py, test_hq_crash.py and the
sync benchmarks (``from tests.support.client_harness import new_device``)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from checkpoint import crypto
from checkpoint.services import create_store
from sync.device.client import SyncClient
from sync.hq.http import create_app
from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import HQStore, events
from tests.support.hq_helpers import LiveServer

DEVICE_PASS = "device-lotus-supervisor"


def new_device(path: Path, name: str = "Poipet", *, clock: Any = None, username: str = "dara") -> Any:
    """A fresh device store for checkpoint ``name`` (fast KDF), its first supervisor signed in; caller locks it."""
    session, _code = create_store(path, checkpoint_name=name, username=username, display_name=username.title(),
                                  passphrase=DEVICE_PASS, clock=clock, kdf=crypto.KdfParams.fast())
    return session


def new_hq(folder: Path, *, clock: Any = None) -> HQService:
    """The real HQ service over a fresh SQLite database in ``folder``."""
    return HQService(HQStore.open(f"sqlite:///{folder / 'hq.db'}"), HQKeys.generate(), clock=clock)


def enroll(session: Any, hq: HQService, transport: Any = None, *, url: str = "http://hq.test") -> dict[str, Any]:
    """Enroll a device through the client, with a token HQ issued for its checkpoint."""
    token = hq.issue_token(session.site.checkpoint_name)
    return SyncClient(session, transport or hq).enroll(url, token)


@contextlib.contextmanager
def live(hq: HQService) -> Iterator[str]:
    """HQ's FastAPI app under uvicorn on a free 127.0.0.1 port (rate limit off); yields the base URL."""
    with LiveServer(create_app(hq, rate_per_minute=0)) as server:
        yield server.url


def own_events(session: Any) -> set[str]:
    return {r[0] for r in session.store.db.execute("SELECT id FROM events WHERE device_id = ?",
                                             [session.store.device_id])}


def hq_events(hq: HQService, device_id: str | None = None) -> list[str]:
    """Ids of the events HQ holds (accepted or held), one per row: a duplicate would show twice."""
    q = sa.select(events.c.id)
    if device_id is not None:
        q = q.where(events.c.device_id == device_id)
    with hq.store.read() as conn:
        return [str(r[0]) for r in conn.execute(q)]


def hq_statuses(hq: HQService) -> dict[str, int]:
    with hq.store.read() as conn:
        return {str(k): int(n) for k, n in conn.execute(sa.select(events.c.status, sa.func.count())
                                                        .group_by(events.c.status))}
