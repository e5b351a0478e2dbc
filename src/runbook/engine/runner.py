"""The run pipeline: reach the console, open the outputs, open the console, run the steps,
close each once (the result redacted once for every sink); the run's exit code."""

from __future__ import annotations

import json
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

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
from runbook.engine.finish import exit_code
from runbook.engine.lock import run_lock
from runbook.engine.loop import Scope, Work, in_console, run_book
from runbook.engine.options import SIMULATOR, RunOptions, Settings, embedded
from runbook.errors import ExitCode, RunbookError, Terminated
from runbook.file import Runbook
from runbook.outputs.run import OutputOptions, Outputs, RunOutputs, run_outputs
from runbook.results import RunResult
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
    """Run `book` as `options` say (or do `work` in its console); the process exit code.

    One pipeline, each layer entered once and left once: the console reached under the run's
    lock (its URL, or the embedded simulator the command line hands over), the outputs
    opened, the console opened, the steps run; then the console closed, and the outputs
    closed with the result redacted once for every sink.
    """
    if work is None:
        work = partial(run_book, show_unmanaged=options.show_unmanaged)
    with _sigterm_as_interrupt():
        settings = options.settle(book)
        with _reached(book, options, settings) as (url, creds):
            # Answers a mid-session "Verify it's you" (the run stops with exit 3 without it).
            password = creds.password if creds is not None else password_from_env()
            heading = _heading(book, file, options, settings, url)
            with run_outputs(_output_options(book, options, creds, password), **heading) as out:
                result = out.result
                try:
                    with (
                        _stops(result),
                        _console(book, options, settings, out, url, creds, password) as ctx,
                    ):
                        in_console(Scope(ctx, book, result, out.log, out.progress), creds, work)
                finally:
                    _conclude(result, options, url)
            return result.exit_code


@contextmanager
def _reached(
    book: Runbook, options: RunOptions, settings: Settings
) -> Iterator[tuple[str, Credentials | None]]:
    """The console's URL (and, for the embedded simulator, its sign-in), the run's lock held."""
    lock = partial(run_lock, profile=options.profile, runbook=book.name, mode=options.mode)
    if settings.target == SIMULATOR:
        state_dir = Path(options.state_dir).resolve()
        with lock(f"simulator:{state_dir}"), embedded(options) as (url, creds):
            yield url, creds
        return
    target = console_url(settings.target)
    check_session_target(target)
    with lock(target):
        yield target, None


def _heading(
    book: Runbook, file: Path, options: RunOptions, settings: Settings, url: str
) -> dict[str, Any]:
    """What the run's result and its first log event name: runbook, mode, console..."""
    return {
        "runbook": book.name,
        "file": str(file),
        "mode": options.mode,
        "console": url,
        "locale": settings.locale,
        "steps": len(book.steps),
        "browser": options.browser.shown if options.browser is not None else "local",
    }


def _output_options(
    book: Runbook, options: RunOptions, creds: Credentials | None, password: str | None
) -> OutputOptions:
    """What the run writes, and the secrets known before it starts (masked everywhere)."""
    secrets = {*book.secrets, *(options.browser.secrets if options.browser else ())}
    if creds is not None:
        secrets |= {creds.password, creds.totp_secret}
    if password:
        secrets.add(password)
    return OutputOptions(
        recordings=options.recordings,
        run_dir=options.run_dir,
        label=options.label or options.mode,
        screenshots=options.screenshots,
        trace=options.trace,
        video=options.video,
        video_allow_secrets=options.video_allow_secrets,
        find_ffmpeg=None if options.browser is not None else ffmpeg_path,
        as_json=options.as_json,
        verbose=options.verbose,
        junit=options.junit,
        collected=options.outputs,
        secrets=frozenset(secrets),
        has_secrets=bool(book.secrets),
    )


@contextmanager
def _console(
    book: Runbook,
    options: RunOptions,
    settings: Settings,
    out: RunOutputs,
    url: str,
    creds: Credentials | None,
    password: str | None,
) -> Iterator[RunContext]:
    """The run's console, opened: the evidence recorder, the browser session, the shell with
    its hazards, the write guard. Closed: the trace kept (when the work ended), the browser
    closed, the evidence kept or dropped as the artifact policy says."""
    result = out.result
    recorder = ArtifactsRecorder(out.folder, out.policy, out.redactor, masked=book.secrets)
    storage_state = None if creds is not None else profile_path(options.profile)
    for value in _session_values(storage_state):
        out.redactor.add(value)
    session = BrowserSession(settings.session_options(options, storage_state, recorder, url))
    try:
        with session:
            hazards = Hazards(settings.labels, notes=result.notes, password=password)
            ctx = _context(session, book, options, settings, recorder, url, hazards)
            if storage_state is not None:
                ctx.shell.on_console_time = session_check(
                    storage_state,
                    options.profile,
                    url,
                    options.min_session,
                    lambda facts: setattr(result, "session", facts),
                )
            yield ctx
            recorder.browser_closing(session, result)
    finally:
        result.browser = dict(session.info)
        recorder.finish(result)


@contextmanager
def _stops(result: RunResult) -> Iterator[None]:
    """What stops the run outside a step into its result: an error before the steps (the
    browser did not start) or after them, Ctrl-C, SIGTERM."""
    try:
        yield
    except RunbookError as exc:
        result.error = result.error or str(exc)
        result.exit_code = result.exit_code or exc.exit_code
    except KeyboardInterrupt as exc:
        terminated = isinstance(exc, Terminated)
        result.exit_code = ExitCode.TERMINATED if terminated else ExitCode.INTERRUPTED
        result.error = (
            f"interrupted ({'SIGTERM' if terminated else 'Ctrl-C'}); run again to compare"
        )


def _conclude(result: RunResult, options: RunOptions, url: str) -> None:
    """The run's exit code (from its steps when nothing stopped it), and how to sign in again
    when that is what stopped it."""
    if result.exit_code == ExitCode.SIGN_IN_REQUIRED:
        age = result.session.get("age_s")  # at the console's last answer
        then = (
            f" (the session was {minutes(age)} old)"
            if age is not None and "old (signed in" not in (result.error or "")
            else ""
        )
        result.error = (
            f"{result.error or 'sign-in required'}{then}. Sign in again with: "
            f"runbook login --profile {options.profile} --console {url}"
        )
    if not result.exit_code:
        result.exit_code = exit_code(result)


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
