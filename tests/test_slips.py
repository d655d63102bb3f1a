"""Referral slips: what each kind prints (and never prints), who may print it, and the signed QR code."""

from __future__ import annotations

import base64
import dataclasses
import json
from datetime import date, timedelta

import pytest

from checkpoint import codelists, crypto
from checkpoint.errors import (
    CheckpointError,
    ConflictError,
    NotFound,
    PermissionDenied,
    SignatureInvalid,
    StoreError,
    ValidationError,
)
from checkpoint.services import create_store
from checkpoint.slips import (
    MAX_TOKEN_CHARS,
    SIGNING_CONTEXT,
    SLIP_VALID_DAYS,
    Slip,
    verify_referral_token,
)
from tests.conftest import FAST
from tests.support.helpers import POSITIVE_ADULT, adult, registration

FACILITY = codelists.health_facilities()[0].code
TODAY = date(2026, 11, 22)          # the test clock's day in Poipet


def slip_person(s, referral_id: str) -> str:
    return str(s.store.db.execute("SELECT person_id FROM referrals WHERE id = ?", [referral_id]).fetchone()[0])
HEALTH = {"kind": "health", "agency_code": FACILITY, "reason_code": "TB_PRESUMPTIVE", "urgency": "SAME_DAY",
          "notes": "also ticked ILO indicators; protection referral made"}
PROTECTION = {"kind": "protection", "agency_code": "MoSVY_PROVINCIAL_DOSVY", "reason_code": "TRAFFICKING_INDICATORS",
              "urgency": "SAME_DAY", "notes": "presumed victim of trafficking"}
FORBIDDEN_ON_HEALTH = ("traffick", "indicator", "ilo", "protection")


@pytest.fixture
def case(sign_in):
    """Sokha (officer) registers an adult with trafficking indicators, a TB screen, and both referrals."""
    r = sign_in("sokha").registrations.register(**registration(trafficking={"ticked": POSITIVE_ADULT},
                                                 tb={"cough": True, "cough_days": 20},
                                                 referrals=[HEALTH, PROTECTION]))
    health_id, protection_id = r.referral_ids
    return {"person": r.person_id, "health": health_id, "protection": protection_id}


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _text_fields(slip: Slip) -> dict[str, str]:
    """Every human-readable field of the slip (the token is checked through its decoded payload)."""
    return {f.name: str(getattr(slip, f.name)) for f in dataclasses.fields(slip) if f.name != "token"}


# ------------------------------------------------------------------ content


def test_health_slip_shows_identity_facility_and_tb_reason(sign_in, case) -> None:
    s = sign_in("sokha")
    slip = s.slips.slip(case["health"])
    fac = codelists.health_facilities()[0]
    assert (slip.referral_id, slip.kind, slip.created_date) == (case["health"], "health", date(2026, 11, 22))
    assert (slip.agency_code, slip.agency_en, slip.agency_km) == (fac.code, fac.label_en, fac.label_km)
    assert (slip.urgency, slip.urgency_en) == ("SAME_DAY", "Same day: before the person leaves")
    assert slip.urgency_km == codelists.label("referral_urgencies", "SAME_DAY", "km")
    assert (slip.family_name, slip.given_names, slip.name_khmer) == ("SOK", "DARA", "សុខ ដារា")
    assert (slip.sex, slip.sex_en, slip.sex_km) == ("M", "Male", "ប្រុស")
    assert (slip.date_of_birth, slip.dob_estimated) == ("1990-05-17", False)
    assert (slip.document_type_en, slip.document_number) == ("Passport", "N1234567")
    assert (slip.checkpoint_name, slip.officer_name) == ("Poipet", "Sokha")
    assert slip.reason_en == "Presumptive TB: chest X-ray and Xpert MTB/RIF"
    assert slip.reason_km and slip.reason_km != slip.reason_en


def test_tb_risk_reason_and_estimated_birth_date(sign_in) -> None:
    person = adult(date_of_birth=None, age_years=40, id_document_type="NONE", id_document_number="")
    r = sign_in("sokha").registrations.register(**registration(person=person, trafficking=None, tb={"diabetes": True},
                                                               referrals=[{**HEALTH, "reason_code": "TB_HIGH_RISK",
                                                                           "urgency": "ROUTINE"}]))
    slip = sign_in("thida").slips.slip(r.referral_ids[0])
    assert slip.reason_en == "TB risk: chest X-ray"
    assert slip.dob_estimated is True and slip.date_of_birth is not None
    assert (slip.document_type_en, slip.document_number) == ("", "")
    assert slip.urgency_en == "Routine"


