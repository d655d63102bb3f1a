"""Where the report pages get their figures: ONE function, ``report``, over HQ's reports (``sync.hq.reports
.build_report``), so a page shows exactly what ``checkpoint-hq report`` prints for the same period, checkpoints and
threshold (a test compares them).

A page is one section of the report broken down by one dimension (``DIMENSION_LABELS``): one row per category,
one column per indicator (``KINDS``), the total below. Small cells are withheld by the report itself (``None``,
shown as "<k"). Who may see which threshold (``thresholds_for``): everyone with the reports sees the internal
threshold (5) or the publication threshold (11); only a data manager may ask for the unsuppressed figures on screen
(issue 15: cells are suppressed "in anything shown to analysts or exported as aggregate"); a downloaded file is an
aggregate export, so it is never below the internal threshold, whoever asks.
"""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass, field
from datetime import date
from typing import Final

import sqlalchemy as sa

from sync.hq.reports import (
    ASSISTANCE_DIMENSIONS,
    ASSISTANCE_INDICATORS,
    FORMATS,
    INTERNAL,
    NEA_DIMENSIONS,
    NEA_INDICATORS,
    PUBLICATION,
    TB_DIMENSIONS,
    TB_INDICATORS,
    FactsCache,
    Period,
    Report,
    build_report,
    export_bytes,
)
from sync.hq.store import HQStore, checkpoints

__all__ = [
    "AGENCY_LABELS",
    "DIMENSION_LABELS",
    "FORMATS",
    "INDICATOR_LABELS",
    "KINDS",
    "REPORTS",
    "SERVICE_DIMENSION_LABELS",
    "THRESHOLDS",
    "ReportTable",
    "agency_table",
    "build",
    "checkpoint_choices",
    "dimensions_for",
    "download",
    "full",
    "report",
    "table_of",
    "thresholds_for",
    "valid_period",
]

# Report kind -> (title, the section of sync.hq.reports it shows, "" for none yet)
REPORTS: Final[dict[str, tuple[str, str]]] = {
    "arrivals": ("Arrivals", "arrivals"),
    "trafficking": ("Trafficking screening and referrals", "arrivals"),
    "tb": ("TB cascade", "tb"),
    "assistance": ("Assistance", "assistance"),
    "nea": ("NEA registrations", "nea"),
}
# Report kind -> the indicators it shows, in order (indicators a dimension does not have are left out).
KINDS: Final[dict[str, tuple[str, ...]]] = {
    "arrivals": ("arrivals", "persons", "child_protection", "referrals"),
    "trafficking": ("trafficking_screened", "trafficking_not_screened", "trafficking_indicators",
                    "trafficking_safety_referrals", "referrals_protection", "referrals_child_protection"),
    "tb": TB_INDICATORS,
    "assistance": ASSISTANCE_INDICATORS,
    "nea": NEA_INDICATORS,
}
INDICATOR_LABELS: Final[dict[str, str]] = {
    "arrivals": "Arrivals", "persons": "Persons", "child_protection": "Child protection concern",
    "referrals": "Referrals", "trafficking_screened": "Screened for trafficking",
    "trafficking_not_screened": "Not screened", "trafficking_indicators": "Trafficking indicators present",
    "trafficking_safety_referrals": "Safety-rule referrals",
    "referrals_protection": "Referred for protection", "referrals_child_protection": "Referred for child protection",
    "referrals_health": "Referred for health",
    # the TB cascade (checkpoint.screening.cascade.STEPS)
    "screened": "Screened for TB", "presumptive": "Presumptive TB", "x_rayed": "Chest X-ray done",
    "xray_abnormal": "Chest X-ray suggestive of TB", "sputum_collected": "Sputum collected",
    "xpert_done": "Xpert test done", "tb_diagnosed": "Diagnosed with TB",
    "bact_confirmed": "Bacteriologically confirmed",
    "clinically_diagnosed": "Clinically diagnosed", "rif_resistant": "Rifampicin resistant",
    "treatment_started": "Treatment started", "initial_loss_to_follow_up": "Diagnosed, treatment not started",
    # assistance (sync.hq.service_facts: handings-out, voids left out) and NEA job registrations
    "assistance_given": "Assistance given", "assistance_persons": "Persons assisted",
    "assistance_food_water": "Food and water", "assistance_non_food": "Non-food items",
    "assistance_transport": "Transport", "assistance_cash": "Cash", "assistance_shelter": "Shelter",
    "assistance_medical": "Medical", "assistance_other": "Other assistance",
    "nea_registrations": "NEA registrations", "nea_persons": "Persons registered with NEA",
}
DIMENSION_LABELS: Final[dict[str, str]] = {
    "checkpoint": "Checkpoint", "sex": "Sex", "sex_age": "Men, women, boys and girls", "age_group": "Age group",
    "province": "Province of destination", "district": "District of destination", "country": "Country of return",
    "return_type": "Return type", "sector": "Sector", "exploitation": "Type of exploitation",
}
# The breakdowns only the assistance and NEA reports have (sync.hq.reports.ASSISTANCE_DIMENSIONS, NEA_DIMENSIONS).
SERVICE_DIMENSION_LABELS: Final[dict[str, str]] = {
    "kind": "Kind of assistance", "provider": "Provider", "desired_sector": "Sector wanted",
    "desired_job": "Job wanted", "desired_province": "Province wanted for work", "education": "Education",
    "abroad_again": "Would work abroad again",
}
_OWN_DIMENSIONS: Final[dict[str, tuple[str, ...]]] = {"assistance": ASSISTANCE_DIMENSIONS, "nea": NEA_DIMENSIONS}


