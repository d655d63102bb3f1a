"""Recovery codes: printable, >= 128 random bits, forgiving to type, and typos caught before unwrapping."""

import re
from collections import Counter

import pytest

from checkpoint.crypto import (
    KdfParams,
    generate_recovery_code,
    new_data_key,
    normalize_recovery_code,
    unwrap_key,
    wrap_key,
)
from checkpoint.errors import DecryptionFailed, ValidationError

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SYMBOL = f"[{CROCKFORD}]"
CODE_RE = re.compile(rf"{SYMBOL}{{4}}(-{SYMBOL}{{4}}){{6}}")
BODY = 26  # random symbols; the last 2 of the 28 are check symbols
CTX = b"store-7f3a/slot:recovery"


def symbols(code: str) -> str:
    return code.replace("-", "")


def with_symbol(code: str, i: int, ch: str) -> str:
    s = symbols(code)
    return s[:i] + ch + s[i + 1 :]


@pytest.fixture(scope="module")
def codes() -> list[str]:
    return [generate_recovery_code() for _ in range(300)]


def test_code_is_seven_groups_of_four_crockford_symbols(codes: list[str]) -> None:
    for code in codes:
        assert CODE_RE.fullmatch(code), code


def test_codes_carry_at_least_128_random_bits(codes: list[str]) -> None:
    # 26 free symbols of 5 bits = 130 bits, if every body position is uniform over all 32 symbols.
    assert len(set(codes)) == len(codes)
    bodies = [symbols(c)[:BODY] for c in codes]
    for pos in range(BODY):
        seen = {b[pos] for b in bodies}
        assert len(seen) >= 24, f"position {pos} only ever holds {sorted(seen)}"
    # 300 * 26 = 7800 draws, 243.75 expected per symbol, sd ~15.4: +-6 sd bounds.
    counts = Counter("".join(bodies))
    assert set(counts) == set(CROCKFORD)
    assert all(150 <= n <= 340 for n in counts.values()), counts


def test_normalising_a_printed_code_returns_it_unchanged(codes: list[str]) -> None:
    for code in codes[:20]:
        assert normalize_recovery_code(code) == code


@pytest.fixture(scope="module")
def code_with_0_and_1(codes: list[str]) -> str:
    return next(c for c in codes if "0" in c and "1" in c)


def test_normalisation_forgives_case_spaces_dashes_and_look_alikes(code_with_0_and_1: str) -> None:
    code = code_with_0_and_1
    typed_variants = [
        code.lower(),
        symbols(code),
        " ".join(code.split("-")),
        "  " + symbols(code).lower()[:10] + " - " + symbols(code).lower()[10:] + "\n",
        code.replace("0", "O"),
        code.replace("0", "o"),
        code.replace("1", "I"),
        code.replace("1", "i"),
        code.replace("1", "L"),
        code.replace("1", "l"),
        code.replace("-", "\u2013"),  # en dash from a word processor
        code.replace("-", " ").translate({ord(c): ord(c) + 0xFEE0 for c in CROCKFORD}),  # full-width
    ]
    for typed in typed_variants:
        assert normalize_recovery_code(typed) == code, typed


@pytest.mark.parametrize("bad", ["U", "*", "\u17e0", "_", "."])
def test_characters_outside_the_alphabet_are_refused(codes: list[str], bad: str) -> None:
    with pytest.raises(ValidationError, match="character") as e:
        normalize_recovery_code(with_symbol(codes[0], 5, bad))
    assert e.value.field == "recovery_code"


@pytest.mark.parametrize("edit", ["drop", "add", "empty", "huge"])
def test_wrong_length_is_refused(codes: list[str], edit: str) -> None:
    s = symbols(codes[0])
    typed = {"drop": s[:-1], "add": s + "0", "empty": "", "huge": s * 100}[edit]
    with pytest.raises(ValidationError) as e:
        normalize_recovery_code(typed)
    assert e.value.field == "recovery_code"


def test_every_single_symbol_typo_is_caught(codes: list[str]) -> None:
    code = codes[1]
    s = symbols(code)
    for i in range(len(s)):
        for ch in CROCKFORD:
            if ch != s[i]:
                with pytest.raises(ValidationError, match="typo"):
                    normalize_recovery_code(with_symbol(code, i, ch))


def test_every_swap_of_neighbouring_symbols_is_caught(codes: list[str]) -> None:
    for code in codes[:10]:
        s = symbols(code)
        for i in range(len(s) - 1):
            if s[i] != s[i + 1]:
                swapped = s[:i] + s[i + 1] + s[i] + s[i + 2 :]
                with pytest.raises(ValidationError):
                    normalize_recovery_code(swapped)


def test_messages_never_repeat_the_code(codes: list[str]) -> None:
    code = codes[2]
    typo = with_symbol(code, 0, "Z" if code[0] != "Z" else "Y")
    for typed in (with_symbol(code, 3, "U"), symbols(code)[:-1], typo):
        with pytest.raises(ValidationError) as e:
            normalize_recovery_code(typed)
        message = str(e.value)
        assert not any(group in message for group in code.split("-")), message


def test_refuses_non_text() -> None:
    with pytest.raises(ValidationError):
        normalize_recovery_code(b"ABCD-EFGH")  # type: ignore[arg-type]


def test_data_key_wrapped_under_a_code_unwraps_with_the_code_as_a_user_types_it(codes: list[str]) -> None:
    key = new_data_key()
    code = codes[3]
    blob = wrap_key(key, normalize_recovery_code(code), context=CTX, params=KdfParams.fast())
    typed = " ".join(code.lower().split("-")).replace("0", "o").replace("1", "l")
    assert unwrap_key(blob, normalize_recovery_code(typed), context=CTX) == key
    with pytest.raises(DecryptionFailed):
        unwrap_key(blob, normalize_recovery_code(codes[4]), context=CTX)
