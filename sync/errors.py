"""Sync's own errors, on top of ``checkpoint.errors`` (each has the ``code`` HQ sends in its JSON refusals, which
the device maps back to a typed error).

    >>> DeviceRevoked("HQ revoked this device.").code
    'device_revoked'

``BadAck`` and ``SyncUnavailable`` (device side) still live in ``sync.device.client``; they move here with the device
package.
"""

from __future__ import annotations

from checkpoint.errors import AuthError

__all__ = ["DeviceRevoked", "DeviceUnknown", "TokenRejected"]


class DeviceUnknown(AuthError):
    """This device is not enrolled with HQ."""

    code = "device_unknown"


class DeviceRevoked(AuthError):
    """HQ revoked this device."""

    code = "device_revoked"


class TokenRejected(AuthError):
    """The enrollment token cannot be used (unknown, used, expired, or for another checkpoint)."""

    code = "token_rejected"

    def __init__(self, reason: str, message: str) -> None:
        self.reason = reason   # unknown | used | expired | wrong_checkpoint
        super().__init__(message)
