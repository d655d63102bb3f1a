"""The HQ dashboard in a real headless Chromium (Debian's package, through chromedriver) against HQ under uvicorn on
127.0.0.1: sign-in with TOTP, the overview, a report filtered by checkpoint, month and view with its download, an
analyst without the quarantine (no link, 403), a forged CSRF token refused, and an idle session ended. Skipped,
saying why, when chromium is not installed (`make chromium`)."""

from __future__ import annotations

from typing import Any

import httpx
import sqlalchemy as sa

from sync.hq.store import devices
from tests.sync.hq.web import browser
from tests.sync.hq.web.harness import PASS, WebHQ

pytestmark = browser.required()


def _by() -> Any:
    from selenium.webdriver.common.by import By

    return By


def _sign_in(driver: Any, web_hq: WebHQ, username: str) -> None:
    browser.sign_in_fresh(driver, web_hq, username, PASS)


def test_sign_in_with_totp_overview_and_a_filtered_report(driver: Any, web_hq: WebHQ) -> None:
    By = _by()
    driver.delete_all_cookies()
    browser.sign_in(driver, web_hq.url, "dm", PASS, "000000")             # a wrong code: refused
    assert "Sign-in refused" in driver.find_element(By.CSS_SELECTOR, ".error").text
    _sign_in(driver, web_hq, "dm")
    assert driver.current_url == f"{web_hq.url}/hq/"
    assert driver.find_element(By.ID, "stat-persons").text == "6"
    assert driver.find_element(By.CSS_SELECTOR, "svg.chart").is_displayed()
    browser.click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Arrivals"))
    assert driver.find_element(By.ID, "period").get_attribute("value") == "2026-11"   # the current month
    driver.find_element(By.XPATH, "//label[contains(., 'Poipet')]/input").click()
    browser.click_and_wait(driver, driver.find_element(By.ID, "apply"))
    assert "period=2026-11" in driver.current_url
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#report tbody tr")]
    assert rows == ["Poipet <5 <5 0 0"]                               # HQ's report: 3 arrivals, withheld under 5
    from selenium.webdriver.support.select import Select

    Select(driver.find_element(By.ID, "view")).select_by_value("none")   # a data manager may see every figure
    browser.click_and_wait(driver, driver.find_element(By.ID, "apply"))
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#report tbody tr")]
    assert rows == ["Poipet 3 3 0 0"] and "do not share" in driver.find_element(By.ID, "suppression-note").text
    link = driver.find_element(By.ID, "download-csv").get_attribute("href")
    got = httpx.get(link, cookies={"hq_session": driver.get_cookie("hq_session")["value"]}, timeout=10)
    assert got.status_code == 200 and "attachment" in got.headers["content-disposition"]
    assert "arrivals,checkpoint,Poipet,arrivals,<5" in got.content.decode("utf-8-sig")   # a file: always suppressed
    browser.click_and_wait(driver, driver.find_element(By.ID, "nav-quarantine"))
    assert "does not match" in driver.find_element(By.ID, "quarantine").text


def test_an_analyst_has_no_quarantine_link_and_gets_403(driver: Any, web_hq: WebHQ) -> None:
    By = _by()
    _sign_in(driver, web_hq, "ana")
    nav = driver.find_element(By.TAG_NAME, "nav").text
    assert "Overview" in nav and "Quarantine" not in nav and "Accounts" not in nav
    driver.get(f"{web_hq.url}/hq/quarantine")
    assert "does not allow" in driver.find_element(By.CSS_SELECTOR, ".error").text
    cookie = driver.get_cookie("hq_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    r = httpx.get(f"{web_hq.url}/hq/quarantine", cookies={"hq_session": cookie["value"]}, timeout=10)
    assert r.status_code == 403                                       # the same session, seen from HTTP


def test_a_forged_csrf_token_is_refused_and_an_idle_session_ends(driver: Any, web_hq: WebHQ) -> None:
    By = _by()
    _sign_in(driver, web_hq, "dm")
    browser.click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Sync health"))
    form = driver.find_element(By.CSS_SELECTOR, "#devices form")
    driver.execute_script("arguments[0].querySelector('input[name=csrf]').value = 'forged'", form)
    form.find_element(By.NAME, "reason").send_keys("test")
    browser.click_and_wait(driver, form.find_element(By.TAG_NAME, "button"))
    assert "did not come from this dashboard" in driver.find_element(By.CSS_SELECTOR, ".error").text
    with web_hq.store.read() as conn:
        assert set(conn.execute(sa.select(devices.c.status)).scalars()) == {"active"}
    web_hq.clock.advance(minutes=31)
    driver.get(f"{web_hq.url}/hq/sync")
    assert driver.current_url == f"{web_hq.url}/hq/sign-in"


def test_partner_pages_only_hers_slip_check_and_stages(driver: Any, web_hq: WebHQ) -> None:
    """Issue 16: a partner signs in to her referrals only (not the other NGO's, not the checklist answers), pastes a
    slip's QR text, records the arrival; a tampered slip is refused; a data manager has no partner pages."""
    from tests.sync.hq.web.harness import seed_referrals

    By = _by()
    ids = seed_referrals(web_hq)
    _sign_in(driver, web_hq, "srey")
    assert driver.current_url == f"{web_hq.url}/hq/partner"
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#referrals tbody tr")]
    assert len(rows) == 1 and rows[0].startswith("CHAN DARA 100") and "KEO" not in driver.page_source
    assert "ILO-" not in driver.page_source and "Sync health" not in driver.find_element(By.TAG_NAME, "nav").text
    browser.click_and_wait(driver, driver.find_element(By.ID, "verify-link"))
    driver.find_element(By.ID, "token").send_keys(ids["slip"][:-3] + "AAA")
    browser.click_and_wait(driver, driver.find_element(By.ID, "check-slip"))
    assert "does not verify" in driver.find_element(By.ID, "slip-error").text
    driver.find_element(By.ID, "token").send_keys(ids["slip"])
    browser.click_and_wait(driver, driver.find_element(By.ID, "check-slip"))
    assert "The slip is valid" in driver.find_element(By.ID, "slip-valid").text
    assert driver.find_element(By.ID, "stage").get_attribute("value") == "arrived"
    browser.click_and_wait(driver, driver.find_element(By.ID, "record-stage"))
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: "Person arrived" in d.find_element(By.ID, "stages").text)
    driver.get(f"{web_hq.url}/hq/partner/referrals/{ids['other']}")
    assert "Not found" in driver.title or "not addressed" in driver.page_source
    _sign_in(driver, web_hq, "dm")
    driver.get(f"{web_hq.url}/hq/partner")
    assert "does not allow" in driver.find_element(By.CSS_SELECTOR, ".error").text
