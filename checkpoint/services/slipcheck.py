"""``session.slipcheck``: check a referral slip's QR code on this device (issue 16 point 4) — an officer receiving a
transfer, a health worker receiving a TB referral from another checkpoint.

    >>> v = session.slipcheck.check_slip(scanned_text)                                    # doctest: +SKIP
    >>> (v.valid, v.reason, v.checkpoint_name, v.expires)                                 # doctest: +SKIP
    (True, 'valid', 'Poipet', '2027-02-20')
    >>> v.person.family_name if v.person else v.details_note_en                           # doctest: +SKIP
    'SOK'

Which keys a slip may be signed with here: this checkpoint's users' own keys (their ``user.key_set`` events, in
this store), this device's key (slips printed before issue 10), and the slip-signing keys of every enrolled,
non-revoked device's users as HQ knows them, carried in HQ's signed reference data and kept with the directory
(``checkpoint.slipkeys``; a revoked device's keys are gone at the next document). The signature and expiry are
``checkpoint.slips.verify_referral_token``'s; nothing here changes the token or its signing.

The verdict is plain: valid, or the one reason it is not (not a slip code, too long, changed or damaged, signed by a
key not trusted here, expired, names a referral of another person), in English and Khmer (``message_en``/
``message_km``; the Khmer needs native review). The person's name, sex and age and the referral's kind, agency and
status come back only when this device holds that referral and the user may read it (the same rule as printing
its slip: a health referral needs ``view_tb``, a protection one ``view_trafficking`` or the registering officer):
so the officer checks the slip against the person in front of her (holder binding). Never the screening answers.

Roles: every signed-in role may check a slip's signature (an admin too: she sees the verdict, the dates and the
checkpoint that printed it, never anything about the person — she reads no records). A check that shows a person
is a read and goes in the read log (``slip_check``). Nothing is written otherwise; the text checked is not kept.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Final

from checkpoint import crypto
from checkpoint.errors import SignatureInvalid, UnsupportedFormat, ValidationError
from checkpoint.model.roles import Permission
from checkpoint.services.base import Context
from checkpoint.services.directory import CURRENT, Directory
from checkpoint.slipkeys import check_slip_keys, decode_keys
from checkpoint.slips import MAX_TOKEN_CHARS, TOKEN_PREFIX, verify_referral_token

__all__ = ["KEYS_STALE_DAYS", "MESSAGES", "SlipCheck", "SlipPerson", "SlipVerdict"]

# HQ's list of other checkpoints' slip keys older than this (days since HQ issued it): a key HQ revoked since may
# still verify here, and the check says so. A device offline longer than this should sync before trusting a slip
# from another checkpoint.
KEYS_STALE_DAYS: Final = 14

# (English, Khmer) of each verdict. Khmer: needs native review.
MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "valid": ("Valid slip: signed at a checkpoint this device trusts, not expired.",
              "ប័ណ្ណបញ្ជូនត្រឹមត្រូវ៖ ចុះហត្ថលេខានៅច្រកត្រួតពិនិត្យដែលឧបករណ៍នេះទុកចិត្ត មិនទាន់ផុតកំណត់។"),
    "empty": ("Nothing to check: scan the slip's QR code or paste its text.",
              "គ្មានអ្វីត្រូវពិនិត្យ៖ ស្កេនកូដ QR នៃប័ណ្ណ ឬបិទភ្ជាប់អត្ថបទរបស់វា។"),
    "too_long": ("Not a slip: this text is far too long to be a referral slip's code.",
                 "មិនមែនជាប័ណ្ណទេ៖ អត្ថបទនេះវែងពេកសម្រាប់ជាកូដនៃប័ណ្ណបញ្ជូន។"),
    "not_a_slip": ("Not a slip: this is not a Checkpoint referral slip's code.",
                   "មិនមែនជាប័ណ្ណទេ៖ នេះមិនមែនជាកូដនៃប័ណ្ណបញ្ជូនរបស់ Checkpoint ទេ។"),
    "damaged": ("Not valid: the slip's code was changed or damaged after it was printed.",
                "មិនត្រឹមត្រូវ៖ កូដនៃប័ណ្ណត្រូវបានកែប្រែ ឬខូចខាត បន្ទាប់ពីបានបោះពុម្ព។"),
    "untrusted": ("Not valid here: signed by a key not trusted here (not a checkpoint this device knows; syncing "
                  "with HQ brings other checkpoints' keys).",
                  "មិនត្រឹមត្រូវនៅទីនេះ៖ ចុះហត្ថលេខាដោយកូនសោដែលមិនត្រូវបានទុកចិត្តនៅទីនេះ (មិនមែនច្រកត្រួតពិនិត្យដែល"
                  "ឧបករណ៍នេះស្គាល់ទេ ការធ្វើសមកាលកម្មជាមួយទីស្នាក់ការកណ្តាលនាំយកកូនសោនៃច្រកត្រួតពិនិត្យផ្សេងទៀត)។"),
    "expired": ("Expired: the slip is past its expiry date; the checkpoint that printed it can print a new one.",
                "ផុតកំណត់៖ ប័ណ្ណហួសកាលបរិច្ឆេទផុតកំណត់ ច្រកត្រួតពិនិត្យដែលបានបោះពុម្ពវាអាចបោះពុម្ពប័ណ្ណថ្មី។"),
    "other_person": ("Not valid: this slip names a referral of another person.",
                     "មិនត្រឹមត្រូវ៖ ប័ណ្ណនេះបញ្ជាក់ការបញ្ជូនរបស់មនុស្សម្នាក់ផ្សេងទៀត។"),
}
# Why the person is not shown with a valid slip (English, Khmer).
NOTES: Final[dict[str, tuple[str, str]]] = {
    "shown": ("Check that the person in front of you is the one named here.",
              "សូមពិនិត្យថាមនុស្សនៅមុខអ្នក គឺជាអ្នកដែលមានឈ្មោះនៅទីនេះ។"),
    "not_here": ("This referral is not on this device: check the name on the printed slip against the person's "
                 "document.",
                 "ការបញ្ជូននេះមិនមាននៅលើឧបករណ៍នេះទេ៖ សូមផ្ទៀងផ្ទាត់ឈ្មោះលើប័ណ្ណដែលបានបោះពុម្ពជាមួយឯកសាររបស់មនុស្ស"
                 "នោះ។"),
    "not_your_role": ("Your role does not show the person's details: check the name on the printed slip against "
                      "the person's document.",
                      "តួនាទីរបស់អ្នកមិនបង្ហាញព័ត៌មានលម្អិតរបស់មនុស្សនោះទេ៖ សូមផ្ទៀងផ្ទាត់ឈ្មោះលើប័ណ្ណដែលបានបោះពុម្ព"
                      "ជាមួយឯកសាររបស់មនុស្សនោះ។"),
    "voided": ("This referral or its record was voided on this device.",
               "ការបញ្ជូននេះ ឬកំណត់ត្រារបស់វាត្រូវបានលុបចោលនៅលើឧបករណ៍នេះ។"),
    "": ("", ""),
}


@dataclass(frozen=True)
class SlipPerson:
    """What a valid slip's reader may see to check the holder: never the screening answers."""

    person_id: str
    family_name: str
    given_names: str
    name_khmer: str
    sex: str
    date_of_birth: str | None
    age_at_arrival: int | None
    kind: str
    agency_code: str
    agency_en: str
    agency_km: str
    status: str


