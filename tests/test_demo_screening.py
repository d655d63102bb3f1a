"""Demo data for issue 12: the work abroad in officers' words follows Poipet's mix (not uniform over ISIC), the
pre-screen is asked of everyone, and part of a bus day's checklists are not asked (not screened)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from checkpoint.demo import arrivals
from checkpoint.screening.checklist import sector_for_work_type


def test_demo_work_types_follow_the_poipet_mix_and_map_to_their_sector() -> None:
    kws = [k for _, k in arrivals(2000, seed=7, now=datetime(2026, 11, 22, 1, tzinfo=UTC))]
    work = Counter(k["encounter"]["work_type"] for k in kws)
    assert work.most_common(1)[0][0] == "CONSTRUCTION_SITE"
    assert work["CONSTRUCTION_SITE"] > 3 * work["FISHING_BOAT"] > 0 and work["ONLINE_SCAM_COMPOUND"] > 0
    for k in kws:
        e = k["encounter"]
        if e["work_type"] != "OTHER_WORK":
            assert sector_for_work_type(e["work_type"]) == e["sector_of_work"]
    assert all(len(k["prescreen"]) == 8 for k in kws)
    asked = sum("answered_no" in k["trafficking"] for k in kws)
    assert 0.15 * len(kws) < asked < 0.9 * len(kws)
    flagged = [k for k in kws if "yes" in k["prescreen"].values()]
    assert flagged and all("answered_no" in k["trafficking"] for k in flagged)
