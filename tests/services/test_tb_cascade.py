"""Issue 14 point 4, must-show: the TB cascade of a known synthetic set of 600 persons (plus persons it must leave
out) equals the expected table exactly — on the device (``session.health.cascade``) and as HQ derives it from the
events it receives (``checkpoint.screening.cascade.inputs_from_events``, storage-free).

The set follows a recipe simple enough to count by hand (the totals below are worked out in the comments); the
breakdowns by sex and age group are counted again here from the recipe, not from the code under test.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from checkpoint.errors import PermissionDenied, ValidationError
from checkpoint.screening.cascade import AGE_GROUPS, SEXES, STEPS, inputs_from_events, tb_cascade
from checkpoint.services.outbox import wire_event
from checkpoint.site import LOCAL_TZ
from tests.support.helpers import adult

N = 600


def recipe(i: int) -> dict[str, Any]:
    """Person i of the set: who they are, what the screen finds, how far the pathway went."""
    k = i // 4
    screen = ("presumptive", "high_risk", "negative", "negative")[i % 4]
    depth = k % 10 if screen == "presumptive" else (1 if screen == "high_risk" and k % 5 == 0 else 0)
    return {"sex": "X" if i % 30 == 29 else ("F" if i % 3 == 0 else "M"), "age": 15 + i % 40, "screen": screen,
            "depth": depth}


def expected_flags(p: dict[str, Any]) -> dict[str, int]:
    """What each step should count for one person, read off the recipe (see ``pathway`` for what is recorded)."""
    d, pres = p["depth"], p["screen"] == "presumptive"
    bact = pres and d in (5, 6, 7, 8, 9)
    clinical = pres and d == 3
    started = pres and d in (3, 5, 6, 7, 9)
    return {"screened": 1, "presumptive": int(pres), "x_rayed": int(d >= 1),
            "xray_abnormal": int(pres and d >= 2), "sputum_collected": int(pres and d >= 3),
            "xpert_done": int(pres and d >= 4), "tb_diagnosed": int(bact or clinical), "bact_confirmed": int(bact),
            "clinically_diagnosed": int(clinical), "rif_resistant": int(pres and d == 9),
            "treatment_started": int(started), "initial_loss_to_follow_up": int((bact or clinical) and not started)}


def expected_table(people: list[dict[str, Any]]) -> dict[str, Any]:
    def table(sel: list[dict[str, Any]]) -> dict[str, Any]:
        c: Counter[str] = Counter()
        for p in sel:
            c.update(expected_flags(p))
        t = {s: c[s] for s in STEPS}
        t["nns"] = round(t["screened"] / t["tb_diagnosed"], 1) if t["tb_diagnosed"] else None
        return t

    def group(p: dict[str, Any]) -> str:
        return {0: "15-24", 1: "25-34", 2: "35-44", 3: "45-54"}[(p["age"] - 15) // 10]

    return {"total": table(people),
            "by_sex": {s: table([p for p in people if p["sex"] == s]) for s in SEXES},
            "by_age_group": {g: table([p for p in people if group(p) == g]) for g in AGE_GROUPS}}


# By hand, over the 600: a quarter presumptive (i % 4 == 0) = 150, each with k = i // 4 running 0..149 so every
# depth 0..9 occurs 15 times. X-rayed: presumptive depth >= 1 (135) + high risk with k % 5 == 0 (150 / 5 = 30) = 165.
# Abnormal: depth >= 2 = 120. Sputum: depth >= 3 = 105. Xpert: depth >= 4 = 90. Bacteriologically confirmed: depth
# 5-9 = 75; clinical: depth 3 = 15; diagnosed 90. RIF resistant: depth 9 = 15. Started: depths 3, 5, 6, 7, 9 = 75.
# Initial loss to follow-up: depth 8 = 15. NNS = 600 / 90 = 6.7.
HAND_TOTAL = {"screened": 600, "presumptive": 150, "x_rayed": 165, "xray_abnormal": 120, "sputum_collected": 105,
              "xpert_done": 90, "tb_diagnosed": 90, "bact_confirmed": 75, "clinically_diagnosed": 15,
              "rif_resistant": 15, "treatment_started": 75, "initial_loss_to_follow_up": 15, "nns": 6.7}


def register(officer: Any, i: int, p: dict[str, Any], today: date) -> Any:
    letters = "".join("ABCDEFGHIJ"[int(c)] for c in f"{i:05d}")          # names are Latin letters only
    return officer.registrations.register(
        person=adult(family_name=f"CASCADE {letters}", id_document_number=f"C{i:07d}", sex=p["sex"],
                     date_of_birth=f"{today.year - p['age']}-01-15", phone=""),
        encounter={"return_type": "DEPORTED_G2G"}, consents={"screening": True, "storage": True})


def pathway(hw: Any, enc: str, p: dict[str, Any], today: date) -> None:
    """Record person p's screen and pathway at the health post as the recipe says."""
    answers = {"presumptive": {"cough": True, "cough_days": 20}, "high_risk": {"diabetes": True},
               "negative": {}}[p["screen"]]
    d = p["depth"]
    cxr = None if d == 0 else {"cxr_result": "NORMAL" if d == 1 else "ABNORMAL_SUGGESTIVE"}
    rid = hw.health.screen(enc, answers, consent=True, cxr=cxr).referral_id
    day = today.isoformat()
    if d >= 3:
        hw.health.record(rid, {"sputum_collected_at": day, "sputum_specimen_id": f"S{enc[:8]}"})
    if d == 3:
        hw.health.record(rid, {"diagnosis": "CLINICALLY_DIAGNOSED"})
    if d >= 4:
        xpert = {4: "MTB_NOT_DETECTED", 9: "MTB_DETECTED_RIF_DETECTED"}.get(d, "MTB_DETECTED_RIF_NOT_DETECTED")
        hw.health.record(rid, {"xpert_result": xpert, "diagnosis": "NOT_TB" if d == 4 else "BACT_CONFIRMED"})
    if d in (3, 5, 6, 7, 9):
        hw.health.record(rid, {"treatment_started_at": day})


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
