"""Sections by need (issue 10, point 11): the protection section sealed to the checkpoint's protection key.

Every passphrase opens the database, so what only some may read cannot rest on the database key. The fields
``checkpoint.protection_section`` lists (trafficking answers, recruiter and debt fields, protection referrals'
notes) are sealed in the event itself (``Store.record``; a CPMS blob, ``checkpoint.crypto.sealed``) to:

- the checkpoint's **protection key** (X25519): its public half in ``meta`` (``protection_public``), its private
  half sealed only in the key slots of the active supervisors (``KeyFile.set_protection_key``), never in the
  database. Officers, health workers and administrators never hold it;
- the writing user's own X25519 key, derived from her own Ed25519 signing key (HKDF: the key her passphrase seals
  in her slot), so she reads back what she wrote; its public half is in her account (``user.key_set``
  ``sealing_public``, beside ``signing_public``);
- HQ's exchange key when the device is enrolled (HQ can open what it receives).

The projections keep only what the flow needs (codes); a reader's service opens the sections of one record with
the keys her session holds (``sections_of``) and shows "sealed" for the rest (``SEALED_MESSAGE``).

Per checkpoint, not per laptop: HQ keeps one protection key pair per checkpoint and delivers it, sealed to the
device, at enrollment or at a sync (``adopt_checkpoint_key``). From then on ``protection_public`` is the
checkpoint's key and the store's own earlier key stays in the supervisors' slots beside it (``holder_keys``: a key
ring), so supervisors of every laptop of the checkpoint open what any of them wrote, and older sections still open.

The store's own key pair is made at the first sign-in (any role) when it does not exist yet and at least one active
supervisor has a slot of the sealed kind: its private half goes into those slots (their public halves are enough) and
is forgotten by whoever signed in unless she is a supervisor. A supervisor's sign-in re-seals it for the current
supervisors; so does every change of accounts (``reseal``, called with the device key's ``reseal``).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from checkpoint import crypto, protection_section
from checkpoint.crypto import sealed
from checkpoint.errors import CryptoError, DecryptionFailed, ValidationError
from checkpoint.events import canonical_json, event_hash
from checkpoint.model.roles import Role
from checkpoint.storage.codec import decode_payload, encode_payload
from checkpoint.storage.keyfile import KeyFile
from checkpoint.storage.minimise import minimised_ids
from checkpoint.storage.rebuild import rebuild_projections
from checkpoint.storage.store import Store

__all__ = ["CHECKPOINT_KEY_META", "HOLDER_ROLES", "MSG_SEALED", "MSG_SECTION_DAMAGED", "Sections",
           "adopt_checkpoint_key", "adopt_protection_key", "adopted_checkpoint_key", "holder_keys", "holders",
           "open_section", "reader_keys", "reading_key", "recipients", "reseal", "seal_legacy", "sealed_over_problems",
           "sections_of", "wants_checkpoint_key"]

HOLDER_ROLES: Final = frozenset({Role.SUPERVISOR})

# Core messages (translated through tools/core_messages.py): what a reader sees in place of a section she may not
# open, and what every reader sees of a section that fails its check.
MSG_SEALED: Final = "Sealed: protection section, supervisor only"
MSG_SECTION_DAMAGED: Final = "This protection section fails its check (altered or damaged): it is not shown"

_READING_INFO: Final = b"checkpoint reading key v1"


def reading_key(signing_private: bytes) -> tuple[bytes, bytes]:
    """A user's own X25519 key pair, derived from her own Ed25519 signing key (so her slot's sealed signing key
    is all she needs; a new signing key, after a reset, gives a new reading key)."""
    private = HKDF(algorithm=SHA256(), length=32, salt=None, info=_READING_INFO).derive(signing_private)
    return private, crypto.x25519_public(private)


def holders(store: Store) -> set[str]:
    """The active supervisors: the accounts whose slots hold the protection key."""
    return {r[0] for r in store.db.execute("SELECT id FROM users WHERE status = 'active' AND role = 'supervisor'")}


def _protection_public(store: Store) -> bytes | None:
    raw = store.meta("protection_public") or ""
    try:
        key = bytes.fromhex(raw)
    except ValueError:
        return None
    return key if len(key) == 32 else None


def _hq_exchange_public(store: Store) -> bytes | None:
    try:
        raw = json.loads(store.meta("hq_enrollment") or "{}").get("hq_exchange_public", "")
        key = bytes.fromhex(str(raw))
    except (ValueError, AttributeError):
        return None
    return key if len(key) == 32 else None


def recipients(store: Store, signing_private: bytes | None) -> tuple[bytes, ...]:
    """Whom a section written now is sealed to: the protection key, the writer's own key, HQ's exchange key.
    Empty (written in clear) while the store has no protection key."""
    protection = _protection_public(store)
    if protection is None:
        return ()
    out = [protection]
    if signing_private is not None:
        out.append(reading_key(signing_private)[1])
    hq = _hq_exchange_public(store)
    if hq is not None:
        out.append(hq)
    return tuple(out)


def adopt_protection_key(store: Store, kf: KeyFile, user_id: str, role: str) -> None:
    """At sign-in (after the user's signing key is adopted): make the protection key if the store has none yet,
    re-seal it for the current supervisors when a supervisor holds it, keep it in ``kf.protection_key`` for a
    supervisor only, record the user's reading key if her account does not show it, and set the store's
    recipients."""
    if _protection_public(store) is None:
        wanted = holders(store)
        if any(kf.slot_is_sealed(uid) for uid in wanted):
            private, public = crypto.generate_x25519()
            kf.set_protection_key(private, wanted)           # the slots first: never a public key nobody can open
            with store.write():
                store.set_meta("protection_public", public.hex())
            kf.protection_key = private if user_id in kf.protection_holders() else None
    held = kf.protection_key if role in HOLDER_ROLES else None
    if held is not None:
        kf.set_protection_key(held, holders(store))          # saves only when the holders changed
    kf.protection_key = held
    cp_held = kf.checkpoint_key if role in HOLDER_ROLES else None
    if cp_held is not None:
        kf.set_checkpoint_key(cp_held, holders(store))       # the checkpoint's key follows the same holders
    kf.checkpoint_key = cp_held
    signing = kf.signing_key
    if signing is not None:
        mine = reading_key(signing)[1].hex()
        row = store.db.execute("SELECT signing_public, sealing_public FROM users WHERE id = ?", [user_id]).fetchone()
        if row is not None and row[1] != mine:
            with store.write():
                store.record("user.key_set", "user", user_id, {"signing_public": row[0] or
                             crypto.signing_public(signing).hex(), "sealing_public": mine}, author=user_id)
    store.section_recipients = recipients(store, signing)


def reseal(store: Store, kf: KeyFile) -> None:
    """After the holders may have changed: the protection key in exactly the supervisors' slots (a no-op for a
    session that does not hold it)."""
    if kf.protection_key is not None:
        kf.set_protection_key(kf.protection_key, holders(store))
    if kf.checkpoint_key is not None:
        kf.set_checkpoint_key(kf.checkpoint_key, holders(store))


# ------------------------------------------------------------------------------------------------------ reading
@dataclass
class Sections:
    """What one reader could open of one person's sealed sections.

    ``fields[(kind, id)]`` holds the opened fields of a record (kind: encounter, trafficking, referral), later
    events over earlier ones; ``sealed`` the records with a section this reader may not open; ``damaged`` those
    with a section that failed its check (never shown, whoever reads)."""

    fields: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    sealed: set[tuple[str, str]] = field(default_factory=set)
    damaged: set[tuple[str, str]] = field(default_factory=set)

    def state(self, kind: str, id_: str) -> str:
        """"clear" (nothing sealed, or all of it opened), "sealed", or "damaged"."""
        k = (kind, id_)
        if k in self.damaged:
            return "damaged"
        if k in self.sealed and k not in self.fields:
            return "sealed"
        return "clear"


def _targets(type_: str, clear: dict[str, Any], addr: str) -> tuple[str, str] | None:
    """The record a section address of an event belongs to."""
    def oid(obj: Any) -> str:
        return str(obj.get("id", "")) if isinstance(obj, dict) else ""
    if type_ == "registration.recorded":
        if addr == "encounter":
            return "encounter", oid(clear.get("encounter"))
        if addr.startswith("trafficking"):
            return "trafficking", oid(clear.get("trafficking"))
        if addr.startswith("referrals["):
            found = protection_section._address(clear, addr)
            return ("referral", oid(found)) if found is not None else None
    elif type_ == "registration.completed":        # the arrival named by id; its journey carries none
        if addr == "encounter":
            return "encounter", str(clear.get("encounter_id", ""))
        if addr.startswith("trafficking"):
            return "trafficking", oid(clear.get("trafficking"))
        if addr.startswith("referrals["):
            found = protection_section._address(clear, addr)
            return ("referral", oid(found)) if found is not None else None
    elif type_ == "encounter.amended":
        return "encounter", str(clear.get("encounter_id", ""))
    elif type_ == "referral.created":
        return "referral", oid(clear.get("referral"))
    elif type_ == "referral.updated":
        return "referral", str(clear.get("referral_id", ""))
    return None


def _section_records(type_: str, clear: dict[str, Any]) -> set[tuple[str, str]]:
    """The records an event's sealed section is about, from its clear part (to mark them sealed or damaged)."""
    out = set()
    for path in protection_section.SECTION.get(type_, {}):
        for addr, _obj in protection_section._objects(clear, path):
            t = _targets(type_, clear, addr)
            if t is not None:
                out.add(t)
    return out


