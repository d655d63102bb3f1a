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
