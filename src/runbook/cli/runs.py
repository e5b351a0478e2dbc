"""Commands that drive the console: `run` and `drift`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from runbook.cli.common import (
    EPILOG,
    execute,
    fleet_options,
    guarded,
    load_for_browser,
    print_runs,
    run_options,
    shared_options,
)
from runbook.cli.fleet import fleet_command, refuse_without_tenants
from runbook.cli.group import cli
from runbook.errors import ExitCode, worst_exit_code
from runbook.results import Mode


@cli.command(epilog=EPILOG)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--dry-run",
    is_flag=True,
    help="Fill the dialogs, take checkpoints, then cancel; exit 0 with changes pending (it "
    "checks the click path; `runbook plan` exits 2 when there are changes).",
)
@shared_options
@fleet_options
@guarded
def run(file: str, dry_run: bool, **opts: Any) -> None:
    """Apply a runbook: read the live console, change only what differs.

    With --dry-run, nothing is saved and pending changes still exit 0: a dry run answers
    "does the click path work?"; `runbook plan` answers "is there something to apply?" (exit
    2 when there is, as Terraform's plan -detailed-exitcode).
    """
    mode: Mode = "dry-run" if dry_run else "apply"
    if opts["tenants"]:
        sys.exit(fleet_command((file,), mode, opts))
    refuse_without_tenants(opts)
    [book] = load_for_browser((file,), opts["var_pairs"], opts["labels"])
    sys.exit(execute(book, file, run_options(mode, opts)))


@cli.command(epilog=EPILOG)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--show-unmanaged", is_flag=True, help="List console entries no step names.")
@click.option("--junit", type=click.Path(dir_okay=False), help="Write JUnit XML here.")
@shared_options
@fleet_options
@guarded
def drift(files: tuple[str, ...], **opts: Any) -> None:
    """Compare the live console with runbooks, read-only (exit 2 on drift)."""
    if opts["tenants"]:
        sys.exit(fleet_command(files, "drift", opts))
    refuse_without_tenants(opts)
    books = load_for_browser(files, opts["var_pairs"], opts["labels"])
    from runbook.engine.runner import Outputs
    from runbook.outputs.ci import write_junit_suites

    # Several runbooks: one JUnit file, a suite each; --json: one document, a run each.
    outputs = Outputs() if len(files) > 1 or opts["as_json"] else None
    codes: list[int] = []
    try:
        for file, book in zip(files, books, strict=True):
            codes.append(execute(book, file, run_options("drift", opts, outputs=outputs)))
            if codes[-1] in (ExitCode.INTERRUPTED, ExitCode.TERMINATED):
                break  # Ctrl-C or SIGTERM stops the whole check, not only this runbook's
    finally:
        if outputs is not None and opts["junit"]:
            write_junit_suites(outputs.suites, Path(opts["junit"]))
    code = worst_exit_code(codes)
    print_runs(outputs if opts["as_json"] else None, code)
    sys.exit(code)
