"""Issue 10, point 11 through checkpoint-admin: ``show`` prints an officer's own protection section, a supervisor's
view of every section, and nothing of another officer's (a plain line, never a traceback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkpoint import crypto
from checkpoint.services import create_store
from tests.cli.test_cli import run
from tests.support.helpers import POSITIVE_ADULT, registration

PASS = {"dara": "river-lotus-supervisor", "sokha": "mango-tree-officer-7", "vanna": "blue-kite-officer-9",
        "rith": "server-rack-admin-5"}
NOTE = "uncle took the wages at the border"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[Path, str]:
    db = tmp_path_factory.mktemp("prot") / "poipet.db"
    s, _ = create_store(db, checkpoint_name="Poipet", username="dara", display_name="Dara", passphrase=PASS["dara"],
                        kdf=crypto.KdfParams.fast())
    try:
        for name, role in (("sokha", "officer"), ("vanna", "officer"), ("rith", "admin")):
            s.users.add(name, name.title(), role, PASS[name])
    finally:
        s.lock()
    from checkpoint.services import unlock
    o = unlock(db, "sokha", PASS["sokha"], kdf=crypto.KdfParams.fast())
    try:
        reg = o.registrations.register(**registration(
            encounter={"return_type": "DEPORTED_G2G", "country_of_work": "THA", "recruiter_relationship": "FAMILY",
                       "debt_owed": True, "debt_amount": 500, "debt_currency": "USD"},
            trafficking={"ticked": POSITIVE_ADULT}))
        o.referrals.refer(reg.encounter_id, agency_code="IOM", urgency="SAME_DAY", reason=NOTE)
    finally:
        o.lock()
    return db, reg.person_id


def _show(db: Path, user: str, pid: str) -> str:
    p = run(db, "--user", user, "show", pid, pw=PASS[user])
    assert p.returncode == 0, p.stderr
    return p.stdout


def test_the_officer_and_a_supervisor_read_the_section_another_officer_does_not(store) -> None:
    db, pid = store
    own = _show(db, "sokha", pid)
    assert "ILO-DR-1" in own and "recruited by: FAMILY" in own and "(500.0 USD)" in own and NOTE in own
    sup = _show(db, "dara", pid)
    assert "ILO-DR-1" in sup and NOTE in sup
    other = _show(db, "vanna", pid)
    assert "not visible to your role" in other
    for secret in ("ILO-DR-1", "FAMILY", NOTE, "500"):
        assert secret not in other
    rec = json.loads(run(db, "--user", "vanna", "show", pid, "--json", pw=PASS["vanna"]).stdout)
    assert NOTE not in json.dumps(rec) and "ILO-DR-1" not in json.dumps(rec)


def test_an_admin_is_refused_with_a_plain_message(store) -> None:
    db, pid = store
    p = run(db, "--user", "rith", "show", pid, pw=PASS["rith"])
    assert p.returncode != 0 and "Traceback" not in p.stderr and p.stderr.strip()
