"""The HQ side of sync, in process: enrollment, batch ingest with per-event verdicts, pull, reference data, and the
operator's calls (tokens, devices, revocation, stats). Implements ``sync.protocol.SyncProtocol``, so a client can
be tested against it without HTTP; ``sync.hq.http`` puts it behind FastAPI.

    >>> hq = HQService(HQStore.open("sqlite:///hq.db"), load_keys("hq-keys", passphrase))     # doctest: +SKIP
    >>> token = hq.issue_token("Poipet", hours=24)                        # given to the checkpoint's supervisor
    >>> hq.enroll(request)          # the device's signed ENROLL request -> HQ's public keys (hex)
    >>> ack = hq.push(sealed_batch) # -> signed ACK: {event_id: [verdict, note]}

Ingest rules (DESIGN.md §4), one transaction per batch:

- same event id and same hash: ``duplicate`` (no-op); same id, different hash: ``conflict`` (the second copy is
  kept in ``conflicts``, never overwrites);
- a malformed event, a hash that does not match, an unknown type, or a device sequence number already used by
  another event (a device restored from a backup): ``quarantined`` with the reason, stored, never blocking the
  rest; its sequence number still counts as received;
- a gap in the device's sequence: ``held`` (stored, not visible to pull) until the gap fills, then released in
  that later batch's transaction; else ``accepted``.
- a replayed batch (same digest, or same batch id re-sealed with the same events) gets the very same ack bytes.
- a batch whose ``prev_sha256`` is not the device's previous batch is taken, flagged and journaled.

Enrollment: a device enrolls with a one-time token (stored hashed, single use, with an expiry, bound to a
checkpoint). An enrolled, active device id cannot enroll again: HQ revokes it first (revocation never deletes
anything received); a revoked device may then enroll again with a fresh token (same or new key).

Pull scope: a device gets the events of other devices about the persons its checkpoint's devices wrote about
(person events only; its own events never), including what HQ held about a person before the checkpoint first
wrote about them. Held, quarantined and conflicting events are never pulled.

Pull and reference requests carry a proof: ``crypto.sign(device_private, message, context=PULL_PROOF_CONTEXT)``
with message ``f"{device_id}|{cursor}"`` (pull) or ``f"{device_id}|reference"`` (reference; a cursor-less pull
proof ``f"{device_id}|"`` is accepted too). ``pull_proof``/``reference_proof`` build them.

Raises (all CheckpointError): UnsupportedFormat, SignatureInvalid, DecryptionFailed (bad bytes), DeviceUnknown,
DeviceRevoked, TokenRejected (AuthError), ConflictError, NotFound, ValidationError, StoreError.
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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint import crypto
from checkpoint.clock import Clock, SystemClock
from checkpoint.errors import (
    AuthError,
    CheckpointError,
    ConflictError,
    DecryptionFailed,
    NotFound,
    SignatureInvalid,
    StoreError,
    UnsupportedFormat,
    ValidationError,
)
from checkpoint.events import EVENT_TYPES, WIRE_FIELDS, event_hash
from sync.batch import ACK, ENROLL, PULL, REFERENCE, digest, open_batch, open_signed, peek_batch_header, sign_document
from sync.protocol import VERDICTS
from sync.hq.keys import HQKeys
from sync.hq.store import (
    HQStore,
    batch_digests,
    batches,
    checkpoint_entities,
    checkpoints,
    conflicts,
    devices,
    enroll_tokens,
    events,
    journal,
    pull_feed,
    quarantine,
)

__all__ = ["PULL_PROOF_CONTEXT", "DeviceRevoked", "DeviceUnknown", "HQService", "Ingested", "TokenRejected",
           "pull_proof", "reference_proof"]

log = logging.getLogger("checkpoint.hq")

PULL_PROOF_CONTEXT = b"checkpoint pull request v1"
MAX_PULL_EVENTS = 5000
MAX_PULL_BYTES = 16 * 1024 * 1024
MAX_ENROLL_BYTES = 64 * 1024
MAX_TOKEN_HOURS = 24 * 30
MAX_PAYLOAD = 1024 * 1024
MAX_RAW_KEPT = 2 * 1024 * 1024
_IN_CHUNK = 2000
_SEQ_MAX = 2**62


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


# ------------------------------------------------------------------------------------------------ device side
def pull_proof(device_id: str, cursor: str, signing_private: bytes) -> bytes:
    """The proof a device sends with a pull: its signature over ``device_id|cursor``."""
    return crypto.sign(signing_private, f"{device_id}|{cursor}".encode(), context=PULL_PROOF_CONTEXT)


def reference_proof(device_id: str, signing_private: bytes) -> bytes:
    """The proof a device sends with a reference-data request: its signature over ``device_id|reference``."""
    return crypto.sign(signing_private, f"{device_id}|reference".encode(), context=PULL_PROOF_CONTEXT)


def normalize_token(token: str) -> str:
    return re.sub(r"[\s-]+", "", token).upper()


def token_hash(token: str) -> str:
    return hashlib.sha256(b"checkpoint enroll token v1|" + normalize_token(token).encode()).hexdigest()


# ------------------------------------------------------------------------------------------------ checks
_HEX64 = re.compile(r"[0-9a-f]{64}")
_HLC = re.compile(r"[0-9]{15}\.[0-9]{6}")
_CURSOR = re.compile(r"[0-9]{1,18}")
_STR_LIMITS = {"id": 64, "device_id": 64, "entity_type": 32, "entity_id": 64, "type": 64, "author": 64,
               "hlc": 32, "content_version": 64, "recorded_at": 40, "prev_hash": 64, "hash": 64}


def _clean(value: Any, limit: int) -> str | None:
    """``value`` if it is a string both databases can store (no NUL, valid UTF-8, not too long), else None."""
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return value


def _arg(value: Any, name: str, limit: int = 64) -> str:
    s = _clean(value, limit)
    if s is None:
        raise ValidationError(name, f"must be text of at most {limit} characters")
    return s


def _seq_of(raw: Mapping[str, Any]) -> int | None:
    s = raw.get("device_seq")
    return s if isinstance(s, int) and not isinstance(s, bool) and 1 <= s < _SEQ_MAX else None


def check_event(raw: Any) -> tuple[dict[str, Any] | None, str]:
    """An event as HQ stores it (WIRE_FIELDS only), or (None, reason to quarantine it)."""
    if not isinstance(raw, dict):
        return None, "malformed: not an object"
    missing = [k for k in WIRE_FIELDS if k not in raw]
    if missing:
        return None, f"malformed: lacks {', '.join(missing)}"
    for k, limit in _STR_LIMITS.items():
        v = raw[k]
        if not isinstance(v, str) or len(v) > limit:
            return None, f"malformed: {k} is not text of at most {limit} characters"
    if _seq_of(raw) is None:
        return None, "malformed: device_seq is not a positive integer"
    payload = raw["payload"]
    if not isinstance(payload, str) or len(payload) > MAX_PAYLOAD:
        return None, "malformed: payload is not text of at most 1 MiB"
    # One pass over all the text: no NUL (PostgreSQL text cannot hold it) and valid UTF-8 (no lone surrogate).
    if _clean("".join([*(raw[k] for k in _STR_LIMITS), payload]), 70 * MAX_PAYLOAD) is None:
        return None, "malformed: a text field holds a NUL or is not valid UTF-8"
    try:
        parsed = json.loads(payload)
    except ValueError:
        return None, "malformed: payload is not JSON"
    if not isinstance(parsed, dict):
        return None, "malformed: payload is not a JSON object"
    for k in ("hash", "prev_hash"):
        if not _HEX64.fullmatch(raw[k]):
            return None, f"malformed: {k} is not a SHA-256"
    if not _HLC.fullmatch(raw["hlc"]):
        return None, "malformed: hlc is not a hybrid logical clock value"
    try:
        uuid.UUID(raw["id"])
    except ValueError:
        return None, "malformed: id is not a UUID"
    ev = {k: raw[k] for k in WIRE_FIELDS}
    if event_hash(ev) != ev["hash"]:
        return None, "hash mismatch: the event's content does not match its hash"
    if ev["type"] not in EVENT_TYPES:
        return None, f"unknown event type {ev['type'][:64]!r}: kept until HQ understands it"
    return ev, ""


def _raw_text(raw: Any) -> tuple[str, str]:
    text = json.dumps(raw, sort_keys=True, ensure_ascii=True, default=repr)
    return text[:MAX_RAW_KEPT], hashlib.sha256(text.encode()).hexdigest()


def _chunks(items: list[Any], n: int = _IN_CHUNK) -> Iterable[list[Any]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


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


# ------------------------------------------------------------------------------------------------ results
@dataclass(frozen=True)
class Ingested:
    """What ``HQService.ingest`` did with one batch. ``ack`` is the signed acknowledgement to send back."""

    batch_id: str
    device_id: str
    sha256: str
    ack: bytes = field(repr=False)
    counts: dict[str, int]
    replay: bool = False
    chain_ok: bool = True
    chain_note: str = ""


@dataclass
class _Prepared:
    key: str                       # the id the ack names the event by
    ev: dict[str, Any] | None      # clean event, or None when quarantined on shape/hash/type
    reason: str
    seq: int | None
    raw: Any


# ------------------------------------------------------------------------------------------------ the service
class HQService:
    """HQ's sync logic over an ``HQStore``. ``keys`` may be None for operator calls that sign nothing (tokens,
    devices, revoke, stats); push, pull, reference and enroll need them."""

    def __init__(self, store: HQStore, keys: HQKeys | None, *, clock: Clock | None = None) -> None:
        self.store = store
        self._keys = keys
        self.clock: Clock = clock or SystemClock()
        if keys is not None:
            self._pin_keys(keys)

    # ------------------------------------------------------------------ helpers
    @property
    def keys(self) -> HQKeys:
        if self._keys is None:
            raise StoreError("HQ's keys are not loaded: give --keys DIR and the keys' passphrase.")
        return self._keys

    def _now(self) -> str:
        return self.clock.now().isoformat(timespec="milliseconds")

    def _pin_keys(self, keys: HQKeys) -> None:
        """The first keys used with a database are recorded in it; other keys are refused (devices pin them)."""
        with self.store.write() as conn:
            for name, public in (("signing", keys.signing_public), ("exchange", keys.exchange_public),
                                 ("recovery", keys.recovery_public)):
                known = self.store.get_meta(conn, f"hq_{name}_public")
                if known is None:
                    self.store.set_meta(conn, f"hq_{name}_public", public.hex())
                elif known != public.hex():
                    raise StoreError(
                        f"This database was set up with other HQ keys ({name} key id "
                        f"{crypto.key_id(bytes.fromhex(known))}, given {crypto.key_id(public)}): use the keys "
                        "directory it was set up with.")

    def _journal(self, conn: Connection, kind: str, device_id: str, message: str) -> None:
        conn.execute(journal.insert().values(at=self._now(), kind=kind, device_id=device_id, message=message[:2000]))

    @staticmethod
    def _active_device(conn: Connection, device_id: str, *, lock: bool = False) -> Any:
        q = sa.select(devices).where(devices.c.device_id == device_id)
        if lock:
            q = q.with_for_update()
        dev = conn.execute(q).first()
        if dev is None:
            raise DeviceUnknown("This device is not enrolled with HQ: enroll it with a one-time token first.")
        if dev.status != "active":
            raise DeviceRevoked(f"HQ revoked this device on {dev.revoked_at[:10]}; it cannot sync. Its data is "
                                "kept; ask HQ for a new enrollment token.")
        return dev

    # ------------------------------------------------------------------ enrollment
    def issue_token(self, checkpoint_name: str, *, hours: float = 24) -> str:
        """A one-time enrollment token for a device of ``checkpoint_name``, valid ``hours``; only its hash is kept.

        >>> hq.issue_token("Poipet")          # doctest: +SKIP
        'K7QX-...'
        """
        name = _arg(checkpoint_name, "checkpoint", 80).strip()
        if not name:
            raise ValidationError("checkpoint", "is required")
        if isinstance(hours, bool) or not isinstance(hours, int | float) or not 0 < hours <= MAX_TOKEN_HOURS:
            raise ValidationError("hours", f"must be more than 0 and at most {MAX_TOKEN_HOURS}")
        raw = base64.b32encode(secrets.token_bytes(20)).decode()
        token = "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))
        now = self.clock.now()
        with self.store.write() as conn:
            cp = self._checkpoint(conn, name, create=True)
            conn.execute(enroll_tokens.insert().values(
                token_hash=token_hash(token), checkpoint_id=cp, created_at=now.isoformat(timespec="seconds"),
                expires_at=(now + timedelta(hours=hours)).isoformat(timespec="seconds")))
            self._journal(conn, "token", "", f"enrollment token issued for checkpoint {name}, {hours:g} h")
        return token

    def _checkpoint(self, conn: Connection, name: str, *, create: bool) -> str:
        key = " ".join(name.split()).casefold()
        cid = conn.execute(sa.select(checkpoints.c.id).where(checkpoints.c.name_key == key)).scalar_one_or_none()
        if cid is None:
            if not create:
                raise NotFound(f"No checkpoint named {name!r}.")
            cid = str(uuid.uuid4())
            conn.execute(checkpoints.insert().values(id=cid, name=name, name_key=key, created_at=self._now()))
        return str(cid)

    def enroll(self, request: bytes) -> dict[str, Any]:
        """Enroll a device from its signed ENROLL request; returns HQ's public keys (hex) for it to pin.

        The request proves possession of the device key (it verifies with the key it carries). Raises
        UnsupportedFormat / SignatureInvalid (bad request), ValidationError (a field), TokenRejected,
        ConflictError (this device is enrolled and not revoked).
        """
        body = _peek_document(ENROLL, request, MAX_ENROLL_BYTES)
        try:
            public = bytes.fromhex(str(body.get("signing_public", "")))
        except ValueError:
            public = b""
        if len(public) != 32:
            raise ValidationError("signing_public", "must be a 32-byte Ed25519 public key in hex")
        body = open_signed(ENROLL, bytes(request), public)
        token = _arg(body.get("token"), "token", 200)
        device_id = _arg(body.get("device_id"), "device_id")
        store_id = _arg(body.get("store_id"), "store_id")
        cp_name = _arg(body.get("checkpoint_name"), "checkpoint_name", 80)
        station = _arg(body.get("station_id", ""), "station_id", 80)
        if not device_id.strip() or not store_id.strip():
            raise ValidationError("device_id", "is required")
        keys = self.keys
        now = self.clock.now()
        with self.store.write() as conn:
            tok = conn.execute(sa.select(enroll_tokens, checkpoints.c.name.label("cp_name"), checkpoints.c.name_key)
                               .join(checkpoints, checkpoints.c.id == enroll_tokens.c.checkpoint_id)
                               .where(enroll_tokens.c.token_hash == token_hash(token))).first()
            if tok is None:
                raise TokenRejected("unknown", "This enrollment token is not known to HQ: check it, or ask for a "
                                               "new one.")
            if tok.used_at:
                raise TokenRejected("used", "This enrollment token was already used: each token enrolls one "
                                            "device. Ask HQ for a new one.")
            if datetime.fromisoformat(tok.expires_at) <= now:
                raise TokenRejected("expired", f"This enrollment token expired on {tok.expires_at[:16]}: ask HQ "
                                               "for a new one.")
            if " ".join(cp_name.split()).casefold() != tok.name_key:
                raise TokenRejected("wrong_checkpoint", f"This enrollment token was issued for checkpoint "
                                                        f"{tok.cp_name!r}, not for {cp_name!r}.")
            dev = conn.execute(sa.select(devices).where(devices.c.device_id == device_id).with_for_update()).first()
            values = {"store_id": store_id, "checkpoint_id": tok.checkpoint_id, "checkpoint_name": tok.cp_name,
                      "station_id": station, "signing_public": public.hex(), "status": "active",
                      "enrolled_at": self._now(), "revoked_at": "", "revoke_reason": ""}
            if dev is None:
                conn.execute(devices.insert().values(device_id=device_id, enrollments=1, **values))
                self._journal(conn, "enroll", device_id, f"enrolled at checkpoint {tok.cp_name}")
            elif dev.status == "active":
                raise ConflictError("This device is already enrolled. HQ must revoke it before it enrolls again.")
            else:
                conn.execute(devices.update().where(devices.c.device_id == device_id)
                             .values(enrollments=dev.enrollments + 1, **values))
                conn.execute(sa.text("UPDATE counters SET value = value + 1 WHERE name = 'reference'"))
                same = "kept" if dev.signing_public == public.hex() else "changed"
                self._journal(conn, "enroll", device_id, f"enrolled again at checkpoint {tok.cp_name} after "
                                                         f"revocation; key {same}")
            conn.execute(enroll_tokens.update().where(enroll_tokens.c.token_hash == tok.token_hash)
                         .values(used_at=self._now(), used_by=device_id))
        log.info("device %s enrolled at checkpoint %s", device_id, tok.cp_name)
        return {"hq_device_id": device_id, "checkpoint_id": tok.checkpoint_id,
                "hq_signing_public": keys.signing_public.hex(), "hq_exchange_public": keys.exchange_public.hex(),
                "hq_recovery_public": keys.recovery_public.hex()}

    # ------------------------------------------------------------------ push
    def push(self, sealed_batch: bytes) -> bytes:
        """Ingest a sealed batch; returns HQ's signed acknowledgement (kind ACK). See ``ingest``."""
        return self.ingest(sealed_batch).ack

    def ingest(self, blob: bytes, *, via: str = "http") -> Ingested:
        """Verify, open and ingest one sealed batch (over HTTP or from a USB file) in one transaction.

        Before anything is written: the device must be enrolled and active (DeviceUnknown, DeviceRevoked), the
        batch sealed to this HQ and signed by that device, every byte intact (UnsupportedFormat,
        DecryptionFailed, SignatureInvalid). A replay returns the stored ack and writes nothing.
        """
        header = peek_batch_header(blob)
        blob = bytes(blob)
        device_id = _arg(header["device_id"], "device_id")
        batch_id = _clean(header["batch_id"], 64)
        prev = header["prev_sha256"]
        if batch_id is None or not batch_id or not (prev == "" or _HEX64.fullmatch(prev)):
            raise UnsupportedFormat("The batch header is not valid.")
        sha = digest(blob)
        keys = self.keys
        with self.store.read() as conn:
            dev = self._active_device(conn, device_id)
            replay = self._stored_ack(conn, sha)
        if replay is not None:
            return replay
        if header.get("hq_key_id") != crypto.key_id(keys.exchange_public):
            raise DecryptionFailed(f"This batch was sealed to another HQ key (key id {header.get('hq_key_id')!r}); "
                                   f"this HQ's key id is {crypto.key_id(keys.exchange_public)}. Re-enroll the "
                                   "device with this HQ.")
        header, evs = open_batch(blob, keys.exchange_private, lambda _d: bytes.fromhex(dev.signing_public))
        prepared: list[_Prepared] = []
        for i, raw in enumerate(evs):
            ev, reason = check_event(raw)
            eid = raw.get("id") if isinstance(raw, dict) else None
            key = eid if isinstance(eid, str) and _clean(eid, 200) else f"#{i}"
            prepared.append(_Prepared(key, ev, reason, _seq_of(raw) if isinstance(raw, dict) else None, raw))
        for attempt in (1, 2):
            try:
                with self.store.write() as conn:
                    return self._ingest(conn, header, sha, prepared, via, dev.signing_public)
            except sa.exc.IntegrityError:
                # A concurrent push of the same batch committed first: answer with its ack.
                if attempt == 2:
                    raise
                log.info("batch %s: concurrent duplicate push, answering with the stored ack", batch_id)
        raise AssertionError("unreachable")

    def _stored_ack(self, conn: Connection, sha: str) -> Ingested | None:
        row = conn.execute(sa.select(batches).join(batch_digests, batch_digests.c.batch_id == batches.c.batch_id)
                           .where(batch_digests.c.sha256 == sha)).first()
        if row is None:
            return None
        return Ingested(row.batch_id, row.device_id, sha, bytes(row.ack), json.loads(row.verdicts), replay=True,
                        chain_ok=row.chain_ok, chain_note=row.chain_note)

    def _ingest(self, conn: Connection, header: dict[str, Any], sha: str, prepared: list[_Prepared],
                via: str, verified_with: str) -> Ingested:
        device_id, batch_id = header["device_id"], header["batch_id"]
        dev = self._active_device(conn, device_id, lock=True)
        if dev.signing_public != verified_with:       # re-enrolled with another key while this batch was opened
            raise SignatureInvalid("The device's key changed while this batch was being checked; send it again.")
        replay = self._stored_ack(conn, sha)
        if replay is not None:
            return replay
        known = conn.execute(sa.select(batches).where(batches.c.batch_id == batch_id)).first()
        if known is not None:
            return self._resealed(conn, known, sha, prepared, device_id)
        now = self._now()

        # --- the chain of batches: flag, never refuse (a device restored from a backup restarts it)
        chain_ok, chain_note = True, ""
        last = conn.execute(sa.select(batches.c.batch_id).where(batches.c.batch_id == dev.last_batch_id)).first()
        expected = {""} if last is None else set(conn.execute(
            sa.select(batch_digests.c.sha256).where(batch_digests.c.batch_id == last.batch_id)).scalars())
        if header["prev_sha256"] not in expected:
            chain_ok = False
            chain_note = (f"batch chain break: the batch names previous batch {header['prev_sha256'][:16] or '(none)'}"
                          f", HQ's last batch from this device is {dev.last_batch_id or '(none)'} (restored from a "
                          "backup?)")
        if header.get("store_id") != dev.store_id:
            chain_ok = False
            chain_note = (chain_note + "; " if chain_note else "") + "the batch names another store id"

        # --- what HQ already has: one query per chunk of ids, not one per event
        ids = list({p.ev["id"] for p in prepared if p.ev is not None})
        existing: dict[str, str] = {}
        for chunk in _chunks(ids):
            existing.update(conn.execute(sa.select(events.c.id, events.c.hash)
                                         .where(events.c.id.in_(chunk))).all())
        w0 = int(dev.contiguous_seq)
        held_rows = conn.execute(sa.select(events.c.device_seq, events.c.id, events.c.entity_type,
                                           events.c.entity_id).where(
            events.c.device_id == device_id, events.c.device_seq > w0)).all()   # held: all of them
        held_db = {int(r.device_seq): str(r.id) for r in held_rows}
        held_entity = {str(r.id): (str(r.entity_type), str(r.entity_id)) for r in held_rows}
        quarantined_db = set(conn.execute(sa.select(quarantine.c.device_seq).where(
            quarantine.c.device_id == device_id, quarantine.c.device_seq > w0)).scalars())

        verdicts: dict[str, list[str]] = {}
        new_events: list[dict[str, Any]] = []
        q_rows: list[dict[str, Any]] = []
        c_rows: list[dict[str, Any]] = []
        seen_ids: dict[str, str] = {}
        taken = set(held_db) | quarantined_db        # sequence numbers above w0 already used
        seen = set(taken)                            # ... and those this batch adds
        # Events HQ quarantined before and now sees again (in another batch): same answer, no second row.
        again = [p.ev["id"] for p in prepared if p.ev is not None and p.ev["id"] not in existing
                 and (p.ev["device_seq"] <= w0 or p.ev["device_seq"] in taken)]
        known_bad: dict[str, str] = {}
        for chunk in _chunks(again):
            known_bad.update(conn.execute(sa.select(quarantine.c.event_id, quarantine.c.reason).where(
                quarantine.c.device_id == device_id, quarantine.c.event_id.in_(chunk))).all())

        def quarantine_it(p: _Prepared, reason: str) -> None:
            raw, raw_sha = _raw_text(p.raw)
            q_rows.append({"device_id": device_id, "batch_id": batch_id, "event_id": p.key[:200],
                           "device_seq": p.seq, "reason": reason[:2000], "raw": raw, "raw_sha256": raw_sha,
                           "received_at": now})
            verdicts.setdefault(p.key, ["quarantined", reason[:500]])

        for p in sorted(prepared, key=lambda p: p.seq if p.seq is not None else _SEQ_MAX):
            ev = p.ev
            if ev is None:
                quarantine_it(p, p.reason)
                if p.seq is not None and p.seq > w0:
                    seen.add(p.seq)
                continue
            eid, h = ev["id"], ev["hash"]
            have = existing.get(eid, seen_ids.get(eid))
            if have is not None:
                if have == h:
                    verdicts.setdefault(eid, ["duplicate", "already at HQ"])
                else:
                    c_rows.append({"event_id": eid, "device_id": device_id, "batch_id": batch_id, "hash": h,
                                   "existing_hash": have, "raw": _raw_text(ev)[0], "received_at": now})
                    verdicts.setdefault(eid, ["conflict", "HQ holds another event with this id and different "
                                                          "content; both are kept for a supervisor"])
                continue
            seq = ev["device_seq"]
            if eid in known_bad:
                verdicts.setdefault(eid, ["quarantined", f"already in quarantine: {known_bad[eid]}"[:500]])
                continue
            if seq <= w0 or seq in taken:
                quarantine_it(p, f"sequence number {seq} of this device is already used by another event (device "
                                 "restored from a backup?)")
                continue
            taken.add(seq)
            seen.add(seq)
            seen_ids[eid] = h
            new_events.append(ev)

        # --- the device's contiguous sequence: what it fills is accepted (and releases what was held)
        w = w0
        while w + 1 in seen:
            w += 1
        released = sorted((s, i) for s, i in held_db.items() if s <= w)
        entity = {**held_entity, **{e["id"]: (e["entity_type"], e["entity_id"]) for e in new_events}}
        visible = [eid for _s, eid in sorted([(s, i) for s, i in released] +
                                             [(e["device_seq"], e["id"]) for e in new_events if e["device_seq"] <= w])]
        feed = self._feed(conn, dev.checkpoint_id, new_events, visible, entity)
        first = self.store.reserve(conn, "ingest_seq", len(visible) + len(feed)) if visible or feed else 0
        ingest_seq = {eid: first + n for n, eid in enumerate(visible)}
        self.store.bulk_insert(conn, pull_feed, [{"checkpoint_id": c, "seq": first + len(visible) + n, "event_id": i}
                                                 for n, (c, i) in enumerate(feed)])

        rows = []
        for ev in new_events:
            accepted = ev["device_seq"] <= w
            rows.append({**ev, "status": "accepted" if accepted else "held", "ingest_seq": ingest_seq.get(ev["id"]),
                         "batch_id": batch_id, "received_at": now, "released_at": ""})
            verdicts[ev["id"]] = (["accepted", ""] if accepted else
                                  ["held", f"kept; waiting for event {w + 1} of this device before it is applied"])
        self.store.bulk_insert(conn, events, rows)
        if released:
            conn.execute(events.update().where(events.c.id == sa.bindparam("b_id"))
                         .values(status="accepted", ingest_seq=sa.bindparam("b_seq"), released_at=now),
                         [{"b_id": i, "b_seq": ingest_seq[i]} for _s, i in released])
        if q_rows:
            conn.execute(self.store.insert_ignore(quarantine), q_rows)
        if c_rows:
            conn.execute(self.store.insert_ignore(conflicts), c_rows)

        counts = dict.fromkeys(VERDICTS, 0)
        for v, _note in verdicts.values():
            counts[v] += 1
        counts["released"] = len(released)
        ack = sign_document(ACK, {"kind": "ack", "batch_id": batch_id, "batch_sha256": sha, "device_id": device_id,
                                  "verdicts": verdicts, "issued_at": now}, self.keys.signing_private)
        conn.execute(batches.insert().values(
            batch_id=batch_id, device_id=device_id, sha256=sha, prev_sha256=header["prev_sha256"],
            first_seq=header["first_seq"] if 0 <= header["first_seq"] < _SEQ_MAX else 0,
            last_seq=header["last_seq"] if 0 <= header["last_seq"] < _SEQ_MAX else 0,
            count=len(prepared), received_at=now, via=via[:16], chain_ok=chain_ok, chain_note=chain_note,
            verdicts=json.dumps(counts, sort_keys=True), ack=ack))
        conn.execute(batch_digests.insert().values(sha256=sha, batch_id=batch_id))
        conn.execute(devices.update().where(devices.c.device_id == device_id)
                     .values(contiguous_seq=w, last_batch_id=batch_id, last_seen_at=now))
        if not chain_ok:
            self._journal(conn, "chain_break", device_id, f"batch {batch_id}: {chain_note}")
            log.warning("device %s batch %s: %s", device_id, batch_id, chain_note)
        if released:
            self._journal(conn, "released", device_id, f"batch {batch_id} filled a gap: {len(released)} held "
                                                       "events released")
        return Ingested(batch_id, device_id, sha, ack, counts, chain_ok=chain_ok, chain_note=chain_note)

    def _feed(self, conn: Connection, checkpoint_id: str, new_events: list[dict[str, Any]], visible: list[str],
              entity: dict[str, tuple[str, str]]) -> list[tuple[str, str]]:
        """(checkpoint, event id) rows to append to the pull feeds, oldest first; records the persons this
        checkpoint now writes about.

        A person this checkpoint writes about for the first time brings along what HQ already holds about them
        (the backlog); every event that becomes visible now goes to each checkpoint that follows its person."""
        persons = {e["entity_id"] for e in new_events if e["entity_type"] == "person"}
        shown = {entity[i][1] for i in visible if entity[i][0] == "person"}
        followers: dict[str, set[str]] = {}
        for chunk in _chunks(sorted(persons | shown)):        # one query per chunk for both questions
            for cp, ent in conn.execute(sa.select(checkpoint_entities.c.checkpoint_id, checkpoint_entities.c.entity_id)
                                        .where(checkpoint_entities.c.entity_id.in_(chunk))):
                followers.setdefault(str(ent), set()).add(str(cp))
        joined = sorted(p for p in persons if checkpoint_id not in followers.get(p, ()))
        # Only a person another checkpoint already follows can have events HQ has shown: a new person has none.
        with_backlog = [p for p in joined if followers.get(p)]
        feed: list[tuple[str, str]] = []
        for chunk in _chunks(with_backlog):
            backlog = conn.execute(sa.select(events.c.id).where(
                events.c.entity_id.in_(chunk), events.c.entity_type == "person",
                events.c.ingest_seq.is_not(None)).order_by(events.c.ingest_seq)).scalars()
            feed += [(checkpoint_id, str(i)) for i in backlog]
        self.store.bulk_insert(conn, checkpoint_entities, [{"checkpoint_id": checkpoint_id, "entity_id": p}
                                                           for p in joined])
        for p in joined:
            followers.setdefault(p, set()).add(checkpoint_id)
        for i in visible:
            kind, ent = entity[i]
            if kind == "person":
                feed += [(cp, i) for cp in sorted(followers.get(ent, ()))]
        return feed

    def _resealed(self, conn: Connection, known: Any, sha: str, prepared: list[_Prepared], device_id: str
                  ) -> Ingested:
        """The same batch id sealed again (a device re-seals an unacknowledged batch): the same events get the
        same ack; other events under a known batch id are refused."""
        body = open_signed(ACK, bytes(known.ack), self.keys.signing_public)
        if known.device_id != device_id or {p.key for p in prepared} != set(body["verdicts"]):
            raise ConflictError(f"Batch {known.batch_id} is already at HQ with other events: a device must not reuse "
                                "a batch id. Nothing was written.")
        conn.execute(batch_digests.insert().values(sha256=sha, batch_id=known.batch_id))
        return Ingested(known.batch_id, known.device_id, sha, bytes(known.ack), json.loads(known.verdicts),
                        replay=True, chain_ok=known.chain_ok, chain_note=known.chain_note)

    # ------------------------------------------------------------------ pull and reference
    def _check_proof(self, dev: Any, messages: Iterable[str], proof: Any) -> None:
        if not isinstance(proof, bytes | bytearray) or len(proof) > 1024:
            raise SignatureInvalid("The request's proof is missing or malformed.")
        public = bytes.fromhex(dev.signing_public)
        for m in messages:
            try:
                crypto.verify(public, m.encode(), bytes(proof), context=PULL_PROOF_CONTEXT)
                return
            except SignatureInvalid:
                continue
            except (UnsupportedFormat, ValidationError):
                break
        raise SignatureInvalid("The request's proof does not verify with this device's enrolled key.")

    def pull(self, device_id: str, cursor: str, limit: int, proof: bytes) -> bytes:
        """Events of this checkpoint's persons written by other devices, after ``cursor``; signed (kind PULL).

        ``cursor`` is "" or the ``next_cursor`` of the previous answer (a position in this checkpoint's feed, see
        ``sync.hq.store``); at most ``limit`` events (capped at 5,000 and 16 MiB of payload); ``more`` says
        whether to ask again at once. Raises DeviceUnknown, DeviceRevoked, SignatureInvalid, ValidationError.
        """
        device_id = _arg(device_id, "device_id")
        cursor = _arg(cursor, "cursor", 20)
        if cursor and not _CURSOR.fullmatch(cursor):
            raise ValidationError("cursor", "is not a cursor HQ gave")
        after = int(cursor) if cursor else 0
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValidationError("limit", "must be a positive integer")
        limit = min(limit, MAX_PULL_EVENTS)
        with self.store.read() as conn:
            dev = self._active_device(conn, device_id)
            self._check_proof(dev, [f"{device_id}|{cursor}"], proof)
            top = self.store.counter(conn, "ingest_seq")
            cols = [events.c[k] for k in WIRE_FIELDS] + [pull_feed.c.seq]
            rows = conn.execute(
                sa.select(*cols).select_from(pull_feed).join(events, events.c.id == pull_feed.c.event_id)
                .where(pull_feed.c.checkpoint_id == dev.checkpoint_id, pull_feed.c.seq > after,
                       pull_feed.c.seq <= top, events.c.device_id != device_id)
                .order_by(pull_feed.c.seq).limit(limit + 1)).all()
        more = len(rows) > limit
        out: list[dict[str, Any]] = []
        size = 0
        for r in rows[:limit]:
            size += len(r.payload) + 600
            if out and size > MAX_PULL_BYTES:
                more = True
                break
            out.append({k: getattr(r, k) for k in WIRE_FIELDS})
        # Nothing more to see: jump to the top so the next pull does not rescan other checkpoints' events.
        next_cursor = str(rows[len(out) - 1].seq) if more else (str(top) if top > after else cursor)
        return sign_document(PULL, {"kind": "pull", "device_id": device_id, "cursor": cursor,
                                    "next_cursor": next_cursor, "more": more, "events": out,
                                    "issued_at": self._now()}, self.keys.signing_private)

    def reference(self, device_id: str, proof: bytes) -> bytes:
        """Signed reference data (kind REFERENCE): its version, revoked devices, code-list overrides (none yet)."""
        device_id = _arg(device_id, "device_id")
        with self.store.read() as conn:
            dev = self._active_device(conn, device_id)
            self._check_proof(dev, [f"{device_id}|reference", f"{device_id}|"], proof)
            version = self.store.counter(conn, "reference")
            revoked = sorted(conn.execute(sa.select(devices.c.device_id)
                                          .where(devices.c.status == "revoked")).scalars())
        return sign_document(REFERENCE, {"kind": "reference", "version": version, "revoked_devices": revoked,
                                         "lists": {}, "issued_at": self._now()}, self.keys.signing_private)

    # ------------------------------------------------------------------ operator
    def is_device(self, device_id: str) -> bool:
        """Whether HQ knows this device id (enrolled now or before). Never raises for odd input."""
        if _clean(device_id, 64) is None:
            return False
        with self.store.read() as conn:
            return conn.execute(sa.select(devices.c.device_id).where(devices.c.device_id == device_id)).first() \
                is not None

    def devices(self) -> list[dict[str, Any]]:
        """Every device HQ knows, newest enrollment first, with what HQ holds from each."""
        with self.store.read() as conn:
            q = sa.select(events.c.device_id, sa.func.count()).where(events.c.status == "held")
            held: dict[str, int] = dict(conn.execute(q.group_by(events.c.device_id)).all())
            rows = conn.execute(sa.select(devices).order_by(devices.c.enrolled_at.desc())).mappings().all()
        out = []
        for r in rows:
            d = dict(r)
            d["signing_key_id"] = crypto.key_id(bytes.fromhex(d.pop("signing_public")))
            d["held"] = held.get(d["device_id"], 0)
            out.append(d)
        return out

    def revoke(self, device_id: str, reason: str = "") -> dict[str, Any]:
        """Revoke a device: it can no longer push or pull. Nothing it sent is deleted. Raises NotFound."""
        device_id = _arg(device_id, "device_id")
        reason = _arg(reason, "reason", 500)
        with self.store.write() as conn:
            dev = conn.execute(sa.select(devices).where(devices.c.device_id == device_id).with_for_update()).first()
            if dev is None:
                raise NotFound(f"No device {device_id} is enrolled here.")
            if dev.status != "revoked":
                conn.execute(devices.update().where(devices.c.device_id == device_id)
                             .values(status="revoked", revoked_at=self._now(), revoke_reason=reason))
                conn.execute(sa.text("UPDATE counters SET value = value + 1 WHERE name = 'reference'"))
                self._journal(conn, "revoke", device_id, f"revoked: {reason}" if reason else "revoked")
                log.warning("device %s revoked", device_id)
        return {"device_id": device_id, "status": "revoked"}

    def stats(self) -> dict[str, int]:
        """Counts: persons (distinct registered), events, devices, quarantined, held, conflicts, and more."""
        c = sa.func.count
        with self.store.read() as conn:
            def one(q: Any) -> int:
                return int(conn.execute(q).scalar_one())
            return {
                "persons": one(sa.select(sa.func.count(sa.distinct(events.c.entity_id)))
                               .where(events.c.type == "registration.recorded")),
                "events": one(sa.select(c()).select_from(events)),
                "devices": one(sa.select(c()).select_from(devices)),
                "devices_revoked": one(sa.select(c()).select_from(devices).where(devices.c.status == "revoked")),
                "quarantined": one(sa.select(c()).select_from(quarantine)),
                "held": one(sa.select(c()).select_from(events).where(events.c.status == "held")),
                "conflicts": one(sa.select(c()).select_from(conflicts)),
                "batches": one(sa.select(c()).select_from(batches)),
                "checkpoints": one(sa.select(c()).select_from(checkpoints)),
            }

    def health(self) -> dict[str, Any]:
        """A cheap check that the database answers; raises StoreError if it does not."""
        try:
            with self.store.read() as conn:
                conn.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError:
            raise StoreError("The HQ database does not answer.") from None
        out: dict[str, Any] = {"status": "ok"}
        if self._keys is not None:
            out["hq_signing_key_id"] = crypto.key_id(self._keys.signing_public)
            out["hq_exchange_key_id"] = crypto.key_id(self._keys.exchange_public)
        return out


def error_status(e: CheckpointError) -> int:
    """The HTTP status for a typed error (used by the app and documented in its OpenAPI schema)."""
    if isinstance(e, DeviceUnknown | DeviceRevoked | TokenRejected):
        return 403
    if isinstance(e, SignatureInvalid | AuthError):
        return 401
    if isinstance(e, ConflictError):
        return 409
    if isinstance(e, NotFound):
        return 404
    if isinstance(e, StoreError):
        return 503
    return 400
