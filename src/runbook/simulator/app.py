"""Starlette app of the simulator: its state, sessions and console pages, and the routes.

The data endpoints are `runbook.simulator.data`, the test API `runbook.simulator.sim_api`.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from runbook.simulator.assets import Assets
from runbook.simulator.auth import Credentials, ReauthMoment, SignIn, signin_url
from runbook.simulator.clock import ClockDate
from runbook.simulator.data import DataEndpoints
from runbook.simulator.dns_lookup import Resolver
from runbook.simulator.faults import Faults
from runbook.simulator.languages import LanguageCheck, Languages
from runbook.simulator.pages import PAGE_PATHS, Page, console_page, with_query
from runbook.simulator.renames import Renames, RenameScope
from runbook.simulator.sim_api import SimApi
from runbook.simulator.state import Store
from runbook.simulator.variants import Variants
from runbook.simulator.web import Handler, account_prefix, hl_of, locale_of, path_and_query


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
        dns: Resolver | None = None,
    ) -> None:
        """`dns`: the resolver Start authentication asks (`runbook simulator --dns`); the test
        API changes it, and a reset puts this one back."""
        self.store = store
        self.variants = variants or Variants()
        self.auth = auth
        self.signin = SignIn(credentials or Credentials(), store, self.variants)
        self.faults = faults or Faults()
        self.tls: dict[str, str] = {}
        self.renames = Renames()
        self.languages = Languages()
        self.dns_given = dns
        self.dns = dns

    # --- sessions ---------------------------------------------------------------------------
    def signed_in(self, request: Request) -> tuple[bool, str | None]:
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

    def must_verify(self, request: Request, moment: ReauthMoment) -> bool:
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
            hl = hl_of(request)
            ok, user = self.signed_in(request)
            if not ok and user is not None:  # a session past its hour
                return RedirectResponse(self.signin.reauth_url(path_and_query(request), hl), 302)
            if not ok:
                return RedirectResponse(signin_url(path_and_query(request), hl), 302)
            if user is not None and self.must_verify(request, "page"):
                return RedirectResponse(self.signin.reauth_url(path_and_query(request), hl), 302)
            html = console_page(
                locale_of(request),
                page,
                prefix=account_prefix(request),
                hl=hl,
                user=user,
                late_dialogs=self.faults.late_dialogs,
                extra_option=self.faults.settings.extra_option,
                variants=self.variants.active,
                org_units=self.store.org_units(),
            )
            return HTMLResponse(html, status, headers={"Cache-Control": "no-store"})

        return handler

    def _console_routes(self) -> list[BaseRoute]:
        pages: list[BaseRoute] = [
            Route(PAGE_PATHS[p], self._page(p))
            for p in ("home", "hosts", "routing", "defaultrouting", "authenticateemail", "spam")
        ]
        not_found: list[BaseRoute] = [Route("/ac/{rest:path}", self._page("notfound", 404))]
        return pages + DataEndpoints(self).routes() + not_found

    # --- the app ----------------------------------------------------------------------------
    def app(self) -> Starlette:
        """The ASGI app."""

        async def to_console(request: Request) -> Response:
            target = account_prefix(request) + PAGE_PATHS["home"]
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
            *SimApi(self).routes(),
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
