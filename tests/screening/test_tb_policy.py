"""Issue 14, "site policy, not code": whether the X-ray is on site and whether recent detention alone sends a person
to it are site settings the TB rule reads; a supervisor sets them, with WHO's reasoning shown beside them."""

from __future__ import annotations

from typing import Any

import pytest

from checkpoint.errors import PermissionDenied, ValidationError
from checkpoint.screening import evaluate_tb, suggest_referrals
from checkpoint.services import unlock
from checkpoint.site import SiteConfig
from tests.conftest import FAST, PASS
from tests.support.helpers import adult, registration

P, H, N = "PRESUMPTIVE_TB_REFER", "HIGH_RISK_REFER_CXR", "SCREEN_NEGATIVE"
DETAINED = {"age": 30, "recent_detention": True}

# (answers, xray_on_site, detention_alone_to_xray, outcome, decisive)
TABLE: list[tuple[dict[str, Any], bool, bool, str, tuple[str, ...]]] = [
    (DETAINED, True, True, H, ("TB-R5",)),                  # X-ray on site: detention sends to X-ray
    (DETAINED, False, True, N, ()),                         # no X-ray on site: it does not on its own
    (DETAINED, True, False, N, ()),                         # the site chose not to
    (DETAINED, False, False, N, ()),
    ({**DETAINED, "diabetes": True}, False, True, H, ("TB-R4",)),     # another risk factor still refers
    ({**DETAINED, "fever": True}, False, False, P, ("TB-S3",)),       # a symptom always refers
    ({"age": 60, "recent_detention": True}, False, True, H, ("TB-R6",)),
    ({"age": 30, "hiv": "positive", "recent_detention": True}, False, True, H, ("TB-R1",)),
    ({"age": 30}, True, True, N, ()),
]


@pytest.mark.parametrize(("answers", "xray", "detention", "outcome", "decisive"), TABLE)
def test_the_rule_reads_the_site_policy(answers, xray, detention, outcome, decisive) -> None:
    r = evaluate_tb(**answers, xray_on_site=xray, detention_alone_to_xray=detention)
    assert (r.outcome, r.decisive) == (outcome, decisive)
    if answers.get("recent_detention"):
        assert "TB-R5" in r.risk_factors                    # still reported, whether or not it decided


def test_the_explanation_says_why_detention_did_not_refer() -> None:
    no_xray = evaluate_tb(**DETAINED, xray_on_site=False)
    assert any("no X-ray on site" in line for line in no_xray.explanation)
    assert no_xray.explanation[-1].startswith("Result: screen negative")
    chosen = evaluate_tb(**DETAINED, detention_alone_to_xray=False)
    assert any("(site setting)" in line and "no X-ray" not in line for line in chosen.explanation)
    assert not any("site setting" in line for line in evaluate_tb(**DETAINED).explanation)


def test_the_defaults_keep_the_rule_as_it_was() -> None:
    assert evaluate_tb(**DETAINED) == evaluate_tb(**DETAINED, xray_on_site=True, detention_alone_to_xray=True)
    assert SiteConfig().tb_policy() == {"xray_on_site": True, "detention_alone_to_xray": True}
    with pytest.raises(ValidationError):
        evaluate_tb(**DETAINED, xray_on_site="no")          # type: ignore[arg-type]


def test_without_xray_on_site_a_detained_person_gets_no_tb_referral() -> None:
    r = evaluate_tb(**DETAINED, xray_on_site=False)
    assert [s.kind for s in suggest_referrals(tb=r, age=30)] == []
    r2 = evaluate_tb(**DETAINED)
    assert [(s.kind, s.reason_code) for s in suggest_referrals(tb=r2, age=30)] == [("health", "TB_HIGH_RISK")]


def test_a_supervisor_sets_the_policy_and_the_next_sign_in_applies_it(supervisor, sign_in, store_path,
                                                                       clock) -> None:
    policy = supervisor.health.tb_policy()
    assert (policy.xray_on_site, policy.detention_alone_to_xray) == (True, True)
    assert "WHO" in policy.xray_on_site_why and "detention" in policy.detention_alone_why
    with pytest.raises(PermissionDenied):
        sign_in("thida").health.set_tb_policy(xray_on_site=False, detention_alone_to_xray=True)
    with pytest.raises(PermissionDenied):
        sign_in("sokha").health.set_tb_policy(xray_on_site=False, detention_alone_to_xray=True)
    with pytest.raises(ValidationError):
        supervisor.health.set_tb_policy(xray_on_site="no", detention_alone_to_xray=True)  # type: ignore[arg-type]
    supervisor.health.set_tb_policy(xray_on_site=False, detention_alone_to_xray=True)
    assert [e["type"] for e in supervisor.store.events()][-1] == "site.tb_policy_set"    # the change is logged
    assert supervisor.site.xray_on_site is True                       # this session keeps what it read
    again = unlock(store_path, "sokha", PASS["sokha"], clock=clock, kdf=FAST)
    try:
        assert again.site.xray_on_site is False and again.health.tb_policy().xray_on_site is False
        detained = {"detained_before_return": True}
        reg = again.registrations.register(**registration(
            person=adult(), encounter={"return_type": "DEPORTED_G2G", **detained},
            tb={"recent_detention": True}))
        assert reg.tb.outcome == N and reg.referral_ids == ()
        rec = again.records.get(reg.person_id)
        screen = rec["encounters"][0]["tb"][0]
        assert screen["answers"]["xray_on_site"] is False             # kept with the answers ...
        assert any("no X-ray on site" in line for line in screen["explanation"])   # ... so it re-explains
        before = supervisor.registrations.register(**registration(
            person=adult(family_name="KEO", id_document_number="N7654321"), tb={"recent_detention": True}))
        assert before.tb.outcome == H                                  # the old session: the old policy
    finally:
        again.lock()
