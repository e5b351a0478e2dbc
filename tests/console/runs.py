"""Runbooks run in-process on the test session's own browser page (no extra browser)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import structlog
from playwright.sync_api import Page

from runbook.console.guard import WriteGuard
from runbook.console.hazards import Hazards
from runbook.console.recorder import ArtifactsRecorder
from runbook.console.shell import ConsoleShell
from runbook.engine.context import RunContext
from runbook.engine.finish import exit_code
from runbook.engine.loop import Scope, in_console
from runbook.engine.loop import run_book as run_steps_of
from runbook.file import Runbook
from runbook.file.kinds import kind_info
from runbook.file.loader import load_runbook, load_text
from runbook.locales import Labels
from runbook.outputs.artifacts import ArtifactPolicy
from runbook.outputs.folder import RunFolder
from runbook.outputs.progress import StepProgress
from runbook.results import Mode, RunResult
from runbook.secrets import Redactor

RUNBOOKS = Path(__file__).resolve().parents[2] / "runbooks"
SPLIT_DELIVERY = ("split-delivery.yaml", "split-delivery-multi-host.yaml")


def shipped(name: str) -> Runbook:
    """One of the runbooks shipped in `runbooks/`."""
    return load_runbook(RUNBOOKS / name)


def absent(book: Runbook) -> Runbook:
    """The runbook that removes what `book` makes: its steps reversed, `state: absent`."""
    lines = ["version: 1", f"name: {book.name}-absent", "steps:"]
    for step in reversed(book.steps):
        key_field = kind_info(step.kind).key_field
        lines += [
            f"  - {step.kind}:",
            f"      {key_field}: {step.key!r}",
            "    state: absent",
        ]
    return load_text("\n".join(lines) + "\n", f"{book.name}-absent.yaml")


def run_book(
    page: Page,
    console: str,
    book: Runbook,
    mode: Mode,
    folder: Path,
    *,
    password: str | None = None,
    show_unmanaged: bool = False,
) -> RunResult:
    """Run `book` as `runbook run` (or `--dry-run`, `drift`) would, on this page."""
    labels = Labels(book.console.locale)
    result = RunResult(
        runbook=book.name, file="", mode=mode, console=console, locale=labels.locale, started_at=""
    )
    hazards = Hazards(labels, notes=result.notes, password=password)
    shell = ConsoleShell(page, labels, console, org_unit=book.console.org_unit, hazards=hazards)
    policy = ArtifactPolicy.for_run(screenshots=False, trace="off", video=False)
    recorder = ArtifactsRecorder(RunFolder.create(folder, book.name, mode), policy, Redactor())
    ctx = RunContext(
        labels=labels,
        guard=WriteGuard(read_only=mode != "apply", mode=mode),
        shell=shell,
        recorder=recorder,
        mode=mode,
    )
    progress = StepProgress(len(book.steps), enabled=False)
    log = structlog.get_logger("runbook")
    scope = Scope(ctx, book, result, log, progress)
    in_console(scope, None, partial(run_steps_of, show_unmanaged=show_unmanaged))
    result.exit_code = result.exit_code or exit_code(result)
    return result
