"""NEA's export on the device cuts the period at the checkpoint's local midnights (UTC+7), as HQ's does: a registration
at 00:30 local on the period's first day is in it (its UTC time is the evening before), one at 23:30 local on its last
day is in it, and the local minutes just outside are not — in the file the supervisor writes and in HQ's cut of the
same times (``checkpoint.nea_layout``, shared by both)."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta, timezone

from checkpoint.nea_layout import in_period, period_bounds

FORM = {"desired_job": "DRIVER", "phone": "012345678"}
LOCAL = timezone(timedelta(hours=7))
FIRST, LAST = date(2026, 12, 1), date(2026, 12, 3)
TIMES = {   # family name -> local registration time
    "BEFORE": datetime(2026, 11, 30, 23, 30, tzinfo=LOCAL),
    "FIRSTEARLY": datetime(2026, 12, 1, 0, 30, tzinfo=LOCAL),
    "FIRSTLATE": datetime(2026, 12, 1, 23, 30, tzinfo=LOCAL),
    "LASTEARLY": datetime(2026, 12, 3, 0, 30, tzinfo=LOCAL),
    "LASTLATE": datetime(2026, 12, 3, 23, 30, tzinfo=LOCAL),
    "AFTER": datetime(2026, 12, 4, 0, 30, tzinfo=LOCAL),
}
INSIDE = ["FIRSTEARLY", "FIRSTLATE", "LASTEARLY", "LASTLATE"]


def _register_at(s, clock, name: str, when: datetime) -> str:
    clock.set(when.astimezone(UTC))
    enc = s.arrivals.quick_register({"family_name": name, "given_names": "DARA", "sex": "F",
                                     "age_years": 30}).encounter_id
    s.nea.register(enc, FORM, consent={"granted": True})
    return s.store.db.execute("SELECT registered_at FROM nea_registrations WHERE encounter_id = ?",
                              [enc]).fetchone()[0]


def test_device_export_holds_the_local_days_first_and_last_included(supervisor, clock, tmp_path) -> None:
    stored = {name: _register_at(supervisor, clock, name, when) for name, when in TIMES.items()}
    assert stored["FIRSTEARLY"].startswith("2026-11-30T17:30")      # UTC text: the day before, as stored
    clock.set(datetime(2026, 12, 5, 2, 0, tzinfo=UTC))
    out = tmp_path / "nea.csv"
    done = supervisor.nea.export(FIRST, LAST, out)
    with out.open(encoding="utf-8-sig", newline="") as f:
        got = [r["family_name"] for r in csv.DictReader(f)]
    assert got == INSIDE
    assert done.rows == 4
    one_day = [r["family_name"] for r in supervisor.nea.rows(LAST, LAST)]
    assert one_day == ["LASTEARLY", "LASTLATE"]


def test_hq_cut_agrees_with_the_device_on_the_stored_times(supervisor, clock) -> None:
    """HQ parses the device's stored text with the same bounds (sync.hq.nea uses them): the same persons fall in."""
    stored = {name: _register_at(supervisor, clock, name, when) for name, when in TIMES.items()}
    clock.set(datetime(2026, 12, 5, 2, 0, tzinfo=UTC))
    bounds = period_bounds(FIRST, LAST, supervisor.site.tz)
    hq_side = [n for n, t in stored.items() if in_period(t, bounds)]
    device_side = [r["family_name"] for r in supervisor.nea.rows(FIRST, LAST)]
    assert hq_side == device_side == INSIDE
