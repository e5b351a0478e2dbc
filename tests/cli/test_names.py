"""Entry names as the console shows them: odd spacing, and names equal to another cell's text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.cli.conftest import CliResult
from tests.samples import UNMANAGED_ROUTE, UNMANAGED_RULE, split_delivery

Run = Callable[..., CliResult]
Write = Callable[..., Path]


def named(route: str, rule: str, pattern: str | None = None) -> dict[str, Any]:
    """Split delivery with this route name and rule description (and recipient pattern)."""
    envelope = {"recipients": {"match": "pattern", "value": pattern}} if pattern else None
    doc = split_delivery(description=rule, change_route=route, envelope_filter=envelope)
    doc["steps"][0]["mail_route"]["name"] = route
    return doc


def audit(sim_http: httpx.Client) -> list[tuple[str, str]]:
    return [(e["action"], e["name"]) for e in sim_http.get("/_sim/audit").json()]


def check_whole_life(
    doc: dict[str, Any], runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    """Beside another route and rule: create, re-apply (no change), drift (in sync), then
    delete, each exiting 0; the other entries are left as they were."""
    others = {"routes": [UNMANAGED_ROUTE], "routing_rules": [UNMANAGED_RULE]}
    sim_http.put("/_sim/state", json=others).raise_for_status()
    book = write_runbook(doc)
    first = runbook_cli("run", str(book), "--json")
    assert first.code == 0, first.output
    assert [s["status"] for s in first.run()["steps"]] == ["changed", "changed"]
    writes = audit(sim_http)
    assert len(writes) == 2

    again = runbook_cli("run", str(book), "--json")
    assert again.code == 0, again.output
    assert [s["status"] for s in again.run()["steps"]] == ["ok", "ok"]
    drift = runbook_cli("drift", str(book), "--json")
    assert drift.code == 0, drift.output
    assert audit(sim_http) == writes  # nothing written since the create

    for step in reversed(doc["steps"]):
        step["state"] = "absent"
    doc["steps"].reverse()  # the rule first: the route is in use until it is gone
    gone = runbook_cli("run", str(write_runbook(doc)), "--json")
    assert gone.code == 0, gone.output
    assert [a for a, _ in audit(sim_http)[2:]] == ["delete_rule", "delete_route"]
    live = sim_http.get("/_sim/state").json()
    assert [r["name"] for r in live["routes"]] == [UNMANAGED_ROUTE["name"]]
    assert [r["description"] for r in live["routing_rules"]] == [UNMANAGED_RULE["description"]]


# Over 20 s: apply, re-apply and drift of names the console shows alike.
def test_names_and_patterns_with_double_spaces_stay_in_sync(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    doc = named("Legacy  mail   server", "Split  delivery  to legacy", r"a  b.*@example\.com")
    check_whole_life(doc, runbook_cli, write_runbook, sim_http)


def test_a_pattern_whose_spacing_differs_is_drift(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    doc = named("Legacy mail server", "Split delivery", r"a  b.*@example\.com")
    assert runbook_cli("run", str(write_runbook(doc))).code == 0
    doc["steps"][1]["routing_rule"]["envelope_filter"]["recipients"]["value"] = (
        r"a b.*@example\.com"
    )
    drift = runbook_cli("drift", str(write_runbook(doc)), "--json")
    assert drift.code == 2, drift.output


# Over 20 s: apply, re-apply and removal of entries named like another column's text.
@pytest.mark.parametrize(
    ("route", "rule"),
    [
        ("Edit", "Delete"),
        ("Delete", "Locally applied"),
        ("archive.example.net:2525", "Edit"),
    ],
)
def test_a_name_equal_to_another_cells_text_is_found_in_its_own_column(
    route: str, rule: str, runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    check_whole_life(named(route, rule), runbook_cli, write_runbook, sim_http)


def test_two_rules_that_show_the_same_description_are_named_as_ambiguous(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    rules = [
        {"description": "Sales  mail", "messages": ["inbound"]},
        {"description": "Sales mail", "messages": ["outbound"]},
    ]
    sim_http.put("/_sim/state", json={"routing_rules": rules}).raise_for_status()
    step = {"routing_rule": {"description": "Sales mail", "messages": ["inbound"]}}
    book = write_runbook({"version": 1, "name": "twins", "steps": [step]})
    for command in ("run", "drift"):
        result = runbook_cli(command, str(book), "--json", "--screenshots", "off")
        assert result.code == 1, result.output
        [failed] = result.run()["steps"]
        assert (
            "the console lists 2 rules shown as 'Sales mail', their names differing only in "
            "spacing: runbook cannot tell which one the step means" in failed["message"]
        )
        assert "strict mode" not in result.output
    assert sim_http.get("/_sim/audit").json() == []
