"""HQ's reporting projection: the fact tables ``fact_arrivals`` and ``fact_referrals`` (``sync.hq.store``), kept
from the events HQ makes visible, in the order it makes them visible.

What a report needs and nothing that identifies anyone: per arrival the checkpoint, the local arrival date, sex,
age at arrival and its group, destination province and district codes, country of return, return type, sector,
the trafficking-screening and TB-screening outcomes; per referral its kind, agency, latest status and the TB
stages it reached. No name, document, phone, date of birth, village or free text is copied.

    >>> record_facts(conn, plan)     # in the batch's transaction, after write_plan        # doctest: +SKIP
    >>> rebuild(conn)                # from every accepted event HQ holds (migration 0003)   # doctest: +SKIP

Corrections update the facts: ``person.amended`` (sex, date of birth, home province and district, on every
arrival of the person), ``encounter.amended`` (arrival time, return type, country, sector), ``record.voided``
(a person or an arrival: ``voided``; a screening: the arrival counts as not screened; a referral: ``voided``)
and ``referral.updated`` (status and TB results). ``conflict.resolved`` names a conflict that exists only on
devices (HQ does not know its field), so it changes no fact; neither do audit events.

Everything here reads a payload HQ has already checked for shape and ownership (``sync.hq.ingest``), but not
for the type or size of each value: every value is cleaned (a code is text of at most its column's size, an age
an integer 0..130, a date a real date) and anything else is read as unknown. A fact never makes HQ refuse or fail
a batch.
"""

from __future__ import annotations

import json
import logging
import operator
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sync.hq import arrival_facts
from sync.hq.store import (
    add_journal,
    bulk_insert,
    devices,
    events,
    fact_arrivals,
    fact_cube,
    fact_referrals,
    id_in,
    meta,
    plain_error,
    set_meta,
    upsert_add,
)

__all__ = ["AGE_GROUPS", "CUBE_DIMENSIONS", "CUBE_MEASURES", "HEALTH_STAGES", "LOCAL_TZ", "age_group",
           "apply_events", "arrival_rows", "contributions", "local_date", "measures", "rebuild", "record_facts",
           "referral_summary", "sex_age", "stamp_rebuilt"]
__all__ += ["exploitation_codes"]       # sync.hq.htcds: every type of an arrival with several

log = logging.getLogger("checkpoint.hq")

# Cambodia keeps UTC+7 all year (no daylight saving): the arrival's local date without a time-zone database.
LOCAL_TZ = timezone(timedelta(hours=7))
# CTDC's ageBroad groups (HTCDS): the age groups every report uses.
AGE_GROUPS = ((0, 8, "0-8"), (9, 17, "9-17"), (18, 20, "18-20"), (21, 23, "21-23"), (24, 26, "24-26"),
              (27, 29, "27-29"), (30, 38, "30-38"), (39, 47, "39-47"), (48, 130, "48+"))
# A health referral's stages, in order (checkpoint.model.referral.HEALTH_STAGES; a test checks they agree).
HEALTH_STAGES = ("referred", "arrived", "cxr_done", "xpert_done", "diagnosed", "treatment_started")

_A_COLS = tuple(c.name for c in fact_arrivals.columns)
_R_COLS = tuple(c.name for c in fact_referrals.columns)
_a_values, _r_values = operator.itemgetter(*_A_COLS), operator.itemgetter(*_R_COLS)
_SIZE = {c.name: int(getattr(c.type, "length", 0) or 0) for t in (fact_arrivals, fact_referrals) for c in t.columns}
_FACT_TYPES = frozenset({"registration.recorded", "person.amended", "encounter.amended", "record.voided",
                         "referral.created", "referral.updated", "consent.withdrawn", "registration.completed",
                         "referral.partner_stage", "tb.outcome_hq"})
