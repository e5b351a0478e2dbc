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
