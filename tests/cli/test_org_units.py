"""Organizational units in runbooks: a step placed in an OU the console does not have."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.cli.conftest import CliResult

Run = Callable[..., CliResult]
Write = Callable[..., Path]
SPLIT = "Split delivery - unrecognized recipients"


@pytest.mark.parametrize(
    "rule",
    [
        {"description": SPLIT, "org_unit": "/Marketing", "inherited": True, "enabled": False},
        {"description": "Sales mail", "messages": ["inbound"], "org_unit": "/Marketing"},
    ],
    ids=["inherited", "own-org-unit"],
)
def test_a_step_in_a_unit_the_console_lacks_fails_clearly_and_changes_nothing(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, rule: dict[str, Any]
) -> None:
    book = write_runbook({"version": 1, "name": "ou", "steps": [{"routing_rule": rule}]})
    result = runbook_cli("run", str(book), "--json", "--screenshots", "off")
    assert result.code == 1, result.output
    [step] = result.run()["steps"]
    assert step["status"] == "failed"
    assert "organizational unit '/Marketing' is not in the console" in step["message"]
    assert (
        "no 'Marketing' under '/'" in step["message"] and "nothing was changed" in step["message"]
    )
    assert step["org_unit"] == "/Marketing"
    assert sim_http.get("/_sim/audit").json() == []


def test_another_admins_edit_of_the_rule_we_save_in_a_unit_is_named_with_its_unit(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    top = {"description": "Sales mail", "messages": ["inbound"], "org_unit": "/"}
    sales = {**top, "org_unit": "/Sales"}
    state = {"org_units": ["/", "/Sales"], "routing_rules": [top, sales]}
    sim_http.put("/_sim/state", json=state).raise_for_status()
    edit = {"kind": "rule", "name": "Sales mail", "change": {"messages": ["outbound"]}}
    sim_http.post("/_sim/faults", json={"concurrent_edit": edit}).raise_for_status()
    rule = {**sales, "messages": ["inbound", "internal_receiving"]}
    book = write_runbook({"version": 1, "name": "ou", "steps": [{"routing_rule": rule}]})
    result = runbook_cli("run", str(book), "--json", "--screenshots", "off")
    assert result.code == 1, result.output
    [step] = result.run()["steps"]
    assert (
        "rule 'Sales mail' (in /Sales) was changed in the console by someone else"
        in (step["message"])
    )
    [raced] = sim_http.get("/_sim/audit").json()
    assert (raced["by"], raced["org_unit"]) == ("another-admin", "/Sales")
    live = {
        r["org_unit"]: r["messages"] for r in sim_http.get("/_sim/state").json()["routing_rules"]
    }
    assert live == {"/": ["inbound"], "/Sales": ["outbound"]}  # theirs stands; / untouched


def test_an_inherited_rule_a_parent_turned_off_cannot_be_switched_on_below_it(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    top = {"description": "Sales mail", "messages": ["inbound"], "org_unit": "/"}
    off = {"org_unit": "/Sales", "description": "Sales mail", "kind": "routing_rules"}
    state = {
        "org_units": ["/", "/Sales", "/Sales/EMEA"],
        "routing_rules": [top],
        "disabled_inherited": [off],
    }
    sim_http.put("/_sim/state", json=state).raise_for_status()
    rule = {"description": "Sales mail", "org_unit": "/Sales/EMEA", "inherited": True}
    book = write_runbook({"version": 1, "name": "ou", "steps": [{"routing_rule": rule}]})
    result = runbook_cli("run", str(book), "--json", "--screenshots", "off")
    assert result.code == 1, result.output
    [step] = result.run()["steps"]
    assert step["status"] == "failed"
    assert "is off in /Sales, and /Sales/EMEA inherits it from there" in step["message"]
    assert "Turn it on in /Sales first" in step["message"]
    assert sim_http.get("/_sim/audit").json() == []

    # Once /Sales has it on again, the step has nothing to do (EMEA never turned it off).
    sim_http.put("/_sim/state", json={**state, "disabled_inherited": []}).raise_for_status()
    again = runbook_cli("run", str(book), "--json", "--screenshots", "off")
    assert again.code == 0, again.output
    assert [s["status"] for s in again.run()["steps"]] == ["ok"]


def test_absent_in_a_unit_that_inherits_the_rule_says_it_still_applies_there(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    top = {"description": "Sales mail", "messages": ["inbound"], "org_unit": "/"}
    state = {"org_units": ["/", "/Sales"], "routing_rules": [top]}
    sim_http.put("/_sim/state", json=state).raise_for_status()
    step = {"routing_rule": {"description": "Sales mail", "org_unit": "/Sales"}, "state": "absent"}
    book = write_runbook({"version": 1, "name": "ou", "steps": [step]})
    result = runbook_cli("run", str(book), "--json", "--screenshots", "off")
    assert result.code == 0, result.output
    [done] = result.run()["steps"]
    assert done["status"] == "ok"
    assert "inherits one from a parent OU: it still applies in /Sales" in done["message"]
    assert "inherited: true and enabled: false" in done["message"]
    shown = runbook_cli("run", str(book), "--screenshots", "off")
    assert "Note: /Sales has no rule 'Sales mail' of its own" in shown.stdout
    assert sim_http.get("/_sim/audit").json() == []
