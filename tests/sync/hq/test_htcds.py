"""The HTCDS v2 / CTDC case-level export (issue 15 must-show): k-anonymous with k = 11 over age group, sex,
citizenship, country of exploitation and year — every quasi-identifier combination has at least k rows or is
withheld — and no name, document, phone, identifier or free text of what the devices sent appears in it."""

from __future__ import annotations

import csv
import io
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from sync.hq.htcds import FIELDS, QUASI_IDENTIFIERS, K, export
from sync.hq.reports import parse_period
from sync.hq.service import HQService
from tests.support.hq_helpers import FakeDevice
from tests.sync.hq.test_reports import push, reg, register


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """Issue 15 point 7: the same report queries on SQLite and on PostgreSQL (skipped, saying why, without it)."""
    return str(request.param)


def _victim(sex: str, dob: str, country: str, types: tuple[str, ...] = ()) -> dict[str, Any]:
    p = reg(str(uuid.uuid4()), sex=sex, dob=dob, country=country, trafficking="PRESUMED_VICTIM",
            referrals=(("protection", "DOSVY"),))
    if types:
        p["trafficking"]["exploitation_types"] = list(types)
    return p


SEVERAL = ("ForcedCriminality", "ForcedLabour")                        # HTCDS: Other, ForcedLabour
THREE = ("ForcedMarriage", "SexualExploitation", "ForcedLabour")


def _read(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_ctdc_export_is_k_anonymous_and_carries_nothing_identifying(hq: HQService) -> None:
    dev = FakeDevice(checkpoint_name="Poipet")
    dev.enroll(hq)
    common = ([_victim("F", "1990-05-17", "THA") for _ in range(8)]         # 12 women 30-38 from Thailand, 4 of
              + [_victim("F", "1990-05-17", "THA", SEVERAL) for _ in range(3)]   # them with several types of
              + [_victim("F", "1990-05-17", "THA", THREE)])                       # exploitation
    small = ([_victim("M", "1990-05-17", "THA", SEVERAL)]
             + [_victim("M", "1990-05-17", "THA") for _ in range(3)]            # three groups of 4: under k
             + [_victim("F", "2007-01-01", "VNM") for _ in range(4)]
             + [_victim("M", "2012-01-01", "VNM") for _ in range(4)])
    others = [reg(str(uuid.uuid4()), trafficking="NOT_INDICATED") for _ in range(5)]   # not victims: not exported
    sent = common + small + others
    assert push(hq, dev, register(dev, sent))["accepted"] == len(sent)
    with hq.store.read() as conn:
        data, n, left_out = export(conn, parse_period("2026"))
    rows = _read(data)
    assert (n, left_out, len(rows)) == (24, 0, 24) and tuple(rows[0]) == FIELDS
    groups = Counter(tuple(r[q] for q in QUASI_IDENTIFIERS) for r in rows)
    assert all(size >= K for size in groups.values()), groups
    assert groups[("30--38", "Feminine", "KHM", "THA", "2026")] == 12
    withheld = [r for r in rows if r["gender"] == ""]
    assert len(withheld) == 12 and {r["ageBroad"] + r["majorityStatus"] for r in withheld} == {""}
    # Several types of exploitation: each one, as HTCDS's multiselect values in the standard's order (was empty).
    types = Counter(r["typeOfExploitation"] for r in rows)
    assert types == {"": 19, "ForcedLabour;Other": 4, "ForcedLabour;SexualExploitation;ForcedMarriage": 1}, types
    assert Counter(r["typeOfExploitation"] for r in withheld) == {"": 11, "ForcedLabour;Other": 1}   # not a QI
    text = data.decode("utf-8-sig")
    for p in sent:
        person = p["person"]
        for v in (p["person_id"], p["encounter"]["id"], p["trafficking"]["id"], person["family_name"],
                  person["given_names"], person["id_document_number"], person["phone"], person["date_of_birth"],
                  person["home_village"], p["referrals"][0]["notes"] if p["referrals"] else "call her sister"):
            assert v not in text
    # Only the three small groups in a month: fewer than k withheld rows are left out altogether.
    dev2 = FakeDevice(checkpoint_name="Bavet")
    dev2.enroll(hq)
    late = [reg(str(uuid.uuid4()), sex="M", trafficking="PRESUMED_VICTIM", arrival="2026-12-10T03:00:00+00:00")
            for _ in range(3)]
    push(hq, dev2, register(dev2, late))
    with hq.store.read() as conn:
        data, n, left_out = export(conn, parse_period("2026-12"))
    assert (n, left_out, _read(data)) == (0, 3, [])


def test_several_types_recorded_when_a_quick_registration_is_completed_are_each_exported(hq: HQService) -> None:
    """The screen may come with the completion from the queue (``registration.completed``): its types are read from
    that event; a later completion with another screen wins, as in the facts."""
    dev = FakeDevice(checkpoint_name="Poipet")
    dev.enroll(hq)
    quick = [reg(str(uuid.uuid4()), sex="F", trafficking=None) for _ in range(K)]
    evs = register(dev, quick)
    for i, p in enumerate(quick):
        t = _victim("F", "1990-05-17", "THA", ("SexualExploitation", "ForcedBegging") if i else THREE)["trafficking"]
        evs.append(dev.event(type_="registration.completed", entity_id=p["person_id"],
                             payload={"encounter_id": p["encounter"]["id"], "trafficking": t, "referrals": []}))
    assert push(hq, dev, evs)["accepted"] == 2 * K
    with hq.store.read() as conn:
        data, n, _left_out = export(conn, parse_period("2026"))
    assert n == K
    assert Counter(r["typeOfExploitation"] for r in _read(data)) == {
        "SexualExploitation;ForcedBegging": K - 1, "ForcedLabour;SexualExploitation;ForcedMarriage": 1}


def test_the_cli_writes_a_new_file_and_journals_who_period_and_rows(hq: HQService, hq_url: str,
                                                                   tmp_path: Path) -> None:
    import json
    import os
    import stat

    import sqlalchemy as sa

    from sync.hq.store import journal
    from tests.sync.hq.test_cli import hq_cli

    dev = FakeDevice(checkpoint_name="Poipet")
    dev.enroll(hq)
    push(hq, dev, register(dev, [_victim("F", "1990-05-17", "THA") for _ in range(11)]))
    url = hq_url
    out = tmp_path / "ctdc.csv"
    r = hq_cli("--db", url, "htcds", "--period", "2026", "--out", str(out), "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["rows"] == 11 and len(_read(out.read_bytes())) == 11
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    again = hq_cli("--db", url, "htcds", "--period", "2026", "--out", str(out))
    assert again.returncode != 0 and "already exists" in again.stderr
    with hq.store.read() as conn:
        (entry,) = conn.execute(sa.select(journal.c.message).where(journal.c.kind == "export")).scalars()
    assert "HTCDS CSV by" in entry and "period 2026" in entry and "11 rows" in entry
