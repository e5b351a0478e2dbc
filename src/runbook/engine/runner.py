"""The runner: one browser, the steps in order, evidence, and the run's exit code."""

from __future__ import annotations

import json
import signal
import sys
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import structlog

from runbook.console import (
    BrowserSession,
    ConsoleShell,
    Credentials,
    Demo,
    Navigate,
    PageName,
    SessionOptions,
    WriteGuard,
    check_session_target,
    profile_path,
)
from runbook.engine.context import RunContext
from runbook.engine.drift import apply_ignores, find_unmanaged
from runbook.engine.lock import run_lock
from runbook.engine.registry import step_type
from runbook.errors import (
    ConsoleChanged,
    ExitCode,
    NotAConsole,
    RunbookError,
    SignInRequired,
    Terminated,
    UsageError,
)
from runbook.locales import Labels, catalogue
from runbook.recording.artifacts import ArtifactPolicy, ArtifactsRecorder
from runbook.recording.ci import append_github_step_summary, junit_suite, write_junit
from runbook.recording.folder import RunFolder
from runbook.recording.log import (
    close_logging,
    configure_logging,
    log_run_finished,
    log_run_started,
    log_step_finished,
    log_step_started,
    terminal_console,
)
from runbook.recording.progress import StepProgress
from runbook.recording.report import print_terminal_summary, write_reports
from runbook.results import Mode, RunResult, Status, StepResult
from runbook.secrets import Redactor
from runbook.spec import Runbook, Step
from runbook.target import console_url

DEFAULT_CONSOLE = "https://admin.google.com"
SIMULATOR = "simulator"
DEMO_SLOW_MO_MS = 400
INTERRUPTED_STEP = "interrupted — may have saved; run again to compare"
INTERNAL_ERROR = "internal error in runbook, not the console's doing"


