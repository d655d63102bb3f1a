"""The protection section as data: which fields of which event types are sealed (issue 10, point 11).

Pure (stdlib only): the store seals with it (``Store.record``), the projections and the services read with it,
and other work (data minimisation) reuses the same definition. Nothing here holds a key.

The protection section is what an officer learns in the private room: the trafficking checklist's answers (yes /
no per item, the ILO dimensions they made positive, the safety rule's reasons), the
recruiter and debt fields of the journey, detention abroad, and protection referrals' notes (an officer's own
referral keeps her reason there). It is sealed to the checkpoint's protection key (supervisors), to the writing
officer's own key and, for an enrolled device, to HQ's exchange key.

Kept in clear because the flow needs them without reading the section: the screening's outcome and flags (codes:
the day figures, the queue, slips and HQ's figures count them), the types of exploitation (HTCDS codes HQ's figures
and the HTCDS export count, as they count the outcome), whether the safety rule triggered (a same-day
referral is suggested), the referral's existence, kind, agency, reason code and urgency, the pre-screen's answers
and whether a controlling person was present (they route the arrival to a private room and raise urgency before
any officer reads the section).

    >>> clear, section = split("referral.created", {"encounter_id": "e", "referral": {"id": "r",
    ...     "kind": "protection", "notes": "her words"}})
    >>> clear["referral"], section
    ({'id': 'r', 'kind': 'protection'}, {'referral': {'notes': 'her words'}})
    >>> merge(clear, section)["referral"]["notes"]
    'her words'
"""

from __future__ import annotations

import copy
from typing import Any, Final

__all__ = ["ENCOUNTER_SECTION", "PROTECTION_KINDS", "SEALED_KEY", "SECTION", "SECTION_TYPES",
           "TRAFFICKING_RESULT_SECTION", "TRAFFICKING_SECTION", "context", "merge", "split"]

# The payload key that holds the sealed section (base64 of a CPMS blob, checkpoint.crypto.sealed).
SEALED_KEY: Final = "sealed"

# Referral kinds whose notes are protection notes (a health referral's notes are the health post's).
PROTECTION_KINDS: Final = frozenset({"protection", "child_protection"})

# The journey fields of an arrival that belong to the section.
ENCOUNTER_SECTION: Final = ("recruiter_relationship", "recruitment_methods", "debt_owed", "debt_amount",
                            "debt_currency", "detained_before_return", "detention_days")

# The trafficking checklist: the answers and what they reveal; its result keeps the codes (outcome, flags,
# HTCDS status, rule and content versions) in clear.
TRAFFICKING_SECTION: Final = ("ticked", "answered_no", "safety")
TRAFFICKING_RESULT_SECTION: Final = ("positive_dimensions", "counts")

# event type -> path -> sealed fields. A path is a key of the payload, "a.b" a key inside it, "a[]" every object
# of a list. "changes" of an amendment or a referral update: only the section's fields there.
SECTION: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "registration.recorded": {
        "encounter": ENCOUNTER_SECTION,
        "trafficking": TRAFFICKING_SECTION,
        "trafficking.result": TRAFFICKING_RESULT_SECTION,
        "referrals[]": ("notes",),
    },
    # the full registration completed from the queue on a quick registration's arrival: the same section
    "registration.completed": {
        "encounter": ENCOUNTER_SECTION,
        "trafficking": TRAFFICKING_SECTION,
        "trafficking.result": TRAFFICKING_RESULT_SECTION,
        "referrals[]": ("notes",),
    },
    "encounter.amended": {"changes": ENCOUNTER_SECTION},
    "referral.created": {"referral": ("notes",)},
    "referral.updated": {"changes": ("notes",)},
}
SECTION_TYPES: Final = frozenset(SECTION)

# Where a list path holds referrals, only protection kinds are sealed.
_KIND_FILTERED: Final = frozenset({"referrals[]", "referral"})
# The safety rule's finding keeps in clear whether it triggered (the day figures count it; a same-day referral is
# suggested) and the referrals it named (kinds, agencies and reason codes, as every referral holds them in clear;
# HQ's figures count a safety referral, sync.hq.facts). Its reasons (which answers made it trigger) are sealed.
SAFETY_CLEAR: Final = ("triggered", "referrals")


def context(type_: str, event_id: str) -> bytes:
    """The associated data of an event's sealed section: its type and id (moved to another event, it fails)."""
    return f"checkpoint protection section v1|{type_}|{event_id}".encode()


def _objects(payload: dict[str, Any], path: str) -> list[tuple[str, dict[str, Any]]]:
    """(address, object) pairs a path names in ``payload``: ``referrals[]`` gives ``referrals[0]``, ..."""
    if path.endswith("[]"):
        items = payload.get(path[:-2])
        if not isinstance(items, list):
            return []
        return [(f"{path[:-2]}[{i}]", x) for i, x in enumerate(items) if isinstance(x, dict)]
    obj: Any = payload
    for part in path.split("."):
        obj = obj.get(part) if isinstance(obj, dict) else None
    return [(path, obj)] if isinstance(obj, dict) else []


def split(type_: str, payload: dict[str, Any], *, protection: bool = True) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(clear, section)``: the payload without its protection section, and the section (``{}`` when the event
    type has none, or ``protection`` is False: a referral update of a health referral). ``payload`` is not
    changed. The section maps an address to the fields taken from the object there."""
    spec = SECTION.get(type_)
    if not spec or not protection:
        return payload, {}
    clear = copy.deepcopy(payload)
    section: dict[str, Any] = {}
    for path, fields in spec.items():
        for addr, obj in _objects(clear, path):
            if path in _KIND_FILTERED and obj.get("kind") not in PROTECTION_KINDS:
                continue
            taken = {f: obj.pop(f) for f in fields if f in obj}
            if "safety" in taken and isinstance(taken["safety"], dict):
                obj["safety"] = {k: taken["safety"][k] for k in SAFETY_CLEAR if k in taken["safety"]}
            if taken:
                section[addr] = taken
    return clear, section


def merge(clear: dict[str, Any], section: dict[str, Any]) -> dict[str, Any]:
    """The payload as written: ``clear`` with the opened ``section`` put back (a copy; ``clear`` is unchanged).
    Addresses the payload does not have are ignored (a section is never trusted to add objects)."""
    out = copy.deepcopy(clear)
    out.pop(SEALED_KEY, None)
    for addr, fields in section.items():
        if not isinstance(fields, dict) or not isinstance(addr, str):
            continue
        target = _address(out, addr)
        if target is not None:
            target.update(fields)
    return out


def _address(payload: dict[str, Any], addr: str) -> dict[str, Any] | None:
    if addr.endswith("]") and "[" in addr:
        name, _, idx = addr[:-1].partition("[")
        items = payload.get(name)
        try:
            obj = items[int(idx)] if isinstance(items, list) else None
        except (ValueError, IndexError):
            return None
        return obj if isinstance(obj, dict) else None
    found = _objects(payload, addr)
    return found[0][1] if found else None
