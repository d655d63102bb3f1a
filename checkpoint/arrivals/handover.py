"""Reading a handover list: the CSV or XLSX file Thai immigration gives with a truck or a bus of returnees.

Pure: bytes in, checked rows out; nothing is written here. Everything in the file is hostile until checked: the
encoding is detected (UTF-8, UTF-8 with BOM, UTF-16, Thai Windows-874) or the file refused; an XLSX is read with
the standard library (sizes capped, no DTD, formulas refused, never evaluated); a list longer than ``MAX_ROWS``
is refused whole; each cell is capped at ``MAX_CELL`` characters.

    >>> data = "Name,Sex,DOB\\nSOK DARA,M,17/05/2533\\n".encode()
    >>> lst = read_handover(data, "list.csv", today=date(2026, 12, 2))
    >>> lst.rows[0]["person"]["date_of_birth"], lst.problems
    ('1990-05-17', [])

Every row is checked with the registration's own person validation (``checkpoint.model.person.validate_person``).
A bad row becomes a ``RowProblem`` (sheet row number, field, reason: the reasons are the core's fixed messages,
translated by the UI); a bad file raises ``HandoverError`` and nothing else is read.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Final

from checkpoint import codelists
from checkpoint.arrivals.codes import HOUSEHOLD_ROLES
from checkpoint.errors import ValidationError
from checkpoint.model.person import name_key, validate_person

__all__ = ["FIELDS", "MAX_BYTES", "MAX_CELL", "MAX_ROWS", "ColumnMapping", "HandoverError", "HandoverList",
           "RowProblem", "decode_text", "parse_date", "read_handover", "read_table"]

MAX_BYTES = 20 * 1024 * 1024          # a 10,000-row list is well under 5 MB
MAX_XLSX_UNPACKED = 64 * 1024 * 1024  # a zip bomb stops here
MAX_ROWS = 10_000
MAX_CELL = 200
MAX_COLUMNS = 60

MSG_TOO_BIG: Final = "The list is larger than 20 MB: split it or check that it is the right file."
MSG_TOO_MANY_ROWS: Final = ("The list has more than 10,000 rows: split it into several lists (one per vehicle) "
                            "and import each.")
MSG_ENCODING: Final = ("The list's text encoding could not be read (UTF-8, UTF-16 and Thai Windows-874 are read): "
                       "save it as \"CSV UTF-8\" and import it again.")
MSG_NOT_A_LIST: Final = "This file is not a CSV or XLSX list, or it is damaged."
MSG_EMPTY: Final = "The list has no rows."
MSG_NO_HEADER: Final = "The first row of the list must name the columns."
MSG_CELL_TOO_BIG: Final = "A cell of the list is far too large: this is not a handover list."
MSG_FORMULA: Final = "contains a spreadsheet formula: type the value instead"
MSG_CELL_LONG: Final = "is longer than 200 characters"
MSG_DUPLICATE_ROW: Final = "the same person is already on an earlier row of this list"
MSG_SEX: Final = "must be M or F (or ប្រុស / ស្រី)"
MSG_DATE: Final = "is not a date (write it as 31/12/1990, 1990-12-31 or with a Buddhist-era year such as 2533)"
MSG_AGE: Final = "must be an age in whole years"
MSG_PROVINCE: Final = "is not a Cambodian province"
MSG_ROLE: Final = "must be head, spouse, child or other relative"
MSG_DOC_TYPE: Final = "is not a document type"
MSG_MISSING_COLUMN: Final = "the list has no column for this field: choose one in the column mapping"
MSG_UNKNOWN_COLUMN: Final = "the mapping names a column that is not in this list"
MSG_UNKNOWN_FIELD: Final = "is not a field of a handover list"

# The fields a handover-list column can fill.
FIELDS = ("row_ref", "full_name", "family_name", "given_names", "name_khmer", "sex", "date_of_birth", "age_years",
          "id_document_type", "id_document_number", "phone", "home_province", "home_district", "home_commune",
          "home_village", "household", "household_role")
_PERSON_FIELDS = ("family_name", "given_names", "name_khmer", "sex", "date_of_birth", "age_years",
                  "id_document_type", "id_document_number", "phone", "home_province", "home_district",
                  "home_commune", "home_village")

# Header names seen on lists (English, Khmer, Thai), folded (lower case, no spaces or punctuation).
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "row_ref": ("no", "nr", "number", "row", "seq", "ល.រ", "លរ", "ลำดับ", "ที่"),
    "full_name": ("name", "fullname", "namelatin", "ឈ្មោះ", "ชื่อ", "ชื่อสกุล", "ชื่อนามสกุล"),
    "family_name": ("familyname", "surname", "lastname", "នាមត្រកូល", "นามสกุล"),
    "given_names": ("givenname", "givennames", "firstname", "នាមខ្លួន"),
    "name_khmer": ("namekhmer", "khmername", "nameinkhmer", "ឈ្មោះខ្មែរ", "ឈ្មោះជាអក្សរខ្មែរ"),
    "sex": ("sex", "gender", "ភេទ", "เพศ"),
    "date_of_birth": ("dob", "dateofbirth", "birthdate", "born", "ថ្ងៃខែឆ្នាំកំណើត", "ថ្ងៃកំណើត", "วันเกิด",
                      "วันเดือนปีเกิด"),
    "age_years": ("age", "ageyears", "អាយុ", "อายุ"),
    "id_document_type": ("documenttype", "doctype", "idtype", "ប្រភេទឯកសារ"),
    "id_document_number": ("document", "documentnumber", "docno", "passport", "passportno", "passportnumber",
                           "idnumber", "idno", "លេខលិខិតឆ្លងដែន", "លេខឯកសារ", "หนังสือเดินทาง"),
    "phone": ("phone", "telephone", "tel", "mobile", "ទូរស័ព្ទ", "លេខទូរស័ព្ទ", "โทรศัพท์"),
    "home_province": ("province", "homeprovince", "destinationprovince", "ខេត្ត", "จังหวัด"),
    "home_district": ("district", "homedistrict", "ស្រុក", "ស្រុកខណ្ឌ", "อำเภอ"),
    "home_commune": ("commune", "homecommune", "ឃុំ", "ឃុំសង្កាត់", "ตำบล"),
    "home_village": ("village", "homevillage", "ភូមិ", "หมู่บ้าน"),
    "household": ("household", "householdid", "householdno", "family", "familyno", "group", "គ្រួសារ",
                  "ครอบครัว"),
    "household_role": ("relation", "relationship", "householdrole", "role", "ទំនាក់ទំនង", "ความสัมพันธ์"),
}

_SEX = {"m": "M", "male": "M", "man": "M", "boy": "M", "ប្រុស": "M", "ชาย": "M", "f": "F", "female": "F",
        "woman": "F", "girl": "F", "ស្រី": "F", "หญิง": "F", "x": "X"}
_ROLES = {"head": "HEAD", "householdhead": "HEAD", "mother": "HEAD", "father": "HEAD", "មេគ្រួសារ": "HEAD",
          "spouse": "SPOUSE", "wife": "SPOUSE", "husband": "SPOUSE", "ប្តី": "SPOUSE", "ប្រពន្ធ": "SPOUSE",
          "child": "CHILD", "son": "CHILD", "daughter": "CHILD", "កូន": "CHILD",
          "otherrelative": "OTHER_RELATIVE", "relative": "OTHER_RELATIVE", "sibling": "OTHER_RELATIVE",
          "brother": "OTHER_RELATIVE", "sister": "OTHER_RELATIVE", "aunt": "OTHER_RELATIVE",
          "uncle": "OTHER_RELATIVE", "grandparent": "OTHER_RELATIVE", "other": "OTHER_RELATIVE",
          "សាច់ញាតិ": "OTHER_RELATIVE"}
_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩๐๑๒๓๔๕๖๗๘๙", "01234567890123456789")
_KHMER = re.compile(r"[\u1780-\u17FF\u19E0-\u19FF]")


class HandoverError(ValidationError):
    """The whole list is refused (encoding, size, shape, missing columns): nothing was read from it."""

    def __init__(self, field: str, message: str, *, missing: tuple[str, ...] = ()) -> None:
        self.missing = missing
        super().__init__(field, message)


@dataclass(frozen=True)
class RowProblem:
    """Why one row of the list cannot be imported: ``row`` is its row number in the sheet (the header is row 1)."""

    row: int
    field: str
    message: str
    other_row: int | None = None      # the earlier row a duplicate repeats

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "field": self.field, "message": self.message, "other_row": self.other_row}


@dataclass(frozen=True)
class ColumnMapping:
    """Which column of the list fills which field: ``{"full_name": "Name", "sex": "Gender", ...}``.

        >>> ColumnMapping.guess(["No.", "Name", "Sex", "Age"]).columns["sex"]
        'Sex'
    """

    columns: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def guess(cls, headers: Iterable[str]) -> ColumnMapping:
        """A first mapping from the header names (English, Khmer, Thai): the officer confirms or changes it."""
        out: dict[str, str] = {}
        for h in headers:
            f = _fold(h)
            for name, words in _SYNONYMS.items():
                if name not in out and f in words:
                    out[name] = h
                    break
        return cls(out)

    @classmethod
    def from_dict(cls, data: Any) -> ColumnMapping:
        """Check a mapping given by a user, a file or the store. Raises ValidationError."""
        if not isinstance(data, Mapping):
            raise ValidationError("mapping", "must map each field to a column name")
        out: dict[str, str] = {}
        for k, v in data.items():
            if k not in FIELDS:
                raise ValidationError(str(k)[:40], MSG_UNKNOWN_FIELD)
            if not isinstance(v, str) or not 0 < len(v) <= MAX_CELL:
                raise ValidationError(k, "must name a column")
            out[k] = v
        return cls(out)

    def to_dict(self) -> dict[str, str]:
        return dict(sorted(self.columns.items()))


@dataclass
class HandoverList:
    """A list read and checked: ``rows`` are the good ones (each ``{"row", "row_ref", "person", "household",
    "household_role"}``, the person as ``validate_person`` returns it), ``problems`` the bad ones."""

    headers: list[str]
    encoding: str
    mapping: ColumnMapping
    rows: list[dict[str, Any]]
    problems: list[RowProblem]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def total(self) -> int:
        return len(self.rows) + len({p.row for p in self.problems})


# ------------------------------------------------------------------------------------------------ bytes to text
def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in. Raises HandoverError when none fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(data, "utf-16"), "utf-16"
    head = data[:4096]
    if b"\x00" in head:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > len(head) // 4 and even == 0:
            return _decode(data, "utf-16-le"), "utf-16-le"
        if even > len(head) // 4 and odd == 0:
            return _decode(data, "utf-16-be"), "utf-16-be"
        raise HandoverError("file", MSG_ENCODING)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        raise HandoverError("file", MSG_ENCODING) from None
    if re.search(r"[\u0e01-\u0e5b]", text):       # Thai letters: a list saved by Thai Windows Excel
        return text, "cp874"
    raise HandoverError("file", MSG_ENCODING)


def _decode(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise HandoverError("file", MSG_ENCODING) from None
    if "\x00" in text:
        raise HandoverError("file", MSG_ENCODING)
    return text.lstrip("\ufeff")


# ------------------------------------------------------------------------------------------------ tables
Cell = tuple[str, bool]     # (text, is a formula)


def read_table(data: bytes, filename: str = "") -> tuple[list[str], list[tuple[int, list[Cell]]], str]:
    """(headers, [(sheet row number, cells)], encoding) of a CSV or XLSX file; blank rows are left out.

    Raises HandoverError for a file that is too large, not a list, unreadable, empty or longer than MAX_ROWS."""
    if not isinstance(data, bytes | bytearray):
        raise HandoverError("file", MSG_NOT_A_LIST)
    if len(data) > MAX_BYTES:
        raise HandoverError("file", MSG_TOO_BIG)
    if data[:4] == b"PK\x03\x04":
        rows, encoding = _xlsx_rows(bytes(data)), "xlsx"
    elif filename.lower().endswith((".xlsx", ".xlsm", ".xls")):
        raise HandoverError("file", MSG_NOT_A_LIST)
    else:
        text, encoding = decode_text(bytes(data))
        rows = _csv_rows(text)
    header: list[str] | None = None
    body: list[tuple[int, list[Cell]]] = []
    for n, cells in rows:
        if not any(t.strip() for t, _f in cells):
            continue
        if header is None:
            header = [t.strip() for t, _f in cells][:MAX_COLUMNS]
            if any(f for _t, f in cells) or not any(header):
                raise HandoverError("file", MSG_NO_HEADER)
            continue
        if len(body) >= MAX_ROWS:
            raise HandoverError("file", MSG_TOO_MANY_ROWS)
        body.append((n, cells[:MAX_COLUMNS]))
    if header is None or not body:
        raise HandoverError("file", MSG_EMPTY)
    return header, body, encoding


def _csv_rows(text: str) -> list[tuple[int, list[Cell]]]:
    first = text.split("\n", 1)[0]
    delim = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    out = []
    filled = 0
    try:
        for cells in reader:
            out.append((reader.line_num, [(c, _looks_like_formula(c)) for c in cells]))
            filled += any(c.strip() for c in cells)
            if filled > MAX_ROWS + 1:               # the header and MAX_ROWS rows: stop reading here
                raise HandoverError("file", MSG_TOO_MANY_ROWS)
    except csv.Error:
        raise HandoverError("file", MSG_CELL_TOO_BIG) from None
    return out


def _looks_like_formula(text: str) -> bool:
    t = text.strip()
    if not t:
        return False
    if t[0] in "=@":
        return True
    return t[0] in "+-" and len(t) > 1 and not (t[1].isdigit() or t[1] == " ")


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _xlsx_rows(data: bytes) -> list[tuple[int, list[Cell]]]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise HandoverError("file", MSG_NOT_A_LIST) from None
    if len(infos) > 500 or sum(i.file_size for i in infos) > MAX_XLSX_UNPACKED:
        raise HandoverError("file", MSG_TOO_BIG)
    names = {i.filename for i in infos}
    sheets = sorted(n for n in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))
    if not sheets:
        raise HandoverError("file", MSG_NOT_A_LIST)
    sheet = "xl/worksheets/sheet1.xml" if "xl/worksheets/sheet1.xml" in names else sheets[0]
    try:
        shared = _shared_strings(_xml(zf, "xl/sharedStrings.xml")) if "xl/sharedStrings.xml" in names else []
        root = _xml(zf, sheet)
    except (ET.ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        raise HandoverError("file", MSG_NOT_A_LIST) from None
    rows: list[tuple[int, list[Cell]]] = []
    filled = 0
    data_el = root.find(f"{_NS}sheetData")
    for r in data_el if data_el is not None else ():
        if r.tag != f"{_NS}row":
            continue
        try:
            n = int(r.get("r") or len(rows) + 1)
        except ValueError:
            raise HandoverError("file", MSG_NOT_A_LIST) from None
        cells: list[Cell] = []
        for c in r:
            if c.tag != f"{_NS}c":
                continue
            col = _col_index(c.get("r") or "", len(cells))
            if col >= MAX_COLUMNS:
                continue
            while len(cells) < col:
                cells.append(("", False))
            cells.append(_cell(c, shared))
        rows.append((n, cells))
        filled += any(t.strip() for t, _f in cells)
        if filled > MAX_ROWS + 1:
            raise HandoverError("file", MSG_TOO_MANY_ROWS)
    return rows


def _xml(zf: zipfile.ZipFile, name: str) -> ET.Element:
    raw = zf.read(name)
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:    # no DTDs: entity expansion is how XML bombs work
        raise ValueError("DTD in XLSX part")
    return ET.fromstring(raw)   # noqa: S314  (no DTD, so no entity expansion; expat never fetches anything)


def _shared_strings(root: ET.Element) -> list[str]:
    return ["".join(t.text or "" for t in si.iter(f"{_NS}t")) for si in root.iter(f"{_NS}si")]


def _col_index(ref: str, default: int) -> int:
    m = re.match(r"([A-Z]{1,3})", ref)
    if not m:
        return default
    n = 0
    for ch in m.group(1):
        n = n * 26 + ord(ch) - 64
    return n - 1


def _cell(c: ET.Element, shared: list[str]) -> Cell:
    formula = c.find(f"{_NS}f") is not None
    t = c.get("t") or "n"
    v = c.find(f"{_NS}v")
    if t == "inlineStr":
        text = "".join(x.text or "" for x in c.iter(f"{_NS}t"))
    elif t == "s":
        try:
            text = shared[int((v.text or "") if v is not None else "")]
        except (ValueError, IndexError):
            raise HandoverError("file", MSG_NOT_A_LIST) from None
    else:
        text = (v.text or "") if v is not None else ""
        if t == "n" and re.fullmatch(r"-?\d+\.0+", text):
            text = text.split(".")[0]
    return text, formula or _looks_like_formula(text)


# ------------------------------------------------------------------------------------------------ values
def _fold(header: str) -> str:
    h = unicodedata.normalize("NFC", header).strip().lower()
    return re.sub(r"[\s_\-./#:()]+", "", h) or h


def parse_date(value: str) -> str:
    """An ISO date from what lists write: 1990-05-17, 17/05/1990, 17-05-1990, 17.05.1990, Khmer or Thai digits,
    Buddhist-era years (2533 = 1990), an Excel day number. Raises ValueError.

        >>> parse_date("17/05/2533"), parse_date("2569-01-02"), parse_date("32990")
        ('1990-05-17', '2026-01-02', '1990-04-27')
    """
    v = value.strip().translate(_DIGITS)
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", v)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", v)
        if m:
            d, mo, y = int(m[1]), int(m[2]), int(m[3])
        elif re.fullmatch(r"\d{5}", v) and int(v) <= 80000:     # Excel's day number (1900 system), 1927-2119
            return (date(1899, 12, 30) + timedelta(days=int(v))).isoformat()
        else:
            raise ValueError("not a date")
    if y >= 2400:         # Buddhist era (Thai and Khmer official documents): 2569 BE = 2026 CE
        y -= 543
    return date(y, mo, d).isoformat()


def _province(value: str) -> str:
    v = value.strip().translate(_DIGITS)
    if codelists.is_valid("provinces", v.zfill(2)) and v.isdigit():
        return v.zfill(2)
    f = _fold(v)
    for c in codelists.provinces():
        if f in (_fold(c.label_en), _fold(c.label_km)):
            return c.code
    raise ValueError("not a province")


def _doc_type(value: str) -> str:
    f = _fold(value).upper()
    for c in codelists.id_document_types():
        if f in (_fold(c.code).upper(), _fold(c.label_en).upper()) or _fold(value) == _fold(c.label_km):
            return c.code
    raise ValueError("not a document type")


def _row_person(values: Mapping[str, str], row: int) -> tuple[dict[str, Any], RowProblem | None]:
    """The person fields of one row, converted from the list's way of writing them (no validation yet)."""
    p: dict[str, Any] = {}
    full = values.get("full_name", "").strip()
    if full:
        if _KHMER.search(full):
            p["name_khmer"] = full
        else:
            parts = full.split(None, 1)
            p["family_name"] = parts[0]
            p["given_names"] = parts[1] if len(parts) > 1 else ""
    for f in ("family_name", "given_names", "name_khmer", "home_district", "home_commune", "home_village",
              "id_document_number", "phone"):
        if values.get(f, "").strip():
            p[f] = values[f].strip().translate(_DIGITS) if f in ("phone", "id_document_number") else values[f]
    sex = values.get("sex", "").strip()
    p["sex"] = _SEX.get(_fold(sex)) if sex else None
    if sex and p["sex"] is None:
        return p, RowProblem(row, "sex", MSG_SEX)
    if p["sex"] is None:
        p["sex"] = None
    dob = values.get("date_of_birth", "").strip()
    if dob:
        try:
            p["date_of_birth"] = parse_date(dob)
        except ValueError:
            return p, RowProblem(row, "date_of_birth", MSG_DATE)
    age = values.get("age_years", "").strip().translate(_DIGITS)
    if age and not dob:
        if not age.isdigit():
            return p, RowProblem(row, "age_years", MSG_AGE)
        p["age_years"] = int(age)
    prov = values.get("home_province", "").strip()
    if prov:
        try:
            p["home_province"] = _province(prov)
        except ValueError:
            return p, RowProblem(row, "home_province", MSG_PROVINCE)
    dt = values.get("id_document_type", "").strip()
    if dt:
        try:
            p["id_document_type"] = _doc_type(dt)
        except ValueError:
            return p, RowProblem(row, "id_document_type", MSG_DOC_TYPE)
    elif p.get("id_document_number"):
        p["id_document_type"] = "OTHER"
    return p, None


