"""The HQ dashboard over real HTTP (uvicorn on 127.0.0.1): sign-in, who sees what, CSRF, session expiry, headers,
the audit trail, and the device sync API still answering as before on the same app."""

from __future__ import annotations

import sqlalchemy as sa

from sync.hq.store import devices, hq_users, quarantine
from tests.sync.hq.web.harness import PASS, WebHQ, audit_rows, csrf

PAGES = ["/hq/", "/hq/sync", "/hq/reports/arrivals", "/hq/reports/tb", "/hq/quarantine", "/hq/quarantine/1",
         "/hq/held", "/hq/conflicts", "/hq/accounts", "/hq/records/x"]


def _quarantine_id(web_hq: WebHQ) -> int:
    with web_hq.store.read() as conn:
        return int(conn.execute(sa.select(quarantine.c.id)).scalar_one())


def test_nothing_but_sign_in_and_health_answers_without_a_session(web_hq: WebHQ) -> None:
    c = web_hq.client()
    for path in PAGES:
        r = c.get(path)
        assert (r.status_code, r.headers.get("location")) == (303, "/hq/sign-in"), path
    for path, data in (("/hq/devices/x/revoke", {}), ("/hq/accounts", {}), ("/hq/sign-out", {})):
        assert c.post(path, data=data).headers.get("location") == "/hq/sign-in"
    assert c.get("/hq/sign-in").status_code == 200
    assert c.get("/v1/health").json()["status"] == "ok"


def test_sign_in_needs_passphrase_and_a_fresh_totp_code(web_hq: WebHQ) -> None:
    c = web_hq.client()
    token = csrf(c.get("/hq/sign-in").text)
    wrong_code = str((int(web_hq.code("dm")) + 1) % 1_000_000).zfill(6)
    for pw, code in ((PASS, wrong_code), ("not the passphrase", web_hq.code("dm")), (PASS, "")):
        r = c.post("/hq/sign-in", data={"csrf": token, "username": "dm", "passphrase": pw, "code": code})
        assert r.status_code == 401 and "Sign-in refused" in r.text
        token = csrf(r.text)
    code = web_hq.code("dm")
    r = c.post("/hq/sign-in", data={"csrf": token, "username": "dm", "passphrase": PASS, "code": code})
    assert r.status_code == 303
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" not in cookie   # plain HTTP here
    # the same code again (a shoulder-surfed or replayed code) is refused, even with the right passphrase
    other = web_hq.client()
    r = other.post("/hq/sign-in", data={"csrf": csrf(other.get("/hq/sign-in").text), "username": "dm",
                                        "passphrase": PASS, "code": code})
    assert r.status_code == 401
    actions = [a["action"] for a in audit_rows(web_hq.store) if a["target"] == "dm"]
    assert actions.count("sign_in_failed") == 4 and actions.count("sign_in") == 1


def test_five_failures_lock_the_account_for_fifteen_minutes(web_hq: WebHQ) -> None:
    from sync.hq.web.accounts import Accounts

    accounts = Accounts(web_hq.store, web_hq.clock)
    for _ in range(5):
        try:
            accounts.authenticate("ana", "wrong passphrase", web_hq.code("ana"))
        except Exception as e:
            assert type(e).__name__ == "AuthError"
    assert accounts.get("ana").locked
    web_hq.clock.advance(seconds=31)
    c = web_hq.client()
    r = c.post("/hq/sign-in", data={"csrf": csrf(c.get("/hq/sign-in").text), "username": "ana", "passphrase": PASS,
                                    "code": web_hq.code("ana")})
    assert r.status_code == 401                                     # the right passphrase and code: still locked
    web_hq.clock.advance(minutes=15)
    web_hq.sign_in("ana")


def test_an_analyst_sees_aggregates_but_never_the_quarantine_or_a_record(web_hq: WebHQ) -> None:
    ana = web_hq.sign_in("ana")
    home = ana.get("/hq/")
    assert home.status_code == 200 and "/hq/quarantine" not in home.text and "/hq/records" not in home.text
    assert 'id="stat-persons">6<' in home.text       # persons registered: 3 Poipet, 3 Bavet (one of them held)
    for path in ("/hq/quarantine", f"/hq/quarantine/{_quarantine_id(web_hq)}", "/hq/held", "/hq/conflicts",
                 "/hq/accounts", f"/hq/records/{web_hq.devices['poipet'].device_id}"):
        r = ana.get(path)
        assert r.status_code == 403 and "does not allow" in r.text, path
    assert not audit_rows(web_hq.store, "view_record")
    sync_page = ana.get("/hq/sync").text
    assert "Poipet" in sync_page and "Revoke" not in sync_page       # counts yes, the revoke button no


