"""The pure event definitions and the one atomic file writer."""

from __future__ import annotations

import os
import re
import stat

import pytest

from checkpoint.events import EVENT_COLUMNS, EVENT_TYPES, HLC, MAX_COUNTER, WIRE_FIELDS
from checkpoint.files import write_atomic
from checkpoint.storage.projections import handled_event_types


def test_every_event_type_has_exactly_one_projection_handler():
    assert handled_event_types() == EVENT_TYPES


def test_wire_fields_are_the_event_columns_without_the_local_order():
    assert "local_order" in EVENT_COLUMNS
    assert set(WIRE_FIELDS) == set(EVENT_COLUMNS) - {"local_order"}


def test_write_atomic_replaces_the_file_owner_only_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "sub" / "a.bin"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["a.bin"]


def test_write_atomic_exclusive_never_overwrites(tmp_path):
    target = tmp_path / "batch.cpb"
    write_atomic(target, b"first", exclusive=True)
    with pytest.raises(FileExistsError):
        write_atomic(target, b"second", exclusive=True)
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["batch.cpb"]


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "keys"
    write_atomic(target, b"old")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keys"]


def test_every_event_type_names_its_entity_and_only_person_events_travel() -> None:
    from checkpoint.events import EVENT_ENTITY, EVENT_TYPES, TRAVEL_TYPES

    assert set(EVENT_ENTITY) == set(EVENT_TYPES)        # HQ refuses a type it cannot place (KeyError before)
    assert "device.reenrolled" not in TRAVEL_TYPES and not any(t.startswith("user.") for t in TRAVEL_TYPES)


def test_hlc_counter_never_outgrows_six_digits():
    """A million local events while the wall clock stays behind (backdated demo data) keep timestamps that HQ
    accepts and that still sort in the order they were made."""
    h = HLC(HLC.render(5_000, MAX_COUNTER - 1))
    stamps = [h.tick(1_000) for _ in range(3)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 3
    assert all(re.fullmatch(r"[0-9]{15}\.[0-9]{6}", s) for s in stamps)
    assert stamps[1:] == [HLC.render(5_001, 0), HLC.render(5_001, 1)]
    h.receive(HLC.render(5_001, MAX_COUNTER), 1_000)
    after = h.tick(1_000)
    assert after > HLC.render(5_001, MAX_COUNTER) and re.fullmatch(r"[0-9]{15}\.[0-9]{6}", after)
