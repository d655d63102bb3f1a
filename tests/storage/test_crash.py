"""Crash safety: kill -9 a writer at random moments 20 times; every reported commit survives, none is half."""

from __future__ import annotations

from pathlib import Path

from tests.support.crashlib import torture


def test_kill_dash_nine_twenty_times(tmp_path: Path) -> None:
    n = torture(tmp_path / "crash.db", kills=20, seed=1)
    assert n > 20, "the writer should have committed some registrations between kills"
