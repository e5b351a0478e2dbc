"""Server-side checks of Default routing settings (Gmail > Default routing).

What a setting does to a message (Modify message's every option group, or Reject message)
is checked as for a routing rule (`validation.message_fields`), with the same field names.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from runbook.simulator.options import OPTION_KEYS
from runbook.simulator.validation import (
    Invalid,
    Json,
    _bool,
    _object,
    check_description,
    check_filter_value,
    message_fields,
)

DEFAULT_MATCHES = ("single_recipient", "pattern", "group", "all")
APPLY_TO = ("unrecognized_only", "all_addresses")
DEFAULT_RULE_KEYS = (
    "description",
    "recipients",
    "action",
    "change_route",
    "apply_to",
    "enabled",
    *OPTION_KEYS,
)


def _recipients(value: Any) -> Json:
    """1. Specify envelope recipients to match: a match type and its value (none for all)."""
    if value is None:
        raise Invalid("err_value_required", "recipients.value")
    entry = _object(value, "recipients", ("match", "value"))
    match = entry.get("match")
    if match not in DEFAULT_MATCHES:
        raise Invalid(
            "err_bad_request", "recipients.match", f"use one of {', '.join(DEFAULT_MATCHES)}"
        )
    if match == "all":
        return {"match": "all", "value": None}
    as_filter = "single_address" if match == "single_recipient" else match
    return {
        "match": match,
        "value": check_filter_value(as_filter, entry.get("value"), "recipients.value"),
    }


def normalize_default_rule(
    raw: Any,
    *,
    taken_descriptions: Collection[str] = (),
    route_names: Collection[str] | None = None,
) -> Json:
    """A Default routing setting in canonical form (defaults filled), or `Invalid`."""
    rule = _object(raw, "default_rule", DEFAULT_RULE_KEYS)
    description = check_description(rule.get("description"), taken_descriptions)
    recipients = _recipients(rule.get("recipients"))
    options = message_fields(rule, rule.get("action", "modify_message"), route_names)
    apply_to = rule.get("apply_to", "unrecognized_only")
    if apply_to not in APPLY_TO:
        raise Invalid("err_bad_request", "apply_to", f"use one of {', '.join(APPLY_TO)}")
    return {
        "description": description,
        "recipients": recipients,
        **options,
        "apply_to": apply_to,
        "enabled": _bool(rule.get("enabled"), "enabled", True),
    }
