"""The assistance and NEA registration sections of HQ's reports (issue 15 point 3; sync.hq.service_facts), on SQLite
and PostgreSQL: three checkpoints' devices write a random but consistent history over six weeks (registrations,
second arrivals, assistance handed out, voided and corrected, NEA registrations, amendments of the person, voided
arrivals), pushed through HQ's real ingest in many batches; every figure of both sections, by every dimension,
for two months and for one checkpoint, equals the figure computed here from the events the devices sent; the facts
equal a fold of every event HQ holds and what rebuild-facts writes; events held until a gap is filled count once
released; suppression exactly at the threshold; hostile payloads never fail a batch; nothing identifying is kept."""

from __future__ import annotations

import json
import random
import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sync.hq import service_facts
from sync.hq.facts import AGE_GROUPS
from sync.hq.reports import INTERNAL, build_report, checkpoint_reports, parse_period
from sync.hq.service import HQService
from sync.hq.store import checkpoints, fact_assistance, fact_nea, fact_service_persons
from tests.support.hq_helpers import FakeDevice
from tests.sync.hq.test_reports import push, reg, register

ITEMS = (("WATER", "FOOD_WATER", "bottle"), ("MEAL", "FOOD_WATER", "meal"), ("HYGIENE_KIT", "NON_FOOD", "kit"),
         ("BUS_TICKET", "TRANSPORT", "ticket"), ("CASH_GRANT", "CASH", "USD"), ("NIGHT", "SHELTER", "night"),
         ("FIRST_AID", "MEDICAL", "kit"))
