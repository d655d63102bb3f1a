"""checkpoint-hq: the headquarters server.

- ``service.HQService``: the HQ side of ``sync.protocol.SyncProtocol`` in process (enroll, push, pull,
  reference) plus the operator's calls (tokens, devices, revoke, stats).
- ``store.HQStore``: SQLAlchemy Core tables over SQLite (default) or PostgreSQL; Alembic migrations in
  ``migrations/``.
- ``keys``: HQ's signing, exchange and recovery keys on disk, wrapped under a passphrase.
- ``app.create_app``: the FastAPI application (``/v1/...``, ``/openapi.json``).
- ``recovery.recover_passphrase``: a new passphrase on a device store through HQ's recovery key.
- ``cli``: the ``checkpoint-hq`` command.

Submodules are imported on demand (the CLI stays quick to start).
"""
