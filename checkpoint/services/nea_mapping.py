"""A mapping file for NEA's own template (issue 13): which of the NEA export's columns (docs/exports/nea.md), a
fixed value, or a code translated through a table fills each column of NEA's sheet, in what order, under what
header.

    >>> m = load_mapping(Path("docs/exports/nea-mapping-example.json"))          # doctest: +SKIP
    >>> m.headers()                                                               # doctest: +SKIP
    ('ល.រ No.', 'Family name', ...)
    >>> m.apply(1, row)        # one export row (a dict keyed by NEA_COLUMNS) as NEA's cells   # doctest: +SKIP

The file is JSON (UTF-8, a byte-order mark allowed), at most ``MAX_BYTES``::

    {"mapping_version": 1, "name": "...", "note": "...", "sheet": "Jobseekers", "list_separator": ", ",
     "columns": [
        {"header": "No.", "row_number": true},
        {"header": "Full name", "source": ["family_name", "given_names"], "separator": " "},
        {"header": "Sex", "source": "sex", "codes": {"M": "Male", "F": "Female"}, "otherwise": ""},
        {"header": "Registered by", "value": "Poipet transit centre"}]}

Each column has a ``header`` and exactly one of: ``source`` (one export column, or a list of up to 5 joined by
``separator``, default a space), ``value`` (fixed text) or ``row_number`` (1, 2, 3...). A single ``source`` that
holds codes may have ``codes`` (code → text; a code missing from the table is written as ``otherwise`` when given,
else as the code itself); for the ``;``-separated lists (skills, languages) each code is translated and the list
joined by ``list_separator`` (default ``;``).

The file is hostile input: read with a size cap, parsed strictly (no duplicate keys, no unknown keys, the right
types and lengths), every source column and every code checked against the export's columns and code lists, no
duplicate header. A problem raises :class:`MappingError` (a ValidationError on field ``mapping``) whose ``msg``
names it (a translatable template with the column number, header and the offending name); nothing is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from checkpoint import codelists
from checkpoint.errors import ValidationError
from checkpoint.screening.messages import Msg

__all__ = ["MAX_BYTES", "MAX_COLUMNS", "MappingError", "NeaMapping", "load_mapping", "parse_mapping"]

MAX_BYTES = 64 * 1024
MAX_COLUMNS = 200
MAX_TEXT = 200
MAX_CODES = 2000
MAX_JOINED = 5

# The messages (templates the UI translates; the CLI prints them in English).
MSG_MAP_UNREADABLE: Final = "The mapping file could not be read."
MSG_MAP_TOO_BIG: Final = "The mapping file is larger than %1 KB: it cannot be a mapping."
MSG_MAP_NOT_UTF8: Final = "The mapping file is not UTF-8 text."
MSG_MAP_NOT_JSON: Final = "The mapping file is not valid JSON (line %1)."
MSG_MAP_DUP_KEY: Final = "The key %1 appears twice in one object of the mapping file."
MSG_MAP_SHAPE: Final = "The mapping file must be a JSON object with mapping_version 1 and a list of columns."
MSG_MAP_UNKNOWN_KEY: Final = "The mapping file has a key it cannot have: %1."
MSG_MAP_TOP_TYPE: Final = "In the mapping file, %1 must be %2."
MSG_MAP_COLUMNS: Final = "The mapping file must list 1 to %1 columns."
MSG_MAP_COL_SHAPE: Final = "Column %1 of the mapping must be an object with a header."
MSG_MAP_COL_KEY: Final = "Column %1 of the mapping (%2) has a key it cannot have: %3."
MSG_MAP_COL_TYPE: Final = "Column %1 of the mapping (%2): %3 must be %4."
MSG_MAP_HEADER: Final = "Column %1 of the mapping needs a header: text of 1 to 200 characters, on one line."
MSG_MAP_DUP_HEADER: Final = "Column %1 of the mapping repeats the header %2 (already column %3)."
MSG_MAP_ONE_KIND: Final = "Column %1 of the mapping (%2) must have exactly one of source, value or row_number."
MSG_MAP_UNKNOWN_SOURCE: Final = "Column %1 of the mapping (%2) takes %3, which is not a column of the NEA export."
MSG_MAP_NO_CODES: Final = "Column %1 of the mapping (%2): %3 holds no codes, so it cannot have a code table."
MSG_MAP_BAD_CODE: Final = "Column %1 of the mapping (%2): the code table names %3, which is not a code of %4."
MSG_MAP_ONLY_WITH: Final = "Column %1 of the mapping (%2): %3 goes only with %4."
# what a key must be (the %2 / %4 above)
MSG_T_TEXT: Final = "text of at most %1 characters"
MSG_T_SOURCE: Final = "a column name or a list of 1 to %1 column names"
MSG_T_TRUE: Final = "true"
MSG_T_CODES: Final = "an object giving text for each code (at most %1 codes)"
MSG_T_VERSION: Final = "1"
MSG_T_SHEET: Final = "a sheet name of 1 to 31 characters without : \\ / ? * [ ]"

_TOP_KEYS = frozenset({"mapping_version", "name", "note", "sheet", "list_separator", "columns"})
_COL_KEYS = frozenset({"header", "source", "separator", "value", "row_number", "codes", "otherwise"})
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

# The export's columns that hold codes: a code list, or a fixed set (docs/exports/nea.md).
_CODE_SOURCES: dict[str, str | tuple[str, ...]] = {
    "sex": "sexes", "home_province": "provinces", "desired_province": "provinces",
    "occupation_abroad": "nea_occupations", "desired_job": "nea_occupations", "sector_abroad": "sectors",
    "desired_sector": "sectors", "country_abroad": "countries", "abroad_where": "countries", "skills": "nea_skills",
    "education": "education_levels", "languages": "languages", "abroad_again": ("yes", "no", "maybe"),
    "consent_given_by": ("person", "guardian"), "occupation_abroad_isco": tuple("0123456789"),
    "desired_job_isco": tuple("0123456789"), "education_isced": tuple("012345678"),
}
_LIST_SOURCES = frozenset({"skills", "languages"})


class MappingError(ValidationError):
    """The mapping file is refused: ``msg`` says why (a translatable template and its arguments)."""

    def __init__(self, template: str, *args: str | int | Msg) -> None:
        self.msg = Msg(template, tuple(args))
        super().__init__("mapping", self.msg.english())


@dataclass(frozen=True)
class MappedColumn:
    header: str
    sources: tuple[str, ...] = ()
    separator: str = " "
    value: str | None = None
    row_number: bool = False
    codes: Mapping[str, str] | None = None
    otherwise: str | None = None


@dataclass(frozen=True)
class NeaMapping:
    """A checked mapping: ``headers()`` and ``apply(n, row)`` give NEA's header row and the n-th row's cells."""

    name: str
    sheet: str
    list_separator: str
    columns: tuple[MappedColumn, ...]
    digest: str                       # sha256 of the file's bytes, first 16 hex digits (logged with the export)

    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)

    def apply(self, n: int, row: Mapping[str, Any]) -> list[str]:
        out = []
        for c in self.columns:
            if c.row_number:
                out.append(str(n))
            elif c.value is not None:
                out.append(c.value)
            elif len(c.sources) == 1:
                src = c.sources[0]
                raw = "" if row.get(src) is None else str(row[src])
                if src in _LIST_SOURCES:        # a ;-list: each code translated, joined by the list separator
                    out.append(self.list_separator.join(self._code(c, x) for x in raw.split(";") if x))
                else:
                    out.append(self._code(c, raw) if raw else "")
            else:
                parts = ["" if row.get(s) is None else str(row[s]) for s in c.sources]
                out.append(c.separator.join(p for p in parts if p))
        return out

    @staticmethod
    def _code(c: MappedColumn, code: str) -> str:
        if c.codes is None:
            return code
        if code in c.codes:
            return c.codes[code]
        return code if c.otherwise is None else c.otherwise


def load_mapping(path: str | os.PathLike[str], columns: Sequence[str]) -> NeaMapping:
    """Read and check a mapping file against the export's ``columns``. Raises MappingError, nothing else."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError:
        raise MappingError(MSG_MAP_UNREADABLE) from None
    return parse_mapping(data, columns)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise MappingError(MSG_MAP_DUP_KEY, k[:MAX_TEXT])
        out[k] = v
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(name)          # NaN, Infinity: not JSON


