"""`runbook` against a console showing every known variant at once, and re-authentication."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from runbook.simulator.variants import VARIANTS
from tests.cli.conftest import ROOT, CliResult
from tests.profiles import own_login

Run = Callable[..., CliResult]
Write = Callable[..., Path]
SPLIT_DELIVERY = ("split-delivery.yaml", "split-delivery-multi-host.yaml")


def _both_runbooks() -> dict[str, Any]:
    """The split-delivery and multi-host runbooks as one (four steps)."""
    docs = [yaml.safe_load((ROOT / "runbooks" / name).read_text()) for name in SPLIT_DELIVERY]
    both = {**docs[0], "name": "split-delivery-both", "steps": docs[0]["steps"] + docs[1]["steps"]}
    return both


def _absent(doc: dict[str, Any]) -> dict[str, Any]:
    steps = []
    for step in reversed(doc["steps"]):
        kind = "mail_route" if "mail_route" in step else "routing_rule"
        field = "name" if kind == "mail_route" else "description"
        steps.append({kind: {field: step[kind][field]}, "state": "absent"})
    return {**doc, "steps": steps}


def _writes(sim_http: httpx.Client) -> list[str]:
    return [a["action"] for a in sim_http.get("/_sim/audit").json()]


# Over 20 s: apply, re-apply, drift and removal, each a run, on every variant at once.
def test_every_variant_at_once_apply_reapply_drift_and_absent(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    # Every variant of the pages (Google's refusal of an automated browser would refuse the
    # automated "Verify it's you" itself, and the suite's session is not to age out mid-suite:
    # tests/cli/test_sessions.py has both).
    pages = [v for v in VARIANTS if v not in ("automation-refused", "session-hour")]
    sim_http.put("/_sim/variants", json=pages).raise_for_status()
    book = str(write_runbook(_both_runbooks()))
    applied = runbook_cli("run", book, "--json")
    assert applied.code == 0, applied.output
    assert [s["action"] for s in applied.run()["steps"]] == ["create"] * 4
    notes = applied.run()["notes"]
    assert any("verify it's you" in n for n in notes), notes  # answered with RUNBOOK_PASSWORD
    assert any("banner" in n for n in notes), notes
    assert _writes(sim_http) == ["create_route", "create_rule"] * 2

    again = runbook_cli("run", book)
    assert again.code == 0, again.output
    drift = runbook_cli("drift", book)
    assert drift.code == 0, drift.output
    assert len(_writes(sim_http)) == 4  # neither the second apply nor drift wrote

    removed = runbook_cli("run", str(write_runbook(_absent(_both_runbooks()), "absent.yaml")))
    assert removed.code == 0, removed.output
    assert "Note: the hosts list still showed" in removed.stdout  # the report says so
    left = sim_http.get("/_sim/state").json()
    assert (left["routes"], left["routing_rules"]) == ([], [])
    assert _writes(sim_http)[4:] == ["delete_rule", "delete_route"] * 2


def test_reauth_without_a_password_stops_with_exit_3_and_saves_nothing(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, cli_env: dict[str, str]
) -> None:
    sim_http.put("/_sim/variants", json=["reauth"]).raise_for_status()
    env = {k: v for k, v in cli_env.items() if k != "RUNBOOK_PASSWORD"}
    result = runbook_cli("run", str(write_runbook(_both_runbooks())), env=env)
    assert result.code == 3, result.output
    assert "verify it's you" in result.output
    assert _writes(sim_http) == []


@pytest.mark.process  # a simulator that wrongly started would serve for ever: a process is stopped
def test_an_unknown_simulator_variant_is_a_usage_error(runbook_process: Run) -> None:
    done = runbook_process("simulator", "--variant", "caps", "--variant", "capz", timeout=60)
    assert done.code == 64
    assert "unknown variant(s) capz; known: caps, tls-wording-2" in done.stderr


def test_login_answers_verify_its_you_with_the_password_as_runs_do(
    runbook_cli: Run,
    sim_http: httpx.Client,
    simulator: Any,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    sim_http.put("/_sim/variants", json=["reauth"]).raise_for_status()
    _, result = own_login(runbook_cli, cli_env, tmp_path, simulator.url, "--profile", "fresh")
    assert result.code == 0, result.output
    assert "verify it's you" in result.output
    saved = tmp_path / "config" / "runbook" / "profiles" / "fresh.json"
    assert saved.is_file()


def test_non_interactive_login_refused_as_an_automated_browser_says_so_in_one_line(
    runbook_cli: Run,
    sim_http: httpx.Client,
    simulator: Any,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    sim_http.put("/_sim/variants", json=["automation-refused"]).raise_for_status()
    _, result = own_login(runbook_cli, cli_env, tmp_path, simulator.url, "--profile", "bot")
    assert result.code == 3, result.output
    assert result.stderr.strip().splitlines() == [
        "runbook: error: Google refused sign-in in an automated browser (“Couldn’t sign you "
        "in”); sign in with `runbook login` (a plain browser window), then run again"
    ]
    assert not (tmp_path / "config" / "runbook" / "profiles" / "bot.json").exists()


def test_simulator_help_lists_every_variant_with_what_it_shows(runbook_cli: Run) -> None:
    shown = runbook_cli("simulator", "--help").stdout
    for name, text in VARIANTS.items():
        assert f"{name}: {text[:40]}" in " ".join(shown.split()), name
