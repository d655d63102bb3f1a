"""Issue 10, point 11: one protection key pair per checkpoint, kept by HQ and given to that checkpoint's devices.

Devices seal each event's protection section to their checkpoint's key (and to the writer's own key and HQ's
exchange key); its private half sits in the slots of each device's supervisors, so a supervisor on laptop B opens
what an officer wrote on laptop A. HQ could already open every section with its exchange key: knowing the
checkpoint's key adds no reader.

- Made on first need (the checkpoint's first enrollment, or the first request of a device enrolled before), in the
  caller's transaction; two first requests at once make one key (the loser of the insert reads the winner's).
- Stored sealed: AES-256-GCM under a key derived (HKDF-SHA256) from HQ's signing private key, which lives only in
  the keys directory wrapped by the operator's passphrase (as ``sync.hq.sealed`` seals TOTP secrets), with the
  checkpoint id as associated data (a sealed key copied to another checkpoint's row does not open). A dump of the
  database alone holds no checkpoint key.
- Given only to an enrolled, *active* device, of that checkpoint only (the device row names it), sealed to a reply
  key the device made for that one request: in the enrollment answer, or in a signed CHECKPOINT_KEY document
  answering a signed, dated, single-use request (``answer``). Never in clear on the wire, never logged (the
  journal says which device got which checkpoint's key, by key id).

Raises DeviceUnknown, DeviceRevoked (a revoked device gets nothing), DecryptionFailed (a sealed key that does not
open with HQ's keys: HQ's keys were replaced).
"""

from __future__ import annotations

import base64
import logging
import os
from typing import Any

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from checkpoint import crypto
from checkpoint.clock import Clock
from checkpoint.errors import DecryptionFailed
from sync.hq.checks import text_arg
from sync.hq.keys import HQKeys
from sync.hq.store import HQStore, active_device, add_journal, checkpoint_keys, timestamp
from sync.wire import CHECKPOINT_KEY, seal_answer, sign_document

__all__ = ["answer", "key_for", "wrapping_key"]

log = logging.getLogger("checkpoint.hq")

_PREFIX = "v1:"
_INFO = b"checkpoint hq checkpoint protection keys v1"
_AD = b"checkpoint hq checkpoint key v1|"


def wrapping_key(keys: HQKeys) -> bytes:
    """The 256-bit key that seals checkpoint keys at rest, derived from HQ's signing private key."""
    return HKDF(algorithm=SHA256(), length=32, salt=None, info=_INFO).derive(bytes(keys.signing_private))


def _seal(keys: HQKeys, checkpoint_id: str, private: bytes) -> str:
    nonce = os.urandom(12)
    ct = AESGCM(wrapping_key(keys)).encrypt(nonce, private, _AD + checkpoint_id.encode())
    return _PREFIX + base64.urlsafe_b64encode(nonce + ct).decode("ascii")


def _unseal(keys: HQKeys, checkpoint_id: str, stored: str) -> bytes:
    if not stored.startswith(_PREFIX):
        raise DecryptionFailed("This checkpoint's protection key is not sealed.")
    try:
        blob = base64.urlsafe_b64decode(stored[len(_PREFIX):].encode("ascii"))
        private = AESGCM(wrapping_key(keys)).decrypt(blob[:12], blob[12:], _AD + checkpoint_id.encode())
    except (InvalidTag, ValueError):
        raise DecryptionFailed("This checkpoint's protection key does not open with HQ's keys.") from None
    if len(private) != 32:
        raise DecryptionFailed("This checkpoint's protection key is damaged.")
    return private


def key_for(conn: Connection, keys: HQKeys, clock: Clock, checkpoint_id: str) -> tuple[bytes, bytes]:
    """(private, public) of the checkpoint's protection key, made and stored sealed on first need (in the caller's
    transaction)."""
    q = sa.select(checkpoint_keys.c.sealed_private).where(checkpoint_keys.c.checkpoint_id == checkpoint_id)
    stored = conn.execute(q).scalar_one_or_none()
    if stored is None:
        private, public = crypto.generate_x25519()
        try:
            with conn.begin_nested():
                conn.execute(checkpoint_keys.insert().values(
                    checkpoint_id=checkpoint_id, public=public.hex(),
                    sealed_private=_seal(keys, checkpoint_id, private), created_at=timestamp(clock)))
        except IntegrityError:          # another request made it first: use that one
            stored = conn.execute(q).scalar_one()
        else:
            add_journal(conn, timestamp(clock), "checkpoint_key", "",
                        f"protection key {crypto.key_id(public)} made for checkpoint {checkpoint_id}")
            return private, public
    private = _unseal(keys, checkpoint_id, str(stored))
    return private, crypto.x25519_public(private)


def answer(store: HQStore, keys: HQKeys, clock: Clock, request: dict[str, Any]) -> bytes:
    """The answer to a verified ``checkpoint_key`` request (``sync.hq.pull.check_request``): the key of the
    requesting device's own checkpoint in a signed CHECKPOINT_KEY document, sealed to the request's reply key.
    An unknown or revoked device gets DeviceUnknown / DeviceRevoked (checked again here, in the transaction)."""
    device_id = text_arg(request["device_id"], "device_id")
    with store.write() as conn:
        dev = active_device(conn, device_id)
        private, public = key_for(conn, keys, clock, str(dev.checkpoint_id))
        add_journal(conn, timestamp(clock), "checkpoint_key", device_id,
                    f"protection key {crypto.key_id(public)} of checkpoint {dev.checkpoint_name} sent to the device, "
                    "sealed to it")
    log.info("checkpoint protection key sent to device %s", device_id)
    doc = sign_document(CHECKPOINT_KEY, {"kind": "checkpoint_key", "device_id": device_id,
                                         "checkpoint_id": str(dev.checkpoint_id), "public": public.hex(),
                                         "private": private.hex(), "nonce": request["nonce"],
                                         "issued_at": timestamp(clock)}, keys.signing_private)
    return seal_answer(doc, request)
