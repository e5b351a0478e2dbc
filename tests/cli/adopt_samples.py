"""A console holding every kind of entry and field, for export and saved-plan tests."""

from __future__ import annotations

from typing import Any

from tests.samples import LEGACY_ROUTE, NEW_RULE_OPTIONS

MULTI_HOST_ROUTE = {
    "name": "Balanced relays",
    "server": {
        "multiple_hosts": {
            "primary": [
                {"host": "a.relay.example.com", "port": 25, "load": 60},
                {"host": "b.relay.example.com", "port": 587, "load": 40},
            ],
            "secondary": [{"host": "backup.relay.example.com", "port": 2525, "load": 100}],
        }
    },
    "mx_lookup": True,
    "require_tls": True,
    "require_ca_signed_certificate": False,
    "validate_certificate_hostname": False,
}
PLAIN_ROUTE = {
    "name": "Plain relay",
    "server": {"single_host": {"host": "10.1.2.3", "port": 2525}},
    "mx_lookup": False,
    "require_tls": False,
    "require_ca_signed_certificate": False,
    "validate_certificate_hostname": False,
}
SPLIT_RULE = {
    **NEW_RULE_OPTIONS,
    "description": "Split delivery to the legacy server",
    "messages": ["inbound", "internal_receiving"],
    "action": "modify_message",
    "change_route": "Legacy mail server",
    "account_types": ["unrecognized_catch_all"],
    "envelope_filter": {
        "senders": {"match": "single_address", "value": "boss@example.com"},
        "recipients": {"match": "pattern", "value": ".*@example\\.com"},
    },
    "enabled": True,
}
OPTIONS_RULE = {
    **NEW_RULE_OPTIONS,
    "description": "Archive and tag outbound mail",
    "messages": ["outbound", "internal_sending"],
    "action": "modify_message",
    "headers": {
        "x_gm_original_to": True,
        "x_gm_spam": False,
        "custom": [{"key": "X-Archive", "value": "yes"}],
    },
    "prepend_subject": "[ext]",
    "change_route": None,
    "bypass_spam_filter": True,
    "change_envelope_recipient": {"domain": "archive.example.net"},
    "also_deliver_to": [
        {"address": "journal@example.com"},
        {
            "address": "copy@example.net",
            "change_route": "Balanced relays",
            "do_not_deliver_spam": False,
            "suppress_bounces": True,
        },
    ],
    "account_types": ["users", "groups"],
    "envelope_filter": {"recipients": {"match": "group", "value": "staff@example.com"}},
    "enabled": False,
}
REJECT_RULE = {
    **NEW_RULE_OPTIONS,
    "description": "Reject mail to a leaver",
    "messages": ["inbound"],
    "action": "reject_message",
    "rejection_notice": "Alex has left; write to team@example.com",
    "change_route": None,
    "account_types": ["users", "groups"],
    "envelope_filter": {"recipients": {"match": "single_address", "value": "alex@example.com"}},
    "enabled": True,
}
DEFAULT_SETTING = {
    "description": "Catch-all for the subdomain",
    "recipients": {"match": "pattern", "value": ".*@lists\\.example\\.com"},
    "action": "modify_message",
    "rejection_notice": None,
    "change_route": "Plain relay",
    "apply_to": "all_addresses",
    "enabled": False,
}


def full_console(empty: dict[str, Any]) -> dict[str, Any]:
    """`empty` (the state of a reset console) holding every kind of entry and field."""
    return {
        **empty,
        "routes": [LEGACY_ROUTE, MULTI_HOST_ROUTE, PLAIN_ROUTE],
        "routing_rules": [SPLIT_RULE, OPTIONS_RULE, REJECT_RULE],
        "default_routing_rules": [DEFAULT_SETTING],
    }
