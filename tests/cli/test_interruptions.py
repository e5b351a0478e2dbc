"""A console that looks different exits 4; a run killed midway leaves a console that converges."""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from runbook.simulator.server import SimulatorServer
from tests.cli.conftest import CliResult
from tests.clients import sim_client
from tests.samples import split_delivery

Run = Callable[..., CliResult]
Write = Callable[..., Path]


class _Maintenance(http.server.BaseHTTPRequestHandler):
    """A 'console' whose every page is a maintenance notice."""

    def do_GET(self) -> None:
        body = b"<!doctype html><title>Admin</title><h1>Down for maintenance</h1>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


RUNBOOK = (sys.executable, "-m", "runbook")


def wait_for_first_write(
    sim_http: httpx.Client, proc: subprocess.Popen[str] | subprocess.Popen[bytes]
) -> None:
    """Return once the console has accepted a write from `proc` (or it ended); bounded."""
    for _ in range(600):
        if sim_http.get("/_sim/audit").json() or proc.poll() is not None:
            return
        threading.Event().wait(0.05)


def signal_and_wait(proc: subprocess.Popen[str], sig: signal.Signals) -> str:
    """Send `sig` to a background run and wait for it to end; what it printed."""
    try:
        proc.send_signal(sig)
        output, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    return output or ""


