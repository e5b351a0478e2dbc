"""The Spam, phishing and malware page's data over HTTP: sections per OU, state, audit, reset."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from runbook.simulator.i18n import text

DATA = "/ac/_data/gmail/spam"
DEFAULTS = {
    "allowlist": {"ip_addresses": []},
    "pre_delivery_scanning": {"enabled": True},
    "spoofing": {"action": "warn", "employee_names": False, "future_recommended": False},
    "inbound": {"scope": "all"},
    "spam_filter": {"aggressive": False, "bypass_internal": False, "admin_quarantine": False},
    "quarantine_notifications": {"notify_admins": False},
}
TREE = ["/Sales", "/Sales/EMEA", "/Support"]


def sections(console: httpx.Client, ou: str = "/") -> dict[str, Any]:
    answer = console.get(DATA, params={"ou": ou})
    assert answer.status_code == 200, answer.text
    return {s["key"]: s for s in answer.json()["sections"]}


def save(console: httpx.Client, section: str, ou: str = "/", **values: Any) -> httpx.Response:
    return console.put(f"{DATA}/{section}", params={"ou": ou}, json=values)


def test_every_section_is_locally_applied_at_the_top_with_the_defaults(
    sim: Any, console: httpx.Client
) -> None:
    shown = sections(console)
    assert list(shown) == list(DEFAULTS)  # the console's order
    for key, values in DEFAULTS.items():
        assert shown[key] == {"key": key, "status": "local", "values": values}
    assert "gmail_settings" not in sim.state()


def test_a_save_at_the_top_reaches_the_state_the_audit_and_the_children(
    sim: Any, console: httpx.Client
) -> None:
    answer = save(console, "allowlist", ip_addresses="192.0.2.1, 198.51.100.0/24 192.0.2.1")
    assert answer.status_code == 200, answer.text
    listed = ["192.0.2.1", "198.51.100.0/24"]  # canonical, each once
    assert answer.json() == {
        "key": "allowlist",
        "status": "local",
        "values": {"ip_addresses": listed},
    }
    assert sim.state()["gmail_settings"] == {"spam": {"/": {"allowlist": {"ip_addresses": listed}}}}
    [entry] = sim.audit()
    assert (entry["action"], entry["name"], entry["page"]) == (
        "update_setting",
        "allowlist",
        "spam",
    )
    assert "org_unit" not in entry and entry["values"] == {"ip_addresses": listed}

    child = sections(console, "/Sales")["allowlist"]
    assert child == {
        "key": "allowlist",
        "status": "inherited",
        "values": {"ip_addresses": listed},
        "inherited_from": "/",
    }


def test_override_then_inherit_in_a_child_ou(sim: Any, console: httpx.Client) -> None:
    sim.put_state({"org_units": TREE})
    assert save(console, "spoofing", "/", action="spam").status_code == 200
    answer = save(console, "spoofing", "/Sales", action="quarantine")
    assert answer.json()["status"] == "overridden"
    assert answer.json()["values"]["action"] == "quarantine"
    # A grandchild inherits from the nearest OU that sets the section.
    below = sections(console, "/Sales/EMEA")["spoofing"]
    assert (below["status"], below["inherited_from"]) == ("inherited", "/Sales")
    assert below["values"]["action"] == "quarantine"
    assert sections(console, "/Support")["spoofing"]["values"]["action"] == "spam"
    assert sim.state()["gmail_settings"]["spam"]["/Sales"] == {
        "spoofing": {"action": "quarantine", "employee_names": False, "future_recommended": False}
    }

    answer = console.post(f"{DATA}/spoofing/inherit", params={"ou": "/Sales"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "inherited"
    assert answer.json()["values"]["action"] == "spam"
    assert "/Sales" not in sim.state()["gmail_settings"]["spam"]
    actions = [(a["action"], a["name"], a.get("org_unit", "/")) for a in sim.audit()]
    assert actions[-3:] == [
        ("update_setting", "spoofing", "/"),
        ("override_setting", "spoofing", "/Sales"),
        ("inherit_setting", "spoofing", "/Sales"),
    ]


def test_an_invalid_ip_is_refused_and_named(sim: Any, console: httpx.Client) -> None:
    answer = save(console, "allowlist", ip_addresses="192.0.2.1, 10.0.0.300")
    assert answer.status_code == 400
    assert answer.json()["error"] == text("en", "err_spam_ip_invalid", value="10.0.0.300")
    assert answer.json()["field"] == "values.ip_addresses"
    french = console.put(
        f"{DATA}/allowlist", params={"hl": "fr"}, json={"ip_addresses": ["10.0.0.0/33"]}
    )
    assert french.json()["error"] == text("fr", "err_spam_ip_invalid", value="10.0.0.0/33")
    assert sim.audit() == [] and "gmail_settings" not in sim.state()


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("PUT", f"{DATA}/spoofing", {"action": "delete"}, 400),
        ("PUT", f"{DATA}/spoofing", {"colour": "red"}, 400),
        ("PUT", f"{DATA}/pre_delivery_scanning", {"enabled": "yes"}, 400),
        ("PUT", f"{DATA}/nope", {}, 404),
        ("PUT", "/ac/_data/gmail/nope/allowlist", {}, 404),
        ("POST", f"{DATA}/inbound/inherit", None, 400),  # the top has no parent
    ],
)
def test_the_console_refuses_what_it_does_not_know(
    sim: Any, console: httpx.Client, method: str, path: str, body: Any, status: int
) -> None:
    answer = console.request(method, path, json=body)
    assert answer.status_code == status, answer.text
    assert answer.json()["error"]
    assert sim.audit() == []


def test_an_unknown_ou_is_not_found(console: httpx.Client) -> None:
    assert console.get(DATA, params={"ou": "/Nowhere"}).status_code == 404
    assert save(console, "inbound", "/Nowhere", scope="external").status_code == 404


def test_the_state_round_trips_and_fills_in_defaults(sim: Any, console: httpx.Client) -> None:
    doc = {
        "org_units": TREE,
        "gmail_settings": {
            "spam": {
                "/": {"inbound": {"scope": "external"}, "pre_delivery_scanning": {"enabled": True}},
                "/Sales": {"spoofing": {"employee_names": True}},
            }
        },
    }
    state = sim.put_state(doc)
    assert state["gmail_settings"] == {
        "spam": {
            "/": {"inbound": {"scope": "external"}},  # the default section is left out
            "/Sales": {
                "spoofing": {"action": "warn", "employee_names": True, "future_recommended": False}
            },
        }
    }
    assert sections(console, "/Sales/EMEA")["inbound"]["values"] == {"scope": "external"}
    assert sections(console, "/Sales")["spoofing"]["status"] == "overridden"
    sim.reset()
    assert "gmail_settings" not in sim.state()
    assert sections(console)["inbound"]["values"] == {"scope": "all"}


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"other": {}}, "unknown page(s) other"),
        ({"spam": {"/Gone": {}}}, "no organizational unit '/Gone'"),
        ({"spam": {"/": {"junk": {}}}}, "unknown section junk"),
        ({"spam": {"/": {"allowlist": {"ip_addresses": ["1.2.3"]}}}}, "'1.2.3' is not an IPv4"),
        ({"spam": {"/": {"inbound": {"scope": "some"}}}}, "inbound.scope"),
        ([], "expected {page"),
    ],
)
def test_put_state_checks_the_settings(sim: Any, settings: Any, message: str) -> None:
    answer = sim.client.put("/_sim/state", json={"gmail_settings": settings})
    assert answer.status_code == 400
    assert message in answer.json()["error"]


def test_faults_apply_to_saves(sim: Any, console: httpx.Client) -> None:
    sim.faults({"fail_next_saves": 1})
    failed = save(console, "inbound", scope="external")
    assert failed.status_code == 500
    assert failed.json()["error"] == text("en", "err_save_failed")
    assert sim.audit() == []
    sim.faults({"lose_next_responses": 1})
    lost = save(console, "inbound", scope="external")
    assert lost.status_code in (502, 504)
    assert sim.state()["gmail_settings"]["spam"]["/"] == {"inbound": {"scope": "external"}}
    assert [a["action"] for a in sim.audit()] == ["update_setting"]


def test_without_a_session_the_data_asks_to_sign_in(simulator: Any, sim: Any) -> None:
    with httpx.Client(base_url=simulator.url) as anonymous:
        assert anonymous.get(DATA).status_code == 401
        assert anonymous.put(f"{DATA}/inbound", json={"scope": "external"}).status_code == 401
    assert sim.audit() == []
