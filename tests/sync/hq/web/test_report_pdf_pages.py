"""The monthly PDF from the report pages over real HTTP (issue 15 point 3): "PDF (Khmer)" and "PDF (English)" links
for the roles that may download a report; the file is always suppressed (an aggregate export), logged with who,
period and rows; a partner gets 403; a bad month, language or checkpoint is refused and nothing is logged."""

from __future__ import annotations

import html
import io
import re

from pypdf import PdfReader

from sync.hq.web.accounts import Accounts
from tests.sync.hq.web.harness import PASS, WebHQ, audit_rows

SLOW = 120      # seconds: a PDF of ~1,800 shaped table cells takes 1-3 s, many times that on a loaded shared machine


def _text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def _links(page: str) -> dict[str, str]:
    return {m[0]: html.unescape(m[1]) for m in re.findall(r'<a id="(download-pdf-\w+)" href="([^"]+)"', page)}


def test_a_data_manager_downloads_the_pdf_in_khmer_and_english_from_the_page(web_hq: WebHQ) -> None:
    dm = web_hq.sign_in("dm")
    page = dm.get("/hq/reports/arrivals", params={"period": "2026-11", "view": "none"}).text
    links = _links(page)
    assert set(links) == {"download-pdf-km", "download-pdf-en"} and "PDF (Khmer)" in page
    for lang in ("en", "km"):
        r = dm.get(links[f"download-pdf-{lang}"], timeout=SLOW)
        assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
        assert r.headers["content-disposition"] == f'attachment; filename="checkpoint-report-2026-11-{lang}.pdf"'
        assert r.content.startswith(b"%PDF-") and len(PdfReader(io.BytesIO(r.content)).pages) > 0
    text = _text(dm.get(links["download-pdf-en"], timeout=SLOW).content)
    lines = text.splitlines()
    # HQ's data: Poipet 3 arrivals, Bavet 3 (one held): a file is an aggregate export, withheld under 5 even for a
    # data manager who sees every figure on screen
    assert "Poipet <5 <5 0 0" in lines and "Poipet 3 3 0 0" not in lines and "Total 5 5 0 0" in lines
    assert "Small cells withheld under 5" in text and "by HQ " in text
    km = _text(dm.get(links["download-pdf-km"], timeout=SLOW).content)
    assert "ទំព័រ 1 / " in km and "ការមកដល់" in km and "Page 1 / " not in km
    logged = [r for r in audit_rows(web_hq.store, "export") if "PDF" in r["target"]]
    assert len(logged) == 4 and all(r["username"] == "dm" for r in logged)
    assert "report PDF (km; checkpoints all; threshold 5;" in logged[1]["target"]
    assert logged[0]["detail"].startswith("period 2026-11; ") and logged[0]["detail"].endswith(" rows")


def test_an_analyst_gets_the_suppressed_pdf_for_the_chosen_checkpoints(web_hq: WebHQ) -> None:
    ana = web_hq.sign_in("ana")
    page = ana.get("/hq/reports/trafficking", params={"period": "2026-11"}).text
    poipet = re.search(r'value="([^"]+)"\s*>\s*Poipet', page)
    assert poipet
    r = ana.get("/hq/monthly-report.pdf", params={"period": "2026-11", "checkpoint": poipet.group(1),
                                                  "view": "none", "lang": "en"}, timeout=SLOW)
    assert r.status_code == 200
    text = _text(r.content)
    assert "Checkpoints Poipet" in text and "Bavet" not in text
    assert "Poipet <5 <5 0 0" in text.splitlines() and "Poipet 3 " not in text
    assert audit_rows(web_hq.store, "export")[-1]["username"] == "ana"


def test_the_dashboards_language_is_the_pdfs_default(web_hq: WebHQ) -> None:
    ana = web_hq.sign_in("ana")
    ana.get("/hq/lang/km")
    r = ana.get("/hq/monthly-report.pdf", params={"period": "2026-11"}, timeout=SLOW)
    assert r.status_code == 200 and r.headers["content-disposition"].endswith('-km.pdf"')


def test_a_partner_gets_403_and_a_stranger_the_sign_in(web_hq: WebHQ) -> None:
    web_hq.secrets["srey"] = Accounts(web_hq.store, web_hq.clock).add("srey", "Srey Mom", "partner", PASS,
                                                                       organisation="NGO_HAGAR").secret
    srey = web_hq.sign_in("srey")
    r = srey.get("/hq/monthly-report.pdf", params={"period": "2026-11", "lang": "en"})
    assert r.status_code == 403 and b"%PDF" not in r.content
    assert "download-pdf" not in srey.get("/hq/reports/arrivals").text
    r = web_hq.client().get("/hq/monthly-report.pdf", params={"period": "2026-11"})
    assert r.status_code == 303 and r.headers["location"] == "/hq/sign-in"
    assert [x for x in audit_rows(web_hq.store, "export") if "PDF" in x["target"]] == []


def test_a_bad_month_language_or_checkpoint_is_refused_and_nothing_logged(web_hq: WebHQ) -> None:
    dm = web_hq.sign_in("dm")
    for params, words in (({"period": "2026-13"}, "YYYY-MM"), ({"period": "November"}, "YYYY-MM"),
                          ({"period": "2026-11", "lang": "fr"}, "Khmer (km) or English (en)"),
                          ({"period": "2026-11", "checkpoint": "no-such-id"}, "no such checkpoint")):
        r = dm.get("/hq/monthly-report.pdf", params=params)
        assert r.status_code == 400 and words in r.text and b"%PDF" not in r.content, params
    assert [x for x in audit_rows(web_hq.store, "export") if "PDF" in x["target"]] == []
    dm.get("/hq/lang/km")
    r = dm.get("/hq/monthly-report.pdf", params={"period": "2026-13"})
    assert r.status_code == 400 and "YYYY-MM" in r.text and "រយៈពេល" in r.text        # refused in Khmer
