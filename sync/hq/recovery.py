"""HQ-assisted recovery: every passphrase of a store is forgotten and the printed recovery code is lost.

At enrollment a device sealed its data key to HQ's recovery public key (a slot in ``<store>.keys``). HQ's part
is to open that slot with its recovery private key (``unseal_data_key``); giving a user a new passphrase slot
with that key is the device's own code, the same steps as a reset with the printed recovery code: the change is
recorded in the store as an event (``user.passphrase_changed``, by ``hq_recovery``) and a locked account is
unlocked. The database is never re-encrypted and nothing else changes.

This module imports no device code: the device's store writer is handed in as ``reset`` (``checkpoint-hq
recover`` gets it from ``sync.hq.cli.device_store_reset``, the one place HQ reaches device code).

    >>> recover_passphrase("poipet.db.keys", "poipet.db", "dara", "a new long passphrase",
    ...                    load_recovery_private("hq-keys", operator_passphrase),
    ...                    reset=device_store_reset())                                  # doctest: +SKIP

Raises StoreError (no HQ slot, key file of another store), DecryptionFailed (sealed to another HQ recovery key),
ValidationError (no such user, passphrase too short), StoreMissing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from checkpoint import crypto
from checkpoint.clock import Clock
from checkpoint.errors import DecryptionFailed, StoreMissing, ValidationError

__all__ = ["DeviceKeyFile", "StoreReset", "recover_passphrase", "unseal_data_key"]


class DeviceKeyFile(Protocol):
    """What HQ needs of a device's key file (``checkpoint.storage.keyfile.KeyFile``)."""

    def unwrap_with_hq_key(self, hq_recovery_private_key: bytes) -> bytes: ...


class StoreReset(Protocol):
    """The device's store writer: give ``username`` a new passphrase slot once ``unwrap(key_file)`` has produced
    the data key, record it by ``by``; returns the user's id. Raises ValidationError("username", ...) for an
    unknown user."""

    def __call__(self, path: str | os.PathLike[str], username: str, new_passphrase: str,
                 unwrap: Callable[[Any], bytes], *, by: str, keyfile: str | os.PathLike[str] | None = None,
                 clock: Clock | None = None, kdf: crypto.KdfParams | None = None) -> str: ...


def unseal_data_key(keyfile: DeviceKeyFile, recovery_private: bytes) -> bytes:
    """The store's data key from its HQ recovery slot. Raises DecryptionFailed (sealed to another HQ key),
    StoreError (the store never enrolled)."""
    try:
        return keyfile.unwrap_with_hq_key(recovery_private)
    except DecryptionFailed as e:
        raise DecryptionFailed(f"This store's HQ recovery slot does not open with this HQ's recovery key ({e}).") \
            from None


def recover_passphrase(keyfile: str | os.PathLike[str], store_path: str | os.PathLike[str], username: str,
                       new_passphrase: str, recovery_private: bytes, *, reset: StoreReset,
                       clock: Clock | None = None, kdf: crypto.KdfParams | None = None) -> str:
    """Give ``username`` a new passphrase through HQ's recovery key; returns the user's id."""
    if not Path(store_path).is_file():
        raise StoreMissing(f"No store at {store_path}.")
    try:
        return reset(store_path, username, new_passphrase, lambda kf: unseal_data_key(kf, recovery_private),
                     by="hq_recovery", keyfile=keyfile, clock=clock, kdf=kdf)
    except ValidationError as e:
        if e.field != "username":
            raise
        raise ValidationError("user", "no such user in this store") from None
