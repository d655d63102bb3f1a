"""The repeat-returnee pages (issue 15 point 6) over real HTTP: a data manager finds the pairs, compares both records
(logged as a record view), links or dismisses (audited); an analyst, an HQ admin and a partner get 403 on every
page and form and see no link; a form without the session's CSRF token changes nothing."""

from __future__ import annotations

import re

import sqlalchemy as sa

from sync.hq.store import checkpoint_entities, person_matches
from sync.hq.web.accounts import Accounts
from tests.sync.hq.web.harness import PASS, WebHQ, audit_rows, csrf, seed_pair


def _pair_links(html: str) -> list[str]:
    return re.findall(r'href="(/hq/matches/[^"/]+/[^"/]+)" class="open-match"', html)


def test_a_data_manager_finds_compares_and_links_a_pair(web_hq: WebHQ) -> None:
    a, b = seed_pair(web_hq)
    dm = web_hq.sign_in("dm")
    home = dm.get("/hq/matches")
    assert home.status_code == 200 and 'id="nav-matches"' in home.text
    assert dm.post("/hq/matches/refresh", data={"csrf": "forged"}).status_code == 403
    with web_hq.store.read() as conn:
        assert conn.execute(sa.select(person_matches)).all() == []          # the forged form changed nothing
    found = dm.post("/hq/matches/refresh", data={"csrf": csrf(home.text)})
    assert found.status_code == 200 and 'id="matches-done"' in found.text
    target = f"/hq/matches/{min(a, b)}/{max(a, b)}"
    assert target in _pair_links(found.text)
    assert "MEAS" not in found.text                                          # the list shows no names
    row = next(r for r in found.text.split("<tr>") if target in r)
    assert "same passport number" in row and "Koh Kong" in row and "Poipet" in row
    side = dm.get(target)
    assert side.status_code == 200
    assert "MEAS" in side.text and "MEASS" in side.text and "K7654321" in side.text
    assert [r["target"] for r in audit_rows(web_hq.store, "view_record")] == [f"match {min(a, b)} {max(a, b)}"]
    done = dm.post(f"{target}/link", data={"csrf": csrf(side.text), "note": "same photo"})
    assert done.status_code == 303 and done.headers["location"] == "/hq/matches"
    assert target not in _pair_links(dm.get("/hq/matches").text)
    assert target in _pair_links(dm.get("/hq/matches?status=linked").text)
    with web_hq.store.read() as conn:
        assert {str(r.entity_id) for r in conn.execute(sa.select(checkpoint_entities))} == {a, b}
    assert [(r["username"], r["detail"]) for r in audit_rows(web_hq.store, "match_link")] == [("dm", "same photo")]
    again = dm.post(f"{target}/dismiss", data={"csrf": csrf(side.text)})
    assert again.status_code == 409 and "already linked" in again.text


def test_a_dismissal_is_remembered(web_hq: WebHQ) -> None:
    a, b = seed_pair(web_hq)
    dm = web_hq.sign_in("dm")
    page = dm.post("/hq/matches/refresh", data={"csrf": csrf(dm.get("/hq/matches").text)})
    target = f"/hq/matches/{min(a, b)}/{max(a, b)}"
    assert dm.post(f"{target}/dismiss", data={"csrf": csrf(page.text), "note": "sisters"}).status_code == 303
    page = dm.post("/hq/matches/refresh", data={"csrf": csrf(page.text)})
    assert target not in _pair_links(page.text)
    assert target in _pair_links(dm.get("/hq/matches?status=dismissed").text)
    assert [r["username"] for r in audit_rows(web_hq.store, "match_dismiss")] == ["dm"]


def test_analysts_admins_and_partners_cannot_see_or_decide_pairs(web_hq: WebHQ) -> None:
    a, b = seed_pair(web_hq)
    dm = web_hq.sign_in("dm")
    dm.post("/hq/matches/refresh", data={"csrf": csrf(dm.get("/hq/matches").text)})
    web_hq.secrets["srey"] = Accounts(web_hq.store, web_hq.clock).add("srey", "Srey Mom", "partner", PASS,
                                                                      organisation="NGO_HAGAR").secret
    target = f"/hq/matches/{min(a, b)}/{max(a, b)}"
    for user in ("ana", "admin", "srey"):
        c = web_hq.sign_in(user)
        landing = c.get("/hq/partner" if user == "srey" else "/hq/")
        assert "nav-matches" not in landing.text and "/hq/matches" not in landing.text
        token = csrf(landing.text)
        for r in (c.get("/hq/matches"), c.get(target), c.get("/hq/matches?status=linked"),
                  c.post("/hq/matches/refresh", data={"csrf": token}),
                  c.post(f"{target}/link", data={"csrf": token}), c.post(f"{target}/dismiss", data={"csrf": token})):
            assert r.status_code == 403, (user, r.request.url)
            assert "MEAS" not in r.text and "K7654321" not in r.text
    with web_hq.store.read() as conn:
        assert {r.status for r in conn.execute(sa.select(person_matches))} == {"pending"}      # nothing decided
        assert conn.execute(sa.select(checkpoint_entities)).all() == []
    assert audit_rows(web_hq.store, "view_record") == []
    signed_out = web_hq.client().get(target)
    assert signed_out.status_code == 303 and signed_out.headers["location"] == "/hq/sign-in"
