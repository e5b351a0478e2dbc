"""Server-side checks of Default routing settings (Gmail > Default routing).

The Modify message option groups are checked by `_modify_fields`: today the Route group's
Change route; the Routing dialog's other groups (headers, subject, envelope recipient, ...)
plug in there, with the same field names, when the routing rule grows them.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from runbook.simulator.validation import (
    ACTIONS,
    Invalid,
    Json,
    _bool,
    _object,
    check_filter_value,
)

DEFAULT_MATCHES = ("single_recipient", "pattern", "group", "all")
APPLY_TO = ("unrecognized_only", "all_addresses")
DEFAULT_RULE_KEYS = (
    "description",
    "recipients",
    "action",
    "rejection_notice",
    "change_route",
    "apply_to",
    "enabled",
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


def _modify_fields(rule: Any, action: str, route_names: Collection[str] | None) -> Json:
    """The Modify message groups' fields (the seam for the Routing dialog's other groups)."""
    change_route = rule.get("change_route")
    if change_route is not None:
        if not isinstance(change_route, str) or not change_route.strip():
            raise Invalid("err_route_required", "change_route")
        if action != "modify_message":
            raise Invalid(
                "err_bad_request", "change_route", "only a modify_message setting changes the route"
            )
        if route_names is not None and change_route not in route_names:
            raise Invalid("err_route_unknown", "change_route")
    return {"change_route": change_route}


def _rejection_notice(value: Any, action: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise Invalid("err_bad_request", "rejection_notice", "expected text")
    if action != "reject_message":
        raise Invalid(
            "err_bad_request", "rejection_notice", "only a reject_message setting has a notice"
        )
    return value.strip() or None


def normalize_default_rule(
    raw: Any,
    *,
    taken_descriptions: Collection[str] = (),
    route_names: Collection[str] | None = None,
) -> Json:
    """A Default routing setting in canonical form (defaults filled), or `Invalid`."""
    rule = _object(raw, "default_rule", DEFAULT_RULE_KEYS)
    description = rule.get("description")
    if not isinstance(description, str) or not description.strip():
        raise Invalid("err_description_required", "description")
    description = description.strip()
    if description in taken_descriptions:
        raise Invalid("err_description_taken", "description")
    recipients = _recipients(rule.get("recipients"))
    action = rule.get("action", "modify_message")
    if action not in ACTIONS:
        raise Invalid("err_bad_request", "action", f"use one of {', '.join(ACTIONS)}")
    modify = _modify_fields(rule, action, route_names)
    apply_to = rule.get("apply_to", "unrecognized_only")
    if apply_to not in APPLY_TO:
        raise Invalid("err_bad_request", "apply_to", f"use one of {', '.join(APPLY_TO)}")
    return {
        "description": description,
        "recipients": recipients,
        "action": action,
        "rejection_notice": _rejection_notice(rule.get("rejection_notice"), action),
        **modify,
        "apply_to": apply_to,
        "enabled": _bool(rule.get("enabled"), "enabled", True),
    }
