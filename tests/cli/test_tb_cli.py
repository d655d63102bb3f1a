"""Issue 14 point 5: `checkpoint-admin tb cascade --from D --to D --json` and `tb policy`, as operators run them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from checkpoint import crypto
from checkpoint.clock import ManualClock
from checkpoint.services import create_store
from tests.cli.test_cli import PW, run
from tests.support.helpers import adult


def make_store(tmp_path: Path) -> Path:
    db = tmp_path / "poipet.db"
    clock = ManualClock(datetime(2026, 11, 22, 3, 0, tzinfo=UTC))
    s, _ = create_store(db, checkpoint_name="Poipet", username="dara", display_name="Dara", passphrase=PW,
                        clock=clock, kdf=crypto.KdfParams.fast())
    try:
        for n, (sex, answers) in enumerate([("F", {"cough": True}), ("M", {"fever": True}), ("M", {})]):
            reg = s.registrations.register(person=adult(family_name="CLI", given_names="ABC"[n], sex=sex,
                                                        id_document_number=f"K{n:07d}"),
                                           encounter={}, consents={"screening": True, "storage": True})
            done = s.health.screen(reg.encounter_id, answers, consent=True,
                                   cxr={"cxr_result": "ABNORMAL_SUGGESTIVE"} if answers else None)
            if n == 0:
                s.health.record(done.referral_id, {"sputum_collected_at": "2026-11-22"})
                s.health.record(done.referral_id, {"xpert_result": "MTB_DETECTED_RIF_DETECTED",
                                                   "diagnosis": "BACT_CONFIRMED"})
    finally:
        s.lock()
    return db


def test_tb_cascade_json(tmp_path: Path) -> None:
    db = make_store(tmp_path)
    p = run(db, "tb", "cascade", "--from", "2026-11-01", "--to", "2026-11-30", "--json")
    assert p.returncode == 0, p.stderr
    c = json.loads(p.stdout)
    assert (c["from"], c["to"]) == ("2026-11-01", "2026-11-30")
    t = c["total"]
    assert (t["screened"], t["presumptive"], t["x_rayed"], t["xray_abnormal"], t["sputum_collected"],
            t["xpert_done"], t["bact_confirmed"], t["rif_resistant"], t["treatment_started"],
            t["initial_loss_to_follow_up"], t["nns"]) == (3, 2, 2, 2, 1, 1, 1, 1, 0, 1, 3.0)
    assert c["by_sex"]["F"]["tb_diagnosed"] == 1 and c["by_sex"]["M"]["screened"] == 2
    earlier = json.loads(run(db, "tb", "cascade", "--from", "2026-10-01", "--to", "2026-10-31", "--json").stdout)
    assert earlier["total"]["screened"] == 0 and earlier["total"]["nns"] is None
    text = run(db, "tb", "cascade", "--from", "2026-11-01", "--to", "2026-11-30")
    assert text.returncode == 0 and "rif_resistant" in text.stdout
    assert "by home province" in text.stdout and "Banteay Meanchey" in text.stdout
    assert c["by_province"]["01"]["screened"] == 3


def test_tb_cascade_bad_input_is_one_plain_line(tmp_path: Path) -> None:
    db = make_store(tmp_path)
    bad_date = run(db, "tb", "cascade", "--from", "2026-13-01", "--to", "2026-11-30")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    missing = run(db, "tb", "cascade", "--from", "2026-11-01")
    assert missing.returncode == 2 and "--to" in missing.stderr
    backwards = run(db, "tb", "cascade", "--from", "2026-11-30", "--to", "2026-11-01")
    assert backwards.returncode == 4 and "ends before it starts" in backwards.stderr


def test_tb_policy_shows_the_reasoning_and_a_supervisor_changes_it(tmp_path: Path) -> None:
    db = make_store(tmp_path)
    shown = json.loads(run(db, "tb", "policy", "--json").stdout)
    assert (shown["xray_on_site"], shown["detention_alone_to_xray"]) == (True, True)
    assert "WHO" in shown["xray_on_site_why"]
    changed = run(db, "tb", "policy", "--xray-on-site", "no")
    assert changed.returncode == 0 and "Chest X-ray on site: no" in changed.stdout
    assert "has no effect" in changed.stdout
    assert json.loads(run(db, "tb", "policy", "--json").stdout)["xray_on_site"] is False
    assert run(db, "tb", "policy", "--detention-alone", "maybe").returncode == 2
