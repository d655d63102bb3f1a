"""The NEA export as XLSX and through a mapping file for NEA's own template (issue 13, docs/exports/nea.md): the
workbook, read back with zipfile + ElementTree (not our writer), holds exactly the consenting persons under the
documented headers, Khmer intact, formula-like text neutralised and stored as text; a new owner-only file, logged;
every bad mapping file refused with its message and nothing written or logged."""

from __future__ import annotations

import csv
import json
import os
import stat
from pathlib import Path

import pytest

from checkpoint import xlsx
from checkpoint.errors import PermissionDenied, ValidationError
from checkpoint.services.nea import NEA_COLUMNS
from checkpoint.services.nea_mapping import MAX_BYTES, MappingError
from checkpoint.storage.codec import decode_payload
from tests.support.xlsx_read import read_xlsx

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "exports" / "nea-mapping-example.json"
FORM = {"occupation_abroad": "CONSTRUCTION_SITE", "years_experience": 3, "skills": ["WELDING", "CONSTRUCTION"],
        "education": "PRIMARY", "languages": ["khm", "tha"], "desired_job": "DRIVER", "desired_province": "01",
        "abroad_again": "maybe", "abroad_where": "THA", "phone": "012345678", "second_contact_name": "ម្ដាយ Mother",
        "second_contact_phone": "098765432", "home_province": "01", "home_commune": "អូរជ្រៅ"}


def _arrival(officer, **over) -> str:
    person = {"family_name": "SOK", "given_names": "DARA", "sex": "M", "age_years": 30, **over}
    return officer.arrivals.quick_register(person).encounter_id


def _exports(s) -> list[dict]:
    got = s.store.db.execute("SELECT payload FROM events WHERE type = 'records.exported'").fetchall()
    return [json.loads(decode_payload(r[0])) for r in got]


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    """A folder of its own (the store lives in tmp_path): what is in it after an export is what the export left."""
    d = tmp_path / "out"
    d.mkdir()
    return d


@pytest.fixture
def registered(supervisor, sign_in):
    """Three registrations: two with a standing NEA consent (one Khmer name, one formula-like contact), one
    withdrawn; and an arrival never registered."""
    officer = sign_in("sokha")
    officer.nea.register(_arrival(officer, name_khmer="សុខ ដារ៉ា"), FORM, consent={"granted": True})
    tricky = _arrival(officer, family_name="HENG", given_names="VISAL", sex="F")
    officer.nea.register(tricky, {**FORM, "second_contact_name": "=HYPERLINK(\"http://x\")",
                                  "skills_text": "+SUM(A1)", "phone": "+85512345678"}, consent={"granted": True})
    gone = _arrival(officer, family_name="CHEA", given_names="NARY")
    officer.nea.register(gone, FORM, consent={"granted": True})
    officer.consents.withdraw(gone, "nea_registration", reason="changed her mind")
    _arrival(officer, family_name="KEO", given_names="SREY")
    return officer


def test_xlsx_holds_exactly_the_consenting_with_the_documented_headers(supervisor, registered, outdir) -> None:
    today = supervisor._ctx.today()
    out = outdir / "nea.xlsx"
    done = supervisor.nea.export(today, today, out)
    assert done.rows == 2
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert [p.name for p in outdir.iterdir()] == ["nea.xlsx"]           # no temporary file left beside it
    sheet, rows = read_xlsx(out)
    assert sheet == "NEA" and tuple(rows[0]) == NEA_COLUMNS
    got = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert [(r["family_name"], r["given_names"]) for r in got] == [("SOK", "DARA"), ("HENG", "VISAL")]
    assert got[0]["name_khmer"] == "សុខ ដារ៉ា" and got[0]["home_commune"] == "អូរជ្រៅ"
    assert got[0]["second_contact_name"] == "ម្ដាយ Mother"
    assert got[0]["phone"] == "012345678" and got[0]["age"] == "30"    # text: the leading zero stays
    # the same neutralising rule as the CSV: both files read the same
    assert got[1]["second_contact_name"] == "'=HYPERLINK(\"http://x\")"
    assert got[1]["skills_text"] == "'+SUM(A1)" and got[1]["phone"] == "'+85512345678"
    csv_out = outdir / "nea.csv"
    supervisor.nea.export(today, today, csv_out)
    with csv_out.open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == rows
    assert _exports(supervisor) == [{"rows": 2, "format": "nea-xlsx"}, {"rows": 2, "format": "nea-csv"}]


def test_xlsx_never_overwrites_and_officers_cannot(supervisor, registered, outdir) -> None:
    today = supervisor._ctx.today()
    out = outdir / "nea.xlsx"
    out.write_bytes(b"NEA's own file")
    with pytest.raises(ValidationError) as e:
        supervisor.nea.export(today, today, out)
    assert e.value.field == "out" and out.read_bytes() == b"NEA's own file"
    with pytest.raises(PermissionDenied):
        registered.nea.export(today, today, outdir / "officer.xlsx", mapping=EXAMPLE)
    assert not (outdir / "officer.xlsx").exists()
    assert _exports(supervisor) == []


