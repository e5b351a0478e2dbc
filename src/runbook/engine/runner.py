"""The run pipeline: reach the console, open the outputs, open the console, run the steps,
close each once (the result redacted once for every sink); the run's exit code."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from runbook.console.browser import ffmpeg_path
from runbook.console.driver import keeping
from runbook.console.run import ConsoleOptions, OpenConsole, run_console
from runbook.console.signin import Credentials, check_session_target, password_from_env
from runbook.engine.context import DnsSettings, RunContext
from runbook.engine.finish import exit_code
from runbook.engine.lock import run_lock
from runbook.engine.loop import Scope, Work, in_console, run_book
from runbook.engine.options import SIMULATOR, RunOptions, Settings, embedded
from runbook.errors import ExitCode, RunbookError, Terminated
from runbook.file import Runbook
from runbook.outputs.run import OutputOptions, Outputs, run_outputs
from runbook.results import Mode, RunResult
from runbook.session_age import SESSION_LIMIT_S, minutes
from runbook.target import console_url

__all__ = ["Outputs", "RunOptions", "execute", "sharing_a_browser"]


# After Ctrl-C or SIGTERM the run closes its dialog, its browser and its outputs; should the
# browser's driver not stop (a signal can land inside its event loop), the process still ends.
CLEAN_UP_S = 45.0


def _end_within(seconds: float, code: int) -> None:
    """End the process with `code` in `seconds`, unless it has ended by itself (a daemon
    timer: it does not keep the process alive, and outlasts a shutdown that hangs)."""

    def stop() -> None:
        sys.stderr.write(
            f"runbook: still closing {seconds:.0f} s after the interrupt (the browser's driver "
            "did not stop); exiting\n"
        )
        sys.stderr.flush()
        os._exit(code)

    timer = threading.Timer(seconds, stop)
    timer.daemon = True
    timer.start()


@contextmanager
def _signals_as_interrupt() -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt and SIGTERM `Terminated` (one) while the run lasts,
    and either bounds the time the process takes to end (`CLEAN_UP_S`)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        terminated = signum == signal.SIGTERM
        _end_within(CLEAN_UP_S, ExitCode.TERMINATED if terminated else ExitCode.INTERRUPTED)
        raise Terminated() if terminated else KeyboardInterrupt()

    previous = {
        sig: signal.signal(sig, interrupt)
        for sig in (signal.SIGINT, signal.SIGTERM)
        if signal.getsignal(sig) != signal.SIG_IGN  # a shell's background job ignores Ctrl-C
    }
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def sharing_a_browser() -> AbstractContextManager[None]:
    """While inside, the runs of this thread share one Playwright driver and one browser,
    each in a browser context of its own (a fleet worker's tenants)."""
    return keeping()


def execute(book: Runbook, file: Path, options: RunOptions, work: Work | None = None) -> int:
    """Run `book` as `options` say (or do `work` in its console); the process exit code.

    One pipeline, each layer entered once and left once: the console reached under the run's
    lock (its URL, or the embedded simulator the command line hands over), the outputs
    opened, the console opened, the steps run; then the console closed, and the outputs
    closed with the result redacted once for every sink.
    """
    if work is None:
        work = partial(run_book, show_unmanaged=options.show_unmanaged)
    with _signals_as_interrupt():
        settings = options.settle(book)
        with _reached(book, options, settings) as (url, creds):
            # Answers a mid-session "Verify it's you" (the run stops with exit 3 without it).
            password = creds.password if creds is not None else password_from_env()
            writes = _output_options(book, options, creds, password)
            with run_outputs(writes, **_heading(book, file, options, settings, url)) as out:
                result = out.result
                console = _console_options(book, options, settings, url, creds, password)
                try:
                    with _stops(result), run_console(console, out) as opened:
                        ctx = _context(opened, settings, options.mode, out.progress.line)
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
        log_format=options.log_format,
        junit=options.junit,
        collected=options.outputs,
        secrets=frozenset(secrets),
        has_secrets=bool(book.secrets),
        records=options.records,
    )


def _console_options(
    book: Runbook,
    options: RunOptions,
    settings: Settings,
    url: str,
    creds: Credentials | None,
    password: str | None,
) -> ConsoleOptions:
    """How the run opens its console, every option settled."""
    return ConsoleOptions(
        url=url,
        labels=settings.labels,
        mode=options.mode,
        headed=settings.headed,
        slow_mo=settings.slow_mo,
        timeout_ms=settings.timeout_ms,
        navigate=settings.navigate,
        look_ahead=settings.look_ahead,
        org_unit=book.console.org_unit,
        remote=options.browser,
        profile=None if creds is not None else options.profile,
        min_session=options.min_session,
        masked=frozenset(book.secrets),
        password=password,
        demo_steps=len(book.steps) if options.demo else None,
    )


def _context(
    console: OpenConsole, settings: Settings, mode: Mode, progress: Callable[[str], None]
) -> RunContext:
    """What every step of the run is handed: the console shell, the labels, the guard."""
    return RunContext(
        labels=settings.labels,
        guard=console.guard,
        shell=console.shell,
        recorder=console.recorder,
        mode=mode,
        retries=settings.retries,
        announce=console.announce,
        dns=DnsSettings(
            settings.dns_resolver,
            settings.wait_dns_s,
            progress,
            until=time.monotonic() + settings.wait_dns_s,
        ),
    )


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
        error = result.error or ""
        ended = (
            ": the Admin console ends sessions one hour after sign-in"
            if age is not None and age >= SESSION_LIMIT_S and "one hour after" not in error
            else ""
        )
        then = (
            f" (the session was {minutes(age)} old{ended})"
            if age is not None and "old (signed in" not in error
            else ""
        )
        result.error = (
            f"{result.error or 'sign-in required'}{then}. Sign in again with: "
            f"runbook login --profile {options.profile} --console {url}"
        )
    if not result.exit_code:
        result.exit_code = exit_code(result)
