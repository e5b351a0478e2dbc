"""Starlette app of the simulator: console pages, their JSON data endpoints and the /_sim/ API."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from runbook.simulator.auth import Credentials, SignIn, signin_url
from runbook.simulator.faults import FaultError, Faults
from runbook.simulator.i18n import Locale, locale_from, text
from runbook.simulator.pages import PAGE_PATHS, Page, console_page, with_query
from runbook.simulator.state import InUse, NotFound, Store
from runbook.simulator.validation import Invalid, Json

STATIC_DIR = Path(__file__).parent / "static"
TLS_TEST_SECONDS = 0.3
DATA = "/ac/_data"

Handler = Callable[[Request], Awaitable[Response]]


class _BadBody(Exception):
    """A request body that is not the JSON the endpoint expects."""


def _hl(request: Request) -> str | None:
    """The console language asked for in the query (`hl`), normalized; None when absent."""
    hl = request.query_params.get("hl")
    return locale_from(hl) if hl else None


def _locale(request: Request) -> Locale:
    return locale_from(request.query_params.get("hl"))


def _prefix(request: Request) -> str:
    """The `/u/N` account prefix of the request, kept on every link."""
    account = request.path_params.get("account")
    return "" if account is None else f"/u/{account}"


def _path_and_query(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


async def _json_body(request: Request) -> Any:
    try:
        return json.loads(await request.body())
    except ValueError:
        raise _BadBody from None


def _error(locale: Locale, key: str, status: int, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": text(locale, key), **extra}, status_code=status)


class Simulator:
    """The console's behaviour: one store, one fault state, one sign-in."""

    def __init__(
        self,
        store: Store,
        *,
        auth: bool = True,
        credentials: Credentials | None = None,
        faults: Faults | None = None,
    ) -> None:
        self.store = store
        self.auth = auth
        self.signin = SignIn(credentials or Credentials(), store)
        self.faults = faults or Faults()
        self.tls: dict[str, str] = {}

    # --- sessions ---------------------------------------------------------------------------
    def _signed_in(self, request: Request) -> tuple[bool, str | None]:
        """Whether a console request may proceed, and the signed-in user."""
        if not self.auth:
            return True, None
        user = self.signin.user_of(request)
        if user is not None and self.faults.count_console_request():
            self.store.expire_sessions()
            user = None
        return user is not None, user

    # --- console pages ----------------------------------------------------------------------
    def _page(self, page: Page, status: int = 200) -> Handler:
        async def handler(request: Request) -> Response:
            hl = _hl(request)
            ok, user = self._signed_in(request)
            if not ok:
                return RedirectResponse(signin_url(_path_and_query(request), hl), 302)
            html = console_page(_locale(request), page, prefix=_prefix(request), hl=hl, user=user)
            return HTMLResponse(html, status, headers={"Cache-Control": "no-store"})

        return handler

    # --- data endpoints ---------------------------------------------------------------------
    def _data(self, handler: Callable[[Request, Locale], Awaitable[Response]]) -> Handler:
        """Session check and latency around one data endpoint."""

        async def wrapped(request: Request) -> Response:
            locale = _locale(request)
            ok, _ = self._signed_in(request)
            if not ok:
                signin = signin_url("/ac", request.query_params.get("hl"))
                return _error(locale, "err_signin_required", 401, signin=signin)
            await asyncio.sleep(self.faults.latency())
            try:
                return await handler(request, locale)
            except _BadBody:
                return _error(locale, "err_bad_request", 400)

        return wrapped

    def _write(self, op: Callable[[Request, Any], Json | None], *, body: bool = True) -> Handler:
        """A console write: fault injection, then the store's own validation."""

        async def handler(request: Request, locale: Locale) -> Response:
            failed, message = self.faults.take_save_failure()
            if failed:
                return JSONResponse(
                    {"error": message or text(locale, "err_save_failed")}, status_code=500
                )
            payload = await _json_body(request) if body else None
            try:
                result = op(request, payload)
            except Invalid as exc:
                return _error(locale, exc.key, 400, field=exc.field, detail=exc.detail)
            except NotFound:
                return _error(locale, "err_not_found", 404)
            except InUse:
                return _error(locale, "err_route_in_use", 409)
            return JSONResponse(result if result is not None else {"ok": True})

        return self._data(handler)

    async def _list_routes(self, request: Request, locale: Locale) -> Response:
        return JSONResponse({"routes": self.store.routes()})

    async def _list_rules(self, request: Request, locale: Locale) -> Response:
        return JSONResponse({"rules": self.store.rules()})

    def _set_enabled(self, request: Request, payload: Any) -> Json:
        if not isinstance(payload, dict) or not isinstance(payload.get("enabled"), bool):
            raise Invalid("err_bad_request", "enabled", "expected {enabled: true|false}")
        return self.store.set_rule_enabled(request.path_params["id"], payload["enabled"])

    async def _test_tls(self, request: Request, locale: Locale) -> Response:
        payload = await _json_body(request)
        hosts = payload.get("hosts") if isinstance(payload, dict) else None
        if not isinstance(hosts, list) or not all(isinstance(h, str) for h in hosts):
            return _error(locale, "err_bad_request", 400)
        await asyncio.sleep(TLS_TEST_SECONDS)
        return JSONResponse({"results": {h: self.tls.get(h.strip(), "pass") for h in hosts}})

    def _console_routes(self) -> list[BaseRoute]:
        store = self.store
        w = self._write
        pages: list[BaseRoute] = [
            Route(PAGE_PATHS[p], self._page(p)) for p in ("home", "hosts", "routing")
        ]
        pages.append(Route(PAGE_PATHS["defaultrouting"], self._page("defaultrouting")))
        data: list[BaseRoute] = [
            Route(f"{DATA}/routes", self._data(self._list_routes), methods=["GET"]),
            Route(f"{DATA}/routes", w(lambda r, b: store.create_route(b)), methods=["POST"]),
            Route(
                f"{DATA}/routes/{{id}}",
                w(lambda r, b: store.update_route(r.path_params["id"], b)),
                methods=["PUT"],
            ),
            Route(
                f"{DATA}/routes/{{id}}",
                w(lambda r, b: store.delete_route(r.path_params["id"]), body=False),
                methods=["DELETE"],
            ),
            Route(f"{DATA}/rules", self._data(self._list_rules), methods=["GET"]),
            Route(f"{DATA}/rules", w(lambda r, b: store.create_rule(b)), methods=["POST"]),
            Route(
                f"{DATA}/rules/{{id}}",
                w(lambda r, b: store.update_rule(r.path_params["id"], b)),
                methods=["PUT"],
            ),
            Route(f"{DATA}/rules/{{id}}", w(self._set_enabled), methods=["PATCH"]),
            Route(
                f"{DATA}/rules/{{id}}",
                w(lambda r, b: store.delete_rule(r.path_params["id"]), body=False),
                methods=["DELETE"],
            ),
            Route(f"{DATA}/tls", self._data(self._test_tls), methods=["POST"]),
        ]
        not_found: list[BaseRoute] = [Route("/ac/{rest:path}", self._page("notfound", 404))]
        return pages + data + not_found

    # --- test API (/_sim/) -------------------------------------------------------------------
    async def _sim_state(self, request: Request) -> Response:
        if request.method == "PUT":
            try:
                self.store.replace(await _json_body(request))
            except _BadBody:
                return JSONResponse({"error": "body is not JSON"}, status_code=400)
            except Invalid as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse(self.store.document())

    async def _sim_audit(self, request: Request) -> Response:
        return JSONResponse(self.store.audit())

    async def _sim_reset(self, request: Request) -> Response:
        self.store.reset()
        self.faults.reset()
        self.tls = {}
        return JSONResponse({"ok": True})

    async def _sim_faults(self, request: Request) -> Response:
        if request.method == "POST":
            try:
                self.faults.update(await _json_body(request))
            except (_BadBody, FaultError) as exc:
                return JSONResponse({"error": str(exc) or "body is not JSON"}, status_code=400)
        return JSONResponse(self.faults.settings.as_dict())

    async def _sim_tls(self, request: Request) -> Response:
        if request.method == "PUT":
            try:
                doc = await _json_body(request)
            except _BadBody:
                doc = None
            if not isinstance(doc, dict) or not all(v in ("pass", "fail") for v in doc.values()):
                return JSONResponse(
                    {"error": 'expected {"<host>": "pass" | "fail", ...}'}, status_code=400
                )
            self.tls = {str(k).strip(): v for k, v in doc.items()}
        return JSONResponse(self.tls)

    def _sim_routes(self) -> list[BaseRoute]:
        return [
            Route("/_sim/state", self._sim_state, methods=["GET", "PUT"]),
            Route("/_sim/audit", self._sim_audit, methods=["GET"]),
            Route("/_sim/reset", self._sim_reset, methods=["POST"]),
            Route("/_sim/faults", self._sim_faults, methods=["GET", "POST"]),
            Route("/_sim/tls", self._sim_tls, methods=["GET", "PUT"]),
        ]

    # --- the app ----------------------------------------------------------------------------
    def app(self) -> Starlette:
        """The ASGI app."""

        async def to_console(request: Request) -> Response:
            target = _prefix(request) + PAGE_PATHS["home"]
            return RedirectResponse(with_query(target, hl=request.query_params.get("hl")), 302)

        async def no_icon(request: Request) -> Response:
            return Response(status_code=204)

        console = self._console_routes()
        routes: list[BaseRoute] = [
            Route("/", to_console),
            Route("/ac/", to_console),
            Route("/u/{account:int}/ac/", to_console),
            Route("/favicon.ico", no_icon),
            Route("/u/{account:int}", to_console),
            Route("/u/{account:int}/", to_console),
            *self._sim_routes(),
            *self.signin.routes(),
            Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
            Mount("/u/{account:int}", routes=console),
            *console,
        ]
        return Starlette(routes=routes)
