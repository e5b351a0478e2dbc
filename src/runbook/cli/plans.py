"""Saved plans: `plan` records the changes, `show` prints them, `apply` makes exactly them."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from runbook.cli.common import (
    EPILOG,
    fleet_options,
    guarded,
    load_for_browser,
    output_option,
    parse_vars,
    pick,
    print_runs,
    run_options,
    shared_options,
)
from runbook.cli.fleet import fleet_command, output_place, refuse_without_tenants
from runbook.cli.group import cli

if TYPE_CHECKING:
    from runbook.engine.options import RunOptions

PLAN_FILE = "plan.json"
PLANS_DIR = "plans"


@cli.command(epilog=EPILOG)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@output_option("plan file", PLAN_FILE, PLANS_DIR, ".json")
@shared_options
@fleet_options
@guarded
def plan(files: tuple[str, ...], output: str | None, **opts: Any) -> None:
    """Record the changes a run would make, read-only (exit 0: none, 2: some).

    Exit 0: no change pending; 2: changes pending (as Terraform's plan -detailed-exitcode, so
    a pipeline applies only on 2); other codes: an error. `run --dry-run`, which also fills
    the dialogs, exits 0 with changes pending. With --tenants, one plan per tenant; exit 2
    when a tenant has changes and none failed.
    """
    fleet = bool(opts["tenants"])
    place = str(output_place(output, PLANS_DIR if fleet else PLAN_FILE, flag="-o", fleet=fleet))
    if fleet:
        from runbook.fleet.commands import PLAN
        from runbook.fleet.fleet import PerTenant

        params = {"output": PerTenant(place, ".json")}
        sys.exit(fleet_command(files, "drift", opts, runner=PLAN, label="plan", params=params))
    refuse_without_tenants(opts)
    books = load_for_browser(files, opts["var_pairs"], opts["labels"])
    from runbook.console import driver
    from runbook.engine.plan_runs import plan_runbooks
    from runbook.engine.runner import Outputs

    variables = parse_vars(opts["var_pairs"])
    outputs = Outputs() if opts["as_json"] else None
    options = run_options("drift", opts, label="plan", outputs=outputs)
    runs = [(book, Path(file)) for file, book in zip(files, books, strict=True)]
    try:
        code = plan_runbooks(runs, options, variables, Path(place), quiet=opts["as_json"])
    finally:
        driver.discard()
    print_runs(outputs, code)
    sys.exit(code)


@cli.command(epilog=EPILOG)
@click.argument("plan_file", type=click.Path(), metavar="PLAN_FILE|DIR")
@pick("profile", "min-session", "recordings", "timeout", "headed", "screenshots", "json")
@pick("verbose", "log-format", "dns-resolver", "wait-dns", "records")
@pick("browser-endpoint", "browser-header", "browser-launch-options")
@fleet_options
@guarded
def apply(plan_file: str, **opts: Any) -> None:
    """Make exactly the changes of a saved plan, or refuse a stale plan before any write.

    With --tenants, PLAN_FILE is the directory `plan --tenants` wrote: each tenant's plan,
    DIR/TENANT.json, is applied to that tenant's console (every plan checked first).
    """
    fleet = bool(opts["tenants"])
    place = str(output_place(plan_file, None, flag="PLAN_FILE", fleet=fleet))
    if fleet:
        sys.exit(_apply_tenants(place, opts))
    refuse_without_tenants(opts)
    from runbook.console import driver
    from runbook.engine.plan_runs import apply_plan, ready_plan
    from runbook.engine.runner import Outputs

    ready = ready_plan(Path(place))
    outputs = Outputs() if opts["as_json"] else None
    options = run_options("apply", opts, outputs=outputs)

    def options_for(entry: Mapping[str, Any]) -> RunOptions:
        return replace(options, console_url=entry["console"], locale=entry["locale"])

    try:
        code = apply_plan(ready, options_for)
    finally:
        driver.discard()
    print_runs(outputs, code)
    sys.exit(code)


def _apply_tenants(directory: str, opts: dict[str, Any]) -> int:
    """`apply DIR --tenants`: every chosen tenant's plan checked (there, unchanged, made for
    its console), then each applied in its worker."""
    from runbook.cli.fleet import chosen_tenants
    from runbook.fleet.commands import APPLY, check_tenant_plan
    from runbook.fleet.fleet import PerTenant

    where = PerTenant(directory, ".json")
    for tenant in chosen_tenants(opts):
        check_tenant_plan(tenant, where.path(tenant.name))
    params = {"plan": where}
    return fleet_command(
        (), "apply", opts, runner=APPLY, label="apply", name="plans", params=params
    )


@cli.command(epilog=EPILOG)
@click.argument("plan_file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the plan document.")
@guarded
def show(plan_file: str, as_json: bool) -> None:
    """Print a saved plan for review."""
    from runbook.engine.saved_plan import existing_plan_key, read_plan, render

    doc = read_plan(Path(plan_file), existing_plan_key())
    click.echo(json.dumps(doc, indent=2) if as_json else render(doc))
