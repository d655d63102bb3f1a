"""What a mutating service call changed, so a screen redraws from facts (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Changes"]


@dataclass(frozen=True)
class Changes:
    persons: bool = False
    encounters: bool = False
    referrals: bool = False
    users: bool = False
    drafts: bool = False
    events: bool = False
    ids: dict[str, str] = field(default_factory=dict)

    def __or__(self, other: Changes) -> Changes:
        flags = {f: getattr(self, f) or getattr(other, f)
                 for f in ("persons", "encounters", "referrals", "users", "drafts", "events")}
        return Changes(**flags, ids={**self.ids, **other.ids})
