"""The shipped `catch-all-subdomain.yaml` (Default routing) applied to the simulator, end to end."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.cli.conftest import CliResult
from tests.samples import NEW_RULE_OPTIONS, at_top

Run = Callable[..., CliResult]
Write = Callable[..., Path]

SHIPPED = Path(__file__).resolve().parents[2] / "runbooks" / "catch-all-subdomain.yaml"
CATCH_ALL_HOST = "catchall.example.com"  # the shipped runbook's var
SETTING = {
    **NEW_RULE_OPTIONS,
    "description": "Catch-all for the subdomain",
    "recipients": {"match": "pattern", "value": ".*@lists\\.example\\.com"},
    "action": "modify_message",
    "change_route": "Subdomain catch-all server",
    "change_envelope_recipient": {"recipient": "catch-all@lists.example.com"},
    "apply_to": "unrecognized_only",
    "enabled": True,
}


@pytest.fixture
def shipped() -> dict[str, Any]:
    return yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def converged(sim_http: httpx.Client) -> None:
    """Put the console as the shipped runbook leaves it (the first test checks that a run
    makes exactly this)."""
    host = {"single_host": {"host": CATCH_ALL_HOST, "port": 25}}
    route = {"name": SETTING["change_route"], "server": host}
    doc = {"routes": [route], "default_routing_rules": [SETTING]}
    sim_http.put("/_sim/state", json=doc).raise_for_status()


def state(sim_http: httpx.Client) -> dict[str, Any]:
    return sim_http.get("/_sim/state").json()  # type: ignore[no-any-return]


def audit(sim_http: httpx.Client) -> list[tuple[str, str]]:
    return [(e["action"], e["name"]) for e in sim_http.get("/_sim/audit").json()]


def test_the_shipped_runbook_is_valid(runbook_cli: Run) -> None:
    result = runbook_cli("validate", str(SHIPPED))
    assert result.code == 0, result.output
    assert "1 Default routing setting" in result.output


def test_apply_then_nothing_to_do_then_in_sync(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, shipped: dict[str, Any]
) -> None:
    book = str(write_runbook(shipped))
    first = runbook_cli("run", book, "--json")
    assert first.code == 0, first.output
    assert [s["action"] for s in first.run()["steps"]] == ["create", "create"]
    assert state(sim_http)["default_routing_rules"] == at_top(SETTING)
    assert audit(sim_http) == [
        ("create_route", "Subdomain catch-all server"),
        ("create_default_rule", "Catch-all for the subdomain"),
    ]
    live = state(sim_http)
    converged(sim_http)
    assert state(sim_http) == live  # what the other tests start from is what a run makes

    second = runbook_cli("run", book, "--json")
    assert second.code == 0, second.output
    assert [s["status"] for s in second.run()["steps"]] == ["ok", "ok"]
    assert len(audit(sim_http)) == 2  # zero writes

    drift = runbook_cli("drift", book, "--json")
    assert drift.code == 0, drift.output


def test_drift_names_a_changed_field_and_lists_unmanaged_settings(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, shipped: dict[str, Any]
) -> None:
    book = str(write_runbook(shipped))
    converged(sim_http)
    live = state(sim_http)
    live["default_routing_rules"][0]["apply_to"] = "all_addresses"
    live["default_routing_rules"].append(
        {"description": "Someone else's setting", "recipients": {"match": "all"}}
    )
    # A route described like the managed setting is still someone else's route.
    live["routes"].append({**live["routes"][0], "name": "Catch-all for the subdomain"})
    sim_http.put("/_sim/state", json=live).raise_for_status()

    result = runbook_cli("drift", book, "--show-unmanaged", "--json")
    assert result.code == 2, result.output
    doc = result.run()
    [changed] = [s for s in doc["steps"] if s["status"] == "drift"]
    assert [c["field"] for c in changed["changes"]] == ["apply_to"]
    assert doc["unmanaged"]["default_routing_rules"] == ["Someone else's setting"]
    assert doc["unmanaged"]["routes"] == ["Catch-all for the subdomain"]
    assert doc["unmanaged"]["routing_rules"] == []


def test_dry_run_writes_nothing(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, shipped: dict[str, Any]
) -> None:
    result = runbook_cli("run", str(write_runbook(shipped)), "--dry-run", "--json")
    assert result.code == 0, result.output
    assert [s["status"] for s in result.run()["steps"]] == ["would_change", "would_change"]
    assert audit(sim_http) == []


def test_a_setting_wanted_off_is_created_then_switched_off_and_absent_removes_it(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, shipped: dict[str, Any]
) -> None:
    off = copy.deepcopy(shipped)
    off["steps"][1]["default_routing"]["enabled"] = False
    assert runbook_cli("run", str(write_runbook(off))).code == 0
    assert state(sim_http)["default_routing_rules"] == at_top({**SETTING, "enabled": False})

    gone = copy.deepcopy(shipped)
    gone["steps"][1]["state"] = "absent"
    result = runbook_cli("run", str(write_runbook(gone)), "--json")
    assert result.code == 0, result.output
    assert state(sim_http)["default_routing_rules"] == []
    assert audit(sim_http)[-1] == ("delete_default_rule", "Catch-all for the subdomain")


def test_a_setting_changed_by_someone_else_meanwhile_is_not_overwritten(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, shipped: dict[str, Any]
) -> None:
    converged(sim_http)
    theirs = {"recipients": {"match": "all", "value": None}}
    edit = {"kind": "default", "name": SETTING["description"], "change": theirs}
    sim_http.post("/_sim/faults", json={"concurrent_edit": edit}).raise_for_status()
    wider = copy.deepcopy(shipped)
    wider["steps"][1]["default_routing"]["apply_to"] = "all_addresses"
    result = runbook_cli("run", str(write_runbook(wider)), "--json")
    assert result.code == 1, result.output
    assert "changed in the console by someone else" in result.output
    assert state(sim_http)["default_routing_rules"] == at_top({**SETTING, **theirs})


def test_drift_sees_an_option_added_behind_the_setting(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, shipped: dict[str, Any]
) -> None:
    book = str(write_runbook(shipped))
    converged(sim_http)
    live = state(sim_http)
    live["default_routing_rules"][0]["also_deliver_to"] = ["exfil@attacker.example"]
    sim_http.put("/_sim/state", json=live).raise_for_status()

    result = runbook_cli("drift", book, "--json")
    assert result.code == 2, result.output
    [changed] = [s for s in result.run()["steps"] if s["status"] == "drift"]
    assert [c["field"] for c in changed["changes"]] == ["also_deliver_to"]
    assert "exfil@attacker.example" in result.output
