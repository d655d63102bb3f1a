"""Issue 14, follow-up, headless: `tb screen` continues an open TB referral and says so, `tb transfer` refuses a
second transfer naming the open one, `tb follow-up` lists the open referrals overdue first; who may run them."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from checkpoint import crypto
from checkpoint.clock import ManualClock
from checkpoint.services import create_store, unlock
from tests.cli.test_cli import PW, run
from tests.support.helpers import adult, registration

HW_PW, OFFICER_PW, ADMIN_PW = "clinic lamp health 3", "mango tree officer 7", "server rack admin 5"


@pytest.fixture
def world(tmp_path: Path) -> dict[str, Any]:
    db = tmp_path / "poipet.db"
    clock = ManualClock(datetime.now(UTC) - timedelta(days=10))
    s, _ = create_store(db, checkpoint_name="Poipet", username="dara", display_name="Dara", passphrase=PW,
                        clock=clock, kdf=crypto.KdfParams.fast())
    try:
        s.users.add("thida", "Thida", "health_worker", HW_PW)
        s.users.add("sokha", "Sokha", "officer", OFFICER_PW)
        s.users.add("rith", "Rith", "admin", ADMIN_PW)
        # Ten days ago an officer's registration opened a TB referral (cough for three weeks).
        reg = s.registrations.register(**registration(
            person=adult(home_province="02"), tb={"cough": True, "cough_days": 21},
            referrals=[{"kind": "health", "agency_code": "KH01-POIPET-RH", "reason_code": "PRESUMPTIVE_TB",
                        "urgency": "SAME_DAY"}]))
    finally:
        s.lock()
    return {"db": db, "reg": reg}


def test_tb_screen_continues_the_open_referral(world) -> None:
    db, reg = world["db"], world["reg"]
    p = run(db, "--user", "thida", "tb", "screen", "--arrival", reg.encounter_id, "--consent", "--answer", "cough",
            "--cough-days", "30", "--cxr", "ABNORMAL_SUGGESTIVE", "--cad-score", "77", pw=HW_PW)
    assert p.returncode == 0, p.stderr
    assert "already had an open TB referral" in p.stdout and reg.referral_ids[0] in p.stdout
    assert "Poipet Referral Hospital" in p.stdout and "no second referral" in p.stdout
    again = json.loads(run(db, "--user", "thida", "tb", "screen", "--arrival", reg.encounter_id, "--consent",
                           "--answer", "fever", "--json", pw=HW_PW).stdout)
    assert (again["continued"], again["referral_id"]) == (True, reg.referral_ids[0])
    rows = json.loads(run(db, "--user", "thida", "tb", "follow-up", "--json", pw=HW_PW).stdout)
    assert [(r["referral_id"], r["status"]) for r in rows] == [(reg.referral_ids[0], "cxr_done")]
    no_consent = run(db, "--user", "thida", "tb", "screen", "--arrival", reg.encounter_id, "--answer", "cough",
                     pw=HW_PW)
    assert no_consent.returncode == 4 and "consent" in no_consent.stderr


def test_tb_transfer_refuses_a_second_transfer_naming_the_open_one(world) -> None:
    db, reg = world["db"], world["reg"]
    s = unlock(db, "thida", HW_PW)
    try:
        rid = reg.referral_ids[0]
        today = s.store.clock.now().date().isoformat()
        s.health.record(rid, {"sputum_collected_at": today, "sputum_specimen_id": "S-1"})
        s.health.record(rid, {"xpert_result": "MTB_DETECTED_RIF_NOT_DETECTED", "diagnosis": "BACT_CONFIRMED"})
    finally:
        s.lock()
    first = run(db, "--user", "thida", "tb", "transfer", "--referral", rid, "--json", pw=HW_PW)
    assert first.returncode == 0, first.stderr
    moved = json.loads(first.stdout)
    assert moved["facility"] == "KH02-PROVINCIAL-RH"
    second = run(db, "--user", "thida", "tb", "transfer", "--referral", rid, pw=HW_PW)
    assert second.returncode == 4
    assert "already transferred for TB treatment" in second.stderr and moved["referral_id"] in second.stderr
    assert "Battambang Provincial Referral Hospital" in second.stderr
    after = json.loads(run(db, "--user", "thida", "tb", "follow-up", "--json", pw=HW_PW).stdout)
    assert [r["referral_id"] for r in after] == [moved["referral_id"]]      # the diagnosed one was handed over


def test_tb_follow_up_overdue_and_roles(world) -> None:
    db, reg = world["db"], world["reg"]
    text = run(db, "--user", "thida", "tb", "follow-up", "--overdue-days", "7", pw=HW_PW)
    assert text.returncode == 0, text.stderr
    assert "1 open TB referral(s), 1 waiting more than 7 day(s)" in text.stdout and "OVERDUE" in text.stdout
    assert "SOK DARA" in text.stdout
    assert json.loads(run(db, "--user", "thida", "tb", "follow-up", "--overdue-days", "30", "--overdue-only",
                          "--json", pw=HW_PW).stdout) == []
    for user, pw in (("sokha", OFFICER_PW), ("rith", ADMIN_PW)):
        refused = run(db, "--user", user, "tb", "follow-up", pw=pw)
        assert refused.returncode == 4 and "SOK" not in refused.stdout + refused.stderr
    assert run(db, "--user", "sokha", "tb", "screen", "--arrival", reg.encounter_id, "--consent", "--answer",
               "cough", pw=OFFICER_PW).returncode == 4
    assert run(db, "--user", "thida", "tb", "screen", pw=HW_PW).returncode == 2