def dimensions_for(kind: str) -> dict[str, str]:
    """The breakdowns the report ``kind`` offers (dimension -> label), in order: every dimension of the arrivals'
    cube for arrivals, trafficking and TB; the assistance and NEA reports their own (sex, age, province of
    destination and checkpoint as the others; kind and provider; the NEA form's codes)."""
    own = _OWN_DIMENSIONS.get(kind)
    if own is None:
        return dict(DIMENSION_LABELS)
    labels = {**DIMENSION_LABELS, **SERVICE_DIMENSION_LABELS}
    return {d: labels[d] for d in own if d != "total"}

# view -> threshold; "none" only for roles in UNSUPPRESSED_ROLES, and never for a download
THRESHOLDS: Final[dict[str, int]] = {"internal": INTERNAL, "publication": PUBLICATION, "none": 0}
UNSUPPRESSED_ROLES: Final = frozenset({"data_manager"})
_PERIOD = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


@dataclass(frozen=True)
class ReportTable:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]
    technical: bool = False              # kept for the page: True would mean counts that are not indicators
    note: str = ""
    totals: tuple[str | int, ...] = field(default_factory=tuple)
    threshold: int = INTERNAL
    stale_since: str = ""


def valid_period(value: str | None) -> str | None:
    """``YYYY-MM`` or None."""
    return value if value and _PERIOD.fullmatch(value) else None


def thresholds_for(role: str) -> tuple[str, ...]:
    """The views ``role`` may choose on screen (the first is its default)."""
    return ("internal", "publication", "none") if role in UNSUPPRESSED_ROLES else ("internal", "publication")


def checkpoint_choices(store: HQStore) -> list[tuple[str, str]]:
    """(id, name) of every checkpoint HQ knows, by name."""
    with store.read() as conn:
        return [(str(i), str(n)) for i, n in conn.execute(sa.select(checkpoints.c.id, checkpoints.c.name)
                                                          .order_by(checkpoints.c.name))]


