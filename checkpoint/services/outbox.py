"""The device side of sync, without any transport: which events go to HQ in which batch, what HQ said about
each one, events pulled from HQ, and the enrollment HQ gave this device. ``sync`` builds on this.

    >>> ob = Outbox(session)                       # a supervisor's (or admin's) session   # doctest: +SKIP
    >>> batch = ob.next_batch(max_events=5000)     # the unacknowledged batch again, or a new one
    >>> ...seal, send, verify HQ's signed ack...
    >>> ob.apply_ack(batch.id, verdicts)           # only from a verified ack

Nothing here deletes an event. An event leaves 'pending' only into a batch, and leaves its batch only when a
verified acknowledgement says HQ holds it (accepted, duplicate, held for a gap, quarantined or in conflict:
HQ keeps all of them and says why).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checkpoint import crypto, jsondepth
from checkpoint.errors import ConflictError, NotFound, PermissionDenied, StoreError, ValidationError
from checkpoint.events import (
    CHAIN_HEAD_CONTEXT,
    EVENT_ENTITY,
    EVENT_TYPES,
    HLC,
    HQ_DECISION_TYPE,
    SITE_TYPES,
    VERDICTS,
    WIRE_FIELDS,
    canonical_json,
    event_hash,
    event_refs,
    hq_decision_problem,
    site_problem,
    travel_problem,
)
from checkpoint.model.roles import Permission, Role
from checkpoint.partner_stages import HQ_DEVICE_ID
from checkpoint.services import protection
from checkpoint.services.chainhead import HQ_HEAD_META, hq_head
from checkpoint.services.session import Session
from checkpoint.storage.projections import apply_event
from checkpoint.storage.store import Store, insert_event

if TYPE_CHECKING:
    import sqlite_utils  # imported by checkpoint.storage.db first, which swaps in SQLCipher

__all__ = ["Batch", "Outbox"]

_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Batch:
    id: str
    first_seq: int
    last_seq: int
    events: tuple[dict[str, Any], ...]
    prev_sha256: str
    state: str


# Where each kind of record lives on a device, and its person column (checkpoint.events.RECORD_KINDS).
_TABLES = {"person": ("persons", "id"), "encounter": ("encounters", "person_id"),
           "trafficking_screening": ("trafficking_screenings", "person_id"),
           "tb_screening": ("tb_screenings", "person_id"), "referral": ("referrals", "person_id"),
           "conflict": ("conflicts", "person_id")}
_TABLES["queue_entry"] = ("queue_entries", "person_id")        # group arrivals (issue 11)
_TABLES["assistance"] = ("assistance", "person_id")              # issue 13
_TABLES["nea_registration"] = ("nea_registrations", "person_id")


def _held_key(raw: Any) -> str:
    """The id a held event is kept under: its own when it has a usable one, else a digest of what arrived."""
    eid = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(eid, str) and 0 < len(eid) <= 64:
        return eid
    text = json.dumps(raw, sort_keys=True, default=str) if not jsondepth.too_deep(raw) else f"<deep {type(raw)}>"
    return "unreadable:" + hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()


def wire_event(ev: dict[str, Any]) -> dict[str, Any]:
    """An event as it travels: its immutable fields, payload as JSON text (the hash covers exactly these)."""
    return {k: ev[k] for k in WIRE_FIELDS}


class Outbox:
    """Sync bookkeeping for one signed-in supervisor or admin (PermissionDenied for other roles)."""

    def __init__(self, session: Session) -> None:
        # One of the session's service areas, built from its package-internal Context (the store connection, the
        # user, the key file). Built explicitly, not as ``session.outbox``: only sync roles get one.
        ctx = session._ctx
        if not ctx.may(Permission.SYNC):
            raise PermissionDenied("Only a supervisor or an administrator may sync.")
        self._ctx = ctx

    @property
    def store(self) -> Store:
        return self._ctx.store

    @property
    def _db(self) -> sqlite_utils.Database:
        return self._ctx.db

    # ------------------------------------------------------------------ identity and enrollment
    def identity(self) -> dict[str, Any]:
        """This device: ids, checkpoint, and its Ed25519 signing key pair (bytes)."""
        m = self.store.meta
        private = self._ctx.device_key or bytes.fromhex(m("device_signing_private") or "")
        if len(private) != 32:
            raise StoreError("This account's key slot does not hold the device's signing key: sign in again as a "
                             "supervisor (or with the recovery code) and it is given back.")
        return {"device_id": self.store.device_id, "store_id": m("store_id"), "checkpoint_name": m("checkpoint_name"),
                "station_id": m("station_id"), "signing_private": private,
                "signing_public": bytes.fromhex(m("device_signing_public") or "")}

    def enrollment(self) -> dict[str, Any] | None:
        """HQ's pinned keys (hex) and address, and when this device enrolled (or enrolled again); None if never."""
        raw = self.store.meta("hq_enrollment")
        return json.loads(raw) if raw else None

    def check_reenroll(self, release: Mapping[str, Any] | None) -> dict[str, Any]:
        """May this session enroll the device again, with this (already signature-checked) release from HQ?
        Returns the current enrollment. Only a supervisor may (an admin syncs but does not move the device's
        records to another server), and only with a release HQ signed with the key pinned now, for this device.
        Raises PermissionDenied, ConflictError."""
        if self._ctx.user.role != Role.SUPERVISOR:
            raise PermissionDenied("Only a supervisor may enroll this device again.")
        current = self.enrollment()
        if current is None:
            raise ConflictError("This device is not enrolled: enroll it, there is nothing to replace.")
        if not isinstance(release, Mapping) or release.get("device_id") != self.store.device_id \
                or release.get("hq_signing_public") != current["hq_signing_public"]:
            raise ConflictError("Enrolling again needs the release document that the HQ this device is enrolled "
                                "with signed for it (checkpoint-hq release).")
        if (current.get("hq_enrolled_at") and release.get("enrolled_at") != current["hq_enrolled_at"]) or (
                current.get("hq_enrollment") and release.get("enrollment") != current["hq_enrollment"]):
            raise ConflictError("This release document ends an earlier enrollment of this device, not the current "
                                "one: ask HQ for a new release.")
        return current

    def set_enrollment(self, *, hq_url: str, hq_device_id: str, hq_signing_public: bytes,
                       hq_exchange_public: bytes, hq_recovery_public: bytes, checkpoint_id: str = "",
                       replace: bool = False, fingerprint: str = "", release: Mapping[str, Any] | None = None,
                       hq_enrolled_at: str = "", hq_enrollment: int = 0) -> None:
        """Pin HQ's keys (from HQ's signed enrollment answer, checked by the caller against the fingerprint the
        officer typed) and seal the data key to HQ's recovery key.

        ``replace``: enroll again, only for a supervisor holding ``release``, a RELEASE document the currently
        pinned HQ key signed for this device (its signature checked by ``sync.wire.open_release``; checked again
        here: role, device, signer). Recorded as a ``device.reenrolled`` event (device-local: it never travels
        to other devices). The previous HQ's recovery slot is kept, not replaced: the new server gets none of the
        store's key (only the HQ that was trusted first can recover the store; see docs/security.md). Nothing
        unsynced is touched: batches HQ has not acknowledged are sent again to the new enrollment, where repeats
        are no-ops."""
        for name, key in (("hq_signing_public", hq_signing_public), ("hq_exchange_public", hq_exchange_public),
                          ("hq_recovery_public", hq_recovery_public)):
            if not isinstance(key, bytes) or len(key) != 32:
                raise ValidationError(name, "must be a 32-byte public key")
        current = self.enrollment()
        if current is not None and not replace:
            raise ConflictError("This device is already enrolled; HQ must revoke it before it enrolls again.")
        previous = self.check_reenroll(release) if current is not None else None
        now = self.store.clock.now().isoformat(timespec="seconds")
        data: dict[str, Any] = {
            "hq_url": hq_url, "hq_device_id": hq_device_id, "checkpoint_id": checkpoint_id,
            "hq_signing_public": hq_signing_public.hex(), "hq_exchange_public": hq_exchange_public.hex(),
            "hq_recovery_public": hq_recovery_public.hex(), "fingerprint": fingerprint, "enrolled_at": now,
            "hq_enrolled_at": hq_enrolled_at, "hq_enrollment": hq_enrollment}
        if previous is None or not self._ctx.keyfile.has_slot("hq-recovery"):
            self._ctx.keyfile.set_hq_recovery_slot(self._ctx.data_key(), hq_recovery_public,
                                                   device_private=self._ctx.device_key)
            data["recovery_sealed_to"] = hq_recovery_public.hex()
        else:
            data["recovery_sealed_to"] = previous.get("recovery_sealed_to", previous["hq_recovery_public"])
        if previous is not None:
            assert release is not None
            data["first_enrolled_at"] = previous.get("first_enrolled_at", previous.get("enrolled_at", ""))
            data["previous_hq_url"] = previous["hq_url"]
            data["released_at"] = str(release.get("released_at", ""))
        with self.store.write():
            self.store.set_meta("hq_enrollment", json.dumps(data, sort_keys=True))
            if previous is not None:
                self.store.record("device.reenrolled", "store", self.store.device_id, {
                    "hq_url": hq_url, "previous_hq_url": previous["hq_url"], "fingerprint": fingerprint,
                    "previous_fingerprint": previous.get("fingerprint", ""),
                    "released_at": data["released_at"], "release_reason": str(release.get("reason", ""))[:500]
                    if release else "", "recovery_slot": "kept"}, author=self._ctx.user.id)
                # The new HQ registration knows no chain yet: batches not acknowledged go again from scratch.
                self._db.execute("UPDATE sync_batches SET last_error = 'enrolled again: will be sent again' "
                                  "WHERE state != 'acked'")
        # Issue 10, point 11: protection sections written from now on are sealed to HQ's exchange key too.
        signer = self.store.signer
        self.store.section_recipients = protection.recipients(self.store, signer[1] if signer else None)

    # ------------------------------------------------------------------ push
    def next_batch(self, *, max_events: int = 5000, exclude: Collection[str] = ()) -> Batch | None:
        """The oldest batch HQ has not acknowledged (sent again as it was: HQ treats repeats as no-ops), else a
        new batch of pending events in device order; None when nothing is waiting.

        ``exclude``: batches already on their way (a client sending one batch while it prepares the next)."""
        if not 1 <= max_events <= 100_000:
            raise ValidationError("max_events", "must be between 1 and 100,000")
        db = self._db
        skip = list(exclude)
        q = ",".join("?" for _ in skip)
        row = db.execute("SELECT id FROM sync_batches WHERE state != 'acked'"
                         + (f" AND id NOT IN ({q})" if skip else "") + " ORDER BY first_seq LIMIT 1", skip).fetchone()
        if row is not None:
            return self.batch(row[0])
        with self.store.write():
            # The IN term repeats the partial index's condition so SQLite can use events_unsynced: without it,
            # it walks (device_id, device_seq) past every acknowledged event, reading each row (a 100k-event
            # push spent ~13 s here, growing with each batch).
            seqs = db.execute(
                "SELECT min(device_seq), max(device_seq), count(*) FROM (SELECT device_seq FROM events "
                "WHERE sync_state IN ('pending','inflight') AND sync_state = 'pending' AND device_id = ? "
                "ORDER BY device_seq LIMIT ?)",
                [self.store.device_id, max_events]).fetchone()
            if not seqs[2]:
                return None
            lo, hi, n = seqs
            bid = self.store.new_id()
            # The chain links to the previous sealed batch (acknowledged or still on its way).
            prev = db.execute("SELECT sha256 FROM sync_batches WHERE sha256 != '' ORDER BY last_seq DESC "
                              "LIMIT 1").fetchone()
            # One statement over the sequence range (a device's own events are numbered without gaps).
            db.execute("UPDATE events SET sync_state = 'inflight', batch_id = ? WHERE device_id = ? AND "
                       "sync_state = 'pending' AND device_seq BETWEEN ? AND ?", [bid, self.store.device_id, lo, hi])
            db.execute("INSERT INTO sync_batches (id, created_at, first_seq, last_seq, events, prev_sha256, state) "
                       "VALUES (?,?,?,?,?,?, 'open')",
                       [bid, self.store.clock.now().isoformat(), lo, hi, n, prev[0] if prev else ""])
        return self.batch(bid)

    def batch(self, batch_id: str) -> Batch:
        row = self._db.execute("SELECT id, first_seq, last_seq, prev_sha256, state FROM sync_batches WHERE id = ?",
                                [batch_id]).fetchone()
        if row is None:
            raise NotFound("No such batch.")
        events = tuple(wire_event(e) for e in self.store.events(where="batch_id = ?", params=[batch_id],
                                                                 order="device_seq"))
        return Batch(row[0], row[1], row[2], events, row[3], row[4])

    def batch_state(self, batch_id: str) -> tuple[str, str] | None:
        """(SHA-256 recorded when the batch was last sealed, "" before; its state) of one of this device's batches,
        None for a batch this device does not have."""
        row = self._db.execute("SELECT sha256, state FROM sync_batches WHERE id = ?", [batch_id]).fetchone()
        return None if row is None else (str(row[0]), str(row[1]))

    def unacknowledged(self) -> list[str]:
        """The ids of this device's batches HQ has not acknowledged yet."""
        return [r[0] for r in self._db.execute("SELECT id FROM sync_batches WHERE state != 'acked'")]

    def mark(self, batch_id: str, state: str, *, sha256: str | None = None, via: str | None = None,
             error: str = "") -> None:
        """Record what happened to a batch: sealed (with its hash), sent (how), failed (why, in plain words)."""
        if state not in ("sealed", "sent", "failed"):
            raise ValidationError("state", "must be sealed, sent or failed")
        sets, params = ["state = ?", "last_error = ?"], [state, error[:500]]
        if sha256 is not None:
            sets.append("sha256 = ?")
            params.append(sha256)
        if via is not None:
            sets.append("via = ?")
            params.append(via)
        if state == "sent":
            sets.append("sent_at = ?")
            params.append(self.store.clock.now().isoformat())
        if state in ("sent", "failed"):
            sets.append("attempts = attempts + 1")
        with self.store.write():
            cur = self._db.execute(f"UPDATE sync_batches SET {', '.join(sets)} WHERE id = ? AND state != 'acked'",
                                    [*params, batch_id])
            if cur.rowcount != 1:
                raise NotFound("No such unacknowledged batch.")
            if state == "failed":
                self.store.set_meta("sync_last_error", error[:500])

    def apply_ack(self, batch_id: str, verdicts: dict[str, tuple[str, str]]) -> dict[str, int]:
        """Apply HQ's per-event verdicts from a VERIFIED acknowledgement: {event_id: (verdict, note)}.

        Events of the batch that the ack does not mention stay in flight and will be sent again. Returns counts
        per verdict. Raises ValidationError for an unknown verdict (the whole ack is then ignored).
        """
        for eid, (verdict, _note) in verdicts.items():
            if verdict not in VERDICTS:
                raise ValidationError("verdict", f"unknown verdict {verdict!r} for event {eid}")
        counts = dict.fromkeys(VERDICTS, 0)
        now = self.store.clock.now().isoformat()
        db = self._db
        with self.store.write():
            ids = {r[0] for r in db.execute("SELECT id FROM events WHERE batch_id = ?", [batch_id])}
            if not ids:
                raise NotFound("No such batch.")
            groups: dict[tuple[str, str], list[str]] = {}
            for eid, (verdict, note) in verdicts.items():
                if eid in ids:
                    groups.setdefault((verdict, str(note)[:500]), []).append(eid)
            for (verdict, note), eids in groups.items():
                for i in range(0, len(eids), 500):
                    chunk = eids[i:i + 500]
                    db.execute(f"UPDATE events SET sync_state = 'acked', acked_at = ?, hq_status = ?, hq_note = ? "
                               f"WHERE id IN ({','.join('?' for _ in chunk)})", [now, verdict, note, *chunk])
                counts[verdict] += len(eids)
            left = db.execute("SELECT count(*) FROM events WHERE batch_id = ? AND sync_state != 'acked'",
                              [batch_id]).fetchone()[0]
            if left == 0:
                db.execute("UPDATE sync_batches SET state = 'acked', acked_at = ?, last_error = '' WHERE id = ?",
                           [now, batch_id])
                self.store.set_meta("sync_last_success", now)
        return counts

    def record_hq_head(self, head: Any, signature: Any) -> bool:
        """Keep the chain head HQ acknowledged for this device (``{"device_id", "seq", "hash", ...}`` from a
        verified ack, with HQ's own signature over it): ``verify`` later compares this device's log with it. Kept
        only when signed by the pinned HQ key, about this device, and not behind the head already kept. Returns
        whether it was kept. Raises SignatureInvalid, ValidationError (a malformed head)."""
        pinned = self.enrollment()
        if pinned is None:
            raise PermissionDenied("This device is not enrolled.")
        if not isinstance(head, dict) or head.get("device_id") != self.store.device_id:
            raise ValidationError("head", "is not this device's chain head")
        seq = head.get("seq")
        if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0 \
                or not isinstance(head.get("hash"), str) or not _HEX64.fullmatch(head["hash"]):
            raise ValidationError("head", "is malformed")
        try:
            sig = bytes.fromhex(signature) if isinstance(signature, str) else b""
        except ValueError:
            sig = b""
        crypto.verify(bytes.fromhex(pinned["hq_signing_public"]), canonical_json(head).encode(), sig,
                      context=CHAIN_HEAD_CONTEXT)
        kept = hq_head(self.store)
        if kept is not None and kept["head"]["seq"] > seq:
            return False
        with self.store.write():
            self.store.set_meta(HQ_HEAD_META, canonical_json({"head": head, "sig": sig.hex(),
                                                               "key": pinned["hq_signing_public"]}))
        return True

    # ------------------------------------------------------------------ pull
    def pull_cursor(self) -> str:
        return self.store.meta("sync_pull_cursor") or ""

    def ingest(self, events: list[dict[str, Any]], *, cursor: str | None = None) -> dict[str, int]:
        """Apply events pulled from HQ (another device's TB outcome for our person, a conflict decision...).

        Everything pulled is hostile until checked (``check_remote``): its hash, a type that may travel between
        devices (never accounts, keys or a device's own audit), the entity its type is about, and every record
        it names belonging to its person here. Same id and same hash: skipped. An event that fails a check, or
        whose application fails for any reason, is held aside with its reason (``held``), never applied and never
        dropped; the rest of the page goes on. Advances the pull cursor in the same transaction, so a crash
        repeats a pull instead of losing one, and one bad event never blocks the pulls that follow.
        """
        counts = {"applied": 0, "duplicate": 0, "held": 0}
        db = self._db
        now_ms = int(self.store.clock.now().timestamp() * 1000)
        local_users = {r[0] for r in db.execute("SELECT id FROM users")}
        with self.store.write():
            for raw in events:
                key = _held_key(raw)
                try:
                    with self.store.write():   # savepoint: a failed check or apply leaves no half event
                        outcome = self._ingest_one(raw, local_users, now_ms)
                except Exception as e:
                    outcome = f"cannot be applied here: {type(e).__name__}"
                if outcome in ("applied", "duplicate"):
                    counts[outcome] += 1
                    continue
                self._hold(key, raw, outcome)
                counts["held"] += 1
            if cursor is not None:
                self.store.set_meta("sync_pull_cursor", cursor)
        return counts

    def _ingest_one(self, raw: Any, local_users: Collection[str], now_ms: int) -> str:
        """Check and apply one pulled event (inside the caller's savepoint): "applied", "duplicate", or the
        reason to hold it aside (nothing written)."""
        if not isinstance(raw, dict):
            return "not an event"
        ev: dict[str, Any] = {k: raw.get(k) for k in WIRE_FIELDS}
        if not isinstance(ev["id"], str) or not isinstance(ev["payload"], str):
            return "not a readable event"
        if ev.get("hash") != event_hash(ev):
            return "hash does not match the content"
        db = self._db
        known = db.execute("SELECT hash FROM events WHERE id = ?", [ev["id"]]).fetchone()
        if known is not None:
            return "duplicate" if known[0] == ev["hash"] else \
                "an event with this id but other content is already here"
        if ev["type"] not in EVENT_TYPES:
            return f"unknown event type {str(ev['type'])[:64]}"
        problem = self.check_remote(ev, local_users)
        if problem:
            return problem
        HLC.parse(str(ev["hlc"]))                  # a malformed clock value fails here, before anything is written
        ev["local_order"] = db.execute("SELECT coalesce(max(local_order), 0) + 1 FROM events").fetchone()[0]
        insert_event(db.conn, ev)
        db.execute("UPDATE events SET sync_state = 'remote' WHERE id = ?", [ev["id"]])
        apply_event(db, ev)
        self.store.hlc.receive(ev["hlc"], now_ms)
        return "applied"

    def check_remote(self, ev: dict[str, Any], local_users: Collection[str] = ()) -> str:
        """Why an event written on another device may not be applied here ("" when it may). The reason names no
        personal data: it is shown on the sync panel.

        Checks: it comes from another device; its type travels (``checkpoint.events.TRAVEL_TYPES``) and its
        entity type is its type's; its author is not one of this device's users (accounts never travel, so a
        local user's id on a remote event is forged); every record it names is a record of its person here, and
        every record it creates is new."""
        if ev.get("device_id") == self.store.device_id:
            return "claims to come from this device"
        try:
            payload = jsondepth.loads(ev["payload"])
        except jsondepth.TooDeep:
            return f"payload is nested deeper than {jsondepth.MAX_DEPTH} levels"
        except (TypeError, ValueError):
            return "payload is not JSON"
        if ev.get("type") in SITE_TYPES:
            return self._check_site(ev, payload, local_users)
        if ev.get("type") == HQ_DECISION_TYPE:       # issue 15: HQ's decision on a conflict, about a device
            return hq_decision_problem(ev, payload, HQ_DEVICE_ID)
        problem = travel_problem(ev, payload)
        if problem:
            return problem
        if ev.get("author") in local_users:
            return "names a user of this device as its author but was written on another device"
        person = str(ev["entity_id"])
        refs = event_refs(str(ev["type"]), person, payload)
        db = self._db
        for kind, rid in refs.creates:
            if db.execute(f"SELECT 1 FROM {_TABLES[kind][0]} WHERE id = ?", [rid]).fetchone() is not None:
                return f"creates a {kind.replace('_', ' ')} whose id is already here"
        for kind, rid in refs.names:
            table, col = _TABLES[kind]
            row = db.execute(f"SELECT {col} FROM {table} WHERE id = ?", [rid]).fetchone()
            if row is None:
                return f"names a {kind.replace('_', ' ')} this device does not hold"
            if row[0] != person:
                return f"names a {kind.replace('_', ' ')} of another person"
        return ""

    def _check_site(self, ev: dict[str, Any], payload: Any, local_users: Collection[str]) -> str:
        """``check_remote`` for a checkpoint event (``events.SITE_TYPES``: a handover group, surge mode, a headcount
        of another device of this checkpoint): its shape, its author, and the group it creates new or names here."""
        problem = site_problem(ev, payload)
        if problem:
            return problem
        if ev.get("author") in local_users:
            return "names a user of this device as its author but was written on another device"
        if EVENT_ENTITY[str(ev["type"])] != "group":
            return ""
        here = self._db.execute("SELECT 1 FROM arrival_groups WHERE id = ?", [ev["entity_id"]]).fetchone()
        if ev["type"] == "arrival_group.recorded":
            return "creates a group whose id is already here" if here else ""
        return "" if here else "names a group this device does not hold"

    def _hold(self, eid: str, raw: Any, reason: str) -> None:
        # A value nested too deep to write as JSON is kept as its type's name (pull documents are depth-checked by
        # sync.wire; this guards a direct caller).
        kept = json.dumps(raw, sort_keys=True, default=str) if not jsondepth.too_deep(raw) else \
            json.dumps(f"<{type(raw).__name__} nested deeper than {jsondepth.MAX_DEPTH} levels>")
        self._db.execute("INSERT OR REPLACE INTO sync_inbox_held (id, event, reason, received_at) VALUES (?,?,?,?)",
                          [eid, kept[:1_000_000], reason[:500],
                           self.store.clock.now().isoformat()])

    def held(self) -> list[dict[str, Any]]:
        """Events pulled from HQ and held aside, reason by reason: ``[{"reason", "count", "last"}]``, most frequent
        first. The reasons name no personal data."""
        return [{"reason": r[0], "count": r[1], "last": r[2]} for r in self._db.execute(
            "SELECT reason, count(*), max(received_at) FROM sync_inbox_held GROUP BY reason "
            "ORDER BY count(*) DESC, reason")]

    def set_hq_url(self, hq_url: str, reason: str) -> dict[str, Any]:
        """HQ moved to another address (its keys do not change: they stay pinned, so only the real HQ can answer
        there). A supervisor only; ``hq_url`` checked by the caller (``sync.device.enrollment.change_hq_address``).
        Audited (``device.hq_address_set``, device-local). Returns the enrollment. Raises PermissionDenied,
        ConflictError (not enrolled), ValidationError (no reason, the same address)."""
        if self._ctx.user.role != Role.SUPERVISOR:
            raise PermissionDenied("Only a supervisor may change HQ's address.")
        why = (reason or "").strip()
        if not why:
            raise ValidationError("reason", "say why HQ's address changes")
        current = self.enrollment()
        if current is None:
            raise ConflictError("This device is not enrolled: enroll it with HQ's address.")
        if hq_url == current["hq_url"]:
            raise ValidationError("server", "is the address this device already uses")
        data = {**current, "hq_url": hq_url}
        with self.store.write():
            self.store.set_meta("hq_enrollment", json.dumps(data, sort_keys=True))
            self.store.record("device.hq_address_set", "store", self.store.device_id,
                              {"hq_url": hq_url, "previous_hq_url": current["hq_url"], "reason": why[:500]},
                              author=self._ctx.user.id)
        return data

    # Held reasons that a later pull or an upgrade can cure: a record that arrives afterwards (a person HQ linked, a
    # record fetched back), a type a newer version knows, a failure of this version. The others (a forged author,
    # another content under a known id, a hash that does not match...) stay held for good.
    _RETRY_REASONS = re.compile(r"names a (?!user of this device)|unknown event type|cannot be applied here")

    def retry_held(self, *, limit: int = 500) -> int:
        """Try again the held events whose reason a later pull can cure (oldest first, at most ``limit``), with
        every check of ``ingest``; the ones that apply now leave the held list. Returns how many applied."""
        db = self._db
        now_ms = int(self.store.clock.now().timestamp() * 1000)
        local_users = {r[0] for r in db.execute("SELECT id FROM users")}
        applied = 0
        with self.store.write():
            rows = [r for r in db.execute("SELECT id, event, reason FROM sync_inbox_held ORDER BY received_at, id")
                    if self._RETRY_REASONS.match(r[2])][:max(0, limit)]
            for key, raw_text, reason in rows:
                try:
                    raw = json.loads(raw_text)
                    with self.store.write():   # savepoint, as in ingest
                        outcome = self._ingest_one(raw, local_users, now_ms)
                except Exception as e:
                    outcome = f"cannot be applied here: {type(e).__name__}"
                if outcome in ("applied", "duplicate"):
                    db.execute("DELETE FROM sync_inbox_held WHERE id = ?", [key])
                    applied += outcome == "applied"
                elif outcome != reason:
                    db.execute("UPDATE sync_inbox_held SET reason = ? WHERE id = ?", [outcome[:500], key])
        return applied

    # ------------------------------------------------------------------ status
    def waiting(self) -> int:
        """How many of this device's events wait for HQ (pending or in flight): ``status()``'s pending +
        inflight in one count, for a push's progress total (``status()`` also scans every event's HQ verdict)."""
        return int(self._db.execute("SELECT count(*) FROM events WHERE device_id = ? AND sync_state IN "
                                    "('pending', 'inflight')", [self.store.device_id]).fetchone()[0])

    def status(self) -> dict[str, Any]:
        """What anyone may read about sync: counts, last success, last error, batches not yet acknowledged, and
        the last enrollment (``enrollment``: hq_url, enrolled_at, and after a re-enrollment first_enrolled_at,
        previous_hq_url, released_at)."""
        db = self._db
        enrollment = self.enrollment()
        by_state = dict(db.execute("SELECT sync_state, count(*) FROM events WHERE device_id = ? GROUP BY sync_state",
                                   [self.store.device_id]).fetchall())
        by_hq = dict(db.execute("SELECT hq_status, count(*) FROM events WHERE hq_status != '' GROUP BY hq_status")
                     .fetchall())
        batches = [dict(zip(("id", "state", "events", "first_seq", "last_seq", "attempts", "last_error", "via",
                             "created_at", "sent_at", "acked_at"), r, strict=True))
                   for r in db.execute("SELECT id, state, events, first_seq, last_seq, attempts, last_error, via, "
                                       "created_at, sent_at, acked_at FROM sync_batches ORDER BY first_seq DESC "
                                       "LIMIT 50")]
        return {"pending": by_state.get("pending", 0), "inflight": by_state.get("inflight", 0),
                "acked": by_state.get("acked", 0), "hq": by_hq,
                "held_incoming": db.execute("SELECT count(*) FROM sync_inbox_held").fetchone()[0],
                "held_reasons": self.held(),
                # issue 15: conflicts HQ decided about this device's events (HQ kept its copy), newest first
                "hq_decisions": [{"event_id": r[0], "type": r[1], "note": r[2]} for r in db.execute(
                    "SELECT id, type, hq_note FROM events WHERE hq_status = 'conflict_decided' AND device_id = ? "
                    "ORDER BY local_order DESC LIMIT 10", [self.store.device_id])],
                "last_success": self.store.meta("sync_last_success") or "",
                "last_error": self.store.meta("sync_last_error") or "",
                "enrolled": enrollment is not None, "batches": batches,
                "enrollment": {k: enrollment.get(k, "") for k in ("hq_url", "enrolled_at", "first_enrolled_at",
                                                                  "previous_hq_url", "released_at")}
                if enrollment is not None else {}}

