"""HQ's reporting projection and reports, on SQLite and PostgreSQL: figures from synthetic devices pushed through
HQ's real ingest equal figures computed here from what the devices sent; corrections, voids, held events and
hostile values; suppression exactly at the threshold; nothing identifying in the facts; an upgraded HQ reports
on its old data."""

from __future__ import annotations

import json
import random
import shutil
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint.errors import ValidationError
from checkpoint.model.referral import HEALTH_STAGES as MODEL_STAGES
from sync.hq import facts
from sync.hq.reports import INTERNAL, PUBLICATION, build_report, parse_period, suppress
from sync.hq.service import HQService
from sync.hq.store import HQStore, fact_arrivals, fact_cube, fact_referrals
from tests.support.hq_helpers import FakeDevice

FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def reg(pid: str, *, sex: str = "M", dob: str = "1990-05-17", province: str = "01", district: str = "0102",
        arrival: str = "2026-11-10T03:00:00+00:00", return_type: str = "DEPORTED_G2G", country: str = "THA",
        sector: str = "F", trafficking: str | None = None, cp_flag: bool = False, tb: str | None = None,
        referrals: tuple[tuple[str, str], ...] = (), person: bool = True, age: int | None = None) -> dict[str, Any]:
    """A registration payload as a device writes it (names, document and phone included: they must not reach
    the facts)."""
    enc: dict[str, Any] = {"id": str(uuid.uuid4()), "station_id": "POIPET_INTL_CHECKPOINT", "arrival_at": arrival,
                           "return_type": return_type, "country_of_work": country, "sector_of_work": sector}
    if age is not None:
        enc["age_at_arrival"] = age
    return {
        "person_id": pid,
        "person": {"family_name": "SOK", "given_names": "DARA", "sex": sex, "date_of_birth": dob,
                   "id_document_type": "PASSPORT", "id_document_number": "N1234567", "phone": "012345678",
                   "home_province": province, "home_district": district, "home_village": "Phum Thmei"}
        if person else None,
        "encounter": enc,
        "consents": [{"purpose": p, "granted": True} for p in ("screening", "storage", "referral", "sharing")],
        "trafficking": {"id": str(uuid.uuid4()), "ticked": [], "age_used": 30,
                        "result": {"outcome": trafficking, "flags": ["CHILD_PROTECTION"] if cp_flag else [],
                                   "positive_dimensions": [], "content_id": "ilo", "content_version": "1"}}
        if trafficking else None,
        "tb": {"id": str(uuid.uuid4()), "answers": {},
               "result": {"outcome": tb, "presumptive": tb == "PRESUMPTIVE_TB_REFER", "content_id": "tb",
                          "content_version": "1"}} if tb else None,
        "referrals": [{"id": str(uuid.uuid4()), "kind": k, "agency_code": a, "reason_code": "R", "urgency": "ROUTINE",
                       "notes": "call her sister"} for k, a in referrals],
    }


def push(hq: HQService, dev: FakeDevice, evs: list[dict[str, Any]]) -> dict[str, int]:
    return hq.ingest(dev.seal(evs, hq.keys.exchange_public)).counts


