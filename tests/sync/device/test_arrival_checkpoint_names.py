"""Where a pulled arrival was registered, by name: a device knows only its own checkpoint's name, so HQ's signed
reference data carries the checkpoint of every device it enrolled (``device_checkpoints``), and the device shows a
person's arrivals registered elsewhere at that checkpoint's name (the record view and the possible-duplicate line),
over real HTTP on 127.0.0.1. The names are hostile input: a bad entry is left out (that arrival then reads "another
checkpoint"), never refusing the directory; a revoked device's arrivals keep their checkpoint's name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checkpoint.clock import ManualClock
from checkpoint.services.directory import check_device_checkpoints
from sync.device.client import SyncClient
from sync.device.transport import HttpTransport
from tests.support.client_harness import enroll, live, new_device
from tests.support.helpers import adult, registration
from tests.support.reference_forger import Forger

SOK = adult(family_name="SOKHOM", given_names="RETURNS", date_of_birth="1991-01-01", id_document_number="SR9191919")


@pytest.fixture
def two(tmp_path: Path, clock: ManualClock, hq: Any):
    """Device B at Bavet (supervisor sophea) and device A at Poipet (supervisor dara)."""
    a = new_device(tmp_path / "a.db", "Poipet", clock=clock)
    b = new_device(tmp_path / "b.db", "Bavet", clock=clock, username="sophea")
    yield a, b
    a.lock()
    b.lock()


def places(session: Any, person_id: str) -> list[str]:
    return [e["checkpoint_name"] for e in session.records.get(person_id)["encounters"]]


def last_place(session: Any) -> tuple[str, str]:
    d = next(d for d in session.registrations.find_duplicates(SOK) if d.family_name == "SOKHOM")
    return d.last_arrival_checkpoint, d.last_arrival_station


def test_an_arrival_pulled_from_another_checkpoint_shows_its_name(two, hq) -> None:
    a, b = two
    with live(hq) as url, HttpTransport(url, timeout=30) as t:
        enroll(b, hq)
        assert SyncClient(b, t).sync_once()["complete"]          # B applies HQ's document before A is enrolled
        enroll(a, hq)                                             # (a new device makes no new version of it)
        reg = a.registrations.register(**registration(person=SOK))
        assert SyncClient(a, t).sync_once()["complete"]
        hq.link(reg.person_id, "Bavet", "case transferred to Bavet")
        out = SyncClient(b, t).sync_once()
        assert out["complete"] and out["applied"] >= 1 and out["reference"]["refused"] == "", out
        assert places(b, reg.person_id) == ["Poipet"]             # not Bavet's own name, not a station code
        assert last_place(b) == ("Poipet", "POIPET_INTL_CHECKPOINT")
        assert places(a, reg.person_id) == ["Poipet"]             # at home: its own name
        registered = next(h for h in b.records.history(reg.person_id) if h["what"] == "registration.recorded")
        assert registered["who"].checkpoint == "Poipet"          # the history says where it was written too
        clock = b.store.clock
        clock.advance(days=1)
        b.registrations.register(**registration(person=None, person_id=reg.person_id))   # she comes back at Bavet
        assert places(b, reg.person_id) == ["Poipet", "Bavet"]
        assert last_place(b)[0] == "Bavet"
        hq.revoke(a.store.device_id, "laptop stolen")             # a new version; A's arrivals keep their name
        out = SyncClient(b, t).sync_once()
        assert out["reference"]["applied"], out
        assert places(b, reg.person_id) == ["Poipet", "Bavet"]


def test_bad_names_from_hq_are_left_out_and_the_directory_still_applies(two, hq) -> None:
    a, b = two
    enroll(a, hq)
    enroll(b, hq)
    reg = a.registrations.register(**registration(person=SOK))
    SyncClient(a, hq).sync_once()
    hq.link(reg.person_id, "Bavet", "case transferred to Bavet")
    a_id = a.store.device_id

    def hostile(name: Any, n: int) -> Any:
        def make(doc: dict[str, Any]) -> tuple[dict[str, Any], None]:
            return {**doc, "version": doc["version"] + n, "device_checkpoints": {a_id: name}}, None
        return make

    version = 0
    for n, bad in enumerate(("Poi\x07pet", "\u202eteptoP", "x" * 81, "", 7, ["Poipet"], None), start=1):
        out = SyncClient(b, Forger(hq, hostile(bad, n))).sync_once()
        assert out["reference"]["applied"] and out["reference"]["refused"] == "", (bad, out["reference"])
        assert b.directory.status()["version"] > version                   # the rest of the document applied
        version = b.directory.status()["version"]
        assert places(b, reg.person_id) == [""], bad                        # "another checkpoint" on screen
        assert last_place(b) == ("", "POIPET_INTL_CHECKPOINT")
    out = SyncClient(b, Forger(hq, hostile("  <b>Poipet</b>\n  checkpoint ", 10))).sync_once()
    assert out["reference"]["applied"]
    assert places(b, reg.person_id) == ["<b>Poipet</b> checkpoint"]         # text (shown as plain text, never markup)


@pytest.mark.parametrize(("raw", "names"), [
    ({"dev-1": "Poipet", "dev-2": "Bavet"}, {"dev-1": "Poipet", "dev-2": "Bavet"}),
    ({"dev-1": "  Poipet \t checkpoint "}, {"dev-1": "Poipet checkpoint"}),
    ({"dev-1": "Poipet", "not an id!": "Bavet", "dev-3": "\x00"}, {"dev-1": "Poipet"}),
    ({"dev-1": "ប៉ោយប៉ែត"}, {"dev-1": "ប៉ោយប៉ែត"}),
    ({f"d{i}": "x" for i in range(20_001)}, {}),                                      # far too large: no names
    ("Poipet", {}), (None, {}), ([["dev-1", "Poipet"]], {}),
])
def test_names_are_checked_entry_by_entry(raw: Any, names: dict[str, str]) -> None:
    assert check_device_checkpoints(raw) == names
