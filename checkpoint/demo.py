"""Realistic synthetic returnees for demos, training and benchmarks. Nobody here is a real person.

Names are common Cambodian family and given names in Latin and Khmer script; journeys, screenings and
referrals follow plausible proportions for Poipet (most deported from Thailand, a minority with trafficking
indicators, a few presumptive TB). The same seed gives the same people.

    >>> generate(session, count=100, seed=7)     # doctest: +SKIP
    100
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from checkpoint import codelists, screening
from checkpoint.model.person import age_on
from checkpoint.site import LOCAL_TZ

__all__ = ["FAMILY_NAMES", "GIVEN_NAMES", "generate", "registrations"]

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
# How often each answer comes up; chosen to look like a border day, not measured.
P_INDICATORS = 0.06
P_PASSPORT = 0.25
P_MINOR = 0.07


def _codes(name: str) -> list[str]:
    return [c.code for c in codelists.codes(name) if codelists.is_valid(name, c.code)]


def registrations(count: int, *, seed: int, now: datetime) -> Iterator[dict[str, Any]]:
    """Keyword arguments for ``session.registrations.register``, one per synthetic arrival."""
    rng = random.Random(seed)  # noqa: S311 - reproducible synthetic data, not secrets
    provinces = _codes("provinces")
    sectors = _codes("sectors")
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
    for _ in range(count):
        sex = rng.choice(("F", "M"))
        fam, fam_km = rng.choice(FAMILY_NAMES)
        giv, giv_km = rng.choice(GIVEN_NAMES[sex])
        minor = rng.random() < P_MINOR
        years = rng.randint(12, 17) if minor else max(18, min(int(rng.gauss(31, 9)), 70))
        arrival = now - timedelta(minutes=rng.randint(0, 60 * 24 * 30))
        arrival_day = arrival.astimezone(LOCAL_TZ).date()
        dob = arrival_day - timedelta(days=years * 365 + rng.randint(0, 360))
        age = age_on(dob.isoformat(), arrival_day) or 0
        person: dict[str, Any] = {"family_name": fam, "given_names": giv, "name_khmer": f"{fam_km} {giv_km}",
                                  "sex": sex, "home_province": rng.choice(provinces), "language": "khm",
                                  "date_of_birth": dob.isoformat(), "dob_estimated": rng.random() < 0.15}
        if rng.random() < P_PASSPORT:
            person.update(id_document_type="PASSPORT", id_document_number=f"N{rng.randint(0, 99_999_999):08d}",
                          document_issuing_state="KHM")
        elif rng.random() < 0.3:
            person.update(id_document_type="NATIONAL_ID", id_document_number=f"{rng.randint(0, 999_999_999):09d}")
        if rng.random() < 0.5:
            person["phone"] = f"0{rng.choice((10, 11, 12, 15, 16, 17, 69, 70, 77, 78, 85, 89, 92, 96, 97))}" \
                              f"{rng.randint(0, 999_999):06d}"
        encounter = {"arrival_at": arrival.astimezone(UTC).isoformat(),
                     "return_type": rng.choices(("DEPORTED_G2G", "DEPORTED_OTHER", "SELF_RETURN_IRREGULAR",
                                                 "SELF_RETURN_REGULAR", "RESCUED_REFERRED"),
                                                (50, 20, 15, 10, 5))[0],
                     "country_of_work": rng.choices(("THA", "MYS", "KOR"), (90, 7, 3))[0],
                     "sector_of_work": rng.choice(sectors) if sectors else None,
                     "duration_abroad_months": rng.randint(0, 96),
                     "migration_channel": rng.choice(channels),
                     "recruiter_relationship": rng.choice(recruiters),
                     "recruitment_methods": rng.sample(methods, k=rng.randint(0, 2)),
                     "detained_before_return": rng.random() < 0.4,
                     "wants_job_referral": rng.random() < 0.3}
        consents = {"screening": True, "storage": True, "referral": rng.random() < 0.9,
                    "sharing": rng.random() < 0.6}
        ticked: list[str] = []
        if rng.random() < P_INDICATORS:
            # Enough indicators across recruitment, exploitation and destination to meet the rule.
            for dim in ("DR", "EX", "CD"):
                ticked += rng.sample(by_dim[dim], k=3)
        elif rng.random() < 0.2:
            ticked = rng.sample(adult_items, k=rng.randint(1, 3))
        if age < 18:
            ticked = [t for t in ticked if t in child_items]
        tb: dict[str, Any] = {
              "cough": rng.random() < 0.08, "fever": rng.random() < 0.04, "weight_loss": rng.random() < 0.03,
              "night_sweats": rng.random() < 0.02, "hiv": rng.choices(("unknown", "negative", "positive"),
                                                                       (80, 19, 1))[0],
              "recent_detention": bool(encounter["detained_before_return"])}
        if tb["cough"]:
            tb["cough_days"] = rng.randint(1, 40)
        referrals = []
        t_res = screening.evaluate_trafficking(set(ticked), age=age)
        tb_res = screening.evaluate_tb(age=age, **tb)
        if consents["referral"] or age < 18:
            for s in screening.suggest_referrals(t_res, tb_res, age=age):
                if s.kind == "health" and facilities:
                    referrals.append({"kind": "health", "agency_code": rng.choice(facilities),
                                      "reason_code": s.reason_code, "urgency": s.urgency})
                elif s.kind != "health" and s.agency_code in agencies:
                    referrals.append({"kind": s.kind, "agency_code": s.agency_code, "reason_code": s.reason_code,
                                      "urgency": s.urgency})
        yield {"person": person, "encounter": encounter, "consents": consents,
               "trafficking": {"ticked": ticked}, "tb": tb, "referrals": referrals}


def generate(session: Any, *, count: int, seed: int = 1, batch: int = 2000,
             progress: Callable[[int], None] | None = None, now: datetime | None = None) -> int:
    """Register ``count`` synthetic arrivals through the normal service call, ``batch`` per transaction."""
    now = now or session.store.clock.now()
    done = 0
    it = registrations(count, seed=seed, now=now)
    while done < count:
        with session.batch():
            for kwargs in it:
                session.registrations.register(**kwargs)
                done += 1
                if done % batch == 0:
                    break
        if progress and (done % (batch * 25) == 0 or done == count):
            progress(done)
    return done

