"""JSON nested deeper than the protocol allows (``sync.protocol.MAX_DEPTH``), wherever it reaches HQ: an event's
payload is quarantined with its reason and the rest of its batch goes in (HTTP push and a USB file alike); a batch
body, a signed request or an enrollment request nested that deep is refused with a plain message and nothing is
written. Before the limit, a payload nested ~1,000 levels raised RecursionError out of ingest."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest
import sqlalchemy as sa

from checkpoint import crypto
from checkpoint.errors import UnsupportedFormat
from sync.protocol import MAX_DEPTH, PROTOCOL_VERSION
from sync.wire import ACK, BATCH_CONTEXT, BATCH_MAGIC, REQUEST, _canonical, open_signed
from tests.support.hq_helpers import T0, FakeDevice, all_counts, resign


def deep_text(levels: int) -> str:
    """A JSON object nested ``levels`` deep (built as text: json.dumps itself cannot write 1,000 levels)."""
    return '{"a":' * (levels - 1) + "{}" + "}" * (levels - 1)


def with_payload(ev: dict, payload: str) -> dict:
    return resign({**ev, "payload": payload})


def quarantine_reasons(hq) -> list[tuple[int, str]]:
    with hq.store.read() as conn:
        return [(int(s), str(r)) for s, r in conn.execute(
            sa.text("SELECT device_seq, reason FROM quarantine ORDER BY device_seq"))]


@pytest.mark.parametrize("levels", [1000, 5000, MAX_DEPTH + 1])
def test_a_deeply_nested_payload_is_quarantined_and_the_rest_of_its_batch_goes_in(hq, levels: int) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    evs = dev.events(4)
    evs[1] = with_payload(evs[1], deep_text(levels))
    ack = hq.push(dev.seal(evs, hq.keys.exchange_public, raw=True))
    v = open_signed(ACK, ack, hq.keys.signing_public)["verdicts"]
    assert [v[e["id"]][0] for e in evs] == ["accepted", "quarantined", "accepted", "accepted"]
    assert f"nested deeper than {MAX_DEPTH} levels" in v[evs[1]["id"]][1]
    assert quarantine_reasons(hq) == [(2, f"malformed: payload is nested deeper than {MAX_DEPTH} levels")]
    assert hq.stats()["events"] == 3


def test_a_payload_exactly_at_the_limit_is_not_refused_for_its_depth(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    (ev,) = dev.events(1)
    reg = json.loads(ev["payload"])
    reg["note"] = json.loads(deep_text(MAX_DEPTH - 1))        # the registration object itself is one level
    hq.push(dev.seal([with_payload(ev, json.dumps(reg))], hq.keys.exchange_public, raw=True))
    assert quarantine_reasons(hq) == [] and hq.stats()["events"] == 1


def seal_body(dev: FakeDevice, body: bytes, count: int, hq_exchange_public: bytes) -> bytes:
    """A batch signed by an enrolled device whose body is the given bytes (what a hostile device could send)."""
    header = {"v": PROTOCOL_VERSION, "kind": "batch", "batch_id": "01930000-0000-7000-8000-000000000001",
              "device_id": dev.device_id, "store_id": dev.store_id, "first_seq": 1, "last_seq": count,
              "count": count, "prev_sha256": "", "created_at": T0.isoformat(),
              "hq_key_id": crypto.key_id(hq_exchange_public)}
    head = _canonical(header)
    sealed = crypto.seal(hq_exchange_public, zlib.compress(body, 6), context=BATCH_CONTEXT + b"|" + head)
    signed = BATCH_MAGIC + struct.pack(">I", len(head)) + head + struct.pack(">I", len(sealed)) + sealed
    return signed + crypto.sign(dev.signing_private, signed, context=BATCH_CONTEXT)


@pytest.mark.parametrize("levels", [MAX_DEPTH + 5, 3000])
def test_a_batch_body_nested_too_deep_is_refused_plainly_and_nothing_is_written(hq, levels: int) -> None:
    """A real body is two levels (a list of flat events); an event with a deep extra field is not a device's."""
    dev = FakeDevice()
    dev.enroll(hq)
    evs = dev.events(2)
    text = json.dumps(evs)
    body = (text[:-2] + ', "extra": ' + deep_text(levels) + "}]").encode()
    before = all_counts(hq.store)
    with pytest.raises(UnsupportedFormat, match=f"nested deeper than {MAX_DEPTH} levels"):
        hq.ingest(seal_body(dev, body, 2, hq.keys.exchange_public))
    assert all_counts(hq.store) == before


