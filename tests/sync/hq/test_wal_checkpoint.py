"""HQ's SQLite WAL is checkpointed in the background after each write (``sync.hq.checkpointer``), not inside the
commit a device waits for: what was committed reaches the database file itself, and the WAL does not grow."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import sqlalchemy as sa

from sync.hq import checkpointer
from sync.hq.store import HQStore, journal


def _write(store: HQStore, n: int, tag: str) -> None:
    with store.write() as conn:
        conn.execute(journal.insert(), [{"at": "2026-12-03T00:00:00", "kind": tag, "device_id": "d",
                                         "message": "x" * 1500} for _ in range(n)])


def test_committed_rows_reach_the_database_file_without_the_wal(tmp_path: Path) -> None:
    store = HQStore.open(f"sqlite:///{tmp_path / 'hq.db'}")
    try:
        for i in range(5):
            _write(store, 2000, f"bulk{i}")
        assert checkpointer.wait_idle(30), "the background checkpoint did not finish"
        with store.engine.connect() as c:        # the commit itself did not checkpoint: nothing left behind
            assert c.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
        # The database file alone (as a copy taken without its -wal would be) holds every committed row.
        shutil.copy(tmp_path / "hq.db", tmp_path / "alone.db")
        with sqlite3.connect(tmp_path / "alone.db") as db:
            assert db.execute("SELECT count(*) FROM journal WHERE kind LIKE 'bulk%'").fetchone()[0] == 10_000
        # ... and once it is all in the database file, the next write starts the WAL again rather than growing it.
        size = (tmp_path / "hq.db-wal").stat().st_size
        _write(store, 2000, "again")
        assert (tmp_path / "hq.db-wal").stat().st_size <= size
    finally:
        store.close()


def test_a_closed_store_is_not_checkpointed_again(tmp_path: Path) -> None:
    store = HQStore.open(f"sqlite:///{tmp_path / 'hq.db'}")
    _write(store, 10, "one")
    store.close()
    assert checkpointer.wait_idle(30)
    shutil.rmtree(tmp_path)
    assert not tmp_path.exists()          # no checkpoint of the closed store recreated its folder or file
    with sa.create_engine("sqlite://").connect() as c:   # (and the thread is still serving other stores)
        assert c.exec_driver_sql("SELECT 1").scalar() == 1
