"""The simulator's test API (`/_sim/...`): what tests set up and read back between steps.

Its state, audit, reset, clock, sign-in progress, fault injection, variants, TLS results,
renamed controls, the languages asked for that it lacks, the organization's domains (with their
DKIM state) and the DNS resolver that Start authentication asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from runbook.simulator.dns_lookup import Resolver, ResolverError
from runbook.simulator.faults import FaultError
from runbook.simulator.renames import RenameError
from runbook.simulator.validation import Invalid
from runbook.simulator.variants import VariantError
from runbook.simulator.web import BadBody, json_body

if TYPE_CHECKING:
    from runbook.simulator.app import Simulator


class SimApi:
    """The test API of one simulator: tests set it up and read it back between steps."""

    def __init__(self, sim: Simulator) -> None:
        self.sim = sim

    async def state(self, request: Request) -> Response:
        if request.method == "PUT":
            try:
                self.sim.store.replace(await json_body(request))
            except BadBody:
                return JSONResponse({"error": "body is not JSON"}, status_code=400)
            except Invalid as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse(self.sim.store.document())

    async def audit(self, request: Request) -> Response:
        return JSONResponse(self.sim.store.audit())

    async def reset(self, request: Request) -> Response:
        self.sim.store.reset()
        self.sim.store.clock.reset()
        self.sim.faults.reset()
        self.sim.variants.reset()
        self.sim.signin.reset()
        self.sim.tls = {}
        self.sim.renames.reset()
        self.sim.languages.reset()
        self.sim.dns = self.sim.dns_given
        return JSONResponse({"ok": True})

    async def clock(self, request: Request) -> Response:
        if request.method == "POST":
            try:
                doc = await json_body(request)
                if not isinstance(doc, dict) or set(doc) != {"advance_s"}:
                    raise ValueError('expected {"advance_s": N}')
                seconds = doc["advance_s"]
                if isinstance(seconds, bool) or not isinstance(seconds, int | float):
                    raise ValueError("advance_s: expected a number of seconds")
                self.sim.store.clock.advance(float(seconds))
            except BadBody:
                return JSONResponse({"error": "body is not JSON"}, status_code=400)
            except ValueError as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse(self.sim.store.clock.as_dict())

    async def signin(self, request: Request) -> Response:
        return JSONResponse(self.sim.signin.progress())

    async def faults(self, request: Request) -> Response:
        if request.method == "POST":
            try:
                self.sim.faults.update(await json_body(request))
            except (BadBody, FaultError) as exc:
                return JSONResponse({"error": str(exc) or "body is not JSON"}, status_code=400)
        return JSONResponse(self.sim.faults.settings.as_dict())

    async def variants(self, request: Request) -> Response:
        if request.method == "PUT":
            try:
                self.sim.variants.set(await json_body(request))
                self.sim.signin.forget_reauth()
            except (BadBody, VariantError) as exc:
                return JSONResponse({"error": str(exc) or "body is not JSON"}, status_code=400)
        return JSONResponse(self.sim.variants.as_dict())

    async def tls(self, request: Request) -> Response:
        if request.method == "PUT":
            try:
                doc = await json_body(request)
            except BadBody:
                doc = None
            if not isinstance(doc, dict) or not all(v in ("pass", "fail") for v in doc.values()):
                return JSONResponse(
                    {"error": 'expected {"<host>": "pass" | "fail", ...}'}, status_code=400
                )
            self.sim.tls = {str(k).strip(): v for k, v in doc.items()}
        return JSONResponse(self.sim.tls)

    async def labels(self, request: Request) -> Response:
        if request.method == "PUT":
            try:
                self.sim.renames.update(await json_body(request))
            except (BadBody, RenameError) as exc:
                return JSONResponse({"error": str(exc) or "body is not JSON"}, status_code=400)
        return JSONResponse(self.sim.renames.by_locale)

    async def domains(self, request: Request) -> Response:
        """The `domains` of the state alone (`PUT`: replace them, the rest of the state kept)."""
        if request.method == "PUT":
            try:
                self.sim.store.replace_domains(await json_body(request))
            except BadBody:
                return JSONResponse({"error": "body is not JSON"}, status_code=400)
            except Invalid as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse(self.sim.store.domains())

    async def dns(self, request: Request) -> Response:
        """`{"resolver": "host:port" | null}`: where Start authentication looks records up."""
        if request.method == "PUT":
            try:
                doc = await json_body(request)
                if not isinstance(doc, dict) or set(doc) != {"resolver"}:
                    raise ResolverError('expected {"resolver": "host:port" | null}')
                given = doc["resolver"]
                if given is not None and not isinstance(given, str):
                    raise ResolverError('expected {"resolver": "host:port" | null}')
                self.sim.dns = None if given is None else Resolver.parse(given)
            except BadBody:
                return JSONResponse({"error": "body is not JSON"}, status_code=400)
            except ResolverError as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
        resolver = self.sim.dns
        return JSONResponse({"resolver": None if resolver is None else str(resolver)})

    async def locales(self, request: Request) -> Response:
        return JSONResponse(self.sim.languages.as_dict())

    def routes(self) -> list[BaseRoute]:
        """The test API's routes."""
        return [
            Route("/_sim/state", self.state, methods=["GET", "PUT"]),
            Route("/_sim/audit", self.audit, methods=["GET"]),
            Route("/_sim/reset", self.reset, methods=["POST"]),
            Route("/_sim/faults", self.faults, methods=["GET", "POST"]),
            Route("/_sim/tls", self.tls, methods=["GET", "PUT"]),
            Route("/_sim/labels", self.labels, methods=["GET", "PUT"]),
            Route("/_sim/locales", self.locales, methods=["GET"]),
            Route("/_sim/variants", self.variants, methods=["GET", "PUT"]),
            Route("/_sim/clock", self.clock, methods=["GET", "POST"]),
            Route("/_sim/signin", self.signin, methods=["GET"]),
            Route("/_sim/domains", self.domains, methods=["GET", "PUT"]),
            Route("/_sim/dns", self.dns, methods=["GET", "PUT"]),
        ]
