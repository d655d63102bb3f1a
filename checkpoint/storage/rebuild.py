"""Rebuild the projections from the event log and compare them with the live tables (``verify``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlite_utils

from checkpoint.storage.db import connect_plain_memory
from checkpoint.storage.projections import apply_event
from checkpoint.storage.schema import PROJECTION_TABLES, apply_migrations
from checkpoint.storage.store import Store

__all__ = ["compare_projections", "rebuild_projections"]

_KEYS = {"consents": "encounter_id, purpose", "field_versions": "entity_id, field"}


def rebuild_projections(store: Store) -> sqlite_utils.Database:
    """Replay every event, in the order it was applied, into a fresh in-memory database (never on disk)."""
    mem = connect_plain_memory()
    apply_migrations(mem)
    with mem.atomic():
        for ev in store.events():
            apply_event(mem, ev)
    return mem


def _rows(db: sqlite_utils.Database, table: str) -> Iterator[tuple[Any, ...]]:
    cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})").fetchall()]
    yield from db.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {_KEYS.get(table, 'id')}")


def compare_projections(live: sqlite_utils.Database, rebuilt: sqlite_utils.Database,
                        *, max_reports: int = 20) -> list[str]:
    """Differences between live projection tables and rebuilt ones, as plain lines (empty when equal)."""
    problems: list[str] = []
    for table in PROJECTION_TABLES:
        a, b = _rows(live, table), _rows(rebuilt, table)
        while len(problems) < max_reports:
            ra, rb = next(a, None), next(b, None)
            if ra is None and rb is None:
                break
            if ra != rb:
                key = (ra or rb or ("?",))[0]
                if ra is None:
                    problems.append(f"{table}: row {key} is missing from the live table")
                elif rb is None:
                    problems.append(f"{table}: row {key} is in the live table but no event creates it")
                else:
                    problems.append(f"{table}: row {key} differs from what its events say")
                break
    try:
        live.execute("INSERT INTO person_fts(person_fts) VALUES ('integrity-check')")
    except Exception:
        problems.append("person_fts: the search index does not match the persons table")
    return problems
