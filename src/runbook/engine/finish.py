"""The end of a run: its exit code, the kept trace, the reports and what is printed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from runbook.engine.options import RunOptions
from runbook.errors import ExitCode
from runbook.outputs.ci import append_github_step_summary, junit_suite, write_junit
from runbook.outputs.folder import RunFolder
from runbook.outputs.log import log_run_finished
from runbook.outputs.report import print_terminal_summary, write_reports
from runbook.results import RunResult
from runbook.secrets import Redactor


def exit_code(result: RunResult) -> int:
    """The exit code of a run that raised nothing: from its steps' statuses."""
    statuses = {s.status for s in result.steps}
    if "failed" in statuses:
        return ExitCode.STEP_FAILED
    if result.mode == "drift" and "drift" in statuses:
        return ExitCode.DRIFT
    return ExitCode.OK


def finish(
    result: RunResult, folder: RunFolder, redactor: Redactor, options: RunOptions, log: Any
) -> None:
    """Write the run's reports and CI outputs, log its end, print its summary or JSON."""
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
