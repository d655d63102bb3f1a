"""Issue 13 point 5: `checkpoint-admin assistance give|received|figures|items` and `export --format nea`, as operators
run them (the installed program, a real store)."""

from __future__ import annotations

import csv
import json
import os
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from checkpoint import crypto
from checkpoint.clock import ManualClock
from checkpoint.services import create_store
from checkpoint.services.nea import NEA_COLUMNS
from tests.cli.test_cli import PW, run

OFFICER_PW = "officer passphrase at the desk"


def make_store(tmp_path: Path) -> tuple[Path, str, str]:
    db = tmp_path / "poipet.db"
    clock = ManualClock(datetime(2026, 12, 2, 3, 0, tzinfo=UTC))
    s, _ = create_store(db, checkpoint_name="Poipet", username="dara", display_name="Dara", passphrase=PW,
                        clock=clock, kdf=crypto.KdfParams.fast())
    try:
        s.users.add("sokha", "Sokha", "officer", OFFICER_PW)
        q = s.arrivals.quick_register({"family_name": "SOK", "given_names": "DARA", "sex": "M", "age_years": 30})
        s.nea.register(q.encounter_id, {"desired_job": "DRIVER", "phone": "012345678"}, consent={"granted": True})
        other = s.arrivals.quick_register({"family_name": "HENG", "given_names": "VISAL", "sex": "M",
                                           "age_years": 30})
    finally:
        s.lock()
    return db, q.person_id, other.encounter_id


def test_assistance_give_refusal_override_and_figures(tmp_path: Path) -> None:
    db, pid, _ = make_store(tmp_path)
    first = run(db, "--user", "sokha", "assistance", "give", pid, "CASH_GRANT_KHR", "100000", "--json",
                pw=OFFICER_PW)
    assert first.returncode == 0, first.stderr
    first_id = json.loads(first.stdout)["assistance_id"]
    # The program gives on today's date (its own clock), so the refusal names the day the first grant was given.
    given_on = json.loads(run(db, "assistance", "received", pid, "--json").stdout)["ever"][0]["given_at"][:10]
    again = run(db, "--user", "sokha", "assistance", "give", pid, "CASH_GRANT_KHR", "100000", pw=OFFICER_PW)
    assert again.returncode == 4 and "100000 KHR" in again.stderr and given_on in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1 and "Traceback" not in again.stderr
    negative = run(db, "assistance", "give", pid, "WATER", "-3")
    assert negative.returncode != 0 and "Traceback" not in negative.stderr
    bad_provider = run(db, "assistance", "give", pid, "WATER", "1", "--provider", "ACME")
    assert bad_provider.returncode == 4 and "provider" in bad_provider.stderr
    ok = run(db, "assistance", "give", pid, "CASH_GRANT_KHR", "50000", "--override-reason", "family of six")
    assert ok.returncode == 0, ok.stderr
    got = json.loads(run(db, "assistance", "received", pid, "--json").stdout)
    assert [r["override_of"] for r in got["ever"]] == [first_id, ""]
    day = date.fromisoformat(given_on)       # a day either side: the figures count local days, given_at is UTC
    lo, hi = str(day - timedelta(days=1)), str(day + timedelta(days=1))
    f = json.loads(run(db, "assistance", "figures", "--from", lo, "--to", hi, "--json").stdout)
    assert f["given"] == 2 and f["persons"] == 1
    nurse_like = run(db, "--user", "sokha", "assistance", "figures", "--from", lo, "--to", hi,
                     pw=OFFICER_PW)
    assert nurse_like.returncode != 0          # figures are a supervisor's
    items = run(db, "assistance", "items")
    assert items.returncode == 0 and "CASH_GRANT_KHR" in items.stdout


def test_export_format_nea(tmp_path: Path) -> None:
    db, _, _ = make_store(tmp_path)
    out = tmp_path / "nea.csv"
    p = run(db, "export", "--format", "nea", "--out", str(out), "--json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["rows"] == 1
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == NEA_COLUMNS and rows[1][NEA_COLUMNS.index("family_name")] == "SOK"
    again = run(db, "export", "--format", "nea", "--out", str(out))
    assert again.returncode == 4 and "exists" in again.stderr
    empty = tmp_path / "none.csv"
    assert run(db, "export", "--format", "nea", "--from", "2026-11-01", "--to", "2026-11-30",
               "--out", str(empty)).returncode == 0
    assert len(empty.read_text(encoding="utf-8-sig").splitlines()) == 1


def test_export_format_nea_xlsx_and_mapping(tmp_path: Path) -> None:
    """`export --format nea --out F.xlsx [--mapping M]` as the installed program: an XLSX workbook, the mapping's
    headers, a bad mapping refused in one line with nothing written, --mapping only with --format nea."""
    from tests.services_assistance.test_nea_xlsx import EXAMPLE
    from tests.support.xlsx_read import read_xlsx

    db, _, _ = make_store(tmp_path)
    out = tmp_path / "nea.xlsx"
    p = run(db, "export", "--format", "nea", "--out", str(out), "--json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["rows"] == 1 and stat.S_IMODE(os.stat(out).st_mode) == 0o600
    _, rows = read_xlsx(out)
    assert tuple(rows[0]) == NEA_COLUMNS and rows[1][NEA_COLUMNS.index("family_name")] == "SOK"
    mapped = tmp_path / "mapped.xlsx"
    assert run(db, "export", "--format", "nea", "--out", str(mapped), "--mapping", str(EXAMPLE)).returncode == 0
    _, rows = read_xlsx(mapped)
    assert rows[0] == [c["header"] for c in json.loads(EXAMPLE.read_text(encoding="utf-8"))["columns"]]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"mapping_version": 1, "columns": [{"header": "Pay", "source": "salary"}]}))
    refused = run(db, "export", "--format", "nea", "--out", str(tmp_path / "no.xlsx"), "--mapping", str(bad))
    assert refused.returncode == 4 and "salary, which is not a column of the NEA export" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and not (tmp_path / "no.xlsx").exists()
    usage = run(db, "export", "--out", str(tmp_path / "a.csv"), "--mapping", str(EXAMPLE))
    assert usage.returncode != 0 and "--format nea" in usage.stderr and not (tmp_path / "a.csv").exists()
