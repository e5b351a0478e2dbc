"""The `default_routing` step: a setting under Apps > Google Workspace > Gmail > Default routing.

Like a routing rule (`SwitchableStep`), a setting has an on/off switch on its row, outside
its dialog, and the Add setting dialog creates it on: a setting wanted off is switched off
right after.
"""

from __future__ import annotations

from runbook.console.pages.default_routing import DefaultRoutingPage, DefaultRuleDialog
from runbook.engine.steps.switchable import SwitchableStep


class DefaultRoutingStep(SwitchableStep[DefaultRoutingPage, DefaultRuleDialog]):
    """Create, update or remove one Default routing setting, keyed by its description."""

    kind = "default_routing"
    page_type = DefaultRoutingPage
    unmanaged_key = "default_routing_rules"


STEP_TYPE = DefaultRoutingStep  # found by the kinds registry: runbook.file.kinds
