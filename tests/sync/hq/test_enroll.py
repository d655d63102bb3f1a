"""Enrollment: one-time tokens (hashed, single use, expiring, bound to a checkpoint), proof of possession of the
device key, re-enrollment only after revocation."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from checkpoint import crypto
from checkpoint.errors import ConflictError, NotFound, SignatureInvalid, UnsupportedFormat, ValidationError
from checkpoint.services.outbox import Outbox
from sync.errors import DeviceRevoked, TokenRejected
from sync.hq.enroll import normalize_token
from sync.wire import ENROLL, sign_document
from tests.support.hq_helpers import FakeDevice, enroll, enroll_request, rows


def test_enroll_returns_hq_keys_and_the_device_pins_them(hq, supervisor) -> None:
    answer = enroll(hq, supervisor)
    assert answer["hq_device_id"] == supervisor.store.device_id
    assert bytes.fromhex(answer["hq_signing_public"]) == hq.keys.signing_public
    assert bytes.fromhex(answer["hq_exchange_public"]) == hq.keys.exchange_public
    assert bytes.fromhex(answer["hq_recovery_public"]) == hq.keys.recovery_public
    assert Outbox(supervisor).enrollment()["checkpoint_id"] == answer["checkpoint_id"]
    # The device's data key is now also sealed to HQ's recovery key.
    assert supervisor.keyfile.has_slot("hq-recovery")
    (dev,) = hq.devices()
    assert dev["status"] == "active" and dev["checkpoint_name"] == "Poipet"
    assert dev["signing_key_id"] == crypto.key_id(Outbox(supervisor).identity()["signing_public"])


def test_a_token_is_single_use_and_stored_only_hashed(hq) -> None:
    a, b = FakeDevice(), FakeDevice()
    token = hq.issue_token("Poipet")
    hq.enroll(enroll_request(a.identity, token))
    with pytest.raises(TokenRejected) as e:
        hq.enroll(enroll_request(b.identity, token))
    assert e.value.reason == "used" and "already used" in str(e.value)
    assert rows(hq.store, "devices") == 1
    with hq.store.read() as conn:
        stored = [r[0] for r in conn.execute(sa.text("SELECT token_hash FROM enroll_tokens"))]
    assert stored and normalize_token(token) not in "".join(stored) and token not in "".join(stored)


def test_expired_unknown_and_wrong_checkpoint_tokens_are_refused_and_change_nothing(hq, clock) -> None:
    dev = FakeDevice(checkpoint_name="Poipet")
    expired = hq.issue_token("Poipet", hours=1)
    bavet = hq.issue_token("Bavet")
    clock.advance(hours=2)
    cases = [(expired, "expired"), ("AAAA-BBBB-CCCC", "unknown"), (bavet, "wrong_checkpoint")]
    for token, reason in cases:
        with pytest.raises(TokenRejected) as e:
            hq.enroll(enroll_request(dev.identity, token))
        assert e.value.reason == reason
    assert rows(hq.store, "devices") == 0
    # The Bavet token was not consumed by the failed attempt: a Bavet device can still use it.
    hq.enroll(enroll_request(FakeDevice(checkpoint_name="bavet ").identity, bavet))


def test_token_typing_is_forgiving(hq) -> None:
    token = hq.issue_token("Poipet")
    typed = token.lower().replace("-", " ")
    hq.enroll(enroll_request(FakeDevice().identity, typed))


def test_the_request_must_be_signed_by_the_key_it_carries(hq) -> None:
    dev = FakeDevice()
    other_private, _ = crypto.generate_signing_key()
    with pytest.raises(SignatureInvalid):
        hq.enroll(enroll_request(dev.identity, hq.issue_token("Poipet"), signer=other_private))
    body = {"token": "x", "device_id": dev.device_id, "store_id": dev.store_id, "checkpoint_name": "Poipet",
            "station_id": "", "signing_public": "zz"}
    with pytest.raises(ValidationError):
        hq.enroll(sign_document(ENROLL, body, dev.signing_private))
    for garbage in (b"", b"CPE1", b"CPE1\x00\x00\x00\x05{}", b"not an enrollment", b"CPE1\xff\xff\xff\xff"):
        with pytest.raises((UnsupportedFormat, ValidationError)):
            hq.enroll(garbage)
    assert rows(hq.store, "devices") == 0


def test_an_enrolled_device_cannot_enroll_again_until_revoked(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    with pytest.raises(ConflictError):
        dev.enroll(hq)
    hq.revoke(dev.device_id, "laptop stolen")
    with pytest.raises(DeviceRevoked):
        hq.push(dev.seal(dev.events(1), hq.keys.exchange_public))
    dev.enroll(hq)                          # a fresh token after revocation: allowed
    (row,) = hq.devices()
    assert row["status"] == "active" and row["enrollments"] == 2
    with pytest.raises(NotFound):
        hq.revoke("no-such-device")


def test_issue_token_validates_its_input(hq) -> None:
    for name, hours in (("", 24), ("   ", 24), ("Poipet", 0), ("Poipet", 24 * 365), ("x" * 81, 1)):
        with pytest.raises(ValidationError):
            hq.issue_token(name, hours=hours)
