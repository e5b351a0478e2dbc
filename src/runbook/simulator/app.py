"""Starlette app of the simulator: console pages, their JSON data endpoints and the /_sim/ API."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any, Literal

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from runbook.simulator.assets import Assets
from runbook.simulator.auth import REAUTH_PATH, Credentials, ReauthMoment, SignIn, signin_url
from runbook.simulator.clock import ClockDate
from runbook.simulator.document import KINDS
from runbook.simulator.faults import OTHER_ADMIN, ConcurrentEdit, FaultError, Faults
from runbook.simulator.i18n import Locale, locale_from, text
from runbook.simulator.languages import LanguageCheck, Languages
from runbook.simulator.org_units import TOP
from runbook.simulator.pages import PAGE_PATHS, Page, console_page, with_query
from runbook.simulator.renames import RenameError, Renames, RenameScope
from runbook.simulator.state import InUse, Kind, NotFound, Stale, Store
from runbook.simulator.validation import Invalid, Json
from runbook.simulator.variants import VariantError, Variants

TLS_TEST_SECONDS = 0.3
DATA = "/ac/_data"

LATE_DIALOGS_HEADER = "X-Sim-Late-Dialogs"

Handler = Callable[[Request], Awaitable[Response]]
WriteOp = Literal["create", "update", "delete", "enable"]
LIST_KEY: dict[Kind, str] = {"route": "routes", "rule": "rules", "default": "default_rules"}


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


def _if_match(request: Request) -> int | None:
    """The entry revision a write is based on (`If-Match: "N"`); None when not given."""
    value = request.headers.get("if-match", "").strip()
    if not value or value == "*":
        return None
    value = value.removeprefix("W/").strip('"')
    if not value.isdigit():
        raise _BadBody
    return int(value)


class Simulator:
    """The console's behaviour: one store, one fault state, one sign-in."""

    def __init__(
        self,
        store: Store,
        *,
        auth: bool = True,
        credentials: Credentials | None = None,
        faults: Faults | None = None,
        variants: Variants | None = None,
    ) -> None:
        self.store = store
        self.variants = variants or Variants()
        self.auth = auth
        self.signin = SignIn(credentials or Credentials(), store, self.variants)
        self.faults = faults or Faults()
        self.tls: dict[str, str] = {}
        self.renames = Renames()
        self.languages = Languages()

    # --- sessions ---------------------------------------------------------------------------
    def _signed_in(self, request: Request) -> tuple[bool, str | None]:
        """Whether a console request may proceed, and the signed-in user."""
        if not self.auth:
            return True, None
        user = self.signin.user_of(request)
        if user is not None and self.faults.count_console_request():
            self.store.expire_sessions()
            user = None
        if user is not None and self.signin.expired(request):
            return False, user  # past its hour: the user verifies it's them, then signs in
        return user is not None, user

    def _must_verify(self, request: Request, moment: ReauthMoment) -> bool:
        """Whether the reauth variant asks this signed-in request to verify it's the user."""
        return (
            self.auth
            and "reauth" in self.variants
            and self.signin.user_of(request) is not None
            and self.signin.needs_reauth(request, moment)
        )

    # --- console pages ----------------------------------------------------------------------
    def _page(self, page: Page, status: int = 200) -> Handler:
        async def handler(request: Request) -> Response:
            hl = _hl(request)
            ok, user = self._signed_in(request)
            if not ok and user is not None:  # a session past its hour
                return RedirectResponse(self.signin.reauth_url(_path_and_query(request), hl), 302)
            if not ok:
                return RedirectResponse(signin_url(_path_and_query(request), hl), 302)
            if user is not None and self._must_verify(request, "page"):
                return RedirectResponse(self.signin.reauth_url(_path_and_query(request), hl), 302)
            html = console_page(
                _locale(request),
                page,
                prefix=_prefix(request),
                hl=hl,
                user=user,
                late_dialogs=self.faults.late_dialogs,
                extra_option=self.faults.settings.extra_option,
                variants=self.variants.active,
                org_units=self.store.org_units(),
            )
            return HTMLResponse(html, status, headers={"Cache-Control": "no-store"})

        return handler

    # --- data endpoints ---------------------------------------------------------------------
    def _data(
        self, handler: Callable[[Request, Locale], Awaitable[Response]], *, counted: bool = True
    ) -> Handler:
        """Session check and latency around one data endpoint.

        `counted=False`: the request does not count towards `expire_session_after` (the other
        settings blocks of the Routing page, so that a page load counts as it always did).
        """

        async def wrapped(request: Request) -> Response:
            locale = _locale(request)
            if counted:
                ok, _ = self._signed_in(request)
            else:
                ok = not self.auth or self.signin.user_of(request) is not None
            if not ok:
                signin = signin_url("/ac", request.query_params.get("hl"))
                return _error(locale, "err_signin_required", 401, signin=signin)
            if self.auth and self.signin.expired(request):  # uncounted requests, past the hour
                signin = signin_url("/ac", request.query_params.get("hl"))
                return _error(locale, "err_signin_required", 401, signin=signin)
            await asyncio.sleep(self.faults.latency())
            try:
                response = await handler(request, locale)
            except _BadBody:
                response = _error(locale, "err_bad_request", 400)
            # The page learns with every answer whether its dialogs should load late.
            response.headers[LATE_DIALOGS_HEADER] = "1" if self.faults.late_dialogs else "0"
            return response

        return wrapped

    def _write(self, kind: Kind, op: WriteOp) -> Handler:
        """A console write: the other admin's, injected failures, the store, lost responses."""

        async def handler(request: Request, locale: Locale) -> Response:
            if self._must_verify(request, "save"):  # nothing applied: the page goes to verify
                return _error(locale, "reauth_hint", 401, reauth=REAUTH_PATH)
            entry_id: str | None = request.path_params.get("id")
            payload = None if op == "delete" else await _json_body(request)
            revision = _if_match(request)
            raced = self._concurrent_edit(kind, op, entry_id, payload)
            if raced is not None:
                return _error(locale, raced, 404 if raced == "err_not_found" else 409)
            failed, message = self.faults.take_save_failure()
            if failed:
                return JSONResponse(
                    {"error": message or text(locale, "err_save_failed")}, status_code=500
                )
            unit = request.query_params.get("ou")
            try:
                result = self._apply(kind, op, entry_id, payload, revision=revision, unit=unit)
            except Invalid as exc:
                return _error(locale, exc.key, 400, field=exc.field, detail=exc.detail)
            except NotFound:
                return _error(locale, "err_not_found", 404)
            except Stale:
                return _error(locale, "err_stale", 409)
            except InUse:
                return _error(locale, "err_route_in_use", 409)
            lost, message = self.faults.take_lost_response()
            if lost is not None:  # applied and audited, but the answer never arrives
                return JSONResponse(
                    {"error": message or text(locale, "err_save_failed")}, status_code=lost
                )
            return JSONResponse(result if result is not None else {"ok": True})

        return self._data(handler)

    def _apply(
        self,
        kind: Kind,
        op: WriteOp,
        entry_id: str | None,
        payload: Any,
        *,
        revision: int | None = None,
        by: str | None = None,
        unit: str | None = None,
    ) -> Json | None:
        """One write to the store (ours, or the other admin's); `unit`: the page's OU."""
        store = self.store
        if op == "create":
            return store.create(kind, payload, by=by)
        assert entry_id is not None
        if op == "enable":
            if not isinstance(payload, dict) or not isinstance(payload.get("enabled"), bool):
                raise Invalid("err_bad_request", "enabled", "expected {enabled: true|false}")
            enabled = payload["enabled"]
            return store.set_enabled(kind, entry_id, enabled, revision=revision, by=by, unit=unit)
        if op == "update":
            return store.update(kind, entry_id, payload, revision=revision, by=by)
        store.delete(kind, entry_id, revision=revision, by=by)
        return None

    def _concurrent_edit(
        self, kind: Kind, op: WriteOp, entry_id: str | None, payload: Any
    ) -> str | None:
        """Fire a pending concurrent edit that our write targets: the other admin writes first.

        Returns the error key our write then gets (`err_stale`, or `err_not_found` when the
        other admin deleted the entry), or None when no concurrent edit fired.
        """
        if op == "create":
            raw = payload.get(KINDS[kind].name_field) if isinstance(payload, dict) else None
            name = raw.strip() if isinstance(raw, str) else None
            given = payload.get("org_unit") if isinstance(payload, dict) else None
            unit = (given or TOP) if KINDS[kind].per_ou else None
        else:
            name = self.store.name_of(kind, entry_id) if entry_id is not None else None
            unit = self.store.unit_of(kind, entry_id) if entry_id is not None else None
        if name is None:
            return None

        def targets(edit: ConcurrentEdit) -> bool:
            # A create races with another admin's create or change, not with a delete; an
            # entry of one OU does not race with its namesake in another.
            return (
                edit.kind == kind
                and edit.name == name
                and edit.org_unit in (None, unit)
                and not (op == "create" and edit.deletes)
            )

        edit = self.faults.take_concurrent_edit(targets)
        if edit is None:
            return None
        found = self.store.find(kind, edit.name, unit)
        try:
            if edit.deletes:
                self._apply(kind, "delete", found, None, by=OTHER_ADMIN)
                return "err_not_found"
            assert isinstance(edit.change, dict)
            if found is None:  # the other admin creates the entry we are about to create
                self._apply(kind, "create", None, {**payload, **edit.change}, by=OTHER_ADMIN)
            else:
                current = self._one(kind, found)
                fields = {k: v for k, v in current.items() if k not in ("id", "revision")}
                self._apply(kind, "update", found, {**fields, **edit.change}, by=OTHER_ADMIN)
        except (Invalid, InUse, NotFound):
            return None  # the console refused the other admin's write: nothing happened
        return "err_stale"

    async def _list(self, request: Request, locale: Locale, kind: Kind) -> Response:
        """A list; with late rows, the page's list comes in two parts, the second one late."""
        key = LIST_KEY[kind]
        if request.query_params.get("view") != "list":
            return JSONResponse({key: self._entries(kind)})
        offset = request.query_params.get("offset")
        if offset is not None and not offset.isdigit():
            return _error(locale, "err_bad_request", 400)
        if offset is not None:
            await asyncio.sleep(self.faults.rows_delay())
        try:
            entries = self._entries(kind, request.query_params.get("ou", "/"))
        except NotFound:
            return _error(locale, "err_not_found", 404)
        if offset is not None:
            return JSONResponse({key: entries[int(offset) :]})
        if not self.faults.late_rows or not entries:
            return JSONResponse({key: entries})
        shown = len(entries) // 2
        return JSONResponse({key: entries[:shown], "next": shown, "total": len(entries)})

    def _entries(self, kind: Kind, unit: str | None = None) -> list[Json]:
        return self.store.entries(kind, unit)

    def _one(self, kind: Kind, entry_id: str) -> Json:
        return self.store.entry(kind, entry_id)

    async def _entry(self, request: Request, locale: Locale, kind: Kind) -> Response:
        """One entry for an Edit dialog, with its revision (late when dialogs are late)."""
        await asyncio.sleep(self.faults.dialog_delay())
        entry_id = request.path_params["id"]
        try:
            entry = self._one(kind, entry_id)
        except NotFound:
            return _error(locale, "err_not_found", 404)
        return JSONResponse(entry)

    async def _form(self, request: Request, locale: Locale) -> Response:
        """What an Add dialog loads before showing its fields (late when dialogs are late)."""
        if request.path_params["kind"] not in (*KINDS, "setting"):
            return _error(locale, "err_bad_request", 404)
        await asyncio.sleep(self.faults.dialog_delay())
        return JSONResponse({"ok": True})

    async def _test_tls(self, request: Request, locale: Locale) -> Response:
        payload = await _json_body(request)
        hosts = payload.get("hosts") if isinstance(payload, dict) else None
        if not isinstance(hosts, list) or not all(isinstance(h, str) for h in hosts):
            return _error(locale, "err_bad_request", 400)
        await asyncio.sleep(TLS_TEST_SECONDS)
        return JSONResponse({"results": {h: self.tls.get(h.strip(), "pass") for h in hosts}})

    def _reads(self, kind: Kind) -> tuple[Handler, Handler]:
        async def listing(request: Request, locale: Locale) -> Response:
            return await self._list(request, locale, kind)

        async def entry(request: Request, locale: Locale) -> Response:
            return await self._entry(request, locale, kind)

        return self._data(listing), self._data(entry)

    def _console_routes(self) -> list[BaseRoute]:
        w = self._write
        pages: list[BaseRoute] = [
            Route(PAGE_PATHS[p], self._page(p))
            for p in ("home", "hosts", "routing", "defaultrouting")
        ]
        data: list[BaseRoute] = []
        kinds: tuple[tuple[Kind, str], ...] = (
            ("route", f"{DATA}/routes"),
            ("rule", f"{DATA}/rules"),
            ("default", f"{DATA}/{LIST_KEY['default']}"),
        )
        for kind, path in kinds:
            listing, entry = self._reads(kind)
            data += [
                Route(path, listing, methods=["GET"]),
                Route(path, w(kind, "create"), methods=["POST"]),
                Route(f"{path}/{{id}}", entry, methods=["GET"]),
                Route(f"{path}/{{id}}", w(kind, "update"), methods=["PUT"]),
                Route(f"{path}/{{id}}", w(kind, "delete"), methods=["DELETE"]),
            ]
        data += [
            Route(f"{DATA}/rules/{{id}}", w("rule", "enable"), methods=["PATCH"]),
            Route(
                f"{DATA}/{LIST_KEY['default']}/{{id}}", w("default", "enable"), methods=["PATCH"]
            ),
            Route(f"{DATA}/forms/{{kind}}", self._data(self._form), methods=["GET"]),
            Route(f"{DATA}/tls", self._data(self._test_tls), methods=["POST"]),
            *self._settings_routes(),
        ]
        not_found: list[BaseRoute] = [Route("/ac/{rest:path}", self._page("notfound", 404))]
        return pages + data + not_found

    # --- the Routing page's other settings blocks (simple entries, no injected faults) -------
    def _settings_routes(self) -> list[BaseRoute]:
        store = self.store

        async def handle(request: Request, locale: Locale) -> Response:
            block: str = request.path_params["block"]
            entry_id: str | None = request.path_params.get("id")
            method = request.method
            try:
                if method == "GET" and entry_id is None:
                    return JSONResponse({"settings": store.settings(block)})
                if method == "GET" and entry_id is not None:
                    await asyncio.sleep(self.faults.dialog_delay())
                    return JSONResponse(store.setting(block, entry_id))
                if method == "POST":
                    return JSONResponse(store.create_setting(block, await _json_body(request)))
                assert entry_id is not None
                revision = _if_match(request)
                if method == "PUT":
                    payload = await _json_body(request)
                    return JSONResponse(
                        store.update_setting(block, entry_id, payload, revision=revision)
                    )
                store.delete_setting(block, entry_id, revision=revision)
                return JSONResponse({"ok": True})
            except Invalid as exc:
                return _error(locale, exc.key, 400, field=exc.field, detail=exc.detail)
            except NotFound:
                return _error(locale, "err_not_found", 404)
            except Stale:
                return _error(locale, "err_stale", 409)

        path = f"{DATA}/settings/{{block}}"
        return [
            Route(path, self._data(handle, counted=False), methods=["GET", "POST"]),
            Route(
                f"{path}/{{id}}",
                self._data(handle, counted=False),
                methods=["GET", "PUT", "DELETE"],
            ),
        ]

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
        self.store.clock.reset()
        self.faults.reset()
        self.variants.reset()
        self.signin.reset()
        self.tls = {}
        self.renames.reset()
        self.languages.reset()
        return JSONResponse({"ok": True})

    async def _sim_clock(self, request: Request) -> Response:
        if request.method == "POST":
            try:
                doc = await _json_body(request)
                if not isinstance(doc, dict) or set(doc) != {"advance_s"}:
                    raise ValueError('expected {"advance_s": N}')
                seconds = doc["advance_s"]
                if isinstance(seconds, bool) or not isinstance(seconds, int | float):
                    raise ValueError("advance_s: expected a number of seconds")
                self.store.clock.advance(float(seconds))
            except _BadBody:
                return JSONResponse({"error": "body is not JSON"}, status_code=400)
            except ValueError as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse(self.store.clock.as_dict())

    async def _sim_signin(self, request: Request) -> Response:
        return JSONResponse(self.signin.progress())

    async def _sim_faults(self, request: Request) -> Response:
        if request.method == "POST":
            try:
                self.faults.update(await _json_body(request))
            except (_BadBody, FaultError) as exc:
                return JSONResponse({"error": str(exc) or "body is not JSON"}, status_code=400)
        return JSONResponse(self.faults.settings.as_dict())

    async def _sim_variants(self, request: Request) -> Response:
        if request.method == "PUT":
            try:
                self.variants.set(await _json_body(request))
                self.signin.forget_reauth()
            except (_BadBody, VariantError) as exc:
                return JSONResponse({"error": str(exc) or "body is not JSON"}, status_code=400)
        return JSONResponse(self.variants.as_dict())

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

    async def _sim_labels(self, request: Request) -> Response:
        if request.method == "PUT":
            try:
                self.renames.update(await _json_body(request))
            except (_BadBody, RenameError) as exc:
                return JSONResponse({"error": str(exc) or "body is not JSON"}, status_code=400)
        return JSONResponse(self.renames.by_locale)

    async def _sim_locales(self, request: Request) -> Response:
        return JSONResponse(self.languages.as_dict())

    def _sim_routes(self) -> list[BaseRoute]:
        return [
            Route("/_sim/state", self._sim_state, methods=["GET", "PUT"]),
            Route("/_sim/audit", self._sim_audit, methods=["GET"]),
            Route("/_sim/reset", self._sim_reset, methods=["POST"]),
            Route("/_sim/faults", self._sim_faults, methods=["GET", "POST"]),
            Route("/_sim/tls", self._sim_tls, methods=["GET", "PUT"]),
            Route("/_sim/labels", self._sim_labels, methods=["GET", "PUT"]),
            Route("/_sim/locales", self._sim_locales, methods=["GET"]),
            Route("/_sim/variants", self._sim_variants, methods=["GET", "PUT"]),
            Route("/_sim/clock", self._sim_clock, methods=["GET", "POST"]),
            Route("/_sim/signin", self._sim_signin, methods=["GET"]),
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
            Route("/static/{path:path}", Assets().serve, methods=["GET"]),
            Mount("/u/{account:int}", routes=console),
            *console,
        ]
        middleware = [
            Middleware(LanguageCheck, languages=self.languages),
            Middleware(RenameScope, renames=self.renames),
            Middleware(ClockDate, clock=self.store.clock),
        ]
        return Starlette(routes=routes, middleware=middleware)
