"""The console work of `runbook plan` (read, record) and `runbook apply PLAN` (check, then run)."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from runbook.console.guard import WriteGuard
from runbook.engine.loop import Scope, Work
from runbook.engine.options import RunOptions
from runbook.engine.plan import Plan
from runbook.engine.saved_plan import (
    PlanRecorder,
    Sealer,
    beside,
    check_file,
    check_places,
    check_secrets,
    fields_of,
    plan_document,
    plan_key,
    read_plan,
    sealed,
    stale_entries,
)
from runbook.errors import ExitCode, StalePlan, StepFailed, worst_exit_code
from runbook.file import Runbook
from runbook.results import RunResult


def plan_work(recorder: PlanRecorder) -> Work:
    """Read every step's entry (nothing filled, nothing written) and record its plan.

    The run is reported as a dry run is: `would create`, `would update`; exit 2 with changes.
    """

    def work(scope: Scope) -> None:
        scope.ctx.observe = recorder.observe
        try:
            scope.steps()
        finally:
            _as_dry_run(scope.result)

    return work


def _as_dry_run(result: RunResult) -> None:
    """A plan's result reads as a dry run's; exit 2 when it has changes (and no failure)."""
    result.mode = "dry-run"
    for step in result.steps:
        if step.status == "drift":
            step.status = "would_change"
    failed = any(s.status == "failed" for s in result.steps)
    if not (result.exit_code or failed) and any(s.action != "none" for s in result.steps):
        result.exit_code = ExitCode.DRIFT


def apply_work(entry: Mapping[str, Any], seal: Sealer) -> Work:
    """Read every planned entry again; stale: refuse before any write; else run the steps."""
    planned = {step["index"]: step for step in entry["steps"]}

    def work(scope: Scope) -> None:
        observed = _read_again(scope)
        problems = stale_entries(entry, observed, seal)
        if problems:
            raise StalePlan(
                "the plan is stale: " + "; ".join(problems) + ". Nothing was applied; "
                "make a new plan."
            )
        scope.ctx.observe = _as_planned(planned, seal)
        scope.steps()

    return work


def _read_again(scope: Scope) -> dict[int, Mapping[str, Any] | None]:
    """What the console holds now for each step's entry, read as drift reads it."""
    observed: dict[int, Mapping[str, Any] | None] = {}
    result = scope.result
    reading = replace(
        scope.ctx,
        guard=WriteGuard(read_only=True, mode="drift"),
        mode="drift",
        planned=defaultdict(set),
        known=defaultdict(set),
        observe=lambda index, have, plan: observed.__setitem__(index, have),
    )
    scratch = RunResult(
        runbook=result.runbook,
        file=result.file,
        mode="drift",
        console=result.console,
        locale=result.locale,
        started_at=result.started_at,
    )
    scope.steps(reading, scratch)
    failed = next((s for s in scratch.steps if s.status == "failed"), None)
    if failed is not None:
        error = StepFailed(f"reading {failed.resource!r} again failed: {failed.message}")
        codes = {int(c): c for c in ExitCode}
        error.exit_code = codes.get(scratch.exit_code, ExitCode.STEP_FAILED)
        raise error
    return observed


def _as_planned(planned: Mapping[int, Mapping[str, Any]], seal: Sealer) -> Any:
    """A check, as each step is about to act, that it does what the plan says and no more."""

    def check(index: int, have: Mapping[str, Any] | None, plan: Plan) -> None:
        record = planned.get(index)
        if record is None or record["action"] != plan.action:
            wanted = record["action"] if record else "nothing"
            raise StalePlan(
                f"the plan is stale: step {index} would {plan.action}, the plan says {wanted}"
            )
        if have is not None and seal(dict(have)) != record["before"]:
            raise StalePlan(f"the plan is stale: step {index}'s entry changed meanwhile")
        if seal(fields_of(have, plan)) != record["fields"]:
            raise StalePlan(
                f"the plan is stale: step {index} would not make the changes the plan shows"
            )

    return check


def plan_runbooks(
    runs: Sequence[tuple[Runbook, Path]],
    options: RunOptions,
    variables: dict[str, str],
    output: Path,
    *,
    quiet: bool = False,
) -> int:
    """Plan each runbook in turn (stopping at the first error) and, unless one failed, save
    the plan file at `output`; exit 0 (no change) or 2 (changes pending), else the error's.

    `quiet`: say where the plan went on stderr (stdout holds a `--json` document).
    """
    from runbook.engine.runner import execute

    key = plan_key()
    entries: list[dict[str, Any]] = []
    codes: list[int] = []
    for book, file in runs:
        recorder = PlanRecorder(book, file, variables, key)
        codes.append(execute(book, file, options, plan_work(recorder)))
        entries.append(recorder.entry(options.settle(book)))
        if codes[-1] not in (ExitCode.OK, ExitCode.DRIFT):
            break
    code = worst_exit_code(codes)
    if code in (ExitCode.OK, ExitCode.DRIFT):
        doc = sealed(plan_document([beside(entry, output) for entry in entries]), key)
        output.write_text(json.dumps(doc, indent=2, sort_keys=False) + "\n")
        where = sys.stderr if quiet else sys.stdout
        print(f"Plan saved to {output}: {doc['changes']} change(s)", file=where)
    return code


Ready = list[tuple[Mapping[str, Any], Runbook]]


def ready_plan(path: Path) -> Ready:
    """A saved plan's runbooks, each refused (stale) before any browser if its file or its
    secrets changed since the plan was made."""
    from runbook.file import load_runbook

    key = plan_key()
    doc = read_plan(path, key)
    ready: Ready = []
    for entry in doc["runbooks"]:
        check_file(entry)
        book = load_runbook(Path(entry["file"]), variables=dict(entry["vars"]))
        # Where the plan was made (a tenant's org unit over the runbook's): read and write there.
        book = book.at_org_unit(entry.get("org_unit"))
        check_secrets(entry, book, key)
        check_places(entry, book)
        ready.append((entry, book))
    return ready


def apply_plan(ready: Ready, options_for: Callable[[Mapping[str, Any]], RunOptions]) -> int:
    """Make exactly the planned changes, runbook by runbook (stopping at the first that does
    not succeed); the exit code."""
    from runbook.engine.runner import execute

    codes: list[int] = []
    for entry, book in ready:
        work = apply_work(entry, Sealer(book))
        codes.append(execute(book, Path(entry["file"]), options_for(entry), work))
        if codes[-1] != ExitCode.OK:
            break
    return worst_exit_code(codes)
