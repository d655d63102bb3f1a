"""The device side of sync never loads HQ's server stack, and checkpoint-admin's core commands do not load the
sync client. Import-linter checks the source; these check what a fresh interpreter really imports."""

from __future__ import annotations

import subprocess
import sys

HQ_STACK = ("fastapi", "starlette", "sqlalchemy", "uvicorn", "alembic", "psycopg")

EVERY_DEVICE_MODULE = r"""
import importlib, pkgutil, sys
import sync.device
for m in pkgutil.walk_packages(sync.device.__path__, "sync.device."):
    importlib.import_module(m.name)
from sync.device import DeviceSync
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in HQ_STACK or m.startswith("sync.hq"))))
"""

ADMIN_STARTUP = r"""
import sys
import sync.device.cli
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] == "httpx" or m in (
    "sync.device.client", "sync.device.service", "checkpoint.services.outbox"))))
"""


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", f"HQ_STACK = {HQ_STACK!r}\n{code}"], capture_output=True,
                         text=True, check=True, timeout=120)
    return out.stdout.strip()


def test_the_device_side_of_sync_loads_no_hq_code() -> None:
    assert _run(EVERY_DEVICE_MODULE) == ""


def test_checkpoint_admin_starts_without_the_sync_client() -> None:
    """Its core commands (stats, verify, ...) stay quick: the sync commands import their modules when they run."""
    assert _run(ADMIN_STARTUP) == ""
