"""The sync protocol: its versions (with their history), the verdicts HQ gives, and the interface that the HTTP
client and the HQ service both implement.

Every call carries bytes that are sealed and/or signed (``sync.wire``), so the same documents can also travel as
files on a USB stick:

- ``enroll(request)``: a one-time token plus the device's public keys (request signed by the device, kind
  ENROLL); returns HQ's public keys (signing, exchange, recovery), which the device pins.
- ``push(sealed_batch)``: a sealed batch; returns a signed acknowledgement (kind ACK) with a verdict per event
  (``VERDICTS``): accepted, duplicate (same id and content), held (a gap in the device's sequence: kept, applied
  when the gap fills), quarantined (kept with a reason; never blocks the rest), conflict (same id, different
  content); since v3 also the device's chain head as HQ holds it (``head``, ``head_sig``).
- ``push(sealed_batch, ticket)``: also a push ticket (``sync.wire.push_ticket``): the device's signature over
  its id, a timestamp, a nonce and the batch's SHA-256 and length, which HQ checks *before* it reads the body.
- ``pull(request)``: a signed pull request (``sync.wire.pull_request``: device id, cursor, limit, timestamp,
  nonce, a fresh X25519 reply key); returns the signed PULL document (``next_cursor``, ``more``, events)
  sealed to that reply key (``sync.wire.open_answer``).
- ``reference(request)``: the same for signed reference data (kind REFERENCE): code lists, revoked devices.
- ``checkpoint_key(request)`` (HTTP and HQ's service only; optional, looked up by name): the same for the device's
  checkpoint protection key (kind CHECKPOINT_KEY, issue 10 point 11). The ENROLL request may carry a reply key;
  HQ's answer then holds that key sealed to it beside the signed answer, which signs its public half.

Requests and tickets are refused when their timestamp is more than ``sync.wire.MAX_SKEW`` from HQ's clock
(StaleRequest, which says by how much the device's clock is off) or when their nonce was seen before
(ReplayedRequest): a captured request is worth nothing, and a captured answer cannot be read without the reply
key, which never leaves the device's memory.

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
from checkpoint.jsondepth import MAX_DEPTH  # see the note on the limit below

__all__ = ["BATCH_VERSIONS", "HISTORY", "MAX_DEPTH", "PROTOCOL_VERSION", "SUPPORTED", "VERDICTS", "SyncProtocol",
           "Version"]

# How deep any JSON that arrives may nest (a batch body, an event's payload, a signed document or request): deeper
# is refused (a document or batch: UnsupportedFormat; one event: quarantined at HQ, held aside on a device), never
# a RecursionError. Defined in the Qt-free core (checkpoint.jsondepth) because the device's pull ingest checks it
# too; this is its name in the protocol.


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
    Version(2, "2026-12-02", "signed requests (CPR2) with a timestamp and a nonce, refused when stale or replayed; "
                             "pull and reference answers sealed to a per-request reply key; POST only; a push "
                             "ticket in the X-Checkpoint-Ticket header checked before the body is read; a v1 "
                             "client gets HTTP 426 (update required). Batches (CPB1) are unchanged: HQ still "
                             "takes v1 batches. Enrollment: the device pins HQ's keys only from a signed "
                             "enrollment answer (CPN1) bound to its request and to the key fingerprint in the "
                             "enrollment code; a re-enrollment needs HQ's signed release (CPL1)"),
    Version(3, "2026-12-02", "tamper evidence anchored at HQ: the ack (CPA1) carries the device's chain head as "
                             "HQ holds it (head: device id, last event at or below the watermark, its hash) with "
                             "HQ's signature over it (head_sig, context 'checkpoint chain head v1'), which the "
                             "device keeps and its verify compares with the local log; HQ quarantines an event "
                             "whose prev_hash does not link to the device's events it holds and flags the batch "
                             "(chain_break). Batches (CPB1) are unchanged: HQ still takes v1 and v2 batches. A "
                             "v2 device is told by /v1/health that HQ speaks 3 and to update, as in v2"),
)
PROTOCOL_VERSION = HISTORY[-1].version
SUPPORTED = frozenset({3})
BATCH_VERSIONS = frozenset({1, 2, 3})   # the batch format did not change in v2 or v3: kept copies and USB files go in


class SyncProtocol(Protocol):
    def enroll(self, request: bytes) -> dict[str, Any]: ...

    def push(self, sealed_batch: bytes, ticket: bytes | None = None) -> bytes: ...

    def pull(self, request: bytes) -> bytes: ...

    def reference(self, request: bytes) -> bytes: ...

    # Issue 12, point 6: a record the device minimised, back from HQ (a signed request of kind "fetch", same checks as
    # pull; answer: FETCH document sealed to the reply key). Added within v3: an HQ without it answers 404.
    def fetch(self, request: bytes) -> bytes: ...
