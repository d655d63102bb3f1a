"""The HQ dashboard under test (shared by the tests and tools/hq_screenshots.py): a real HQ store (SQLite file),
HQ's whole FastAPI app (sync API + dashboard) under a
real uvicorn on 127.0.0.1, an injected clock (sessions, lockouts, TOTP), one account per role, and data pushed
through the real sync protocol by synthetic devices (two checkpoints, a quarantined event, a held gap)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from checkpoint.clock import ManualClock
from sync.hq.http import create_app
from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import HQStore
from sync.hq.web.accounts import Accounts, totp_code
from tests.support.hq_helpers import FakeDevice, LiveServer

PASS = "river lotus mango sunrise"
START = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
ROLE_OF = {"ana": "analyst", "dm": "data_manager", "admin": "hq_admin"}
NAMES = {"ana": "Sophea Kim", "dm": "Vanna Chea", "admin": "Rith Sok"}


@dataclass
class WebHQ:
    url: str
    service: HQService
    clock: ManualClock
    secrets: dict[str, str]            # username -> TOTP secret
    devices: dict[str, FakeDevice]

    @property
    def store(self) -> HQStore:
        return self.service.store

    def code(self, username: str, *, offset: float = 0) -> str:
        return totp_code(self.secrets[username], self.clock.now().timestamp() + offset)

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=10, follow_redirects=False)

    def sign_in(self, username: str) -> httpx.Client:
        """A client signed in as ``username`` (each sign-in moves the clock one TOTP step: a code works once)."""
        self.clock.advance(seconds=31)
        c = self.client()
        r = c.get("/hq/sign-in")
        r = c.post("/hq/sign-in", data={"csrf": csrf(r.text), "username": username, "passphrase": PASS,
                                        "code": self.code(username)})
        assert r.status_code == 303 and r.headers["location"] == "/hq/", r.text
        return c


def csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF token in the page"
    return m.group(1)


def seed(hq: HQService) -> dict[str, FakeDevice]:
    """Two checkpoints' devices push real sealed batches: Poipet 3 registrations (and one event whose content does
    not match its hash: quarantined), Bavet 2 registrations then one after a gap (held)."""
    poipet, bavet = FakeDevice(checkpoint_name="Poipet"), FakeDevice(checkpoint_name="Bavet")
    for d in (poipet, bavet):
        d.enroll(hq)
    evs = poipet.events(3)
    bad = poipet.event()
    bad["payload"] = bad["payload"].replace("DARA", "DAVY")          # tampered: its hash no longer matches
    hq.push(poipet.seal([*evs, bad], hq.keys.exchange_public))
    hq.push(bavet.seal(bavet.events(2), hq.keys.exchange_public))
    bavet.event()                                                    # never sent: a gap
    hq.push(bavet.seal([bavet.event()], hq.keys.exchange_public))
    return {"poipet": poipet, "bavet": bavet}


def audit_rows(store: HQStore, action: str | None = None) -> list[dict[str, Any]]:
    import sqlalchemy as sa

    from sync.hq.store import hq_audit

    q = sa.select(hq_audit).order_by(hq_audit.c.id)
    if action:
        q = q.where(hq_audit.c.action == action)
    with store.read() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


@contextlib.contextmanager
def running_hq(folder: Path) -> Iterator[WebHQ]:
    """HQ on a new SQLite store in ``folder``, seeded, with one account per role, served on 127.0.0.1."""
    clock = ManualClock(START)
    service = HQService(HQStore.open(f"sqlite:///{folder / 'hq.db'}"), HQKeys.generate(), clock=clock)
    try:
        accounts = Accounts(service.store, clock)
        secrets = {u: accounts.add(u, NAMES[u], r, PASS).secret for u, r in ROLE_OF.items()}
        devices = seed(service)
        app = create_app(service, rate_per_minute=0, web={"clock": clock})
        with LiveServer(app) as srv:
            yield WebHQ(srv.url, service, clock, secrets, devices)
    finally:
        service.store.close()


# -------------------------------------------------------------------------------------------- referral network (#16)
REFERRAL_CSV = ("code,kind,name_en,name_km,services,provinces,contacts,languages\r\n"
                "NGO_HAGAR,ngo,Hagar Cambodia,ហាការ,protection;shelter,01;12,+855 23 123 456,khm;eng\r\n"
                "NGO_OTHER,ngo,Other NGO,,protection,01,,khm\r\n"
                "KH01-NEW-HC,health_facility,New health centre,,tb_diagnosis;medical,01,,khm\r\n").encode()


def seed_referrals(hq: WebHQ) -> dict[str, str]:
    """The directory, a partner account "srey" of NGO_HAGAR, and a Poipet device that registered two persons
    referred to NGO_HAGAR and NGO_OTHER. Returns ``{"referral", "other", "slip"}``: the NGO's referral id, the
    other one's, and the signed QR text of the NGO's slip."""
    import uuid

    from checkpoint.slips import sign_token
    from sync.hq import directory
    from tests.support.hq_helpers import synthetic_registration

    directory.import_csv(hq.store, hq.clock, REFERRAL_CSV, by="dm")
    hq.secrets["srey"] = Accounts(hq.store, hq.clock).add("srey", "Srey Mom", "partner", PASS,
                                                         organisation="NGO_HAGAR").secret
    dev = FakeDevice(checkpoint_name="Poipet")
    dev.enroll(hq.service)
    ids: dict[str, str] = {}
    evs = []
    for i, (key, org, family) in enumerate((("referral", "NGO_HAGAR", "CHAN"), ("other", "NGO_OTHER", "KEO"))):
        pid = str(uuid.uuid4())
        p = synthetic_registration(100 + i, person_id=pid)
        p["person"]["family_name"] = family
        p["trafficking"] = {"id": str(uuid.uuid4()), "ticked": ["ILO-DR-1", "ILO-EX-1"], "outcome": "positive"}
        ids[key] = str(uuid.uuid4())
        p["referrals"] = [{"id": ids[key], "kind": "protection", "agency_code": org, "urgency": "SAME_DAY",
                           "reason_code": "TRAFFICKING_INDICATORS", "notes": ""}]
        evs.append(dev.event(entity_id=pid, payload=p))
        if key == "referral":
            ids["slip"] = sign_token({"id": ids[key], "person_id": pid}, dev.signing_private, dev.signing_public,
                                     issued=hq.clock.now().date())
    hq.service.push(dev.seal(evs, hq.service.keys.exchange_public))
    hq.devices["poipet-2"] = dev
    return ids


# -------------------------------------------------------------------------------------------- repeat returnees (#15.6)
def seed_pair(hq: WebHQ) -> tuple[str, str]:
    """A person registered at Koh Kong and again at Poipet (another device) with the same passport (#15 point 6:
    the "Same person" pages). Returns the two person ids."""
    import uuid

    from tests.support.hq_helpers import synthetic_registration

    ids = []
    for name, family in (("Koh Kong", "MEAS"), ("Poipet", "MEASS")):
        dev = FakeDevice(checkpoint_name=name)
        dev.enroll(hq.service)
        pid = str(uuid.uuid4())
        p = synthetic_registration(7, person_id=pid)
        p["person"].update(family_name=family, given_names="SREYNICH", date_of_birth="2001-02-03",
                           id_document_number="K7654321")
        hq.service.push(dev.seal([dev.event(entity_id=pid, payload=p)], hq.service.keys.exchange_public))
        ids.append(pid)
    return ids[0], ids[1]


# -------------------------------------------------------------------------------------------- assistance, NEA (#15.3)
SERVICE_ITEMS = (("WATER", "FOOD_WATER", "bottle", "IOM"), ("MEAL", "FOOD_WATER", "meal", "IOM"),
                 ("HYGIENE_KIT", "NON_FOOD", "kit", "DOSVY"), ("BUS_TICKET", "TRANSPORT", "ticket", "IOM"),
                 ("CASH_GRANT", "CASH", "USD", "IOM"), ("NIGHT", "SHELTER", "night", "DOSVY"))


def seed_services(hq: WebHQ, per_checkpoint: int = 12) -> list[dict[str, Any]]:
    """Poipet and Bavet devices register ``per_checkpoint`` persons each (women, men, girls and boys), hand out
    assistance to each (one or two items; one handing-out voided) and register two in three with NEA, through the
    real sync protocol in November 2026. Returns the events sent, in order (the tests' own figures are counted
    from them)."""
    import random
    import uuid

    from tests.support.hq_helpers import synthetic_registration

    rng = random.Random(15)
    sent: list[dict[str, Any]] = []
    for name in ("Poipet", "Bavet"):
        dev = FakeDevice(checkpoint_name=name)
        dev.enroll(hq.service)
        evs: list[dict[str, Any]] = []
        for i in range(per_checkpoint):
            pid = str(uuid.uuid4())
            p = synthetic_registration(500 + i, person_id=pid)
            p["person"].update(sex="FM"[i % 2], date_of_birth="2012-03-04" if i % 4 == 3 else "1994-07-08",
                               home_province=rng.choice(["01", "12"]))
            evs.append(dev.event(entity_id=pid, payload=p))
            for code, kind, unit, provider in rng.sample(SERVICE_ITEMS, 1 + i % 2):
                aid = str(uuid.uuid4())
                evs.append(dev.event(type_="assistance.given", entity_id=pid, payload={"assistance": {
                    "id": aid, "item_code": code, "kind": kind, "unit": unit, "quantity": 1, "provider": provider,
                    "cash_grant": kind == "CASH", "content_version": "1"}}))
                if i == 5:
                    evs.append(dev.event(type_="assistance.voided", entity_id=pid,
                                         payload={"assistance_id": aid, "reason": "recorded twice"}))
            if i % 3:
                evs.append(dev.event(type_="nea.registered", entity_id=pid, payload={
                    "encounter_id": p["encounter"]["id"], "registration": {"id": str(uuid.uuid4()), "data": {
                        "desired_sector": rng.choice(["C", "F"]), "desired_job": "FACTORY_WORKER",
                        "desired_province": "12", "education": "PRIMARY", "abroad_again": "no",
                        "phone": "012345678"}}}))
        hq.service.push(dev.seal(evs, hq.service.keys.exchange_public))
        sent += evs
    return sent
