#!/usr/bin/env bash
# The monthly PDF report's tests (tests/sync/hq/test_report_pdf.py) render the Khmer PDF with Debian's pdftoppm
# (poppler-utils) to check it is not blank. Install it with apt when it is missing and we are root (or have
# passwordless sudo) on a Debian/Ubuntu machine; otherwise say so and carry on: that test then skips, printing why.
# HQ itself never needs it (the PDF is made in Python).
set -uo pipefail
if [ -x /usr/bin/pdftoppm ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-poppler: no apt-get here; the Khmer PDF rendering test will be skipped (install poppler-utils)." >&2
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  run=()
elif sudo -n true 2>/dev/null; then
  run=(sudo -n)
else
  echo "ensure-poppler: pdftoppm is missing and this user cannot install packages; the Khmer PDF rendering test" \
       "will be skipped (sudo apt-get install poppler-utils)." >&2
  exit 0
fi
echo "Installing poppler-utils with apt (pdftoppm, for the PDF report's rendering test)." >&2
"${run[@]}" apt-get update -qq >/dev/null 2>&1 || true
if ! DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq poppler-utils >/dev/null 2>&1; then
  echo "ensure-poppler: apt-get could not install poppler-utils; the Khmer PDF rendering test will be skipped." >&2
fi
exit 0