def test_the_example_mapping_gives_its_headers_codes_and_order(supervisor, registered, outdir) -> None:
    spec = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert "NOT NEA's template" in spec["name"]
    today = supervisor._ctx.today()
    for name in ("mapped.xlsx", "mapped.csv"):
        supervisor.nea.export(today, today, outdir / name, mapping=EXAMPLE)
    sheet, rows = read_xlsx(outdir / "mapped.xlsx")
    assert sheet == spec["sheet"]
    assert rows[0] == [c["header"] for c in spec["columns"]]
    got = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert [r["ល.រ / No."] for r in got] == ["1", "2"]
    assert got[0]["គោត្តនាម និងនាម / Full name"] == "SOK DARA"
    assert got[0]["ឈ្មោះជាអក្សរខ្មែរ / Name in Khmer"] == "សុខ ដារ៉ា"
    assert [r["ភេទ / Sex"] for r in got] == ["ប្រុស / Male", "ស្រី / Female"]
    assert got[0]["ខេត្ត / Province"] == "Banteay Meanchey"
    assert got[0]["ជំនាញ / Skills"] == "WELDING, CONSTRUCTION"                # the mapping's list separator
    assert got[0]["ចង់ទៅបរទេសម្ដងទៀត / Abroad again"] == "Maybe"
    assert got[1]["ទំនាក់ទំនងផ្សេង / Other contact"].startswith("'=HYPERLINK")   # still neutralised
    assert all(r["ប្រភព / Source"] == "Checkpoint (border registration)" for r in got)
    with (outdir / "mapped.csv").open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == rows
    logged = _exports(supervisor)
    assert [x["format"] for x in logged] == ["nea-xlsx", "nea-csv"]
    assert {x["mapping"] for x in logged} == {__import__("hashlib").sha256(EXAMPLE.read_bytes()).hexdigest()[:16]}


def _mapping(**over) -> dict:
    return {"mapping_version": 1, "columns": [{"header": "Name", "source": "family_name"}], **over}


BAD = [
    ("too big", b"{" + b" " * MAX_BYTES + b"}", "larger than 64 KB"),
    ("not utf-8", b'{"mapping_version": 1, "columns": [{"header": "\xff"}]}', "not UTF-8"),
    ("not json", b'{"mapping_version": 1,\n "columns": [}', "not valid JSON (line 2)"),
    ("nested deep", b"[" * 60000, "not valid JSON"),
    ("NaN", b'{"mapping_version": NaN, "columns": []}', "not valid JSON"),
    ("duplicate key", b'{"mapping_version": 1, "mapping_version": 1, "columns": []}', "mapping_version appears twice"),
    ("a list", json.dumps([1, 2]).encode(), "must be a JSON object"),
    ("version 2", _mapping(mapping_version=2), "mapping_version must be 1"),
    ("version true", _mapping(mapping_version=True), "mapping_version must be 1"),
    ("unknown key", _mapping(template="x"), "cannot have: template"),
    ("no columns", _mapping(columns=[]), "1 to 200 columns"),
    ("columns a dict", _mapping(columns={"a": 1}), "1 to 200 columns"),
    ("bad sheet", _mapping(sheet="a/b"), "sheet must be"),
    ("name a number", _mapping(name=5), "name must be text"),
    ("unknown source", _mapping(columns=[{"header": "Job", "source": "salary"}]),
     "Column 1 of the mapping (Job) takes salary, which is not a column of the NEA export"),
    ("unknown joined source", _mapping(columns=[{"header": "N", "source": ["family_name", "nick"]}]), "takes nick"),
    ("duplicate header", _mapping(columns=[{"header": "Name", "source": "family_name"},
                                           {"header": " name ", "source": "given_names"}]),
     "Column 2 of the mapping repeats the header  name  (already column 1)"),
    ("no header", _mapping(columns=[{"source": "sex"}]), "Column 1 of the mapping must be an object with a header"),
    ("empty header", _mapping(columns=[{"header": " ", "source": "sex"}]), "needs a header"),
    ("header on two lines", _mapping(columns=[{"header": "a\nb", "source": "sex"}]), "needs a header"),
    ("header a number", _mapping(columns=[{"header": 7, "source": "sex"}]), "needs a header"),
    ("two kinds", _mapping(columns=[{"header": "S", "source": "sex", "value": "M"}]), "exactly one of source"),
    ("no kind", _mapping(columns=[{"header": "S"}]), "exactly one of source"),
    ("column key", _mapping(columns=[{"header": "S", "source": "sex", "format": "x"}]), "cannot have: format"),
    ("source a number", _mapping(columns=[{"header": "S", "source": 3}]), "source must be a column name"),
    ("value a list", _mapping(columns=[{"header": "S", "value": ["a"]}]), "value must be text"),
    ("row_number 1", _mapping(columns=[{"header": "No", "row_number": 1}]), "row_number must be true"),
    ("codes not a table", _mapping(columns=[{"header": "S", "source": "sex", "codes": ["M", "Male"]}]),
     "codes must be an object"),
    ("code to a number", _mapping(columns=[{"header": "S", "source": "sex", "codes": {"M": 1}}]),
     "codes must be an object"),
    ("unknown code", _mapping(columns=[{"header": "S", "source": "sex", "codes": {"M": "Male", "Q": "Queen"}}]),
     "the code table names Q, which is not a code of sex"),
    ("codes on free text", _mapping(columns=[{"header": "S", "source": "family_name", "codes": {"SOK": "x"}}]),
     "family_name holds no codes"),
    ("codes with a value", _mapping(columns=[{"header": "S", "value": "x", "codes": {"M": "x"}}]),
     "codes goes only with source"),
    ("otherwise alone", _mapping(columns=[{"header": "S", "source": "sex", "otherwise": "?"}]),
     "otherwise goes only with codes"),
]


