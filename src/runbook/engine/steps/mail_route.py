"""The `mail_route` step: a route under Apps > Google Workspace > Gmail > Hosts."""

from __future__ import annotations

from typing import Any

from runbook.console import HostsPage, RouteDialog
from runbook.engine.diff import diff
from runbook.engine.steps.base import StepType
from runbook.errors import StepFailed
from runbook.names import shown


class MailRouteStep(StepType[HostsPage]):
    """Create, update or remove one mail route, keyed by its name."""

    page_type = HostsPage
    page_name = "hosts"
    noun = "route"
    shown_fields = ("name",)

    def converge(self, hosts: HostsPage, exists: bool) -> None:
        ctx, step, result = self.ctx, self.step, self.result
        name = step.key
        want: dict[str, Any] = step.resource.console_fields()
        if ctx.mode != "drift":
            ctx.planned_routes.add(shown(name))
        if not exists:
            result.action = "create"
            result.changes = diff(None, want)
            if ctx.mode == "drift":
                result.status = "drift"
                result.message = f"route {name!r} is missing from the console"
                return
            ctx.say("Add route", None)
            dialog = self.open_dialog = hosts.open_add()
        else:
            dialog = self.open_dialog = hosts.open_edit(name)
            have = dialog.read()
            result.changes = diff(self.as_shown(have), self.as_shown(want))
            self.check_not_theirs()
            if not result.changes:
                ctx.look_ahead()  # nothing to change here
                self._maybe_test_tls(dialog)
                self.close_dialog(dialog)
                ctx.known_routes.add(shown(name))
                return
            result.action = "update"
            if ctx.mode == "drift":
                self.live_drift(dialog)
                return

        ctx.say(f"Fill the route {name!r}", dialog.name_box)
        dialog.fill(want)
        self._maybe_test_tls(dialog)
        self.finish_dialog(dialog, f"route {name!r}")
        if result.status == "changed":
            self.verify(self.read_back(hosts), want)
            ctx.known_routes.add(shown(name))

    def _maybe_test_tls(self, dialog: RouteDialog) -> None:
        """Press "Test TLS connection" when the runbook asks; a failure stops the step."""
        if not getattr(self.step.resource, "test_tls_connection", False):
            return
        if self.ctx.mode == "drift":
            return
        self.ctx.say("Test TLS connection", dialog.test_tls_button)
        outcome = dialog.test_tls()
        self.result.details["tls_test"] = outcome["result"]
        self.result.details["tls_message"] = outcome["message"]
        if outcome["result"] != "passed":
            self.ctx.checkpoint(self.result, "tls-test", force=True)
            raise StepFailed(
                f"Test TLS connection failed for route {self.step.key!r}: {outcome['message']} "
                "(not saved: a route whose certificate validation fails can bounce mail)"
            )
