"""`runbook kinds`: every registered kind, where it comes from, its page and its schema; and
`missing_parts`, the completeness check of a kind (the suite runs it on every built-in kind,
`runbook kinds` on each kind of another package)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from typing import Any

import click

from runbook.cli.common import EPILOG, guarded
from runbook.cli.group import cli
from runbook.errors import ExitCode, PluginError

FROM_THE_STEP = "the step names its page"


def _move_keys(move: Any) -> Iterator[str]:
    from runbook.console.moves import Check, Look, Pick, Press

    if isinstance(move, Look):
        yield from (*move.keys, *move.either, *((move.within,) if move.within else ()))
    elif isinstance(move, Press):
        yield from (move.key, *move.otherwise)
        yield from (k for k in (move.opens, move.within) if k)
    elif isinstance(move, Pick):
        yield from (move.menu, *move.options, move.choose)
    elif isinstance(move, Check):
        yield move.key


def page_keys(page: str) -> set[str]:
    """Every label key a page's entry, walk, places and roles name."""
    from runbook.console.places import PAGES
    from runbook.console.walks import WALKS, page_part

    info = PAGES[page]
    keys = {*info.menu, info.heading, *((info.block,) if info.block else ())}
    keys |= {k for move in WALKS[page] for k in _move_keys(move)}
    elsewhere = page_part(page, "ELSEWHERE")
    assert isinstance(elsewhere, dict)
    keys |= {k for found in elsewhere.values() for k in found}
    own = page_part(page, "ROLES")
    assert isinstance(own, dict)
    return keys | set(own)


def value_keys(kind: str) -> set[str]:
    """The label keys of a kind's value -> label-key maps (`locales/values/<kind>.py`, if any)."""
    try:
        module = importlib.import_module(f"runbook.locales.values.{kind}")
    except ModuleNotFoundError:
        return set()
    maps = [v for name, v in vars(module).items() if name.endswith("_KEYS") and isinstance(v, dict)]
    return {key for mapping in maps for key in mapping.values() if isinstance(key, str)}


def missing_parts(kind: str) -> list[str]:
    """What a registered kind lacks, each named; empty when it is complete."""
    from runbook.console.keys import ROLES
    from runbook.console.places import PAGES
    from runbook.console.walks import page_part
    from runbook.engine.registry import step_type
    from runbook.explain import explainer
    from runbook.file import KINDS, Resource
    from runbook.file.kinds import kind_part, part_name
    from runbook.locales import LOCALES, catalogue

    problems: list[str] = []
    try:
        info = KINDS[kind]
    except KeyError:
        return [f"{kind}: no KIND in {part_name(kind, 'model')}"]
    if not (isinstance(info.model, type) and issubclass(info.model, Resource)):
        problems.append(f"{kind}: KIND.model is not a Resource")
    if info.page and info.page not in PAGES:
        problems.append(f"{kind}: its page {info.page!r} has no entry in console.places.PAGES")
        return problems
    for name in ("WALK", "ELSEWHERE", "ROLES") if info.page else ():
        try:
            page_part(info.page, name)
        except LookupError as exc:
            problems.append(f"{kind}: {exc}")
    for part in ("step", "explain"):
        try:
            kind_part(kind, part)
        except (LookupError, PluginError) as exc:
            problems.append(f"{kind}: {exc}")
    if problems:
        return problems
    if step_type(kind).page_name != info.page:
        problems.append(f"{kind}: its step type works on another page")
    if explainer(kind).page != info.page:
        problems.append(f"{kind}: its explainer starts on another page")
    if not info.page:  # its steps name their pages (a form): no page of its own
        return problems
    keys = page_keys(info.page) | value_keys(kind)
    problems += [f"{kind}: label key {k!r} has no role" for k in sorted(keys) if k not in ROLES]
    for locale in LOCALES:
        labels = catalogue(locale).labels
        problems += [
            f"{kind}: label key {k!r} has no names in locales/{locale}.py"
            for k in sorted(keys)
            if k not in labels
        ]
    return problems


def _schemas() -> dict[str, Any]:
    """Each kind's JSON schema, as `runbook schema` writes it (with the definitions it uses)."""
    from runbook.file import KINDS, json_schema

    whole = json_schema()
    defs = whole.get("$defs", {})
    return {
        key: {"$schema": whole["$schema"], **defs.get(info.model.__name__, {}), "$defs": defs}
        for key, info in KINDS.items()
    }


@cli.command(epilog=EPILOG)
@click.option("--json", "as_json", is_flag=True, help="With each kind's JSON schema.")
@guarded
def kinds(as_json: bool) -> None:
    """List the resource kinds: built in, or from other packages (entry points runbook.kinds)."""
    from runbook import plugins

    plugins.STRICT = False  # list a broken plugin kind with its error, beside the others
    try:
        from runbook.engine.registry import STEP_TYPES  # noqa: F401  (loads every part)
        from runbook.explain import EXPLAINERS  # noqa: F401
        from runbook.file.kinds import KINDS, PLUGINS
    finally:
        plugins.STRICT = True  # (in-process callers: the next load raises again)

    broken = {p: str(e) for p, e in plugins.BROKEN.items()}
    for key, loaded in PLUGINS.items():
        if loaded not in broken and key in KINDS:
            problems = missing_parts(key)
            if problems:
                broken[loaded] = str(loaded.error("; ".join(problems)))
    rows: list[dict[str, Any]] = []
    schemas = _schemas() if as_json else {}
    for key, info in KINDS.items():
        plugin = PLUGINS.get(key)
        if plugin is not None and plugin in broken:
            continue
        row: dict[str, Any] = {
            "key": key,
            "source": plugin.source if plugin else "built-in",
            "page": info.page or FROM_THE_STEP,
        }
        if plugin is not None:
            row |= {"distribution": plugin.distribution, "version": plugin.version}
        if as_json:
            row["schema"] = schemas[key]
        rows.append(row)
    errors = [
        {"key": p.key, "source": p.source, "distribution": p.distribution, "error": message}
        for p, message in broken.items()
    ]
    if as_json:
        from runbook.outputs.documents import document, dumps

        click.echo(dumps(document(kinds=rows, errors=errors)))
    else:
        width = max(len(row["key"]) for row in rows + errors)
        source_width = max(len(row["source"]) for row in rows + errors)
        for row in rows:
            click.echo(f"{row['key']:<{width}}  {row['source']:<{source_width}}  {row['page']}")
        for error in errors:
            click.echo(f"{error['key']:<{width}}  {error['source']:<{source_width}}  BROKEN")
            click.echo(f"runbook: error: {error['error']}", err=True)
    if errors:
        sys.exit(ExitCode.USAGE)
