"""The key file beside a store: the data key wrapped once per user (key slots), plus lockout counters.

A store ``checkpoint.db`` has ``checkpoint.db.keys`` next to it. The data key is random; each local user has a
slot holding it wrapped under an Argon2id key from that user's passphrase. A printed recovery code has a slot,
and a device enrolled with HQ has a slot sealed to HQ's recovery public key, so a forgotten passphrase never
loses data. Changing a passphrase rewraps the key; the database is never re-encrypted.

Every slot's associated data binds the store id, the slot kind and the user id, so a slot moved to another
user or another store does not open. The file is replaced atomically (write, fsync, rename, fsync dir): a power
cut leaves the old or the new file, never half of one.

    >>> kf = KeyFile.create("x.db.keys", store_id="...", device_public_key="...")      # doctest: +SKIP
    >>> kf.add_passphrase_slot(user_id, "sokha", data_key, "correct horse")          # doctest: +SKIP
    >>> kf.unwrap_for_user("sokha", "correct horse")                                 # doctest: +SKIP
"""

from __future__ import annotations

import base64
import functools
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checkpoint import crypto, files
from checkpoint.errors import (
    AccountDisabled,
    DecryptionFailed,
    LockedOut,
    StoreError,
    UnsupportedFormat,
    WrongPassphrase,
)
from checkpoint.files import FileLock, LockBusy, write_atomic

__all__ = ["FREE_ATTEMPTS", "KeyFile", "lockout_delay"]

FORMAT = "checkpoint-keyfile"
VERSION = 2              # 2: passphrase slots hold a sealed data key (below); files of version 1 still open
_READABLE = (1, 2)
MAX_KEYFILE_BYTES = 1 << 20
FREE_ATTEMPTS = 5
_BASE_DELAY = 30.0
_MAX_DELAY = 15 * 60.0


def lockout_delay(failed: int) -> float:
    """Seconds a user must wait after ``failed`` consecutive wrong passphrases.

    The first five are free; then 30 s, doubling each time, capped at 15 minutes (however large the counter: the
    exponent is capped before it is raised). Never data deletion.

        >>> [lockout_delay(n) for n in (4, 5, 6, 7, 20, 10**9)]
        [0.0, 30.0, 60.0, 120.0, 900.0, 900.0]
    """
    if failed < FREE_ATTEMPTS:
        return 0.0
    return float(min(_BASE_DELAY * (2 ** min(failed - FREE_ATTEMPTS, 16)), _MAX_DELAY))


_SLOT_FIELDS = {"passphrase": ("user_id", "username", "blob"), "locked": ("user_id", "username"),
                "recovery-code": ("blob",), "hq-recovery": ("blob",)}


def _slot_ok(slot: Any) -> bool:
    """A slot is an object with a kind, and the text fields of its kind when we know it (a damaged file is
    refused whole, never a traceback half-way through a sign-in; a kind we do not know is left alone)."""
    if not isinstance(slot, dict) or not isinstance(slot.get("kind"), str):
        return False
    return all(isinstance(slot.get(f), str) for f in _SLOT_FIELDS.get(slot["kind"], ()))


def _context(store_id: str, kind: str, user_id: str) -> bytes:
    return f"checkpoint keyslot v1|{store_id}|{kind}|{user_id}".encode()


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: Any) -> bytes:
    if not isinstance(s, str):
        raise UnsupportedFormat("Key file slot is malformed.")
    try:
        return base64.b64decode(s, validate=True)
    except ValueError:
        raise UnsupportedFormat("Key file slot is malformed.") from None


