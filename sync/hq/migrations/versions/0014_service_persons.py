"""Each person's assistance and NEA rows summed per month and per year (issue 15's targets for a month's and a
year's assistance and NEA figures at 1,000,000 persons): ``fact_service_persons``, kept with the facts
(sync.hq.service_facts.roll). Filled here from the facts HQ holds.

Revision ID: 0014_service_persons
Revises: 0013_service_facts
Create Date: 2026-12-03

Downgrading drops the table (a projection: ``checkpoint-hq rebuild-facts`` makes it again).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_service_persons"
down_revision = "0013_service_facts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fact_service_persons",
        sa.Column("section", sa.String(16), primary_key=True),
        sa.Column("period", sa.String(7), primary_key=True),
        sa.Column("cp_key", sa.String(36), primary_key=True),
        sa.Column("person_id", sa.String(64), primary_key=True),
        sa.Column("n", sa.Integer, nullable=False),
        *(sa.Column(f"k{i}", sa.Integer, nullable=False) for i in range(7)),
        sa.Column("checkpoint", sa.String(36)),
        sa.Column("sex", sa.String(16)),
        sa.Column("sex_age", sa.String(8)),
        sa.Column("age_group", sa.String(8)),
        sa.Column("province", sa.String(32)),
        sa.Column("provider", sa.String(64)),
        sa.Column("desired_sector", sa.String(32)),
        sa.Column("desired_job", sa.String(64)),
        sa.Column("desired_province", sa.String(32)),
        sa.Column("education", sa.String(32)),
        sa.Column("abroad_again", sa.String(8)),
    )
    op.create_index("ix_fact_service_persons_person", "fact_service_persons", ["person_id"])
    from sync.hq.service_facts import analyze, roll

    analyze(op.get_bind())
    roll(op.get_bind(), None)


def downgrade() -> None:
    op.drop_index("ix_fact_service_persons_person", table_name="fact_service_persons")
    op.drop_table("fact_service_persons")
