"""checkpoint-hq: the headquarters server. Never imports the device's code (an import-linter contract, and a
test that a running server has loaded neither SQLCipher nor Qt).

- ``service.HQService``: the HQ side of ``sync.protocol.SyncProtocol`` in process (enroll, push, pull,
  reference) plus the operator's calls (tokens, devices, revoke, stats). Thin: the rules live in
- ``ingest``: ``plan_ingest`` (pure: the verdict per event, the watermark, what a batch releases) and
  ``write_plan``; ``enroll``: tokens and enrollment; ``pull``: pull scope, feeds, pull and reference answers;
- ``store``: SQLAlchemy Core tables over SQLite (default) or PostgreSQL, helpers run in a transaction; Alembic
  migrations in ``migrations/``;
- ``keys``: HQ's signing, exchange and recovery keys on disk, wrapped under a passphrase;
- ``http.create_app``: the FastAPI application (``/v1/...``, ``/openapi.json``);
- ``recovery``: a new passphrase on a device store through HQ's recovery key (HQ's part);
- ``config``: defaults (database URL, keys directory, environment variables); ``checks``: input checks;
- ``cli``: the ``checkpoint-hq`` command.

Submodules are imported on demand (the CLI stays quick to start).
"""
