"""Must show (issue 13): two laptops of one checkpoint and a real HQ over HTTP on 127.0.0.1. Cash given on one is
seen on the other after sync, and a second payment there is refused naming the first; a supervisor's override on the
second laptop travels back to the first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from checkpoint.services.assistance import CashGrantRefused
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


def test_cash_given_on_one_laptop_is_refused_on_the_other_naming_the_first(hq_url, tmp_path: Path) -> None:
    service, url = hq_url
    a, b = new_device(tmp_path / "a.db"), new_device(tmp_path / "b.db", username="bopha")
    try:
        with HttpTransport(url, timeout=30) as t:
            for dev in (a, b):
                SyncClient(dev, t).enroll(url, service.issue_token(dev.site.checkpoint_name))
            pid = a.arrivals.quick_register({"family_name": "SOK", "given_names": "DARA", "sex": "M",
                                             "age_years": 34}).person_id
            first = a.assistance.give(pid, "CASH_GRANT_KHR", 120000, provider="IOM").ids["assistance"]
            a.assistance.give(pid, "WATER", 2)
            assert SyncClient(a, t).sync_once()["complete"]
            assert SyncClient(b, t).sync_once()["complete"]
            seen = b.assistance.received(pid)["ever"]
            assert {r["item_code"] for r in seen} == {"CASH_GRANT_KHR", "WATER"}
            cash = next(r for r in seen if r["item_code"] == "CASH_GRANT_KHR")
            assert cash["id"] == first and cash["device_id"] == a.store.device_id and cash["quantity"] == 120000
            with pytest.raises(CashGrantRefused) as e:
                b.assistance.give(pid, "CASH_GRANT_KHR", 120000)
            assert e.value.first["id"] == first and "120000 KHR" in str(e.value)
            # b's user is the supervisor of her own store: she overrides with a reason, and a sees it after sync
            b.assistance.give(pid, "CASH_GRANT_KHR", 60000, override_reason="second bus ticket stolen")
            for dev in (b, a):
                assert SyncClient(dev, t).sync_once()["complete"]
            on_a = [r for r in a.assistance.received(pid)["ever"] if r["item_code"] == "CASH_GRANT_KHR"]
            assert [r["override_of"] for r in on_a] == [first, ""]
            assert on_a[0]["override_reason"] == "second bus ticket stolen"
        given = {r[0] for dev in (a, b) for r in dev.store.db.execute(
            "SELECT id FROM events WHERE type = 'assistance.given'")}
        at_hq = hq_events(service)
        assert len(given) == 3 and given <= set(at_hq) <= own_events(a) | own_events(b)
        for dev in (a, b):
            assert dev.maintenance.verify().ok
    finally:
        a.lock()
        b.lock()
