"""`runbook simulator`: serve the local Admin console simulator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from runbook.cli.common import guarded
from runbook.cli.group import cli
from runbook.errors import UsageError
from runbook.simulator.variants import VARIANTS

# `--help` lists the variants from their registry, each with what it shows.
VARIANTS_EPILOG = "\b\nVariants (--variant NAME, or PUT /_sim/variants):\n" + "\n".join(
    f"  {name}: {text}" for name, text in VARIANTS.items()
)


@cli.command(epilog=VARIANTS_EPILOG)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--state",
    type=click.Path(dir_okay=False),
    default=".runbook/simulator.json",
    show_default=True,
    help="State file (survives restarts).",
)
@click.option("--no-auth", is_flag=True, help="Serve without the sign-in flow.")
@click.option("--faults", metavar="JSON", help="Fault injection settings (see /_sim/faults).")
@click.option(
    "--variant",
    "variants",
    metavar="NAME",
    multiple=True,
    help="Show one of the real console's known variants (repeatable; see /_sim/variants).",
)
@click.option(
    "--dns",
    metavar="HOST:PORT",
    help="DNS resolver that Start authentication (Authenticate email) looks DKIM records up at.",
)
@guarded
def simulator(
    host: str,
    port: int,
    state: str,
    no_auth: bool,
    faults: str | None,
    variants: tuple[str, ...],
    dns: str | None,
) -> None:
    """Serve the local Admin console simulator."""
    from runbook.simulator.dns_lookup import Resolver, ResolverError
    from runbook.simulator.faults import FaultError
    from runbook.simulator.server import PortUnavailable, serve
    from runbook.simulator.state import StateFileError
    from runbook.simulator.variants import VariantError, parse

    try:
        parse(list(variants))
    except VariantError as exc:
        raise UsageError(f"--variant: {exc}") from None
    try:
        resolver = Resolver.parse(dns) if dns else None
    except ResolverError as exc:
        raise UsageError(f"--dns: {exc}") from None

    try:
        serve(
            host=host,
            port=port,
            state_path=Path(state),
            auth=not no_auth,
            faults=_faults_option(faults),
            variants=variants,
            dns=resolver,
        )
    except PortUnavailable as exc:
        raise UsageError(f"{exc}; choose another with --port (0: any free port)") from None
    except FaultError as exc:
        raise UsageError(f"--faults: {exc}") from None
    except StateFileError as exc:
        raise UsageError(f"{exc}; give --state another file, or remove this one") from None


def _faults_option(text: str | None) -> Any:
    """The `--faults` document, or a usage error saying where it stops being JSON."""
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError as exc:
        raise UsageError(f"--faults is not JSON: {exc}") from None
