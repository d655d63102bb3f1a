"""The HQ dashboard: server-rendered pages (Jinja2) on HQ's FastAPI app, under ``/hq/``.

    >>> mount_web(app, service)            # in sync.hq.http.create_app                 # doctest: +SKIP

Security (issue 15 point 2): nothing under ``/hq/`` but the sign-in page and its stylesheet answers without a
session (``/v1/health`` is the one other unauthenticated page); sessions are server-side (``sessions.py``) in an
HttpOnly, SameSite=Strict cookie (Secure when the request came over TLS); every POST carries the session's CSRF
token (the sign-in form a double-submit token) and, when the browser sends one, an Origin of this host; each page
checks one permission of ``accounts.PERMISSIONS`` and answers 403 otherwise (its link is not shown either).
Headers on every dashboard answer: a Content-Security-Policy with no script at all, ``frame-ancestors 'none'``,
nosniff, ``Referrer-Policy: no-referrer``, ``Cache-Control: no-store``, and HSTS over TLS. Sign-in attempts are
rate-limited per client address (``sync.hq.http.RateLimiter``) on top of the per-account lockout.
The device sync API (``/v1/...``) is not touched: these headers and routes apply to dashboard paths only.
"""

from __future__ import annotations

import hmac
import logging
import secrets
import sys
import urllib.parse
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from checkpoint.clock import Clock
from checkpoint.errors import AuthError, CheckpointError
from sync.hq.service import HQService
from sync.hq.web import queries
from sync.hq.web.accounts import ROLE_LABELS, ROLES, Accounts, audit, can, log_export
from sync.hq.web.charts import bar_chart
from sync.hq.web.i18n import LANGUAGES, translate
from sync.hq.web.report_source import (
    FORMATS,
    REPORTS,
    THRESHOLDS,
    checkpoint_choices,
    dimensions_for,
    download,
    report,
    thresholds_for,
    valid_period,
)
from sync.hq.web.sessions import Sessions, WebSession

__all__ = ["PREFIX", "SecurityHeaders", "mount_web"]

log = logging.getLogger("checkpoint.hq.web")

PREFIX = "/hq"
COOKIE = "hq_session"
PRE_COOKIE = "hq_pre"          # the sign-in form's double-submit CSRF token
LANG_COOKIE = "hq_lang"
HERE = Path(__file__).parent
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")


