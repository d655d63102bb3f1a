"""The report pages show HQ's reports (sync.hq.reports) over real HTTP: the figures `checkpoint-hq report` prints,
broken down as asked, small cells withheld for anyone but a data manager who asks on screen, downloads (CSV, XLSX)
that are always suppressed and logged with who, when, period and rows."""

from __future__ import annotations

import html
import io
import json
import re
import uuid
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

from tests.support.hq_helpers import FakeDevice
from tests.sync.hq.test_cli import hq_cli
from tests.sync.hq.test_reports import push, reg, register
from tests.sync.hq.web.harness import WebHQ, audit_rows, seed_services


def _table(page: str) -> list[list[str]]:
    """The rows of the page's report table (header, body, total) as the texts a reader sees."""
    t = page[page.index('<table id="report">'):page.index("</table>")]
    return [[html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r)]
            for r in re.findall(r"<tr>(.*?)</tr>", t, flags=re.S)]


def _checkpoint_id(page: str, name: str) -> str:
    m = re.search(rf'value="([^"]+)"\s*>\s*{name}', page)
    assert m, name
    return m.group(1)


def _more(web_hq: WebHQ) -> None:
    """Koh Kong: 7 arrivals in November (6 women, 1 man), 2 with trafficking indicators."""
    dev = FakeDevice(checkpoint_name="Koh Kong")
    dev.enroll(web_hq.service)
    payloads = [reg(str(uuid.uuid4()), sex=s, trafficking="PRESUMED_VICTIM" if i < 2 else "NOT_INDICATED")
                for i, s in enumerate("FFFFFFM")]
    assert push(web_hq.service, dev, register(dev, payloads))["accepted"] == 7


def test_an_analyst_sees_the_reports_figures_with_small_cells_withheld(web_hq: WebHQ) -> None:
    _more(web_hq)
    ana = web_hq.sign_in("ana")
    page = ana.get("/hq/reports/arrivals", params={"period": "2026-11"}).text
    rows = _table(page)
    assert rows[0][:3] == ["Checkpoint", "Arrivals", "Persons"]
    assert rows[1:] == [["Bavet", "<5", "<5", "0", "0"], ["Koh Kong", "7", "7", "0", "0"],
                        ["Poipet", "<5", "<5", "0", "0"], ["Total", "12", "12", "0", "0"]]
    assert "Technical counts" not in page and "(k = 5)" in page
    # An analyst asking for the unsuppressed view gets the internal threshold, and is not offered the choice.
    same = ana.get("/hq/reports/arrivals", params={"period": "2026-11", "view": "none"}).text
    assert _table(same) == rows and 'value="none"' not in same
    pub = _table(ana.get("/hq/reports/arrivals", params={"period": "2026-11", "view": "publication"}).text)
    assert pub[2][:2] == ["Koh Kong", "<11"] and pub[-1][:2] == ["Total", "12"]
    kk = _checkpoint_id(page, "Koh Kong")
    by_sex = _table(ana.get("/hq/reports/trafficking", params={"period": "2026-11", "checkpoint": kk,
                                                                "dimension": "sex"}).text)
    assert by_sex[0][:4] == ["Sex", "Screened for trafficking", "Not screened", "Trafficking indicators present"]
    # 1 man withheld, so the 6 women too (complementary suppression: 7 - 6 would give him away)
    assert by_sex[0][4] == "Safety-rule referrals"
    assert by_sex[1:] == [["F", "<5", "0", "<5", "0", "0", "0"], ["M", "<5", "0", "0", "0", "0", "0"],
                          ["Total", "7", "0", "<5", "0", "0", "0"]]
    bad = _table(ana.get("/hq/reports/arrivals", params={"period": "2026-11", "dimension": "name"}).text)
    assert bad == rows                                              # an unknown breakdown: by checkpoint
    tb = ana.get("/hq/reports/tb", params={"period": "2026-11", "dimension": "sex_age"}).text
    assert "by checkpoint, sex and age group only" in tb and _table(tb)[0][:2] == ["Men, women, boys and girls",
                                                                                  "Screened for TB"]
    assert _table(tb)[-1][:2] == ["Total", "0"]                       # no TB screen in November


