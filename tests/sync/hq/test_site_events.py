"""Issue 11: HQ refuses a checkpoint event (handover group, surge switch, headcount) that was tampered with, is
ill-formed for its type, names another device, or whose author's role may not write it (roles.EVENT_AUTHORS, read
from the device's user events HQ holds); each is quarantined with its reason and counts in no figure. SQLite and
PostgreSQL."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from checkpoint.events import site_problem
from sync.hq.reports import build_report, parse_period
from sync.hq.service import HQService
from sync.hq.store import fact_groups, fact_headcounts
from sync.wire import ACK, open_signed
from tests.support.hq_helpers import FakeDevice, resign


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _verdicts(hq: HQService, ack: bytes) -> dict[str, list[str]]:
    return open_signed(ACK, ack, hq.keys.signing_public)["verdicts"]


def test_tampered_ill_formed_and_unauthorised_checkpoint_events_are_refused_at_hq(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    me = dev.device_id
    officer = "0d9b6f7e-officer"
    accounts = [dev.event(type_="user.created", entity_type="user", entity_id=dev.author,
                          payload={"username": "dara", "display_name": "Dara", "role": "supervisor"}),
                dev.event(type_="user.created", entity_type="user", entity_id=officer,
                          payload={"username": "sokha", "display_name": "Sokha", "role": "officer"})]
    good = dev.event(type_="surge.switched", entity_type="store", entity_id=me, payload={"active": True})
    tampered = dev.event(type_="headcount.recorded", entity_type="store", entity_id=me,
                         payload={"sex": "F", "age_group": "child", "n": 2, "group_id": None})
    tampered = {**tampered, "payload": tampered["payload"].replace('"n":2', '"n":900')}     # hash no longer matches
    bad = [
        dev.event(type_="headcount.recorded", entity_type="store", entity_id=me,
                  payload={"sex": "F", "age_group": "child", "n": 5000, "group_id": None}),
        dev.event(type_="headcount.recorded", entity_type="store", entity_id=me,
                  payload={"sex": "F", "age_group": "elder", "n": 1}),
        dev.event(type_="surge.switched", entity_type="store", entity_id=me, payload={"active": "yes"}),
        dev.event(type_="surge.switched", entity_type="store", entity_id="another-device",
                  payload={"active": True}),
        dev.event(type_="surge.switched", entity_type="person", entity_id=me, payload={"active": True}),
        dev.event(type_="arrival_group.recorded", entity_type="group", entity_id="g-1",
                  payload={"group": {"transport": "BUS", "return_type": "DEPORTED_G2G"},
                           "rows": [{"row": 1, "person": {"family_name": "X" * 5000}}]}),
        dev.event(type_="arrival_group.recorded", entity_type="group", entity_id="g-2",
                  payload={"group": {"transport": "bus; drop", "return_type": "DEPORTED_G2G"}, "rows": []}),
        dev.event(type_="arrival_group.row_left", entity_type="group", entity_id="g-3", payload={"row": -1}),
    ]
    dev.author = officer                    # the officer's own events: a headcount she may write, a switch not
    counted = dev.event(type_="headcount.recorded", entity_type="store", entity_id=me,
                        payload={"sex": "M", "age_group": "adult", "n": 4, "group_id": None})
    switched = dev.event(type_="surge.switched", entity_type="store", entity_id=me, payload={"active": False})
    dev.author = "someone-hq-never-heard-of"
    stranger = dev.event(type_="headcount.recorded", entity_type="store", entity_id=me,
                         payload={"sex": "M", "age_group": "adult", "n": 1, "group_id": None})
    ack = hq.push(dev.seal([*accounts, good, tampered, *bad, counted, switched, stranger], hq.keys.exchange_public,
                           raw=True))
    v = _verdicts(hq, ack)
    assert v[good["id"]][0] == "accepted" and v[counted["id"]][0] == "accepted"
    assert v[switched["id"]] == ["quarantined", "refused: its author (officer) may not write a surge.switched "
                                                "event"]
    assert v[stranger["id"]][0] == "quarantined" and "no account" in v[stranger["id"]][1]
    assert v[tampered["id"]][0] == "quarantined" and "hash" in v[tampered["id"]][1]
    for ev in bad:
        assert v[ev["id"]][0] == "quarantined", ev["payload"]
        assert v[ev["id"]][1].startswith("refused"), v[ev["id"]]
    with hq.store.read() as conn:
        assert conn.execute(sa.select(fact_headcounts.c.n)).scalars().all() == [4]     # the officer's count
        assert conn.execute(sa.select(sa.func.count()).select_from(fact_groups)).scalar_one() == 0
    # A well-formed event that was only re-hashed after a change is taken (it is not tampering; its content
    # is checked), and the same check is the one a device runs on what it pulls.
    with hq.store.read() as conn:                   # the figures count what was taken, nothing else
        r = build_report(conn, parse_period("2026-11-22"), threshold=0)
    assert r.value("headcount", "total", "all", "passed") == 4
    assert r.value("headcount", "sex_age", "M/adult", "passed") == 4
    assert r.value("headcount", "total", "all", "surge_on") == 1
    fixed = resign({**bad[0], "device_seq": dev.seq + 1, "id": bad[0]["id"][:-4] + "beef",
                    "payload": bad[0]["payload"].replace("5000", "50"), "prev_hash": dev.prev})
    assert site_problem(fixed, json.loads(fixed["payload"])) == ""
    assert site_problem(bad[0], json.loads(bad[0]["payload"])).startswith("headcount.recorded: payload: n")
