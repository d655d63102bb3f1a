"""The device's signing key (it signs sync batches and requests as this device): reachable by supervisors and
administrators only (issue 10, point 11).

It lives sealed in the key slots of the active supervisors and administrators (each slot's X25519 key, whose
private half that user's passphrase wraps), wrapped by the recovery code in the recovery code's slot, and sealed to
HQ's recovery key in HQ's recovery slot (enrolled devices); never in the database, which every passphrase opens.
A store from before this rule kept it in ``meta``: a sign-in after the upgrade seals it into those slots and
deletes it from ``meta`` once every holder's slot has it (slots of the older kind are renewed at their user's own
sign-in, so until each supervisor and administrator has signed in once it stays in ``meta``).

Whoever holds it re-seals it whenever the holders change (an account added, a role changed, a passphrase reset, an
account locked: ``reseal``), and at each of their sign-ins.
"""

from __future__ import annotations

import json

from checkpoint import crypto
from checkpoint.model.roles import Role
from checkpoint.services import protection
from checkpoint.storage.keyfile import KeyFile
from checkpoint.storage.store import Store

__all__ = ["HOLDER_ROLES", "adopt_device_key", "holders", "reseal"]

HOLDER_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


def holders(store: Store) -> set[str]:
    """The active supervisors and administrators: the accounts whose slots hold the device's signing key."""
    return {r[0] for r in store.db.execute(
        "SELECT id FROM users WHERE status = 'active' AND role IN ('supervisor', 'admin')")}


def adopt_device_key(store: Store, kf: KeyFile, role: str) -> bytes | None:
    """At sign-in: move a key still in ``meta`` into the holders' slots (and out of the database), re-seal it for
    the current holders, and return it for a supervisor or administrator (None for other roles)."""
    legacy = store.meta("device_signing_private")
    if legacy:
        try:
            private = bytes.fromhex(legacy)
            ok = len(private) == 32 and crypto.signing_public(private).hex() == store.meta("device_signing_public")
        except ValueError:
            ok = False
        if ok:
            wanted = holders(store)
            kf.set_device_key(private, wanted)
            kf.device_key = private
            # Out of the database once every holder's slot has it (a slot of the older kind takes it only when
            # its user signs in and the slot is renewed).
            if wanted and wanted <= kf.device_holders():
                with store.write():
                    store.db.execute("DELETE FROM meta WHERE key = 'device_signing_private'")
    held = kf.device_key
    if held is None or role not in HOLDER_ROLES:
        return None
    kf.set_device_key(held, holders(store))             # saves only when the holders changed
    try:                                                 # HQ's recovery slot keeps a copy (a recovery through HQ)
        sealed_to = json.loads(store.meta("hq_enrollment") or "{}").get("recovery_sealed_to", "")
        if sealed_to:
            kf.set_hq_device_copy(bytes.fromhex(sealed_to), held)
    except ValueError:
        pass
    return held


def reseal(store: Store, kf: KeyFile, device_private: bytes | None) -> None:
    """After the holders may have changed: the key in exactly their slots (a no-op without the key)."""
    if device_private is not None:
        kf.set_device_key(device_private, holders(store))
    protection.reseal(store, kf)                      # the protection key follows the same changes (point 11)
