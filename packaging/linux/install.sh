#!/bin/sh
# Install (or remove) Checkpoint from the folder this script is in. Needs no network.
#
#   sudo ./install.sh               for every user: /opt/checkpoint, commands in /usr/local/bin, menu entry
#   ./install.sh --user             only for you:   ~/.local/opt/checkpoint, ~/.local/bin, your menu
#   sudo ./install.sh --uninstall   remove it again (add --user if it was installed with --user)
#
# Installing over an older version replaces the program only. Data is never touched by this script: stores live
# in each user's ~/.local/share/checkpoint/ (see INSTALL.txt), never in the program folder.
# At the end it runs the self-test; exit code 0 means installed and working.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
mode=system
action=install
for arg in "$@"; do
  case "$arg" in
    --user) mode=user ;;
    --uninstall) action=uninstall ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [ "$mode" = system ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install.sh: run it as root (sudo ./install.sh), or ./install.sh --user to install only for yourself." >&2
    exit 2
  fi
  prefix=/opt/checkpoint
  bindir=/usr/local/bin
  appdir=/usr/share/applications
else
  prefix="$HOME/.local/opt/checkpoint"
  bindir="$HOME/.local/bin"
  appdir="$HOME/.local/share/applications"
fi
commands="checkpoint checkpoint-console checkpoint-admin checkpoint-hq"

remove_links() {
  for n in $commands; do
    # only our own links: never a file someone else put there
    if [ -L "$bindir/$n" ] && [ "$(readlink "$bindir/$n")" = "$prefix/$n" ]; then rm -f "$bindir/$n"; fi
  done
}

if [ "$action" = uninstall ]; then
  remove_links
  rm -f "$appdir/checkpoint.desktop"
  if [ -x "$prefix/checkpoint" ] && [ -d "$prefix/_internal" ]; then rm -rf "$prefix"; fi
  if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$appdir" 2>/dev/null || true; fi
  echo "Checkpoint removed from $prefix. Users' data in ~/.local/share/checkpoint/ was left in place."
  exit 0
fi

if [ ! -x "$here/checkpoint" ] || [ ! -d "$here/_internal" ]; then
  echo "install.sh: run it from the unpacked Checkpoint folder (checkpoint and _internal/ beside it)." >&2
  exit 2
fi
if [ "$here" = "$prefix" ]; then
  echo "install.sh: this folder is already the installed copy ($prefix)." >&2
  exit 2
fi

# Copy next to the destination first, then swap: a failed copy leaves the old version working.
mkdir -p "$(dirname "$prefix")" "$bindir" "$appdir"
staging="$prefix.new"
rm -rf "$staging"
cp -R "$here" "$staging"
chmod -R u+rwX,go+rX,go-w "$staging"
if [ -d "$prefix" ]; then
  rm -rf "$prefix.old"
  mv "$prefix" "$prefix.old"
fi
mv "$staging" "$prefix"
rm -rf "$prefix.old"

for n in $commands; do ln -sf "$prefix/$n" "$bindir/$n"; done
sed -e "s|/opt/checkpoint|$prefix|g" "$prefix/checkpoint.desktop" > "$appdir/checkpoint.desktop"
chmod 644 "$appdir/checkpoint.desktop"
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$appdir" 2>/dev/null || true; fi

echo "Checkpoint installed in $prefix (commands in $bindir, menu entry 'Checkpoint')."
case ":$PATH:" in *":$bindir:"*) ;; *) echo "Note: $bindir is not on your PATH; log out and in again, or use $prefix/checkpoint." ;; esac
echo "Running the self-test:"
if "$prefix/checkpoint-console" --self-test; then
  echo "Installed and working."
else
  echo "The program is installed but the self-test FAILED: see the lines above, and INSTALL.txt." >&2
  exit 1
fi
