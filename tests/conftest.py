"""Shared fixtures: a real SQLCipher store in tmp_path, a manual clock, one signed-in session per role.

The store with its users is built once per test run (``template_store``) and copied into each test's tmp_path:
creating it (six key slots) cost more than most tests that use it.

Plain helpers (record builders) are in tests/support/helpers.py."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from checkpoint import crypto
from checkpoint.clock import ManualClock
from checkpoint.services import Session, create_store, unlock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASS = {"dara": "river-lotus-supervisor", "sokha": "mango-tree-officer-7", "vanna": "blue-kite-officer-9",
        "thida": "clinic-lamp-health-3", "rith": "server-rack-admin-5"}
ROLES = {"sokha": "officer", "vanna": "officer", "thida": "health_worker", "rith": "admin"}
FAST = crypto.KdfParams.fast()


T0 = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)   # 08:00 in Poipet (UTC+7)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "checkpoint.db"


def build_template_store(path: Path, clock: ManualClock) -> None:
    """The store every `supervisor` test starts from: checkpoint Poipet, supervisor dara, one user per ROLES."""
    s, _code = create_store(path, checkpoint_name="Poipet", username="dara", display_name="Dara",
                            passphrase=PASS["dara"], clock=clock, kdf=FAST)
    for name, role in ROLES.items():
        s.users.add(name, name.title(), role, PASS[name])
    s.lock()


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per test run (per xdist worker); tests get a copy, never this file."""
    path = tmp_path_factory.mktemp("template") / "checkpoint.db"
    build_template_store(path, ManualClock(T0))
    return path


@pytest.fixture
def supervisor(template_store: Path, store_path: Path, clock: ManualClock) -> Iterator[Session]:
    """Dara signed in on this test's own copy of the template store (same store id and device key in every test:
    a test that needs two devices or stores creates the others itself)."""
    if clock.now() == T0:
        # closed: no -wal left; the key file's lock file (checkpoint/storage/keyfile.py) stays, empty, by design
        files = sorted(f for f in template_store.parent.iterdir() if not f.name.endswith(".keys.lock"))
        assert [f.name for f in files] == ["checkpoint.db", "checkpoint.db.keys"], files
        for f in files:
            shutil.copy2(f, store_path.parent / f.name.replace("checkpoint.db", store_path.name, 1))
    else:   # a module whose clock starts at another time gets a store made at that time
        build_template_store(store_path, clock)
    s = unlock(store_path, "dara", PASS["dara"], clock=clock, kdf=FAST)
    yield s
    s.lock()


@pytest.fixture
def sign_in(supervisor: Session, store_path: Path, clock: ManualClock) -> Iterator[Any]:
    """sign_in("sokha") -> a Session for that user (closed at the end of the test)."""
    opened: list[Session] = []

    def _sign_in(name: str) -> Session:
        s = unlock(store_path, name, PASS[name], clock=clock, kdf=FAST)
        opened.append(s)
        return s

    yield _sign_in
    for s in opened:
        s.lock()
