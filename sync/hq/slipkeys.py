"""Which keys sign slips, and at which checkpoint (issue 16 point 4): the ONE place HQ reads them from its store.

    >>> owners = slip_key_owners(conn)            # {key_id: (32-byte public key, checkpoint name)}  # doctest: +SKIP

The public half of each user's own signing key, as her ``user.key_set`` events brought it from a device HQ still
trusts (slips are signed by the user who prints them, issue 10), and each active enrolled device's own key (slips
printed before that rule). A revoked device's keys and its users' keys are left out. ``sync.hq.partners.slip_keys``
(``checkpoint-hq verify-slip``, the partner page) and HQ's signed reference data (``sync.hq.pull``, so a device
verifies another checkpoint's slip offline) both read it.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint import crypto
from sync.hq.store import devices, events

__all__ = ["slip_key_owners"]


def slip_key_owners(conn: Connection) -> dict[str, tuple[bytes, str]]:
    """``{key_id: (public key, checkpoint name)}`` of every key a slip may be signed with (inside the caller's
    transaction)."""
    out: dict[str, tuple[bytes, str]] = {}
    for pub, name in conn.execute(sa.select(devices.c.signing_public, devices.c.checkpoint_name)
                                  .where(devices.c.status == "active")):
        key = bytes.fromhex(pub)
        out[crypto.key_id(key)] = (key, str(name))
    q = (sa.select(events.c.payload, devices.c.checkpoint_name)
         .select_from(events.join(devices, devices.c.device_id == events.c.device_id))
         .where(events.c.type == "user.key_set", events.c.status == "accepted", devices.c.status == "active"))
    for raw, name in conn.execute(q):
        try:
            key = bytes.fromhex(str(json.loads(raw)["signing_public"]))
        except (ValueError, KeyError, TypeError):
            continue                          # a key HQ cannot read verifies nothing
        if len(key) == 32:
            out[crypto.key_id(key)] = (key, str(name))
    return out
