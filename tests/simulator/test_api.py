"""The simulator over HTTP: test API, data endpoints, server-side validation, persistence."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from runbook.simulator.i18n import text
from runbook.simulator.server import SimulatorServer
from runbook.simulator.state import StateFileError
from tests.clients import sim_client
from tests.samples import AT_TOP, NEW_RULE_OPTIONS

from .samples import BALANCED, LEGACY, SPLIT, http_sign_in

ROUTES = "/ac/_data/routes"
RULES = "/ac/_data/rules"


def test_state_round_trip_fills_defaults(sim: Any) -> None:
    sim.put_state(
        {
            "routes": [{"name": "Minimal", "server": {"single_host": {"host": "m.example.com"}}}],
            "routing_rules": [{"description": "Only inbound", "messages": ["inbound"]}],
        }
    )
    assert sim.state() == {
        "routes": [
            {
                "name": "Minimal",
                "server": {"single_host": {"host": "m.example.com", "port": 25}},
                "mx_lookup": False,
                "require_tls": True,
                "require_ca_signed_certificate": True,
                "validate_certificate_hostname": True,
            }
        ],
        "routing_rules": [
            {
                "description": "Only inbound",
                "messages": ["inbound"],
                "action": "modify_message",
                "change_route": None,
                "account_types": ["users", "groups"],
                "envelope_filter": None,
                "enabled": True,
                **NEW_RULE_OPTIONS,
                **AT_TOP,  # a rule written without its OU is at the top
            }
        ],
        "default_routing_rules": [],
    }


def test_state_keeps_order_and_canonical_lists(sim: Any, sample_state: dict[str, Any]) -> None:
    shuffled = copy.deepcopy(sample_state)
    shuffled["routing_rules"][0]["messages"] = ["internal_receiving", "inbound"]
    sim.put_state(shuffled)
    assert sim.state() == sample_state


@pytest.mark.parametrize(
    "doc",
    [
        {"routes": [{**LEGACY, "server": {"single_host": {"host": "x.example", "port": 465}}}]},
        {"routes": [LEGACY, LEGACY]},
        {"routes": [{**LEGACY, "colour": "blue"}]},
        {"routing_rules": [SPLIT]},  # its route does not exist
        {"routes": [{**LEGACY, "require_tls": False, "require_ca_signed_certificate": True}]},
        {"something": []},
    ],
)
def test_put_state_refuses_what_the_console_would(sim: Any, doc: dict[str, Any]) -> None:
    response = sim.client.put("/_sim/state", json=doc)
    assert response.status_code == 400
    assert response.json()["error"]
    assert sim.state() == {"routes": [], "routing_rules": [], "default_routing_rules": []}


def test_reset_empties_state_audit_faults_and_tls_but_not_sessions(
    sim: Any, console: httpx.Client, sample_state: dict[str, Any]
) -> None:
    sim.put_state(sample_state)
    assert console.post(ROUTES, json={**LEGACY, "name": "Another"}).status_code == 200
    sim.faults({"fail_next_saves": 3, "latency_ms": [0, 0]})
    sim.tls({"mail.legacy.example.com": "fail"})
    sim.reset()
    assert sim.state() == {"routes": [], "routing_rules": [], "default_routing_rules": []}
    assert sim.audit() == []
    assert sim.faults()["fail_next_saves"] == 0
    assert sim.faults()["latency_ms"] == [100, 200]
    assert sim.client.get("/_sim/tls").json() == {}
    assert console.get(ROUTES).status_code == 200  # still signed in


def test_faults_merge_and_refuse_unknown_kinds(sim: Any) -> None:
    settings = sim.faults({"latency_ms": [0, 5], "seed": 7})
    assert settings["latency_ms"] == [0, 5] and settings["seed"] == 7
    settings = sim.faults({"fail_next_saves": 2, "message": "Server is busy"})
    assert settings["latency_ms"] == [0, 5]
    assert settings["fail_next_saves"] == 2 and settings["message"] == "Server is busy"
    for bad in ({"explode": True}, {"latency_ms": [5, 1]}, {"fail_next_saves": -1}):
        assert sim.client.post("/_sim/faults", json=bad).status_code == 400


def test_console_needs_a_session(simulator: SimulatorServer, sim: Any) -> None:
    with sim_client(simulator.url) as anonymous:
        page = anonymous.get("/ac/apps/gmail/hosts?hl=fr")
        assert page.status_code == 302
        assert page.headers["location"] == (
            "/signin/identifier?continue=%2Fac%2Fapps%2Fgmail%2Fhosts%3Fhl%3Dfr&hl=fr"
        )
        assert anonymous.get(ROUTES).status_code == 401
        assert anonymous.post(ROUTES, json=LEGACY).status_code == 401
        assert anonymous.get("/_sim/state").status_code == 200  # the test API needs none
    assert sim.audit() == []


def test_account_prefix_is_accepted(console: httpx.Client) -> None:
    assert console.get("/u/1/ac/apps/gmail/hosts").status_code == 200
    assert console.get("/u/3/ac/_data/routes").json() == {"routes": []}
    home = console.get("/u/2/?hl=fr")
    assert home.status_code == 302 and home.headers["location"] == "/u/2/ac?hl=fr"


def test_writes_are_audited_in_order(sim: Any, console: httpx.Client) -> None:
    route = console.post(ROUTES, json=LEGACY).json()
    renamed = {**LEGACY, "name": "Legacy server"}
    assert console.put(f"{ROUTES}/{route['id']}", json=renamed).status_code == 200
    rule = console.post(RULES, json={**SPLIT, "change_route": "Legacy server"}).json()
    assert (
        console.patch(f"{RULES}/{rule['id']}", json={"enabled": False}).json()["enabled"] is False
    )
    assert console.delete(f"{RULES}/{rule['id']}").status_code == 200
    assert console.delete(f"{ROUTES}/{route['id']}").status_code == 200
    assert [(a["action"], a["name"]) for a in sim.audit()] == [
        ("create_route", "Legacy mail server"),
        ("update_route", "Legacy server"),
        ("create_rule", SPLIT["description"]),
        ("update_rule", SPLIT["description"]),
        ("delete_rule", SPLIT["description"]),
        ("delete_route", "Legacy server"),
    ]
    assert all(a["at"].endswith("Z") for a in sim.audit())


def test_a_route_in_use_cannot_be_deleted_and_renames_follow(
    sim: Any, console: httpx.Client, sample_state: dict[str, Any]
) -> None:
    sim.put_state(sample_state)
    legacy = console.get(ROUTES).json()["routes"][0]
    response = console.delete(f"{ROUTES}/{legacy['id']}")
    assert response.status_code == 409
    assert response.json()["error"] == text("en", "err_route_in_use")
    console.put(f"{ROUTES}/{legacy['id']}", json={**LEGACY, "name": "Old server"})
    assert sim.state()["routing_rules"][0]["change_route"] == "Old server"


def _bad_routes() -> list[tuple[dict[str, Any], str]]:
    def single(host: Any = "mail.example.com", port: Any = 25) -> dict[str, Any]:
        return {**LEGACY, "name": "New", "server": {"single_host": {"host": host, "port": port}}}

    def multi(primary: list[Any], secondary: list[Any] | None = None) -> dict[str, Any]:
        server = {"multiple_hosts": {"primary": primary, "secondary": secondary or []}}
        return {**BALANCED, "name": "New", "server": server}

    row = {"host": "a.example.com", "port": 25, "load": 100}
    return [
        ({**LEGACY, "name": "  "}, "err_name_required"),
        ({**LEGACY}, "err_name_taken"),
        (single(host=""), "err_host_required"),
        (single(host="bad host!"), "err_host_invalid"),
        (single(port=465), "err_port_465"),
        (single(port=80), "err_port_invalid"),
        (single(port="25"), "err_port_invalid"),
        (single(port=70000), "err_port_invalid"),
        (
            multi([{**row, "load": 60}, {**row, "host": "b.example.com", "load": 30}]),
            "err_load_total",
        ),
        (multi([row], [{**row, "load": 0}]), "err_load_invalid"),
        (multi([]), "err_primary_required"),
        (multi([{**row, "load": 10}] * 10 + [row]), "err_too_many_hosts"),
        ({**LEGACY, "name": "New", "require_tls": False}, "err_options_nesting"),
        ({**LEGACY, "name": "New", "port": 25}, "err_bad_request"),
    ]


@pytest.mark.parametrize(("route", "key"), _bad_routes())
def test_server_refuses_invalid_routes(
    sim: Any, console: httpx.Client, route: dict[str, Any], key: str
) -> None:
    sim.put_state({"routes": [LEGACY]})
    before = sim.state_text()
    response = console.post(ROUTES, json=route)
    assert response.status_code == 400
    assert response.json()["error"] == text("en", key)
    assert sim.audit() == []
    assert sim.state_text() == before


def _bad_rules() -> list[tuple[dict[str, Any], str]]:
    def envelope(match: str, value: str) -> dict[str, Any]:
        return {
            **SPLIT,
            "description": "New",
            "envelope_filter": {"senders": {"match": match, "value": value}},
        }

    return [
        ({**SPLIT, "description": ""}, "err_description_required"),
        ({**SPLIT}, "err_description_taken"),
        ({**SPLIT, "description": "New", "messages": []}, "err_messages_required"),
        ({**SPLIT, "description": "New", "account_types": []}, "err_account_types_required"),
        ({**SPLIT, "description": "New", "change_route": ""}, "err_route_required"),
        ({**SPLIT, "description": "New", "change_route": "Nowhere"}, "err_route_unknown"),
        (envelope("pattern", ""), "err_value_required"),
        (envelope("pattern", "(unclosed"), "err_regexp_invalid"),
        (envelope("single_address", "not-an-address"), "err_email_invalid"),
        (envelope("group", "team@"), "err_email_invalid"),
        ({**SPLIT, "description": "New", "messages": ["sideways"]}, "err_bad_request"),
        ({**SPLIT, "description": "New", "action": "reject_message"}, "err_bad_request"),
    ]


@pytest.mark.parametrize(("rule", "key"), _bad_rules())
def test_server_refuses_invalid_rules(
    sim: Any, console: httpx.Client, sample_state: dict[str, Any], rule: dict[str, Any], key: str
) -> None:
    sim.put_state(sample_state)
    before = sim.state_text()
    response = console.post(RULES, json=rule)
    assert response.status_code == 400
    assert response.json()["error"] == text("en", key)
    assert sim.audit() == []
    assert sim.state_text() == before


def test_server_messages_follow_the_page_language(console: httpx.Client) -> None:
    response = console.post(f"{ROUTES}?hl=fr", json={**LEGACY, "name": ""})
    assert response.json()["error"] == text("fr", "err_name_required")
    assert console.post(ROUTES, content=b"{not json").status_code == 400


def test_unmanaged_entries_are_served_byte_for_byte(
    sim: Any, console: httpx.Client, sample_state: dict[str, Any]
) -> None:
    sim.put_state(sample_state)
    raw_before = sim.state_text()
    routes = console.get(ROUTES).json()["routes"]
    rules = console.get(RULES).json()["rules"]
    console.put(f"{ROUTES}/{routes[1]['id']}", json={**BALANCED, "mx_lookup": True})
    console.patch(f"{RULES}/{rules[1]['id']}", json={"enabled": True})
    raw_after = sim.state_text()
    assert raw_after != raw_before
    for kind in ("routes", "routing_rules"):
        untouched = json.dumps(sample_state[kind][0], ensure_ascii=False, separators=(",", ":"))
        assert untouched in raw_before
        assert untouched in raw_after


def test_failing_saves_answer_the_console_error_and_are_not_audited(
    sim: Any, console: httpx.Client
) -> None:
    sim.faults({"fail_next_saves": 1})
    failed = console.post(ROUTES, json=LEGACY)
    assert failed.status_code == 500
    assert failed.json()["error"] == text("en", "err_save_failed")
    assert sim.audit() == [] and sim.state()["routes"] == []
    assert console.post(ROUTES, json=LEGACY).status_code == 200
    sim.faults({"fail_next_saves": 1, "message": "Backend unavailable"})
    assert console.post(ROUTES, json=BALANCED).json()["error"] == "Backend unavailable"


def test_seeded_failure_probability_is_repeatable(sim: Any, console: httpx.Client) -> None:
    def outcomes() -> list[int]:
        sim.faults({"seed": 42, "fail_save_probability": 0.5, "latency_ms": [0, 0]})
        return [
            console.patch(f"{RULES}/none", json={"enabled": True}).status_code for _ in range(8)
        ]

    first = outcomes()
    assert set(first) == {404, 500}
    assert outcomes() == first


def test_sessions_expire_after_n_console_requests(sim: Any, console: httpx.Client) -> None:
    sim.faults({"expire_session_after": 2, "latency_ms": [0, 0]})
    assert console.get(ROUTES).status_code == 200
    assert console.get(RULES).status_code == 200
    assert console.get(ROUTES).status_code == 401
    assert console.get("/ac").status_code == 302
    http_sign_in(console)
    assert console.get(ROUTES).status_code == 200


def test_tls_results_per_host(sim: Any, console: httpx.Client) -> None:
    sim.tls({"bad.example.com": "fail"})
    response = console.post("/ac/_data/tls", json={"hosts": ["bad.example.com", "ok.example.com"]})
    assert response.json() == {"results": {"bad.example.com": "fail", "ok.example.com": "pass"}}
    assert sim.client.put("/_sim/tls", json={"x": "maybe"}).status_code == 400


def test_state_survives_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    with SimulatorServer(state, auth=False) as first:
        client = sim_client(first.url)
        assert client.post(ROUTES, json=LEGACY).status_code == 200
        assert client.post(RULES, json=SPLIT).status_code == 200
        doc, audit = client.get("/_sim/state").text, client.get("/_sim/audit").json()
        client.close()
    assert not list(tmp_path.glob(".state.json.*"))  # no temporary file left behind
    with SimulatorServer(state, auth=False) as second, sim_client(second.url) as client:
        assert client.get("/_sim/state").text == doc
        assert client.get("/_sim/audit").json() == audit
        assert [r["name"] for r in client.get(ROUTES).json()["routes"]] == [LEGACY["name"]]


def test_starts_fast_and_serves_without_auth(tmp_path: Path) -> None:
    started = time.monotonic()
    server = SimulatorServer(tmp_path / "state.json", auth=False)
    server.start()
    try:
        assert time.monotonic() - started < 1.0
        assert server.url.startswith("http://127.0.0.1:")
        assert httpx.get(f"{server.url}/ac/apps/gmail/routing").status_code == 200
    finally:
        server.stop()


@pytest.mark.process
def test_serve_prints_where_to_sign_in_without_custom_secrets(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "RUNBOOK_SIM_PASSWORD": "s3cret-Password",
        "RUNBOOK_SIM_TOTP_SECRET": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    }
    code = (
        "from pathlib import Path; from runbook.simulator.server import serve; "
        f"serve('127.0.0.1', 0, Path({str(tmp_path / 's.json')!r}))"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(5)]
    finally:
        proc.terminate()
        proc.wait(10)
    output = "".join(lines)
    assert "http://127.0.0.1:" in output and "admin@example.com" in output
    assert "RUNBOOK_SIM_PASSWORD" in output
    assert "s3cret-Password" not in output and "JBSWY3DP" not in output


def test_a_broken_state_file_is_named_in_the_error(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    state.write_text('{"routes": [{"name": ""}]}')
    with pytest.raises(StateFileError, match=r"state\.json: not a usable simulator state file"):
        SimulatorServer(state)
