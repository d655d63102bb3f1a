"""Issue 16 point 4: `checkpoint-admin verify-slip TEXT [--json]` on the device, as an officer runs it: exit 0 and
one line for a valid slip; exit 4 and one plain line (no traceback) for anything else; what the person's details
show follows the signed-in user's role."""

from __future__ import annotations

import json
from pathlib import Path

from checkpoint import codelists, crypto
from checkpoint.services import create_store
from tests.cli.test_cli import PW, run
from tests.support.helpers import registration

HEALTH = {"kind": "health", "agency_code": codelists.health_facilities()[0].code, "reason_code": "TB_PRESUMPTIVE",
          "urgency": "SAME_DAY"}


def make_store(tmp_path: Path) -> tuple[Path, str]:
    """A store on the real clock (the program checks expiry against today) with one TB referral and its slip."""
    db = tmp_path / "poipet.db"
    s, _ = create_store(db, checkpoint_name="Poipet", username="dara", display_name="Dara", passphrase=PW,
                        kdf=crypto.KdfParams.fast())
    try:
        s.users.add("rith", "Rith", "admin", "server-rack-admin-5")
        reg = s.registrations.register(**registration(tb={"cough": True, "cough_days": 20}, referrals=[HEALTH]))
        token = s.slips.token(reg.referral_ids[0])
    finally:
        s.lock()
    return db, token


def test_verify_slip_valid_text_and_json(tmp_path: Path) -> None:
    db, token = make_store(tmp_path)
    p = run(db, "verify-slip", token)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("Slip valid: printed at Poipet") and "SOK DARA" in p.stdout
    assert len(p.stdout.strip().splitlines()) == 1
    j = run(db, "verify-slip", token, "--json")
    v = json.loads(j.stdout)
    assert j.returncode == 0 and v["valid"] and v["person"]["family_name"] == "SOK" and v["checkpoint_name"] == "Poipet"
    # the admin gets the verdict, never the person
    a = run(db, "--user", "rith", "verify-slip", token, "--json", pw="server-rack-admin-5")
    va = json.loads(a.stdout)
    assert a.returncode == 0 and va["valid"] and va["person"] is None and "SOK" not in a.stdout


def test_verify_slip_refusals_are_one_plain_line_and_exit_4(tmp_path: Path) -> None:
    db, token = make_store(tmp_path)
    head, payload, sig = token.split(".")
    changed = ".".join((head, payload, ("A" if sig[0] != "A" else "B") + sig[1:]))
    for text, says in (("hello", "not a Checkpoint referral slip"), ("CPR2." + "x" * 5000, "far too long"),
                       (changed, "changed or damaged")):
        p = run(db, "verify-slip", text)
        assert p.returncode == 4 and p.stdout == "", (text[:20], p.stdout, p.stderr)
        assert p.stderr.count("\n") == 1 and says in p.stderr, p.stderr
    j = run(db, "verify-slip", "hello", "--json")
    assert j.returncode == 4 and json.loads(j.stdout)["reason"] == "not_a_slip"
    (tmp_path / "scan.txt").write_text(token + "\n", encoding="utf-8")
    assert run(db, "verify-slip", "--file", str(tmp_path / "scan.txt")).returncode == 0
    both = run(db, "verify-slip", token, "--file", str(tmp_path / "scan.txt"))
    assert both.returncode == 2 and "one of them" in both.stderr
