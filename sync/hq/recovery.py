"""HQ-assisted recovery: every passphrase of a store is forgotten and the printed recovery code is lost.

At enrollment a device sealed its data key to HQ's recovery public key (a slot in ``<store>.keys``). An operator
holding HQ's recovery private key opens that slot, opens the store with the data key and gives a user a new
passphrase slot — what ``checkpoint.services.reset_with_recovery_code`` does with the printed code. The change
is recorded in the store as an event (``user.passphrase_changed``, by ``hq_recovery``) and a locked account is
unlocked. The database is never re-encrypted and nothing else changes.

    >>> recover_passphrase("poipet.db.keys", "poipet.db", "dara", "a new long passphrase",
    ...                    load_recovery_private("hq-keys", operator_passphrase))      # doctest: +SKIP

Raises StoreError (no HQ slot, key file of another store), DecryptionFailed (sealed to another HQ recovery key),
ValidationError (no such user, passphrase too short), StoreMissing.
"""

from __future__ import annotations

import os
from pathlib import Path

from checkpoint import crypto
from checkpoint.clock import Clock, SystemClock
from checkpoint.errors import DecryptionFailed, StoreError, StoreMissing, ValidationError
from checkpoint.model.user import check_passphrase
from checkpoint.storage.keyfile import KeyFile
from checkpoint.storage.store import Store

__all__ = ["recover_passphrase"]


def recover_passphrase(keyfile: str | os.PathLike[str], store_path: str | os.PathLike[str], username: str,
                       new_passphrase: str, recovery_private: bytes, *, clock: Clock | None = None,
                       kdf: crypto.KdfParams | None = None) -> str:
    """Give ``username`` a new passphrase through HQ's recovery key; returns the user's id."""
    clock = clock or SystemClock()
    if not Path(store_path).is_file():
        raise StoreMissing(f"No store at {store_path}.")
    new_passphrase = check_passphrase(new_passphrase)
    kf = KeyFile.load(keyfile)
    try:
        key = kf.unwrap_with_hq_key(recovery_private)
    except DecryptionFailed as e:
        raise DecryptionFailed(f"This store's HQ recovery slot does not open with this HQ's recovery key ({e}).") \
            from None
    store = Store.open(store_path, key, clock=clock)
    try:
        if store.meta("store_id") != kf.store_id:
            raise StoreError("This key file belongs to another store.")
        row = store.db.execute("SELECT id, username, status FROM users WHERE username = ?",
                               [username.strip().lower()]).fetchone()
        if row is None:
            raise ValidationError("user", "no such user in this store")
        user_id = str(row[0])
        with store.write():
            store.record("user.passphrase_changed", "user", user_id, {"by": "hq_recovery"}, author=user_id)
            if row[2] != "active":
                store.record("user.updated", "user", user_id, {"changes": {"status": "active"}}, author=user_id)
        kf.add_passphrase_slot(user_id, str(row[1]), key, new_passphrase, kdf=kdf)
    finally:
        store.close()
    return user_id
