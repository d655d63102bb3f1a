"""Screenshots of every HQ dashboard page, in English and Khmer, into docs/screenshots/hq/ (`make hq-screenshots`).

HQ runs on a throw-away SQLite store seeded through the real sync protocol (tests/sync/hq/web/harness.py), under
uvicorn on 127.0.0.1, and Debian's headless chromium signs in with TOTP as each role and saves each page. Synthetic
data only. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sync.hq import matches
from tests.sync.hq.web import browser
from tests.sync.hq.web.harness import PASS, WebHQ, running_hq, seed_pair, seed_referrals, seed_services


def seed_conflict(hq: WebHQ) -> None:
    """Poipet's device sends one of its events again with other content: a conflict for the conflicts page."""
    from checkpoint.events import event_hash

    dev, service = hq.devices["poipet"], hq.service
    ev = dev.event()
    service.push(dev.seal([ev], service.keys.exchange_public))
    other = {**ev, "payload": ev["payload"].replace("DARA", "DAVY")}
    other["hash"] = event_hash(other)
    service.push(dev.seal([other], service.keys.exchange_public))


PAGES = [  # (file stem, who, path)
    ("overview", "dm", "/hq/"),
    ("sync-health", "dm", "/hq/sync"),
    ("report-arrivals", "dm", "/hq/reports/arrivals?period=2026-11"),
    ("report-trafficking", "dm", "/hq/reports/trafficking?period=2026-11"),
    ("report-tb", "dm", "/hq/reports/tb?period=2026-11"),
    ("report-assistance", "dm", "/hq/reports/assistance?period=2026-11&dimension=kind"),
    ("report-nea", "dm", "/hq/reports/nea?period=2026-11&dimension=sex_age"),
    ("quarantine", "dm", "/hq/quarantine"),
    ("quarantine-item", "dm", "/hq/quarantine/1"),
    ("held-gaps", "dm", "/hq/held"),
    ("conflicts", "dm", "/hq/conflicts"),
    ("accounts", "admin", "/hq/accounts"),
    ("analyst-forbidden", "ana", "/hq/quarantine"),
    # the referral network (#16): the directory, and a partner's pages ({referral} filled in by seed_referrals)
    ("directory", "dm", "/hq/directory"),
    ("partner-referrals", "srey", "/hq/partner"),
    ("partner-referral", "srey", "/hq/partner/referrals/{referral}"),
    ("partner-verify-slip", "srey", "/hq/partner/verify"),
    # repeat returnees across checkpoints (#15 point 6; {match_a}/{match_b} filled in by seed_pair)
    ("matches", "dm", "/hq/matches"),
    ("match-pair", "dm", "/hq/matches/{match_a}/{match_b}"),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("docs/screenshots/hq"))
    ap.add_argument("--only", nargs="*", default=[], help="only these pages (file stems, e.g. report-nea)")
    args = ap.parse_args()
    why = browser.unavailable()
    if why:
        print(f"hq_screenshots: {why}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, running_hq(Path(tmp)) as hq, browser.chromium() as driver:
        ids = seed_referrals(hq)
        seed_conflict(hq)
        pair = sorted(seed_pair(hq))
        matches.refresh(hq.store, hq.clock)
        ids.update(match_a=pair[0], match_b=pair[1])
        seed_services(hq)                   # assistance and NEA registrations (#15.3)
        for lang in ("en", "km"):
            driver.delete_all_cookies()
            driver.get(f"{hq.url}/hq/lang/{lang}?next=/hq/sign-in")
            if not args.only or "sign-in" in args.only:
                driver.save_screenshot(str(args.out / f"sign-in-{lang}.png"))
            who = ""
            for stem, user, path in [p for p in PAGES if not args.only or p[0] in args.only]:
                if user != who:
                    hq.clock.advance(seconds=31)
                    driver.delete_all_cookies()
                    driver.get(f"{hq.url}/hq/lang/{lang}?next=/hq/sign-in")
                    browser.sign_in(driver, hq.url, user, PASS, hq.code(user))
                    who = user
                driver.get(hq.url + path.format(**ids))
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.set_window_size(1280, max(600, min(int(height), 3000)))
                time.sleep(0.1)
                driver.save_screenshot(str(args.out / f"{stem}-{lang}.png"))
                driver.set_window_size(1280, 900)
    print(f"Screenshots written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
