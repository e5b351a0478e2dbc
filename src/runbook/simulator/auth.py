"""Sign-in flow (email, password, 2-step verification code) and session cookies.

The demo credentials below are public defaults for local demos and tests; `serve` takes
others from `RUNBOOK_SIM_USER`, `RUNBOOK_SIM_PASSWORD` and `RUNBOOK_SIM_TOTP_SECRET`.
Passwords, codes and secrets are never logged; sessions are kept as token hashes only.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs

import pyotp
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from runbook.simulator.i18n import locale_from, text
from runbook.simulator.pages import SignInStep, refused_page, signin_page, with_query
from runbook.simulator.state import Store
from runbook.simulator.variants import Variants

DEFAULT_USER = "admin@example.com"
DEFAULT_PASSWORD = "runbook-demo-password"
DEFAULT_TOTP_SECRET = "RUNBOOKSIMULATORDEMOSECRET234567"  # base32, demo only

SESSION_COOKIE = "SIM_SID"
FLOW_COOKIE = "SIM_SIGNIN"
SIGNIN_PATH = "/signin/identifier"
PASSWORD_PATH = "/signin/challenge/pwd"
CODE_PATH = "/signin/challenge/totp"
REAUTH_PATH = "/v3/signin/challenge/pwd"  # "Verify it's you", mid-session (the reauth variant)
# When the reauth variant challenges a session, in order: its first console page, then its
# first save (a dialog open, the save refused until the challenge is answered).
ReauthMoment = Literal["page", "save"]
REAUTH_MOMENTS: tuple[ReauthMoment, ...] = ("page", "save")
MAX_FLOWS = 50
SESSION_HOUR_S = 3600  # the Admin console's session: one hour, not changeable (session-hour)
COOKIE_MAX_AGE_S = 14 * 24 * 3600  # session cookies persist, as Google's do
REFUSED_PATH = "/signin/rejected"


@dataclass(frozen=True)
class Credentials:
    """The one account that can sign in to the simulator."""

    user: str = DEFAULT_USER
    password: str = DEFAULT_PASSWORD
    totp_secret: str = DEFAULT_TOTP_SECRET

    def __repr__(self) -> str:  # keep secrets out of logs and tracebacks
        return f"Credentials(user={self.user!r}, password=***, totp_secret=***)"

    @classmethod
    def from_env(cls) -> Credentials:
        """Credentials from `RUNBOOK_SIM_*` environment variables, else the demo defaults."""
        return cls(
            user=os.environ.get("RUNBOOK_SIM_USER") or DEFAULT_USER,
            password=os.environ.get("RUNBOOK_SIM_PASSWORD") or DEFAULT_PASSWORD,
            totp_secret=os.environ.get("RUNBOOK_SIM_TOTP_SECRET") or DEFAULT_TOTP_SECRET,
        )

    def code_ok(self, code: str) -> bool:
        """Whether a 6-digit code is current for the secret (one step of clock skew allowed)."""
        code = code.strip().replace(" ", "")
        return code.isdigit() and bool(pyotp.TOTP(self.totp_secret).verify(code, valid_window=1))


@dataclass
class _Flow:
    user: str
    stage: Literal["password", "code"]


def safe_continue(value: str | None) -> str:
    """A local path to go back to after sign-in (never another site)."""
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")):
        return "/ac"
    return value


def signin_url(continue_to: str, hl: str | None) -> str:
    """Where an unauthenticated console request is sent."""
    return with_query(SIGNIN_PATH, **{"continue": continue_to, "hl": hl})


def hashed(token: str) -> str:
    """A session token as kept in memory (never the token itself)."""
    return hashlib.sha256(token.encode()).hexdigest()


class SignIn:
    """The sign-in pages and the session check used by every console request."""

    def __init__(self, credentials: Credentials, store: Store, variants: Variants) -> None:
        self.credentials = credentials
        self.store = store
        self.variants = variants
        self._flows: dict[str, _Flow] = {}
        # Session token hashes, with how many reauth challenges each has answered.
        self._verified: dict[str, int] = {}

    def user_of(self, request: Request) -> str | None:
        """The signed-in user of a request, or None."""
        token = request.cookies.get(SESSION_COOKIE)
        return self.store.session_user(token) if token else None

    def progress(self) -> dict[str, object]:
        """Where sign-ins stand, for the test API (`GET /_sim/signin`): the stage of each
        flow under way, and how many sessions were ever signed in. No secrets."""
        return {
            "flows": [flow.stage for flow in self._flows.values()],
            "sessions": self.store.session_count(),
        }

    def expired(self, request: Request) -> bool:
        """Whether the request's session is past its hour (the session-hour variant): the
        console asks to verify it's you, then the password and the code."""
        token = request.cookies.get(SESSION_COOKIE)
        if "session-hour" not in self.variants or not token:
            return False
        age = self.store.session_age_s(token)
        return age is not None and age >= SESSION_HOUR_S

    async def _refused(self, request: Request) -> bool:
        """Whether the automation-refused variant refuses this sign-in form: its browser
        reported automation (or ran no script)."""
        if "automation-refused" not in self.variants:
            return False
        return await self._field(request, "automation") != "no"

    def _refusal(self, request: Request) -> Response:
        continue_to, hl = self._query(request)
        return RedirectResponse(
            with_query(REFUSED_PATH, **{"continue": continue_to, "hl": hl}), 303
        )

    async def _rejected(self, request: Request) -> Response:
        continue_to, hl = self._query(request)
        html = refused_page(locale_from(hl), retry=signin_url(continue_to, hl))
        return HTMLResponse(html)

    def routes(self) -> list[Route]:
        """Starlette routes of the sign-in flow."""
        return [
            Route(SIGNIN_PATH, self._identifier, methods=["GET", "POST"]),
            Route(PASSWORD_PATH, self._password, methods=["GET", "POST"]),
            Route(CODE_PATH, self._code, methods=["GET", "POST"]),
            Route(REAUTH_PATH, self._reauth, methods=["GET", "POST"]),
            Route(REFUSED_PATH, self._rejected, methods=["GET"]),
            Route("/signout", self._signout, methods=["GET"]),
        ]

    # --- re-authentication (the reauth variant) ---------------------------------------------
    def needs_reauth(self, request: Request, moment: ReauthMoment = "page") -> bool:
        """Whether this signed-in request's session must answer "Verify it's you" first: at
        its first page, then again at its first save."""
        token = request.cookies.get(SESSION_COOKIE)
        answered = self._verified.get(hashed(token), 0) if token else len(REAUTH_MOMENTS)
        return answered <= REAUTH_MOMENTS.index(moment)

    def forget_reauth(self) -> None:
        """Every session is challenged again (the variant was switched, or the state reset)."""
        self._verified.clear()

    def reset(self) -> None:
        """As a fresh console (`/_sim/reset`): no sign-in under way, every session challenged
        again; signed-in sessions stay (they are the store's)."""
        self._flows.clear()
        self.forget_reauth()

    def reauth_url(self, continue_to: str, hl: str | None) -> str:
        """Where a console page sends a session that must verify it's the user."""
        return with_query(REAUTH_PATH, **{"continue": continue_to, "hl": hl})

    async def _reauth(self, request: Request) -> Response:
        """The password-only challenge: the identity is known, then back to the page."""
        user = self.user_of(request)
        if user is None:
            continue_to, hl = self._query(request)
            return RedirectResponse(signin_url(continue_to, hl), 303)
        if request.method == "POST":
            if await self._refused(request):
                return self._refusal(request)
            password = await self._field(request, "password")
            if hmac.compare_digest(password.encode(), self.credentials.password.encode()):
                if self.expired(request):  # past the hour: a new sign-in, code included
                    return self._start_flow(request, user, "code", CODE_PATH)
                token = hashed(request.cookies.get(SESSION_COOKIE, ""))
                self._verified[token] = self._verified.get(token, 0) + 1
                return RedirectResponse(self._query(request)[0], 303)
            return self._page(request, "password", "signin_wrong_password", user=user, reauth=True)
        return self._page(request, "password", user=user, reauth=True)

    # --- helpers ----------------------------------------------------------------------------
    @staticmethod
    async def _field(request: Request, name: str) -> str:
        body = (await request.body()).decode("utf-8", "replace")
        return parse_qs(body).get(name, [""])[0]

    @staticmethod
    def _query(request: Request) -> tuple[str, str | None]:
        hl = request.query_params.get("hl")
        return safe_continue(request.query_params.get("continue")), hl

    def _page(
        self,
        request: Request,
        step: SignInStep,
        error_key: str | None = None,
        *,
        status: int = 200,
        user: str | None = None,
        reauth: bool = False,
    ) -> HTMLResponse:
        continue_to, hl = self._query(request)
        locale = locale_from(hl)
        flow = self._flow(request)
        action = with_query(request.url.path, **{"continue": continue_to, "hl": hl})
        html = signin_page(
            locale,
            step,
            action=action,
            error=text(locale, error_key) if error_key else None,
            user=user or (flow.user if flow else None),
            reauth=reauth,
        )
        return HTMLResponse(html, status_code=status)

    def _flow(self, request: Request) -> _Flow | None:
        flow_id = request.cookies.get(FLOW_COOKIE)
        return self._flows.get(flow_id) if flow_id else None

    def _next(self, request: Request, path: str) -> RedirectResponse:
        continue_to, hl = self._query(request)
        return RedirectResponse(with_query(path, **{"continue": continue_to, "hl": hl}), 303)

    # --- steps ------------------------------------------------------------------------------
    async def _identifier(self, request: Request) -> Response:
        if request.method == "GET":
            return self._page(request, "identifier")
        identifier = (await self._field(request, "identifier")).strip()
        if identifier.lower() != self.credentials.user.lower():
            return self._page(request, "identifier", "signin_wrong_email")
        if await self._refused(request):  # Google refuses after the email step
            return self._refusal(request)
        return self._start_flow(request, self.credentials.user, "password", PASSWORD_PATH)

    def _start_flow(
        self, request: Request, user: str, stage: Literal["password", "code"], path: str
    ) -> Response:
        flow_id = secrets.token_urlsafe(16)
        self._flows[flow_id] = _Flow(user, stage)
        while len(self._flows) > MAX_FLOWS:
            del self._flows[next(iter(self._flows))]
        response = self._next(request, path)
        response.set_cookie(FLOW_COOKIE, flow_id, httponly=True, samesite="lax", path="/signin")
        return response

    async def _password(self, request: Request) -> Response:
        flow = self._flow(request)
        if flow is None or flow.stage != "password":
            return self._next(request, SIGNIN_PATH)
        if request.method == "GET":
            return self._page(request, "password")
        password = await self._field(request, "password")
        if not hmac.compare_digest(password.encode(), self.credentials.password.encode()):
            return self._page(request, "password", "signin_wrong_password")
        flow.stage = "code"
        return self._next(request, CODE_PATH)

    async def _code(self, request: Request) -> Response:
        flow = self._flow(request)
        if flow is None or flow.stage != "code":
            return self._next(request, SIGNIN_PATH)
        if request.method == "GET":
            return self._page(request, "code")
        if not self.credentials.code_ok(await self._field(request, "code")):
            return self._page(request, "code", "signin_wrong_code")
        flow_id = request.cookies.get(FLOW_COOKIE, "")
        self._flows.pop(flow_id, None)
        token = secrets.token_urlsafe(32)
        self.store.add_session(token, flow.user)
        continue_to, _ = self._query(request)
        response = RedirectResponse(continue_to, 303)
        response.set_cookie(
            SESSION_COOKIE,
            token,
            max_age=COOKIE_MAX_AGE_S,  # persistent: the profile keeps it when the window closes
            httponly=True,
            samesite="lax",
            path="/",
        )
        response.delete_cookie(FLOW_COOKIE, path="/signin")
        return response

    async def _signout(self, request: Request) -> Response:
        hl = request.query_params.get("hl")
        token = request.cookies.get(SESSION_COOKIE)
        if token:
            self.store.end_session(token)
        response = RedirectResponse(signin_url("/ac", hl), 302)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response
