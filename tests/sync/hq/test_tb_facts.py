"""The TB cascade's facts (sync.hq.tb_facts), on SQLite and PostgreSQL: for a random mix of registrations,
quick registrations completed from the queue, health-post screens, referrals and their updates, voids, amendments,
partners' stages and HQ's TB outcomes, arriving from two checkpoints in many batches, the report's TB section read
from the facts equals the TB section of the device's fold (``inputs_from_events``) over every event HQ holds, for
several periods and each checkpoint, and the fold HQ ran at report time before the facts (kept here as an oracle);
and rebuild-facts writes the same rows as the incremental upkeep did."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.screening.cascade import CASCADE_EVENT_TYPES, inputs_from_events, needs_referral
from sync.hq import tb_facts
from sync.hq.facts import STALE, local_date
from sync.hq.hq_events import append_hq_event
from sync.hq.reports import Period, _checkpoint_ids, _tb_cells, build_report
from sync.hq.service import HQService
from sync.hq.store import events, fact_arrivals, fact_tb_referrals, fact_tb_screens, get_meta, id_in
from tests.support.hq_helpers import FakeDevice

OUTCOMES = ("SCREEN_NEGATIVE", "SCREEN_NEGATIVE", "HIGH_RISK_REFER", "PRESUMPTIVE_TB_REFER", "PRESUMPTIVE_TB_REFER")
CXR = ("NORMAL", "ABNORMAL_SUGGESTIVE", "OTHER_ABNORMALITY")
XPERT = ("MTB_NOT_DETECTED", "MTB_DETECTED_RIF_NOT_DETECTED", "MTB_DETECTED_RIF_DETECTED", "INDETERMINATE")
DIAGNOSIS = ("BACT_CONFIRMED", "CLINICALLY_DIAGNOSED", "NOT_TB")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# ------------------------------------------------------------------------------------------------ the oracle
def folded_at_report_time(conn: Connection, period: Period) -> tb_facts.TbInputs:
    """HQ's report-time fold before the facts (sync/hq/reports.py ``_tb_inputs`` and ``_tb_screens``, kept
    verbatim in substance): every accepted cascade event recorded from the day before the period on, in ingest
    order, plus the earlier events of the persons whose screen may have continued an older referral."""
    since = (period.start - timedelta(days=1)).isoformat()
    cols = (events.c.type, events.c.entity_id, events.c.payload, events.c.recorded_at, events.c.ingest_seq)
    types = CASCADE_EVENT_TYPES
    q = (sa.select(*cols).where(events.c.status == "accepted", events.c.type.in_(types),
                                events.c.recorded_at >= since).order_by(events.c.ingest_seq))
    rows = [dict(r) for r in conn.execute(q).mappings()]
    screens, _ = inputs_from_events(rows, local_day=local_date)
    people = sorted({s["person_id"] for s in screens if needs_referral(s["outcome"]) and not s["continues"]})
    if people:
        older = (sa.select(*cols).where(events.c.status == "accepted", events.c.type.in_(types),
                                        events.c.recorded_at < since, id_in(conn, events.c.entity_id, people)))
        rows = sorted([dict(r) for r in conn.execute(older).mappings()] + rows, key=lambda r: r["ingest_seq"])
    screens, referrals = inputs_from_events(rows, local_day=local_date)
    return screens, referrals, _where(conn, screens)


def folded_whole(conn: Connection) -> tb_facts.TbInputs:
    """Every event folded at once (``tb_facts.fold_from_events``), with the arrivals' facts."""
    screens, referrals = tb_facts.fold_from_events(conn)
    return screens, referrals, _where(conn, screens)


def _where(conn: Connection, screens: list[dict[str, Any]]) -> dict[str, tuple[str, str, str]]:
    at = {}
    for r in conn.execute(sa.select(fact_arrivals.c.encounter_id, fact_arrivals.c.checkpoint_id, fact_arrivals.c.sex,
                                    fact_arrivals.c.province)):
        at[str(r[0])] = (str(r[1]), str(r[2]), str(r[3] or ""))
    return {e: at[e] for e in {str(s["encounter_id"]) for s in screens} if e in at}