# One cache of fact reads per store the server opened (``reports.FactsCache``: kept for the facts' version, so a
# batch, a release or a rebuild makes the next page read the facts again); gone with the store.
_CACHES: weakref.WeakKeyDictionary[HQStore, FactsCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def _cache(store: HQStore) -> FactsCache:
    with _CACHES_LOCK:
        got = _CACHES.get(store)
        if got is None:
            got = _CACHES[store] = FactsCache()
        return got


def build(store: HQStore, period: str, checkpoint_ids: list[str], dimension: str, threshold: int,
          sections: tuple[str, ...] | None = None, *, persons: bool = True) -> Report:
    """The report of ``sync.hq.reports`` for the month, these checkpoints (ids; empty: all), one dimension and
    the total (only ``sections`` if given: a page does not count the TB cascade it does not show; ``persons``
    False: nor the distinct persons), its reads of the facts kept for the facts' version (``_cache``)."""
    names = dict(checkpoint_choices(store))
    y, m = int(period[:4]), int(period[5:7])
    p = Period(date(y, m, 1), date(y + (m == 12), m % 12 + 1, 1), period)
    with store.read() as conn:
        return build_report(conn, p, checkpoints=[names[i] for i in checkpoint_ids if i in names],
                            threshold=threshold, dimensions=[dimension, "total"], sections=sections,
                            persons=persons, cache=_cache(store))


def _shown(v: int | None, threshold: int) -> str | int:
    return f"<{threshold}" if v is None else v


def table_of(rep: Report, kind: str, dimension: str) -> ReportTable:
    """The page's table: one row per category of ``dimension``, one column per indicator of ``kind``."""
    title, section = REPORTS[kind]
    if not section:
        return ReportTable(title, (), (), threshold=rep.threshold,
                           note="HQ does not compute this report yet: its events do not reach HQ's reporting facts.")
    dimension_label = {**DIMENSION_LABELS, **SERVICE_DIMENSION_LABELS}[dimension]
    data = rep.to_dict()["sections"].get(section, {})
    cats = data.get(dimension, {})
    total = data.get("total", {}).get("all", {})
    # only the indicators the dimension has ("persons" is by total and checkpoint only)
    inds = tuple(i for i in KINDS[kind] if any(i in v for v in (cats.values() if cats else (total,))))
    columns = (dimension_label, *(INDICATOR_LABELS[i] for i in inds))
    rows = tuple((cat, *(_shown(cats[cat].get(i, 0), rep.threshold) for i in inds)) for cat in sorted(cats))
    totals = ("Total", *(_shown(total.get(i, 0), rep.threshold) for i in inds))
    note = ""
    if section == "tb" and dimension not in TB_DIMENSIONS:
        note = "The TB cascade is broken down by checkpoint, sex and age group only."
    return ReportTable(title, columns, rows, totals=totals, threshold=rep.threshold, stale_since=rep.stale_since,
                       note=note)


def report(store: HQStore, kind: str, period: str, checkpoint_ids: list[str], dimension: str = "checkpoint",
           threshold: int = INTERNAL) -> ReportTable:
    """The report ``kind`` for the month ``period`` (YYYY-MM) and these checkpoints (ids; empty: all)."""
    title, section = REPORTS[kind]
    if not section:
        return ReportTable(title, (), (), threshold=threshold,
                           note="HQ does not compute this report yet: its events do not reach HQ's reporting facts.")
    return table_of(build(store, period, checkpoint_ids, dimension, threshold, (section,),
                          persons="persons" in KINDS[kind]), kind, dimension)


def download(store: HQStore, period: str, checkpoint_ids: list[str], dimension: str, view: str, fmt: str
             ) -> tuple[bytes, int, int]:
    """The file of the report (every section, this dimension and the total) as ``sync.hq.reports`` writes it:
    (bytes, rows, threshold). An aggregate export: never below the internal threshold, whatever the view."""
    threshold = max(THRESHOLDS[view], INTERNAL)
    rep = build(store, period, checkpoint_ids, dimension, threshold)
    data, rows = export_bytes(rep, fmt)
    return data, rows, threshold


# The monthly PDF (sync.hq.web.report_pdf) shows every page's tables from ONE report of every section and dimension.
AGENCY_LABELS: Final[dict[str, str]] = {
    "by_agency": "Referrals by agency and outcome",
    "trafficking_by_agency": "Referrals of arrivals with trafficking indicators, by agency and outcome",
}


def full(store: HQStore, period: Period, checkpoint_names: list[str], threshold: int) -> Report:
    """The whole report of ``sync.hq.reports`` (every section, every dimension) for ``period`` and these
    checkpoints (names, as HQ spells them; empty: all; an unknown one is a ValidationError), cells under
    ``threshold`` withheld; its reads of the facts kept like the pages' (``_cache``)."""
    with store.read() as conn:
        return build_report(conn, period, checkpoints=checkpoint_names, threshold=threshold, cache=_cache(store))


def agency_table(rep: Report, dimension: str) -> ReportTable:
    """The referrals section (``by_agency`` or ``trafficking_by_agency``): one row per referral kind, agency and
    outcome (the referral's latest status), as the report holds it."""
    cats = rep.to_dict()["sections"].get("referrals", {}).get(dimension, {})
    rows = tuple((*[*cat.split("/", 2), "", ""][:3], _shown(cats[cat].get("referrals", 0), rep.threshold))
                 for cat in sorted(cats))
    return ReportTable(AGENCY_LABELS[dimension], ("Referral", "Agency", "Outcome", "Referrals"), rows,
                       threshold=rep.threshold, stale_since=rep.stale_since)