# A partner's follow-up stage (issue 16, written at HQ) as the referral's status in the figures: the stage itself,
# except the two that end the referral, which read as the device's statuses do.
_PARTNER_STATUS = {"closed": "closed", "did_not_arrive": "lost_to_follow_up"}
# Trafficking outcomes that are not a screen: the checklist left untouched (issue 12), and a screen whose
# trafficking-interview consent was withdrawn afterwards (the arrival counts as not screened).
NOT_SCREENED = "NOT_SCREENED"
CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN"
_NOT_A_SCREEN = (NOT_SCREENED, CONSENT_WITHDRAWN)
# Withdrawing one of these consents withdraws the trafficking interview ("screening": before issue 12's purposes).
_INTERVIEW_CONSENTS = ("trafficking_interview", "screening")


# ------------------------------------------------------------------------------------------------ clean values
def _code(v: Any, col: str) -> str:
    """A code as text of at most the column's size (anything else: "" = unknown)."""
    return v if isinstance(v, str) and len(v) <= _SIZE[col] else ""


def _age(v: Any) -> int | None:
    return v if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 130 else None


def _day(v: Any) -> date | None:
    if not isinstance(v, str) or len(v) != 10:
        return None
    try:
        return date.fromisoformat(v)
    except ValueError:
        return None


def local_date(arrival_at: Any) -> str:
    """The local (UTC+7) date of an arrival time as the device stores it (ISO with an offset); "" if unreadable."""
    if not isinstance(arrival_at, str) or len(arrival_at) > 40:
        return ""
    try:
        t = datetime.fromisoformat(arrival_at)
    except ValueError:
        return ""
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    try:
        return t.astimezone(LOCAL_TZ).date().isoformat()
    except (OverflowError, ValueError):
        return ""


def age_on(dob: date | None, day: str) -> int | None:
    d = _day(day)
    if dob is None or d is None:
        return None
    return _age(d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day)))


def age_group(age: int | None) -> str:
    if age is None:
        return "unknown"
    return next((g for lo, hi, g in AGE_GROUPS if lo <= age <= hi), "unknown")


def sex_age(sex: str, age: int | None) -> str:
    """The reporting group: man, woman, boy, girl (under 18 at arrival), other (sex X), unknown."""
    if sex == "X":
        return "other"
    if sex not in ("M", "F") or age is None:
        return "unknown"
    if age < 18:
        return "boy" if sex == "M" else "girl"
    return "man" if sex == "M" else "woman"


def _obj(v: Any) -> Mapping[str, Any]:
    return v if isinstance(v, dict) else {}


# ------------------------------------------------------------------------------------------------ rows
_TB_DIAGNOSES = ("BACT_CONFIRMED", "CLINICALLY_DIAGNOSED")


_NO_REFERRALS = {"ref_protection": 0, "ref_child_protection": 0, "ref_health": 0, "tb_stage": -1,
                 "tb_diagnosed": False, "tb_lost": False, "ref_keys": ""}


