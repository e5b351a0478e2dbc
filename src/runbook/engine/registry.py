"""Step types by the key that names them in a runbook: one entry per type."""

from __future__ import annotations

from typing import Any

from runbook.engine.steps.base import StepType
from runbook.engine.steps.mail_route import MailRouteStep
from runbook.engine.steps.routing_rule import RoutingRuleStep

STEP_TYPES: dict[str, type[StepType[Any]]] = {
    "mail_route": MailRouteStep,
    "routing_rule": RoutingRuleStep,
}


def step_type(kind: str) -> type[StepType[Any]]:
    """The class that carries out steps of this kind."""
    return STEP_TYPES[kind]
