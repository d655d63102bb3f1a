"""Fixtures of the HQ dashboard tests (the harness is in harness.py, shared with tools/hq_screenshots.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.sync.hq.web import browser
from tests.sync.hq.web.harness import WebHQ, running_hq


@pytest.fixture
def web_hq(tmp_path: Path) -> Iterator[WebHQ]:
    with running_hq(tmp_path) as hq:
        yield hq


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    """One headless Chromium for a module of browser tests (their module skips where it cannot run)."""
    with browser.chromium() as d:
        yield d
