"""Step types by the kind that names them in a runbook: one entry per type.

To add a kind: register it in `runbook.file.kinds` (its page and noun come from there), write
its step module under `steps/` (a `StepType` with `kind`, `page_type`, `unmanaged_key` and its
`plan`), and list its class in `_registered(...)` below.
"""

from __future__ import annotations

from typing import Any

from runbook.console import PAGES
from runbook.engine.steps.base import StepType
from runbook.engine.steps.default_routing import DefaultRoutingStep
from runbook.engine.steps.mail_route import MailRouteStep
from runbook.engine.steps.routing_rule import RoutingRuleStep

AnyStepType = type[StepType[Any, Any]]


def _registered(*types: AnyStepType) -> dict[str, AnyStepType]:
    """The step types by kind; a page the console shell cannot open fails at import."""
    for cls in types:
        if cls.page_name not in PAGES or cls.page_type.info.name != cls.page_name:
            raise LookupError(
                f"step type {cls.__name__} works on page {cls.page_name!r}, which no "
                f"registered page object lists (pages: {', '.join(PAGES)})"
            )
    return {cls.kind: cls for cls in types}


STEP_TYPES: dict[str, AnyStepType] = _registered(MailRouteStep, RoutingRuleStep, DefaultRoutingStep)


def step_type(kind: str) -> AnyStepType:
    """The class that carries out steps of this kind; an unknown kind fails loudly."""
    try:
        return STEP_TYPES[kind]
    except KeyError:
        raise LookupError(
            f"no step type for kind {kind!r} (registered: {', '.join(STEP_TYPES)})"
        ) from None
