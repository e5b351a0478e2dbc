"""Runbook files: YAML with positions, the models, validation, the kinds registry (no browser)."""

from runbook.file.fields import Resource
from runbook.file.kinds import KINDS, KindInfo, kind_info
from runbook.file.loader import load_runbook, load_text, summarize
from runbook.file.model import (
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
from runbook.file.references import Reference
from runbook.file.schema import json_schema

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
