"""The dashboard's operator pages over real HTTP (uvicorn on 127.0.0.1): a data manager releases or rejects a
quarantined event, gives up a held gap, decides a conflict and revokes a device, each with a reason and audited; an
analyst, a partner and an HQ admin are refused every quarantine, gap and conflict page and action (403, nothing
changes), and an analyst or partner cannot revoke a device."""

from __future__ import annotations

import sqlalchemy as sa

from checkpoint.events import event_hash
from sync.hq import operator
from sync.hq.store import devices, events, quarantine
from sync.hq.web.accounts import Accounts
from tests.sync.hq.web.harness import PASS, WebHQ, audit_rows, csrf


def _qid(web_hq: WebHQ) -> int:
    with web_hq.store.read() as conn:
        return int(conn.execute(sa.select(quarantine.c.id)).scalar_one())


def _conflict(web_hq: WebHQ) -> int:
    """Poipet's device sends one of its events again with other content: a conflict at HQ."""
    dev, hq = web_hq.devices["poipet"], web_hq.service
    ev = dev.event()
    hq.push(dev.seal([ev], hq.keys.exchange_public))
    other = {**ev, "payload": ev["payload"].replace("DARA", "DAVY")}
    other["hash"] = event_hash(other)
    hq.push(dev.seal([other], hq.keys.exchange_public))
    (c,) = operator.conflict_rows(web_hq.store)
    return int(c["id"])


def _status(web_hq: WebHQ, device_id: str) -> str:
    with web_hq.store.read() as conn:
        return str(conn.execute(sa.select(devices.c.status).where(devices.c.device_id == device_id)).scalar_one())


def test_analysts_partners_and_admins_are_refused_every_operator_page_and_action(web_hq: WebHQ) -> None:
    web_hq.secrets["srey"] = Accounts(web_hq.store, web_hq.clock).add(
        "srey", "Srey Mom", "partner", PASS, organisation="NGO_HAGAR").secret
    qid, cid = _qid(web_hq), _conflict(web_hq)
    bavet = web_hq.devices["bavet"].device_id
    pages = ["/hq/quarantine", f"/hq/quarantine/{qid}", "/hq/quarantine?state=all", "/hq/held", "/hq/conflicts"]
    actions = [f"/hq/quarantine/{qid}/release", f"/hq/quarantine/{qid}/reject", f"/hq/held/{bavet}/release",
               f"/hq/conflicts/{cid}/decide"]
    for user, home in (("ana", "/hq/sync"), ("srey", "/hq/partner"), ("admin", "/hq/accounts")):
        c = web_hq.sign_in(user)
        token = csrf(c.get(home).text)                        # a valid token of the user's own session
        for path in pages:
            r = c.get(path)
            assert r.status_code == 403 and "does not allow" in r.text and "DAVY" not in r.text, (user, path)
        for path in actions:
            assert c.post(path, data={"csrf": token, "reason": "because"}).status_code == 403, (user, path)
        if user != "admin":                                   # an HQ admin may revoke (devices are keys)
            r = c.post(f"/hq/devices/{bavet}/revoke", data={"csrf": token, "reason": "because"})
            assert r.status_code == 403, user
        assert "/hq/quarantine" not in c.get(home).text       # no link either
    assert [q["state"] for q in operator.quarantine_rows(web_hq.store, state="all")] == ["open"]
    assert len(operator.gap_rows(web_hq.store)) == 1 and operator.conflict_rows(web_hq.store)[0]["state"] == "open"
    assert _status(web_hq, bavet) == "active"
    assert not [a for a in audit_rows(web_hq.store) if a["action"] not in ("sign_in", "user_add")]


