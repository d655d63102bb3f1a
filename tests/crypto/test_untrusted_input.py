"""Arbitrary bytes from a file or the network only ever produce the typed crypto errors."""

import contextlib
import struct
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkpoint.crypto import (
    KdfParams,
    decrypt,
    generate_signing_key,
    generate_x25519,
    kdf_params_of,
    new_data_key,
    open_sealed,
    sealed_recipient_id,
    unwrap_key,
    verify,
)
from checkpoint.errors import CryptoError

KEY = new_data_key()
X_PRIVATE, _ = generate_x25519()
_, ED_PUBLIC = generate_signing_key()
FAST = KdfParams.fast()
FAST_PARAMS = struct.pack(">III", FAST.memory_kib, FAST.iterations, FAST.lanes)

PARSERS: dict[str, tuple[bytes, Callable[[bytes], object]]] = {
    "decrypt": (b"CPAE\x01\x01", lambda b: decrypt(KEY, b, context=b"c")),
    "open_sealed": (b"CPSL\x01\x01", lambda b: open_sealed(X_PRIVATE, b, context=b"c")),
    "sealed_recipient_id": (b"CPSL\x01\x01", sealed_recipient_id),
    "verify": (b"CPSG\x01\x01", lambda b: verify(ED_PUBLIC, b"m", b, context=b"c")),
    "kdf_params_of": (b"CPKW\x01\x01", kdf_params_of),
    # Fuzz the wrapped key after sane params: arbitrary params could legitimately ask for 1 GiB of RAM.
    "unwrap_key": (b"CPKW\x01\x01" + FAST_PARAMS, lambda b: unwrap_key(b, "p", context=b"c")),
}


@pytest.mark.parametrize("name", sorted(PARSERS))
@settings(deadline=None, max_examples=150)
@given(tail=st.binary(max_size=200), keep=st.integers(min_value=0, max_value=18))
def test_arbitrary_bytes_raise_only_crypto_errors(name: str, tail: bytes, keep: int) -> None:
    prefix, parse = PARSERS[name]
    blob = prefix[:keep] + tail  # sometimes a valid prefix, sometimes a partial one, sometimes none
    with contextlib.suppress(CryptoError):  # anything else (ValueError, IndexError, ...) fails the test
        parse(blob)
