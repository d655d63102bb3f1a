"""Events pulled from HQ and held aside because they named a record this laptop did not hold yet are tried again
after each pull: once the record has arrived they apply, with every check of a first pull. What can never apply (a
forged author, another content under a known id) stays held."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checkpoint.clock import ManualClock
from checkpoint.services.outbox import Outbox
from sync.device.client import SyncClient
from tests.support.client_harness import enroll, new_device
from tests.support.hq_helpers import FakeDevice


@pytest.fixture
def device(tmp_path: Path, clock: ManualClock, hq) -> Any:
    s = new_device(tmp_path / "a.db", clock=clock)
    enroll(s, hq)
    yield s
    s.lock()


def _approval(other: FakeDevice, reg: dict) -> dict:
    enc = json.loads(reg["payload"])["encounter"]["id"]
    return other.event(type_="encounter.approved", entity_id=reg["entity_id"], payload={"encounter_id": enc})


def test_an_event_held_for_a_record_that_arrives_later_applies_at_the_next_pull(hq, device) -> None:
    other = FakeDevice()                                   # another laptop of Poipet
    other.enroll(hq)
    reg = other.event()
    approved = _approval(other, reg)
    ob = Outbox(device)
    assert ob.ingest([approved])["held"] == 1              # the encounter is not here yet
    assert "does not hold" in ob.held()[0]["reason"]
    hq.push(other.seal([reg], hq.keys.exchange_public))    # HQ gets the registration; the device pulls it
    out = SyncClient(device, hq).pull_all()
    assert out["applied"] == 1 and out["released"] == 1
    assert ob.held() == []
    row = device.store.db.execute("SELECT review_status FROM encounters WHERE id = ?",
                                  [json.loads(approved["payload"])["encounter_id"]]).fetchone()
    assert row is not None and row[0] == "approved"


def test_what_can_never_apply_stays_held(hq, device) -> None:
    other = FakeDevice()
    reg = other.event()
    forged = {**_approval(other, reg), "author": device.user.id}     # claims one of this laptop's users
    from checkpoint.events import event_hash
    forged["hash"] = event_hash(forged)
    ob = Outbox(device)
    assert ob.ingest([forged])["held"] == 1
    assert ob.ingest([reg])["applied"] == 1                 # the record it names is here now
    assert ob.retry_held() == 0
    (h,) = ob.held()
    assert "names a user of this device" in h["reason"]
