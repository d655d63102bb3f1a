"""HQ's referral directory (issue 16 point 1): CSV import all or nothing with plain messages, every change a new
version with its history, export that imports back unchanged, the CLI; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from checkpoint.errors import ValidationError
from sync.hq import directory as d
from sync.hq.cli import main
from sync.hq.store import counter

HEADER = "code,kind,name_en,name_km,services,provinces,contacts,languages,active_from,active_to\r\n"
HAGAR = "NGO_HAGAR,ngo,Hagar Cambodia,ហាការ,protection;shelter,01;12,+855 23 123 456,khm;eng,2026-01-01,\r\n"
CLINIC = "KH01-NEW-HC,health_facility,New health centre,,tb_diagnosis;medical,01,,khm,,\r\n"


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def csv_bytes(*rows: str) -> bytes:
    return (HEADER + "".join(rows)).encode("utf-8")


def ref_version(hq) -> int:
    with hq.store.read() as conn:
        return counter(conn, "reference")


def test_import_adds_versions_and_bumps_reference_data(hq, clock) -> None:
    before = ref_version(hq)
    out = d.import_csv(hq.store, clock, csv_bytes(HAGAR, CLINIC), by="dm1")
    assert (out["added"], out["changed"], out["unchanged"]) == (2, 0, 0)
    assert out["reference_version"] == before + 1
    hagar = next(e for e in d.entries(hq.store) if e["code"] == "NGO_HAGAR")
    assert hagar["services"] == ["protection", "shelter"] and hagar["provinces"] == ["01", "12"]
    assert hagar["name_km"] == "ហាការ" and hagar["contacts"] == "+855 23 123 456" and hagar["version"] == 1
    # the same file again changes nothing, not even the reference version devices get
    again = d.import_csv(hq.store, clock, csv_bytes(HAGAR, CLINIC), by="dm1")
    assert (again["added"], again["changed"], again["unchanged"]) == (0, 0, 2)
    assert ref_version(hq) == before + 1
    # withdrawing: a new version with active_to, the old version kept in the history
    withdrawn = HAGAR.replace("2026-01-01,", "2026-01-01,2026-06-30")
    out = d.import_csv(hq.store, clock, csv_bytes(withdrawn), by="dm2")
    assert (out["added"], out["changed"]) == (0, 1) and ref_version(hq) == before + 2
    hist = d.history(hq.store, "NGO_HAGAR")
    assert [(h["version"], h["active_to"], h["changed_by"]) for h in hist] == [(1, "", "dm1"),
                                                                               (2, "2026-06-30", "dm2")]
    assert len(d.entries(hq.store)) == 2                 # nothing deleted


@pytest.mark.parametrize(("rows", "says"), [
    ((HAGAR, HAGAR.replace("Hagar Cambodia", "Hagar again")), "duplicate code"),
    ((HAGAR.replace("01;12", "01;99"),), "unknown province code(s) 99"),
    ((HAGAR.replace("Hagar Cambodia", "\"=HYPERLINK('http://x';'Hagar')\""),), "looks like a spreadsheet formula"),
    ((HAGAR.replace("Hagar Cambodia", "@SUM(A1)"),), "looks like a spreadsheet formula"),
    ((HAGAR.replace("+855 23 123 456", "+cmd|' /C calc'!A0"),), "looks like a spreadsheet formula"),
    ((HAGAR.replace("protection;shelter", "protection;massage"),), "not massage"),
    ((HAGAR.replace(",ngo,", ",club,"),), "kind 'club' is not one of"),
    ((HAGAR.replace("khm;eng", "khm;xx"),), "unknown language code(s) xx"),
    ((HAGAR.replace("2026-01-01", "01/02/2026"),), "is not a date"),
])
def test_bad_rows_refuse_the_whole_file(hq, clock, rows, says) -> None:
    """A defect on any row: a message naming it, and nothing of the file applied (not even its good rows)."""
    with pytest.raises(ValidationError) as e:
        d.import_csv(hq.store, clock, csv_bytes(CLINIC, *rows), by="dm1")
    assert says in str(e.value) and "nothing was imported" in str(e.value)
    assert d.entries(hq.store) == []


def test_encoding_columns_and_size(hq, clock) -> None:
    with pytest.raises(ValidationError, match=r"not UTF-8 text.*CSV UTF-8"):
        d.import_csv(hq.store, clock, csv_bytes(HAGAR).decode().encode("utf-16"), by="dm1")
    with pytest.raises(ValidationError, match="not UTF-8"):
        d.import_csv(hq.store, clock, (HEADER + "NGO_X,ngo,Caf\xe9,,protection,,,,,\r\n").encode("latin-1"),
                     by="dm1")
    with pytest.raises(ValidationError, match=r"missing column.*services"):
        d.import_csv(hq.store, clock, b"code,kind,name_en\r\nA,ngo,B\r\n", by="dm1")
    with pytest.raises(ValidationError, match=r"unknown column.*password"):
        d.import_csv(hq.store, clock, (HEADER.strip() + ",password\r\n").encode(), by="dm1")
    with pytest.raises(ValidationError, match="larger than"):
        d.import_csv(hq.store, clock, csv_bytes(HAGAR) * 40_000, by="dm1")
    assert d.entries(hq.store) == []


def test_export_imports_back_unchanged(hq, clock) -> None:
    d.import_csv(hq.store, clock, csv_bytes(HAGAR, CLINIC), by="dm1")
    out = d.export_csv(hq.store)
    assert out.startswith("\ufeff".encode()) and "ហាការ".encode() in out
    again = d.import_csv(hq.store, clock, out, by="dm1")
    assert (again["added"], again["changed"], again["unchanged"]) == (0, 0, 2)


def test_cli_import_and_export(hq, hq_url, tmp_path: Path, capsys) -> None:
    good = tmp_path / "dir.csv"
    good.write_bytes(csv_bytes(HAGAR, CLINIC))
    assert main(["--db", hq_url, "directory", "import", "--file", str(good), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 2
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(HAGAR.replace("01;12", "77")))
    assert main(["--db", hq_url, "directory", "import", "--file", str(bad)]) == 4
    err = capsys.readouterr().err
    assert "unknown province code(s) 77" in err and "Traceback" not in err
    out = tmp_path / "out.csv"
    assert main(["--db", hq_url, "directory", "export", "--out", str(out)]) == 0
    assert b"NGO_HAGAR" in out.read_bytes() and b"KH01-NEW-HC" in out.read_bytes()
    assert main(["--db", hq_url, "directory", "import", "--file", str(tmp_path / "missing.csv")]) != 0
    assert main(["--db", hq_url, "directory", "history", "--code", "NGO_HAGAR"]) == 0
    assert "v1" in capsys.readouterr().out
    with hq.store.read() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM directory_history")).scalar_one() == 2
