"""The `default_routing` step: a setting under Apps > Google Workspace > Gmail > Default routing.

Like a routing rule, a setting has an on/off switch on its row, outside its dialog, and the
Add setting dialog creates it on: a setting wanted off is switched off right after.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, NoReturn

from runbook.console.pages.default_routing import DefaultRoutingPage, DefaultRuleDialog
from runbook.engine.diff import diff
from runbook.engine.plan import Plan, convergence, removal
from runbook.engine.steps.base import StepType, backoff
from runbook.errors import (
    ConcurrentChange,
    RunbookError,
    SaveNotConfirmed,
    SaveRejected,
    StepFailed,
)
from runbook.names import shown
from runbook.spec import Step


class DefaultRoutingStep(StepType[DefaultRoutingPage, DefaultRuleDialog]):
    """Create, update or remove one Default routing setting, keyed by its description."""

    kind = "default_routing"
    page_type = DefaultRoutingPage
    unmanaged_key = "default_routing_rules"
    shown_fields = ("description", "change_route")
    create_leaves = frozenset({"enabled"})  # the Add setting dialog creates settings on
    route_kind = "mail_route"  # the kind whose entries `change_route` names

    @classmethod
    def plan(cls, step: Step, have: Mapping[str, Any] | None) -> Plan:
        """As every step, and the setting's switch, which is on the list, not in the dialog.

        A create is on (the Add dialog cannot make it off): a setting wanted off is switched
        off right after; an update whose only change is the switch flips it alone.
        """
        if step.state == "absent":
            return removal(cls.noun, have)
        fill = step.resource.console_fields()
        enabled = bool(fill.pop("enabled", True))
        plan = convergence(have, {**fill, "enabled": enabled}, cls.shown_fields)
        have_enabled = True if have is None else have.get("enabled")
        return replace(
            plan,
            fill=fill,
            switch=None if have_enabled == enabled else enabled,
            switch_only=plan.action == "update" and all(c.field == "enabled" for c in plan.changes),
        )

    def read_entry(self, page: DefaultRoutingPage) -> dict[str, Any]:
        enabled = page.is_enabled(self.step.key)
        return {**super().read_entry(page), "enabled": enabled}

    def read_saved(self, page: DefaultRoutingPage) -> dict[str, Any]:
        have = self.read_back(page)
        return {**have, "enabled": page.is_enabled(self.step.key)}

    def open_add(self, page: DefaultRoutingPage) -> DefaultRuleDialog:
        self.ctx.say("Add a Default routing setting")
        return page.open_add()

    def open_edit(self, page: DefaultRoutingPage) -> DefaultRuleDialog:
        return page.open_edit(self.step.key)

    def fill_dialog(self, dialog: DefaultRuleDialog, plan: Plan, *, rehearsal: bool) -> None:
        """Fill the setting; its route must be listed (or, in a dry run, made by a step before)."""
        ctx, fill = self.ctx, dict(plan.fill)
        route = fill.get("change_route")
        known = route is None or shown(route) in ctx.known[self.route_kind]
        if route is not None and not known and shown(route) not in dialog.route_names():
            if not (rehearsal and shown(route) in ctx.planned[self.route_kind]):
                raise StepFailed(
                    f"route {route!r} is not in the console's Hosts list; "
                    "add it first (a mail_route step before this one)"
                )
            fill["change_route"] = None
            self.result.details["note"] = (
                f"route {route!r} is created by an earlier step; "
                "this dry run could not choose it yet"
            )
        ctx.say(f"Fill the setting {self.step.key!r}", dialog.description_box)
        dialog.fill(fill)

    def after_save(self, page: DefaultRoutingPage, plan: Plan) -> DefaultRoutingPage:
        """The switch, which the dialog does not hold: a create wanted off is switched off."""
        if plan.disable_after_create:
            return self._disable_created(page)
        if plan.switch is not None:
            self._switch(page, plan.switch)
        return page

    def flip(self, page: DefaultRoutingPage, plan: Plan) -> None:
        """Only the switch differs: flip it; our create whose answer was lost is switched off."""
        first, enabled = self.first_attempt, bool(plan.switch)
        if first is None or first.action != "create" or enabled:
            self._switch(page, enabled)
            return
        self._disable_created(page)
        self.result.action, self.result.changes = "create", first.changes
        self.result.message = "created by an earlier attempt whose answer was lost, then disabled"

    def _disable_created(self, page: DefaultRoutingPage) -> DefaultRoutingPage:
        """Switch off the setting just created (retried; removed again if it cannot be)."""
        failure: StepFailed | None = None
        for attempt in range(self.ctx.retries + 1):
            if attempt:
                backoff(attempt)
            try:
                self._switch(page, False)
                return page
            except SaveNotConfirmed as exc:
                failure = exc
                page = self._reopen()
                if not page.is_enabled(self.step.key):
                    return page  # the switch went through; its answer was lost
            except (SaveRejected, ConcurrentChange) as exc:
                failure = exc
                break
        assert failure is not None
        self._undo_create(failure)

    def _undo_create(self, failure: StepFailed) -> NoReturn:
        """Delete the setting this run created but could not switch off; fail saying so."""
        key, result = self.step.key, self.result
        live = diff(None, {**self.step.resource.console_fields(), "enabled": True})
        try:
            self.ctx.say(f"Delete the setting {key!r}: it could not be switched off")
            self._reopen().delete(key)
        except RunbookError as exc:
            result.changes = live
            result.details["left_enabled"] = True
            raise StepFailed(
                f"SETTING CREATED AND STILL ENABLED: Default routing setting {key!r} was "
                f"created, but disabling it failed ({failure}) and deleting it failed too "
                f"({exc}). Disable or delete it in the console now."
            ) from exc
        result.changes = []
        result.details["removed_after_failed_disable"] = True
        raise StepFailed(
            f"setting {key!r} was created but could not be disabled ({failure}); it was "
            "deleted again, so the console is as before"
        ) from failure

    def _reopen(self) -> DefaultRoutingPage:
        """The Default routing page, loaded afresh."""
        self.ctx.shell.open(self.page_name)
        return self.ctx.list_page(DefaultRoutingPage)

    def _switch(self, page: DefaultRoutingPage, enabled: bool) -> None:
        self.ctx.say("Turn the setting on" if enabled else "Turn the setting off")
        self.save_sent = True
        page.set_enabled(self.step.key, enabled)
        self.result.status = "changed"
