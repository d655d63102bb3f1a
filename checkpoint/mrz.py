"""Parse the machine-readable zone (MRZ) of a passport or ID card, as a document reader types it (ICAO 9303).

Reads TD3 (passports, 2 x 44), TD2 (2 x 36) and TD1 (ID cards, 3 x 30). The input may be split by CR, LF
or CRLF, carry stray spaces or tabs, or arrive as one unbroken line; ASCII lower case is read as upper case.
Every check digit is verified; a failed check means "re-scan or type manually", never that the document is
false. Names have no check digit: always show them to the officer to confirm.

    >>> r = parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\r\\n"
    ...           "L898902C36UTO7408122F1204159ZE184226B<<<<<10", today=date(2010, 1, 1))
    >>> r.valid, r.document_number, r.surname, r.given_names, r.birth_date
    (True, 'L898902C3', 'ERIKSSON', 'ANNA MARIA', datetime.date(1974, 8, 12))

Raises :class:`checkpoint.errors.ValidationError` (field ``mrz``) for input that is not an MRZ at all: wrong
number or length of lines, characters outside A-Z, 0-9 and ``<``, or a visa MRZ (not supported).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date
from typing import Any

from checkpoint.errors import ValidationError

__all__ = ["MRZResult", "check_digit", "parse"]

MAX_INPUT_CHARS = 512
_SHAPES = {(2, 44): "TD3", (2, 36): "TD2", (3, 30): "TD1"}
_ONE_LINE = {88: (2, 44), 72: (2, 36), 90: (3, 30)}
_ALPHABET = frozenset(string.ascii_uppercase + string.digits + "<")
_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
_WEIGHTS = (7, 3, 1)
_SEX = {"F": "F", "M": "M", "X": "X", "<": "UNKNOWN"}

MESSAGE_OK = "All check digits match. Names have no check digit: confirm the name with the person."
MESSAGE_FAILED = "Some check digits do not match: re-scan the document or type the details manually."


def check_digit(field: str) -> int:
    """Return the ICAO 9303 check digit of a field (weights 7, 3, 1; A=10 ... Z=35; ``<`` = 0).

        >>> check_digit("L898902C3")
        6

    Raises ValidationError for characters outside A-Z, 0-9 and ``<``.
    """
    total = 0
    for i, ch in enumerate(field):
        if ch not in _ALPHABET:
            raise ValidationError("mrz", "contains characters other than A-Z, 0-9 and <")
        value = int(ch) if ch.isdigit() else (ord(ch) - 55 if ch != "<" else 0)
        total += value * _WEIGHTS[i % 3]
    return total % 10


@dataclass(frozen=True)
class MRZResult:
    """What an MRZ says, and whether its check digits match.

    ``birth_date`` and ``expiry_date`` are None when the field is not a real date (see ``warnings``).
    ``sex`` is "F", "M", "X" or "UNKNOWN" (``<``). ``personal_number`` is the TD3 personal number, or the
    first optional data field of TD1/TD2; ``optional_data`` is the TD1 second optional field. ``warnings``
    holds codes such as "expired", "expires_within_6_months", "birth_date_invalid",
    "birth_date_incomplete", "expiry_date_invalid", "expiry_date_incomplete", "sex_unreadable",
    "name_may_be_truncated", "name_has_digits", "no_given_names_separator".

    ``valid`` is True when every check digit matches and the expiry (and any complete birth date) is a real
    date; an expired document can be valid. ``failed_checks`` names the checks that failed.
    """

    format: str
    document_type: str
    issuing_state: str
    document_number: str
    nationality: str
    birth_date: date | None
    expiry_date: date | None
    sex: str
    surname: str
    given_names: str
    personal_number: str
    optional_data: str
    valid: bool
    failed_checks: frozenset[str]
    warnings: tuple[str, ...]
    lines: tuple[str, ...]

    @property
    def message_en(self) -> str:
        """A sentence for the officer: confirm the name, or re-scan / type manually."""
        return MESSAGE_OK if self.valid else MESSAGE_FAILED

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable record (dates as ISO strings).

            >>> parse("I<UTOD231458907<<<<<<<<<<<<<<<\\n7408122F1204159UTO<<<<<<<<<<<6\\n"
            ...       "ERIKSSON<<ANNA<MARIA<<<<<<<<<<", today=date(2010, 1, 1)).to_dict()["format"]
            'TD1'
        """
        return {
            "format": self.format,
            "document_type": self.document_type,
            "issuing_state": self.issuing_state,
            "document_number": self.document_number,
            "nationality": self.nationality,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "sex": self.sex,
            "surname": self.surname,
            "given_names": self.given_names,
            "personal_number": self.personal_number,
            "optional_data": self.optional_data,
            "valid": self.valid,
            "failed_checks": sorted(self.failed_checks),
            "warnings": list(self.warnings),
            "lines": list(self.lines),
        }