@dataclass
class KeyFile:
    """In-memory view of a key file; every mutation is written back atomically before it returns."""

    path: Path
    data: dict[str, Any]
    # The key a rotation in progress would switch to, from the last unwrap (None when no rotation is pending):
    # the store opens with it if the rekey happened and the key file was not yet rewritten (a power cut).
    next_key: bytes | None = field(default=None, repr=False)
    # The user's own Ed25519 signing key from the last unwrap (None when her slot holds none yet).
    signing_key: bytes | None = field(default=None, repr=False)
    # The device's signing key from the last unwrap: only supervisors' and administrators' slots (and the recovery
    # code's) hold it (``set_device_key``); None for everyone else.
    device_key: bytes | None = field(default=None, repr=False)
    # The checkpoint's protection key (X25519) from the last unwrap: only supervisors' slots hold it
    # (``set_protection_key``, issue 10 point 11: it opens every sealed protection section); None for everyone else.
    protection_key: bytes | None = field(default=None, repr=False)
    # The checkpoint's protection key (X25519) HQ keeps for every device of this checkpoint, from the last unwrap:
    # only supervisors' slots hold it (``set_checkpoint_key``). New sections are sealed to it once the device has
    # it; ``protection_key`` (this store's own, older key) stays in the same slots to open what was sealed before.
    checkpoint_key: bytes | None = field(default=None, repr=False)

    # ----------------------------------------------------------------- load / save
    @classmethod
    def create(cls, path: str | os.PathLike[str], *, store_id: str, device_public_key: str) -> KeyFile:
        """Start a new key file (not yet written: the first slot writes it)."""
        return cls(Path(path), {
            "format": FORMAT, "version": VERSION, "store_id": store_id,
            "device_public_key": device_public_key, "slots": [], "attempts": {},
        })

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> KeyFile:
        """Read and check a key file. Raises StoreError if missing, UnsupportedFormat if not ours."""
        p = Path(path)
        try:
            size = p.stat().st_size
        except FileNotFoundError:
            raise StoreError(f"The key file {p} is missing: restore it from a backup, or recover via HQ.") from None
        if size > MAX_KEYFILE_BYTES:
            raise UnsupportedFormat("The key file is too large to be a Checkpoint key file.")
        try:
            data = json.loads(_read_bytes(p))
        except (ValueError, UnicodeDecodeError):
            raise UnsupportedFormat("The key file is damaged or not a Checkpoint key file.") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise UnsupportedFormat("Not a Checkpoint key file.")
        if data.get("version") not in _READABLE:
            raise UnsupportedFormat(f"Key file version {data.get('version')!r} is not supported.")
        if not isinstance(data.get("slots"), list) or not isinstance(data.get("store_id"), str):
            raise UnsupportedFormat("The key file is damaged.")
        data.setdefault("attempts", {})
        if not isinstance(data["attempts"], dict) or not all(_slot_ok(s) for s in data["slots"]):
            raise UnsupportedFormat("The key file is damaged.")
        return cls(p, data)

    def save(self) -> None:
        """Atomically replace the file on disk (a power cut leaves the old or the new one)."""
        _write(self.path, json.dumps(self.data, indent=1, sort_keys=True).encode())

    def refresh(self) -> None:
        """Reread the file: another process (the CLI beside the app, a login attempt) may have changed it."""
        if self.path.exists():
            fresh = KeyFile.load(self.path)
            if fresh.store_id != self.store_id:
                raise UnsupportedFormat("The key file now belongs to another store.")
            self.data = fresh.data

    def clear_attempts(self, user_id: str) -> None:
        self.refresh()
        if self.data["attempts"].pop(user_id, None) is not None:
            self.save()

    @property
    def store_id(self) -> str:
        return str(self.data["store_id"])

    # ----------------------------------------------------------------- slots
    def _slots(self, kind: str) -> list[dict[str, Any]]:
        return [s for s in self.data["slots"] if s.get("kind") == kind]

    def user_slot(self, username: str) -> dict[str, Any] | None:
        wanted = username.strip().casefold()
        for s in self._slots("passphrase"):
            if str(s.get("username", "")).casefold() == wanted:
                return s
        return None

    def usernames(self) -> list[str]:
        """The user names that have a passphrase slot (for the login screen)."""
        self.refresh()
        return [str(s["username"]) for s in self._slots("passphrase")]

    def add_passphrase_slot(self, user_id: str, username: str, data_key: bytes, passphrase: str,
                            *, kdf: crypto.KdfParams | None = None, signing_private: bytes | None = None) -> None:
        """Give a user a slot (replacing theirs) and save: a fresh X25519 key pair whose private half is wrapped
        under the passphrase (Argon2id), and the data key sealed to its public half. A supervisor rotating the
        data key seals the new key to every public half without knowing anyone's passphrase. The user's own
        Ed25519 signing key (``signing_private``), when given, is sealed to the same public half: only her
        passphrase opens it (``unwrap_for_user`` sets ``signing_key``)."""
        self.refresh()
        private, public = crypto.generate_x25519()
        blob = crypto.wrap_key(private, passphrase, context=_context(self.store_id, "passphrase-key", user_id),
                               params=kdf)
        sealed = crypto.seal(public, data_key, context=_context(self.store_id, "passphrase", user_id))
        slot = {"kind": "passphrase", "scheme": "sealed", "user_id": user_id, "username": username,
                "blob": _b64(blob), "public": _b64(public), "sealed": _b64(sealed)}
        if signing_private is not None:
            slot["signing"] = _b64(crypto.seal(public, signing_private,
                                               context=_context(self.store_id, "passphrase-signing", user_id)))
        slots = self.data["slots"]
        for i, s in enumerate(slots):
            if s.get("kind") in ("passphrase", "locked") and s.get("user_id") == user_id:
                slots[i] = slot   # keep its place: the first slot is the default user of the CLI
                break
        else:
            slots.append(slot)
        self.data["attempts"].pop(user_id, None)
        self.data["version"] = VERSION
        self.save()

    def set_signing_key(self, user_id: str, signing_private: bytes) -> None:
        """Seal a user's own signing key into her (sealed) slot, without her passphrase (the slot's public half is
        enough): a slot made before signing keys existed gets one at her sign-in. Raises StoreError if she has
        no sealed slot."""
        self.refresh()
        for s in self._slots("passphrase"):
            if s.get("user_id") == user_id and s.get("scheme") == "sealed":
                s["signing"] = _b64(crypto.seal(_unb64(s["public"]), signing_private,
                                                context=_context(self.store_id, "passphrase-signing", user_id)))
                self.save()
                return
        raise StoreError("This user has no key slot to keep a signing key in.")

    def set_device_key(self, device_private: bytes, holders: set[str]) -> None:
        """Seal the device's signing key into the slots of ``holders`` (user ids: the active supervisors and
        administrators) and take it out of every other passphrase slot; saved. Needs no passphrase: each slot's
        public half is enough."""
        if self._seal_for_holders("device", "device-signing", device_private,
                                  crypto.key_id(crypto.signing_public(device_private)), holders):
            self.save()

    def set_protection_key(self, protection_private: bytes, holders: set[str]) -> None:
        """Seal the checkpoint's protection key (X25519) into the slots of ``holders`` (the active supervisors) and
        take it out of every other passphrase slot; saved only when something changed. Needs no passphrase."""
        if self._seal_for_holders("protection", "protection", protection_private,
                                  crypto.key_id(crypto.x25519_public(protection_private)), holders):
            self.save()

    def _seal_for_holders(self, field: str, purpose: str, private: bytes, kid: str, holders: set[str]) -> bool:
        """Seal ``private`` as ``field`` of each holder's sealed passphrase slot (``<field>_public_of``: its key
        id, so a slot with an older key is sealed again) and remove it from every other slot. Returns whether
        something changed; the caller saves, under the key file's lock (``READ_MODIFY_WRITE``)."""
        self.refresh()
        changed = False
        for s in self._slots("passphrase"):
            uid = str(s.get("user_id"))
            if uid in holders and s.get("scheme") == "sealed":
                if field not in s or s.get(f"{field}_public_of") != kid:
                    s[f"{field}_public_of"] = kid
                    s[field] = _b64(crypto.seal(_unb64(s["public"]), private,
                                                context=_context(self.store_id, purpose, uid)))
                    changed = True
            elif field in s:
                del s[field]
                s.pop(f"{field}_public_of", None)
                changed = True
        return changed

    def set_checkpoint_key(self, checkpoint_private: bytes, holders: set[str]) -> None:
        """Seal the checkpoint's protection key HQ delivered (X25519, one per checkpoint) into the slots of
        ``holders`` (the active supervisors) and take it out of every other passphrase slot; saved only when
        something changed. Needs no passphrase: each slot's public half is enough."""
        if self._seal_for_holders("checkpoint_protection", "checkpoint-protection", checkpoint_private,
                                  crypto.key_id(crypto.x25519_public(checkpoint_private)), holders):
            self.save()

    def checkpoint_key_holders(self, checkpoint_public: bytes) -> set[str]:
        """The user ids whose slots hold the checkpoint protection key with this public half."""
        self.refresh()
        kid = crypto.key_id(checkpoint_public)
        return {str(s.get("user_id")) for s in self._slots("passphrase")
                if "checkpoint_protection" in s and s.get("checkpoint_protection_public_of") == kid}

    def protection_holders(self) -> set[str]:
        """The user ids whose slots hold the checkpoint's protection key."""
        self.refresh()
        return {str(s.get("user_id")) for s in self._slots("passphrase") if "protection" in s}

    def device_holders(self) -> set[str]:
        """The user ids whose slots hold the device's signing key."""
        self.refresh()
        return {str(s.get("user_id")) for s in self._slots("passphrase") if "device" in s}

    def slot_is_sealed(self, user_id: str) -> bool:
        """Whether the user's slot is of the sealed kind (older slots wrap the data key itself and are replaced
        at that user's next sign-in: ``auth.unlock``)."""
        return any(s.get("user_id") == user_id and s.get("scheme") == "sealed" for s in self._slots("passphrase"))

    # ----------------------------------------------------------------- rotating the data key
    def prepare_rotation(self, new_key: bytes, recovery_code: str, hq_recovery_public: bytes | None, *,
                         kdf: crypto.KdfParams | None = None, device_private: bytes | None = None,
                         protection_private: bytes | None = None) -> list[str]:
        """Step 1 of a rotation: beside every slot, the new key for it (``*_next``), saved; the store still opens
        with the current key. Returns the user names whose slots cannot take the new key (older slots): they
        lose their slot when the rotation finishes and need a new passphrase."""
        self.refresh()
        stale: list[str] = []
        for s in self.data["slots"]:
            kind = s.get("kind")
            if kind == "passphrase" and s.get("scheme") == "sealed":
                s["sealed_next"] = _b64(crypto.seal(_unb64(s["public"]), new_key,
                                                    context=_context(self.store_id, "passphrase", s["user_id"])))
            elif kind == "passphrase":
                stale.append(str(s.get("username")))
            elif kind == "recovery-code":
                s["blob_next"] = _b64(crypto.wrap_key(new_key, crypto.normalize_recovery_code(recovery_code),
                                                      context=_context(self.store_id, "recovery-code", ""),
                                                      params=kdf))
                if device_private is not None:
                    s["device_next"] = _b64(crypto.wrap_key(
                        device_private, crypto.normalize_recovery_code(recovery_code), params=kdf,
                        context=_context(self.store_id, "recovery-device", "")))
                if protection_private is not None:
                    s["protection_next"] = _b64(crypto.wrap_key(
                        protection_private, crypto.normalize_recovery_code(recovery_code), params=kdf,
                        context=_context(self.store_id, "recovery-protection", "")))
            elif kind == "hq-recovery" and hq_recovery_public is not None:
                s["blob_next"] = _b64(crypto.seal(hq_recovery_public, new_key,
                                                  context=_context(self.store_id, "hq-recovery", "")))
        if not self._slots("recovery-code"):
            self.data["slots"].append({"kind": "recovery-code", "blob": "", "blob_next": _b64(crypto.wrap_key(
                new_key, crypto.normalize_recovery_code(recovery_code),
                context=_context(self.store_id, "recovery-code", ""), params=kdf))})
        self.data["rotation"] = "prepared"
        self.save()
        return stale

    def rotation_pending(self) -> bool:
        return "rotation" in self.data

    def finish_rotation(self) -> None:
        """Step 3 (after ``PRAGMA rekey``): every slot holds only the new key; slots that could not take it (and
        would open nothing now) are removed. Idempotent."""
        self.refresh()
        if not self.rotation_pending():
            return
        kept: list[dict[str, Any]] = []
        for s in self.data["slots"]:
            if s.get("kind") == "locked":
                kept.append(s)
            elif "sealed_next" in s:
                s["sealed"] = s.pop("sealed_next")
                kept.append(s)
            elif "blob_next" in s:
                s["blob"] = s.pop("blob_next")
                if "device_next" in s:
                    s["device"] = s.pop("device_next")
                else:
                    s.pop("device", None)      # wrapped by the old code, which opens nothing any more
                if "protection_next" in s:
                    s["protection"] = s.pop("protection_next")
                elif s.get("kind") == "recovery-code":
                    s.pop("protection", None)
                kept.append(s)
        self.data["slots"] = kept
        del self.data["rotation"]
        self.save()

    def abandon_rotation(self) -> None:
        """A rotation prepared but never applied (the store still opens with the current key): forget it."""
        self.refresh()
        if not self.rotation_pending():
            return
        slots = []
        for s in self.data["slots"]:
            s.pop("sealed_next", None)
            s.pop("blob_next", None)
            s.pop("device_next", None)
            s.pop("protection_next", None)
            if s.get("kind") == "recovery-code" and not s.get("blob"):
                continue
            slots.append(s)
        self.data["slots"] = slots
        del self.data["rotation"]
        self.save()

    def rename_user(self, user_id: str, username: str) -> None:
        self.refresh()
        for s in self._slots("passphrase"):
            if s.get("user_id") == user_id:
                s["username"] = username
        self.save()

    def slot_user_ids(self) -> set[str]:
        """The user ids that have a passphrase slot."""
        self.refresh()
        return {str(s.get("user_id")) for s in self._slots("passphrase")}

    def remove_user_slot(self, user_id: str, *, locked: bool = False) -> None:
        """Remove a user's passphrase slot; with ``locked`` leave a marker holding no key, so that signing in
        says "this account is locked" rather than "wrong passphrase"."""
        self.refresh()
        old = [s for s in self.data["slots"] if s.get("kind") in ("passphrase", "locked")
               and s.get("user_id") == user_id]
        self.data["slots"] = [s for s in self.data["slots"] if s not in old]
        if locked and old:
            self.data["slots"].append({"kind": "locked", "user_id": user_id, "username": old[0].get("username", "")})
        self.save()

    def set_recovery_code_slot(self, data_key: bytes, code: str, *, kdf: crypto.KdfParams | None = None,
                               device_private: bytes | None = None, protection_private: bytes | None = None) -> None:
        """The recovery code's slot; with ``device_private`` it also keeps the device's signing key (wrapped by the
        code), so that a recovery can give it back to a supervisor when no supervisor slot holds it."""
        self.refresh()
        code = crypto.normalize_recovery_code(code)
        blob = crypto.wrap_key(data_key, code, context=_context(self.store_id, "recovery-code", ""), params=kdf)
        self.data["slots"] = [s for s in self.data["slots"] if s.get("kind") != "recovery-code"]
        slot = {"kind": "recovery-code", "blob": _b64(blob)}
        if device_private is not None:
            slot["device"] = _b64(crypto.wrap_key(device_private, code, params=kdf,
                                                  context=_context(self.store_id, "recovery-device", "")))
        if protection_private is not None:        # the protection key too: a recovery gives it back (point 11)
            slot["protection"] = _b64(crypto.wrap_key(protection_private, code, params=kdf,
                                                      context=_context(self.store_id, "recovery-protection", "")))
        self.data["slots"].append(slot)
        self.save()

    def set_hq_recovery_slot(self, data_key: bytes, hq_recovery_public_key: bytes, *,
                             device_private: bytes | None = None) -> None:
        """Seal the data key to HQ's X25519 recovery key (done at enrollment); with ``device_private``, the
        device's signing key too (a recovery through HQ gives it back to the supervisors)."""
        self.refresh()
        blob = crypto.seal(hq_recovery_public_key, data_key, context=_context(self.store_id, "hq-recovery", ""))
        self.data["slots"] = [s for s in self.data["slots"] if s.get("kind") != "hq-recovery"]
        slot = {"kind": "hq-recovery", "recipient": crypto.key_id(hq_recovery_public_key), "blob": _b64(blob)}
        if device_private is not None:
            slot["device"] = _b64(crypto.seal(hq_recovery_public_key, device_private,
                                              context=_context(self.store_id, "hq-device", "")))
        self.data["slots"].append(slot)
        self.save()

    def set_hq_device_copy(self, hq_recovery_public_key: bytes, device_private: bytes) -> None:
        """Add the device's signing key to HQ's recovery slot (sealed to the same HQ key) if it lacks it: slots
        made before the device key left the database. A no-op without a slot for that key."""
        self.refresh()
        for s in self._slots("hq-recovery"):
            if s.get("recipient") == crypto.key_id(hq_recovery_public_key) and "device" not in s:
                s["device"] = _b64(crypto.seal(hq_recovery_public_key, device_private,
                                               context=_context(self.store_id, "hq-device", "")))
                self.save()

    def hq_slot_is_for(self, hq_recovery_public: bytes | None) -> bool:
        """Whether HQ's recovery slot was sealed to this public key (by the key id stored beside it)."""
        self.refresh()
        return hq_recovery_public is not None and any(
            s.get("recipient") == crypto.key_id(hq_recovery_public) for s in self._slots("hq-recovery"))

    def has_slot(self, kind: str) -> bool:
        return bool(self._slots(kind))

    # ----------------------------------------------------------------- unlocking
    def unwrap_for_user(self, username: str, passphrase: str, *, now: Callable[[], float]) -> tuple[str, bytes]:
        """Return (user_id, data_key) for a user's passphrase, enforcing the growing delay.

        Raises LockedOut while the delay runs (the attempt is not even tried), WrongPassphrase otherwise
        (unknown user names get the same answer and no counter). Never deletes anything.
        """
        self.refresh()
        slot = self.user_slot(username)
        if slot is None:
            wanted = username.strip().casefold()
            if any(str(s.get("username", "")).casefold() == wanted for s in self._slots("locked")):
                raise AccountDisabled("This account is locked. Ask a supervisor to unlock it.")
            raise WrongPassphrase()
        user_id = str(slot["user_id"])
        failed, last = _attempts(self.data["attempts"].get(user_id))
        t = now()
        if t < last:
            # The clock went back (a wrong date corrected, a flat CMOS battery): the last failure cannot be in the
            # future, so it counts as now. The delay then runs at most its cap from here, never "until next year".
            last = t
            self.data["attempts"][user_id] = {"failed": failed, "last": last}
            self.save()
        wait = min(lockout_delay(failed) - (t - last), _MAX_DELAY)
        if failed >= FREE_ATTEMPTS and wait > 0:
            raise LockedOut(wait)
        try:
            if slot.get("scheme") == "sealed":
                private = crypto.unwrap_key(_unb64(slot["blob"]), passphrase,
                                            context=_context(self.store_id, "passphrase-key", user_id))
                ctx = _context(self.store_id, "passphrase", user_id)
                key = crypto.open_sealed(private, _unb64(slot.get("sealed")), context=ctx)
                self.next_key = (crypto.open_sealed(private, _unb64(slot["sealed_next"]), context=ctx)
                                 if "sealed_next" in slot else None)
                self.signing_key = (crypto.open_sealed(
                    private, _unb64(slot["signing"]),
                    context=_context(self.store_id, "passphrase-signing", user_id)) if "signing" in slot else None)
                self.device_key = (crypto.open_sealed(
                    private, _unb64(slot["device"]),
                    context=_context(self.store_id, "device-signing", user_id)) if "device" in slot else None)
                self.protection_key = (crypto.open_sealed(
                    private, _unb64(slot["protection"]),
                    context=_context(self.store_id, "protection", user_id)) if "protection" in slot else None)
                self.checkpoint_key = (crypto.open_sealed(
                    private, _unb64(slot["checkpoint_protection"]),
                    context=_context(self.store_id, "checkpoint-protection", user_id))
                    if "checkpoint_protection" in slot else None)
            else:
                self.signing_key = self.device_key = self.protection_key = self.checkpoint_key = None
                key = crypto.unwrap_key(_unb64(slot["blob"]), passphrase,
                                        context=_context(self.store_id, "passphrase", user_id))
                self.next_key = None
        except DecryptionFailed:
            failed += 1
            self.data["attempts"][user_id] = {"failed": failed, "last": t}
            self.save()
            raise WrongPassphrase(failed_attempts=failed, retry_after=lockout_delay(failed)) from None
        if user_id in self.data["attempts"]:
            del self.data["attempts"][user_id]
            self.save()
        return user_id, key

    def unwrap_with_recovery_code(self, code: str) -> bytes:
        """Return the data key from the printed recovery code. Raises DecryptionFailed if wrong."""
        slots = self._slots("recovery-code")
        if not slots:
            raise StoreError("This store has no recovery-code slot.")
        code = crypto.normalize_recovery_code(code)
        ctx = _context(self.store_id, "recovery-code", "")
        # During a rotation (a power cut between its steps) the slot holds the new code's wrap beside the old.
        for name in ("blob", "blob_next"):
            blob = slots[0].get(name)
            if blob:
                try:
                    key = crypto.unwrap_key(_unb64(blob), code, context=ctx)
                except DecryptionFailed:
                    continue
                self.next_key = None
                device = slots[0].get("device" if name == "blob" else "device_next")
                try:
                    self.device_key = crypto.unwrap_key(
                        _unb64(device), code, context=_context(self.store_id, "recovery-device", "")) \
                        if device else None
                except DecryptionFailed:
                    self.device_key = None
                prot = slots[0].get("protection" if name == "blob" else "protection_next")
                try:
                    self.protection_key = crypto.unwrap_key(
                        _unb64(prot), code, context=_context(self.store_id, "recovery-protection", "")) \
                        if prot else None
                except DecryptionFailed:
                    self.protection_key = None
                self.checkpoint_key = None        # the recovery slot never holds it: HQ gives it again at a sync
                return key
        raise DecryptionFailed("Wrong recovery code.")

    def unwrap_with_hq_key(self, hq_recovery_private_key: bytes) -> bytes:
        """Return the data key through HQ's recovery private key (HQ's `recover` command)."""
        slots = self._slots("hq-recovery")
        if not slots:
            raise StoreError("This store was never enrolled with an HQ recovery key.")
        ctx = _context(self.store_id, "hq-recovery", "")
        nxt = slots[0].get("blob_next")
        self.next_key = crypto.open_sealed(hq_recovery_private_key, _unb64(nxt), context=ctx) if nxt else None
        key = crypto.open_sealed(hq_recovery_private_key, _unb64(slots[0]["blob"]), context=ctx)
        device = slots[0].get("device")
        self.device_key = crypto.open_sealed(hq_recovery_private_key, _unb64(device),
                                             context=_context(self.store_id, "hq-device", "")) if device else None
        return key

    def failed_attempts(self, user_id: str) -> int:
        self.refresh()
        return _attempts(self.data["attempts"].get(user_id))[0]


