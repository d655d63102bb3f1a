"""1,000 kill -9s of a process writing registrations, each followed by a full check of the store.

    .venv/bin/python tests/bench/crash_torture.py [--kills 1000] [--seed 0]

Takes about half an hour on a 2-core machine. Exits non-zero at the first lost or half-written record.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))   # the repository root, for tests.support

from tests.support.crashlib import torture


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as d:
        # After each kill: integrity, every reported commit, no half registration; every 50 kills (and at the end)
        # also the event chain and the projections rebuilt from the events.
        n = torture(Path(d) / "torture.db", a.kills, a.seed, report=True, full_every=50)
    print(f"OK: {a.kills} kills, {n} committed registrations all intact, none half-written "
          f"({time.perf_counter() - t:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
