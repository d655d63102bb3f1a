"""Server-side sessions of the HQ dashboard.

The cookie holds only a random 256-bit id; the server keeps its SHA-256 (a stolen database copy opens no session),
the user, the session's CSRF token and two times: ``created`` (absolute expiry, ``ABSOLUTE_SECONDS``) and
``last_seen`` (idle expiry, ``IDLE_SECONDS``). Both are read from the injected clock, so tests move time.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Final

import sqlalchemy as sa

from checkpoint.clock import Clock
from sync.hq.store import HQStore, hq_sessions, hq_users

__all__ = ["ABSOLUTE_SECONDS", "IDLE_SECONDS", "Sessions", "WebSession"]

IDLE_SECONDS: Final = 30 * 60
ABSOLUTE_SECONDS: Final = 12 * 3600
TOUCH_EVERY: Final = 30.0          # seconds between two writes of last_seen


@dataclass(frozen=True)
class WebSession:
    token_hash: str
    username: str
    role: str
    display_name: str
    csrf: str


def _h(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Sessions:
    def __init__(self, store: HQStore, clock: Clock, *, idle: float = IDLE_SECONDS,
                 absolute: float = ABSOLUTE_SECONDS) -> None:
        self.store, self.clock, self.idle, self.absolute = store, clock, idle, absolute

    def start(self, username: str) -> str:
        """A new session for ``username``; returns the cookie's value (never stored as is)."""
        token = secrets.token_urlsafe(32)
        now = self.clock.now().timestamp()
        with self.store.write() as conn:
            conn.execute(hq_sessions.delete().where(
                (hq_sessions.c.created < now - self.absolute) | (hq_sessions.c.last_seen < now - self.idle)))
            conn.execute(hq_sessions.insert().values(id_hash=_h(token), username=username,
                                                     csrf=secrets.token_urlsafe(32), created=now, last_seen=now))
        return token

    def get(self, token: str | None) -> WebSession | None:
        """The live session of this cookie value, its idle time renewed; None if unknown, expired or its account
        is locked (an expired one is deleted)."""
        if not token or len(token) > 100:
            return None
        h = _h(token)
        now = self.clock.now().timestamp()
        with self.store.read() as conn:
            row = conn.execute(sa.select(hq_sessions, hq_users.c.role, hq_users.c.display_name, hq_users.c.status,
                                         hq_users.c.locked_until)
                               .join(hq_users, hq_users.c.username == hq_sessions.c.username)
                               .where(hq_sessions.c.id_hash == h)).first()
        if row is None:
            return None
        if row.created + self.absolute <= now or row.last_seen + self.idle <= now or row.status != "active" \
                or row.locked_until > now:
            self.end(token)
            return None
        if now - row.last_seen >= TOUCH_EVERY:
            with self.store.write() as conn:
                conn.execute(hq_sessions.update().where(hq_sessions.c.id_hash == h).values(last_seen=now))
        return WebSession(h, row.username, row.role, row.display_name, row.csrf)

    def end(self, token: str | None) -> None:
        if token:
            with self.store.write() as conn:
                conn.execute(hq_sessions.delete().where(hq_sessions.c.id_hash == _h(token)))
