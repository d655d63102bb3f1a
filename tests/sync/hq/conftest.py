"""Fixtures for HQ server tests: the HQ service on SQLite (and on PostgreSQL where a module asks for both), and
more device stores beside the `supervisor` one of tests/conftest.py."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from checkpoint.services import Session, create_store
from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import HQStore
from tests.conftest import FAST
from tests.support.hq_helpers import PostgresUnavailable, postgres_database, reset_store


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    try:
        with postgres_database() as url:
            yield url
    except PostgresUnavailable as e:
        print(f"\nPostgreSQL tests skipped: {e}", file=sys.stderr)
        pytest.skip(f"PostgreSQL unavailable: {e}")


@pytest.fixture(params=["sqlite"])
def backend(request: pytest.FixtureRequest) -> str:
    """Modules that run on both databases override this with params=["sqlite", "postgresql"]."""
    return str(request.param)


@pytest.fixture
def hq_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if backend == "postgresql":
        url = str(request.getfixturevalue("pg_url"))
        store = HQStore.open(url)
        reset_store(store)
        store.close()
        return url
    return f"sqlite:///{tmp_path / 'hq.db'}"


@pytest.fixture
def hq(hq_url: str, clock: Any) -> Iterator[HQService]:
    service = HQService(HQStore.open(hq_url), HQKeys.generate(), clock=clock)
    yield service
    service.store.close()


@pytest.fixture
def make_device(tmp_path: Path, clock: Any) -> Iterator[Callable[..., Session]]:
    """make_device("b", checkpoint="Poipet") -> a supervisor's Session on a new device store."""
    opened: list[Session] = []

    def _make(name: str, *, checkpoint: str = "Poipet") -> Session:
        s, _code = create_store(tmp_path / f"{name}.db", checkpoint_name=checkpoint, username="bopha",
                                display_name=name, passphrase="lotus-pond-supervisor", clock=clock, kdf=FAST)
        opened.append(s)
        return s

    yield _make
    for s in opened:
        s.lock()
