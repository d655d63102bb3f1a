"""Reporting facts for issue 12's screening data: an arrival's safety-rule referral (``fact_arrivals
.safety_referral``) and its count (``fact_cube.safety_referrals``); the facts are then rebuilt from the events, so
untouched checklists (NOT_SCREENED), withdrawn trafficking-interview consents and the exploitation types already
held count the way ``sync.hq.facts`` now counts them.

Revision ID: 0007_report_facts2
Revises: 0004_web_accounts
Create Date: 2026-12-02

Downgrading drops the two columns (the facts are a projection: ``checkpoint-hq rebuild-facts`` makes them again).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_report_facts2"
down_revision = "0006_directory"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("fact_arrivals") as b:
        b.add_column(sa.Column("safety_referral", sa.Boolean, nullable=False, server_default=sa.false()))
    with op.batch_alter_table("fact_cube") as b:
        b.add_column(sa.Column("safety_referrals", sa.Integer, nullable=False, server_default="0"))
    from sync.hq.facts import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("fact_cube") as b:
        b.drop_column("safety_referrals")
    with op.batch_alter_table("fact_arrivals") as b:
        b.drop_column("safety_referral")
