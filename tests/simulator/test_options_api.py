"""The server's checks of the Modify / Reject options of a rule, and their stored form."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from runbook.simulator.i18n import text

from .samples import LEGACY, SPLIT

ROUTES = "/ac/_data/routes"
RULES = "/ac/_data/rules"
NEW = {**SPLIT, "description": "New"}


def test_state_fills_every_option_an_entry_leaves_out(sim: Any) -> None:
    sim.put_state(
        {
            "routes": [LEGACY],
            "routing_rules": [
                {
                    "description": "Copy",
                    "messages": ["inbound"],
                    "also_deliver_to": [
                        "journal@archive.example.net",
                        {"address": "copy@example.net", "change_route": LEGACY["name"]},
                    ],
                }
            ],
        }
    )
    [rule] = sim.state()["routing_rules"]
    assert rule["headers"] == {"x_gm_original_to": False, "x_gm_spam": False, "custom": []}
    assert rule["also_deliver_to"] == [
        {"address": "journal@archive.example.net"},
        {
            "address": "copy@example.net",
            "change_route": LEGACY["name"],
            "do_not_deliver_spam": True,
            "suppress_bounces": True,
        },
    ]
    assert rule["rejection_notice"] is None and rule["bypass_spam_filter"] is False


def test_a_route_a_copy_uses_follows_its_rename_and_cannot_be_deleted(
    sim: Any, console: httpx.Client
) -> None:
    copy = {"address": "copy@example.net", "change_route": LEGACY["name"]}
    rule = {"description": "Copy", "messages": ["inbound"], "also_deliver_to": [copy]}
    sim.put_state({"routes": [LEGACY], "routing_rules": [rule]})
    [route] = console.get(ROUTES).json()["routes"]
    assert console.delete(f"{ROUTES}/{route['id']}").json()["error"] == text(
        "en", "err_route_in_use"
    )
    renamed = console.put(f"{ROUTES}/{route['id']}", json={**LEGACY, "name": "Renamed"})
    assert renamed.status_code == 200, renamed.text
    [stored] = sim.state()["routing_rules"]
    assert stored["also_deliver_to"][0]["change_route"] == "Renamed"


def _bad() -> list[tuple[dict[str, Any], str]]:
    return [
        (
            {**NEW, "headers": {"custom": [{"key": "X Bad", "value": "1"}]}},
            "err_header_key_invalid",
        ),
        ({**NEW, "headers": {"custom": [{"key": "", "value": "1"}]}}, "err_header_key_required"),
        ({**NEW, "prepend_subject": "  "}, "err_subject_required"),
        ({**NEW, "change_envelope_recipient": {"recipient": "nobody"}}, "err_email_invalid"),
        ({**NEW, "change_envelope_recipient": {"domain": "no_dot"}}, "err_domain_invalid"),
        ({**NEW, "change_envelope_recipient": {"username": "a@b"}}, "err_username_invalid"),
        ({**NEW, "also_deliver_to": ["not-an-address"]}, "err_email_invalid"),
        (
            {**NEW, "also_deliver_to": [{"address": "a@example.net", "change_route": "Nowhere"}]},
            "err_route_unknown",
        ),
        (
            {**NEW, "action": "reject_message", "change_route": None, "bypass_spam_filter": True},
            "err_bad_request",
        ),
        ({**NEW, "rejection_notice": "Gone."}, "err_bad_request"),
    ]


@pytest.mark.parametrize(("rule", "key"), _bad())
def test_server_refuses_invalid_options(
    sim: Any, console: httpx.Client, sample_state: dict[str, Any], rule: dict[str, Any], key: str
) -> None:
    sim.put_state(sample_state)
    before = sim.state_text()
    response = console.post(RULES, json=rule)
    assert response.status_code == 400, response.text
    assert response.json()["error"] == text("en", key)
    assert sim.audit() == []
    assert sim.state_text() == before
