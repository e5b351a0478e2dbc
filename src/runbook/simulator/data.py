"""The console's JSON data endpoints (`/ac/_data/...`), behind its pages' scripts.

The lists and entries of each kind, the writes with their injected faults (another admin's
edit, failed saves, lost answers), the Add dialogs' forms, the TLS test, the Routing page's
other settings blocks, the Authenticate email page's (`dkim_data.py`) and the Gmail settings
pages' (`gmail_settings_data.py`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Literal

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from runbook.simulator.auth import REAUTH_PATH, signin_url
from runbook.simulator.dkim_data import DkimEndpoints
from runbook.simulator.document import KINDS
from runbook.simulator.faults import OTHER_ADMIN, ConcurrentEdit
from runbook.simulator.gmail_settings_data import GmailSettingsEndpoints
from runbook.simulator.i18n import Locale, text
from runbook.simulator.org_units import TOP
from runbook.simulator.state import InUse, Kind, NotFound
from runbook.simulator.validation import Invalid, Json
from runbook.simulator.web import (
    REFUSED,
    BadBody,
    Handler,
    error_answer,
    if_match,
    json_body,
    locale_of,
    refusal,
)

if TYPE_CHECKING:
    from runbook.simulator.app import Simulator

TLS_TEST_SECONDS = 0.3
DATA = "/ac/_data"
LATE_DIALOGS_HEADER = "X-Sim-Late-Dialogs"

WriteOp = Literal["create", "update", "delete", "enable"]
LIST_KEY: dict[Kind, str] = {"route": "routes", "rule": "rules", "default": "default_rules"}


class DataEndpoints:
    """The data endpoints of one simulator (its store, faults and sign-in)."""

    def __init__(self, sim: Simulator) -> None:
        self.sim = sim

    def routes(self) -> list[BaseRoute]:
        """Every data endpoint's route."""
        w = self._write
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
        return [
            *data,
            Route(f"{DATA}/rules/{{id}}", w("rule", "enable"), methods=["PATCH"]),
            Route(
                f"{DATA}/{LIST_KEY['default']}/{{id}}", w("default", "enable"), methods=["PATCH"]
            ),
            Route(f"{DATA}/forms/{{kind}}", self._data(self._form), methods=["GET"]),
            Route(f"{DATA}/tls", self._data(self._test_tls), methods=["POST"]),
            *self._settings_routes(),
            *DkimEndpoints(self.sim, self._data).routes(),
            *GmailSettingsEndpoints(self.sim, self._data).routes(),
        ]

    def _data(
        self, handler: Callable[[Request, Locale], Awaitable[Response]], *, counted: bool = True
    ) -> Handler:
        """Session check and latency around one data endpoint.

        `counted=False`: the request does not count towards `expire_session_after` (the other
        settings blocks of the Routing page, so that a page load counts as it always did).
        """

        async def wrapped(request: Request) -> Response:
            locale = locale_of(request)
            if counted:
                ok, _ = self.sim.signed_in(request)
            else:
                ok = not self.sim.auth or self.sim.signin.user_of(request) is not None
            if self.sim.auth and self.sim.signin.expired(request):
                # past the hour: as a page would, the console asks to verify it's you first
                return error_answer(locale, "err_signin_required", 401, reauth=REAUTH_PATH)
            if not ok:
                signin = signin_url("/ac", request.query_params.get("hl"))
                return error_answer(locale, "err_signin_required", 401, signin=signin)
            await asyncio.sleep(self.sim.faults.latency())
            try:
                response = await handler(request, locale)
            except BadBody:
                response = error_answer(locale, "err_bad_request", 400)
            # The page learns with every answer whether its dialogs should load late.
            response.headers[LATE_DIALOGS_HEADER] = "1" if self.sim.faults.late_dialogs else "0"
            return response

        return wrapped

    def _write(self, kind: Kind, op: WriteOp) -> Handler:
        """A console write: the other admin's, injected failures, the store, lost responses."""

        async def handler(request: Request, locale: Locale) -> Response:
            if self.sim.must_verify(request, "save"):  # nothing applied: the page goes to verify
                return error_answer(locale, "reauth_hint", 401, reauth=REAUTH_PATH)
            entry_id: str | None = request.path_params.get("id")
            payload = None if op == "delete" else await json_body(request)
            revision = if_match(request)
            raced = self._concurrent_edit(kind, op, entry_id, payload)
            if raced is not None:
                return error_answer(locale, raced, 404 if raced == "err_not_found" else 409)
            failed, message = self.sim.faults.take_save_failure()
            if failed:
                return JSONResponse(
                    {"error": message or text(locale, "err_save_failed")}, status_code=500
                )
            unit = request.query_params.get("ou")
            try:
                result = self._apply(kind, op, entry_id, payload, revision=revision, unit=unit)
            except REFUSED as exc:
                return refusal(locale, exc)
            lost, message = self.sim.faults.take_lost_response()
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
        store = self.sim.store
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
            name = self.sim.store.name_of(kind, entry_id) if entry_id is not None else None
            unit = self.sim.store.unit_of(kind, entry_id) if entry_id is not None else None
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

        edit = self.sim.faults.take_concurrent_edit(targets)
        if edit is None:
            return None
        found = self.sim.store.find(kind, edit.name, unit)
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
            return error_answer(locale, "err_bad_request", 400)
        if offset is not None:
            await asyncio.sleep(self.sim.faults.rows_delay())
        try:
            entries = self._entries(kind, request.query_params.get("ou", "/"))
        except NotFound:
            return error_answer(locale, "err_not_found", 404)
        if offset is not None:
            return JSONResponse({key: entries[int(offset) :]})
        if not self.sim.faults.late_rows or not entries:
            return JSONResponse({key: entries})
        shown = len(entries) // 2
        return JSONResponse({key: entries[:shown], "next": shown, "total": len(entries)})

    def _entries(self, kind: Kind, unit: str | None = None) -> list[Json]:
        return self.sim.store.entries(kind, unit)

    def _one(self, kind: Kind, entry_id: str) -> Json:
        return self.sim.store.entry(kind, entry_id)

    async def _entry(self, request: Request, locale: Locale, kind: Kind) -> Response:
        """One entry for an Edit dialog, with its revision (late when dialogs are late)."""
        await asyncio.sleep(self.sim.faults.dialog_delay())
        entry_id = request.path_params["id"]
        try:
            entry = self._one(kind, entry_id)
        except NotFound:
            return error_answer(locale, "err_not_found", 404)
        return JSONResponse(entry)

    async def _form(self, request: Request, locale: Locale) -> Response:
        """What an Add dialog loads before showing its fields (late when dialogs are late)."""
        if request.path_params["kind"] not in (*KINDS, "setting", "dkim"):
            return error_answer(locale, "err_bad_request", 404)
        await asyncio.sleep(self.sim.faults.dialog_delay())
        return JSONResponse({"ok": True})

    async def _test_tls(self, request: Request, locale: Locale) -> Response:
        payload = await json_body(request)
        hosts = payload.get("hosts") if isinstance(payload, dict) else None
        if not isinstance(hosts, list) or not all(isinstance(h, str) for h in hosts):
            return error_answer(locale, "err_bad_request", 400)
        await asyncio.sleep(TLS_TEST_SECONDS)
        return JSONResponse({"results": {h: self.sim.tls.get(h.strip(), "pass") for h in hosts}})

    def _reads(self, kind: Kind) -> tuple[Handler, Handler]:
        async def listing(request: Request, locale: Locale) -> Response:
            return await self._list(request, locale, kind)

        async def entry(request: Request, locale: Locale) -> Response:
            return await self._entry(request, locale, kind)

        return self._data(listing), self._data(entry)

    # --- the Routing page's other settings blocks (simple entries, no injected faults) -------
    def _settings_routes(self) -> list[BaseRoute]:
        store = self.sim.store

        async def handle(request: Request, locale: Locale) -> Response:
            block: str = request.path_params["block"]
            entry_id: str | None = request.path_params.get("id")
            method = request.method
            try:
                if method == "GET" and entry_id is None:
                    return JSONResponse({"settings": store.settings(block)})
                if method == "GET" and entry_id is not None:
                    await asyncio.sleep(self.sim.faults.dialog_delay())
                    return JSONResponse(store.setting(block, entry_id))
                if method == "POST":
                    return JSONResponse(store.create_setting(block, await json_body(request)))
                assert entry_id is not None
                revision = if_match(request)
                if method == "PUT":
                    payload = await json_body(request)
                    return JSONResponse(
                        store.update_setting(block, entry_id, payload, revision=revision)
                    )
                store.delete_setting(block, entry_id, revision=revision)
                return JSONResponse({"ok": True})
            except REFUSED as exc:
                return refusal(locale, exc)

        path = f"{DATA}/settings/{{block}}"
        return [
            Route(path, self._data(handle, counted=False), methods=["GET", "POST"]),
            Route(
                f"{path}/{{id}}",
                self._data(handle, counted=False),
                methods=["GET", "PUT", "DELETE"],
            ),
        ]
