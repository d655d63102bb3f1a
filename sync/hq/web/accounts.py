"""HQ accounts: who may sign in to the dashboard, with which role, and the audit trail of what they did.

    >>> accounts = Accounts(store, clock)                                                    # doctest: +SKIP
    >>> enrolled = accounts.add("dara", "Dara Chan", "analyst", passphrase)                  # doctest: +SKIP
    >>> enrolled.uri        # otpauth://totp/...: shown ONCE, for the authenticator app     # doctest: +SKIP
    >>> accounts.authenticate("dara", passphrase, "123456", address="10.0.0.5")              # doctest: +SKIP

Roles (what each sees is ``PERMISSIONS``; every page checks one permission):

- ``analyst``: aggregates only (overview, reports, sync health counts); never a record, a payload or the quarantine.
- ``data_manager``: + records, quarantined events (with the payload), held gaps, conflicts, devices (revoke),
  exports.
- ``hq_admin``: accounts and keys; sync health; revoke devices. Not records (least privilege).
- ``partner``: reserved for the referral network (#16): a partner will see only referrals addressed to her
  organisation. No dashboard permission yet.

Passphrases: scrypt (memory-hard; n=2**15, r=8, p=1: 32 MiB and ~0.1 s per guess) with a random 16-byte salt,
checked in constant time; a new one must pass ``checkpoint.passphrase.check_passphrase`` (the project's one
strength rule). Second factor: TOTP (RFC 6238: SHA-1, 6 digits, 30 s, +-1 step), a code used once only.
Lockout: after ``MAX_FAILURES`` wrong sign-ins in a row the account is locked for ``LOCKOUT_SECONDS``; an HQ admin
may lock an account outright (``checkpoint-hq user lock``). A refused sign-in never says which part was wrong.
"""

from __future__ import annotations

import base64
import functools
import hmac
import json
import logging
import os
import urllib.parse
from dataclasses import dataclass
from typing import Any, Final

import sqlalchemy as sa
from cryptography.hazmat.primitives.hashes import SHA1
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.twofactor import InvalidToken
from cryptography.hazmat.primitives.twofactor.totp import TOTP

from checkpoint.clock import Clock
from checkpoint.errors import AuthError, ConflictError, DecryptionFailed, NotFound, StoreError, ValidationError
from checkpoint.passphrase import MAX_PASSPHRASE, check_passphrase
from sync.hq.checks import clean
from sync.hq.sealed import seal, unseal
from sync.hq.store import HQStore, hq_audit, hq_sessions, hq_users, timestamp

__all__ = ["MAX_FAILURES", "PERMISSIONS", "ROLES", "Accounts", "Enrolled", "User", "audit", "can", "log_export"]

ROLES: Final = ("analyst", "data_manager", "hq_admin", "partner")
ROLE_LABELS: Final = {"analyst": "Analyst", "data_manager": "Data manager", "hq_admin": "HQ admin",
                      "partner": "Partner"}

# Permission -> roles that have it. One table: the pages, the links shown and the tests read it.
PERMISSIONS: Final[dict[str, frozenset[str]]] = {
    "view_aggregates": frozenset({"analyst", "data_manager", "hq_admin"}),
    "view_sync_health": frozenset({"analyst", "data_manager", "hq_admin"}),
    "view_records": frozenset({"data_manager"}),           # a person's events, a quarantined payload
    "manage_quarantine": frozenset({"data_manager"}),      # quarantine, held gaps, conflicts: list and decide
    "revoke_device": frozenset({"data_manager", "hq_admin"}),
    "export": frozenset({"data_manager"}),
    "manage_accounts": frozenset({"hq_admin"}),
    "manage_directory": frozenset({"data_manager"}),       # the referral directory (#16)
    "follow_referrals": frozenset({"partner"}),            # referrals to her organisation only (#16)
    "match_persons": frozenset({"data_manager"}),          # likely same persons across checkpoints (#15 point 6)
    "record_tb_outcome": frozenset({"data_manager", "partner"}),   # a TB referral's treatment (#14; a partner: hers)
    "export_nea": frozenset({"data_manager"}),             # NEA's CSV with names and phones (#15 pt 4; sync.hq.nea)
}

log = logging.getLogger("checkpoint.hq.web")

MAX_FAILURES: Final = 5
LOCKOUT_SECONDS: Final = 15 * 60
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
TOTP_DIGITS, TOTP_STEP = 6, 30
ISSUER: Final = "Checkpoint HQ"
USERNAME_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-")
REFUSED: Final = "Sign-in refused: the user name, passphrase or code is wrong, or the account is locked."


def can(role: str, permission: str) -> bool:
    """Whether ``role`` has ``permission`` (an unknown permission: nobody)."""
    return role in PERMISSIONS.get(permission, frozenset())