# ------------------------------------------------------------------------------------------------ the world
class World:
    """Two checkpoints' devices writing a random but consistent history (every record named exists and is the
    person's), pushed in batches; HQ writing partners' stages and TB outcomes between them."""

    def __init__(self, hq: HQService, rng: random.Random) -> None:
        self.hq, self.rng = hq, rng
        self.devices = [FakeDevice(checkpoint_name="Poipet"), FakeDevice(checkpoint_name="Bavet")]
        for d in self.devices:
            d.enroll(hq)
            d.ms -= 40 * 86_400_000             # forty days of history before HQ's clock
        self.people: list[dict[str, Any]] = []
        self.pending: dict[int, list[dict[str, Any]]] = {0: [], 1: []}

    def tb(self) -> dict[str, Any]:
        outcome = self.rng.choice(OUTCOMES)
        return {"id": str(uuid.uuid4()), "answers": {"age": self.rng.choice([3, 12, 19, 30, 41, 50, 60, 70, None])},
                "result": {"outcome": outcome, "presumptive": outcome == "PRESUMPTIVE_TB_REFER",
                           "content_id": "tb", "content_version": "1"}}

    def health_ref(self, person: dict[str, Any], reason: str = "TB") -> dict[str, Any]:
        r = {"id": str(uuid.uuid4()), "kind": "health", "agency_code": "HC-BTB", "reason_code": reason,
             "urgency": "ROUTINE"}
        person["refs"].append(r["id"])
        return r

    def emit(self, person: dict[str, Any], type_: str, payload: dict[str, Any]) -> None:
        d = self.devices[person["dev"]]
        d.ms += self.rng.randint(0, 30) * 3_600_000 + self.rng.randint(0, 3_599_999)   # hours pass, days turn
        self.pending[person["dev"]].append(d.event(type_=type_, entity_id=person["id"], payload=payload))

    def arrival(self, person: dict[str, Any] | None = None) -> None:
        new = person is None
        if person is None:
            person = {"id": str(uuid.uuid4()), "dev": self.rng.randrange(2), "encs": [], "refs": [], "screens": [],
                      "quick": []}
            self.people.append(person)
        enc = {"id": str(uuid.uuid4()), "station_id": "X", "arrival_at": "2026-11-10T03:00:00+00:00",
               "return_type": "DEPORTED_G2G", "country_of_work": "THA", "sector_of_work": "F"}
        person["encs"].append(enc["id"])
        quick = self.rng.random() < 0.2
        tb = None if quick or self.rng.random() < 0.15 else self.tb()
        refs = []
        if tb and needs_referral(tb["result"]["outcome"]) and self.rng.random() < 0.7:
            refs.append(self.health_ref(person))
        if self.rng.random() < 0.1:
            refs.append({"id": str(uuid.uuid4()), "kind": "protection", "agency_code": "NGO", "reason_code": "R",
                         "urgency": "ROUTINE"})
        if tb:
            person["screens"].append(tb["id"])
        if quick:
            person["quick"].append(enc["id"])
        self.emit(person, "registration.recorded", {
            "person_id": person["id"], "encounter": enc, "tb": tb, "referrals": refs, "trafficking": None,
            "consents": [{"purpose": p, "granted": True} for p in ("screening", "storage", "referral", "sharing")],
            "person": {"sex": self.rng.choice("FFMMX"), "date_of_birth": "1990-01-01",
                       "home_province": self.rng.choice(["01", "02", "21", ""]), "home_district": ""}
            if new else None})

    def step(self) -> None:
        """One random event about a person (a new one when nothing else applies)."""
        rng, people = self.rng, self.people
        kind = rng.choice(["arrival", "arrival", "returnee", "complete", "screen", "refer", "update", "update",
                           "update", "void", "amend", "stage", "outcome"])
        p = rng.choice(people) if people else None
        if kind == "arrival" or p is None:
            self.arrival()
        elif kind == "returnee":
            self.arrival(p)
        elif kind == "complete" and p["quick"]:
            enc = p["quick"].pop()
            tb = self.tb()
            p["screens"].append(tb["id"])
            refs = [self.health_ref(p)] if needs_referral(tb["result"]["outcome"]) and rng.random() < 0.6 else []
            self.emit(p, "registration.completed", {"encounter_id": enc, "tb": tb, "referrals": refs})
        elif kind == "screen":
            tb = self.tb()
            p["screens"].append(tb["id"])
            ref = self.health_ref(p) if needs_referral(tb["result"]["outcome"]) and rng.random() < 0.5 else None
            self.emit(p, "tb.screened", {"encounter_id": rng.choice(p["encs"]), "tb": tb, "referral": ref})
        elif kind == "refer":
            reason = "TB_TREATMENT_TRANSFER" if rng.random() < 0.3 else "TB"
            self.emit(p, "referral.created", {"encounter_id": rng.choice(p["encs"]),
                                              "referral": self.health_ref(p, reason)})
        elif kind == "update" and p["refs"]:
            changes = rng.choice([
                {"status": "cxr_done", "cxr_result": rng.choice(CXR)}, {"status": "cxr_done"},
                {"sputum_collected_at": "2026-11-12", "status": "arrived"},
                {"status": "xpert_done", "xpert_result": rng.choice(XPERT)},
                {"status": "diagnosed", "diagnosis": rng.choice(DIAGNOSIS)},
                {"status": "treatment_started", "treatment_started_at": "2026-11-20"},
                {"status": "closed"}, {"status": "lost_to_follow_up"}])
            self.emit(p, "referral.updated", {"referral_id": rng.choice(p["refs"]), "changes": changes})
        elif kind == "void" and rng.random() < 0.5:
            record_type, ids = rng.choice([("referral", p["refs"]), ("tb_screening", p["screens"]),
                                           ("encounter", p["encs"]), ("person", [p["id"]])])
            if ids:
                self.emit(p, "record.voided", {"record_type": record_type, "record_id": rng.choice(ids),
                                               "reason": "ENTERED_IN_ERROR"})
        elif kind == "amend":
            self.emit(p, "person.amended", {"changes": rng.choice([
                {"sex": rng.choice("FMX")}, {"home_province": rng.choice(["01", "17", ""])},
                {"sex": "F", "home_province": "22"}])})
        elif kind in ("stage", "outcome") and p["refs"] and self.pushed(p):
            self.hq_event(p, kind)

    def pushed(self, p: dict[str, Any]) -> bool:
        """HQ writes about a referral it holds: the person's events have all reached HQ."""
        return not any(e["entity_id"] == p["id"] for e in self.pending[p["dev"]])

    def hq_event(self, p: dict[str, Any], kind: str) -> None:
        rid = self.rng.choice(p["refs"])
        if kind == "stage":
            type_, payload = "referral.partner_stage", {
                "referral_id": rid, "stage": self.rng.choice(["arrived", "closed", "did_not_arrive"]),
                "outcome": "", "organisation": "HC-BTB", "by": "sophea"}
        else:
            type_, payload = "tb.outcome_hq", {"referral_id": rid, "changes": self.rng.choice([
                {"treatment_started_at": "2026-11-25"}, {"treatment_outcome": "CURED"}]),
                "organisation": "", "by": "sophea"}
        with self.hq.store.write() as conn:
            append_hq_event(conn, self.hq.clock, type_=type_, entity_type="person", entity_id=p["id"],
                            payload=payload, author="hq:sophea", batch_id="hq-partner")

    def push(self, n: int) -> None:
        d = self.rng.randrange(2)
        evs, self.pending[d] = self.pending[d][:n], self.pending[d][n:]
        if evs:
            got = self.hq.ingest(self.devices[d].seal(evs, self.hq.keys.exchange_public)).counts
            assert got.get("accepted") == len(evs), got

    def flush(self) -> None:
        for d in (0, 1):
            while self.pending[d]:
                evs, self.pending[d] = self.pending[d][:50], self.pending[d][50:]
                got = self.hq.ingest(self.devices[d].seal(evs, self.hq.keys.exchange_public)).counts
                assert got.get("accepted") == len(evs), got


