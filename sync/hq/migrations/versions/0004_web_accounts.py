"""HQ web dashboard (#15): accounts (passphrase + TOTP, roles), server-side sessions, the audit trail of every
sign-in, record view, export and operator action, and operator decisions on quarantined events.

Revision ID: 0004_web_accounts
Revises: 0003_facts
Create Date: 2026-12-02

New tables only: nothing existing changes, so downgrading drops them and loses only accounts and the audit trail.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_web_accounts"
down_revision = "0003_facts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hq_users",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("display_name", sa.String(120), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("organisation", sa.String(120), nullable=False, server_default=""),
        sa.Column("kdf", sa.Text, nullable=False),
        sa.Column("totp_secret", sa.String(64), nullable=False),
        sa.Column("totp_last_step", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", sa.Float, nullable=False, server_default="0"),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("last_sign_in", sa.String(40), nullable=False, server_default=""),
    )
    op.create_table(
        "hq_sessions",
        sa.Column("id_hash", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, index=True),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created", sa.Float, nullable=False),
        sa.Column("last_seen", sa.Float, nullable=False),
    )
    op.create_table(
        "hq_audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("action", sa.String(40), nullable=False, index=True),
        sa.Column("target", sa.String(200), nullable=False, server_default=""),
        sa.Column("detail", sa.Text, nullable=False, server_default=""),
        sa.Column("address", sa.String(64), nullable=False, server_default=""),
    )
    op.create_table(
        "quarantine_decisions",
        sa.Column("quarantine_id", sa.Integer, primary_key=True),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("by", sa.String(64), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )


def downgrade() -> None:
    for name in ("quarantine_decisions", "hq_audit", "hq_sessions", "hq_users"):
        op.drop_table(name)