def test_created_date_is_the_day_in_cambodia_not_in_utc(sign_in, clock) -> None:
    clock.advance(seconds=int(timedelta(hours=17, minutes=30).total_seconds()))  # 18:30 UTC = 01:30 next day
    r = sign_in("sokha").registrations.register(**registration(referrals=[HEALTH]))
    slip = sign_in("sokha").slips.slip(r.referral_ids[0])
    assert slip.created_date == date(2026, 11, 23)
    payload = verify_referral_token(slip.token, sign_in("sokha").slips.trusted_keys(), today=date(2026, 11, 23))
    assert (payload["i"], payload["x"]) == ("2026-11-23", "2027-02-21")


@pytest.mark.parametrize(("reason_code", "dob"), [
    ("TB_PRESUMPTIVE", "1990-05-17"), ("TB_HIGH_RISK", "1990-05-17"), ("TRAFFICKING_INDICATORS", "1990-05-17"),
    ("TB_PRESUMPTIVE", "2010-03-01"),  # a child: also has a child-protection referral
])
def test_health_slip_says_nothing_about_trafficking(sign_in, reason_code, dob) -> None:
    """The same person has indicators ticked and a protection referral; the TB slip shows none of it, even when
    the health referral's free-text reason code or notes mention trafficking."""
    r = sign_in("sokha").registrations.register(**registration(
        person=adult(date_of_birth=dob), trafficking={"ticked": POSITIVE_ADULT},
        tb={"cough": True, "cough_days": 20}, referrals=[PROTECTION, {**HEALTH, "reason_code": reason_code}]))
    s = sign_in("dara")  # a supervisor, who may see everything: the slip still leaves it out
    kinds = dict(s.store.db.execute("SELECT kind, id FROM referrals WHERE person_id = ?", [r.person_id]).fetchall())
    assert set(kinds) == ({"health", "protection", "child_protection"} if dob.startswith("2010")
                          else {"health", "protection"})
    slip = s.slips.slip(kinds["health"])
    assert slip.kind == "health"
    for name, text in _text_fields(slip).items():
        for word in (*FORBIDDEN_ON_HEALTH, "victim"):
            assert word not in text.lower(), f"{name} mentions {word!r}: {text!r}"
    payload = verify_referral_token(slip.token, s.slips.trusted_keys(), today=TODAY)
    assert payload["p"] == r.person_id and set(payload) == {"d", "i", "p", "r", "x"}
    assert not any(w in json.dumps(payload).lower() for w in FORBIDDEN_ON_HEALTH)


@pytest.mark.parametrize("kind", ["protection", "child_protection"])
def test_protection_slip_has_a_neutral_reason_and_no_answers(sign_in, case, kind) -> None:
    s = sign_in("sokha")
    if kind == "protection":
        rid = case["protection"]
    else:  # a child always gets a child-protection referral
        child = adult(date_of_birth="2010-03-01", family_name="CHAN", given_names="SREY", name_khmer="ចាន់ ស្រី",
                      id_document_number="N7654321", sex="F")
        rid = s.registrations.register(**registration(person=child,
                                                      trafficking={"ticked": POSITIVE_ADULT})).referral_ids[0]
    slip = s.slips.slip(rid)
    assert slip.kind == kind
    assert slip.agency_en == codelists.label("agencies", "MoSVY_PROVINCIAL_DOSVY")
    assert slip.agency_km == codelists.label("agencies", "MoSVY_PROVINCIAL_DOSVY", "km")
    assert slip.reason_en == "Referral for protection and assistance"
    assert slip.reason_km == "ការបញ្ជូនដើម្បីទទួលការការពារ និងជំនួយ"
    everything = " ".join(_text_fields(slip).values()).lower()
    assert "victim" not in everything
    assert "indicator" not in everything and "ilo-" not in everything and "presumed" not in everything
    assert "trafficking_indicators" not in everything  # the stored reason code is never printed


# ------------------------------------------------------------------ who may print


