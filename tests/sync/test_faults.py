"""Sync through a hostile network and a client killed at the worst moment: HQ ends with exactly the union of the
devices' events (nothing lost, nothing twice), and the devices with everything acknowledged. Real HQ behind
uvicorn on 127.0.0.1, real device stores, a fault-injecting proxy between them; every loop is bounded."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from checkpoint import codelists
from checkpoint.services import unlock
from checkpoint.services.outbox import Outbox
from sync.device.client import SyncClient
from sync.device.transport import HttpTransport
from tests.support.client_harness import (
    DEVICE_PASS,
    enroll,
    hq_events,
    hq_statuses,
    live,
    new_device,
    new_hq,
    own_events,
)
from tests.support.faultproxy import FaultProxy
from tests.support.helpers import adult, registration

FAC = codelists.health_facilities()[0].code
EVERY_FAULT = {"pass": 16, "delay": 1, "drop_request": 1, "drop_response": 2, "error_before": 1, "error_after": 2,
               "truncate": 1, "truncate_short": 1, "duplicate": 2, "reorder": 2, "tamper_request": 1,
               "tamper_response": 1}


def person(rng: random.Random, n: int) -> dict[str, Any]:
    tb = rng.random() < 0.3
    return registration(
        person=adult(given_names=rng.choice(("DARA", "SOKHA", "VANNA", "THIDA")),
                     id_document_number=f"N{rng.randrange(10**7):07d}"),
        **({"tb": {"cough": True, "cough_days": 15},
            "referrals": [{"kind": "health", "agency_code": FAC, "reason_code": "PRESUMPTIVE_TB",
                           "urgency": "SAME_DAY"}]} if tb else {}))


def test_forty_syncs_through_a_faulty_network_lose_nothing_and_duplicate_nothing(tmp_path: Path, clock) -> None:
    rng = random.Random(20261122)
    hq = new_hq(tmp_path, clock=clock)
    a, b = new_device(tmp_path / "a.db", clock=clock), new_device(tmp_path / "b.db", clock=clock)
    outcomes: list[bool] = []
    try:
        with live(hq) as url, FaultProxy(url, seed=7, weights=EVERY_FAULT) as proxy, \
                HttpTransport(url, timeout=10) as clean, HttpTransport(proxy.url, timeout=5) as faulty:
            for s in (a, b):
                enroll(s, hq, clean, url=url)
            n = 0
            for _ in range(40):
                dev = rng.choice((a, b))
                for _ in range(rng.randint(0, 3)):
                    n += 1
                    dev.registrations.register(**person(rng, n))
                # follow up a referral this device holds (its own, or one pulled from the other device)
                open_refs = dev.referrals.list(kind="health", status="referred")
                if open_refs and rng.random() < 0.4:
                    dev.referrals.update(rng.choice(open_refs).id, {"status": "arrived"})
                summary = SyncClient(dev, faulty, batch_events=rng.choice((2, 5, 50))).sync_once()
                assert "Traceback" not in " ".join(summary["errors"])
                outcomes.append(summary["complete"])
            # The network heals (held requests reach HQ late, with the next one); two clean rounds settle it.
            proxy.enabled = False
            for _ in range(2):
                for s in (a, b):
                    assert SyncClient(s, faulty).sync_once()["complete"]
            seen = proxy.stats()
        union = own_events(a) | own_events(b)
        held = hq_events(hq)
        assert len(held) == len(set(held)), "an event is at HQ twice"
        assert set(held) == union, f"missing {len(union - set(held))}, extra {len(set(held) - union)}"
        assert hq_statuses(hq) == {"accepted": len(union)}
        assert hq.stats()["quarantined"] == 0 and hq.stats()["conflicts"] == 0
        for s in (a, b):
            st = Outbox(s).status()
            assert st["pending"] == st["inflight"] == 0 and st["held_incoming"] == 0
            assert st["hq"] == {"accepted": len(own_events(s))}
            assert s.maintenance.verify().ok
        # Pull under faults skipped nothing: each device holds the other's registrations.
        for s, o in ((a, b), (b, a)):
            theirs = {r[0] for r in o.store.db.execute("SELECT id FROM events WHERE type = 'registration.recorded' AND "
                                                 "device_id = ?", [o.store.device_id])}
            mine = {r[0] for r in s.store.db.execute("SELECT id FROM events WHERE device_id = ?", [o.store.device_id])}
            assert theirs <= mine
        # The faults really happened, and syncs really failed and recovered.
        assert all(seen.get(f, 0) > 0 for f in EVERY_FAULT), seen
        assert outcomes.count(False) > 5 and outcomes.count(True) > 2, outcomes
    finally:
        a.lock()
        b.lock()
        hq.store.close()


# ---------------------------------------------------------------------------------------------- kill -9
CLIENT = r"""
import sys
from checkpoint.services import unlock
from sync.device.client import SyncClient
from sync.device.transport import HttpTransport
s = unlock(sys.argv[1], "dara", sys.argv[2])
print("ready", flush=True)
with HttpTransport(sys.argv[3], timeout=30) as t:
    summary = SyncClient(s, t, batch_events=int(sys.argv[4])).sync_once(
        progress=lambda done, total: print("acked", done, total, flush=True))
