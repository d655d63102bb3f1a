"""Kill -9 a process that is writing registrations, then check nothing committed was lost and nothing is half.

Used by tests/storage/test_crash.py (20 kills in `make test`) and tests/bench/crash_torture.py (1,000 kills).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from checkpoint import crypto
from checkpoint.services import create_store, unlock

PASSPHRASE = "crash-test-passphrase"

WRITER = r"""
import sys
from checkpoint.services import unlock
from checkpoint.demo import registrations
from datetime import datetime, UTC
s = unlock(sys.argv[1], "dara", sys.argv[2])
seed = int(sys.argv[3])
print("ready", flush=True)
for i, reg in enumerate(registrations(10_000, seed=seed, now=datetime.now(UTC))):
    reg["person"]["given_names"] = f"{reg['person']['given_names']} {chr(65 + i % 26)}"
    r = s.registrations.register(**reg)
    if seed % 3 == 0 and i % 5 == 0:
        s.drafts.save({"step": "identity", "n": i})
    print("committed", r.person_id, flush=True)
"""


def make_store(path: Path) -> None:
    s, _ = create_store(path, checkpoint_name="Crash", username="dara", display_name="D", passphrase=PASSPHRASE,
                        kdf=crypto.KdfParams.fast(),
                        clock=None)
    s.lock()


def kill_once(path: Path, seed: int, rng: random.Random) -> list[str]:
    """Start a writer, kill -9 it at a random moment after it is ready; return the ids it reported committed."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), PASSPHRASE, str(seed)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))
    assert proc.stdout is not None
    first = proc.stdout.readline()
    if first.strip() != "ready":
        proc.kill()
        raise AssertionError(f"writer failed to start: {first!r} {proc.stderr.read() if proc.stderr else ''}")
    time.sleep(rng.uniform(0.0, 0.4))
    os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate(timeout=30)
    # A line cut by the kill is not a report of a commit.
    return [line.split()[1] for line in out.splitlines() if line.startswith("committed ") and len(line.split()) == 2
            and len(line.split()[1]) == 36]


def check_store(path: Path, committed: list[str], *, full: bool = True) -> None:
    """Integrity, every reported commit present, no half registration; with ``full`` also the event chain and
    projections rebuilt from the events (``verify``), which grows with the store."""
    s = unlock(path, "dara", PASSPHRASE)
    try:
        if full:
            rep = s.maintenance.verify()
            assert rep.ok, rep.problems
        else:
            problems = s.store.integrity_check()
            assert not problems, problems
        present = {r[0] for r in s.store.db.execute("SELECT id FROM persons")}
        missing = [c for c in committed if c not in present]
        assert not missing, f"{len(missing)} registrations reported committed are gone"
        # No half record: every person has its arrival, consents and both screens, made by one event each.
        half = s.store.db.execute(
            "SELECT count(*) FROM persons p WHERE NOT EXISTS (SELECT 1 FROM encounters e WHERE e.person_id = p.id) "
            "OR NOT EXISTS (SELECT 1 FROM tb_screenings t WHERE t.person_id = p.id) "
            "OR NOT EXISTS (SELECT 1 FROM trafficking_screenings t WHERE t.person_id = p.id) "
            "OR (SELECT count(*) FROM consents c JOIN encounters e ON e.id = c.encounter_id "
            "    WHERE e.person_id = p.id) != 4").fetchone()[0]
        assert half == 0, f"{half} half-written registrations"
        events = s.store.db.execute("SELECT count(*) FROM events WHERE type = 'registration.recorded'").fetchone()[0]
        assert events == len(present)
    finally:
        s.lock()


def torture(path: Path, kills: int, seed: int = 0, report: bool = False, full_every: int = 1) -> int:
    rng = random.Random(seed)
    make_store(path)
    committed: list[str] = []
    for k in range(kills):
        committed += kill_once(path, seed * 100_000 + k, rng)
        check_store(path, committed, full=(k + 1) % full_every == 0 or k + 1 == kills)
        if report and (k + 1) % 50 == 0:
            print(f"{datetime.now(UTC):%H:%M:%S} {k + 1} kills, {len(committed)} committed registrations intact",
                  flush=True)
    return len(committed)
