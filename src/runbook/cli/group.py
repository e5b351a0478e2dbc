"""The `runbook` command group; each command family registers itself on it from its module."""

from __future__ import annotations

import click

from runbook.cli.common import ENV_HELP, EPILOG, Group


@click.group(
    cls=Group,
    epilog=f"{ENV_HELP}\n{EPILOG}",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
@click.version_option(package_name="runbook")
def cli(debug: bool) -> None:
    """Execute admin-console runbooks in a real browser: plan, apply, check for drift."""
