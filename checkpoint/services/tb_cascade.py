"""The device's cascade follows the referral, not the arrival (issue 14): which open TB referral each screen of the
period continued.

A repeat returnee whose TB referral is still open gets no second one: her new arrival's screen (at the officer's
desk or at the health post) carries the open referral on. ``checkpoint.screening.cascade.inputs_from_events`` decides
which referral a screen continued, in log order, the way HQ does from the events it holds; here the same fold runs
over the events of the few persons it can concern (a screen of the period that needed a referral, and a health
referral of theirs outside the arrivals screened in the period), so the device counts exactly what HQ counts.

    >>> extra = continued_referrals(ctx, screens, refs)       # doctest: +SKIP
    >>> screens[0]["continues"]                                # doctest: +SKIP
    '0193…'
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from checkpoint.screening.cascade import CASCADE_EVENT_TYPES, inputs_from_events, needs_referral
from checkpoint.services.base import Context

__all__ = ["continued_referrals"]

log = logging.getLogger("checkpoint.tb")
_CHUNK = 500


def continued_referrals(ctx: Context, screens: list[dict[str, Any]], refs: Iterable[Mapping[str, Any]]) -> list[str]:
    """Set ``continues`` on each screen of ``screens`` (rows with ``id``, ``person_id``, ``outcome``) that continued
    an open TB referral, and return the ids of those referrals not already in ``refs`` (the caller reads them). Each
    candidate person's whole history is folded: the referral may be older than the period."""
    known = {str(r.get("id")) for r in refs}
    people = sorted({s["person_id"] for s in screens if needs_referral(s.get("outcome"))})
    candidates: set[str] = set()
    for i in range(0, len(people), _CHUNK):
        part = people[i:i + _CHUNK]
        for pid, rid in ctx.db.execute(
                "SELECT person_id, id FROM referrals WHERE kind = 'health' AND voided = 0 AND person_id IN "
                f"({', '.join('?' for _ in part)})", part):
            if rid not in known:
                candidates.add(pid)
    if not candidates:
        return []
    by_screen: dict[str, str] = {}
    types = ", ".join(f"'{t}'" for t in CASCADE_EVENT_TYPES)
    for pid in sorted(candidates):
        evs = list(ctx.store.events(where=f"entity_id = ? AND type IN ({types})", params=[pid]))
        try:
            folded, _ = inputs_from_events(evs, local_day=lambda at: str(at)[:10])
        except (KeyError, TypeError, ValueError, AttributeError):
            log.warning("tb cascade: a person's events have a shape the cascade cannot read; continuation left out")
            continue
        by_screen.update({str(f["id"]): str(f.get("continues") or "") for f in folded})
    out: list[str] = []
    for s in screens:
        cont = by_screen.get(str(s.get("id")), "")
        if cont:
            s["continues"] = cont
            if cont not in known and cont not in out:
                out.append(cont)
    return out

