"""`runbook export`: a console's entries as a runbook that validates, is in sync and rebuilds it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import yaml

from tests.cli.adopt_samples import OPTIONS_RULE, full_console
from tests.cli.conftest import CliResult
from tests.cli.test_drift import writes
from tests.simulator.samples import LEGACY, REJECT, SPLIT

Run = Callable[..., CliResult]


def fill(sim_http: httpx.Client) -> dict[str, Any]:
    """Put every kind of entry and field in the console; the state it then shows."""
    empty = sim_http.get("/_sim/state").json()
    sim_http.put("/_sim/state", json=full_console(empty)).raise_for_status()
    state: dict[str, Any] = sim_http.get("/_sim/state").json()
    return state


# Over 20 s: export twice, drift, then a rebuild run: the round trip is the subject.
def test_export_validates_is_in_sync_rebuilds_the_console_and_is_stable(
    runbook_cli: Run, sim_http: httpx.Client, simulator: Any, tmp_path: Path
) -> None:
    filled = fill(sim_http)
    first = runbook_cli("export", "--console", simulator.url, "-o", "first.yaml")
    assert first.code == 0, first.output
    again = runbook_cli("export", "--console", simulator.url, "-o", "again.yaml")
    assert again.code == 0, again.output
    text = (tmp_path / "first.yaml").read_text()
    assert (tmp_path / "again.yaml").read_bytes() == text.encode()
    assert writes(sim_http) == 0
    assert text.startswith("# yaml-language-server: $schema=")
    doc = yaml.safe_load(text)
    kinds = [next(k for k in step if k != "name") for step in doc["steps"]]
    assert kinds == ["mail_route"] * 3 + ["routing_rule"] * 3 + ["default_routing"]
    assert doc["console"] == {"url": simulator.url, "locale": "en", "org_unit": "/"}
    # Only what differs from a new entry: a route on port 25 with TLS as default says neither.
    assert doc["steps"][0]["mail_route"] == {
        "name": "Legacy mail server",
        "server": {"single_host": {"host": "mail.legacy.example.com"}},
    }
    assert runbook_cli("validate", "first.yaml").code == 0
    drift = runbook_cli("drift", "first.yaml")
    assert drift.code == 0, drift.output
    sim_http.post("/_sim/reset").raise_for_status()
    rebuilt = runbook_cli("run", "first.yaml", "--screenshots", "off")
    assert rebuilt.code == 0, rebuilt.output
    assert sim_http.get("/_sim/state").json() == filled


def test_an_option_runbook_does_not_model_is_a_comment_and_exit_4_after_writing(
    runbook_cli: Run, sim_http: httpx.Client, simulator: Any, tmp_path: Path
) -> None:
    fill(sim_http)
    rule = OPTIONS_RULE["description"]
    faults = {"extra_option": {"label": "Add X-Gm-Future header", "rule": rule}}
    sim_http.post("/_sim/faults", json=faults).raise_for_status()
    result = runbook_cli(
        "export", "--console", simulator.url, "--kind", "routing_rule", "--match", "^Archive"
    )
    assert result.code == 4, result.output
    assert "partial" in result.output
    text = (tmp_path / "export.yaml").read_text()
    assert "# runbook does not model option 'Add X-Gm-Future header' of this entry" in text
    doc = yaml.safe_load(text)
    assert [s["routing_rule"]["description"] for s in doc["steps"]] == [rule]
    # The route it names is not in this file: a reference to an existing one.
    copy = doc["steps"][0]["routing_rule"]["also_deliver_to"][1]
    assert copy["change_route"] == "Balanced relays"
    assert writes(sim_http) == 0


def test_a_bad_pattern_or_two_org_units_is_a_usage_error_before_any_browser(
    runbook_cli: Run,
) -> None:
    bad = runbook_cli("export", "--match", "(")
    assert bad.code == 64, bad.output
    assert "not a regular expression" in bad.output
    two = runbook_cli("export", "--org-unit", "/Sales", "--org-unit", "/Support")
    assert two.code == 64, two.output
    assert "one org unit" in two.output


def test_a_child_units_export_holds_its_own_rules_and_the_inherited_ones_it_turns_off(
    runbook_cli: Run, sim_http: httpx.Client, simulator: Any, tmp_path: Path
) -> None:
    left_on = {**REJECT, "enabled": True, "org_unit": "/"}
    own = {**SPLIT, "description": "Sales to the legacy server", "org_unit": "/Sales"}
    console = {
        "org_units": ["/", "/Sales"],
        "routes": [LEGACY],
        "routing_rules": [SPLIT, left_on, own],
        "disabled_inherited": [{"org_unit": "/Sales", "description": SPLIT["description"]}],
    }
    sim_http.put("/_sim/state", json=console).raise_for_status()
    filled = sim_http.get("/_sim/state").json()
    args = ("--console", simulator.url, "--org-unit", "/Sales", "--kind", "routing_rule")
    result = runbook_cli("export", *args, "-o", "sales.yaml")
    assert result.code == 0, result.output
    assert writes(sim_http) == 0
    doc = yaml.safe_load((tmp_path / "sales.yaml").read_text())
    assert doc["console"]["org_unit"] == "/Sales"
    rules = [s["routing_rule"] for s in doc["steps"]]
    assert [r["description"] for r in rules] == [own["description"], SPLIT["description"]]
    # the one turned off here is a switch; the one left on is the parent's alone
    assert rules[1] == {"description": SPLIT["description"], "inherited": True, "enabled": False}
    assert runbook_cli("validate", "sales.yaml").code == 0
    assert runbook_cli("drift", "sales.yaml").code == 0
    # rebuilt from the file: the own rule and the switch, the top's rules untouched
    sim_http.put(
        "/_sim/state", json={**console, "routing_rules": [SPLIT, left_on], "disabled_inherited": []}
    ).raise_for_status()
    rebuilt = runbook_cli("run", "sales.yaml", "--screenshots", "off")
    assert rebuilt.code == 0, rebuilt.output
    assert sim_http.get("/_sim/state").json() == filled


def test_an_export_of_one_unit_says_which_units_below_it_are_not_in_the_file(
    runbook_cli: Run, sim_http: httpx.Client, simulator: Any, tmp_path: Path
) -> None:
    console = {
        "org_units": ["/", "/Sales", "/Sales/EMEA", "/Support"],
        "routes": [LEGACY],
        "routing_rules": [SPLIT, {**REJECT, "org_unit": "/Sales"}],
    }
    sim_http.put("/_sim/state", json=console).raise_for_status()
    top = runbook_cli("export", "--console", simulator.url, "-o", "top.yaml", "--json")
    assert top.code == 0, top.output
    assert top.run()["notes"] == [
        "Only org unit / was exported: the rules and settings of the org units below it "
        "(/Sales, /Support) are not in top.yaml; export each with --org-unit"
    ]
    assert "Exported 2 entries of org unit / to top.yaml" in top.run()["summary"]
    routes = runbook_cli(
        "export", "--console", simulator.url, "--kind", "mail_route", "-o", "routes.yaml"
    )
    assert routes.code == 0 and "Only org unit" not in routes.output  # routes have no OU
    assert writes(sim_http) == 0
