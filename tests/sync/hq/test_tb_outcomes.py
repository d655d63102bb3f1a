"""Issue 14 point 3: a TB referral's treatment recorded at HQ — register number, treatment start (date, facility),
WHO outcome — by the clinic it is addressed to or a data manager. The device's rules apply (bad input: a clear
refusal naming the field, nothing written); it travels back to the registering checkpoint on its pull, where the
health post shows it, and both the device's cascade and HQ's report count the treatment start. Only HQ writes it:
a device cannot, and one forged by a device is held aside."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint.errors import ConflictError, NotFound, ValidationError
from checkpoint.events import GENESIS, HLC, HQ_ONLY_TYPES, canonical_json, event_hash, uuid7
from checkpoint.model import roles
from checkpoint.services.outbox import Outbox
from sync.device.client import SyncClient
from sync.hq.reports import Period, build_report
from sync.hq.store import events, hq_audit
from sync.hq.tb_outcomes import record_tb, tb_referral
from tests.support.client_harness import enroll, new_device
from tests.support.tb_continued_set import PERIOD_B, build, periods

POIPET = "KH01-POIPET-RH"


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def world(tmp_path: Path, clock, hq) -> Any:
    dev = new_device(tmp_path / "poipet.db", clock=clock)
    enroll(dev, hq)
    got = build(dev, clock)               # R1: bacteriologically confirmed on day 31, no treatment start yet
    sync(dev, hq)
    yield dev, got
    dev.lock()


def sync(dev: Any, hq: Any) -> None:
    for _ in range(20):
        out = SyncClient(dev, hq).sync_once()
        if out["complete"]:
            assert out["held_incoming"] == 0, out
            return
    raise AssertionError("the sync did not complete")


def hq_events(hq: Any) -> int:
    with hq.store.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one())


def day(got: dict[str, Any], n: int) -> str:
    return (got["start"] + timedelta(days=n)).isoformat()


def test_recorded_at_hq_it_reaches_the_checkpoint_and_both_cascades_count_it(world, hq, clock) -> None:
    dev, got = world
    r1 = got["r1"]
    assert tb_referral(hq.store, r1, org=POIPET)["diagnosis"] == "BACT_CONFIRMED"
    record_tb(hq.store, clock, r1, {"tb_register_number": "BMC-2026-0042", "treatment_started_at": day(got, 34),
                                    "treatment_facility": POIPET}, by="clinic", org=POIPET)
    record_tb(hq.store, clock, r1, {"treatment_outcome": "CURED", "treatment_outcome_at": day(got, 36)},
              by="vanna")                                                   # a data manager: any TB referral
    ref = tb_referral(hq.store, r1)
    assert (ref["status"], ref["treatment_started_at"], ref["treatment_outcome"]) == (
        "treatment_started", day(got, 34), "CURED")
    sync(dev, hq)
    (row,) = [r for r in dev.health.person(got["p1"]).referrals if r["id"] == r1]
    assert (row["status"], row["tb_register_number"], row["treatment_started_at"], row["treatment_facility"],
            row["treatment_outcome"], row["treatment_outcome_at"]) == (
        "treatment_started", "BMC-2026-0042", day(got, 34), POIPET, "CURED", day(got, 36))
    assert r1 not in {f.referral_id for f in dev.health.follow_up()}      # treatment started: off the list
    _a, b = periods(got["start"])
    expected = {**PERIOD_B, "treatment_started": 1, "initial_loss_to_follow_up": 0}
    assert {k: dev.health.cascade(*b)["total"][k] for k in expected} == expected
    with hq.store.read() as conn:
        rep = build_report(conn, Period(b[0], b[1] + timedelta(days=1), "B"), threshold=0)
    assert rep.value("tb", "total", "all", "treatment_started") == 1
    assert rep.value("tb", "total", "all", "initial_loss_to_follow_up") == 0
    assert dev.maintenance.verify().ok
    with hq.store.read() as conn:
        audited = conn.execute(sa.select(hq_audit.c.username, hq_audit.c.action)
                               .where(hq_audit.c.action == "tb_outcome")).all()
    assert [tuple(a) for a in audited] == [("clinic", "tb_outcome"), ("vanna", "tb_outcome")]


@pytest.mark.parametrize(("form", "field", "reason"), [
    ({"treatment_outcome": "CURED"}, "treatment_outcome", "record the treatment start before its outcome"),
    ({"treatment_started_at": "+35", "treatment_outcome": "CURED", "treatment_outcome_at": "+34"},
     "treatment_outcome_at", "the treatment outcome cannot be dated before the treatment started"),
    ({"treatment_started_at": "-1"}, "treatment_started_at", "treatment cannot start before the referral was made"),
    ({"treatment_started_at": "+40"}, "treatment_started_at", "cannot be in the future"),
    ({"treatment_started_at": "+35", "treatment_outcome": "HEALED"}, "treatment_outcome",
     "is not a WHO treatment outcome"),
    ({"treatment_started_at": "30/11/2026"}, "treatment_started_at", "must be a date written YYYY-MM-DD"),
    ({"tb_register_number": "X" * 41}, "tb_register_number", "is longer than 40 characters"),
    ({"diagnosis": "NOT_TB"}, "diagnosis", "cannot be recorded at HQ"),
    ({}, "treatment_outcome", "nothing to record"),
])
def test_bad_input_is_refused_naming_the_field_and_writes_nothing(world, hq, clock, form, field, reason) -> None:
    _dev, got = world
    given = {k: (day(got, int(v)) if isinstance(v, str) and v[:1] in "+-" and v[1:].isdigit() else v)
             for k, v in form.items()}
    before = hq_events(hq)
    with pytest.raises(ValidationError) as e:
        record_tb(hq.store, clock, got["r1"], given, by="clinic", org=POIPET)
    assert (e.value.field, e.value.detail) == (field, reason)
    assert hq_events(hq) == before
    assert tb_referral(hq.store, got["r1"])["treatment_started_at"] in ("", None)


def test_a_closed_referral_and_a_not_tb_one_take_no_treatment(world, hq, clock) -> None:
    dev, got = world
    r3 = next(r["id"] for p in dev.records.page(limit=50) for r in dev.health.person(p.id).referrals
              if r["diagnosis"] == "NOT_TB")
    with pytest.raises(ValidationError, match="not TB"):
        record_tb(hq.store, clock, r3, {"treatment_started_at": day(got, 35)}, by="vanna")
    dev.health.record(got["r1"], {"status": "lost_to_follow_up"})
    sync(dev, hq)
    with pytest.raises(ConflictError, match="already closed"):
        record_tb(hq.store, clock, got["r1"], {"treatment_started_at": day(got, 35)}, by="vanna")


def test_a_partner_of_another_organisation_can_neither_see_nor_record_it(world, hq, clock) -> None:
    _dev, got = world
    before = hq_events(hq)
    for org in ("NGO_HAGAR", "KH02-PROVINCIAL-RH", ""):
        with pytest.raises(NotFound):
            tb_referral(hq.store, got["r1"], org=org)
        with pytest.raises(NotFound):
            record_tb(hq.store, clock, got["r1"], {"treatment_started_at": day(got, 35)}, by="x", org=org)
    with pytest.raises(NotFound):                                       # not a TB referral id at all
        tb_referral(hq.store, got["p1"])
    assert hq_events(hq) == before


def test_only_hq_writes_it(world, hq, clock, tmp_path) -> None:
    dev, got = world
    assert "tb.outcome_hq" in HQ_ONLY_TYPES and roles.EVENT_AUTHORS["tb.outcome_hq"] == frozenset()
    with pytest.raises(ValueError, match="must come from HQ"), dev.store.write():
        dev.store.record("tb.outcome_hq", "person", got["p1"], {"referral_id": got["r1"], "changes": {
            "treatment_started_at": day(got, 35), "status": "treatment_started"}}, author=dev.user.id)
    other = new_device(tmp_path / "other.db", clock=clock, username="bopha")
    try:
        ev = {"id": uuid7(1), "device_id": other.store.device_id, "device_seq": 999, "entity_type": "person",
              "entity_id": got["p1"], "type": "tb.outcome_hq", "author": "x", "hlc": HLC().tick(1),
              "payload": canonical_json({"referral_id": got["r1"], "changes": {"treatment_outcome": "CURED"}}),
              "content_version": "", "recorded_at": clock.now().isoformat(), "prev_hash": GENESIS}
        ev["hash"] = event_hash(ev)
        assert Outbox(dev).ingest([ev])["applied"] == 0
    finally:
        other.lock()
    (row,) = [r for r in dev.health.person(got["p1"]).referrals if r["id"] == got["r1"]]
    assert row["treatment_outcome"] == ""
