"""A minimal XLSX (Office Open XML) workbook writer: one sheet, text as inline strings, numbers as numbers.

    >>> data = workbook_bytes([["name", "age"], ["សុខ ដារ៉ា", 30]], sheet="NEA")
    >>> data[:2]
    b'PK'

Stdlib only (``zipfile`` and XML escaping), so the device can write a workbook without a third-party package.
The output is deterministic: the same rows give the same bytes (fixed member order and timestamps), which keeps
tests and checksums honest.

What a cell holds:

- ``str``: an inline string (``t="inlineStr"``), never a formula; Excel and LibreOffice show it as text. The caller
  neutralises formula-like text if the file must read the same as its CSV twin (``checkpoint.services.nea``).
- ``int`` / ``float`` (not ``bool``): a number.
- ``None``: an empty cell (left out).

Text that XML 1.0 cannot carry (control characters other than tab, line feed and carriage return; lone
surrogates) is written the OOXML way, ``_xHHHH_``, and a literal ``_xHHHH_`` in the text has its ``_`` escaped
(``_x005F_``) so that a spreadsheet reads back exactly what was written. A sheet has at most 1,048,576 rows and
16,384 columns and a cell at most 32,767 characters (Excel's limits): more raises ValueError.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape  # attribute values (the sheet's name)

__all__ = ["MAX_CELL", "MAX_COLUMNS", "MAX_ROWS", "column_name", "workbook_bytes"]

MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_CELL = 32_767
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# XML 1.0 cannot carry these (and lone surrogates cannot be UTF-8): written as _xHHHH_
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# ... and a literal _xHHHH_ gets its "_" escaped (_x005F_xHHHH_) so a spreadsheet does not decode it
_SPECIAL = re.compile("_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DATE = (1980, 1, 1, 0, 0, 0)

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def column_name(index: int) -> str:
    """The column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA."""
    if not 0 <= index < MAX_COLUMNS:
        raise ValueError("column out of range")
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def _escape_special(m: re.Match[str]) -> str:
    found = m.group(0)
    return "_x005F_" + found[1:] if len(found) > 1 else f"_x{ord(found):04X}_"


def _text(s: str) -> str:
    if len(s) > MAX_CELL:
        raise ValueError(f"a cell holds at most {MAX_CELL} characters")
    if _SPECIAL.search(s):                  # rare: one pass, only when needed
        s = _SPECIAL.sub(_escape_special, s)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(ref: str, v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, int | float) and not isinstance(v, bool):
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError("a number cell must be finite")
        return f'<c r="{ref}"><v>{v!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_text(str(v))}</t></is></c>'


def _sheet_xml(rows: Iterable[Sequence[object]]) -> str:
    out = [f'{_XML}<worksheet xmlns="{_NS}"><sheetData>']
    letters: list[str] = []
    for n, row in enumerate(rows, start=1):
        if n > MAX_ROWS:
            raise ValueError(f"a sheet holds at most {MAX_ROWS} rows")
        if len(row) > MAX_COLUMNS:
            raise ValueError(f"a sheet holds at most {MAX_COLUMNS} columns")
        while len(letters) < len(row):
            letters.append(column_name(len(letters)))
        cells = "".join([_cell(f"{letters[i]}{n}", v) for i, v in enumerate(row)])
        out.append(f'<row r="{n}">{cells}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out)


def workbook_bytes(rows: Iterable[Sequence[object]], *, sheet: str = "Sheet1") -> bytes:
    """The bytes of an .xlsx file with one sheet named ``sheet`` holding ``rows`` (the first is usually the
    header). Raises ValueError for a bad sheet name or rows beyond the limits above."""
    if not 1 <= len(sheet) <= 31 or _SHEET_FORBIDDEN.search(sheet) or sheet.startswith("'") or sheet.endswith("'") \
            or _NOT_XML.search(sheet):
        raise ValueError("a sheet name has 1 to 31 characters, none of : \\ / ? * [ ] and no quote at either end")
    members = {
        "[Content_Types].xml": f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": f'{_XML}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'{_XML}<workbook xmlns="{_NS}" xmlns:r="{_REL}"><sheets><sheet '
        f'name="{escape(sheet, {chr(34): "&quot;"})}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'{_XML}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": _sheet_xml(rows),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in members.items():
            info = zipfile.ZipInfo(name, date_time=_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()