@dataclass(frozen=True)
class SlipVerdict:
    """A slip checked: ``valid`` and ``reason`` (a key of ``MESSAGES``) with its ``message_en``/``message_km``;
    from the code once its signature verified (else ""): ``issued``/``expires`` (ISO dates), ``referral_id``,
    ``checkpoint_name`` (the checkpoint the signing key belongs to), ``key_id``; ``person`` when shown, else why not
    (``details``: a key of ``NOTES``, with ``details_en``/``details_km``). When the signing key came from HQ's list:
    ``keys_as_of`` (the local day HQ issued the list in use), ``keys_stale`` (older than ``KEYS_STALE_DAYS``: a key
    revoked at HQ since may still verify) and ``keys_expired`` (the list is past its expiry)."""

    valid: bool
    reason: str
    message_en: str
    message_km: str
    issued: str = ""
    expires: str = ""
    referral_id: str = ""
    checkpoint_name: str = ""
    key_id: str = ""
    person: SlipPerson | None = None
    details: str = ""
    details_en: str = ""
    details_km: str = ""
    keys_expired: bool = False
    keys_as_of: str = ""
    keys_stale: bool = False

    def as_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in ("valid", "reason", "message_en", "message_km", "issued", "expires",
                                             "referral_id", "checkpoint_name", "key_id", "details", "details_en",
                                             "details_km", "keys_expired", "keys_as_of", "keys_stale")}
        out["person"] = None if self.person is None else dict(self.person.__dict__)
        return out


def _verdict(reason: str, **kw: Any) -> SlipVerdict:
    en, km = MESSAGES[reason]
    details = kw.pop("details", "")
    den, dkm = NOTES[details]
    return SlipVerdict(valid=reason == "valid", reason=reason, message_en=en, message_km=km, details=details,
                       details_en=den, details_km=dkm, **kw)


