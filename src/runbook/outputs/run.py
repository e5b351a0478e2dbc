"""A run's outputs, opened once and closed once.

Opening makes the artifact policy, the run folder, the redactor, the structured log, the
result and the live progress line; closing redacts the result once and hands that one copy
to every sink: the terminal (summary or JSON document), report.json, report.html, JUnit and
the CI step summary. The engine gives plain values (`OutputOptions`); nothing here knows the
console or the engine.
"""

from __future__ import annotations

import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import structlog

from runbook.defaults import Policy
from runbook.dns_records.records import DnsRecord, write_records
from runbook.outputs.artifacts import ArtifactPolicy
from runbook.outputs.ci import append_github_step_summary, junit_suite, write_junit
from runbook.outputs.documents import dumps, runs_document
from runbook.outputs.events import EventLogger, log_run_finished, log_run_started
from runbook.outputs.folder import RunFolder
from runbook.outputs.formatting import publish_lines
from runbook.outputs.log import LogFormat, close_logging, configure_logging, terminal_console
from runbook.outputs.progress import StepProgress
from runbook.outputs.report import print_terminal_summary, write_reports
from runbook.results import Mode, RunResult
from runbook.secrets import Redactor


@dataclass
class Outputs:
    """The `--json` documents and JUnit suites of several runs, for the CLI to write as one."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    suites: list[ET.Element] = field(default_factory=list)


@dataclass(frozen=True)
class OutputOptions:
    """What a run writes and where, in plain values."""

    recordings: str  # where the run folder is made
    run_dir: str | None  # this exact run folder (a fleet's tenant), not a new one
    label: str  # the run folder's last word (the mode, or the command: `export`, `plan`)
    screenshots: bool
    trace: Policy
    video: bool
    video_allow_secrets: bool
    # Finds the ffmpeg a local browser records its video with (None: a remote browser).
    find_ffmpeg: Callable[[], object] | None
    as_json: bool
    verbose: bool
    log_format: LogFormat
    junit: str | None
    collected: Outputs | None  # several runs: their documents and suites, not printed
    secrets: frozenset[str]  # masked everywhere from the start (more are added as found)
    has_secrets: bool  # the runbook has ${env:...} values (a video would show them)
    records: str | None = None  # --records FILE: the DNS records to publish (BIND or JSON)


@dataclass
class RunOutputs:
    """The open outputs of one run."""

    options: OutputOptions
    policy: ArtifactPolicy
    folder: RunFolder
    redactor: Redactor
    log: EventLogger
    result: RunResult
    progress: StepProgress
    started: float  # perf_counter at the opening, for the run's duration


@contextmanager
def run_outputs(
    options: OutputOptions,
    *,
    runbook: str,
    file: str,
    mode: Mode,
    console: str,
    locale: str,
    steps: int,
    browser: str,
) -> Iterator[RunOutputs]:
    """Open the run's outputs; at the end (whatever happened), write the result everywhere."""
    policy = ArtifactPolicy.for_run(
        screenshots=options.screenshots,
        trace=options.trace,
        video=options.video,
        video_allow_secrets=options.video_allow_secrets,
        has_secrets=options.has_secrets,
        find_ffmpeg=options.find_ffmpeg,
    )
    folder = (
        RunFolder.at(Path(options.run_dir))
        if options.run_dir
        else RunFolder.create(Path(options.recordings), runbook, options.label)
    )
    redactor = Redactor(options.secrets)
    configure_logging(  # log lines on stderr; stdout holds the results
        run_log=folder.run_log,
        redactor=redactor,
        console=terminal_console(
            sys.stderr, verbose=options.verbose, log_format=options.log_format
        ),
    )
    log = structlog.get_logger("runbook")
    result = RunResult(
        runbook=runbook,
        file=file,
        mode=mode,
        console=console,
        locale=locale,
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
        run_dir=str(folder.path),
    )
    started = time.perf_counter()
    log_run_started(
        log,
        runbook=runbook,
        file=file,
        mode=mode,
        console=console,
        locale=locale,
        run_dir=str(folder.path),
        steps=steps,
        browser=browser,
    )
    live = sys.stdout.isatty() and not (options.as_json or options.verbose)  # log lines tell it
    progress = StepProgress(steps, enabled=live)
    opened = RunOutputs(options, policy, folder, redactor, log, result, progress, started)
    try:
        with progress:
            yield opened
    finally:
        result.duration_ms = round((time.perf_counter() - started) * 1000)
        _deliver(opened)
        close_logging()


def _deliver(opened: RunOutputs) -> None:
    """The result, redacted once, to every sink: reports, CI outputs, the log, the terminal."""
    options, folder = opened.options, opened.folder
    safe = opened.redactor.value(opened.result)
    write_reports(safe, folder)
    if safe.mode == "drift":
        append_github_step_summary(safe)
        if options.collected is not None:
            options.collected.suites.append(junit_suite(safe))
        elif options.junit:
            write_junit(safe, Path(options.junit))
    if options.records:
        records = [DnsRecord(**r) for r in safe.dns_records]
        write_records(Path(options.records), records)
    log_run_finished(opened.log, safe)
    if options.as_json and options.collected is not None:
        options.collected.documents.append(safe.as_dict())
    elif options.as_json:
        print(dumps(runs_document([safe.as_dict()], safe.exit_code)))
    else:
        print_terminal_summary(safe)
        for line in publish_lines(safe):
            print(line)
        print(f"Report: {folder.report_html}")
