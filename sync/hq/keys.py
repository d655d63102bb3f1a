"""HQ's keys: an Ed25519 signing key (acks, pull responses, reference data), an X25519 exchange key (devices seal
batches to it) and an X25519 recovery key (devices seal their data key to it at enrollment).

On disk, a keys directory (mode 0700) holds::

    hq-keys.json    public keys and their ids (readable: devices pin these at enrollment; the signing key's short
                    fingerprint travels with every enrollment code, so a device pins HQ's keys and no one else's)
    signing.key     the private keys, each a CPKW blob: wrapped under the operator's passphrase with Argon2id
    exchange.key    (checkpoint.crypto.wrap_key); the associated data names the key and its public half, so a
    recovery.key    file swapped with another one does not open. Files are written 0600.

``recovery.key`` may be moved offline (it is only needed by ``checkpoint-hq recover``): everything else works
without it, and ``recover`` then says plainly that it is missing.

    >>> keys = init_keys("hq-keys", "operator passphrase")                  # doctest: +SKIP
    >>> keys = load_keys("hq-keys", "operator passphrase")                  # signing + exchange   # doctest: +SKIP
    >>> recovery_private = load_recovery_private("hq-keys", "operator passphrase")             # doctest: +SKIP

Raises StoreMissing (no keys there), StoreExists (init over existing keys), WrongPassphrase, UnsupportedFormat.
"""

from __future__ import annotations

import json
import logging
import os
import stat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from checkpoint import crypto
from checkpoint.errors import (
    DecryptionFailed,
    StoreError,
    StoreExists,
    StoreMissing,
    UnsupportedFormat,
    WrongPassphrase,
)
from checkpoint.files import write_atomic
from sync.wire import hq_fingerprint

__all__ = ["HQKeys", "init_keys", "load_keys", "load_recovery_private", "read_public"]

log = logging.getLogger("checkpoint.hq")

FORMAT = "checkpoint-hq-keys"
VERSION = 1
PUBLIC_FILE = "hq-keys.json"
NAMES = ("signing", "exchange", "recovery")


@dataclass(frozen=True)
class HQKeys:
    """HQ's key pairs in memory (raw 32-byte keys). ``recovery_private`` is None unless explicitly loaded."""

    signing_private: bytes = field(repr=False)
    signing_public: bytes
    exchange_private: bytes = field(repr=False)
    exchange_public: bytes
    recovery_public: bytes
    recovery_private: bytes | None = field(default=None, repr=False)

    @classmethod
    def generate(cls) -> HQKeys:
        """Fresh keys in memory (tests, or the first step of ``init_keys``)."""
        sp, spub = crypto.generate_signing_key()
        xp, xpub = crypto.generate_x25519()
        rp, rpub = crypto.generate_x25519()
        return cls(sp, spub, xp, xpub, rpub, rp)

    def public(self) -> dict[str, str]:
        """The public keys as hex, and their ids (what a device pins)."""
        return {"signing_public": self.signing_public.hex(), "exchange_public": self.exchange_public.hex(),
                "recovery_public": self.recovery_public.hex(),
                "signing_key_id": crypto.key_id(self.signing_public),
                "exchange_key_id": crypto.key_id(self.exchange_public),
                "recovery_key_id": crypto.key_id(self.recovery_public),
                "fingerprint": hq_fingerprint(self.signing_public)}

    @property
    def fingerprint(self) -> str:
        """The short fingerprint of the signing key that travels with enrollment codes (``sync.wire``)."""
        return hq_fingerprint(self.signing_public)


def _context(name: str, public: bytes) -> bytes:
    return f"checkpoint hq key v1|{name}|{public.hex()}".encode()


def _public_of(name: str, private: bytes) -> bytes:
    if name == "signing":
        return Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


