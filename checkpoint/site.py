"""The local settings of one checkpoint: its name, its station code, its TB screening policy and its time zone.

The one home of the local defaults (Poipet International Checkpoint, the "any symptom" TB screen, Cambodia time).
A store's own values are read once, when a user signs in, into an immutable :class:`SiteConfig` that the session
keeps as ``session.site``: screens read it without asking the store.

    >>> site = SiteConfig.from_meta({"checkpoint_name": "Poipet", "tb_mode": "prolonged_cough"}.get)
    >>> site.station_id, site.tb_mode, site.tz.utcoffset(None)
    ('POIPET_INTL_CHECKPOINT', 'prolonged_cough', datetime.timedelta(seconds=25200))

Raises nothing: a value the store does not hold is the default.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta, timezone, tzinfo

__all__ = ["DEFAULT_STATIONS", "DEFAULT_STATION_ID", "DEFAULT_TB_MODE", "LOCAL_TZ", "SiteConfig"]

# Cambodia keeps UTC+7 all year (no daylight saving); used for "today" figures, ages at arrival and slips.
LOCAL_TZ = timezone(timedelta(hours=7), "ICT")
DEFAULT_STATION_ID = "POIPET_INTL_CHECKPOINT"
DEFAULT_TB_MODE = "any_symptom"
DEFAULT_STATIONS = ("INTERVIEW_ROOM", "HEALTH_POST", "NEA_DESK", "ASSISTANCE_DESK")


@dataclass(frozen=True)
class SiteConfig:
    """Where this store is used. ``tz`` is the local time zone (the store does not record one)."""

    checkpoint_name: str = ""
    station_id: str = DEFAULT_STATION_ID
    tb_mode: str = DEFAULT_TB_MODE
    tz: tzinfo = LOCAL_TZ
    # The triage stations this site runs (issue 11; codes of checkpoint.arrivals.codes.STATIONS), from the store's
    # meta value "stations" (comma-separated); all four by default.
    stations: tuple[str, ...] = DEFAULT_STATIONS

    @classmethod
    def from_meta(cls, meta: Callable[[str], str | None]) -> SiteConfig:
        """Read the site from a store's meta values (``Store.meta``); an empty or missing value is the default."""
        return cls(checkpoint_name=meta("checkpoint_name") or "",
                   station_id=meta("station_id") or DEFAULT_STATION_ID,
                   tb_mode=meta("tb_mode") or DEFAULT_TB_MODE,
                   stations=_stations(meta("stations")))


def _stations(value: str | None) -> tuple[str, ...]:
    """The stations a meta value names, in the default order, unknown codes left out; all four when none."""
    named = {v.strip() for v in (value or "").split(",")}
    return tuple(s for s in DEFAULT_STATIONS if s in named) or DEFAULT_STATIONS
