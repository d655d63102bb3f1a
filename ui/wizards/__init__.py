"""Multi-step forms rendered from Qt-free flows (checkpoint.workflows)."""
