"""Where a store lives when no path is given: the one resolver for the app, checkpoint-admin and the installer.

    >>> default_store_path({"CHECKPOINT_STORE": "/srv/poipet.db"})
    PosixPath('/srv/poipet.db')
    >>> default_store_path({}, platform="linux")                          # doctest: +SKIP
    PosixPath('/home/dara/.local/share/checkpoint/checkpoint.db')
    >>> default_store_path({}, platform="win32")                          # doctest: +SKIP
    WindowsPath('C:/ProgramData/Checkpoint/checkpoint.db')

In order: the program's own environment variable (``prefer``: ``$CHECKPOINT_STORE`` for the app,
``$CHECKPOINT_DB`` for checkpoint-admin), then the other one, then ``checkpoint.db`` in Checkpoint's data folder:

- **Windows: per machine**, ``%PROGRAMDATA%\\Checkpoint`` (``C:\\ProgramData\\Checkpoint``). A checkpoint laptop is
  shared by the officers on duty, often each under their own Windows account; a per-user folder
  (``%LOCALAPPDATA%``) would give each account its own empty store, and a supervisor's account would not see the
  officers' registrations. The per-machine installer creates the folder with an ACL for the local group
  ``Checkpoint Users`` (plus SYSTEM and the folder's owner; see ``checkpoint.acl``), and IT adds the officers'
  accounts to that group. It never roams (OneDrive, roaming profiles) and survives uninstalling.
- Linux: ``~/.local/share/checkpoint`` (``$XDG_DATA_HOME/checkpoint`` where that is set); macOS:
  ``~/Library/Application Support/Checkpoint``.

A store already at a path earlier versions used (``~/.local/share/checkpoint``, and on Windows
``%LOCALAPPDATA%\\Checkpoint``) is kept where it is, so no laptop "loses" its store after an upgrade. Never the
current folder. Called from each program's ``main()``, never at import.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

__all__ = ["ENV_VARS", "STORE_NAME", "data_dir", "default_store_path", "ensure_data_dir", "export_dir",
           "synced_folder", "user_data_dir"]

# Where OneDrive (personal, work or school) keeps its synced folder; Windows sets these for a signed-in account.
ONEDRIVE_VARS = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")

ENV_VARS = ("CHECKPOINT_STORE", "CHECKPOINT_DB")
STORE_NAME = "checkpoint.db"


def user_data_dir(platform: str = sys.platform) -> Path:
    """The per-user folder for Checkpoint's data on ``platform`` (a ``sys.platform`` value)."""
    from platformdirs.macos import MacOS
    from platformdirs.unix import Unix
    from platformdirs.windows import Windows

    dirs: type[Windows | MacOS | Unix] = Windows if platform == "win32" else MacOS if platform == "darwin" else Unix
    # Linux keeps the lower-case folder earlier versions used; Windows and macOS show the product's name.
    appname = "checkpoint" if dirs is Unix else "Checkpoint"
    return Path(dirs(appname, appauthor=False).user_data_dir)


def data_dir(platform: str = sys.platform) -> Path:
    """Checkpoint's data folder: per machine on Windows (``%PROGRAMDATA%\\Checkpoint``), per user elsewhere."""
    if platform == "win32":
        from platformdirs.windows import Windows

        return Path(Windows("Checkpoint", appauthor=False).site_data_dir)
    return user_data_dir(platform)


def default_store_path(env: Mapping[str, str] = os.environ, *, prefer: str = "CHECKPOINT_STORE",
                       platform: str = sys.platform) -> Path:
    """The store to open when the command line names none (see the module's docstring for the order)."""
    for var in sorted(ENV_VARS, key=lambda v: v != prefer):
        if env.get(var):
            return Path(env[var])
    path = data_dir(platform) / STORE_NAME
    if _exists(path):
        return path
    legacy = [Path.home() / ".local" / "share" / "checkpoint" / STORE_NAME]
    if platform == "win32":
        legacy.insert(0, user_data_dir(platform) / STORE_NAME)
    for old in legacy:
        if old != path and _exists(old):
            return old
    return path


def ensure_data_dir(store: str | os.PathLike[str]) -> Path:
    """Create the folder of the default ``store`` if missing, private from the start (0700; on Windows the
    Checkpoint ACL). A folder that exists is left as it is (the installer set its ACL). Returns the folder."""
    folder = Path(store).parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
        if sys.platform == "win32":
            from checkpoint import acl

            acl.restrict(folder, folder=True)
    return folder


def synced_folder(folder: str | os.PathLike[str], env: Mapping[str, str] = os.environ) -> bool:
    """True if ``folder`` is inside a OneDrive folder (Documents is often redirected there by Known Folder Move)."""
    here = os.path.normcase(os.path.abspath(folder))
    for var in ONEDRIVE_VARS:
        if env.get(var):
            root = os.path.normcase(os.path.abspath(env[var])).rstrip(os.sep)
            if here == root or here.startswith(root + os.sep):
                return True
    return False


def export_dir(env: Mapping[str, str] = os.environ) -> Path:
    """Where the export and backup dialogs start: the user's Documents, unless it is synced to OneDrive (an export
    holds personal data and must not leave the laptop by itself); then ``Checkpoint exports`` in the user's own
    profile folder, which nothing syncs. Never the program's folder or the current folder."""
    from platformdirs import user_documents_dir

    docs = Path(user_documents_dir())
    if docs.is_dir() and not synced_folder(docs, env) and docs != Path.home():
        return docs
    return Path.home() / "Checkpoint exports"


def _exists(store: Path) -> bool:
    return store.exists() or Path(str(store) + ".keys").exists()
