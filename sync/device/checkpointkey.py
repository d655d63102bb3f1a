"""Issue 10, point 11: the device takes its checkpoint's protection key from HQ, sealed to it.

HQ keeps one protection key pair per checkpoint (``sync.hq.checkpointkeys``). A device gets it in its enrollment
answer (``from_enrollment``: the private half sealed to the reply key its ENROLL request carried, the public half
inside HQ's signed answer), or, enrolled before that existed, at a sync (``ensure``: a signed, dated, single-use
request; HQ's CHECKPOINT_KEY document, signed by HQ's pinned key, sealed to a key made for that one request). The
device accepts only a key for its own device id, its own checkpoint (the one in its enrollment) and this request,
and adopts it (``checkpoint.services.protection.adopt_checkpoint_key``: into its supervisors' slots; new sections
are sealed to it). Nothing of the key is logged.

    >>> ensure(session, HttpTransport(url))        # at a sync: "adopted", "held", "not_needed"   # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from checkpoint import crypto
from checkpoint.errors import UnsupportedFormat, ValidationError
from checkpoint.services import protection
from checkpoint.services.outbox import Outbox
from sync.device.enrollment import pinned_keys
from sync.errors import BadAck
from sync.wire import CHECKPOINT_KEY, checkpoint_key_request, open_answer, open_enroll_key, open_signed

__all__ = ["ensure", "from_enrollment"]

log = logging.getLogger(__name__)


def _adopt(session: Any, private: bytes, checkpoint_id: str) -> bool:
    return protection.adopt_checkpoint_key(session.store, session.keyfile, private, checkpoint_id,
                                           str(session.user.role))


def from_enrollment(session: Any, body: Mapping[str, Any], answer: Mapping[str, Any], reply_private: bytes,
                    request: bytes) -> bool:
    """Adopt the checkpoint key an enrollment answer carries (``body``: HQ's verified signed answer). False when
    HQ sent none (an HQ before this change: the device asks at its next sync). Raises ValidationError,
    DecryptionFailed for a key that is not the one HQ signed."""
    public_hex, sealed_hex = body.get("checkpoint_public"), answer.get("checkpoint_key")
    if not isinstance(public_hex, str) or not isinstance(sealed_hex, str):
        return False
    try:
        public, sealed = bytes.fromhex(public_hex), bytes.fromhex(sealed_hex)
    except ValueError:
        raise UnsupportedFormat("HQ's enrollment answer is not readable.") from None
    private = open_enroll_key(sealed, reply_private, request, public)
    adopted = _adopt(session, private, str(body["checkpoint_id"]))
    log.info("checkpoint protection key %s", "adopted" if adopted else "already held")
    return adopted


def ensure(session: Any, transport: Any) -> str:
    """Ask HQ for the checkpoint's key when this device lacks it (or a supervisor's slot does), and adopt it.
    Returns "not_needed", "adopted", "held" (nothing changed) or "unsupported" (the transport cannot ask: USB).

    Raises the transport's errors (DeviceRevoked for a revoked device: HQ gives it nothing), SignatureInvalid,
    BadAck (an answer for another device, checkpoint or request), ValidationError, UnsupportedFormat."""
    if not protection.wants_checkpoint_key(session.store, session.keyfile):
        return "not_needed"
    ask = getattr(transport, "checkpoint_key", None)
    if ask is None:
        return "unsupported"
    outbox = Outbox(session)
    pinned = pinned_keys(outbox)
    enrollment = outbox.enrollment() or {}
    device_id = pinned.identity["device_id"]
    request = checkpoint_key_request(pinned.identity["signing_private"], device_id, now=session.store.clock.now())
    doc = open_signed(CHECKPOINT_KEY, open_answer(ask(request.blob), request), pinned.hq_signing)
    if doc.get("kind") != "checkpoint_key" or doc.get("device_id") != device_id:
        raise BadAck("HQ's answer is for another device.")
    if doc.get("nonce") != request.nonce:
        raise BadAck("HQ's answer is for another request (an old answer replayed?).")
    # Enrollments stored by an early release have no checkpoint id: HQ's signed word (its device row) is then all.
    if not isinstance(doc.get("checkpoint_id"), str) or not doc["checkpoint_id"] or \
            (enrollment.get("checkpoint_id") and doc["checkpoint_id"] != enrollment["checkpoint_id"]):
        raise BadAck("HQ's answer holds the key of another checkpoint.")
    try:
        private, public = bytes.fromhex(str(doc.get("private"))), bytes.fromhex(str(doc.get("public")))
    except ValueError:
        raise UnsupportedFormat("HQ's answer is not readable.") from None
    if len(private) != 32 or crypto.x25519_public(private) != public:
        raise ValidationError("checkpoint_key", "HQ's answer holds a damaged key")
    return "adopted" if _adopt(session, private, str(doc["checkpoint_id"])) else "held"
