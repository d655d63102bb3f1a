"""Alembic environment of the HQ store.

Used two ways: by ``HQStore.migrate()`` (the connection is handed over in ``config.attributes["connection"]``,
inside the caller's transaction) and by Alembic's own CLI (the URL comes from ``sqlalchemy.url`` or
``$CHECKPOINT_HQ_DB``). Logging is left alone: the server configures it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from sync.hq.config import db_url


def _run(connection: sa.engine.Connection) -> None:
    context.configure(connection=connection, target_metadata=None, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or db_url(None)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


def _under_alembic() -> bool:
    try:
        context.config  # noqa: B018 - set only while Alembic runs this module
    except (AttributeError, NameError):
        return False
    return True


if _under_alembic():          # imported any other way (a test importing every module), it does nothing
    if context.is_offline_mode():
        raise SystemExit("Offline (SQL script) migrations are not supported: run against a database.")
    run_migrations_online()
