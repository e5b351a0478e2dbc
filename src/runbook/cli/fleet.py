"""Many tenants: the `tenants` command, and `--tenants` for the commands that take it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from runbook import defaults
from runbook.cli.common import EPILOG, guarded, parse_vars, run_options, tenant_options
from runbook.cli.group import cli
from runbook.errors import UsageError

if TYPE_CHECKING:
    from runbook.results import Mode


def chosen_tenants(opts: dict[str, Any]) -> list[Any]:
    """The tenants of `--tenants FILE` that `--tenant` and `--shard` pick (checked first)."""
    from runbook.fleet import load_tenants, select

    tenants = load_tenants(Path(opts["tenants"]))
    return select(tenants, opts.get("tenant_names") or (), opts.get("shard"))


def refuse_without_tenants(opts: dict[str, Any]) -> None:
    """`--tenant`, `--shard` and `--workers` mean nothing without `--tenants`."""
    for key, flag in (("tenant_names", "--tenant"), ("shard", "--shard"), ("workers", "--workers")):
        if opts.get(key):
            raise UsageError(f"{flag} needs --tenants FILE")


def output_place(value: str | None, default: str | None, *, flag: str, fleet: bool) -> str | None:
    """Where an output goes: a file (one console), a directory of one file per tenant (with
    `--tenants`); `default` when not given. The wrong kind of existing path is a usage error."""
    place = value if value is not None else default
    if place is None:
        return None
    path = Path(place)
    if fleet and path.exists() and not path.is_dir():
        raise UsageError(f"{flag} {place}: with --tenants, give a directory (one file per tenant)")
    if not fleet and path.is_dir():
        raise UsageError(
            f"{flag} {place} is a directory; give a file (a directory is for --tenants)"
        )
    return place


def fleet_command(files: tuple[str, ...], mode: Mode, opts: dict[str, Any], **how: Any) -> int:
    """Run `files` (one runbook) over the chosen tenants; the fleet's exit code.

    `how` goes to `FleetOptions` (e.g. `runner=` for a command other than run/drift).
    """
    from runbook.fleet.fleet import FleetOptions, run_fleet

    if len(files) > 1:
        raise UsageError("with --tenants, give one runbook")
    if opts.get("console_url"):
        raise UsageError(
            "--console and --tenants do not go together: each tenant names its console"
        )
    tenants = chosen_tenants(opts)
    if not tenants:
        click.echo(f"runbook: no tenant in shard {opts.get('shard')}; nothing to do", err=True)
        return 0
    as_json = bool(opts.get("as_json"))
    fleet = FleetOptions(
        file=files[0] if files else None,
        mode=mode,
        workers=opts.get("workers"),
        recordings=str(opts.get("recordings") or defaults.RECORDINGS),
        as_json=as_json,
        junit=opts.get("junit"),
        interactive=sys.stdout.isatty() and not as_json,
        **how,
    )
    # Each tenant's run: the command's options, the fleet's outputs (JSON, JUnit) its own.
    options = run_options(mode, opts)
    result = run_fleet(tenants, fleet, parse_vars(opts.get("var_pairs") or ()), options)
    return result.exit_code


@cli.command(epilog=EPILOG)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--matrix",
    type=click.IntRange(min=1, max=256),
    metavar="N",
    help="Print a GitHub Actions matrix of N shards (at most 256) as one JSON line.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the tenants as JSON.")
@tenant_options
@guarded
def tenants(file: str, matrix: int | None, as_json: bool, **opts: Any) -> None:
    """Check a tenants file and list its tenants (or the shards of a CI matrix)."""
    from runbook.fleet import matrix as shard_matrix

    chosen = chosen_tenants({**opts, "tenants": file})
    if matrix is not None:
        click.echo(json.dumps(shard_matrix(chosen, matrix)))
        return
    if as_json:
        from runbook.outputs.documents import document, dumps

        click.echo(dumps(document(tenants=[t.as_dict() for t in chosen])))
        return
    width = max((len(t.name) for t in chosen), default=4)
    for t in chosen:
        shown = (("locale", t.locale), ("org_unit", t.org_unit), ("labels", t.labels))
        extra = " ".join(f"{k}={v}" for k, v in shown if v)
        click.echo(f"{t.name:<{width}}  {t.console}  profile={t.profile} {extra}".rstrip())
    sharing: dict[tuple[str, str], list[str]] = {}
    for t in chosen:
        sharing.setdefault(t.lock_key, []).append(t.name)
    for names in (n for n in sharing.values() if len(n) > 1):
        click.echo(f"{', '.join(names)} share a console and profile: they run one after the other")
