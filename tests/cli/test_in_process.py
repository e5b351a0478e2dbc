"""Runs in one process leave no trace of each other: files, environment, logging, browser."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

import structlog

from tests.cli.conftest import trace_kinds
from tests.in_process import CliResult, InProcessRunbook
from tests.samples import split_delivery

Write = Callable[..., Path]


def test_two_runs_in_one_process_each_keep_their_own_evidence_and_leave_no_state(
    in_process: InProcessRunbook,
    cli_env: dict[str, str],
    write_runbook: Write,
    tmp_path: Path,
) -> None:
    book = write_runbook(split_delivery())
    handlers = list(logging.getLogger("runbook.run").handlers)
    environ, cwd = dict(os.environ), os.getcwd()
    folders = []
    for name, extra in (("first", {"RUNBOOK_FIRST_ONLY": "1"}), ("second", {})):
        folder = tmp_path / name
        folder.mkdir()
        result = in_process(
            ["run", str(book), "--dry-run", "--trace", "on", "--json"],
            env={**cli_env, **extra},
            cwd=folder,
        )
        assert result.code == 0, result.output
        folders.append(folder / result.run()["run_dir"])
    # The kept driver started in the first run's folder: the second run's trace is still its
    # own (every path handed to Playwright is absolute).
    for run_dir in folders:
        assert "frame-snapshot" in trace_kinds(run_dir / "trace.zip")
    traces = sorted(p.relative_to(tmp_path).parts[0] for p in tmp_path.rglob("trace.zip"))
    assert traces == ["first", "second"]
    assert dict(os.environ) == environ and "RUNBOOK_FIRST_ONLY" not in os.environ
    assert os.getcwd() == cwd
    assert logging.getLogger("runbook.run").handlers == handlers
    assert not structlog.is_configured()


def test_a_run_sees_exactly_the_environment_it_is_given(
    runbook_cli: Callable[..., CliResult], write_runbook: Write
) -> None:
    """A variable of the test process that the run is not given does not reach it: here a
    browser server that does not exist, which the run would fail to connect to."""
    os.environ["RUNBOOK_BROWSER_ENDPOINT"] = "ws://127.0.0.1:9/"
    try:
        result = runbook_cli("run", str(write_runbook(split_delivery())), "--dry-run")
    finally:
        del os.environ["RUNBOOK_BROWSER_ENDPOINT"]
    assert result.code == 0, result.output
