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
