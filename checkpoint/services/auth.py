"""Creating, unlocking and recovering a store. Everything starts here.

    >>> session, recovery_code = create_store("c.db", checkpoint_name="Poipet", username="dara",
    ...                                       display_name="Dara", passphrase="a long passphrase")  # doctest: +SKIP
    >>> session = unlock("c.db", "dara", "a long passphrase")                                   # doctest: +SKIP

Raises WrongPassphrase, LockedOut (growing delay after 5 wrong tries; nothing is ever deleted),
AccountDisabled, StoreMissing, StoreExists, ValidationError.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path

from checkpoint import crypto
from checkpoint.clock import Clock, SystemClock
from checkpoint.errors import (
    AccountDisabled,
    DecryptionFailed,
    StoreError,
    StoreExists,
    StoreMissing,
    ValidationError,
    WrongPassphrase,
)
from checkpoint.model.roles import Role
from checkpoint.model.user import validate_username
from checkpoint.passphrase import assess, check_passphrase
from checkpoint.services.authorship import adopt_signing_key, record_key
from checkpoint.services.devicekey import adopt_device_key, reseal
from checkpoint.services.protection import adopt_protection_key, reading_key, seal_legacy
from checkpoint.services.session import Session
from checkpoint.services.users import Notice
from checkpoint.site import DEFAULT_STATION_ID
from checkpoint.storage.keyfile import KeyFile
from checkpoint.storage.store import Store, keyfile_path

__all__ = ["create_store", "list_usernames", "reset_with_data_key", "reset_with_recovery_code", "store_exists",
           "unlock"]

def store_exists(path: str | os.PathLike[str]) -> bool:
    return Path(path).exists() or keyfile_path(path).exists()


def create_store(path: str | os.PathLike[str], *, checkpoint_name: str, username: str, display_name: str,
                 passphrase: str, station_id: str = DEFAULT_STATION_ID, clock: Clock | None = None,
                 kdf: crypto.KdfParams | None = None,
                 hq_recovery_public_key: bytes | None = None) -> tuple[Session, str]:
    """Create a store and its first supervisor; return the open session and the printed recovery code.

    The recovery code is shown once: it opens the store if every passphrase is forgotten.
    """
    clock = clock or SystemClock()
    if store_exists(path):
        raise StoreExists(f"A store already exists at {path}.")
    username = validate_username(username)
    name = (checkpoint_name or "").strip()
    if not name or len(name) > 80:
        raise ValidationError("checkpoint_name", "is required (at most 80 characters)")
    display = (display_name or "").strip() or username
    passphrase = check_passphrase(passphrase, username=username, hints=(display, name))
    key = crypto.new_data_key()
    sign_priv, sign_pub = crypto.generate_signing_key()
    store_id = str(uuid.uuid4())
    store = Store.create(path, key, clock=clock, meta={
        "store_id": store_id, "checkpoint_name": name, "station_id": station_id,
        "device_signing_public": sign_pub.hex()})      # its private half: in supervisors' slots only
    try:
        kf = KeyFile.create(keyfile_path(path), store_id=store_id, device_public_key=sign_pub.hex())
        user_id = str(uuid.uuid4())
        own_priv, own_pub = crypto.generate_signing_key()      # her own key: she signs what she writes
        store.signer = (user_id, own_priv)
        with store.write():
            store.record("user.created", "user", user_id,
                         {"username": username, "display_name": display, "role": str(Role.SUPERVISOR)}, author=user_id)
            record_key(store, user_id, own_pub, author=user_id, sealing_public=reading_key(own_priv)[1])
        kf.add_passphrase_slot(user_id, username, key, passphrase, kdf=kdf, signing_private=own_priv)
        kf.set_device_key(sign_priv, {user_id})
        kf.device_key = sign_priv
        kf.signing_key = own_priv
        adopt_protection_key(store, kf, user_id, str(Role.SUPERVISOR))   # the protection key: hers, sealed
        code = crypto.generate_recovery_code()
        kf.set_recovery_code_slot(key, code, kdf=kdf, device_private=sign_priv, protection_private=kf.protection_key)
        if hq_recovery_public_key is not None:
            kf.set_hq_recovery_slot(key, hq_recovery_public_key, device_private=sign_priv)
    except BaseException:
        store.close()
        for p in (Path(path), Path(str(path) + "-wal"), Path(str(path) + "-shm"), keyfile_path(path)):
            p.unlink(missing_ok=True)
        raise
    return Session(store, kf, user_id, kdf=kdf), code


def _check_paths(path: str | os.PathLike[str]) -> None:
    if not Path(path).exists():
        raise StoreMissing(f"No store at {path}. Create one with `checkpoint-admin init`.")


def list_usernames(path: str | os.PathLike[str]) -> list[str]:
    """User names that can sign in (for the login screen); readable without a passphrase."""
    _check_paths(path)
    return KeyFile.load(keyfile_path(path)).usernames()


def unlock(path: str | os.PathLike[str], username: str, passphrase: str, *, clock: Clock | None = None,
           kdf: crypto.KdfParams | None = None, minimise: bool = True) -> Session:
    """Sign a user in: unwrap the data key with their passphrase and open the store.

    The passphrase's strength is not checked here (an old weak one still signs in). What others did to this
    account since its last sign-in (a role change, a passphrase reset) is in ``session.notices``, told once.
    """
    clock = clock or SystemClock()
    _check_paths(path)
    kf = KeyFile.load(keyfile_path(path))
    user_id, key = kf.unwrap_for_user(username, passphrase, now=clock.monotonic)
    store = _open_rotating(path, kf, key, clock)
    try:
        if not kf.slot_is_sealed(user_id):
            # An older slot (the data key wrapped directly) cannot take a rotated key: replace it while the
            # passphrase is at hand.
            kf.add_passphrase_slot(user_id, username.strip().lower(), store.data_key, passphrase, kdf=kdf,
                                   signing_private=kf.signing_key)
        _drop_slots_of_locked_accounts(store, kf)
        row = store.db.execute("SELECT status FROM users WHERE id = ?", [user_id]).fetchone()
        if row is None or row[0] != "active":
            raise AccountDisabled("This account is locked. Ask a supervisor to unlock it.")
        adopt_signing_key(store, kf, user_id)
        role = store.db.execute("SELECT role FROM users WHERE id = ?", [user_id]).fetchone()[0]
        kf.device_key = adopt_device_key(store, kf, role)
        adopt_protection_key(store, kf, user_id, role)        # issue 10, point 11: sections by need
        seal_legacy(store, kf, role)                          # a supervisor seals what older events hold in clear
        session = Session(store, kf, user_id, kdf=kdf)
        notices = session.users.take_notices()
        if not assess(passphrase, username=session.user.username).ok:
            # Signing in is never refused for it (set before the rule); the user is asked to change it.
            notices.append(Notice("weak_passphrase", "", clock.now().isoformat()))
        session.notices = tuple(notices)
        if minimise:                  # issue 12: a supervisor's sign-in runs the minimisation pass (never fails it)
            session.retention.auto()
    except BaseException:
        store.close()
        raise
    return session


def _open_rotating(path: str | os.PathLike[str], kf: KeyFile, key: bytes, clock: Clock) -> Store:
    """Open the store with ``key``; if a data-key rotation was cut short after the database was re-encrypted, open
    it with the slot's new key and finish the rotation; if it was cut short before, forget it."""
    nxt = kf.next_key
    try:
        store = Store.open(path, key, clock=clock)
    except DecryptionFailed:
        if nxt is None:
            raise
        store = Store.open(path, nxt, clock=clock)
        kf.finish_rotation()
        return store
    if kf.rotation_pending() and nxt is not None:
        kf.abandon_rotation()
    return store


