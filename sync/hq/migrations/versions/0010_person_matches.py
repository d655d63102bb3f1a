"""Repeat returnees across checkpoints (#15 point 6): each person's blocking keys (digests only) and the pairs HQ
found, with the data manager's decision (sync.hq.matches). And an index the reporting benchmarks asked for: the
period's arrivals with checkpoint, voided flag and person, so the reports' count of distinct persons reads the
index alone (tests/bench/bench_hq_dashboard.py).

Revision ID: 0010_person_matches
Revises: 0007_report_facts2
Create Date: 2026-12-02

New tables and an index: downgrading drops them (the keys are rebuilt by `checkpoint-hq matches refresh` from the
events; the decisions are lost).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_person_matches"
down_revision = "0009_arrivals_facts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_keys",
        sa.Column("person_id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(40), primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),
    )
    op.create_index("ix_person_keys_kind_key", "person_keys", ["kind", "key"])
    op.create_table(
        "person_matches",
        sa.Column("person_a", sa.String(64), primary_key=True),
        sa.Column("person_b", sa.String(64), primary_key=True),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("found_at", sa.String(40), nullable=False),
        sa.Column("decided_at", sa.String(40), nullable=False, server_default=""),
        sa.Column("decided_by", sa.String(64), nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_person_matches_person_b", "person_matches", ["person_b"])
    op.create_index("ix_person_matches_status", "person_matches", ["status"])
    op.create_index("ix_fact_arrivals_persons", "fact_arrivals",
                    ["arrival_date", "checkpoint_id", "voided", "person_id"])


def downgrade() -> None:
    op.drop_index("ix_fact_arrivals_persons", table_name="fact_arrivals")
    for name in ("person_matches", "person_keys"):
        op.drop_table(name)
