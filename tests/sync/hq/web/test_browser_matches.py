"""The repeat-returnee pages in a real headless Chromium (issue 15 point 6): a data manager follows the link, looks
for new matches, compares the two records side by side and links them; an analyst has no link and gets 403.
Skipped, saying why, when chromium is not installed (`make chromium`)."""

from __future__ import annotations

from typing import Any

from tests.sync.hq.web import browser
from tests.sync.hq.web.harness import PASS, WebHQ, audit_rows, seed_pair

pytestmark = browser.required()


def _sign_in(driver: Any, web_hq: WebHQ, username: str) -> None:
    browser.sign_in_fresh(driver, web_hq, username, PASS)


def test_a_data_manager_links_a_pair_and_an_analyst_cannot_open_the_page(driver: Any, web_hq: WebHQ) -> None:
    from selenium.webdriver.common.by import By

    a, b = seed_pair(web_hq)
    _sign_in(driver, web_hq, "dm")
    browser.click_and_wait(driver, driver.find_element(By.ID, "nav-matches"))
    browser.click_and_wait(driver, driver.find_element(By.ID, "refresh-matches"))
    assert "New pairs" in driver.find_element(By.ID, "matches-done").text
    target = f"/hq/matches/{min(a, b)}/{max(a, b)}"
    link = driver.find_element(By.CSS_SELECTOR, f'a.open-match[href="{target}"]')
    browser.click_and_wait(driver, link)
    rows = {r.find_element(By.TAG_NAME, "th").text: [td.text for td in r.find_elements(By.TAG_NAME, "td")]
            for r in driver.find_elements(By.CSS_SELECTOR, "#match tbody tr")}
    assert sorted(rows["Family name"]) == ["MEAS", "MEASS"]
    assert rows["Document number"] == ["K7654321", "K7654321"]
    assert "same passport number" in driver.find_element(By.ID, "match-why").text
    browser.click_and_wait(driver, driver.find_element(By.ID, "link-match"))
    assert driver.current_url == f"{web_hq.url}/hq/matches"
    assert not driver.find_elements(By.CSS_SELECTOR, f'a.open-match[href="{target}"]')
    assert [r["action"] for r in audit_rows(web_hq.store) if r["action"].startswith("match_")] == ["match_link"]
    _sign_in(driver, web_hq, "ana")
    assert "Same person" not in driver.find_element(By.TAG_NAME, "nav").text
    driver.get(f"{web_hq.url}{target}")
    assert "does not allow" in driver.find_element(By.CSS_SELECTOR, ".error").text
