"""The store's user accounts: list, add, passphrases, lock and unlock, roles.

    >>> session.users.add("sokha", "Sokha", Role.OFFICER, "a long passphrase")      # doctest: +SKIP
    >>> [(u.username, u.role, u.failed_attempts) for u in session.users.list()]    # doctest: +SKIP
    [('dara', 'supervisor', 0), ('sokha', 'officer', 0)]
    >>> session.users.set_status("sokha", "disabled")                              # doctest: +SKIP

Accounts are managed by supervisors and administrators; anyone may change their own passphrase (with the old
one). Nothing is ever deleted: a locked user's records stay. A passphrase change rewraps the data key; the
database is never re-encrypted. Raises PermissionDenied, ValidationError (user name, role, weak passphrase),
NotFound, ConflictError (a name taken, locking oneself or the last supervisor), WrongPassphrase.
"""

from __future__ import annotations

import builtins
import uuid
from dataclasses import dataclass
from typing import Any

from checkpoint.errors import ConflictError, NotFound, ValidationError
from checkpoint.model.fields import opt_text
from checkpoint.model.roles import ROLES, Permission, Role
from checkpoint.model.user import check_passphrase, validate_username
from checkpoint.services.base import Context, row_dicts
from checkpoint.services.changes import Changes

__all__ = ["UserAccount", "Users"]


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

    def add(self, username: str, display_name: str, role: str, passphrase: str) -> Changes:
        """A new account that signs in with ``passphrase``; its id is ``changes.ids["user"]``."""
        ctx = self._ctx
        ctx.require(Permission.MANAGE_USERS)
        name = validate_username(username)
        if role not in ROLES:
            raise ValidationError("role", "must be officer, health_worker, supervisor or admin")
        pw = check_passphrase(passphrase)
        display = opt_text({"display_name": display_name}, "display_name", max_len=80) or name
        if ctx.db.execute("SELECT 1 FROM users WHERE username = ?", [name]).fetchone():
            raise ConflictError(f"A user named {name} already exists.")
        uid = str(uuid.uuid4())
        key = ctx.data_key()
        with ctx.store.write():
            ctx.store.record("user.created", "user", uid, {"username": name, "display_name": display,
                                                           "role": str(role)}, author=ctx.user.id)
            # The slot is written before the transaction commits; if the commit fails the slot names a user id
            # that does not exist and can never sign in.
            ctx.keyfile.add_passphrase_slot(uid, name, key, pw, kdf=ctx.kdf)
        return Changes(users=True, events=True, ids={"user": uid})

    def set_passphrase(self, username: str, new_passphrase: str, *, old_passphrase: str | None = None) -> Changes:
        """Reset another user's passphrase (managers) or change one's own (needs the old one). Rewraps the key;
        the database is never re-encrypted. Also clears the wrong-passphrase counter."""
        ctx = self._ctx
        u = self._by_name(username)
        if u["id"] == ctx.user.id:
            if old_passphrase is None:
                raise ValidationError("old_passphrase", "is required to change your own passphrase")
            ctx.keyfile.unwrap_for_user(u["username"], old_passphrase, now=ctx.store.clock.monotonic)
        else:
            ctx.require(Permission.MANAGE_USERS)
        pw = check_passphrase(new_passphrase)
        with ctx.store.write():
            ctx.store.record("user.passphrase_changed", "user", u["id"], {"by": ctx.user.username},
                             author=ctx.user.id)
        ctx.keyfile.add_passphrase_slot(u["id"], u["username"], ctx.data_key(), pw, kdf=ctx.kdf)
        return Changes(users=True, events=True)

    def set_status(self, username: str, status: str) -> Changes:
        """Lock (``disabled``) or unlock (``active``) an account. Unlocking also clears a lockout delay.
        Nothing is ever deleted; a locked user's records stay."""
        ctx = self._ctx
        ctx.require(Permission.MANAGE_USERS)
        if status not in ("active", "disabled"):
            raise ValidationError("status", "must be active or disabled")
        u = self._by_name(username)
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
        if status == "active":
            ctx.keyfile.clear_attempts(u["id"])
        return Changes(users=True, events=True)

    def set_role(self, username: str, role: str) -> Changes:
        """Give an account another role (not one's own)."""
        ctx = self._ctx
        ctx.require(Permission.MANAGE_USERS)
        if role not in ROLES:
            raise ValidationError("role", "must be officer, health_worker, supervisor or admin")
        u = self._by_name(username)
        if u["id"] == ctx.user.id:
            raise ConflictError("You cannot change your own role.")
        with ctx.store.write():
            ctx.store.record("user.updated", "user", u["id"], {"changes": {"role": str(role)}}, author=ctx.user.id)
        return Changes(users=True, events=True)
