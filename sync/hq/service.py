"""The HQ side of sync, in process: one object over HQ's store and keys that enrolls devices, ingests batches,
answers pulls and reference-data requests, and does the operator's calls (tokens, devices, revocation, stats).
Implements ``sync.protocol.SyncProtocol``, so a client can be tested against it without HTTP; ``sync.hq.http``
puts it behind FastAPI.

    >>> hq = HQService(HQStore.open("sqlite:///hq.db"), load_keys("hq-keys", passphrase))     # doctest: +SKIP
    >>> token = hq.issue_token("Poipet", hours=24)     # for the checkpoint's supervisor          # doctest: +SKIP
    >>> hq.enroll(request)          # the device's signed ENROLL request -> HQ's public keys (hex) # doctest: +SKIP
    >>> ack = hq.push(sealed_batch) # -> signed ACK: {event_id: [verdict, note]}                  # doctest: +SKIP

Where the rules are: ``sync.hq.ingest`` (the verdicts: a pure planner and its writer), ``sync.hq.enroll``
(tokens and enrollment), ``sync.hq.pull`` (pull scope, feeds, reference data, request checks), ``sync.hq.replay``
(the nonces seen), ``sync.wire`` (the bytes, signed requests, sealed answers). This module checks a batch before
anything is written and runs each step in one transaction.

Raises (all CheckpointError): UnsupportedFormat, SignatureInvalid, DecryptionFailed (bad bytes), DeviceUnknown,
DeviceRevoked, TokenRejected (AuthError), ConflictError, NotFound, ValidationError, StoreError.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint import crypto
from checkpoint.clock import Clock, SystemClock
from checkpoint.errors import DecryptionFailed, NotFound, SignatureInvalid, StoreError, UnsupportedFormat
from sync.hq import enroll as enrollment
from sync.hq import fastjson
from sync.hq import pull as pulling
from sync.hq.checks import HEX64, clean, text_arg
from sync.hq.facts import record_facts
from sync.hq.ingest import (
    Incoming,
    Ingested,
    plan_ingest,
    read_events,
    read_state,
    resealed,
    stored_ack,
    write_plan,
)
from sync.hq.keys import HQKeys
from sync.hq.replay import NonceBook
from sync.hq.store import (
    HQStore,
    active_device,
    add_journal,
    batches,
    checkpoints,
    conflicts,
    devices,
    events,
    get_meta,
    quarantine,
    set_meta,
    timestamp,
)
from sync.wire import ACK, digest, hq_fingerprint, open_batch, peek_batch_header, sign_document

__all__ = ["HQService", "Ingested", "check_ticket_body"]

log = logging.getLogger("checkpoint.hq")


def check_ticket_body(ticket: dict[str, Any], blob: bytes) -> None:
    """The body a verified push ticket announced: its length, its SHA-256 and its device. Raises
    SignatureInvalid."""
    if len(blob) != ticket["length"] or digest(bytes(blob)) != ticket["sha256"]:
        raise SignatureInvalid("The batch is not the one its push ticket announced (length or SHA-256 differ).")
    if peek_batch_header(blob)["device_id"] != ticket["device_id"]:
        raise SignatureInvalid("The batch is another device's than its push ticket's.")



# Allocations between young collections while a batch is ingested (default 700). A 5,000-event batch's objects
# nearly all live until it is written: at 50,000 the young, middle and old collections scanned them again and again
# (1.1 s of HQ's CPU per 100,000 events pushed; 0.08 s at 1,000,000). Garbage without cycles is freed at once
# whatever the threshold; only cycles wait longer.
_GC_GEN0 = 1_000_000
_gc_lock = threading.Lock()
_gc_saved: list[tuple[int, int, int]] = []
_gc_users = 0


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the young-generation garbage collector less often while a batch is ingested.

    A batch builds tens of thousands of small objects that all live until it is written; with Python's default
    threshold (700) the collector scans them again and again (measured: about 15 % of HQ's CPU per batch). The
    threshold is raised only while at least one batch is being ingested (threads count in) and put back after;
    nothing is disabled, so cycles are still collected."""
    global _gc_users
    with _gc_lock:
        if _gc_users == 0:
            saved = gc.get_threshold()
            _gc_saved[:] = [saved]
            gc.set_threshold(max(saved[0], _GC_GEN0), *saved[1:])
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0 and _gc_saved:
                gc.set_threshold(*_gc_saved.pop())


