"""The `runbook` command line; the only place that turns errors into exit codes.

Exit codes and their meanings: `runbook.errors.ExitCode` (also in `runbook --help`). One module
per command family; importing it registers its commands on the group.
"""

from __future__ import annotations

from runbook.cli import (  # noqa: F401
    adopt,
    check,
    fleet,
    kinds,
    labels,
    plans,
    probe,
    runs,
    serve,
    sessions,
)
from runbook.cli.group import cli


def main() -> None:
    """Console-script entry point."""
    cli()


__all__ = ["cli", "main"]
