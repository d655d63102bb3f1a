"""HQ raises the young-generation GC threshold only while it ingests a batch (sync.hq.service.fewer_collections):
the process's own setting comes back afterwards, whatever happens, and however many batches overlap."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from sync.hq import service
from sync.hq.service import HQService, fewer_collections
from tests.support.hq_helpers import FakeDevice


@pytest.fixture
def threshold() -> Iterator[tuple[int, int, int]]:
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*saved)


def test_a_batch_is_ingested_with_fewer_collections_and_the_setting_comes_back(
        hq: HQService, threshold: tuple[int, int, int]) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    blob = dev.seal(dev.events(300), hq.keys.exchange_public)
    seen: list[tuple[int, int, int]] = []
    gc.collect()
    gc.callbacks.append(lambda phase, _info: seen.append(gc.get_threshold()) if phase == "start" else None)
    try:
        r = hq.ingest(blob)
    finally:
        gc.callbacks.pop()
    assert r.counts["accepted"] == 300
    assert gc.get_threshold() == threshold
    # With the default threshold this batch costs a dozen collections or more; while it is ingested, only the
    # raised threshold is in force (a collection or two before the batch is opened may still run).
    assert len(seen) <= 3 and sum(t[0] < 50_000 for t in seen) <= 2, seen


def test_the_batch_is_freed_before_the_threshold_comes_back(hq: HQService, threshold: tuple[int, int, int],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """When the default threshold comes back, the batch's objects are already freed: a collection that runs then
    (at the next allocation) scans a few objects, not every event of the batch once more."""
    dev = FakeDevice()
    dev.enroll(hq)
    hq.ingest(dev.seal(dev.events(100), hq.keys.exchange_public))   # imports and statement caches: objects that stay
    blob = dev.seal(dev.events(2000), hq.keys.exchange_public)
    monkeypatch.setattr(service, "_GC_GEN0", 10**9)      # no collection while the batch is ingested
    young: list[int] = []
    gc.collect()
    gc.callbacks.append(lambda phase, info: young.append(len(gc.get_objects(generation=0)))
                        if phase == "start" and info["generation"] == 0 else None)
    try:
        r = hq.ingest(blob)
    finally:
        gc.callbacks.pop()
    assert r.counts["accepted"] == 2000
    # still held on the way out, this batch's events and their parsed payloads are over 20,000 objects
    assert young and max(young) < 5_000, young


def test_overlapping_batches_and_a_failing_one_put_the_threshold_back(threshold: tuple[int, int, int]) -> None:
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with fewer_collections():
            inside.set()
            release.wait(10)

    t = threading.Thread(target=other)
    t.start()
    assert inside.wait(10)
    with pytest.raises(RuntimeError), fewer_collections():
        assert gc.get_threshold()[0] >= 50_000
        raise RuntimeError("a batch that fails")
    assert gc.get_threshold()[0] >= 50_000             # the other batch is still being ingested
    release.set()
    t.join(10)
    assert gc.get_threshold() == threshold
