"""The encrypted open path: SQLCipher really in use, the stdlib trap, wrong keys, file modes, no plaintext."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from checkpoint.errors import DecryptionFailed, NotEncrypted, StoreError
from checkpoint.storage import db as dbmod
from tests.support.helpers import adult, registration


def test_sqlite_utils_uses_sqlcipher_exception_types() -> None:
    # The alias must be in place before sqlite_utils is imported, or two of its error paths break.
    import sqlite_utils.utils

    assert sys.modules["pysqlite3"] is dbmod.driver
    assert sqlite_utils.utils.sqlite3 is dbmod.driver
    assert sqlite_utils.utils.OperationalError is dbmod.driver.dbapi2.OperationalError


def test_alias_holds_in_a_fresh_interpreter_that_imports_the_store_first() -> None:
    code = ("import checkpoint.storage.db, sqlite_utils.utils, sqlcipher3;"
            "assert sqlite_utils.utils.sqlite3 is sqlcipher3, sqlite_utils.utils.sqlite3")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_stdlib_sqlite3_is_refused_loudly_and_leaves_no_file(tmp_path: Path) -> None:
    p = tmp_path / "plain.db"
    with pytest.raises(NotEncrypted, match="plaintext"):
        dbmod.open_encrypted(p, os.urandom(32), create=True, module=sqlite3)
    assert not p.exists()


def test_wrong_key_fails_at_the_probe(tmp_path: Path) -> None:
    p = tmp_path / "s.db"
    key = os.urandom(32)
    db = dbmod.open_encrypted(p, key, create=True)
    db.execute("CREATE TABLE t (x)")
    db.close()
    with pytest.raises(DecryptionFailed):
        dbmod.open_encrypted(p, os.urandom(32))
    again = dbmod.open_encrypted(p, key)
    assert again.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    again.close()


def test_open_pragmas_and_owner_only_files(tmp_path: Path) -> None:
    p = tmp_path / "s.db"
    db = dbmod.open_encrypted(p, os.urandom(32), create=True)
    db.execute("CREATE TABLE t (x)")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
    for f in (p, Path(str(p) + "-wal")):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    db.close()


def test_missing_store_and_existing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="No store"):
        dbmod.open_encrypted(tmp_path / "nope.db", os.urandom(32))
    (tmp_path / "x.db").write_bytes(b"something")
    with pytest.raises(StoreError, match="already exists"):
        dbmod.open_encrypted(tmp_path / "x.db", os.urandom(32), create=True)


def test_a_plain_sqlite_reader_sees_nothing(supervisor, store_path: Path) -> None:
    supervisor.registrations.register(**registration())
    conn = sqlite3.connect(store_path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()


def test_no_plaintext_in_database_wal_or_shm(supervisor, store_path: Path) -> None:
    """After real registrations, no name, Khmer name, document number or phone appears in any file."""
    secrets = []
    for i in range(30):
        tag = "".join(chr(65 + (i // 26**k) % 26) for k in range(3))
        fam, giv = f"ZQXFAM{tag}", f"VWYGIV{tag}"
        doc, phone = f"QZ{i:07d}", f"0979{i:06d}"
        khmer = "សុខ" + "ជា" * (i % 5 + 1) + "ណា"
        supervisor.registrations.register(**registration(person=adult(
            family_name=fam, given_names=giv, name_khmer=khmer, id_document_number=doc, phone=phone)))
        secrets += [fam, giv, doc, phone]
    supervisor.drafts.save({"family_name": "DRAFTSECRETNAME"})
    secrets += ["DRAFTSECRETNAME", "SOK DARA"]
    files = [store_path, Path(str(store_path) + "-wal"), Path(str(store_path) + "-shm"),
             Path(str(store_path) + ".keys")]
    assert Path(str(store_path) + "-wal").stat().st_size > 0, "the WAL must hold data for this test to mean much"
    blobs = {f.name: f.read_bytes() for f in files if f.exists()}
    for name, blob in blobs.items():
        for s in secrets:
            for enc in (s.encode(), s.encode("utf-16-le")):
                assert enc not in blob, f"{s!r} found in plaintext in {name}"
        assert "សុខ".encode() not in blob, f"Khmer text found in plaintext in {name}"
