"""How a device gets HQ's keys once, and finds them again for every exchange after.

    >>> enroll(Outbox(session), HttpTransport(url), url, token)     # once, with HQ's one-time token  # doctest: +SKIP
    >>> pinned = pinned_keys(Outbox(session))                                                        # doctest: +SKIP
    >>> pinned.hq_signing      # verifies HQ's acks, pull answers and reference data                # doctest: +SKIP

Enrollment signs a request with the device's own key, sends it with the token, and pins the three public keys HQ
answers with (signing, exchange, recovery). Pinning the recovery key also seals the store's data key to HQ
(``Outbox.set_enrollment``), so HQ can help when every passphrase and the recovery code are lost.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, NamedTuple

from checkpoint.errors import ConflictError, PermissionDenied, UnsupportedFormat, ValidationError
from checkpoint.services.outbox import Outbox
from sync.protocol import SyncProtocol
from sync.wire import ENROLL, sign_document

__all__ = ["Pinned", "enroll", "enrolled_url", "pinned_keys"]

log = logging.getLogger(__name__)


class Pinned(NamedTuple):
    """This device's identity (ids and its signing key pair) and HQ's public keys as pinned at enrollment."""

    identity: dict[str, Any]
    hq_signing: bytes       # Ed25519: HQ's acks, pull answers and reference data are signed with it
    hq_exchange: bytes      # X25519: batches are sealed to it


def _enrollment(outbox: Outbox) -> dict[str, Any]:
    enrollment = outbox.enrollment()
    if enrollment is None:
        raise PermissionDenied("This device is not enrolled with HQ yet: enroll it first (HQ gives a token).")
    return enrollment


def enrolled_url(outbox: Outbox) -> str:
    """The address of the HQ this device enrolled with. Raises PermissionDenied if the device is not enrolled."""
    return str(_enrollment(outbox)["hq_url"])


def pinned_keys(outbox: Outbox) -> Pinned:
    """This device's identity and HQ's keys. Raises PermissionDenied if the device is not enrolled."""
    enrollment = _enrollment(outbox)
    return Pinned(outbox.identity(), bytes.fromhex(enrollment["hq_signing_public"]),
                  bytes.fromhex(enrollment["hq_exchange_public"]))


def _key(value: object, name: str) -> bytes:
    """A 32-byte public key from HQ's enrollment answer (hex text)."""
    try:
        key = bytes.fromhex(value) if isinstance(value, str) else b""
    except ValueError:
        key = b""
    if len(key) != 32:
        raise ValidationError(name, "is missing from HQ's answer or is not a 32-byte public key in hex")
    return key


def enroll(outbox: Outbox, transport: SyncProtocol, hq_url: str, token: str, *, replace: bool = False
           ) -> dict[str, Any]:
    """Enroll this device with a one-time token from HQ and pin HQ's keys; returns the stored enrollment.

    Raises ConflictError if already enrolled (before the token is spent; ``replace`` after HQ revoked this
    device), ValidationError for an empty token or a malformed answer, UnsupportedFormat for an unreadable one,
    and the transport's errors.
    """
    token = (token or "").strip()
    if not token:
        raise ValidationError("token", "is required (HQ gives a one-time enrollment token)")
    if outbox.enrollment() is not None and not replace:
        raise ConflictError("This device is already enrolled; HQ must revoke it before it enrolls again "
                            "(then enroll with replace).")
    ident = outbox.identity()
    now = outbox.store.clock.now().isoformat()
    request = sign_document(ENROLL, {
        "kind": "enroll", "token": token, "device_id": ident["device_id"], "store_id": ident["store_id"],
        "checkpoint_name": ident["checkpoint_name"], "station_id": ident["station_id"],
        "signing_public": ident["signing_public"].hex(), "requested_at": now}, ident["signing_private"])
    answer = transport.enroll(request)
    if not isinstance(answer, Mapping):
        raise UnsupportedFormat("HQ's enrollment answer is not readable.")
    hq_device_id, checkpoint_id = answer.get("hq_device_id"), answer.get("checkpoint_id")
    if not isinstance(hq_device_id, str) or not hq_device_id or not isinstance(checkpoint_id, str):
        raise ValidationError("hq_device_id", "is missing from HQ's answer")
    outbox.set_enrollment(
        hq_url=hq_url, hq_device_id=hq_device_id, checkpoint_id=checkpoint_id,
        hq_signing_public=_key(answer.get("hq_signing_public"), "hq_signing_public"),
        hq_exchange_public=_key(answer.get("hq_exchange_public"), "hq_exchange_public"),
        hq_recovery_public=_key(answer.get("hq_recovery_public"), "hq_recovery_public"), replace=replace)
    log.info("enrolled with HQ at %s as %s", hq_url, hq_device_id)
    enrollment = outbox.enrollment()
    assert enrollment is not None
    return enrollment
