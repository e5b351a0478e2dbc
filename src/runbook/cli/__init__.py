"""The `runbook` command line; the only place that turns errors into exit codes.

Exit codes and their meanings: `runbook.errors.ExitCode` (also in `runbook --help`). One module
per command family; importing it registers its commands on the group, which imports it when
one of its commands is used (`runbook.cli.group.COMMANDS`).
"""

from __future__ import annotations

import sys

import click

from runbook.cli.group import cli
from runbook.errors import PluginError


def main() -> None:
    """Console-script entry point; a kind of another package that does not load, when the
    kinds are first needed outside a command's body (`export --help`), exits 64 too."""
    try:
        cli()
    except PluginError as exc:
        click.echo(f"runbook: error: {exc}", err=True)
        sys.exit(exc.exit_code)


__all__ = ["cli", "main"]
