"""A simulator and a signed-in profile of the reliability suite's own (sessions get expired)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from runbook.console.browser import playwright_browsers_path
from runbook.simulator import auth as sim_auth
from runbook.simulator.server import SimulatorServer
from tests.clients import sim_client
from tests.in_process import CliResult, InProcessRunbook
from tests.profiles import login


@pytest.fixture(scope="module")
def rel_sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimulatorServer]:
    sim = SimulatorServer(tmp_path_factory.mktemp("reliability") / "state.json")
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture(scope="module")
def rel_env(
    tmp_path_factory: pytest.TempPathFactory, rel_sim: SimulatorServer, in_process: InProcessRunbook
) -> dict[str, str]:
    home = tmp_path_factory.mktemp("reliability-home")
    env = {
        **os.environ,
        # Playwright's own files (ffmpeg for video) stay where the set-up put them: a worker's
        # kept driver may start under this environment and serve later video runs.
        "PLAYWRIGHT_BROWSERS_PATH": str(playwright_browsers_path()),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "RUNBOOK_PASSWORD": sim_auth.DEFAULT_PASSWORD,
        "RUNBOOK_TOTP_SECRET": sim_auth.DEFAULT_TOTP_SECRET,
    }
    login(env, rel_sim.url, in_process)
    return env


@pytest.fixture
def rel_http(rel_sim: SimulatorServer) -> Iterator[httpx.Client]:
    with sim_client(rel_sim.url) as client:
        client.post("/_sim/reset").raise_for_status()
        yield client


Run = Callable[[list[str], dict[str, str], Path], CliResult]


@pytest.fixture
def run(in_process: InProcessRunbook) -> Run:
    """`runbook ARGS...` with this environment and working directory, as a user runs it (in
    this process: see `tests/in_process.py`)."""

    def invoke(args: list[str], env: dict[str, str], cwd: Path) -> CliResult:
        return in_process(args, env=env, cwd=cwd, timeout=300)

    return invoke
