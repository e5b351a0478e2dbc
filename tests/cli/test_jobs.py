"""The shipped runbooks for the jobs admins do: applied, applied again, then checked for drift."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
import yaml

from runbook.file import load_runbook
from tests.cli.conftest import CliResult
from tests.samples import at_top

ROOT = Path(__file__).parents[2]
JOBS = ("dual-delivery", "offboarding-reject", "outbound-gateway")

Run = Callable[..., CliResult]
Write = Callable[..., Path]


@pytest.mark.parametrize("job", JOBS)
def test_a_shipped_job_applies_converges_and_is_in_sync(
    job: str, runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    path = ROOT / "runbooks" / f"{job}.yaml"
    book = write_runbook(yaml.safe_load(path.read_text()))
    rehearsal = runbook_cli("run", "--dry-run", str(book), "--screenshots", "off")
    assert rehearsal.code == 0, rehearsal.output
    assert sim_http.get("/_sim/audit").json() == []
    first = runbook_cli("run", str(book), "--screenshots", "off")
    assert first.code == 0, first.output
    live = sim_http.get("/_sim/state").json()
    steps = load_runbook(path, env={}).steps
    want_routes = [s.resource.console_fields() for s in steps if s.kind == "mail_route"]
    want_rules = [s.resource.console_fields() for s in steps if s.kind == "routing_rule"]
    assert live["routes"] == want_routes
    assert live["routing_rules"] == at_top(*want_rules)
    writes = len(sim_http.get("/_sim/audit").json())
    assert writes == len(steps)
    again = runbook_cli("run", str(book), "--screenshots", "off")
    assert again.code == 0, again.output
    assert len(sim_http.get("/_sim/audit").json()) == writes
    drift = runbook_cli("drift", str(book))
    assert drift.code == 0, drift.output
