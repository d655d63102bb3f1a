"""Read an .xlsx file back with zipfile + ElementTree (independent of checkpoint.xlsx, the writer under test)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from checkpoint import xlsx

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def read_xlsx(path: Path) -> tuple[str, list[list[str]]]:
    """The sheet's name and its rows, every cell's type checked: text as inline or shared strings, never a formula."""
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
        shared = ([("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
                   for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
                  if "xl/sharedStrings.xml" in z.namelist() else [])
    name = wb.find("m:sheets/m:sheet", NS).get("name")  # type: ignore[union-attr]
    rows = []
    for r in sheet.findall("m:sheetData/m:row", NS):
        cells: list[str] = []
        for c in r.findall("m:c", NS):
            assert c.find("m:f", NS) is None, "a formula in the workbook"
            col = re.match(r"[A-Z]+", c.get("r", "")).group(0)  # type: ignore[union-attr]
            while xlsx.column_name(len(cells)) != col:
                cells.append("")
            if c.get("t") == "inlineStr":
                cells.append("".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t")))
            elif c.get("t") == "s":
                cells.append(shared[int(c.find("m:v", NS).text)])  # type: ignore[union-attr,arg-type]
            else:
                raise AssertionError(f"cell {c.get('r')} is not text: {c.get('t')}")
        rows.append(cells)
    return name, rows
