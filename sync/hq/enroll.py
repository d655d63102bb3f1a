"""Enrollment: one-time tokens and the device's signed ENROLL request.

A device enrolls with a one-time token (stored hashed, single use, with an expiry, bound to a checkpoint). An
enrolled, active device id cannot enroll again: HQ revokes it first (revocation never deletes anything
received); a revoked device may then enroll again with a fresh token (same or new key). The device itself moves
to another HQ only with a RELEASE document HQ signs (``release``), which also revokes it here.

What HQ hands out is an enrollment *code*: the token followed by the fingerprint of HQ's signing key
(``sync.wire.enrollment_code``), so the device can tell HQ's signed answer from a relay's. HQ's answer is an
ENROLL_ANSWER document signed by HQ, bound to the device id and the request's SHA-256.

    >>> code = issue_token(store, clock, "Poipet", hours=24, signing_public=keys.signing_public)  # doctest: +SKIP
    >>> enroll(store, keys, clock, request)     # -> {"answer": signed ENROLL_ANSWER (hex), ...}  # doctest: +SKIP
    >>> release(store, keys, clock, device_id)  # -> signed RELEASE document (bytes)               # doctest: +SKIP

Raises UnsupportedFormat / SignatureInvalid (a bad request), ValidationError, TokenRejected, ConflictError.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import secrets
import struct
import uuid
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint import jsondepth
from checkpoint.clock import Clock
from checkpoint.errors import ConflictError, NotFound, UnsupportedFormat, ValidationError
from sync.errors import TokenRejected
from sync.hq.checkpointkeys import key_for
from sync.hq.checks import text_arg
from sync.hq.keys import HQKeys
from sync.hq.store import HQStore, add_journal, checkpoints, devices, enroll_tokens, timestamp
from sync.wire import (
    ENROLL,
    ENROLL_ANSWER,
    RELEASE,
    enrollment_code,
    open_signed,
    request_digest,
    seal_enroll_key,
    sign_document,
    split_enrollment_code,
)

__all__ = ["MAX_ENROLL_BYTES", "MAX_TOKEN_HOURS", "enroll", "issue_token", "normalize_token", "release", "token_hash"]

log = logging.getLogger("checkpoint.hq")

MAX_ENROLL_BYTES = 64 * 1024
MAX_TOKEN_HOURS = 24 * 30


def normalize_token(token: str) -> str:
    """A token as typed (any case, spaces or dashes) in the one form HQ hashes."""
    return re.sub(r"[\s-]+", "", token).upper()


def token_hash(token: str) -> str:
    """What HQ stores of a token: never the token itself."""
    return hashlib.sha256(b"checkpoint enroll token v1|" + normalize_token(token).encode()).hexdigest()


def issue_token(store: HQStore, clock: Clock, checkpoint_name: str, *, hours: float = 24,
                signing_public: bytes) -> str:
    """A one-time enrollment code for a device of ``checkpoint_name``, valid ``hours``: the token (only its hash
    is kept) followed by the fingerprint of HQ's signing key ``signing_public``, as one string to type."""
    name = text_arg(checkpoint_name, "checkpoint", 80).strip()
    if not name:
        raise ValidationError("checkpoint", "is required")
    if isinstance(hours, bool) or not isinstance(hours, int | float) or not 0 < hours <= MAX_TOKEN_HOURS:
        raise ValidationError("hours", f"must be more than 0 and at most {MAX_TOKEN_HOURS}")
    raw = base64.b32encode(secrets.token_bytes(20)).decode()
    token = "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))
    now = clock.now()
    with store.write() as conn:
        cp = checkpoint_id(conn, clock, name, create=True)
        conn.execute(enroll_tokens.insert().values(
            token_hash=token_hash(token), checkpoint_id=cp, created_at=now.isoformat(timespec="seconds"),
            expires_at=(now + timedelta(hours=hours)).isoformat(timespec="seconds")))
        add_journal(conn, timestamp(clock), "token", "", f"enrollment token issued for checkpoint {name}, "
                                                         f"{hours:g} h")
    return enrollment_code(token, signing_public)


