"""Sync with headquarters: sealed batches, the HTTP client, the HQ server. Imports checkpoint, never ui or Qt."""
