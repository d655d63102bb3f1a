"""``cascade.screen_steps`` (what HQ keeps per person's only TB screen at ingest) counts exactly what ``tb_cascade``
counts for that screen alone in a one-day period: a report summing the kept steps must equal the cascade."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from checkpoint.screening.cascade import STEPS, screen_steps, tb_cascade

OUTCOMES = ("PRESUMPTIVE_TB_REFER", "HIGH_RISK_REFER", "SCREEN_NEGATIVE", "", None)
DAYS = ("2026-11-22", "2026-11-23", "20261122", "2026-11-22T09:00", "", None)
STATUSES = ("referred", "arrived", "cxr_done", "xpert_done", "diagnosed", "treatment_started", "lost_to_follow_up")


def _maybe(rng: random.Random, *values: Any) -> Any:
    return rng.choice(values)


def _case(rng: random.Random) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    screen = {"id": "s1", "person_id": _maybe(rng, "p1", "p1", "p2"), "encounter_id": _maybe(rng, "e1", "e2"),
              "screened_on": _maybe(rng, *DAYS), "outcome": _maybe(rng, *OUTCOMES), "age": _maybe(rng, 30, None),
              "sex": _maybe(rng, "F", "M", "Q"), "continues": _maybe(rng, "", "r0", "r9", None)}
    if rng.random() < 0.1:
        screen["voided"] = True
    refs = []
    for n in range(rng.randrange(4)):
        refs.append({"id": _maybe(rng, f"r{n}", "r0"), "person_id": _maybe(rng, "p1", "p1", "p2"),
                     "encounter_id": _maybe(rng, "e1", "e1", "e3"), "kind": _maybe(rng, "health", "", None,
                                                                                      "protection"),
                     "status": _maybe(rng, *STATUSES), "cxr_result": _maybe(rng, "", "ABNORMAL_SUGGESTIVE", "NORMAL"),
                     "sputum_collected_at": _maybe(rng, "", "2026-11-24"),
                     "xpert_result": _maybe(rng, "", "MTB_DETECTED_RIF_DETECTED", "MTB_NOT_DETECTED"),
                     "diagnosis": _maybe(rng, "", "BACT_CONFIRMED", "CLINICALLY_DIAGNOSED", "NOT_TB"),
                     "treatment_started_at": _maybe(rng, "", "2026-11-30"), "voided": rng.random() < 0.1})
    return screen, refs


def test_screen_steps_counts_what_the_cascade_counts_for_one_screen_alone() -> None:
    rng = random.Random(14)
    compared = counted = 0
    for _ in range(4000):
        screen, refs = _case(rng)
        try:
            day = date.fromisoformat(str(screen["screened_on"]))
        except ValueError:
            continue
        whole = tb_cascade([screen], refs, start=day, end=day)["total"]
        assert screen_steps(screen, refs, day) == {k: whole[k] for k in STEPS}, (screen, refs)
        compared += 1
        counted += whole["screened"]
    # the cases cover screens the period counts and screens it leaves out (voided, another day's text)
    assert compared > 1000 and 0 < counted < compared, (compared, counted)


def test_screen_steps_of_a_diagnosed_presumptive_screen() -> None:
    screen = {"id": "s1", "person_id": "p1", "encounter_id": "e1", "screened_on": "2026-11-22",
              "outcome": "PRESUMPTIVE_TB_REFER", "age": 40, "sex": "F", "continues": ""}
    ref = {"id": "r1", "person_id": "p1", "encounter_id": "e1", "kind": "health", "status": "diagnosed",
           "cxr_result": "ABNORMAL_SUGGESTIVE", "xpert_result": "MTB_DETECTED_RIF_NOT_DETECTED",
           "diagnosis": "BACT_CONFIRMED"}
    steps = screen_steps(screen, [ref], date(2026, 11, 22))
    assert (steps["screened"], steps["presumptive"], steps["x_rayed"], steps["tb_diagnosed"],
            steps["initial_loss_to_follow_up"], steps["treatment_started"]) == (1, 1, 1, 1, 1, 0)
    assert screen_steps(screen, [ref], date(2026, 11, 23))["screened"] == 0     # another day: not in the period
