"""Runbook files: YAML with positions, the models, validation, the kinds registry (no browser).

The names below load on first use: a kind's model in another package imports the parts it
builds on (`runbook.file.fields`, `.form`, `.kind`, `.placement`) without the kinds registry
loading, and so without the registry importing that model while it is half imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOMES = {
    "Resource": "fields",
    "KINDS": "kinds",
    "KindInfo": "kinds",
    "kind_info": "kinds",
    "load_runbook": "loader",
    "load_text": "loader",
    "summarize": "loader",
    **dict.fromkeys(
        (
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
        ),
        "model",
    ),
    "Reference": "references",
    "json_schema": "schema",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


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
