"""A real headless Chromium (Debian's ``chromium`` package) driven by Selenium through ``/usr/bin/chromedriver``.
Never downloads a browser: Selenium Manager is not used (the driver's path is given)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US")


def unavailable() -> str:
    """Why the browser tests cannot run here ("" when they can)."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    for p in (CHROMIUM, CHROMEDRIVER):
        if not (p.exists() and os.access(p, os.X_OK)):
            return f"{p} is missing: `make chromium` installs Debian's chromium and chromium-driver (needs root/apt)"
    return ""


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium with a fresh profile, closed and its profile removed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="checkpoint-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for f in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(f)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(15)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def sign_in(driver: Any, base: str, username: str, passphrase: str, code: str) -> None:
    """Fill and send the sign-in form as a person would."""
    from selenium.webdriver.common.by import By

    driver.get(f"{base}/hq/sign-in")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "passphrase").send_keys(passphrase)
    driver.find_element(By.ID, "code").send_keys(code)
    click_and_wait(driver, driver.find_element(By.ID, "sign-in"))


def click_and_wait(driver: Any, element: Any, timeout: float = 20) -> None:
    """Click a link or a submit button and wait until the browser has left the page: Selenium's click returns
    when the click is sent, not when the next page is there (on a loaded machine the URL was read too early)."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    page = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def left(_driver: Any) -> bool:
        # Chromium reports the old page's node gone either as stale or, while the new page is being built, as an
        # "unknown error ... does not belong to the document": both mean the browser has left the page.
        try:
            page.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            if "does not belong to the document" in str(e):
                return True
            raise
        return False

    WebDriverWait(driver, timeout).until(left)


def required() -> Any:
    """The mark of a module of browser tests (``pytestmark = browser.required()``): skipped where Chromium cannot
    run here, saying why on stderr and in the skip reason."""
    why = unavailable()
    if why:
        print(f"\nHQ browser tests skipped: {why}", file=sys.stderr)
    return pytest.mark.skipif(bool(why), reason=f"HQ browser tests need chromium: {why}")


def sign_in_fresh(driver: Any, web_hq: Any, username: str, passphrase: str) -> None:
    """Sign ``username`` in with no cookie left from another user, past the 30-second TOTP step the last sign-in
    used (``web_hq``: ``tests.sync.hq.web.harness.WebHQ``)."""
    driver.delete_all_cookies()
    web_hq.clock.advance(seconds=31)
    sign_in(driver, web_hq.url, username, passphrase, web_hq.code(username))
