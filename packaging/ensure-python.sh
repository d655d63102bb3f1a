#!/usr/bin/env bash
# Make sure the interpreter can create a virtual environment; on Debian/Ubuntu that needs python3-venv.
# apt is used only for this, and only when it is truly missing.
set -euo pipefail
py="${1:-python3}"
if ! command -v "$py" >/dev/null 2>&1; then
  echo "Checkpoint needs Python 3.11 or newer ('$py' not found). On Debian/Ubuntu: sudo apt-get install python3 python3-venv" >&2
  exit 1
fi
if ! "$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "Checkpoint needs Python 3.11 or newer; '$py' is $("$py" --version 2>&1)." >&2
  exit 1
fi
if ! "$py" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "Python's venv module is missing; installing python3-venv with apt." >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq python3-venv
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq python3-venv
  fi
fi
