"""The TB treatment page at HQ (issue 14 point 3): the national TB register number, the treatment start (date,
facility) and the WHO treatment outcome of one TB referral, recorded by the clinic the referral is addressed to (a
partner account, only her organisation's referrals: 404 for any other) or by a data manager (any TB referral, found
by its slip id). An analyst has no such page (403). The rules and the event are ``sync.hq.tb_outcomes``'s; a refusal
names the field and the reason, in the page's language, and writes nothing. Every view and record is audited.

Mounted by ``sync.hq.web.app.mount_web`` with its helpers (``page``, ``guarded``, ``posted``), under the permission
``record_tb_outcome`` (``accounts.PERMISSIONS``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from checkpoint.clock import Clock
from checkpoint.errors import CheckpointError, NotFound, ValidationError
from sync.hq import tb_outcomes
from sync.hq.service import HQService
from sync.hq.web.accounts import Accounts

__all__ = ["FIELD_LABELS", "REFUSALS", "mount_tb_pages"]

FIELD_LABELS: Final = {"tb_register_number": "TB register number", "treatment_started_at": "Treatment started on",
                       "treatment_facility": "Treatment facility", "treatment_outcome": "Treatment outcome",
                       "treatment_outcome_at": "Outcome on"}
# The reasons a refusal can give (checkpoint.model.referral, checkpoint.model.fields, sync.hq.tb_outcomes): each has
# its Khmer in sync.hq.web.i18n (a test checks it).
REFUSALS: Final = (
    "is not a WHO treatment outcome", "record the treatment start before its outcome",
    "the treatment outcome cannot be dated before the treatment started", "give the treatment outcome with its date",
    "treatment cannot start when the diagnosis is not TB", "the treatment start cannot be after its recorded outcome",
    "treatment cannot start before the referral was made", "must be a date written YYYY-MM-DD", "must be a date",
    "cannot be before 2000-01-01", "cannot be in the future", "is longer than 40 characters",
    "is longer than 120 characters", "contains control characters", "nothing to record", "cannot be recorded at HQ",
    "This referral is already closed; record a new referral instead.",
    "This referral changed meanwhile; open it again.")


def mount_tb_pages(app: FastAPI, service: HQService, clock: Clock, accounts: Accounts, *, prefix: str,
                   page: Callable[..., Response],
                   guarded: Callable[..., Awaitable[tuple[Any, Response | None]]],
                   posted: Callable[..., Awaitable[tuple[Any, dict[str, str], Response | None]]],
                   address: Callable[[Request], str]) -> None:
    store = service.store

    def scope(s: Any) -> str | None:
        """The organisation a partner is limited to; None for a data manager (every TB referral)."""
        if s.role != "partner":
            return None
        u = accounts.get(s.username)
        return u.organisation.strip() if u is not None else ""

    async def show(request: Request, s: Any, referral_id: str, *, status: int = 200, error: str = "",
                   field: str = "", form: dict[str, str] | None = None) -> Response:
        org = await run_in_threadpool(scope, s)
        try:
            ref = await run_in_threadpool(lambda: tb_outcomes.tb_referral(store, referral_id[:64], org=org))
        except NotFound as e:
            return page(request, "error.html", s, status=404, title="Not found", message=str(e))
        await run_in_threadpool(_audit, s.username, "tb_view", f"referral {ref['referral_id']}", org or "",
                                address(request))
        return page(request, "tb_outcome.html", s, status=status, ref=ref, error=error, field=field,
                    labels=FIELD_LABELS, outcomes=tb_outcomes.OUTCOME_LABELS, form=form or {},
                    back=(f"{prefix}/partner/referrals/{ref['referral_id']}" if s.role == "partner"
                          else f"{prefix}/tb"))

    @app.get(f"{prefix}/tb", include_in_schema=False)
    async def tb_find(request: Request) -> Response:
        s, refused = await guarded(request, "record_tb_outcome")
        if refused is not None:
            return refused
        rid = request.query_params.get("referral", "").strip()[:64]
        if rid:
            return RedirectResponse(f"{prefix}/tb/{rid}", status_code=303)
        return page(request, "tb_find.html", s)

    @app.get(f"{prefix}/tb/{{referral_id}}", include_in_schema=False)
    async def tb_view(request: Request, referral_id: str) -> Response:
        s, refused = await guarded(request, "record_tb_outcome")
        if refused is not None:
            return refused
        return await show(request, s, referral_id)

    @app.post(f"{prefix}/tb/{{referral_id}}", include_in_schema=False)
    async def tb_record(request: Request, referral_id: str) -> Response:
        s, form, refused = await posted(request, "record_tb_outcome")
        if refused is not None:
            return refused
        given = {k: form.get(k, "") for k in tb_outcomes.FIELDS}
        org = await run_in_threadpool(scope, s)
        try:
            await run_in_threadpool(lambda: tb_outcomes.record_tb(store, clock, referral_id[:64], given,
                                                                  by=s.username, org=org, address=address(request)))
        except NotFound as e:
            return page(request, "error.html", s, status=404, title="Not found", message=str(e))
        except ValidationError as e:
            return await show(request, s, referral_id, status=400, error=e.detail, field=e.field or "", form=given)
        except CheckpointError as e:
            return await show(request, s, referral_id, status=409, error=str(e), form=given)
        return RedirectResponse(f"{prefix}/tb/{referral_id[:64]}?saved=1", status_code=303)

    def _audit(username: str, action: str, target: str, detail: str, addr: str) -> None:
        from sync.hq.store import timestamp
        from sync.hq.web.accounts import audit

        with store.write() as conn:
            audit(conn, timestamp(clock), username, action, target, detail, addr)
