"""A large benchmark store in minutes instead of hours: replicate persons already registered through the service.

Building 1,000,000 persons through the registration service takes hours on a small machine (about 110 per second
here); a benchmark needs a store of that size, shaped like a real one. ``replicate(path, n)`` grows a store that
was built through the service (``checkpoint.demo.generate``) to ``n`` persons by copying its generated persons
with everything registered about them, in large transactions through the store's own encrypted connection:

- every row a registration writes: the person (the FTS trigger indexes her name), the encounter, its consents,
  the trafficking and TB screenings, the referrals, and her events; each copy gets fresh ids (UUIDv4 as the
  services make them) and the references between them are remapped, so every index (primary keys, person and
  encounter indexes, names, dates of birth, FTS) grows as it would with new people; names, dates and sizes are the
  source person's (a generated population repeats names anyway);
- each copied event gets a fresh UUIDv7 id and hybrid logical clock at its source event's millisecond (so the
  id and HLC indexes interleave, as a log written over a month does), the next device sequence number and local
  order, and a new hash chained to the previous copy; its payload bytes (compressed, sealed sections included)
  are the source event's, so row sizes match. The copies' hashes do not cover those payloads: ``verify`` on a
  replicated store reports them; benchmarks do not verify.

Only the generated persons are copied (those without a quick-registration ``arrivals`` row), so a quick-save
benchmark's own earlier saves are not multiplied.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checkpoint.events import uuid7
from checkpoint.services import unlock

BATCH = 10_000          # source persons per transaction

_PERSON_TABLES = ("trafficking_screenings", "tb_screenings", "referrals")


def _cols(conn: Any, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})").fetchall()]


def _insert(conn: Any, table: str, cols: list[str], rows: list[list[Any]]) -> None:
    if rows:
        conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})", rows)


def replicate(path: Path, n: int, passphrase: str, *, progress: Callable[[int], None] | None = None) -> int:
    """Grow the store at ``path`` to ``n`` persons (see the module's docstring). Returns the persons added."""
    s = unlock(path, "dara", passphrase)
    try:
        conn = s.store.db.conn
        conn.execute("PRAGMA cache_size = -1000000")        # 1 GB for the build only; the benchmarks open anew
        have = conn.execute("SELECT count(*) FROM persons").fetchone()[0]
        src = [r[0] for r in conn.execute("SELECT rowid FROM persons p WHERE NOT EXISTS "
                                          "(SELECT 1 FROM arrivals a WHERE a.person_id = p.id) ORDER BY rowid")]
        if not src:
            raise RuntimeError("no generated persons to replicate")
        device = s.store.device_id
        seq, prev = conn.execute("SELECT device_seq, hash FROM events WHERE device_id = ? ORDER BY device_seq DESC "
                                 "LIMIT 1", [device]).fetchone()
        order = conn.execute("SELECT max(local_order) FROM events").fetchone()[0]
        pcols, ecols, ccols = _cols(conn, "persons"), _cols(conn, "encounters"), _cols(conn, "consents")
        tcols = {t: _cols(conn, t) for t in _PERSON_TABLES}
        vcols = [c for c in _cols(conn, "events")]
        added, copy = 0, 0
        t0 = time.perf_counter()
        while have + added < n:
            copy += 1
            for i in range(0, len(src), BATCH):
                chunk = src[i:i + min(BATCH, n - have - added)]
                if not chunk:
                    break
                conn.execute("BEGIN IMMEDIATE")
                marks = ",".join("?" for _ in chunk)
                persons = conn.execute(f"SELECT {', '.join(pcols)} FROM persons WHERE rowid IN ({marks})",
                                       chunk).fetchall()
                pmap = {r[0]: str(uuid.uuid4()) for r in persons}
                pm = ",".join("?" for _ in pmap)
                old = list(pmap)
                encs = conn.execute(f"SELECT {', '.join(ecols)} FROM encounters WHERE person_id IN ({pm})",
                                    old).fetchall()
                emap = {r[0]: str(uuid.uuid4()) for r in encs}
                _insert(conn, "persons", pcols, [[pmap[r[0]], *r[1:]] for r in persons])
                ip = ecols.index("person_id")
                _insert(conn, "encounters", ecols,
                        [[emap[r[0]] if c == "id" else pmap[v] if k == ip else v for k, (c, v) in
                          enumerate(zip(ecols, r, strict=True))] for r in encs])
                if emap:
                    em = ",".join("?" for _ in emap)
                    rows = conn.execute(f"SELECT {', '.join(ccols)} FROM consents WHERE encounter_id IN ({em})",
                                        list(emap)).fetchall()
                    _insert(conn, "consents", ccols, [[emap[r[0]], *r[1:]] for r in rows])
                for t, cols in tcols.items():
                    rows = conn.execute(f"SELECT {', '.join(cols)} FROM {t} WHERE person_id IN ({pm})",
                                        old).fetchall()
                    out = []
                    for r in rows:
                        d = dict(zip(cols, r, strict=True))
                        d["id"] = str(uuid.uuid4())
                        d["person_id"] = pmap[d["person_id"]]
                        d["encounter_id"] = emap.get(d["encounter_id"], d["encounter_id"])
                        out.append([d[c] for c in cols])
                    _insert(conn, t, cols, out)
                evs = conn.execute(f"SELECT {', '.join(vcols)} FROM events WHERE entity_id IN ({pm}) "
                                   "ORDER BY local_order", old).fetchall()
                out = []
                for r in evs:
                    d = dict(zip(vcols, r, strict=True))
                    ms, counter = d["hlc"].split(".")
                    seq += 1
                    order += 1
                    d["id"] = uuid7(int(ms))
                    d["hlc"] = f"{ms}.{int(counter) + copy:06d}"
                    d["device_id"], d["device_seq"], d["local_order"] = device, seq, order
                    d["entity_id"] = pmap[d["entity_id"]]
                    d["prev_hash"], d["hash"] = prev, hashlib.sha256(d["id"].encode()).hexdigest()
                    d["sync_state"], d["acked_at"], d["batch_id"] = "pending", None, None
                    prev = d["hash"]
                    out.append([d[c] for c in vcols])
                _insert(conn, "events", vcols, out)
                conn.execute("COMMIT")
                added += len(chunk)
                if progress:
                    progress(have + added)
                if have + added >= n:
                    break
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"  replicated {added:,} persons in {time.perf_counter() - t0:,.0f} s", flush=True)
        return added
    finally:
        s.lock()
