"""JSON nested deeper than the protocol allows (``sync.protocol.MAX_DEPTH``) reaching a device: a pulled event
with such a payload is held aside with that reason (never tried again) while the rest of the page applies; a pull
document or a USB reference file signed by HQ's key but nested that deep is refused plainly, nothing applied."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import pytest

from checkpoint import crypto
from checkpoint.clock import ManualClock
from checkpoint.errors import UnsupportedFormat
from checkpoint.events import event_hash
from checkpoint.services.outbox import Outbox
from sync.device.usb import import_reference
from sync.protocol import MAX_DEPTH
from sync.wire import PULL, REFERENCE, open_signed
from tests.support.client_harness import enroll, new_device
from tests.support.hq_helpers import FakeDevice

REASON = f"payload is nested deeper than {MAX_DEPTH} levels"


@pytest.fixture
def device(tmp_path: Path, clock: ManualClock, hq) -> Any:
    s = new_device(tmp_path / "a.db", clock=clock)
    enroll(s, hq)
    yield s
    s.lock()


def _deep(ev: dict[str, Any], payload: str) -> dict[str, Any]:
    ev = {**ev, "payload": payload}
    ev["hash"] = event_hash(ev)
    return ev


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 2000])
def test_a_pulled_event_with_a_deep_payload_is_held_with_its_reason_and_the_rest_applies(device, levels) -> None:
    other = FakeDevice()
    reg = other.event()
    enc = json.loads(reg["payload"])["encounter"]["id"]
    deep = _deep(other.event(type_="encounter.approved", entity_id=reg["entity_id"], payload={"encounter_id": enc}),
                 '{"encounter_id":' * levels + '"x"' + "}" * levels)
    ob = Outbox(device)
    assert ob.ingest([deep, reg]) == {"applied": 1, "duplicate": 0, "held": 1}
    assert [h["reason"] for h in ob.held()] == [REASON]
    assert ob.retry_held() == 0 and [h["reason"] for h in ob.held()] == [REASON]     # not tried again
    assert device.store.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 1


def _signed_raw(kind: tuple[bytes, bytes], raw: bytes, private: bytes) -> bytes:
    """A document signed by ``private`` whose body is the given bytes (canonical_json cannot write 1,000 levels)."""
    signed = kind[0] + struct.pack(">I", len(raw)) + raw
    return signed + crypto.sign(private, signed, context=kind[1])


def test_a_pull_document_nested_too_deep_is_refused_plainly(hq) -> None:
    raw = b'{"v": 3, "events": ' + b"[" * 3000 + b"]" * 3000 + b"}"
    with pytest.raises(UnsupportedFormat, match=f"nested deeper than {MAX_DEPTH} levels"):
        open_signed(PULL, _signed_raw(PULL, raw, hq.keys.signing_private), hq.keys.signing_public)


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 3000])
def test_a_usb_reference_file_nested_too_deep_is_refused_and_nothing_applies(hq, device, tmp_path, levels) -> None:
    before = device.directory.status()
    raw = b'{"v": 3, "directory": ' + b"[" * levels + b"]" * levels + b"}"
    ref = tmp_path / "batch-0001.ref"
    ref.write_bytes(_signed_raw(REFERENCE, raw, hq.keys.signing_private))
    out = import_reference(device, ref)
    assert out["applied"] is False and f"nested deeper than {MAX_DEPTH} levels" in out["refused"]
    assert device.directory.status()["version"] == before["version"]
