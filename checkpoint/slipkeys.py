"""The slip-signing keys HQ's reference data carries (issue 16 point 4): so that a slip printed at ANOTHER checkpoint
(a transfer) verifies offline on this device. Pure: HQ encodes the field, the device checks it as hostile input
when it applies the document (``checkpoint.services.directory``), and ``checkpoint.services.slipcheck`` reads it.

    >>> field = encode_slip_keys({key_id(pub): (pub, "Poipet")})                      # doctest: +SKIP
    >>> check_slip_keys(field)[key_id(pub)]["checkpoint"]                             # doctest: +SKIP
    'Poipet'

The field is ``{"slip_keys": {key_id: {"public": <standard base64 of the 32-byte Ed25519 key>, "checkpoint":
<name>}}}``, one entry per key of a user (or device) of an enrolled, non-revoked device, as HQ knows it from the
``user.key_set`` events (``sync.hq.slipkeys``). A document without the field (older HQ) carries no keys.
``check_slip_keys`` refuses the WHOLE field (and so the whole document) when any entry is wrong: too many entries,
a key that is not 32 bytes, a key id that is not the key's, a checkpoint name that is not short text.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from typing import Any, Final

from checkpoint import crypto
from checkpoint.errors import UnsupportedFormat

__all__ = ["MAX_SLIP_KEYS", "MSG_SLIP_KEYS_MALFORMED", "MSG_SLIP_KEYS_TOO_MANY", "check_slip_keys", "decode_keys",
           "encode_slip_keys"]

# A user's key per user per checkpoint (and a device key per device): far above any real country's count, far below
# what would make the document a burden to keep in the store.
MAX_SLIP_KEYS: Final = 20_000
_MAX_NAME = 80
_KEY_ID = re.compile(r"[0-9a-f]{16}")
MSG_SLIP_KEYS_MALFORMED: Final = ("HQ's reference data has a malformed slip-signing key: refused, the previous "
                                  "directory stays in use.")
MSG_SLIP_KEYS_TOO_MANY: Final = ("HQ's reference data carries too many slip-signing keys: refused, the previous "
                                 "directory stays in use.")


def encode_slip_keys(owners: Mapping[str, tuple[bytes, str]]) -> dict[str, dict[str, str]]:
    """HQ's side: ``{key_id: (public key, checkpoint name)}`` as the document's ``slip_keys`` field."""
    return {kid: {"public": base64.b64encode(pub).decode("ascii"), "checkpoint": name[:_MAX_NAME]}
            for kid, (pub, name) in sorted(owners.items())}


def check_slip_keys(raw: Any) -> dict[str, dict[str, str]]:
    """The device's side: the field as it arrived (None when the document has none), checked entry by entry.
    Returns it clean (same shape). Raises UnsupportedFormat for the whole field on any bad entry."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise UnsupportedFormat(MSG_SLIP_KEYS_MALFORMED)
    if len(raw) > MAX_SLIP_KEYS:
        raise UnsupportedFormat(MSG_SLIP_KEYS_TOO_MANY)
    out: dict[str, dict[str, str]] = {}
    for kid, entry in raw.items():
        if not (isinstance(kid, str) and _KEY_ID.fullmatch(kid) and isinstance(entry, Mapping)
                and set(entry) == {"public", "checkpoint"}):
            raise UnsupportedFormat(MSG_SLIP_KEYS_MALFORMED)
        public, name = entry["public"], entry["checkpoint"]
        if not (isinstance(public, str) and len(public) <= 64 and isinstance(name, str)
                and 0 < len(name) <= _MAX_NAME and name.isprintable()):
            raise UnsupportedFormat(MSG_SLIP_KEYS_MALFORMED)
        try:
            key = base64.b64decode(public, validate=True)
        except (binascii.Error, ValueError):
            raise UnsupportedFormat(MSG_SLIP_KEYS_MALFORMED) from None
        if len(key) != 32 or crypto.key_id(key) != kid:
            raise UnsupportedFormat(MSG_SLIP_KEYS_MALFORMED)
        out[kid] = {"public": base64.b64encode(key).decode("ascii"), "checkpoint": name}
    return out


def decode_keys(clean: Mapping[str, Mapping[str, str]]) -> dict[str, tuple[bytes, str]]:
    """A field ``check_slip_keys`` passed, as ``{key_id: (public key, checkpoint name)}``."""
    return {kid: (base64.b64decode(e["public"]), e["checkpoint"]) for kid, e in clean.items()}
