"""HQ's signed reference data on the device (issue 16 point 2): the directory HQ signs is verified with the pinned
key, applied in one transaction with the previous version kept, and used by new referrals; a document with a wrong
signature, an older version replayed, an expired one and one for another checkpoint are refused — the device keeps
working on the directory it had and says why (the sync summary and ``directory.status()``)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from checkpoint.clock import ManualClock
from checkpoint.errors import ValidationError
from sync.device.client import SyncClient
from sync.hq import directory
from tests.support.client_harness import enroll, new_device
from tests.support.helpers import registration
from tests.support.reference_forger import Forger, expired, older, other_checkpoint, wrong_key

HEADER = "code,kind,name_en,name_km,services,provinces,contacts,languages,active_from,active_to\r\n"
HAGAR = "NGO_HAGAR,ngo,Hagar Cambodia,ហាការ,protection;shelter,01,+855 23 123 456,khm,2026-01-01,{to}\r\n"


def put_directory(hq: Any, clock: ManualClock, active_to: str = "") -> None:
    directory.import_csv(hq.store, clock, (HEADER + HAGAR.format(to=active_to)).encode(), by="dm1")


@pytest.fixture
def device(tmp_path: Path, clock: ManualClock, hq):
    s = new_device(tmp_path / "a.db", "Poipet", clock=clock)
    enroll(s, hq)
    yield s
    s.lock()


def agencies(s: Any) -> set[str]:
    return {a.code for a in s.directory.active_agencies()}


def refer_to(s: Any, code: str) -> Any:
    reg = s.registrations.register(**registration())
    return s.referrals.add(reg.changes.ids["encounter"], {"kind": "protection", "agency_code": code,
                                                          "reason_code": "TRAFFICKING_INDICATORS"})


def test_directory_applies_and_new_referrals_may_name_it(device, hq, clock) -> None:
    assert device.directory.status()["label"] == "no directory from HQ yet"
    with pytest.raises(ValidationError, match="agency_code"):
        refer_to(device, "NGO_HAGAR")                     # not in the shipped list, no directory yet
    put_directory(hq, clock)
    out = SyncClient(device, hq).sync_once()
    assert out["complete"] and out["reference"]["applied"], out
    st = device.directory.status()
    assert st["label"] == f"directory of {clock.now().date().isoformat()}" and st["entries"] == 1
    assert not st["expired"] and st["refused"] is None
    assert "NGO_HAGAR" in agencies(device) and "MoSVY_PROVINCIAL_DOSVY" in agencies(device)   # plus the shipped
    hagar = next(a for a in device.directory.active_agencies() if a.code == "NGO_HAGAR")
    assert (hagar.label("km"), hagar.services, hagar.contacts) == ("ហាការ", ("protection", "shelter"),
                                                                   "+855 23 123 456")
    assert [a.code for a in device.directory.active_agencies(service="shelter")].count("NGO_HAGAR") == 1
    ch = refer_to(device, "NGO_HAGAR")
    row = device.referrals.get(ch.ids["referral"])
    assert row.agency_code == "NGO_HAGAR"
    # the same version again: nothing to do; still applied
    assert SyncClient(device, hq).sync_once()["reference"]["applied"] is False
    assert "NGO_HAGAR" in agencies(device)


def test_withdrawn_agency_stays_readable_on_old_records(device, hq, clock) -> None:
    put_directory(hq, clock)
    SyncClient(device, hq).sync_once()
    ch = refer_to(device, "NGO_HAGAR")
    put_directory(hq, clock, active_to=(clock.now().date() - timedelta(days=1)).isoformat())
    out = SyncClient(device, hq).sync_once()
    assert out["reference"]["applied"]
    assert device.directory.status()["previous_version"] == out["reference"]["version"] - 1
    assert "NGO_HAGAR" not in agencies(device)          # no new referral to it
    with pytest.raises(ValidationError):
        refer_to(device, "NGO_HAGAR")
    assert device.referrals.get(ch.ids["referral"]).agency_code == "NGO_HAGAR"      # the record keeps its code
    assert device.directory.label("NGO_HAGAR") == "Hagar Cambodia"                # and its name


@pytest.mark.parametrize(("attack", "says"), [
    (wrong_key, "does not carry the signature of the HQ this device is enrolled with"),
    (older, "older than the version in use"),
    (expired, "has expired"),
    (other_checkpoint, "for another checkpoint"),
])
def test_reference_attacks_are_refused_and_the_previous_directory_stays(device, hq, clock, attack, says) -> None:
    put_directory(hq, clock)
    assert SyncClient(device, hq).sync_once()["reference"]["applied"]
    applied = device.directory.status()
    put_directory(hq, clock, active_to="2026-12-31")      # HQ has a newer version: the forger starts from it
    out = SyncClient(device, Forger(hq, attack)).sync_once()
    assert not out["complete"] and any(says in e for e in out["errors"]), out["errors"]
    assert out["reference"]["applied"] is False
    st = device.directory.status()
    assert says in st["refused"]["reason"]                             # what the sync panel shows
    assert st["version"] == applied["version"] and "NGO_HAGAR" in agencies(device)   # still the previous one
    refer_to(device, "NGO_HAGAR")                                      # and work goes on with it
    # the honest document next time clears the refusal
    assert SyncClient(device, hq).sync_once()["reference"]["applied"]
    assert device.directory.status()["refused"] is None


def test_past_expiry_the_device_warns_and_keeps_working(device, hq, clock) -> None:
    put_directory(hq, clock)
    SyncClient(device, hq).sync_once()
    clock.advance(days=31)
    st = device.directory.status()
    assert st["expired"] and st["label"].startswith("directory of ")
    assert "NGO_HAGAR" in agencies(device)


def test_reference_data_travels_on_the_usb_stick_too(device, hq, clock, tmp_path) -> None:
    """HQ writes its signed directory beside a USB batch's ack (.ref); import_ack applies it; a forged .ref is
    refused and the directory in use stays; an older one is a replay."""
    from sync.device.usb import export_batch, import_ack, import_reference
    from sync.hq.pull import reference_document

    device.registrations.register(**registration())
    put_directory(hq, clock)
    usb = tmp_path / "usb"
    usb.mkdir()
    export_batch(device, usb / "b1.cpb")
    old = reference_document(hq.store, hq.keys, hq.clock, device.store.device_id)
    (usb / "b1.ack").write_bytes(hq.ingest((usb / "b1.cpb").read_bytes(), via="file").ack)
    put_directory(hq, clock, active_to="2026-12-31")
    (usb / "b1.ref").write_bytes(reference_document(hq.store, hq.keys, hq.clock, device.store.device_id))
    got = import_ack(device, usb / "b1.ack")
    assert got["reference"]["applied"] and device.directory.status()["entries"] == 1
    version = device.directory.status()["version"]
    (usb / "old.ref").write_bytes(old)
    assert "older than the version in use" in import_reference(device, usb / "old.ref")["refused"]
    forged = bytearray(old)
    forged[-1] ^= 1
    (usb / "forged.ref").write_bytes(bytes(forged))
    assert "does not carry the signature" in import_reference(device, usb / "forged.ref")["refused"]
    st = device.directory.status()
    assert st["version"] == version and "does not carry the signature" in st["refused"]["reason"]