# ------------------------------------------------------------------------------------------------ the list
def read_handover(data: bytes, filename: str = "", *, mapping: ColumnMapping | Mapping[str, str] | None = None,
                  today: date | None = None) -> HandoverList:
    """Read and check a whole handover list. Without ``mapping`` the columns are guessed from their names.

    Raises HandoverError for a list that cannot be read at all or lacks a needed column (``missing`` names the
    fields); every other problem is a RowProblem of its row, and the good rows are returned beside them."""
    headers, body, encoding = read_table(data, filename)
    m = mapping if isinstance(mapping, ColumnMapping) else \
        ColumnMapping.from_dict(mapping) if mapping is not None else ColumnMapping.guess(headers)
    unknown = [f for f, h in m.columns.items() if h not in headers]
    if unknown:
        raise HandoverError(unknown[0], MSG_UNKNOWN_COLUMN, missing=tuple(unknown))
    cols = m.columns
    missing = []
    if not any(f in cols for f in ("full_name", "family_name", "given_names", "name_khmer")):
        missing.append("full_name")
    if "sex" not in cols:
        missing.append("sex")
    if "date_of_birth" not in cols and "age_years" not in cols:
        missing.append("date_of_birth")
    if missing:
        raise HandoverError(missing[0], MSG_MISSING_COLUMN, missing=tuple(missing))
    index = {f: headers.index(h) for f, h in cols.items()}
    today = today or datetime.now().date()
    rows: list[dict[str, Any]] = []
    problems: list[RowProblem] = []
    seen: dict[tuple[Any, ...], int] = {}
    for n, cells in body:
        values: dict[str, str] = {}
        problem = None
        for f, i in index.items():
            text, formula = cells[i] if i < len(cells) else ("", False)
            if formula:
                problem = RowProblem(n, f, MSG_FORMULA)
                break
            if len(text) > MAX_CELL:
                problem = RowProblem(n, f, MSG_CELL_LONG)
                break
            values[f] = text
        if problem is None:
            person, problem = _row_person(values, n)
        if problem is None:
            try:
                checked = validate_person({k: v for k, v in person.items() if k in _PERSON_FIELDS}, today=today)
            except ValidationError as e:
                problem = RowProblem(n, e.field, e.detail)
        if problem is None:
            role = values.get("household_role", "").strip()
            hrole = _ROLES.get(_fold(role)) if role else None
            if role and hrole is None and role.upper() not in HOUSEHOLD_ROLES:
                problem = RowProblem(n, "household_role", MSG_ROLE)
            elif role and hrole is None:
                hrole = role.upper()
        if problem is not None:
            problems.append(problem)
            continue
        key = (name_key(checked["family_name"], checked["given_names"]), checked["name_khmer"].replace(" ", ""),
               checked["date_of_birth"], checked["sex"], checked["id_document_number"])
        if key in seen:
            problems.append(RowProblem(n, "row", MSG_DUPLICATE_ROW, other_row=seen[key]))
            continue
        seen[key] = n
        rows.append({"row": n, "row_ref": values.get("row_ref", "").strip()[:20], "person": checked,
                     "household": values.get("household", "").strip()[:40], "household_role": hrole})
    return HandoverList(headers, encoding, m, rows, problems)
