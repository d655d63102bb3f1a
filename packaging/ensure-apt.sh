#!/usr/bin/env bash
# A test tool from Debian's packages, installed with apt when it is missing and we are root (or have passwordless
# sudo) on a Debian/Ubuntu machine; otherwise say so and carry on: the tests that need it then skip, printing why.
# Never downloads anything but the distribution's packages.
#
#   ensure-apt.sh NAME "WHAT NEEDS IT" "FILE ..." PACKAGE ...
#   ensure-apt.sh chromium "the HQ browser tests" "/usr/bin/chromium /usr/bin/chromedriver" chromium chromium-driver
#
# Used by `make chromium` (the HQ dashboard's browser tests, tests/sync/hq/web/test_browser*.py) and `make poppler`
# (pdftoppm, for the Khmer PDF report's rendering test, tests/sync/hq/test_report_pdf.py). HQ itself needs neither.
set -uo pipefail
name=$1 why=$2 files=$3
shift 3
packages=("$@")
missing=0
for f in $files; do
  [ -x "$f" ] || missing=1
done
if [ "$missing" = 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-$name: no apt-get here; $why will be skipped (install ${packages[*]})." >&2
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  run=()
elif sudo -n true 2>/dev/null; then
  run=(sudo -n)
else
  echo "ensure-$name: $name is missing and this user cannot install packages; $why will be skipped" \
       "(sudo apt-get install ${packages[*]})." >&2
  exit 0
fi
echo "Installing ${packages[*]} with apt (for $why)." >&2
"${run[@]}" apt-get update -qq >/dev/null 2>&1 || true
if ! DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null 2>&1; then
  echo "ensure-$name: apt-get could not install ${packages[*]}; $why will be skipped." >&2
fi
exit 0