def snapshot(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    return {t.name: sorted(tuple(r) for r in conn.execute(sa.select(t))) for t in (fact_tb_screens, fact_tb_referrals)}


def periods_of(conn: Connection) -> list[Period]:
    days = sorted({str(r[0]) for r in conn.execute(sa.select(fact_tb_screens.c.screened_on)) if r[0]})
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    mid = first + (last - first) / 2
    out = [Period(first, last + timedelta(days=1), "all"), Period(first, mid, "first half"),
           Period(mid, last + timedelta(days=1), "second half")]
    out += [Period(first + timedelta(days=k), first + timedelta(days=k + 3), f"days {k}") for k in range(0, 40, 6)]
    return out


# ------------------------------------------------------------------------------------------------ tests
@pytest.mark.parametrize("seed", [7, 2026])
def test_the_tb_section_from_the_facts_equals_the_fold_of_every_event(hq: HQService, seed: int) -> None:
    rng = random.Random(seed)
    world = World(hq, rng)
    for _ in range(40):
        world.arrival()
    world.flush()
    for _ in range(20):                                  # batches of random size, from either checkpoint
        for _ in range(rng.randint(5, 40)):
            world.step()
        world.push(rng.randint(1, 60))
    world.flush()
    with hq.store.read() as conn:
        assert get_meta(conn, STALE) is None             # every batch kept its facts
        cps = _checkpoint_ids(conn, [])
        whole = folded_whole(conn)
        # the mix exercised what the cascade counts: continued referrals, X-rays, diagnoses, voided screens
        assert any(s["continues"] for s in whole[0]) and any(r["cxr_result"] for r in whole[1])
        assert any(r["diagnosis"] in ("BACT_CONFIRMED", "CLINICALLY_DIAGNOSED") for r in whole[1])
        n_screens = conn.execute(sa.select(sa.func.count()).select_from(fact_tb_screens)).scalar()
        assert n_screens == len(whole[0]) > 40
        for period in periods_of(conn):
            got = _tb_cells(conn, period, None, cps)
            assert got == _tb_cells(conn, period, None, cps, whole), period
            for cp, name in cps.items():
                mine = {cp: name}
                assert _tb_cells(conn, period, mine, mine) == _tb_cells(conn, period, mine, mine, whole), period
        period = periods_of(conn)[0]
        # the fold HQ ran at report time before the facts agrees wherever its window held every event (a period
        # after the first event); a later period could miss a referral opened before its window on an arrival
        # screened again in it, which the device (and the facts) count
        assert _tb_cells(conn, period, None, cps) == \
            _tb_cells(conn, period, None, cps, folded_at_report_time(conn, period))
        report = build_report(conn, period, threshold=0)
        expected = _tb_cells(conn, period, None, cps, whole)
        assert expected["total"]["all"]["screened"] > 40 and expected["total"]["all"]["presumptive"] > 0
        assert {c: report.value("tb", "sex", c, "x_rayed") for c in expected["sex"]} == \
            {c: v["x_rayed"] for c, v in expected["sex"].items()}
        assert report.value("tb", "total", "all", "tb_diagnosed") == expected["total"]["all"]["tb_diagnosed"]
        incremental = snapshot(conn)
    with hq.store.write() as conn:
        tb_facts.rebuild(conn, chunk=17)                 # several chunks of persons
        assert snapshot(conn) == incremental


def test_an_hq_outcome_changes_the_report_at_once_and_a_void_takes_the_screen_out(hq: HQService) -> None:
    """What a user notices: a treatment start recorded at HQ counts in the month's report straight away; a screen
    voided by the checkpoint leaves it."""
    world = World(hq, random.Random(1))
    world.arrival()
    p = world.people[0]
    tb = world.tb()
    tb["result"]["outcome"] = "PRESUMPTIVE_TB_REFER"
    p["screens"].append(tb["id"])
    ref = world.health_ref(p)
    world.emit(p, "tb.screened", {"encounter_id": p["encs"][0], "tb": tb, "referral": ref})
    world.emit(p, "referral.updated", {"referral_id": ref["id"], "changes": {"status": "diagnosed",
                                                                            "diagnosis": "BACT_CONFIRMED"}})
    world.flush()

    def total() -> dict[str, int]:
        with hq.store.read() as conn:
            days = sorted(str(r[0]) for r in conn.execute(sa.select(fact_tb_screens.c.screened_on)))
            period = Period(date.fromisoformat(days[0]), date.fromisoformat(days[-1]) + timedelta(days=1), "p")
            r = build_report(conn, period, threshold=0)
        return {i: r.value("tb", "total", "all", i) for i in ("presumptive", "treatment_started",
                                                              "initial_loss_to_follow_up")}

    assert total() == {"presumptive": 1, "treatment_started": 0, "initial_loss_to_follow_up": 1}
    with hq.store.write() as conn:
        append_hq_event(conn, hq.clock, type_="tb.outcome_hq", entity_type="person", entity_id=p["id"],
                        payload={"referral_id": ref["id"], "changes": {"treatment_started_at": "2026-11-25"},
                                 "organisation": "", "by": "sophea"}, author="hq:sophea", batch_id="hq-partner")
    assert total() == {"presumptive": 1, "treatment_started": 1, "initial_loss_to_follow_up": 0}
    world.emit(p, "record.voided", {"record_type": "tb_screening", "record_id": tb["id"], "reason": "ERROR"})
    world.flush()
    with hq.store.read() as conn:
        assert [r.screen_id for r in conn.execute(sa.select(fact_tb_screens))] == \
            [s for s in p["screens"] if s != tb["id"]]


def test_a_solo_screen_without_referrals_counts_as_the_cascade_counts_it() -> None:
    """``_solo`` keeps the steps of a screen without a health referral per combination of what they depend on:
    each time the same as ``screen_steps`` itself, whatever the outcome, the day's form or a void."""
    from checkpoint.screening.cascade import STEPS, screen_steps

    rng = random.Random(14)
    for _ in range(3000):
        day = rng.choice(["2026-11-05", "2026-11-06", "20261105", "2026-11-05T10:00", ""])
        s = {"id": "s", "person_id": "p", "encounter_id": "e", "screened_on": day, "continues": "",
             "outcome": rng.choice([*OUTCOMES, "", None, "OTHER"]), "age": rng.choice([None, 3, 30, 70]),
             "sex": rng.choice(["F", "M", "X", "?"]), "province": rng.choice(["", "01", "12"]), "checkpoint": "cp"}
        if rng.random() < 0.2:
            s["voided"] = True
        got = tb_facts._solo(s, [])
        try:
            c = screen_steps(s, [], date.fromisoformat(day))
            expected = tuple(int(c[k]) for k in STEPS)
        except ValueError:
            expected = (0,) * len(STEPS)
        assert got[4:] == expected, s
