"""What the service areas of one signed-in session share: the open store, the user, the site, the permission check.

Package-internal: ``Session`` builds one ``Context`` and hands it to each area (``session.records``,
``session.users``...) and to ``Outbox``; the desktop app, the CLI and sync call the areas, never this.

    >>> ctx.require(Permission.SEARCH)          # PermissionDenied for a role without it   # doctest: +SKIP
    >>> ctx.db.execute("SELECT count(*) FROM persons").fetchone()                           # doctest: +SKIP

Raises StoreError once the session is locked (every read of ``store`` or ``db``), PermissionDenied from
``require``, ValidationError from ``check_id``.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from checkpoint import crypto
from checkpoint.errors import NotFound, PermissionDenied, StoreError, ValidationError
from checkpoint.model.fields import opt_text
from checkpoint.model.roles import Permission, can
from checkpoint.services.readlog import ReadLog
from checkpoint.site import SiteConfig
from checkpoint.storage.keyfile import KeyFile
from checkpoint.storage.store import Store

if TYPE_CHECKING:
    import sqlite_utils  # imported by checkpoint.storage.db first, which swaps in SQLCipher

__all__ = ["Context", "User", "check_id", "check_reason", "load_user", "row_dicts"]

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class User:
    """The signed-in user. ``role`` is the stored role string (equal to its ``checkpoint.model.roles.Role``)."""

    id: str
    username: str
    display_name: str
    role: str
    status: str


class Context:
    """One session's store connection, user, site and key-file; ``close()`` forgets the store (and its key)."""

    def __init__(self, store: Store, keyfile: KeyFile, user: User, site: SiteConfig,
                 kdf: crypto.KdfParams | None) -> None:
        self._store: Store | None = store
        self.keyfile = keyfile
        self.user = user
        self.site = site
        self.kdf = kdf
        self.reads = ReadLog()
        # The device's signing key: supervisors and administrators only (checkpoint.services.devicekey).
        self.device_key: bytes | None = keyfile.device_key if user.role in ("supervisor", "admin") else None

    @property
    def store(self) -> Store:
        if self._store is None:
            raise StoreError("The session is locked: sign in again.")
        return self._store

    @property
    def db(self) -> sqlite_utils.Database:
        return self.store.db

    @property
    def closed(self) -> bool:
        return self._store is None

    def close(self) -> None:
        if self._store is not None:
            with contextlib.suppress(Exception):     # locking must not fail; the minute's first read is logged
                self.reads.flush(self._store, self.user.id)
            self._store.close()
            self._store = None
            self.device_key = None

    def may(self, permission: Permission) -> bool:
        return can(self.user.role, permission)

    def require(self, permission: Permission) -> None:
        if self._store is None:
            raise StoreError("The session is locked: sign in again.")
        if not self.may(permission):
            raise PermissionDenied(f"A {self.user.role.replace('_', ' ')} may not do this ({permission}).")

    def today(self) -> date:
        return self.store.clock.now().astimezone(self.site.tz).date()

    def data_key(self) -> bytes:
        """The open store's data key: to wrap a new key slot, key a backup or open a second connection. It stays in
        the core; it is dropped when the session locks."""
        if not self.store.data_key:
            raise StoreError("The data key is not available in this session.")
        return self.store.data_key

    def audit_read(self, kind: str, persons: int) -> None:
        """Leave the trace of a read that returned ``persons`` persons (``checkpoint.services.readlog``)."""
        self.reads.note(self.store, self.user.id, kind, persons)

    # ------------------------------------------------------------------ reads several areas share
    def encounter(self, encounter_id: str) -> dict[str, Any]:
        rows = row_dicts(self.db.execute("SELECT * FROM encounters WHERE id = ?",
                                         [check_id(encounter_id, "encounter_id")]))
        if not rows:
            raise NotFound("No such arrival.")
        return rows[0]

    def may_amend(self, officer_id: str) -> None:
        """PermissionDenied unless this user may correct an arrival registered by ``officer_id``."""
        if self.may(Permission.AMEND_ANY):
            return
        if self.may(Permission.AMEND_OWN) and officer_id == self.user.id:
            return
        raise PermissionDenied("Only the officer who registered this arrival, or a supervisor, may correct it.")

    def may_see_trafficking(self, officer_id: str) -> bool:
        """Trafficking answers and protection details of an arrival registered by ``officer_id``."""
        return self.may(Permission.VIEW_TRAFFICKING) or (
            self.may(Permission.VIEW_OWN_TRAFFICKING) and officer_id == self.user.id)


def load_user(store: Store, user_id: str) -> User:
    row = store.db.execute("SELECT id, username, display_name, role, status FROM users WHERE id = ?",
                           [user_id]).fetchone()
    if row is None:
        raise NotFound("No such user.")
    return User(*row)


def check_id(value: object, field: str) -> str:
    if not isinstance(value, str) or not _UUID.match(value):
        raise ValidationError(field, "is not a record id")
    return value


def row_dicts(cur: Any) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def check_reason(text: object) -> str:
    """The reason given for a correction or a void (at least 3 characters, at most 500)."""
    r = opt_text({"reason": text}, "reason", max_len=500)
    if len(r) < 3:
        raise ValidationError("reason", "give a reason for the correction")
    return r