def test_a_signed_request_nested_too_deep_is_refused_plainly(hq) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    raw = b"[" * 2000 + b"]" * 2000            # 4,000 bytes: under the request's size cap (4 KiB)
    signed = REQUEST[0] + struct.pack(">I", len(raw)) + raw
    blob = signed + crypto.sign(dev.signing_private, signed, context=REQUEST[1])
    with pytest.raises(UnsupportedFormat, match="nested deeper"):
        hq.check_request(blob, "pull", lambda _d: None)


def test_an_enrollment_request_nested_too_deep_is_refused_plainly(hq) -> None:
    from sync.wire import ENROLL

    raw = b"[" * 5000 + b"]" * 5000
    with pytest.raises(UnsupportedFormat, match="not readable"):
        hq.enroll(ENROLL[0] + struct.pack(">I", len(raw)) + raw + b"\0" * 64)


def test_a_usb_batch_file_with_a_deep_payload_is_imported_with_that_event_quarantined(tmp_path: Path) -> None:
    from sync.hq.keys import init_keys, load_keys
    from sync.hq.service import HQService
    from sync.hq.store import HQStore
    from tests.conftest import FAST
    from tests.sync.hq.test_cli import PW, hq_cli

    keys = tmp_path / "keys"
    init_keys(keys, PW, kdf=FAST)
    db = f"sqlite:///{tmp_path / 'hq.db'}"
    hq = HQService(HQStore.open(db), load_keys(keys, PW))
    dev = FakeDevice()
    dev.enroll(hq)
    evs = dev.events(3)
    evs[0] = with_payload(evs[0], "[" * 1500 + "]" * 1500)
    batch = tmp_path / "batch-0001.cpb"
    batch.write_bytes(dev.seal(evs, hq.keys.exchange_public, raw=True))
    r = hq_cli("--db", db, "--keys", str(keys), "import-batch", str(batch), "--json")
    assert r.returncode == 0, r.stderr
    counts = json.loads(r.stdout)["counts"]
    assert (counts["accepted"], counts["quarantined"]) == (2, 1)
    assert quarantine_reasons(hq) == [(1, f"malformed: payload is nested deeper than {MAX_DEPTH} levels")]
    hq.store.close()


def test_hqs_batch_body_parser_gives_json_loads_result_and_refuses_what_nests_too_deep() -> None:
    from sync.hq.fastjson import loads_batch

    dev = FakeDevice()
    real = json.dumps(dev.events(3)).encode()
    odd = [real, b'[{"a": 1.5, "b": null, "c": true}]', b'[{"n": 123456789012345678901234567890}]', b"[1, 2]",
           b'[{"x": {"y": [1, {"z": "\\ud800"}]}}]', b"{}", b'[{"a": 1, "a": "last"}]']
    for body in odd:
        assert loads_batch(body) == json.loads(body), body
    for body in (b"[" * 65 + b"]" * 65, b"[" * 5000 + b"]" * 5000, b'[{"a": ' + deep_text(64).encode() + b"}]"):
        with pytest.raises(ValueError, match=f"nested deeper than {MAX_DEPTH} levels"):
            loads_batch(body)
    with pytest.raises(ValueError):
        loads_batch(b'[{"a": ')
