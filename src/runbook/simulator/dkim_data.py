"""The Authenticate email page's data endpoints: the domains, Generate, Start and Stop.

`GET /ac/_data/domains` (and `/domains/{name}`): each domain as the page shows it;
`POST /ac/_data/domains/{name}/dkim` `{selector, key_bits}`: a new real key (refused while
the domain is too early); `POST .../dkim/start`: looks `<selector>._domainkey.<domain>` up
through the simulator's DNS resolver and starts only when one TXT record (its strings joined)
publishes the key shown; `POST .../dkim/stop`. A refused start answers 400 with the console's
message and `reason`: `absent`, `mismatch`, `no_resolver` (shown as absent) or `unreachable`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from runbook.simulator.auth import REAUTH_PATH
from runbook.simulator.dkim import (
    DEFAULT_KEY_BITS,
    DEFAULT_SELECTOR,
    check_key_bits,
    check_selector,
    host_name,
    new_txt_value,
    record_name,
    same_key,
)
from runbook.simulator.dns_lookup import DnsUnavailable, txt_values
from runbook.simulator.i18n import Locale, text
from runbook.simulator.settings_store import NotFound, Stale
from runbook.simulator.validation import Invalid, Json
from runbook.simulator.web import REFUSED, error_answer, json_body, refusal

if TYPE_CHECKING:
    from runbook.simulator.app import Simulator

log = logging.getLogger(__name__)

DATA = "/ac/_data/domains"
DataHandler = Callable[[Request, Locale], Awaitable[Response]]
Wrap = Callable[[DataHandler], Callable[[Request], Awaitable[Response]]]
REFUSALS = {
    "absent": "err_dkim_not_found",
    "no_resolver": "err_dkim_not_found",
    "mismatch": "err_dkim_mismatch",
    "unreachable": "err_dkim_dns_unavailable",
}


def page_view(domain: Json) -> Json:
    """A domain as the page shows it: name, kind, status, and the record when it has a key."""
    dkim = domain["dkim"]
    view: Json = {"name": domain["name"], "kind": domain["kind"], "status": dkim["status"]}
    if dkim["status"] != "no_key":
        view |= {
            "selector": dkim["selector"],
            "key_bits": dkim["key_bits"],
            "host_name": host_name(dkim["selector"]),
            "txt_value": dkim["txt_value"],
        }
    if "active" in dkim:
        view["active_selector"] = dkim["active"]["selector"]
    return view


class DkimEndpoints:
    """The DKIM page's endpoints of one simulator, behind `wrap` (the session check and
    latency of every data endpoint)."""

    def __init__(self, sim: Simulator, wrap: Wrap) -> None:
        self.sim = sim
        self.wrap = wrap

    def routes(self) -> list[BaseRoute]:
        """The endpoints' routes."""
        w = self.wrap
        return [
            Route(DATA, w(self._list), methods=["GET"]),
            Route(f"{DATA}/{{name}}", w(self._one), methods=["GET"]),
            Route(f"{DATA}/{{name}}/dkim", w(self._write(self._generate)), methods=["POST"]),
            Route(f"{DATA}/{{name}}/dkim/start", w(self._write(self._start)), methods=["POST"]),
            Route(f"{DATA}/{{name}}/dkim/stop", w(self._write(self._stop)), methods=["POST"]),
        ]

    async def _list(self, request: Request, locale: Locale) -> Response:
        return JSONResponse({"domains": [page_view(d) for d in self.sim.store.domains()]})

    async def _one(self, request: Request, locale: Locale) -> Response:
        try:
            return JSONResponse(page_view(self.sim.store.domain(request.path_params["name"])))
        except NotFound:
            return error_answer(locale, "err_not_found", 404)

    def _write(self, apply: Callable[[Request, Locale, str], Awaitable[Response]]) -> DataHandler:
        """A DKIM write: re-authentication, injected save failures, the write, lost answers."""

        async def handler(request: Request, locale: Locale) -> Response:
            if self.sim.must_verify(request, "save"):
                return error_answer(locale, "reauth_hint", 401, reauth=REAUTH_PATH)
            failed, message = self.sim.faults.take_save_failure()
            if failed:
                error = message or text(locale, "err_save_failed")
                return JSONResponse({"error": error}, status_code=500)
            try:
                response = await apply(request, locale, request.path_params["name"])
            except REFUSED as exc:
                return refusal(locale, exc)
            if response.status_code != 200:
                return response
            lost, message = self.sim.faults.take_lost_response()
            if lost is not None:  # applied and audited, but the answer never arrives
                error = message or text(locale, "err_save_failed")
                return JSONResponse({"error": error}, status_code=lost)
            return response

        return handler

    async def _generate(self, request: Request, locale: Locale, name: str) -> Response:
        body: Any = await json_body(request)
        if not isinstance(body, dict):
            raise Invalid("err_bad_request", "body", "expected {selector, key_bits}")
        selector = check_selector(body.get("selector", DEFAULT_SELECTOR))
        bits = check_key_bits(body.get("key_bits", DEFAULT_KEY_BITS))
        store = self.sim.store
        store.check_generate(name)  # too early: refused before a key is made
        value = await asyncio.to_thread(new_txt_value, bits)
        return JSONResponse(page_view(store.generate_dkim(name, selector, bits, value)))

    async def _start(self, request: Request, locale: Locale, name: str) -> Response:
        store = self.sim.store
        dkim = store.domain(name)["dkim"]
        if dkim["status"] == "no_key":
            raise Invalid("err_dkim_no_key", "domain")
        if dkim["status"] == "authenticating":
            raise Stale(name)
        record = record_name(dkim["selector"], store.domain(name)["name"])
        reason = await self._published(record, dkim["txt_value"])
        if reason is not None:
            message = text(locale, REFUSALS[reason], record=record)
            return JSONResponse(
                {"error": message, "reason": reason, "record": record}, status_code=400
            )
        return JSONResponse(page_view(store.start_dkim(name, dkim["txt_value"])))

    async def _stop(self, request: Request, locale: Locale, name: str) -> Response:
        return JSONResponse(page_view(self.sim.store.stop_dkim(name)))

    async def _published(self, record: str, txt_value: str) -> str | None:
        """Why DNS does not publish `txt_value` at `record` (a refusal's reason), or None."""
        resolver = self.sim.dns
        if resolver is None:
            log.warning(
                "Start authentication for %s: the simulator has no DNS resolver "
                "(runbook simulator --dns host:port, or PUT /_sim/dns): the record counts as "
                "absent",
                record,
            )
            return "no_resolver"
        try:
            values = await txt_values(resolver, record)
        except DnsUnavailable as exc:
            log.warning("Start authentication for %s: %s", record, exc)
            return "unreachable"
        if not values:
            return "absent"
        return None if any(same_key(v, txt_value) for v in values) else "mismatch"
