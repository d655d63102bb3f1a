"""Pushing batches: verdicts per event, idempotent replays, conflicts, quarantine, gaps held then released, tamper
and unknown devices refused with nothing written. Runs on SQLite and (when available) PostgreSQL."""

from __future__ import annotations

import json
import threading

import pytest
import sqlalchemy as sa

from checkpoint import crypto
from checkpoint.errors import CheckpointError, ConflictError, DecryptionFailed, SignatureInvalid, UnsupportedFormat
from checkpoint.services.outbox import Outbox
from sync.errors import DeviceRevoked, DeviceUnknown
from sync.hq.keys import HQKeys
from sync.wire import ACK, open_signed
from tests.support.helpers import registration
from tests.support.hq_helpers import FakeDevice, all_counts, apply, enroll, resign, rows, seal_next, sync_all


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def verdicts(hq, ack: bytes) -> dict[str, list[str]]:
    return open_signed(ACK, ack, hq.keys.signing_public)["verdicts"]


def kinds(hq, ack: bytes) -> list[str]:
    return [v[0] for v in verdicts(hq, ack).values()]


# ------------------------------------------------------------------------------------------- real device stores
def test_a_real_device_pushes_everything_and_the_acks_verify(hq, supervisor) -> None:
    enroll(hq, supervisor)
    for _ in range(3):
        supervisor.registrations.register(**registration())
    total = supervisor.maintenance.stats()["events"]
    acks = sync_all(hq, supervisor, max_events=4)
    assert len(acks) == -(-total // 4)
    assert all(v[0] == "accepted" for a in acks for v in a["verdicts"].values())
    st = Outbox(supervisor).status()
    assert st["pending"] == 0 and st["inflight"] == 0 and st["hq"] == {"accepted": total}
    stats = hq.stats()
    assert stats["events"] == total and stats["persons"] == 3 and stats["devices"] == 1
    assert stats["held"] == stats["quarantined"] == stats["conflicts"] == 0
    # The batches form a chain HQ could follow.
    with hq.store.read() as conn:
        assert all(conn.execute(sa.text("SELECT chain_ok FROM batches")).scalars())


def test_a_replayed_batch_gets_the_same_ack_and_writes_nothing(hq, supervisor) -> None:
    enroll(hq, supervisor)
    supervisor.registrations.register(**registration())
    b, blob = seal_next(supervisor, hq.keys)
    first = hq.push(blob)
    before = all_counts(hq.store)
    again = hq.ingest(blob)
    assert again.replay and again.ack == first
    assert all_counts(hq.store) == before
    # The device re-seals the same unacknowledged batch (a new digest): still the very same ack.
    ob = Outbox(supervisor)
    from sync.wire import seal_batch

    resealed = seal_batch(ob.batch(b.id), ob.identity(), hq.keys.exchange_public)
    assert resealed != blob
    r = hq.ingest(resealed)
    assert r.replay and r.ack == first
    assert rows(hq.store, "events") == before["events"] and rows(hq.store, "batches") == before["batches"]
    apply(supervisor, hq.keys, b, r.ack)
    assert Outbox(supervisor).next_batch() is None


def test_the_same_events_in_a_new_batch_are_duplicates(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    evs = dev.events(5)
    hq.push(dev.seal(evs[:3], hq.keys.exchange_public))
    ack = hq.push(dev.seal(evs, hq.keys.exchange_public))       # a device that lost an ack sends them again
    v = verdicts(hq, ack)
    assert [v[e["id"]][0] for e in evs] == ["duplicate"] * 3 + ["accepted"] * 2
    assert rows(hq.store, "events") == 5


def test_same_id_other_content_is_a_conflict_and_never_overwrites(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    (ev,) = dev.events(1)
    hq.push(dev.seal([ev], hq.keys.exchange_public))
    changed = resign({**ev, "payload": json.dumps({"person": {"family_name": "OTHER"}}, separators=(",", ":"))})
    ack = hq.push(dev.seal([changed], hq.keys.exchange_public))
    assert verdicts(hq, ack)[ev["id"]][0] == "conflict"
    with hq.store.read() as conn:
        kept = conn.execute(sa.text("SELECT hash FROM events WHERE id = :i"), {"i": ev["id"]}).scalar_one()
        aside = conn.execute(sa.text("SELECT hash, existing_hash FROM conflicts")).one()
    assert kept == ev["hash"] and tuple(aside) == (changed["hash"], ev["hash"])
    hq.push(dev.seal([changed], hq.keys.exchange_public))          # sent again: still one conflict row
    assert hq.stats()["conflicts"] == 1


def test_a_quarantined_event_does_not_block_the_rest_of_its_batch(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    evs = dev.events(6)
    evs[1] = {**evs[1], "payload": evs[1]["payload"].replace("DARA", "DORA")}       # hash no longer matches
    evs[3] = resign({**evs[3], "type": "martian.landed"})                            # unknown type
    evs[4] = {k: v for k, v in evs[4].items() if k != "author"}                      # malformed
    ack = hq.push(dev.seal(evs, hq.keys.exchange_public, raw=True))
    v = verdicts(hq, ack)
    assert [v[e["id"]][0] for e in evs] == ["accepted", "quarantined", "accepted", "quarantined", "quarantined",
                                            "accepted"]
    assert "hash" in v[evs[1]["id"]][1] and "unknown event type" in v[evs[3]["id"]][1]
    assert "author" in v[evs[4]["id"]][1]
    st = hq.stats()
    assert st["quarantined"] == 3 and st["events"] == 3 and st["held"] == 0
    with hq.store.read() as conn:
        reasons = list(conn.execute(sa.text("SELECT reason FROM quarantine ORDER BY device_seq")).scalars())
    assert len(reasons) == 3 and all(reasons)


def test_a_gap_is_held_then_released_when_it_fills(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    evs = dev.events(8)
    hq.push(dev.seal(evs[:2], hq.keys.exchange_public))
    ack = hq.push(dev.seal(evs[5:], hq.keys.exchange_public))             # 3, 4, 5 are missing
    assert kinds(hq, ack) == ["held"] * 3
    assert "waiting for event 3" in verdicts(hq, ack)[evs[5]["id"]][1]
    assert hq.stats()["held"] == 3 and hq.stats()["events"] == 5
    ack = hq.push(dev.seal(evs[3:5], hq.keys.exchange_public))            # 4, 5 arrive: 3 still missing
    assert kinds(hq, ack) == ["held"] * 2
    r = hq.ingest(dev.seal(evs[2:3], hq.keys.exchange_public))            # 3 fills the gap
    assert r.counts["accepted"] == 1 and r.counts["released"] == 5
    assert hq.stats()["held"] == 0 and hq.stats()["events"] == 8
    (row,) = hq.devices()
    assert row["contiguous_seq"] == 8
    # Released events become visible in ingest order after the event that released them.
    with hq.store.read() as conn:
        order = list(conn.execute(sa.text("SELECT device_seq FROM events ORDER BY ingest_seq")).scalars())
    assert order == [1, 2, 3, 4, 5, 6, 7, 8]


def test_a_reused_sequence_number_is_quarantined_not_overwritten(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    evs = dev.events(3)
    hq.push(dev.seal(evs, hq.keys.exchange_public))
    # The device was restored from a backup taken after event 1: it records new events as 2 and 3 again.
    restored = FakeDevice(device_id=dev.device_id, store_id=dev.store_id)
    restored.signing_private, restored.signing_public = dev.signing_private, dev.signing_public
    restored.seq, restored.prev, restored.ms = 1, evs[0]["hash"], dev.ms + 1000
    again = restored.events(3)                                            # seqs 2, 3, 4
    r = hq.ingest(restored.seal(again, hq.keys.exchange_public, prev_sha256=""))
    v = verdicts(hq, r.ack)
    assert [v[e["id"]][0] for e in again] == ["quarantined", "quarantined", "accepted"]
    assert "already used" in v[again[0]["id"]][1]
    assert not r.chain_ok and "chain" in r.chain_note                   # flagged, not refused
    with hq.store.read() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM journal WHERE kind = 'chain_break'")).scalar_one() == 1


def test_a_tampered_byte_anywhere_is_refused_and_nothing_is_written(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    blob = dev.seal(dev.events(3), hq.keys.exchange_public)
    before = all_counts(hq.store)
    step = max(1, len(blob) // 60)
    for i in [*range(0, len(blob), step), len(blob) - 1]:
        bad = bytearray(blob)
        bad[i] ^= 0x01
        with pytest.raises(CheckpointError) as e:
            hq.push(bytes(bad))
        assert str(e.value)                                  # a plain reason
    for cut in (0, 10, len(blob) // 2, len(blob) - 1):
        with pytest.raises(CheckpointError):
            hq.push(blob[:cut])
    assert all_counts(hq.store) == before
    assert kinds(hq, hq.push(blob)) == ["accepted"] * 3           # the intact batch still goes in


def test_unenrolled_and_revoked_devices_are_refused_with_a_reason(hq) -> None:
    stranger = FakeDevice()
    with pytest.raises(DeviceUnknown, match="not enrolled"):
        hq.push(stranger.seal(stranger.events(1), hq.keys.exchange_public))
    dev = FakeDevice()
    dev.enroll(hq)
    hq.push(dev.seal(dev.events(2), hq.keys.exchange_public))
    hq.revoke(dev.device_id, "lost")
    before = all_counts(hq.store)
    with pytest.raises(DeviceRevoked, match="revoked"):
        hq.push(dev.seal(dev.events(1), hq.keys.exchange_public))
    assert all_counts(hq.store) == before and hq.stats()["events"] == 2      # nothing deleted either


def test_a_batch_signed_by_another_key_or_sealed_to_another_hq_is_refused(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    impostor = FakeDevice(device_id=dev.device_id, store_id=dev.store_id)
    with pytest.raises(SignatureInvalid):
        hq.push(impostor.seal(impostor.events(1), hq.keys.exchange_public))
    with pytest.raises(DecryptionFailed, match="another HQ key"):
        hq.push(dev.seal(dev.events(1), HQKeys.generate().exchange_public))
    assert rows(hq.store, "events") == 0


def test_an_ack_cannot_be_forged(hq, supervisor) -> None:
    enroll(hq, supervisor)
    supervisor.registrations.register(**registration())
    _b, blob = seal_next(supervisor, hq.keys)
    ack = hq.push(blob)
    # Only HQ's key verifies it; a key pinned from anywhere else (or a forger's) does not.
    forger_private, forger_public = crypto.generate_signing_key()
    with pytest.raises(SignatureInvalid):
        open_signed(ACK, ack, forger_public)
    body = open_signed(ACK, ack, hq.keys.signing_public)
    from sync.wire import sign_document

    forged = sign_document(ACK, {**{k: v for k, v in body.items() if k != "v"}}, forger_private)
    with pytest.raises(SignatureInvalid):
        open_signed(ACK, forged, hq.keys.signing_public)
    flipped = ack.replace(b'"accepted"', b'"conflict"', 1)
    with pytest.raises(SignatureInvalid):
        open_signed(ACK, flipped, hq.keys.signing_public)
    assert body["batch_sha256"] and body["device_id"] == supervisor.store.device_id and body["issued_at"]


def test_a_batch_id_reused_for_other_events_is_refused(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    hq.push(dev.seal(dev.events(2), hq.keys.exchange_public, batch_id="0193-batch"))
    before = all_counts(hq.store)
    with pytest.raises(ConflictError):
        hq.push(dev.seal(dev.events(2), hq.keys.exchange_public, batch_id="0193-batch"))
    assert all_counts(hq.store) == before


def test_garbage_is_refused_plainly(hq) -> None:
    for blob in (b"", b"CPB1", b"PK\x03\x04zip", b"CPB1\x00\x00\x00\x02{}", b"\x00" * 100):
        with pytest.raises((UnsupportedFormat, CheckpointError)):
            hq.push(blob)


def test_concurrent_pushes_of_one_batch_ingest_it_once(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    blob = dev.seal(dev.events(200), hq.keys.exchange_public)
    acks: list[bytes] = []
    errors: list[BaseException] = []

    def push() -> None:
        try:
            acks.append(hq.push(blob))
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=push) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors and len(acks) == 4 and len(set(acks)) == 1
    assert rows(hq.store, "events") == 200 and rows(hq.store, "batches") == 1


def test_stats_count_what_hq_holds(hq) -> None:
    a, b = FakeDevice(), FakeDevice(checkpoint_name="Bavet")
    a.enroll(hq)
    b.enroll(hq)
    person = "5f0c2d1e-0000-4000-8000-000000000001"
    evs = [a.event(entity_id=person), a.event(type_="person.viewed", entity_id=person, payload={}), a.event()]
    hq.push(a.seal(evs, hq.keys.exchange_public))
    later = b.events(3)
    hq.push(b.seal(later[1:], hq.keys.exchange_public))          # held
    st = hq.stats()
    assert {k: st[k] for k in ("persons", "events", "devices", "quarantined", "held", "conflicts")} == {
        "persons": 4, "events": 5, "devices": 2, "quarantined": 0, "held": 2, "conflicts": 0}


def test_hostile_field_values_are_quarantined_not_crashing_the_database(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    evs = dev.events(9)
    hostile = [
        {**evs[0], "entity_id": "a\x00b"},                 # NUL: PostgreSQL text cannot hold it
        {**evs[1], "author": "\ud800"},                    # a lone surrogate: not UTF-8
        {**evs[2], "device_seq": 2**70},                   # beyond BIGINT
        {**evs[3], "device_seq": True},
        {**evs[4], "payload": "[1, 2]"},
        {**evs[5], "payload": "{not json"},
        {**evs[6], "id": "x" * 5000},
        {**evs[7], "hlc": float("nan")},
        {**evs[8], "type": 12},
    ]
    ack = hq.push(dev.seal(hostile, hq.keys.exchange_public, raw=True))
    v = verdicts(hq, ack)
    assert len(v) == 9 and {x[0] for x in v.values()} == {"quarantined"}
    assert hq.stats()["quarantined"] == 9 and hq.stats()["events"] == 0
    # The sequence numbers that were readable still count: the next event is not held.
    (nxt,) = dev.events(1)
    ack = hq.push(dev.seal([nxt], hq.keys.exchange_public))
    assert kinds(hq, ack) == ["held"]            # 1..9 minus the unreadable seqs 3 and 4: event 3 is missing


def test_an_event_seen_again_after_quarantine_gets_the_same_answer(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    evs = dev.events(2)
    odd = resign({**evs[0], "type": "martian.landed"})
    hq.push(dev.seal([odd, evs[1]], hq.keys.exchange_public))
    ack = hq.push(dev.seal([odd, evs[1]], hq.keys.exchange_public))       # in a new batch
    v = verdicts(hq, ack)
    assert v[odd["id"]][0] == "quarantined" and "unknown event type" in v[odd["id"]][1]
    assert v[evs[1]["id"]][0] == "duplicate"
    assert hq.stats()["quarantined"] == 1



def test_the_ack_is_exactly_the_signed_verdicts(hq) -> None:
    """The bytes HQ sends: the ACK document of the plan, signed by HQ (sync.wire pins the layout)."""
    from checkpoint import crypto
    from checkpoint.events import CHAIN_HEAD_CONTEXT, canonical_json
    from sync.wire import digest, peek_batch_header, sign_document

    dev = FakeDevice()
    dev.enroll(hq)
    evs = dev.events(3)
    blob = dev.seal([evs[0], evs[2], {"device_id": dev.device_id}], hq.keys.exchange_public, raw=True)
    expected = sign_document(ACK, {
        "kind": "ack", "batch_id": peek_batch_header(blob)["batch_id"], "batch_sha256": digest(blob),
        "device_id": dev.device_id, "issued_at": hq.clock.now().isoformat(timespec="milliseconds"),
        "verdicts": {evs[0]["id"]: ["accepted", ""],
                     evs[2]["id"]: ["held", "kept; waiting for event 2 of this device before it is applied"],
                     "#2": ["quarantined", "malformed: lacks id, device_seq, entity_type, entity_id, type, payload, "
                                           "author, hlc, content_version, recorded_at, prev_hash, hash"]},
        # protocol 3: the device's chain head as HQ holds it (event 1: the watermark), signed on its own
        "head": (head := {"device_id": dev.device_id, "seq": 1, "hash": evs[0]["hash"], "watermark": 1,
                          "issued_at": hq.clock.now().isoformat(timespec="milliseconds")}),
        "head_sig": crypto.sign(hq.keys.signing_private, canonical_json(head).encode(),
                                context=CHAIN_HEAD_CONTEXT).hex(),
    }, hq.keys.signing_private)
    assert hq.push(blob) == expected
    assert hq.push(blob) == expected                 # and the same bytes again for a replay