class SecurityHeaders:
    """ASGI middleware: the dashboard's headers on every answer under ``/hq`` (and ``/``), nothing else."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not (path == "/" or path == PREFIX or path.startswith(PREFIX + "/")):
            await self.app(scope, receive, send)
            return
        tls = scope.get("scheme") == "https"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in (b"content-security-policy", b"x-frame-options")]
                headers += [(b"content-security-policy", CSP.encode()), (b"x-frame-options", b"DENY"),
                            (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                            (b"cross-origin-opener-policy", b"same-origin"),
                            (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
                            (b"cache-control", b"no-store")]
                if tls:
                    headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def _khmer_font() -> bytes | None:
    """Noto Sans Khmer (OFL) from the fontpkg wheel, served by HQ itself: Khmer shows on an offline LAN even where
    the browser's system has no Khmer font. None when the package is absent (the system's fonts are used)."""
    frozen = Path(getattr(sys, "_MEIPASS", "/nonexistent")) / "ui" / "assets" / "NotoSansKhmer.ttf"   # the bundle
    if frozen.is_file():
        return frozen.read_bytes()
    try:
        import fontpkg_noto_sans_khmer as f
    except ImportError:
        return None
    fonts = sorted(Path(f.__file__).parent.glob("files/*.ttf"))
    return fonts[0].read_bytes() if fonts else None


def _address(request: Request) -> str:
    return request.client.host if request.client else "?"


def mount_web(app: FastAPI, service: HQService, *, clock: Clock | None = None, idle_seconds: float | None = None,
              absolute_seconds: float | None = None, sign_in_per_minute: float = 10, sign_in_burst: int = 5) -> None:
    """Add the dashboard's routes and headers to HQ's app. ``clock`` (default: the service's) decides session
    expiry, lockouts and TOTP; tests inject one."""
    from sync.hq.http import RateLimited, RateLimiter

    clk: Clock = clock or service.clock
    store = service.store
    accounts = Accounts(store, clk)
    kw: dict[str, float] = {}
    if idle_seconds is not None:
        kw["idle"] = idle_seconds
    if absolute_seconds is not None:
        kw["absolute"] = absolute_seconds
    sessions = Sessions(store, clk, **kw)
    limiter = RateLimiter(rate=sign_in_per_minute / 60.0, burst=sign_in_burst, clock=clk.monotonic)
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    app.state.web_accounts = accounts
    app.state.web_sessions = sessions
    css = (HERE / "static" / "hq.css").read_bytes()
    khmer_font = _khmer_font()

    def lang_of(request: Request) -> str:
        lang = request.cookies.get(LANG_COOKIE, "")
        return lang if lang in LANGUAGES else "en"

    def page(request: Request, template: str, s: WebSession | None, status: int = 200, **ctx: Any) -> HTMLResponse:
        lang = lang_of(request)

        def _(text: str) -> str:
            return translate(text, lang)

        here = urllib.parse.quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""), safe="")
        html = env.get_template(template).render(
            _=_, lang=lang, languages=LANGUAGES, session=s, can=(lambda p: s is not None and can(s.role, p)),
            prefix=PREFIX, here=here, role_label=(lambda r: _(str(ROLE_LABELS.get(r, r)))), reports=REPORTS, **ctx)
        return HTMLResponse(html, status_code=status)

    def session_of(request: Request) -> WebSession | None:
        return sessions.get(request.cookies.get(COOKIE))

    def to_sign_in() -> RedirectResponse:
        return RedirectResponse(f"{PREFIX}/sign-in", status_code=303)

    def forbidden(request: Request, s: WebSession) -> HTMLResponse:
        return page(request, "error.html", s, status=403, title="Not allowed",
                    message="Your role does not allow this page.")

    async def form_of(request: Request) -> dict[str, str]:
        raw = await request.body()
        try:
            pairs = urllib.parse.parse_qsl(raw.decode("utf-8"), keep_blank_values=True, max_num_fields=50)
        except (UnicodeDecodeError, ValueError):
            return {}
        return {k: v for k, v in pairs}

    def same_token(given: str, expected: str) -> bool:
        """A CSRF token compared in constant time, as bytes: compare_digest refuses str holding non-ASCII
        (a hostile form field or cookie) with a TypeError, which was a 500."""
        return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))

    def same_origin(request: Request) -> bool:
        # Referrer-Policy: no-referrer makes browsers send "Origin: null" with the dashboard's own forms, so "null"
        # (like no Origin) leaves the decision to the CSRF token and the SameSite=Strict cookie.
        origin = request.headers.get("origin")
        if origin is None or origin == "null":
            return True
        host = request.headers.get("host", "")
        return urllib.parse.urlsplit(origin).netloc == host

    async def guarded(request: Request, permission: str | None) -> tuple[WebSession | None, Response | None]:
        """The session for a page needing ``permission`` (None: any signed-in user), else the answer to give."""
        s = await run_in_threadpool(session_of, request)
        if s is None:
            return None, to_sign_in()
        if permission is not None and not can(s.role, permission):
            return s, forbidden(request, s)
        return s, None

    async def posted(request: Request, permission: str | None) -> tuple[WebSession | None, dict[str, str],
                                                                        Response | None]:
        """A POST: signed in, allowed, same origin and the session's CSRF token."""
        s, refused = await guarded(request, permission)
        if refused is not None or s is None:
            return s, {}, refused
        form = await form_of(request)
        if not same_origin(request) or not same_token(form.get("csrf", ""), s.csrf):
            return s, form, page(request, "error.html", s, status=403, title="Refused",
                                 message="This form has expired or did not come from this dashboard. Reload the "
                                         "page and try again.")
        return s, form, None

    def set_cookie(request: Request, response: Response, name: str, value: str, *, max_age: int | None = None
                   ) -> None:
        response.set_cookie(name, value, max_age=max_age, path=PREFIX, httponly=True,
                            secure=request.url.scheme == "https", samesite="strict")

    # ------------------------------------------------------------------------------------------ static, language
    @app.get(f"{PREFIX}/static/hq.css", include_in_schema=False)
    def stylesheet() -> Response:
        return Response(css, media_type="text/css")

    @app.get(f"{PREFIX}/static/khmer.ttf", include_in_schema=False)
    def font() -> Response:
        if khmer_font is None:
            return Response(status_code=404)
        return Response(khmer_font, media_type="font/ttf", headers={"Cache-Control": "max-age=86400"})

    @app.get("/", include_in_schema=False)
    def root() -> Response:
        return RedirectResponse(f"{PREFIX}/", status_code=303)

    @app.get(f"{PREFIX}/lang/{{code}}", include_in_schema=False)
    def set_language(request: Request, code: str, next: str = "") -> Response:
        target = next if next.startswith(PREFIX + "/") and "//" not in next and "\\" not in next else f"{PREFIX}/"
        r = RedirectResponse(target, status_code=303)
        if code in LANGUAGES:
            r.set_cookie(LANG_COOKIE, code, max_age=365 * 86400, path=PREFIX, httponly=True,
                         secure=request.url.scheme == "https", samesite="strict")
        return r

    # ------------------------------------------------------------------------------------------ sign-in
    @app.get(f"{PREFIX}/sign-in", include_in_schema=False)
    def sign_in_form(request: Request) -> Response:
        token = secrets.token_urlsafe(32)
        r = page(request, "sign_in.html", None, csrf=token, error="")
        set_cookie(request, r, PRE_COOKIE, token)
        return r

    @app.post(f"{PREFIX}/sign-in", include_in_schema=False)
    async def sign_in(request: Request) -> Response:
        address = _address(request)
        form = await form_of(request)
        pre = request.cookies.get(PRE_COOKIE, "")
        token = secrets.token_urlsafe(32)

        def again(error: str, status: int) -> Response:
            r = page(request, "sign_in.html", None, status=status, csrf=token, error=error,
                     username=form.get("username", "")[:64])
            set_cookie(request, r, PRE_COOKIE, token)
            return r

        if not pre or not same_origin(request) or not same_token(form.get("csrf", ""), pre):
            return again("This form has expired. Please sign in again.", 403)
        try:
            limiter.hit(f"sign-in:{address}")
        except RateLimited:
            return again("Too many sign-in attempts from this computer: wait a minute and try again.", 429)
        try:
            user = await run_in_threadpool(accounts.authenticate, form.get("username", ""),
                                           form.get("passphrase", ""), form.get("code", ""), address=address)
        except AuthError:
            return again("Sign-in refused: the user name, passphrase or code is wrong, or the account is locked.",
                         401)
        await run_in_threadpool(sessions.end, request.cookies.get(COOKIE))      # never keep a session id across
        cookie = await run_in_threadpool(sessions.start, user.username)
        r = RedirectResponse(f"{PREFIX}/", status_code=303)
        set_cookie(request, r, COOKIE, cookie)
        r.delete_cookie(PRE_COOKIE, path=PREFIX, httponly=True, samesite="strict")
        return r

    @app.post(f"{PREFIX}/sign-out", include_in_schema=False)
    async def sign_out(request: Request) -> Response:
        _s, _form, refused = await posted(request, None)
        if refused is not None:
            return refused
        await run_in_threadpool(sessions.end, request.cookies.get(COOKIE))
        r = to_sign_in()
        r.delete_cookie(COOKIE, path=PREFIX, httponly=True, samesite="strict")
        return r

    # ------------------------------------------------------------------------------------------ pages
    @app.get(f"{PREFIX}/", include_in_schema=False)
    async def overview(request: Request) -> Response:
        s, refused = await guarded(request, None)
        if refused is not None:
            return refused
        assert s is not None
        if not can(s.role, "view_aggregates"):
            return RedirectResponse(f"{PREFIX}/partner", status_code=303)
        stats = await run_in_threadpool(service.stats)
        per_day = await run_in_threadpool(queries.events_per_day, store, clk)
        lang = lang_of(request)
        chart = bar_chart(per_day, title=translate("Events received by HQ per day (last 14 days)", lang))
        return page(request, "overview.html", s, stats=stats, chart=chart)

    @app.get(f"{PREFIX}/sync", include_in_schema=False)
    async def sync_health(request: Request) -> Response:
        s, refused = await guarded(request, "view_sync_health")
        if refused is not None:
            return refused
        devs = await run_in_threadpool(lambda: queries.device_health(store, service.devices()))
        stats = await run_in_threadpool(service.stats)
        return page(request, "sync.html", s, devices=devs, stats=stats)

    def report_query(request: Request, s: WebSession, choices: list[tuple[str, str]], kind: str = "arrivals"
                     ) -> tuple[str, list[str], str, str]:
        """The period, checkpoints, dimension and view a report page or download asked for (anything unknown:
        the default; a view the role may not have: its default)."""
        q = request.query_params
        period = valid_period(q.get("period")) or clk.now().strftime("%Y-%m")
        chosen = [c for c in q.getlist("checkpoint") if c in {i for i, _n in choices}]
        dimension = q.get("dimension", "")
        if dimension not in dimensions_for(kind):          # each report its own breakdowns
            dimension = "checkpoint"
        views = thresholds_for(s.role)
        view = q.get("view", "")
        return period, chosen, dimension, view if view in views else views[0]

    @app.get(f"{PREFIX}/reports/{{kind}}", include_in_schema=False)
    async def report_page(request: Request, kind: str) -> Response:
        s, refused = await guarded(request, "view_aggregates")
        if refused is not None or s is None:
            return refused or to_sign_in()
        if kind not in REPORTS:
            return page(request, "error.html", s, status=404, title="Not found", message="There is no such report.")
        choices = await run_in_threadpool(checkpoint_choices, store)
        period, chosen, dimension, view = report_query(request, s, choices, kind)
        table = await run_in_threadpool(report, store, kind, period, chosen, dimension, THRESHOLDS[view])
        query = urllib.parse.urlencode([("period", period), *(("checkpoint", c) for c in chosen),
                                        ("dimension", dimension), ("view", view)])
        return page(request, "report.html", s, kind=kind, table=table, period=period, choices=choices,
                    chosen=chosen, dimension=dimension, dimensions=dimensions_for(kind), view=view,
                    views=thresholds_for(s.role), query=query)

    @app.get(f"{PREFIX}/reports/{{kind}}/download.{{fmt}}", include_in_schema=False)
    async def report_download(request: Request, kind: str, fmt: str) -> Response:
        s, refused = await guarded(request, "view_aggregates")
        if refused is not None or s is None:
            return refused or to_sign_in()
        if kind not in REPORTS or fmt not in FORMATS:
            return page(request, "error.html", s, status=404, title="Not found", message="There is no such report.")
        choices = await run_in_threadpool(checkpoint_choices, store)
        period, chosen, dimension, view = report_query(request, s, choices, kind)
        data, rows, threshold = await run_in_threadpool(download, store, period, chosen, dimension, view, fmt)
        await run_in_threadpool(log_export, store, clk, s.username, f"report {kind} {fmt.upper()} ({dimension}, "
                                f"threshold {threshold})", period, rows, _address(request))
        media = "text/csv; charset=utf-8" if fmt == "csv" else \
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return Response(data, media_type=media, headers={
            "Content-Disposition": f'attachment; filename="checkpoint-{kind}-{period}.{fmt}"'})

    # The operator pages (quarantine, held gaps, conflicts, revoking a device): sync.hq.web.operator_pages.

    @app.get(f"{PREFIX}/records/{{person_id}}", include_in_schema=False)
    async def record(request: Request, person_id: str) -> Response:
        s, refused = await guarded(request, "view_records")
        if refused is not None:
            return refused
        assert s is not None
        try:
            rec = await run_in_threadpool(queries.person_record, store, person_id[:64])
        except CheckpointError as e:
            return page(request, "error.html", s, status=404, title="Not found", message=str(e))
        await run_in_threadpool(_audit, s.username, "view_record", f"person {person_id[:64]}", "",
                                _address(request))
        return page(request, "record.html", s, rec=rec)

    # ------------------------------------------------------------------------------------------ accounts
    @app.get(f"{PREFIX}/accounts", include_in_schema=False)
    async def account_list(request: Request) -> Response:
        s, refused = await guarded(request, "manage_accounts")
        if refused is not None:
            return refused
        users = await run_in_threadpool(accounts.users)
        return page(request, "accounts.html", s, users=users, roles=ROLES, enrolled=None, error="",
                    keys=await run_in_threadpool(service.health))

    @app.post(f"{PREFIX}/accounts", include_in_schema=False)
    async def account_add(request: Request) -> Response:
        s, form, refused = await posted(request, "manage_accounts")
        if refused is not None:
            return refused
        assert s is not None
        enrolled, error = None, ""
        try:
            enrolled = await run_in_threadpool(
                lambda: accounts.add(form.get("username", "").strip(), form.get("display_name", ""),
                                     form.get("role", ""), form.get("passphrase", ""),
                                     organisation=form.get("organisation", ""), by=s.username))
        except CheckpointError as e:
            error = str(e)
        users = await run_in_threadpool(accounts.users)
        return page(request, "accounts.html", s, status=200 if enrolled else 400, users=users, roles=ROLES,
                    enrolled=enrolled, error=error, keys=await run_in_threadpool(service.health))

    @app.post(f"{PREFIX}/accounts/{{username}}/{{action}}", include_in_schema=False)
    async def account_status(request: Request, username: str, action: str) -> Response:
        s, _form, refused = await posted(request, "manage_accounts")
        if refused is not None:
            return refused
        assert s is not None
        if action not in ("lock", "unlock"):
            return page(request, "error.html", s, status=404, title="Not found", message="There is no such page.")
        if action == "lock" and username == s.username:
            return page(request, "error.html", s, status=400, title="Not done",
                        message="You cannot lock your own account.")
        try:
            await run_in_threadpool(lambda: accounts.set_status(username, "locked" if action == "lock" else "active",
                                                                by=s.username))
        except CheckpointError as e:
            return page(request, "error.html", s, status=404, title="Not done", message=str(e))
        return RedirectResponse(f"{PREFIX}/accounts", status_code=303)

    def _audit(username: str, action: str, target: str, detail: str, address: str) -> None:
        from sync.hq.store import timestamp

        with store.write() as conn:
            audit(conn, timestamp(clk), username, action, target, detail, address)

    from sync.hq.web.referral_pages import mount_referral_pages  # the referral network (#16)

    mount_referral_pages(app, service, clk, accounts, prefix=PREFIX, page=page, guarded=guarded, posted=posted,
                         address=_address)

    from sync.hq.web.operator_pages import mount_operator_pages  # quarantine, gaps, conflicts, devices (#15 pt 5)

    mount_operator_pages(app, service, clk, prefix=PREFIX, page=page, guarded=guarded, posted=posted,
                         address=_address)
    from sync.hq.web.match_pages import mount_match_pages  # repeat returnees across checkpoints (#15 point 6)

    mount_match_pages(app, service, clk, prefix=PREFIX, page=page, guarded=guarded, posted=posted, address=_address)
    from sync.hq.web.tb_pages import mount_tb_pages  # a TB referral's treatment recorded at HQ (#14 point 3)

    mount_tb_pages(app, service, clk, accounts, prefix=PREFIX, page=page, guarded=guarded, posted=posted,
                   address=_address)
    from sync.hq.web.nea_pages import mount_nea_pages  # NEA's export across checkpoints (#15 point 4)

    mount_nea_pages(app, service, clk, prefix=PREFIX, page=page, guarded=guarded, address=_address)
    from sync.hq.web.pdf_pages import mount_pdf_pages  # the monthly PDF report in Khmer or English (#15 point 3)

    mount_pdf_pages(app, service, clk, prefix=PREFIX, page=page, guarded=guarded, address=_address,
                    lang_cookie=LANG_COOKIE)
    app.add_middleware(SecurityHeaders)

