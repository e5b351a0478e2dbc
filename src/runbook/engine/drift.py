"""Drift-only work: acknowledged differences (`drift.ignore`) and unmanaged entries."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from runbook.engine.context import RunContext
from runbook.engine.registry import STEP_TYPES
from runbook.file import Runbook
from runbook.file.placement import Placement, org_unit_of, parents_of
from runbook.names import placed, shown
from runbook.results import RunResult, StepResult


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


def _depth(unit: str) -> int:
    return len(parents_of(unit))


def find_unmanaged(ctx: RunContext, book: Runbook) -> dict[str, list[str]]:
    """Per kind (under its `unmanaged_key`), the console's entries that no step of it names.

    Only the OUs the runbook names are read (the run's, and those of its steps); an entry
    below the top is named with its OU ("Sales mail (in /Sales)"). An entry is named by a step
    of its kind, OU, key *and* inheritance: a step about the inherited "X" does not name an
    OU's own "X". An inherited row is its parent's entry: listed where that parent is read,
    else in the OU that shows it ("X (inherited in /Sales)"), unless a step at an OU above
    names it.
    """
    top = book.console.org_unit
    named = {
        (
            s.kind,
            org_unit_of(s.resource, top),
            bool(getattr(s.resource, "inherited", False)),
            shown(s.key),
        )
        for s in book.steps
    }
    unmanaged: dict[str, list[str]] = {}
    for kind, cls in STEP_TYPES.items():
        if not cls.unmanaged_key:  # no list of its entries (a `form`)
            continue
        per_ou = issubclass(cls.info.model, Placement)
        units = [org_unit_of(s.resource, top) or top for s in book.steps if s.kind == kind]
        read = sorted(dict.fromkeys(units if per_ou and units else [top]), key=_depth)
        own: dict[str | None, list[str]] = {}
        found: list[str] = []
        for unit in read:
            ctx.shell.open(cls.page_name, unit, reuse=True)  # nothing was written: as it shows
            where = unit if per_ou else None
            page = ctx.list_page(cls.page_type)
            own[where] = page.names()
            found += [placed(n, where) for n in own[where] if (kind, where, False, n) not in named]
            if where in (None, "/"):
                continue
            for name in page.inherited_names():
                above = parents_of(where)
                if (kind, where, True, name) in named or any(
                    (a in read and name in own.get(a, [])) or (kind, a, False, name) in named
                    for a in above
                ):
                    continue
                found.append(f"{name} (inherited in {where})")
        unmanaged[cls.unmanaged_key] = found
    return unmanaged