def _attempts(entry: Any) -> tuple[int, float]:
    """(failed, last failure time) of a counter as stored; a damaged entry counts as one failure now-ish (0.0)
    rather than failing every sign-in. The counter is bounded so it stays a small number."""
    if not isinstance(entry, dict):
        return 0, 0.0
    try:
        failed = max(0, min(int(entry.get("failed", 0)), 1_000_000))
        last = float(entry.get("last", 0.0))
    except (TypeError, ValueError, OverflowError):
        return 1, 0.0
    if last != last or last in (float("inf"), float("-inf")):   # NaN or infinite
        last = 0.0
    return failed, last



# ----------------------------------------------------------------------------------- file I/O and locking
# The file is shared by processes (the app, checkpoint-admin, a second window): every read-modify-write above
# (refresh, change, save) runs under one lock between processes on ``<name>.keys.lock``, so no process overwrites
# another's change. Reads and replaces wait out the brief sharing violations Windows reports while another program
# (antivirus, backup) has the file open.
LOCK_TIMEOUT = 10.0
_READ_RETRIES, _READ_DELAY = 8, 0.02
# The methods that reread, change and save the file. tests/storage/test_keyfile_io.py checks that every method
# calling self.save() is listed here.
READ_MODIFY_WRITE = ("clear_attempts", "add_passphrase_slot", "set_signing_key", "set_device_key",
                     "set_protection_key", "set_checkpoint_key",
                     "rename_user", "remove_user_slot",
                     "set_recovery_code_slot", "set_hq_recovery_slot", "set_hq_device_copy", "unwrap_for_user",
                     "prepare_rotation", "finish_rotation", "abandon_rotation")


def lock_path(path: Path) -> Path:
    """The lock file beside a key file (never deleted: deleting a lock file others wait on breaks the lock)."""
    return path.with_name(path.name + ".lock")


def _read_bytes(path: Path) -> bytes:
    delay = _READ_DELAY
    for attempt in range(_READ_RETRIES + 1):
        try:
            return path.read_bytes()
        except PermissionError:
            if not files.WINDOWS or attempt == _READ_RETRIES:
                raise StoreError("The key file is held open by another program (antivirus or backup software?): "
                                 "try again in a moment.") from None
            time.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except PermissionError:
        raise StoreError("The key file is held open by another program (antivirus or backup software?): "
                         "try again in a moment.") from None


def _exclusive(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def locked(self: KeyFile, *args: Any, **kwargs: Any) -> Any:
        try:
            lock = FileLock(lock_path(self.path), timeout=LOCK_TIMEOUT)
            lock.acquire()
        except LockBusy:
            raise StoreError("Another Checkpoint program is changing the key file: try again in a moment.") from None
        try:
            return method(self, *args, **kwargs)
        finally:
            lock.release()
    return locked


for _name in READ_MODIFY_WRITE:
    setattr(KeyFile, _name, _exclusive(getattr(KeyFile, _name)))