@pytest.mark.parametrize(("user", "kind", "allowed"), [
    ("sokha", "health", True), ("sokha", "protection", True),     # the officer who registered the arrival
    ("vanna", "health", True), ("vanna", "protection", False),    # another officer
    ("thida", "health", True), ("thida", "protection", False),    # health worker
    ("dara", "health", True), ("dara", "protection", True),       # supervisor
    ("rith", "health", False), ("rith", "protection", False),     # admin: no records at all
])
def test_who_may_print_which_slip(sign_in, case, user, kind, allowed) -> None:
    s = sign_in(user)
    if allowed:
        assert s.slips.slip(case[kind]).referral_id == case[kind]
        assert s.slips.token(case[kind]).startswith("CPR2.")
    else:
        with pytest.raises(PermissionDenied):
            s.slips.slip(case[kind])
        with pytest.raises(PermissionDenied):
            s.slips.token(case[kind])


def test_unknown_referral_is_not_found(sign_in) -> None:
    with pytest.raises(NotFound):
        sign_in("sokha").slips.slip("00000000-0000-4000-8000-000000000000")


@pytest.mark.parametrize("bad", ["", "x", "0000", None, 42, "00000000-0000-4000-8000-00000000000G",
                                 "00000000-0000-4000-8000-00000000000A", "' OR 1=1 --"])
def test_bad_referral_id_is_a_validation_error(sign_in, bad) -> None:
    with pytest.raises(ValidationError) as e:
        sign_in("sokha").slips.slip(bad)
    assert e.value.field == "referral_id"


def test_voided_referral_or_person_has_no_slip(supervisor, sign_in, case) -> None:
    supervisor.corrections.void("referral", case["health"], "entered in error")
    with pytest.raises(ConflictError):
        sign_in("sokha").slips.slip(case["health"])
    assert sign_in("sokha").slips.slip(case["protection"]).kind == "protection"
    supervisor.corrections.void("person", case["person"], "duplicate record")
    with pytest.raises(ConflictError):
        sign_in("sokha").slips.slip(case["protection"])


def test_locked_session_cannot_print(sign_in, case) -> None:
    s = sign_in("sokha")
    s.lock()
    with pytest.raises(StoreError):
        s.slips.slip(case["health"])


# ------------------------------------------------------------------ the signed code


def test_token_round_trip(sign_in, case) -> None:
    s = sign_in("thida")
    slip = s.slips.slip(case["health"])
    keys = s.slips.trusted_keys()
    # Signed with the printing health worker's own key (the device's key is for supervisors only).
    public = bytes.fromhex(s.store.db.execute("SELECT signing_public FROM users WHERE id = ?",
                                              [s.user.id]).fetchone()[0])
    kid = crypto.key_id(public)
    assert keys[kid] == public and crypto.key_id(bytes.fromhex(s.store.meta("device_signing_public"))) in keys
    assert verify_referral_token(slip.token, keys, today=TODAY) == {
        "d": kid, "i": "2026-11-22", "p": slip_person(s, case["health"]), "r": case["health"], "x": "2027-02-20"}
    assert s.slips.token(case["health"]) == slip.token  # deterministic: a reprint has the same QR
    assert sign_in("dara").slips.token(case["protection"]) != slip.token
    assert len(slip.token) < MAX_TOKEN_CHARS
    assert all(c.isalnum() or c in "._-" for c in slip.token)


def test_token_holds_no_name_or_document(sign_in, case) -> None:
    slip = sign_in("sokha").slips.slip(case["protection"])
    _prefix, payload, _sig = slip.token.split(".")
    decoded = _unb64(payload).decode()
    for haystack in (slip.token.lower(), decoded.lower()):
        for secret in ("sok", "dara", "សុខ", "ដារា", "n1234567", "1990-05-17", "012345678"):
            assert secret not in haystack
    assert set(json.loads(decoded)) == {"r", "p", "d", "i", "x"}
    # Nothing says what kind of referral or where to: a photographed protection slip looks like a health one.
    for word in ("protection", "child", "health", "traffick", "victim", "agency"):
        assert word not in decoded.lower()


def test_every_signature_byte_tampered_is_refused(sign_in, case) -> None:
    s = sign_in("sokha")
    prefix, payload, sig_part = s.slips.token(case["health"]).split(".")
    sig = _unb64(sig_part)
    assert len(sig) == 78
    keys = s.slips.trusted_keys()
    for i in range(len(sig)):
        bad = bytearray(sig)
        bad[i] ^= 0x01
        with pytest.raises(SignatureInvalid):
            verify_referral_token(f"{prefix}.{payload}.{_b64(bytes(bad))}", keys, today=TODAY)
    for cut in (1, 64, 77):
        with pytest.raises(SignatureInvalid):
            verify_referral_token(f"{prefix}.{payload}.{_b64(sig[:cut])}", keys, today=TODAY)