def test_a_data_manager_may_see_every_figure_on_screen_but_never_in_a_download(web_hq: WebHQ) -> None:
    dm = web_hq.sign_in("dm")
    q = {"period": "2026-11", "view": "none"}
    page = dm.get("/hq/reports/arrivals", params=q).text
    assert _table(page)[1][:2] == ["Bavet", "2"] and "do not share this page" in page
    csv = dm.get("/hq/reports/arrivals/download.csv", params=q)
    assert csv.status_code == 200 and csv.headers["content-disposition"].startswith("attachment")
    assert csv.headers["cache-control"] == "no-store"
    text = csv.content.decode("utf-8-sig")
    assert "arrivals,checkpoint,Bavet,arrivals,<5" in text and "arrivals,total,all,arrivals,5" in text
    xlsx = dm.get("/hq/reports/tb/download.xlsx", params={"period": "2026-11", "dimension": "sex"})
    with zipfile.ZipFile(io.BytesIO(xlsx.content)) as z:
        assert "<v>5</v>" in z.read("xl/worksheets/sheet1.xml").decode()
    logged = audit_rows(web_hq.store, "export")
    assert [(r["username"], r["detail"]) for r in logged] == [
        ("dm", f"period 2026-11; {text.count(chr(10)) - 1} rows"), ("dm", logged[1]["detail"])]
    assert "CSV (checkpoint, threshold 5)" in logged[0]["target"] and "XLSX (sex" in logged[1]["target"]
    ana = web_hq.sign_in("ana")
    assert ana.get("/hq/reports/arrivals/download.pdf", params=q).status_code == 404
    signed_out = web_hq.client().get("/hq/reports/arrivals/download.csv", params=q)
    assert signed_out.status_code == 303 and len(audit_rows(web_hq.store, "export")) == 2


def test_the_cli_json_prints_the_figures_the_dashboard_shows(web_hq: WebHQ, tmp_path: Path) -> None:
    """Issue 15 must-show: `checkpoint-hq report --period 2026-11 --json` = the dashboard, for every breakdown."""
    _more(web_hq)
    seed_services(web_hq)                       # assistance and NEA registrations (#15.3) in the same month
    r = hq_cli("--db", f"sqlite:///{tmp_path / 'hq.db'}", "report", "--period", "2026-11", "--json")
    assert r.returncode == 0, r.stderr
    out: dict[str, Any] = json.loads(r.stdout)
    ana = web_hq.sign_in("ana")
    from sync.hq.web.report_source import INDICATOR_LABELS, KINDS, REPORTS, dimensions_for

    compared = 0
    per_kind: Counter[str] = Counter()
    for kind in ("arrivals", "trafficking", "assistance", "nea"):
        section = out["sections"][REPORTS[kind][1]]
        for dim in dimensions_for(kind):
            rows = _table(ana.get(f"/hq/reports/{kind}", params={"period": "2026-11", "dimension": dim}).text)
            labels = {v: k for k, v in INDICATOR_LABELS.items() if k in KINDS[kind]}
            inds = [labels[c] for c in rows[0][1:]]
            for row in rows[1:]:
                cat, dim_key = ("all", "total") if row[0] == "Total" else (row[0], dim)
                cli = section[dim_key][cat]
                assert row[1:] == ["<5" if cli[i] is None else str(cli[i]) for i in inds], (kind, dim, cat)
                compared += len(inds)
                per_kind[kind] += len(inds)
    assert compared > 100 and out["sections"]["arrivals"]["checkpoint"]["Koh Kong"]["arrivals"] == 7
    assert per_kind["assistance"] > 100 and per_kind["nea"] > 20
    assert out["sections"]["nea"]["total"]["all"]["nea_registrations"] == 16
