"""A slip printed at one checkpoint checked at another (issue 16 point 4: an officer receiving a transfer): the
printing user's key reaches the other device in HQ's signed reference data (``slip_keys``), over real HTTP on
127.0.0.1; before that document the slip is "signed by a key not trusted here"; a revoked device's slips stop
verifying at the next document; a document whose slip keys are malformed is refused whole and the previous kept."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest

from checkpoint import codelists, crypto
from checkpoint.clock import ManualClock
from checkpoint.slipkeys import MAX_SLIP_KEYS
from sync.device.client import SyncClient
from sync.device.transport import HttpTransport
from tests.support.client_harness import enroll, live, new_device
from tests.support.helpers import registration
from tests.support.reference_forger import Forger

HEALTH = {"kind": "health", "agency_code": codelists.health_facilities()[0].code, "reason_code": "TB_PRESUMPTIVE",
          "urgency": "SAME_DAY"}


@pytest.fixture
def two(tmp_path: Path, clock: ManualClock, hq: Any):
    """Device A at Poipet (supervisor dara) and device B at Bavet (supervisor sophea), both enrolled with HQ."""
    a = new_device(tmp_path / "a.db", "Poipet", clock=clock)
    b = new_device(tmp_path / "b.db", "Bavet", clock=clock, username="sophea")
    enroll(a, hq)
    enroll(b, hq)
    yield a, b
    a.lock()
    b.lock()


def _slip(a: Any) -> str:
    reg = a.registrations.register(**registration(tb={"cough": True, "cough_days": 20}, referrals=[HEALTH]))
    return a.slips.token(reg.referral_ids[0])


def test_a_slip_from_another_checkpoint_verifies_after_hqs_document_over_http(two, hq) -> None:
    a, b = two
    with live(hq) as url, HttpTransport(url, timeout=30) as t:
        assert SyncClient(b, t).sync_once()["complete"]       # B has HQ's document: A's user key is not in it yet
        token = _slip(a)
        before = b.slipcheck.check_slip(token)
        assert not before.valid and before.reason == "untrusted" and "not trusted here" in before.message_en
        assert a.slipcheck.check_slip(token).valid            # at home it verifies with the store's own keys
        assert SyncClient(a, t).sync_once()["complete"]       # A's user.key_set reaches HQ
        out = SyncClient(b, t).sync_once()
        assert out["complete"] and out["reference"]["refused"] == "", out
        v = b.slipcheck.check_slip(token)
        assert v.valid and v.checkpoint_name == "Poipet"      # the checkpoint that printed it, from the key
        assert v.person is None and v.details == "not_here"   # B does not hold Poipet's record
        signer = crypto.key_id(crypto.signing_public(a.store.signer[1]))
        assert v.key_id == signer and b.slipcheck.trusted_keys()[signer][1] == "Poipet"
        # A's device is revoked at HQ: its users' keys are gone from the next document, and the slip stops verifying
        hq.revoke(a.store.device_id, "laptop stolen")
        out = SyncClient(b, t).sync_once()
        assert out["reference"]["applied"], out
        gone = b.slipcheck.check_slip(token)
        assert not gone.valid and gone.reason == "untrusted"
        assert signer not in b.slipcheck.trusted_keys()


def _bad_key_length(doc: dict[str, Any], kid: str) -> dict[str, Any]:
    return {kid: {"public": base64.b64encode(bytes(31)).decode(), "checkpoint": "Poipet"}}


def _id_not_the_keys(doc: dict[str, Any], kid: str) -> dict[str, Any]:
    return {"0123456789abcdef": {"public": doc[kid]["public"], "checkpoint": "Poipet"}}


def _not_a_mapping(doc: dict[str, Any], kid: str) -> Any:
    return [doc[kid]]


def _too_many(doc: dict[str, Any], kid: str) -> dict[str, Any]:
    return {f"{i:016x}": doc[kid] for i in range(MAX_SLIP_KEYS + 1)}


def _not_base64(doc: dict[str, Any], kid: str) -> dict[str, Any]:
    return {kid: {"public": "not base64!", "checkpoint": "Poipet"}}


@pytest.mark.parametrize(("bad", "says"), [
    (_bad_key_length, "malformed slip-signing key"), (_id_not_the_keys, "malformed slip-signing key"),
    (_not_a_mapping, "malformed slip-signing key"), (_not_base64, "malformed slip-signing key"),
    (_too_many, "too many slip-signing keys"),
])
def test_malformed_slip_keys_refuse_the_whole_document_and_keep_the_previous(two, hq, bad, says) -> None:
    a, b = two
    token = _slip(a)
    SyncClient(a, hq).sync_once()
    SyncClient(b, hq).sync_once()
    assert b.slipcheck.check_slip(token).valid
    applied = b.directory.status()
    good = b.slipcheck.trusted_keys()
    kid = next(k for k, (_pub, cp) in good.items() if cp == "Poipet")
    field = {k: {"public": base64.b64encode(pub).decode(), "checkpoint": cp} for k, (pub, cp) in good.items()}

    def forge(doc: dict[str, Any]) -> tuple[dict[str, Any], None]:
        return {**doc, "version": doc["version"] + 1, "slip_keys": bad(field, kid)}, None

    out = SyncClient(b, Forger(hq, forge)).sync_once()
    assert out["reference"]["applied"] is False and says in out["reference"]["refused"], out["reference"]
    st = b.directory.status()
    assert st["version"] == applied["version"] and says in st["refused"]["reason"]
    assert b.slipcheck.trusted_keys() == good and b.slipcheck.check_slip(token).valid   # the previous keys stay


def test_a_document_without_slip_keys_still_applies(two, hq) -> None:
    """An HQ from before this field: its document applies (the directory), and carries no other checkpoint's key."""
    a, b = two
    token = _slip(a)
    SyncClient(a, hq).sync_once()

    def older_hq(doc: dict[str, Any]) -> tuple[dict[str, Any], None]:
        assert "slip_keys" not in doc
        return {**doc, "version": doc["version"] + 1}, None

    out = SyncClient(b, Forger(hq, older_hq)).sync_once()
    assert out["reference"]["applied"] and out["reference"]["refused"] == "", out["reference"]
    assert b.slipcheck.check_slip(token).reason == "untrusted"


def test_past_the_documents_expiry_the_check_still_works_and_says_hqs_list_is_old(two, hq, clock) -> None:
    a, b = two
    token = _slip(a)
    SyncClient(a, hq).sync_once()
    SyncClient(b, hq).sync_once()
    fresh = b.slipcheck.check_slip(token)
    assert fresh.valid and not fresh.keys_expired
    clock.advance(days=31)                                    # HQ's document (30 days) expired; the slip (90) not
    old = b.slipcheck.check_slip(token)
    assert old.valid and old.keys_expired and old.checkpoint_name == "Poipet"
    assert not a.slipcheck.check_slip(token).keys_expired    # at home: its own keys, not HQ's list
