"""Runbook files: safe YAML loading with positions, the model, validation (no Playwright)."""

from runbook.spec.loader import load_runbook, load_text, summarize
from runbook.spec.model import (
    ConsoleSettings,
    DriftIgnore,
    DriftSettings,
    EnvelopeFilter,
    EnvelopeMatch,
    MailRoute,
    MultipleHosts,
    RoutingRule,
    Runbook,
    Server,
    SingleHost,
    Step,
    WeightedHost,
)
from runbook.spec.schema import json_schema

__all__ = [
    "ConsoleSettings",
    "DriftIgnore",
    "DriftSettings",
    "EnvelopeFilter",
    "EnvelopeMatch",
    "MailRoute",
    "MultipleHosts",
    "RoutingRule",
    "Runbook",
    "Server",
    "SingleHost",
    "Step",
    "WeightedHost",
    "json_schema",
    "load_runbook",
    "load_text",
    "summarize",
]
