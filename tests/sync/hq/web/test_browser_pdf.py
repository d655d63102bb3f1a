"""The monthly PDF in a real headless Chromium (issue 15 point 3): a data manager follows the report page's
"PDF (English)" and "PDF (Khmer)" links and gets PDFs; an analyst's is the suppressed one; a partner, who may not
download reports, has no link and gets 403 for the address. Skipped, saying why, without chromium (`make chromium`)."""

from __future__ import annotations

import io
from typing import Any

import httpx
from pypdf import PdfReader

from sync.hq.web.accounts import Accounts
from tests.sync.hq.web import browser
from tests.sync.hq.web.harness import PASS, WebHQ

pytestmark = browser.required()


def _sign_in(driver: Any, web_hq: WebHQ, username: str) -> None:
    browser.sign_in_fresh(driver, web_hq, username, PASS)


def _follow(driver: Any, link_id: str) -> httpx.Response:
    """What the browser's link gives, fetched with the browser's session (Chromium headless saves a download
    instead of showing it; the link, the cookie and the answer are the browser's)."""
    from selenium.webdriver.common.by import By

    href = driver.find_element(By.ID, link_id).get_attribute("href")
    return httpx.get(href, cookies={"hq_session": driver.get_cookie("hq_session")["value"]}, timeout=120)


def _open_report(driver: Any, web_hq: WebHQ, view: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select

    browser.click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Arrivals"))
    if view != "internal":
        Select(driver.find_element(By.ID, "view")).select_by_value(view)
        browser.click_and_wait(driver, driver.find_element(By.ID, "apply"))


def test_a_data_manager_gets_the_pdfs_and_an_analyst_the_suppressed_one(driver: Any, web_hq: WebHQ) -> None:
    from selenium.webdriver.common.by import By

    _sign_in(driver, web_hq, "dm")
    _open_report(driver, web_hq, "none")
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#report tbody tr")]
    assert "Poipet 3 3 0 0" in rows                                   # on screen: every figure
    assert driver.find_element(By.ID, "download-pdf-km").text == "PDF (Khmer)"
    for link in ("download-pdf-en", "download-pdf-km"):
        got = _follow(driver, link)
        assert got.status_code == 200 and got.headers["content-type"] == "application/pdf"
        assert len(PdfReader(io.BytesIO(got.content)).pages) > 0
    text = PdfReader(io.BytesIO(_follow(driver, "download-pdf-en").content)).pages[0].extract_text()
    assert "Poipet <5 <5 0 0" in text.splitlines()                   # a file: always suppressed
    _sign_in(driver, web_hq, "ana")
    _open_report(driver, web_hq, "internal")
    assert [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#report tbody tr")][-1] == "Poipet <5 <5 0 0"
    got = _follow(driver, "download-pdf-en")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(got.content)).pages)
    assert "Poipet <5 <5 0 0" in text.splitlines() and "Poipet 3 3" not in text


def test_a_partner_has_no_pdf_link_and_gets_403(driver: Any, web_hq: WebHQ) -> None:
    from selenium.webdriver.common.by import By

    web_hq.secrets["srey"] = Accounts(web_hq.store, web_hq.clock).add("srey", "Srey Mom", "partner", PASS,
                                                                       organisation="NGO_HAGAR").secret
    _sign_in(driver, web_hq, "srey")
    driver.get(f"{web_hq.url}/hq/monthly-report.pdf?period=2026-11&lang=en")
    assert "Your role does not allow this page." in driver.find_element(By.TAG_NAME, "body").text
    assert driver.find_elements(By.ID, "download-pdf-en") == []
    r = httpx.get(f"{web_hq.url}/hq/monthly-report.pdf?period=2026-11",
                  cookies={"hq_session": driver.get_cookie("hq_session")["value"]}, timeout=10)
    assert r.status_code == 403
