"""``session.directory``: HQ's referral directory on this device (issue 16) — the organisations a person can be
referred to, from HQ's signed reference data, on top of the shipped agencies list.

    >>> [a.code for a in session.directory.active_agencies()][:2]          # doctest: +SKIP
    ['IOM', 'MoSVY_PROVINCIAL_DOSVY']
    >>> session.directory.status()["label"]                                   # doctest: +SKIP
    'directory of 2026-12-02'

The sync code (``sync.device.pull.sync_reference``) verifies HQ's signature with the pinned key and hands the
document to ``apply``, which checks what only the device knows: that it is for this device's checkpoint, newer
than the one applied (an older one is a replay), not past its expiry, and well formed. It replaces the current
directory in one transaction and keeps the previous one; a refused document changes nothing but the reason kept
for the sync panel (``status()["refused"]``), and the device keeps working on the directory it had. Records keep
the code they were made with; ``label`` finds a withdrawn organisation's name still.

The same document names the checkpoint of every device HQ enrolled (``device_checkpoints``): where an arrival pulled
from HQ was registered (``checkpoint.services.records.arrival_places``). Hostile input, checked each time it is read
(``check_device_checkpoints``): a bad entry is left out, never refusing the document.

Stored in the store's meta table (encrypted like everything else): ``reference_current``, ``reference_previous``,
``reference_refused`` (JSON).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final

from checkpoint import codelists
from checkpoint.errors import ConflictError, UnsupportedFormat
from checkpoint.services.base import Context
from checkpoint.services.changes import Changes
from checkpoint.slipkeys import check_slip_keys

__all__ = ["MSG_WRONG_SIGNATURE", "Agency", "Applied", "Directory", "check_device_checkpoints"]

_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{0,63}")
_MAX_ENTRIES = 5000
_DEVICE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{0,63}")
_MAX_DEVICES = 20_000
_MAX_CHECKPOINT_NAME = 80          # as HQ keeps a checkpoint's name (sync.hq.store.checkpoints)
CURRENT, PREVIOUS, REFUSED = "reference_current", "reference_previous", "reference_refused"
MSG_WRONG_SIGNATURE: Final = ("HQ's reference data does not carry the signature of the HQ this device is enrolled "
                              "with: refused, the previous directory stays in use.")


@dataclass(frozen=True)
class Agency:
    """An organisation a person can be referred to: a shipped agency (``source`` "shipped") or a directory entry
    ("directory", with its kind, services, provinces, contacts and languages)."""

    code: str
    label_en: str
    label_km: str
    source: str
    kind: str = "agency"
    services: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    contacts: str = ""
    languages: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def label(self, lang: str = "en") -> str:
        return (self.label_km if lang == "km" and self.label_km else self.label_en) or self.code


def _strs(v: Any) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(x, str) and len(x) <= 64 for x in v):
        raise UnsupportedFormat("HQ's directory has an entry with a malformed list.")
    return tuple(v)


def _entry(raw: Any) -> Agency:
    if not isinstance(raw, Mapping):
        raise UnsupportedFormat("HQ's directory has an entry that is not an object.")
    code = raw.get("code")
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise UnsupportedFormat("HQ's directory has an entry without a valid code.")
    texts = {k: raw.get(k, "") for k in ("kind", "name_en", "name_km", "contacts", "active_from", "active_to")}
    if not all(isinstance(v, str) and len(v) <= 500 for v in texts.values()) or not texts["name_en"]:
        raise UnsupportedFormat("HQ's directory has a malformed entry.")
    return Agency(code=code, label_en=texts["name_en"], label_km=texts["name_km"], source="directory",
                  kind=texts["kind"], services=_strs(raw.get("services", [])),
                  provinces=_strs(raw.get("provinces", [])), contacts=texts["contacts"],
                  languages=_strs(raw.get("languages", [])),
                  extra={"active_from": texts["active_from"], "active_to": texts["active_to"]})


def check_device_checkpoints(raw: Any) -> dict[str, str]:
    """HQ's ``device_checkpoints`` (``{device_id: checkpoint name}``: where the arrivals this device pulled were
    registered), as hostile input: each entry whose id is not a device id or whose name is not plain printable text
    of 1 to 80 characters (no control or format characters; runs of spaces made one) is left out, and a field that
    is not an object, or is far too large, gives no names at all. A bad name never refuses the directory: the
    arrival is then shown as at "another checkpoint". The names are shown as plain text, never as markup."""
    if not isinstance(raw, Mapping) or len(raw) > _MAX_DEVICES:
        return {}
    out: dict[str, str] = {}
    for device_id, name in raw.items():
        if not (isinstance(device_id, str) and _DEVICE_ID.fullmatch(device_id) and isinstance(name, str)
                and len(name) <= 4 * _MAX_CHECKPOINT_NAME):
            continue
        clean = " ".join(name.split())
        if 0 < len(clean) <= _MAX_CHECKPOINT_NAME and clean.isprintable():
            out[device_id] = clean
    return out


def _parse_time(v: Any) -> datetime:
    try:
        t = datetime.fromisoformat(str(v))
    except ValueError:
        raise UnsupportedFormat("HQ's reference data has no readable date.") from None
    if t.tzinfo is None:
        raise UnsupportedFormat("HQ's reference data has a date without a time zone.")
    return t


@dataclass(frozen=True)
class Applied:
    """What ``Directory.apply`` did: ``applied`` (False: that version was in use already), its ``version``, and the
    ``changes`` (referral agencies changed)."""

    applied: bool
    version: int
    changes: Changes


class Directory:
    """``session.directory``: the applied directory, its status, and applying a new one."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    # ------------------------------------------------------------------ reading
    def _doc(self, key: str = CURRENT) -> dict[str, Any] | None:
        raw = self._ctx.store.meta(key)
        return json.loads(raw) if raw else None

    def entries(self) -> list[Agency]:
        """Every entry of the applied directory (withdrawn ones too), by code."""
        doc = self._doc()
        return [_entry(e) for e in (doc or {}).get("directory", [])]

    def active_agencies(self, *, today: date | None = None, service: str | None = None) -> list[Agency]:
        """The organisations a new referral may go to today: the shipped agencies list (active codes) and the
        directory's entries active today (``active_from`` <= today <= ``active_to``), by label; ``service``
        keeps those giving it (directory entries only say so; shipped agencies are kept by their ``kinds``)."""
        day = (today or self._ctx.today()).isoformat()
        out: dict[str, Agency] = {}
        for c in codelists.agencies():
            kinds = tuple(c.extra.get("kinds", ()) or ())
            if c.active and (service is None or service in kinds):
                out[c.code] = Agency(code=c.code, label_en=c.label_en, label_km=c.label_km, source="shipped",
                                     services=kinds)
        for a in self.entries():
            start, end = a.extra.get("active_from") or "", a.extra.get("active_to") or ""
            if (start and day < start) or (end and day > end):
                continue
            if service is None or service in a.services:
                out[a.code] = a
        return sorted(out.values(), key=lambda a: a.label_en.casefold())

    def device_checkpoints(self) -> dict[str, str]:
        """``{device_id: checkpoint name}`` from the applied reference data (checked again as it is read:
        ``check_device_checkpoints``); empty before HQ sent any."""
        return check_device_checkpoints((self._doc() or {}).get("device_checkpoints"))

    def is_active(self, code: str) -> bool:
        """May a new referral name ``code`` today?"""
        return any(a.code == code for a in self.active_agencies())

    def label(self, code: str, lang: str = "en") -> str:
        """The name of ``code`` for an old record too: the applied directory, the previous one, then the shipped
        lists; the code itself when nothing knows it."""
        for key in (CURRENT, PREVIOUS):
            for e in (self._doc(key) or {}).get("directory", []):
                if isinstance(e, Mapping) and e.get("code") == code:
                    return _entry(e).label(lang)
        for name in ("agencies", "health_facilities"):
            if code in {c.code for c in codelists.codes(name, include_inactive=True)}:
                return codelists.label(name, code, lang)
        return code

    def status(self) -> dict[str, Any]:
        """What the sync panel shows: ``version``, ``issued_at``, ``expires_at``, ``expired``, ``entries``,
        ``label`` ("directory of <date>" or "no directory from HQ yet"), ``previous_version`` and ``refused``
        (the last refusal: ``{"reason", "at"}``, or None once a newer document applied)."""
        doc = self._doc()
        prev = self._doc(PREVIOUS)
        refused = self._doc(REFUSED)
        if doc is None:
            return {"version": 0, "issued_at": "", "expires_at": "", "expired": False, "entries": 0,
                    "label": "no directory from HQ yet", "previous_version": 0, "refused": refused}
        expired = _parse_time(doc["expires_at"]) <= self._ctx.store.clock.now()
        return {"version": doc["version"], "issued_at": doc["issued_at"], "expires_at": doc["expires_at"],
                "expired": expired, "entries": len(doc.get("directory", [])),
                "label": f"directory of {doc['issued_at'][:10]}", "previous_version": (prev or {}).get("version", 0),
                "refused": refused}

    # ------------------------------------------------------------------ applying
    def refuse(self, reason: str) -> Changes:
        """Keep why HQ's latest document was refused (shown by the sync panel); nothing else changes."""
        now = self._ctx.store.clock.now().isoformat(timespec="seconds")
        with self._ctx.store.write():
            self._ctx.store.set_meta(REFUSED, json.dumps({"reason": reason[:300], "at": now}))
        return Changes(ids={"reference": "refused"})

    def apply(self, doc: Mapping[str, Any], *, checkpoint_id: str) -> Applied:
        """Apply reference data whose signature the caller verified with HQ's pinned key. ``checkpoint_id``: this
        device's, from its enrollment ("" for a device enrolled before HQ said it: then the checkpoint of the
        directory in use, or on first use the document's own). Returns ``Applied`` (``applied`` False: this version
        is in use already). Raises ConflictError (another checkpoint's, older than the one in use, expired) or
        UnsupportedFormat (malformed), after keeping the reason (``status()["refused"]``); the directory in use is
        unchanged then."""
        current = self._doc()
        checkpoint_id = checkpoint_id or (current or {}).get("checkpoint_id") or str(
            doc.get("checkpoint_id") or "" if isinstance(doc, Mapping) else "")
        try:
            clean = self._check(doc, checkpoint_id)
        except (ConflictError, UnsupportedFormat) as e:
            self.refuse(str(e))
            raise
        ids = {"reference": str(clean["version"])}
        if current is not None and current["version"] == clean["version"]:
            with self._ctx.store.write():
                self._ctx.store.set_meta(REFUSED, "")
                # slip keys HQ learned since (a new user's key): within one version the enrolled devices are the
                # same (a revocation makes a new version), so keys are only ever added (checkpoint.slipkeys)
                known = current.get("slip_keys") or {}
                places = check_device_checkpoints(current.get("device_checkpoints"))
                # and the checkpoints of devices HQ enrolled since (a new device does not make a new version)
                if any(k not in known for k in clean["slip_keys"]) or any(
                        places.get(d) != n for d, n in clean["device_checkpoints"].items()):
                    self._ctx.store.set_meta(CURRENT, json.dumps({**current, "slip_keys": {
                        **known, **clean["slip_keys"]}, "device_checkpoints": {
                        **places, **clean["device_checkpoints"]}}, sort_keys=True))
            return Applied(False, clean["version"], Changes(ids=ids))
        with self._ctx.store.write():                           # one transaction: all of it or nothing
            if current is not None:
                self._ctx.store.set_meta(PREVIOUS, json.dumps(current, sort_keys=True))
            self._ctx.store.set_meta(CURRENT, json.dumps(clean, sort_keys=True))
            self._ctx.store.set_meta(REFUSED, "")
        return Applied(True, clean["version"], Changes(referrals=True, ids=ids))

    def _check(self, doc: Mapping[str, Any], checkpoint_id: str) -> dict[str, Any]:
        if not isinstance(doc, Mapping) or doc.get("kind") != "reference":
            raise UnsupportedFormat("HQ's reference data is not readable.")
        version = doc.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise UnsupportedFormat("HQ's reference data has no version.")
        if not checkpoint_id or doc.get("checkpoint_id") != checkpoint_id:
            raise ConflictError("HQ's reference data was made for another checkpoint: refused, the previous "
                                "directory stays in use.")
        current = self._doc()
        if current is not None and version < current["version"]:
            raise ConflictError("HQ's reference data is older than the version in use (an old document "
                                "replayed?): refused, the previous directory stays in use.")
        issued = _parse_time(doc.get("issued_at"))
        expires = _parse_time(doc.get("expires_at"))
        if expires <= self._ctx.store.clock.now():
            raise ConflictError("HQ's reference data has expired: refused, the previous directory stays in use.")
        raw = doc.get("directory", [])
        if not isinstance(raw, list) or len(raw) > _MAX_ENTRIES:
            raise UnsupportedFormat("HQ's directory is not a list.")
        entries = [_entry(e) for e in raw]
        if len({e.code for e in entries}) != len(entries):
            raise UnsupportedFormat("HQ's directory names a code twice.")
        slip_keys = check_slip_keys(doc.get("slip_keys"))       # issue 16 point 4: other checkpoints' slip keys
        return {"kind": "reference", "version": version, "checkpoint_id": checkpoint_id,
                "issued_at": issued.isoformat(), "expires_at": expires.isoformat(), "directory": list(raw),
                "slip_keys": slip_keys, "device_checkpoints": check_device_checkpoints(doc.get("device_checkpoints"))}
