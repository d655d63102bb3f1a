"""The operator pages in a real headless Chromium against HQ under uvicorn on 127.0.0.1: a data manager opens a
quarantined event, releases it with a reason (checked again, taken in), rejects another, and an analyst is refused
the quarantined event (no payload, no release form) and the held gaps (her POSTs: test_operator_pages.py).
Skipped, saying why, when chromium is not installed (`make chromium`)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from sync.hq import operator
from sync.hq.store import events
from tests.support.hq_helpers import FakeDevice
from tests.sync.hq.web import browser
from tests.sync.hq.web.harness import PASS, WebHQ

pytestmark = browser.required()


def _sign_in(driver: Any, web_hq: WebHQ, username: str) -> None:
    browser.sign_in_fresh(driver, web_hq, username, PASS)


def _releasable(web_hq: WebHQ) -> tuple[int, str]:
    """Bavet writes about a person Poipet registered (quarantined: Bavet does not follow them); HQ then links the
    person to Bavet, so the event passes if an operator releases it."""
    hq, poipet = web_hq.service, web_hq.devices["poipet"]
    reg = poipet.event()
    hq.push(poipet.seal([reg], hq.keys.exchange_public))
    bavet = FakeDevice(checkpoint_name="Bavet")
    bavet.enroll(hq)
    seen = bavet.event(type_="person.viewed", entity_id=reg["entity_id"], payload={})
    hq.push(bavet.seal([seen], hq.keys.exchange_public))
    hq.link(reg["entity_id"], "Bavet", "case transferred")
    (q,) = [r for r in operator.quarantine_rows(web_hq.store) if r["event_id"] == seen["id"]]
    return int(q["id"]), seen["id"]


def test_a_data_manager_releases_one_quarantined_event_and_rejects_another(driver: Any, web_hq: WebHQ) -> None:
    from selenium.webdriver.common.by import By

    qid, event_id = _releasable(web_hq)
    _sign_in(driver, web_hq, "dm")
    browser.click_and_wait(driver, driver.find_element(By.ID, "nav-quarantine"))
    table = driver.find_element(By.ID, "quarantine").text
    assert "does not follow" in table and "does not match" in table
    browser.click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"#q-{qid} a.open"))
    form = driver.find_element(By.ID, "release")
    form.find_element(By.NAME, "reason").send_keys("Bavet follows the case now")
    browser.click_and_wait(driver, form.find_element(By.TAG_NAME, "button"))
    assert driver.find_element(By.ID, "decision").text.startswith("released (dm")
    with web_hq.store.read() as conn:
        assert conn.execute(sa.select(events.c.status).where(events.c.id == event_id)).scalar_one() == "accepted"

    browser.click_and_wait(driver, driver.find_element(By.ID, "nav-quarantine"))
    (row,) = driver.find_elements(By.CSS_SELECTOR, "#quarantine tbody tr")      # the tampered one is left
    browser.click_and_wait(driver, row.find_element(By.CSS_SELECTOR, "a.open"))
    form = driver.find_element(By.ID, "reject")
    form.find_element(By.NAME, "reason").send_keys("tampered on the laptop")
    browser.click_and_wait(driver, form.find_element(By.TAG_NAME, "button"))
    assert "rejected (dm" in driver.find_element(By.ID, "decision").text
    assert driver.find_elements(By.ID, "release") == []
    browser.click_and_wait(driver, driver.find_element(By.ID, "nav-quarantine"))
    assert "Nothing in quarantine" in driver.find_element(By.ID, "quarantine").text


def test_an_analyst_is_refused_a_quarantined_event_and_the_held_gaps(driver: Any, web_hq: WebHQ) -> None:
    from selenium.webdriver.common.by import By

    (q,) = operator.quarantine_rows(web_hq.store)
    _sign_in(driver, web_hq, "ana")
    driver.get(f"{web_hq.url}/hq/quarantine/{q['id']}")
    assert "does not allow" in driver.find_element(By.CSS_SELECTOR, ".error").text
    assert driver.find_elements(By.ID, "raw") == [] and "DAVY" not in driver.page_source
    driver.get(f"{web_hq.url}/hq/held")
    assert "does not allow" in driver.find_element(By.CSS_SELECTOR, ".error").text
    assert operator.quarantine_rows(web_hq.store)[0]["state"] == "open"
