"""Fixtures the device-sync tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from checkpoint.clock import ManualClock
from sync.hq.service import HQService
from tests.support.client_harness import new_hq


@pytest.fixture
def hq(tmp_path: Path, clock: ManualClock) -> Iterator[HQService]:
    """An HQ in process (SQLite in tmp_path, fresh keys), closed after the test. Its clock is the devices' test
    clock: HQ refuses requests dated more than five minutes from its own time."""
    service = new_hq(tmp_path, clock=clock)
    yield service
    service.store.close()