def _lines(text: object) -> tuple[str, tuple[str, ...]]:
    if not isinstance(text, str):
        raise ValidationError("mrz", "must be text")
    if len(text) > MAX_INPUT_CHARS:
        raise ValidationError("mrz", f"is longer than {MAX_INPUT_CHARS} characters")
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = "".join(raw.split()).translate(_UPPER)
        if line:
            lines.append(line)
    if not lines:
        raise ValidationError("mrz", "is empty")
    if len(lines) == 1 and len(lines[0]) in _ONE_LINE:
        n, width = _ONE_LINE[len(lines[0])]
        lines = [lines[0][i * width : (i + 1) * width] for i in range(n)]
    for i, line in enumerate(lines, 1):
        if not set(line) <= _ALPHABET:
            raise ValidationError("mrz", f"line {i} contains characters other than A-Z, 0-9 and <")
    shape = (len(lines), len(lines[0]))
    fmt = _SHAPES.get(shape)
    if fmt is None or any(len(line) != shape[1] for line in lines):
        got = " + ".join(str(len(line)) for line in lines)
        raise ValidationError(
            "mrz", f"expected 2 lines of 44 (passport), 2 of 36 or 3 of 30 characters; got {got}: re-scan"
        )
    return fmt, tuple(lines)


def _ok(field: str, digit: str) -> bool:
    return digit.isdigit() and check_digit(field) == int(digit)


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def _ymd(field: str, warnings: list[str], name: str) -> tuple[int, int, int] | None:
    if "<" in field:
        warnings.append(f"{name}_incomplete")
        return None
    if not field.isdigit():
        warnings.append(f"{name}_invalid")
        return None
    return int(field[:2]), int(field[2:4]), int(field[4:])


def _birth(field: str, today: date, warnings: list[str]) -> date | None:
    ymd = _ymd(field, warnings, "birth_date")
    if ymd is None:
        return None
    yy, mm, dd = ymd
    for century in (2000, 1900):  # the most recent century that puts the date in the past
        try:
            d = date(century + yy, mm, dd)
        except ValueError:
            continue
        if d <= today:
            return d
    warnings.append("birth_date_invalid")
    return None


def _expiry(field: str, today: date, warnings: list[str]) -> date | None:
    ymd = _ymd(field, warnings, "expiry_date")
    if ymd is None:
        return None
    yy, mm, dd = ymd
    year = 2000 + yy if 2000 + yy <= today.year + 50 else 1900 + yy
    try:
        d = date(year, mm, dd)
    except ValueError:
        warnings.append("expiry_date_invalid")
        return None
    if d < today:
        warnings.append("expired")
    elif d < _add_months(today, 6):
        warnings.append("expires_within_6_months")
    return d


def _names(field: str, warnings: list[str]) -> tuple[str, str]:
    if field[-1] != "<":
        warnings.append("name_may_be_truncated")
    if any(ch.isdigit() for ch in field):
        warnings.append("name_has_digits")
    body = field.rstrip("<")
    primary, sep, rest = body.partition("<<")
    if not sep:
        warnings.append("no_given_names_separator")
    surname = " ".join(p for p in primary.split("<") if p)
    given = " ".join(p for p in rest.split("<") if p)
    return surname, given