def register(dev: FakeDevice, payloads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [dev.event(entity_id=p["person_id"], payload=p) for p in payloads]


def facts_snapshot(hq: HQService) -> dict[str, list[tuple[Any, ...]]]:
    """HQ's arrival and referral facts and the cube's rows that are not all zero (corrections can bring a cube row
    down to zero; a rebuild never writes one), sorted: what a rebuild from the events must give again."""
    with hq.store.read() as conn:
        out = {t.name: sorted(map(tuple, conn.execute(sa.select(t)))) for t in (fact_arrivals, fact_referrals)}
        out["cube"] = sorted(r for r in map(tuple, conn.execute(sa.select(fact_cube))) if any(r[4:]))
    return out


def report(hq: HQService, period: str = "2026-11", **kw: Any) -> Any:
    kw.setdefault("threshold", 0)
    with hq.store.read() as conn:
        return build_report(conn, parse_period(period), **kw)


def random_payloads(rng: random.Random, n: int) -> list[dict[str, Any]]:
    out = []
    for _ in range(n):
        age = rng.choice([4, 12, 16, 19, 25, 33, 41, 60])
        t = rng.choice([None, "NOT_INDICATED", "PRESUMED_VICTIM"])
        out.append(reg(str(uuid.uuid4()), sex=rng.choice("MFFX"), dob=f"{2026 - age - 1}-01-15",
                       province=rng.choice(["01", "02", "17"]), district=rng.choice(["0102", "0201", "1701"]),
                       arrival=rng.choice(["2026-11-01T00:30:00+00:00", "2026-11-30T16:59:00+00:00",
                                           "2026-11-30T17:00:00+00:00", "2026-10-31T16:59:00+00:00",
                                           "2026-10-31T17:00:00+00:00"]),
                       return_type=rng.choice(["DEPORTED_G2G", "SELF_RETURN_IRREGULAR"]),
                       country=rng.choice(["THA", "VNM"]), sector=rng.choice(["A", "F", "ONLINE_SCAM_COMPOUND"]),
                       trafficking=t, cp_flag=t == "PRESUMED_VICTIM" and age < 18,
                       tb=rng.choice([None, "SCREEN_NEGATIVE", "PRESUMPTIVE_TB_REFER"]),
                       referrals=tuple(rng.sample([("protection", "DOSVY"), ("health", "HC01"),
                                                   ("child_protection", "MOSVY")], rng.randint(0, 2)))))
    return out


def expected(payloads: list[tuple[str, dict[str, Any]]], dim: str) -> dict[str, Counter[str]]:
    """The figures computed here from what the devices sent (local date = UTC+7), independently of HQ."""
    out: dict[str, Counter[str]] = {}
    for cp, p in payloads:
        e, person = p["encounter"], p["person"]
        hour = int(e["arrival_at"][11:13])
        day = e["arrival_at"][:10]
        if hour >= 17:              # 17:00 UTC is the next local day
            day = {"2026-10-31": "2026-11-01", "2026-11-30": "2026-12-01"}.get(day, day)
        if not ("2026-11-01" <= day <= "2026-11-30"):
            continue
        age = int(day[:4]) - int(person["date_of_birth"][:4]) - (day[5:] < person["date_of_birth"][5:])
        child = age < 18
        group = {"M": "boy" if child else "man", "F": "girl" if child else "woman"}.get(person["sex"], "other")
        cat = {"total": "all", "checkpoint": cp, "sex": person["sex"], "sex_age": group,
               "province": person["home_province"], "district": person["home_district"],
               "country": e["country_of_work"], "return_type": e["return_type"], "sector": e["sector_of_work"],
               "age_group": next(g for lo, hi, g in facts.AGE_GROUPS if lo <= age <= hi)}[dim]
        c = out.setdefault(cat, Counter())
        c["arrivals"] += 1
        if dim in ("total", "checkpoint"):
            c["persons"] += 1
        t = p["trafficking"]
        c["trafficking_screened" if t else "trafficking_not_screened"] += 1
        c["trafficking_indicators"] += bool(t and t["result"]["outcome"] == "PRESUMED_VICTIM")
        c["child_protection"] += bool(t and t["result"]["flags"])
        for r in p["referrals"]:
            c["referrals"] += 1
            c[f"referrals_{r['kind']}"] += 1
    return out


DIMS = ("total", "checkpoint", "sex", "sex_age", "age_group", "province", "district", "country", "return_type",
        "sector")


def test_report_figures_equal_those_computed_from_what_the_devices_sent(hq: HQService) -> None:
    rng = random.Random(15)
    sent: list[tuple[str, dict[str, Any]]] = []
    for name in ("Poipet", "Bavet", "Koh Kong"):
        dev = FakeDevice(checkpoint_name=name)
        dev.enroll(hq)
        payloads = random_payloads(rng, 60)
        for i in range(0, 60, 25):                      # several batches per device
            assert push(hq, dev, register(dev, payloads[i:i + 25]))["accepted"] == len(payloads[i:i + 25])
        sent += [(name, p) for p in payloads]
    r = report(hq)
    for dim in DIMS:
        want = expected(sent, dim)
        got = {c: {i: r.value("arrivals", dim, c, i) for i in want[c]} for c in want}
        assert got == {c: dict(v) for c, v in want.items()}, dim
        cats = {c.category for c in r.cells if c.section == "arrivals" and c.dimension == dim}
        assert cats == set(want), dim           # no category HQ made up
    # Assistance and NEA registrations (#15.3) of the same persons, counted here from what the devices sent.
    want: Counter[tuple[str, str, str]] = Counter()
    for name in ("Poipet", "Bavet", "Koh Kong"):
        dev = FakeDevice(checkpoint_name=name)          # another laptop of the checkpoint, a week later
        dev.enroll(hq)
        evs = []
        for _cp, p in (s for s in sent if s[0] == name and rng.random() < 0.5):
            kind, provider = rng.choice([("CASH", "IOM"), ("FOOD_WATER", "DOSVY"), ("TRANSPORT", "IOM")])
            evs.append(dev.event(type_="assistance.given", entity_id=p["person_id"], payload={"assistance": {
                "id": str(uuid.uuid4()), "item_code": "X", "kind": kind, "unit": "kit", "quantity": 1,
                "provider": provider}}))
            sex = p["person"]["sex"]
            for key in (("assistance_given", "total", "all"), ("assistance_given", "checkpoint", name),
                        ("assistance_given", "kind", kind), ("assistance_given", "provider", provider),
                        ("assistance_given", "sex", sex), (f"assistance_{kind.lower()}", "sex", sex)):
                want[key] += 1
            if rng.random() < 0.5:
                evs.append(dev.event(type_="nea.registered", entity_id=p["person_id"], payload={
                    "encounter_id": p["encounter"]["id"], "registration": {"id": str(uuid.uuid4()), "data": {
                        "desired_sector": p["encounter"]["sector_of_work"]}}}))
                for key in (("nea_registrations", "total", "all"), ("nea_registrations", "checkpoint", name),
                            ("nea_registrations", "sex", sex),
                            ("nea_registrations", "desired_sector", p["encounter"]["sector_of_work"])):
                    want[key] += 1
        assert push(hq, dev, evs)["accepted"] == len(evs)
    r = report(hq)
    counted = {(i, d) for i, d, _c in want}           # every cell of what is counted here: none missing, none more
    got = {(c.indicator, c.dimension, c.category): c.value for c in r.cells
           if c.section in ("assistance", "nea") and c.value and (c.indicator, c.dimension) in counted}
    assert got == dict(want) and want[("nea_registrations", "total", "all")] > 20
    # Only one checkpoint asked for: only its arrivals.
    bavet = report(hq, checkpoints=["bavet"])
    assert bavet.value("arrivals", "total", "all", "arrivals") == sum(expected(
        [s for s in sent if s[0] == "Bavet"], "total")["all"]["arrivals"] for _ in [0])
    with pytest.raises(ValidationError):
        report(hq, checkpoints=["Nowhere"])


def test_corrections_voids_and_referral_updates_change_the_figures(hq: HQService) -> None:
    dev = FakeDevice(checkpoint_name="Poipet")
    dev.enroll(hq)
    a, b, c = (str(uuid.uuid4()) for _ in range(3))
    pa = reg(a, sex="M", trafficking="PRESUMED_VICTIM", referrals=(("protection", "DOSVY"),))
    pb = reg(b, sex="F", tb="PRESUMPTIVE_TB_REFER", referrals=(("health", "HC01"),))
    pc = reg(c, sex="F")
    push(hq, dev, register(dev, [pa, pb, pc]))
    r = report(hq)
    assert r.value("arrivals", "sex_age", "man", "arrivals") == 1
    assert r.value("arrivals", "total", "all", "trafficking_indicators") == 1
    assert r.value("referrals", "by_agency", "protection/DOSVY/referred", "referrals") == 1
    assert r.value("referrals", "trafficking_by_agency", "protection/DOSVY/referred", "referrals") == 1
    health = pb["referrals"][0]["id"]
    evs = [
        # A is a woman, 16 at arrival, whose home is in province 17; C's arrival came back from Viet Nam.
        dev.event(type_="person.amended", entity_id=a, payload={"changes": {"sex": "F", "date_of_birth": "2010-01-01",
                                                                            "home_province": "17"}, "reason": "x"}),
        dev.event(type_="encounter.amended", entity_id=c, payload={
            "encounter_id": pc["encounter"]["id"], "changes": {"country_of_work": "VNM",
                                                               "arrival_at": "2026-12-03T01:00:00+00:00"},
            "reason": "x"}),
        dev.event(type_="referral.updated", entity_id=b, payload={"referral_id": health, "changes": {
            "status": "diagnosed", "diagnosis": "BACT_CONFIRMED", "xpert_result": "MTB_DETECTED_RIF_NOT_DETECTED"}}),
        dev.event(type_="referral.updated", entity_id=b, payload={"referral_id": health,
                                                                  "changes": {"status": "lost_to_follow_up"}}),
        dev.event(type_="record.voided", entity_id=a, payload={"record_type": "referral",
                                                               "record_id": pa["referrals"][0]["id"], "reason": "x"}),
    ]
    assert push(hq, dev, evs)["accepted"] == 5
    r = report(hq)
    assert r.value("arrivals", "sex_age", "man", "arrivals") == 0
    assert r.value("arrivals", "sex_age", "girl", "arrivals") == 1
    assert r.value("arrivals", "age_group", "9-17", "arrivals") == 1
    assert r.value("arrivals", "province", "17", "arrivals") == 1
    assert r.value("arrivals", "total", "all", "arrivals") == 2          # C's arrival moved to December
    assert report(hq, "2026-12").value("arrivals", "country", "VNM", "arrivals") == 1
    assert r.value("referrals", "by_agency", "protection/DOSVY/referred", "referrals") == 0
    tb = {i: r.value("tb", "total", "all", i) for i in ("screened", "presumptive", "xpert_done", "tb_diagnosed",
                                                       "bact_confirmed", "treatment_started",
                                                       "initial_loss_to_follow_up")}
    # The device's cascade: diagnosed stays counted after the referral was lost; treatment never started.
    assert tb == {"screened": 1, "presumptive": 1, "xpert_done": 1, "tb_diagnosed": 1, "bact_confirmed": 1,
                  "treatment_started": 0, "initial_loss_to_follow_up": 1}
    # Voids: A's trafficking screening, then B's arrival, then C as a person.
    evs = [dev.event(type_="record.voided", entity_id=a, payload={
               "record_type": "trafficking_screening", "record_id": pa["trafficking"]["id"], "reason": "x"}),
           dev.event(type_="record.voided", entity_id=b, payload={
               "record_type": "encounter", "record_id": pb["encounter"]["id"], "reason": "x"}),
           dev.event(type_="record.voided", entity_id=c, payload={"record_type": "person", "record_id": c,
                                                                  "reason": "x"})]
    assert push(hq, dev, evs)["accepted"] == 3
    r = report(hq)
    assert r.value("arrivals", "total", "all", "arrivals") == 1
    assert r.value("arrivals", "total", "all", "trafficking_screened") == 0
    assert r.value("arrivals", "total", "all", "trafficking_not_screened") == 1
    assert r.value("tb", "total", "all", "screened") == 0                 # B's arrival is void: its screen too
    assert report(hq, "2026-12").value("arrivals", "total", "all", "arrivals") == 0
    # A second arrival of A (a known person, no person block) takes A's corrected sex and home.
    again = reg(a, person=False, age=16, arrival="2026-11-20T03:00:00+00:00")
    push(hq, dev, register(dev, [again]))
    r = report(hq)
    assert r.value("arrivals", "sex_age", "girl", "arrivals") == 2
    assert r.value("arrivals", "total", "all", "persons") == 1          # A twice (B and C are void)
    assert r.value("arrivals", "total", "all", "arrivals") == 2
    assert r.value("arrivals", "province", "17", "arrivals") == 2
    # The facts rebuilt from the events are the facts kept live (the cube's rows that corrections brought down
    # to zero aside).
    live = facts_snapshot(hq)
    assert len(live["cube"]) > 20
    with hq.store.write() as conn:
        facts.rebuild(conn, chunk=2)
    assert facts_snapshot(hq) == live


def test_held_events_count_only_once_released(hq: HQService) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    evs = register(dev, [reg(str(uuid.uuid4())) for _ in range(3)])
    assert push(hq, dev, evs[1:])["held"] == 2
    assert report(hq).value("arrivals", "total", "all", "arrivals") == 0
    counts = push(hq, dev, evs[:1])
    assert counts["accepted"] == 1 and counts["released"] == 2
    assert report(hq).value("arrivals", "total", "all", "arrivals") == 3


def test_hostile_values_are_read_as_unknown_and_never_fail_a_batch(hq: HQService) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    p = reg(str(uuid.uuid4()))
    p["person"].update(sex="M" * 500, date_of_birth="1990-02-30", home_province=["01"], home_district=None)
    p["encounter"].update(arrival_at="yesterday", return_type={"x": 1}, country_of_work=7, age_at_arrival="12")
    p["referrals"] = [{"id": str(uuid.uuid4()), "kind": 3, "agency_code": "A" * 1000},
                      {"id": str(uuid.uuid4()), "kind": "protection", "agency_code": "X|Y"}]
    q = reg(str(uuid.uuid4()), age=999, arrival="9999-12-31T23:59:59+00:00")
    assert push(hq, dev, register(dev, [p, q]))["accepted"] == 2
    with hq.store.read() as conn:
        rows = [dict(r) for r in conn.execute(sa.select(fact_arrivals).order_by(fact_arrivals.c.arrival_date))
                .mappings()]
        refs = conn.execute(sa.select(fact_referrals.c.kind, fact_referrals.c.agency)).all()
    assert [(r["sex"], r["age"], r["age_group"], r["arrival_date"], r["country"], r["return_type"]) for r in rows] \
        == [("UNKNOWN", None, "unknown", "", "", "UNKNOWN"), ("M", None, "unknown", "", "THA", "DEPORTED_G2G")]
    assert sorted(map(tuple, refs)) == [("", ""), ("protection", "X|Y")]
    assert rows[0]["ref_keys"] == "/-/referred|protection/X_Y/referred"      # one key per referral, always


def test_the_facts_hold_nothing_that_identifies_anyone(hq: HQService) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    push(hq, dev, register(dev, [reg(str(uuid.uuid4()), referrals=(("protection", "DOSVY"),))]))
    with hq.store.read() as conn:
        text = json.dumps([[list(map(str, r)) for r in conn.execute(sa.select(t))]
                           for t in (fact_arrivals, fact_referrals)])
    for secret in ("SOK", "DARA", "N1234567", "012345678", "1990-05-17", "Phum Thmei", "call her sister"):
        assert secret not in text
    cols = {c.name for t in (fact_arrivals, fact_referrals) for c in t.columns}
    assert not cols & {"family_name", "given_names", "date_of_birth", "phone", "id_document_number", "notes"}


def test_suppression_is_exact_at_the_threshold_and_protects_the_withheld_cell() -> None:
    for k in (INTERNAL, PUBLICATION):
        assert suppress({"a": k - 1, "b": k, "c": 0}, k) == {"a": None, "b": None, "c": 0}  # b withheld too
        assert suppress({"a": k - 1, "b": k + 3, "c": k}, k) == {"a": None, "b": k + 3, "c": None}
        assert suppress({"a": k, "b": k}, k) == {"a": k, "b": k}
        assert suppress({"a": 1, "b": k - 1, "c": 40}, k) == {"a": None, "b": None, "c": 40}
    assert suppress({"all": 4}, 5) == {"all": None}


def test_a_report_suppresses_small_cells_at_the_threshold(hq: HQService) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    push(hq, dev, register(dev, [reg(str(uuid.uuid4()), sex="F") for _ in range(INTERNAL)]
                               + [reg(str(uuid.uuid4()), sex="M") for _ in range(INTERNAL - 1)]))
    r = report(hq, threshold=INTERNAL)
    assert r.value("arrivals", "sex", "F", "arrivals") is None      # complementary: M alone would give F away
    assert r.value("arrivals", "sex", "M", "arrivals") is None
    assert r.value("arrivals", "total", "all", "arrivals") == 2 * INTERNAL - 1
    push(hq, dev, register(dev, [reg(str(uuid.uuid4()), sex="M")]))
    r = report(hq, threshold=INTERNAL)
    assert (r.value("arrivals", "sex", "F", "arrivals"), r.value("arrivals", "sex", "M", "arrivals")) == (5, 5)
    assert report(hq, threshold=PUBLICATION).value("arrivals", "sex", "M", "arrivals") is None
    assert r.to_dict()["sections"]["arrivals"]["sex"]["M"]["arrivals"] == 5


def test_periods() -> None:
    assert (parse_period("2026-11").start.isoformat(), parse_period("2026-11").end.isoformat()) == \
        ("2026-11-01", "2026-12-01")
    assert parse_period("2026").end.isoformat() == "2027-01-01"
    assert parse_period("2026-02-27..2026-03-01").end.isoformat() == "2026-03-02"
    for bad in ("", "2026-13", "November", "2026-11-05..2026-11-01", "2026-02-30"):
        with pytest.raises(ValidationError):
            parse_period(bad)


def test_the_health_stages_are_the_models() -> None:
    assert facts.HEALTH_STAGES == MODEL_STAGES


def test_an_upgraded_hq_reports_on_its_old_data(tmp_path: Path) -> None:
    """The 0002 fixture path is covered by test_upgrade on both databases; here the SQLite 0001 file upgrades
    through 0003 and its two arrivals and one referral are in the facts."""
    shutil.copy(FIXTURES / "hq-0001.db", tmp_path / "hq.db")
    store = HQStore.open(f"sqlite:///{tmp_path / 'hq.db'}")
    try:
        with store.read() as conn:
            r = build_report(conn, parse_period("2026-11"), threshold=0)
        assert r.value("arrivals", "total", "all", "arrivals") == 2
        assert r.value("arrivals", "sex_age", "man", "arrivals") == 2
        assert r.value("arrivals", "checkpoint", "Poipet", "arrivals") == 2
        assert r.value("arrivals", "total", "all", "referrals_health") == 1
    finally:
        store.close()


def test_a_fault_in_the_facts_never_fails_a_batch_and_says_the_reports_are_stale(hq: HQService,
                                                                                  monkeypatch: pytest.MonkeyPatch
                                                                                  ) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    push(hq, dev, register(dev, [reg(str(uuid.uuid4()))]))

    def broken(self: Any, *a: Any) -> None:
        self.conn.execute(sa.text("SELECT no_such_column FROM fact_arrivals"))   # a failed statement, as a bug

    monkeypatch.setattr(facts._Writer, "registration", broken)
    counts = push(hq, dev, register(dev, [reg(str(uuid.uuid4())), reg(str(uuid.uuid4()))]))
    assert counts["accepted"] == 2                          # the batch is in, and its ack was sent
    r = report(hq)
    assert r.value("arrivals", "total", "all", "arrivals") == 1 and r.stale_since
    assert r.to_dict()["stale_since"]
    with hq.store.read() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM journal WHERE kind = 'facts_stale'")).scalar_one() == 1
    monkeypatch.undo()
    with hq.store.write() as conn:
        facts.rebuild(conn)
    r = report(hq)
    assert r.value("arrivals", "total", "all", "arrivals") == 3 and not r.stale_since


@pytest.mark.parametrize("seed", [3, 41])
def test_runs_of_referral_updates_give_the_facts_one_event_at_a_time_gives(hq: HQService, seed: int) -> None:
    """A health post moves each TB referral stage by stage: HQ sums an arrival's referrals again once per run of
    updates (facts._Writer._settle), not after each. Random runs of updates, interleaved with voids and amendments
    that read the same arrivals, pushed in batches of random size, give exactly the facts of applying every event
    alone (a rebuild one event at a time), cube included."""
    rng = random.Random(seed)
    dev = FakeDevice()
    dev.enroll(hq)
    regs = random_payloads(rng, 40)
    for p in regs:
        p["referrals"] = [{"id": str(uuid.uuid4()), "kind": k, "agency_code": a, "reason_code": "R",
                           "urgency": "ROUTINE", "status": "referred"}
                          for k, a in rng.sample([("health", "HC01"), ("health", "HC02"), ("protection", "DOSVY")],
                                                 rng.randint(1, 3))]
    evs = register(dev, regs)
    stages = ["xray_done", "sputum_collected", "xpert_done", "diagnosed", "treatment_started", "lost_to_follow_up",
              "referred", "arrived", "completed"]
    for _ in range(400):
        p = rng.choice(regs)
        r = rng.choice(p["referrals"])
        roll = rng.random()
        if roll < 0.8:
            ch: dict[str, Any] = {"status": rng.choice(stages)}
            if rng.random() < 0.3:
                ch["diagnosis"] = rng.choice(["BACT_CONFIRMED", "CLINICALLY_DIAGNOSED", "NOT_TB"])
            if rng.random() < 0.2:
                ch["treatment_started_at"] = "2026-11-20T03:00:00+00:00"
            evs.append(dev.event(type_="referral.updated", entity_id=p["person_id"],
                                 payload={"referral_id": r["id"], "changes": ch}))
        elif roll < 0.88:
            evs.append(dev.event(type_="record.voided", entity_id=p["person_id"],
                                 payload={"record_type": "referral", "record_id": r["id"], "reason": "x"}))
        elif roll < 0.96:
            evs.append(dev.event(type_="person.amended", entity_id=p["person_id"], payload={
                "changes": {"sex": rng.choice("MF"), "home_province": rng.choice(["01", "17"])}, "reason": "x"}))
        else:
            evs.append(dev.event(type_="record.voided", entity_id=p["person_id"], payload={
                "record_type": "encounter", "record_id": p["encounter"]["id"], "reason": "x"}))
    at = 0
    while at < len(evs):
        n = rng.randint(1, 120)
        assert push(hq, dev, evs[at:at + n])["accepted"] == len(evs[at:at + n])
        at += n

    live = facts_snapshot(hq)
    reached = fact_referrals.c.keys().index("reached")
    assert {r[reached] for r in live["fact_referrals"]} - {"referred"}, "the runs moved referrals along"
    with hq.store.write() as conn:
        facts.rebuild(conn, chunk=1)                      # every event alone: summed again after each update
    assert facts_snapshot(hq) == live
