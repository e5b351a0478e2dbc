"""The runner: one browser, the steps in order, evidence, and the run's exit code."""

from __future__ import annotations

import json
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import structlog

from runbook.console import (
    ArtifactsRecorder,
    BrowserSession,
    ConsoleShell,
    Credentials,
    Demo,
    Hazards,
    WriteGuard,
    check_session_target,
    ffmpeg_path,
    password_from_env,
    profile_path,
)
from runbook.engine.context import RunContext
from runbook.engine.finish import exit_code, finish
from runbook.engine.lock import run_lock
from runbook.engine.loop import Scope, Work, in_console, run_book
from runbook.engine.options import SIMULATOR, Outputs, RunOptions, Settings, embedded
from runbook.errors import ExitCode, RunbookError, Terminated
from runbook.file import Runbook
from runbook.outputs.artifacts import ArtifactPolicy
from runbook.outputs.folder import RunFolder
from runbook.outputs.log import (
    close_logging,
    configure_logging,
    log_run_started,
    terminal_console,
)
from runbook.outputs.progress import StepProgress
from runbook.results import Mode, RunResult
from runbook.secrets import Redactor
from runbook.session_age import minutes, session_check
from runbook.target import console_url

__all__ = ["Outputs", "RunOptions", "execute"]


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


def execute(book: Runbook, file: Path, options: RunOptions, work: Work | None = None) -> int:
    """Run `book` as `options` say (or do `work` in its console); the process exit code."""
    if work is None:
        work = partial(run_book, show_unmanaged=options.show_unmanaged)
    with _sigterm_as_interrupt():
        return _execute(book, file, options, options.settle(book), work)


def _execute(book: Runbook, file: Path, options: RunOptions, settings: Settings, work: Work) -> int:
    lock = partial(run_lock, profile=options.profile, runbook=book.name, mode=options.mode)
    if settings.target == SIMULATOR:
        state_dir = Path(options.state_dir).resolve()
        with lock(f"simulator:{state_dir}"), embedded(options) as (url, creds):
            return _run(book, file, options, settings, work, url, creds)
    target = console_url(settings.target)
    check_session_target(target)
    with lock(target):
        return _run(book, file, options, settings, work, target, None)


def _run(
    book: Runbook,
    file: Path,
    options: RunOptions,
    settings: Settings,
    work: Work,
    console_url: str,
    creds: Credentials | None,
) -> int:
    mode: Mode = options.mode
    locale = settings.locale
    policy = ArtifactPolicy.for_run(
        screenshots=options.screenshots,
        trace=options.trace,
        video=options.video,
        video_allow_secrets=options.video_allow_secrets,
        has_secrets=bool(book.secrets),
        find_ffmpeg=None if options.browser is not None else ffmpeg_path,
    )
    folder = (
        RunFolder.at(Path(options.run_dir))
        if options.run_dir
        else RunFolder.create(Path(options.recordings), book.name, options.label or mode)
    )
    redactor = Redactor(book.secrets)
    for secret in options.browser.secrets if options.browser else ():
        redactor.add(secret)
    if creds is not None:
        redactor.add(creds.password)
        redactor.add(creds.totp_secret)
    # Answers a mid-session "Verify it's you" (the run stops with exit 3 without it).
    password = creds.password if creds is not None else password_from_env()
    if password:
        redactor.add(password)
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
    storage_state = None if creds is not None else profile_path(options.profile)
    for value in _session_values(storage_state):
        redactor.add(value)
    session_options = settings.session_options(options, storage_state, recorder, console_url)
    session = BrowserSession(session_options)
    log_run_started(
        log,
        runbook=book.name,
        file=str(file),
        mode=mode,
        console=console_url,
        locale=locale,
        run_dir=str(folder.path),
        steps=len(book.steps),
        browser=session.info.get("endpoint", "local"),
    )
    live = sys.stdout.isatty() and not (options.as_json or options.verbose)  # log lines tell it
    progress = StepProgress(len(book.steps), enabled=live)
    try:
        with progress, session:
            hazards = Hazards(settings.labels, notes=result.notes, password=password)
            ctx = _context(session, book, options, settings, recorder, console_url, hazards)
            if storage_state is not None:
                ctx.shell.on_console_time = session_check(
                    storage_state,
                    options.profile,
                    console_url,
                    options.min_session,
                    lambda facts: setattr(result, "session", facts),
                )
            in_console(Scope(ctx, book, result, log, progress), creds, work)
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
            age = result.session.get("age_s")  # at the console's last answer
            then = (
                f" (the session was {minutes(age)} old)"
                if age is not None and "old (signed in" not in (result.error or "")
                else ""
            )
            result.error = (
                f"{result.error or 'sign-in required'}{then}. Sign in again with: "
                f"runbook login --profile {options.profile} --console {console_url}"
            )
        result.duration_ms = round((time.perf_counter() - started) * 1000)
        result.browser = dict(session.info)
        if not result.exit_code:
            result.exit_code = exit_code(result)
        recorder.finish(result)
        finish(result, folder, redactor, options, log)
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


def _context(
    session: BrowserSession,
    book: Runbook,
    options: RunOptions,
    settings: Settings,
    recorder: ArtifactsRecorder,
    console_url: str,
    hazards: Hazards,
) -> RunContext:
    """What every step of the run is handed: the console shell, the labels, the guard."""
    page = session.page
    assert page is not None
    labels = settings.labels
    shell = ConsoleShell(
        page,
        labels,
        console_url,
        navigate=settings.navigate,
        org_unit=book.console.org_unit,
        look_ahead=settings.look_ahead,
        hazards=hazards,
    )
    ctx = RunContext(
        labels=labels,
        guard=WriteGuard(read_only=options.mode != "apply", mode=options.mode),
        shell=shell,
        recorder=recorder,
        mode=options.mode,
        retries=settings.retries,
    )
    if options.demo:
        ctx.announce = Demo(page, total=len(book.steps)).announce
    return ctx
