"""The store's user accounts: list, add, passphrases, lock and unlock, roles.

    >>> session.users.add("sokha", "Sokha", Role.OFFICER, "a long passphrase")      # doctest: +SKIP
    >>> [(u.username, u.role, u.failed_attempts) for u in session.users.list()]    # doctest: +SKIP
    [('dara', 'supervisor', 0), ('sokha', 'officer', 0)]
    >>> session.users.set_status("sokha", "disabled")                              # doctest: +SKIP

Accounts are managed by supervisors and administrators, but an administrator manages only officers, health
workers and administrators: adding a supervisor, giving or taking the supervisor role, resetting, locking or
reinstating a supervisor needs a supervisor (or the printed recovery code, ``auth.reset_with_recovery_code``).
Anyone may change their own passphrase (with the old one). A user whose role or passphrase someone else changed
is told at their next sign-in (``take_notices``, which ``unlock`` calls: ``session.notices``).

Locking an account removes its key slot: the old passphrase no longer opens the store (a copy of the key file
taken before still does; ``rotate_data_key`` ends that). Reinstating a locked account is a supervisor setting a
new passphrase, which wraps the key for it again. Nothing is ever deleted: a locked user's records stay. A
passphrase change rewraps the data key; the database is never re-encrypted.

Raises PermissionDenied, ValidationError (user name, role, weak passphrase), NotFound, ConflictError (a name
taken, locking oneself or the last supervisor, unlocking a locked account without a new passphrase),
WrongPassphrase.
"""

from __future__ import annotations

import builtins
import json
import uuid
import zlib
from dataclasses import dataclass
from typing import Any

from checkpoint import crypto
from checkpoint.errors import ConflictError, NotFound, PermissionDenied, StoreError, ValidationError
from checkpoint.model.fields import opt_text
from checkpoint.model.roles import ROLES, Permission, Role
from checkpoint.model.user import validate_username
from checkpoint.passphrase import check_passphrase
from checkpoint.services.authorship import record_key
from checkpoint.services.base import Context, row_dicts
from checkpoint.services.changes import Changes
from checkpoint.services.devicekey import reseal
from checkpoint.services.protection import reading_key
from checkpoint.storage.codec import decode_payload

__all__ = ["Notice", "Rotated", "UserAccount", "Users"]

_NOTICE_META = "notices_seen:"      # + user id: the local_order of the last event already told to that user
_MAX_NOTICES = 10


@dataclass(frozen=True)
class Notice:
    """Something another person did to this account, told once at the next sign-in.

    ``kind`` is ``role`` (``role`` holds the new role), ``passphrase`` (a reset) or ``reinstated``; ``by`` is the
    user name of who did it, or ``recovery_code``, or what HQ's recovery recorded; ``at`` is the ISO time.
    ``weak_passphrase`` (told at every sign-in until changed) says the passphrase just used would be refused
    today.
    """

    kind: str
    by: str
    at: str
    role: str = ""

    def text(self) -> str:
        """One English line (the CLI's); the desktop app words it in the user's language from the fields."""
        who = "with the recovery code" if self.by == "recovery_code" else f"by {self.by}"
        day = self.at[:10]
        if self.kind == "role":
            return f"Your role was changed to {self.role.replace('_', ' ')} {who} on {day}."
        if self.kind == "reinstated":
            return f"Your account was reinstated {who} on {day}."
        if self.kind == "weak_passphrase":
            return ("Your passphrase is too easy to guess by today's rules: please change it "
                    "(checkpoint-admin user passwd), or ask a supervisor to set a new one.")
        return f"Your passphrase was reset {who} on {day}."


@dataclass(frozen=True)
class UserAccount:
    """A local account as user management shows it; ``failed_attempts`` counts wrong passphrases since the last
    good one (from the key file)."""

    id: str
    username: str
    display_name: str
    role: str
    status: str
    created_at: str
    failed_attempts: int


