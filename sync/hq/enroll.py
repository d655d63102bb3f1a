"""Enrollment: one-time tokens and the device's signed ENROLL request.

A device enrolls with a one-time token (stored hashed, single use, with an expiry, bound to a checkpoint). An
enrolled, active device id cannot enroll again: HQ revokes it first (revocation never deletes anything
received); a revoked device may then enroll again with a fresh token (same or new key).

    >>> token = issue_token(store, clock, "Poipet", hours=24)   # for the checkpoint's supervisor  # doctest: +SKIP
    >>> enroll(store, keys, clock, request)     # -> HQ's public keys (hex), which the device pins  # doctest: +SKIP

Raises UnsupportedFormat / SignatureInvalid (a bad request), ValidationError, TokenRejected, ConflictError.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import secrets
import struct
import uuid
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.clock import Clock
from checkpoint.errors import ConflictError, NotFound, UnsupportedFormat, ValidationError
from sync.errors import TokenRejected
from sync.hq.checks import text_arg
from sync.hq.keys import HQKeys
from sync.hq.store import HQStore, add_journal, checkpoints, devices, enroll_tokens, timestamp
from sync.wire import ENROLL, open_signed

__all__ = ["MAX_ENROLL_BYTES", "MAX_TOKEN_HOURS", "enroll", "issue_token", "normalize_token", "token_hash"]

log = logging.getLogger("checkpoint.hq")

MAX_ENROLL_BYTES = 64 * 1024
MAX_TOKEN_HOURS = 24 * 30


def normalize_token(token: str) -> str:
    """A token as typed (any case, spaces or dashes) in the one form HQ hashes."""
    return re.sub(r"[\s-]+", "", token).upper()


def token_hash(token: str) -> str:
    """What HQ stores of a token: never the token itself."""
    return hashlib.sha256(b"checkpoint enroll token v1|" + normalize_token(token).encode()).hexdigest()


def issue_token(store: HQStore, clock: Clock, checkpoint_name: str, *, hours: float = 24) -> str:
    """A one-time enrollment token for a device of ``checkpoint_name``, valid ``hours``; only its hash is kept."""
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
    return token


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
        body = json.loads(blob[8:8 + n])
    except (ValueError, UnicodeDecodeError):
        raise UnsupportedFormat("The enrollment request is not readable.") from None
    if not isinstance(body, dict):
        raise UnsupportedFormat("The enrollment request is not valid.")
    return body


def _request(request: bytes) -> tuple[dict[str, str], bytes]:
    """The checked fields of an ENROLL request and the device's signing key (the request verifies with it)."""
    body = _peek_document(ENROLL, request, MAX_ENROLL_BYTES)
    try:
        public = bytes.fromhex(str(body.get("signing_public", "")))
    except ValueError:
        public = b""
    if len(public) != 32:
        raise ValidationError("signing_public", "must be a 32-byte Ed25519 public key in hex")
    body = open_signed(ENROLL, bytes(request), public)
    fields = {"token": text_arg(body.get("token"), "token", 200),
              "device_id": text_arg(body.get("device_id"), "device_id"),
              "store_id": text_arg(body.get("store_id"), "store_id"),
              "checkpoint_name": text_arg(body.get("checkpoint_name"), "checkpoint_name", 80),
              "station_id": text_arg(body.get("station_id", ""), "station_id", 80)}
    if not fields["device_id"].strip() or not fields["store_id"].strip():
        raise ValidationError("device_id", "is required")
    return fields, public


def _usable_token(conn: Connection, token: str, cp_name: str, now: datetime) -> Any:
    tok = conn.execute(sa.select(enroll_tokens, checkpoints.c.name.label("cp_name"), checkpoints.c.name_key)
                       .join(checkpoints, checkpoints.c.id == enroll_tokens.c.checkpoint_id)
                       .where(enroll_tokens.c.token_hash == token_hash(token))).first()
    if tok is None:
        raise TokenRejected("unknown", "This enrollment token is not known to HQ: check it, or ask for a new one.")
    if tok.used_at:
        raise TokenRejected("used", "This enrollment token was already used: each token enrolls one device. Ask "
                                    "HQ for a new one.")
    if datetime.fromisoformat(tok.expires_at) <= now:
        raise TokenRejected("expired", f"This enrollment token expired on {tok.expires_at[:16]}: ask HQ for a new "
                                       "one.")
    if " ".join(cp_name.split()).casefold() != tok.name_key:
        raise TokenRejected("wrong_checkpoint", f"This enrollment token was issued for checkpoint {tok.cp_name!r}, "
                                                f"not for {cp_name!r}.")
    return tok


def enroll(store: HQStore, keys: HQKeys, clock: Clock, request: bytes) -> dict[str, Any]:
    """Enroll a device from its signed ENROLL request; returns HQ's public keys (hex) for it to pin.

    The request proves possession of the device key (it verifies with the key it carries).
    """
    req, public = _request(request)
    device_id = req["device_id"]
    now = clock.now()
    with store.write() as conn:
        tok = _usable_token(conn, req["token"], req["checkpoint_name"], now)
        dev = conn.execute(sa.select(devices).where(devices.c.device_id == device_id).with_for_update()).first()
        values = {"store_id": req["store_id"], "checkpoint_id": tok.checkpoint_id, "checkpoint_name": tok.cp_name,
                  "station_id": req["station_id"], "signing_public": public.hex(), "status": "active",
                  "enrolled_at": timestamp(clock), "revoked_at": "", "revoke_reason": ""}
        if dev is None:
            conn.execute(devices.insert().values(device_id=device_id, enrollments=1, **values))
            add_journal(conn, timestamp(clock), "enroll", device_id, f"enrolled at checkpoint {tok.cp_name}")
        elif dev.status == "active":
            raise ConflictError("This device is already enrolled. HQ must revoke it before it enrolls again.")
        else:
            conn.execute(devices.update().where(devices.c.device_id == device_id)
                         .values(enrollments=dev.enrollments + 1, **values))
            conn.execute(sa.text("UPDATE counters SET value = value + 1 WHERE name = 'reference'"))
            same = "kept" if dev.signing_public == public.hex() else "changed"
            add_journal(conn, timestamp(clock), "enroll", device_id, f"enrolled again at checkpoint {tok.cp_name} "
                                                                     f"after revocation; key {same}")
        conn.execute(enroll_tokens.update().where(enroll_tokens.c.token_hash == tok.token_hash)
                     .values(used_at=timestamp(clock), used_by=device_id))
    log.info("device %s enrolled at checkpoint %s", device_id, tok.cp_name)
    return {"hq_device_id": device_id, "checkpoint_id": tok.checkpoint_id,
            "hq_signing_public": keys.signing_public.hex(), "hq_exchange_public": keys.exchange_public.hex(),
            "hq_recovery_public": keys.recovery_public.hex()}
