"""Synthetic returnees that look like a month at Poipet, for demos, training, screenshots and benchmarks.
Nobody here is a real person.

    >>> generate(session, count=2000, seed=1)     # doctest: +SKIP
    2000

**Time.** Arrivals cover the last ``WINDOW_DAYS`` local days up to ``now``, the last day only up to ``now`` (a
realistic partial "today"). Deportees come in Thai handover busloads (``BUS_SIZE`` people stepping off within
``BUS_SPREAD_MINUTES``) in office hours (``BUS_HOURS``), mostly on weekdays (``BUS_WEEKDAYS``); self-returnees
trickle in alone from early morning to evening (``SELF_HOURS``). Each person is registered (with their screens
and referrals) a little after arriving: a triage delay, then the busload queues at the desks
(``DESK_MINUTES``). ``generate`` records each registration with the store's clock set to that moment, so the
event log, the screenings and the referrals carry the time the officer would have saved them; nothing is ever
later than ``now``.

**People.** Sex, minors, documents, work sectors, detention, trafficking indicators and TB answers come from the
tables below. A figure marked *approximate, not verified* is a plausible guess that no source read for this
module confirms; change it here. Sources:

- IOM and CENAT, TB screening of returning migrants at the Poipet Migrant Transit Centre (Global Fund project;
  over 70,000 irregular migrants returned through Poipet in 2017):
  https://www.iom.int/news/iom-cambodia-launch-new-project-detect-manage-tb-among-migrants-thai-cambodian-border
- The Poipet TB cascade, Jan 2020 - Nov 2021, as reported quoting IOM's project officer: 15,034 screened,
  2,271 presumptive TB (15.1 %), 342 with TB (166 of them women):
  https://cambojanews.com/over-300-cambodian-migrant-workers-returned-from-thailand-during-pandemic-positive-for-tuberculosis/
  (figures as recorded in the project's domain spec, section 3.3). ``P_TB_SYMPTOMS`` targets the 15.1 %.
- IOM Cambodia, Returning Migrants Survey, Displacement Tracking Matrix (2020): Cambodians in Thailand work in
  construction, manufacturing and agriculture; citing a joint ILO/IOM study, fewer than one third migrate
  through regular channels (hence most returnees carry no document):
  https://reliefweb.int/report/cambodia/cambodia-returning-migrants-survey-displacement-tracking-matrix-dtm-2020
- IOM Cambodia (Dickson and Koenig, 2016), Assessment report: profile of returned Cambodian migrant workers
  (home province, age, detention by Thai authorities):
  https://docslib.org/doc/11585754/assessment-report-profile-of-returned-cambodian-migrant-workers
  (its tables were not read for this module: the shares below are not taken from it).
- 80-100 people returned through Poipet daily in 2016:
  https://www.phnompenhpost.com/national/new-transit-centre-planned-thai-border ; trucks of deportees arriving
  at the transit centre through the day, about 60 people in the hall:
  https://www.phnompenhpost.com/national-post-depth/voices-border-tales-migrants-returning-thailand-put-crisis-focus
- Returnees from farms and construction, mostly from Banteay Meanchey, Battambang, Siem Reap, Prey Veng and
  Kampong Cham: https://english.cambodiadaily.com/news/thailand-unrest-drives-migrant-workers-home-60885/
- Forced criminality in South-East Asian online scam compounds (UNODC, 2023), the reason for the local sector
  code ONLINE_SCAM_COMPOUND: https://github.com/UNMigration/HTCDS/issues/28

With 2,000 arrivals over 30 days (``make run``) a weekday has about 80 arrivals, in line with the 80-100 a day
above. Households (children arriving with their parents) are not generated yet. The same seed and the same
``now`` give the same people, answers and times (ids are random, as in every registration).
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from checkpoint import codelists, screening
from checkpoint.clock import ManualClock
from checkpoint.errors import CheckpointError
from checkpoint.model.person import age_on
from checkpoint.screening.prescreen import prescreen_content
from checkpoint.site import LOCAL_TZ

__all__ = ["FAMILY_NAMES", "GIVEN_NAMES", "SECTORS", "arrivals", "generate", "registrations"]

FAMILY_NAMES = (("SOK", "សុខ"), ("CHAN", "ចាន់"), ("KIM", "គីម"), ("HENG", "ហេង"), ("CHEA", "ជា"), ("LY", "លី"),
                ("KEO", "កែវ"), ("MEAS", "មាស"), ("NHEM", "ញឹម"), ("OUK", "អ៊ុក"), ("PICH", "ពេជ្រ"),
                ("PRAK", "ប្រាក់"), ("SENG", "សេង"), ("TOUCH", "ទូច"), ("VONG", "វង្ស"), ("YIM", "យឹម"),
                ("MAO", "ម៉ៅ"), ("NUON", "នួន"), ("PHAN", "ផាន"), ("SAM", "សំ"), ("LONG", "ឡុង"), ("SUON", "សួន"),
                ("TEP", "ទេព"), ("HOR", "ហោ"), ("ROS", "រស់"), ("SAN", "សាន"), ("SIM", "ស៊ីម"), ("UNG", "អ៊ឹង"))
GIVEN_NAMES = {
    "F": (("SOKHA", "សុខា"), ("SOPHEA", "សុភា"), ("BOPHA", "បុប្ផា"), ("SREYMOM", "ស្រីមុំ"), ("LEAKHENA", "លក្ខិណា"),
          ("THIDA", "ធីតា"), ("CHENDA", "ចិន្តា"), ("NARY", "នារី"), ("SREYMAO", "ស្រីម៉ៅ"), ("DAVY", "ដាវី"),
          ("SOKUNTHEA", "សុគន្ធា"), ("MALIS", "ម្លិះ"), ("PHALLA", "ផល្លា"), ("RATANA", "រតនា")),
    "M": (("DARA", "ដារា"), ("VANNA", "វណ្ណា"), ("RITH", "រិទ្ធ"), ("VUTHY", "វុទ្ធី"), ("PISETH", "ពិសិដ្ឋ"),
          ("SOPHAL", "សុផល"), ("KOSAL", "កុសល"), ("ROTHA", "រដ្ឋា"), ("VISAL", "វិសាល"), ("MAKARA", "មករា"),
          ("SOVANN", "សុវណ្ណ"), ("PHEAKDEY", "ភក្តី"), ("BUNTHOEUN", "ប៊ុនធឿន"), ("SAMNANG", "សំណាង")),
}

# ---------------------------------------------------------------- when people arrive
WINDOW_DAYS = 30
P_SELF_RETURN = 0.15            # share who come alone rather than in a handover busload; approximate, not verified
BUS_SIZE = (20, 60)             # people per busload; approximate, not verified (about 60 in the hall, see above)
BUS_SPREAD_MINUTES = 8          # a busload steps off within this many minutes
# Relative weight of each local hour (Asia/Phnom_Penh, UTC+7); office hours only for handovers. Approximate,
# not verified.
BUS_HOURS = {8: 0.6, 9: 1.0, 10: 1.2, 11: 1.0, 12: 0.4, 13: 0.9, 14: 1.1, 15: 1.0, 16: 0.6}
SELF_HOURS = {6: 0.5, 7: 0.8, 8: 1.0, 9: 1.0, 10: 1.0, 11: 0.9, 12: 0.7, 13: 0.9, 14: 1.0, 15: 1.0, 16: 0.9,
              17: 0.7, 18: 0.4, 19: 0.2}
# Monday .. Sunday. Handovers are a weekday routine; approximate, not verified.
BUS_WEEKDAYS = (1.0, 1.0, 1.0, 1.0, 1.0, 0.3, 0.1)
SELF_WEEKDAYS = (1.0, 1.0, 1.0, 1.0, 1.0, 1.2, 1.2)
DAY_VARIATION = (0.6, 1.4)      # one weekday is busier than another
TRIAGE_MINUTES = (5, 20)        # from arrival to the first free desk
DESK_MINUTES = (1.0, 3.0)       # between two people of one busload at the desks (several desks, ~6 min each)

# ---------------------------------------------------------------- who they are (approximate, not verified
# unless a source above says otherwise)
P_MALE = 0.60
P_MINOR = 0.05                  # 12-17 at arrival; younger children come with households (not generated)
P_DOCUMENT = {"bus": 0.15, "self": 0.70}    # carries a passport or ID card; overall ~25 %, see the DTM source
P_DETAINED = {"bus": 0.08, "self": 0.01}    # held before return (a TB risk factor: HIGH_RISK_REFER_CXR)
# Work sectors seen at Poipet: (what officers say, sector code, weight, chance of meeting the trafficking rule).
# Agriculture, plantations and fishing share ISIC section A; scam compounds use the local code.
SECTORS = (("construction", "F", 30, 0.02), ("agriculture and plantations", "A", 22, 0.02),
           ("fishing", "A", 6, 0.15), ("factories", "C", 16, 0.02), ("domestic work", "T", 6, 0.08),
           ("hospitality", "I", 5, 0.04), ("entertainment", "R", 3, 0.10),
           ("scam compounds", "ONLINE_SCAM_COMPOUND", 8, 0.45))
# Issue 12: what officers say, as the work_types code (its sector follows behind the scenes); "agriculture and
# plantations" is split between plantations and farms (PLANTATION), fishing boats are FISHING_BOAT.
WORK_TYPES = {"construction": "CONSTRUCTION_SITE", "agriculture and plantations": "PLANTATION",
              "fishing": "FISHING_BOAT", "factories": "FACTORY", "domestic work": "DOMESTIC_WORK",
              "hospitality": "OTHER_WORK", "entertainment": "KARAOKE_ENTERTAINMENT",
              "scam compounds": "ONLINE_SCAM_COMPOUND"}
# Issue 12: on a bus day not everyone is asked the full checklist: the red-flag pre-screen is asked of all, the
# full checklist only of those with a red flag and of a share of the others (approximate, not verified).
P_FULL_CHECKLIST_IF_NO_FLAG = {"bus": 0.25, "self": 0.6}
# Home provinces: the north-west and the populous south-east send most; others weight 1.
HOME_PROVINCES = {"01": 14, "02": 12, "17": 9, "14": 9, "03": 7, "22": 6, "06": 4, "15": 4, "20": 4, "21": 3,
                  "12": 3, "25": 3}
# TB answers. P_TB_SYMPTOMS is the Poipet cascade's presumptive share (15.1 %, cited above); which symptoms a
# symptomatic person reports, and the other risk factors, are approximate, not verified.
P_TB_SYMPTOMS = 0.151
TB_SYMPTOM_SHARES = {"cough": 0.70, "fever": 0.30, "weight_loss": 0.25, "night_sweats": 0.20, "haemoptysis": 0.03}
P_TB_RISK = {"contact": 0.02, "previous_tb": 0.015, "diabetes": 0.02}
HIV = (("unknown", 80), ("negative", 19.5), ("positive", 0.5))

# ---------------------------------------------------------------- the TB pathway after the screen (issue 14)
# Where the presumptive go first: the chest X-ray and the Xpert machine are at Poipet. Those diagnosed are then
# transferred for treatment to the facility nearest their home province (``checkpoint.screening.facilities``).
SCREENING_FACILITY = "KH01-POIPET-RH"
# The Poipet cascade (cited above): 2,271 presumptive -> 2,027 X-rayed (89 %) -> 1,519 Xpert (75 % of X-rayed)
# -> 342 with TB (22.5 % of those tested). The split below lands near those shares; the readings, the RIF and
# clinical shares, the delays and what becomes of those diagnosed are approximate, not verified.
P_XRAYED = 0.89
CXR_READINGS = {True: (("ABNORMAL_SUGGESTIVE", 0.42), ("ABNORMAL_OTHER", 0.07), ("NORMAL", 0.51)),   # presumptive
                False: (("ABNORMAL_SUGGESTIVE", 0.10), ("ABNORMAL_OTHER", 0.05), ("NORMAL", 0.85))}  # high risk
P_SPUTUM_WITHOUT_ABNORMAL_CXR = 0.55     # presumptive with a normal or other X-ray still give sputum
P_XPERT_DETECTED = {True: 0.40, False: 0.05}     # by "X-ray abnormal, suggestive of TB"
XPERT_DETECTED = (("MTB_DETECTED_RIF_NOT_DETECTED", 0.92), ("MTB_DETECTED_RIF_DETECTED", 0.03),
                  ("MTB_DETECTED_TRACE", 0.03), ("MTB_DETECTED_RIF_INDETERMINATE", 0.02))
P_XPERT_ERROR = 0.02
P_CLINICAL = 0.25                        # abnormal suggestive X-ray, Xpert negative: diagnosed clinically
P_TREATMENT_STARTED = 0.80               # of those transferred; the others wait (overdue) or are lost
P_LOST_AFTER_TRANSFER = 0.10


PRESCREEN = prescreen_content()


def _codes(name: str) -> list[str]:
    return [c.code for c in codelists.codes(name) if codelists.is_valid(name, c.code)]


def _cum(weights: list[float]) -> list[float]:
    return list(itertools.accumulate(weights))


def _pick(rng: random.Random, items: list[Any], cum: list[float]) -> Any:
    return items[bisect.bisect(cum, rng.random() * cum[-1], 0, len(cum) - 1)]


def _schedule(count: int, rng: random.Random, now: datetime) -> Iterator[tuple[datetime, datetime, str]]:
    """(registered_at, arrival_at, "bus" | "self") for ``count`` arrivals, in the order they are registered."""
    now = now.astimezone(LOCAL_TZ).replace(microsecond=0)
    today = now.replace(hour=0, minute=0, second=0)
    days = [today - timedelta(days=d) for d in range(WINDOW_DAYS - 1, -1, -1)]

    def open_hours(day: datetime, hours: dict[int, float]) -> list[tuple[int, float, float]]:
        """(hour, weight, minutes of that hour before now) for the hours of ``day`` that have begun."""
        out = []
        for h, w in hours.items():
            left = (now - (day + timedelta(hours=h))).total_seconds() / 60
            if left > 0:
                out.append((h, w * min(left, 60) / 60, min(left, 60)))
        return out

    cells: list[tuple[datetime, str, list[tuple[int, float, float]], float]] = []
    for day in days:
        wd = day.weekday()
        busy = rng.uniform(*DAY_VARIATION)
        for kind, hours, weekdays in (("bus", BUS_HOURS, BUS_WEEKDAYS), ("self", SELF_HOURS, SELF_WEEKDAYS)):
            open_ = open_hours(day, hours)
            cells.append((day, kind, open_, weekdays[wd] * sum(w for _, w, _ in open_) * (busy if kind == "bus"
                                                                                            else 1.0)))
    share = {"bus": 1 - P_SELF_RETURN, "self": P_SELF_RETURN}
    totals = {k: sum(c[3] for c in cells if c[1] == k) or 1.0 for k in share}
    expected = [count * share[k] * w / totals[k] for _, k, _, w in cells]
    quota = [int(e) for e in expected]
    # largest remainders get the people left over, so the quotas add up to count exactly
    for i in sorted(range(len(cells)), key=lambda i: quota[i] - expected[i])[:count - sum(quota)]:
        quota[i] += 1

    def at(day: datetime, open_: list[tuple[int, float, float]]) -> datetime:
        h, _, minutes = _pick(rng, open_, _cum([w for _, w, _ in open_]))
        return day + timedelta(hours=h, seconds=int(rng.random() * minutes * 60))

    for first in range(0, len(cells), 2):     # one day at a time: its handovers and its self-returnees
        people: list[tuple[datetime, datetime, str]] = []
        for (day, kind, open_, _), q in zip(cells[first:first + 2], quota[first:first + 2], strict=True):
            if q == 0:
                continue
            if kind == "self":
                for _ in range(q):
                    a = at(day, open_)
                    people.append((min(now, a + timedelta(minutes=rng.uniform(*TRIAGE_MINUTES))), a, kind))
                continue
            left = q
            while left:
                size = left if left <= BUS_SIZE[1] else rng.randint(BUS_SIZE[0], min(BUS_SIZE[1], left - BUS_SIZE[0]))
                left -= size
                bus = at(day, open_)
                steps = sorted(min(now, bus + timedelta(seconds=int(rng.random() * BUS_SPREAD_MINUTES * 60)))
                               for _ in range(size))
                desk = steps[0] + timedelta(minutes=rng.uniform(*TRIAGE_MINUTES))
                for a in steps:
                    desk = max(desk, a + timedelta(minutes=rng.uniform(*TRIAGE_MINUTES)))
                    people.append((min(now, desk), a, kind))
                    desk += timedelta(minutes=rng.uniform(*DESK_MINUTES))
        people.sort(key=lambda p: (p[0], p[1]))
        for reg, a, kind in people:
            yield reg.astimezone(UTC), a.astimezone(UTC), kind


def arrivals(count: int, *, seed: int, now: datetime) -> Iterator[tuple[datetime, dict[str, Any]]]:
    """``(registered_at, keyword arguments for session.registrations.register)`` for ``count`` synthetic arrivals
    up to ``now``, in the order an officer would have registered them."""
    rng = random.Random(seed)  # noqa: S311 - reproducible synthetic data, not secrets
    # Issue 12's draws have their own stream: the arrivals of a seed stay what they were before it.
    rng12 = random.Random(seed * 1_000_003 + 12)  # noqa: S311
    provinces = _codes("provinces")
    prov_cum = _cum([HOME_PROVINCES.get(p, 1) for p in provinces])
    sectors = [s for s in SECTORS if codelists.is_valid("sectors", s[1])]
    sector_cum = _cum([s[2] for s in sectors])
    channels = _codes("migration_channels")
    recruiters = _codes("recruiter_relationships")
    methods = _codes("recruitment_methods")
    facilities = _codes("health_facilities")
    agencies = set(_codes("agencies"))
    adult_items = [i.id for i in screening.trafficking_items(age=30)]
    child_items = [i.id for i in screening.trafficking_items(age=15)]
    by_dim: dict[str, list[str]] = {}
    for i in adult_items:
        by_dim.setdefault(i.split("-")[1], []).append(i)
    hiv_values, hiv_cum = [h for h, _ in HIV], _cum([w for _, w in HIV])
    for registered_at, arrival, mode in _schedule(count, rng, now):
        sex = "M" if rng.random() < P_MALE else "F"
        fam, fam_km = rng.choice(FAMILY_NAMES)
        giv, giv_km = rng.choice(GIVEN_NAMES[sex])
        minor = rng.random() < P_MINOR
        years = rng.randint(12, 17) if minor else max(18, min(int(rng.gauss(31, 9)), 70))
        arrival_day = arrival.astimezone(LOCAL_TZ).date()
        dob = arrival_day - timedelta(days=years * 365 + rng.randint(0, 360))
        age = age_on(dob.isoformat(), arrival_day) or 0
        person: dict[str, Any] = {"family_name": fam, "given_names": giv, "name_khmer": f"{fam_km} {giv_km}",
                                  "sex": sex, "home_province": _pick(rng, provinces, prov_cum), "language": "khm",
                                  "date_of_birth": dob.isoformat(), "dob_estimated": rng.random() < 0.15}
        if rng.random() < P_DOCUMENT[mode]:
            if rng.random() < 0.6:
                person.update(id_document_type="PASSPORT",
                              id_document_number=f"N{rng.randint(0, 99_999_999):08d}", document_issuing_state="KHM")
            else:
                person.update(id_document_type="NATIONAL_ID",
                              id_document_number=f"{rng.randint(0, 999_999_999):09d}")
        if rng.random() < 0.5:
            person["phone"] = f"0{rng.choice((10, 11, 12, 15, 16, 17, 69, 70, 77, 78, 85, 89, 92, 96, 97))}" \
                              f"{rng.randint(0, 999_999):06d}"
        said, sector, _, p_indicators = _pick(rng, sectors, sector_cum) if sectors else (None, None, 0, 0.0)
        scam = sector == "ONLINE_SCAM_COMPOUND"
        if mode == "self":
            return_type = "SELF_RETURN_REGULAR" if "id_document_type" in person else "SELF_RETURN_IRREGULAR"
        elif scam:
            return_type = rng.choices(("RESCUED_REFERRED", "DEPORTED_G2G"), (70, 30))[0]
        else:
            return_type = rng.choices(("DEPORTED_G2G", "DEPORTED_OTHER", "RESCUED_REFERRED"), (80, 17, 3))[0]
        detained = rng.random() < P_DETAINED[mode]
        encounter = {"arrival_at": arrival.isoformat(), "return_type": return_type,
                     "country_of_work": rng.choices(("MMR", "THA", "LAO"), (65, 25, 10))[0] if scam
                     else rng.choices(("THA", "MYS", "KOR"), (94, 4, 2))[0],
                     "sector_of_work": sector, "work_type": WORK_TYPES.get(str(said), "OTHER_WORK"),
                     "duration_abroad_months": rng.randint(1, 18) if scam else rng.randint(0, 96),
                     "migration_channel": rng.choice(channels),
                     "recruiter_relationship": rng.choice(recruiters),
                     "recruitment_methods": rng.sample(methods, k=rng.randint(0, 2)),
                     "detained_before_return": detained,
                     "wants_job_referral": rng.random() < 0.3}
        consents = {"screening": True, "storage": True, "referral": rng.random() < 0.9,
                    "sharing": rng.random() < 0.6}
        ticked: list[str] = []
        if rng.random() < p_indicators:
            # Enough indicators across recruitment, exploitation and destination to meet the rule.
            for dim in ("DR", "EX", "CD"):
                ticked += rng.sample(by_dim[dim], k=3)
        elif rng.random() < 0.2:
            ticked = rng.sample(adult_items, k=rng.randint(1, 3))
        if age < 18:
            ticked = [t for t in ticked if t in child_items]
        tb: dict[str, Any] = {"hiv": _pick(rng, hiv_values, hiv_cum), "recent_detention": detained}
        tb.update({k: True for k, p in P_TB_RISK.items() if rng.random() < p})
        if rng.random() < P_TB_SYMPTOMS:
            tb.update({k: True for k, p in TB_SYMPTOM_SHARES.items() if rng.random() < p} or {"cough": True})
            if tb.get("cough"):
                tb["cough_days"] = rng.randint(1, 60)
        referrals = []
        t_res = screening.evaluate_trafficking(set(ticked), age=age)
        tb_res = screening.evaluate_tb(age=age, **tb)
        if consents["referral"] or age < 18:
            for s in screening.suggest_referrals(t_res, tb_res, age=age):
                if s.kind == "health" and facilities:
                    # Issue 14: the X-ray and Xpert are at Poipet itself; the transfer goes home (``_TBPathway``).
                    referrals.append({"kind": "health", "agency_code": SCREENING_FACILITY
                                      if SCREENING_FACILITY in facilities else facilities[0],
                                      "reason_code": s.reason_code, "urgency": s.urgency})
                elif s.kind != "health" and s.agency_code in agencies:
                    referrals.append({"kind": s.kind, "agency_code": s.agency_code, "reason_code": s.reason_code,
                                      "urgency": s.urgency})
        # Issue 12: the pre-screen's answers follow the ticks (a yes where a ticked item stands behind a question);
        # the full checklist is asked of those with a flag and of a share of the others, and answered yes / no.
        pre = {q.id: "yes" if set(q.ilo_items) & set(ticked) else "no" for q in PRESCREEN.questions}
        trafficking: dict[str, Any] = {"ticked": ticked}
        flagged = "yes" in pre.values()
        if flagged or ticked or rng12.random() < P_FULL_CHECKLIST_IF_NO_FLAG[mode]:
            items = child_items if age < 18 else adult_items
            trafficking["answered_no"] = [i for i in items if i not in ticked]
            if scam and ticked:
                trafficking["exploitation_types"] = ["ForcedCriminality"]
            elif ticked:
                trafficking["exploitation_types"] = ["ForcedLabour"]
        yield registered_at, {"person": person, "encounter": encounter, "consents": consents,
                              "trafficking": trafficking, "tb": tb, "referrals": referrals, "prescreen": pre}


def registrations(count: int, *, seed: int, now: datetime) -> Iterator[dict[str, Any]]:
    """Keyword arguments for ``session.registrations.register``, one per synthetic arrival (see ``arrivals``)."""
    for _, kwargs in arrivals(count, seed=seed, now=now):
        yield kwargs


def _draw(rng: random.Random, table: tuple[tuple[str, float], ...]) -> str:
    return str(_pick(rng, [c for c, _ in table], _cum([w for _, w in table])))


class _TBPathway:
    """What becomes of each TB referral after the screen, played in time order between the registrations: the
    chest X-ray the same hour, sputum and Xpert, the diagnosis, the transfer to the facility nearest home, the
    treatment start; some are lost on the way, some still wait (the health worker's overdue list). Each step is a
    normal ``session.health`` call with the store's clock set to its moment; nothing later than ``now``."""

    def __init__(self, session: Any, clock: ManualClock, *, seed: int, now: datetime) -> None:
        self.session, self.clock, self.now = session, clock, now
        self.rng = random.Random(seed * 1_000_003 + 14)  # noqa: S311 - its own stream: arrivals stay as they were
        self.queue: list[tuple[datetime, int, Callable[[], None]]] = []
        self.seq = itertools.count()
        self.specimens = itertools.count(1)
        self.steps = 0

    def _at(self, when: datetime, step: Callable[[], None]) -> None:
        if when <= self.now:
            heapq.heappush(self.queue, (when, next(self.seq), step))

    @staticmethod
    def _day(when: datetime) -> str:
        return when.astimezone(LOCAL_TZ).date().isoformat()

    def _record(self, rid: str, changes: dict[str, Any]) -> None:
        self.session.health.record(rid, changes)
        self.steps += 1

    def run_until(self, when: datetime) -> None:
        while self.queue and self.queue[0][0] <= when:
            at, _, step = heapq.heappop(self.queue)
            self.clock.set(at)
            step()

    def referred(self, rid: str, at: datetime, presumptive: bool) -> None:
        """Plan the pathway of a TB referral opened at ``at`` (the screen said presumptive, or high risk)."""
        rng = self.rng
        if rng.random() >= P_XRAYED:                    # left Poipet before the X-ray
            self._at(at + timedelta(days=rng.uniform(2, 4)),
                     lambda: self._record(rid, {"status": "lost_to_follow_up"}))
            return
        t = at + timedelta(minutes=rng.uniform(20, 150))
        reading = _draw(rng, CXR_READINGS[presumptive])
        suggestive = reading == "ABNORMAL_SUGGESTIVE"
        cad = round(rng.uniform(55, 99) if suggestive else rng.uniform(1, 45), 1)
        sputum = suggestive or (presumptive and rng.random() < P_SPUTUM_WITHOUT_ABNORMAL_CXR)
        self._at(t, lambda: self._record(rid, {"cxr_result": reading, "cxr_at": self._day(t), "cxr_cad_score": cad,
                                               "cxr_read_by": "CAD + radiographer (demo)"}))
        if not sputum:
            self._at(t + timedelta(minutes=rng.uniform(5, 40)), lambda: self._record(rid, {"diagnosis": "NOT_TB"}))
            return
        t2 = t + timedelta(minutes=rng.uniform(10, 60))
        specimen = f"PP-{t2.astimezone(LOCAL_TZ).year}-{next(self.specimens):05d}"
        self._at(t2, lambda: self._record(rid, {"sputum_collected_at": self._day(t2), "sputum_specimen_id": specimen}))
        t3 = t2 + timedelta(hours=rng.uniform(2, 30))
        if rng.random() < P_XPERT_ERROR:
            result = "ERROR_INVALID_NO_RESULT"
        elif rng.random() < P_XPERT_DETECTED[suggestive]:
            result = _draw(rng, XPERT_DETECTED)
        else:
            result = "MTB_NOT_DETECTED"
        if result.startswith("MTB_DETECTED"):
            diagnosis = "BACT_CONFIRMED"
        elif suggestive and rng.random() < P_CLINICAL:
            diagnosis = "CLINICALLY_DIAGNOSED"
        else:
            diagnosis = "NOT_TB"
        changes: dict[str, Any] = {"xpert_result": result, "xpert_at": self._day(t3), "diagnosis": diagnosis}
        if diagnosis != "NOT_TB":
            changes["tb_register_number"] = f"BMC-{t3.astimezone(LOCAL_TZ).year}-{next(self.specimens):05d}"
        self._at(t3, lambda: self._record(rid, changes))
        if diagnosis != "NOT_TB":
            t4 = t3 + timedelta(minutes=rng.uniform(10, 120))
            self._at(t4, lambda: self._transfer(rid, t4))

    def _transfer(self, rid: str, at: datetime) -> None:
        try:
            moved = self.session.health.transfer(rid).ids["referral"]
        except CheckpointError:           # e.g. already transferred: the demo never forces a second one
            return
        self.steps += 1
        rng = self.rng
        facility = self.session.store.db.execute("SELECT agency_code FROM referrals WHERE id = ?",
                                                 [moved]).fetchone()[0]
        u = rng.random()
        if u < P_TREATMENT_STARTED:
            t = at + timedelta(days=rng.uniform(2, 14))
            self._at(t, lambda: self._record(moved, {"treatment_started_at": self._day(t),
                                                     "treatment_facility": facility}))
        elif u < P_TREATMENT_STARTED + P_LOST_AFTER_TRANSFER:
            self._at(at + timedelta(days=rng.uniform(21, 28)),
                     lambda: self._record(moved, {"status": "lost_to_follow_up"}))
        # else: still waiting for the treatment start: on the health worker's follow-up list


def generate(session: Any, *, count: int, seed: int = 1, batch: int = 2000,
             progress: Callable[[int], None] | None = None, now: datetime | None = None,
             tb_pathway: bool = True) -> int:
    """Register ``count`` synthetic arrivals through the normal service call, ``batch`` per transaction, each at
    the time an officer would have saved it (the store's clock is set to it for that call, then restored). The
    TB referrals then move along the pathway (``_TBPathway``) in time order with the registrations; with
    ``tb_pathway=False`` they stay where the registration left them (at "referred")."""
    store = session.store
    real = store.clock
    now = now or real.now()
    replay = ManualClock(now)
    done = 0
    it = arrivals(count, seed=seed, now=now)
    tb = _TBPathway(session, replay, seed=seed, now=now)
    store.clock = replay
    try:
        while done < count:
            with session.batch():
                for registered_at, kwargs in it:
                    tb.run_until(registered_at)
                    replay.set(registered_at)
                    reg = session.registrations.register(**kwargs, private_room=False)  # history: seen long ago
                    for r, rid in zip(kwargs["referrals"], reg.referral_ids, strict=False):
                        if r["kind"] == "health" and tb_pathway:
                            tb.referred(rid, registered_at, r["reason_code"] != "TB_HIGH_RISK")
                    done += 1
                    if done % batch == 0:
                        break
                if done == count:
                    tb.run_until(now)
            if progress and (done % (batch * 25) == 0 or done == count):
                progress(done)
    finally:
        store.clock = real
    return done