def start_slow_run(
    book: Path, sim_http: httpx.Client, env: dict[str, str], cwd: Path, *, latency: list[int]
) -> subprocess.Popen[str]:
    """`runbook run BOOK` in the background on a slowed console, once its first write landed."""
    sim_http.post("/_sim/faults", json={"latency_ms": latency}).raise_for_status()
    proc = subprocess.Popen(
        [sys.executable, "-m", "runbook", "run", str(book)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    wait_for_first_write(sim_http, proc)
    return proc


@pytest.fixture
def other_console() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Maintenance)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_page_that_does_not_look_as_expected_exits_4_with_locator_url_and_screenshot(
    runbook_cli: Run, write_runbook: Write, other_console: str, tmp_path: Path
) -> None:
    book = write_runbook(split_delivery())
    result = runbook_cli(
        "run", str(book), "--console", other_console, "--timeout", "1500", "--json"
    )
    assert result.code == 4, result.output
    step = result.run()["steps"][0]
    assert step["status"] == "failed"
    assert "get_by_role" in step["details"]["locator"]
    assert "Hosts" in step["details"]["locator"]
    assert step["details"]["url"].startswith(f"{other_console}/ac/apps/gmail/hosts")
    assert list((tmp_path / result.run()["run_dir"]).glob("01-*-failure.png"))
    assert "Traceback" not in result.output


@pytest.mark.process
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_a_run_stopped_between_steps_leaves_a_console_the_next_run_converges(
    sig: signal.Signals,
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    book = write_runbook(split_delivery())
    proc = start_slow_run(book, sim_http, cli_env, tmp_path, latency=[400, 500])
    output = signal_and_wait(proc, sig)
    assert proc.returncode != 0
    assert "Traceback" not in (output or "")
    sim_http.post("/_sim/faults", json={"latency_ms": [100, 200]}).raise_for_status()

    again = runbook_cli("run", str(book), "--json")
    assert again.code == 0, again.output
    state = sim_http.get("/_sim/state").json()
    assert [r["name"] for r in state["routes"]] == ["Legacy mail server"]
    assert [r["description"] for r in state["routing_rules"]] == [
        "Split delivery to the legacy server"
    ]
    creates = [e["action"] for e in sim_http.get("/_sim/audit").json()]
    assert creates.count("create_route") == 1
    assert creates.count("create_rule") == 1


@pytest.mark.process
def test_a_second_run_on_the_same_console_and_profile_is_refused_naming_the_first(
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    book = write_runbook(split_delivery())
    first = start_slow_run(book, sim_http, cli_env, tmp_path, latency=[700, 800])
    try:
        second = runbook_cli("drift", str(book))
        assert second.code == 1, second.output
        assert "another run" in second.output
        assert "split-delivery (apply)" in second.output
        assert f"process {first.pid}" in second.output
    finally:
        first.communicate(timeout=120)
        assert first.returncode == 0


@pytest.mark.parametrize(
    ("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["ctrl-c", "sigterm"]
)
@pytest.mark.process
def test_a_run_interrupted_after_a_save_records_interrupted_with_the_step_in_progress(
    sig: signal.Signals,
    code: int,
    write_runbook: Write,
    sim_http: httpx.Client,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    book = write_runbook(split_delivery())
    proc = start_slow_run(book, sim_http, cli_env, tmp_path, latency=[400, 500])
    output = signal_and_wait(proc, sig)
    assert proc.returncode == code, output
    assert "Applied:" not in output
    assert "interrupted" in output.lower()
    assert "Future exception was never retrieved" not in output
    [report_file] = (tmp_path / "recordings").glob("*/report.json")
    report = json.loads(report_file.read_text())
    assert report["exit_code"] == code
    assert "interrupted" in report["error"]
    assert report["steps"], report
    statuses = [s["status"] for s in report["steps"]]
    assert "interrupted" in statuses
    [current] = [s for s in report["steps"] if s["status"] == "interrupted"]
    assert "may have saved; run again to compare" in current["message"]
    # Every step is listed, those after the interrupted one as not run, each in its OU.
    assert [s["index"] for s in report["steps"]] == [1, 2]
    assert statuses[statuses.index("interrupted") + 1 :] in ([], ["not_run"])
    assert [s["org_unit"] for s in report["steps"]] == [None, "/"]


def _descendants(pid: int) -> list[int]:
    """The processes started (directly or not) by `pid`, from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _is_chromium(pid: int) -> bool:
    try:
        return "chrom" in Path(f"/proc/{pid}/comm").read_text().lower()
    except OSError:
        return False


@pytest.mark.process
def test_a_browser_killed_mid_run_exits_1_naming_it_and_the_report_agrees(
    sim_http: httpx.Client, write_runbook: Write, cli_env: dict[str, str], tmp_path: Path
) -> None:
    book = write_runbook(split_delivery())
    proc = start_slow_run(book, sim_http, cli_env, tmp_path, latency=[400, 500])
    try:
        for pid in filter(_is_chromium, _descendants(proc.pid)):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        output, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1, output
    assert "browser closed" in output
    assert "console UI" not in output
    assert "internal error" not in output
    [report_file] = (tmp_path / "recordings").glob("*/report.json")
    assert json.loads(report_file.read_text())["exit_code"] == 1


# Over 20 s: the run must wait out its timeout before it may say the console stopped
# answering.
@pytest.mark.process
def test_a_console_that_stops_answering_mid_run_exits_1_naming_it_and_the_report_agrees(
    write_runbook: Write, cli_env: dict[str, str], tmp_path: Path
) -> None:
    doc = split_delivery()
    second = {**doc["steps"][0]["mail_route"], "name": "Second mail server"}
    doc["steps"].insert(1, {"name": "Add a second route", "mail_route": second})
    with SimulatorServer(tmp_path / "gone.json", auth=False) as console:
        book = write_runbook(doc)
        with sim_client(console.url) as api:
            proc = subprocess.Popen(
                # --timeout: the wait that meets the stopped console ends sooner (same verdict)
                [*RUNBOOK, "run", str(book), "--console", console.url, "--timeout", "5000"],
                cwd=tmp_path,
                env=cli_env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            # Slower than the server's graceful stop: the requests in flight when it stops fail.
            api.post("/_sim/faults", json={"latency_ms": [1500, 1500]}).raise_for_status()
            wait_for_first_write(api, proc)
    try:
        output, _ = proc.communicate(timeout=90)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1, output
    assert "the console stopped answering" in output
    assert "console UI" not in output
    assert "internal error" not in output
    [report_file] = (tmp_path / "recordings").glob("*/report.json")
    report = json.loads(report_file.read_text())
    assert report["exit_code"] == 1
    [failed] = [step for step in report["steps"] if step["status"] == "failed"]
    assert "the console stopped answering" in failed["message"]


def _wait_for_a_step(recordings: Path, proc: subprocess.Popen[str]) -> None:
    """Return once a run under `recordings` has started a step (or `proc` ended); bounded."""
    for _ in range(600):
        logs = list(recordings.glob("*/run.jsonl"))
        if any("step.started" in log.read_text() for log in logs) or proc.poll() is not None:
            return
        threading.Event().wait(0.05)


@pytest.mark.process
def test_ctrl_c_during_a_drift_over_several_runbooks_stops_there_with_one_document(
    write_runbook: Write, sim_http: httpx.Client, cli_env: dict[str, str], tmp_path: Path
) -> None:
    books = [str(write_runbook(split_delivery(), name)) for name in ("a.yaml", "b.yaml")]
    sim_http.post("/_sim/faults", json={"latency_ms": [400, 500]}).raise_for_status()
    proc = subprocess.Popen(
        [sys.executable, "-m", "runbook", "drift", *books, "--json", "--junit", "out.xml"],
        cwd=tmp_path,
        env=cli_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_a_step(tmp_path / "recordings", proc)
        proc.send_signal(signal.SIGINT)
        output, errors = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, errors
    document = json.loads(output)  # one document, for the run that was interrupted only
    assert document["exit_code"] == 130
    assert [Path(run["file"]).name for run in document["runs"]] == ["a.yaml"]
    assert len(list((tmp_path / "recordings").glob("*/report.json"))) == 1
    assert (tmp_path / "out.xml").exists()