@dataclass
class Outputs:
    """The `--json` documents and JUnit suites of several runs, for the CLI to write as one."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    suites: list[ET.Element] = field(default_factory=list)


@dataclass
class RunOptions:
    """How to run a runbook (the CLI's options, with the defaults resolved later)."""

    mode: Mode = "apply"
    console_url: str | None = None
    locale: str | None = None
    headed: bool = False
    slow_mo: int | None = None
    recordings: str = "recordings"
    profile: str = "default"
    trace: Literal["on", "off", "retain-on-failure"] = "retain-on-failure"
    screenshots: bool = True
    navigate: Navigate | None = None
    timeout: int | None = None
    retries: int | None = None
    demo: bool = False
    video: bool = False
    video_allow_secrets: bool = False
    as_json: bool = False
    verbose: bool = False
    show_unmanaged: bool = False
    junit: str | None = None
    state_dir: str = ".runbook"
    outputs: Outputs | None = None  # several runs: collect --json and JUnit here, not print

    @classmethod
    def from_cli(cls, *, mode: str, **opts: Any) -> RunOptions:
        """Options from the `run`/`drift` command's keyword arguments."""
        screenshots = opts.pop("screenshots", "on")
        fields = {k: v for k, v in opts.items() if k in cls.__dataclass_fields__}
        return cls(mode=mode, screenshots=screenshots != "off", **fields)  # type: ignore[arg-type]

    def session_options(
        self, storage_state: Path | None, locale: str, recorder: ArtifactsRecorder, console: str
    ) -> SessionOptions:
        """How to set up the run's browser."""
        slow_mo = (
            self.slow_mo if self.slow_mo is not None else (DEMO_SLOW_MO_MS if self.demo else 0)
        )
        return SessionOptions(
            headed=self.headed or self.demo,
            slow_mo=slow_mo,
            storage_state=storage_state,
            trace=recorder.tracing,
            trace_screenshots=False,  # see ArtifactsRecorder.trace_snapshots
            trace_snapshots=recorder.trace_snapshots,
            video_dir=recorder.video_dir,
            timeout_ms=self.timeout or 15_000,
            locale=catalogue(locale).browser_locale,
            console=console,
        )


@contextmanager
def _embedded_simulator(state_dir: Path) -> Iterator[tuple[str, Credentials]]:
    """The simulator, started in this process with its state under `state_dir`."""
    from runbook.simulator import auth as sim_auth
    from runbook.simulator.server import SimulatorServer

    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        server = SimulatorServer(state_dir / "simulator.json")
        server.start()
    except (OSError, ValueError) as exc:  # a port in use, a state file that is not one
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(
            f"cannot start the simulator with its state in {state_dir}: {reason}"
        ) from None
    try:
        yield (
            server.url,
            Credentials(
                user=sim_auth.DEFAULT_USER,
                password=sim_auth.DEFAULT_PASSWORD,
                totp_secret=sim_auth.DEFAULT_TOTP_SECRET,
            ),
        )
    finally:
        server.stop()


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM raises `Terminated` (a KeyboardInterrupt) while the run lasts, as Ctrl-C does."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: object) -> None:
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def execute(book: Runbook, file: Path, options: RunOptions) -> int:
    """Run `book` as `options` say; the process exit code."""
    with _sigterm_as_interrupt():
        return _execute(book, file, options)


def _execute(book: Runbook, file: Path, options: RunOptions) -> int:
    target = options.console_url or book.console.url or DEFAULT_CONSOLE
    if target == SIMULATOR:
        state_dir = Path(options.state_dir).resolve()
        with (
            run_lock(
                f"simulator:{state_dir}", options.profile, runbook=book.name, mode=options.mode
            ),
            _embedded_simulator(state_dir) as (url, creds),
        ):
            return _run(book, file, options, url, creds)
    target = console_url(target)
    check_session_target(target)
    with run_lock(target, options.profile, runbook=book.name, mode=options.mode):
        return _run(book, file, options, target, None)


def _run(
    book: Runbook, file: Path, options: RunOptions, console_url: str, creds: Credentials | None
) -> int:
    mode: Mode = options.mode
    locale = options.locale or book.console.locale
    labels = Labels(locale)  # validated: an unknown locale is a usage error, never English
    policy = ArtifactPolicy.for_run(
        screenshots=options.screenshots,
        trace=options.trace,
        video=options.video,
        video_allow_secrets=options.video_allow_secrets,
        has_secrets=bool(book.secrets),
    )
    folder = RunFolder.create(Path(options.recordings), book.name, mode)
    redactor = Redactor(book.secrets)
    if creds is not None:
        redactor.add(creds.password)
        redactor.add(creds.totp_secret)
    recorder = ArtifactsRecorder(folder, policy, redactor, masked=book.secrets)
    terminal = sys.stderr if options.as_json else sys.stdout
    configure_logging(
        run_log=folder.run_log,
        redactor=redactor,
        json_stdout=options.as_json,
        console=terminal_console(terminal, verbose=options.verbose),
    )
    log = structlog.get_logger("runbook")
    result = RunResult(
        runbook=book.name,
        file=str(file),
        mode=mode,
        console=console_url,
        locale=locale,
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
        run_dir=str(folder.path),
    )
    started = time.perf_counter()
    demo = options.demo
    storage_state = None if creds is not None else profile_path(options.profile)
    for value in _session_values(storage_state):
        redactor.add(value)
    session_options = options.session_options(storage_state, locale, recorder, console_url)
    log_run_started(
        log,
        runbook=book.name,
        file=str(file),
        mode=mode,
        console=console_url,
        locale=locale,
        run_dir=str(folder.path),
        steps=len(book.steps),
    )
    live = sys.stdout.isatty() and not (options.as_json or options.verbose)  # log lines tell it
    progress = StepProgress(len(book.steps), enabled=live)
    try:
        with progress, BrowserSession(session_options) as session:
            page = session.page
            assert page is not None
            shell = ConsoleShell(
                page,
                labels,
                console_url,
                navigate=options.navigate or ("click" if demo else "url"),
                org_unit=book.console.org_unit,
                # One tab for demos and videos (a person watches it), and for a single step.
                look_ahead=not (demo or options.video or options.headed) and len(book.steps) > 1,
            )
            ctx = RunContext(
                labels=labels,
                guard=WriteGuard(read_only=mode != "apply", mode=mode),
                shell=shell,
                recorder=recorder,
                mode=mode,
                retries=3 if options.retries is None else options.retries,
            )
            if demo:
                ctx.announce = Demo(page, total=len(book.steps)).announce
            try:
                if creds is not None:
                    shell.sign_in(creds)
                _run_steps(book, ctx, result, log, progress)
                if mode == "drift":
                    apply_ignores(result, book)
                    if options.show_unmanaged and not result.exit_code:
                        result.unmanaged = find_unmanaged(ctx, book)
            except RunbookError as exc:
                result.error = str(exc)
                result.exit_code = exc.exit_code
            except Exception as exc:  # a bug of ours, not the console's doing: the report says so
                log.exception("run.internal_error")
                result.error = f"{INTERNAL_ERROR} ({type(exc).__name__}: {exc}); details in run.log"
                result.exit_code = ExitCode.STEP_FAILED
            recorder.browser_closing(session, result)
    except RunbookError as exc:  # before the steps (the browser did not start) or after them
        result.error = result.error or str(exc)
        result.exit_code = result.exit_code or exc.exit_code
    except KeyboardInterrupt as exc:
        terminated = isinstance(exc, Terminated)
        result.exit_code = ExitCode.TERMINATED if terminated else ExitCode.INTERRUPTED
        result.error = (
            f"interrupted ({'SIGTERM' if terminated else 'Ctrl-C'}); run again to compare"
        )
    finally:
        if result.exit_code == ExitCode.SIGN_IN_REQUIRED:
            result.error = (
                f"{result.error or 'sign-in required'}. Sign in again with: "
                f"runbook login --profile {options.profile} --console {console_url}"
            )
        result.duration_ms = round((time.perf_counter() - started) * 1000)
        if not result.exit_code:
            result.exit_code = _exit_code(result)
        recorder.finish(result)
        _finish(result, folder, redactor, options, log)
        close_logging()
    return result.exit_code


def _session_values(path: Path | None) -> list[str]:
    """The cookie and storage values of a saved session: secrets for every artifact."""
    if path is None or not path.exists():
        return []
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return []
    values = [str(c.get("value", "")) for c in data.get("cookies", [])]
    for origin in data.get("origins", []):
        values += [str(item.get("value", "")) for item in origin.get("localStorage", [])]
    return [v for v in values if len(v) >= 8]


def _run_steps(
    book: Runbook, ctx: RunContext, result: RunResult, log: Any, progress: StepProgress
) -> None:
    stop: RunbookError | None = None
    for index, step in enumerate(book.steps, start=1):
        if stop is not None:
            result.steps.append(
                _unfinished(index, step, "not_run", "not run: an earlier step failed")
            )
            continue
        log_step_started(log, index=index, name=step.title, kind=step.kind, resource=step.key)
        progress.step(index, step.title)
        if ctx.announce is not None:
            ctx.say(f"Step {index} of {len(book.steps)} — {step.title}")
        runner = step_type(step.kind)(ctx, step, index)
        ctx.next_page = _next_page(book, index)
        try:
            outcome = runner.run()
        except KeyboardInterrupt:
            result.steps.append(_unfinished(index, step, "interrupted", INTERRUPTED_STEP))
            raise
        except Exception:
            result.steps.append(_unfinished(index, step, "failed", INTERNAL_ERROR))
            raise
        result.steps.append(outcome)
        log_step_finished(log, outcome)
        if outcome.status == "failed":
            error = runner.error
            if isinstance(error, SignInRequired | ConsoleChanged | NotAConsole):
                result.error = str(error)
                result.exit_code = error.exit_code
                stop = error
            elif not step.continue_on_error:
                stop = error or RunbookError(outcome.message)


def _unfinished(index: int, step: Step, status: Status, message: str) -> StepResult:
    """The result of a step that did not run to its end (not run, or interrupted)."""
    return StepResult(
        index=index,
        name=step.title,
        kind=step.kind,
        resource=step.key,
        status=status,
        message=message,
    )


def _next_page(book: Runbook, index: int) -> PageName | None:
    """The page the step after step `index` (1-based) works on (None after the last)."""
    if index >= len(book.steps):
        return None
    return step_type(book.steps[index].kind).page_name


def _exit_code(result: RunResult) -> int:
    statuses = {s.status for s in result.steps}
    if "failed" in statuses:
        return ExitCode.STEP_FAILED
    if result.mode == "drift" and "drift" in statuses:
        return ExitCode.DRIFT
    return ExitCode.OK


def _finish(
    result: RunResult, folder: RunFolder, redactor: Redactor, options: RunOptions, log: Any
) -> None:
    write_reports(result, folder, redactor)
    if result.mode == "drift":
        append_github_step_summary(result, redactor=redactor)
        if options.outputs is not None:
            options.outputs.suites.append(junit_suite(result, redactor=redactor))
        elif options.junit:
            write_junit(result, Path(options.junit), redactor=redactor)
    log_run_finished(log, result)
    if options.as_json and options.outputs is not None:
        options.outputs.documents.append(redactor.value(result.as_dict()))
    elif options.as_json:
        print(json.dumps(redactor.value(result.as_dict()), indent=2, default=str))
    else:
        print_terminal_summary(result, redactor=redactor)
        print(f"Report: {folder.report_html}")
