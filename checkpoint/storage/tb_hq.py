"""The projection of ``tb.outcome_hq`` (issue 14): a TB referral's treatment recorded at HQ — the national TB register
number, the treatment start (date, facility) and the WHO outcome — by the clinic the referral is addressed to or an
HQ data manager (``sync.hq.tb_outcomes``). The device writes it on the referral as it writes its own referral update,
so the health post, the follow-up and the cascade show and count it.

Only HQ writes these (``checkpoint.events.HQ_ONLY_TYPES``): one that claims another author device, names no health
referral of this store, or carries anything but those fields in their shape is refused here (ValueError), so the sync
holds it aside and writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import sqlite_utils

from checkpoint.model.referral import TREATMENT_OUTCOMES
from checkpoint.partner_stages import HQ_DEVICE_ID
from checkpoint.storage.projections import _update

__all__ = ["HANDLERS"]

Event = dict[str, Any]
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TEXT = {"tb_register_number": 40, "treatment_facility": 120}


def _check(changes: Any) -> dict[str, Any]:
    if not isinstance(changes, dict) or not changes:
        raise ValueError("a TB outcome from HQ carries no changes")
    out: dict[str, Any] = {}
    for k, v in changes.items():
        if k in _TEXT:
            if not isinstance(v, str) or len(v) > _TEXT[k]:
                raise ValueError(f"a TB outcome from HQ has a bad {k}")
        elif k in ("treatment_started_at", "treatment_outcome_at"):
            if not isinstance(v, str) or not _DATE.fullmatch(v):
                raise ValueError(f"a TB outcome from HQ has a bad {k}")
        elif k == "treatment_outcome":
            if v not in TREATMENT_OUTCOMES:
                raise ValueError("a TB outcome from HQ has an outcome outside the WHO list")
        elif k == "status":
            if v != "treatment_started":
                raise ValueError("a TB outcome from HQ may only start treatment")
        else:
            raise ValueError("a TB outcome from HQ carries a field it may not change")
        out[k] = v
    return out


def _tb_outcome_hq(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    if ev["device_id"] != HQ_DEVICE_ID:
        raise ValueError("a TB outcome recorded at HQ must come from HQ")
    row = db.execute("SELECT kind FROM referrals WHERE id = ?", [str(p.get("referral_id"))]).fetchone()
    if row is None or row[0] != "health":
        raise ValueError("a TB outcome from HQ names no health referral of this store")
    _update(db, "referrals", p["referral_id"], {**_check(p.get("changes")), "updated_at": ev["recorded_at"]})


HANDLERS: dict[str, Callable[[sqlite_utils.Database, Event, dict[str, Any]], None]] = {
    "tb.outcome_hq": _tb_outcome_hq}
