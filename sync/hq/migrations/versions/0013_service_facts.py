"""The assistance and NEA registration facts (issue 15 point 3): per handing-out of assistance and per NEA
registration, the codes the reports' assistance and NEA sections count, kept at ingest (sync.hq.service_facts).
Filled here from the events HQ holds.

Revision ID: 0013_service_facts
Revises: 0012_tb_facts
Create Date: 2026-12-03

Downgrading drops the two tables (a projection: ``checkpoint-hq rebuild-facts`` makes them again).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0013_service_facts"
down_revision = "0012_tb_facts"
branch_labels = None
depends_on = None


_COPIED = ("sex", "sex_age", "age_group", "province")


def _arrival_copy() -> list[sa.Column[Any]]:
    """The arrival's sex, child/adult, age group and home province, as fact_arrivals holds them (relink)."""
    return [sa.Column("sex", sa.String(16), nullable=False, server_default="UNKNOWN"),
            sa.Column("sex_age", sa.String(8), nullable=False, server_default="unknown"),
            sa.Column("age_group", sa.String(8), nullable=False, server_default="unknown"),
            sa.Column("province", sa.String(32), nullable=False, server_default="")]


def upgrade() -> None:
    op.create_table(
        "fact_assistance",
        sa.Column("assistance_id", sa.String(64), primary_key=True),
        sa.Column("person_id", sa.String(64), nullable=False),
        sa.Column("checkpoint_id", sa.String(36), nullable=False),
        sa.Column("given_on", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("item_code", sa.String(64), nullable=False),
        sa.Column("cash_grant", sa.Boolean, nullable=False),
        sa.Column("voided", sa.Boolean, nullable=False),
        sa.Column("encounter_id", sa.String(64), nullable=False, server_default=""),
        *_arrival_copy(),
    )
    op.create_index("ix_fact_assistance_day", "fact_assistance", ["given_on", "checkpoint_id"])
    op.create_index("ix_fact_assistance_person", "fact_assistance", ["person_id", "given_on", "voided", "checkpoint_id",
                                                                     "kind", "provider", *_COPIED])
    op.create_table(
        "fact_nea",
        sa.Column("registration_id", sa.String(64), primary_key=True),
        sa.Column("person_id", sa.String(64), nullable=False),
        sa.Column("encounter_id", sa.String(64), nullable=False),
        sa.Column("checkpoint_id", sa.String(36), nullable=False),
        sa.Column("registered_on", sa.String(10), nullable=False),
        sa.Column("desired_job", sa.String(64), nullable=False),
        sa.Column("desired_sector", sa.String(32), nullable=False),
        sa.Column("desired_province", sa.String(32), nullable=False),
        sa.Column("education", sa.String(32), nullable=False),
        sa.Column("abroad_again", sa.String(8), nullable=False),
        sa.Column("sector_abroad", sa.String(32), nullable=False),
        sa.Column("arrival_voided", sa.Boolean, nullable=False, server_default=sa.false()),
        *_arrival_copy(),
    )
    op.create_index("ix_fact_nea_day", "fact_nea", ["registered_on", "checkpoint_id"])
    op.create_index("ix_fact_nea_person", "fact_nea", [
        "person_id", "registered_on", "arrival_voided", "checkpoint_id", *_COPIED, "desired_sector", "desired_job",
        "desired_province", "education", "abroad_again"])
    from sync.hq.service_facts import rebuild

    rebuild(op.get_bind(), sums=False)          # each person's sums: migration 0014, which adds their table


def downgrade() -> None:
    op.drop_index("ix_fact_nea_person", table_name="fact_nea")
    op.drop_index("ix_fact_nea_day", table_name="fact_nea")
    op.drop_table("fact_nea")
    op.drop_index("ix_fact_assistance_person", table_name="fact_assistance")
    op.drop_index("ix_fact_assistance_day", table_name="fact_assistance")
    op.drop_table("fact_assistance")
