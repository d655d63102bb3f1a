"""Must show (issue 11): two laptops of one checkpoint and a real HQ over HTTP on 127.0.0.1. A person
quick-registered on one appears in the other's station queue after sync; an entry both laptops close before they
sync is counted once, with the same status on both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.device.client import SyncClient
from sync.device.transport import HttpTransport
from sync.hq.service import HQService
from tests.support.client_harness import hq_events, live, new_device, new_hq, own_events


@pytest.fixture
def hq_url(tmp_path: Path) -> Iterator[tuple[HQService, str]]:
    service = new_hq(tmp_path)
    try:
        with live(service) as url:
            yield service, url
    finally:
        service.store.close()


def test_a_quick_registration_reaches_the_other_laptops_queue_and_closes_once(hq_url, tmp_path: Path) -> None:
    service, url = hq_url
    a, b = new_device(tmp_path / "a.db"), new_device(tmp_path / "b.db", username="bopha")
    try:
        with HttpTransport(url, timeout=30) as t:
            for dev in (a, b):
                SyncClient(dev, t).enroll(url, service.issue_token(dev.site.checkpoint_name))
            q = a.arrivals.quick_register({"family_name": "SOK", "given_names": "DARA", "sex": "M", "age_years": 34},
                                          flags=["INJURED_OR_ILL"])
            other = a.arrivals.quick_register({"name_khmer": "ហេង សុវណ្ណ", "sex": "F", "age_years": 40})
            assert b.arrivals.queue("HEALTH_POST") == []
            assert SyncClient(a, t).sync_once()["complete"]
            assert SyncClient(b, t).sync_once()["complete"]
            seen = b.arrivals.queue("HEALTH_POST")
            assert [i.person_id for i in seen] == [q.person_id, other.person_id]       # urgent medical need first
            assert seen[0].flags == ("INJURED_OR_ILL",) and seen[0].family_name == "SOK"
            # Both laptops close the same entry before they sync again: one as done, the other as referred.
            entry = seen[0].entry_id
            a.arrivals.close(entry, "done")
            b.arrivals.close(entry, "referred")
            assert b.arrivals.close(entry, "referred").events is False        # a second close here writes nothing
            for dev in (a, b, a):
                assert SyncClient(dev, t).sync_once()["complete"]
            fa, fb = a.arrivals.figures()["HEALTH_POST"], b.arrivals.figures()["HEALTH_POST"]
            closed = {k: fa[k] for k in ("done", "referred", "left")}
            assert sum(closed.values()) == 1 and closed == {k: fb[k] for k in ("done", "referred", "left")}
            assert fa["waiting"] == fb["waiting"] == 1
            assert [i.person_id for i in a.arrivals.queue("HEALTH_POST")] == [other.person_id]
            assert [i.person_id for i in b.arrivals.queue("HEALTH_POST")] == [other.person_id]
            for dev in (a, b):      # the queue reads above left their traces (issue 10): they reach HQ too
                assert SyncClient(dev, t).sync_once()["complete"]
        at_hq = hq_events(service)
        assert len(at_hq) == len(set(at_hq)) and set(at_hq) == own_events(a) | own_events(b)
        for dev in (a, b):
            assert dev.maintenance.verify().ok
            assert dev.arrivals.arrival_figures()["arrivals"] == 2
    finally:
        a.lock()
        b.lock()


def test_a_registration_completed_on_one_laptop_reaches_hq_and_the_other(hq_url, tmp_path: Path) -> None:
    """The flow: laptop A quick-registers; laptop B calls the person to its private room and completes the SAME
    arrival (registration.completed); HQ takes it and A gets the screens on that one arrival, the entry closed."""
    service, url = hq_url
    a, b = new_device(tmp_path / "a.db"), new_device(tmp_path / "b.db", username="bopha")
    try:
        with HttpTransport(url, timeout=30) as t:
            for dev in (a, b):
                SyncClient(dev, t).enroll(url, service.issue_token(dev.site.checkpoint_name))
            q = a.arrivals.quick_register({"family_name": "SOK", "given_names": "DARA", "sex": "M", "age_years": 34},
                                          stations=["INTERVIEW_ROOM"])
            assert SyncClient(a, t).sync_once()["complete"]
            assert SyncClient(b, t).sync_once()["complete"]
            called = b.arrivals.call_next("INTERVIEW_ROOM")
            assert called is not None and called.encounter_id == q.encounter_id
            done = b.registrations.complete(q.encounter_id, consents={"storage": True, "screening": True},
                                            trafficking={"ticked": ["ILO-CD-4"]}, tb={"cough": False},
                                            queue_entry_id=called.entry_id)
            for dev in (b, a):
                res = SyncClient(dev, t).sync_once()
                assert res["complete"], res
            db = a.store.db
            assert db.execute("SELECT count(*) FROM encounters WHERE person_id = ?", [q.person_id]).fetchone()[0] == 1
            assert db.execute("SELECT encounter_id FROM trafficking_screenings WHERE id = ?",
                              [done.trafficking_screening_id]).fetchone()[0] == q.encounter_id
            status = db.execute("SELECT status FROM queue_entries WHERE id = ?", [called.entry_id]).fetchone()[0]
            assert status == "done"
            assert a.arrivals.queue("INTERVIEW_ROOM") == []
        for dev in (a, b):
            assert dev.maintenance.verify().ok
    finally:
        a.lock()
        b.lock()