def open_section(keys: Iterable[bytes], type_: str, event_id: str, clear: dict[str, Any]) -> dict[str, Any] | None:
    """The opened section of one event, None when none of ``keys`` is a recipient. Raises CryptoError (a clear
    message) when it fails its check or is not a section at all."""
    raw = clear.get(protection_section.SEALED_KEY)
    if not isinstance(raw, str) or len(raw) > 2 * sealed.MAX_SECTION:
        raise crypto_error("the sealed section is not text of a sensible size")
    try:
        blob = base64.b64decode(raw, validate=True)
    except ValueError:
        raise crypto_error("the sealed section is not base64") from None
    ctx = protection_section.context(type_, event_id)
    for key in keys:
        try:
            text = sealed.open_for(key, blob, context=ctx)
        except sealed.NotARecipient:
            continue
        try:
            section = json.loads(text)
        except ValueError:
            raise crypto_error("the opened section is not JSON") from None
        if not isinstance(section, dict):
            raise crypto_error("the opened section is not an object")
        return section
    return None


def crypto_error(detail: str) -> CryptoError:
    return DecryptionFailed(detail)


def reader_keys(kf: KeyFile, store: Store, role: str) -> list[bytes]:
    """The keys a session opens sections with: the protection key (a supervisor holding it), her own."""
    keys = holder_keys(kf) if role in HOLDER_ROLES else []
    signer = store.signer
    if signer is not None:
        keys.append(reading_key(signer[1])[0])
    return keys