def _drop_slots_of_locked_accounts(store: Store, kf: KeyFile) -> None:
    """A locked account keeps no key slot. Stores from before that rule (and a power cut between locking and
    removing the slot) still have some: any sign-in removes them."""
    locked = {r[0] for r in store.db.execute("SELECT id FROM users WHERE status != 'active'")}
    for uid in locked & kf.slot_user_ids():
        kf.remove_user_slot(uid, locked=True)


def reset_with_recovery_code(path: str | os.PathLike[str], code: str, username: str, new_passphrase: str, *,
                             clock: Clock | None = None, kdf: crypto.KdfParams | None = None) -> Session:
    """Forgotten passphrase: open the store with the printed recovery code and give ``username`` a new one.

    The account is re-enabled if it was locked; the change is recorded as an event.
    """
    def unwrap(kf: KeyFile) -> bytes:
        try:
            return kf.unwrap_with_recovery_code(code)
        except DecryptionFailed:
            raise WrongPassphrase("Wrong recovery code.") from None

    store, kf, user_id = _reset(path, username, new_passphrase, unwrap, by="recovery_code", keyfile=None,
                                clock=clock or SystemClock(), kdf=kdf)
    return Session(store, kf, user_id, kdf=kdf)


def reset_with_data_key(path: str | os.PathLike[str], username: str, new_passphrase: str,
                        unwrap: Callable[[KeyFile], bytes], *, by: str, keyfile: str | os.PathLike[str] | None = None,
                        clock: Clock | None = None, kdf: crypto.KdfParams | None = None) -> str:
    """Give ``username`` a new passphrase once ``unwrap(key_file)`` has produced the store's data key (HQ's
    recovery key opens its sealed slot: ``checkpoint-hq recover``); recorded as ``user.passphrase_changed`` by
    ``by``; a locked account is unlocked. Returns the user's id; the store is closed again.

    Raises StoreMissing, ValidationError (passphrase too short; ``username``: no such user), StoreError (the key
    file belongs to another store), and whatever ``unwrap`` raises.
    """
    store, _kf, user_id = _reset(path, username, new_passphrase, unwrap, by=by, keyfile=keyfile,
                                 clock=clock or SystemClock(), kdf=kdf)
    store.close()
    return user_id


