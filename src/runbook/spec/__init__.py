"""Runbook files: YAML with positions, the models, validation, the kinds registry (no browser)."""

from runbook.spec.fields import Resource
from runbook.spec.kinds import KINDS, KindInfo, kind_info
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
from runbook.spec.references import Reference
from runbook.spec.schema import json_schema

__all__ = [
    "KINDS",
    "ConsoleSettings",
    "DriftIgnore",
    "DriftSettings",
    "EnvelopeFilter",
    "EnvelopeMatch",
    "KindInfo",
    "MailRoute",
    "MultipleHosts",
    "Reference",
    "Resource",
    "RoutingRule",
    "Runbook",
    "Server",
    "SingleHost",
    "Step",
    "WeightedHost",
    "json_schema",
    "kind_info",
    "load_runbook",
    "load_text",
    "summarize",
]
