"""Open SQLCipher databases through sqlite-utils, so that a store can never silently be plaintext.

    >>> db = open_encrypted("store.db", new_raw_key())          # doctest: +SKIP
    >>> db.execute("select count(*) from persons").fetchone()   # doctest: +SKIP

Raises NotEncrypted when the driver is not SQLCipher, DecryptionFailed when the key is wrong.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

# sqlite-utils imports `pysqlite3` when it can, else the stdlib `sqlite3`, and catches the exceptions of the
# module it imported. Our connections come from `sqlcipher3`; if sqlite-utils caught stdlib exception types,
# two of its error paths (one of them in upsert, losing rows) would let sqlcipher3's exceptions escape. So we
# alias sqlcipher3 as pysqlite3 in sys.modules BEFORE anything imports sqlite_utils. This is the one place
# that does it; tests/storage/test_db.py checks it.
import sqlcipher3
import sqlcipher3.dbapi2

sys.modules.setdefault("pysqlite3", sqlcipher3)
sys.modules.setdefault("pysqlite3.dbapi2", sqlcipher3.dbapi2)

import sqlite_utils  # noqa: E402  (must come after the alias above)

from checkpoint.errors import DecryptionFailed, NotEncrypted, StoreError  # noqa: E402

__all__ = ["DatabaseError", "connect_plain_memory", "driver", "open_encrypted"]

driver = sqlcipher3
DatabaseError = sqlcipher3.dbapi2.DatabaseError


def _key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise StoreError("The database key must be 32 bytes.")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _harden(conn: Any) -> None:
    """Apply the pragmas every connection needs after it is keyed and probed."""
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError(f"Could not switch the store to WAL mode (got {mode}).")
    # FULL: a committed registration survives a power cut, not only a crash.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 5000")
    # Temporary tables and sort spills stay in memory: nothing decrypted lands in a temp file.
    conn.execute("PRAGMA temp_store = MEMORY")
    # Erase deleted content inside pages as well (drafts, voided rows' old values).
    conn.execute("PRAGMA secure_delete = ON")


def open_encrypted(path: str | os.PathLike[str], key: bytes, *, create: bool = False,
                   module: Any = None) -> sqlite_utils.Database:
    """Open (or with ``create=True`` create) the SQLCipher database at ``path`` with a raw 256-bit key.

    The order matters: key first, then prove the driver really is SQLCipher (stdlib sqlite3 silently ignores
    ``PRAGMA key`` and would write plaintext), then probe ``sqlite_master`` (a wrong key fails here, not at
    ``PRAGMA key``), then WAL and foreign keys.

    Raises StoreError (missing file, unusable path), NotEncrypted (driver without SQLCipher), DecryptionFailed
    (wrong key or not a Checkpoint store).
    """
    module = module or sqlcipher3
    p = Path(path)
    if not create and not p.exists():
        raise StoreError(f"No store at {p}.")
    if create and p.exists() and p.stat().st_size > 0:
        raise StoreError(f"A file already exists at {p}.")
    if create:
        # Owner-only from the first byte; SQLite gives the -wal and -shm files the same mode.
        try:
            os.close(os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass
        except OSError as e:
            raise StoreError(f"Cannot create {p}: {e.strerror}") from None
    try:
        conn = module.connect(str(p), check_same_thread=False)
    except Exception as e:  # the driver's own error types differ between modules
        raise StoreError(f"Cannot open {p}: {e}") from None
    try:
        conn.execute(_key_pragma(key))
        row = conn.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            raise NotEncrypted(
                "The SQLite driver in use has no encryption (PRAGMA cipher_version is empty): refusing to "
                "open the store, which would write plaintext."
            )
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except module.DatabaseError:
            raise DecryptionFailed("Wrong key, or this file is not a Checkpoint store.") from None
        _harden(conn)
    except BaseException:
        conn.close()
        if create:
            for suffix in ("", "-wal", "-shm"):
                Path(str(p) + suffix).unlink(missing_ok=True)
        raise
    return sqlite_utils.Database(conn, execute_plugins=False)


def connect_plain_memory() -> sqlite_utils.Database:
    """An in-memory database (nothing on disk), used to rebuild projections for verification."""
    conn = sqlcipher3.connect(":memory:", check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    return sqlite_utils.Database(conn, execute_plugins=False)