@dataclass(frozen=True)
class User:
    username: str
    display_name: str
    role: str
    organisation: str
    status: str
    locked: bool
    created_at: str
    last_sign_in: str

    def can(self, permission: str) -> bool:
        return can(self.role, permission)


@dataclass(frozen=True)
class Enrolled:
    """A new account's second factor, shown once: the base32 secret and the otpauth:// URI (a QR code of it)."""

    username: str
    secret: str
    uri: str


def _hash(passphrase: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def hash_passphrase(passphrase: str) -> str:
    salt = os.urandom(16)
    return json.dumps({"alg": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": salt.hex(),
                       "hash": _hash(passphrase, salt).hex()})


def verify_passphrase(stored: str, passphrase: str) -> bool:
    try:
        k = json.loads(stored)
        got = _hash(passphrase, bytes.fromhex(k["salt"]), int(k["n"]), int(k["r"]), int(k["p"]))
        return hmac.compare_digest(got, bytes.fromhex(k["hash"]))
    except (ValueError, KeyError, TypeError):
        return False


def _totp(secret: str) -> TOTP:
    return TOTP(base64.b32decode(secret), TOTP_DIGITS, SHA1(), TOTP_STEP,  # noqa: S303 - RFC 6238 is HMAC-SHA1
                enforce_key_length=False)


def totp_code(secret: str, at: float) -> str:
    """The code an authenticator shows at epoch time ``at`` (tests and the enrollment check use it)."""
    return _totp(secret).generate(int(at)).decode("ascii")


def otpauth_uri(secret: str, username: str) -> str:
    label = urllib.parse.quote(f"{ISSUER}:{username}")
    return (f"otpauth://totp/{label}?secret={secret}&issuer={urllib.parse.quote(ISSUER)}&algorithm=SHA1"
            f"&digits={TOTP_DIGITS}&period={TOTP_STEP}")


def _username(value: Any) -> str:
    u = clean(value, 64)
    if u is None or not u or set(u) - USERNAME_CHARS:
        raise ValidationError("username", "must be 1 to 64 characters: lower-case letters, digits, '.', '_' or '-'")
    return u


def audit(conn: sa.engine.Connection, at: str, username: str, action: str, target: str = "", detail: str = "",
          address: str = "") -> None:
    """A line in HQ's audit trail (every sign-in, record view, export and operator action), in ``conn``'s
    transaction. Never a passphrase, a code or a record's content."""
    conn.execute(hq_audit.insert().values(at=at, username=username[:64], action=action[:40], target=target[:200],
                                          detail=detail[:2000], address=address[:64]))


def log_export(store: HQStore, clock: Clock, username: str, what: str, period: str, rows: int,
               address: str = "") -> None:
    """Record an export (issue 15: who, when, what, which period, how many rows) in HQ's audit trail. For the
    reports and exports of ``sync.hq.reports``: call it in the same request that hands the file out."""
    with store.write() as conn:
        audit(conn, timestamp(clock), username, "export", what, f"period {period}; {rows} rows", address)


def _user(row: Any, now: float) -> User:
    return User(row.username, row.display_name, row.role, row.organisation, row.status,
                row.status != "active" or row.locked_until > now, row.created_at, row.last_sign_in)


class Accounts:
    """HQ's accounts over its store. ``clock`` decides lockouts and TOTP (tests inject one)."""

    def __init__(self, store: HQStore, clock: Clock, totp_key: bytes | None = None) -> None:
        """``totp_key`` seals the accounts' TOTP secrets (``sync.hq.sealed``); by default the one ``HQService``
        derived from HQ's keys for this store (``HQStore.totp_key``). Without it no account can be added and no
        code checked."""
        self.store, self.clock = store, clock
        self._key = totp_key

    @property
    def totp_key(self) -> bytes:
        key = self._key if self._key is not None else getattr(self.store, "totp_key", None)
        if key is None:
            raise StoreError("HQ's keys are not loaded: the accounts' second factor is sealed with a key derived "
                             "from them; give --keys DIR and the keys' passphrase.")
        return bytes(key)

    def add(self, username: str, display_name: str, role: str, passphrase: str, *, organisation: str = "",
            by: str = "cli") -> Enrolled:
        """Create an account. Raises ValidationError (bad name, role or weak passphrase), ConflictError."""
        username = _username(username)
        name = clean(display_name, 120)
        if not name or not name.strip():
            raise ValidationError("display_name", "is required (at most 120 characters)")
        if role not in ROLES:
            raise ValidationError("role", f"must be one of {', '.join(ROLES)}")
        org = clean(organisation, 120)
        if org is None:
            raise ValidationError("organisation", "must be at most 120 characters")
        if role == "partner" and not org.strip():
            raise ValidationError("organisation", "is required for a partner account")
        passphrase = check_passphrase(passphrase, username=username, hints=[name])
        key = self.totp_key
        secret = base64.b32encode(os.urandom(20)).decode("ascii")
        now = timestamp(self.clock)
        with self.store.write() as conn:
            if conn.execute(sa.select(hq_users.c.username).where(hq_users.c.username == username)).first():
                raise ConflictError(f"An HQ account {username!r} exists already.")
            conn.execute(hq_users.insert().values(
                username=username, display_name=name.strip(), role=role, organisation=org.strip(),
                kdf=hash_passphrase(passphrase), totp_secret=seal(key, username, secret), status="active",
                created_at=now))
            audit(conn, now, by, "user_add", username, f"role {role}")
        return Enrolled(username, secret, otpauth_uri(secret, username))

    def users(self) -> list[User]:
        now = self.clock.now().timestamp()
        with self.store.read() as conn:
            return [_user(r, now) for r in conn.execute(sa.select(hq_users).order_by(hq_users.c.username))]

    def get(self, username: str) -> User | None:
        u = clean(username, 64)
        if u is None:
            return None
        with self.store.read() as conn:
            row = conn.execute(sa.select(hq_users).where(hq_users.c.username == u)).first()
        return None if row is None else _user(row, self.clock.now().timestamp())

    def set_status(self, username: str, status: str, *, by: str = "cli") -> None:
        """Lock (``locked``) or unlock (``active``) an account; locking also ends its sessions. Raises NotFound."""
        username = _username(username)
        now = timestamp(self.clock)
        with self.store.write() as conn:
            n = conn.execute(hq_users.update().where(hq_users.c.username == username)
                             .values(status=status, failures=0, locked_until=0)).rowcount
            if n == 0:
                raise NotFound(f"No HQ account {username!r}.")
            if status != "active":
                conn.execute(hq_sessions.delete().where(hq_sessions.c.username == username))
            audit(conn, now, by, "user_lock" if status != "active" else "user_unlock", username)

    def authenticate(self, username: Any, passphrase: Any, code: Any, *, address: str = "") -> User:
        """The account, if the passphrase and the current TOTP code are right and it is not locked. Every attempt
        is audited; a failure counts towards the lockout. Raises AuthError (one message for every cause)."""
        now_dt = self.clock.now()
        now, at = now_dt.timestamp(), now_dt.isoformat(timespec="milliseconds")
        u = clean(username, 64) or ""
        pw = passphrase if isinstance(passphrase, str) and len(passphrase) <= MAX_PASSPHRASE else ""
        code = code.strip().replace(" ", "") if isinstance(code, str) else ""
        # Every refusal is written (audit line, failure count) and committed before AuthError is raised.
        with self.store.write() as conn:
            row = self._check(conn, u, pw, code, now, at, address)
        if row is None:
            raise AuthError(REFUSED)
        return _user(row, now)


    def _check(self, conn: sa.engine.Connection, u: str, pw: str, code: str, now: float, at: str,
               address: str) -> Any:
        """The account's row after a successful sign-in, else None (the refusal audited and counted)."""
        row = conn.execute(sa.select(hq_users).where(hq_users.c.username == u)).first()
        if row is None:
            verify_passphrase(_dummy(), pw)              # the same time as for a real account
            audit(conn, at, u or "?", "sign_in_failed", u, "unknown account", address)
            return None
        if row.status != "active" or row.locked_until > now:
            audit(conn, at, u, "sign_in_failed", u, "account locked", address)
            return None
        ok = verify_passphrase(row.kdf, pw)
        step = int(now) // TOTP_STEP
        used = None
        secret = ""
        if ok:
            try:
                secret = unseal(self.totp_key, u, row.totp_secret)
            except (DecryptionFailed, StoreError):
                log.error("HQ account %s: its TOTP secret does not open with HQ's keys", u)
        if ok and secret and len(code) == TOTP_DIGITS and code.isdigit():
            for s in (step - 1, step, step + 1):        # an authenticator's clock may be one step off
                if s <= row.totp_last_step:             # a code is used once: never one of a step already used
                    continue
                try:
                    _totp(secret).verify(code.encode("ascii"), s * TOTP_STEP)
                    used = s
                    break
                except InvalidToken:
                    continue
        if not ok or used is None:
            failures = row.failures + 1
            lock = now + LOCKOUT_SECONDS if failures >= MAX_FAILURES else 0.0
            conn.execute(hq_users.update().where(hq_users.c.username == u).values(
                failures=0 if lock else failures, locked_until=lock))
            audit(conn, at, u, "sign_in_failed", u, ("passphrase" if not ok else "code")
                  + (f"; locked for {LOCKOUT_SECONDS // 60} min" if lock else ""), address)
            return None
        conn.execute(hq_users.update().where(hq_users.c.username == u).values(
            failures=0, locked_until=0, totp_last_step=used, last_sign_in=at))
        audit(conn, at, u, "sign_in", u, "", address)
        return conn.execute(sa.select(hq_users).where(hq_users.c.username == u)).one()


@functools.cache
def _dummy() -> str:
    return hash_passphrase("a dummy passphrase nobody has")
