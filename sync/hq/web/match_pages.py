"""Repeat returnees across checkpoints in the dashboard (issue 15 point 6): the pairs HQ found, both records side by
side, and the data manager's link or dismissal (``sync.hq.matches``).

Mounted by ``sync.hq.web.app.mount_web`` with its helpers (``page``, ``guarded``, ``posted``): the same sessions,
CSRF checks and headers. Permission ``match_persons`` (``accounts.PERMISSIONS``): a data manager only — an analyst,
an HQ admin or a partner gets 403 and no link. Opening a pair is a record view (``view_record`` in the audit
trail); a decision is audited by ``matches.decide``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from checkpoint.clock import Clock
from checkpoint.errors import CheckpointError
from sync.hq import matches
from sync.hq.service import HQService

__all__ = ["mount_match_pages"]

PERMISSION = "match_persons"
STATUSES = ("pending", "linked", "dismissed")


def mount_match_pages(app: FastAPI, service: HQService, clock: Clock, *, prefix: str,
                      page: Callable[..., Response],
                      guarded: Callable[..., Awaitable[tuple[Any, Response | None]]],
                      posted: Callable[..., Awaitable[tuple[Any, dict[str, str], Response | None]]],
                      address: Callable[[Request], str]) -> None:
    store = service.store

    async def list_page(request: Request, s: Any, *, status: int = 200, done: dict[str, int] | None = None
                        ) -> Response:
        shown = request.query_params.get("status", "pending")
        shown = shown if shown in STATUSES else "pending"
        rows = await run_in_threadpool(lambda: matches.candidates(store, status=shown, limit=500))
        return page(request, "matches.html", s, status=status, rows=rows, shown=shown, statuses=STATUSES,
                    done=done)

    @app.get(f"{prefix}/matches", include_in_schema=False)
    async def match_list(request: Request) -> Response:
        s, refused = await guarded(request, PERMISSION)
        if refused is not None:
            return refused
        return await list_page(request, s)

    @app.post(f"{prefix}/matches/refresh", include_in_schema=False)
    async def match_refresh(request: Request) -> Response:
        s, _form, refused = await posted(request, PERMISSION)
        if refused is not None:
            return refused
        done = await run_in_threadpool(lambda: matches.refresh(store, clock))
        return await list_page(request, s, done=done)

    @app.get(f"{prefix}/matches/{{person_a}}/{{person_b}}", include_in_schema=False)
    async def match_pair(request: Request, person_a: str, person_b: str) -> Response:
        s, refused = await guarded(request, PERMISSION)
        if refused is not None:
            return refused
        return await pair_page(request, s, person_a, person_b)

    async def pair_page(request: Request, s: Any, person_a: str, person_b: str, *, status: int = 200,
                        error: str = "") -> Response:
        try:
            p = await run_in_threadpool(matches.pair, store, person_a[:64], person_b[:64])
        except CheckpointError as e:
            return page(request, "error.html", s, status=404, title="Not found", message=str(e))
        await run_in_threadpool(_audit, s.username, "view_record", f"match {p['person_a']} {p['person_b']}", "",
                                address(request))
        return page(request, "match.html", s, status=status, p=p, error=error)

    @app.post(f"{prefix}/matches/{{person_a}}/{{person_b}}/{{decision}}", include_in_schema=False)
    async def match_decide(request: Request, person_a: str, person_b: str, decision: str) -> Response:
        s, form, refused = await posted(request, PERMISSION)
        if refused is not None:
            return refused
        if decision not in ("link", "dismiss"):
            return page(request, "error.html", s, status=404, title="Not found", message="There is no such page.")
        try:
            await run_in_threadpool(lambda: matches.decide(store, clock, person_a[:64], person_b[:64], decision,
                                                           by=s.username, note=form.get("note", "")[:500],
                                                           address=address(request)))
        except CheckpointError as e:
            return await pair_page(request, s, person_a, person_b, status=409, error=str(e))
        return RedirectResponse(f"{prefix}/matches", status_code=303)

    def _audit(username: str, action: str, target: str, detail: str, addr: str) -> None:
        from sync.hq.store import timestamp
        from sync.hq.web.accounts import audit

        with store.write() as conn:
            audit(conn, timestamp(clock), username, action, target, detail, addr)
