"""Issue 10, point 11: the protection section travels sealed. HQ holds the sealed form (the hash covers it), opens it
with its exchange key (it is one of the section's recipients once the device is enrolled), and its figures come
from the codes left in clear: the same figures as before sealing."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import sqlalchemy as sa

from checkpoint import protection_section
from checkpoint.crypto import sealed
from sync.device.client import SyncClient
from sync.hq.facts import arrival_rows
from sync.hq.store import events, fact_arrivals
from tests.support.client_harness import enroll, new_device
from tests.support.helpers import POSITIVE_ADULT, adult, registration


def test_hq_receives_the_sealed_form_opens_it_and_counts_the_same(hq, tmp_path: Path, clock) -> None:
    s = new_device(tmp_path / "a.db", clock=clock)
    try:
        enroll(s, hq)
        pos = s.registrations.register(**registration(
            trafficking={"ticked": POSITIVE_ADULT},
            encounter={"return_type": "DEPORTED_G2G", "country_of_work": "THA", "recruiter_relationship": "FAMILY"}))
        neg = s.registrations.register(**registration(person=adult(given_names="VANNA",
                                                                   id_document_number="N7654321")))
        assert SyncClient(s, hq).sync_once()["complete"]
    finally:
        s.lock()
    with hq.store.engine.connect() as conn:
        rows = {r.entity_id: (r.id, json.loads(r.payload)) for r in conn.execute(
            sa.select(events.c.id, events.c.entity_id, events.c.payload).where(
                events.c.type == "registration.recorded"))}
        facts = {r.person_id: r.trafficking_outcome for r in conn.execute(
            sa.select(fact_arrivals.c.person_id, fact_arrivals.c.trafficking_outcome))}
    eid, clear = rows[pos.person_id]
    assert "ticked" not in clear["trafficking"] and "recruiter_relationship" not in clear["encounter"]
    blob = base64.b64decode(clear[protection_section.SEALED_KEY])
    section = json.loads(sealed.open_for(hq.keys.exchange_private, blob,
                                         context=protection_section.context("registration.recorded", eid)))
    whole = protection_section.merge(clear, section)
    assert sorted(whole["trafficking"]["ticked"]) == sorted(POSITIVE_ADULT)
    assert whole["encounter"]["recruiter_relationship"] == "FAMILY"
    assert facts == {pos.person_id: "PRESUMED_VICTIM", neg.person_id: "NOT_SCREENED"}
    # nothing HQ counts is in the section (the type of exploitation is an HTCDS code, in clear)
    a, b = arrival_rows(clear, "cp"), arrival_rows(whole, "cp")
    assert a == b