def init_keys(directory: str | os.PathLike[str], passphrase: str, *, kdf: crypto.KdfParams | None = None
              ) -> HQKeys:
    """Generate HQ's three key pairs and write them to ``directory`` (created 0700; files 0600).

    Refuses (StoreExists) if keys are already there: replacing them would cut every enrolled device off.
    ``kdf`` defaults to ``KdfParams()``; tests pass ``KdfParams.fast()``.
    """
    d = Path(directory)
    if (d / PUBLIC_FILE).exists() or any((d / f"{n}.key").exists() for n in NAMES):
        raise StoreExists(f"HQ keys already exist in {d}: refusing to replace them (enrolled devices pin them).")
    if not passphrase:
        raise WrongPassphrase("The HQ keys need a passphrase.")
    d.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(d, 0o700)
    keys = HQKeys.generate()
    privates = {"signing": keys.signing_private, "exchange": keys.exchange_private,
                "recovery": keys.recovery_private}
    publics = {"signing": keys.signing_public, "exchange": keys.exchange_public, "recovery": keys.recovery_public}
    for name in NAMES:
        private = privates[name]
        assert private is not None
        write_atomic(d / f"{name}.key", crypto.wrap_key(private, passphrase, context=_context(name, publics[name]),
                                                        params=kdf), mode=0o600, exclusive=True)
    doc = {"format": FORMAT, "version": VERSION, "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
           **keys.public()}
    write_atomic(d / PUBLIC_FILE, (json.dumps(doc, indent=1, sort_keys=True) + "\n").encode(), mode=0o600)
    return keys


def read_public(directory: str | os.PathLike[str]) -> dict[str, bytes]:
    """HQ's public keys from ``hq-keys.json`` (no passphrase needed): {"signing", "exchange", "recovery"}."""
    p = Path(directory) / PUBLIC_FILE
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise StoreMissing(f"No HQ keys in {Path(directory)}: create them with `checkpoint-hq init-keys "
                           f"--keys {Path(directory)}`.") from None
    except IsADirectoryError:
        raise UnsupportedFormat(f"{p} is not an HQ public key file.") from None
    try:
        doc = json.loads(raw)
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError
        if doc.get("version") != VERSION:
            raise UnsupportedFormat(f"HQ key file version {doc.get('version')!r} is not supported.")
        out = {n: bytes.fromhex(doc[f"{n}_public"]) for n in NAMES}
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise UnsupportedFormat(f"{p} is damaged or not an HQ public key file.") from None
    if any(len(v) != 32 for v in out.values()):
        raise UnsupportedFormat(f"{p} holds a key of the wrong length.")
    return out


def _unwrap(d: Path, name: str, public: bytes, passphrase: str) -> bytes:
    p = d / f"{name}.key"
    try:
        mode = p.stat().st_mode
        blob = p.read_bytes()
    except FileNotFoundError:
        if name == "recovery":
            raise StoreMissing(f"The HQ recovery private key is not in {d} (it may be kept offline): put "
                               f"recovery.key back into {d} to run recover.") from None
        raise StoreMissing(f"The HQ {name} key is missing from {d}.") from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("%s is readable by other users: chmod 600 it", p)
    try:
        private = crypto.unwrap_key(blob, passphrase, context=_context(name, public))
    except DecryptionFailed:
        raise WrongPassphrase(f"Wrong passphrase for the HQ keys in {d} (or {p.name} was altered).") from None
    if _public_of(name, private) != public:
        raise UnsupportedFormat(f"{p.name} does not belong with {PUBLIC_FILE}.")
    return private


def load_keys(directory: str | os.PathLike[str], passphrase: str) -> HQKeys:
    """Unwrap the signing and exchange keys (what the server needs). The recovery key stays on disk."""
    d = Path(directory)
    pub = read_public(d)
    if not passphrase:
        raise WrongPassphrase("The HQ keys need a passphrase.")
    return HQKeys(signing_private=_unwrap(d, "signing", pub["signing"], passphrase), signing_public=pub["signing"],
                  exchange_private=_unwrap(d, "exchange", pub["exchange"], passphrase),
                  exchange_public=pub["exchange"], recovery_public=pub["recovery"])


def load_recovery_private(directory: str | os.PathLike[str], passphrase: str) -> bytes:
    """Unwrap the recovery private key only. Raises StoreMissing (kept offline), WrongPassphrase."""
    d = Path(directory)
    pub = read_public(d)
    if not passphrase:
        raise WrongPassphrase("The HQ keys need a passphrase.")
    return _unwrap(d, "recovery", pub["recovery"], passphrase)


def describe(directory: str | os.PathLike[str]) -> dict[str, Any]:
    """What is in a keys directory (public ids, which private keys are present), for ``init-keys`` and logs."""
    d = Path(directory)
    pub = read_public(d)
    if not d.is_dir():
        raise StoreError(f"{d} is not a directory.")
    return {**{f"{n}_key_id": crypto.key_id(pub[n]) for n in NAMES}, "fingerprint": hq_fingerprint(pub["signing"]),
            **{f"{n}_public": pub[n].hex() for n in NAMES},
            "private_keys_present": [n for n in NAMES if (d / f"{n}.key").exists()]}
