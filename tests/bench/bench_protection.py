"""Issue 10, point 11: what sealing the protection section costs. Per save: the split, one AES-256-GCM encryption
and one X25519 + HKDF wrap per recipient (protection key, the officer's own key, HQ's when enrolled). Per read: one
X25519 + HKDF unwrap and one decryption per sealed event of the record.

Two measures: the envelope alone (a real registration payload, three recipients), and the services on a real
SQLCipher store (register and records.get with the section sealed, then with sealing switched off on the same
store, CPU time of this process: each commit's fsync, the same with or without sealing, would drown the
difference in wall time). Prints figures; the machine may be shared (2 cores, other work running): read medians,
not extremes.

    .venv/bin/pytest -q -s tests/bench/bench_protection.py
"""

from __future__ import annotations

import json
import os
import statistics
import time
from typing import Any

from checkpoint import crypto, protection_section
from checkpoint.crypto import sealed
from checkpoint.events import canonical_json
from checkpoint.services import protection
from tests.support.helpers import POSITIVE_ADULT, adult, registration

N = int(os.environ.get("BENCH_PROTECTION_N", "200"))


def _us(samples: list[float]) -> str:
    s = sorted(samples)
    return f"median {statistics.median(s) * 1e6:8.1f} µs   p95 {s[int(len(s) * 0.95) - 1] * 1e6:8.1f} µs"


def _payload() -> dict[str, Any]:
    encounter = {"id": "e", "return_type": "DEPORTED_G2G", "recruiter_relationship": "FAMILY",
                 "recruitment_methods": ["AtWork"], "debt_owed": True, "debt_amount": 900.0, "debt_currency": "USD",
                 "detained_before_return": True, "detention_days": 9}
    result = {"outcome": "PRESUMED_VICTIM", "flags": [], "positive_dimensions": ["CD", "DR", "EX"],
              "counts": {"DR": [1, 1, 0]}}
    return {"person_id": "p", "encounter": encounter,
            "trafficking": {"id": "t", "ticked": POSITIVE_ADULT, "answered_no": ["ILO-DR-3"], "age_used": 30,
                            "exploitation_types": ["ForcedLabour"], "safety": {"triggered": True, "reasons": []},
                            "result": result},
            "referrals": [{"id": "r", "kind": "protection", "agency_code": "IOM", "notes": "her own words " * 8}]}


def test_the_envelope_alone() -> None:
    keys = [crypto.generate_x25519() for _ in range(3)]
    publics = [k[1] for k in keys]
    payload = _payload()
    ctx = protection_section.context("registration.recorded", "0190-e")
    seal_t, open_t = [], []
    blob = b""
    for _ in range(N):
        t0 = time.perf_counter()
        clear, section = protection_section.split("registration.recorded", payload)
        blob = sealed.seal_for(publics, canonical_json(section).encode(), context=ctx)
        t1 = time.perf_counter()
        opened = json.loads(sealed.open_for(keys[0][0], blob, context=ctx))
        protection_section.merge(clear, opened)
        t2 = time.perf_counter()
        seal_t.append(t1 - t0)
        open_t.append(t2 - t1)
    print(f"\nseal one registration's section (split + 3 recipients, {len(blob)} bytes): {_us(seal_t)}")
    print(f"open it (unwrap + decrypt + merge):                                 {_us(open_t)}")


def test_save_and_read_through_the_services(supervisor, sign_in) -> None:
    officer = sign_in("sokha")
    st = officer.store
    sealed_to = st.section_recipients
    assert len(sealed_to) == 2                                     # the protection key and her own

    def one(i: int, tag: str) -> tuple[float, float]:
        name = "".join(chr(65 + int(c)) for c in f"{i:04d}")
        reg = registration(person=adult(given_names=f"{tag}{name}", id_document_number=f"{tag}{i:07d}"),
                           encounter={"return_type": "DEPORTED_G2G", "recruiter_relationship": "FAMILY",
                                      "debt_owed": True, "debt_amount": 100},
                           trafficking={"ticked": POSITIVE_ADULT})
        t0 = time.process_time()          # CPU time: the fsync of each commit is the same either way and dwarfs it
        r = officer.registrations.register(**reg)
        t1 = time.process_time()
        officer.records.get(r.person_id)
        return t1 - t0, time.process_time() - t1

    save_s, read_s, save_c, read_c = [], [], [], []
    for i in range(N // 2):            # interleaved, alternating which goes first, so drift and fsyncs hit both
        for sealed_now in ((True, False) if i % 2 else (False, True)):
            st.section_recipients = sealed_to if sealed_now else ()
            a, b = one(i, "S" if sealed_now else "C")
            (save_s if sealed_now else save_c).append(a)
            (read_s if sealed_now else read_c).append(b)
    st.section_recipients = sealed_to
    print(f"\nregister, section sealed:      {_us(save_s)}")
    print(f"register, sealing switched off: {_us(save_c)}")
    print(f"   -> sealing per save ≈ {(statistics.median(save_s) - statistics.median(save_c)) * 1e6:.0f} µs (median)")
    print(f"records.get, section sealed:      {_us(read_s)}")
    print(f"records.get, in clear:           {_us(read_c)}")
    print(f"   -> unsealing per read ≈ {(statistics.median(read_s) - statistics.median(read_c)) * 1e6:.0f} µs (median)")
    assert protection.reader_keys(officer.keyfile, st, officer.user.role)
