"""The one home of checkpoint-hq's defaults: where its database and keys are, which environment variables
override them, and how ``serve`` listens. Nothing here reads the environment at import time.

    >>> db_url(None, environ={})
    'sqlite:///hq.db'
    >>> db_url(None, environ={"CHECKPOINT_HQ_DB": "postgresql+psycopg://hq@/hq"})
    'postgresql+psycopg://hq@/hq'
    >>> str(keys_dir("/srv/hq/keys", environ={}))
    '/srv/hq/keys'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

__all__ = ["DEFAULT_DB_URL", "DEFAULT_HOST", "DEFAULT_KEYS_DIR", "DEFAULT_PORT", "ENV_DB", "ENV_KEYS",
           "ENV_NEW_PASSPHRASE", "ENV_PASSPHRASE", "db_url", "keys_dir"]

DEFAULT_DB_URL = "sqlite:///hq.db"        # the embedded default; production: postgresql+psycopg://USER@HOST/DB
DEFAULT_KEYS_DIR = "hq-keys"
DEFAULT_HOST = "127.0.0.1"                # never all interfaces unless asked (DESIGN.md §4)
DEFAULT_PORT = 8443

ENV_DB = "CHECKPOINT_HQ_DB"
ENV_KEYS = "CHECKPOINT_HQ_KEYS"
ENV_PASSPHRASE = "CHECKPOINT_HQ_PASSPHRASE"  # noqa: S105 - a variable's name: the HQ keys' passphrase
ENV_NEW_PASSPHRASE = "CHECKPOINT_NEW_PASSPHRASE"  # noqa: S105 - a variable's name: `recover`'s new passphrase


def db_url(given: str | None, *, environ: Mapping[str, str] = os.environ) -> str:
    """The database URL: ``given`` (--db), else $CHECKPOINT_HQ_DB, else the SQLite default."""
    return given or environ.get(ENV_DB, DEFAULT_DB_URL)


def keys_dir(given: str | os.PathLike[str] | None, *, environ: Mapping[str, str] = os.environ) -> Path:
    """The HQ keys directory: ``given`` (--keys), else $CHECKPOINT_HQ_KEYS, else ./hq-keys."""
    return Path(given) if given else Path(environ.get(ENV_KEYS, DEFAULT_KEYS_DIR))
