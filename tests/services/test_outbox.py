"""The device side of sync: batches, acknowledgements, pulled events, and concurrent edits kept as conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkpoint import crypto
from checkpoint.errors import PermissionDenied, ValidationError
from checkpoint.services import create_store
from checkpoint.services.outbox import Outbox
from tests.conftest import FAST
from tests.support.helpers import registration


@pytest.fixture
def second_device(tmp_path: Path, clock):
    s, _ = create_store(tmp_path / "b.db", checkpoint_name="Poipet B", username="bopha", display_name="B",
                        passphrase="lotus-pond-supervisor", clock=clock, kdf=FAST)
    yield s
    s.lock()


def relay(src, dst) -> dict[str, int]:
    """What HQ does for the other device: hand over every event of src about a person (accounts and the device's
    own audit never travel)."""
    from checkpoint.services.outbox import wire_event

    return Outbox(dst).ingest([wire_event(e) for e in src.store.events() if e["entity_type"] == "person"])


def test_batches_until_acknowledged_then_nothing_left(supervisor) -> None:
    for _ in range(3):
        supervisor.registrations.register(**registration())
    ob = Outbox(supervisor)
    total = supervisor.maintenance.stats()["events"]
    b1 = ob.next_batch(max_events=4)
    assert len(b1.events) == 4 and b1.first_seq == 1
    assert [e["device_seq"] for e in b1.events] == [1, 2, 3, 4]
    # Not acknowledged yet: the same batch comes back, never a second one over the same events.
    assert ob.next_batch(max_events=4).id == b1.id
    ob.mark(b1.id, "sealed", sha256="ab" * 32)
    ob.mark(b1.id, "sent", via="http")
    counts = ob.apply_ack(b1.id, {e["id"]: ("accepted", "") for e in b1.events[:3]})
    assert counts["accepted"] == 3
    assert ob.status()["inflight"] == 1          # the unmentioned event stays in flight
    ob.apply_ack(b1.id, {b1.events[3]["id"]: ("duplicate", "already at HQ")})
    b2 = ob.next_batch(max_events=100)
    assert b2.id != b1.id and b2.prev_sha256 == "ab" * 32
    assert len(b2.events) == total - 4
    ob.apply_ack(b2.id, {e["id"]: ("accepted", "") for e in b2.events})
    assert ob.next_batch() is None
    st = ob.status()
    assert st["pending"] == 0 and st["inflight"] == 0 and st["last_success"]


def test_quarantined_events_are_not_resent_and_nothing_is_deleted(supervisor) -> None:
    supervisor.registrations.register(**registration())
    ob = Outbox(supervisor)
    b = ob.next_batch()
    ob.apply_ack(b.id, {e["id"]: ("quarantined", "unknown station") for e in b.events})
    assert ob.next_batch() is None
    assert ob.status()["hq"] == {"quarantined": len(b.events)}
    assert supervisor.maintenance.stats()["events"] >= len(b.events)


def test_an_unknown_verdict_is_refused_whole(supervisor) -> None:
    supervisor.registrations.register(**registration())
    ob = Outbox(supervisor)
    b = ob.next_batch()
    with pytest.raises(ValidationError):
        ob.apply_ack(b.id, {b.events[0]["id"]: ("eaten", "")})
    assert ob.status()["acked"] == 0


def test_only_supervisors_and_admins_sync(sign_in) -> None:
    with pytest.raises(PermissionDenied):
        Outbox(sign_in("sokha"))
    Outbox(sign_in("rith"))


def test_pulled_events_apply_once_and_bad_ones_are_held(supervisor, second_device) -> None:
    r = supervisor.registrations.register(**registration())
    counts = relay(supervisor, second_device)
    assert counts["applied"] == len(list(supervisor.store.events(where="entity_type = 'person'")))
    assert second_device.records.get(r.person_id)["person"]["family_name"] == "SOK"
    again = relay(supervisor, second_device)
    assert again["applied"] == 0 and again["duplicate"] > 0
    ev = dict(next(supervisor.store.events(where="type = 'registration.recorded'")))
    ev["payload"] = ev["payload"].replace("SOK", "SUK")
    from checkpoint.services.outbox import wire_event

    assert Outbox(second_device).ingest([wire_event(ev)])["held"] == 1
    assert second_device.maintenance.verify().ok


def test_the_same_field_edited_on_two_devices_keeps_both_values(supervisor, second_device) -> None:
    r = supervisor.registrations.register(**registration())
    relay(supervisor, second_device)
    supervisor.corrections.amend_person(r.person_id, {"phone": "011111111"}, "phone changed")
    second_device.corrections.amend_person(r.person_id, {"phone": "022222222"}, "phone changed")
    relay(supervisor, second_device)
    relay(second_device, supervisor)
    for dev, own in ((supervisor, "011111111"), (second_device, "022222222")):
        [c] = dev.corrections.conflicts()
        assert dev.records.get(r.person_id)["person"]["phone"] == own        # nothing silently overwritten
        assert {c["kept_value"], c["other_value"]} == {"011111111", "022222222"}
    conflict_id = supervisor.corrections.conflicts()[0]["id"]
    assert conflict_id == second_device.corrections.conflicts()[0]["id"]
    supervisor.corrections.resolve(conflict_id, "other")                    # keep the other device's value
    relay(supervisor, second_device)
    for dev in (supervisor, second_device):
        assert dev.records.get(r.person_id)["person"]["phone"] == "022222222"
        assert dev.corrections.conflicts() == []
        assert dev.maintenance.verify().ok, dev.maintenance.verify().problems


def test_enrollment_pins_hq_keys_and_seals_the_data_key(supervisor, store_path) -> None:
    from checkpoint.storage.keyfile import KeyFile

    ob = Outbox(supervisor)
    rec_priv, rec_pub = crypto.generate_x25519()
    _, ex_pub = crypto.generate_x25519()
    _, sig_pub = crypto.generate_signing_key()
    ob.set_enrollment(hq_url="http://127.0.0.1:8000", hq_device_id="dev-1", hq_signing_public=sig_pub,
                      hq_exchange_public=ex_pub, hq_recovery_public=rec_pub)
    assert ob.enrollment()["hq_signing_public"] == sig_pub.hex()
    key = KeyFile.load(str(store_path) + ".keys").unwrap_with_hq_key(rec_priv)
    assert key == supervisor.store.data_key
    with pytest.raises(Exception, match="already enrolled"):
        ob.set_enrollment(hq_url="x", hq_device_id="d", hq_signing_public=sig_pub, hq_exchange_public=ex_pub,
                          hq_recovery_public=rec_pub)


def test_waiting_counts_what_a_push_still_has_to_send(supervisor) -> None:
    for _ in range(2):
        supervisor.registrations.register(**registration())
    ob = Outbox(supervisor)
    total = supervisor.maintenance.stats()["events"]

    def both() -> tuple[int, int]:
        st = ob.status()
        return ob.waiting(), st["pending"] + st["inflight"]

    assert both() == (total, total)
    b = ob.next_batch(max_events=3)                 # three in flight, the rest pending: all still waiting
    assert both() == (total, total)
    ob.apply_ack(b.id, {e["id"]: ("accepted", "") for e in b.events[:2]})
    assert both() == (total - 2, total - 2)         # the unacknowledged one stays in flight
    ob.apply_ack(b.id, {b.events[2]["id"]: ("duplicate", "already at HQ")})
    rest = ob.next_batch(max_events=100)
    assert rest.id != b.id
    ob.apply_ack(rest.id, {e["id"]: ("accepted", "") for e in rest.events})
    assert both() == (0, 0)
