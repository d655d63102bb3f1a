"""The two callbacks a sync run takes from its caller: ``progress(done, total)`` and ``cancel``.

    >>> stop = threading.Event()
    >>> cancelled(stop), cancelled(lambda: True), cancelled(None)
    (False, True, False)

Both are called on the thread that runs the sync (the desktop's network executor, checkpoint-admin's main
thread): a GUI passes callbacks that only emit a signal or read a flag.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

__all__ = ["Cancel", "Progress", "cancelled"]

Progress = Callable[[int, int], None]            # (events done, events in all)
Cancel = Callable[[], bool] | threading.Event    # checked between batches and between pull pages


def cancelled(cancel: Cancel | None) -> bool:
    """Has the caller asked to stop? (None: never.)"""
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())
