"""Where a user's store lives when no path is given: the one resolver for the app and checkpoint-admin.

    >>> default_store_path({"CHECKPOINT_STORE": "/srv/poipet.db"})
    PosixPath('/srv/poipet.db')
    >>> default_store_path({}, platform="linux")                          # doctest: +SKIP
    PosixPath('/home/dara/.local/share/checkpoint/checkpoint.db')

In order: the program's own environment variable (``prefer``: ``$CHECKPOINT_STORE`` for the app,
``$CHECKPOINT_DB`` for checkpoint-admin), then the other one, then ``checkpoint.db`` in the user's data folder
(platformdirs): ``~/.local/share/checkpoint`` on Linux (``$XDG_DATA_HOME/checkpoint`` where that is set),
``%LOCALAPPDATA%\\Checkpoint`` on Windows, ``~/Library/Application Support/Checkpoint`` on macOS. A store already
at the path earlier versions used everywhere (``~/.local/share/checkpoint/checkpoint.db``) is kept where it is,
so no laptop "loses" its store after an upgrade. Called from each program's ``main()``, never at import.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

__all__ = ["ENV_VARS", "STORE_NAME", "default_store_path", "user_data_dir"]

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


def default_store_path(env: Mapping[str, str] = os.environ, *, prefer: str = "CHECKPOINT_STORE",
                       platform: str = sys.platform) -> Path:
    """The store to open when the command line names none (see the module's docstring for the order)."""
    for var in sorted(ENV_VARS, key=lambda v: v != prefer):
        if env.get(var):
            return Path(env[var])
    path = user_data_dir(platform) / STORE_NAME
    legacy = Path.home() / ".local" / "share" / "checkpoint" / STORE_NAME
    if path != legacy and not _exists(path) and _exists(legacy):
        return legacy
    return path


def _exists(store: Path) -> bool:
    return store.exists() or Path(str(store) + ".keys").exists()