def _long_number(head: str, digit: str, optional: str) -> tuple[str, str, str]:
    """Document numbers longer than 9: ``<`` in the check position, the rest + check digit in optional data."""
    if digit == "<" and optional[:1] not in ("", "<"):
        ext = optional.split("<", 1)[0]
        rest = optional[len(ext) :]
        return head + ext[:-1], ext[-1], rest
    return head, digit, optional


def parse(text: str, *, today: date | None = None) -> MRZResult:
    """Parse an MRZ typed by a keyboard-wedge reader and check every check digit.

        >>> parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\n"
        ...       "L898902C36UTO7408122F1204159ZE184226B<<<<<11").failed_checks
        frozenset({'composite'})

    ``today`` (default: the current date) sets the century rules and expiry warnings: a birth date takes the
    most recent century that puts it in the past; an expiry date is 20YY unless that is more than 50 years
    ahead. A failed check is reported in ``failed_checks`` with ``valid`` False: re-scan or type manually.

    Raises ValidationError for malformed input (not text, too long, wrong number or length of lines,
    characters outside A-Z 0-9 <, a TD3 line that is not a passport, a visa MRZ).
    """
    fmt, lines = _lines(text)
    now = today if today is not None else date.today()
    if lines[0][0] == "V":
        raise ValidationError("mrz", "visa MRZ is not supported: type the details manually")
    if fmt == "TD3" and lines[0][0] != "P":
        raise ValidationError("mrz", "a 2 x 44 MRZ must start with P (passport): re-scan")
    failed: set[str] = set()
    warnings: list[str] = []

    if fmt == "TD3":
        l1, l2 = lines
        names_field, number, number_cd = l1[5:44], l2[0:9], l2[9]
        nationality, dob, dob_cd, sex, exp, exp_cd = l2[10:13], l2[13:19], l2[19], l2[20], l2[21:27], l2[27]
        personal, personal_cd, optional = l2[28:42], l2[42], ""
        composite_src, composite_cd = l2[0:10] + l2[13:20] + l2[21:43], l2[43]
        if not (personal_cd == "<" and personal == "<" * 14) and not _ok(personal, personal_cd):
            failed.add("personal_number")
    elif fmt == "TD2":
        l1, l2 = lines
        names_field = l1[5:36]
        number, number_cd, personal = _long_number(l2[0:9], l2[9], l2[28:35])
        nationality, dob, dob_cd, sex, exp, exp_cd = l2[10:13], l2[13:19], l2[19], l2[20], l2[21:27], l2[27]
        optional = ""
        composite_src, composite_cd = l2[0:10] + l2[13:20] + l2[21:35], l2[35]
    else:
        l1, l2, l3 = lines
        names_field = l3
        number, number_cd, personal = _long_number(l1[5:14], l1[14], l1[15:30])
        dob, dob_cd, sex, exp, exp_cd, nationality = l2[0:6], l2[6], l2[7], l2[8:14], l2[14], l2[15:18]
        optional = l2[18:29]
        composite_src, composite_cd = l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29], l2[29]

    if not _ok(number, number_cd):
        failed.add("document_number")
    if not _ok(dob, dob_cd):
        failed.add("birth_date")
    if not _ok(exp, exp_cd):
        failed.add("expiry_date")
    if not _ok(composite_src, composite_cd):
        failed.add("composite")

    birth = _birth(dob, now, warnings)
    expiry = _expiry(exp, now, warnings)
    if sex not in _SEX:
        warnings.append("sex_unreadable")
    surname, given = _names(names_field, warnings)
    bad_dates = {"birth_date_invalid", "expiry_date_invalid", "expiry_date_incomplete"} & set(warnings)
    return MRZResult(
        format=fmt,
        document_type=l1[0:2].rstrip("<"),
        issuing_state=l1[2:5].strip("<"),
        document_number=number.rstrip("<"),
        nationality=nationality.strip("<"),
        birth_date=birth,
        expiry_date=expiry,
        sex=_SEX.get(sex, "UNKNOWN"),
        surname=surname,
        given_names=given,
        personal_number=personal.strip("<"),
        optional_data=optional.strip("<"),
        valid=not failed and not bad_dates,
        failed_checks=frozenset(failed),
        warnings=tuple(warnings),
        lines=lines,
    )