def checkpoint_id(conn: Connection, clock: Clock, name: str, *, create: bool) -> str:
    """The id of the checkpoint called ``name`` (case and spacing ignored); created if asked. Raises NotFound."""
    key = " ".join(name.split()).casefold()
    cid = conn.execute(sa.select(checkpoints.c.id).where(checkpoints.c.name_key == key)).scalar_one_or_none()
    if cid is None:
        if not create:
            raise NotFound(f"No checkpoint named {name!r}.")
        cid = str(uuid.uuid4())
        conn.execute(checkpoints.insert().values(id=cid, name=name, name_key=key, created_at=timestamp(clock)))
    return str(cid)


def _peek_document(kind: tuple[bytes, bytes], blob: Any, limit: int) -> dict[str, Any]:
    """The body of a signed document before its signature is checked (to find the key to check it with)."""
    if not isinstance(blob, bytes | bytearray) or len(blob) > limit:
        raise UnsupportedFormat("This is not a Checkpoint enrollment request (or it is too large).")
    blob = bytes(blob)
    if blob[:4] != kind[0] or len(blob) < 8:
        raise UnsupportedFormat("This is not a Checkpoint enrollment request.")
    (n,) = struct.unpack(">I", blob[4:8])
    if len(blob) < 8 + n:
        raise UnsupportedFormat("The enrollment request is cut short.")
    try:
        body = jsondepth.loads(blob[8:8 + n])
    except (ValueError, UnicodeDecodeError):          # TooDeep is a ValueError
        raise UnsupportedFormat("The enrollment request is not readable.") from None
    if not isinstance(body, dict):
        raise UnsupportedFormat("The enrollment request is not valid.")
    return body


def _request(request: bytes) -> tuple[dict[str, str], bytes, bytes | None]:
    """The checked fields of an ENROLL request, the device's signing key (the request verifies with it) and the
    reply key the checkpoint's protection key is sealed to (None from older devices)."""
    body = _peek_document(ENROLL, request, MAX_ENROLL_BYTES)
    try:
        public = bytes.fromhex(str(body.get("signing_public", "")))
    except ValueError:
        public = b""
    if len(public) != 32:
        raise ValidationError("signing_public", "must be a 32-byte Ed25519 public key in hex")
    body = open_signed(ENROLL, bytes(request), public)
    reply = _reply_key(body)
    fields = {"token": text_arg(body.get("token"), "token", 200),
              "device_id": text_arg(body.get("device_id"), "device_id"),
              "store_id": text_arg(body.get("store_id"), "store_id"),
              "checkpoint_name": text_arg(body.get("checkpoint_name"), "checkpoint_name", 80),
              "station_id": text_arg(body.get("station_id", ""), "station_id", 80)}
    if not fields["device_id"].strip() or not fields["store_id"].strip():
        raise ValidationError("device_id", "is required")
    return fields, public, reply


def _used() -> TokenRejected:
    return TokenRejected("used", "This enrollment token was already used: each token enrolls one device. Ask HQ for "
                                 "a new one.")


def _known_token(conn: Connection, token: str) -> Any:
    tok = conn.execute(sa.select(enroll_tokens, checkpoints.c.name.label("cp_name"), checkpoints.c.name_key)
                       .join(checkpoints, checkpoints.c.id == enroll_tokens.c.checkpoint_id)
                       .where(enroll_tokens.c.token_hash == token_hash(token))).first()
    if tok is None:
        raise TokenRejected("unknown", "This enrollment token is not known to HQ: check it, or ask for a new one.")
    return tok


def _usable_token(conn: Connection, tok: Any, cp_name: str, now: datetime) -> Any:
    if tok.used_at:
        raise _used()
    if datetime.fromisoformat(tok.expires_at) <= now:
        raise TokenRejected("expired", f"This enrollment token expired on {tok.expires_at[:16]}: ask HQ for a new "
                                       "one.")
    if " ".join(cp_name.split()).casefold() != tok.name_key:
        raise TokenRejected("wrong_checkpoint", f"This enrollment token was issued for checkpoint {tok.cp_name!r}, "
                                                f"not for {cp_name!r}.")
    return tok


