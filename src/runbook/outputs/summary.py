"""The end-of-run terminal summary: a table of steps and the verdict, rich or plain text."""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from runbook.outputs.formatting import (
    MODE_LABELS,
    TONE_ICONS,
    attempt_line,
    change_line,
    outcome,
    step_status,
    unsaved_label,
)
from runbook.results import RunResult, StepResult
from runbook.secrets import Redactor

_STATUS_STYLES = {
    "ok": "green",
    "changed": "cyan",
    "would_change": "cyan",
    "drift": "yellow",
    "failed": "bold red",
    "skipped": "dim",
    "not_run": "dim",
    "waiting_dns": "yellow",
}


def render_terminal_summary(
    result: RunResult, *, plain: bool | None = None, redactor: Redactor | None = None
) -> RenderableType | str:
    """The end-of-run table (step, resource, status, changes) and the verdict.

    A rich renderable, or plain text when `plain` (default: plain unless stdout is a TTY).
    Print plain text with `print()` or `print_terminal_summary()`, not `Console.print`,
    which would re-wrap the columns and read square brackets as markup.
    """
    if plain is None:
        plain = not _isatty(sys.stdout)
    result = (redactor or Redactor()).value(result)
    return _plain_summary(result) if plain else _rich_summary(result)


def print_terminal_summary(
    result: RunResult, *, file: TextIO | None = None, redactor: Redactor | None = None
) -> None:
    """Print the summary to `file` (default stdout): rich on a TTY, plain text otherwise."""
    out = file or sys.stdout
    summary = render_terminal_summary(result, plain=not _isatty(out), redactor=redactor)
    if isinstance(summary, str):
        out.write(summary)
        out.flush()
    else:
        Console(file=out).print(summary)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _changes_text(result: RunResult, step: StepResult) -> list[str]:
    lines = [change_line(c, result.mode) for c in step.changes]
    unsaved = unsaved_label(step)
    if unsaved:
        lines.insert(0, f"{unsaved[0].upper()}{unsaved[1:]}:")
    lines += [attempt_line(a, len(step.attempts)) for a in step.attempts[:-1]]
    if step.message:  # why it failed; or what a step that did not fail has to say
        lines.append(step.message if step.status == "failed" else f"Note: {step.message}")
    return lines


def _unmanaged_lines(result: RunResult) -> list[str]:
    """Console entries no step names (`--show-unmanaged`), one line per kind."""
    if not result.unmanaged:
        return []
    lines = ["Unmanaged entries (not named by the runbook; never changed):"]
    for kind, names in result.unmanaged.items():
        lines.append(f"  {kind}: {', '.join(names) or 'none'}")
    return lines


def _rich_summary(result: RunResult) -> RenderableType:
    table = Table(title=f"{result.runbook} — {MODE_LABELS.get(result.mode, result.mode)}")
    table.add_column("#", justify="right", style="dim")
    table.add_column("Step")
    table.add_column("Resource")
    table.add_column("Status")
    table.add_column("Changes" if result.mode != "drift" else "Differences")
    for step in result.steps:
        table.add_row(
            str(step.index),
            Text(step.name),
            Text(step.placed),
            Text(step_status(step), style=_STATUS_STYLES.get(step.status, "")),
            Text("\n".join(_changes_text(result, step))),
        )
    verdict, tone = outcome(result)
    style = {"good": "bold green", "warn": "bold yellow", "bad": "bold red"}[tone]
    lines: list[RenderableType] = [table, Text(f"{TONE_ICONS[tone]} {verdict}", style=style)]
    lines += [Text(line, style="yellow") for line in _unmanaged_lines(result)]
    lines += [Text(line, style="cyan") for line in notes_lines(result)]
    if result.error:
        lines.append(Text(result.error, style="red"))
    return Group(*lines)


def notes_lines(result: RunResult) -> list[str]:
    """One line per thing the console put in the way that the run coped with."""
    return [f"Note: {note}" for note in result.notes]


def _plain_summary(result: RunResult) -> str:
    header = ["#", "Step", "Resource", "Status", "Changes"]
    rows: list[list[list[str]]] = []
    for step in result.steps:
        rows.append(
            [
                [str(step.index)],
                [step.name],
                [step.placed],
                [step_status(step)],
                _changes_text(result, step) or [""],
            ]
        )
    widths = [len(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row[:-1]):
            widths[i] = max(widths[i], *(len(line) for line in cell))

    def line(cells: list[str]) -> str:
        padded = [c.ljust(widths[i]) for i, c in enumerate(cells[:-1])]
        return "  ".join([*padded, cells[-1]]).rstrip()

    out = [f"{result.runbook} — {MODE_LABELS.get(result.mode, result.mode)}", line(header)]
    for row in rows:
        height = max(len(cell) for cell in row)
        for n in range(height):
            out.append(line([cell[n] if n < len(cell) else "" for cell in row]))
    verdict, _ = outcome(result)
    out.append(verdict)
    out += _unmanaged_lines(result)
    out += notes_lines(result)
    if result.error:
        out.append(f"Error: {result.error}")
    return "\n".join(out) + "\n"
