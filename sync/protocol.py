"""The sync protocol: its versions (with their history), the verdicts HQ gives, and the interface that the HTTP
client and the HQ service both implement.

Every call carries bytes that are sealed and/or signed (``sync.wire``), so the same documents can also travel as
files on a USB stick:

- ``enroll(request)``: a one-time token plus the device's public keys (request signed by the device, kind
  ENROLL); returns HQ's public keys (signing, exchange, recovery), which the device pins.
- ``push(sealed_batch)``: a sealed batch; returns a signed acknowledgement (kind ACK) with a verdict per event
  (``VERDICTS``): accepted, duplicate (same id and content), held (a gap in the device's sequence: kept, applied
  when the gap fills), quarantined (kept with a reason; never blocks the rest), conflict (same id, different
  content).
- ``pull(device_id, cursor, limit, proof)``: events of this checkpoint's records written elsewhere, after
  ``cursor``; signed (kind PULL) with ``next_cursor`` and ``more``.
- ``reference(device_id, proof)``: signed reference data (kind REFERENCE): code lists, revoked devices.

``proof`` is the device's signature over its id and the cursor (``sync.wire.pull_proof``/``reference_proof``), so
only an enrolled device pulls its checkpoint's data.

Versions: every batch header and signed document carries ``"v": PROTOCOL_VERSION``; a peer that speaks another
version gets a typed error (UnsupportedFormat), never a guess. A change to the wire bytes, the proofs or the
meaning of a verdict is a new version with a line in ``HISTORY``.

    >>> PROTOCOL_VERSION in SUPPORTED
    True
    >>> HISTORY[-1].version == PROTOCOL_VERSION
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from checkpoint.events import VERDICTS

__all__ = ["HISTORY", "PROTOCOL_VERSION", "SUPPORTED", "VERDICTS", "SyncProtocol", "Version"]


@dataclass(frozen=True)
class Version:
    """One protocol version: when it was released and what it is."""

    version: int
    released: str        # ISO date
    summary: str


HISTORY: tuple[Version, ...] = (
    Version(1, "2026-11-22", "sealed, signed batches (CPB1) with a batch chain; signed ack (CPA1), pull (CPP1), "
                             "reference data (CPD1) and enrollment (CPE1) documents; pull and reference proofs; "
                             "verdicts accepted, duplicate, held, quarantined, conflict"),
)
PROTOCOL_VERSION = HISTORY[-1].version
SUPPORTED = frozenset({1})


class SyncProtocol(Protocol):
    def enroll(self, request: bytes) -> dict[str, Any]: ...

    def push(self, sealed_batch: bytes) -> bytes: ...

    def pull(self, device_id: str, cursor: str, limit: int, proof: bytes) -> bytes: ...

    def reference(self, device_id: str, proof: bytes) -> bytes: ...
