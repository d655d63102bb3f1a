"""Checkpoint core: domain model, screening rules and the encrypted offline store. Never imports Qt."""

__version__ = "0.1.0"
