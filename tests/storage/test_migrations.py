"""Every released schema version's fixture store opens with the current code, upgrades, and keeps its data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checkpoint.services import unlock
from checkpoint.storage.schema import SCHEMA_MIGRATIONS, schema_version

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("schema_*.db"))


def test_there_is_a_fixture_for_the_latest_schema() -> None:
    latest = SCHEMA_MIGRATIONS._migrations[-1].name
    assert f"schema_{latest}.db" in [f.name for f in FIXTURES], (
        "a new migration needs its fixture: run tests/storage/fixtures/make_fixture.py")


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_fixture_upgrades_and_keeps_its_records(fixture: Path, tmp_path: Path) -> None:
    db = tmp_path / fixture.name
    shutil.copy(fixture, db)
    shutil.copy(str(fixture) + ".keys", str(db) + ".keys")
    s = unlock(db, "dara", "fixture passphrase")
    try:
        assert schema_version(s.store.db) == [m.name for m in SCHEMA_MIGRATIONS._migrations]
        hits = s.records.search("FIXTURE")
        assert [h.id_document_number for h in hits] == ["FX0000001"]
        rec = s.records.get(hits[0].id)
        assert rec["person"]["phone"] == "012000111"
        assert rec["encounters"][0]["referrals"][0]["status"] == "arrived"
        assert [d.payload["family_name"] for d in s.drafts.list()] == ["DRAFT"]
        assert s.maintenance.verify().ok
    finally:
        s.lock()


ARRIVAL_FIXTURES = [f for f in FIXTURES if f.stem >= "schema_0006"]


@pytest.mark.parametrize("fixture", ARRIVAL_FIXTURES, ids=[f.stem for f in ARRIVAL_FIXTURES])
def test_an_old_store_s_groups_surge_and_headcounts_are_already_events_hq_takes(fixture: Path, tmp_path: Path) -> None:
    """Issue 11: nothing to migrate into the log. Groups (0006 on), surge switches and headcounts were recorded as
    signed, chained events from the start; after the upgrade each passes the checks HQ and the other laptops now
    apply to them, and the tables rebuilt from the log hold them."""
    import json

    from checkpoint.events import SITE_TYPES, site_problem

    db = tmp_path / fixture.name
    shutil.copy(fixture, db)
    shutil.copy(str(fixture) + ".keys", str(db) + ".keys")
    s = unlock(db, "dara", "fixture passphrase")
    try:
        site = [ev for ev in s.store.events() if ev["type"] in SITE_TYPES]
        assert "arrival_group.recorded" in {ev["type"] for ev in site}
        assert [site_problem(ev, json.loads(ev["payload"])) for ev in site] == [""] * len(site)
        assert [g.handover_ref for g in s.arrivals.groups()] == ["FX-GROUP"]
        if fixture.stem >= "schema_0013":
            assert s.arrivals.surge_active() and s.arrivals.headcount() == {"F": {"adult": 0, "child": 2}}
        assert s.maintenance.verify().ok                  # the projections rebuilt from the log match
    finally:
        s.lock()
