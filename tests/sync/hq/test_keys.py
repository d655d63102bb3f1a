"""HQ keys on disk: wrapped under a passphrase, 0600, never replaced, recovery key separable; a database stays
bound to the keys it was set up with."""

from __future__ import annotations

import stat

import pytest

from checkpoint import crypto
from checkpoint.errors import StoreError, StoreExists, StoreMissing, UnsupportedFormat, WrongPassphrase
from sync.hq.keys import HQKeys, init_keys, load_keys, load_recovery_private, read_public
from sync.hq.service import HQService
from sync.hq.store import HQStore
from tests.conftest import FAST

PW = "hq operator passphrase"


def test_init_then_load(tmp_path) -> None:
    d = tmp_path / "keys"
    made = init_keys(d, PW, kdf=FAST)
    assert stat.S_IMODE(d.stat().st_mode) == 0o700
    for f in d.iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f.name
    for name in ("signing.key", "exchange.key", "recovery.key"):
        blob = (d / name).read_bytes()
        assert blob.startswith(b"CPKW")                       # wrapped, not raw
        assert made.signing_private not in blob and made.exchange_private not in blob
    loaded = load_keys(d, PW)
    assert loaded.signing_private == made.signing_private and loaded.exchange_private == made.exchange_private
    assert loaded.recovery_private is None                    # the server never holds it
    assert load_recovery_private(d, PW) == made.recovery_private
    assert read_public(d)["signing"] == made.signing_public
    sig = crypto.sign(loaded.signing_private, b"m", context=b"c")
    crypto.verify(made.signing_public, b"m", sig, context=b"c")


def test_wrong_passphrase_missing_dir_and_no_overwrite(tmp_path) -> None:
    d = tmp_path / "keys"
    init_keys(d, PW, kdf=FAST)
    with pytest.raises(WrongPassphrase):
        load_keys(d, "not the passphrase")
    with pytest.raises(StoreExists):
        init_keys(d, PW, kdf=FAST)
    with pytest.raises(StoreMissing, match="init-keys"):
        load_keys(tmp_path / "nowhere", PW)


def test_the_recovery_key_may_be_kept_offline(tmp_path) -> None:
    d = tmp_path / "keys"
    init_keys(d, PW, kdf=FAST)
    (d / "recovery.key").rename(tmp_path / "offline-recovery.key")
    load_keys(d, PW)                                          # the server still starts
    with pytest.raises(StoreMissing, match="offline"):
        load_recovery_private(d, PW)


def test_swapped_or_damaged_key_files_are_refused(tmp_path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    init_keys(a, PW, kdf=FAST)
    init_keys(b, PW, kdf=FAST)
    (a / "signing.key").unlink()
    (a / "signing.key").write_bytes((b / "signing.key").read_bytes())
    with pytest.raises(WrongPassphrase):                      # the context names the public key: it cannot open
        load_keys(a, PW)
    (b / "hq-keys.json").write_text("{not json")
    with pytest.raises(UnsupportedFormat):
        load_keys(b, PW)


def test_a_database_refuses_other_keys(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'hq.db'}"
    HQService(HQStore.open(url), HQKeys.generate()).store.close()
    with pytest.raises(StoreError, match="other HQ keys"):
        HQService(HQStore.open(url), HQKeys.generate())
    HQService(HQStore.open(url), None).stats()                # operator calls need no keys
