"""The private interview room's queue entry a registration adds when the red-flag pre-screen routes the person there
(issue 12, point 1, in the flow of issue 11). Its own module: the registrations (full, completed) and the arrivals
(quick registration, the queue) both use it, and each imports the other's person rules."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from checkpoint.arrivals.codes import flag_priority
from checkpoint.services.base import Context

__all__ = ["PRIVATE_ROOM", "private_room_entries"]

PRIVATE_ROOM = "INTERVIEW_ROOM"


def private_room_entries(ctx: Context, person_id: str, prescreen: Mapping[str, Any] | None,
                         flags: Iterable[str] = (), *, closing: str | None = None) -> list[dict[str, Any]]:
    """The queue entry to add when the red-flag pre-screen (``evaluate_prescreen(...).to_dict()``, as a
    registration records it) routes the person to the private interview room: none when it does not, when the site
    runs no private room, or when the person already waits or is being seen there (``closing``: the entry the same
    write closes, which counts as being seen there). The priority is the flags rule's (``flag_priority``) over the
    arrival's flags, with a controlling person present when the pre-screen says so."""
    if not prescreen or not prescreen.get("routes_to_private_room") or PRIVATE_ROOM not in ctx.site.stations:
        return []
    open_there = ctx.db.execute(
        "SELECT id FROM queue_entries WHERE person_id = ? AND station = ? AND status IN ('waiting', 'called')",
        [person_id, PRIVATE_ROOM]).fetchall()
    if open_there or (closing is not None and ctx.db.execute(
            "SELECT 1 FROM queue_entries WHERE id = ? AND station = ?", [closing, PRIVATE_ROOM]).fetchone()):
        return []
    fl = set(flags) | ({"CONTROLLING_PERSON_PRESENT"} if prescreen.get("controlling_person_present") else set())
    return [{"id": str(uuid.uuid4()), "station": PRIVATE_ROOM, "priority": flag_priority(fl)}]
