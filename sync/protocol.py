"""The sync protocol as one interface that the HTTP client and the HQ service both implement.

Every call carries bytes that are sealed and/or signed (sync.batch), so the same documents can also travel as
files on a USB stick:

- ``enroll(request)``: a one-time token plus the device's public keys (request signed by the device, kind
  ENROLL); returns HQ's public keys (signing, exchange, recovery), which the device pins.
- ``push(sealed_batch)``: a sealed batch; returns a signed acknowledgement (kind ACK) with a verdict per event:
  accepted, duplicate (same id and content), held (a gap in the device's sequence: kept, applied when the gap
  fills), quarantined (kept with a reason; never blocks the rest), conflict (same id, different content).
- ``pull(device_id, cursor, limit, proof)``: events of this checkpoint's records written elsewhere, after
  ``cursor``; signed (kind PULL) with ``next_cursor`` and ``more``.
- ``reference(device_id, proof)``: signed reference data (kind REFERENCE): code lists, revoked devices.

``proof`` is a signature by the device over (device_id, cursor/now) so only an enrolled device pulls its data.
"""

from __future__ import annotations

from typing import Any, Protocol

__all__ = ["VERDICTS", "SyncProtocol"]

VERDICTS = ("accepted", "duplicate", "held", "quarantined", "conflict")


class SyncProtocol(Protocol):
    def enroll(self, request: bytes) -> dict[str, Any]: ...

    def push(self, sealed_batch: bytes) -> bytes: ...

    def pull(self, device_id: str, cursor: str, limit: int, proof: bytes) -> bytes: ...

    def reference(self, device_id: str, proof: bytes) -> bytes: ...
