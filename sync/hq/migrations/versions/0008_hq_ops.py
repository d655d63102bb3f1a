"""HQ operator tools (#15 point 5) and TOTP secrets at rest: the events a quarantined event waits for (its person
not yet at HQ), the decisions on HQ's conflicts, and a wider ``hq_users.totp_secret`` for the sealed secret.

Revision ID: 0008_hq_ops
Revises: 0007_report_facts2
Create Date: 2026-12-02

The secrets already stored in plain text are sealed (AES-GCM, ``sync.hq.sealed``) with a key derived from HQ's keys,
which this migration does not have (they are never in the database): ``HQService`` seals them in one transaction
the first time HQ runs with its keys after this upgrade (``serve``, ``user add``, any keyed command). Downgrading
drops the two tables; the column stays wide (sealed secrets do not fit the old width).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_hq_ops"
down_revision = "0007_report_facts2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hq_users") as b:
        b.alter_column("totp_secret", type_=sa.String(200), existing_type=sa.String(64), existing_nullable=False)
    op.create_table(
        "quarantine_waits",
        sa.Column("quarantine_id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.String(64), nullable=False, index=True),
    )
    op.create_table(
        "conflict_decisions",
        sa.Column("conflict_id", sa.Integer, primary_key=True),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("by", sa.String(64), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("conflict_decisions")
    op.drop_table("quarantine_waits")