def _answer(keys: HQKeys, request: bytes, device_id: str, checkpoint_id: str, checkpoint_name: str,
            enrolled_at: str, enrollment: int, cp_key: tuple[bytes, bytes] | None = None,
            reply_key: bytes | None = None) -> dict[str, Any]:
    """HQ's answer: its keys inside a document signed by its signing key and bound to this request (device id and
    the request's SHA-256). Deterministic (Ed25519 signatures are), so the same request gets the same bytes again.
    The loose hex fields beside it are what devices before signed answers read.

    Issue 10, point 11: to a request that carries a reply key, the checkpoint's protection key too: its public half
    inside the signed document, its private half beside it sealed to that reply key (``checkpoint_key``)."""
    body = {"kind": "enroll_answer", "device_id": device_id, "request_sha256": request_digest(request),
            "hq_device_id": device_id, "checkpoint_id": checkpoint_id, "checkpoint_name": checkpoint_name,
            "enrolled_at": enrolled_at, "enrollment": enrollment, "hq_signing_public": keys.signing_public.hex(),
            "hq_exchange_public": keys.exchange_public.hex(), "hq_recovery_public": keys.recovery_public.hex()}
    if cp_key is not None and reply_key is not None:
        body["checkpoint_public"] = cp_key[1].hex()
    signed = sign_document(ENROLL_ANSWER, body, keys.signing_private)
    out = {"hq_device_id": device_id, "checkpoint_id": checkpoint_id,
           "hq_signing_public": keys.signing_public.hex(), "hq_exchange_public": keys.exchange_public.hex(),
           "hq_recovery_public": keys.recovery_public.hex(), "answer": signed.hex()}
    if cp_key is not None and reply_key is not None:
        out["checkpoint_key"] = seal_enroll_key(cp_key[0], reply_key, request).hex()
    return out


def _reply_key(body: dict[str, Any]) -> bytes | None:
    """The X25519 reply key an ENROLL request carries (devices before issue 10 point 11 send none)."""
    raw = body.get("reply_key")
    if raw is None:
        return None
    try:
        key = bytes.fromhex(text_arg(raw, "reply_key", 64))
    except ValueError:
        key = b""
    if len(key) != 32:
        raise ValidationError("reply_key", "must be a 32-byte X25519 public key in hex")
    return key


def _same_enrollment(conn: Connection, tok: Any, device_id: str, public: bytes) -> Any:
    """The device row if ``tok`` already enrolled this very device with this very key and that enrollment still
    stands (the device asks again because HQ's answer was lost on the way), else None."""
    if tok.used_by != device_id:
        return None
    dev = conn.execute(sa.select(devices).where(devices.c.device_id == device_id)).first()
    if dev is None or dev.status != "active" or dev.signing_public != public.hex() \
            or dev.enrolled_at != tok.used_at or dev.checkpoint_id != tok.checkpoint_id:
        return None
    return dev


