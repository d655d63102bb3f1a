"""Referral slips: what a printed slip shows, and the device-signed code in its QR. Pure: the slip of a referral
in the store comes from ``session.slips`` (``checkpoint.services.slips``), which checks who may print it.

    >>> slip = session.slips.slip(referral_id)                                 # doctest: +SKIP
    >>> slip.reason_en                                                         # doctest: +SKIP
    'Presumptive TB: chest X-ray and Xpert MTB/RIF'
    >>> verify_referral_token(slip.token, session.slips.trusted_keys(), today=day)["r"] == referral_id  # doctest: +SKIP
    True

What a slip carries protects the person who holds it. A health (TB) slip says nothing about trafficking: no
answers, no indicators, no word of a protection referral. A protection slip names the agency and a neutral
reason; it never prints the checklist answers and never calls anyone a victim. Referral notes are never printed
(free text may say anything). The QR code holds no name: it may be photographed.

The token is ``CPR2.<base64url(payload)>.<base64url(signature)>``: the payload is canonical JSON
``{"d": device key id, "i": issued date, "p": person id, "r": referral id, "x": expiry date}`` and the signature is
this device's Ed25519 signature (``checkpoint.crypto.sign``, context ``b"checkpoint referral slip v2"``). The
receiving side checks it against the device keys it trusts and refuses it after its expiry (90 days after
printing). It says nothing about what kind of referral it is or where to: a photographed QR code of a protection
referral looks like a health one. It names the person's record id (not a name), so a slip handed to someone else is
told apart by checking the holder against the record.

What it does not stop (until each author signs with a key of her own, issue 10 point 11): the device signing key
sits in the store, so anyone who can open the store (any role's passphrase) can take it and sign a slip that
verifies. The role checks below are the services'; the signature proves "made with this device's key".

Qt-free: the PDF and the printer are drawn by ``ui/slip.py`` from a :class:`Slip`.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, Final

from checkpoint import codelists, crypto
from checkpoint.errors import SignatureInvalid, UnsupportedFormat, ValidationError

__all__ = ["MAX_TOKEN_CHARS", "SIGNING_CONTEXT", "SLIP_VALID_DAYS", "TOKEN_PREFIX", "Slip", "make_slip", "sign_token",
           "verify_referral_token"]

TOKEN_PREFIX: Final = "CPR2"  # noqa: S105 - a format tag, not a secret
SIGNING_CONTEXT: Final = b"checkpoint referral slip v2"
SLIP_VALID_DAYS: Final = 90
# A real token is about 340 characters; anything much longer is refused before it is parsed.
MAX_TOKEN_CHARS: Final = 1024

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_KEY_ID = re.compile(r"[0-9a-f]{16}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_B64URL = re.compile(r"[A-Za-z0-9_-]+")
_PAYLOAD_KEYS = frozenset({"r", "p", "d", "i", "x"})

# Reasons printed on slips. Health: by reason_code; a health code we do not know gets the fuller work-up
# (chest X-ray and Xpert), which is the safe default. Never the raw reason_code: it is free text.
_TB_RISK_CODES = frozenset({"TB_HIGH_RISK", "TB_RISK", "HIGH_RISK_TB"})
_REASON_TB_PRESUMPTIVE = ("Presumptive TB: chest X-ray and Xpert MTB/RIF",
                          # Khmer: needs native review.
                          "សង្ស័យជំងឺរបេង៖ ថតកាំរស្មីអ៊ិចទ្រូង និងធ្វើតេស្ត Xpert MTB/RIF")
_REASON_TB_RISK = ("TB risk: chest X-ray",
                   # Khmer: needs native review.
                   "ហានិភ័យជំងឺរបេង៖ ថតកាំរស្មីអ៊ិចទ្រូង")
# Issue 14: a person diagnosed at the health post, sent to the facility nearest home to start treatment.
_TB_TRANSFER_CODES = frozenset({"TB_TREATMENT_TRANSFER"})
_REASON_TB_TRANSFER = ("TB treatment: please start treatment under the national TB programme",
                       # Khmer: needs native review.
                       "ការព្យាបាលជំងឺរបេង៖ សូមចាប់ផ្ដើមការព្យាបាលក្រោមកម្មវិធីជាតិកំចាត់រោគរបេង")
# Protection and child protection: one neutral reason. Never the checklist, never "victim".
_REASON_PROTECTION = ("Referral for protection and assistance",
                      # Khmer: needs native review.
                      "ការបញ្ជូនដើម្បីទទួលការការពារ និងជំនួយ")


@dataclass(frozen=True)
class Slip:
    """Everything a referral slip prints, already checked against the reader's role.

    ``date_of_birth`` is ISO ``YYYY-MM-DD`` or None when unknown; ``dob_estimated`` says it was estimated.
    ``token`` is the signed code for the QR (see :func:`sign_token`).
    """

    referral_id: str
    kind: str
    created_date: date
    agency_code: str
    agency_en: str
    agency_km: str
    urgency: str
    urgency_en: str
    urgency_km: str
    family_name: str
    given_names: str
    name_khmer: str
    sex: str
    sex_en: str
    sex_km: str
    date_of_birth: str | None
    dob_estimated: bool
    document_type_en: str
    document_type_km: str
    document_number: str
    checkpoint_name: str
    officer_name: str
    reason_en: str
    reason_km: str
    token: str
    # issue 12: an immediate-danger referral made without the person's consent to referral (duty of care) says so
    without_consent: bool = False


def make_slip(row: Mapping[str, Any], *, checkpoint_name: str, token: str, tz: tzinfo) -> Slip:
    """The slip of one referral, from its row joined with the person and the creating officer (as
    ``session.slips`` loads it after the permission checks) and its signed ``token``.

    ``tz`` is the checkpoint's time zone (the printed date is the local one). Raises nothing: a code the lists
    no longer know prints as itself.
    """
    kind = row["kind"]
    list_name = "health_facilities" if kind == "health" else "agencies"
    if kind == "health":
        reason = _REASON_TB_RISK if row["reason_code"] in _TB_RISK_CODES else _REASON_TB_PRESUMPTIVE
        if row["reason_code"] in _TB_TRANSFER_CODES:
            reason = _REASON_TB_TRANSFER
    else:
        reason = _REASON_PROTECTION
    doc_type = row["id_document_type"] or "NONE"
    return Slip(
        referral_id=row["id"],
        kind=kind,
        created_date=_local_date(row["created_at"], tz),
        agency_code=row["agency_code"],
        agency_en=_label(list_name, row["agency_code"], "en"),
        agency_km=_label(list_name, row["agency_code"], "km"),
        urgency=row["urgency"],
        urgency_en=_label("referral_urgencies", row["urgency"], "en"),
        urgency_km=_label("referral_urgencies", row["urgency"], "km"),
        family_name=row["family_name"] or "",
        given_names=row["given_names"] or "",
        name_khmer=row["name_khmer"] or "",
        sex=row["sex"],
        sex_en=_label("sexes", row["sex"], "en"),
        sex_km=_label("sexes", row["sex"], "km"),
        date_of_birth=row["date_of_birth"] or None,
        dob_estimated=bool(row["dob_estimated"]),
        document_type_en=_label("id_document_types", doc_type, "en") if doc_type != "NONE" else "",
        document_type_km=_label("id_document_types", doc_type, "km") if doc_type != "NONE" else "",
        document_number=row["id_document_number"] or "",
        checkpoint_name=checkpoint_name,
        officer_name=row["officer_name"] or "",
        reason_en=reason[0],
        reason_km=reason[1],
        token=token,
        without_consent=bool(row.get("without_consent")),
    )


def sign_token(row: Mapping[str, Any], private: bytes, public: bytes, *, issued: date) -> str:
    """The signed code of a referral (``row``: its id and its person's id), issued on ``issued`` (the
    checkpoint's date) with this device's Ed25519 key pair: ``CPR2.<payload>.<signature>``, URL-safe.

    The payload holds the referral and person ids, the device's key id, the issue date and the expiry date: no
    name, no kind of referral, no agency. Signing is deterministic, so a reprint the same day carries the same code.
    """
    payload = {"r": row["id"], "p": row["person_id"], "d": crypto.key_id(public), "i": issued.isoformat(),
               "x": (issued + timedelta(days=SLIP_VALID_DAYS)).isoformat()}
    message = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    signature = crypto.sign(private, message, context=SIGNING_CONTEXT)
    return f"{TOKEN_PREFIX}.{_b64encode(message)}.{_b64encode(signature)}"


def verify_referral_token(token: object, trusted_device_keys: Mapping[str, bytes], *, today: date
                          ) -> dict[str, str]:
    """Check a slip's code on ``today`` (the checker's date) and return its payload ``{"d", "i", "p", "r", "x"}``.

        >>> verify_referral_token(token, {"66687aadf862bd77": public_key}, today=date(2026, 11, 23))  # doctest: +SKIP
        {'d': '66687aadf862bd77', 'i': '2026-11-22', 'p': '5d1e...', 'r': '0b7c...', 'x': '2027-02-20'}

    ``trusted_device_keys`` maps a device key id (``checkpoint.crypto.key_id``) to its 32-byte Ed25519 public
    key. The code is size-capped before anything is parsed.
    Raises ValidationError when the code is not text, too long, not a Checkpoint slip code (wrong prefix, bad
    base64, bad JSON, missing or extra fields), or expired; SignatureInvalid when it was signed by a device that
    is not trusted, or was changed or damaged after signing.
    """
    if not isinstance(token, str):
        raise ValidationError("token", "must be text")
    if len(token) > MAX_TOKEN_CHARS:
        raise ValidationError("token", "is too long to be a referral slip code")
    parts = token.strip().split(".")
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
        raise ValidationError("token", "is not a Checkpoint referral slip code")
    payload_bytes = _b64decode(parts[1], "content")
    signature = _b64decode(parts[2], "signature")
    payload = _parse_payload(payload_bytes)
    device = payload["d"]
    public = trusted_device_keys.get(device)
    if public is None:
        raise SignatureInvalid(f"This slip was signed by a device that is not trusted here (key id {device}).")
    try:
        crypto.verify(public, payload_bytes, signature, context=SIGNING_CONTEXT)
    except (SignatureInvalid, UnsupportedFormat):
        raise SignatureInvalid("This slip's code does not verify: it was changed or damaged.") from None
    if today.isoformat() > payload["x"]:
        raise ValidationError("token", "has expired: the checkpoint can print a new slip")
    return payload


# ---------------------------------------------------------------------------------------------------------------


def _local_date(stamp: str, tz: tzinfo) -> date:
    return datetime.fromisoformat(stamp).astimezone(tz).date()


def _label(list_name: str, code: str, lang: str) -> str:
    """A code's label; a code the lists no longer know prints as itself rather than failing the slip."""
    try:
        return codelists.label(list_name, code, lang)
    except ValidationError:
        return code


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(part: str, what: str) -> bytes:
    """Strict base64url without padding: the alphabet only, and the canonical encoding only (so one code has
    exactly one spelling and no character can change without changing the bytes)."""
    if not _B64URL.fullmatch(part) or len(part) % 4 == 1:
        raise ValidationError("token", f"the {what} part is not valid base64url")
    try:
        raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError):
        raise ValidationError("token", f"the {what} part is not valid base64url") from None
    if _b64encode(raw) != part:
        raise ValidationError("token", f"the {what} part is not valid base64url")
    return raw


def _parse_payload(raw: bytes) -> dict[str, str]:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)
        if len(out) != len(pairs):
            raise ValidationError("token", "the content repeats a field")
        return out

    try:
        data = json.loads(raw.decode("ascii"), object_pairs_hook=no_duplicates)
    except (UnicodeDecodeError, ValueError) as e:
        if isinstance(e, ValidationError):
            raise
        raise ValidationError("token", "the content is not a referral slip's") from None
    if not isinstance(data, dict) or set(data) != _PAYLOAD_KEYS or not all(isinstance(v, str)
                                                                             for v in data.values()):
        raise ValidationError("token", "the content is not a referral slip's")
    if not (_UUID.fullmatch(data["r"]) and _UUID.fullmatch(data["p"]) and _KEY_ID.fullmatch(data["d"])
            and _DATE.fullmatch(data["i"]) and _DATE.fullmatch(data["x"]) and data["i"] <= data["x"]):
        raise ValidationError("token", "the content is not a referral slip's")
    return {k: data[k] for k in sorted(data)}
