"""Sync on a USB stick: a sealed batch file to HQ, HQ's signed acknowledgement file back, checked as over HTTP."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checkpoint import crypto
from checkpoint.errors import NotFound, PermissionDenied, SignatureInvalid, UnsupportedFormat, ValidationError
from checkpoint.services.outbox import Outbox
from sync.device.client import SyncClient
from sync.device.usb import export_batch, import_ack
from sync.errors import BadAck
from sync.wire import ACK, open_signed, sign_document
from tests.support.client_harness import enroll, hq_events, new_device, own_events
from tests.support.helpers import registration


@pytest.fixture
def device(tmp_path: Path, clock, hq):
    s = new_device(tmp_path / "a.db", clock=clock)
    enroll(s, hq)
    for _ in range(3):
        s.registrations.register(**registration())
    yield s
    s.lock()


def hq_import(hq, batch_file: Path, ack_file: Path) -> None:
    """What HQ's import-batch does: ingest the file, write the signed ack to carry back."""
    ack_file.write_bytes(hq.ingest(batch_file.read_bytes(), via="file").ack)


def own(s) -> set[str]:
    return own_events(s)


def at_hq(hq, s) -> set[str]:
    return set(hq_events(hq, s.store.device_id))


def test_round_trip_on_a_usb_stick(device, hq, tmp_path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    res = export_batch(device, usb / "poipet-1.cpb")
    assert res is not None and res["events"] == len(own(device))
    data = (usb / "poipet-1.cpb").read_bytes()
    assert b"SOK" not in data                                   # sealed: no names on the stick
    assert list(usb.iterdir()) == [usb / "poipet-1.cpb"]        # no temporary file left behind
    st = Outbox(device).status()
    assert st["batches"][0]["via"] == "file" and st["batches"][0]["state"] == "sent"
    hq_import(hq, usb / "poipet-1.cpb", usb / "poipet-1.ack")
    got = import_ack(device, usb / "poipet-1.ack")
    assert not got["already"] and got["verdicts"]["accepted"] == res["events"]
    assert Outbox(device).status()["pending"] == Outbox(device).status()["inflight"] == 0
    assert at_hq(hq, device) == own(device)
    # The same file twice: nothing changes. Nothing left: nothing exported.
    assert import_ack(device, usb / "poipet-1.ack")["already"]
    assert export_batch(device, usb / "poipet-2.cpb") is None and not (usb / "poipet-2.cpb").exists()


def test_export_never_overwrites_and_needs_enrollment(device, tmp_path, clock) -> None:
    out = tmp_path / "batch.cpb"
    out.write_bytes(b"someone else's file")
    with pytest.raises(ValidationError, match="already exists"):
        export_batch(device, out)
    assert out.read_bytes() == b"someone else's file"
    with pytest.raises(ValidationError, match="folder"):
        export_batch(device, tmp_path / "no-such-dir" / "b.cpb")
    lone = new_device(tmp_path / "lone.db", clock=clock)
    try:
        lone.registrations.register(**registration())
        with pytest.raises(PermissionDenied, match="not enrolled"):
            export_batch(lone, tmp_path / "lone.cpb")
    finally:
        lone.lock()


def test_forged_altered_or_foreign_ack_files_mark_nothing(device, hq, tmp_path) -> None:
    export_batch(device, tmp_path / "b.cpb")
    hq_import(hq, tmp_path / "b.cpb", tmp_path / "b.ack")
    good = (tmp_path / "b.ack").read_bytes()
    doc = open_signed(ACK, good, hq.keys.signing_public)
    doc.pop("v")
    attacker, _ = crypto.generate_signing_key()
    cases = {
        "forged.ack": (sign_document(ACK, doc, attacker), SignatureInvalid),
        "altered.ack": (good.replace(b'"accepted"', b'"accepteD"', 1), SignatureInvalid),
        "cut.ack": (good[:len(good) // 2], UnsupportedFormat),
        "foreign.ack": (sign_document(ACK, {**doc, "device_id": "another-device"}, hq.keys.signing_private), BadAck),
        "unknown-batch.ack": (sign_document(ACK, {**doc, "batch_id": "0190c7e2-0000-7000-8000-00000000000f"},
                                            hq.keys.signing_private), NotFound),
        "not-an-ack.cpb": ((tmp_path / "b.cpb").read_bytes(), UnsupportedFormat),
    }
    for name, (data, err) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(err):
            import_ack(device, tmp_path / name)
        assert Outbox(device).status()["acked"] == 0, name
    assert import_ack(device, tmp_path / "b.ack")["verdicts"]["accepted"] == len(own(device))


def test_exporting_twice_writes_the_same_bytes_and_either_ack_applies(device, hq, tmp_path) -> None:
    first = export_batch(device, tmp_path / "1.cpb")
    second = export_batch(device, tmp_path / "2.cpb")          # the stick was lost: the same batch again
    assert first and second and first["batch_id"] == second["batch_id"]
    assert (tmp_path / "1.cpb").read_bytes() == (tmp_path / "2.cpb").read_bytes()
    hq_import(hq, tmp_path / "1.cpb", tmp_path / "1.ack")
    hq_import(hq, tmp_path / "2.cpb", tmp_path / "2.ack")       # HQ knows the copy: the same ack
    assert (tmp_path / "1.ack").read_bytes() == (tmp_path / "2.ack").read_bytes()
    assert import_ack(device, tmp_path / "2.ack")["verdicts"]["accepted"] == first["events"]
    assert import_ack(device, tmp_path / "1.ack")["already"]
    assert sorted(hq_events(hq)) == sorted(own(device))


def test_an_ack_for_an_earlier_copy_applies_when_it_names_exactly_the_batch(device, hq, tmp_path) -> None:
    """The kept sealed copy was lost between two exports: the files differ, HQ answers the second with the ack
    of the first, and either ack file applies (same device, same batch, exactly its events)."""
    first = export_batch(device, tmp_path / "1.cpb")
    shutil.rmtree(str(device.store.path) + ".outbox")
    second = export_batch(device, tmp_path / "2.cpb")
    assert first and second and first["sha256"] != second["sha256"]
    hq_import(hq, tmp_path / "1.cpb", tmp_path / "1.ack")
    got = import_ack(device, tmp_path / "1.ack")
    assert got["verdicts"]["accepted"] == first["events"]
    assert sorted(hq_events(hq)) == sorted(own(device))


def test_usb_and_http_mix(device, hq, tmp_path) -> None:
    """Exported to a file, then a link came up and sync went over HTTP; the ack file arrives afterwards."""
    export_batch(device, tmp_path / "b.cpb")
    hq_import(hq, tmp_path / "b.cpb", tmp_path / "b.ack")
    summary = SyncClient(device, hq).sync_once()
    assert summary["complete"] and summary["acknowledged"] == summary["sent"] > 0      # HQ: the same ack
    assert import_ack(device, tmp_path / "b.ack")["already"]
    assert at_hq(hq, device) == own(device)