def test_a_data_manager_opens_quarantine_and_each_record_view_is_logged(web_hq: WebHQ) -> None:
    dm = web_hq.sign_in("dm")
    qid = _quarantine_id(web_hq)
    listing = dm.get("/hq/quarantine").text
    assert "does not match" in listing and "DAVY" not in listing      # reason and hash, never the payload
    item = dm.get(f"/hq/quarantine/{qid}")
    assert item.status_code == 200 and "DAVY" in item.text
    logged = audit_rows(web_hq.store, "view_record")
    assert [(a["username"], a["target"]) for a in logged] == [("dm", f"quarantine {qid}")]
    r = dm.post(f"/hq/quarantine/{qid}/reject", data={"csrf": csrf(item.text), "note": "tampered"})
    assert r.status_code == 303
    assert "rejected (dm)" in dm.get("/hq/quarantine").text
    assert audit_rows(web_hq.store, "quarantine_reject")[0]["username"] == "dm"
    held = dm.get("/hq/held").text
    assert "Bavet" in held and "3–3" in held                         # Bavet's event 3 is missing, 4 waits


def test_csrf_and_cross_origin_posts_are_refused_and_change_nothing(web_hq: WebHQ) -> None:
    dm = web_hq.sign_in("dm")
    device = web_hq.devices["bavet"].device_id
    token = csrf(dm.get("/hq/sync").text)
    for data, headers in (({}, {}), ({"csrf": "forged"}, {}), ({"csrf": token}, {"Origin": "http://evil.example"})):
        r = dm.post(f"/hq/devices/{device}/revoke", data={**data, "reason": "x"}, headers=headers)
        assert r.status_code == 403
    with web_hq.store.read() as conn:
        assert conn.execute(sa.select(devices.c.status).where(devices.c.device_id == device)).scalar_one() == "active"
    r = dm.post(f"/hq/devices/{device}/revoke", data={"csrf": token, "reason": "laptop stolen"})
    assert r.status_code == 303
    with web_hq.store.read() as conn:
        assert conn.execute(sa.select(devices.c.status).where(devices.c.device_id == device)).scalar_one() == \
            "revoked"
    assert audit_rows(web_hq.store, "revoke_device")[0]["detail"] == "laptop stolen"


def test_sessions_expire_when_idle_and_absolutely(web_hq: WebHQ) -> None:
    c = web_hq.sign_in("ana")
    web_hq.clock.advance(minutes=29)
    assert c.get("/hq/").status_code == 200                         # activity renews the idle time
    web_hq.clock.advance(minutes=29)
    assert c.get("/hq/").status_code == 200
    web_hq.clock.advance(minutes=31)
    assert c.get("/hq/").headers.get("location") == "/hq/sign-in"   # idle 31 min: gone, and stays gone
    c = web_hq.sign_in("ana")
    for _ in range(24):                                             # busy all day: 12 h is the limit anyway
        web_hq.clock.advance(minutes=29)
        c.get("/hq/")
    web_hq.clock.advance(minutes=30)
    assert c.get("/hq/").headers.get("location") == "/hq/sign-in"


def test_locking_an_account_ends_its_sessions(web_hq: WebHQ) -> None:
    ana = web_hq.sign_in("ana")
    admin = web_hq.sign_in("admin")
    page = admin.get("/hq/accounts")
    assert page.status_code == 200 and web_hq.service.health()["hq_signing_key_id"] in page.text
    assert admin.post("/hq/accounts/ana/lock", data={"csrf": csrf(page.text)}).status_code == 303
    assert ana.get("/hq/").headers.get("location") == "/hq/sign-in"
    with web_hq.store.read() as conn:
        assert conn.execute(sa.select(hq_users.c.status).where(hq_users.c.username == "ana")).scalar_one() == "locked"


def test_security_headers_on_dashboard_pages_only(web_hq: WebHQ) -> None:
    c = web_hq.client()
    h = c.get("/hq/sign-in").headers
    assert "script-src" not in h["content-security-policy"] and "default-src 'none'" in h["content-security-policy"]
    assert "frame-ancestors 'none'" in h["content-security-policy"]
    assert (h["x-content-type-options"], h["referrer-policy"], h["cache-control"]) == ("nosniff", "no-referrer",
                                                                                      "no-store")
    assert "strict-transport-security" not in h                     # plain HTTP: no HSTS (it is sent over TLS)
    assert "content-security-policy" not in c.get("/v1/health").headers   # the sync API's answers are unchanged


