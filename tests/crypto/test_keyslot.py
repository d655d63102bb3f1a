"""Key slots: a data key wrapped under a passphrase (CPKW), its KDF parameters, and rewrapping."""

import struct

import pytest
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

import checkpoint.crypto.keyslot as keyslot
from checkpoint.crypto import KdfParams, derive_key, kdf_params_of, new_data_key, unwrap_key, wrap_key
from checkpoint.errors import DecryptionFailed, UnsupportedFormat, ValidationError

FAST = KdfParams.fast()
CTX = b"store-7f3a/slot:user:dara"
PASS = "correct horse battery staple"

# Layout of a version-1 wrapped key.
MAGIC, VERSION, SUITE = slice(0, 4), 4, 5
PARAMS = slice(6, 18)
BLOB_LEN = 94


@pytest.fixture(scope="module")
def key() -> bytes:
    return new_data_key()


@pytest.fixture(scope="module")
def blob(key: bytes) -> bytes:
    return wrap_key(key, PASS, context=CTX, params=FAST)


def flipped(blob: bytes, i: int, mask: int) -> bytes:
    return blob[:i] + bytes([blob[i] ^ mask]) + blob[i + 1 :]


def with_params(blob: bytes, memory_kib: int, iterations: int, lanes: int) -> bytes:
    return blob[:6] + struct.pack(">III", memory_kib, iterations, lanes) + blob[18:]


