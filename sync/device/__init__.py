"""The device side of sync (placeholder docstring, rewritten below)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sync.device.service import DeviceSync

__all__ = ["DeviceSync"]


def __getattr__(name: str) -> object:
    if name == "DeviceSync":
        from sync.device.service import DeviceSync

        return DeviceSync
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
