"""Saved plans: `plan` records the changes, `show` prints them, `apply` makes exactly them."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from runbook.cli.common import EPILOG, guarded, load_for_browser, parse_vars, pick, run_options
from runbook.cli.group import cli
from runbook.cli.runs import _worst
from runbook.errors import ExitCode


@cli.command(epilog=EPILOG)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), default="plan.json", show_default=True
)
@run_options
@guarded
def plan(files: tuple[str, ...], output: str, **opts: Any) -> None:
    """Record the changes a run would make, read-only (exit 0: none, 2: some)."""
    books = load_for_browser(files, opts["var_pairs"], opts["labels"])
    from runbook.console import driver
    from runbook.engine.plan_runs import plan_work
    from runbook.engine.runner import RunOptions, execute
    from runbook.engine.saved_plan import PlanRecorder, plan_document, plan_key

    variables, key = parse_vars(opts.pop("var_pairs")), plan_key()
    entries: list[dict[str, Any]] = []
    codes: list[int] = []
    try:
        for file, book in zip(files, books, strict=True):
            recorder = PlanRecorder(book, Path(file), variables, key)
            options = RunOptions.from_cli(mode="drift", label="plan", **opts)
            codes.append(execute(book, Path(file), options, plan_work(recorder)))
            entries.append(recorder.entry(options.settle(book)))
            if codes[-1] not in (ExitCode.OK, ExitCode.DRIFT):
                break
    finally:
        driver.discard()
    code = _worst(codes)
    if code in (ExitCode.OK, ExitCode.DRIFT):
        doc = plan_document(entries)
        Path(output).write_text(json.dumps(doc, indent=2, sort_keys=False) + "\n")
        click.echo(f"Plan saved to {output}: {doc['changes']} change(s)", err=opts["as_json"])
    sys.exit(code)


@cli.command(epilog=EPILOG)
@click.argument("plan_file", type=click.Path(dir_okay=False))
@pick("profile", "recordings", "timeout", "headed", "screenshots", "json", "verbose")
@pick("browser-endpoint", "browser-header", "browser-launch-options")
@guarded
def apply(plan_file: str, **opts: Any) -> None:
    """Make exactly the changes of a saved plan, or refuse a stale plan before any write."""
    from runbook.console import driver
    from runbook.engine.plan_runs import apply_work
    from runbook.engine.runner import RunOptions, execute
    from runbook.engine.saved_plan import Sealer, check_file, check_secrets, plan_key, read_plan
    from runbook.spec import load_runbook

    doc, key = read_plan(Path(plan_file)), plan_key()
    ready = []
    for entry in doc["runbooks"]:
        check_file(entry)
        book = load_runbook(Path(entry["file"]), variables=dict(entry["vars"]))
        check_secrets(entry, book, key)
        ready.append((entry, book))
    codes: list[int] = []
    try:
        for entry, book in ready:
            options = RunOptions.from_cli(
                mode="apply", console_url=entry["console"], locale=entry["locale"], **opts
            )
            work = apply_work(entry, Sealer(book))
            codes.append(execute(book, Path(entry["file"]), options, work))
            if codes[-1] != ExitCode.OK:
                break
    finally:
        driver.discard()
    sys.exit(_worst(codes))


@cli.command(epilog=EPILOG)
@click.argument("plan_file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the plan document.")
@guarded
def show(plan_file: str, as_json: bool) -> None:
    """Print a saved plan for review."""
    from runbook.engine.saved_plan import read_plan, render

    doc = read_plan(Path(plan_file))
    click.echo(json.dumps(doc, indent=2) if as_json else render(doc))
