"""One protection key pair per checkpoint (#10 point 11): devices of a checkpoint seal protection sections to its
public half, so supervisors of every laptop of the checkpoint open them. The private half is kept sealed
(sync.hq.checkpointkeys).

Revision ID: 0011_checkpoint_keys
Revises: 0010_person_matches
Create Date: 2026-12-03

A new table: downgrading drops it (devices keep the keys they hold; HQ would make new ones).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_checkpoint_keys"
down_revision = "0010_person_matches"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkpoint_keys",
        sa.Column("checkpoint_id", sa.String(64), primary_key=True),
        sa.Column("public", sa.String(64), nullable=False),
        sa.Column("sealed_private", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("checkpoint_keys")
