"""One runbook over many tenants: check every tenant's runbook, run the pool, write outputs."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from runbook import defaults
from runbook.engine.options import RunOptions
from runbook.engine.preflight import check_browser_server as check_browser_server_of
from runbook.errors import BrowserUnreachable, InvalidRunbook, Problem
from runbook.fleet.outcome import FleetRun, TenantOutcome
from runbook.fleet.outputs import (
    LiveTable,
    append_step_summary,
    print_line,
    summary_text,
    write_fleet_junit,
)
from runbook.fleet.pool import DEFAULT_RUNNER, TenantJob, run_pool, tenant_book
from runbook.fleet.report import write_fleet_report
from runbook.fleet.tenants import Tenant
from runbook.outputs.folder import RunFolder
from runbook.results import Mode


def default_workers(tenants: int) -> int:
    """The number of cores this process may use, at most one per tenant (at least 1)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, tenants))


@dataclass(frozen=True)
class PerTenant:
    """A runner's output file per tenant: `<directory>/<tenant><suffix>`."""

    directory: str
    suffix: str

    def path(self, tenant: str) -> str:
        return str(Path(self.directory) / f"{tenant}{self.suffix}")


@dataclass(frozen=True)
class FleetOptions:
    """How to run the fleet: which runbook, in which mode, how many workers, what to write."""

    file: str | None  # None: a command without a runbook (export, probe of every page)
    mode: Mode  # the tenants' run mode (plan, export and probe read: drift)
    workers: int | None = None
    recordings: str = defaults.RECORDINGS
    as_json: bool = False
    junit: str | None = None
    interactive: bool = False  # a terminal: the live table, else JSON lines
    runner: str = DEFAULT_RUNNER  # what each tenant runs (see `TenantJob.runner`)
    params: dict[str, Any] = field(default_factory=dict)  # the runner's (PerTenant: resolved)
    label: str | None = None  # the command, when it is not the mode (`plan`, `export`)
    name: str = "console"  # the fleet folder's name without a runbook


def plan_jobs(
    tenants: Sequence[Tenant],
    fleet: FleetOptions,
    variables: dict[str, str],
    run_options: RunOptions,
    folder: Path,
) -> list[TenantJob]:
    """One job per tenant, each run folder `<fleet folder>/<tenant>/`."""
    return [
        TenantJob(
            tenant=t,
            file=fleet.file,
            mode=fleet.mode,
            run_dir=str(folder / t.name),
            variables={**variables, **t.vars},
            options=run_options,
            runner=fleet.runner,
            params={
                k: v.path(t.name) if isinstance(v, PerTenant) else v
                for k, v in fleet.params.items()
            },
        )
        for t in tenants
    ]


def check_jobs(jobs: Sequence[TenantJob]) -> Any:
    """Load the runbook as each tenant runs it, before any browser: every problem at once
    (`InvalidRunbook`, exit 65), or `UsageError` for a tenant var the runbook never uses.
    Returns the first tenant's runbook (for the fleet's name), None without one."""
    problems: list[Problem] = []
    books = []
    for job in jobs:
        try:
            books.append(tenant_book(job))
        except InvalidRunbook as exc:
            problems += [p for p in exc.problems if p not in problems]
    if problems:
        raise InvalidRunbook(problems)
    return books[0]


def check_browser_server(run_options: RunOptions) -> None:
    """With `--browser-endpoint`: the server answers, checked once here before any tenant
    starts (`BrowserUnreachable`, exit 1, naming the endpoint)."""
    try:
        check_browser_server_of(run_options)
    except BrowserUnreachable as exc:
        raise BrowserUnreachable(f"{exc}; no tenant was started") from None


def run_fleet(
    tenants: Sequence[Tenant],
    fleet: FleetOptions,
    variables: dict[str, str],
    run_options: RunOptions,
) -> FleetRun:
    """Run the runbook on every tenant (checked first), print as it goes, write the outputs."""
    root = Path(fleet.recordings)
    probe = plan_jobs(tenants, fleet, variables, run_options, root)
    book = check_jobs(probe)
    check_browser_server(run_options)
    name = book.name if book is not None else fleet.name
    folder = RunFolder.create(root, name, "fleet").path
    jobs = plan_jobs(tenants, fleet, variables, run_options, folder)
    workers = fleet.workers or default_workers(len(jobs))
    result = FleetRun(
        runbook=name,
        file=fleet.file or "",
        mode=fleet.label or fleet.mode,
        folder=folder,
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
        workers=workers,
    )
    started = time.perf_counter()
    _pool(jobs, workers, result, fleet)
    result.duration_ms = round((time.perf_counter() - started) * 1000)
    order = {t.name: i for i, t in enumerate(tenants)}
    result.outcomes.sort(key=lambda o: order[o.tenant.name])
    _write(result, fleet)
    return result


def _pool(jobs: list[TenantJob], workers: int, result: FleetRun, fleet: FleetOptions) -> None:
    begun: dict[str, float] = {}
    table = (
        LiveTable([j.tenant.name for j in jobs], {j.tenant.name: Path(j.run_dir) for j in jobs})
        if fleet.interactive
        else None
    )

    def started(job: TenantJob) -> None:
        begun[job.tenant.name] = time.perf_counter()
        if table is not None:
            table.started(job.tenant.name)

    def finished(job: TenantJob, code: int) -> None:
        began = begun.get(job.tenant.name)
        took = round((time.perf_counter() - began) * 1000) if began is not None else 0
        outcome = TenantOutcome.read(job.tenant, code, Path(job.run_dir), took)
        result.outcomes.append(outcome)
        if table is not None:
            table.finished(outcome)
        elif not fleet.as_json:
            print_line(outcome, sys.stdout)

    def skipped(job: TenantJob, code: int) -> None:
        outcome = TenantOutcome.not_started(job.tenant, code, Path(job.run_dir))
        result.outcomes.append(outcome)
        if table is not None:
            table.finished(outcome)
        elif not fleet.as_json:
            print_line(outcome, sys.stdout)

    def tick() -> None:
        if table is not None:
            table.refresh()

    def run() -> None:
        run_pool(jobs, workers, started=started, finished=finished, tick=tick, skipped=skipped)

    if table is None:
        run()
        return
    with table:
        run()


def _write(result: FleetRun, fleet: FleetOptions) -> None:
    write_fleet_report(result)
    if fleet.junit:
        write_fleet_junit(result, Path(fleet.junit))
    append_step_summary(result)
    if fleet.as_json:
        print(json.dumps(result.as_dict(), indent=2, default=str))
        print(summary_text(result), file=sys.stderr)
    else:
        print(summary_text(result), file=sys.stdout if fleet.interactive else sys.stderr)
