"""The monthly PDF report as a download from the report pages (issue 15 point 3): ``GET /hq/monthly-report.pdf``
with the page's month, checkpoints and small-cells view, and ``lang=km|en`` (default: the dashboard's language).

Who: the roles that may download a report's CSV or XLSX (permission ``view_aggregates``: analyst, data manager,
HQ admin); a partner gets 403. Like those downloads the PDF is an aggregate export, so it is never below the
internal threshold (``report_source.THRESHOLDS``; a data manager's unsuppressed view still gives "<5"), and each
one is in HQ's audit trail (``accounts.log_export``: who, what, period, rows, address). A malformed month, an
unknown language or a checkpoint HQ does not have is refused with a plain page (400), nothing logged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from checkpoint.clock import Clock
from checkpoint.errors import CheckpointError
from sync.hq.reports import INTERNAL, Period, parse_period
from sync.hq.service import HQService
from sync.hq.web.accounts import log_export
from sync.hq.web.i18n import LANGUAGES
from sync.hq.web.report_source import THRESHOLDS, checkpoint_choices, thresholds_for, valid_period

__all__ = ["mount_pdf_pages"]


def mount_pdf_pages(app: FastAPI, service: HQService, clock: Clock, *, prefix: str, page: Callable[..., Any],
                    guarded: Callable[..., Any], address: Callable[[Request], str], lang_cookie: str) -> None:
    """Add ``GET {prefix}/monthly-report.pdf`` to the dashboard (``app.mount_web`` calls it)."""
    store = service.store

    def refuse(request: Request, s: Any, message: str) -> Response:
        return page(request, "error.html", s, status=400, title="Not done", message=message)  # type: ignore[no-any-return]

    @app.get(f"{prefix}/monthly-report.pdf", include_in_schema=False)
    async def monthly_pdf(request: Request) -> Response:
        s, refused = await guarded(request, "view_aggregates")
        if refused is not None or s is None:
            return refused  # type: ignore[no-any-return]
        q = request.query_params
        period = valid_period(q.get("period")) if "period" in q else clock.now().strftime("%Y-%m")
        if period is None:
            return refuse(request, s, "The period must be a month written YYYY-MM, such as 2026-11.")
        lang = q.get("lang") or request.cookies.get(lang_cookie, "") or "en"
        if lang not in LANGUAGES:
            return refuse(request, s, "The language must be Khmer (km) or English (en).")
        choices = dict(await run_in_threadpool(checkpoint_choices, store))
        asked = q.getlist("checkpoint")
        if any(c not in choices for c in asked):
            return refuse(request, s, "There is no such checkpoint at HQ, or you may not see it.")
        views = thresholds_for(s.role)
        view = q.get("view", "")
        threshold = max(THRESHOLDS[view if view in views else views[0]], INTERNAL)    # a file: never below 5
        names = [choices[c] for c in dict.fromkeys(asked)]
        try:
            pdf = await run_in_threadpool(_make, service, parse_period(period), names, lang, threshold, clock)
        except CheckpointError as e:                     # the font package missing: said, never a traceback
            return page(request, "error.html", s, status=503, title="Not done", message=str(e))  # type: ignore[no-any-return]
        what = (f"report PDF ({lang}; checkpoints {', '.join(names) or 'all'}; threshold {threshold}; "
                f"{pdf.pages} pages)")
        await run_in_threadpool(log_export, store, clock, s.username, what, period, pdf.rows, address(request))
        return Response(pdf.data, media_type="application/pdf", headers={
            "Content-Disposition": f'attachment; filename="checkpoint-report-{period}-{lang}.pdf"'})


def _make(service: HQService, period: Period, names: list[str], lang: str, threshold: int, clock: Clock) -> Any:
    from sync.hq.facts import LOCAL_TZ
    from sync.hq.web.report_pdf import hq_label, month_pdf

    try:
        signing: bytes | None = service.signing_public()
    except CheckpointError:            # no key known here: the report names HQ's database instead
        signing = None
    return month_pdf(service.store, period, names, lang=lang, threshold=threshold,
                     hq=hq_label(service.store, signing_public=signing), generated=clock.now().astimezone(LOCAL_TZ))