def test_sign_in_attempts_are_rate_limited_per_address(web_hq: WebHQ) -> None:
    c = web_hq.client()
    statuses = []
    for _ in range(7):
        r = c.post("/hq/sign-in", data={"csrf": csrf(c.get("/hq/sign-in").text), "username": "ana",
                                        "passphrase": "wrong", "code": "000000"})
        statuses.append(r.status_code)
    assert statuses[:5] == [401] * 5 and statuses[-1] == 429


def test_khmer_pages(web_hq: WebHQ) -> None:
    ana = web_hq.sign_in("ana")
    r = ana.get("/hq/lang/km", params={"next": "/hq/sync"})
    assert r.headers["location"] == "/hq/sync"
    page = ana.get("/hq/sync").text
    assert 'lang="km"' in page and "ស្ថានភាពធ្វើសមកាលកម្ម" in page
    assert ana.get("/hq/lang/km", params={"next": "//evil.example/"}).headers["location"] == "/hq/"


def test_over_tls_the_cookie_is_secure_and_hsts_is_sent(web_hq: WebHQ) -> None:
    # uvicorn trusts X-Forwarded-Proto from 127.0.0.1: what the TLS reverse proxy of the HQ install sends
    c = web_hq.client()
    tls = {"X-Forwarded-Proto": "https"}
    r = c.get("/hq/sign-in", headers=tls)
    assert r.headers["strict-transport-security"].startswith("max-age=")
    assert "Secure" in r.headers["set-cookie"]


def test_an_export_is_logged_with_who_what_period_and_rows(web_hq: WebHQ) -> None:
    from sync.hq.web.accounts import log_export

    log_export(web_hq.store, web_hq.clock, "dm", "arrivals.csv", "2026-11", 42, "10.0.0.5")
    (row,) = audit_rows(web_hq.store, "export")
    assert (row["username"], row["target"], row["detail"]) == ("dm", "arrivals.csv", "period 2026-11; 42 rows")


def test_a_partner_account_sees_nothing_of_hqs_other_pages(web_hq: WebHQ) -> None:
    from sync.hq.web.accounts import Accounts

    secret = Accounts(web_hq.store, web_hq.clock).add("srey", "Srey Mom", "partner", PASS,
                                                      organisation="Friends NGO").secret
    web_hq.secrets["srey"] = secret
    ngo = web_hq.sign_in("srey")
    assert ngo.get("/hq/").headers["location"] == "/hq/partner"          # her home: her referrals (#16)
    home = ngo.get("/hq/partner")
    assert home.status_code == 200 and "No referrals" in home.text and "/hq/sync" not in home.text
    for path in ("/hq/sync", "/hq/reports/arrivals", "/hq/quarantine", "/hq/accounts", "/hq/directory",
                 "/hq/reports/arrivals/download.csv"):
        assert ngo.get(path).status_code == 403, path


def test_signing_in_again_ends_the_previous_session(web_hq: WebHQ) -> None:
    c = web_hq.sign_in("ana")
    old = c.cookies["hq_session"]
    web_hq.clock.advance(seconds=31)
    r = c.post("/hq/sign-in", data={"csrf": csrf(c.get("/hq/sign-in").text), "username": "ana", "passphrase": PASS,
                                    "code": web_hq.code("ana")})
    assert r.status_code == 303 and c.cookies["hq_session"] != old
    stale = web_hq.client()
    stale.cookies.set("hq_session", old, path="/hq")
    assert stale.get("/hq/").headers.get("location") == "/hq/sign-in"


def test_a_person_record_opens_for_a_data_manager_only_and_is_logged(web_hq: WebHQ) -> None:
    from sync.hq.store import persons

    with web_hq.store.read() as conn:
        person = str(conn.execute(sa.select(persons.c.person_id).limit(1)).scalar_one())
    ana, dm = web_hq.sign_in("ana"), web_hq.sign_in("dm")
    assert ana.get(f"/hq/records/{person}").status_code == 403
    page = dm.get(f"/hq/records/{person}")
    assert page.status_code == 200 and "registration.recorded" in page.text and "SOK" in page.text
    assert [(a["username"], a["target"]) for a in audit_rows(web_hq.store, "view_record")] == \
        [("dm", f"person {person}")]
    assert dm.get("/hq/records/nobody").status_code == 404
