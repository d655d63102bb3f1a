"""Fixtures the device-sync tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.hq.service import HQService
from tests.support.client_harness import new_hq


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[HQService]:
    """An HQ in process (SQLite in tmp_path, fresh keys), closed after the test."""
    service = new_hq(tmp_path)
    yield service
    service.store.close()
