"""Issue 10, point 15: every read that returns personal data leaves a trace (kind and count, never the query), one
event per kind per user per minute however many queries."""

from __future__ import annotations

import json
import time

import pytest

from checkpoint import codelists
from checkpoint.services import unlock
from checkpoint.storage.codec import decode_payload
from tests.conftest import FAST, PASS
from tests.support.helpers import adult, registration


def _reads(session, kind: str | None = None) -> list[dict]:
    out = []
    for ev in session.store.events(where="type = 'records.read'"):
        p = json.loads(ev["payload"])
        if kind is None or p["kind"] == kind:
            out.append({**p, "author": ev["author"], "entity_type": ev["entity_type"]})
    return out


def _persons_read(session, kind: str) -> int:
    return sum(r["persons"] for r in _reads(session, kind))


@pytest.fixture
def three(supervisor):
    fac = codelists.health_facilities()[0].code
    ids = []
    for fam, doc, phone in (("SOK", "N1111111", "011111111"), ("SOKHA", "N2222222", "012222222"),
                            ("CHAN", "N3333333", "013333333")):
        ids.append(supervisor.registrations.register(**registration(
            person=adult(family_name=fam, id_document_number=doc, phone=phone, name_khmer=""),
            tb={"cough": True, "cough_days": 15},
            referrals=[{"kind": "health", "agency_code": fac, "reason_code": "PRESUMPTIVE_TB",
                        "urgency": "SAME_DAY"}])))
    return ids


def test_each_kind_of_read_leaves_a_trace_with_its_count(supervisor, three, clock) -> None:
    assert _reads(supervisor) == []                       # registering is not a read
    hits = supervisor.records.search("SOK")
    assert len(hits) == 2
    assert _persons_read(supervisor, "search") == 2
    assert len(supervisor.records.page(limit=100)) == 3
    assert _persons_read(supervisor, "list") == 3
    supervisor.records.history(three[0].person_id)
    assert _persons_read(supervisor, "history") == 1
    assert len(supervisor.registrations.find_duplicates(adult(family_name="SOK", id_document_number="N1111111",
                                                              phone="", name_khmer=""))) >= 1
    assert _persons_read(supervisor, "duplicates") >= 1
    rows = supervisor.referrals.list(kind="health")
    assert len(rows) == 3
    assert _persons_read(supervisor, "referrals") == 3
    assert len(supervisor.review.pending()) == 3
    assert _persons_read(supervisor, "review") == 3
    supervisor.slips.slip(three[0].referral_ids[0])
    assert _persons_read(supervisor, "slip") == 1
    for r in _reads(supervisor):
        assert r["author"] == supervisor.user.id and r["entity_type"] == "store"
        assert r["queries"] == 1


def test_a_read_that_finds_nobody_leaves_no_trace(supervisor, three) -> None:
    assert supervisor.records.search("ZZZZ") == []
    assert _reads(supervisor) == []


def test_follow_up_list_and_one_referral_are_traced(sign_in, three) -> None:
    hw = sign_in("thida")
    follow = hw.referrals.to_follow_up("open")
    assert len(follow.rows) == 3
    hw.referrals.get(three[1].referral_ids[0])
    hw.lock()     # flushes what the minute counted
    sup = sign_in("dara")
    got = [r for r in _reads(sup, "referrals")]
    assert got and all(r["author"] == hw.user.id for r in got)
    assert sum(r["persons"] for r in got) >= 4        # 3 on the follow-up list, 1 referral opened


def test_hundred_searches_in_a_minute_are_one_or_two_events_with_the_sum(supervisor, three, clock,
                                                                         store_path) -> None:
    for _ in range(100):
        supervisor.records.search("SOK")                 # 2 persons each
        clock.advance(seconds=0.5)                       # 50 s in all: one minute
    assert len(_reads(supervisor, "search")) == 1        # the first one, at once
    clock.advance(seconds=11)
    supervisor.records.search("CHAN")                    # past the minute: written with what was counted
    supervisor.records.search("CHAN")
    got = _reads(supervisor, "search")
    assert len(got) == 2
    assert sum(r["queries"] for r in got) == 101 and sum(r["persons"] for r in got) == 201
    events_before = supervisor.store.db.execute("SELECT count(*) FROM events").fetchone()[0]
    supervisor.lock()                                    # the last minute's count is written at lock
    s = unlock(store_path, "dara", PASS["dara"], clock=clock, kdf=FAST)
    try:
        got = _reads(s, "search")
        assert len(got) == 3
        assert sum(r["queries"] for r in got) == 102 and sum(r["persons"] for r in got) == 202
        assert s.store.db.execute("SELECT count(*) FROM events").fetchone()[0] == events_before + 1
    finally:
        s.lock()


def test_the_query_text_never_reaches_the_store(supervisor, three, store_path, clock) -> None:
    for q in ("SOKHA", "N2222222", "012222222"):
        assert supervisor.records.search(q)
    supervisor.lock()
    s = unlock(store_path, "dara", PASS["dara"], clock=clock, kdf=FAST)
    try:
        assert sum(r["queries"] for r in _reads(s, "search")) == 3
        rows = s.store.db.execute("SELECT * FROM events WHERE type = 'records.read'").fetchall()
        assert rows
        for row in rows:
            text = " ".join(decode_payload(v) if isinstance(v, bytes) else str(v) for v in row)
            for q in ("SOKHA", "N2222222", "012222222", "2222222"):
                assert q not in text
    finally:
        s.lock()


def test_the_trace_does_not_travel_to_other_devices() -> None:
    from checkpoint.events import EVENT_ENTITY, TRAVEL_TYPES
    assert EVENT_ENTITY["records.read"] == "store"
    assert "records.read" not in TRAVEL_TYPES


def test_counting_a_read_costs_microseconds(supervisor, three, clock) -> None:
    """The added cost of a search within the minute (the common case while typing): in-memory counting."""
    supervisor.records.search("SOK")                     # writes the minute's event
    log, store, uid = supervisor._ctx.reads, supervisor.store, supervisor.user.id
    n = 20_000
    t = time.perf_counter()
    for _ in range(n):
        log.note(store, uid, "search", 2)
    per_call = (time.perf_counter() - t) / n
    print(f"records.read counting: {per_call * 1e6:.2f} µs per search within the minute")
    assert per_call < 200e-6
