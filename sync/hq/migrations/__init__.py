"""Alembic migrations of the HQ store."""
