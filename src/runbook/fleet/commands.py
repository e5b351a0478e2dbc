"""What `plan`, `export` and `probe` run for one tenant of a fleet (`TenantJob.runner`s)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from runbook import defaults
from runbook.engine.options import RunOptions
from runbook.errors import UsageError
from runbook.fleet.pool import TenantJob
from runbook.fleet.tenants import Tenant

# The `module:function` of each runner, as `fleet_command(..., runner=...)` takes it.
PLAN = "runbook.fleet.commands:plan"
EXPORT = "runbook.fleet.commands:export"
PROBE = "runbook.fleet.commands:probe"
APPLY = "runbook.fleet.commands:apply"


def _output(job: TenantJob, name: str) -> Path | None:
    """The tenant's output file `name` (its directory made), None when not asked for."""
    value = job.params.get(name)
    if value is None:
        return None
    path = Path(value)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def plan(job: TenantJob, book: Any, options: RunOptions) -> int:
    """Plan the runbook on the tenant's console; its plan file `<dir>/<tenant>.json`."""
    from runbook.engine.plan_runs import plan_runbooks

    output = _output(job, "output")
    assert output is not None and job.file is not None
    return plan_runbooks([(book, Path(job.file))], options, job.variables, output)


def check_tenant_plan(tenant: Tenant, path: str) -> Any:
    """The tenant's saved plan, ready to apply: there, its runbooks and secrets unchanged,
    made for this tenant's console (`UsageError`, `StalePlan` otherwise); before any browser."""
    from runbook.engine.plan_runs import ready_plan

    if not Path(path).is_file():
        raise UsageError(f"no plan for tenant {tenant.name}: {path} is missing")
    ready = ready_plan(Path(path))
    for entry, _ in ready:
        if entry["console"] != tenant.console:
            raise UsageError(
                f"{path} was made for {entry['console']}, not for tenant {tenant.name}'s "
                f"console {tenant.console}"
            )
        if tenant.org_unit and entry.get("org_unit") != tenant.org_unit:
            raise UsageError(
                f"{path} was made for org unit {entry.get('org_unit')}, not for tenant "
                f"{tenant.name}'s org unit {tenant.org_unit}; make a new plan"
            )
    return ready


def apply(job: TenantJob, book: Any, options: RunOptions) -> int:
    """Apply the tenant's saved plan `<dir>/<tenant>.json` to its console."""
    from runbook.engine.plan_runs import apply_plan

    ready = check_tenant_plan(job.tenant, job.params["plan"])
    return apply_plan(ready, lambda entry: replace(options, locale=entry["locale"]))


def export(job: TenantJob, book: Any, options: RunOptions) -> int:
    """Export the tenant's console as a runbook, `<dir>/<tenant>.yaml` (its URL, locale and
    org unit: the tenant's, else the command's)."""
    from runbook.engine.export import ExportRequest, export_work
    from runbook.engine.runner import execute
    from runbook.file import ConsoleSettings

    output = _output(job, "output")
    assert output is not None
    unit = job.tenant.org_unit or job.params["org_unit"]
    request = ExportRequest(
        kinds=tuple(job.params["kinds"]),
        output=output,
        console=ConsoleSettings(
            url=job.tenant.console, locale=options.locale or defaults.LOCALE, org_unit=unit
        ),
        match=job.params.get("match"),
    )
    return execute(request.book(), output, options, export_work(request))


def probe(job: TenantJob, book: Any, options: RunOptions) -> int:
    """Probe the tenant's console; its report in its run folder's `report.json` (`probe`,
    and `error` naming what is missing), its labels file and bundle when asked for."""
    from runbook.engine.probing import probe_and_write, probe_document, summary
    from runbook.outputs.documents import dumps

    labels_out, bundle = _output(job, "write_labels"), _output(job, "bundle")
    books = [book] if book is not None else []
    report = probe_and_write(books, options, bundle=bundle, labels_out=labels_out)
    print(summary(report, written=_shown(labels_out), bundle=_shown(bundle)))
    document = probe_document(report)
    Path(str(options.run_dir), "report.json").write_text(dumps(document), encoding="utf-8")
    return int(document["exit_code"])


def _shown(path: Path | None) -> str | None:
    return str(path) if path is not None else None
