"""The fleet's outputs from its tenants' run folders: report grid, JUnit, step summary, lines."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from runbook.fleet import FleetRun, Tenant, TenantOutcome
from runbook.fleet.outputs import (
    current_step,
    print_line,
    step_summary,
    summary_text,
    write_fleet_junit,
)
from runbook.fleet.report import render_fleet_html


def step(index: int, name: str, status: str) -> dict[str, Any]:
    return {"index": index, "name": name, "status": status}


def outcome(
    folder: Path, name: str, code: int, steps: list[dict[str, Any]] | None
) -> TenantOutcome:
    run_dir = folder / name
    run_dir.mkdir(parents=True)
    if steps is not None:
        doc = {"runbook": "split-delivery", "steps": steps, "error": ""}
        (run_dir / "report.json").write_text(json.dumps(doc))
        (run_dir / "report.html").write_text("<html></html>")
    else:
        (run_dir / "output.txt").write_text("runbook: error: sign-in required\n")
    return TenantOutcome.read(Tenant(name, "https://admin.google.com", name), code, run_dir, 1500)


def fleet(tmp_path: Path) -> FleetRun:
    folder = tmp_path / "20260101T000000Z-split-delivery-fleet"
    run = FleetRun("split-delivery", "book.yaml", "drift", folder, "2026-01-01", workers=2)
    run.outcomes = [
        outcome(folder, "acme", 0, [step(1, "Route", "ok"), step(2, "Rule", "ok")]),
        outcome(folder, "beta", 2, [step(1, "Route", "ok"), step(2, "Rule", "drift")]),
        outcome(folder, "gamma", 3, None),
    ]
    return run


def test_the_report_is_a_grid_of_tenants_and_steps_linking_to_each_report(tmp_path: Path) -> None:
    page = render_fleet_html(fleet(tmp_path))
    assert "<th>1. Route</th><th>2. Rule</th>" in page
    assert page.count('href="acme/report.html"') == 3  # the name and both cells
    assert 'background:#fff0c2" title="2. Rule"><a href="beta/report.html">drift' in page
    assert 'href="gamma/output.txt">runbook: error: sign-in required' in page
    assert "Exit code 3 (sign-in required" in page


def test_junit_has_one_suite_per_tenant(tmp_path: Path) -> None:
    run = fleet(tmp_path)
    path = tmp_path / "fleet.xml"
    write_fleet_junit(run, path)
    suites = ET.parse(path).getroot().findall("testsuite")
    assert [s.get("name") for s in suites] == ["acme: run", "beta: run", "gamma: run"]
    assert [s.get("errors") for s in suites] == ["0", "0", "1"]


def test_the_step_summary_and_the_json_line_name_each_tenant(tmp_path: Path) -> None:
    run = fleet(tmp_path)
    summary = step_summary(run)
    assert "exit 3 (sign-in required" in summary.splitlines()[0]
    assert "| gamma | ❌ sign_in_required | 3 |" in summary
    stream = io.StringIO()
    print_line(run.outcomes[1], stream)
    line = json.loads(stream.getvalue())
    assert line == {
        "format": 1,
        "tenant": "beta",
        "exit_code": 2,
        "status": "drift",
        "duration_ms": 1500,
        "report": str(run.folder / "beta" / "report.html"),
    }


def test_the_live_table_shows_the_step_a_tenant_is_at(tmp_path: Path) -> None:
    (tmp_path / "run.jsonl").write_text(
        json.dumps({"event": "run.started"}) + "\n"
        + json.dumps({"event": "step.started", "index": 2, "step": "Rule"}) + "\n"
    )  # fmt: skip
    assert current_step(tmp_path) == "2. Rule"
    assert current_step(tmp_path / "missing") == ""


def test_a_tenant_never_started_is_not_started_with_nothing_to_link_to(tmp_path: Path) -> None:
    run = fleet(tmp_path)
    tenant = Tenant("delta", "https://admin.google.com", "delta")
    late = TenantOutcome.not_started(tenant, 143, run.folder / "delta")
    run.outcomes.append(late)
    assert (late.status, late.report) == ("not_started", None)
    assert late.error == "not started: the fleet was terminated before this tenant's turn"
    page = render_fleet_html(run)
    assert "<th>delta</th><td>not_started</td>" in page
    assert "delta/" not in page  # no link to a folder that was never made
    assert run.as_dict()["tenants"][-1]["report"] is None
    assert run.exit_code == 143
    out = io.StringIO()
    print_line(late, out)
    assert json.loads(out.getvalue())["status"] == "not_started"


def test_each_failed_tenant_gives_its_cause_in_one_line(tmp_path: Path) -> None:
    run = fleet(tmp_path)
    failing = step(2, "Route to Microsoft 365", "failed")
    failing["message"] = 'the console has no "Hosts" page item\nlocator: get_by_role("link")'
    run.outcomes.append(
        outcome(
            run.folder, "umbrella", 4, [step(1, "Route", "ok"), failing, step(3, "X", "not_run")]
        )
    )
    said = 'step 2 "Route to Microsoft 365": the console has no "Hosts" page item'
    umbrella, gamma = run.outcomes[-1], run.outcomes[2]

    assert umbrella.cause == said
    assert gamma.cause == "runbook: error: sign-in required"  # no report: its output's last line
    assert [o.cause for o in run.outcomes[:2]] == ["", ""]  # success and drift: nothing failed
    assert run.as_dict()["tenants"][-1]["cause"] == said
    lines = summary_text(run).splitlines()
    [line] = [line for line in lines if line.lstrip().startswith("umbrella")]
    assert "console_changed (exit 4)" in line and line.endswith(said)
    assert "locator" not in summary_text(run)  # the first line only
    assert said.replace('"', "&quot;") in render_fleet_html(run)
    assert f"| {said} |" in step_summary(run)