def sections_of(store: Store, keys: list[bytes], person_id: str) -> Sections:
    """Open what ``keys`` can of one person's sealed sections (events in the order they were applied)."""
    out = Sections()
    for ev in store.events(where="entity_id = ? AND type IN ('registration.recorded', 'registration.completed', "
                                 "'encounter.amended', 'referral.created', 'referral.updated')", params=[person_id]):
        try:
            clear = json.loads(ev["payload"])
        except ValueError:
            continue
        if not isinstance(clear, dict) or protection_section.SEALED_KEY not in clear:
            continue
        records = _section_records(ev["type"], clear)
        try:
            section = open_section(keys, ev["type"], ev["id"], clear)
        except (CryptoError, ValidationError):
            out.damaged |= records
            continue
        if section is None:
            out.sealed |= records
            continue
        for addr, fields in section.items():
            t = _targets(ev["type"], clear, addr) if isinstance(addr, str) else None
            if t is None or not isinstance(fields, dict):
                continue
            slot = out.fields.setdefault(t, {})
            if addr.endswith(".result"):
                slot.setdefault("result", {}).update(fields)
            else:
                slot.update(fields)
    return out


# ------------------------------------------------------------------------------------- sealing older records (0014)
SEALED_OVER_CONTEXT: Final = b"checkpoint sealed over v1"
# The projections a sealed section changes (rebuilt from the log after sealing older events).
_SECTION_TABLES: Final = ("encounters", "trafficking_screenings", "referrals", "field_versions", "conflicts")
_KEYS: Final = {"field_versions": ("entity_id", "field")}


