"""Commands that need no browser: `validate`, `explain`, `schema`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from runbook.cli.common import EPILOG, guarded, parse_vars
from runbook.cli.group import cli
from runbook.errors import ExitCode, InvalidRunbook
from runbook.locales import LOCALES


@cli.command(epilog=EPILOG)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--var", "var_pairs", multiple=True, metavar="KEY=VALUE", help="Set a variable.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable result on stdout.")
@guarded
def validate(files: tuple[str, ...], var_pairs: tuple[str, ...], as_json: bool) -> None:
    """Load and check runbooks; no browser is started."""
    from runbook.file import load_runbook, summarize

    variables = parse_vars(var_pairs)
    problems = []
    summaries = []
    for file in files:
        try:
            book = load_runbook(Path(file), variables=variables)
        except InvalidRunbook as exc:
            problems.extend(exc.problems)
            continue
        summaries.append({"file": file, "summary": summarize(book)})
    if as_json:
        from runbook.outputs.documents import document, dumps

        code = ExitCode.INVALID_RUNBOOK if problems else ExitCode.OK
        errors = [p.as_dict() for p in problems]
        click.echo(dumps(document(valid=summaries, errors=errors, exit_code=int(code))))
        sys.exit(code)
    for item in summaries:
        click.echo(f"{item['file']}: ok — {item['summary']}")
    if problems:
        raise InvalidRunbook(problems)


@cli.command(epilog=EPILOG)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--locale", type=click.Choice(LOCALES), help="Console language.")
@click.option("--var", "var_pairs", multiple=True, metavar="KEY=VALUE", help="Set a variable.")
@click.option(
    "--labels",
    "labels_file",
    type=click.Path(dir_okay=False),
    help="Label overrides (default: the runbook's console.labels): the console's names.",
)
@guarded
def explain(
    file: str, locale: str | None, var_pairs: tuple[str, ...], labels_file: str | None
) -> None:
    """Print the runbook as numbered console steps a person could follow by hand."""
    from runbook.explain import explain as render
    from runbook.file import load_runbook
    from runbook.file.labels import labels_for, labels_path, load_labels

    book = load_runbook(Path(file), variables=parse_vars(var_pairs))
    language = locale or book.console.locale
    if labels_file is None and book.console.labels is not None:
        labels_file = str(labels_path(file, book.console.labels))
    labels = labels_for(language, load_labels(Path(labels_file)) if labels_file else None)
    click.echo(render(book, locale=language, labels=labels))


@cli.command(epilog=EPILOG)
@guarded
def schema() -> None:
    """Print the runbook JSON Schema (for editors and CI)."""
    from runbook.file import json_schema

    click.echo(json.dumps(json_schema(), indent=2))
