"""An HQ store made by the release with schema 0001_initial (``fixtures/hq-0001.db``, built by that release's own
code: ``fixtures/make_hq_0001.py``) upgrades to the current schema on SQLite and PostgreSQL: every event, batch,
ack and journal line is kept, HQ now knows who registered each person, the follows that release made from mere
writes (Bavet's one ``person.viewed``) are removed with a journal line, and pulls and pushes go on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import HQStore, alembic_config
from sync.wire import PULL, pull_request
from tests.support.hq_helpers import FakeDevice, answer, reset_store

FIXTURES = Path(__file__).with_name("fixtures")
KEPT = ("events", "batches", "batch_digests", "quarantine", "conflicts", "devices", "checkpoints", "enroll_tokens",
        "counters", "meta")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def old_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """The 0001 store: the fixture file itself on SQLite; on PostgreSQL a database built at 0001 and filled with
    the fixture's rows."""
    shutil.copy(FIXTURES / "hq-0001.db", tmp_path / "hq.db")
    sqlite_url = f"sqlite:///{tmp_path / 'hq.db'}"
    if backend == "sqlite":
        return sqlite_url
    url = str(request.getfixturevalue("pg_url"))
    store = HQStore.open(url)
    reset_store(store)
    with store.write() as conn:
        command.downgrade(alembic_config(conn), "base")
        command.upgrade(alembic_config(conn), "0001_initial")
    src = sa.create_engine(sqlite_url)
    with src.connect() as s, store.write() as conn:
        md = sa.MetaData()
        md.reflect(s)
        for table in md.sorted_tables:
            if table.name == "alembic_version":
                continue
            rows = [dict(r) for r in s.execute(sa.select(table)).mappings()]
            conn.execute(sa.Table(table.name, sa.MetaData(), autoload_with=conn).delete())
            if rows:
                conn.execute(sa.Table(table.name, sa.MetaData(), autoload_with=conn).insert(), rows)
        for t in ("quarantine", "conflicts", "journal"):          # copied ids: move the serials past them
            conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), "
                                 f"coalesce((SELECT max(id) FROM {t}), 0) + 1, false)"))
    src.dispose()
    store.close()
    return url


def snapshot(store: HQStore) -> dict[str, list]:
    with store.read() as conn:
        return {t: sorted(tuple(map(str, r)) for r in conn.execute(sa.text(f"SELECT * FROM {t}")))
                for t in KEPT}


def pull(hq: HQService, device_id: str, private: bytes) -> list[str]:
    req = pull_request(private, device_id, "", 1000, now=hq.clock.now())
    return [e["id"] for e in answer(PULL, hq.pull(req.blob), req, hq.keys.signing_public)["events"]]


def test_a_0001_store_upgrades_keeps_every_record_and_drops_follows_made_by_writing(old_url: str) -> None:
    fx = json.loads((FIXTURES / "hq-0001.json").read_text())
    old = HQStore.open(old_url, migrate=False)
    assert old.revision() == "0001_initial"
    before = snapshot(old)
    with old.read() as conn:
        journal_before = conn.execute(sa.text("SELECT count(*) FROM journal")).scalar_one()
        bavet_feed = conn.execute(sa.text("SELECT count(*) FROM pull_feed f JOIN devices d ON d.checkpoint_id = "
                                          "f.checkpoint_id WHERE d.device_id = :d"),
                                  {"d": fx["devices"]["bavet"]["device_id"]}).scalar_one()
    old.close()
    assert bavet_feed == 3                   # the old release queued P's record to Bavet after one person.viewed

    k = fx["keys"]
    keys = HQKeys(*(bytes.fromhex(k[n]) for n in ("signing_private", "signing_public", "exchange_private",
                                                   "exchange_public", "recovery_public")))
    hq = HQService(HQStore.open(old_url), keys)           # upgrades
    try:
        assert hq.store.revision() == "0014_service_persons"
        assert snapshot(hq.store) == before               # every record kept, byte for byte
        with hq.store.read() as conn:                     # and reports on the old data (0003)
            assert conn.execute(sa.text("SELECT count(*) FROM fact_arrivals WHERE NOT voided")).scalar_one() == 2
        with hq.store.read() as conn:
            persons = {r[0]: (r[1], bool(r[2])) for r in conn.execute(sa.text(
                "SELECT p.person_id, c.name, p.sharing FROM persons p JOIN checkpoints c ON c.id = p.checkpoint_id"))}
            follows = sorted((r[0], r[1], r[2]) for r in conn.execute(sa.text(
                "SELECT c.name, f.entity_id, f.how FROM checkpoint_entities f JOIN checkpoints c "
                "ON c.id = f.checkpoint_id")))
            record = conn.execute(sa.text("SELECT kind, person_id FROM records WHERE record_id = :r"),
                                  {"r": fx["R1"]}).one()
            unfollows = [r[0] for r in conn.execute(sa.text("SELECT message FROM journal WHERE kind = 'unfollow'"))]
            journal_after = conn.execute(sa.text("SELECT count(*) FROM journal")).scalar_one()
        assert persons == {fx["P"]: ("Poipet", False), fx["Q"]: ("Poipet", True)}
        assert follows == []          # the registering checkpoint follows through persons; no link was made
        assert tuple(record) == ("referral", fx["P"])
        assert len(unfollows) == 2 and journal_after == journal_before + 2
        dev = {n: (d["device_id"], bytes.fromhex(d["signing_private"])) for n, d in fx["devices"].items()}
        assert pull(hq, *dev["bavet"]) == []                  # nothing of P any more
        assert pull(hq, *dev["clinic"]) == []
        e = fx["events"]
        got = pull(hq, *dev["p2"])                            # Poipet's feed keeps working
        assert e["reg_p"] in got and e["reg_q"] in got and e["amend"] not in got
        # And pushes go on under the new rules: Bavet writing about P again is quarantined.
        with hq.store.read() as conn:
            seq, prev = conn.execute(sa.text("SELECT device_seq, hash FROM events WHERE device_id = :d"),
                                     {"d": dev["bavet"][0]}).one()
        bavet = FakeDevice(device_id=dev["bavet"][0], checkpoint_name="Bavet", seq=int(seq), prev=str(prev))
        bavet.signing_private = dev["bavet"][1]
        again = bavet.event(type_="person.viewed", entity_id=fx["P"], payload={})
        assert hq.ingest(bavet.seal([again], keys.exchange_public)).counts["quarantined"] == 1
    finally:
        hq.store.close()
