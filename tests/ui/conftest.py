"""Qt test fixtures: a real store, the real task runner, an AppContext per role. Offscreen, no sleeps.

Wait for background work with ``wait_idle(qtbot, ctx)`` from tests/support/ui_helpers.py (importable as
``from tests.support.ui_helpers import wait_idle``), which waits until the runner has delivered every result.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from checkpoint.demo import generate
from checkpoint.services import unlock
from tests.conftest import FAST, PASS
from tests.support.ui_helpers import wait_idle  # noqa: F401 - re-exported for older imports
from ui.qt import QApplication


@pytest.fixture
def runner(qtbot) -> Iterator[Any]:
    from ui.tasks import TaskRunner

    r = TaskRunner()
    yield r
    qtbot.waitUntil(lambda: r.pending == 0, timeout=10_000)
    r.shutdown()


@pytest.fixture
def demo_store(supervisor) -> Path:
    """The supervisor's store with 40 synthetic arrivals (plus the role users from tests/conftest.py)."""
    # (the TB referrals left at "referred": the referrals screen's tests walk them along the stages themselves)
    generate(supervisor, count=40, seed=5, tb_pathway=False)
    return Path(supervisor.store.path)


@pytest.fixture
def make_ctx(runner, demo_store, clock) -> Iterator[Any]:
    """make_ctx("thida") -> an AppContext signed in as that user (sessions are used on the DB thread only)."""
    from ui.context import AppContext

    made: list[Any] = []

    def _make(name: str = "dara") -> Any:
        session = runner.run_sync(unlock, demo_store, name, PASS[name], clock=clock, kdf=FAST)
        ctx = AppContext(runner, session)
        made.append(ctx)
        return ctx

    yield _make
    for c in made:
        runner.run_sync(c.session.lock)


@pytest.fixture
def app(qtbot, tmp_path, clock):
    """app(store=None, lock_minutes=5) -> a whole CheckpointApp (login, provisioning, main window) on a store in
    tmp_path; closed and shut down after the test."""
    from ui.app import CheckpointApp

    apps = []

    def _make(store: Path | None = None, lock_minutes: float = 5):
        a = CheckpointApp(QApplication.instance(), store or tmp_path / "app.db", lock_minutes=lock_minutes,
                          kdf=FAST, clock=clock)
        apps.append(a)
        return a

    yield _make
    for a in apps:
        qtbot.waitUntil(lambda a=a: a.runner.pending == 0, timeout=10_000)
        for w in (a.main, a.login, a.provisioning):
            if w is not None:
                w.close()
        a.shutdown()