def test_no_single_character_change_verifies(sign_in, case) -> None:
    s = sign_in("sokha")
    token = s.slips.token(case["health"])
    keys = s.slips.trusted_keys()
    for i, ch in enumerate(token):
        alt = "B" if ch == "A" else "A"
        with pytest.raises((SignatureInvalid, ValidationError)):
            verify_referral_token(token[:i] + alt + token[i + 1:], keys, today=TODAY)


@pytest.mark.parametrize(("field", "value"), [
    ("r", "00000000-0000-4000-8000-000000000000"), ("p", "00000000-0000-4000-8000-000000000000"),
    ("i", "2026-11-21"), ("x", "2099-12-31"),
])
def test_changed_payload_field_is_refused(sign_in, case, field, value) -> None:
    s = sign_in("sokha")
    prefix, payload, sig = s.slips.token(case["health"]).split(".")
    data = json.loads(_unb64(payload))
    data[field] = value
    forged = _b64(json.dumps(data, sort_keys=True, separators=(",", ":")).encode())
    with pytest.raises(SignatureInvalid):
        verify_referral_token(f"{prefix}.{forged}.{sig}", s.slips.trusted_keys(), today=TODAY)


def test_unknown_or_mismatched_device_is_refused(sign_in, case, tmp_path) -> None:
    s = sign_in("sokha")
    token = s.slips.token(case["health"])
    other, _code = create_store(tmp_path / "other.db", checkpoint_name="Bavet", username="pich",
                                display_name="Pich", passphrase="temple-bell-supervisor", kdf=FAST)
    try:
        other_keys = other.slips.trusted_keys()
    finally:
        other.lock()
    with pytest.raises(SignatureInvalid, match="not trusted"):
        verify_referral_token(token, other_keys, today=TODAY)
    with pytest.raises(SignatureInvalid, match="not trusted"):
        verify_referral_token(token, {}, today=TODAY)
    # The right key id mapped to another device's key: the signature does not verify.
    kid = json.loads(_unb64(token.split(".")[1]))["d"]           # the key the slip names (sokha's own)
    with pytest.raises(SignatureInvalid):
        verify_referral_token(token, {kid: next(iter(other_keys.values()))}, today=TODAY)
    # The payload names another trusted device: still refused (the signature was made by this one).
    prefix, payload, sig = token.split(".")
    data = json.loads(_unb64(payload))
    data["d"] = next(iter(other_keys))
    forged = _b64(json.dumps(data, sort_keys=True, separators=(",", ":")).encode())
    with pytest.raises(SignatureInvalid):
        verify_referral_token(f"{prefix}.{forged}.{sig}", {**s.slips.trusted_keys(), **other_keys}, today=TODAY)


def test_signature_for_another_purpose_is_refused(sign_in, case) -> None:
    """The signing key signs other things (events); a signature made with another context never passes."""
    s = sign_in("sokha")
    prefix, payload, _sig = s.slips.token(case["health"]).split(".")
    private = s.store.signer[1]          # slips are signed with the printing user's own key
    other = crypto.sign(private, _unb64(payload), context=b"batch")
    with pytest.raises(SignatureInvalid):
        verify_referral_token(f"{prefix}.{payload}.{_b64(other)}", s.slips.trusted_keys(), today=TODAY)
    good = crypto.sign(private, _unb64(payload), context=SIGNING_CONTEXT)
    assert verify_referral_token(f"{prefix}.{payload}.{_b64(good)}", s.slips.trusted_keys(),
                                 today=TODAY)["r"] == case["health"]


def _signed(s, data: object) -> str:
    """A correctly signed token over arbitrary content (to show the shape is checked too)."""
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    private = s.store.signer[1]          # slips are signed with the printing user's own key
    return f"CPR2.{_b64(raw)}.{_b64(crypto.sign(private, raw, context=SIGNING_CONTEXT))}"


