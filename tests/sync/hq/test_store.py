"""The HQ database: Alembic builds exactly the declared schema, upgrades are repeatable and reversible, bad URLs
get a plain message."""

from __future__ import annotations

import stat

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from checkpoint.errors import StoreError
from sync.hq.store import METADATA, HQStore, alembic_config


def test_migrations_build_exactly_the_declared_schema(tmp_path) -> None:
    store = HQStore.open(f"sqlite:///{tmp_path / 'hq.db'}")
    with store.read() as conn:
        assert compare_metadata(MigrationContext.configure(conn), METADATA) == []
        pragmas = {p: conn.exec_driver_sql(f"PRAGMA {p}").scalar() for p in ("journal_mode", "foreign_keys")}
    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1}
    assert store.revision() == "0014_service_persons"
    assert store.migrate() == "0014_service_persons"                     # repeatable
    store.close()


def test_the_database_file_is_private(tmp_path) -> None:
    HQStore.open(f"sqlite:///{tmp_path / 'hq.db'}").close()
    assert stat.S_IMODE((tmp_path / "hq.db").stat().st_mode) == 0o600


def test_downgrade_and_upgrade_again(tmp_path) -> None:
    store = HQStore.open(f"sqlite:///{tmp_path / 'hq.db'}")
    with store.write() as conn:
        command.downgrade(alembic_config(conn), "base")
    with store.read() as conn:
        assert set(sa.inspect(conn).get_table_names()) <= {"alembic_version"}
    assert store.migrate() == "0014_service_persons"
    store.close()


def test_migrations_on_postgresql_match_too(pg_url) -> None:
    store = HQStore.open(pg_url)
    with store.read() as conn:
        assert compare_metadata(MigrationContext.configure(conn), METADATA) == []
    store.close()


@pytest.mark.parametrize("url", ["nonsense", "mysql://x/y", "sqlite://", "sqlite:///:memory:"])
def test_bad_urls_get_a_plain_message(url) -> None:
    with pytest.raises(StoreError):
        HQStore.open(url)
