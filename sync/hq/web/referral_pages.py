"""The referral network's dashboard pages (issue 16): the directory for a data manager (view, history, CSV upload)
and the partner pages (referrals addressed to her organisation, recording stages, checking a slip at the door).

Mounted by ``sync.hq.web.app.mount_web`` with its helpers (``page``, ``guarded``, ``posted``), so they get the same
sessions, CSRF checks, headers and permission table (``accounts.PERMISSIONS``: ``manage_directory`` for a data
manager, ``follow_referrals`` for a partner). A partner's organisation is her account's ``organisation``, a
directory code; she never sees a referral addressed to anyone else (404, as for a referral that does not exist).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from checkpoint.clock import Clock
from checkpoint.errors import CheckpointError
from checkpoint.partner_stages import OUTCOME_LABELS, STAGE_LABELS
from sync.hq import directory, partners
from sync.hq.service import HQService
from sync.hq.web.accounts import Accounts

__all__ = ["mount_referral_pages"]

def mount_referral_pages(app: FastAPI, service: HQService, clock: Clock, accounts: Accounts, *, prefix: str,
                         page: Callable[..., Response],
                         guarded: Callable[..., Awaitable[tuple[Any, Response | None]]],
                         posted: Callable[..., Awaitable[tuple[Any, dict[str, str], Response | None]]],
                         address: Callable[[Request], str]) -> None:
    store = service.store

    def org_of(username: str) -> str:
        u = accounts.get(username)
        return u.organisation.strip() if u is not None else ""

    def org_name(code: str) -> str:
        return next((e["name_en"] for e in directory.entries(store) if e["code"] == code), code)

    # ------------------------------------------------------------------------------------------ directory
    async def directory_page(request: Request, s: Any, *, status: int = 200, error: str = "",
                             done: dict[str, Any] | None = None) -> Response:
        rows = await run_in_threadpool(directory.entries, store)
        return page(request, "directory.html", s, status=status, rows=rows, error=error, done=done,
                    columns=", ".join(directory.COLUMNS))

    @app.get(f"{prefix}/directory", include_in_schema=False)
    async def directory_view(request: Request) -> Response:
        s, refused = await guarded(request, "manage_directory")
        if refused is not None:
            return refused
        return await directory_page(request, s)

    @app.post(f"{prefix}/directory", include_in_schema=False)
    async def directory_upload(request: Request) -> Response:
        s, form, refused = await posted(request, "manage_directory")
        if refused is not None:
            return refused
        try:
            done = await run_in_threadpool(directory.import_csv, store, clock, form.get("csv", "").encode("utf-8"),
                                           by=s.username)
        except CheckpointError as e:
            return await directory_page(request, s, status=400, error=str(e))
        await run_in_threadpool(_audit, s.username, "directory_import",
                                f"reference version {done['reference_version']}",
                                f"{done['added']} added, {done['changed']} changed", address(request))
        return await directory_page(request, s, done=done)

    # ------------------------------------------------------------------------------------------ partner
    async def partner_home(request: Request, s: Any, **extra: Any) -> Response:
        org = await run_in_threadpool(org_of, s.username)
        rows = await run_in_threadpool(partners.referrals_for, store, org)
        name = await run_in_threadpool(org_name, org)
        return page(request, "partner.html", s, rows=rows, org=org, org_name=name, stages=STAGE_LABELS, **extra)

    @app.get(f"{prefix}/partner", include_in_schema=False)
    async def partner_list(request: Request) -> Response:
        s, refused = await guarded(request, "follow_referrals")
        if refused is not None:
            return refused
        return await partner_home(request, s)

    @app.get(f"{prefix}/partner/referrals/{{referral_id}}", include_in_schema=False)
    async def partner_referral(request: Request, referral_id: str) -> Response:
        s, refused = await guarded(request, "follow_referrals")
        if refused is not None:
            return refused
        return await referral_page(request, s, referral_id)

    async def referral_page(request: Request, s: Any, referral_id: str, *, status: int = 200, error: str = "",
                            slip: dict[str, Any] | None = None) -> Response:
        org = await run_in_threadpool(org_of, s.username)
        try:
            ref = await run_in_threadpool(partners.referral_for, store, org, referral_id[:64])
        except CheckpointError as e:
            return page(request, "error.html", s, status=404, title="Not found", message=str(e))
        await run_in_threadpool(_audit, s.username, "partner_view", f"referral {ref['referral_id']}", org,
                                address(request))
        return page(request, "partner_referral.html", s, status=status, ref=ref, stages=STAGE_LABELS,
                    outcomes=OUTCOME_LABELS, error=error, slip=slip)

    @app.post(f"{prefix}/partner/referrals/{{referral_id}}/stage", include_in_schema=False)
    async def partner_stage(request: Request, referral_id: str) -> Response:
        s, form, refused = await posted(request, "follow_referrals")
        if refused is not None:
            return refused
        org = await run_in_threadpool(org_of, s.username)
        try:
            await run_in_threadpool(lambda: partners.record_stage(
                store, clock, org, s.username, referral_id[:64], form.get("stage", ""), form.get("outcome", ""),
                address=address(request)))
        except CheckpointError as e:
            return await referral_page(request, s, referral_id, status=400, error=str(e))
        return RedirectResponse(f"{prefix}/partner/referrals/{referral_id[:64]}", status_code=303)

    @app.get(f"{prefix}/partner/verify", include_in_schema=False)
    async def verify_form(request: Request) -> Response:
        s, refused = await guarded(request, "follow_referrals")
        if refused is not None:
            return refused
        return page(request, "verify_slip.html", s, error="", token="")

    @app.post(f"{prefix}/partner/verify", include_in_schema=False)
    async def verify(request: Request) -> Response:
        s, form, refused = await posted(request, "follow_referrals")
        if refused is not None:
            return refused
        token = form.get("token", "").strip()[:2048]
        org = await run_in_threadpool(org_of, s.username)
        try:
            slip = await run_in_threadpool(partners.verify_slip, store, clock, token)
        except CheckpointError as e:
            await run_in_threadpool(_audit, s.username, "partner_verify_slip", "refused", str(e)[:200],
                                    address(request))
            return page(request, "verify_slip.html", s, status=400, error=str(e), token="")
        await run_in_threadpool(_audit, s.username, "partner_verify_slip", f"referral {slip['referral_id']}",
                                "valid", address(request))
        if not slip["organisation"]:
            return page(request, "verify_slip.html", s, status=404, token="",
                        error="This slip is valid, but HQ has not received this referral yet: ask the checkpoint to "
                              "sync, then check the slip again.")
        if slip["organisation"] != org:
            return page(request, "verify_slip.html", s, status=403, token="",
                        error="This slip is valid, but the referral is addressed to another organisation.")
        return await referral_page(request, s, slip["referral_id"], slip=slip)

    def _audit(username: str, action: str, target: str, detail: str, addr: str) -> None:
        from sync.hq.store import timestamp
        from sync.hq.web.accounts import audit

        with store.write() as conn:
            audit(conn, timestamp(clock), username, action, target, detail, addr)

