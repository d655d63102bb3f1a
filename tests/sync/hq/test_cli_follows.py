"""checkpoint-hq link and quarantine, as an operator runs them: a write about a person another checkpoint
registered is listed in quarantine with its reason; an explicit link is journalled and follows sharing consent."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from tests.support.hq_helpers import FakeDevice
from tests.sync.hq.test_cli import db, hq_cli, keys_dir, service  # noqa: F401 - db, keys_dir are fixtures


def test_quarantine_lists_the_refused_write_and_link_is_audited(keys_dir: Path, db: str) -> None:  # noqa: F811
    hq = service(db, keys_dir)
    poipet, bavet = FakeDevice(), FakeDevice(checkpoint_name="Bavet")
    poipet.enroll(hq)
    bavet.enroll(hq)
    reg = poipet.event()
    hq.push(poipet.seal([reg], hq.keys.exchange_public))
    spy = bavet.event(type_="person.viewed", entity_id=reg["entity_id"], payload={})
    hq.push(bavet.seal([spy], hq.keys.exchange_public))
    hq.store.close()
    r = hq_cli("--db", db, "quarantine", "--json")
    assert r.returncode == 0, r.stderr
    [q] = json.loads(r.stdout)
    assert q["event_id"] == spy["id"] and q["device_id"] == bavet.device_id and "does not follow" in q["reason"]
    assert "does not follow" in hq_cli("--db", db, "quarantine", "--device", bavet.device_id).stdout
    r = hq_cli("--db", db, "link", reg["entity_id"], "--checkpoint", "bavet", "--reason", "case transferred")
    assert r.returncode == 0 and "now follows the person; 1 of their events" in r.stdout, r.stderr
    again = hq_cli("--db", db, "link", reg["entity_id"], "--checkpoint", "Bavet", "--reason", "again")
    assert again.returncode == 0 and "already follows" in again.stdout
    assert hq_cli("--db", db, "link", reg["entity_id"], "--checkpoint", "Nowhere", "--reason", "x").returncode == 4
    assert hq_cli("--db", db, "link", reg["entity_id"], "--checkpoint", "Bavet").returncode == 2   # no reason
    engine = sa.create_engine(db)
    with engine.connect() as conn:
        lines = list(conn.execute(sa.text("SELECT message FROM journal WHERE kind = 'link'")).scalars())
    engine.dispose()
    assert len(lines) == 1 and "case transferred" in lines[0]
