"""`plan`, `export` and `probe` with `--tenants`: one output per tenant, read-only, and the
fleet's pre-flight of a browser server."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from runbook.simulator.server import SimulatorServer
from tests.cli.conftest import CliResult, write_tenants
from tests.cli.test_remote_browser import closed_endpoint
from tests.dnsmasq import DnsServer
from tests.samples import LEGACY_ROUTE, converged_rule, split_delivery

Run = Callable[..., CliResult]
Write = Callable[..., Path]


@dataclass
class Pair:
    """Two tenants: acme (the test console, on the session the set-up saved, with its own
    legacy host) and beta (a second console, without sign-in), and their tenants file."""

    acme: httpx.Client
    beta: httpx.Client
    acme_url: str
    beta_url: str
    tenants: str

    def writes(self) -> list[Any]:
        """Every write either console accepted."""
        return self.acme.get("/_sim/audit").json() + self.beta.get("/_sim/audit").json()


@pytest.fixture
def pair(
    sim_http: httpx.Client,
    simulator: Any,
    beta: httpx.Client,
    second_console: SimulatorServer,
    tmp_path: Path,
) -> Pair:
    acme = {"name": "acme", "console": simulator.url, "profile": "default"}
    acme["vars"] = {"legacy_host": "mx.acme.example"}  # type: ignore[assignment]
    tenants = write_tenants(tmp_path, [acme, {"name": "beta", "console": second_console.url}])
    return Pair(sim_http, beta, simulator.url, second_console.url, str(tenants))


def by_tenant(result: CliResult) -> dict[str, Any]:
    return {t["tenant"]: t for t in result.json()["tenants"]}


# Over 20 s: two tenants' plans, then their applies, each in a fleet worker process.
def test_plan_writes_one_plan_per_tenant_and_each_applies_to_its_tenant(
    runbook_cli: Run, write_runbook: Write, pair: Pair, tmp_path: Path
) -> None:
    # acme is empty (two changes pending); beta already holds the route and rule (none).
    pair.beta.put(
        "/_sim/state", json={"routes": [LEGACY_ROUTE], "routing_rules": [converged_rule()]}
    ).raise_for_status()
    book = write_runbook(split_delivery())
    result = runbook_cli(
        "plan", str(book), "--tenants", pair.tenants, "-o", "plans", "--screenshots", "off",
        "--json",
    )  # fmt: skip
    assert result.code == 2, result.output  # changes pending on one tenant, no failure
    outcomes = by_tenant(result)
    assert (outcomes["acme"]["exit_code"], outcomes["beta"]["exit_code"]) == (2, 0)
    assert result.json()["mode"] == "plan"
    acme, beta_plan = (json.loads((tmp_path / "plans" / f"{n}.json").read_text()) for n in outcomes)
    assert (acme["console"], acme["changes"]) == (pair.acme_url, 2)
    assert (beta_plan["console"], beta_plan["changes"]) == (pair.beta_url, 0)
    assert acme["runbooks"][0]["vars"] == {"legacy_host": "mx.acme.example"}
    assert pair.writes() == []
    fleet = Path(result.json()["fleet_dir"])
    assert (tmp_path / fleet / "acme" / "report.json").is_file()
    assert (tmp_path / fleet / "beta" / "report.json").is_file()

    # Each tenant's plan applies to its own console: acme gets both, beta (no change) nothing.
    applied = runbook_cli("apply", "plans", "--tenants", pair.tenants, "--screenshots", "off")
    assert applied.code == 0, applied.output
    [route] = pair.acme.get("/_sim/state").json()["routes"]
    assert route["server"]["single_host"]["host"] == "mx.acme.example"
    assert [e["action"] for e in pair.acme.get("/_sim/audit").json()] == [
        "create_route",
        "create_rule",
    ]
    assert pair.beta.get("/_sim/audit").json() == []
    again = runbook_cli("apply", "plans", "--tenants", pair.tenants, "--tenant", "acme")
    assert again.code == 1, again.output  # acme's plan is stale now: refused, nothing saved
    [line] = [json.loads(text) for text in again.stdout.splitlines()]
    assert "the plan is stale" in Path(tmp_path, line["report"]).read_text()
    assert len(pair.acme.get("/_sim/audit").json()) == 2


def test_export_writes_one_valid_runbook_per_tenant(
    runbook_cli: Run, pair: Pair, tmp_path: Path
) -> None:
    pair.acme.put("/_sim/state", json={"routes": [LEGACY_ROUTE]}).raise_for_status()
    other = {**LEGACY_ROUTE, "name": "Beta relay"}
    pair.beta.put(
        "/_sim/state", json={"routes": [LEGACY_ROUTE, other], "routing_rules": [converged_rule()]}
    ).raise_for_status()
    result = runbook_cli("export", "--tenants", pair.tenants, "-o", "out", "--json")
    assert result.code == 0, result.output
    assert {n: t["exit_code"] for n, t in by_tenant(result).items()} == {"acme": 0, "beta": 0}
    for name, console, routes in (
        ("acme", pair.acme_url, ["Legacy mail server"]),
        ("beta", pair.beta_url, ["Legacy mail server", "Beta relay"]),
    ):
        written = tmp_path / "out" / f"{name}.yaml"
        checked = runbook_cli("validate", str(written))
        assert checked.code == 0, checked.output
        doc = yaml.safe_load(written.read_text())
        assert doc["console"]["url"] == console
        assert [s["mail_route"]["name"] for s in doc["steps"] if "mail_route" in s] == routes
    assert any(
        "routing_rule" in s
        for s in yaml.safe_load((tmp_path / "out/beta.yaml").read_text())["steps"]
    )
    assert pair.writes() == []


# Over 20 s: two tenants' probes, each a walk of every page, dialog and menu.
def test_probe_names_what_is_missing_for_the_tenant_whose_console_changed_only(
    runbook_cli: Run, write_runbook: Write, pair: Pair, tmp_path: Path
) -> None:
    pair.beta.put("/_sim/labels", json={"en": {"Add route": "New route"}}).raise_for_status()
    book = str(write_runbook(split_delivery()))
    probe = ["probe", book, "--tenants", pair.tenants, "--trace", "off"]
    result = runbook_cli(*probe, "--write-labels", "labels", "--json")
    assert result.code == 4, result.output
    outcomes = by_tenant(result)
    assert (outcomes["acme"]["exit_code"], outcomes["acme"]["error"]) == (0, "")
    assert outcomes["acme"]["run"]["probe"]["missing"] == []
    assert outcomes["beta"]["exit_code"] == 4
    assert "add_route (button on hosts)" in outcomes["beta"]["error"]
    [missing] = outcomes["beta"]["run"]["probe"]["missing"]
    assert (missing["key"], missing["candidates"][0]) == ("add_route", "New route")
    assert yaml.safe_load((tmp_path / "labels/beta.yaml").read_text()) == {
        "en": {"add_route": "New route"}
    }
    assert yaml.safe_load((tmp_path / "labels/acme.yaml").read_text()) == {"en": {}}
    assert pair.writes() == []

    # A slice: the shard of acme only (tenants dealt round-robin); beta's missing key is
    # then no part of the fleet's outcome.
    first = runbook_cli(*probe, "--shard", "0/2")
    assert first.code == 0, first.output
    assert [json.loads(line)["tenant"] for line in first.stdout.splitlines()] == ["acme"]


def test_an_unreachable_browser_server_stops_the_fleet_before_any_tenant_starts(
    runbook_cli: Run, write_runbook: Write, pair: Pair, tmp_path: Path
) -> None:
    endpoint = closed_endpoint()
    book = str(write_runbook(split_delivery()))
    for command in ("drift", "plan"):
        result = runbook_cli(
            command, book, "--tenants", pair.tenants, "--browser-endpoint", endpoint
        )
        assert result.code == 1, result.output
        [line] = result.stderr.strip().splitlines()
        assert f"could not reach the browser server at {endpoint}" in line
        assert "no tenant was started" in line
        assert not (tmp_path / "recordings").exists()  # no fleet folder, no tenant run
    assert pair.acme.get("/_sim/audit").json() == []


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["plan", "{book}", "-o", "plans"], "-o plans is a directory; give a file"),
        (["export", "--tenants", "{tenants}", "-o", "taken.json"], "give a directory"),
        (["probe", "--tenants", "{tenants}", "--bundle", "taken.json"], "give a directory"),
        (["apply", "plans", "--tenants", "{tenants}"], "no plan for tenant acme"),
        (["export", "--tenants", "{tenants}", "--console", "simulator"], "do not go together"),
    ],
)
def test_outputs_of_the_wrong_kind_are_usage_errors_before_any_browser(
    runbook_cli: Run,
    write_runbook: Write,
    pair: Pair,
    tmp_path: Path,
    args: list[str],
    reason: str,
) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "taken.json").write_text("{}")
    book = str(write_runbook(split_delivery()))
    result = runbook_cli(*(a.format(book=book, tenants=pair.tenants) for a in args))
    assert result.code == 64, result.output
    assert reason in result.stderr
    assert not (tmp_path / "recordings").exists()


def test_probe_connects_to_the_browser_server_it_is_given(
    runbook_cli: Run, pair: Pair, tmp_path: Path
) -> None:
    endpoint = closed_endpoint()
    result = runbook_cli("probe", "--console", pair.acme_url, "--browser-endpoint", endpoint)
    assert result.code == 1, result.output
    assert f"could not reach the browser server at {endpoint}" in result.stderr


# Over 20 s: a plan, its apply and a refused apply, through fleet worker processes.
def test_a_tenants_plan_is_applied_in_the_tenants_org_unit_and_only_there(
    runbook_cli: Run,
    write_runbook: Write,
    beta: httpx.Client,
    second_console: SimulatorServer,
    tmp_path: Path,
) -> None:
    """Beta runs the runbook at /Sales: both / and /Sales hold "Tag rule"; the plan made there
    changes the /Sales one, and so does its apply (the rule at / is the whole domain's)."""
    tag = {**converged_rule(), "description": "Tag rule"}
    beta.put(
        "/_sim/state",
        json={
            "org_units": ["/", "/Sales"],
            "routes": [LEGACY_ROUTE],
            "routing_rules": [{**tag, "org_unit": "/"}, {**tag, "org_unit": "/Sales"}],
        },
    ).raise_for_status()
    before = beta.get("/_sim/state").json()
    step = {
        "description": "Tag rule",
        "messages": ["inbound"],
        "action": "modify_message",
        "change_route": {"name": "Legacy mail server", "existing": True},
        "account_types": ["unrecognized_catch_all"],
    }
    book = write_runbook({"version": 1, "name": "tag", "steps": [{"routing_rule": step}]})
    sales = {"name": "beta", "console": second_console.url, "org_unit": "/Sales"}
    tenants = str(write_tenants(tmp_path, [sales]))
    planned = runbook_cli("plan", str(book), "--tenants", tenants, "-o", "plans")
    assert planned.code == 2, planned.output
    applied = runbook_cli("apply", "plans", "--tenants", tenants)
    assert applied.code == 0, applied.output
    after = beta.get("/_sim/state").json()
    rules = {r["org_unit"]: r for r in after["routing_rules"]}
    assert rules["/Sales"]["messages"] == ["inbound"]
    assert rules["/"] == next(r for r in before["routing_rules"] if r["org_unit"] == "/")
    assert [(e["action"], e.get("org_unit")) for e in beta.get("/_sim/audit").json()] == [
        ("update_rule", "/Sales")
    ]
    # The tenant moved to another org unit since: its plan is not for it.
    moved = str(write_tenants(tmp_path, [{**sales, "org_unit": "/"}]))
    refused = runbook_cli("apply", "plans", "--tenants", moved)
    assert refused.code == 64, refused.output
    assert "made for org unit /Sales, not for tenant beta's org unit /" in refused.output
    assert len(beta.get("/_sim/audit").json()) == 1


def test_a_fleet_generates_each_tenants_dkim_key_and_writes_its_records_in_its_folder(
    runbook_cli: Run, write_runbook: Write, pair: Pair, dns: DnsServer, tmp_path: Path
) -> None:
    for console in (pair.acme, pair.beta):
        console.put("/_sim/dns", json={"resolver": dns.address}).raise_for_status()
    steps = [{"dkim": {"domain": "example.com"}}]
    vars_ = {"legacy_host": "unused"}  # acme's tenant entry sets it
    book = write_runbook({"version": 1, "name": "dkim", "vars": vars_, "steps": steps})
    result = runbook_cli(
        "run", str(book), "--tenants", pair.tenants, "--dns-resolver", dns.address,
        "--records", "dkim.json", "--screenshots", "off", "--json",
    )  # fmt: skip
    assert result.code == 0, result.output
    fleet = tmp_path / result.json()["fleet_dir"]
    values = {}
    for tenant in ("acme", "beta"):
        [record] = json.loads((fleet / tenant / "dkim.json").read_text())["records"]
        assert (record["name"], record["status"]) == ("google._domainkey.example.com", "publish")
        values[tenant] = record["value"]
        report = json.loads((fleet / tenant / "report.json").read_text())
        assert [s["status"] for s in report["steps"]] == ["waiting_dns"]
        assert report["dns_records"] == [record]
    assert values["acme"] != values["beta"]  # each tenant's console generated its own key
    for console in (pair.acme, pair.beta):
        assert [a["action"] for a in console.get("/_sim/audit").json()] == ["generate_dkim"]