def test_a_data_manager_releases_or_rejects_a_quarantined_event_with_a_reason(web_hq: WebHQ) -> None:
    dm = web_hq.sign_in("dm")
    qid = _qid(web_hq)
    listing = dm.get("/hq/quarantine").text
    assert "does not match" in listing and "Poipet" in listing and "DAVY" not in listing   # never the payload
    item = dm.get(f"/hq/quarantine/{qid}")
    assert item.status_code == 200 and "DAVY" in item.text and 'id="release"' in item.text
    token = csrf(item.text)
    r = dm.post(f"/hq/quarantine/{qid}/release", data={"csrf": token, "reason": " "})
    assert r.status_code == 400 and "reason" in r.text
    assert not audit_rows(web_hq.store, "quarantine_release_refused")
    r = dm.post(f"/hq/quarantine/{qid}/release", data={"csrf": token, "reason": "the laptop was repaired"})
    assert (r.status_code, r.headers["location"]) == (303, f"/hq/quarantine/{qid}")
    page = dm.get(f"/hq/quarantine/{qid}").text
    assert "hash mismatch" in page and 'id="decision">open' in page            # checked again: it stays
    (refused,) = audit_rows(web_hq.store, "quarantine_release_refused")
    assert refused["username"] == "dm" and "the laptop was repaired" in refused["detail"]
    r = dm.post(f"/hq/quarantine/{qid}/reject", data={"csrf": token, "reason": "tampered on the laptop"})
    assert r.status_code == 303
    page = dm.get(f"/hq/quarantine/{qid}").text
    assert "rejected (dm" in page and "tampered on the laptop" in page and 'id="release"' not in page
    assert dm.post(f"/hq/quarantine/{qid}/reject", data={"csrf": token, "reason": "again"}).status_code == 409
    assert dm.get("/hq/quarantine").text.count('class="open"') == 0
    assert "tampered on the laptop" in audit_rows(web_hq.store, "quarantine_reject")[0]["detail"]
    r = dm.post(f"/hq/quarantine/{qid}/release", data={"reason": "no token"})
    assert r.status_code == 403                                                 # CSRF, as every POST


def test_a_data_manager_gives_up_a_gap_decides_a_conflict_and_revokes_with_a_reason(web_hq: WebHQ) -> None:
    dm = web_hq.sign_in("dm")
    bavet = web_hq.devices["bavet"]
    held = dm.get("/hq/held").text
    assert "Bavet" in held and ">3<" in held and "Give up the missing events" in held
    token = csrf(held)
    assert dm.post(f"/hq/held/{bavet.device_id}/release", data={"csrf": token, "reason": ""}).status_code == 400
    r = dm.post(f"/hq/held/{bavet.device_id}/release", data={"csrf": token, "reason": "laptop stolen"})
    assert r.status_code == 303
    assert "No gaps" in dm.get("/hq/held").text
    with web_hq.store.read() as conn:
        assert set(conn.execute(sa.select(events.c.status).where(events.c.device_id == bavet.device_id))
                   .scalars()) == {"accepted"}
    assert "laptop stolen" in audit_rows(web_hq.store, "gap_release")[0]["detail"]

    cid = _conflict(web_hq)
    page = dm.get("/hq/conflicts").text
    assert f'id="c-{cid}"' in page and "Keep HQ&#39;s copy" in page
    r = dm.post(f"/hq/conflicts/{cid}/decide", data={"csrf": token, "reason": "HQ's copy is the one shared"})
    assert r.status_code == 303
    assert "No conflicts" in dm.get("/hq/conflicts").text
    assert "shared" in dm.get("/hq/conflicts?state=all").text
    assert audit_rows(web_hq.store, "conflict_decide")[0]["username"] == "dm"

    assert dm.post(f"/hq/devices/{bavet.device_id}/revoke", data={"csrf": token, "reason": ""}).status_code == 400
    assert _status(web_hq, bavet.device_id) == "active"
    assert dm.post("/hq/devices/no-such-device/revoke", data={"csrf": token, "reason": "x"}).status_code == 404
    r = dm.post(f"/hq/devices/{bavet.device_id}/revoke", data={"csrf": token, "reason": "laptop stolen"})
    assert r.status_code == 303 and _status(web_hq, bavet.device_id) == "revoked"
