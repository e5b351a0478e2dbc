"""Step types by the key that names them in a runbook: one entry per type."""

from __future__ import annotations

from runbook.engine.steps.base import StepType
from runbook.engine.steps.mail_route import MailRouteStep
from runbook.engine.steps.routing_rule import RoutingRuleStep

STEP_TYPES: dict[str, type[StepType]] = {
    "mail_route": MailRouteStep,
    "routing_rule": RoutingRuleStep,
}


def step_type(kind: str) -> type[StepType]:
    """The class that carries out steps of this kind."""
    return STEP_TYPES[kind]