@pytest.mark.parametrize(("case", "content", "message"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_mapping_is_refused_with_its_message_and_nothing_written(supervisor, registered, outdir, case,
                                                                       content, message) -> None:
    mapping = outdir / "mapping.json"
    mapping.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode())
    today = supervisor._ctx.today()
    events = supervisor.store.db.execute("SELECT count(*) FROM events").fetchone()[0]
    for name in ("out.xlsx", "out.csv"):
        with pytest.raises(MappingError) as e:
            supervisor.nea.export(today, today, outdir / name, mapping=mapping)
        assert e.value.field == "mapping" and message in str(e.value), str(e.value)
        assert e.value.msg.english() in str(e.value)                 # the message the screen translates
    assert sorted(p.name for p in outdir.iterdir()) == ["mapping.json"]
    assert supervisor.store.db.execute("SELECT count(*) FROM events").fetchone()[0] == events   # not even a read


def test_a_missing_mapping_file_is_a_clear_message(supervisor, registered, outdir) -> None:
    today = supervisor._ctx.today()
    with pytest.raises(MappingError, match="could not be read"):
        supervisor.nea.export(today, today, outdir / "o.xlsx", mapping=outdir / "nowhere.json")
    assert not (outdir / "o.xlsx").exists()


def test_the_writer_keeps_odd_text_exact_and_is_deterministic(tmp_path) -> None:
    rows = [["a", "b"], ["x\x01y", "_x0041_ & <b>"], ["ស្រី", "=1+1"]]
    data = xlsx.workbook_bytes(rows, sheet="T")
    assert data == xlsx.workbook_bytes(rows, sheet="T")
    (tmp_path / "t.xlsx").write_bytes(data)
    _, back = read_xlsx(tmp_path / "t.xlsx")
    # ElementTree does not undo the OOXML escapes; a spreadsheet does: _x0001_ is \x01, _x005F_x0041_ is _x0041_
    assert back == [["a", "b"], ["x_x0001_y", "_x005F_x0041_ & <b>"], ["ស្រី", "=1+1"]]
    with pytest.raises(ValueError):
        xlsx.workbook_bytes(rows, sheet="a[1]")
    assert [xlsx.column_name(i) for i in (0, 25, 26, 33, 701, 702)] == ["A", "Z", "AA", "AH", "ZZ", "AAA"]


def test_the_documented_mapping_example_is_a_valid_mapping() -> None:
    from checkpoint.services.nea_mapping import parse_mapping

    doc = (ROOT / "docs" / "exports" / "nea.md").read_text(encoding="utf-8")
    block = doc.split("```json", 1)[1].split("```", 1)[0]
    m = parse_mapping(block.encode(), NEA_COLUMNS)
    row = {c: "" for c in NEA_COLUMNS} | {"family_name": "SOK", "given_names": "DARA", "sex": "X",
                                          "skills": "WELDING;CONSTRUCTION"}
    assert m.headers()[:2] == ("No.", "Full name")
    assert m.apply(7, row) == ["7", "SOK DARA", "", "Welder, CONSTRUCTION", "Poipet transit centre"]


def test_on_the_windows_code_path_the_file_gets_the_owner_only_acl_before_its_name(supervisor, registered, outdir,
                                                                                   monkeypatch) -> None:
    """chmod does nothing on Windows: the temporary file gets the ACL (owner, SYSTEM, the app's group) before it is
    linked to its name. icacls cannot run here, so what it is given is recorded (tests/windows reads a real ACL)."""
    from checkpoint import acl, files

    given: list[tuple[str, bool]] = []
    monkeypatch.setattr(files, "WINDOWS", True)
    monkeypatch.setattr(acl, "restrict", lambda p, **_: given.append((Path(p).name, (outdir / "w.xlsx").exists()))
                        or True)
    today = supervisor._ctx.today()
    supervisor.nea.export(today, today, outdir / "w.xlsx")
    assert len(given) == 1 and given[0][0].endswith(".part") and given[0][1] is False   # the temp file, before
    assert [p.name for p in outdir.iterdir()] == ["w.xlsx"]
