"""The TB cascade's facts (issue 14 point 4): per person, the screens and health referrals the cascade counts,
kept at ingest (sync.hq.tb_facts) so the reports' TB section reads a period's screens instead of folding every
event of the period. Filled here from the events HQ holds.

Revision ID: 0012_tb_facts
Revises: 0011_checkpoint_keys
Create Date: 2026-12-03

Downgrading drops the two tables (a projection: ``checkpoint-hq rebuild-facts`` makes them again).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_tb_facts"
down_revision = "0011_checkpoint_keys"
branch_labels = None
depends_on = None

_STEPS = ("screened", "presumptive", "x_rayed", "xray_abnormal", "sputum_collected", "xpert_done", "tb_diagnosed",
          "bact_confirmed", "clinically_diagnosed", "rif_resistant", "treatment_started", "initial_loss_to_follow_up")
_REFERRAL_FIELDS = ("status", "cxr_result", "sputum_collected_at", "xpert_result", "diagnosis", "treatment_started_at")


def upgrade() -> None:
    op.create_table(
        "fact_tb_screens",
        sa.Column("person_id", sa.String(64), primary_key=True),
        sa.Column("ord", sa.Integer, primary_key=True),
        sa.Column("screen_id", sa.String(64), nullable=False),
        sa.Column("encounter_id", sa.String(64), nullable=False),
        sa.Column("screened_on", sa.String(10), nullable=False),
        sa.Column("outcome", sa.String(64), nullable=False),
        sa.Column("age", sa.Integer, nullable=True),
        sa.Column("sex", sa.String(16), nullable=False),
        sa.Column("province", sa.String(64), nullable=False),
        sa.Column("continues", sa.String(64), nullable=False),
        sa.Column("solo", sa.Boolean, nullable=False),
        sa.Column("checkpoint_id", sa.String(36), nullable=False),
        sa.Column("cat_sex", sa.String(16), nullable=False),
        sa.Column("cat_province", sa.String(64), nullable=False),
        sa.Column("age_group", sa.String(8), nullable=False),
        *(sa.Column(f"n_{step}", sa.Integer, nullable=False) for step in _STEPS),
    )
    op.create_index("ix_fact_tb_screens_day", "fact_tb_screens", ["screened_on", "person_id", "ord"])
    op.create_table(
        "fact_tb_referrals",
        sa.Column("person_id", sa.String(64), primary_key=True),
        sa.Column("referral_id", sa.String(64), primary_key=True),
        sa.Column("encounter_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        *(sa.Column(f, sa.String(64), nullable=False) for f in _REFERRAL_FIELDS),
    )
    from sync.hq.tb_facts import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table("fact_tb_referrals")
    op.drop_index("ix_fact_tb_screens_day", table_name="fact_tb_screens")
    op.drop_table("fact_tb_screens")
