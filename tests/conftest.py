"""Shared fixtures: a real SQLCipher store in tmp_path, a manual clock, one signed-in session per role.

Plain helpers (record builders) are in tests/helpers.py."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from checkpoint import crypto
from checkpoint.clock import ManualClock
from checkpoint.services import Session, create_store, unlock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASS = {"dara": "dara-supervisor-pass", "sokha": "sokha-officer-pass", "vanna": "vanna-officer-pass",
        "thida": "thida-health-pass", "rith": "rith-admin-pass-1"}
ROLES = {"sokha": "officer", "vanna": "officer", "thida": "health_worker", "rith": "admin"}
FAST = crypto.KdfParams.fast()


@pytest.fixture
def clock() -> ManualClock:
    # 08:00 in Poipet (UTC+7)
    return ManualClock(datetime(2026, 11, 22, 1, 0, tzinfo=UTC))


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "checkpoint.db"


@pytest.fixture
def supervisor(store_path: Path, clock: ManualClock) -> Iterator[Session]:
    s, _code = create_store(store_path, checkpoint_name="Poipet", username="dara", display_name="Dara",
                            passphrase=PASS["dara"], clock=clock, kdf=FAST)
    for name, role in ROLES.items():
        s.users.add(name, name.title(), role, PASS[name])
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
