"""The synthetic TB cascade set of issue 14 (tests/services/test_tb_cascade.py, tests/sync/test_tb_cascade_at_hq.py):
a recipe simple enough to count by hand, the expected table counted from the recipe (never from the code under test),
and the calls that record each person at the health post."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from checkpoint.screening.cascade import AGE_GROUPS, SEXES, STEPS
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
