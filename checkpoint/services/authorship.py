"""Each event signed by its author's own key, and ``verify``'s check of it (issue 10, point 11).

Every user has her own Ed25519 signing key. Its private half lives only in her key slot, sealed to the slot's
X25519 key whose private half her passphrase wraps (``checkpoint.storage.keyfile``); its public half is in her
account, recorded by a ``user.key_set`` event. The session hands the key to the store (``Store.signer``), which
signs the hash of every event she authors (``events.author_sig``).

``author_problems`` replays this device's log in order, tracking each account's role and key as the events set
them, and reports an event whose signature is missing or does not verify with its author's key at that time, and
an event its author's role may not write (``checkpoint.model.roles.EVENT_AUTHORS``). So an officer who opens the
database with her passphrase and writes a correctly chained ``user.updated`` making herself supervisor is named:
authored as the supervisor, the signature is not the supervisor's; authored as herself, an officer may not write
it. Events written before the store had signatures (``signed_from_order`` in meta) are counted once as a note,
never as a problem. Events from other devices are not checked here (they carry no local author signature).

Not defended: an account that never signed in since the upgrade has no key yet, and its first ``user.key_set``
is self-signed (whoever holds the data key could write it first); a key set by a recovery (code or HQ) is
self-signed too and listed as a note.
"""

from __future__ import annotations

import json
from typing import Any

from checkpoint import crypto
from checkpoint.errors import SignatureInvalid, ValidationError
from checkpoint.events import AUTHOR_CONTEXT
from checkpoint.model.roles import Permission, can, may_author
from checkpoint.storage.codec import decode_payload
from checkpoint.storage.keyfile import KeyFile
from checkpoint.storage.store import Store

__all__ = ["adopt_signing_key", "author_problems", "record_key", "signed_from_order"]


def record_key(store: Store, user_id: str, public: bytes, *, author: str, by: str = "",
               sealing_public: bytes | None = None) -> None:
    """Record ``user_id``'s signing public key (inside the caller's transaction), and the public half of her X25519
    key when given (``checkpoint.services.protection.reading_key``: the sections she writes are sealed to it)."""
    payload: dict[str, Any] = {"signing_public": public.hex()}
    if sealing_public is not None:
        payload["sealing_public"] = sealing_public.hex()
    if by:
        payload["by"] = by
    store.record("user.key_set", "user", user_id, payload, author=author)


def adopt_signing_key(store: Store, kf: KeyFile, user_id: str) -> None:
    """At sign-in: give the store the user's signing key from her slot (a slot without one gets a new key, sealed
    in it), and record its public half if her account does not show it yet."""
    private = kf.signing_key
    if private is None:
        private, _pub = crypto.generate_signing_key()
        kf.set_signing_key(user_id, private)
        kf.signing_key = private
    public = crypto.signing_public(private)
    store.signer = (user_id, private)
    row = store.db.execute("SELECT signing_public FROM users WHERE id = ?", [user_id]).fetchone()
    if row is not None and row[0] != public.hex():
        with store.write():
            record_key(store, user_id, public, author=user_id)


def signed_from_order(store: Store) -> int:
    """The ``local_order`` after which this store signs every event (0: since it was created)."""
    try:
        return int(store.meta("signed_from_order") or 0)
    except ValueError:
        return 0


def author_problems(store: Store) -> tuple[list[str], list[str]]:
    """(problems, notes) about who wrote this device's events. See the module docstring."""
    problems: list[str] = []
    notes: list[str] = []
    start = signed_from_order(store)
    roles: dict[str, str] = {}
    keys: dict[str, bytes] = {}
    names: dict[str, str] = {}
    unsigned_before = 0
    cur = store.db.execute("SELECT id, device_id, device_seq, entity_id, type, payload, author, hash, author_sig, "
                           "local_order FROM events ORDER BY local_order")
    for eid, device_id, seq, entity, type_, raw, author, hash_, sig, order in cur:
        try:
            payload = json.loads(decode_payload(raw))
        except (ValueError, TypeError):
            payload = {}                      # verify_chain reports an unreadable payload
        if not isinstance(payload, dict):
            payload = {}
        if device_id == store.device_id:
            if order <= start:
                unsigned_before += 1
            else:
                problem = _check(eid, seq, entity, type_, payload, author, hash_, sig, roles, keys, names)
                if problem:
                    problems.append(problem)
                elif type_ == "user.key_set" and payload.get("by"):
                    notes.append(f"the signing key of {names.get(entity, entity)} was set by a recovery "
                                 f"({str(payload['by'])[:40]}) at device seq {seq}")
        _apply(type_, entity, payload, roles, keys, names)
    if unsigned_before:
        notes.insert(0, f"{unsigned_before} events were written before this store signed events: they carry no "
                        "author signature (not a problem)")
    return problems, notes


def _check(eid: str, seq: int, entity: str, type_: str, payload: dict[str, Any], author: str, hash_: str,
           sig: str, roles: dict[str, str], keys: dict[str, bytes], names: dict[str, str]) -> str:
    where = f"event {eid} ({type_}, device seq {seq})"
    who = names.get(author, author[:8])
    role = roles.get(author)
    key = keys.get(author)
    if not roles and type_ == "user.created" and entity == author:
        return ""                             # the store's first supervisor creates herself; her key follows
    if type_ == "user.key_set" and entity == author and (key is None or payload.get("by")):
        try:                                  # her first key, or one a recovery set, signs itself
            key = bytes.fromhex(str(payload.get("signing_public", "")))
        except ValueError:
            key = None
    if role is None:
        return f"{where}: its author {who} is not an account of this device"
    if not sig:
        return f"{where}: it has no author signature"
    if key is None:
        return f"{where}: its author {who} has no signing key"
    try:
        crypto.verify(key, hash_.encode(), bytes.fromhex(sig), context=AUTHOR_CONTEXT)
    except (ValueError, SignatureInvalid, ValidationError):
        return f"{where}: its signature is not {who}'s (forged author?)"
    if type_ in ("user.passphrase_changed", "user.key_set") and entity == author:
        return ""                             # her own passphrase, her own key
    if type_ == "user.updated" and entity == author and payload.get("changes") == {"status": "active"} \
            and payload.get("by"):
        return ""
    if type_ in ("user.passphrase_changed", "user.key_set"):
        return "" if can(role, Permission.MANAGE_USERS) else f"{where}: a {role} may not write it (author {who})"
    if not may_author(role, type_):
        return f"{where}: a {role} may not write it (author {who})"
    return ""


def _apply(type_: str, entity: str, payload: dict[str, Any], roles: dict[str, str], keys: dict[str, bytes],
           names: dict[str, str]) -> None:
    if type_ == "user.created":
        roles[entity] = str(payload.get("role", ""))
        names[entity] = str(payload.get("username", entity[:8]))
    elif type_ == "user.updated":
        changes = payload.get("changes")
        if isinstance(changes, dict):
            if "role" in changes:
                roles[entity] = str(changes["role"])
            if "username" in changes:
                names[entity] = str(changes["username"])
    elif type_ == "user.key_set":
        try:
            keys[entity] = bytes.fromhex(str(payload.get("signing_public", "")))
        except ValueError:
            keys.pop(entity, None)
