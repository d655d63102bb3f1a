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
from typing import Final

__all__ = ["DEFAULT_STATIONS", "DEFAULT_STATION_ID", "DEFAULT_TB_MODE", "LOCAL_TZ", "META_DETENTION_ALONE",
           "META_XRAY_ON_SITE", "MSG_DETENTION_ALONE_WHY", "MSG_XRAY_ON_SITE_WHY", "SiteConfig"]

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
    # TB policy (issue 14, spec: "site settings, not code"): is a chest X-ray taken here, and does recent detention
    # alone send a person to it (only where the X-ray is on site). The defaults are the rule as it was before.
    xray_on_site: bool = True
    detention_alone_to_xray: bool = True
    # The triage stations this site runs (issue 11; codes of checkpoint.arrivals.codes.STATIONS), from the store's
    # meta value "stations" (comma-separated); all four by default.
    stations: tuple[str, ...] = DEFAULT_STATIONS

    @classmethod
    def from_meta(cls, meta: Callable[[str], str | None]) -> SiteConfig:
        """Read the site from a store's meta values (``Store.meta``); an empty or missing value is the default."""
        return cls(checkpoint_name=meta("checkpoint_name") or "",
                   station_id=meta("station_id") or DEFAULT_STATION_ID,
                   tb_mode=meta("tb_mode") or DEFAULT_TB_MODE,
                   xray_on_site=_flag(meta(META_XRAY_ON_SITE), True),
                   detention_alone_to_xray=_flag(meta(META_DETENTION_ALONE), True),
                   stations=_stations(meta("stations")))

    def tb_policy(self) -> dict[str, bool]:
        """The TB rule's site policy as ``checkpoint.screening.evaluate_tb`` takes it.

            >>> SiteConfig(xray_on_site=False).tb_policy()
            {'xray_on_site': False, 'detention_alone_to_xray': True}
        """
        return {"xray_on_site": self.xray_on_site, "detention_alone_to_xray": self.detention_alone_to_xray}


# ---------------------------------------------------------------------------------------------------------------
# The TB policy settings (issue 14): their store meta keys and the reasoning shown beside each one. The texts are
# translated in the UI (tools/core_messages.py collects MSG_ constants).
META_XRAY_ON_SITE = "tb_xray_on_site"
META_DETENTION_ALONE = "tb_detention_alone_to_xray"
MSG_XRAY_ON_SITE_WHY: Final = (
    "WHO (Module 2, 2021) ranks the chest X-ray as the most accurate screening test for TB disease: it also finds TB "
    "in people who have no symptoms yet. Where an X-ray is taken on site, a person can be X-rayed the same day; "
    "where it is not, a referral for an X-ray elsewhere is often never completed by people who leave the border "
    "the same day.")
MSG_DETENTION_ALONE_WHY: Final = (
    "WHO counts prisons and places of detention as settings with a high TB risk (incidence about 23 times that of "
    "the general population) and recommends systematic screening there. Almost everyone deported through this "
    "checkpoint has just left immigration detention, so counting detention alone sends nearly everyone to an "
    "X-ray: sensible where the X-ray is on site, not where each referral means a journey elsewhere. With this "
    "setting off, detention is still recorded, and a symptom or another risk factor still refers.")


def _flag(value: str | None, default: bool) -> bool:
    """A yes/no meta value ("1"/"0"); anything else is the default."""
    return {"1": True, "0": False}.get(value or "", default)


def _stations(value: str | None) -> tuple[str, ...]:
    """The stations a meta value names, in the default order, unknown codes left out; all four when none."""
    named = {v.strip() for v in (value or "").split(",")}
    return tuple(s for s in DEFAULT_STATIONS if s in named) or DEFAULT_STATIONS
