"""The `routing_rule` step: a rule in the Routing section of Gmail > Routing."""

from __future__ import annotations

from runbook.console.pages.routing import RoutingPage, RuleDialog
from runbook.engine.steps.switchable import SwitchableStep


class RoutingRuleStep(SwitchableStep[RoutingPage, RuleDialog]):
    """Create, update or remove one routing rule, keyed by its description."""

    kind = "routing_rule"
    page_type = RoutingPage
    unmanaged_key = "routing_rules"


STEP_TYPE = RoutingRuleStep  # found by the kinds registry: runbook.file.kinds
