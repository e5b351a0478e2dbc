"""The run loop: sign in, each step in order, then drift's own checks; errors into the result."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Error as PlaywrightError

from runbook.console.labels import Labels
from runbook.console.shell import ConsoleShell, PageName
from runbook.console.signin import Credentials, SignInPage
from runbook.console.translate import on_sign_in, translate, translated
from runbook.engine.context import RunContext
from runbook.engine.drift import apply_ignores, find_unmanaged
from runbook.engine.registry import step_type
from runbook.errors import ConsoleChanged, NotAConsole, RunbookError, SignInRequired
from runbook.recording.log import log_step_finished, log_step_started
from runbook.recording.progress import StepProgress
from runbook.results import RunResult, Status, StepResult
from runbook.spec import Runbook, Step

INTERRUPTED_STEP = "interrupted — may have saved; run again to compare"


def run_in_console(
    ctx: RunContext,
    book: Runbook,
    result: RunResult,
    log: Any,
    progress: StepProgress,
    creds: Credentials | None,
    *,
    show_unmanaged: bool,
) -> None:
    """Sign in (embedded simulator), run the steps, and in drift mode apply `drift:` and
    list unmanaged entries; an error that stops the run goes into `result`."""
    try:
        if creds is not None:
            _sign_in(ctx.shell, ctx.labels, creds)
        _run_steps(book, ctx, result, log, progress)
        if ctx.mode == "drift":
            apply_ignores(result, book)
            if show_unmanaged and not result.exit_code:
                result.unmanaged = find_unmanaged(ctx, book)
    except (PlaywrightError, AssertionError) as exc:
        error = translate(exc, page=ctx.page, what="reading the console")
        result.error, result.exit_code = str(error), error.exit_code
    except RunbookError as exc:
        result.error = str(exc)
        result.exit_code = exc.exit_code


def _sign_in(shell: ConsoleShell, labels: Labels, creds: Credentials) -> None:
    """Sign in to the embedded simulator when it asks (a real console uses the profile)."""
    page = shell.page
    with translated(page, "opening the console"):
        shell.goto("home")
    if on_sign_in(page):
        SignInPage(page, labels).sign_in(creds)


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
