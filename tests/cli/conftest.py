"""End-to-end fixtures: the `runbook` command run as a user runs it, against the simulator."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from runbook.console.browser import playwright_browsers_path
from runbook.simulator import auth as sim_auth
from runbook.simulator.server import SimulatorServer
from tests.browser_server import BrowserServer
from tests.browser_server import browser_server as start_browser_server
from tests.clients import sim_client
from tests.documents import check_invocation, json_files
from tests.in_process import CliResult, InProcessRunbook
from tests.profiles import login
from tests.samples import converged_state

ROOT = Path(__file__).resolve().parents[2]


def trace_kinds(trace: Path) -> set[str]:
    """The kinds of event a Playwright trace holds ("before", "after", "frame-snapshot"...)."""
    kinds = set()
    with zipfile.ZipFile(trace) as archive:
        for name in archive.namelist():
            if name.endswith(".trace"):
                for line in archive.read(name).decode().splitlines():
                    if line.strip():
                        kinds.add(str(json.loads(line).get("type")))
    return kinds


@pytest.fixture(scope="session")
def cli_env(
    tmp_path_factory: pytest.TempPathFactory, simulator: Any, in_process: InProcessRunbook
) -> dict[str, str]:
    """Environment of `runbook` runs: own config dir, with a saved session."""
    home = tmp_path_factory.mktemp("home")
    env = {
        **os.environ,
        # Playwright's own files (ffmpeg for video) stay where the set-up put them.
        "PLAYWRIGHT_BROWSERS_PATH": str(playwright_browsers_path()),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "RUNBOOK_PASSWORD": sim_auth.DEFAULT_PASSWORD,
        "RUNBOOK_TOTP_SECRET": sim_auth.DEFAULT_TOTP_SECRET,
        "NO_COLOR": "1",
        "COLUMNS": "160",
    }
    login(env, simulator.url, in_process)
    # The shared session's sign-in time is not kept: a whole suite may run longer than the
    # console's hour. Tests of the session's age sign in with a profile of their own.
    (home / "config" / "runbook" / "profiles" / "default.session.json").unlink()
    return env


@pytest.fixture
def runbook_cli(
    cli_env: dict[str, str], tmp_path: Path, in_process: InProcessRunbook
) -> Callable[..., CliResult]:
    """Run `runbook ARGS...` in a fresh working directory; recordings go to tmp_path.

    In this process, sharing its kept browser (`tests/in_process.py`): what a test sees is
    what a user sees of `runbook` (exit code, stdout, stderr, files), without a process.
    """

    def run(*args: str, env: dict[str, str] | None = None, timeout: float = 180) -> CliResult:
        return in_process(list(args), env=env or cli_env, cwd=tmp_path, timeout=timeout)

    return run


@pytest.fixture
def runbook_process(cli_env: dict[str, str], tmp_path: Path) -> Callable[..., CliResult]:
    """Run `python -m runbook ARGS...` as a process of its own: for the tests whose subject
    is the process (its entry point, signals, start-up). Mark them `process`."""

    def run(*args: str, env: dict[str, str] | None = None, timeout: float = 180) -> CliResult:
        before = json_files(tmp_path)
        done = subprocess.run(
            [sys.executable, "-m", "runbook", *args],
            cwd=tmp_path,
            env=env or cli_env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        check_invocation(args, done.stdout, tmp_path, before)  # every document meets its schema
        return CliResult(done.returncode, done.stdout, done.stderr)

    return run


@pytest.fixture
def write_runbook(tmp_path: Path, simulator: Any) -> Callable[..., Path]:
    """Write a runbook document (a dict) as YAML, aimed at the test simulator."""

    def write(doc: dict[str, Any], name: str = "book.yaml") -> Path:
        doc = json.loads(json.dumps(doc))
        doc.setdefault("console", {})["url"] = simulator.url
        path = tmp_path / name
        path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
        return path

    return write


@pytest.fixture
def sim_http(simulator: Any) -> httpx.Client:
    """An HTTP client for the simulator's /_sim/ test API."""
    with sim_client(simulator.url) as client:
        yield client  # type: ignore[misc]


@pytest.fixture(autouse=True)
def _empty_console(simulator: Any) -> None:
    """Every end-to-end test starts from an empty console with no faults: it uses the
    simulator, which `tests/conftest.py` resets before each test that does."""


@pytest.fixture
def other_web_server(request: pytest.FixtureRequest) -> Iterator[str]:
    """A loopback web server that is no Admin console; its URL. Parametrize with
    `(status, content_type)` (default: 404 HTML for every path)."""
    status, content_type = getattr(request, "param", (404, "text/html"))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b"<h1>Not Found</h1>" if "html" in content_type else b'{"ok": true}'
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser_server(cli_env: dict[str, str]) -> Iterator[BrowserServer]:
    """One browser server on loopback for the session, started from the installed Playwright."""
    with start_browser_server(cli_env) as server:
        yield server


def write_tenants(tmp_path: Path, tenants: list[dict[str, Any]]) -> Path:
    """A tenants file (`--tenants`) listing `tenants`."""
    path = tmp_path / "tenants.yaml"
    path.write_text(yaml.safe_dump(tenants, sort_keys=False))
    return path


@pytest.fixture(scope="session")
def second_console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimulatorServer]:
    """Another tenant's console (fleet tests): a second simulator, without sign-in."""
    server = SimulatorServer(tmp_path_factory.mktemp("beta") / "state.json", auth=False)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def beta(second_console: SimulatorServer) -> Iterator[httpx.Client]:
    """The second console's /_sim/ test API, reset for the test."""
    with sim_client(second_console.url) as client:
        client.post("/_sim/reset").raise_for_status()
        yield client


@pytest.fixture
def converged(sim_http: httpx.Client) -> int:
    """The console as split-delivery leaves it, set through the test API (not by a run); the
    number of audit entries then."""
    sim_http.put("/_sim/state", json=converged_state()).raise_for_status()
    return len(sim_http.get("/_sim/audit").json())


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    """A virtual X display for headed Chromium."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (scripts/test installs it)")
    # -displayfd: Xvfb picks a free display and writes its number once it is ready.
    proc = subprocess.Popen(
        [xvfb, "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        number = proc.stdout.readline().strip()
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
