"""The `routing_rule` step: a rule in the Routing section of Gmail > Routing."""

from __future__ import annotations

from typing import Any, NoReturn

from runbook.console import RoutingPage
from runbook.engine.diff import diff
from runbook.engine.steps.base import StepType, backoff
from runbook.errors import (
    ConcurrentChange,
    RunbookError,
    SaveNotConfirmed,
    SaveRejected,
    StepFailed,
)
from runbook.names import shown


class RoutingRuleStep(StepType[RoutingPage]):
    """Create, update or remove one routing rule, keyed by its description."""

    page_type = RoutingPage
    page_name = "routing"
    noun = "rule"
    shown_fields = ("description", "change_route")
    create_leaves = frozenset({"enabled"})  # the Add setting dialog creates rules enabled

    def converge(self, routing: RoutingPage, exists: bool) -> None:
        ctx, step, result = self.ctx, self.step, self.result
        description = step.key
        want: dict[str, Any] = step.resource.console_fields()
        want_enabled = bool(want.pop("enabled", True))
        if not exists:
            result.action = "create"
            result.changes = diff(None, {**want, "enabled": want_enabled})
            if ctx.mode == "drift":
                result.status = "drift"
                result.message = f"rule {description!r} is missing from the console"
                return
            ctx.say("Add a routing setting")
            dialog = self.open_dialog = routing.open_add()
            have_enabled = True
        else:
            have_enabled = routing.is_enabled(description)
            dialog = self.open_dialog = routing.open_edit(description)
            have = dialog.read()
            result.changes = diff(
                self.as_shown({**have, "enabled": have_enabled}),
                self.as_shown({**want, "enabled": want_enabled}),
            )
            self.check_not_theirs()
            if not result.changes:
                ctx.look_ahead()  # nothing to change here
                self.close_dialog(dialog)
                return
            result.action = "update"
            if ctx.mode == "drift":
                self.live_drift(dialog)
                return
            if all(c.field == "enabled" for c in result.changes):
                self.close_dialog(dialog)
                self._finish_switch(routing, want_enabled)
                return

        fill = dict(want)
        route = want.get("change_route")
        known = route is None or shown(route) in ctx.known_routes
        if route is not None and not known and shown(route) not in dialog.route_names():
            if not (ctx.read_only and shown(route) in ctx.planned_routes):
                raise StepFailed(
                    f"route {route!r} is not in the console's Hosts list; "
                    "add it first (a mail_route step before this one)"
                )
            fill["change_route"] = None
            result.details["note"] = (
                f"route {route!r} is created by an earlier step; "
                "this dry run could not choose it yet"
            )
        ctx.say(f"Fill the setting {description!r}", dialog.description_box)
        dialog.fill(fill)
        self.finish_dialog(dialog, f"rule {description!r}")
        if result.status != "changed":
            return
        if result.action == "create" and not want_enabled:
            routing = self._disable_created(routing)
        elif have_enabled != want_enabled:
            self._switch(routing, want_enabled)
        have = self.read_back(routing)
        self.verify(
            {**have, "enabled": routing.is_enabled(description)}, {**want, "enabled": want_enabled}
        )

    def _finish_switch(self, routing: RoutingPage, want_enabled: bool) -> None:
        """Only the switch differs: flip it; our create whose answer was lost is disabled."""
        first = self.first_attempt
        if first is None or first.action != "create" or want_enabled:
            self._switch(routing, want_enabled)
            return
        self._disable_created(routing)  # created live by an earlier attempt: never left so
        self.result.action, self.result.changes = "create", first.changes
        self.result.message = "created by an earlier attempt whose answer was lost, then disabled"

    def _disable_created(self, routing: RoutingPage) -> RoutingPage:
        """Disable the rule just created live (the Add dialog cannot create it disabled).

        A transient failure is retried, after checking whether the switch went through; if
        the rule still cannot be disabled it is removed again, so no live rule is left that
        the runbook wants off. The page the step goes on with is returned.
        """
        failure: StepFailed | None = None
        for attempt in range(self.ctx.retries + 1):
            if attempt:
                backoff(attempt)
            try:
                self._switch(routing, False)
                return routing
            except SaveNotConfirmed as exc:
                failure = exc
                routing = self._reopen()
                if not routing.is_enabled(self.step.key):
                    return routing  # the switch went through; its answer was lost
            except (SaveRejected, ConcurrentChange) as exc:
                failure = exc
                break
        assert failure is not None
        self._undo_create(failure)

    def _undo_create(self, failure: StepFailed) -> NoReturn:
        """Delete the rule this run created but could not disable; fail the step saying so."""
        key, result = self.step.key, self.result
        live = diff(None, {**self.step.resource.console_fields(), "enabled": True})
        try:
            self.ctx.say(f"Delete the rule {key!r}: it could not be disabled")
            self._reopen().delete(key)
        except RunbookError as exc:
            result.changes = live
            result.details["left_enabled"] = True
            raise StepFailed(
                f"RULE CREATED AND STILL ENABLED: rule {key!r} was created, but disabling it "
                f"failed ({failure}) and deleting it failed too ({exc}). Disable or delete it "
                "in the console now."
            ) from exc
        result.changes = []
        result.details["removed_after_failed_disable"] = True
        raise StepFailed(
            f"rule {key!r} was created but could not be disabled ({failure}); it was deleted "
            "again, so the console is as before"
        ) from failure

    def _reopen(self) -> RoutingPage:
        """The Routing page, loaded afresh."""
        self.ctx.shell.open(self.page_name)
        return RoutingPage(self.ctx.page, self.ctx.labels, self.ctx.guard)

    def _switch(self, routing: RoutingPage, enabled: bool) -> None:
        if self.ctx.read_only:
            self.result.status = "would_change"
            return
        self.ctx.say("Enable the rule" if enabled else "Disable the rule")
        self.save_sent = True
        routing.set_enabled(self.step.key, enabled)
        self.result.status = "changed"
