"""Drift-only work: acknowledged differences (`drift.ignore`) and unmanaged entries."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from runbook.console import HostsPage, RoutingPage
from runbook.engine.context import RunContext
from runbook.names import shown
from runbook.results import RunResult, StepResult
from runbook.spec import Runbook


def _matches(step: StepResult, names: Iterable[str]) -> bool:
    return step.name in names or step.resource in names


def apply_ignores(result: RunResult, book: Runbook, today: date | None = None) -> None:
    """Mark acknowledged differences; a step whose every difference is acknowledged is ok.

    An entry past its `until` date no longer applies: its difference counts again.
    """
    today = today or date.today()
    for step in result.steps:
        if step.status != "drift":
            continue
        for change in step.changes:
            for rule in book.drift.ignore:
                expired = rule.until is not None and rule.until < today
                field_ok = change.field == rule.field or change.field.startswith(f"{rule.field}.")
                if _matches(step, [rule.step]) and field_ok and not expired:
                    change.ignored = rule.reason or "acknowledged"
                    break
        if step.changes and all(c.ignored for c in step.changes):
            step.status = "ok"
            step.message = "drift acknowledged: " + "; ".join(
                sorted({c.ignored or "" for c in step.changes})
            )


def find_unmanaged(ctx: RunContext, book: Runbook) -> dict[str, list[str]]:
    """Routes and rules in the console that no step of the runbook names."""
    named = {shown(step.key) for step in book.steps}
    ctx.shell.open("hosts")
    hosts = HostsPage(ctx.page, ctx.labels, ctx.guard)
    routes = [n for n in hosts.names() if n not in named]
    ctx.shell.open("routing")
    routing = RoutingPage(ctx.page, ctx.labels, ctx.guard)
    rules = [n for n in routing.names() if n not in named]
    return {"routes": routes, "routing_rules": rules}
