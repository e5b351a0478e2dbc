"""Seeded runs interrupted after a save (Ctrl-C, SIGTERM): recorded as such, never half-done."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.reliability.conftest import Run
from tests.reliability.test_faults import (
    HEALTHY,
    ROUTE,
    RULE,
    UNMANAGED,
    _entries,
    expected_state,
    runbook_doc,
    stale,
)

RUNS = 6
CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}


def wait_for_a_write(http: httpx.Client, proc: subprocess.Popen[str], writes: int) -> None:
    """Return once the console has accepted a write beyond `writes` (or `proc` ended); bounded."""
    for _ in range(600):
        if len(http.get("/_sim/audit").json()) > writes or proc.poll() is not None:
            return
        threading.Event().wait(0.05)


@pytest.mark.reliability
@pytest.mark.process  # the signal reaches a process of its own
@pytest.mark.parametrize("seed", range(RUNS))
def test_seeded_run_interrupted_after_a_save(
    seed: int,
    rel_sim: Any,
    rel_http: httpx.Client,
    rel_env: dict[str, str],
    tmp_path: Path,
    run: Run,
) -> None:
    rng = random.Random(seed)
    sig = signal.SIGINT if seed % 2 == 0 else signal.SIGTERM
    multi = rng.random() < 0.5
    book = tmp_path / "book.yaml"
    book.write_text(yaml.safe_dump(runbook_doc(rel_sim.url, multi), sort_keys=False))
    expected = expected_state(run, multi, book, rel_http, rel_env, tmp_path)
    start_stale = rng.random() < 0.5
    rel_http.put("/_sim/state", json=stale(expected) if start_stale else UNMANAGED)
    before = rel_http.get("/_sim/state").json()
    writes = len(rel_http.get("/_sim/audit").json())
    earlier = set((tmp_path / "recordings").glob("*/report.json"))
    rel_http.post("/_sim/faults", json={"latency_ms": [300, 600], "seed": seed})

    proc = subprocess.Popen(
        [sys.executable, "-m", "runbook", "run", str(book), "--screenshots", "off"],
        cwd=tmp_path,
        env=rel_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_a_write(rel_http, proc, writes)
        proc.send_signal(sig)
        output, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    if proc.returncode == 0:
        pytest.skip("the run ended before the signal")  # a fast machine; nothing to check
    assert proc.returncode == CODES[sig], output
    assert "Traceback" not in output
    assert "Future exception was never retrieved" not in output
    [report] = set((tmp_path / "recordings").glob("*/report.json")) - earlier
    data = json.loads(report.read_text())
    assert data["exit_code"] == CODES[sig]
    statuses = [s["status"] for s in data["steps"]]
    assert statuses.count("interrupted") == 1, statuses
    # Every step is listed: those after the interrupted one as not run.
    assert set(statuses[statuses.index("interrupted") + 1 :]) <= {"not_run"}, statuses
    assert len(statuses) == len(runbook_doc(rel_sim.url, multi)["steps"])

    live = rel_http.get("/_sim/state").json()
    routes, rules = _entries(live)
    exp_routes, exp_rules = _entries(expected)
    old_routes, old_rules = _entries(before)
    assert routes.get(ROUTE) in (exp_routes.get(ROUTE), old_routes.get(ROUTE)), output
    assert rules.get(RULE) in (exp_rules.get(RULE), old_rules.get(RULE)), output

    rel_http.post("/_sim/faults", json=HEALTHY).raise_for_status()
    again = run(["run", str(book), "--screenshots", "off", "--trace", "off"], rel_env, tmp_path)
    assert again.code == 0, again.stdout + again.stderr
    assert rel_http.get("/_sim/state").json() == expected
