"""The referral directory (#16): organisations with their services, provinces, contacts and languages, and every
version of each (sync.hq.directory).

Revision ID: 0006_directory
Revises: 0004_web_accounts
Create Date: 2026-12-02

New tables only: downgrading drops them and loses the directory and its history.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_directory"
down_revision = "0004_web_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "directory",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
    )
    op.create_table(
        "directory_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("code", sa.String(64), nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("changed_at", sa.String(40), nullable=False),
        sa.Column("changed_by", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    for name in ("directory_history", "directory"):
        op.drop_table(name)
