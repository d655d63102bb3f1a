"""MRZ parsing (ICAO 9303): keyboard-wedge input, every check digit, century rules, names, expiry warnings."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkpoint import mrz
from checkpoint.errors import ValidationError
from checkpoint.workflows.registration import RegistrationFlow

# The ICAO specimen passport (spec §5): all five check digits pass.
L1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
L2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
SPECIMEN = L1 + "\n" + L2
BEFORE_EXPIRY = date(2010, 1, 1)

# ICAO 9303 specimens for TD1 and TD2, and the long-document-number examples (part 11, appendix D.2).
TD1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
TD2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"
TD1_LONG = "I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<"
TD2_LONG = "I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<\nD23145890<UTO3407127M95071227349<<<8"


def test_check_digit_worked_example() -> None:
    # spec §5: L898902C3 -> 316 -> 6
    assert mrz.check_digit("L898902C3") == 6
    assert mrz.check_digit("740812") == 2
    assert mrz.check_digit("120415") == 9
    assert mrz.check_digit("<<<<<<<<<<<<<<") == 0


def test_icao_specimen_passport() -> None:
    r = mrz.parse(SPECIMEN, today=BEFORE_EXPIRY)
    assert r.format == "TD3"
    assert r.document_type == "P"
    assert r.issuing_state == "UTO"
    assert r.document_number == "L898902C3"
    assert r.nationality == "UTO"
    assert r.birth_date == date(1974, 8, 12)
    assert r.expiry_date == date(2012, 4, 15)
    assert r.sex == "F"
    assert r.surname == "ERIKSSON"
    assert r.given_names == "ANNA MARIA"
    assert r.personal_number == "ZE184226B"
    assert r.valid is True
    assert r.failed_checks == frozenset()
    assert r.warnings == ()
    assert r.lines == (L1, L2)
    assert "confirm the name" in r.message_en


@pytest.mark.parametrize(
    "text",
    [
        L1 + "\r\n" + L2,
        L1 + "\r" + L2,
        L1 + "\n" + L2 + "\n",
        "\r\n" + L1 + "\r\n\r\n" + L2 + "\r\n",
        "  " + L1 + "  \n\t" + L2 + " ",
        L1[:10] + " " + L1[10:] + "\n" + L2[:20] + "  " + L2[20:],
        L1 + L2,  # one unbroken line of 88
        (L1 + "\n" + L2).lower(),
    ],
)
def test_keyboard_wedge_variants(text: str) -> None:
    r = mrz.parse(text, today=BEFORE_EXPIRY)
    assert (r.valid, r.document_number, r.surname, r.lines) == (True, "L898902C3", "ERIKSSON", (L1, L2))


def _alter(line2: str, pos: int, ch: str) -> str:
    return L1 + "\n" + line2[:pos] + ch + line2[pos + 1 :]


@pytest.mark.parametrize(
    ("pos", "ch", "failed"),
    [
        (0, "M", {"document_number", "composite"}),  # a letter of the document number
        (7, "D", {"document_number", "composite"}),
        (9, "7", {"document_number", "composite"}),  # the check digit itself
        (14, "5", {"birth_date", "composite"}),
        (19, "3", {"birth_date", "composite"}),
        (22, "3", {"expiry_date", "composite"}),
        (27, "8", {"expiry_date", "composite"}),
        (29, "F", {"personal_number", "composite"}),
        (42, "2", {"personal_number", "composite"}),
        (43, "1", {"composite"}),
        (9, "<", {"document_number", "composite"}),  # check digit unreadable
    ],
)
def test_altered_copies_fail_the_right_checks(pos: int, ch: str, failed: set[str]) -> None:
    r = mrz.parse(_alter(L2, pos, ch), today=BEFORE_EXPIRY)
    assert r.failed_checks == frozenset(failed)
    assert r.valid is False
    assert "re-scan" in r.message_en and "type" in r.message_en
    assert "forg" not in r.message_en.lower() and "fake" not in r.message_en.lower()


def test_every_single_digit_change_in_a_checked_field_is_caught() -> None:
    checked = [*range(0, 10), *range(13, 20), *range(21, 44)]
    for pos in checked:
        if not L2[pos].isdigit():
            continue
        for d in "0123456789":
            if d != L2[pos]:
                assert not mrz.parse(_alter(L2, pos, d), today=BEFORE_EXPIRY).valid, (pos, d)


def test_fields_without_a_check_digit_are_not_caught() -> None:
    # Names and nationality have no check digit: a misread passes, which is why the officer confirms them.
    r = mrz.parse(L1.replace("ANNA", "ANNE") + "\n" + L2, today=BEFORE_EXPIRY)
    assert r.valid and r.given_names == "ANNE MARIA"
    r2 = mrz.parse(_alter(L2, 10, "X"), today=BEFORE_EXPIRY)
    assert r2.valid and r2.nationality == "XTO"


def td3(dob: str = "740812", expiry: str = "120415", sex: str = "F", number: str = "L898902C3",
        personal: str = "ZE184226B<<<<<", names: str = "ERIKSSON<<ANNA<MARIA") -> str:
    """A TD3 MRZ with correct check digits for the given fields."""
    line1 = ("P<UTO" + names + "<" * 39)[:44]
    pcd = "<" if personal == "<" * 14 else str(mrz.check_digit(personal))
    body = f"{number}{mrz.check_digit(number)}UTO{dob}{mrz.check_digit(dob)}{sex}{expiry}{mrz.check_digit(expiry)}"
    body += personal + pcd
    comp = mrz.check_digit(body[0:10] + body[13:20] + body[21:43])
    return line1 + "\n" + body + str(comp)


def test_helper_reproduces_the_specimen() -> None:
    assert td3() == SPECIMEN


@pytest.mark.parametrize(
    ("dob", "today", "expected"),
    [
        ("740812", date(2026, 11, 22), date(1974, 8, 12)),
        ("000229", date(2026, 11, 22), date(2000, 2, 29)),  # 2000 is a leap year
        ("251122", date(2026, 11, 22), date(2025, 11, 22)),
        ("261122", date(2026, 11, 22), date(2026, 11, 22)),  # born today
        ("261123", date(2026, 11, 22), date(1926, 11, 23)),  # tomorrow in 20YY is the future: 19YY
        ("991231", date(2026, 11, 22), date(1999, 12, 31)),
        ("100101", date(2009, 12, 31), date(1910, 1, 1)),
    ],
)
def test_birth_date_century(dob: str, today: date, expected: date) -> None:
    assert mrz.parse(td3(dob=dob), today=today).birth_date == expected


@pytest.mark.parametrize(
    ("expiry", "today", "expected", "warnings"),
    [
        ("330101", date(2026, 11, 22), date(2033, 1, 1), ()),
        ("120415", date(2026, 11, 22), date(2012, 4, 15), ("expired",)),
        ("261121", date(2026, 11, 22), date(2026, 11, 21), ("expired",)),  # yesterday
        ("261122", date(2026, 11, 22), date(2026, 11, 22), ("expires_within_6_months",)),  # today
        ("270521", date(2026, 11, 22), date(2027, 5, 21), ("expires_within_6_months",)),
        ("270522", date(2026, 11, 22), date(2027, 5, 22), ()),  # exactly 6 months ahead
        ("260831", date(2026, 2, 28), date(2026, 8, 31), ()),  # 6 months after 28 Feb is 28 Aug
        ("260827", date(2026, 2, 28), date(2026, 8, 27), ("expires_within_6_months",)),
        ("990101", date(2026, 11, 22), date(1999, 1, 1), ("expired",)),  # 2099 is over 50 years ahead
        ("760101", date(2026, 11, 22), date(2076, 1, 1), ()),
    ],
)
def test_expiry_century_and_warnings(expiry: str, today: date, expected: date, warnings: tuple[str, ...]) -> None:
    r = mrz.parse(td3(expiry=expiry), today=today)
    assert r.expiry_date == expected
    assert r.warnings == warnings
    assert r.valid is True  # an expired document still reads correctly


def test_default_clock_is_today() -> None:
    assert "expired" in mrz.parse(SPECIMEN).warnings


@pytest.mark.parametrize(
    ("kwargs", "field", "warning"),
    [
        ({"dob": "741312"}, "birth_date", "birth_date_invalid"),
        ({"dob": "740230"}, "birth_date", "birth_date_invalid"),
        ({"expiry": "121345"}, "expiry_date", "expiry_date_invalid"),
    ],
)
def test_impossible_dates_are_not_valid(kwargs: dict[str, str], field: str, warning: str) -> None:
    r = mrz.parse(td3(**kwargs), today=BEFORE_EXPIRY)
    assert getattr(r, field) is None
    assert warning in r.warnings
    assert r.failed_checks == frozenset()  # the check digits match what was printed
    assert r.valid is False


def test_unknown_day_of_birth() -> None:
    r = mrz.parse(td3(dob="7408<<"), today=BEFORE_EXPIRY)
    assert r.birth_date is None and "birth_date_incomplete" in r.warnings
    assert r.valid is True


@pytest.mark.parametrize(("ch", "sex", "warn"), [("F", "F", False), ("M", "M", False), ("X", "X", False),
                                                 ("<", "UNKNOWN", False), ("Q", "UNKNOWN", True)])
def test_sex(ch: str, sex: str, warn: bool) -> None:
    r = mrz.parse(td3(sex=ch), today=BEFORE_EXPIRY)
    assert r.sex == sex
    assert ("sex_unreadable" in r.warnings) is warn


@pytest.mark.parametrize(
    ("names", "surname", "given", "warning"),
    [
        ("ERIKSSON<<ANNA<MARIA", "ERIKSSON", "ANNA MARIA", None),
        ("VAN<DER<BERG<<JAN", "VAN DER BERG", "JAN", None),
        ("SOK", "SOK", "", "no_given_names_separator"),
        ("CHAN<<SREY<<MOM", "CHAN", "SREY MOM", None),
        ("S0K<<DARA", "S0K", "DARA", "name_has_digits"),
        ("A" * 20 + "<<" + "B" * 17, "A" * 20, "B" * 17, "name_may_be_truncated"),
    ],
)
def test_names(names: str, surname: str, given: str, warning: str | None) -> None:
    r = mrz.parse(td3(names=names), today=BEFORE_EXPIRY)
    assert (r.surname, r.given_names) == (surname, given)
    if warning:
        assert warning in r.warnings


@pytest.mark.parametrize("check", ["<", "0"])
def test_empty_personal_number_check_may_be_filler_or_zero(check: str) -> None:
    text = td3(personal="<" * 14)
    line2 = text.split("\n")[1]
    line2 = line2[:42] + check + line2[43:]
    comp = mrz.check_digit(line2[0:10] + line2[13:20] + line2[21:43])
    r = mrz.parse(text.split("\n")[0] + "\n" + line2[:43] + str(comp), today=BEFORE_EXPIRY)
    assert r.valid and r.personal_number == ""


def test_td1_and_td2_specimens() -> None:
    for text, fmt in ((TD1, "TD1"), (TD2, "TD2")):
        r = mrz.parse(text, today=BEFORE_EXPIRY)
        assert r.format == fmt and r.valid, fmt
        assert (r.document_type, r.issuing_state, r.document_number) == ("I", "UTO", "D23145890")
        assert (r.surname, r.given_names, r.sex) == ("ERIKSSON", "ANNA MARIA", "F")
        assert (r.birth_date, r.expiry_date) == (date(1974, 8, 12), date(2012, 4, 15))


def test_long_document_numbers() -> None:
    for text in (TD1_LONG, TD2_LONG, TD1_LONG.replace("\n", "")):
        r = mrz.parse(text, today=BEFORE_EXPIRY)
        assert r.valid, text
        assert r.document_number == "D23145890734"
        assert (r.surname, r.given_names, r.sex) == ("STEVENSON", "PETER JOHN", "M")
        assert r.birth_date == date(1934, 7, 12)


def test_td1_altered_copies() -> None:
    lines = TD1.split("\n")
    bad_number = "\n".join([lines[0][:14] + "8" + lines[0][15:], lines[1], lines[2]])
    assert mrz.parse(bad_number, today=BEFORE_EXPIRY).failed_checks == {"document_number", "composite"}
    bad_comp = "\n".join([lines[0], lines[1][:29] + "5", lines[2]])
    assert mrz.parse(bad_comp, today=BEFORE_EXPIRY).failed_checks == {"composite"}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \r\n  ",
        L1,  # one line of 44
        L1 + "\n" + L2[:-1],  # 44 + 43
        L1 + "\n" + L2 + "X",
        L1 + "\n" + L2 + "\n" + L2,
        L1 + "\n" + L2.replace("<", "«"),
        L1 + "\n" + L2.replace("F", "ฟ"),  # Thai keyboard layout left on
        L1.replace("ERIKSSON", "ERIKSSÖN") + "\n" + L2,
        L1 + "\n" + L2.replace("<", "-"),
        "V" + L1[1:] + "\n" + L2,  # visa
        "I" + L1[1:] + "\n" + L2,  # 2 x 44 that is not a passport
        "x" * 600,
    ],
)
def test_malformed_input_raises_validation_error(text: str) -> None:
    with pytest.raises(ValidationError) as e:
        mrz.parse(text, today=BEFORE_EXPIRY)
    assert e.value.field == "mrz"


@pytest.mark.parametrize("junk", [None, b"P<UTO", 42, ["P<UTO"]])
def test_non_text_raises_validation_error(junk: Any) -> None:
    with pytest.raises(ValidationError):
        mrz.parse(junk)


def test_to_dict_is_json() -> None:
    d = json.loads(json.dumps(mrz.parse(SPECIMEN, today=BEFORE_EXPIRY).to_dict()))
    assert d["birth_date"] == "1974-08-12" and d["failed_checks"] == [] and d["format"] == "TD3"


# ---- properties -------------------------------------------------------------------------------------------

MRZ_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"


def _outcome(text: str) -> None:
    try:
        r = mrz.parse(text, today=date(2026, 11, 22))
    except ValidationError:
        return
    assert isinstance(r, mrz.MRZResult)
    bad_dates = {"birth_date_invalid", "expiry_date_invalid", "expiry_date_incomplete"}
    assert r.valid == (not r.failed_checks and not bad_dates & set(r.warnings))


@settings(max_examples=600, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_a_result_or_a_validation_error(text: str) -> None:
    _outcome(text)


@st.composite
def shaped(draw: Any) -> str:
    n, width = draw(st.sampled_from([(2, 44), (2, 36), (3, 30)]))
    lines = [draw(st.text(alphabet=MRZ_CHARS, min_size=width, max_size=width)) for _ in range(n)]
    if n == 2 and width == 44:
        lines[0] = "P" + lines[0][1:]
    sep = draw(st.sampled_from(["\n", "\r\n", "\r", " \n ", ""]))
    return str(sep.join(lines))


@settings(max_examples=600, deadline=None)
@given(shaped())
def test_any_well_shaped_mrz_parses_without_crashing(text: str) -> None:
    _outcome(text)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=43), st.sampled_from(MRZ_CHARS))
def test_any_single_change_is_still_handled(pos: int, ch: str) -> None:
    _outcome(_alter(L2, pos, ch))



def test_a_nationality_outside_the_country_list_is_left_for_the_officer_not_stored_as_another_country() -> None:
    flow = RegistrationFlow(now=datetime(2026, 11, 22, 1, tzinfo=UTC))
    flow.person["citizenship"] = "THA"                 # typed before the scan: the scan's answer replaces it
    flow.apply_mrz(SPECIMEN + "\n")                           # the ICAO specimen: nationality and issuing state "UTO"
    assert flow.person["family_name"] == "ERIKSSON"
    assert "citizenship" not in flow.person and "document_issuing_state" not in flow.person
    assert flow.mrz_result is not None
    assert flow.mrz_result["unknown_nationality"] == "UTO"
    assert flow.mrz_result["unknown_country_codes"] == ["UTO"]


def test_icao_only_codes_name_their_country() -> None:
    flow = RegistrationFlow(now=datetime(2026, 11, 22, 1, tzinfo=UTC))
    flow.apply_mrz(SPECIMEN.replace("P<UTO", "P<D<<").replace("36UTO", "36D<<"))
    assert flow.person["citizenship"] == "DEU" and flow.person["document_issuing_state"] == "DEU"
    assert flow.mrz_result is not None and flow.mrz_result["unknown_nationality"] is None