print("done", summary["complete"], flush=True)
"""


def _spawn(db: Path, url: str, batch: int) -> subprocess.Popen[str]:
    p = subprocess.Popen([sys.executable, "-c", CLIENT, str(db), DEVICE_PASS, url, str(batch)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))
    assert p.stdout is not None
    line = p.stdout.readline()
    if line.strip() != "ready":
        p.kill()
        raise AssertionError(f"client did not start: {line!r} {p.stderr.read() if p.stderr else ''}")
    return p


def _kill(p: subprocess.Popen[str]) -> bool:
    """kill -9; True if it was still running (False: it had already finished cleanly)."""
    if p.poll() is None:
        os.kill(p.pid, signal.SIGKILL)
    _out, err = p.communicate(timeout=30)
    assert p.returncode in (0, -signal.SIGKILL), (p.returncode, err)
    assert "Traceback" not in err, err
    return p.returncode == -signal.SIGKILL


def test_kill_9_between_hq_accepting_and_the_ack_being_stored_converges(tmp_path: Path) -> None:
    rng = random.Random(99)
    hq = new_hq(tmp_path)
    db = tmp_path / "a.db"
    s = new_device(db)
    try:
        with live(hq) as url, FaultProxy(url, seed=1) as proxy:
            with HttpTransport(url, timeout=10) as t:
                enroll(s, hq, t, url=url)
            s.lock()
            killed_in_window = killed_at_random = 0
            for k in range(6):
                s = unlock(db, "dara", DEVICE_PASS)
                for _ in range(rng.randint(5, 15)):
                    s.registrations.register(**person(rng, k))
                s.lock()
                if k % 2 == 0:
                    # The worst moment: HQ has taken the batch and answered; the answer is held in the proxy.
                    proxy.hold_response_after("/v1/push")
                    p = _spawn(db, proxy.url, batch=rng.choice((1, 3)))
                    assert proxy.forwarded.wait(30), "the client never pushed"
                    killed_in_window += _kill(p)
                    proxy.release()
                else:
                    p = _spawn(db, proxy.url, batch=1)
                    time.sleep(rng.uniform(0.0, 0.25))
                    killed_at_random += _kill(p)
                # After each kill: the store is whole, and nothing is marked acknowledged that HQ lacks.
                s = unlock(db, "dara", DEVICE_PASS)
                assert s.maintenance.verify().ok
                acked = {r[0] for r in s.store.db.execute("SELECT id FROM events WHERE sync_state = 'acked' AND "
                                                    "device_id = ?", [s.store.device_id])}
                assert acked <= set(hq_events(hq))
                s.lock()
            s = unlock(db, "dara", DEVICE_PASS)
            with HttpTransport(url, timeout=10) as t:
                assert SyncClient(s, t).sync_once()["complete"]
        held = hq_events(hq)
        assert len(held) == len(set(held)) and set(held) == own_events(s)
        assert Outbox(s).status()["hq"] == {"accepted": len(own_events(s))}
        assert killed_in_window == 3 and killed_at_random >= 1
    finally:
        s.lock()
        hq.store.close()


# ---------------------------------------------------------------------------------------------- security on the wire
def test_a_tampered_byte_of_a_batch_on_the_wire_is_refused_and_marks_nothing(tmp_path: Path, clock, caplog) -> None:
    """One flipped bit anywhere in the sealed batch (magic, lengths, header, sealed body, signature): HQ refuses
    it whole with a reason, the device keeps every event in flight, and the untouched batch then goes through."""
    hq = new_hq(tmp_path, clock=clock)
    s = new_device(tmp_path / "a.db", clock=clock)
    rng = random.Random(5)
    try:
        with live(hq) as url, FaultProxy(url, seed=3, weights={"tamper_request": 1}, paths=("/v1/push",)) as px, \
                HttpTransport(px.url, timeout=5) as t:
            enroll(s, hq, t, url=url)          # the proxy lets everything but pushes through untouched
            s.registrations.register(**registration())
            size = None
            for at in [0, 2, 5, 9, 40, 200, -400, -79, -78, -64, -1, *(rng.randrange(-5000, 5000) for _ in range(12))]:
                px.tamper_at = at
                with caplog.at_level("WARNING", logger="sync.device"):
                    summary = SyncClient(s, t).sync_once()
                assert not summary["complete"] and summary["acknowledged"] == 0, at
                assert summary["errors"][0].startswith(("HQ refused this", "HQ could not")), summary["errors"]
                assert hq_events(hq) == [] and Outbox(s).status()["acked"] == 0
                size = size or len(next(Path(str(s.store.path) + ".outbox").glob("*.cpb")).read_bytes())
            assert caplog.text.count("not delivered") == 23
            assert size and size > 1000
            px.enabled = False
            assert SyncClient(s, t).sync_once()["complete"]
            assert sorted(hq_events(hq)) == sorted(own_events(s))
    finally:
        s.lock()
        hq.store.close()


def test_replayed_unenrolled_and_revoked_batches_change_nothing_at_hq(tmp_path: Path, clock) -> None:
    from checkpoint.errors import PermissionDenied
    from sync.wire import digest, push_ticket, seal_batch

    hq = new_hq(tmp_path, clock=clock)
    a = new_device(tmp_path / "a.db", clock=clock)
    stranger = new_device(tmp_path / "s.db", clock=clock)
    try:
        with live(hq) as url, HttpTransport(url, timeout=5) as t:
            enroll(a, hq, t, url=url)
            a.registrations.register(**registration())
            ob = Outbox(a)
            batch = ob.next_batch()
            from sync.device.sealed import sealed_copy

            blob, _sha = sealed_copy(ob, batch)

            def ticket(o: Outbox, b: bytes) -> bytes:
                ident = o.identity()
                return push_ticket(ident["signing_private"], ident["device_id"], digest(b), len(b), now=clock.now())

            first = t.push(blob, ticket(ob, blob))
            before = sorted(hq_events(hq))
            # The same bytes again (a replay, by an attacker or a retry): the same ack, nothing new at HQ.
            assert t.push(blob, ticket(ob, blob)) == first and sorted(hq_events(hq)) == before
            # A device HQ never enrolled, sealing to HQ's real key: refused, nothing written.
            stranger.registrations.register(**registration())
            sob = Outbox(stranger)
            foreign = seal_batch(sob.next_batch(), sob.identity(), hq.keys.exchange_public)
            with pytest.raises(PermissionDenied, match="not enrolled"):
                t.push(foreign, ticket(sob, foreign))
            # A revoked device: refused, and what it sent before is kept.
            hq.revoke(a.store.device_id, "laptop stolen")
            a.registrations.register(**registration())
            summary = SyncClient(a, t).sync_once()
            assert not summary["complete"] and "revoked" in summary["errors"][0]
            with pytest.raises(PermissionDenied, match="revoked"):
                t.push(blob, ticket(ob, blob))
            assert sorted(hq_events(hq)) == before and len(before) == len(batch.events)
            # Kept on the device: still waiting, or claimed into the next batch while the refused one was sent.
            st = Outbox(a).status()
            assert st["pending"] + st["inflight"] >= 2 and st["acked"] == 0
    finally:
        a.lock()
        stranger.lock()
        hq.store.close()
