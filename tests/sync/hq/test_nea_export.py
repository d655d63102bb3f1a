"""NEA's export across checkpoints at HQ (issue 15 point 4, the export of issue 13): two real device stores of two
checkpoints sync over HTTP to a real HQ on 127.0.0.1; HQ's file holds exactly the persons of both checkpoints whose
NEA consent stands (one withdrawn before the sync and one after it are left out, as are a voided person and a
person never registered with NEA), the latest registration of a person registered twice, the documented columns
with the checkpoint column, formula-neutralised cells — byte for byte what each device's own export writes for its
checkpoint. A data manager downloads it (logged: who, when, period, rows); an analyst, an HQ admin and a partner
cannot. The CLI writes a new 0600 file, journaled; bad input writes nothing."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from checkpoint.clock import ManualClock
from checkpoint.nea_layout import NEA_COLUMNS
from sync.device.client import SyncClient
from sync.device.transport import HttpTransport
from sync.hq.http import create_app
from sync.hq.keys import HQKeys
from sync.hq.nea import export_rows
from sync.hq.service import HQService
from sync.hq.store import HQStore, journal
from sync.hq.web.accounts import Accounts, totp_code
from tests.support.client_harness import new_device
from tests.support.hq_helpers import LiveServer
from tests.sync.hq.test_cli import hq_cli
from tests.sync.hq.web.harness import PASS, audit_rows, csrf

FORM = {"occupation_abroad": "CONSTRUCTION_SITE", "years_experience": 3, "skills": ["WELDING", "CONSTRUCTION"],
        "education": "PRIMARY", "languages": ["khm", "tha"], "desired_job": "DRIVER", "desired_province": "01",
        "abroad_again": "maybe", "abroad_where": "THA", "available_from": "2026-12-15",
        "second_contact_name": "Mother", "second_contact_phone": "098765432", "home_province": "01",
        "home_commune": "Ou Chrov"}
NOV = {"from": "2026-11-01", "to": "2026-11-30"}


def _nea(dev: Any, family: str, given: str, *, phone: str = "012345678", person_id: str | None = None,
         **form: Any) -> tuple[str, str]:
    """A quick registration (or a repeat arrival of ``person_id``) registered with NEA with consent on the form."""
    if person_id is None:
        q = dev.arrivals.quick_register({"family_name": family, "given_names": given, "sex": "F", "age_years": 31,
                                         "phone": phone})
    else:
        q = dev.arrivals.quick_register(person_id=person_id)
    dev.nea.register(q.encounter_id, {**FORM, "phone": phone, **form}, consent={"granted": True})
    return q.person_id, q.encounter_id


def _rows(data: bytes) -> list[dict[str, str]]:
    r = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(r[0]) == NEA_COLUMNS
    return [dict(zip(r[0], x, strict=True)) for x in r[1:]]


def _sign_in(url: str, clock: ManualClock, secret: str, username: str) -> httpx.Client:
    clock.advance(seconds=31)
    c = httpx.Client(base_url=url, timeout=10, follow_redirects=False)
    r = c.get("/hq/sign-in")
    r = c.post("/hq/sign-in", data={"csrf": csrf(r.text), "username": username, "passphrase": PASS,
                                    "code": totp_code(secret, clock.now().timestamp())})
    assert r.status_code == 303, r.text
    return c


def test_hq_exports_exactly_the_consenting_persons_of_both_checkpoints(tmp_path: Path, clock: ManualClock) -> None:
    url_db = f"sqlite:///{tmp_path / 'hq.db'}"
    service = HQService(HQStore.open(url_db), HQKeys.generate(), clock=clock)
    accounts = Accounts(service.store, clock)
    secrets = {u: accounts.add(u, u.title(), role, PASS).secret
               for u, role in (("dm", "data_manager"), ("ana", "analyst"), ("admin", "hq_admin"))}
    secrets["srey"] = accounts.add("srey", "Srey Mom", "partner", PASS, organisation="NEA_POIPET").secret
    a = new_device(tmp_path / "a.db", "Poipet", clock=clock)
    b = new_device(tmp_path / "b.db", "Bavet", clock=clock, username="bopha")
    try:
        with LiveServer(create_app(service, rate_per_minute=0, web={"clock": clock})) as srv, \
                HttpTransport(srv.url, timeout=30) as t:
            for dev in (a, b):
                SyncClient(dev, t).enroll(srv.url, service.issue_token(dev.site.checkpoint_name))
            # Poipet: SOK consents; HENG withdraws before the sync; KEO is voided; CHEA never registers with NEA.
            _nea(a, "SOK", "DARA", phone="+85512345678")
            _pid, heng = _nea(a, "HENG", "VISAL")
            a.consents.withdraw(heng, "nea_registration", reason="changed her mind")
            keo, _enc = _nea(a, "KEO", "SREY")
            a.corrections.void("person", keo, "entered twice")
            a.arrivals.quick_register({"family_name": "CHEA", "given_names": "NARY", "sex": "F", "age_years": 25})
            # Bavet: MAO registers twice (the latest wins); LIM consents, then withdraws after the sync.
            mao, _enc = _nea(b, "MAO", "SINA")
            _pid, lim = _nea(b, "LIM", "NITA")
            clock.advance(hours=2)
            _nea(b, "MAO", "SINA", person_id=mao, desired_job="", desired_sector="C",
                 second_contact_name="=HYPERLINK(1)")
            for dev in (a, b):
                assert SyncClient(dev, t).sync_once()["complete"]
            b.consents.withdraw(lim, "nea_registration", reason="found work")
            assert SyncClient(b, t).sync_once()["complete"]

            dm = _sign_in(srv.url, clock, secrets["dm"], "dm")
            page = dm.get("/hq/exports/nea").text
            assert 'id="nav-nea-export"' in page and 'id="nea-download"' in page
            r = dm.get("/hq/exports/nea/download.csv", params=NOV)
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
            assert "attachment" in r.headers["content-disposition"]
            got = _rows(r.content)
            assert [(x["family_name"], x["checkpoint"]) for x in got] == [("SOK", "Poipet"), ("MAO", "Bavet")]
            sok, mao_row = got
            assert sok["phone"] == "'+85512345678" and sok["occupation_abroad_isco"] == "7" and sok["age"] == "31"
            assert sok["skills"] == "WELDING;CONSTRUCTION" and sok["consent_given_by"] == "person"
            assert mao_row["second_contact_name"] == "'=HYPERLINK(1)"                        # never a formula
            assert (mao_row["desired_job"], mao_row["desired_sector"]) == ("", "C")          # the latest registration
            # Each checkpoint's part is byte for byte the device's own export (one layout, checkpoint.nea_layout).
            ids = dict((n, i) for i, n in re.findall(r'value="([^"]+)"\s*>\s*(\w+)', page))
            for dev, name in ((a, "Poipet"), (b, "Bavet")):
                own = tmp_path / f"{name}.csv"
                dev.nea.export(date(2026, 11, 1), date(2026, 11, 30), own)
                part = dm.get("/hq/exports/nea/download.csv", params={**NOV, "checkpoint": ids[name]})
                assert part.content == own.read_bytes(), name
            bad = dm.get("/hq/exports/nea/download.csv", params={"from": "2026-11-30", "to": "2026-11-01"})
            assert bad.status_code == 400 and 'id="nea-error"' in bad.text
            assert bad.headers["content-type"].startswith("text/html")
            km = dm.get("/hq/lang/km", params={"next": "/hq/exports/nea"})
            assert km.status_code in (302, 303)
            assert "ការនាំចេញទិន្នន័យ NEA" in dm.get("/hq/exports/nea").text
            # Who may not: an analyst (aggregates only), an HQ admin (accounts, keys) and a partner, even one named
            # for an NEA office, get 403 and no link.
            for who in ("ana", "admin", "srey"):
                c = _sign_in(srv.url, clock, secrets[who], who)
                assert c.get("/hq/exports/nea").status_code == 403
                denied = c.get("/hq/exports/nea/download.csv", params=NOV)
                assert denied.status_code == 403 and "SOK" not in denied.text
                assert "nav-nea-export" not in c.get("/hq/sync" if who != "srey" else "/hq/partner").text
            assert httpx.get(f"{srv.url}/hq/exports/nea/download.csv", params=NOV).status_code in (302, 303, 401)
        logged = [x for x in audit_rows(service.store, "export") if "NEA CSV" in x["target"]]
        assert (logged[0]["username"], logged[0]["detail"]) == ("dm", "period 2026-11-01..2026-11-30; 2 rows")
        assert len(logged) == 3 and {x["username"] for x in logged} == {"dm"}
        # The CLI: the same rows, a new 0600 file, journaled; never overwrites; bad input writes nothing.
        out = tmp_path / "nea-hq.csv"
        r = hq_cli("--db", url_db, "nea-export", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out),
                   "--json")
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["rows"] == 2 and [x["family_name"] for x in _rows(out.read_bytes())] == ["SOK",
                                                                                                            "MAO"]
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
        assert hq_cli("--db", url_db, "nea-export", "--from", "2026-11-01", "--to", "2026-11-30",
                      "--out", str(out)).returncode == 4
        r = hq_cli("--db", url_db, "nea-export", "--from", "2026-11-01", "--to", "2026-11-30", "--checkpoint",
                   "Nowhere", "--out", str(tmp_path / "never.csv"))
        assert r.returncode == 4 and "Nowhere" in r.stderr and not (tmp_path / "never.csv").exists()
        r = hq_cli("--db", url_db, "nea-export", "--from", "1 Nov", "--to", "2026-11-30", "--out",
                   str(tmp_path / "never.csv"))
        assert r.returncode != 0 and "YYYY-MM-DD" in r.stderr and not (tmp_path / "never.csv").exists()
        with service.store.read() as conn:
            lines = conn.execute(sa.select(journal.c.message).where(journal.c.kind == "export")).scalars().all()
            december = export_rows(conn, date(2026, 12, 1), date(2026, 12, 31))
        assert len(lines) == 1 and "NEA CSV by" in lines[0] and "2026-11-01..2026-11-30" in lines[0] \
            and "2 rows" in lines[0]
        assert december == []                                    # registered in November: nobody in December
    finally:
        a.lock()
        b.lock()
        service.store.close()


def test_a_hostile_registration_is_checked_again_and_never_carries_a_formula(tmp_path: Path) -> None:
    """A device (or a forger with its key) sends a form with unknown fields, a huge text, a formula and no consent:
    without a standing NEA consent nobody is exported; with one, only the form's fields, capped, neutralised."""
    import uuid

    from tests.support.hq_helpers import FakeDevice, synthetic_registration

    service = HQService(HQStore.open(f"sqlite:///{tmp_path / 'hq.db'}"), HQKeys.generate())
    try:
        dev = FakeDevice(checkpoint_name="Poipet")
        dev.enroll(service)
        evs = []
        for i, consent in enumerate((None, {"purpose": "nea_registration", "granted": True, "given_by": "person"})):
            pid = str(uuid.uuid4())
            reg = synthetic_registration(300 + i, person_id=pid)
            evs.append(dev.event(entity_id=pid, payload=reg))
            payload: dict[str, Any] = {"encounter_id": reg["encounter"]["id"], "registration": {
                "id": str(uuid.uuid4()), "data": {"desired_job": "@SUM(A1)", "home_commune": "x" * 5000,
                                                  "password": "secret", "skills": ["A", 7, {"x": 1}]}}}
            if consent:
                payload["consent"] = {**consent, "id": str(uuid.uuid4()), "target": "", "wording_version": "1"}
            evs.append(dev.event(entity_id=pid, type_="nea.registered", payload=payload))
        service.push(dev.seal(evs, service.keys.exchange_public))
        with service.store.read() as conn:
            rows = export_rows(conn, date(2000, 1, 1), date(2030, 12, 31))
    finally:
        service.store.close()
    if not rows:
        pytest.fail("HQ refused or ignored the registration with consent: the fold must read it")
    assert len(rows) == 1
    (row,) = rows
    assert row["desired_job"] == "@SUM(A1)" and row["home_commune"] == "" and row["skills"] == "A"
    assert "password" not in row and "secret" not in json.dumps(row)
    from checkpoint.nea_layout import csv_bytes

    assert "'@SUM(A1)" in csv_bytes(rows).decode("utf-8-sig")
