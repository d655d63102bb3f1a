"""Unfinished registrations, saved as the officer types so nothing is lost to a crash or a lock.

    >>> changes = session.drafts.save({"person": {"family_name": "SOK"}})      # doctest: +SKIP
    >>> draft_id = changes.ids["draft"]                                        # doctest: +SKIP
    >>> [d.payload for d in session.drafts.list()]                             # doctest: +SKIP
    [{'person': {'family_name': 'SOK'}}]
    >>> session.drafts.discard(draft_id)                                       # doctest: +SKIP

Drafts are this user's own and not events (they never travel to HQ); registering with ``draft_id`` deletes the
draft in the same transaction. A draft holds the answers being typed, so it is sealed to the user's own X25519 key
(``checkpoint.services.protection.reading_key``, issue 10 point 11): no other passphrase, and no one holding only
the data key, reads it; a draft she can no longer open (her key was renewed by a passphrase reset) is not listed.
Raises PermissionDenied (roles that do not register), ValidationError (a draft over 1 MiB, a bad id).
"""

from __future__ import annotations

import base64
import builtins
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checkpoint.crypto import sealed
from checkpoint.errors import CryptoError, ValidationError
from checkpoint.model.roles import Permission
from checkpoint.services.base import Context, check_id
from checkpoint.services.changes import Changes
from checkpoint.services.protection import reading_key

__all__ = ["MAX_DRAFT_BYTES", "SEALED_PREFIX", "Draft", "Drafts"]

MAX_DRAFT_BYTES = 1 << 20
SEALED_PREFIX = "sealed:"


def _context(draft_id: str, user_id: str) -> bytes:
    return f"checkpoint draft v1|{user_id}|{draft_id}".encode()


@dataclass(frozen=True)
class Draft:
    id: str
    kind: str
    payload: dict[str, Any]
    created_at: str
    updated_at: str


class Drafts:
    """``session.drafts``: the signed-in user's unfinished forms."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def save(self, payload: Mapping[str, Any], *, draft_id: str | None = None, kind: str = "registration"
             ) -> Changes:
        """Save an unfinished form (called on every change): a new draft, or ``draft_id`` replaced. The draft's
        id is ``changes.ids["draft"]``."""
        ctx = self._ctx
        ctx.require(Permission.DRAFTS)
        text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
        if len(text.encode()) > MAX_DRAFT_BYTES:
            raise ValidationError("draft", "is too large")
        now = ctx.store.clock.now().isoformat()
        did = check_id(draft_id, "draft_id") if draft_id else str(uuid.uuid4())
        signer = ctx.store.signer
        if signer is not None and signer[0] == ctx.user.id:
            blob = sealed.seal_for([reading_key(signer[1])[1]], text.encode(), context=_context(did, ctx.user.id))
            text = SEALED_PREFIX + base64.b64encode(blob).decode("ascii")
        with ctx.store.write():
            cur = ctx.db.execute("UPDATE drafts SET payload = ?, updated_at = ? WHERE id = ? AND user_id = ?",
                                 [text, now, did, ctx.user.id])
            if cur.rowcount == 0:
                ctx.db.execute("INSERT INTO drafts (id, user_id, kind, payload, created_at, updated_at) "
                               "VALUES (?,?,?,?,?,?)", [did, ctx.user.id, kind, text, now, now])
        return Changes(drafts=True, ids={"draft": did})

    def list(self) -> builtins.list[Draft]:
        """This user's drafts, the most recently saved first."""
        ctx = self._ctx
        ctx.require(Permission.DRAFTS)
        rows = ctx.db.execute("SELECT id, kind, payload, created_at, updated_at FROM drafts "
                              "WHERE user_id = ? ORDER BY updated_at DESC", [ctx.user.id]).fetchall()
        signer = ctx.store.signer
        key = reading_key(signer[1])[0] if signer is not None and signer[0] == ctx.user.id else None
        out = []
        for did, kind, payload, created, updated in rows:
            if payload.startswith(SEALED_PREFIX):
                if key is None:
                    continue
                try:
                    payload = sealed.open_for(key, base64.b64decode(payload[len(SEALED_PREFIX):], validate=True),
                                              context=_context(did, ctx.user.id)).decode()
                except (ValueError, CryptoError, ValidationError):
                    continue                  # not hers to open any more (a new key), or damaged
            out.append(Draft(did, kind, json.loads(payload), created, updated))
        return out

    def discard(self, draft_id: str) -> Changes:
        """Delete one of this user's drafts (nothing happens for an id that is not one)."""
        ctx = self._ctx
        ctx.require(Permission.DRAFTS)
        with ctx.store.write():
            ctx.db.execute("DELETE FROM drafts WHERE id = ? AND user_id = ?",
                           [check_id(draft_id, "draft_id"), ctx.user.id])
        return Changes(drafts=True)
