"""The Gmail settings pages' data endpoints: an OU's sections, a section saved, a section inherited.

`GET /ac/_data/gmail/{page}?ou=/Sales`: `{"page", "org_unit", "sections": [{key, status
(local | inherited | overridden), values, inherited_from?}]}` (late under `late_rows_ms`: the
page's content loads late); `PUT /ac/_data/gmail/{page}/{section}?ou=...` `{field: value}`: the
section saved there (a child OU then overrides it; fields left out keep their values);
`POST .../{section}/inherit?ou=...`: a child OU's section back to its parent's values. Writes
go through "Verify it's you" (reauth variant), injected save failures and lost answers; a
refused value answers 400 with the console's message (`web.refusal`), an unknown page, section
or OU 404. Without `ou`, the top OU.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from runbook.simulator.auth import REAUTH_PATH
from runbook.simulator.i18n import Locale, text
from runbook.simulator.org_units import TOP
from runbook.simulator.validation import Invalid
from runbook.simulator.web import REFUSED, error_answer, json_body, refusal

if TYPE_CHECKING:
    from runbook.simulator.app import Simulator

DATA = "/ac/_data/gmail"
DataHandler = Callable[[Request, Locale], Awaitable[Response]]
Wrap = Callable[[DataHandler], Callable[[Request], Awaitable[Response]]]


def _unit(request: Request) -> str:
    return request.query_params.get("ou") or TOP


class GmailSettingsEndpoints:
    """The settings pages' endpoints of one simulator, behind `wrap` (the session check and
    latency of every data endpoint)."""

    def __init__(self, sim: Simulator, wrap: Wrap) -> None:
        self.sim = sim
        self.wrap = wrap

    def routes(self) -> list[BaseRoute]:
        """The endpoints' routes."""
        w = self.wrap
        return [
            Route(f"{DATA}/{{page}}", w(self._read), methods=["GET"]),
            Route(f"{DATA}/{{page}}/{{section}}", w(self._write(self._save)), methods=["PUT"]),
            Route(
                f"{DATA}/{{page}}/{{section}}/inherit",
                w(self._write(self._inherit)),
                methods=["POST"],
            ),
        ]

    async def _read(self, request: Request, locale: Locale) -> Response:
        await asyncio.sleep(self.sim.faults.rows_delay())
        page, unit = request.path_params["page"], _unit(request)
        try:
            sections = self.sim.store.page_sections(page, unit)
        except REFUSED as exc:
            return refusal(locale, exc)
        return JSONResponse({"page": page, "org_unit": unit, "sections": sections})

    def _write(self, apply: Callable[[Request, str, str, str], Awaitable[Any]]) -> DataHandler:
        """A settings write: re-authentication, injected save failures, the write, lost answers."""

        async def handler(request: Request, locale: Locale) -> Response:
            if self.sim.must_verify(request, "save"):
                return error_answer(locale, "reauth_hint", 401, reauth=REAUTH_PATH)
            failed, message = self.sim.faults.take_save_failure()
            if failed:
                error = message or text(locale, "err_save_failed")
                return JSONResponse({"error": error}, status_code=500)
            page, section = request.path_params["page"], request.path_params["section"]
            try:
                result = await apply(request, page, section, _unit(request))
            except REFUSED as exc:
                return refusal(locale, exc)
            lost, message = self.sim.faults.take_lost_response()
            if lost is not None:  # applied and audited, but the answer never arrives
                error = message or text(locale, "err_save_failed")
                return JSONResponse({"error": error}, status_code=lost)
            return JSONResponse(result)

        return handler

    async def _save(self, request: Request, page: str, section: str, unit: str) -> Any:
        body: Any = await json_body(request)
        if not isinstance(body, dict):
            raise Invalid("err_bad_request", "body", "expected {field: value, ...}")
        return self.sim.store.save_section(page, section, unit, body)

    async def _inherit(self, request: Request, page: str, section: str, unit: str) -> Any:
        return self.sim.store.inherit_section(page, section, unit)
