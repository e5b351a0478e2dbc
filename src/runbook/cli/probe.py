"""`runbook probe`: read-only walk of what runbooks use; what is missing, with candidates."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from runbook.cli.common import EPILOG, fleet_options, guarded, load_all, pick, run_options
from runbook.cli.fleet import fleet_command, output_place, refuse_without_tenants
from runbook.cli.group import cli


@cli.command(epilog=EPILOG)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@pick("console", "locale", "labels", "headed", "recordings", "var", "profile", "min-session")
@pick("trace", "timeout")
@pick("json", "browser-endpoint", "browser-header", "browser-launch-options")
@click.option(
    "--write-labels",
    type=click.Path(),
    metavar="FILE|DIR",
    help="Write a labels file with the best candidate for each missing name, to review "
    "(with --tenants a directory: DIR/TENANT.yaml).",
)
@click.option(
    "--bundle",
    type=click.Path(),
    metavar="FILE.zip|DIR",
    help="Write what maintainers need to adapt runbook: per place visited, the accessibility "
    "tree, a screenshot and the DOM (secrets and unknown addresses scrubbed); with --tenants "
    "a directory: DIR/TENANT.zip.",
)
@fleet_options
@guarded
def probe(files: tuple[str, ...], **opts: Any) -> None:
    """Walk every page, dialog and menu the runbooks use (all without FILE), read-only.

    Exit 0 when every control was found, 4 when one is missing (named, with candidates).
    With --tenants (one runbook or none), each tenant's result is in the fleet's JSON lines
    and --json document (`run.probe`, and `error` naming what is missing).
    """
    fleet = bool(opts["tenants"])
    outputs = {
        key: output_place(opts.pop(key), None, flag=flag, fleet=fleet)
        for key, flag in (("write_labels", "--write-labels"), ("bundle", "--bundle"))
    }
    if fleet:
        sys.exit(_probe_tenants(files, opts, outputs))
    refuse_without_tenants(opts)
    from runbook.engine.probing import exit_code, probe_and_write, probe_document, summary
    from runbook.outputs.documents import dumps

    books = load_all(files, opts["var_pairs"], opts["labels"])
    options = run_options("drift", opts)
    written, bundle = outputs["write_labels"], outputs["bundle"]
    report = probe_and_write(books, options, bundle=_path(bundle), labels_out=_path(written))
    if opts["as_json"]:
        click.echo(dumps(probe_document(report)))
    else:
        click.echo(summary(report, written=written, bundle=bundle))
    sys.exit(exit_code(report))


def _path(value: str | None) -> Path | None:
    return Path(value) if value is not None else None


def _probe_tenants(
    files: tuple[str, ...], opts: dict[str, Any], outputs: dict[str, str | None]
) -> int:
    """`probe --tenants`: each tenant's console probed in its worker; files per tenant."""
    from runbook.fleet.commands import PROBE
    from runbook.fleet.fleet import PerTenant

    suffixes = {"write_labels": ".yaml", "bundle": ".zip"}
    params = {k: PerTenant(place, suffixes[k]) for k, place in outputs.items() if place is not None}
    return fleet_command(files, "drift", opts, runner=PROBE, label="probe", params=params)
