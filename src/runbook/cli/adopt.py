"""Commands that bring a console under management: `export` (and saved plans, `cli/plans.py`)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import click

from runbook import defaults
from runbook.cli.common import EPILOG, fleet_options, guarded, output_option, pick, run_options
from runbook.cli.fleet import fleet_command, output_place, refuse_without_tenants
from runbook.cli.group import cli

EXPORT_FILE = "export.yaml"
EXPORTS_DIR = "exports"
EXPORT_NAME = "console-export"  # the fleet folder's name (runbook.engine.export's too)


def _regex(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        try:
            re.compile(value)
        except re.error as exc:
            raise click.BadParameter(f"not a regular expression: {exc}") from None
    return value


def _org_units(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> str:
    """One organizational unit today (the console's OU picker); several come with OU support."""
    from runbook.file.checks import org_unit_problem

    if len(value) > 1:
        raise click.BadParameter("give one org unit (entries per org unit are not modeled yet)")
    unit = value[0] if value else "/"
    problem = org_unit_problem(unit)
    if problem:
        raise click.BadParameter(problem)
    return unit


def listed() -> list[str]:
    """The kinds whose entries a console page lists (a `form` names its page: nothing to list)."""
    from runbook.file import KINDS

    return [key for key, info in KINDS.items() if info.page]


class ListedKinds(click.Choice):  # type: ignore[type-arg]
    """The kinds whose entries a console page lists (a `form` names its page: nothing to
    list), read from the kinds registry when first asked: `import runbook.cli` loads none."""

    def __init__(self) -> None:
        super().__init__([])

    @property  # type: ignore[override]
    def choices(self) -> list[str]:
        return listed()

    @choices.setter
    def choices(self, value: object) -> None:
        pass


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
    type=ListedKinds(),
    help="Kinds to export (default: all).",
)
@click.option("--match", callback=_regex, metavar="REGEX", help="Only entries whose name matches.")
@output_option("runbook", EXPORT_FILE, EXPORTS_DIR, ".yaml")
@pick("console", "locale", "labels", "profile", "min-session", "headed", "recordings")
@pick("timeout", "trace")
@pick("json", "verbose", "log-format", "browser-endpoint", "browser-header")
@pick("browser-launch-options")
@pick("dns-resolver", "records")
@fleet_options
@guarded
def export(
    org_unit: str, kinds: tuple[str, ...], match: str | None, output: str | None, **opts: Any
) -> None:
    """Read-only: write the console's routes and rules as a runbook that drift finds in sync.

    With --tenants, one runbook per tenant (its console, locale and org unit, else the
    options'); exit 4 when one tenant's export is partial.
    """
    fleet = bool(opts["tenants"])
    place = str(output_place(output, EXPORTS_DIR if fleet else EXPORT_FILE, flag="-o", fleet=fleet))
    if fleet:
        params = {"kinds": kinds or tuple(listed()), "org_unit": org_unit, "match": match}
        sys.exit(_export_tenants(place, params, opts))
    refuse_without_tenants(opts)
    output = place
    from runbook.console import driver
    from runbook.engine.export import ExportRequest, export_work
    from runbook.engine.runner import execute
    from runbook.file import ConsoleSettings

    target = opts["console_url"]
    url = None if target in (None, "simulator") else target
    request = ExportRequest(
        kinds=kinds or tuple(listed()),
        output=Path(output),
        console=ConsoleSettings(
            url=url, locale=opts["locale"] or defaults.LOCALE, org_unit=org_unit
        ),
        match=match,
    )
    options = run_options("drift", opts, label="export")
    try:
        sys.exit(execute(request.book(), Path(output), options, export_work(request)))
    finally:
        driver.discard()


def _export_tenants(directory: str, params: dict[str, Any], opts: dict[str, Any]) -> int:
    """`export --tenants`: each tenant's console as `<directory>/<tenant>.yaml`."""
    from runbook.fleet.commands import EXPORT
    from runbook.fleet.fleet import PerTenant

    params = {**params, "output": PerTenant(directory, ".yaml")}
    how = {"runner": EXPORT, "label": "export", "name": EXPORT_NAME, "params": params}
    return fleet_command((), "drift", opts, **how)
