"""The push sends the next batch while the device stores the verdicts of the one before (``sync.device.push``):
still one batch in flight at a time, in order, only after HQ's ack of the one before was verified and named every
event of it; a run that stops with a batch on its way loses nothing and sends nothing twice."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint import crypto
from checkpoint.clock import ManualClock
from checkpoint.services.outbox import Outbox
from sync.device.client import SyncClient
from sync.errors import SyncUnavailable
from sync.hq.store import batches
from sync.wire import ACK, open_signed, peek_batch_header, sign_document
from tests.support.client_harness import enroll, hq_events, new_device, own_events
from tests.support.helpers import registration


@pytest.fixture
def device(tmp_path: Path, clock: ManualClock, hq: Any) -> Any:
    s = new_device(tmp_path / "a.db", "Poipet", clock=clock)
    enroll(s, hq)
    for _ in range(10):
        s.registrations.register(**registration())
    yield s
    s.lock()


class Watching:
    """HQ behind a transport that notes how many pushes are on their way at once and in which order batches go;
    ``plan`` says what each push does ("ok", "lost": HQ took it and the answer is lost, or a function of the ack)."""

    def __init__(self, hq: Any, plan: list[Any] | None = None) -> None:
        self.hq, self.plan = hq, list(plan or [])
        self.lock = threading.Lock()
        self.in_flight = self.most = 0
        self.order: list[str] = []

    def push(self, blob: bytes, ticket: bytes | None = None) -> bytes:
        with self.lock:
            self.in_flight += 1
            self.most = max(self.most, self.in_flight)
            self.order.append(peek_batch_header(blob)["batch_id"])
        try:
            step = self.plan.pop(0) if self.plan else "ok"
            ack = self.hq.push(blob, ticket)
            if step == "lost":
                raise SyncUnavailable("HQ did not answer in time.")
            return step(ack) if callable(step) else ack
        finally:
            with self.lock:
                self.in_flight -= 1

    def __getattr__(self, name: str) -> Any:        # pull, reference, ...: HQ's own
        return getattr(self.hq, name)


def hq_batches(hq: Any) -> list[tuple[str, bool]]:
    with hq.store.read() as conn:
        return [(str(r.batch_id), bool(r.chain_ok))
                for r in conn.execute(sa.select(batches.c.batch_id, batches.c.chain_ok).order_by(batches.c.received_at,
                                                                                             batches.c.first_seq))]


def test_batches_go_one_at_a_time_in_order_and_hq_sees_an_unbroken_chain(hq: Any, device: Any) -> None:
    t = Watching(hq)
    summary = SyncClient(device, t, batch_events=3).sync_once()
    assert summary["complete"] and summary["batches"] >= 4, summary
    assert t.most == 1                                           # never two batches on their way at once
    assert len(set(t.order)) == len(t.order) == summary["batches"]  # each batch sent once
    held = hq_batches(hq)
    assert [b for b, _ok in held] == t.order and all(ok for _b, ok in held)   # in order; the chain unbroken
    assert sorted(hq_events(hq)) == sorted(own_events(device))


def test_a_batch_sent_ahead_whose_answer_is_lost_is_neither_lost_nor_doubled(hq: Any, device: Any) -> None:
    t = Watching(hq, ["ok", "lost"])
    first = SyncClient(device, t, batch_events=3).sync_once()
    assert not first["complete"] and first["batches"] == 1 and first["unavailable"]
    assert Outbox(device).status()["acked"] == first["acknowledged"] == 3
    assert len(t.order) == 2                                     # the second batch reached HQ; its answer did not
    again = Watching(hq)
    assert SyncClient(device, again, batch_events=3).sync_once()["complete"]
    assert again.order[0] == t.order[1]                          # the same batch again, answered with its ack
    assert sorted(hq_events(hq)) == sorted(own_events(device))   # one row per event: nothing twice, nothing lost
    assert Outbox(device).status()["acked"] == len(own_events(device))


def test_no_batch_goes_ahead_of_an_ack_that_does_not_verify(hq: Any, device: Any) -> None:
    attacker, _ = crypto.generate_signing_key()

    def forged(ack: bytes) -> bytes:
        doc = open_signed(ACK, ack, hq.keys.signing_public)
        doc.pop("v")
        return sign_document(ACK, doc, attacker)

    t = Watching(hq, [forged])
    summary = SyncClient(device, t, batch_events=3).sync_once()
    assert not summary["complete"] and summary["acknowledged"] == 0 and summary["errors"]
    assert len(t.order) == 1                                     # the next batch was prepared, never sent
    assert Outbox(device).status()["acked"] == 0
    assert SyncClient(device, hq, batch_events=3).sync_once()["complete"]
    assert sorted(hq_events(hq)) == sorted(own_events(device))
