"""The exit code of a run that raised nothing, from its steps' statuses."""

from __future__ import annotations

from runbook.errors import ExitCode
from runbook.results import RunResult


def exit_code(result: RunResult) -> int:
    """The exit code of a run that raised nothing: from its steps' statuses."""
    statuses = {s.status for s in result.steps}
    if "failed" in statuses:
        return ExitCode.STEP_FAILED
    if result.mode == "drift" and "drift" in statuses:
        return ExitCode.DRIFT
    return ExitCode.OK
