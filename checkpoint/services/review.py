"""A supervisor's review of arrivals: what is waiting, and approving one or many.

    >>> waiting = session.review.pending()          # oldest first, with who registered each          # doctest: +SKIP
    >>> result = session.review.approve_many([w.encounter_id for w in waiting])                        # doctest: +SKIP
    >>> result.approved, result.failed, result.changes.encounters                                      # doctest: +SKIP

Raises PermissionDenied (only supervisors review), NotFound, ConflictError (already approved, or voided);
``approve_many`` does not raise for one arrival: it reports each refusal in ``failed``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from checkpoint.errors import CheckpointError, ConflictError
from checkpoint.model.roles import Permission
from checkpoint.services.base import Context, row_dicts
from checkpoint.services.changes import Changes

__all__ = ["ApproveResult", "PendingArrival", "Review"]


@dataclass(frozen=True)
class PendingArrival:
    """An arrival waiting for review. ``officer`` is the registering officer's display name (or user name)."""

    encounter_id: str
    person_id: str
    arrival_at: str
    officer_id: str
    officer: str
    family_name: str
    given_names: str
    name_khmer: str


@dataclass(frozen=True)
class ApproveResult:
    """What ``approve_many`` did: the ids approved and, for the others, the error that refused them."""

    changes: Changes
    approved: tuple[str, ...]
    failed: tuple[tuple[str, CheckpointError], ...] = field(default=())


class Review:
    """``session.review``: the supervisor's review queue."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def approve(self, encounter_id: str) -> Changes:
        """A supervisor's review of an arrival."""
        ctx = self._ctx
        ctx.require(Permission.APPROVE)
        e = ctx.encounter(encounter_id)
        if e["review_status"] == "approved":
            raise ConflictError("This arrival is already approved.")
        if e["voided"]:
            raise ConflictError("This arrival was voided.")
        with ctx.store.write():
            ctx.store.record("encounter.approved", "person", e["person_id"], {"encounter_id": e["id"]},
                             author=ctx.user.id)
        return Changes(encounters=True, events=True, ids={"person": e["person_id"]})

    def approve_many(self, encounter_ids: Iterable[str]) -> ApproveResult:
        """Approve each arrival (one transaction each); a refused one does not stop the others."""
        changes, approved, failed = Changes(), [], []
        for eid in encounter_ids:
            try:
                changes = changes | self.approve(eid)
                approved.append(eid)
            except CheckpointError as e:
                failed.append((eid, e))
        return ApproveResult(changes, tuple(approved), tuple(failed))

    def pending(self, *, limit: int = 200) -> list[PendingArrival]:
        """Arrivals waiting for review, oldest first (at most ``limit``), each with the registering officer."""
        ctx = self._ctx
        ctx.require(Permission.APPROVE)
        rows = row_dicts(ctx.db.execute(
            "SELECT e.id AS encounter_id, e.person_id, e.arrival_at, e.officer_id, "
            "coalesce(nullif(u.display_name, ''), u.username, '') AS officer, p.family_name, p.given_names, "
            "p.name_khmer FROM encounters e JOIN persons p ON p.id = e.person_id "
            "LEFT JOIN users u ON u.id = e.officer_id "
            "WHERE e.review_status = 'pending' AND e.voided = 0 ORDER BY e.arrival_at LIMIT ?", [limit]))
        ctx.audit_read("review", len({r["person_id"] for r in rows}))
        return [PendingArrival(**r) for r in rows]