def enroll(store: HQStore, keys: HQKeys, clock: Clock, request: bytes) -> dict[str, Any]:
    """Enroll a device from its signed ENROLL request; returns HQ's keys in a signed answer (``answer``, hex of an
    ENROLL_ANSWER document) for it to check against the fingerprint it was given, and pin.

    The request proves possession of the device key (it verifies with the key it carries). The token is claimed
    with one conditional UPDATE (``... WHERE used_at = ''``): of concurrent requests with one token, exactly one
    enrolls. Idempotent: the same device with the same key and token gets the same answer again (its first
    answer may have been lost on the way); HQ changes nothing but a journal line.
    """
    req, public, reply = _request(request)
    device_id = req["device_id"]
    token, _fingerprint = split_enrollment_code(req["token"])
    now = clock.now()
    ts = timestamp(clock)
    with store.write() as conn:
        tok = _known_token(conn, token)
        again = _same_enrollment(conn, tok, device_id, public) if tok.used_at else None
        if again is None:
            tok = _usable_token(conn, tok, req["checkpoint_name"], now)
            claimed = conn.execute(enroll_tokens.update()
                                   .where(enroll_tokens.c.token_hash == tok.token_hash, enroll_tokens.c.used_at == "")
                                   .values(used_at=ts, used_by=device_id)).rowcount
            if claimed != 1:            # another request took it between our read and this update
                tok = _known_token(conn, token)
                again = _same_enrollment(conn, tok, device_id, public)
                if again is None:
                    raise _used()
        if again is not None:
            add_journal(conn, ts, "enroll", device_id, "enrollment answer sent again (same device, key and token)")
            log.info("device %s asked again for its enrollment answer", device_id)
            return _answer(keys, request, device_id, tok.checkpoint_id, tok.cp_name, again.enrolled_at,
                           again.enrollments, key_for(conn, keys, clock, tok.checkpoint_id) if reply else None, reply)
        dev = conn.execute(sa.select(devices).where(devices.c.device_id == device_id).with_for_update()).first()
        values = {"store_id": req["store_id"], "checkpoint_id": tok.checkpoint_id, "checkpoint_name": tok.cp_name,
                  "station_id": req["station_id"], "signing_public": public.hex(), "status": "active",
                  "enrolled_at": ts, "revoked_at": "", "revoke_reason": ""}
        number = 1 if dev is None else dev.enrollments + 1     # with enrolled_at, names this enrollment for good
        if dev is None:
            conn.execute(devices.insert().values(device_id=device_id, enrollments=1, **values))
            add_journal(conn, ts, "enroll", device_id, f"enrolled at checkpoint {tok.cp_name}")
        elif dev.status == "active":
            raise ConflictError("This device is already enrolled. HQ must revoke it before it enrolls again.")
        else:
            conn.execute(devices.update().where(devices.c.device_id == device_id)
                         .values(enrollments=dev.enrollments + 1, **values))
            conn.execute(sa.text("UPDATE counters SET value = value + 1 WHERE name = 'reference'"))
            same = "kept" if dev.signing_public == public.hex() else "changed"
            add_journal(conn, ts, "enroll", device_id, f"enrolled again at checkpoint {tok.cp_name} "
                                                       f"after revocation; key {same}")
        cp_key = key_for(conn, keys, clock, tok.checkpoint_id) if reply else None   # made with the first device
    log.info("device %s enrolled at checkpoint %s", device_id, tok.cp_name)
    return _answer(keys, request, device_id, tok.checkpoint_id, tok.cp_name, ts, number, cp_key, reply)


def release(store: HQStore, keys: HQKeys, clock: Clock, device_id: str, reason: str = "") -> bytes:
    """Revoke a device (if it is not already) and sign a RELEASE document for it: with it, and only with it, the
    device may enroll again (``enroll --replace --release FILE``), here or with another HQ. Raises NotFound."""
    device_id = text_arg(device_id, "device_id")
    reason = text_arg(reason, "reason", 500)
    ts = timestamp(clock)
    with store.write() as conn:
        dev = conn.execute(sa.select(devices).where(devices.c.device_id == device_id).with_for_update()).first()
        if dev is None:
            raise NotFound(f"No device {device_id} is enrolled here.")
        if dev.status != "revoked":
            conn.execute(devices.update().where(devices.c.device_id == device_id)
                         .values(status="revoked", revoked_at=ts, revoke_reason=reason or "released"))
            conn.execute(sa.text("UPDATE counters SET value = value + 1 WHERE name = 'reference'"))
            add_journal(conn, ts, "revoke", device_id, f"revoked to release it: {reason}" if reason else
                        "revoked to release it")
        add_journal(conn, ts, "release", device_id, f"release document signed: {reason}" if reason else
                    "release document signed")
    log.warning("device %s released", device_id)
    return sign_document(RELEASE, {"kind": "release", "device_id": device_id, "released_at": ts, "reason": reason,
                                   "enrolled_at": dev.enrolled_at, "enrollment": dev.enrollments,
                                   "hq_signing_public": keys.signing_public.hex()},
                         keys.signing_private)