def test_malformed_tokens_are_validation_errors(sign_in, case) -> None:
    s = sign_in("sokha")
    keys = s.slips.trusted_keys()
    token = s.slips.token(case["health"])
    _prefix, payload, sig = token.split(".")
    good = json.loads(_unb64(payload))
    bad_tokens = [
        "", "CPR2", "CPR2..", f"CPR1.{payload}.{sig}", f"cpr2.{payload}.{sig}", f"CPR2.{payload}",
        f"CPR2.{payload}.{sig}.{sig}", f"CPR2.{payload}=.{sig}", f"CPR2.{payload}.{sig}==", f"CPR2.{payload}.",
        f"CPR2.{payload[:-1]}+.{sig}", "CPR2.!!!!.????", f"CPR2.{payload} .{sig}",
        f"CPR2.{_b64(b'not json')}.{sig}", f"CPR2.{_b64(bytes([0xff, 0xfe]))}.{sig}",
        "CPR2." + "A" * (MAX_TOKEN_CHARS + 1), token + " " * MAX_TOKEN_CHARS,
        _signed(s, b"[]"), _signed(s, {k: v for k, v in good.items() if k != "x"}), _signed(s, {**good, "n": "SOK"}),
        _signed(s, {**good, "k": "health"}), _signed(s, {**good, "r": "x"}), _signed(s, {**good, "i": 20261122}),
        _signed(s, {**good, "i": "2027-03-01"}), _signed(s, b'{"r":"a","r":"b"}'),
    ]
    # Non-canonical base64: the same bytes spelt with different trailing bits.
    last = payload[-1]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    sibling = alphabet[alphabet.index(last) ^ 1]
    if _unb64(payload[:-1] + sibling) == _unb64(payload):
        bad_tokens.append(f"CPR2.{payload[:-1]}{sibling}.{sig}")
    for bad in bad_tokens:
        with pytest.raises(ValidationError):
            verify_referral_token(bad, keys, today=TODAY)
    for not_text in (None, token.encode(), 12, ["CPR1"]):
        with pytest.raises(ValidationError):
            verify_referral_token(not_text, keys, today=TODAY)


def test_a_slip_expires_and_is_bound_to_its_person(sign_in, case) -> None:
    s = sign_in("sokha")
    token = s.slips.token(case["protection"])
    keys = s.slips.trusted_keys()
    last_day = TODAY + timedelta(days=SLIP_VALID_DAYS)
    assert verify_referral_token(token, keys, today=last_day)["p"] == slip_person(s, case["protection"])
    with pytest.raises(ValidationError, match="expired"):
        verify_referral_token(token, keys, today=last_day + timedelta(days=1))


def test_a_token_of_the_old_format_is_refused(sign_in, case) -> None:
    """CPR1 codes never expired and named the referral kind: none verifies any more."""
    s = sign_in("sokha")
    private = s.store.signer[1]          # slips are signed with the printing user's own key
    public = crypto.signing_public(private)
    old = json.dumps({"d": crypto.key_id(public), "f": "IOM", "k": "protection", "r": case["protection"],
                      "t": "2026-11-22"}, sort_keys=True, separators=(",", ":")).encode()
    token = f"CPR1.{_b64(old)}.{_b64(crypto.sign(private, old, context=b'checkpoint referral slip v1'))}"
    with pytest.raises(ValidationError):
        verify_referral_token(token, s.slips.trusted_keys(), today=TODAY)


def test_oversized_token_is_refused_before_parsing(sign_in, case) -> None:
    with pytest.raises(ValidationError, match="too long"):
        verify_referral_token("CPR2." + "A" * 10_000_000 + ".x", sign_in("sokha").slips.trusted_keys(),
                              today=TODAY)


def test_errors_are_checkpoint_errors_with_plain_messages(sign_in, case) -> None:
    s = sign_in("sokha")
    token = s.slips.token(case["health"])
    for bad, keys in (("hello", s.slips.trusted_keys()), (token, {})):
        with pytest.raises(CheckpointError) as e:
            verify_referral_token(bad, keys, today=TODAY)
        assert "Traceback" not in e.value.message and e.value.message


def test_printing_a_slip_is_logged(supervisor) -> None:
    from checkpoint import codelists
    from tests.support.helpers import registration

    fac = codelists.health_facilities()[0].code
    r = supervisor.registrations.register(**registration(tb={"cough": True, "cough_days": 20}, referrals=[
        {"kind": "health", "agency_code": fac, "reason_code": "PRESUMPTIVE_TB", "urgency": "SAME_DAY"}]))
    supervisor.slips.record_printed(r.referral_ids[0])
    assert ("dara", "referral.slip_printed") in [(h["who"], h["what"]) for h in supervisor.records.history(r.person_id)]
