"""The assistance and NEA registration report pages (issue 15 point 3) over real HTTP: the figures counted here from
the events the devices sent, broken down by the reports' own dimensions (kind, provider, the NEA form's codes) and
the common ones, small cells withheld for an analyst, CSV and XLSX downloads always suppressed; no longer the
"not computed" note; who may not see them (not signed in, a partner) gets nothing."""

from __future__ import annotations

import io
import json
import zipfile
from collections import Counter
from typing import Any

from sync.hq.web.accounts import Accounts
from tests.sync.hq.web.harness import PASS, WebHQ, seed_services
from tests.sync.hq.web.test_report_pages import _table


def _counted(sent: list[dict[str, Any]]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Handings-out by kind and provider (voids left out), NEA registrations by sector wanted: from what was sent."""
    given: dict[str, dict[str, Any]] = {}
    nea: Counter[str] = Counter()
    for ev in sent:
        p = json.loads(ev["payload"])
        if ev["type"] == "assistance.given":
            given[p["assistance"]["id"]] = p["assistance"]
        elif ev["type"] == "assistance.voided":
            given.pop(p["assistance_id"])
        elif ev["type"] == "nea.registered":
            nea[p["registration"]["data"]["desired_sector"]] += 1
    return Counter(a["kind"] for a in given.values()), Counter(a["provider"] for a in given.values()), nea


def test_the_pages_show_the_figures_of_the_devices_events(web_hq: WebHQ) -> None:
    kinds, providers, sectors = _counted(seed_services(web_hq))
    dm = web_hq.sign_in("dm")
    q = {"period": "2026-11", "view": "none"}
    page = dm.get("/hq/reports/assistance", params={**q, "dimension": "kind"}).text
    assert "does not compute" not in page and 'value="provider"' in page and 'value="exploitation"' not in page
    rows = _table(page)
    assert rows[0] == ["Kind of assistance", "Assistance given", "Persons assisted"]
    assert {r[0]: int(r[1]) for r in rows[1:-1]} == dict(kinds)
    assert rows[-1][:2] == ["Total", str(sum(kinds.values()))]
    rows = _table(dm.get("/hq/reports/assistance", params={**q, "dimension": "provider"}).text)
    assert rows[0][:4] == ["Provider", "Assistance given", "Persons assisted", "Food and water"]
    assert {r[0]: int(r[1]) for r in rows[1:-1]} == dict(providers)
    nea = dm.get("/hq/reports/nea", params={**q, "dimension": "desired_sector"}).text
    rows = _table(nea)
    assert rows[0] == ["Sector wanted", "NEA registrations", "Persons registered with NEA"]
    assert {r[0]: int(r[1]) for r in rows[1:-1]} == dict(sectors) and rows[-1][1] == str(sum(sectors.values()))
    by_sex_age = _table(dm.get("/hq/reports/nea", params={**q, "dimension": "sex_age"}).text)
    assert {r[0] for r in by_sex_age[1:-1]} == {"woman", "man", "boy"}     # 2012-born: boys (i % 4 == 3 is odd)
    # The arrivals page does not offer the assistance breakdowns: asked anyway, it shows its default.
    arrivals = dm.get("/hq/reports/arrivals", params={**q, "dimension": "provider"}).text
    assert _table(arrivals)[0][0] == "Checkpoint" and 'value="provider"' not in arrivals


def test_an_analyst_sees_small_cells_withheld_and_downloads_are_suppressed(web_hq: WebHQ) -> None:
    seed_services(web_hq)
    ana = web_hq.sign_in("ana")
    rows = _table(ana.get("/hq/reports/nea", params={"period": "2026-11", "dimension": "sex_age",
                                                      "view": "none"}).text)
    shown = {r[0]: r[1] for r in rows[1:-1]}
    assert shown == {"boy": "<5", "man": "<5", "woman": "8"}          # 4 boys and 4 men withheld for an analyst
    csv = ana.get("/hq/reports/assistance/download.csv", params={"period": "2026-11", "dimension": "kind"})
    assert csv.status_code == 200 and "attachment" in csv.headers["content-disposition"]
    text = csv.content.decode("utf-8-sig")
    assert "assistance,kind,FOOD_WATER,assistance_given," in text and "nea,total,all,nea_registrations,16" in text
    values = [line.rsplit(",", 1)[1] for line in text.splitlines()[1:]]
    assert "<5" in values and not {"1", "2", "3", "4"} & set(values)       # a file is an aggregate: suppressed
    xlsx = ana.get("/hq/reports/nea/download.xlsx", params={"period": "2026-11", "dimension": "education"})
    with zipfile.ZipFile(io.BytesIO(xlsx.content)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "nea_persons" in sheet and "PRIMARY" in sheet


def test_without_sign_in_or_as_a_partner_nothing_is_shown(web_hq: WebHQ) -> None:
    seed_services(web_hq)
    web_hq.secrets["srey"] = Accounts(web_hq.store, web_hq.clock).add("srey", "Srey Mom", "partner", PASS,
                                                                      organisation="NGO_HAGAR").secret
    anon = web_hq.client()
    srey = web_hq.sign_in("srey")
    for kind in ("assistance", "nea"):
        for path in (f"/hq/reports/{kind}", f"/hq/reports/{kind}/download.csv", f"/hq/reports/{kind}/download.xlsx"):
            r = anon.get(path, params={"period": "2026-11"})
            assert r.status_code == 303 and r.headers["location"].startswith("/hq/sign-in"), path
            r = srey.get(path, params={"period": "2026-11"})
            assert r.status_code == 403 and "Assistance given" not in r.text and "nea_registrations" not in r.text