def _is_protection(store: Store, type_: str, payload: dict[str, Any]) -> bool:
    """Whether a referral update is about a protection referral (its notes are the section's); True otherwise."""
    if type_ != "referral.updated":
        return True
    row = store.db.execute("SELECT kind FROM referrals WHERE id = ?", [str(payload.get("referral_id"))]).fetchone()
    return row is not None and row[0] in protection_section.PROTECTION_KINDS


def seal_legacy(store: Store, kf: KeyFile, role: str) -> int:
    """At a supervisor's sign-in: seal the protection section of events written before the store had a protection
    key (or pulled in clear from another device), and rebuild the projections it changes. Returns how many events
    it sealed.

    Only events HQ already holds (``acked``) or that came from HQ (``remote``) are sealed: HQ checks each event's
    content against its hash, so an event still to be sent goes as it was written and is sealed at a sign-in after
    HQ acknowledged it. Each sealed event keeps its hash; ``sealed_over`` holds the SHA-256 of the sealed payload
    and the supervisor's own signature over the event's hash and that SHA-256 (``sealed_over_problems`` checks
    both, and with the protection key that the opened content still gives the hash). An event whose section cannot
    be taken out and put back to the very same text is left as it is.

    Cost: ``meta`` ``protection_scan_from`` keeps the local order below which nothing is left to seal (the event
    before the first one still waiting for HQ), so a sign-in reads only the events since; a store with nothing at
    HQ since then returns at once.
    """
    public = _protection_public(store)
    if role not in HOLDER_ROLES or not holder_keys(kf) or public is None or store.signer is None:
        return 0
    by, sign_private = store.signer
    hq = _hq_exchange_public(store)
    readers: dict[str, bytes] = {}
    for uid, pk in store.db.execute("SELECT id, sealing_public FROM users WHERE sealing_public != ''"):
        try:
            readers[uid] = bytes.fromhex(pk)
        except ValueError:
            continue
    try:
        start = int(store.meta("protection_scan_from") or 0)
    except ValueError:
        start = 0
    if store.db.execute("SELECT 1 FROM events WHERE local_order > ? AND sync_state IN ('acked', 'remote') LIMIT 1",
                        [start]).fetchone() is None:
        return 0
    types = ", ".join(f"'{t}'" for t in sorted(protection_section.SECTION_TYPES))
    minimised = minimised_ids(store.db)           # their section is gone already (issue 12): nothing to seal
    todo: list[tuple[bytes, str, str]] = []
    first_waiting: int | None = None
    last = start
    for ev in store.events(where=f"local_order > ? AND type IN ({types}) AND sealed_over = ''", params=[start]):
        last = ev["local_order"]
        try:
            payload = json.loads(ev["payload"])
        except ValueError:
            continue
        if not isinstance(payload, dict) or protection_section.SEALED_KEY in payload or ev["id"] in minimised:
            continue
        if ev["sync_state"] not in ("acked", "remote"):
            if first_waiting is None:                 # not at HQ yet: sealed at a sign-in after HQ has it
                first_waiting = int(ev["local_order"])
            continue
        clear, section = protection_section.split(ev["type"], payload,
                                                  protection=_is_protection(store, ev["type"], payload))
        if not section or canonical_json(protection_section.merge(clear, section)) != ev["payload"]:
            continue
        to = [public]
        if ev["device_id"] == store.device_id and ev["author"] in readers:
            to.append(readers[ev["author"]])
        if hq is not None:
            to.append(hq)
        blob = sealed.seal_for(to, canonical_json(section).encode(),
                               context=protection_section.context(ev["type"], ev["id"]))
        text = canonical_json({**clear, protection_section.SEALED_KEY: base64.b64encode(blob).decode("ascii")})
        digest = hashlib.sha256(text.encode()).hexdigest()
        sig = crypto.sign(sign_private, f"{ev['hash']}|{digest}".encode(), context=SEALED_OVER_CONTEXT).hex()
        todo.append((encode_payload(text), json.dumps({"by": by, "sha256": digest, "sig": sig}, sort_keys=True),
                     ev["id"]))
    scan_from = str(first_waiting - 1 if first_waiting is not None else last)
    if not todo:
        if scan_from != str(start):
            with store.write():
                store.set_meta("protection_scan_from", scan_from)
        return 0
    with store.write():
        store.set_meta("protection_scan_from", scan_from)
        store.db.conn.executemany("UPDATE events SET payload = ?, sealed_over = ? WHERE id = ?", todo)
        rebuilt = rebuild_projections(store)
        try:
            for table in _SECTION_TABLES:
                _replace_rows(store, rebuilt, table)
        finally:
            rebuilt.close()
    return len(todo)


