"""A slip's QR code checked on this device (issue 16 point 4, ``session.slipcheck``): the verdict and its plain
reason, the holder binding for whoever may read the referral, nothing about the person for anyone else, and each
check that shows a person in the read log. Across two checkpoints and HQ: tests/sync/device/test_slip_transfer.py."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest

from checkpoint import codelists, crypto
from checkpoint.slips import MAX_TOKEN_CHARS, SLIP_VALID_DAYS, sign_token
from tests.support.helpers import POSITIVE_ADULT, registration

FACILITY = codelists.health_facilities()[0].code
HEALTH = {"kind": "health", "agency_code": FACILITY, "reason_code": "TB_PRESUMPTIVE", "urgency": "SAME_DAY"}
PROTECTION = {"kind": "protection", "agency_code": "MoSVY_PROVINCIAL_DOSVY", "reason_code": "TRAFFICKING_INDICATORS",
              "urgency": "SAME_DAY"}


@pytest.fixture
def case(sign_in):
    """Sokha (officer) registers an adult with a TB referral and a protection referral and prints both slips."""
    sokha = sign_in("sokha")
    r = sokha.registrations.register(**registration(trafficking={"ticked": POSITIVE_ADULT},
                                                    tb={"cough": True, "cough_days": 20},
                                                    referrals=[HEALTH, PROTECTION]))
    health, protection = r.referral_ids
    return {"person": r.person_id, "health": health, "protection": protection,
            "health_token": sokha.slips.token(health), "protection_token": sokha.slips.token(protection)}


def _reads(session, kind: str) -> int:
    return sum(json.loads(ev["payload"])["persons"] for ev in session.store.events(where="type = 'records.read'")
               if json.loads(ev["payload"])["kind"] == kind)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def test_a_valid_slip_shows_its_person_to_who_may_read_it(sign_in, case) -> None:
    thida = sign_in("thida")                                   # the health worker receives the TB referral
    v = thida.slipcheck.check_slip(case["health_token"])
    assert v.valid and v.reason == "valid" and v.message_en.startswith("Valid slip")
    assert v.message_km and v.message_km != v.message_en
    assert (v.checkpoint_name, v.referral_id) == ("Poipet", case["health"])
    assert v.expires == (thida.slipcheck._ctx.today() + timedelta(days=SLIP_VALID_DAYS)).isoformat()
    p = v.person
    assert p is not None and (p.person_id, p.family_name, p.given_names, p.sex) == (case["person"], "SOK", "DARA", "M")
    assert (p.kind, p.agency_code, p.status) == ("health", FACILITY, "referred")
    assert p.agency_en == codelists.label("health_facilities", FACILITY, "en")
    assert v.details == "shown" and "person in front of you" in v.details_en
    # never the screening answers: nothing of the trafficking checklist anywhere in what comes back
    dumped = json.dumps(v.as_dict(), ensure_ascii=False).lower()
    assert not any(w in dumped for w in ("ilo-", "indicator", "traffick", "ticked"))
    assert _reads(thida, "slip_check") == 1                    # the check that showed a person is a logged read
    # the officer who registered the arrival sees the protection referral's person too; a supervisor as well
    assert sign_in("sokha").slipcheck.check_slip(case["protection_token"]).person is not None
    assert sign_in("dara").slipcheck.check_slip(case["protection_token"]).person.kind == "protection"


def test_a_role_without_the_need_gets_the_verdict_but_no_person(sign_in, case) -> None:
    rith = sign_in("rith")                                     # admin: never a person's record
    for token in (case["health_token"], case["protection_token"]):
        v = rith.slipcheck.check_slip(token)
        assert v.valid and v.person is None and v.details == "not_your_role"
        assert v.checkpoint_name == "Poipet" and v.expires
    assert _reads(rith, "slip_check") == 0
    # a health worker may not read a protection referral; another officer may not read one she did not register
    for name in ("thida", "vanna"):
        v = sign_in(name).slipcheck.check_slip(case["protection_token"])
        assert v.valid and v.person is None and v.details == "not_your_role", name
    assert "traffick" not in json.dumps(v.as_dict()).lower()


@pytest.mark.parametrize(("text", "reason", "says"), [
    ("", "empty", "Nothing to check"),
    ("hello, I am not a slip", "not_a_slip", "not a Checkpoint referral slip"),
    ("CPR2.!!!.???", "not_a_slip", "not a Checkpoint referral slip"),
    ("CPR1.abc.def", "not_a_slip", "not a Checkpoint referral slip"),
    ("CPR2." + "A" * (MAX_TOKEN_CHARS + 10), "too_long", "far too long"),
    ("\x00\x01\x02 ក ខ", "not_a_slip", "not a Checkpoint referral slip"),
    ("CPR2." + base64.urlsafe_b64encode(b"[" * 700).rstrip(b"=").decode() + ".AAAA", "not_a_slip",
     "not a Checkpoint referral slip"),                       # deeply nested JSON in the content
])
def test_bad_text_gets_a_plain_reason(supervisor, text, reason, says) -> None:
    v = supervisor.slipcheck.check_slip(text)
    assert not v.valid and v.reason == reason and says in v.message_en and v.message_km
    assert v.person is None and v.issued == "" and v.checkpoint_name == ""


def test_a_changed_code_says_changed_or_damaged(supervisor, case) -> None:
    prefix, payload, sig = case["health_token"].split(".")
    data = json.loads(_unb64(payload))
    data["x"] = "2099-01-01"                                   # a longer life, same signature
    forged = ".".join((prefix, _b64(json.dumps(data, sort_keys=True, separators=(",", ":")).encode()), sig))
    v = supervisor.slipcheck.check_slip(forged)
    assert not v.valid and v.reason == "damaged" and "changed or damaged" in v.message_en and v.person is None
    flipped = case["health_token"][:-2] + ("A" if case["health_token"][-2] != "A" else "B") + case["health_token"][-1]
    assert supervisor.slipcheck.check_slip(flipped).reason in ("damaged", "not_a_slip")
    # a code naming a key no one here knows: "not trusted here", with the key id
    data = json.loads(_unb64(payload))
    data["d"] = "0123456789abcdef"
    other = ".".join((prefix, _b64(json.dumps(data, sort_keys=True, separators=(",", ":")).encode()), sig))
    v = supervisor.slipcheck.check_slip(other)
    assert v.reason == "untrusted" and "not trusted here" in v.message_en and v.key_id == "0123456789abcdef"


def test_an_expired_slip_says_so(supervisor, case, clock) -> None:
    clock.advance(days=SLIP_VALID_DAYS + 1)
    v = supervisor.slipcheck.check_slip(case["health_token"])
    assert not v.valid and v.reason == "expired" and "expiry" in v.message_en
    assert v.expires and v.person is None and v.checkpoint_name == "Poipet"


def test_a_slip_whose_referral_names_another_person_is_refused(supervisor, case) -> None:
    # the slip's own ids must agree: a slip of referral R signed for person P, checked where R belongs to P' is refused
    other = supervisor.registrations.register(**registration(referrals=[HEALTH]))
    row = {"id": other.referral_ids[0], "person_id": case["person"]}
    signer = supervisor.store.signer
    token = sign_token(row, signer[1], crypto.signing_public(signer[1]), issued=supervisor.slipcheck._ctx.today())
    v = supervisor.slipcheck.check_slip(token)
    assert not v.valid and v.reason == "other_person" and v.person is None


def test_a_voided_referral_shows_no_person(supervisor, case) -> None:
    supervisor.corrections.void("referral", case["health"], "entered twice")
    v = supervisor.slipcheck.check_slip(case["health_token"])
    assert v.valid and v.person is None and v.details == "voided"
