"""Bad input (issue 11): handover lists with wrong encodings, missing columns, duplicate rows, 10,000+ rows,
Buddhist-era dates, formulas and huge cells; clear messages, and nothing half-written."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from checkpoint.arrivals.handover import (
    MSG_CELL_LONG,
    MSG_DATE,
    MSG_DUPLICATE_ROW,
    MSG_ENCODING,
    MSG_FORMULA,
    MSG_MISSING_COLUMN,
    MSG_NOT_A_LIST,
    MSG_TOO_MANY_ROWS,
    HandoverError,
    parse_date,
    read_handover,
)
from checkpoint.services.arrivals import HandoverRejected
from tests.support.arrivals import HEADERS, handover_rows, to_csv, to_xlsx

TODAY = date(2026, 12, 2)
SMALL = [["1", "SOK DARA", "", "M", "17/05/2533"], ["2", "KEO BOPHA", "កែវ បុប្ផា", "F", "1992-11-30"]]
H5 = HEADERS[:5]


@pytest.mark.parametrize(("text", "iso"), [
    ("17/05/2533", "1990-05-17"), ("2569-01-02", "2026-01-02"), ("17-05-1990", "1990-05-17"),
    ("17.05.1990", "1990-05-17"), ("១៧/០៥/១៩៩០", "1990-05-17"), ("๑๗/๐๕/๒๕๓๓", "1990-05-17"),
    ("32990", "1990-04-27"), ("2/12/2569", "2026-12-02")])
def test_dates_as_lists_write_them(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["31/02/1990", "1990", "17/05/90", "yesterday", "2533-13-01"])
def test_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le"])
def test_unicode_encodings_are_read(encoding: str) -> None:
    lst = read_handover(to_csv(H5, SMALL, encoding=encoding), "l.csv", today=TODAY)
    assert lst.ok and [r["person"]["name_khmer"] for r in lst.rows] == ["", "កែវ បុប្ផា"]


def test_thai_windows_874_is_detected() -> None:
    data = to_csv(["No.", "Name", "ชื่อ", "Sex", "DOB"], [["1", "SOK DARA", "สมชาย", "M", "17/05/2533"]],
                  encoding="cp874")
    lst = read_handover(data, "l.csv", mapping={"full_name": "Name", "sex": "Sex", "date_of_birth": "DOB"},
                        today=TODAY)
    assert lst.encoding == "cp874" and lst.ok


def test_an_unknown_encoding_is_refused_clearly() -> None:
    data = "No.,Name,Sex,DOB\n1,SÉBASTIEN MÜLLER,M,1990-01-01\n".encode("latin-1")
    with pytest.raises(HandoverError) as e:
        read_handover(data, "l.csv", today=TODAY)
    assert e.value.detail == MSG_ENCODING


def test_missing_columns_are_named() -> None:
    data = to_csv(["No.", "Name", "Province"], [["1", "SOK DARA", "Battambang"]])
    with pytest.raises(HandoverError) as e:
        read_handover(data, "l.csv", today=TODAY)
    assert e.value.detail == MSG_MISSING_COLUMN and e.value.missing == ("sex", "date_of_birth")


def test_bad_rows_are_listed_with_their_sheet_row_and_reason() -> None:
    rows = [*SMALL, ["3", "SOK DARA", "", "M", "17/05/2533"],             # row 4 repeats row 2
            ["4", "=HYPERLINK(\"http://x\")", "", "F", "1990-01-01"],    # row 5: a formula
            ["5", "CHAN " + "A" * 300, "", "F", "1990-01-01"],           # row 6: a huge cell
            ["6", "MEAS SOKHA", "", "F", "31/02/1990"],                   # row 7: no such day
            ["7", "PHAN VISAL", "", "Q", "1990-01-01"]]                   # row 8: sex
    lst = read_handover(to_csv(H5, rows), "l.csv", today=TODAY)
    assert [(p.row, p.field, p.message) for p in lst.problems] == [
        (4, "row", MSG_DUPLICATE_ROW), (5, "full_name", MSG_FORMULA), (6, "full_name", MSG_CELL_LONG),
        (7, "date_of_birth", MSG_DATE), (8, "sex", "must be M or F (or ប្រុស / ស្រី)")]
    assert lst.problems[0].other_row == 2 and len(lst.rows) == 2


def test_xlsx_formulas_are_refused_never_evaluated() -> None:
    data = to_xlsx(H5, SMALL, formulas={(3, 1): 'CONCAT("KEO ","BOPHA")'}, numbers={(2, 4): "32990"})
    lst = read_handover(data, "l.xlsx", today=TODAY)
    assert [(p.row, p.message) for p in lst.problems] == [(3, MSG_FORMULA)]
    assert lst.rows[0]["person"]["date_of_birth"] == "1990-04-27"      # an Excel day number


@pytest.mark.parametrize("data", [b"PK\x03\x04garbage", b"", b"\x00\x01\x02\x03" * 100])
def test_damaged_files_are_refused(data: bytes) -> None:
    with pytest.raises(HandoverError):
        read_handover(data, "l.xlsx", today=TODAY)


def test_an_xlsx_with_a_dtd_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
                   '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
    with pytest.raises(HandoverError) as e:
        read_handover(buf.getvalue(), "l.xlsx", today=TODAY)
    assert e.value.detail == MSG_NOT_A_LIST


def test_more_than_10000_rows_is_refused_whole(supervisor) -> None:
    rows = [[str(i), f"SOK A{i:05d}", "", "M", "1990-01-01"] for i in range(10_001)]
    data = to_csv(H5, rows)
    with pytest.raises(HandoverError) as e:
        supervisor.arrivals.import_list(data, "l.csv")
    assert e.value.detail == MSG_TOO_MANY_ROWS
    assert supervisor.arrivals.groups() == []


def test_a_list_with_bad_rows_writes_nothing_unless_asked_for_the_good_rows(supervisor) -> None:
    rows = handover_rows()
    rows[20][4] = "not a date"
    rows[30][3] = "?"
    data = to_csv(HEADERS, rows)
    events = supervisor.store.db.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(HandoverRejected) as e:
        supervisor.arrivals.import_list(data, "l.csv", group={"transport": "TRUCK"})
    assert [p.row for p in e.value.problems] == [22, 32]
    assert supervisor.store.db.execute("SELECT count(*) FROM events").fetchone()[0] == events
    assert supervisor.arrivals.groups() == []
    imp = supervisor.arrivals.import_list(data, "l.csv", group={"transport": "TRUCK"}, only_good=True)
    g = supervisor.arrivals.group(imp.group_id)
    assert (imp.rows, g.listed, g.skipped_rows, g.expected) == (58, 58, 2, 60)


def test_the_mapping_is_remembered_per_source(supervisor) -> None:
    data = to_csv(["Seq", "Full name (Latin)", "Gender", "Born"], [["1", "SOK DARA", "M", "17/05/2533"]])
    with pytest.raises(HandoverError):
        supervisor.arrivals.preview(data, "l.csv")
    mapping = {"row_ref": "Seq", "full_name": "Full name (Latin)", "sex": "Gender", "date_of_birth": "Born"}
    supervisor.arrivals.import_list(data, "l.csv", mapping=mapping, group={"authority": "Sa Kaeo IDC"})
    assert supervisor.arrivals.remembered_mapping("sa kaeo  idc").to_dict() == dict(sorted(mapping.items()))
    again = supervisor.arrivals.preview(data, "l.csv", source="Sa Kaeo IDC")
    assert again.ok and again.rows[0]["person"]["family_name"] == "SOK"
