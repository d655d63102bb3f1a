"""Sync with headquarters. Not built yet: see the sync issue."""
