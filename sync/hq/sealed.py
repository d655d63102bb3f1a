"""TOTP secrets at rest (issue 15): HQ's dashboard accounts keep their second-factor secret encrypted, under a key
that is not in the database, so a dump of the database alone does not let anyone compute sign-in codes.

The key is derived (HKDF-SHA256) from HQ's signing private key, which lives only in the keys directory, wrapped
under the operator's passphrase (``sync.hq.keys``): no new file to keep or back up, and whatever can serve HQ (it
unwraps the signing key) can check codes. Each secret is sealed with AES-256-GCM, a random 96-bit nonce, and the
account's user name as associated data (a sealed secret copied onto another account does not open).

    >>> key = totp_key(keys)                        # keys: sync.hq.keys.HQKeys        # doctest: +SKIP
    >>> sealed = seal(key, "dara", "JBSWY3DPEHPK3PXP...")                              # doctest: +SKIP
    >>> unseal(key, "dara", sealed)                                                    # doctest: +SKIP
    'JBSWY3DPEHPK3PXP...'

Secrets written in plain text before migration ``0008_hq_ops`` are sealed by ``seal_plain_secrets`` in one
transaction the first time HQ runs with its keys (``HQService`` does it when it is given the keys: ``serve``,
``user add`` and every keyed command). Nothing here logs a secret.
"""

from __future__ import annotations

import base64
import os
from typing import Any

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy.engine import Connection

from checkpoint.errors import DecryptionFailed

__all__ = ["PREFIX", "is_sealed", "seal", "seal_plain_secrets", "totp_key", "unseal"]

PREFIX = "v1:"
_INFO = b"checkpoint hq dashboard totp secrets v1"
_AD = "checkpoint hq totp v1|"


def totp_key(keys: Any) -> bytes:
    """The 256-bit key that seals TOTP secrets, derived from HQ's signing private key (``HQKeys``)."""
    return HKDF(algorithm=SHA256(), length=32, salt=None, info=_INFO).derive(bytes(keys.signing_private))


def is_sealed(stored: str) -> bool:
    return stored.startswith(PREFIX)


def seal(key: bytes, username: str, secret: str) -> str:
    """``secret`` encrypted for the account ``username``: ``v1:`` + base64url(nonce | ciphertext | tag)."""
    nonce = os.urandom(12)
    ct = AESGCM(key).encrypt(nonce, secret.encode("ascii"), (_AD + username).encode())
    return PREFIX + base64.urlsafe_b64encode(nonce + ct).decode("ascii")


def unseal(key: bytes, username: str, stored: str) -> str:
    """The secret ``seal`` sealed for ``username``. Raises DecryptionFailed (another key, another account, altered,
    or not sealed at all)."""
    if not is_sealed(stored):
        raise DecryptionFailed("This account's second factor is not sealed.")
    try:
        blob = base64.urlsafe_b64decode(stored[len(PREFIX):].encode("ascii"))
        return AESGCM(key).decrypt(blob[:12], blob[12:], (_AD + username).encode()).decode("ascii")
    except (InvalidTag, ValueError, UnicodeError):
        raise DecryptionFailed("This account's second factor does not open with HQ's keys.") from None


def seal_plain_secrets(conn: Connection, key: bytes) -> int:
    """Seal every TOTP secret still stored in plain text (accounts made before ``0008_hq_ops``), in the caller's
    transaction. Returns how many were sealed (0 once done: it is cheap to call at every start)."""
    from sync.hq.store import hq_users

    rows = conn.execute(sa.select(hq_users.c.username, hq_users.c.totp_secret)
                        .where(hq_users.c.totp_secret.not_like(PREFIX + "%"))).all()
    for username, secret in rows:
        conn.execute(hq_users.update().where(hq_users.c.username == username)
                     .values(totp_secret=seal(key, str(username), str(secret))))
    return len(rows)