def _replace_rows(store: Store, rebuilt: Any, table: str) -> None:
    """Make the live ``table`` equal to the rebuilt one: a streaming merge by key, updating the rows that differ
    (rows are never deleted and re-inserted where other tables refer to them)."""
    cols = [r[1] for r in store.db.execute(f"PRAGMA table_info({table})").fetchall()]
    key = _KEYS.get(table, ("id",))
    kidx = [cols.index(k) for k in key]
    order = ", ".join(key)
    live = store.db.conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}")
    new = rebuilt.conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}")
    where = " AND ".join(f"{k} = ?" for k in key)
    upd: list[tuple[Any, ...]] = []
    ins: list[tuple[Any, ...]] = []
    dele: list[tuple[Any, ...]] = []
    a, b = next(live, None), next(new, None)
    while a is not None or b is not None:
        if b is None or (a is not None and tuple(a[i] for i in kidx) < tuple(b[i] for i in kidx)):
            assert a is not None
            dele.append(tuple(a[i] for i in kidx))
            a = next(live, None)
        elif a is None or tuple(b[i] for i in kidx) < tuple(a[i] for i in kidx):
            ins.append(tuple(b))
            b = next(new, None)
        else:
            if a != b:
                upd.append((*b, *(b[i] for i in kidx)))
            a, b = next(live, None), next(new, None)
    conn = store.db.conn
    conn.executemany(f"DELETE FROM {table} WHERE {where}", dele)
    conn.executemany(f"UPDATE {table} SET {', '.join(c + ' = ?' for c in cols)} WHERE {where}", upd)
    conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})", ins)


