"""What the simulator's endpoints read from a request, and their JSON error answer.

A request's language (`hl`), its `/u/N` account prefix, its JSON body and its `If-Match`.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from runbook.simulator.i18n import Locale, locale_from, text
from runbook.simulator.settings_store import NotFound, Stale
from runbook.simulator.state import InUse
from runbook.simulator.validation import Invalid

# What the console answers a write it refuses: a value it rejects, an entry gone, an edit
# based on an older revision, a route a rule still uses.
REFUSED = (Invalid, NotFound, Stale, InUse)

Handler = Callable[[Request], Awaitable[Response]]


class BadBody(Exception):
    """A request body that is not the JSON the endpoint expects."""


def hl_of(request: Request) -> str | None:
    """The console language asked for in the query (`hl`), normalized; None when absent."""
    hl = request.query_params.get("hl")
    return locale_from(hl) if hl else None


def locale_of(request: Request) -> Locale:
    """The language the request shows (`runbook.simulator.i18n.locale_from`)."""
    return locale_from(request.query_params.get("hl"))


def account_prefix(request: Request) -> str:
    """The `/u/N` account prefix of the request, kept on every link."""
    account = request.path_params.get("account")
    return "" if account is None else f"/u/{account}"


def path_and_query(request: Request) -> str:
    """The request's path and query, where a sign-in sends the browser back to."""
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


async def json_body(request: Request) -> Any:
    """The request's JSON body; `BadBody` when it is not JSON."""
    try:
        return json.loads(await request.body())
    except ValueError:
        raise BadBody from None


def error_answer(locale: Locale, key: str, status: int, **extra: Any) -> JSONResponse:
    """The console's error answer: its message (`key`) in the request's language."""
    return JSONResponse({"error": text(locale, key), **extra}, status_code=status)


def refusal(locale: Locale, exc: Exception) -> JSONResponse:
    """The console's answer to a write it refused (one of `REFUSED`)."""
    if isinstance(exc, Invalid):
        message = text(locale, exc.key, **exc.values)
        return JSONResponse(
            {"error": message, "field": exc.field, "detail": exc.detail}, status_code=400
        )
    if isinstance(exc, NotFound):
        return error_answer(locale, "err_not_found", 404)
    if isinstance(exc, Stale):
        return error_answer(locale, "err_stale", 409)
    if isinstance(exc, InUse):
        return error_answer(locale, "err_route_in_use", 409)
    raise exc


def if_match(request: Request) -> int | None:
    """The entry revision a write is based on (`If-Match: "N"`); None when not given."""
    value = request.headers.get("if-match", "").strip()
    if not value or value == "*":
        return None
    value = value.removeprefix("W/").strip('"')
    if not value.isdigit():
        raise BadBody
    return int(value)
