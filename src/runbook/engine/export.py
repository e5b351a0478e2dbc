"""`runbook export`: a read-only walk of the console's entries, written as a runbook."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from runbook.console.pages.message_options import UNMODELED
from runbook.console.pages.switchable import SwitchableList
from runbook.engine.context import RunContext
from runbook.engine.loop import Scope, Work
from runbook.engine.registry import step_type
from runbook.errors import ExitCode
from runbook.file import ConsoleSettings, Runbook, Step, kind_info
from runbook.file.writer import Entry, kinds_in_order, partial_entries, runbook_text, schema_ref
from runbook.results import RunResult, StepResult

EXPORT_NAME = "console-export"


@dataclass(frozen=True)
class ExportRequest:
    """What to export and where: the kinds, a name filter, the console settings to write."""

    kinds: Sequence[str]
    output: Path
    console: ConsoleSettings
    match: str | None = None
    name: str = EXPORT_NAME

    @property
    def description(self) -> str:
        where = self.console.url or "the console"
        return (
            f"Routes and rules of {where} (org unit {self.console.org_unit}), "
            "as runbook export read them."
        )

    def book(self) -> Runbook:
        """The run's runbook: no steps, the console to read (model_construct: not a file)."""
        return Runbook.model_construct(
            version=1,
            name=self.name,
            description=self.description,
            console=self.console,
            steps=[],
        )

    def console_block(self) -> dict[str, Any]:
        """`console:` of the written runbook (no url for the embedded simulator)."""
        data = self.console.model_dump(exclude_none=True)
        return {k: data[k] for k in ("url", "locale", "org_unit") if k in data}


def export_work(request: ExportRequest) -> Work:
    """The walk `runner.execute` does in the console instead of steps; it writes the file."""

    def walk(scope: Scope) -> None:
        entries, below = read_entries(scope, request)
        _write(request, entries, scope.result, scope.log, below)

    return walk


def read_entries(scope: Scope, request: ExportRequest) -> tuple[list[Entry], list[str]]:
    """Every listed entry of the chosen kinds whose key matches: opened, read and cancelled;
    and, when a kind set per OU was read, the OUs right below the exported one (their own
    entries are not read: the export says so)."""
    ctx, result, log, progress = scope.ctx, scope.result, scope.log, scope.progress
    pattern = re.compile(request.match) if request.match else None
    entries: list[Entry] = []
    below: list[str] | None = None
    for kind in kinds_in_order(request.kinds):
        cls = step_type(kind)
        if not cls.page_name:  # its steps name their pages (a `form`): nothing to list
            continue
        ctx.shell.open(cls.page_name)
        page = ctx.list_page(cls.page_type)
        heading = ctx.labels.name(cls.page_type.heading_key)
        progress.line(f"Reading {heading}")
        log.info("export.page", page=cls.page_name)
        for key in page.names():
            if pattern is not None and not pattern.search(key):
                continue
            progress.line(f"  {cls.noun} {key!r}")
            entry = _read_one(ctx, kind, key, page, result)
            if entry is not None:
                entries.append(entry)
                log.info("export.entry", kind=kind, resource=key)
        if isinstance(page, SwitchableList) and ctx.shell.org_unit not in ("", "/"):
            for entry in _switched_off(kind, page, pattern, result):
                entries.append(entry)
                log.info("export.entry", kind=kind, resource=entry.key, inherited=True)
        if isinstance(page, SwitchableList) and below is None:
            below = ctx.shell.org_units_below()
    return entries, below or []


def _switched_off(
    kind: str, page: SwitchableList[Any], pattern: re.Pattern[str] | None, result: RunResult
) -> list[Entry]:
    """The rules or settings inherited from a parent OU that this OU turns off: a step each
    (`inherited: true`, `enabled: false`); the ones left on are the parents' alone."""
    info = kind_info(kind)
    names = page.inherited_names()
    entries = []
    for key in dict.fromkeys(names):
        if pattern is not None and not pattern.search(key):
            continue
        outcome = StepResult(
            index=len(result.steps) + 1,
            name=f"Read the inherited {info.what} {key!r}",
            kind=kind,
            resource=key,
            status="ok",
        )
        result.steps.append(outcome)
        if names.count(key) > 1:  # two parents' entries: which one is off cannot be told
            outcome.message = f"inherited {names.count(key)} times here: not exported"
            continue
        if not page.is_enabled(key, inherited=True):
            entries.append(
                Entry(kind, key, {info.key_field: key, "inherited": True, "enabled": False})
            )
    return entries


def _read_one(ctx: RunContext, kind: str, key: str, page: Any, result: RunResult) -> Entry | None:
    """One entry read through its kind's step (its dialog opened, read and cancelled); None
    for one listed with nothing set (a domain without a DKIM key): there is nothing to export."""
    info = kind_info(kind)
    started = time.perf_counter()
    index = len(result.steps) + 1
    # A step that names the entry only: `absent` needs no other field (a kind that cannot be
    # removed needs none either, and refuses `absent`).
    state = "present" if info.instead_of_absent else "absent"
    step = Step.model_validate({"name": f"Read {key}", kind: {info.key_field: key}, "state": state})
    reader = step_type(kind)(ctx, step, index)
    have = dict(reader.read_entry(page))
    if reader.open_dialog is not None:
        reader.close_dialog(reader.open_dialog)
    missing = [str(name) for name in have.pop(UNMODELED, None) or []]
    outcome = StepResult(
        index=index, name=f"Read the {info.what} {key!r}", kind=kind, resource=key, status="ok"
    )
    if missing:
        outcome.message = "; ".join(
            f"an option runbook does not model is set: {n}" for n in missing
        )
    if "dns_records" in reader.result.details:  # the hand-off to DNS (DKIM), in export too
        outcome.details["dns_records"] = reader.result.details["dns_records"]
    outcome.duration_ms = round((time.perf_counter() - started) * 1000)
    result.steps.append(outcome)
    if not have:
        outcome.message = f"nothing set for {key!r}: not exported"
        return None
    return Entry(kind, key, have, missing)


def _write(
    request: ExportRequest, entries: list[Entry], result: RunResult, log: Any, below: list[str]
) -> None:
    """Write the runbook; a partial export (what runbook cannot express) exits 4 after it.
    `below`: the OUs under the exported one, whose own entries the file does not hold."""
    text = runbook_text(
        entries,
        name=request.name,
        description=request.description,
        console=request.console_block(),
        schema=schema_ref(request.output),
    )
    request.output.parent.mkdir(parents=True, exist_ok=True)
    request.output.write_text(text, encoding="utf-8")
    log.info("export.written", file=str(request.output), entries=len(entries))
    unit = request.console.org_unit
    result.summary = (
        f"Exported {len(entries)} entries of org unit {unit} to {request.output}; nothing was saved"
    )
    if below:
        names = ", ".join(below)
        result.notes.append(
            f"Only org unit {unit} was exported: the rules and settings of the org units "
            f"below it ({names}) are not in {request.output}; export each with --org-unit"
        )
    partial = partial_entries(entries)
    if partial:
        result.exit_code = ExitCode.CONSOLE_CHANGED
        names = ", ".join(repr(e.key) for e in partial)
        result.summary = f"Partial export to {request.output}: see its comments"
        result.error = (
            f"the export in {request.output} is partial: runbook cannot express every option "
            f"of {names} (see the comments in the file)"
        )
