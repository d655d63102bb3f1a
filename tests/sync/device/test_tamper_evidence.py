"""Issue 10, point 12: the event log is tamper-evident against a key holder, anchored at HQ.

A key holder (anyone with a passphrase opens the whole database) rewrites a trafficking outcome, or deletes a
``person.viewed``, and rehashes the chain so that the hashes and links check out again. Before protocol 3 this
passed ``verify``. Now HQ's signed ack carries the chain head it holds; ``verify`` compares the local log with it
and says "events already at HQ differ"; and HQ itself quarantines the next event, which links to the rewritten
chain, and journals a chain break.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint.clock import ManualClock
from checkpoint.events import GENESIS, event_hash
from checkpoint.services.chainhead import HQ_HEAD_META, hq_head
from checkpoint.services.maintenance import MSG_AT_HQ_DIFFER
from checkpoint.storage.codec import encode_payload
from sync.device.client import SyncClient
from sync.hq.store import journal, quarantine
from tests.support.client_harness import enroll, new_device
from tests.support.helpers import POSITIVE_ADULT, registration


@pytest.fixture
def device(tmp_path: Path, clock: ManualClock, hq) -> Any:
    s = new_device(tmp_path / "a.db", "Poipet", clock=clock)
    enroll(s, hq)
    yield s
    s.lock()


def _untriggered(st: Any) -> list[str]:
    """The key holder drops the events table's triggers (she re-creates them afterwards)."""
    triggers = st.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'"
                             ).fetchall()
    for name, _sql in triggers:
        st.db.execute(f"DROP TRIGGER {name}")
    return [sql for _n, sql in triggers]


def _rehash(session: Any, *, drop_seq: int | None = None, edit: Any = None) -> None:
    """What a key holder does: edit what she wants, then rewrite the device's own chain from the start so every
    hash and link checks out (dropping one event and renumbering the ones after it, if asked)."""
    st = session.store
    db = st.db
    with st.write():
        triggers = _untriggered(st)
        if edit is not None:
            edit(st)
        own = [ev for ev in st.events(where="device_id = ?", params=[st.device_id], order="device_seq")]
        prev, seq = GENESIS, 0
        for ev in own:
            if ev["device_seq"] == drop_seq:
                db.execute("DELETE FROM events WHERE id = ?", [ev["id"]])
                continue
            seq += 1
            new = {**ev, "device_seq": seq, "prev_hash": prev}
            new["hash"] = event_hash(new)
            db.execute("UPDATE events SET device_seq = ?, prev_hash = ?, hash = ?, payload = ? WHERE id = ?",
                       [seq, prev, new["hash"], encode_payload(new["payload"]), ev["id"]])
            prev = new["hash"]
        for sql in triggers:
            db.execute(sql)


def _registered_and_synced(device: Any, hq: Any) -> str:
    pid = device.registrations.register(**registration(trafficking={"ticked": POSITIVE_ADULT})).person_id
    device.records.get(pid)                                          # person.viewed
    assert SyncClient(device, hq).sync_once()["complete"]
    assert device.maintenance.verify().ok
    kept = hq_head(device.store)
    assert kept is not None and kept["head"]["seq"] == device.store.db.execute(
        "SELECT max(device_seq) FROM events WHERE device_id = ?", [device.store.device_id]).fetchone()[0]
    return pid


def _differ(report: Any) -> bool:
    return MSG_AT_HQ_DIFFER in report.problems


def test_rewriting_a_trafficking_outcome_already_at_hq_fails_verify(device, hq) -> None:
    _registered_and_synced(device, hq)
    st = device.store
    ev = next(st.events(where="type = 'registration.recorded'"))
    payload = json.loads(ev["payload"])
    assert payload["trafficking"]["result"]["outcome"] == "PRESUMED_VICTIM"
    text = ev["payload"].replace('"PRESUMED_VICTIM"', '"NO_INDICATORS"')

    def edit(st: Any) -> None:
        st.db.execute("UPDATE events SET payload = ? WHERE id = ?", [encode_payload(text), ev["id"]])
        st.db.execute("UPDATE trafficking_screenings SET outcome = 'NO_INDICATORS', result = replace(result, "
                      "'PRESUMED_VICTIM', 'NO_INDICATORS')")
    _rehash(device, edit=edit)
    report = device.maintenance.verify()
    # Hashes, links and projections all check out: only the anchor at HQ tells.
    assert not any("altered" in p or "broken chain" in p or "missing" in p.split(":")[0] for p in report.problems)
    assert _differ(report), report.problems
    assert any("another hash" in p for p in report.problems)
    # The device writes on; its next event links to the rewritten chain: HQ refuses it and journals a break.
    device.registrations.register(**registration())
    assert SyncClient(device, hq).sync_once()["verdicts"]["quarantined"] == 1
    with hq.store.read() as conn:
        reasons = list(conn.execute(sa.select(quarantine.c.reason)
                                    .where(quarantine.c.device_id == st.device_id)).scalars())
        breaks = list(conn.execute(sa.select(journal.c.message).where(journal.c.kind == "chain_break")).scalars())
    assert len(reasons) == 1 and reasons[0].startswith("chain break")
    assert len(breaks) == 1 and "event chain break" in breaks[0]


def test_deleting_a_person_viewed_already_at_hq_fails_verify_and_hq_quarantines_what_follows(device, hq) -> None:
    _registered_and_synced(device, hq)
    st = device.store
    viewed = next(st.events(where="type = 'person.viewed'"))["device_seq"]
    _rehash(device, drop_seq=viewed)
    assert st.db.execute("SELECT count(*) FROM events WHERE type = 'person.viewed'").fetchone()[0] == 0
    report = device.maintenance.verify()
    assert _differ(report), report.problems
    # The device writes on: its next event reuses a sequence number HQ holds: refused, never applied.
    device.registrations.register(**registration())
    assert SyncClient(device, hq).sync_once()["verdicts"]["quarantined"] >= 1


def test_a_forged_head_kept_on_the_device_is_reported(device, hq) -> None:
    _registered_and_synced(device, hq)
    st = device.store
    kept = hq_head(st)
    assert kept is not None
    kept["head"]["hash"] = "ab" * 32                                  # the attacker edits the anchor too
    with st.write():
        st.set_meta(HQ_HEAD_META, json.dumps(kept))
    report = device.maintenance.verify()
    assert _differ(report) and any("not signed by HQ" in p for p in report.problems)


def test_an_honest_device_keeps_verifying_after_many_syncs(device, hq) -> None:
    for _ in range(3):
        device.registrations.register(**registration())
        assert SyncClient(device, hq).sync_once()["complete"]
        assert device.maintenance.verify().ok
