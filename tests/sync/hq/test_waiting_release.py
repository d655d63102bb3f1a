"""Issue 15: a batch that registers persons releases every quarantined event waiting for them, all at once
(``sync.hq.waiting``) — each checked again as one released by hand is, in the device's order (an event's chain
runs through the one released just before it), on both databases; and with a fixed number of statements, not
about ten per waiting event inside the pushing device's transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from sync.hq import operator
from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import HQStore, events, hq_audit, journal
from sync.wire import ACK, PULL, open_signed
from tests.support.hq_helpers import FakeDevice, answer


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _push(hq: HQService, dev: FakeDevice, evs: list[dict[str, Any]]) -> dict[str, Any]:
    return open_signed(ACK, hq.push(dev.seal(evs, hq.keys.exchange_public)), hq.keys.signing_public)["verdicts"]


def _scenario(hq: HQService, n: int) -> dict[str, Any]:
    """Two laptops of Poipet (the second syncs first: 2 events about each of ``n`` persons it saw, which wait)
    and one of Bavet (one event about the first person: it waits too, but Bavet will not follow the person)."""
    a, b, bavet = FakeDevice(), FakeDevice(), FakeDevice(checkpoint_name="Bavet")
    for d in (a, b, bavet):
        d.enroll(hq)
    regs = [a.event() for _ in range(n)]
    seen = [b.event(type_="person.viewed", entity_id=r["entity_id"], payload={}) for r in regs for _ in (1, 2)]
    spy = bavet.event(type_="person.viewed", entity_id=regs[0]["entity_id"], payload={})
    assert {v[0] for v in _push(hq, b, seen).values()} == {"quarantined"}
    assert _push(hq, bavet, [spy])[spy["id"]][0] == "quarantined"
    assert len(operator.quarantine_rows(hq.store)) == 2 * n + 1
    return {"a": a, "regs": regs, "seen": seen, "spy": spy}


def test_a_batch_releases_every_waiting_event_and_each_is_checked_again(hq: HQService) -> None:
    s = _scenario(hq, 60)
    verdicts = _push(hq, s["a"], s["regs"])                        # the registrations arrive: one batch
    assert {v[0] for v in verdicts.values()} == {"accepted"}
    seen_ids = [e["id"] for e in s["seen"]]
    with hq.store.read() as conn:
        rows = {r.id: r for r in conn.execute(sa.select(events.c.id, events.c.status, events.c.ingest_seq)
                                              .where(events.c.id.in_(seen_ids)))}
    assert [rows[i].status for i in seen_ids] == ["accepted"] * 120              # every one taken in ...
    order = [rows[i].ingest_seq for i in seen_ids]
    assert order == sorted(order) and len(set(order)) == 120                    # ... in the device's order
    # They travel to Poipet's other laptop (a pulls what others wrote), in that order.
    req = s["a"].pull_request()
    pulled = [e["id"] for e in answer(PULL, hq.pull(req.blob), req, hq.keys.signing_public)["events"]]
    assert pulled == seen_ids
    # Bavet's event was tried too: still refused (Bavet does not follow the person), and it waits no more.
    (q,) = operator.quarantine_rows(hq.store)
    assert q["event_id"] == s["spy"]["id"] and "does not follow" in q["reason"] and q["waits_for"] is None
    released = operator.quarantine_rows(hq.store, state="released")
    assert len(released) == 120 and {r["by"] for r in released} == {operator.AUTO}
    with hq.store.read() as conn:
        audited = conn.execute(sa.select(hq_audit.c.username, hq_audit.c.detail)
                               .where(hq_audit.c.action == "quarantine_release")).all()
        line = conn.execute(sa.select(journal.c.message).where(journal.c.kind == "quarantine_release")).scalar_one()
    assert len(audited) == 120 and {u for u, _d in audited} == {operator.AUTO}
    assert {i for i in seen_ids if any(i in d for _u, d in audited)} == set(seen_ids)
    assert line.startswith("120 quarantined events released automatically")


def test_a_waiting_event_that_breaks_its_chain_stays_and_the_ones_after_it_are_judged_on_their_own(
        hq: HQService) -> None:
    a, b = FakeDevice(), FakeDevice()
    a.enroll(hq)
    b.enroll(hq)
    regs = [a.event() for _ in range(3)]
    seen = [b.event(type_="person.viewed", entity_id=r["entity_id"], payload={}) for r in regs]
    forged = dict(seen[1])                                   # its content rewritten and rehashed on the device
    forged["prev_hash"] = "0" * 64
    from checkpoint.events import event_hash

    forged["hash"] = event_hash(forged)
    _push(hq, b, [seen[0], forged, seen[2]])
    _push(hq, a, regs)
    with hq.store.read() as conn:
        status = dict(conn.execute(sa.select(events.c.id, events.c.status)
                                   .where(events.c.id.in_([e["id"] for e in seen]))).all())
    assert status == {seen[0]["id"]: "accepted"}             # the one after the break does not link to it either
    reasons = {r["event_id"]: r["reason"] for r in operator.quarantine_rows(hq.store)}
    assert reasons[forged["id"]].startswith("chain break") and reasons[seen[2]["id"]].startswith("chain break")


def _statements_to_release(tmp_path: Path, n: int) -> int:
    hq = HQService(HQStore.open(f"sqlite:///{tmp_path / f'hq{n}.db'}"), HQKeys.generate())
    try:
        s = _scenario(hq, n)
        count = [0]

        def one(*_a: Any) -> None:
            count[0] += 1

        sa.event.listen(hq.store.engine, "before_cursor_execute", one)
        assert {v[0] for v in _push(hq, s["a"], s["regs"]).values()} == {"accepted"}
        sa.event.remove(hq.store.engine, "before_cursor_execute", one)
        assert len(operator.quarantine_rows(hq.store, state="released")) == 2 * n
        return count[0]
    finally:
        hq.store.close()


def test_releasing_many_waiting_events_takes_as_many_statements_as_releasing_a_few(tmp_path: Path) -> None:
    few, many = _statements_to_release(tmp_path, 3), _statements_to_release(tmp_path, 80)
    print(f"\nstatements for a batch of registrations releasing 6 waiting events: {few}; 160: {many}")
    assert many == few
