"""The run's canonical events: run.started, step.started, step.finished, run.finished.

Event names (one canonical event per unit of work):

    run.started     runbook, file, mode, console, locale, run_dir
    step.started    step, index, kind, resource
    step.finished   step, index, kind, resource, status, action, changed_fields, changes,
                    duration_ms, checkpoints (+ message, details, ignored_fields, changes_state
                    when present)
    run.finished    runbook, mode, exit_code, counts, duration_ms (+ error when present)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from runbook.errors import ExitCode
from runbook.results import RunResult, StepResult

RUN_STARTED = "run.started"
STEP_STARTED = "step.started"
STEP_FINISHED = "step.finished"
RUN_FINISHED = "run.finished"

_STATUS_LEVEL: dict[str, str] = {"failed": "error", "drift": "warning"}


class EventLogger(Protocol):
    """What the helpers below need from a logger (any structlog bound logger)."""

    def info(self, event: str, *args: Any, **kw: Any) -> Any: ...

    def warning(self, event: str, *args: Any, **kw: Any) -> Any: ...

    def error(self, event: str, *args: Any, **kw: Any) -> Any: ...


def _level_call(logger: EventLogger, level: str) -> Callable[..., Any]:
    return {"error": logger.error, "warning": logger.warning}.get(level, logger.info)


def step_finished_fields(step: StepResult) -> dict[str, Any]:
    """The fields of the canonical `step.finished` event for `step`."""
    fields: dict[str, Any] = {
        "step": step.name,
        "index": step.index,
        "kind": step.kind,
        "resource": step.resource,
        **({"org_unit": step.org_unit} if step.org_unit else {}),
        "status": step.status,
        "action": step.action,
        "changed_fields": [c.field for c in step.changes if not c.ignored],
        "changes": [
            {"field": c.field, "before": c.before, "after": c.after}
            | ({"ignored": c.ignored} if c.ignored else {})
            for c in step.changes
        ],
        "duration_ms": step.duration_ms,
        "checkpoints": [cp.path for cp in step.checkpoints],
    }
    ignored = [c.field for c in step.changes if c.ignored]
    if ignored:
        fields["ignored_fields"] = ignored
    if step.changes_state:
        fields["changes_state"] = step.changes_state
    if step.message:
        fields["message"] = step.message
    if step.details:
        fields["details"] = step.details
    return fields


def log_step_finished(logger: EventLogger, step: StepResult) -> None:
    """Emit the one canonical `step.finished` event (error level if failed, warning if drift)."""
    level = _STATUS_LEVEL.get(step.status, "info")
    _level_call(logger, level)(STEP_FINISHED, **step_finished_fields(step))


def log_step_started(
    logger: EventLogger, *, index: int, name: str, kind: str, resource: str, **extra: Any
) -> None:
    """Emit `step.started`."""
    logger.info(STEP_STARTED, step=name, index=index, kind=kind, resource=resource, **extra)


def log_run_started(
    logger: EventLogger,
    *,
    runbook: str,
    file: str,
    mode: str,
    console: str,
    locale: str,
    run_dir: str = "",
    **extra: Any,
) -> None:
    """Emit `run.started`."""
    logger.info(
        RUN_STARTED,
        runbook=runbook,
        file=file,
        mode=mode,
        console=console,
        locale=locale,
        run_dir=run_dir,
        **extra,
    )


def log_run_finished(logger: EventLogger, result: RunResult) -> None:
    """Emit `run.finished` with the exit code and the per-status counts."""
    fields: dict[str, Any] = {
        "runbook": result.runbook,
        "mode": result.mode,
        "exit_code": result.exit_code,
        "counts": result.counts(),
        "duration_ms": result.duration_ms,
    }
    if result.error:
        fields["error"] = result.error
    if result.run_dir:
        fields["run_dir"] = result.run_dir
    if result.browser:
        fields["browser"] = result.browser
    code = result.exit_code
    level = "info" if code == ExitCode.OK else ("warning" if code == ExitCode.DRIFT else "error")
    _level_call(logger, level)(RUN_FINISHED, **fields)