class SlipCheck:
    """``session.slipcheck``: slips checked at the door, as the signed-in user may."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def trusted_keys(self, only: str | None = None) -> dict[str, tuple[bytes, str]]:
        """``{key_id: (public key, checkpoint name)}``: HQ's list (reference data), then this checkpoint's own keys
        (this store's users and this device), which win over HQ's for the same id. ``only``: of HQ's list, just
        that key id (a check needs one; HQ's list may hold thousands)."""
        ctx = self._ctx
        try:                                  # checked when applied; checked again: a damaged copy trusts nothing
            doc = json.loads(ctx.store.meta(CURRENT) or "null") or {}
            field = doc.get("slip_keys") if isinstance(doc, dict) else None
            if only is not None and isinstance(field, dict):
                field = {only: field[only]} if only in field else {}
            keys = decode_keys(check_slip_keys(field))
        except (UnsupportedFormat, ValueError):
            keys = {}
        here = ctx.site.checkpoint_name
        own = [ctx.store.meta("device_signing_public") or ""]
        own += [h for (h,) in ctx.db.execute("SELECT signing_public FROM users WHERE signing_public != ''")]
        for hexkey in own:
            try:
                key = bytes.fromhex(hexkey)
            except ValueError:
                continue                                   # a damaged key verifies nothing
            if len(key) == 32:
                keys[crypto.key_id(key)] = (key, here)
        return keys

    def check_slip(self, text: object) -> SlipVerdict:
        """Check the text a scanner typed (or was pasted): a verdict, never an exception for bad input."""
        ctx = self._ctx
        if not isinstance(text, str) or not text.strip():
            return _verdict("empty")
        if len(text) > MAX_TOKEN_CHARS:
            return _verdict("too_long")
        token = text.strip()
        owners = self.trusted_keys(only=_key_id_of(token) or "")
        try:
            payload = verify_referral_token(token, {k: v[0] for k, v in owners.items()}, today=date.min)
        except SignatureInvalid:
            kid = _key_id_of(token)
            if kid is None:
                return _verdict("not_a_slip")
            return _verdict("untrusted" if kid not in owners else "damaged", key_id=kid)
        except ValidationError:
            return _verdict("not_a_slip")
        kid = payload["d"]
        dates = {"issued": payload["i"], "expires": payload["x"], "referral_id": payload["r"],
                 "checkpoint_name": owners[kid][1], "key_id": kid}
        if ctx.today().isoformat() > payload["x"]:
            return _verdict("expired", **dates)
        here_keys = {k for k, v in owners.items() if v[1] == ctx.site.checkpoint_name}
        keys: dict[str, Any] = {}
        if kid not in here_keys:                    # trusted through HQ's list: say how old that list is
            st = Directory(ctx).status()
            keys["keys_expired"] = bool(st["expired"])
            issued = _issued(st["issued_at"])
            if issued is not None:
                keys["keys_as_of"] = issued.astimezone(ctx.site.tz).date().isoformat()
                keys["keys_stale"] = ctx.store.clock.now() - issued > timedelta(days=KEYS_STALE_DAYS)
        return self._with_person(payload, {**dates, **keys})

    # ------------------------------------------------------------------
    def _with_person(self, payload: dict[str, str], dates: dict[str, Any]) -> SlipVerdict:
        ctx = self._ctx
        if not ctx.may(Permission.VIEW_IDENTITY):       # an admin: the verdict only, not even whether it is here
            return _verdict("valid", details="not_your_role", **dates)
        row = ctx.db.execute(
            "SELECT r.person_id, r.kind, r.agency_code, r.status, r.voided, p.voided, e.voided, e.officer_id, "
            "p.family_name, p.given_names, p.name_khmer, p.sex, p.date_of_birth, e.age_at_arrival "
            "FROM referrals r JOIN persons p ON p.id = r.person_id JOIN encounters e ON e.id = r.encounter_id "
            "WHERE r.id = ?", [payload["r"]]).fetchone()
        if row is None:
            return _verdict("valid", details="not_here", **dates)
        if str(row[0]) != payload["p"]:
            return _verdict("other_person", **dates)
        kind = str(row[1])
        may = ctx.may(Permission.VIEW_TB) if kind == "health" else ctx.may_see_trafficking(str(row[7]))
        if not may:
            return _verdict("valid", details="not_your_role", **dates)
        if row[4] or row[5] or row[6]:
            return _verdict("valid", details="voided", **dates)
        directory = Directory(ctx)
        person = SlipPerson(person_id=payload["p"], family_name=row[8] or "", given_names=row[9] or "",
                            name_khmer=row[10] or "", sex=row[11] or "", date_of_birth=row[12] or None,
                            age_at_arrival=row[13], kind=kind, agency_code=str(row[2]),
                            agency_en=directory.label(str(row[2]), "en"), agency_km=directory.label(str(row[2]), "km"),
                            status=str(row[3]))
        ctx.audit_read("slip_check", 1)
        return _verdict("valid", person=person, details="shown", **dates)


def _issued(v: Any) -> datetime | None:
    """When HQ issued its document (aware), or None for a missing or damaged time."""
    try:
        t = datetime.fromisoformat(v) if isinstance(v, str) and len(v) <= 40 else None
    except ValueError:
        return None
    return t if t is not None and t.tzinfo is not None else None


def _key_id_of(token: str) -> str | None:
    """The key id a well-formed but unverified code names (to tell "not trusted" from "changed"), or None."""
    parts = token.split(".")
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (binascii.Error, ValueError, RecursionError):
        return None
    kid = data.get("d") if isinstance(data, dict) else None
    return kid if isinstance(kid, str) and len(kid) == 16 else None
