"""Commands that bring a console under management: `export` (and saved plans, `cli/plans.py`)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import click

from runbook.cli.common import EPILOG, console_option, guarded
from runbook.cli.group import cli
from runbook.locales import LOCALES
from runbook.spec import KINDS


def _regex(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        try:
            re.compile(value)
        except re.error as exc:
            raise click.BadParameter(f"not a regular expression: {exc}") from None
    return value


def _org_units(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> str:
    """One organizational unit today (the console's OU picker); several come with OU support."""
    from runbook.spec.checks import org_unit_problem

    if len(value) > 1:
        raise click.BadParameter("give one org unit (entries per org unit are not modeled yet)")
    unit = value[0] if value else "/"
    problem = org_unit_problem(unit)
    if problem:
        raise click.BadParameter(problem)
    return unit


def console_read_options(func: Any) -> Any:
    """What a read-only walk of a console takes: where, how, and its evidence."""
    options = [
        click.option(
            "--console",
            "console_url",
            metavar="URL|simulator",
            callback=console_option,
            help="Console to read (default https://admin.google.com).",
        ),
        click.option("--locale", type=click.Choice(LOCALES), default="en", show_default=True),
        click.option("--profile", default="default", show_default=True, help="Saved session."),
        click.option("--headed", is_flag=True, help="Show the browser window."),
        click.option(
            "--recordings",
            type=click.Path(file_okay=False),
            default="recordings",
            show_default=True,
            help="Where run folders are written.",
        ),
        click.option(
            "--timeout",
            type=click.IntRange(min=100),
            default=None,
            metavar="MS",
            help="How long to wait for a page element (default 15000).",
        ),
        click.option(
            "--trace",
            type=click.Choice(["on", "off", "retain-on-failure"]),
            default="retain-on-failure",
            show_default=True,
            help="Playwright trace.",
        ),
        click.option("--json", "as_json", is_flag=True, help="Print the result document."),
        click.option("--verbose", "-v", is_flag=True, help="Print the structured log lines too."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@cli.command(epilog=EPILOG)
@click.option(
    "--org-unit",
    "org_unit",
    multiple=True,
    metavar="PATH",
    callback=_org_units,
    help="Organizational unit to read (default /).",
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(list(KINDS)),
    help="Kinds to export (default: all).",
)
@click.option("--match", callback=_regex, metavar="REGEX", help="Only entries whose name matches.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default="export.yaml",
    show_default=True,
    help="The runbook to write.",
)
@console_read_options
@guarded
def export(
    org_unit: str, kinds: tuple[str, ...], match: str | None, output: str, **opts: Any
) -> None:
    """Read-only: write the console's routes and rules as a runbook that drift finds in sync."""
    from runbook.console import driver
    from runbook.engine.export import ExportRequest, export_work
    from runbook.engine.runner import RunOptions, execute
    from runbook.spec import ConsoleSettings

    target = opts["console_url"]
    url = None if target in (None, "simulator") else target
    request = ExportRequest(
        kinds=kinds or tuple(KINDS),
        output=Path(output),
        console=ConsoleSettings(url=url, locale=opts["locale"], org_unit=org_unit),
        match=match,
    )
    options = RunOptions.from_cli(mode="drift", label="export", **opts)
    try:
        sys.exit(execute(request.book(), Path(output), options, export_work(request)))
    finally:
        driver.discard()
