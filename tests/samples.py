"""Runbooks and console entries shared by the end-to-end and reliability tests."""

from __future__ import annotations

from typing import Any

LEGACY_ROUTE = {
    "name": "Legacy mail server",
    "server": {"single_host": {"host": "mail.legacy.example.com", "port": 25}},
    "mx_lookup": False,
    "require_tls": True,
    "require_ca_signed_certificate": True,
    "validate_certificate_hostname": True,
}
UNMANAGED_ROUTE = {
    "name": "Archive relay",
    "server": {"single_host": {"host": "archive.example.net", "port": 2525}},
    "mx_lookup": False,
    "require_tls": False,
    "require_ca_signed_certificate": False,
    "validate_certificate_hostname": False,
}
# The options of a new rule in the console's Add setting dialog (the rule fields a runbook may
# leave out), as `/_sim/state` shows them.
NEW_RULE_OPTIONS: dict[str, Any] = {
    "rejection_notice": None,
    "headers": {"x_gm_original_to": False, "x_gm_spam": False, "custom": []},
    "prepend_subject": None,
    "also_reroute_spam": False,
    "suppress_bounces": False,
    "change_envelope_recipient": None,
    "bypass_spam_filter": False,
    "remove_attachments": False,
    "also_deliver_to": [],
    "require_secure_transport": False,
}
AT_TOP: dict[str, Any] = {"org_unit": "/"}  # a rule or setting of the top OU, as the state shows it


def at_top(*entries: dict[str, Any]) -> list[dict[str, Any]]:
    """Rules or settings as the state shows them when they are set at the top OU."""
    return [{**entry, **AT_TOP} for entry in entries]


UNMANAGED_RULE = {
    "description": "Copy outbound to archive",
    "messages": ["outbound"],
    "action": "modify_message",
    "change_route": "Archive relay",
    "account_types": ["users", "groups"],
    "envelope_filter": None,
    "enabled": False,
    **NEW_RULE_OPTIONS,
}


def split_delivery(**rule_changes: Any) -> dict[str, Any]:
    """The reference runbook as data, with optional changes to the routing rule."""
    rule = {
        "description": "Split delivery to the legacy server",
        "messages": ["inbound", "internal_receiving"],
        "change_route": "Legacy mail server",
        "account_types": ["unrecognized_catch_all"],
    }
    rule.update(rule_changes)
    return {
        "version": 1,
        "name": "split-delivery",
        "console": {"locale": "en"},
        "vars": {"legacy_host": "mail.legacy.example.com"},
        "steps": [
            {
                "name": "Add the legacy server as a mail route",
                "mail_route": {
                    "name": "Legacy mail server",
                    "server": {"single_host": {"host": "${legacy_host}", "port": 25}},
                },
            },
            {"name": "Send unrecognized recipients to the legacy server", "routing_rule": rule},
        ],
    }


def converged_rule() -> dict[str, Any]:
    """The reference runbook's routing rule as the console holds it once applied."""
    return {
        "description": "Split delivery to the legacy server",
        "messages": ["inbound", "internal_receiving"],
        "action": "modify_message",
        "change_route": "Legacy mail server",
        "account_types": ["unrecognized_catch_all"],
        "envelope_filter": None,
        "enabled": True,
        **NEW_RULE_OPTIONS,
    }


def converged_state() -> dict[str, Any]:
    """The console once the reference runbook (`split_delivery()`) is applied, as `PUT
    /_sim/state` takes it (`tests/cli/test_run.py` checks that a run produces exactly this)."""
    return {"routes": [LEGACY_ROUTE], "routing_rules": [converged_rule()]}
