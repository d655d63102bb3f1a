"""Issue 16 end to end: a real HQ under uvicorn on 127.0.0.1, two devices of one checkpoint syncing over HTTP, a
data manager and two partner accounts in the dashboard.

An NGO is added at HQ (the directory page) → both devices apply the signed directory → an officer refers a person
to it → the partner sees only that referral (not the other NGO's, not the checklist answers), checks the slip,
records the arrival and the closure → both devices of the checkpoint see the stages after their next sync."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from checkpoint import crypto
from checkpoint.clock import ManualClock
from checkpoint.services import unlock
from sync.device.client import SyncClient
from sync.device.transport import HttpTransport
from sync.hq.http import create_app
from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import HQStore
from sync.hq.web.accounts import Accounts, totp_code
from tests.support.client_harness import enroll, new_device
from tests.support.helpers import POSITIVE_ADULT, adult, registration
from tests.support.hq_helpers import LiveServer

PASS = "river lotus mango sunrise"
CSV = ("code,kind,name_en,name_km,services,provinces,contacts,languages,active_from,active_to\n"
       "NGO_HAGAR,ngo,Hagar Cambodia,ហាការ,protection;shelter,01,+855 23 123 456,khm,2026-01-01,\n"
       "NGO_OTHER,ngo,Other NGO,,protection,01,,,,\n")


def _csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF token in the page"
    return m.group(1)


class Web:
    def __init__(self, url: str, clock: ManualClock, accounts: Accounts) -> None:
        self.url, self.clock, self.accounts, self.secrets = url, clock, accounts, {}

    def add(self, username: str, role: str, organisation: str = "") -> None:
        self.secrets[username] = self.accounts.add(username, username.title(), role, PASS,
                                                   organisation=organisation).secret

    def sign_in(self, username: str) -> httpx.Client:
        self.clock.advance(seconds=31)
        c = httpx.Client(base_url=self.url, timeout=15, follow_redirects=False)
        r = c.post("/hq/sign-in", data={"csrf": _csrf(c.get("/hq/sign-in").text), "username": username,
                                        "passphrase": PASS,
                                        "code": totp_code(self.secrets[username], self.clock.now().timestamp())})
        assert r.status_code == 303, r.text
        return c


@pytest.fixture
def network(tmp_path: Path, clock: ManualClock):
    service = HQService(HQStore.open(f"sqlite:///{tmp_path / 'hq.db'}"), HQKeys.generate(), clock=clock)
    try:
        with LiveServer(create_app(service, rate_per_minute=0, web={"clock": clock})) as srv:
            web = Web(srv.url, clock, Accounts(service.store, clock))
            web.add("dm", "data_manager")
            web.add("sophea", "partner", "NGO_HAGAR")
            web.add("other", "partner", "NGO_OTHER")
            yield service, srv.url, web
    finally:
        service.store.close()


def _sync(s: Any, url: str) -> dict[str, Any]:
    t = HttpTransport(url, timeout=30)
    try:
        return SyncClient(s, t).sync_once()
    finally:
        t.close()


def test_ngo_added_at_hq_to_a_partner_who_follows_up_and_back(network, tmp_path: Path, clock) -> None:
    service, url, web = network
    # 1. the data manager adds the NGOs on the directory page
    dm = web.sign_in("dm")
    page = dm.get("/hq/directory")
    r = dm.post("/hq/directory", data={"csrf": _csrf(page.text), "csv": CSV})
    assert r.status_code == 200 and 'id="directory-done"' in r.text and "NGO_HAGAR" in r.text
    # 2. two devices of Poipet enroll and apply the signed directory over HTTP
    a = new_device(tmp_path / "a.db", "Poipet", clock=clock)
    b = new_device(tmp_path / "b.db", "Poipet", clock=clock, username="bopha")
    a.users.add("sokha", "Sokha", "officer", "officer lotus pass 2026")
    try:
        for s in (a, b):
            t = HttpTransport(url, timeout=30)
            enroll(s, service, t, url=url)
            t.close()
            out = _sync(s, url)
            assert out["complete"] and out["reference"]["applied"], out
            assert "NGO_HAGAR" in {x.code for x in s.directory.active_agencies(service="shelter")}
        # 3. an officer refers a person to the NGO (and another to another NGO)
        officer = unlock(a.store.path, "sokha", "officer lotus pass 2026", clock=clock, kdf=crypto.KdfParams.fast())
        try:
            reg = officer.registrations.register(**registration(
                person=adult(family_name="CHAN", given_names="SREY", sex="F"),
                trafficking={"ticked": POSITIVE_ADULT},
                referrals=[{"kind": "protection", "agency_code": "NGO_HAGAR", "reason_code": "TRAFFICKING_INDICATORS",
                            "urgency": "SAME_DAY"}]))
            officer.registrations.register(**registration(
                person=adult(family_name="KEO", given_names="VISAL", id_document_number="N7654321"),
                referrals=[{"kind": "protection", "agency_code": "NGO_OTHER", "reason_code": "LABOUR_EXPLOITATION"}]))
        finally:
            officer.lock()
        rid = reg.referral_ids[0]
        token = a.slips.slip(rid).token
        early = web.sign_in("sophea")                  # the slip arrives before the checkpoint synced: said so
        r = early.post("/hq/partner/verify", data={"csrf": _csrf(early.get("/hq/partner").text), "token": token})
        assert r.status_code == 404 and "has not received this referral yet" in r.text
        assert _sync(a, url)["complete"]
        # 4. the partner sees only that referral, and the minimum
        ngo = web.sign_in("sophea")
        home = ngo.get("/hq/partner")
        assert home.status_code == 200 and "CHAN SREY" in home.text and "KEO" not in home.text
        assert "ILO-" not in home.text and "N1234567" not in home.text
        other = web.sign_in("other")
        assert other.get(f"/hq/partner/referrals/{rid}").status_code == 404       # not hers: nothing of it
        detail = ngo.get(f"/hq/partner/referrals/{rid}")
        assert detail.status_code == 200 and "012345678" in detail.text and "ILO-" not in detail.text
        # 5. she checks the slip at the door, records the arrival, then the closure
        checked = ngo.post("/hq/partner/verify", data={"csrf": _csrf(detail.text), "token": token})
        assert checked.status_code == 200 and 'id="slip-valid"' in checked.text and "CHAN SREY" in checked.text
        forged = ngo.post("/hq/partner/verify", data={"csrf": _csrf(detail.text), "token": token[:-5] + "AAAAA"})
        assert forged.status_code == 400 and "does not verify" in forged.text
        wrong_org = other.post("/hq/partner/verify", data={"csrf": _csrf(other.get("/hq/partner").text),
                                                           "token": token})
        assert wrong_org.status_code == 403 and "CHAN" not in wrong_org.text
        for stage, outcome in (("arrived", ""), ("closed", "reintegrated")):
            r = ngo.post(f"/hq/partner/referrals/{rid}/stage",
                         data={"csrf": _csrf(detail.text), "stage": stage, "outcome": outcome})
            assert r.status_code == 303, r.text
        final = ngo.get(f"/hq/partner/referrals/{rid}").text
        assert "Person arrived" in final and "Reintegrated with family or community" in final
        assert 'id="record-stage"' not in final                                  # closed: no more stages
        # 6. both devices of the registering checkpoint see the stages after their next sync
        for s in (a, b):
            out = _sync(s, url)
            assert out["complete"] and out["held_incoming"] == 0, out
            stages = [r[0] for r in s.store.db.execute(
                "SELECT stage FROM referral_stages WHERE referral_id = ? ORDER BY recorded_at, rowid", [rid])]
            assert stages == ["arrived", "closed"]
            assert s.referrals.get(rid).status == "closed"
    finally:
        a.lock()
        b.lock()
