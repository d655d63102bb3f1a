#!/usr/bin/env bash
# The HQ dashboard's browser tests (tests/sync/hq/web/test_browser.py) drive Debian's chromium through
# /usr/bin/chromedriver. Install both with apt when they are missing and we are root (or have passwordless sudo)
# on a Debian/Ubuntu machine; otherwise say so and carry on: the browser tests then skip, printing why.
# Never downloads a browser from anywhere but the distribution's packages.
set -uo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no apt-get here; the HQ browser tests will be skipped (install chromium and chromedriver)." >&2
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  run=()
elif sudo -n true 2>/dev/null; then
  run=(sudo -n)
else
  echo "ensure-chromium: chromium is missing and this user cannot install packages; the HQ browser tests will be" \
       "skipped (sudo apt-get install chromium chromium-driver)." >&2
  exit 0
fi
echo "Installing chromium and chromium-driver with apt (for the HQ dashboard's browser tests)." >&2
"${run[@]}" apt-get update -qq >/dev/null 2>&1 || true
if ! DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1; then
  echo "ensure-chromium: apt-get could not install chromium; the HQ browser tests will be skipped." >&2
fi
exit 0
