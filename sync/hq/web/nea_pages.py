"""The NEA export page at HQ (issue 15 point 4): a data manager downloads NEA's job-registration CSV across
checkpoints (``sync.hq.nea``: only persons whose NEA consent stands; docs/exports/nea.md) for a period and the
checkpoints she ticks. Names and phones: permission ``export_nea`` (``accounts.PERMISSIONS``: the data manager only;
an analyst, an HQ admin or a partner gets 403). Every download is in HQ's audit trail with who, when, period,
checkpoints and rows. A bad period or checkpoint gives a translated message and no file.

Mounted by ``sync.hq.web.app.mount_web`` with its helpers (``page``, ``guarded``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from checkpoint.clock import Clock
from checkpoint.errors import ValidationError
from sync.hq import nea
from sync.hq.facts import LOCAL_TZ
from sync.hq.service import HQService
from sync.hq.web.accounts import log_export
from sync.hq.web.report_source import checkpoint_choices

__all__ = ["mount_nea_pages"]

PERMISSION = "export_nea"


def mount_nea_pages(app: FastAPI, service: HQService, clock: Clock, *, prefix: str, page: Callable[..., Response],
                    guarded: Callable[..., Awaitable[tuple[Any, Response | None]]],
                    address: Callable[[Request], str]) -> None:
    store = service.store

    def form(request: Request, choices: list[tuple[str, str]]) -> dict[str, Any]:
        q = request.query_params
        today = clock.now().astimezone(LOCAL_TZ).date()
        ids = {i for i, _n in choices}
        return {"start": q.get("from", "")[:10] or today.replace(day=1).isoformat(),
                "end": q.get("to", "")[:10] or today.isoformat(),
                "chosen": [c for c in q.getlist("checkpoint") if c in ids]}

    @app.get(f"{prefix}/exports/nea", include_in_schema=False)
    async def nea_page(request: Request) -> Response:
        s, refused = await guarded(request, PERMISSION)
        if refused is not None:
            return refused
        choices = await run_in_threadpool(checkpoint_choices, store)
        return page(request, "nea_export.html", s, choices=choices, error="", **form(request, choices))

    @app.get(f"{prefix}/exports/nea/download.csv", include_in_schema=False)
    async def nea_download(request: Request) -> Response:
        s, refused = await guarded(request, PERMISSION)
        if refused is not None:
            return refused
        choices = await run_in_threadpool(checkpoint_choices, store)
        f = form(request, choices)
        names = [n for i, n in choices if i in f["chosen"]]
        try:
            start, end = nea.parse_day(f["start"], "from"), nea.parse_day(f["end"], "to")
            if end < start or end - start > timedelta(days=3660):
                raise ValidationError("period", "the end must not be before the start")
            data, rows = await run_in_threadpool(_export, start, end, names)
        except ValidationError as e:
            message = ("Give the first and last day of the period, the last not before the first."
                       if e.field in ("from", "to", "period") else "There is no such checkpoint.")
            return page(request, "nea_export.html", s, status=400, choices=choices, error=message, **f)
        await run_in_threadpool(log_export, store, clock, s.username,
                                f"NEA CSV ({', '.join(names) or 'all checkpoints'})", f"{start}..{end}", rows,
                                address(request))
        return Response(data, media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": f'attachment; filename="nea-{start}-{end}.csv"', "Cache-Control": "no-store"})

    def _export(start: Any, end: Any, names: list[str]) -> tuple[bytes, int]:
        with store.read() as conn:
            return nea.export(conn, start, end, checkpoints=names)
