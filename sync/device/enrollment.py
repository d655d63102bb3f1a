"""How a device gets HQ's keys once, and finds them again for every exchange after.

    >>> enroll(Outbox(session), HttpTransport(url), url, token)     # once, with HQ's one-time token  # doctest: +SKIP
    >>> pinned = pinned_keys(Outbox(session))                                                        # doctest: +SKIP
    >>> pinned.hq_signing      # verifies HQ's acks, pull answers and reference data                # doctest: +SKIP

Enrollment signs a request with the device's own key, sends it with the token, and pins the three public keys HQ
answers with (signing, exchange, recovery) — only from HQ's signed answer, whose signing key must match the
fingerprint that ends the enrollment code the officer typed, and which must name this device and this request.
Pinning the recovery key also seals the store's data key to HQ (``Outbox.set_enrollment``), so HQ can help when
every passphrase and the recovery code are lost. Enrolling again (``replace``) needs a RELEASE document signed by
the HQ key pinned now. Devices enrolled before fingerprints existed keep their pinned keys and sync as before.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, NamedTuple

from checkpoint import crypto
from checkpoint.errors import (
    CheckpointError,
    ConflictError,
    PermissionDenied,
    SignatureInvalid,
    UnsupportedFormat,
    ValidationError,
)
from checkpoint.services.outbox import Outbox
from sync.errors import SyncUnavailable
from sync.protocol import SyncProtocol
from sync.wire import (
    ENROLL,
    normalize_fingerprint,
    open_enroll_answer,
    open_release,
    sign_document,
    split_enrollment_code,
)

__all__ = ["Pinned", "change_hq_address", "enroll", "enrolled_url", "pinned_keys"]

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


def _ask(transport: SyncProtocol, request: bytes, attempts: int) -> Mapping[str, Any]:
    """Send the ENROLL request; when HQ's answer does not arrive, ask again with the very same request (HQ answers
    the same device, key and token again, so a lost answer strands no one)."""
    for attempt in range(attempts):
        try:
            answer = transport.enroll(request)
        except SyncUnavailable:
            if attempt + 1 < attempts:
                log.info("HQ's enrollment answer did not arrive; asking again")
                continue
            raise SyncUnavailable("HQ's answer to the enrollment did not arrive, so this device is NOT enrolled "
                                  "yet. Enroll again with the same code when HQ can be reached: HQ recognises "
                                  "this device and answers again.") from None
        if not isinstance(answer, Mapping):
            raise UnsupportedFormat("HQ's enrollment answer is not readable.")
        return answer
    raise AssertionError("unreachable")  # pragma: no cover


def _fingerprint(code_fingerprint: str | None, given: str | None) -> str:
    if given:
        fp = normalize_fingerprint(given)
        if code_fingerprint is not None and code_fingerprint != fp:
            raise ValidationError("fingerprint", "does not match the fingerprint at the end of the enrollment code")
        return fp
    if code_fingerprint is None:
        raise ValidationError("token", "has no HQ key fingerprint: use the whole enrollment code HQ printed "
                                       "(token and fingerprint, 12 groups of 4), or give HQ's fingerprint too")
    return code_fingerprint


def _enrollment_number(value: object) -> int:
    """HQ's count of this device's enrollments, from the signed answer (0 from an HQ that does not send it)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def enroll(outbox: Outbox, transport: SyncProtocol, hq_url: str, token: str, *, replace: bool = False,
           fingerprint: str | None = None, release: bytes | None = None, attempts: int = 2,
           session: Any = None) -> dict[str, Any]:
    """Enroll this device with a one-time enrollment code from HQ and pin HQ's keys; returns the stored enrollment.

    ``token`` is the code HQ printed: the token and the fingerprint of HQ's signing key (a bare token only with
    ``fingerprint``). HQ's keys are pinned only from its signed answer, signed by the key with that fingerprint and
    bound to this device's request; anything else pins nothing. ``replace`` (a supervisor, after HQ released this
    device) needs ``release``: the RELEASE document the currently pinned HQ key signed for this device.

    Raises ConflictError (already enrolled, before the token is spent; or no valid release), PermissionDenied
    (``replace`` by a non-supervisor), ValidationError (no code, no fingerprint, an answer for another request),
    SignatureInvalid (HQ's key does not match the fingerprint, or the answer or release is not signed by it),
    UnsupportedFormat (an unreadable answer), SyncUnavailable (HQ's answer did not arrive: not enrolled) and the
    transport's errors.

    Issue 10, point 11: the request carries a reply key made for it; HQ's answer holds the checkpoint's protection
    key sealed to it (its public half signed in the answer), which ``session``'s store adopts
    (``sync.device.checkpointkey.from_enrollment``). A key that fails its check is not adopted (the device asks
    again at its next sync); the enrollment stands.
    """
    code_token, code_fp = split_enrollment_code(token or "")
    if not code_token:
        raise ValidationError("token", "is required (HQ gives a one-time enrollment code)")
    fp = _fingerprint(code_fp, fingerprint)
    ident = outbox.identity()
    released: dict[str, Any] | None = None
    current = outbox.enrollment()
    if current is not None:
        if not replace:
            raise ConflictError("This device is already enrolled; HQ must revoke it before it enrolls again "
                                "(then enroll with replace).")
        if release is None:
            raise ConflictError("Enrolling again needs the release document that the HQ this device is enrolled "
                                "with signed for it (checkpoint-hq release).")
        released = open_release(release, bytes.fromhex(current["hq_signing_public"]), ident["device_id"])
        outbox.check_reenroll(released)          # supervisor only, checked in the core before the token is spent
    now = outbox.store.clock.now().isoformat()
    reply_private, reply_public = crypto.generate_x25519()      # the checkpoint's key comes back sealed to it
    request = sign_document(ENROLL, {
        "kind": "enroll", "token": code_token, "device_id": ident["device_id"], "store_id": ident["store_id"],
        "checkpoint_name": ident["checkpoint_name"], "station_id": ident["station_id"],
        "signing_public": ident["signing_public"].hex(), "requested_at": now, "reply_key": reply_public.hex()},
        ident["signing_private"])
    answer = _ask(transport, request, max(1, attempts))
    signed = answer.get("answer")
    try:
        blob = bytes.fromhex(signed) if isinstance(signed, str) else b""
    except ValueError:
        blob = b""
    if not blob:
        raise SignatureInvalid("HQ's enrollment answer is not signed: nothing was pinned. This server is not a "
                               "current Checkpoint HQ, or someone stands between this device and HQ.")
    body = open_enroll_answer(blob, fp, ident["device_id"], request)
    outbox.set_enrollment(
        hq_url=hq_url, hq_device_id=body["hq_device_id"], checkpoint_id=body["checkpoint_id"],
        hq_signing_public=body["hq_signing_public"], hq_exchange_public=body["hq_exchange_public"],
        hq_recovery_public=body["hq_recovery_public"], replace=current is not None, fingerprint=fp,
        release=released, hq_enrolled_at=str(body.get("enrolled_at", "")),
        hq_enrollment=_enrollment_number(body.get("enrollment")))
    log.info("enrolled with HQ at %s as %s", hq_url, body["hq_device_id"])
    if session is not None:
        from sync.device.checkpointkey import from_enrollment  # (it imports this module)

        try:
            from_enrollment(session, body, answer, reply_private, request)
        except CheckpointError as e:
            log.warning("the checkpoint's protection key in HQ's answer was not adopted (%s): asked again at the "
                        "next sync", type(e).__name__)
    enrollment = outbox.enrollment()
    assert enrollment is not None
    return enrollment


def change_hq_address(outbox: Outbox, hq_url: str, reason: str) -> str:
    """Sync with HQ at a new address from now on (HQ moved; its pinned keys stay, so an impostor at the new address
    can neither read a batch nor forge an answer). A supervisor only, with a reason (audited). Returns the address
    as stored. Raises ValidationError (not an address, http:// to another computer), PermissionDenied,
    ConflictError (not enrolled)."""
    from sync.device.transport import check_server_url

    url = check_server_url(hq_url)
    outbox.set_hq_url(url, reason)
    log.info("HQ's address changed")
    return url
