"""The `runbook` command group; each command family registers itself on it from its module,
imported when one of its commands is used (`COMMANDS`)."""

from __future__ import annotations

import click

from runbook.cli.common import ENV_HELP, EPILOG, Group

# Each command's module, imported when the command is looked up: `runbook validate` loads
# neither the browser's nor the other commands' code. A new command adds its line here.
COMMANDS: dict[str, str] = {
    "apply": "runbook.cli.plans",
    "drift": "runbook.cli.runs",
    "explain": "runbook.cli.check",
    "export": "runbook.cli.adopt",
    "kinds": "runbook.cli.kinds",
    "labels": "runbook.cli.labels",
    "login": "runbook.cli.sessions",
    "plan": "runbook.cli.plans",
    "probe": "runbook.cli.probe",
    "run": "runbook.cli.runs",
    "schema": "runbook.cli.check",
    "sessions": "runbook.cli.sessions",
    "show": "runbook.cli.plans",
    "simulator": "runbook.cli.serve",
    "tenants": "runbook.cli.fleet",
    "validate": "runbook.cli.check",
}


@click.group(
    cls=Group,
    modules=COMMANDS,
    epilog=f"{ENV_HELP}\n{EPILOG}",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
@click.version_option(package_name="runbook")
def cli(debug: bool) -> None:
    """Execute admin-console runbooks in a real browser: plan, apply, check for drift."""