def sealed_over_problems(store: Store, protection_key: bytes | Sequence[bytes] | None
                         ) -> tuple[list[str], list[str]]:
    """``verify``'s check of events sealed after they were written: the sealed payload is the one a supervisor
    signed for that event's hash; with the protection key (or the key ring ``holder_keys``: the store's own key
    and the checkpoint's), the opened content gives the event's hash again. Returns (problems, notes)."""
    ring = [protection_key] if isinstance(protection_key, bytes) else list(protection_key or [])
    problems: list[str] = []
    keys: dict[str, list[bytes]] = {}
    supervisors: set[str] = set()
    for entity, type_, raw in store.db.execute(
            "SELECT entity_id, type, payload FROM events WHERE type IN ('user.created', 'user.updated', "
            "'user.key_set') ORDER BY local_order"):
        try:
            p = json.loads(_decode(raw))
        except ValueError:
            continue
        if not isinstance(p, dict):
            continue
        role = p.get("role") if type_ == "user.created" else (p.get("changes") or {}).get("role") \
            if isinstance(p.get("changes"), dict) else None
        if role == "supervisor":
            supervisors.add(entity)
        if type_ == "user.key_set":
            with contextlib.suppress(ValueError):
                keys.setdefault(entity, []).append(bytes.fromhex(str(p.get("signing_public", ""))))
    checked = unchecked = fetched = 0
    # An event sealed and later minimised (issue 12, point 6) no longer holds the payload that was sealed: its seal
    # is still checked (a supervisor of this store signed it for this hash), its kept payload is checked by
    # checkpoint.storage.minimise.minimised_problems against the minimisation that lists it.
    minimised = minimised_ids(store.db)
    for ev in store.events(where="sealed_over != ''"):
        where = f"event {ev['id']} ({ev['type']}, device seq {ev['device_seq']})"
        try:
            info = json.loads(ev["sealed_over"])
            by, digest, sig = str(info["by"]), str(info["sha256"]), bytes.fromhex(str(info["sig"]))
        except (ValueError, KeyError, TypeError):
            problems.append(f"{where}: its record of being sealed is damaged")
            continue
        dropped = ev["id"] in minimised
        if not dropped and hashlib.sha256(ev["payload"].encode()).hexdigest() != digest:
            if event_hash(ev) == ev["hash"]:
                fetched += 1             # the original as written, fetched back from HQ after a minimisation
                continue
            problems.append(f"{where}: its sealed section was changed after it was sealed")
            continue
        ok = False
        for k in keys.get(by, []):
            try:
                crypto.verify(k, f"{ev['hash']}|{digest}".encode(), sig, context=SEALED_OVER_CONTEXT)
                ok = True
                break
            except (CryptoError, ValidationError):         # a forged signature may not even be one (its format)
                continue
        if not ok or by not in supervisors:
            problems.append(f"{where}: it was not sealed by a supervisor of this store")
            continue
        if dropped:
            continue                               # nothing sealed left to open: minimised_problems checks it
        if not ring:
            unchecked += 1
            continue
        try:
            clear = json.loads(ev["payload"])
            section = open_section(ring, ev["type"], ev["id"], clear)
        except (ValueError, CryptoError, ValidationError):
            section = None
        if section is None or event_hash({**ev, "payload": canonical_json(protection_section.merge(clear, section))}) \
                != ev["hash"]:
            problems.append(f"{where} was altered (its sealed content does not give its hash)")
        else:
            checked += 1
    notes = []
    if fetched:
        notes.append(f"{fetched} events sealed after they were written were fetched back from HQ as written (in "
                     "clear, their content gives their hash): a pass drops their section again once the hold ends")
    if checked or unchecked:
        notes.append(f"{checked + unchecked} events were sealed after they were written (store upgrade): "
                     + (f"{unchecked} of them can be checked against their hash only by a supervisor"
                        if unchecked else "their sealed content gives their hash"))
    return problems, notes


def _decode(raw: Any) -> str:
    return decode_payload(raw)


# ------------------------------------------------------------------------ the checkpoint's key, from HQ (point 11)
# HQ keeps one protection key pair per checkpoint and gives it, sealed to the asking device, to every device of
# that checkpoint (at enrollment, or at a sync: ``sync.device.checkpointkey``). Once adopted, new sections are
# sealed to it, so the supervisors of every laptop of the checkpoint open what any of them wrote. The store's own
# protection key (``protection_public``'s old value) stays in the supervisors' slots: a key ring, so what was
# sealed before still opens.
CHECKPOINT_KEY_META: Final = "checkpoint_protection"         # {"checkpoint_id", "public"} of the adopted key
STORE_KEY_META: Final = "protection_public_store"            # the store's own key's public half, once replaced


