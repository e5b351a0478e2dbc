"""`runbook probe`: read-only walk of what runbooks use; what is missing, with candidates."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from runbook.cli.common import EPILOG, guarded, load_all, pick
from runbook.cli.group import cli


@cli.command(epilog=EPILOG)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@pick("console", "locale", "labels", "headed", "recordings", "var", "profile", "trace", "timeout")
@pick("json", "browser-endpoint", "browser-header", "browser-launch-options")
@click.option(
    "--write-labels",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Write a labels file with the best candidate for each missing name, to review.",
)
@click.option(
    "--bundle",
    type=click.Path(dir_okay=False),
    metavar="FILE.zip",
    help="Write what maintainers need to adapt runbook: per place visited, the accessibility "
    "tree, a screenshot and the DOM (secrets and unknown addresses scrubbed).",
)
@guarded
def probe(files: tuple[str, ...], **opts: Any) -> None:
    """Walk every page, dialog and menu the runbooks use (all without FILE), read-only.

    Exit 0 when every control was found, 4 when one is missing (named, with candidates).
    """
    from runbook.engine.probing import ProbeOptions, exit_code, probe

    books = load_all(files, opts["var_pairs"], opts["labels"])
    options = ProbeOptions(**{k: opts[k] for k in ProbeOptions.__dataclass_fields__ if k in opts})
    bundle = _bundle(books, opts["bundle"])
    report = probe(books, options, bundle.capture if bundle else None)
    if bundle is not None:
        bundle.write(Path(opts["bundle"]))
    if opts["write_labels"]:
        from runbook.console.probe_output import labels_file_text

        Path(opts["write_labels"]).write_text(labels_file_text(report), encoding="utf-8")
    if opts["as_json"]:
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        from runbook.console.probe_output import summary

        click.echo(summary(report, written=opts["write_labels"], bundle=opts["bundle"]))
    sys.exit(exit_code(report))


def _bundle(books: list[Any], path: str | None) -> Any:
    if path is None:
        return None
    from runbook.console.bundle import Bundle

    return Bundle.for_runbooks(books)