def _reset(path: str | os.PathLike[str], username: str, new_passphrase: str, unwrap: Callable[[KeyFile], bytes], *,
           by: str, keyfile: str | os.PathLike[str] | None, clock: Clock,
           kdf: crypto.KdfParams | None) -> tuple[Store, KeyFile, str]:
    """The steps both recoveries share: a new passphrase slot for ``username``, recorded; the store stays open."""
    _check_paths(path)
    kf = KeyFile.load(keyfile if keyfile is not None else keyfile_path(path))
    key = unwrap(kf)
    store = _open_rotating(path, kf, key, clock)
    try:
        if store.meta("store_id") != kf.store_id:
            raise StoreError("This key file belongs to another store.")
        row = store.db.execute("SELECT id, username, status FROM users WHERE username = ?",
                               [username.strip().lower()]).fetchone()
        if row is None:
            raise ValidationError("username", "no such user")
        new_passphrase = check_passphrase(new_passphrase, username=str(row[1]))
        user_id = str(row[0])
        # Her old signing key is in the slot the forgotten passphrase wraps: a new one, set by the recovery.
        own_priv, own_pub = crypto.generate_signing_key()
        store.signer = (user_id, own_priv)
        with store.write():
            record_key(store, user_id, own_pub, author=user_id, by=by, sealing_public=reading_key(own_priv)[1])
            store.record("user.passphrase_changed", "user", user_id, {"by": by}, author=user_id)
            if row[2] != "active":
                store.record("user.updated", "user", user_id, {"changes": {"status": "active"}, "by": by},
                             author=user_id)
        kf.add_passphrase_slot(user_id, str(row[1]), key, new_passphrase, kdf=kdf, signing_private=own_priv)
        # The recovery code's slot keeps the device's key: give it back to the holders (this user if she is one).
        reseal(store, kf, kf.device_key)
        kf.signing_key = own_priv
        role = store.db.execute("SELECT role FROM users WHERE id = ?", [user_id]).fetchone()[0]
        adopt_protection_key(store, kf, user_id, role)
    except BaseException:
        store.close()
        raise
    return store, kf, user_id