def holder_keys(kf: KeyFile) -> list[bytes]:
    """The protection keys a holder's session has: the checkpoint's (newer sections) then the store's own."""
    return [k for k in (kf.checkpoint_key, kf.protection_key) if k is not None]


def adopted_checkpoint_key(store: Store) -> tuple[str, bytes] | None:
    """(checkpoint id, public half) of the checkpoint key this store seals to, None before it adopted one."""
    try:
        info = json.loads(store.meta(CHECKPOINT_KEY_META) or "{}")
        public = bytes.fromhex(str(info.get("public", "")))
        cid = str(info.get("checkpoint_id", ""))
    except (ValueError, AttributeError):
        return None
    return (cid, public) if len(public) == 32 and cid else None


def _sealed_holders(store: Store, kf: KeyFile) -> set[str]:
    return {uid for uid in holders(store) if kf.slot_is_sealed(uid)}


def wants_checkpoint_key(store: Store, kf: KeyFile) -> bool:
    """Whether this device should ask HQ for its checkpoint's key: it has none yet, or an active supervisor's
    slot lacks it (a supervisor added while no holder signed in, a recovery). False while no supervisor has a
    slot that can hold it."""
    wanted = _sealed_holders(store, kf)
    if not wanted:
        return False
    adopted = adopted_checkpoint_key(store)
    if adopted is None:
        return True
    try:
        enrolled_at = str(json.loads(store.meta("hq_enrollment") or "{}").get("checkpoint_id") or "")
    except (ValueError, AttributeError):
        enrolled_at = ""
    if enrolled_at and enrolled_at != adopted[0]:
        return False            # enrolled again elsewhere: it keeps sealing to its first checkpoint's key
    return not wanted <= kf.checkpoint_key_holders(adopted[1])


def adopt_checkpoint_key(store: Store, kf: KeyFile, private: bytes, checkpoint_id: str, role: str) -> bool:
    """Take the checkpoint's protection key HQ delivered (already checked by the caller: signed by HQ, sealed to
    this device, for this device's checkpoint): sealed into the active supervisors' slots (their public halves are
    enough), then the store seals new sections to it. Kept in ``kf.checkpoint_key`` for a supervisor only; anyone
    else forgets it here. Returns whether something changed.

    Nothing is adopted (False) for a key of another checkpoint than the one this store adopted before (a device
    enrolled again elsewhere keeps its first checkpoint's key), nor while no active supervisor has a slot that can
    hold it (the device asks again at its next sync)."""
    public = crypto.x25519_public(private)
    adopted = adopted_checkpoint_key(store)
    if adopted is not None and adopted[0] != checkpoint_id:
        return False
    wanted = _sealed_holders(store, kf)
    if not wanted:
        return False
    changed = adopted is None or adopted[1] != public or not wanted <= kf.checkpoint_key_holders(public)
    kf.set_checkpoint_key(private, holders(store))      # the slots first: never seal to a key nobody here opens
    if adopted is None or adopted[1] != public:
        with store.write():
            own = _protection_public(store)
            if own is not None and own != public and not store.meta(STORE_KEY_META):
                store.set_meta(STORE_KEY_META, own.hex())
            store.set_meta(CHECKPOINT_KEY_META, json.dumps({"checkpoint_id": checkpoint_id, "public": public.hex()},
                                                           sort_keys=True))
            store.set_meta("protection_public", public.hex())
    kf.checkpoint_key = private if role in HOLDER_ROLES else None
    signer = store.signer
    store.section_recipients = recipients(store, signer[1] if signer else None)
    return changed
