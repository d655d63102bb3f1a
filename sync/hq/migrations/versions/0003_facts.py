"""The reporting projection: ``fact_arrivals``, ``fact_referrals`` and ``fact_cube`` (``sync.hq.facts``), filled
from every accepted event HQ already holds, so an upgraded HQ reports on its old data at once.

Revision ID: 0003_facts
Revises: 0002_follows
Create Date: 2026-12-02

Nothing else changes. Downgrading drops the two tables (they are a projection: ``checkpoint-hq facts rebuild``
makes them again from the events).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_facts"
down_revision = "0002_follows"
branch_labels = None
depends_on = None

MEASURES = ("arrivals", "trafficking_screened", "trafficking_indicators", "child_protection", "referrals_protection",
            "referrals_child_protection", "referrals_health", "tb_screened", "tb_screen_positive", "tb_presumptive",
            "referred", "arrived", "cxr_done", "xpert_done", "diagnosed", "treatment_started", "diagnosed_tb",
            "lost_to_follow_up", "referrals", "trafficking_referrals")


def upgrade() -> None:
    op.create_table(
        "fact_arrivals",
        sa.Column("encounter_id", sa.String(64), primary_key=True),
        sa.Column("person_id", sa.String(64), nullable=False),
        sa.Column("checkpoint_id", sa.String(36), nullable=False),
        sa.Column("arrival_date", sa.String(10), nullable=False),
        sa.Column("sex", sa.String(16), nullable=False),
        sa.Column("age", sa.Integer, nullable=True),
        sa.Column("age_group", sa.String(8), nullable=False),
        sa.Column("sex_age", sa.String(8), nullable=False),
        sa.Column("province", sa.String(32), nullable=False),
        sa.Column("district", sa.String(32), nullable=False),
        sa.Column("country", sa.String(32), nullable=False),
        sa.Column("return_type", sa.String(32), nullable=False),
        sa.Column("sector", sa.String(32), nullable=False),
        sa.Column("exploitation", sa.String(64), nullable=False),
        sa.Column("trafficking_screening_id", sa.String(64), nullable=False),
        sa.Column("trafficking_outcome", sa.String(32), nullable=False),
        sa.Column("child_protection", sa.Boolean, nullable=False),
        sa.Column("tb_screening_id", sa.String(64), nullable=False),
        sa.Column("tb_outcome", sa.String(32), nullable=False),
        sa.Column("tb_presumptive", sa.Boolean, nullable=False),
        sa.Column("voided", sa.Boolean, nullable=False),
        sa.Column("ref_protection", sa.Integer, nullable=False),
        sa.Column("ref_child_protection", sa.Integer, nullable=False),
        sa.Column("ref_health", sa.Integer, nullable=False),
        sa.Column("tb_stage", sa.Integer, nullable=False),
        sa.Column("tb_diagnosed", sa.Boolean, nullable=False),
        sa.Column("tb_lost", sa.Boolean, nullable=False),
        sa.Column("ref_keys", sa.Text, nullable=False),
    )
    op.create_index("ix_fact_arrivals_person_id", "fact_arrivals", ["person_id"])
    op.create_index("ix_fact_arrivals_date", "fact_arrivals", ["arrival_date", "checkpoint_id"])
    op.create_table(
        "fact_referrals",
        sa.Column("referral_id", sa.String(64), primary_key=True),
        sa.Column("encounter_id", sa.String(64), nullable=False),
        sa.Column("person_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("agency", sa.String(64), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("cxr_result", sa.String(40), nullable=False),
        sa.Column("xpert_result", sa.String(40), nullable=False),
        sa.Column("diagnosis", sa.String(40), nullable=False),
        sa.Column("treatment_started", sa.Boolean, nullable=False),
        sa.Column("reached", sa.String(32), nullable=False),
        sa.Column("voided", sa.Boolean, nullable=False),
    )
    op.create_index("ix_fact_referrals_encounter_id", "fact_referrals", ["encounter_id"])
    op.create_index("ix_fact_referrals_person_id", "fact_referrals", ["person_id"])
    op.create_table(
        "fact_cube",
        sa.Column("arrival_date", sa.String(10), primary_key=True),
        sa.Column("checkpoint_id", sa.String(36), primary_key=True),
        sa.Column("dimension", sa.String(24), primary_key=True),
        sa.Column("category", sa.String(160), primary_key=True),
        *(sa.Column(m, sa.Integer, nullable=False) for m in MEASURES),
    )
    # The facts are filled from the events by 0007_report_facts2 (sync.hq.facts.rebuild writes today's columns,
    # which exist only once every migration ran).


def downgrade() -> None:
    op.drop_table("fact_cube")
    op.drop_table("fact_referrals")
    op.drop_table("fact_arrivals")