@dataclass(frozen=True)
class Rotated:
    """A data-key rotation: the new printed recovery code (the old one opens nothing now) and the users whose
    old-style slots could not take the new key (they need a new passphrase from a supervisor)."""

    recovery_code: str
    users_without_slot: tuple[str, ...]
    changes: Changes


class Users:
    """``session.users``: account management."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def list(self) -> builtins.list[UserAccount]:
        """Every account, by user name."""
        ctx = self._ctx
        ctx.require(Permission.MANAGE_USERS)
        rows = ctx.db.execute("SELECT id, username, display_name, role, status, created_at FROM users "
                              "ORDER BY username").fetchall()
        return [UserAccount(uid, username, display, role, status, created, ctx.keyfile.failed_attempts(uid))
                for uid, username, display, role, status, created in rows]

    def _by_name(self, username: str) -> dict[str, Any]:
        rows = row_dicts(self._ctx.db.execute("SELECT * FROM users WHERE username = ?",
                                              [validate_username(username)]))
        if not rows:
            raise NotFound(f"No user named {username}.")
        return rows[0]

    def _require_over(self, *roles: str) -> None:
        """MANAGE_USERS, and a supervisor when any of ``roles`` (the account's role, the role given) is one."""
        ctx = self._ctx
        ctx.require(Permission.MANAGE_USERS)
        if Role.SUPERVISOR in roles and ctx.user.role != Role.SUPERVISOR:
            raise PermissionDenied("Only a supervisor may add, promote, demote, reset, lock or reinstate a "
                                   "supervisor.")

    def add(self, username: str, display_name: str, role: str, passphrase: str) -> Changes:
        """A new account that signs in with ``passphrase``; its id is ``changes.ids["user"]``."""
        ctx = self._ctx
        ctx.require(Permission.MANAGE_USERS)
        name = validate_username(username)
        if role not in ROLES:
            raise ValidationError("role", "must be officer, health_worker, supervisor or admin")
        self._require_over(role)
        display = opt_text({"display_name": display_name}, "display_name", max_len=80) or name
        pw = check_passphrase(passphrase, username=name, hints=(display, ctx.site.checkpoint_name))
        if ctx.db.execute("SELECT 1 FROM users WHERE username = ?", [name]).fetchone():
            raise ConflictError(f"A user named {name} already exists.")
        uid = str(uuid.uuid4())
        key = ctx.data_key()
        own_priv, own_pub = crypto.generate_signing_key()      # the new user's own key, sealed in her slot
        with ctx.store.write():
            ctx.store.record("user.created", "user", uid, {"username": name, "display_name": display,
                                                           "role": str(role)}, author=ctx.user.id)
            record_key(ctx.store, uid, own_pub, author=ctx.user.id, sealing_public=reading_key(own_priv)[1])
            # The slot is written before the transaction commits; if the commit fails the slot names a user id
            # that does not exist and can never sign in.
            ctx.keyfile.add_passphrase_slot(uid, name, key, pw, kdf=ctx.kdf, signing_private=own_priv)
        reseal(ctx.store, ctx.keyfile, ctx.device_key)
        return Changes(users=True, events=True, ids={"user": uid})

    def set_passphrase(self, username: str, new_passphrase: str, *, old_passphrase: str | None = None) -> Changes:
        """Reset another user's passphrase (managers; a supervisor's only by a supervisor) or change one's own
        (needs the old one). A locked account is reinstated by this (a supervisor only): its key slot was removed
        when it was locked. Rewraps the key; the database is never re-encrypted. Also clears the
        wrong-passphrase counter."""
        ctx = self._ctx
        u = self._by_name(username)
        if u["id"] == ctx.user.id:
            if old_passphrase is None:
                raise ValidationError("old_passphrase", "is required to change your own passphrase")
            ctx.keyfile.unwrap_for_user(u["username"], old_passphrase, now=ctx.store.clock.monotonic)
        else:
            self._require_over(u["role"])
            if u["status"] != "active" and ctx.user.role != Role.SUPERVISOR:
                raise PermissionDenied("Only a supervisor may reinstate a locked account.")
        pw = check_passphrase(new_passphrase, username=u["username"],
                              hints=(u["display_name"], ctx.site.checkpoint_name))
        signer = ctx.store.signer
        own = u["id"] == ctx.user.id and signer is not None and signer[0] == u["id"]
        # Her own change keeps her signing key; a reset by someone else gives her a new one (the old one is
        # sealed in the slot the reset replaces).
        own_priv = signer[1] if own and signer is not None else crypto.generate_signing_key()[0]
        with ctx.store.write():
            ctx.store.record("user.passphrase_changed", "user", u["id"], {"by": ctx.user.username},
                             author=ctx.user.id)
            if not own:
                record_key(ctx.store, u["id"], crypto.signing_public(own_priv), author=ctx.user.id,
                           sealing_public=reading_key(own_priv)[1])
            if u["status"] != "active":
                ctx.store.record("user.updated", "user", u["id"], {"changes": {"status": "active"}},
                                 author=ctx.user.id)
        ctx.keyfile.add_passphrase_slot(u["id"], u["username"], ctx.data_key(), pw, kdf=ctx.kdf,
                                        signing_private=own_priv)
        reseal(ctx.store, ctx.keyfile, ctx.device_key)
        return Changes(users=True, events=True)

    def set_status(self, username: str, status: str) -> Changes:
        """Lock (``disabled``) an account, removing its key slot; or, on an active account, clear a lockout delay
        (``active``). A locked account is reinstated with a new passphrase (``set_passphrase``), never by
        ``active`` alone: ConflictError. Nothing is ever deleted; a locked user's records stay."""
        ctx = self._ctx
        ctx.require(Permission.MANAGE_USERS)
        if status not in ("active", "disabled"):
            raise ValidationError("status", "must be active or disabled")
        u = self._by_name(username)
        self._require_over(u["role"])
        if status == "active" and u["status"] != "active":
            raise ConflictError("A locked account has no passphrase any more: a supervisor reinstates it by "
                                "setting a new passphrase.")
        if status == "disabled":
            if u["id"] == ctx.user.id:
                raise ConflictError("You cannot lock your own account.")
            if u["role"] == Role.SUPERVISOR and ctx.db.execute(
                    "SELECT count(*) FROM users WHERE role = 'supervisor' AND status = 'active'").fetchone()[0] <= 1:
                raise ConflictError("This is the last active supervisor; add another before locking it.")
        if u["status"] != status:
            with ctx.store.write():
                ctx.store.record("user.updated", "user", u["id"], {"changes": {"status": status}},
                                 author=ctx.user.id)
        if status == "disabled":
            # After the event commits: a crash in between leaves a slot of a locked account, which the next
            # sign-in of anyone removes (auth.unlock).
            ctx.keyfile.remove_user_slot(u["id"], locked=True)
        ctx.keyfile.clear_attempts(u["id"])
        reseal(ctx.store, ctx.keyfile, ctx.device_key)
        return Changes(users=True, events=True)

    def set_role(self, username: str, role: str) -> Changes:
        """Give an account another role (not one's own)."""
        ctx = self._ctx
        ctx.require(Permission.MANAGE_USERS)
        if role not in ROLES:
            raise ValidationError("role", "must be officer, health_worker, supervisor or admin")
        u = self._by_name(username)
        self._require_over(u["role"], role)
        if u["id"] == ctx.user.id:
            raise ConflictError("You cannot change your own role.")
        with ctx.store.write():
            ctx.store.record("user.updated", "user", u["id"], {"changes": {"role": str(role)}}, author=ctx.user.id)
        reseal(ctx.store, ctx.keyfile, ctx.device_key)
        return Changes(users=True, events=True)

    def take_notices(self) -> builtins.list[Notice]:
        """What others did to the signed-in user's account since it was last told (role changes, passphrase
        resets, reinstatement), oldest first, at most ten; each is told once. Any role (it is one's own)."""
        ctx = self._ctx
        me = ctx.user
        key = _NOTICE_META + me.id
        seen = int(ctx.store.meta(key, "0") or 0)
        rows = ctx.db.execute(
            "SELECT e.local_order, e.type, e.payload, e.author, e.recorded_at, u.username FROM events e "
            "LEFT JOIN users u ON u.id = e.author WHERE e.entity_id = ? AND e.entity_type = 'user' "
            "AND e.type IN ('user.updated', 'user.passphrase_changed') AND e.local_order > ? "
            "ORDER BY e.local_order", [me.id, seen]).fetchall()
        if not rows:
            return []
        notices: builtins.list[Notice] = []
        for _order, type_, raw, author, at, author_name in rows:
            try:
                payload = json.loads(decode_payload(raw))
            except (ValueError, zlib.error, UnicodeDecodeError):
                continue
            by = str(payload.get("by") or author_name or "?") if isinstance(payload, dict) else "?"
            if type_ == "user.passphrase_changed":
                if author == me.id and by == me.username:
                    continue            # one's own change
                notices.append(Notice("passphrase", by, str(at)))
            elif author != me.id and isinstance(payload, dict) and isinstance(payload.get("changes"), dict):
                changes = payload["changes"]
                who = str(author_name or "?")
                if "role" in changes:
                    notices.append(Notice("role", who, str(at), str(changes["role"])))
                elif changes.get("status") == "active":
                    notices.append(Notice("reinstated", who, str(at)))
        with ctx.store.write():
            ctx.store.set_meta(key, str(rows[-1][0]))
        return notices[-_MAX_NOTICES:]

    def rotate_data_key(self) -> Rotated:
        """Re-encrypt the store under a new data key, for a dismissed user who may have kept a copy of the key
        file (their old passphrase opens the old key, never the new one). A supervisor only; close the desktop app
        first (its connections hold the old key).

        Every remaining slot gets the new key without anyone's passphrase (each slot's key pair), HQ's recovery
        slot is sealed again to HQ's recovery key, and a new recovery code is made (returned: print it). The steps
        are ordered so that a power cut never leaves the store without a working key: (1) the key file gets the
        new key beside the old in every slot; (2) ``PRAGMA rekey`` (one transaction); (3) the key file keeps only
        the new key. A sign-in after a cut between 2 and 3 opens with the new key and does step 3; after a cut
        between 1 and 2 it opens with the old key and forgets step 1. Backups made before keep the old key and the
        old slots (docs/security.md).
        """
        ctx = self._ctx
        ctx.require(Permission.MANAGE_USERS)
        if ctx.user.role != Role.SUPERVISOR:
            raise PermissionDenied("Only a supervisor may rotate the data key.")
        hq_public: bytes | None = None
        raw = ctx.store.meta("hq_enrollment")
        if raw:
            try:
                hq_public = bytes.fromhex(json.loads(raw)["hq_recovery_public"])
            except (ValueError, KeyError, TypeError):
                hq_public = None
        if ctx.keyfile.has_slot("hq-recovery") and not ctx.keyfile.hq_slot_is_for(hq_public):
            # Never drop HQ's way back in silently: its public key must be known to seal the new key to it.
            raise StoreError("HQ's recovery key is not known here; the data key cannot be rotated without it.")
        new_key = crypto.new_data_key()
        code = crypto.generate_recovery_code()
        stale = ctx.keyfile.prepare_rotation(new_key, code, hq_public, kdf=ctx.kdf, device_private=ctx.device_key,
                                             protection_private=ctx.keyfile.protection_key)
        ctx.store.rekey(new_key)
        ctx.keyfile.finish_rotation()
        return Rotated(code, tuple(stale), Changes(users=True))
