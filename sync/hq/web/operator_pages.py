"""The operator pages of the dashboard (issue 15 point 5): quarantine (list, inspect, release, reject), held gaps
(list, release), HQ's conflicts (list, decide) and revoking a device. The decisions are ``sync.hq.operator``'s.

Mounted by ``sync.hq.web.app.mount_web`` with its helpers (``page``, ``guarded``, ``posted``): the same sessions,
CSRF checks, headers and permission table. Who may do what (``accounts.PERMISSIONS``):

- ``manage_quarantine`` (a data manager): the quarantine list, held gaps, conflicts, and every decision on them;
- ``view_records`` (a data manager): a quarantined event as it arrived, payload included (a logged record view);
- ``revoke_device`` (a data manager, or an HQ admin: devices are keys): revoking a device;
- an analyst or a partner gets 403 on every page and action here (their links are not shown either).

Every decision needs a reason (400 without one, nothing written) and is audited with it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from checkpoint.clock import Clock
from checkpoint.errors import CheckpointError, ConflictError, NotFound, ValidationError
from sync.hq import operator
from sync.hq.service import HQService
from sync.hq.store import timestamp
from sync.hq.web.accounts import audit

__all__ = ["mount_operator_pages"]

STATES = ("open", "released", "rejected", "all")
CONFLICT_STATES = ("open", "kept_hq", "all")


def _status(e: CheckpointError) -> int:
    if isinstance(e, ValidationError):
        return 400
    if isinstance(e, NotFound):
        return 404
    if isinstance(e, ConflictError):
        return 409
    return 400


def mount_operator_pages(app: FastAPI, service: HQService, clock: Clock, *, prefix: str,
                         page: Callable[..., Response],
                         guarded: Callable[..., Awaitable[tuple[Any, Response | None]]],
                         posted: Callable[..., Awaitable[tuple[Any, dict[str, str], Response | None]]],
                         address: Callable[[Request], str]) -> None:
    store = service.store

    def not_done(request: Request, s: Any, e: CheckpointError) -> Response:
        return page(request, "error.html", s, status=_status(e), title="Not done", message=str(e))

    # ------------------------------------------------------------------------------------------ quarantine
    @app.get(f"{prefix}/quarantine", include_in_schema=False)
    async def quarantine_list(request: Request) -> Response:
        s, refused = await guarded(request, "manage_quarantine")
        if refused is not None:
            return refused
        state = request.query_params.get("state", "open")
        state = state if state in STATES else "open"
        rows = await run_in_threadpool(lambda: operator.quarantine_rows(store, state=state))
        return page(request, "quarantine.html", s, rows=rows, state=state, states=STATES)

    @app.get(f"{prefix}/quarantine/{{item_id}}", include_in_schema=False)
    async def quarantine_detail(request: Request, item_id: int) -> Response:
        s, refused = await guarded(request, "view_records")
        if refused is not None:
            return refused
        try:
            item = await run_in_threadpool(operator.quarantine_item, store, item_id)
        except CheckpointError as e:
            return page(request, "error.html", s, status=404, title="Not found", message=str(e))
        await run_in_threadpool(_audit, s.username, "view_record", f"quarantine {item_id}",
                                f"device {item['device_id']}", address(request))
        return page(request, "quarantine_item.html", s, item=item)

    @app.post(f"{prefix}/quarantine/{{item_id}}/{{action}}", include_in_schema=False)
    async def quarantine_decide(request: Request, item_id: int, action: str) -> Response:
        s, form, refused = await posted(request, "manage_quarantine")
        if refused is not None:
            return refused
        if action not in ("release", "reject"):
            return page(request, "error.html", s, status=404, title="Not found", message="There is no such page.")
        fn = operator.release_quarantined if action == "release" else operator.reject_quarantined
        try:
            await run_in_threadpool(fn, store, clock, item_id, s.username, form.get("reason", ""), address(request))
        except CheckpointError as e:
            return not_done(request, s, e)
        return RedirectResponse(f"{prefix}/quarantine/{item_id}", status_code=303)

    # ------------------------------------------------------------------------------------------ held gaps
    @app.get(f"{prefix}/held", include_in_schema=False)
    async def held(request: Request) -> Response:
        s, refused = await guarded(request, "manage_quarantine")
        if refused is not None:
            return refused
        rows = await run_in_threadpool(operator.gap_rows, store)
        return page(request, "held.html", s, rows=rows)

    @app.post(f"{prefix}/held/{{device_id}}/release", include_in_schema=False)
    async def held_release(request: Request, device_id: str) -> Response:
        s, form, refused = await posted(request, "manage_quarantine")
        if refused is not None:
            return refused
        try:
            await run_in_threadpool(operator.release_gap, store, clock, device_id[:64], s.username,
                                    form.get("reason", ""), address(request))
        except CheckpointError as e:
            return not_done(request, s, e)
        return RedirectResponse(f"{prefix}/held", status_code=303)

    # ------------------------------------------------------------------------------------------ conflicts
    @app.get(f"{prefix}/conflicts", include_in_schema=False)
    async def conflict_list(request: Request) -> Response:
        s, refused = await guarded(request, "manage_quarantine")
        if refused is not None:
            return refused
        state = request.query_params.get("state", "open")
        state = state if state in CONFLICT_STATES else "open"
        rows = await run_in_threadpool(lambda: operator.conflict_rows(store, state=state))
        return page(request, "conflicts.html", s, rows=rows, state=state, states=CONFLICT_STATES)

    @app.post(f"{prefix}/conflicts/{{conflict_id}}/decide", include_in_schema=False)
    async def conflict_decide(request: Request, conflict_id: int) -> Response:
        s, form, refused = await posted(request, "manage_quarantine")
        if refused is not None:
            return refused
        try:
            await run_in_threadpool(lambda: operator.decide_conflict(
                store, clock, conflict_id, s.username, form.get("reason", ""),
                decision=form.get("decision", "kept_hq"), address=address(request)))
        except CheckpointError as e:
            return not_done(request, s, e)
        return RedirectResponse(f"{prefix}/conflicts?state=all", status_code=303)

    # ------------------------------------------------------------------------------------------ devices
    @app.post(f"{prefix}/devices/{{device_id}}/revoke", include_in_schema=False)
    async def revoke(request: Request, device_id: str) -> Response:
        s, form, refused = await posted(request, "revoke_device")
        if refused is not None:
            return refused
        try:
            reason = operator.check_reason(form.get("reason", ""))
            await run_in_threadpool(service.revoke, device_id[:64], reason)
        except CheckpointError as e:
            return not_done(request, s, e)
        await run_in_threadpool(_audit, s.username, "revoke_device", f"device {device_id[:64]}", reason,
                                address(request))
        return RedirectResponse(f"{prefix}/sync", status_code=303)

    def _audit(username: str, action: str, target: str, detail: str, addr: str) -> None:
        with store.write() as conn:
            audit(conn, timestamp(clock), username, action, target, detail, addr)
