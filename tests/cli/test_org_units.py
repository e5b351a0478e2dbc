"""Organizational units in runbooks: what a run does with a step placed in another OU (so far)."""

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
        {"description": SPLIT, "org_unit": "/Sales", "inherited": True, "enabled": False},
        {"description": "Sales mail", "messages": ["inbound"], "org_unit": "/Sales"},
    ],
    ids=["inherited", "own-org-unit"],
)
def test_a_step_in_another_org_unit_fails_clearly_and_changes_nothing(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, rule: dict[str, Any]
) -> None:
    book = write_runbook({"version": 1, "name": "ou", "steps": [{"routing_rule": rule}]})
    result = runbook_cli("run", str(book), "--json", "--screenshots", "off")
    assert result.code == 1, result.output
    [step] = result.json()["steps"]
    assert step["status"] == "failed"
    assert "not supported yet" in step["message"] and "nothing was changed" in step["message"]
    assert sim_http.get("/_sim/audit").json() == []
