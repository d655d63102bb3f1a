"""The trace bulk reads leave: one ``records.read`` event per kind of read, per user, per minute, with how many
queries were made and how many persons they returned, never what was asked.

    >>> ctx.audit_read("search", len(hits))          # in a service's read method            # doctest: +SKIP

The first read of a kind writes its event at once (so a crash a second later still leaves the fact that this user
read that kind of data at that time); the reads that follow within the minute are counted in memory (a few
additions, no I/O: the search box that runs a query per key stroke pays nothing) and written as one event with
their sums by the first read of that kind after the minute, or when the session locks. A crash loses at most the
counts of the last minute of each kind, never the fact that reads began. Reads that returned no person leave no
trace (they returned no personal data).

The event is about the store (entity ``store``, id the device id), so it never travels to other devices
(``checkpoint.events.TRAVEL_TYPES``); it is pushed to HQ with the rest of the audit trail. Its payload:
``{"kind": ..., "queries": q, "persons": n, "first_at": ..., "last_at": ...}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checkpoint.storage.store import Store

__all__ = ["READ_KINDS", "WINDOW_SECONDS", "ReadLog"]

WINDOW_SECONDS = 60

# The kinds of read that return personal data (the ``kind`` of a records.read event).
READ_KINDS = frozenset({"search", "list", "history", "duplicates", "referrals", "slip", "review",
                        "conflicts"})
READ_KINDS = READ_KINDS | {"queue", "household", "health", "consents", "arrival"}   # arrivals, health post, consents
READ_KINDS = READ_KINDS | {"assistance", "nea"}       # issue 13: what a person received; NEA registrations
READ_KINDS = READ_KINDS | {"slip_check"}     # issue 16 point 4: a slip checked here showed its person


@dataclass
class _Pending:
    since: datetime          # when the last event of this kind was written: the minute runs from here
    queries: int = 0         # counted since, not yet written
    persons: int = 0
    first: datetime | None = None
    last: datetime | None = None


class ReadLog:
    """One session's pending read counts (one session is one user)."""

    def __init__(self) -> None:
        self._pending: dict[str, _Pending] = {}

    def note(self, store: Store, user_id: str, kind: str, persons: int) -> None:
        """Count one read of ``kind`` that returned ``persons`` persons; write an event when this kind has none
        in the last minute (with what was counted since)."""
        if kind not in READ_KINDS:
            raise ValueError(f"unknown kind of read: {kind!r}")
        if persons <= 0:
            return
        now = store.clock.now()
        p = self._pending.get(kind)
        if p is not None and 0 <= (now - p.since).total_seconds() < WINDOW_SECONDS:
            p.queries += 1
            p.persons += persons
            p.first = p.first or now
            p.last = now
            return
        queries, total, first = 1, persons, now
        if p is not None and p.queries:
            queries, total, first = p.queries + 1, p.persons + persons, p.first or now
        self._write(store, user_id, kind, queries, total, first, now)
        self._pending[kind] = _Pending(since=now)

    def flush(self, store: Store, user_id: str) -> None:
        """Write what is counted and not yet written (at lock, or whenever the caller wants the log complete)."""
        for kind, p in list(self._pending.items()):
            if p.queries and p.first is not None and p.last is not None:
                self._write(store, user_id, kind, p.queries, p.persons, p.first, p.last)
            del self._pending[kind]

    @staticmethod
    def _write(store: Store, user_id: str, kind: str, queries: int, persons: int, first: datetime,
               last: datetime) -> None:
        with store.write():
            store.record("records.read", "store", store.device_id,
                         {"kind": kind, "queries": queries, "persons": persons,
                          "first_at": first.isoformat(timespec="seconds"),
                          "last_at": last.isoformat(timespec="seconds")}, author=user_id)
