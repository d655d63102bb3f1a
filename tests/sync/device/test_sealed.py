"""The helpers HTTP push and USB transfer share, through their public API: pinned keys, the one sealed copy of a
batch, the ack check, and forgetting the copies HQ no longer needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkpoint.errors import NotFound, PermissionDenied
from checkpoint.services.outbox import Outbox
from sync.device.enrollment import enrolled_url, pinned_keys
from sync.device.sealed import SealedSpool, batch_record, check_ack, forget_acknowledged, sealed_copy
from sync.errors import BadAck
from sync.wire import digest, peek_batch_header
from tests.support.client_harness import enroll, new_device
from tests.support.helpers import registration


@pytest.fixture
def device(tmp_path: Path, clock, hq):
    s = new_device(tmp_path / "a.db", clock=clock)
    enroll(s, hq, url="http://hq.test")
    for _ in range(2):
        s.registrations.register(**registration())
    yield s
    s.lock()


def test_pinned_keys_are_hq_s_and_this_device_s(device, hq) -> None:
    pinned = pinned_keys(Outbox(device))
    assert pinned.hq_signing == hq.keys.signing_public and pinned.hq_exchange == hq.keys.exchange_public
    assert pinned.identity["device_id"] == device.store.device_id
    assert enrolled_url(Outbox(device)) == "http://hq.test"


def test_a_device_that_is_not_enrolled_has_no_pinned_keys(tmp_path, clock) -> None:
    lone = new_device(tmp_path / "lone.db", clock=clock)
    try:
        for call in (pinned_keys, enrolled_url):
            with pytest.raises(PermissionDenied, match="not enrolled"):
                call(Outbox(lone))
    finally:
        lone.lock()


def test_a_batch_is_sealed_once_and_kept_until_hq_acknowledges_it(device, hq) -> None:
    ob = Outbox(device)
    batch = ob.next_batch()
    blob, sha = sealed_copy(ob, batch)
    assert sha == digest(blob) and batch_record(ob, batch.id) == (sha, "sealed")
    assert peek_batch_header(blob)["batch_id"] == batch.id
    spool = SealedSpool(device.store.path)
    assert spool.get(batch.id, sha) == blob
    again = ob.next_batch()                                   # the same batch, not yet acknowledged
    assert again.id == batch.id and sealed_copy(ob, again) == (blob, sha)   # the kept bytes, not sealed anew
    verdicts = check_ack(ob, hq.push(blob), batch_id=batch.id, batch_sha256=sha)
    assert set(verdicts) == {e["id"] for e in batch.events} and {v for v, _ in verdicts.values()} == {"accepted"}
    forget_acknowledged(ob)
    assert spool.get(batch.id, sha) == blob                   # verified, but not yet applied: still kept
    ob.apply_ack(batch.id, verdicts)
    forget_acknowledged(ob)
    assert spool.get(batch.id, sha) is None and batch_record(ob, batch.id)[1] == "acked"


def test_a_damaged_kept_copy_is_not_sent(device) -> None:
    ob = Outbox(device)
    batch = ob.next_batch()
    blob, sha = sealed_copy(ob, batch)
    (Path(str(device.store.path) + ".outbox") / f"{batch.id}.cpb").write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))
    assert SealedSpool(device.store.path).get(batch.id, sha) is None
    fresh, fresh_sha = sealed_copy(ob, ob.next_batch())       # sealed again, kept and recorded
    assert fresh_sha != sha and batch_record(ob, batch.id) == (fresh_sha, "sealed")
    assert SealedSpool(device.store.path).get(batch.id, fresh_sha) == fresh


def test_an_ack_is_checked_against_the_batch_and_the_copy(device, hq) -> None:
    ob = Outbox(device)
    batch = ob.next_batch()
    blob, sha = sealed_copy(ob, batch)
    ack = hq.push(blob)
    with pytest.raises(BadAck, match="another batch"):
        check_ack(ob, ack, batch_id="0190c7e2-0000-7000-8000-000000000000", batch_sha256=sha)
    with pytest.raises(BadAck, match="another copy"):
        check_ack(ob, ack, batch_id=batch.id, batch_sha256=digest(b"another copy"))
    ids = [e["id"] for e in batch.events]
    assert set(check_ack(ob, ack, batch_id=batch.id, batch_sha256=digest(b"another copy"), batch_events=ids)) \
        == set(ids)                                           # HQ's ack of an earlier copy naming exactly them
    with pytest.raises(NotFound):
        batch_record(ob, "0190c7e2-0000-7000-8000-000000000000")
