"""Sample console entries (canonical form) and an HTTP sign-in, shared by the simulator tests."""

from __future__ import annotations

import httpx
import pyotp

from runbook.simulator.server import DEFAULT_PASSWORD, DEFAULT_TOTP_SECRET, DEFAULT_USER
from tests.samples import AT_TOP, NEW_RULE_OPTIONS

LEGACY = {
    "name": "Legacy mail server",
    "server": {"single_host": {"host": "mail.legacy.example.com", "port": 25}},
    "mx_lookup": False,
    "require_tls": True,
    "require_ca_signed_certificate": True,
    "validate_certificate_hostname": True,
}
BALANCED = {
    "name": "Balanced",
    "server": {
        "multiple_hosts": {
            "primary": [
                {"host": "a.example.com", "port": 25, "load": 50},
                {"host": "b.example.com", "port": 25, "load": 50},
            ],
            "secondary": [{"host": "c.example.com", "port": 2525, "load": 100}],
        }
    },
    "mx_lookup": False,
    "require_tls": True,
    "require_ca_signed_certificate": True,
    "validate_certificate_hostname": True,
}
SPLIT = {
    "description": "Split delivery to the legacy server",
    "messages": ["inbound", "internal_receiving"],
    "action": "modify_message",
    "change_route": "Legacy mail server",
    "account_types": ["unrecognized_catch_all"],
    "envelope_filter": {"recipients": {"match": "pattern", "value": ".*@example\\.com"}},
    "enabled": True,
    **NEW_RULE_OPTIONS,
    **AT_TOP,
}
REJECT = {
    "description": "Reject outbound to competitors",
    "messages": ["outbound"],
    "action": "reject_message",
    "change_route": None,
    "account_types": ["users", "groups"],
    "envelope_filter": {"recipients": {"match": "single_address", "value": "ceo@rival.example"}},
    "enabled": False,
    **NEW_RULE_OPTIONS,
    **AT_TOP,
}


def http_sign_in(client: httpx.Client) -> None:
    """Walk the sign-in forms with plain HTTP (the browser tests use the pages)."""
    client.post("/signin/identifier", data={"identifier": DEFAULT_USER})
    client.post("/signin/challenge/pwd", data={"password": DEFAULT_PASSWORD})
    code = pyotp.TOTP(DEFAULT_TOTP_SECRET).now()
    response = client.post("/signin/challenge/totp", data={"code": code})
    assert response.status_code == 303, response.text
