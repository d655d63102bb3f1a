"""HQ's web dashboard (issue 15): accounts and roles, sessions and web security, server-rendered pages in Khmer and
English, operator tools. ``mount_web`` adds it to HQ's FastAPI app (``sync.hq.http.create_app``)."""

from __future__ import annotations

from sync.hq.web.app import mount_web

__all__ = ["mount_web"]
