"""`runbook labels`: the label catalogue (key, role, accepted names, where it is used)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import click

from runbook.cli.common import EPILOG, guarded, labels_option, locale_option
from runbook.cli.group import cli
from runbook.locales import DEFAULT_LOCALE, LabelKey, Labels


@cli.command(epilog=EPILOG)
@locale_option()
@labels_option()
@click.option("--json", "as_json", is_flag=True, help="Print the catalogue as JSON.")
@guarded
def labels(locale: str | None, labels: str | None, as_json: bool) -> None:
    """Print the label catalogue: key, role, accepted names, where it is used.

    With --labels FILE, the file's names come first (as a run tries them).
    """
    catalogue = _labels(locale or DEFAULT_LOCALE, labels)
    entries = catalogue_entries(catalogue)
    if as_json:
        from runbook.outputs.documents import document, dumps

        fields: dict[str, Any] = {"locale": catalogue.locale, "labels": entries}
        if catalogue.texts:
            fields["form"] = {k: list(v) for k, v in catalogue.texts.items()}
        click.echo(dumps(document(**fields)))
        return
    width = max(len(e["key"]) for e in entries)
    role_width = max(len(e["role"]) for e in entries)
    for e in entries:
        names = " | ".join(e["names"])
        click.echo(
            f"{e['key']:<{width}}  {e['role']:<{role_width}}  {names}  [{', '.join(e['where'])}]"
        )
    if catalogue.texts:
        click.echo("\nform steps' names (the labels file's form:, tried before the runbook's):")
        for written, given in catalogue.texts.items():
            click.echo(f"  {written}  ->  {' | '.join(given)}")


def _labels(locale: str, file: str | None) -> Labels:
    from runbook.file.labels import labels_for, load_labels

    return labels_for(locale, load_labels(Path(file)) if file else None)


def catalogue_entries(catalogue: Labels) -> list[dict[str, Any]]:
    """One entry per catalogue key: its role, accepted names (as tried) and places."""
    from runbook.console.keys import ROLES
    from runbook.console.walks import places

    keys: tuple[LabelKey, ...] = get_args(LabelKey)
    return [
        {"key": k, "role": ROLES[k], "names": list(catalogue.names(k)), "where": places(k)}
        for k in keys
    ]