class HQService:
    """HQ's sync logic over an ``HQStore``. ``keys`` may be None for operator calls that sign nothing (tokens,
    devices, revoke, stats); push, pull, reference and enroll need them."""

    def __init__(self, store: HQStore, keys: HQKeys | None, *, clock: Clock | None = None) -> None:
        self.store = store
        self._keys = keys
        self.clock: Clock = clock or SystemClock()
        self.nonces = NonceBook()
        if keys is not None:
            self._pin_keys(keys)

    @property
    def keys(self) -> HQKeys:
        if self._keys is None:
            raise StoreError("HQ's keys are not loaded: give --keys DIR and the keys' passphrase.")
        return self._keys

    def _pin_keys(self, keys: HQKeys) -> None:
        """The first keys used with a database are recorded in it; other keys are refused (devices pin them).
        The key sealing the dashboard's TOTP secrets is derived from them, and any secret still in plain text (an
        account made before 0008_hq_ops) is sealed now (``sync.hq.sealed``)."""
        from sync.hq.sealed import seal_plain_secrets, totp_key

        with self.store.write() as conn:
            for name, public in (("signing", keys.signing_public), ("exchange", keys.exchange_public),
                                 ("recovery", keys.recovery_public)):
                known = get_meta(conn, f"hq_{name}_public")
                if known is None:
                    set_meta(conn, f"hq_{name}_public", public.hex())
                elif known != public.hex():
                    raise StoreError(
                        f"This database was set up with other HQ keys ({name} key id "
                        f"{crypto.key_id(bytes.fromhex(known))}, given {crypto.key_id(public)}): use the keys "
                        "directory it was set up with.")
            self.store.totp_key = totp_key(keys)
            sealed = seal_plain_secrets(conn, self.store.totp_key)
            if sealed:
                add_journal(conn, timestamp(self.clock), "totp_sealed", "",
                            f"{sealed} dashboard accounts' TOTP secrets sealed with HQ's keys")

    # ------------------------------------------------------------------ enrollment (sync.hq.enroll)
    def signing_public(self, given: bytes | None = None) -> bytes:
        """HQ's signing public key: the loaded keys', else ``given`` (read from hq-keys.json without the
        passphrase), checked against the one this database was set up with. Raises StoreError."""
        key = self._keys.signing_public if self._keys is not None else given
        with self.store.read() as conn:
            known = get_meta(conn, "hq_signing_public")
        if key is None and known is None:
            raise StoreError("HQ's signing key is not known here: give --keys DIR (the keys HQ serves with).")
        if key is not None and known is not None and known != key.hex():
            raise StoreError("These HQ keys are not the ones this database was set up with: use the keys directory "
                             "it was set up with.")
        return key if key is not None else bytes.fromhex(str(known))

    def fingerprint(self, given: bytes | None = None) -> str:
        """The short fingerprint of HQ's signing key that travels with every enrollment code."""
        return hq_fingerprint(self.signing_public(given))

    def issue_token(self, checkpoint_name: str, *, hours: float = 24, signing_public: bytes | None = None) -> str:
        """A one-time enrollment code for a device of ``checkpoint_name``, valid ``hours``: the token (only its
        hash is kept) and the fingerprint of HQ's signing key, as one string (``sync.wire.enrollment_code``).

        >>> hq.issue_token("Poipet")          # doctest: +SKIP
        'K7QX-...-...'
        """
        return enrollment.issue_token(self.store, self.clock, checkpoint_name, hours=hours,
                                      signing_public=self.signing_public(signing_public))

    def enroll(self, request: bytes) -> dict[str, Any]:
        """Enroll a device from its signed ENROLL request; returns HQ's keys in a signed answer bound to the
        request (``answer``). Idempotent for the same device key and token (a lost answer can be asked again).

        Raises UnsupportedFormat / SignatureInvalid (bad request), ValidationError (a field), TokenRejected,
        ConflictError (this device is enrolled and not revoked).
        """
        return enrollment.enroll(self.store, self.keys, self.clock, request)

    # ------------------------------------------------------------------ push (sync.hq.ingest)
    def push(self, sealed_batch: bytes, ticket: bytes | None = None) -> bytes:
        """Ingest a sealed batch; returns HQ's signed acknowledgement (kind ACK). See ``ingest``. A ``ticket``
        (``sync.wire.push_ticket``, what HTTP checks before reading the body) is checked too when given."""
        if ticket is not None:
            check_ticket_body(self.check_request(ticket, "push"), sealed_batch)
        return self.ingest(sealed_batch).ack

    def ingest(self, blob: bytes, *, via: str = "http") -> Ingested:
        """Verify, open and ingest one sealed batch (over HTTP or from a USB file) in one transaction.

        Before anything is written: the device must be enrolled and active (DeviceUnknown, DeviceRevoked), the
        batch sealed to this HQ and signed by that device, every byte intact (UnsupportedFormat,
        DecryptionFailed, SignatureInvalid). A replay returns the stored ack and writes nothing.
        """
        header = peek_batch_header(blob)
        blob = bytes(blob)
        device_id = text_arg(header["device_id"], "device_id")
        batch_id = clean(header["batch_id"], 64)
        prev = header["prev_sha256"]
        if batch_id is None or not batch_id or not (prev == "" or HEX64.fullmatch(prev)):
            raise UnsupportedFormat("The batch header is not valid.")
        sha = digest(blob)
        keys = self.keys
        with self.store.read() as conn:
            dev = active_device(conn, device_id)
            replay = stored_ack(conn, sha)
        if replay is not None:
            return replay
        if header.get("hq_key_id") != crypto.key_id(keys.exchange_public):
            raise DecryptionFailed(f"This batch was sealed to another HQ key (key id {header.get('hq_key_id')!r}); "
                                   f"this HQ's key id is {crypto.key_id(keys.exchange_public)}. Re-enroll the "
                                   "device with this HQ.")
        with fewer_collections():
            # (in a call of its own: the batch's objects are freed when it returns, before the collector's threshold
            # is put back, so no collection scans them once more on the way out)
            return self._open_and_ingest(blob, dev, sha, via)

    def _open_and_ingest(self, blob: bytes, dev: Any, sha: str, via: str) -> Ingested:
        """Open a sealed batch (signature, decryption, each event's checks) and ingest it in its transaction."""
        header, evs = open_batch(blob, self.keys.exchange_private, lambda _d: bytes.fromhex(dev.signing_public),
                                 loads=fastjson.loads_batch)
        incoming = read_events(evs)
        for attempt in (1, 2):
            try:
                with self.store.write() as conn:
                    return self._ingest(conn, header, sha, incoming, via, dev.signing_public)
            except sa.exc.IntegrityError:
                # A concurrent push of the same batch committed first: answer with its ack.
                if attempt == 2:
                    raise
                log.info("batch %s: concurrent duplicate push, answering with the stored ack", header["batch_id"])
        raise AssertionError("unreachable")

    def _ingest(self, conn: Connection, header: dict[str, Any], sha: str, incoming: tuple[Incoming, ...],
                via: str, verified_with: str) -> Ingested:
        """One batch in its write transaction: a replay is answered as before, anything else is planned and
        written (``sync.hq.ingest``)."""
        device_id, batch_id = header["device_id"], header["batch_id"]
        dev = active_device(conn, device_id, lock=True)
        if dev.signing_public != verified_with:       # re-enrolled with another key while this batch was opened
            raise SignatureInvalid("The device's key changed while this batch was being checked; send it again.")
        replay = stored_ack(conn, sha)
        if replay is not None:
            return replay
        known = conn.execute(sa.select(batches).where(batches.c.batch_id == batch_id)).first()
        if known is not None:
            return resealed(conn, known, sha, incoming, device_id, self.keys.signing_public)
        plan = plan_ingest(header, sha, incoming, read_state(conn, dev, incoming), now=timestamp(self.clock),
                           via=via)
        ack = sign_document(ACK, plan.ack_document(self.keys.signing_private), self.keys.signing_private)
        write_plan(conn, plan, ack)
        record_facts(conn, plan)                  # the reporting projection (sync.hq.facts)
        from sync.hq import operator  # (not at the top: it imports the dashboard's audit trail)

        operator.after_batch(conn, plan)          # events waiting for their person: noted, or released now
        return Ingested(batch_id, device_id, sha, ack, plan.counts, chain_ok=plan.chain_ok,
                        chain_note=plan.chain_note)

    # ------------------------------------------------------------------ pull and reference (sync.hq.pull)
    def check_request(self, request: bytes, kind: str, admit: Callable[[str], None] | None = None
                      ) -> dict[str, Any]:
        """Verify a signed request ("pull", "reference") or push ticket ("push"): enrolled active device, signature,
        fresh, nonce never seen (``sync.hq.pull.check_request``). Returns its body.

        Raises UnsupportedFormat, DeviceUnknown, DeviceRevoked, SignatureInvalid, StaleRequest, ReplayedRequest,
        ValidationError.
        """
        return pulling.check_request(self.store, self.clock, self.nonces, request, kind, admit)

    def pull(self, request: bytes) -> bytes:
        """Events of this checkpoint's persons written by other devices, after the request's cursor: the signed
        PULL document sealed to the request's reply key. See ``check_request`` for what is refused."""
        return self.answer_pull(self.check_request(request, "pull"))

    def answer_pull(self, checked: dict[str, Any]) -> bytes:
        """The sealed answer to a pull request ``check_request`` verified."""
        return pulling.pull(self.store, self.keys, self.clock, checked)

    def reference(self, request: bytes) -> bytes:
        """Signed reference data (kind REFERENCE: its version, revoked devices, code-list overrides), sealed to the
        request's reply key. See ``check_request`` for what is refused."""
        return self.answer_reference(self.check_request(request, "reference"))

    def answer_reference(self, checked: dict[str, Any]) -> bytes:
        """The sealed answer to a reference request ``check_request`` verified."""
        return pulling.reference(self.store, self.keys, self.clock, checked)

    def fetch(self, request: bytes) -> bytes:
        """Issue 12: a record a device minimised, back for its supervisor (``sync.hq.fetchback``), journalled."""
        return self.answer_fetch(self.check_request(request, "fetch"))

    def answer_fetch(self, checked: dict[str, Any]) -> bytes:
        """The sealed answer to a fetch-back request ``check_request`` verified."""
        from sync.hq.fetchback import fetch_back

        return fetch_back(self.store, self.keys, self.clock, checked)

    def checkpoint_key(self, request: bytes) -> bytes:
        """Issue 10, point 11: the requesting device's checkpoint protection key, signed and sealed to the request's
        reply key (``sync.hq.checkpointkeys``); an unknown or revoked device gets nothing."""
        return self.answer_checkpoint_key(self.check_request(request, "checkpoint_key"))

    def answer_checkpoint_key(self, checked: dict[str, Any]) -> bytes:
        """The sealed answer to a checkpoint-key request ``check_request`` verified."""
        from sync.hq import checkpointkeys

        return checkpointkeys.answer(self.store, self.keys, self.clock, checked)

    def link(self, person_id: str, checkpoint_name: str, reason: str) -> dict[str, Any]:
        """Link a checkpoint to a person registered elsewhere (``sync.hq.pull.link_person``): audited; it gets the
        person's events only while the person consents to sharing. Raises NotFound, ValidationError."""
        return pulling.link_person(self.store, self.clock, person_id, checkpoint_name, reason)

    # ------------------------------------------------------------------ operator
    def quarantined(self, *, device_id: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
        """What HQ set aside, newest first: device, batch, event id, sequence number, reason, when (no raw copy)."""
        q = sa.select(quarantine.c.device_id, quarantine.c.batch_id, quarantine.c.event_id, quarantine.c.device_seq,
                      quarantine.c.reason, quarantine.c.received_at).order_by(quarantine.c.id.desc())
        if device_id is not None:
            q = q.where(quarantine.c.device_id == text_arg(device_id, "device_id"))
        with self.store.read() as conn:
            return [dict(r) for r in conn.execute(q.limit(max(1, min(limit, 10_000)))).mappings()]

    def is_device(self, device_id: str) -> bool:
        """Whether HQ knows this device id (enrolled now or before). Never raises for odd input."""
        if clean(device_id, 64) is None:
            return False
        with self.store.read() as conn:
            return conn.execute(sa.select(devices.c.device_id).where(devices.c.device_id == device_id)).first() \
                is not None

    def devices(self) -> list[dict[str, Any]]:
        """Every device HQ knows, newest enrollment first, with what HQ holds from each."""
        with self.store.read() as conn:
            q = sa.select(events.c.device_id, sa.func.count()).where(events.c.status == "held")
            held: dict[str, int] = {str(d): int(n) for d, n in conn.execute(q.group_by(events.c.device_id)).all()}
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
        device_id = text_arg(device_id, "device_id")
        reason = text_arg(reason, "reason", 500)
        with self.store.write() as conn:
            dev = conn.execute(sa.select(devices).where(devices.c.device_id == device_id).with_for_update()).first()
            if dev is None:
                raise NotFound(f"No device {device_id} is enrolled here.")
            if dev.status != "revoked":
                now = timestamp(self.clock)
                conn.execute(devices.update().where(devices.c.device_id == device_id)
                             .values(status="revoked", revoked_at=now, revoke_reason=reason))
                conn.execute(sa.text("UPDATE counters SET value = value + 1 WHERE name = 'reference'"))
                add_journal(conn, now, "revoke", device_id, f"revoked: {reason}" if reason else "revoked")
                log.warning("device %s revoked", device_id)
        return {"device_id": device_id, "status": "revoked"}

    def release(self, device_id: str, reason: str = "") -> bytes:
        """Revoke a device and sign the RELEASE document that alone lets it enroll again elsewhere
        (``sync.hq.enroll.release``). Raises NotFound."""
        return enrollment.release(self.store, self.keys, self.clock, device_id, reason)

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
