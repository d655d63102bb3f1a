"""A quick registration completed from the queue (``registration.completed``, the flow of issues 11, 12 and 14)
counts at HQ as the one arrival it is: its screens, referrals and journey reach HQ's figures and the TB cascade HQ
derives from the events, as they are on the device."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from checkpoint import codelists
from checkpoint.clock import ManualClock
from checkpoint.screening.cascade import inputs_from_events, tb_cascade
from checkpoint.site import LOCAL_TZ
from sync.device.client import SyncClient
from sync.hq.store import events, fact_arrivals, fact_referrals
from tests.conftest import T0
from tests.support.client_harness import enroll, new_device, new_hq
from tests.support.helpers import POSITIVE_ADULT

ADULT = {"family_name": "SOK", "given_names": "DARA", "sex": "M", "age_years": 30}
OTHER = {"family_name": "CHAN", "given_names": "SREY", "sex": "F", "age_years": 24}
FACILITY = codelists.health_facilities()[0].code
REFERRALS = [{"kind": "health", "agency_code": FACILITY, "reason_code": "PRESUMPTIVE_TB", "urgency": "SAME_DAY"},
             {"kind": "protection", "agency_code": "IOM", "reason_code": "TRAFFICKING_INDICATORS",
              "urgency": "SAME_DAY"}]
CONSENTS = {"storage": True, "screening": True, "referral": True, "sharing": True}


def test_a_completed_quick_registration_counts_at_hq_as_on_the_device(tmp_path: Path) -> None:
    clock = ManualClock(T0)
    hq = new_hq(tmp_path, clock=clock)
    dev = new_device(tmp_path / "poipet.db", clock=clock)
    try:
        done = dev.arrivals.quick_register(ADULT)
        waiting = dev.arrivals.quick_register(OTHER)                 # quick only: never completed
        dev.registrations.complete(done.encounter_id, encounter={"country_of_work": "THA",
                                                                 "return_type": "DEPORTED_G2G"},
                                   consents=CONSENTS, trafficking={"ticked": POSITIVE_ADULT},
                                   tb={"cough": True, "fever": True}, referrals=REFERRALS)
        enroll(dev, hq)
        for _ in range(10):
            if SyncClient(dev, hq).sync_once()["complete"]:
                break
        else:
            raise AssertionError("the sync did not complete")
        outcome = dev.store.db.execute("SELECT outcome FROM trafficking_screenings WHERE encounter_id = ?",
                                       [done.encounter_id]).fetchone()[0]
        device_refs = dev.store.db.execute("SELECT count(*) FROM referrals WHERE encounter_id = ? AND NOT voided",
                                           [done.encounter_id]).fetchone()[0]
        with hq.store.read() as conn:
            rows = {r["encounter_id"]: r for r in conn.execute(sa.select(fact_arrivals)).mappings()}
            at_hq_refs = conn.execute(sa.select(sa.func.count()).select_from(fact_referrals).where(
                fact_referrals.c.encounter_id == done.encounter_id)).scalar_one()
            evs = conn.execute(sa.select(events.c.type, events.c.entity_id, events.c.payload, events.c.recorded_at)
                               .where(events.c.status == "accepted", events.c.entity_type == "person")
                               .order_by(events.c.ingest_seq)).mappings().all()
        assert set(rows) == {done.encounter_id, waiting.encounter_id}          # two arrivals, not three
        row = rows[done.encounter_id]
        assert outcome != "" and row["trafficking_outcome"] == outcome
        assert (row["country"], row["return_type"], row["tb_presumptive"]) == ("THA", "DEPORTED_G2G", True)
        assert device_refs == 2 and at_hq_refs == device_refs                  # protection and TB referrals
        assert rows[waiting.encounter_id]["trafficking_outcome"] == ""          # the quick one: not screened

        day = clock.now().astimezone(LOCAL_TZ).date()

        def local_day(at: str) -> str:
            return datetime.fromisoformat(at).astimezone(LOCAL_TZ).date().isoformat()

        screens, refs = inputs_from_events([dict(r) for r in evs], local_day=local_day)
        at_hq = tb_cascade(screens, refs, start=day, end=day + timedelta(days=1))
        assert at_hq == dev.health.cascade(day, day + timedelta(days=1)) and at_hq["total"]["screened"] == 1
    finally:
        dev.lock()
        hq.store.close()
