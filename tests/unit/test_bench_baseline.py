"""The benchmark's careful baseline reads each list first: run twice, it adds nothing twice."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import SimApi

from runbook.simulator.server import SimulatorServer

BASELINE = Path(__file__).resolve().parents[2] / "benchmarks" / "baseline.py"


def test_the_read_first_baseline_adds_only_what_the_console_lacks(
    tmp_path: Path, sim: SimApi, simulator: SimulatorServer, signed_in_state: dict[str, Any]
) -> None:
    session = tmp_path / "session.json"
    session.write_text(json.dumps(signed_in_state))

    def baseline(job: str) -> None:
        done = subprocess.run(
            [sys.executable, str(BASELINE), simulator.url, str(session), job],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-2000:]

    baseline("split-read-first")
    state = sim.state()
    assert [r["name"] for r in state["routes"]] == ["Legacy mail server"]
    assert [r["description"] for r in state["routing_rules"]] == [
        "Split delivery to the legacy server"
    ]
    writes = sim.audit()
    baseline("split-read-first")
    assert sim.state() == state
    assert sim.audit() == writes
