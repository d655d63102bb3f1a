#!/usr/bin/env bash
# Make sure this Linux build machine has the X11 libraries that Qt's xcb platform plugin links to, so that
# PyInstaller copies them INTO the bundle and offline target machines need not install them.
# apt is used only for this, and only for what is truly missing (as packaging/ensure-python.sh does for venv).
set -euo pipefail
[ "$(uname -s)" = Linux ] || exit 0
command -v ldconfig >/dev/null 2>&1 || exit 0
declare -A pkg=(
  [libxcb-cursor.so.0]=libxcb-cursor0 [libxcb-icccm.so.4]=libxcb-icccm4 [libxcb-keysyms.so.1]=libxcb-keysyms1
  [libxkbcommon-x11.so.0]=libxkbcommon-x11-0 [libxcb-image.so.0]=libxcb-image0
  [libxcb-render-util.so.0]=libxcb-render-util0 [libxcb-shape.so.0]=libxcb-shape0 [libxcb-randr.so.0]=libxcb-randr0
  [libxcb-xkb.so.1]=libxcb-xkb1
)
have=$(ldconfig -p)
missing=()
for so in "${!pkg[@]}"; do
  grep -q "^[[:space:]]*$so " <<<"$have" || missing+=("${pkg[$so]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The build needs these X11 libraries (to bundle them): ${missing[*]}. Install them, then build again." >&2
  exit 1
fi
echo "Installing X11 libraries for the bundle with apt: ${missing[*]}" >&2
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}"
else
  sudo apt-get update -qq && sudo apt-get install -y -qq "${missing[@]}"
fi