@pytest.fixture
def no_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any Argon2id run fail the test: proves a blob is refused before the expensive work."""

    def refuse(**_: object) -> None:
        raise AssertionError("Argon2id ran on a blob that should have been refused first")

    monkeypatch.setattr(keyslot, "Argon2id", refuse)


# --- KDF parameters --------------------------------------------------------------------------------


def test_default_kdf_params_are_the_ones_in_design_md() -> None:
    # DESIGN.md §2/§6: Argon2id at 64 MiB / t=3 / p=4.
    p = KdfParams()
    assert (p.memory_kib, p.iterations, p.lanes) == (64 * 1024, 3, 4)


def test_wrap_key_uses_the_default_params_when_none_are_given(key: bytes) -> None:
    blob = wrap_key(key, PASS, context=CTX)
    assert kdf_params_of(blob) == KdfParams(memory_kib=65536, iterations=3, lanes=4)
    assert unwrap_key(blob, PASS, context=CTX) == key


def test_fast_params_are_weak_but_valid_argon2id() -> None:
    assert FAST.iterations == 1
    assert 8 * FAST.lanes <= FAST.memory_kib <= 1024
    assert KdfParams() != FAST


@pytest.mark.parametrize(
    ("memory_kib", "iterations", "lanes"),
    [
        (2**20 + 1, 1, 1),  # over 1 GiB
        (1024, 21, 4),  # over 20 passes
        (1024, 1, 17),  # over 16 lanes
        (1024, 0, 4),  # below Argon2 minimums
        (1024, 1, 0),
        (31, 1, 4),  # memory < 8 * lanes
        (7, 1, 1),
    ],
)
def test_kdf_params_outside_limits_are_refused(memory_kib: int, iterations: int, lanes: int) -> None:
    with pytest.raises(ValidationError) as e:
        KdfParams(memory_kib=memory_kib, iterations=iterations, lanes=lanes)
    assert e.value.field == "kdf_params"


def test_kdf_params_must_be_ints() -> None:
    with pytest.raises(ValidationError):
        KdfParams(memory_kib=1024.0, iterations=1, lanes=1)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        KdfParams(memory_kib=1024, iterations=True, lanes=1)


def test_kdf_params_of_reads_back_what_was_written(key: bytes) -> None:
    params = KdfParams(memory_kib=2048, iterations=2, lanes=2)
    assert kdf_params_of(wrap_key(key, PASS, context=CTX, params=params)) == params


# --- derive_key ----------------------------------------------------------------------------------


def test_derive_key_is_argon2id_with_the_given_params() -> None:
    salt = bytes(range(16))
    expected = Argon2id(salt=salt, length=32, iterations=2, lanes=2, memory_cost=256).derive(b"pass")
    assert derive_key("pass", salt, KdfParams(memory_kib=256, iterations=2, lanes=2)) == expected


def test_derive_key_depends_on_passphrase_salt_and_params() -> None:
    salt = bytes(16)
    base = derive_key("pass", salt, FAST)
    assert derive_key("pass", salt, FAST) == base
    assert derive_key("pasS", salt, FAST) != base
    assert derive_key("pass", b"\x01" + bytes(15), FAST) != base
    assert derive_key("pass", salt, KdfParams(memory_kib=1024, iterations=2, lanes=4)) != base


def test_derive_key_normalises_the_passphrase_to_nfc() -> None:
    composed, decomposed = "caf\u00e9", "cafe\u0301"
    assert composed != decomposed
    assert derive_key(composed, bytes(16), FAST) == derive_key(decomposed, bytes(16), FAST)


@pytest.mark.parametrize(
    ("passphrase", "salt", "field"),
    [
        ("", bytes(16), "passphrase"),
        ("\ud800", bytes(16), "passphrase"),  # lone surrogate: not encodable
        (b"bytes", bytes(16), "passphrase"),
        ("pass", bytes(15), "salt"),
        ("pass", "salt-as-text-16b", "salt"),
    ],
)
def test_derive_key_refuses_bad_input(passphrase: object, salt: object, field: str) -> None:
    with pytest.raises(ValidationError) as e:
        derive_key(passphrase, salt, FAST)  # type: ignore[arg-type]
    assert e.value.field == field


# --- wrap / unwrap ---------------------------------------------------------------------------------


def test_round_trip(key: bytes, blob: bytes) -> None:
    assert len(blob) == BLOB_LEN
    assert blob[MAGIC] == b"CPKW" and blob[VERSION] == 1 and blob[SUITE] == 1
    assert unwrap_key(blob, PASS, context=CTX) == key
    assert key not in blob


def test_each_wrap_uses_a_fresh_salt_and_nonce(key: bytes, blob: bytes) -> None:
    again = wrap_key(key, PASS, context=CTX, params=FAST)
    assert again[18:34] != blob[18:34]  # salt
    assert again[34:46] != blob[34:46]  # nonce
    assert unwrap_key(again, PASS, context=CTX) == key


def test_khmer_and_nfc_variant_passphrases_unwrap(key: bytes) -> None:
    khmer = "ពាក្យសម្ងាត់ ១២៣"
    assert unwrap_key(wrap_key(key, khmer, context=CTX, params=FAST), khmer, context=CTX) == key
    blob = wrap_key(key, "caf\u00e9 au lait", context=CTX, params=FAST)
    assert unwrap_key(blob, "cafe\u0301 au lait", context=CTX) == key


@pytest.mark.parametrize("wrong", [PASS + " ", PASS.upper(), "correct horse battery stapl", "x"])
def test_wrong_passphrase_fails(blob: bytes, wrong: str) -> None:
    with pytest.raises(DecryptionFailed):
        unwrap_key(blob, wrong, context=CTX)


@pytest.mark.parametrize("wrong", [b"store-7f3a/slot:user:sokha", CTX + b"\x00", CTX[:-1], b"x"])
def test_wrong_context_fails(blob: bytes, wrong: bytes) -> None:
    with pytest.raises(DecryptionFailed):
        unwrap_key(blob, PASS, context=wrong)


def test_every_byte_flipped_is_refused(blob: bytes) -> None:
    for i in range(len(blob)):
        for mask in (0x01, 0xFF):
            bad = flipped(blob, i, mask)
            if i < 6:  # magic, version, suite
                expected: tuple[type[Exception], ...] = (UnsupportedFormat,)
            elif i < PARAMS.stop:  # absurd params are refused, plausible ones change the key and the AAD
                expected = (UnsupportedFormat, DecryptionFailed)
            else:  # salt, nonce, ciphertext, tag
                expected = (DecryptionFailed,)
            with pytest.raises(expected):
                unwrap_key(bad, PASS, context=CTX)


def test_truncated_at_every_length_is_refused(blob: bytes, no_kdf: None) -> None:
    for n in range(len(blob)):
        with pytest.raises(UnsupportedFormat if n < 6 else DecryptionFailed):
            unwrap_key(blob[:n], PASS, context=CTX)
        with pytest.raises(UnsupportedFormat if n < 6 else DecryptionFailed):
            kdf_params_of(blob[:n])


def test_extra_bytes_are_refused(blob: bytes, no_kdf: None) -> None:
    with pytest.raises(DecryptionFailed):
        unwrap_key(blob + b"\x00", PASS, context=CTX)


@pytest.mark.parametrize("version", [0, 2, 255])
def test_unknown_version(blob: bytes, version: int, no_kdf: None) -> None:
    bad = blob[:4] + bytes([version]) + blob[5:]
    with pytest.raises(UnsupportedFormat, match="version"):
        unwrap_key(bad, PASS, context=CTX)
    with pytest.raises(UnsupportedFormat, match="version"):
        kdf_params_of(bad)


@pytest.mark.parametrize("suite", [0, 2, 255])
def test_unknown_suite(blob: bytes, suite: int, no_kdf: None) -> None:
    bad = blob[:5] + bytes([suite]) + blob[6:]
    with pytest.raises(UnsupportedFormat, match="suite"):
        unwrap_key(bad, PASS, context=CTX)


@pytest.mark.parametrize("magic", [b"CPKX", b"\x00\x00\x00\x00", b"cpkw", b"CPSL", b"CPAE"])
def test_unknown_magic(blob: bytes, magic: bytes, no_kdf: None) -> None:
    with pytest.raises(UnsupportedFormat):
        unwrap_key(magic + blob[4:], PASS, context=CTX)


def test_another_checkpoint_format_is_named(blob: bytes) -> None:
    with pytest.raises(UnsupportedFormat, match="sealed blob, not a wrapped key"):
        kdf_params_of(b"CPSL" + blob[4:])


def test_oversized_input_is_refused_before_parsing(blob: bytes, no_kdf: None) -> None:
    with pytest.raises(UnsupportedFormat, match="limit"):
        unwrap_key(blob + bytes(2000), PASS, context=CTX)
    # Size comes first: a huge blob of garbage is refused for its size, not its magic.
    with pytest.raises(UnsupportedFormat, match="limit"):
        kdf_params_of(b"\xff" * 10_000)


@pytest.mark.parametrize(
    ("memory_kib", "iterations", "lanes"),
    [
        (2**32 - 1, 1, 1),  # 4 TiB
        (2**20 + 1, 1, 4),  # just over 1 GiB
        (65536, 2**32 - 1, 4),  # four billion passes
        (65536, 21, 4),
        (65536, 3, 2**32 - 1),
        (65536, 3, 17),
        (65536, 0, 4),
        (0, 3, 4),
        (65536, 3, 0),
        (100, 1, 16),  # memory < 8 * lanes
    ],
)
def test_crafted_absurd_kdf_params_are_refused_without_running_the_kdf(
    blob: bytes, memory_kib: int, iterations: int, lanes: int, no_kdf: None
) -> None:
    crafted = with_params(blob, memory_kib, iterations, lanes)
    with pytest.raises(UnsupportedFormat, match="KDF parameters"):
        unwrap_key(crafted, PASS, context=CTX)
    with pytest.raises(UnsupportedFormat, match="KDF parameters"):
        kdf_params_of(crafted)


def test_the_largest_accepted_kdf_params_are_read(blob: bytes) -> None:
    crafted = with_params(blob, 2**20, 20, 16)
    assert kdf_params_of(crafted) == KdfParams(memory_kib=2**20, iterations=20, lanes=16)


# --- rewrap ----------------------------------------------------------------------------------------


def test_changing_the_passphrase_rewraps_the_same_data_key(key: bytes, blob: bytes) -> None:
    recovered = unwrap_key(blob, PASS, context=CTX)
    rewrapped = wrap_key(recovered, "a brand new passphrase", context=CTX, params=FAST)
    assert unwrap_key(rewrapped, "a brand new passphrase", context=CTX) == key
    with pytest.raises(DecryptionFailed):
        unwrap_key(rewrapped, PASS, context=CTX)
    # The old slot is untouched and still opens with the old passphrase.
    assert unwrap_key(blob, PASS, context=CTX) == key


def test_rewrap_upgrades_outdated_params(key: bytes, blob: bytes) -> None:
    assert kdf_params_of(blob) == FAST
    stronger = KdfParams(memory_kib=4096, iterations=2, lanes=4)
    upgraded = wrap_key(unwrap_key(blob, PASS, context=CTX), PASS, context=CTX, params=stronger)
    assert kdf_params_of(upgraded) == stronger
    assert unwrap_key(upgraded, PASS, context=CTX) == key


# --- misuse ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"key": bytes(31)}, "key"),
        ({"key": bytes(33)}, "key"),
        ({"key": "k" * 32}, "key"),
        ({"passphrase": ""}, "passphrase"),
        ({"context": b""}, "context"),
        ({"context": "store/slot"}, "context"),
        ({"params": (1024, 1, 4)}, "kdf_params"),
    ],
)
def test_wrap_key_misuse_is_a_validation_error(kwargs: dict[str, object], field: str) -> None:
    args: dict[str, object] = {"key": bytes(32), "passphrase": PASS, "context": CTX, "params": FAST}
    args.update(kwargs)
    with pytest.raises(ValidationError) as e:
        wrap_key(**args)  # type: ignore[arg-type]
    assert e.value.field == field


def test_unwrap_key_misuse_is_a_validation_error(blob: bytes) -> None:
    with pytest.raises(ValidationError):
        unwrap_key(blob, "", context=CTX)
    with pytest.raises(ValidationError):
        unwrap_key(blob, PASS, context=b"")
    with pytest.raises(ValidationError):
        unwrap_key(blob.hex(), PASS, context=CTX)  # type: ignore[arg-type]