def referral_summary(refs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """An arrival's columns that sum its live referrals (``fact_referrals`` rows, voided ones left out)."""
    if not refs:
        return dict(_NO_REFERRALS)
    live = [r for r in refs if not r["voided"]]
    health = [r for r in live if r["kind"] == "health"]
    return {"ref_protection": sum(r["kind"] == "protection" for r in live),
            "ref_child_protection": sum(r["kind"] == "child_protection" for r in live),
            "ref_health": len(health),
            "tb_stage": max((HEALTH_STAGES.index(r["reached"]) for r in health if r["reached"] in HEALTH_STAGES),
                            default=-1),
            "tb_diagnosed": any(r["diagnosis"] in _TB_DIAGNOSES for r in health),
            "tb_lost": any(r["status"] == "lost_to_follow_up" for r in health),
            "ref_keys": "|".join(sorted(f"{r['kind']}/{r['agency'] or '-'}/{r['status']}".replace("|", "_")
                                        for r in live))}


# ------------------------------------------------------------------------------------------------ the cube
CUBE_DIMENSIONS = ("total", "checkpoint", "sex", "sex_age", "age_group", "province", "district", "country",
                   "return_type", "sector", "exploitation")
CUBE_MEASURES = tuple(c.name for c in fact_cube.columns if not c.primary_key)
_KEY_COLS = ("arrival_date", "checkpoint_id", "dimension", "category")
_CAT_DIMS = CUBE_DIMENSIONS[2:]
# tb_stage (-1 none, 0 referred ... 5 treatment started) -> reached each stage (1/0), by index tb_stage + 1
_STAGES = tuple(tuple(int(s >= i) for i in range(len(HEALTH_STAGES))) for s in range(-1, len(HEALTH_STAGES)))
_REF_VEC = tuple(int(m == "referrals") for m in CUBE_MEASURES)
Key = tuple[str, str, str, str]


def measures(a: Mapping[str, Any]) -> tuple[int, ...]:
    """One arrival's contribution to each measure of ``fact_cube`` (in ``CUBE_MEASURES`` order)."""
    screened = a["trafficking_screening_id"] != "" and a["trafficking_outcome"] not in _NOT_A_SCREEN
    tb = a["tb_screening_id"] != ""
    return (1, int(screened), int(screened and a["trafficking_outcome"] == "PRESUMED_VICTIM"),
            int(bool(a["child_protection"])), a["ref_protection"], a["ref_child_protection"], a["ref_health"],
            int(tb), int(tb and a["tb_outcome"] != "SCREEN_NEGATIVE"), int(tb and bool(a["tb_presumptive"])),
            *_STAGES[a["tb_stage"] + 1], int(bool(a["tb_diagnosed"])), int(bool(a["tb_lost"])), 0, 0,
            int(a["trafficking_screening_id"] != "" and bool(a["safety_referral"])))


def contributions(a: Mapping[str, Any]) -> list[tuple[Key, tuple[int, ...]]]:
    """The cube rows an arrival counts in, with what it adds to each: none when voided or undated."""
    day, cp = a["arrival_date"], a["checkpoint_id"]
    if a["voided"] or not day:
        return []
    vec = measures(a)
    out = [((day, cp, "total", "all"), vec), ((day, cp, "checkpoint", cp), vec)]
    out += [((day, cp, d, str(a[d])), vec) for d in _CAT_DIMS]
    if a["ref_keys"]:
        keys = a["ref_keys"].split("|")
        out += [((day, cp, "by_agency", k), _REF_VEC) for k in keys]
        if a["trafficking_screening_id"] != "" and a["trafficking_outcome"] == "PRESUMED_VICTIM":
            out += [((day, cp, "trafficking_by_agency", k), _REF_VEC) for k in keys]
    return out


def arrival_rows(payload: Mapping[str, Any], checkpoint_id: str, known_person: Mapping[str, Any] | None = None
                 ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The fact rows of one ``registration.recorded`` payload: the arrival and its referrals. ``known_person``
    (sex, province, district) is what HQ knows of a person registered before, when the payload names one."""
    pid = str(payload.get("person_id"))
    enc = _obj(payload.get("encounter"))
    person = payload.get("person")
    day = local_date(enc.get("arrival_at"))
    if isinstance(person, dict):
        sex, prov, dist = (_code(person.get("sex"), "sex") or "UNKNOWN", _code(person.get("home_province"), "province"),
                           _code(person.get("home_district"), "district"))
        dob = _day(person.get("date_of_birth"))
    else:
        k = known_person or {}
        sex, prov, dist, dob = k.get("sex", "UNKNOWN"), k.get("province", ""), k.get("district", ""), None
    age = _age(enc.get("age_at_arrival"))
    if age is None:
        age = age_on(dob, day)
    t = _obj(payload.get("trafficking"))
    t_res = _obj(t.get("result"))
    flags = t_res.get("flags")
    tb = _obj(payload.get("tb"))
    tb_res = _obj(tb.get("result"))
    arrival = {
        "encounter_id": str(enc.get("id")), "person_id": pid, "checkpoint_id": checkpoint_id, "arrival_date": day,
        "sex": sex, "age": age, "age_group": age_group(age), "sex_age": sex_age(sex, age), "province": prov,
        "district": dist, "country": _code(enc.get("country_of_work"), "country"),
        "return_type": _code(enc.get("return_type"), "return_type") or "UNKNOWN",
        "sector": _code(enc.get("sector_of_work"), "sector"),
        "exploitation": _exploitation(t),
        "trafficking_screening_id": _code(t.get("id"), "trafficking_screening_id") if t else "",
        "trafficking_outcome": _code(t_res.get("outcome"), "trafficking_outcome") if t else "",
        "child_protection": isinstance(flags, list) and "CHILD_PROTECTION" in flags,
        "tb_screening_id": _code(tb.get("id"), "tb_screening_id") if tb else "",
        "tb_outcome": _code(tb_res.get("outcome"), "tb_outcome") if tb else "",
        "tb_presumptive": tb_res.get("presumptive") is True, "voided": False,
        "safety_referral": _safety_referral(t)}
    refs = payload.get("referrals")
    eid = str(arrival["encounter_id"])
    referrals = [referral_row(r, eid, pid) for r in (refs if isinstance(refs, list) else ())]
    arrival.update(referral_summary(referrals))
    return arrival, referrals


def exploitation_codes(t: Mapping[str, Any]) -> list[str]:
    """Every type of exploitation a trafficking screen's checklist recorded (``exploitation_types``), sorted: what
    the facts fold into one code or "MULTIPLE" (``_exploitation``); HTCDS's export reads them back (sync.hq.htcds)."""
    types = t.get("exploitation_types")
    return sorted({_code(x, "exploitation") for x in types} - {""}) if isinstance(types, list) else []


def _exploitation(t: Mapping[str, Any]) -> str:
    """The type of exploitation the checklist recorded (issue 12: ``exploitation_types``, a list of codes):
    the one type, "MULTIPLE" for several, else the older result's ``type_of_exploitation``, else ""."""
    types = t.get("exploitation_types")
    if isinstance(types, list) and types:
        codes = exploitation_codes(t)
        if len(codes) == 1:
            return codes[0]
        if codes:
            return "MULTIPLE"
    return _code(_obj(t.get("result")).get("type_of_exploitation"), "exploitation")


def _safety_referral(t: Mapping[str, Any]) -> bool:
    """The project's safety rule (issue 12) triggered and named at least one referral."""
    s = _obj(t.get("safety"))
    refs = s.get("referrals")
    return s.get("triggered") is True and isinstance(refs, list) and len(refs) > 0


def referral_row(r: Any, encounter_id: str, person_id: str) -> dict[str, Any]:
    r = _obj(r)
    return {"referral_id": str(r.get("id")), "encounter_id": encounter_id, "person_id": person_id,
            "kind": _code(r.get("kind"), "kind"), "agency": _code(r.get("agency_code"), "agency"),
            "status": "referred", "cxr_result": "", "xpert_result": "", "diagnosis": "", "treatment_started": False,
            "reached": "referred", "voided": False}


# ------------------------------------------------------------------------------------------------ applying events
# The statements a correction runs, built once with bound parameters (b_*): SQLAlchemy then neither builds them nor
# works out their cache key again for each event (a health post's referral updates are one event each: per event
# about 0.6 -> 0.2 ms of HQ's CPU). An UPDATE's other parameters are the columns it sets.
_fa, _fr = fact_arrivals, fact_referrals
_B_EID: Any = sa.bindparam("b_eid")
_B_PID: Any = sa.bindparam("b_pid")
_B_RID: Any = sa.bindparam("b_rid")
_ARRIVAL = sa.select(_fa).where(_fa.c.encounter_id == _B_EID)
_ARRIVALS_OF = sa.select(_fa).where(_fa.c.person_id == _B_PID)
_ARRIVAL_OF = sa.select(_fa).where(_fa.c.encounter_id == _B_EID, _fa.c.person_id == _B_PID)
_SCREENED_ARRIVAL_OF = _ARRIVAL_OF.where(_fa.c.trafficking_screening_id != "")
_T_SCREEN_OF = sa.select(_fa).where(_fa.c.trafficking_screening_id == _B_RID, _fa.c.person_id == _B_PID)
_TB_SCREEN_OF = sa.select(_fa).where(_fa.c.tb_screening_id == _B_RID, _fa.c.person_id == _B_PID)
_SET_ARRIVAL = _fa.update().where(_fa.c.encounter_id == _B_EID)
_KNOWN_PERSON = sa.select(_fa.c.sex, _fa.c.province, _fa.c.district).where(_fa.c.person_id == _B_PID).limit(1)
_REFERRAL = sa.select(_fr.c.reached, _fr.c.encounter_id).where(_fr.c.referral_id == _B_RID)
_REFERRAL_ENCOUNTER = sa.select(_fr.c.encounter_id).where(_fr.c.referral_id == _B_RID)
_REFERRALS_OF = sa.select(_fr).where(_fr.c.encounter_id == _B_EID)
_SET_REFERRAL = _fr.update().where(_fr.c.referral_id == _B_RID)
_ADD_REFERRAL = _fr.insert()


class _Writer:
    """Applies events in order: registrations are buffered and inserted in bulk (COPY on PostgreSQL), flushed
    before any correction so a correction always finds the rows it changes. Every change of an arrival row goes
    through ``_change`` (or a registration), which keeps the difference it makes to ``fact_cube``; ``flush``
    adds the differences (sorted, so concurrent batches lock cube rows in one order)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.arrivals: list[tuple[Any, ...]] = []
        self.referrals: list[tuple[Any, ...]] = []
        self.people: dict[str, dict[str, Any]] = {}    # persons registered in this buffer: sex, province, district
        self.delta: dict[tuple[Key, tuple[int, ...]], int] = {}   # (cube key, contribution) -> times (+ or -)
        # Arrivals whose referrals a run of referral updates changed: their rows are summed again once, when the
        # run ends (``_settle``), not after every update (a health post's TB referral moves stage by stage).
        self.dirty: dict[str, None] = {}

    def _count(self, a: Mapping[str, Any], sign: int) -> None:
        d = self.delta
        get = d.get
        for kv in contributions(a):
            d[kv] = get(kv, 0) + sign

    def flush(self, *, cube: bool = True) -> None:
        if cube:
            self._settle()
        bulk_insert(self.conn, fact_arrivals, self.arrivals, _A_COLS)
        bulk_insert(self.conn, fact_referrals, self.referrals, _R_COLS)
        self.arrivals, self.referrals = [], []
        self.people.clear()
        if not cube or not self.delta:
            return
        totals: dict[Key, list[int]] = {}
        for (key, vec), times in self.delta.items():
            if times:
                t = totals.get(key)
                if t is None:
                    t = totals[key] = [0] * len(CUBE_MEASURES)
                for i, v in enumerate(vec):
                    if v:
                        t[i] += v * times
        rows = [{**dict(zip(_KEY_COLS, key, strict=True)), **dict(zip(CUBE_MEASURES, totals[key], strict=True))}
                for key in sorted(totals) if any(totals[key])]
        self.delta.clear()
        upsert_add(self.conn, fact_cube, rows, _KEY_COLS, CUBE_MEASURES)

    def _known_person(self, pid: str) -> dict[str, Any] | None:
        if pid in self.people:
            return self.people[pid]
        self.flush(cube=False)
        r = self.conn.execute(_KNOWN_PERSON, {"b_pid": pid}).first()
        return None if r is None else {"sex": r.sex, "province": r.province, "district": r.district}

    def registration(self, p: Mapping[str, Any], checkpoint_id: str) -> None:
        pid = str(p.get("person_id"))
        known = None if isinstance(p.get("person"), dict) else self._known_person(pid)
        a, refs = arrival_rows(p, checkpoint_id, known)
        self.people[pid] = {"sex": a["sex"], "province": a["province"], "district": a["district"]}
        self.arrivals.append(_a_values(a))
        self.referrals.extend(map(_r_values, refs))
        self._count(a, 1)

    def _change(self, rows: Any, params: Mapping[str, Any], new: Callable[[Mapping[str, Any]], Mapping[str, Any]]
                ) -> None:
        """Change the arrival rows the statement ``rows`` selects with ``params``: ``new(row)`` gives the columns
        to set."""
        for found in self.conn.execute(rows, params).mappings().all():
            old = dict(found)
            ch = new(old)
            if not ch:
                continue
            row = {**old, **ch}
            self.conn.execute(_SET_ARRIVAL, {**ch, "b_eid": old["encounter_id"]})
            self._count(old, -1)
            self._count(row, 1)

    def apply(self, type_: str, person_id: str, p: Mapping[str, Any], checkpoint_id: str) -> None:
        if type_ == "registration.recorded":
            self.registration(p, checkpoint_id)
            return
        self.flush(cube=False)
        conn = self.conn
        if type_ in ("referral.updated", "tb.outcome_hq"):     # tb.outcome_hq: a TB treatment recorded at HQ
            self._referral_updated(str(p.get("referral_id")), _obj(p.get("changes")))
            return
        self._settle()                  # anything else may read or change the arrival rows: summed first
        if type_ == "person.amended":
            self._person_amended(person_id, _obj(p.get("changes")))
        elif type_ == "encounter.amended":
            self._encounter_amended(str(p.get("encounter_id")), _obj(p.get("changes")))
        elif type_ == "referral.created":
            r = referral_row(p.get("referral"), str(p.get("encounter_id")), person_id)
            conn.execute(_ADD_REFERRAL, r)
            self._refresh(r["encounter_id"])
        elif type_ == "registration.completed":
            self._completed(person_id, p)
        elif type_ == "referral.partner_stage":
            stage = str(p.get("stage"))
            self._referral_updated(str(p.get("referral_id")), {"status": _PARTNER_STATUS.get(stage, stage)})
        elif type_ == "consent.withdrawn":
            if p.get("purpose") in _INTERVIEW_CONSENTS:
                self._change(_SCREENED_ARRIVAL_OF, {"b_eid": str(p.get("encounter_id")), "b_pid": person_id},
                             lambda _r: {"trafficking_outcome": CONSENT_WITHDRAWN, "child_protection": False})
        elif type_ == "record.voided":
            kind, rid = p.get("record_type"), str(p.get("record_id"))
            if kind == "person":
                self._change(_ARRIVALS_OF, {"b_pid": person_id}, lambda _r: {"voided": True})
            elif kind == "encounter":
                self._change(_ARRIVAL, {"b_eid": rid}, lambda _r: {"voided": True})
            elif kind == "referral":
                conn.execute(_SET_REFERRAL, {"voided": True, "b_rid": rid})
                self._refresh_referral(rid)
            elif kind == "trafficking_screening":
                self._change(_T_SCREEN_OF, {"b_rid": rid, "b_pid": person_id},
                             lambda _r: {"trafficking_screening_id": "", "trafficking_outcome": "",
                                         "child_protection": False})
            elif kind == "tb_screening":
                self._change(_TB_SCREEN_OF, {"b_rid": rid, "b_pid": person_id},
                             lambda _r: {"tb_screening_id": "", "tb_outcome": "", "tb_presumptive": False})

    def _completed(self, pid: str, p: Mapping[str, Any]) -> None:
        """A quick registration's arrival completed from the queue (``registration.completed``): its journey, its
        screens and its referrals join the arrival's row; no second arrival. Two completions of one arrival: the
        later one's screens win, as they do on the device's review."""
        eid = str(p.get("encounter_id"))
        journey = _obj(p.get("encounter"))
        if journey:
            self._encounter_amended(eid, journey)
        t, tb = _obj(p.get("trafficking")), _obj(p.get("tb"))
        if t:
            t_res = _obj(t.get("result"))
            flags = t_res.get("flags")
            screen: dict[str, Any] = {
                "trafficking_screening_id": _code(t.get("id"), "trafficking_screening_id"),
                "trafficking_outcome": _code(t_res.get("outcome"), "trafficking_outcome"),
                "child_protection": isinstance(flags, list) and "CHILD_PROTECTION" in flags,
                "exploitation": _exploitation(t), "safety_referral": _safety_referral(t)}
            self._change(_ARRIVAL_OF, {"b_eid": eid, "b_pid": pid}, lambda _r: screen)
        if tb:
            tb_res = _obj(tb.get("result"))
            tb_cols = {"tb_screening_id": _code(tb.get("id"), "tb_screening_id"),
                       "tb_outcome": _code(tb_res.get("outcome"), "tb_outcome"),
                       "tb_presumptive": tb_res.get("presumptive") is True}
            self._change(_ARRIVAL_OF, {"b_eid": eid, "b_pid": pid}, lambda _r: tb_cols)
        refs = p.get("referrals")
        rows = [referral_row(r, eid, pid) for r in (refs if isinstance(refs, list) else ())]
        if rows:
            self.conn.execute(fact_referrals.insert(), rows)
            self._refresh(eid)

    def _person_amended(self, pid: str, ch: Mapping[str, Any]) -> None:
        if not any(k in ch for k in ("sex", "date_of_birth", "home_province", "home_district")):
            return

        def new(r: Mapping[str, Any]) -> dict[str, Any]:
            out: dict[str, Any] = {}
            sex, age = r["sex"], r["age"]
            if "sex" in ch:
                sex = out["sex"] = _code(ch["sex"], "sex") or "UNKNOWN"
            if "date_of_birth" in ch:
                age = out["age"] = age_on(_day(ch["date_of_birth"]), r["arrival_date"])
                out["age_group"] = age_group(age)
            if "home_province" in ch:
                out["province"] = _code(ch["home_province"], "province")
            if "home_district" in ch:
                out["district"] = _code(ch["home_district"], "district")
            out["sex_age"] = sex_age(sex, age)
            return out

        self._change(_ARRIVALS_OF, {"b_pid": pid}, new)

    def _encounter_amended(self, eid: str, ch: Mapping[str, Any]) -> None:
        def new(r: Mapping[str, Any]) -> dict[str, Any]:
            out: dict[str, Any] = {}
            if "arrival_at" in ch:
                out["arrival_date"] = local_date(ch["arrival_at"])
            for key, col in (("return_type", "return_type"), ("country_of_work", "country"),
                             ("sector_of_work", "sector")):
                if key in ch:
                    out[col] = _code(ch[key], col) or ("UNKNOWN" if col == "return_type" else "")
            if "age_at_arrival" in ch:
                age = _age(ch["age_at_arrival"])
                out.update(age=age, age_group=age_group(age), sex_age=sex_age(r["sex"], age))
            return out

        self._change(_ARRIVAL, {"b_eid": eid}, new)

    def _referral_updated(self, rid: str, ch: Mapping[str, Any]) -> None:
        row = self.conn.execute(_REFERRAL, {"b_rid": rid}).first()
        if row is None:
            return
        new: dict[str, Any] = {}
        for key in ("status", "cxr_result", "xpert_result", "diagnosis"):
            if key in ch:
                new[key] = _code(ch[key], key)
        if ch.get("treatment_started_at"):
            new["treatment_started"] = True
        status = new.get("status", "")
        if status in HEALTH_STAGES and HEALTH_STAGES.index(status) > HEALTH_STAGES.index(
                row.reached if row.reached in HEALTH_STAGES else "referred"):
            new["reached"] = status
        if new:
            self.conn.execute(_SET_REFERRAL, {**new, "b_rid": rid})
            self.dirty[str(row.encounter_id)] = None      # (the update changes no referral's arrival)

    def _settle(self) -> None:
        """Sum again the arrivals the referral updates since the last call changed (each once)."""
        while self.dirty:
            eid = next(iter(self.dirty))
            del self.dirty[eid]
            self._refresh(eid)

    def _refresh_referral(self, rid: str) -> None:
        eid = self.conn.execute(_REFERRAL_ENCOUNTER, {"b_rid": rid}).scalar_one_or_none()
        if eid is not None:
            self._refresh(str(eid))

    def _refresh(self, eid: str) -> None:
        """Sum the arrival's live referrals again into its row."""
        refs = self.conn.execute(_REFERRALS_OF, {"b_eid": eid}).mappings()
        summary = referral_summary([dict(r) for r in refs])
        self._change(_ARRIVAL, {"b_eid": eid}, lambda _r: summary)


def apply_events(conn: Connection, evs: Iterable[tuple[str, str, str | dict[str, Any], str]]) -> int:
    """Apply events ``(type, entity_id, payload text or the dict it parses to, checkpoint id)`` to the facts, in
    order; returns how many changed facts. An event whose payload is unreadable is skipped (HQ checked it
    already; logged, no content)."""
    w = _Writer(conn)
    n = 0
    for type_, entity_id, payload, checkpoint_id in evs:
        if type_ not in _FACT_TYPES:
            continue
        if isinstance(payload, dict):         # already parsed by ingest (``NewEvent.payload``): not parsed again
            p = payload
        else:
            try:
                p = json.loads(payload)
            except ValueError:
                p = None
        if not isinstance(p, dict):
            log.warning("facts: an event of type %s has an unreadable payload; skipped", type_)
            continue
        w.apply(type_, entity_id, p, checkpoint_id)
        n += 1
    w.flush()
    return n


STALE = "facts_stale"      # meta key: set when facts could not be kept for a batch (rebuild-facts clears it)
REBUILT = "facts_rebuilt"  # meta key: a new value at every rebuild-facts (stamp_rebuilt; reports.facts_version)


def record_facts(conn: Connection, plan: Any) -> int:
    """Apply the events a batch made visible (``plan.visible``: accepted now, or held and released now), in the
    order HQ made them visible, in the batch's transaction. The one hook ``sync.hq.service`` calls.

    A fault here (a bug, a value no rule foresaw) never fails the batch: its fact changes are rolled back to a
    savepoint, HQ's journal says so, and the facts are marked stale (reports say so) until ``rebuild-facts``."""
    if not plan.visible:
        return 0
    try:
        from sync.hq import service_facts, tb_facts  # (not at the top: they read local_date from here)

        with conn.begin_nested():
            return (_record(conn, plan) + arrival_facts.record(conn, plan) + tb_facts.record(conn, plan)  # + #11, #14
                    + service_facts.record(conn, plan))         # #15.3: assistance and NEA registrations
    except Exception as e:
        log.error("facts: batch %s could not update the reporting facts (%s); reports are stale until "
                  "`checkpoint-hq rebuild-facts`", plan.batch_id, type(e).__name__)
        set_meta(conn, STALE, plan.received_at)
        add_journal(conn, plan.received_at, "facts_stale", plan.device_id,
                    f"batch {plan.batch_id}: the reporting facts were not updated ({type(e).__name__}: "
                    f"{plain_error(e)}); run checkpoint-hq rebuild-facts")
        return 0


def _record(conn: Connection, plan: Any) -> int:
    mine = {n.event["id"]: n.event for n in plan.new_events}
    parsed = {n.event["id"]: n.payload for n in plan.new_events if n.payload is not None}
    missing = [i for i in plan.visible if i not in mine]
    if missing:
        for r in conn.execute(sa.select(events.c.id, events.c.type, events.c.entity_id, events.c.payload)
                              .where(id_in(conn, events.c.id, missing))).mappings():
            mine[r["id"]] = r
    cp = plan.checkpoint_id
    return apply_events(conn, ((mine[i]["type"], mine[i]["entity_id"], parsed.get(i) or mine[i]["payload"], cp)
                               for i in plan.visible if mine[i]["type"] in _FACT_TYPES))


def rebuild(conn: Connection, *, chunk: int = 5000) -> int:
    """Empty the fact tables and rebuild them from every accepted event HQ holds, in ingest order (an upgrade,
    or ``checkpoint-hq facts rebuild``), ``chunk`` events at a time. Returns how many events changed facts."""
    conn.execute(meta.delete().where(meta.c.key == STALE))
    conn.execute(fact_cube.delete())
    conn.execute(fact_referrals.delete())
    conn.execute(fact_arrivals.delete())
    q = (sa.select(events.c.ingest_seq, events.c.type, events.c.entity_id, events.c.payload, devices.c.checkpoint_id)
         .select_from(events.join(devices, devices.c.device_id == events.c.device_id))
         .where(events.c.status == "accepted", events.c.type.in_(sorted(_FACT_TYPES)))
         .order_by(events.c.ingest_seq).limit(chunk))
    n, last = 0, -1
    while True:
        rows = conn.execute(q.where(events.c.ingest_seq > last)).all()
        if not rows:
            return n
        n += apply_events(conn, ((r.type, r.entity_id, r.payload, r.checkpoint_id) for r in rows))
        last = int(rows[-1].ingest_seq)


def stamp_rebuilt(conn: Connection) -> None:
    """Say the facts were rebuilt (``checkpoint-hq rebuild-facts``, beside ``rebuild``): a running dashboard's
    cached reads of the facts (``sync.hq.reports.FactsCache``, keyed on ``facts_version``) are then old."""
    set_meta(conn, REBUILT, uuid.uuid4().hex)
