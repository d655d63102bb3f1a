"""The TB screening cascade (WHO screening handbook §4.1, issue 14): pure counting over plain dicts.

    >>> screens = [{"person_id": "p1", "encounter_id": "e1", "screened_on": "2026-11-22", "outcome":
    ...             "PRESUMPTIVE_TB_REFER", "age": 40, "sex": "F"}]
    >>> referrals = [{"person_id": "p1", "encounter_id": "e1", "kind": "health", "cxr_result": "ABNORMAL_SUGGESTIVE",
    ...               "xpert_result": "MTB_DETECTED_RIF_NOT_DETECTED", "diagnosis": "BACT_CONFIRMED"}]
    >>> c = tb_cascade(screens, referrals, start=date(2026, 11, 1), end=date(2026, 11, 30))
    >>> c["total"]["screened"], c["total"]["tb_diagnosed"], c["total"]["initial_loss_to_follow_up"]
    (1, 1, 1)

No storage, no clock, no Qt: the device (``session.health.cascade``) feeds it the rows of its store, and HQ can
feed it what it folds from the events it received (``inputs_from_events``), so both count the same way. Imports
the standard library and ``checkpoint.model.referral`` (pure: what an open TB referral is).

The unit is the person. A person counts once in a period: screened when at least one TB screen of theirs is dated
(local day) in the period, inclusive. Age group and sex are those of their first screen in the period. Each
later step counts the person when any live health referral opened on an arrival of theirs screened in the period
reached it — whenever that happened (a cohort: a person screened in November and started on treatment in December
counts as started in November's cascade). The cascade follows the referral, not the arrival: a screen that continued
the person's open TB referral (one open TB referral per person: a repeat returnee's new arrival, screened
presumptive or high-risk, opens none and carries the open one on, ``checkpoint.services.tb_followup``) counts that
referral's steps too, the X-ray of the earlier arrival included. Which referral a screen continued is decided in
log order (``inputs_from_events``: the person's latest open TB referral when the screen was recorded) and given to
``tb_cascade`` as the screen's ``continues``.

Steps: ``presumptive`` (screen outcome PRESUMPTIVE_TB_REFER; only this counts, spec §3.6), ``x_rayed`` (any chest
X-ray reading, or a referral left at the stage "cxr_done" without one: the follow-up screen allows that; likewise
``xpert_done`` and ``treatment_started`` count their stage), ``xray_abnormal`` (abnormal, suggestive of TB: "other
abnormality" is not a TB step), ``sputum_collected``, ``xpert_done`` (any Xpert result, including an error),
``tb_diagnosed`` = ``bact_confirmed`` + ``clinically_diagnosed``, ``rif_resistant`` (MTB detected, RIF resistance
detected), ``treatment_started``, ``initial_loss_to_follow_up`` (diagnosed with TB, treatment start not recorded:
WHO's "initial defaulters", counted until a start is recorded) and ``nns`` = screened ÷ diagnosed (None when none
was diagnosed), rounded to one decimal.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from checkpoint.model.referral import is_open

__all__ = ["AGE_GROUPS", "CASCADE_EVENT_TYPES", "SEXES", "STEPS", "TB_TRANSFER_REASON", "age_group",
           "inputs_from_events", "needs_referral", "screen_steps", "tb_cascade"]

# The reason code of a transfer for TB treatment (``Health.transfer``): a diagnosed referral whose person was then
# transferred is handed over to the transfer (``checkpoint.services.tb_followup`` imports it from here).
TB_TRANSFER_REASON = "TB_TREATMENT_TRANSFER"
# The event types ``inputs_from_events`` folds (HQ reads these; the device reads them to find continued referrals).
CASCADE_EVENT_TYPES = ("registration.recorded", "registration.completed", "tb.screened", "referral.created",
                       "referral.updated", "record.voided", "person.amended", "referral.partner_stage",
                       "tb.outcome_hq")


def needs_referral(outcome: object) -> bool:
    """Does a screen with this outcome call for a TB referral (``TBResult.referral_needed``)?"""
    return bool(outcome) and outcome != "SCREEN_NEGATIVE"

STEPS = ("screened", "presumptive", "x_rayed", "xray_abnormal", "sputum_collected", "xpert_done", "tb_diagnosed",
         "bact_confirmed", "clinically_diagnosed", "rif_resistant", "treatment_started",
         "initial_loss_to_follow_up")
SEXES = ("F", "M", "X", "UNKNOWN")
# WHO's TB notification age groups, and "unknown" for a person with no age.
AGE_GROUPS = ("0-4", "5-14", "15-24", "25-34", "35-44", "45-54", "55-64", "65+", "unknown")
_BOUNDS = ((0, 4), (5, 14), (15, 24), (25, 34), (35, 44), (45, 54), (55, 64), (65, 200))
_TB = ("BACT_CONFIRMED", "CLINICALLY_DIAGNOSED")


def age_group(age: object) -> str:
    """The WHO age group of an age in years ("unknown" for anything else).

        >>> age_group(4), age_group(15), age_group(70), age_group(None)
        ('0-4', '15-24', '65+', 'unknown')
    """
    if isinstance(age, bool) or not isinstance(age, int) or age < 0:
        return "unknown"
    for label, (lo, hi) in zip(AGE_GROUPS, _BOUNDS, strict=False):
        if lo <= age <= hi:
            return label
    return "unknown"


def _steps(outcome: str, refs: list[Mapping[str, Any]]) -> dict[str, int]:
    def has(field: str, values: tuple[str, ...] | None = None) -> bool:
        return any((r.get(field) or "") != "" and (values is None or r.get(field) in values) for r in refs)

    def at(stage: str) -> bool:      # a follow-up that moved the stage without recording the result
        return any(r.get("status") == stage for r in refs)

    bact = has("diagnosis", ("BACT_CONFIRMED",))
    clinical = not bact and has("diagnosis", ("CLINICALLY_DIAGNOSED",))
    started = has("treatment_started_at") or at("treatment_started")
    out = {
        "screened": 1,
        "presumptive": int(outcome == "PRESUMPTIVE_TB_REFER"),
        "x_rayed": int(has("cxr_result") or at("cxr_done")),
        "xray_abnormal": int(has("cxr_result", ("ABNORMAL_SUGGESTIVE",))),
        "sputum_collected": int(has("sputum_collected_at")),
        "xpert_done": int(has("xpert_result") or at("xpert_done")),
        "bact_confirmed": int(bact),
        "clinically_diagnosed": int(clinical),
        "rif_resistant": int(has("xpert_result", ("MTB_DETECTED_RIF_DETECTED",))),
        "treatment_started": int(started),
    }
    out["tb_diagnosed"] = out["bact_confirmed"] + out["clinically_diagnosed"]
    out["initial_loss_to_follow_up"] = int(out["tb_diagnosed"] == 1 and not started)
    return out


def _table() -> dict[str, Any]:
    return {s: 0 for s in STEPS}


def _finish(t: dict[str, Any]) -> dict[str, Any]:
    t["nns"] = round(t["screened"] / t["tb_diagnosed"], 1) if t["tb_diagnosed"] else None
    return t


def tb_cascade(screens: Iterable[Mapping[str, Any]], referrals: Iterable[Mapping[str, Any]], *, start: date,
               end: date) -> dict[str, Any]:
    """Count the cascade of the persons screened from ``start`` to ``end`` (local days, inclusive).

    ``screens``: ``{"person_id", "encounter_id", "screened_on" (YYYY-MM-DD, local), "outcome", "age", "sex",
    "province", "continues"}`` (``province``: the home province code, "" or missing when not known; ``continues``:
    the id of the open TB referral the screen continued, on an earlier arrival, or missing);
    ``referrals``: ``{"id", "person_id", "encounter_id", "kind", "status", "cxr_result", "sputum_collected_at",
    "xpert_result", "diagnosis", "treatment_started_at"}``. Rows with a true ``voided`` and referrals of another kind
    than "health" are left out; missing fields are empty. A person's referrals are those opened on an arrival of
    theirs screened in the period and those their screens in the period continued. Returns ``{"from", "to", "total",
    "by_sex", "by_age_group", "by_province"}``, each table holding every step and ``nns``; every sex and age group is
    present (zeros included); ``by_province`` has the home provinces of the persons counted (sorted; "unknown" for
    none).

    Raises ValueError when ``end`` is before ``start``.
    """
    if end < start:
        raise ValueError("the period ends before it starts")
    lo, hi = start.isoformat(), end.isoformat()
    first: dict[str, Mapping[str, Any]] = {}
    outcome: dict[str, str] = {}
    encounters: dict[str, set[str]] = {}
    continued: dict[str, set[str]] = {}
    for s in screens:
        day = str(s.get("screened_on") or "")[:10]
        if s.get("voided") or not lo <= day <= hi:
            continue
        pid = str(s["person_id"])
        if pid not in first or day < str(first[pid]["screened_on"])[:10]:
            first[pid] = s
        if s.get("outcome") == "PRESUMPTIVE_TB_REFER" or pid not in outcome:
            outcome[pid] = str(s.get("outcome") or "")
        encounters.setdefault(pid, set()).add(str(s.get("encounter_id")))
        if s.get("continues"):
            continued.setdefault(pid, set()).add(str(s["continues"]))
    refs: dict[str, list[Mapping[str, Any]]] = {}
    for r in referrals:
        pid = str(r.get("person_id"))
        if r.get("voided") or (r.get("kind") or "health") != "health" or pid not in encounters:
            continue
        if str(r.get("encounter_id")) in encounters[pid] or str(r.get("id")) in continued.get(pid, ()):
            refs.setdefault(pid, []).append(r)
    total = _table()
    by_sex = {s: _table() for s in SEXES}
    by_age = {a: _table() for a in AGE_GROUPS}
    by_province: dict[str, dict[str, Any]] = {}
    for pid, s in first.items():
        steps = _steps(outcome[pid], refs.get(pid, []))
        sex = s.get("sex") if s.get("sex") in SEXES else "UNKNOWN"
        province = by_province.setdefault(str(s.get("province") or "unknown"), _table())
        for table in (total, by_sex[str(sex)], by_age[age_group(s.get("age"))], province):
            for k, v in steps.items():
                table[k] += v
    return {"from": lo, "to": hi, "total": _finish(total),
            "by_sex": {k: _finish(v) for k, v in by_sex.items()},
            "by_age_group": {k: _finish(v) for k, v in by_age.items()},
            "by_province": {k: _finish(by_province[k]) for k in sorted(by_province)}}



def screen_steps(screen: Mapping[str, Any], referrals: Iterable[Mapping[str, Any]], day: date) -> dict[str, int]:
    """The steps ``tb_cascade([screen], referrals, start=day, end=day)["total"]`` counts (without ``nns``): one
    person's only screen, alone in a one-day period. The same rules without building every table (HQ keeps this per
    solo screen at ingest, ``sync.hq.tb_facts``); a test checks the two agree."""
    iso = day.isoformat()
    if screen.get("voided") or str(screen.get("screened_on") or "")[:10] != iso:
        return _table()
    pid, enc = str(screen["person_id"]), str(screen.get("encounter_id"))
    cont = str(screen["continues"]) if screen.get("continues") else None
    refs = [r for r in referrals
            if not r.get("voided") and (r.get("kind") or "health") == "health" and str(r.get("person_id")) == pid
            and (str(r.get("encounter_id")) == enc or (cont is not None and str(r.get("id")) == cont))]
    return _steps(str(screen.get("outcome") or ""), refs)

# ---------------------------------------------------------------------------------------------------------------
_REFERRAL_FIELDS = ("status", "cxr_result", "sputum_collected_at", "xpert_result", "diagnosis",
                    "treatment_started_at")


def inputs_from_events(events: Iterable[Mapping[str, Any]], *, local_day: Any) -> tuple[list[dict[str, Any]],
                                                                                          list[dict[str, Any]]]:
    """Fold person events (in log order; ``payload`` a dict or JSON text) into ``tb_cascade``'s two inputs, as HQ
    can from what it received: registrations, health-post TB screens, referrals and their updates, amendments of
    sex, and voids (the age is the one each screen recorded).

    ``local_day(recorded_at) -> "YYYY-MM-DD"`` turns an event's time into the checkpoint's local day. Events of
    other types are ignored; an event that does not have the shape of its type raises KeyError/TypeError (HQ's
    ingest has refused those already).
    """
    sex: dict[str, str] = {}
    home: dict[str, str] = {}
    screens: dict[str, dict[str, Any]] = {}
    refs: dict[str, dict[str, Any]] = {}
    voided: set[tuple[str, str]] = set()
    order: dict[str, list[str]] = {}         # person -> her health referrals' ids, in the order they were opened
    reasons: dict[str, str] = {}

    def open_now(pid: str) -> str:
        """The person's latest open TB referral as the log stands (``tb_followup.open_tb_referrals``): live, open,
        not a diagnosed one a later transfer took over."""
        ids = [i for i in order.get(pid, ()) if ("referral", i) not in voided]
        live = [i for i in ids if is_open(str(refs[i].get("status") or ""), str(refs[i].get("diagnosis") or ""))]
        for n, i in enumerate(ids):
            if i in live and reasons[i] != TB_TRANSFER_REASON and refs[i].get("status") == "diagnosed" \
                    and any(reasons[j] == TB_TRANSFER_REASON for j in ids[n + 1:]):
                live.remove(i)
        return live[-1] if live else ""

    def screen(pid: str, enc: str, tb: Mapping[str, Any], at: str, opened: Iterable[Mapping[str, Any]]) -> None:
        outcome = tb["result"]["outcome"]
        # a screen that needed a referral and opened none continued the open one (one open TB referral per person)
        cont = "" if any(r.get("kind") == "health" for r in opened) or not needs_referral(outcome) else open_now(pid)
        screens[str(tb["id"])] = {"id": str(tb["id"]), "person_id": pid, "encounter_id": enc,
                                  "screened_on": local_day(at), "outcome": outcome, "age": tb["answers"].get("age"),
                                  "continues": cont}

    def referral(pid: str, enc: str, r: Mapping[str, Any]) -> None:
        row = {"id": str(r["id"]), "person_id": pid, "encounter_id": enc, "kind": r["kind"],
               **{f: "" for f in _REFERRAL_FIELDS}, "status": "referred"}
        row.update({f: v for f, v in (r.get("record") or {}).items() if f in _REFERRAL_FIELDS})
        refs[str(r["id"])] = row
        if r["kind"] == "health":
            order.setdefault(pid, []).append(str(r["id"]))
            reasons[str(r["id"])] = str(r.get("reason_code") or "")

    for ev in events:
        p = ev["payload"]
        if isinstance(p, str):
            p = json.loads(p)
        t, pid = ev["type"], str(ev["entity_id"])
        if t == "registration.recorded":
            if p.get("person"):
                sex[pid] = p["person"].get("sex") or "UNKNOWN"
                home[pid] = p["person"].get("home_province") or ""
            enc = p["encounter"]["id"]
            if p.get("tb"):
                screen(pid, enc, p["tb"], ev["recorded_at"], p.get("referrals") or [])
            for r in p.get("referrals") or []:
                referral(pid, enc, r)
        elif t == "registration.completed":         # a quick registration's arrival, completed from the queue
            if p.get("tb"):
                screen(pid, p["encounter_id"], p["tb"], ev["recorded_at"], p.get("referrals") or [])
            for r in p.get("referrals") or []:
                referral(pid, p["encounter_id"], r)
        elif t == "tb.screened":
            screen(pid, p["encounter_id"], p["tb"], ev["recorded_at"], [p["referral"]] if p.get("referral") else [])
            if p.get("referral"):
                referral(pid, p["encounter_id"], p["referral"])
        elif t == "referral.created":
            referral(pid, p["encounter_id"], p["referral"])
        elif t in ("referral.updated", "tb.outcome_hq") and p["referral_id"] in refs:
            refs[p["referral_id"]].update({f: v for f, v in p["changes"].items() if f in _REFERRAL_FIELDS})
        elif t == "referral.partner_stage" and p["referral_id"] in refs and p.get("stage") in ("closed",
                                                                                               "did_not_arrive"):
            refs[p["referral_id"]]["status"] = "closed" if p["stage"] == "closed" else "lost_to_follow_up"
        elif t == "person.amended" and {"sex", "home_province"} & set(p.get("changes", {})):
            if "sex" in p["changes"]:
                sex[pid] = p["changes"]["sex"]
            if "home_province" in p["changes"]:
                home[pid] = p["changes"]["home_province"] or ""
        elif t == "record.voided":
            voided.add((p["record_type"], p["record_id"] if p["record_type"] != "person" else pid))
    dead_people = {pid for kind, pid in voided if kind == "person"}
    dead_encounters = {rid for kind, rid in voided if kind == "encounter"}
    out_screens = [{**s, "sex": sex.get(s["person_id"], "UNKNOWN"), "province": home.get(s["person_id"], "")}
                   for sid, s in screens.items()
                   if ("tb_screening", sid) not in voided and s["person_id"] not in dead_people
                   and s["encounter_id"] not in dead_encounters]
    out_refs = [r for rid, r in refs.items() if ("referral", rid) not in voided]
    return out_screens, out_refs