def _text(v: object, *, max_len: int = MAX_TEXT, empty: bool = True) -> bool:
    return isinstance(v, str) and len(v) <= max_len and (empty or bool(v.strip())) and not _CONTROL.search(v)


def parse_mapping(data: bytes, columns: Sequence[str]) -> NeaMapping:
    """Check a mapping file's bytes (see the module's doc). Raises MappingError naming the first problem."""
    if len(data) > MAX_BYTES:
        raise MappingError(MSG_MAP_TOO_BIG, MAX_BYTES // 1024)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MappingError(MSG_MAP_NOT_UTF8) from None
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except MappingError:
        raise
    except json.JSONDecodeError as e:
        raise MappingError(MSG_MAP_NOT_JSON, e.lineno) from None
    except (ValueError, RecursionError):
        raise MappingError(MSG_MAP_NOT_JSON, 1) from None
    if not isinstance(doc, dict) or doc.get("mapping_version") is None or "columns" not in doc:
        raise MappingError(MSG_MAP_SHAPE)
    unknown = sorted(set(doc) - _TOP_KEYS)
    if unknown:
        raise MappingError(MSG_MAP_UNKNOWN_KEY, unknown[0][:MAX_TEXT])
    if doc["mapping_version"] != 1 or isinstance(doc["mapping_version"], bool):
        raise MappingError(MSG_MAP_TOP_TYPE, "mapping_version", Msg(MSG_T_VERSION))
    for key, cap in (("name", MAX_TEXT), ("note", 2000)):
        if key in doc and not (isinstance(doc[key], str) and len(doc[key]) <= cap):
            raise MappingError(MSG_MAP_TOP_TYPE, key, Msg(MSG_T_TEXT, (cap,)))
    sheet = doc.get("sheet", "NEA")
    if not isinstance(sheet, str) or not 1 <= len(sheet) <= 31 or _SHEET_FORBIDDEN.search(sheet) \
            or sheet[0] == "'" or sheet[-1] == "'":
        raise MappingError(MSG_MAP_TOP_TYPE, "sheet", Msg(MSG_T_SHEET))
    list_sep = doc.get("list_separator", ";")
    if not _text(list_sep, max_len=3) or not list_sep:
        raise MappingError(MSG_MAP_TOP_TYPE, "list_separator", Msg(MSG_T_TEXT, (3,)))
    cols = doc["columns"]
    if not isinstance(cols, list) or not 1 <= len(cols) <= MAX_COLUMNS:
        raise MappingError(MSG_MAP_COLUMNS, MAX_COLUMNS)
    known = set(columns)
    out: list[MappedColumn] = []
    seen: dict[str, int] = {}
    for n, c in enumerate(cols, start=1):
        out.append(_column(n, c, known))
        folded = out[-1].header.strip().casefold()
        if folded in seen:
            raise MappingError(MSG_MAP_DUP_HEADER, n, out[-1].header, seen[folded])
        seen[folded] = n
    return NeaMapping(name=doc.get("name", ""), sheet=sheet, list_separator=list_sep, columns=tuple(out),
                      digest=hashlib.sha256(data).hexdigest()[:16])


def _column(n: int, c: object, known: set[str]) -> MappedColumn:
    if not isinstance(c, dict) or "header" not in c:
        raise MappingError(MSG_MAP_COL_SHAPE, n)
    header = c["header"]
    if not _text(header, empty=False):
        raise MappingError(MSG_MAP_HEADER, n)
    unknown = sorted(set(c) - _COL_KEYS)
    if unknown:
        raise MappingError(MSG_MAP_COL_KEY, n, header, unknown[0][:MAX_TEXT])
    kinds = [k for k in ("source", "value", "row_number") if k in c]
    if len(kinds) != 1:
        raise MappingError(MSG_MAP_ONE_KIND, n, header)
    for key, needs in (("codes", "source"), ("otherwise", "codes"), ("separator", "source")):
        if key in c and needs not in c:
            raise MappingError(MSG_MAP_ONLY_WITH, n, header, key, needs)
    if "row_number" in c:
        if c["row_number"] is not True:
            raise MappingError(MSG_MAP_COL_TYPE, n, header, "row_number", Msg(MSG_T_TRUE))
        return MappedColumn(header=header, row_number=True)
    if "value" in c:
        if not _text(c["value"]):
            raise MappingError(MSG_MAP_COL_TYPE, n, header, "value", Msg(MSG_T_TEXT, (MAX_TEXT,)))
        return MappedColumn(header=header, value=c["value"])
    src = c["source"]
    sources = [src] if isinstance(src, str) else src
    if not isinstance(sources, list) or not 1 <= len(sources) <= MAX_JOINED \
            or not all(isinstance(s, str) for s in sources):
        raise MappingError(MSG_MAP_COL_TYPE, n, header, "source", Msg(MSG_T_SOURCE, (MAX_JOINED,)))
    for s in sources:
        if s not in known:
            raise MappingError(MSG_MAP_UNKNOWN_SOURCE, n, header, s[:MAX_TEXT])
    separator = c.get("separator", " ")
    if "separator" in c and not isinstance(src, list):
        raise MappingError(MSG_MAP_ONLY_WITH, n, header, "separator", "source [...]")
    if not _text(separator, max_len=3):
        raise MappingError(MSG_MAP_COL_TYPE, n, header, "separator", Msg(MSG_T_TEXT, (3,)))
    codes = c.get("codes")
    otherwise = c.get("otherwise")
    if codes is not None:
        if len(sources) != 1 or isinstance(src, list):
            raise MappingError(MSG_MAP_ONLY_WITH, n, header, "codes", "source")
        table = _CODE_SOURCES.get(sources[0])
        if table is None:
            raise MappingError(MSG_MAP_NO_CODES, n, header, sources[0])
        if not isinstance(codes, dict) or not 1 <= len(codes) <= MAX_CODES \
                or not all(_text(v) for v in codes.values()):
            raise MappingError(MSG_MAP_COL_TYPE, n, header, "codes", Msg(MSG_T_CODES, (MAX_CODES,)))
        valid = set(table) if isinstance(table, tuple) else {
            x.code for x in codelists.codes(table, include_inactive=True)}
        for code in codes:
            if code not in valid:
                raise MappingError(MSG_MAP_BAD_CODE, n, header, code[:MAX_TEXT], sources[0])
        if otherwise is not None and not _text(otherwise):
            raise MappingError(MSG_MAP_COL_TYPE, n, header, "otherwise", Msg(MSG_T_TEXT, (MAX_TEXT,)))
    return MappedColumn(header=header, sources=tuple(sources), separator=separator,
                        codes=dict(codes) if codes is not None else None, otherwise=otherwise)
