"""Drift-only work: acknowledged differences (`drift.ignore`) and unmanaged entries."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from runbook.engine.context import RunContext
from runbook.engine.registry import STEP_TYPES
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
    """Per kind (under its `unmanaged_key`), the console's entries that no step of it names."""
    named = {(step.kind, shown(step.key)) for step in book.steps}
    unmanaged: dict[str, list[str]] = {}
    for kind, cls in STEP_TYPES.items():
        ctx.shell.open(cls.page_name)
        page = ctx.list_page(cls.page_type)
        unmanaged[cls.unmanaged_key] = [n for n in page.names() if (kind, n) not in named]
    return unmanaged
