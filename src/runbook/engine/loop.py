"""The run loop: sign in, each step in order, then drift's own checks; errors into the result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from runbook.console.places import PageName
from runbook.console.signin import Credentials
from runbook.engine.context import RunContext
from runbook.engine.drift import apply_ignores, find_unmanaged
from runbook.engine.registry import step_type
from runbook.errors import ConsoleChanged, ExitCode, NotAConsole, RunbookError, SignInRequired
from runbook.file import Runbook, Step
from runbook.file.placement import org_unit_of
from runbook.outputs.log import log_step_finished, log_step_started
from runbook.outputs.progress import StepProgress
from runbook.results import RunResult, Status, StepResult

INTERRUPTED_STEP = "interrupted — may have saved; run again to compare"
INTERNAL_ERROR = "internal error in runbook, not the console's doing"
NOT_RUN_INTERRUPTED = "not run: the run was interrupted before this step"


@dataclass(frozen=True)
class Scope:
    """What a run's work in the console is handed: the context, the runbook, the result."""

    ctx: RunContext
    book: Runbook
    result: RunResult
    log: Any
    progress: StepProgress

    def steps(self, ctx: RunContext | None = None, result: RunResult | None = None) -> None:
        """Run the runbook's steps (with another context or into another result if given)."""
        run_steps(self.book, ctx or self.ctx, result or self.result, self.log, self.progress)


# What a run does in the console once its browser is up: the steps, or another walk (export).
Work = Callable[[Scope], None]


def run_book(scope: Scope, *, show_unmanaged: bool) -> None:
    """Run the steps, and in drift mode apply `drift:` and list unmanaged entries."""
    ctx, book, result = scope.ctx, scope.book, scope.result
    scope.steps()
    if ctx.mode == "drift":
        apply_ignores(result, book)
        if show_unmanaged and not result.exit_code:
            result.unmanaged = find_unmanaged(ctx, book)


def in_console(scope: Scope, creds: Credentials | None, work: Work) -> None:
    """Sign in (embedded simulator) and do `work`; an error that stops it goes into the result."""
    result, log = scope.result, scope.log
    try:
        if creds is not None:
            scope.ctx.shell.sign_in(creds)
        work(scope)
    except RunbookError as exc:
        result.error = str(exc)
        result.exit_code = exc.exit_code
    except Exception as exc:  # a bug of ours, not the console's doing: the report says so
        log.exception("run.internal_error")
        result.error = f"{INTERNAL_ERROR} ({type(exc).__name__}: {exc}); details in run.log"
        result.exit_code = ExitCode.STEP_FAILED
    if result.exit_code == ExitCode.SIGN_IN_REQUIRED:  # the session's age at that moment
        scope.ctx.shell.tell_console_time()


def run_steps(
    book: Runbook, ctx: RunContext, result: RunResult, log: Any, progress: StepProgress
) -> None:
    stop: RunbookError | None = None
    unit = ctx.shell.org_unit
    for index, step in enumerate(book.steps, start=1):
        if stop is not None:
            result.steps.append(
                _unfinished(index, step, unit, "not_run", "not run: an earlier step failed")
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
            result.steps.append(_unfinished(index, step, unit, "interrupted", INTERRUPTED_STEP))
            result.steps += [  # every report lists every step
                _unfinished(later, book.steps[later - 1], unit, "not_run", NOT_RUN_INTERRUPTED)
                for later in range(index + 1, len(book.steps) + 1)
            ]
            raise
        except Exception:
            result.steps.append(_unfinished(index, step, unit, "failed", INTERNAL_ERROR))
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


def _unfinished(index: int, step: Step, unit: str, status: Status, message: str) -> StepResult:
    """The result of a step that did not run to its end (not run, or interrupted), placed in
    its OU (`unit`: the run's) as a step that ran is."""
    return StepResult(
        index=index,
        name=step.title,
        kind=step.kind,
        resource=step.key,
        org_unit=org_unit_of(step.resource, unit),
        status=status,
        message=message,
    )


def _next_page(book: Runbook, index: int) -> PageName | None:
    """The page the step after step `index` (1-based) works on (None after the last)."""
    if index >= len(book.steps):
        return None
    return step_type(book.steps[index].kind).page_name or None  # "": a page the step names
