"""Sync's own errors, on top of ``checkpoint.errors`` (so the UI's one mapping, ``ui.messages.error_message``,
shows them as plain words). HQ's refusals each have the ``code`` HQ sends in its JSON answers, which the device
maps back to a typed error; the device's own are ``SyncUnavailable`` and ``BadAck``.

    >>> DeviceRevoked("HQ revoked this device.").code
    'device_revoked'
    >>> isinstance(SyncUnavailable("HQ could not be reached."), CheckpointError)
    True
"""

from __future__ import annotations

from checkpoint.errors import AuthError, CheckpointError

__all__ = ["BadAck", "DeviceRevoked", "DeviceUnknown", "ReplayedRequest", "StaleRequest", "SyncUnavailable",
           "TokenRejected", "UpdateRequired"]


class SyncUnavailable(CheckpointError):
    """HQ could not be reached or is busy; nothing was lost. Sync again later."""

    code = "sync_unavailable"


class BadAck(CheckpointError):
    """HQ's acknowledgement does not match the batch that was sent; nothing was marked as received."""

    code = "bad_ack"


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


class StaleRequest(AuthError):
    """A signed request whose timestamp is too far from HQ's clock (the device's clock is off, or it is an old
    request replayed). ``skew`` is device time minus HQ time in seconds; ``hq_time`` HQ's clock (ISO, UTC)."""

    code = "stale_request"

    def __init__(self, message: str, *, skew: float = 0.0, hq_time: str = "") -> None:
        self.skew, self.hq_time = skew, hq_time
        super().__init__(message)


class ReplayedRequest(AuthError):
    """A signed request HQ has already seen (same nonce): a replay, refused."""

    code = "replayed_request"


class UpdateRequired(CheckpointError):
    """The peer speaks an older sync protocol than this side: update the app (or HQ)."""

    code = "update_required"
