"""Data minimisation benchmark (issue 12, point 6). Run by `make bench`, not by `make test`.

A store of CHECKPOINT_BENCH_MINIMISE records (default 10,000; each with trafficking answers, debt fields and a
referral note), all acknowledged by a real HQ (in process), 31 days later: the dry run, the pass itself (events,
projections, WAL truncated) and ``verify`` afterwards; the baseline is one read of every event's payload.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

from checkpoint.clock import ManualClock
from sync.device.client import SyncClient
from tests.support.client_harness import enroll, new_device, new_hq
from tests.support.helpers import POSITIVE_ADULT, adult, registration

N = int(os.environ.get("CHECKPOINT_BENCH_MINIMISE", "10000"))


def _letters(i: int) -> str:
    return "".join(chr(65 + (i // 26 ** k) % 26) for k in range(4))


def test_minimise_bench(tmp_path: Path) -> None:
    clock = ManualClock(datetime(2026, 10, 1, tzinfo=UTC))
    hq = new_hq(tmp_path, clock=clock)
    s = new_device(tmp_path / "b.db", clock=clock)
    try:
        enroll(s, hq)
        t0 = time.perf_counter()
        with s.batch():
            for i in range(N):
                s.registrations.register(**registration(
                    person=adult(family_name="BENCH " + _letters(i), id_document_number=f"B{i:07d}"),
                    trafficking={"ticked": POSITIVE_ADULT},
                    encounter={"return_type": "DEPORTED_G2G", "recruiter_relationship": "FRIEND",
                               "debt_owed": True, "debt_amount": 100 + i, "debt_currency": "THB"},
                    referrals=[{"kind": "health", "agency_code": "KH01-POIPET-RH", "reason_code": "PRESUMPTIVE_TB",
                                "urgency": "SAME_DAY", "notes": f"note {i}: the recruiter kept her passport"}]))
        print(f"\n{N} registrations written in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        assert SyncClient(s, hq).sync_once()["complete"]
        print(f"synced to HQ in {time.perf_counter() - t0:.1f} s")
        clock.advance(days=31)
        t0 = time.perf_counter()
        for _ev in s.store.events():
            pass
        base = time.perf_counter() - t0
        dry = s.retention.minimise(dry_run=True)
        done = s.retention.minimise()
        assert done.events == dry.events == N and done.wal_truncated
        t0 = time.perf_counter()
        rep = s.maintenance.verify()
        took_verify = time.perf_counter() - t0
        assert rep.ok, rep.problems[:3]
        print(f"read every event once (baseline): {base:.2f} s")
        print(f"minimise --dry-run over {N} records: {dry.seconds:.2f} s ({dry.seconds / base:.1f}x baseline)")
        print(f"minimise over {N} records ({done.events} events): {done.seconds:.2f} s "
              f"({done.seconds / base:.1f}x baseline, {done.seconds / N * 1000:.2f} ms per record)")
        print(f"verify afterwards: {took_verify:.2f} s")
    finally:
        s.lock()
        hq.store.close()
