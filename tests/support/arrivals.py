"""Handover lists for the arrivals tests (``from tests.support.arrivals import handover_rows, to_csv, to_xlsx``).

The must-show fixture: a 60-row list from one bus with 4 households and 2 unaccompanied children, dates written
as lists write them (Buddhist-era years, day/month/year, ISO), some names in Khmer only."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

HEADERS = ["No.", "Name", "Khmer name", "Sex", "Date of birth", "Passport", "Province", "Household", "Relation"]

_FAMILY = ["SOK", "CHAN", "KEO", "MEAS", "PHAN", "HENG", "LIM", "PICH", "RATH", "TOUCH", "YIM", "OUK"]
_GIVEN_F = ["SREYMOM", "DAVY", "SOPHEA", "CHANTHA", "BOPHA", "SOKHA", "NARY", "VANNA"]
_GIVEN_M = ["DARA", "VISAL", "RITHY", "SAMBATH", "VIBOL", "PISETH", "KOSAL", "SOVANN"]


def handover_rows() -> list[list[str]]:
    """60 rows: households H1 (mother + 2 children), H2 (father, mother, child), H3 (mother, her child, a nephew:
    separated), H4 (a couple), 2 unaccompanied children (rows 13 and 14), 47 single adults."""
    rows: list[list[str]] = []

    def add(name: str, khmer: str, sex: str, dob: str, doc: str = "", prov: str = "Banteay Meanchey",
            household: str = "", relation: str = "") -> None:
        rows.append([str(len(rows) + 1), name, khmer, sex, dob, doc, prov, household, relation])

    add("SOK SREYMOM", "សុខ ស្រីមុំ", "F", "12/03/2533", household="H1", relation="Head")        # 1990 (BE)
    add("SOK DALIN", "", "F", "2018-06-01", household="H1", relation="Child")
    add("SOK MONY", "", "M", "04-09-2021", household="H1", relation="Child")
    add("CHAN VISAL", "ចាន់ វិសាល", "M", "1985-01-20", doc="N0100001", household="H2", relation="Head")
    add("CHAN DAVY", "", "F", "15/07/2530", household="H2", relation="Wife")                     # 1987
    add("CHAN PISEY", "", "F", "2014-02-11", household="H2", relation="Daughter")
    add("KEO BOPHA", "", "F", "1992-11-30", household="H3", relation="Head")
    add("KEO RATANA", "", "M", "2010-05-05", household="H3", relation="Son")                      # 16: accompanied
    add("MEAS KOSAL", "", "M", "2016-08-08", household="H3", relation="Relative")                 # nephew: separated
    add("PHAN RITHY", "", "M", "1979-12-12", household="H4", relation="Head")
    add("PHAN SOPHEA", "", "F", "1981-03-03", household="H4", relation="Spouse")
    add("", "ហេង សុវណ្ណ", "M", "1995-04-04")                                                      # Khmer name only
    add("LIM SOKHA", "", "F", "2011-10-10")                                                       # unaccompanied, 15
    add("PICH VIBOL", "", "M", "01/01/2553")                                                      # 2010: unaccompanied
    i = 0
    while len(rows) < 60:
        fam = _FAMILY[i % len(_FAMILY)]
        female = i % 2 == 0
        given = (_GIVEN_F if female else _GIVEN_M)[(i // 2) % 8]
        year = 1970 + (i % 30)
        dob = f"{(i % 27) + 1:02d}/{(i % 12) + 1:02d}/{year + 543}" if i % 3 == 0 else \
            f"{year}-{(i % 12) + 1:02d}-{(i % 27) + 1:02d}"
        add(f"{fam} {given}{chr(65 + i // 26)}{chr(65 + i % 26)}", "", "F" if female else "M", dob,
            doc=f"N02{i:05d}" if i % 4 == 0 else "")
        i += 1
    return rows


def to_csv(headers: list[str], rows: list[list[str]], *, encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    out = io.StringIO(newline="")
    import csv
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(headers)
    w.writerows(rows)
    return out.getvalue().encode(encoding)


def to_xlsx(headers: list[str], rows: list[list[str]], *, formulas: dict[tuple[int, int], str] | None = None,
            numbers: dict[tuple[int, int], str] | None = None) -> bytes:
    """A minimal XLSX workbook (inline strings; ``formulas`` and ``numbers`` by (sheet row, column index))."""
    formulas, numbers = formulas or {}, numbers or {}

    def col(i: int) -> str:
        s = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            s = chr(65 + r) + s
        return s

    lines = []
    for rn, cells in enumerate([headers, *rows], start=1):
        cs = []
        for ci, v in enumerate(cells):
            ref = f"{col(ci)}{rn}"
            if (rn, ci) in formulas:
                cs.append(f'<c r="{ref}" t="str"><f>{escape(formulas[(rn, ci)])}</f><v>0</v></c>')
            elif (rn, ci) in numbers:
                cs.append(f'<c r="{ref}"><v>{numbers[(rn, ci)]}</v></c>')
            elif v != "":
                cs.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
        lines.append(f'<row r="{rn}">{"".join(cs)}</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + "".join(lines) + "</sheetData></worksheet>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
                   'spreadsheetml/2006/main"><sheets><sheet name="List" sheetId="1"/></sheets></workbook>')
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return buf.getvalue()
