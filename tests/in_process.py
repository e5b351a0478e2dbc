"""`runbook ARGS...` run inside the test process, as a user sees it, without a process each.

All in-process runs of a test process go through one thread kept for the session (Playwright's
sync API cannot start on a thread whose own Playwright is running, which pytest-playwright's
`browser` fixture is on the main thread). That thread keeps one Playwright driver and one
Chromium per set of launch options (`runbook.console.driver.keeping`): a run opens and closes
its own browser context, as a run against a browser server does. A run whose launch options
differ (`--headed`, `--slow-mo`, another `RUNBOOK_BROWSER`) gets a browser of its own; a kept
browser that died is launched again.

Each run gets the environment and working directory it asks for, exactly (both restored
after), and leaves nothing behind: logging handlers, structlog, Playwright's `expect` timeout
and the environment are reset, which `tests/cli/test_in_process.py` checks.
Every JSON document a run prints or writes is checked against its schema (`tests/documents.py`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
import traceback
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import structlog
from click.testing import CliRunner
from playwright.sync_api import expect

from runbook.console import driver
from tests.documents import check_invocation, json_files


@dataclass
class CliResult:
    """What a user sees of one `runbook` invocation."""

    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def json(self) -> Any:
        import json

        return json.loads(self.stdout)

    def run(self) -> Any:
        """The one run of a `--json` document of run, drift, plan, apply or export."""
        [run] = self.json()["runs"]
        return run


class _Host:
    """A daemon thread that keeps a driver and browsers and runs what it is handed, in order."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[tuple[Callable[[], Any], Future[Any]] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._serve, name="runbook-cli", daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[], Any]) -> Future[Any]:
        future: Future[Any] = Future()
        self._jobs.put((job, future))
        return future

    def stop(self, timeout: float) -> None:
        self._jobs.put(None)
        self._thread.join(timeout)

    def _serve(self) -> None:
        with driver.keeping():
            while (item := self._jobs.get()) is not None:
                job, future = item
                try:
                    future.set_result(job())
                except BaseException as exc:
                    future.set_exception(exc)


class InProcessRunbook:
    """Runs the `runbook` command group on a thread of its own, one invocation at a time.

    A run over its timeout fails its test; its thread (a daemon) is left behind and the next
    run gets a new one, so one hung run does not hang every later test of the worker.
    """

    def __init__(self) -> None:
        self._host = _Host()
        self._lock = threading.Lock()

    def __call__(
        self,
        args: list[str],
        *,
        env: Mapping[str, str],
        cwd: Path,
        timeout: float = 180,
        stdin: str | None = None,
    ) -> CliResult:
        with self._lock:
            before = json_files(cwd)
            future = self._host.submit(lambda: self._invoke(args, dict(env), cwd, stdin))
            try:
                result: CliResult = future.result(timeout=timeout)
            except FutureTimeout:
                self._host = _Host()
                raise TimeoutError(f"runbook {' '.join(args)} ran over {timeout} s") from None
        check_invocation(args, result.stdout, cwd, before)  # every document meets its schema
        return result

    def close(self) -> None:
        self._host.stop(timeout=60)

    @staticmethod
    def _invoke(args: list[str], env: dict[str, str], cwd: Path, stdin: str | None) -> CliResult:
        from runbook.cli import cli

        with _isolated(env, cwd):
            runner = CliRunner()
            result = runner.invoke(
                cli, args, input=stdin, catch_exceptions=True, prog_name="runbook"
            )
            stderr = result.stderr
            code = result.exit_code
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                # What Python prints of an exception that escapes `python -m runbook`.
                exc = result.exception
                stderr += "".join(traceback.format_exception(exc))
                code = 1
            return CliResult(code, result.stdout, stderr)


@contextlib.contextmanager
def _isolated(env: dict[str, str], cwd: Path) -> Iterator[None]:
    """The run's own environment and working directory; the process's state after it as
    before."""
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    run_logger = logging.getLogger("runbook.run")
    saved_handlers = list(run_logger.handlers)
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        for handler in list(run_logger.handlers):
            if handler not in saved_handlers:
                run_logger.removeHandler(handler)
                handler.close()
        for handler in saved_handlers:  # a run replaces the handlers it finds (pytest's too)
            if handler not in run_logger.handlers:
                run_logger.addHandler(handler)
        structlog.reset_defaults()
        structlog.contextvars.clear_contextvars()
        expect.set_options(timeout=5_000)  # Playwright's default
