"""A checkpoint's arrival flow at HQ (issue 11): handover groups, arrivals by group, surge switches and headcounts as
reporting facts (``sync.hq.arrival_facts``), filled from every accepted event HQ already holds; and the checkpoint
events HQ already held (``checkpoint.events.SITE_TYPES``: groups, surge mode, headcounts, which devices pushed
before they travelled) queued on their checkpoint's pull feed, so the checkpoint's other devices get them too.

Revision ID: 0009_arrivals_facts
Revises: 0004_web_accounts
Create Date: 2026-12-02

Downgrading drops the four tables (a projection: the upgrade makes them again from the events); the pull feed rows
stay (devices that pulled them keep what they applied).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_arrivals_facts"
down_revision = "0008_hq_ops"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fact_groups",
        sa.Column("group_id", sa.String(64), primary_key=True),
        sa.Column("checkpoint_id", sa.String(36), nullable=False),
        sa.Column("group_date", sa.String(10), nullable=False),
        sa.Column("transport", sa.String(16), nullable=False),
        sa.Column("return_type", sa.String(32), nullable=False),
        sa.Column("expected", sa.Integer, nullable=True),
        sa.Column("listed", sa.Integer, nullable=False),
        sa.Column("left_rows", sa.Integer, nullable=False),
        sa.Column("skipped_rows", sa.Integer, nullable=False),
    )
    op.create_index("ix_fact_groups_date", "fact_groups", ["group_date", "checkpoint_id"])
    op.create_table(
        "fact_group_arrivals",
        sa.Column("encounter_id", sa.String(64), primary_key=True),
        sa.Column("group_id", sa.String(64), nullable=False),
    )
    op.create_index("ix_fact_group_arrivals_group_id", "fact_group_arrivals", ["group_id"])
    op.create_table(
        "fact_headcounts",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("checkpoint_id", sa.String(36), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("sex", sa.String(16), nullable=False),
        sa.Column("age_group", sa.String(8), nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
    )
    op.create_index("ix_fact_headcounts_day", "fact_headcounts", ["day", "checkpoint_id"])
    op.create_table(
        "fact_surge",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("checkpoint_id", sa.String(36), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.create_index("ix_fact_surge_day", "fact_surge", ["day", "checkpoint_id"])
    from checkpoint.events import SITE_TYPES
    from sync.hq.arrival_facts import rebuild
    from sync.hq.store import bulk_insert, devices, events, pull_feed, reserve

    conn = op.get_bind()
    rebuild(conn)
    old = conn.execute(sa.select(events.c.id, devices.c.checkpoint_id)
                       .select_from(events.join(devices, devices.c.device_id == events.c.device_id))
                       .where(events.c.status == "accepted", events.c.type.in_(sorted(SITE_TYPES)))
                       .order_by(events.c.ingest_seq)).all()
    if old:
        first = reserve(conn, "ingest_seq", len(old))
        bulk_insert(conn, pull_feed, [{"checkpoint_id": str(cp), "seq": first + n, "event_id": str(i)}
                                      for n, (i, cp) in enumerate(old)])


def downgrade() -> None:
    for t in ("fact_surge", "fact_headcounts", "fact_group_arrivals", "fact_groups"):
        op.drop_table(t)
