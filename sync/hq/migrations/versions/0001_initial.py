"""The first HQ schema: devices, enrollment tokens, batches and their acks, events, pull feeds, quarantine,
conflicts.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-22

Never edit a released revision: add a new one. tests/sync/server/test_store.py checks that the schema this
chain builds is exactly the one ``sync.server.store`` declares.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    counters = op.create_table(
        "counters",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(counters, [{"name": "ingest_seq", "value": 0}, {"name": "reference", "value": 1}])
    op.create_table(
        "checkpoints",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("name_key", sa.String(80), nullable=False, unique=True),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "devices",
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("checkpoint_id", sa.String(36), sa.ForeignKey("checkpoints.id"), nullable=False),
        sa.Column("checkpoint_name", sa.String(80), nullable=False),
        sa.Column("station_id", sa.String(80), nullable=False),
        sa.Column("signing_public", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("enrolled_at", sa.String(40), nullable=False),
        sa.Column("enrollments", sa.Integer, nullable=False),
        sa.Column("revoked_at", sa.String(40), nullable=False, server_default=""),
        sa.Column("revoke_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("contiguous_seq", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("last_batch_id", sa.String(64), nullable=False, server_default=""),
        sa.Column("last_seen_at", sa.String(40), nullable=False, server_default=""),
    )
    op.create_index("ix_devices_checkpoint_id", "devices", ["checkpoint_id"])
    op.create_table(
        "enroll_tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("checkpoint_id", sa.String(36), sa.ForeignKey("checkpoints.id"), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("expires_at", sa.String(40), nullable=False),
        sa.Column("used_at", sa.String(40), nullable=False, server_default=""),
        sa.Column("used_by", sa.String(64), nullable=False, server_default=""),
    )
    op.create_table(
        "batches",
        sa.Column("batch_id", sa.String(64), primary_key=True),
        sa.Column("device_id", sa.String(64), sa.ForeignKey("devices.device_id"), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("prev_sha256", sa.String(64), nullable=False),
        sa.Column("first_seq", sa.BigInteger, nullable=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("received_at", sa.String(40), nullable=False),
        sa.Column("via", sa.String(16), nullable=False),
        sa.Column("chain_ok", sa.Boolean, nullable=False),
        sa.Column("chain_note", sa.Text, nullable=False),
        sa.Column("verdicts", sa.Text, nullable=False),
        sa.Column("ack", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_batches_device_id", "batches", ["device_id"])
    op.create_table(
        "batch_digests",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("batch_id", sa.String(64), sa.ForeignKey("batches.batch_id"), nullable=False),
    )
    op.create_index("ix_batch_digests_batch_id", "batch_digests", ["batch_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("device_seq", sa.BigInteger, nullable=False),
        sa.Column("entity_type", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("type", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("hlc", sa.String(32), nullable=False),
        sa.Column("content_version", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("ingest_seq", sa.BigInteger, nullable=True, unique=True),
        sa.Column("batch_id", sa.String(64), nullable=False),
        sa.Column("received_at", sa.String(40), nullable=False),
        sa.Column("released_at", sa.String(40), nullable=False, server_default=""),
        sa.UniqueConstraint("device_id", "device_seq", name="uq_events_device_seq"),
    )
    op.create_index("ix_events_entity_id", "events", ["entity_id"])
    op.create_index("ix_events_type", "events", ["type"])
    op.create_table(
        "checkpoint_entities",
        sa.Column("checkpoint_id", sa.String(36), primary_key=True),
        sa.Column("entity_id", sa.String(64), primary_key=True),
    )
    op.create_index("ix_checkpoint_entities_entity_id", "checkpoint_entities", ["entity_id"])
    op.create_table(
        "pull_feed",
        sa.Column("checkpoint_id", sa.String(36), primary_key=True),
        sa.Column("seq", sa.BigInteger, primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False),
    )
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("batch_id", sa.String(64), nullable=False),
        sa.Column("event_id", sa.String(200), nullable=False),
        sa.Column("device_seq", sa.BigInteger, nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("raw_sha256", sa.String(64), nullable=False),
        sa.Column("received_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("device_id", "raw_sha256", name="uq_quarantine_raw"),
    )
    op.create_index("ix_quarantine_device_seq", "quarantine", ["device_id", "device_seq"])
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("batch_id", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("existing_hash", sa.String(64), nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("received_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("event_id", "hash", name="uq_conflicts_event_hash"),
    )
    op.create_table(
        "journal",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("journal", "conflicts", "quarantine", "pull_feed", "checkpoint_entities", "events", "batch_digests",
                  "batches", "enroll_tokens", "devices", "checkpoints", "counters", "meta"):
        op.drop_table(table)
