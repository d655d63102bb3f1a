"""Issue 14 point 4, must-show: the TB cascade of a known synthetic set of 600 persons (plus persons it must leave
out) equals the expected table exactly — on the device (``session.health.cascade``) and as HQ derives it from the
events it receives (``checkpoint.screening.cascade.inputs_from_events``, storage-free).

The set follows a recipe simple enough to count by hand (the totals below are worked out in the comments); the
breakdowns by sex and age group are counted again here from the recipe, not from the code under test.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from checkpoint.errors import PermissionDenied, ValidationError
from checkpoint.screening.cascade import inputs_from_events, tb_cascade
from checkpoint.services.outbox import wire_event
from checkpoint.site import LOCAL_TZ
from tests.support.tb_cascade_set import HAND_TOTAL, N, expected_table, pathway, recipe, register


@pytest.fixture
def world(supervisor, sign_in, clock) -> dict[str, Any]:
    sokha, thida = sign_in("sokha"), sign_in("thida")
    start = clock.now().astimezone(LOCAL_TZ).date()
    people = [recipe(i) for i in range(N)]
    # Left out: 20 persons screened (presumptive, treated) the day before the period; 6 whose only screen was
    # voided; 4 whose arrival was voided.
    clock.set(clock.now() - timedelta(days=1))
    before = clock.now().astimezone(LOCAL_TZ).date()
    early = {"sex": "F", "age": 30, "screen": "presumptive", "depth": 5}
    with sokha.batch():                 # one transaction per session (each holds its own connection)
        regs = [register(sokha, 10_000 + j, early, before) for j in range(20)]
    with thida.batch():
        for reg in regs:
            pathway(thida, reg.encounter_id, early, before)
    clock.set(clock.now() + timedelta(days=1))
    extra = {"sex": "M", "age": 40, "screen": "presumptive", "depth": 9}
    with sokha.batch():
        regs = [register(sokha, i, p, start) for i, p in enumerate(people)]
        extras = [register(sokha, 20_000 + j, extra, start) for j in range(10)]
    with thida.batch():
        for reg, p in zip(regs, people, strict=True):
            pathway(thida, reg.encounter_id, p, start)
        for reg in extras:
            pathway(thida, reg.encounter_id, extra, start)
    voided_screens = [supervisor.health.person(r.person_id).screens[0]["id"] for r in extras[:6]]
    voided_arrivals = [r.encounter_id for r in extras[6:]]
    for sid in voided_screens:
        supervisor.corrections.void("tb_screening", sid, "screened the wrong person")
    for eid in voided_arrivals:
        supervisor.corrections.void("encounter", eid, "registered twice")
    clock.advance(days=30)
    return {"people": people, "start": start, "thida": thida, "sokha": sokha}


def test_the_cascade_of_the_synthetic_set_equals_the_expected_table(supervisor, world) -> None:
    start = world["start"]
    expected = expected_table(world["people"])
    assert expected["total"] == HAND_TOTAL                         # the recipe counts as worked out by hand
    device = world["thida"].health.cascade(start, start + timedelta(days=6))
    assert {k: device[k] for k in ("total", "by_sex", "by_age_group")} == expected
    assert (device["from"], device["to"]) == (start.isoformat(), (start + timedelta(days=6)).isoformat())
    assert supervisor.health.cascade(start, start) == device | {"to": start.isoformat()}

    # HQ: the same figures from the events as they travel (wire form), with no store and no services.
    def local_day(at: str) -> str:
        return datetime.fromisoformat(at).astimezone(LOCAL_TZ).date().isoformat()

    events = [wire_event(e) for e in supervisor.store.events()]
    assert all(isinstance(e["payload"], str) for e in events)
    screens, referrals = inputs_from_events(events, local_day=local_day)
    at_hq = tb_cascade(screens, referrals, start=start, end=start + timedelta(days=6))
    assert at_hq == device


def test_the_day_before_is_another_period(world) -> None:
    day_before = world["start"] - timedelta(days=1)
    c = world["thida"].health.cascade(day_before, day_before)
    assert (c["total"]["screened"], c["total"]["presumptive"], c["total"]["bact_confirmed"],
            c["total"]["treatment_started"], c["total"]["nns"]) == (20, 20, 20, 20, 1.0)
    assert c["by_sex"]["F"]["screened"] == 20 and c["by_age_group"]["25-34"]["screened"] == 20


def test_who_sees_the_cascade_and_bad_periods(world, sign_in) -> None:
    with pytest.raises(PermissionDenied):
        world["sokha"].health.cascade(world["start"], world["start"])
    with pytest.raises(PermissionDenied):
        sign_in("rith").health.cascade(world["start"], world["start"])
    with pytest.raises(ValidationError):
        world["thida"].health.cascade(world["start"], world["start"] - timedelta(days=1))
    with pytest.raises(ValidationError):
        world["thida"].health.cascade("2026-11-22", world["start"])    # type: ignore[arg-type]


def test_the_cascade_counts_a_person_once_and_keeps_the_presumptive_screen() -> None:
    screens = [
        {"person_id": "p", "encounter_id": "e1", "screened_on": "2026-11-02", "outcome": "SCREEN_NEGATIVE",
         "age": 3, "sex": "F"},
        {"person_id": "p", "encounter_id": "e2", "screened_on": "2026-11-09", "outcome": "PRESUMPTIVE_TB_REFER",
         "age": 4, "sex": "F"},
        {"person_id": "q", "encounter_id": "e3", "screened_on": "2026-11-09", "outcome": "PRESUMPTIVE_TB_REFER",
         "age": None, "sex": "??"},
    ]
    refs = [{"person_id": "p", "encounter_id": "e2", "kind": "health", "xpert_result": "MTB_DETECTED_TRACE",
             "diagnosis": "CLINICALLY_DIAGNOSED", "treatment_started_at": "2026-11-12"},
            {"person_id": "p", "encounter_id": "e2", "kind": "child_protection", "diagnosis": "BACT_CONFIRMED"},
            {"person_id": "q", "encounter_id": "e9", "kind": "health", "diagnosis": "BACT_CONFIRMED"},
            {"person_id": "q", "encounter_id": "e3", "kind": "health", "diagnosis": "BACT_CONFIRMED", "voided": 1}]
    c = tb_cascade(screens, refs, start=date(2026, 11, 1), end=date(2026, 11, 30))
    assert {k: c["total"][k] for k in ("screened", "presumptive", "xpert_done", "tb_diagnosed",
                                       "clinically_diagnosed", "bact_confirmed", "treatment_started")} == {
        "screened": 2, "presumptive": 2, "xpert_done": 1, "tb_diagnosed": 1, "clinically_diagnosed": 1,
        "bact_confirmed": 0, "treatment_started": 1}
    assert c["by_age_group"]["0-4"]["screened"] == 1 and c["by_age_group"]["unknown"]["screened"] == 1
    assert c["by_sex"]["UNKNOWN"]["screened"] == 1
    assert tb_cascade(screens, refs, start=date(2026, 11, 3), end=date(2026, 11, 8))["total"]["screened"] == 0
    with pytest.raises(ValueError):
        tb_cascade([], [], start=date(2026, 11, 2), end=date(2026, 11, 1))
    assert json.loads(json.dumps(c)) == c                          # plain data: HQ can store and send it


def test_a_stage_moved_without_its_result_still_counts() -> None:
    """The follow-up screen lets a stage move without the result (a facility that reported "X-ray done" only)."""
    screens = [{"person_id": p, "encounter_id": p, "screened_on": "2026-11-05", "outcome": "PRESUMPTIVE_TB_REFER",
                "age": 30, "sex": "M"} for p in ("a", "b", "c", "d")]
    refs = [{"person_id": "a", "encounter_id": "a", "kind": "health", "status": "cxr_done"},
            {"person_id": "b", "encounter_id": "b", "kind": "health", "status": "xpert_done"},
            {"person_id": "c", "encounter_id": "c", "kind": "health", "status": "treatment_started",
             "diagnosis": "CLINICALLY_DIAGNOSED"},
            {"person_id": "d", "encounter_id": "d", "kind": "health", "status": "referred"}]
    t = tb_cascade(screens, refs, start=date(2026, 11, 1), end=date(2026, 11, 30))["total"]
    assert (t["x_rayed"], t["xpert_done"], t["treatment_started"], t["initial_loss_to_follow_up"]) == (1, 1, 1, 0)
