"""Read a SQLCipher store's files page by page with its data key, as someone holding the key and the disk would:
every page of the database file and every frame of its WAL, decrypted, free space and freed pages included (not
only what SQL still returns). ``find`` says where a byte string appears.

SQLCipher 4 with a raw key: AES-256-CBC with the raw key, one IV per page in the page's reserved tail (IV 16 bytes +
HMAC-SHA512 64 bytes), the first 16 bytes of page 1 are the salt. ``check_layout`` asks a real SQLCipher connection
for these settings so a changed default fails loudly instead of finding nothing.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from checkpoint.storage.db import open_encrypted

RESERVE = 80            # IV 16 + HMAC-SHA512 64, SQLCipher 4's default
WAL_HEADER = 32
FRAME_HEADER = 24


def check_layout(path: Path, key: bytes) -> int:
    """The page size, after checking through a real SQLCipher connection that the layout is the one read here."""
    db = open_encrypted(path, key)
    try:
        size = int(db.execute("PRAGMA cipher_page_size").fetchone()[0])
        hmac = str(db.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0])
        assert hmac.upper() == "HMAC_SHA512", hmac
    finally:
        db.close()
    return size


def _decrypt(page: bytes, key: bytes, first: bool) -> bytes:
    size = len(page)
    iv = page[size - RESERVE:size - RESERVE + 16]
    start = 16 if first else 0
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(page[start:size - RESERVE]) + dec.finalize()


def pages(path: Path, key: bytes, page_size: int) -> list[bytes]:
    """Every page of the database file, decrypted."""
    raw = path.read_bytes() if path.exists() else b""
    return [_decrypt(raw[i:i + page_size], key, i == 0) for i in range(0, len(raw) - page_size + 1, page_size)]


def wal_frames(path: Path, key: bytes, page_size: int) -> list[bytes]:
    """Every frame of ``<path>-wal``, decrypted (page 1's frames as page 1)."""
    wal = Path(str(path) + "-wal")
    raw = wal.read_bytes() if wal.exists() else b""
    out = []
    at = WAL_HEADER
    while at + FRAME_HEADER + page_size <= len(raw):
        pgno = int.from_bytes(raw[at:at + 4], "big")
        out.append(_decrypt(raw[at + FRAME_HEADER:at + FRAME_HEADER + page_size], key, pgno == 1))
        at += FRAME_HEADER + page_size
    return out


def holds(page: bytes, needle: bytes) -> bool:
    """Does a decrypted page hold ``needle``, as it is or inside a zlib stream starting in it (event payloads are
    stored compressed: ``checkpoint.storage.codec``)?"""
    if needle in page:
        return True
    at = page.find(b"\x78\x9c")
    while at != -1:
        try:
            if needle in zlib.decompressobj().decompress(page[at:]):
                return True
        except zlib.error:
            pass
        at = page.find(b"\x78\x9c", at + 1)
    return False


def find(path: Path, key: bytes, needle: bytes) -> dict[str, int]:
    """How many decrypted database pages and WAL frames hold ``needle`` (UTF-8 bytes; also inside compressed
    payloads), and how many were read."""
    size = check_layout(path, key)
    db_pages = pages(path, key, size)
    frames = wal_frames(path, key, size)
    return {"db": sum(holds(p, needle) for p in db_pages), "wal": sum(holds(f, needle) for f in frames),
            "db_pages": len(db_pages), "wal_frames": len(frames)}
