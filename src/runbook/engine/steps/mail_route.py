"""The `mail_route` step: a route under Apps > Google Workspace > Gmail > Hosts."""

from __future__ import annotations

from runbook.console.pages.hosts import HostsPage, RouteDialog
from runbook.engine.plan import Plan
from runbook.engine.steps.base import StepType
from runbook.errors import StepFailed


class MailRouteStep(StepType[HostsPage, RouteDialog]):
    """Create, update or remove one mail route, keyed by its name."""

    kind = "mail_route"
    page_type = HostsPage
    unmanaged_key = "routes"
    shown_fields = ("name",)

    def open_add(self, hosts: HostsPage) -> RouteDialog:
        self.ctx.say("Add route", None)
        return hosts.open_add()

    def open_edit(self, hosts: HostsPage) -> RouteDialog:
        return hosts.open_edit(self.step.key)

    def fill_dialog(self, dialog: RouteDialog, plan: Plan, *, rehearsal: bool) -> None:
        self.ctx.say(f"Fill the route {self.step.key!r}", dialog.name_box)
        dialog.fill(plan.fill)
        self.check(dialog)

    def check(self, dialog: RouteDialog) -> None:
        """Press "Test TLS connection" when the runbook asks; a failure stops the step."""
        if not getattr(self.step.resource, "test_tls_connection", False):
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


STEP_TYPE = MailRouteStep  # found by the kinds registry: runbook.file.kinds