PROVIDERS = ("IOM", "DOSVY", "CWCC", "LSCW")
SECTORS = ("A", "C", "F", "G")
JOBS = ("CONSTRUCTION_WORKER", "FACTORY_WORKER", "FARM_WORKER")
PROVINCES = ("01", "02", "12", "17")
START = datetime(2026, 10, 25, 0, 0, tzinfo=UTC)
END = datetime(2026, 12, 4, 0, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def local_day(t: datetime) -> str:
    return (t + timedelta(hours=7)).date().isoformat()


# ------------------------------------------------------------------------------------------------ the world
class World:
    """Devices at three checkpoints, each writing its own timeline; the truth of every record kept here, as the
    devices' events say it (not as HQ reads it)."""

    def __init__(self, hq: HQService, rng: random.Random, names: tuple[str, ...] = ("Poipet", "Bavet", "Koh Kong")):
        self.hq, self.rng = hq, rng
        self.devices: dict[str, FakeDevice] = {}
        for name in names:
            d = FakeDevice(checkpoint_name=name)
            d.enroll(hq)
            self.devices[name] = d
        self.persons: dict[str, dict[str, Any]] = {}          # id -> sex, dob, province, cp
        self.arrivals: dict[str, dict[str, Any]] = {}         # encounter id -> person, day, voided
        self.given: dict[str, dict[str, Any]] = {}            # assistance id -> person, cp, day, kind, provider, voided
        self.nea: dict[str, dict[str, Any]] = {}              # registration id -> person, encounter, cp, day, form
        self.sent: list[dict[str, Any]] = []

    def event(self, cp: str, t: datetime, type_: str, pid: str, payload: dict[str, Any]) -> dict[str, Any]:
        d = self.devices[cp]
        d.ms = int(t.timestamp() * 1000)
        ev = d.event(type_=type_, entity_id=pid, payload=payload)
        self.sent.append(ev)
        return ev

    def step(self, cp: str, t: datetime) -> dict[str, Any] | None:
        rng = self.rng
        mine = [p for p, v in self.persons.items() if v["cp"] == cp]
        live = [a for a, v in self.given.items() if v["cp"] == cp and not v["voided"]]
        r = rng.random()
        if r < 0.25 or not mine:                               # a new person arrives
            pid = str(uuid.uuid4())
            sex, age, prov = rng.choice("MFFX"), rng.choice([5, 12, 16, 19, 22, 28, 35, 44, 61]), rng.choice(PROVINCES)
            dob = f"{t.year - age - 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            p = reg(pid, sex=sex, dob=dob, province=prov, arrival=t.isoformat())
            self.persons[pid] = {"sex": sex, "dob": dob, "province": prov, "cp": cp}
            self.arrivals[p["encounter"]["id"]] = {"person": pid, "day": local_day(t), "voided": False}
            return self.event(cp, t, "registration.recorded", pid, p)
        pid = rng.choice(mine)
        person = self.persons[pid]
        encs = [e for e, a in self.arrivals.items() if a["person"] == pid]
        if r < 0.30:                                           # she comes back
            born, day = date.fromisoformat(person["dob"]), date.fromisoformat(local_day(t))
            age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
            p = reg(pid, person=False, arrival=t.isoformat(), age=age)      # the device writes her age at arrival
            self.arrivals[p["encounter"]["id"]] = {"person": pid, "day": local_day(t), "voided": False}
            return self.event(cp, t, "registration.recorded", pid, p)
        if r < 0.65:                                           # assistance handed out
            code, kind, unit = rng.choice(ITEMS)
            aid, prov = str(uuid.uuid4()), rng.choice(PROVIDERS)
            self.given[aid] = {"person": pid, "cp": cp, "day": local_day(t), "kind": kind, "provider": prov,
                               "voided": False}
            return self.event(cp, t, "assistance.given", pid, {"assistance": {
                "id": aid, "item_code": code, "kind": kind, "unit": unit, "quantity": rng.choice([1, 2, 25.5]),
                "provider": prov, "cash_grant": kind == "CASH", "content_version": "1"}})
        if r < 0.70 and live:                                  # a handing-out voided
            aid = rng.choice(live)
            self.given[aid]["voided"] = True
            return self.event(cp, t, "assistance.voided", self.given[aid]["person"],
                              {"assistance_id": aid, "reason": "recorded twice"})
        if r < 0.75 and live:                                  # its provider corrected
            aid = rng.choice(live)
            prov = rng.choice(PROVIDERS)
            self.given[aid]["provider"] = prov
            changes: dict[str, Any] = {"provider": prov}
            if rng.random() < 0.5:
                changes["quantity"] = 3
            return self.event(cp, t, "assistance.corrected", self.given[aid]["person"],
                              {"assistance_id": aid, "changes": changes, "reason": "wrong agency"})
        if r < 0.88:                                           # an NEA registration of one of her arrivals
            free = [e for e in encs if not any(n["encounter"] == e for n in self.nea.values())]
            if not free:
                return None
            eid, rid = rng.choice(free), str(uuid.uuid4())
            form = {"desired_job": rng.choice(JOBS), "desired_sector": rng.choice(SECTORS),
                    "desired_province": rng.choice(PROVINCES), "education": rng.choice(["PRIMARY", "SECONDARY"]),
                    "abroad_again": rng.choice(["yes", "no", "maybe", ""]), "sector_abroad": rng.choice(SECTORS),
                    "phone": "012345678", "second_contact_name": "Srey Mom", "home_commune": "Phum Thmei",
                    "skills": ["WELDING"], "skills_text": "welding and driving"}
            self.nea[rid] = {"person": pid, "encounter": eid, "cp": cp, "day": local_day(t), "form": form}
            return self.event(cp, t, "nea.registered", pid, {"encounter_id": eid, "registration": {
                "id": rid, "data": form}})
        if r < 0.96:                                           # the person corrected
            changes = rng.choice([{"sex": rng.choice("MF")}, {"home_province": rng.choice(PROVINCES)},
                                  {"date_of_birth": f"{rng.randint(1960, 2015)}-06-15"}])
            person.update({"sex": changes.get("sex", person["sex"]),
                           "province": changes.get("home_province", person["province"]),
                           "dob": changes.get("date_of_birth", person["dob"])})
            return self.event(cp, t, "person.amended", pid, {"changes": changes, "reason": "typo"})
        eid = rng.choice(encs)                                 # an arrival voided
        self.arrivals[eid]["voided"] = True
        return self.event(cp, t, "record.voided", pid, {"record_type": "encounter", "record_id": eid,
                                                        "reason": "registered twice"})

    def run(self, steps: int, *, batch: int = 40) -> None:
        """Each device writes ``steps`` events between START and END, pushed in batches of about ``batch``."""
        for cp, dev in self.devices.items():
            t = START
            pending: list[dict[str, Any]] = []
            span = (END - START) / steps
            for _ in range(steps):
                t += span * self.rng.uniform(0.2, 1.8)
                t = min(t, END)
                ev = self.step(cp, t)
                if ev is not None:
                    pending.append(ev)
                if len(pending) >= batch:
                    assert push(self.hq, dev, pending)["accepted"] == len(pending)
                    pending = []
            if pending:
                assert push(self.hq, dev, pending)["accepted"] == len(pending)

    # -------------------------------------------------------------------------------------------- the oracle
    def _who(self, eid: str | None) -> tuple[str, str, str, str]:
        """(sex, sex_age, age_group, province) of an arrival, from the person's events as sent."""
        if eid is None:
            return "UNKNOWN", "unknown", "unknown", ""
        a = self.arrivals[eid]
        p = self.persons[a["person"]]
        born, day = date.fromisoformat(p["dob"]), date.fromisoformat(a["day"])
        age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        group = next(g for lo, hi, g in AGE_GROUPS if lo <= age <= hi)
        child = age < 18
        sex_age = {"M": "boy" if child else "man", "F": "girl" if child else "woman"}.get(p["sex"], "other")
        return p["sex"], sex_age, group, p["province"]

    def _arrival_of(self, pid: str, day: str) -> str | None:
        mine = sorted((a["day"], e) for e, a in self.arrivals.items() if a["person"] == pid and not a["voided"])
        before = [x for x in mine if x[0] <= day]
        return before[-1][1] if before else (mine[0][1] if mine else None)

    def expected(self, first: str, last: str, cps: set[str] | None = None) -> dict[str, dict[tuple[str, str],
                                                                                             Counter[str]]]:
        out: dict[str, dict[tuple[str, str], Counter[str]]] = {"assistance": {}, "nea": {}}
        persons: dict[tuple[str, str, str], set[str]] = {}

        def add(section: str, key: tuple[str, str], pid: str, *inds: str) -> None:
            c = out[section].setdefault(key, Counter())
            for i in inds:
                c[i] += 1
            who = persons.setdefault((section, *key), set())
            if pid not in who:
                who.add(pid)
                c[f"{section}_persons"] += 1

        for g in self.given.values():
            if g["voided"] or not first <= g["day"] <= last or (cps is not None and g["cp"] not in cps):
                continue
            sex, sex_age, group, prov = self._who(self._arrival_of(g["person"], g["day"]))
            for key in (("total", "all"), ("checkpoint", g["cp"]), ("sex", sex), ("sex_age", sex_age),
                        ("age_group", group), ("province", prov), ("provider", g["provider"])):
                add("assistance", key, g["person"], "assistance_given", f"assistance_{g['kind'].lower()}")
            add("assistance", ("kind", g["kind"]), g["person"], "assistance_given")
        for n in self.nea.values():
            if self.arrivals[n["encounter"]]["voided"] or not first <= n["day"] <= last or (
                    cps is not None and n["cp"] not in cps):
                continue
            sex, sex_age, group, prov = self._who(n["encounter"])
            f = n["form"]
            for key in (("total", "all"), ("checkpoint", n["cp"]), ("sex", sex), ("sex_age", sex_age),
                        ("age_group", group), ("province", prov), ("desired_sector", f["desired_sector"]),
                        ("desired_job", f["desired_job"]), ("desired_province", f["desired_province"]),
                        ("education", f["education"]), ("abroad_again", f["abroad_again"])):
                add("nea", key, n["person"], "nea_registrations")
        return out


def got(conn: Connection, period: str, **kw: Any) -> dict[str, dict[tuple[str, str], dict[str, int]]]:
    """The report's assistance and nea cells (threshold 0: every figure), zeros left out."""
    r = build_report(conn, parse_period(period), threshold=0, sections=["assistance", "nea"], **kw)
    out: dict[str, dict[tuple[str, str], dict[str, int]]] = {"assistance": {}, "nea": {}}
    for c in r.cells:
        if c.value:
            out[c.section].setdefault((c.dimension, c.category), {})[c.indicator] = c.value
    return out


def snapshot(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    return {t.name: sorted((tuple(r) for r in conn.execute(sa.select(t))), key=repr)
            for t in (fact_assistance, fact_nea, fact_service_persons)}


# ------------------------------------------------------------------------------------------------ tests
@pytest.mark.parametrize("seed", [13, 2026])
def test_every_figure_equals_what_the_devices_events_say(hq: HQService, seed: int) -> None:
    w = World(hq, random.Random(seed))
    w.run(180)
    assert len(w.given) > 100 and len(w.nea) > 30 and any(g["voided"] for g in w.given.values())
    with hq.store.read() as conn:
        for period, first, last in (("2026-11", "2026-11-01", "2026-11-30"), ("2026-12", "2026-12-01", "2026-12-31"),
                                    ("2026", "2026-01-01", "2026-12-31"),
                                    ("2026-11-03..2026-11-09", "2026-11-03", "2026-11-09")):
            want = {s: {k: dict(v) for k, v in t.items()} for s, t in w.expected(first, last).items()}
            assert got(conn, period) == want, period
            assert want["assistance"][("total", "all")]["assistance_given"] > 0
        # one checkpoint asked for: only its handings-out and registrations (by name, as HQ spells it)
        bavet = {s: {k: dict(v) for k, v in t.items()} for s, t in w.expected("2026-11-01", "2026-11-30",
                                                                                {"Bavet"}).items()}
        assert got(conn, "2026-11", checkpoints=["bavet"]) == bavet
        two = {s: {k: dict(v) for k, v in t.items()} for s, t in w.expected("2026-11-01", "2026-11-30",
                                                                             {"Bavet", "Poipet"}).items()}
        assert got(conn, "2026-11", checkpoints=["bavet", "Poipet"]) == two
        # each checkpoint's own report (DHIS2's read) holds the same sections as its report alone
        for name, rep in checkpoint_reports(conn, parse_period("2026-11"), threshold=INTERNAL).items():
            alone = build_report(conn, parse_period("2026-11"), checkpoints=[name], threshold=INTERNAL)
            assert rep is not None
            assert [c for c in rep.cells if c.section in ("assistance", "nea")] == \
                [c for c in alone.cells if c.section in ("assistance", "nea")]


def test_the_facts_are_the_fold_of_every_event_and_rebuild_writes_the_same_rows(hq: HQService) -> None:
    w = World(hq, random.Random(7))
    w.run(150, batch=17)
    with hq.store.write() as conn:
        kept = snapshot(conn)
        # the truth as sent: every handing-out (voided ones kept, marked) and registration
        assert sorted((r[0], r[1], r[5], r[8]) for r in kept["fact_assistance"]) == sorted(
            (a, g["person"], g["provider"], g["voided"]) for a, g in w.given.items())
        assert sorted((r[0], r[2], r[4], r[6]) for r in kept["fact_nea"]) == sorted(
            (i, n["encounter"], n["day"], n["form"]["desired_sector"]) for i, n in w.nea.items())
        service_facts.rebuild(conn)
        assert snapshot(conn) == kept


def test_each_persons_sums_kept_per_month_and_year_give_the_figures_her_rows_give(
        hq: HQService, monkeypatch: pytest.MonkeyPatch) -> None:
    """A month or a year, at every checkpoint or at one, is read from what ``fact_service_persons`` keeps (kept
    batch by batch, through voids, corrections and arrivals that move a handing-out to another arrival): the same
    figures as summing the period's rows per person, persons whose rows differ in a dimension included."""
    w = World(hq, random.Random(31))
    w.run(160, batch=11)
    with hq.store.read() as conn:
        ids = [str(i) for i, in conn.execute(sa.select(checkpoints.c.id))]
        fp = fact_service_persons
        # some persons' rows differ in a dimension: the second query of _by_dimension is exercised
        assert conn.execute(sa.select(sa.func.count()).select_from(fp).where(
            fp.c.section == "assistance", fp.c.provider.is_(None))).scalar_one() > 0
        cases = []
        for period in ("2026-10", "2026-11", "2026-12", "2026"):
            p = parse_period(period)
            start, end = p.start.isoformat(), p.end.isoformat()
            for cps in (None, *([i] for i in ids)):
                assert service_facts.kept_period(start, end, cps) is not None
                cases.append((period, start, end, cps, service_facts.figures(conn, start, end, cps)))
        assert service_facts.kept_period("2026-11-03", "2026-11-10", None) is None
        assert service_facts.kept_period("2026-11-01", "2026-12-01", ids[:2]) is None
        monkeypatch.setattr(service_facts, "kept_period", lambda *a: None)      # read from the rows instead
        for period, start, end, cps, kept in cases:
            assert kept == service_facts.figures(conn, start, end, cps), (period, cps)
        assert any(kept["assistance"] for *_, kept in cases) and any(kept["nea"] for *_, kept in cases)


def test_the_cli_rebuild_facts_rebuilds_these_facts_too(hq: HQService, hq_url: str) -> None:
    from tests.sync.hq.test_cli import hq_cli

    w = World(hq, random.Random(3), names=("Poipet",))
    w.run(60)
    with hq.store.write() as conn:
        kept = snapshot(conn)
        conn.execute(fact_assistance.delete())
        conn.execute(fact_nea.delete())
    r = hq_cli("rebuild-facts", "--db", hq_url, "--json")
    assert r.returncode == 0, r.stderr
    with hq.store.read() as conn:
        assert snapshot(conn) == kept and kept["fact_assistance"]


def test_events_held_for_a_gap_count_once_released(hq: HQService) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    pid = str(uuid.uuid4())
    p = reg(pid)
    evs = [dev.event(entity_id=pid, payload=p)]
    aid = str(uuid.uuid4())
    evs.append(dev.event(type_="assistance.given", entity_id=pid, payload={"assistance": {
        "id": aid, "item_code": "MEAL", "kind": "FOOD_WATER", "unit": "meal", "quantity": 1, "provider": "IOM"}}))
    evs.append(dev.event(type_="nea.registered", entity_id=pid, payload={
        "encounter_id": p["encounter"]["id"],
        "registration": {"id": str(uuid.uuid4()), "data": {"desired_sector": "F"}}}))
    evs.append(dev.event(type_="assistance.voided", entity_id=pid, payload={"assistance_id": aid, "reason": "x"}))
    assert push(hq, dev, evs[:1])["accepted"] == 1
    assert push(hq, dev, evs[2:3])["held"] == 1                 # the assistance.given is missing: a gap
    with hq.store.read() as conn:
        r = build_report(conn, parse_period("2026-11"), threshold=0, sections=["assistance", "nea"])
    assert r.value("nea", "total", "all", "nea_registrations") == 0
    counts = push(hq, dev, evs[1:2])
    assert counts["accepted"] == 1 and counts["released"] == 1
    with hq.store.read() as conn:
        r = build_report(conn, parse_period("2026-11"), threshold=0, sections=["assistance", "nea"])
    assert r.value("nea", "total", "all", "nea_registrations") == 1
    assert r.value("nea", "desired_sector", "F", "nea_persons") == 1
    assert r.value("assistance", "total", "all", "assistance_given") == 1
    assert push(hq, dev, evs[3:])["accepted"] == 1
    with hq.store.read() as conn:
        r = build_report(conn, parse_period("2026-11"), threshold=0, sections=["assistance", "nea"])
        assert conn.execute(sa.select(fact_assistance.c.voided)).scalars().all() == [True]
    assert r.value("assistance", "total", "all", "assistance_given") == 0       # given, then voided
    assert r.value("nea", "total", "all", "nea_registrations") == 1


def _given(dev: FakeDevice, pid: str, provider: str = "IOM", kind: str = "CASH") -> dict[str, Any]:
    return dev.event(type_="assistance.given", entity_id=pid, payload={"assistance": {
        "id": str(uuid.uuid4()), "item_code": "X", "kind": kind, "unit": "USD", "quantity": 25, "provider": provider}})


def test_small_cells_are_withheld_exactly_at_the_threshold(hq: HQService) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    women = [reg(str(uuid.uuid4()), sex="F") for _ in range(INTERNAL)]
    men = [reg(str(uuid.uuid4()), sex="M") for _ in range(INTERNAL - 1)]
    push(hq, dev, register(dev, women + men))
    push(hq, dev, [_given(dev, p["person_id"]) for p in women + men])

    def cell(dim: str, cat: str, ind: str = "assistance_given", threshold: int = INTERNAL) -> int | None:
        with hq.store.read() as conn:
            return build_report(conn, parse_period("2026-11"), threshold=threshold).value("assistance", dim, cat, ind)

    assert cell("sex", "M") is None and cell("sex", "F") is None      # 4 withheld, so the 5 too (complementary)
    assert cell("total", "all") == 2 * INTERNAL - 1 and cell("kind", "CASH") == 2 * INTERNAL - 1
    assert cell("sex_age", "man", "assistance_cash") is None
    push(hq, dev, [_given(dev, men[0]["person_id"])])                 # a second grant: 5 handings-out, 4 persons
    assert cell("sex", "M") == INTERNAL and cell("sex", "F") == INTERNAL
    assert cell("sex", "M", "assistance_persons") is None and cell("sex", "F", "assistance_persons") is None
    assert cell("sex", "M", threshold=11) is None


def test_hostile_payloads_are_left_out_and_never_fail_a_batch(hq: HQService) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    p = reg(str(uuid.uuid4()))
    pid = p["person_id"]
    bad = [{"assistance": {"id": str(uuid.uuid4()), "item_code": "X" * 65, "kind": "CASH", "unit": "USD",
                           "quantity": 1, "provider": "IOM"}},
           {"assistance": {"id": str(uuid.uuid4()), "item_code": "X", "kind": "CASH", "unit": "USD",
                           "quantity": -3, "provider": "IOM"}},
           {"assistance": {"id": str(uuid.uuid4()), "item_code": "X", "kind": "BRIBE", "unit": "USD",
                           "quantity": 1, "provider": "IOM"}}]
    evs = [dev.event(entity_id=pid, payload=p)] + [dev.event(type_="assistance.given", entity_id=pid, payload=b)
                                                   for b in bad]
    evs.append(dev.event(type_="nea.registered", entity_id=pid, payload={
        "encounter_id": p["encounter"]["id"], "registration": {"id": str(uuid.uuid4()), "data": {
            "desired_sector": ["F"], "desired_job": "J" * 500, "abroad_again": "yes-please", "education": 7}}}))
    counts = push(hq, dev, evs)
    assert counts["accepted"] + counts.get("quarantined", 0) == len(evs)
    with hq.store.read() as conn:
        rows = conn.execute(sa.select(fact_assistance.c.kind)).scalars().all()
        nea = [tuple(r) for r in conn.execute(sa.select(fact_nea.c.desired_sector, fact_nea.c.desired_job,
                                                        fact_nea.c.abroad_again, fact_nea.c.education))]
    assert rows == ["OTHER"]                # the two the device refuses are left out; an unknown kind is OTHER
    assert nea == [("", "", "", "")]


def test_the_facts_hold_nothing_that_identifies_anyone(hq: HQService) -> None:
    w = World(hq, random.Random(5), names=("Poipet",))
    w.run(60)
    with hq.store.read() as conn:
        text = json.dumps({k: [list(map(str, r)) for r in v] for k, v in snapshot(conn).items()})
    for secret in ("SOK", "DARA", "012345678", "Srey Mom", "Phum Thmei", "welding", "WELDING", "25.5"):
        assert secret not in text


def test_hqs_kinds_are_the_devices() -> None:
    from checkpoint.services.assistance import KINDS

    assert service_facts.KINDS == KINDS


def test_events_quarantined_until_their_person_arrives_count_once_released(hq: HQService) -> None:
    """Another laptop of the checkpoint hands out assistance and registers with NEA before the person's registration
    reaches HQ: HQ quarantines them as waiting for their person, and counts them when the registration arrives and
    releases them (sync.hq.waiting: the facts kept by the same hook)."""
    first, other = FakeDevice(checkpoint_name="Poipet"), FakeDevice(checkpoint_name="Poipet")
    for d in (first, other):
        d.enroll(hq)
    pid = str(uuid.uuid4())
    p = reg(pid, sex="F")
    early = [_given(other, pid, kind="FOOD_WATER"), other.event(type_="nea.registered", entity_id=pid, payload={
        "encounter_id": p["encounter"]["id"],
        "registration": {"id": str(uuid.uuid4()), "data": {"education": "NONE"}}})]
    counts = push(hq, other, early)
    assert counts["accepted"] == 0 and counts["quarantined"] == 2

    def figures() -> tuple[int | None, int | None]:
        with hq.store.read() as conn:
            r = build_report(conn, parse_period("2026-11"), threshold=0, sections=["assistance", "nea"])
        return r.value("assistance", "sex", "F", "assistance_food_water"), r.value("nea", "education", "NONE",
                                                                                   "nea_registrations")

    assert figures() == (0, 0)
    assert push(hq, first, register(first, [p]))["accepted"] == 1
    assert figures() == (1, 1)
    with hq.store.write() as conn:                          # and a rebuild agrees
        kept = snapshot(conn)
        service_facts.rebuild(conn)
        assert snapshot(conn) == kept


def test_a_handing_out_follows_the_arrival_hq_knows_now(hq: HQService) -> None:
    """A handing-out counts under the person's latest arrival (not voided) on or before its day, else her first:
    HQ keeps that link at ingest, so it must follow when an earlier arrival reaches HQ after the handing-out, and
    when the arrival it counted under is voided (by another laptop, in a later batch). Ages tell the arrivals
    apart: 17 at the first (a girl), 19 at the second (a woman). A rebuild agrees at every step."""
    first, other = FakeDevice(checkpoint_name="Poipet"), FakeDevice(checkpoint_name="Poipet")
    for d in (first, other):
        d.enroll(hq)
    pid = str(uuid.uuid4())

    def at(dev: FakeDevice, day: str) -> FakeDevice:
        dev.ms = int(datetime.fromisoformat(f"{day}T03:00:00+00:00").timestamp() * 1000)
        return dev

    second = reg(pid, sex="F", arrival="2026-11-20T03:00:00+00:00", age=19)
    earlier = reg(pid, person=False, arrival="2026-11-10T03:00:00+00:00", age=17)
    a2, a1 = second["encounter"]["id"], earlier["encounter"]["id"]

    def void(dev: FakeDevice, eid: str) -> dict[str, Any]:
        return dev.event(type_="record.voided", entity_id=pid,
                         payload={"record_type": "encounter", "record_id": eid, "reason": "registered twice"})

    def by_sex_age() -> dict[str, int]:
        with hq.store.read() as conn:                          # as ingest kept the facts
            r = build_report(conn, parse_period("2026-11"), threshold=0, sections=["assistance"])
        with hq.store.write() as conn:
            kept = snapshot(conn)
            service_facts.rebuild(conn)
            assert snapshot(conn) == kept                      # what ingest kept is what a rebuild writes
        return {c.category: c.value for c in r.cells
                if c.dimension == "sex_age" and c.indicator == "assistance_given" and c.value}

    reg_ev = at(first, "2026-11-14").event(entity_id=pid, payload=second)
    given_15 = _given(at(first, "2026-11-15"), pid)            # before any arrival HQ knows: her first (the 20th)
    given_21 = _given(at(first, "2026-11-21"), pid)
    assert push(hq, first, [reg_ev, given_15, given_21])["accepted"] == 3
    assert by_sex_age() == {"woman": 2}
    assert push(hq, other, [other.event(entity_id=pid, payload=earlier)])["accepted"] == 1
    assert by_sex_age() == {"girl": 1, "woman": 1}             # the 15th now counts under the arrival of the 10th
    assert push(hq, first, [void(at(first, "2026-11-22"), a2)])["accepted"] == 1
    assert by_sex_age() == {"girl": 2}                         # the 21st falls back to the 10th
    assert push(hq, other, [void(other, a1)])["accepted"] == 1
    assert by_sex_age() == {"unknown": 2}                      # no arrival left: counted, but unknown
    with hq.store.read() as conn:
        assert set(conn.execute(sa.select(fact_assistance.c.encounter_id)).scalars()) == {""}
