"""Every artifact states the real outcome: a browser that cannot start, several runbooks at once."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import CliResult
from tests.samples import split_delivery

Run = Callable[..., CliResult]
Write = Callable[..., Path]


def test_a_browser_that_cannot_start_is_a_failure_in_every_artifact(
    runbook_cli: Run, write_runbook: Write, cli_env: dict[str, str], tmp_path: Path
) -> None:
    book = write_runbook(split_delivery())
    summary = tmp_path / "summary.md"
    env = {k: v for k, v in cli_env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["GITHUB_STEP_SUMMARY"] = str(summary)
    result = runbook_cli("drift", str(book), "--headed", "--json", "--junit", "out.xml", env=env)
    assert result.code == 1, result.output
    document = result.run()  # exactly one JSON document on stdout, with one run
    assert document["exit_code"] == 1
    assert "could not start Chromium" in document["error"]
    assert "xvfb-run" in document["error"]
    assert "internal error" not in result.output
    assert "could not start Chromium" in result.stderr
    run_dir = tmp_path / document["run_dir"]
    report = json.loads((run_dir / "report.json").read_text())
    assert report["exit_code"] == 1
    assert "could not start Chromium" in report["error"]
    assert "✅" not in summary.read_text()
    suite = ET.parse(tmp_path / "out.xml").getroot()
    assert int(suite.get("errors", "0")) >= 1


def test_a_browser_that_cannot_start_is_not_in_sync_on_the_terminal(
    runbook_cli: Run, write_runbook: Write, cli_env: dict[str, str]
) -> None:
    book = write_runbook(split_delivery())
    env = {k: v for k, v in cli_env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = runbook_cli("drift", str(book), "--headed", env=env)
    assert result.code == 1, result.output
    assert "In sync" not in result.output
    assert "could not start Chromium: no display for --headed" in result.output


def _broken_chromium(tmp_path: Path) -> str:
    script = tmp_path / "chromium"
    script.write_text("#!/bin/sh\necho 'chromium: cannot allocate memory' >&2\nexit 1\n")
    script.chmod(0o755)
    return str(script)


@pytest.mark.parametrize("browser", ["broken", "missing"])
def test_a_chromium_that_is_broken_or_missing_is_a_failure_in_every_artifact(
    browser: str,
    runbook_cli: Run,
    write_runbook: Write,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    book = write_runbook(split_delivery())
    executable = _broken_chromium(tmp_path) if browser == "broken" else str(tmp_path / "none")
    env = {**cli_env, "RUNBOOK_BROWSER": executable}
    result = runbook_cli("drift", str(book), "--json", "--junit", "out.xml", env=env)
    assert result.code == 1, result.output
    document = result.run()  # exactly one JSON document on stdout, with one run
    assert document["exit_code"] == 1
    assert "internal error" not in result.output
    assert "Traceback" not in result.output
    assert "Future exception" not in result.output
    expected = (
        "could not start Chromium: chromium: cannot allocate memory (it exited with code 1)"
        if browser == "broken"
        else "RUNBOOK_BROWSER="
    )
    assert expected in document["error"]
    assert expected in result.stderr
    run_dir = tmp_path / document["run_dir"]
    assert json.loads((run_dir / "report.json").read_text())["exit_code"] == 1
    events = [json.loads(line) for line in (run_dir / "run.jsonl").read_text().splitlines()]
    [finished] = [e for e in events if e.get("event") == "run.finished"]
    assert finished["exit_code"] == 1
    assert expected in finished["error"]
    suite = ET.parse(tmp_path / "out.xml").getroot()
    assert int(suite.get("errors", "0")) + int(suite.get("failures", "0")) >= 1


# A bug of ours inside a page-object method: an `assert` that fails, as Playwright's `expect`
# would, but raised by our own code.
OUR_BUG = """
import sys
from runbook.console.page import ListPage

def names(self):
    assert False, "a bug of ours"

ListPage.names = names
from runbook.cli import cli
cli(sys.argv[1:])
"""


@pytest.mark.process
def test_a_bug_of_ours_is_an_internal_error_not_a_changed_console(
    write_runbook: Write, cli_env: dict[str, str], tmp_path: Path
) -> None:
    book = write_runbook(split_delivery())
    done = subprocess.run(
        [sys.executable, "-c", OUR_BUG, "run", str(book), "--json"],
        cwd=tmp_path,
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    [document] = json.loads(done.stdout)["runs"]  # the run still reports, in one document
    assert document["exit_code"] == 1
    assert "internal error" in document["error"]
    assert "AssertionError: a bug of ours" in document["error"]
    assert "UI may have changed" not in output
    assert document["steps"][0]["status"] == "failed"
    report = json.loads((tmp_path / document["run_dir"] / "report.json").read_text())
    assert report["exit_code"] == 1
    assert "internal error" in report["error"]
