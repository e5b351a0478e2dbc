"""Runbooks given to one command together: no console entry is asked two different things."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from runbook.errors import Problem
from runbook.file.kinds import kind_info
from runbook.file.model import Runbook
from runbook.file.placement import org_unit_of
from runbook.file.source import SourceFatal, read_text
from runbook.file.yamlsource import parse_source
from runbook.names import shown
from runbook.target import DEFAULT_CONSOLE, console_key

# An entry of a console: (console, kind, org unit or None, inherited there, name as shown).
Identity = tuple[str, str, str | None, bool, str]


def identity(book: Runbook, index: int) -> Identity:
    """The console entry step `index` of `book` manages (as Terraform's resource address)."""
    step = book.steps[index]
    unit = org_unit_of(step.resource, book.console.org_unit)
    inherited = bool(getattr(step.resource, "inherited", False))
    console = console_key(book.console.url or DEFAULT_CONSOLE)
    return (console, step.kind, unit, inherited, shown(step.key))


def shared_entries(books: Sequence[tuple[Path, Runbook]]) -> list[Problem]:
    """A problem at each step that asks of an entry something else than an earlier runbook of
    the command asks of it (each file loaded and valid on its own): the two would fight over
    its values, and the console would end drifted from one of them. The same step twice (one
    runbook given twice) asks nothing new."""
    owner: dict[Identity, tuple[Path, int, Runbook]] = {}
    problems: list[Problem] = []
    for file, book in books:
        for index, step in enumerate(book.steps):
            key = identity(book, index)
            if key not in owner:
                owner[key] = (file, index, book)
                continue
            first, first_index, first_book = owner[key]
            if _asks(first_book, first_index) == _asks(book, index):
                continue
            info = kind_info(step.kind)
            _, _, unit, inherited, _ = key
            where = "" if unit in (None, "/") else f" in {unit}"
            what = f"inherited {info.what}" if inherited else info.what
            there = _position(first, first_index, step.kind, info.key_field)
            line, column = _position(file, index, step.kind, info.key_field)
            problems.append(
                Problem(
                    str(file),
                    line,
                    column,
                    f"{what} {step.key!r}{where} is also managed by {first}:{there[0]}:"
                    f"{there[1]} (step {first_index + 1}), which asks other values of it; "
                    "give each entry to one runbook",
                )
            )
    return problems


def _asks(book: Runbook, index: int) -> object:
    """What step `index` of `book` asks of its entry: its state and its fields."""
    step = book.steps[index]
    return (step.state, step.resource.model_dump())


def _position(file: Path, index: int, kind: str, field: str) -> tuple[int, int]:
    """Where step `index`'s key is written in `file` (1:1 when it cannot be read again)."""
    try:
        source = parse_source(read_text(file), str(file))
    except (OSError, SourceFatal):
        return (1, 1)
    pos = source.position(("steps", index, kind, field))
    return (pos.line, pos.column)
