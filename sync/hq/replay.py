"""The nonces HQ has seen: a signed request (``sync.wire.open_request``) is accepted once.

A request is fresh for ``sync.wire.MAX_SKEW`` either side of HQ's clock, so its nonce is remembered until its
``issued_at`` plus that window has passed on HQ's clock, then forgotten (after that, the timestamp alone refuses
it). The book is bounded: when it is full of nonces still in their window, HQ refuses new requests as busy
(StoreError, HTTP 503) rather than forget one early.

    >>> from datetime import UTC, datetime
    >>> book = NonceBook()
    >>> now = datetime(2026, 12, 2, tzinfo=UTC)
    >>> book.use("dev", "00" * 16, issued=now, now=now)
    >>> book.use("dev", "00" * 16, issued=now, now=now)
    Traceback (most recent call last):
    ...
    sync.errors.ReplayedRequest: This request was already used (a replay): HQ refused it.

Memory, not the database: ``checkpoint-hq serve`` is one process. A restart forgets the book, so a request captured
in the five minutes before a restart could be sent once more after it; what it gets back is sealed to the
device's reply key (pull, reference) or is the ack of a batch HQ already holds (push), so it tells the sender
nothing.
"""

from __future__ import annotations

import heapq
import threading
from datetime import datetime, timedelta

from checkpoint.errors import StoreError
from sync.errors import ReplayedRequest
from sync.wire import MAX_SKEW

__all__ = ["NonceBook"]


class NonceBook:
    """Nonces per device, each kept until ``issued + window``; at most ``max_entries`` (default 200,000)."""

    def __init__(self, *, window: timedelta = MAX_SKEW, max_entries: int = 200_000) -> None:
        self.window, self.max_entries = window, max_entries
        self._until: dict[tuple[str, str], datetime] = {}
        self._heap: list[tuple[datetime, tuple[str, str]]] = []
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._until)

    def use(self, device_id: str, nonce: str, *, issued: datetime, now: datetime) -> None:
        """Record the nonce of a verified request; raises ReplayedRequest if it was seen, StoreError if full."""
        key = (device_id, nonce)
        until = max(issued, now) + self.window
        with self._lock:
            self._prune(now)
            if key in self._until:
                raise ReplayedRequest("This request was already used (a replay): HQ refused it.")
            if len(self._until) >= self.max_entries:
                raise StoreError("HQ is busy (too many requests in the last minutes); nothing was lost. Try again "
                                 "later.")
            self._until[key] = until
            heapq.heappush(self._heap, (until, key))

    def check(self, device_id: str, nonce: str) -> None:
        """Raise ReplayedRequest if this nonce was seen (without recording it: ``use`` does)."""
        with self._lock:
            if (device_id, nonce) in self._until:
                raise ReplayedRequest("This request was already used (a replay): HQ refused it.")

    def _prune(self, now: datetime) -> None:
        while self._heap and self._heap[0][0] < now:
            _, key = heapq.heappop(self._heap)
            self._until.pop(key, None)
