"""`runbook drift`: read-only comparison, exit codes, acknowledged drift, CI outputs."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from tests.cli.conftest import CliResult
from tests.samples import split_delivery

Run = Callable[..., CliResult]
Write = Callable[..., Path]


def edit_live(sim_http: httpx.Client, change: Callable[[dict[str, Any]], None]) -> None:
    live = sim_http.get("/_sim/state").json()
    change(live)
    sim_http.put("/_sim/state", json=live).raise_for_status()


def writes(sim_http: httpx.Client) -> int:
    return len(sim_http.get("/_sim/audit").json())


def test_in_sync_exits_0_with_no_writes(
    converged: int, runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    result = runbook_cli("drift", str(write_runbook(split_delivery())), "--json")
    assert result.code == 0, result.output
    assert [s["status"] for s in result.run()["steps"]] == ["ok", "ok"]
    assert writes(sim_http) == converged


def test_changed_field_exits_2_and_names_step_field_and_values(
    converged: int,
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    tmp_path: Path,
) -> None:
    def change(live: dict[str, Any]) -> None:
        live["routes"][0]["server"]["single_host"]["port"] = 587

    edit_live(sim_http, change)
    before = writes(sim_http)
    result = runbook_cli("drift", str(write_runbook(split_delivery())), "--json")
    assert result.code == 2, result.output
    step = result.run()["steps"][0]
    assert step["status"] == "drift"
    assert step["name"] == "Add the legacy server as a mail route"
    assert step["changes"] == [
        {"field": "server.single_host.port", "before": 587, "after": 25, "ignored": None}
    ]
    report = (tmp_path / result.run()["run_dir"] / "report.html").read_text()
    assert "server.single_host.port" in report and "587" in report
    assert writes(sim_http) == before


def test_deleted_entry_is_drift(
    converged: int, runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    edit_live(sim_http, lambda live: live.update(routing_rules=[]))
    before = writes(sim_http)
    result = runbook_cli("drift", str(write_runbook(split_delivery())), "--json")
    assert result.code == 2, result.output
    steps = result.run()["steps"]
    assert [s["status"] for s in steps] == ["ok", "drift"]
    assert "missing" in steps[1]["message"]
    assert writes(sim_http) == before


def test_disabled_rule_is_drift(
    converged: int, runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    edit_live(sim_http, lambda live: live["routing_rules"][0].update(enabled=False))
    before = writes(sim_http)
    result = runbook_cli("drift", str(write_runbook(split_delivery())), "--json")
    assert result.code == 2, result.output
    steps = result.run()["steps"]
    assert [s["status"] for s in steps] == ["ok", "drift"]
    assert steps[1]["changes"] == [
        {"field": "enabled", "before": False, "after": True, "ignored": None}
    ]
    assert writes(sim_http) == before


def ignore_port(until: date | None) -> dict[str, Any]:
    doc = split_delivery()
    entry: dict[str, Any] = {
        "step": "Legacy mail server",
        "field": "server.single_host.port",
        "reason": "legacy server moved to 587 during the migration",
    }
    if until is not None:
        entry["until"] = until.isoformat()
    doc["drift"] = {"ignore": [entry]}
    return doc


def test_acknowledged_drift_exits_0_and_is_reported_as_ignored(
    converged: int, runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    edit_live(sim_http, lambda live: live["routes"][0]["server"]["single_host"].update(port=587))
    doc = ignore_port(date.today() + timedelta(days=30))
    result = runbook_cli("drift", str(write_runbook(doc)), "--json")
    assert result.code == 0, result.output
    step = result.run()["steps"][0]
    assert step["changes"][0]["ignored"] == "legacy server moved to 587 during the migration"
    assert "acknowledged" in step["message"]


def test_expired_acknowledgement_counts_again(
    converged: int, runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    edit_live(sim_http, lambda live: live["routes"][0]["server"]["single_host"].update(port=587))
    doc = ignore_port(date.today() - timedelta(days=1))
    before = writes(sim_http)
    result = runbook_cli("drift", str(write_runbook(doc)), "--json")
    assert result.code == 2, result.output
    assert writes(sim_http) == before


def test_github_summary_and_junit_are_written_and_parse(
    converged: int,
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    edit_live(sim_http, lambda live: live["routing_rules"][0].update(messages=["inbound"]))
    summary = tmp_path / "summary.md"
    junit = tmp_path / "junit.xml"
    env = {**cli_env, "GITHUB_STEP_SUMMARY": str(summary)}
    result = runbook_cli(
        "drift", str(write_runbook(split_delivery())), "--junit", str(junit), env=env
    )
    assert result.code == 2, result.output
    text = summary.read_text()
    assert "| " in text and "messages" in text
    suite = ET.parse(junit).getroot()
    cases = suite.findall(".//testcase")
    assert len(cases) == 2
    failures = [c for c in cases if c.find("failure") is not None]
    assert len(failures) == 1


def test_unmanaged_entries_are_listed_not_drift(
    converged: int, runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    def change(live: dict[str, Any]) -> None:
        live["routes"].append({**live["routes"][0], "name": "Someone else's route"})

    edit_live(sim_http, change)
    result = runbook_cli(
        "drift", str(write_runbook(split_delivery())), "--show-unmanaged", "--json"
    )
    assert result.code == 0, result.output
    assert result.run()["unmanaged"]["routes"] == ["Someone else's route"]


def test_unmanaged_routing_rules_are_the_routing_blocks_only(
    converged: int, runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    # The Routing page's other settings blocks hold entries, one named like our rule.
    ours = split_delivery()["steps"][1]["routing_rule"]["description"]

    def change(live: dict[str, Any]) -> None:
        rule = {**live["routing_rules"][0], "description": "Someone else's rule"}
        live["routing_rules"].append(rule)
        live["address_maps"] = [{"description": ours}, {"description": "Aliases"}]
        live["smtp_relays"] = [{"description": "Printers"}]

    edit_live(sim_http, change)
    result = runbook_cli(
        "drift", str(write_runbook(split_delivery())), "--show-unmanaged", "--json"
    )
    assert result.code == 0, result.output
    assert result.run()["unmanaged"]["routing_rules"] == ["Someone else's rule"]
    assert writes(sim_http) == converged


def test_several_runbooks_print_one_json_document_with_a_run_each(
    converged: int, runbook_cli: Run, write_runbook: Write
) -> None:
    first = write_runbook(split_delivery(), "a.yaml")
    second = write_runbook(split_delivery(), "b.yaml")
    result = runbook_cli("drift", str(first), str(second), "--json")
    assert result.code == 0, result.output
    document = result.json()
    assert document["format"] == 1 and document["exit_code"] == 0
    assert [Path(r["file"]).name for r in document["runs"]] == ["a.yaml", "b.yaml"]
    assert all(r["exit_code"] == 0 for r in document["runs"])


def test_several_runbooks_write_one_junit_file_with_a_testsuite_each(
    converged: int, runbook_cli: Run, write_runbook: Write, tmp_path: Path
) -> None:
    first = write_runbook(split_delivery(), "a.yaml")
    second = write_runbook(split_delivery(), "b.yaml")
    junit = tmp_path / "junit.xml"
    result = runbook_cli("drift", str(first), str(second), "--junit", str(junit))
    assert result.code == 0, result.output
    root = ET.parse(junit).getroot()
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 2
    assert root.get("tests") == "4"
    assert not list(tmp_path.glob("junit.*.xml"))


def test_unmanaged_entries_are_listed_on_the_terminal(
    converged: int, runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    def change(live: dict[str, Any]) -> None:
        live["routes"].append({**live["routes"][0], "name": "Someone else's route"})

    edit_live(sim_http, change)
    result = runbook_cli("drift", str(write_runbook(split_delivery())), "--show-unmanaged")
    assert result.code == 0, result.output
    assert "Unmanaged" in result.stdout
    assert "Someone else's route" in result.stdout


def test_host_tables_listed_in_another_order_are_in_sync(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    primary = [
        {"host": "a.example.com", "port": 25, "load": 60},
        {"host": "b.example.com", "port": 25, "load": 40},
    ]
    secondary = [
        {"host": "c.example.com", "port": 2525, "load": 50},
        {"host": "d.example.com", "port": 2525, "load": 50},
    ]
    tables = {"primary": primary, "secondary": secondary}
    book = {
        "version": 1,
        "name": "balanced",
        "console": {"locale": "en"},
        "steps": [
            {
                "name": "Balanced route",
                "mail_route": {"name": "Balanced", "server": {"multiple_hosts": tables}},
            }
        ],
    }
    live = {"primary": primary[::-1], "secondary": secondary[::-1]}
    route = {
        "name": "Balanced",
        "server": {"multiple_hosts": live},
        "mx_lookup": False,
        "require_tls": True,
        "require_ca_signed_certificate": True,
        "validate_certificate_hostname": True,
    }
    sim_http.put("/_sim/state", json={"routes": [route]}).raise_for_status()
    path = str(write_runbook(book))

    drift = runbook_cli("drift", path, "--json")
    assert drift.code == 0, drift.output
    assert drift.run()["steps"][0]["status"] == "ok"
    applied = runbook_cli("run", path, "--json", "--screenshots", "off")
    assert applied.code == 0, applied.output
    assert applied.run()["steps"][0]["status"] == "ok"
    assert writes(sim_http) == 0
