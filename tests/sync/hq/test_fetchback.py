"""Issue 12, point 6, HQ's side of the fetch-back: on SQLite and PostgreSQL, HQ serves a device the events of one
person that this device may hold (its own; its checkpoint's feed), journals every request with its reason, refuses a
request sent twice, and gives another checkpoint's device nothing of a person it does not follow."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint.services.outbox import Outbox
from sync.device.client import SyncClient
from sync.device.enrollment import pinned_keys
from sync.errors import ReplayedRequest
from sync.hq.store import journal
from sync.wire import FETCH, fetch_request, open_answer, open_signed
from tests.support.helpers import POSITIVE_ADULT, registration


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _enrolled(make_device: Any, hq: Any, name: str, checkpoint: str) -> Any:
    s = make_device(name, checkpoint=checkpoint)
    SyncClient(s, hq).enroll("http://hq.test", hq.issue_token(checkpoint))
    return s


def _ask(s: Any, hq: Any, person_id: str, reason: str) -> tuple[list[dict[str, Any]], bytes]:
    pinned = pinned_keys(Outbox(s))
    req = fetch_request(pinned.identity["signing_private"], pinned.identity["device_id"], person_id, reason,
                        now=s.store.clock.now())
    doc = open_signed(FETCH, open_answer(hq.fetch(req.blob), req), pinned.hq_signing)
    return doc["events"], req.blob


def test_hq_serves_its_own_device_journals_it_and_refuses_replays_and_strangers(make_device: Any, hq: Any) -> None:
    a = _enrolled(make_device, hq, "a", "Poipet")
    pid = a.registrations.register(**registration(trafficking={"ticked": POSITIVE_ADULT})).person_id
    assert SyncClient(a, hq).sync_once()["complete"]
    evs, blob = _ask(a, hq, pid, "court case 12/2026")
    assert [e["type"] for e in evs] == ["registration.recorded"] and evs[0]["entity_id"] == pid
    with pytest.raises(ReplayedRequest):
        hq.fetch(blob)                                   # a captured request is worth nothing
    with hq.store.read() as conn:
        lines = [r[0] for r in conn.execute(sa.select(journal.c.message).where(journal.c.kind == "fetch_back"))]
    assert len(lines) == 1 and pid in lines[0] and "court case 12/2026" in lines[0]
    b = _enrolled(make_device, hq, "b", "Bavet")          # another checkpoint, not following the person
    assert _ask(b, hq, pid, "curious")[0] == []
