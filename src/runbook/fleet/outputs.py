"""What a fleet shows: a live table on a terminal, JSON lines when piped, the end summary,
the JUnit file (one suite per tenant) and the GitHub step summary."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from runbook.errors import exit_meaning
from runbook.fleet.outcome import FleetRun, TenantOutcome
from runbook.outputs.ci import write_junit_suites
from runbook.outputs.documents import document
from runbook.outputs.formatting import format_duration

_ICONS = {"ok": "✅", "drift": "⚠️", "not_started": "⏹️"}


def current_step(run_dir: Path) -> str:
    """`N. step name` of the last step a running tenant started (from its run.jsonl)."""
    try:
        lines = (run_dir / "run.jsonl").read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    for line in reversed(lines):
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if event.get("event") in ("step.started", "step.finished"):
            return f"{event.get('index', '?')}. {event.get('step', '')}"
    return ""


class LiveTable:
    """On a terminal: one row per tenant (tenant, state, step, result), redrawn as they go."""

    def __init__(self, names: list[str], run_dirs: Mapping[str, Path]) -> None:
        self.states = dict.fromkeys(names, "queued")
        self.results: dict[str, str] = {}
        self.run_dirs = run_dirs
        self._live: Any = None

    def __enter__(self) -> LiveTable:
        from rich.live import Live

        self._live = Live(self._table(), auto_refresh=False, transient=False)
        self._live.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.refresh()
        self._live.stop()

    def started(self, name: str) -> None:
        self.states[name] = "running"
        self.refresh()

    def finished(self, outcome: TenantOutcome) -> None:
        self.states[outcome.tenant.name] = "done"
        cause = f": {shorten(outcome.cause, 80)}" if outcome.cause else ""
        self.results[outcome.tenant.name] = f"{outcome.status} (exit {outcome.exit_code}){cause}"
        self.refresh()

    def refresh(self) -> None:
        self._live.update(self._table(), refresh=True)

    def _table(self) -> Any:
        from rich.table import Table

        table = Table("tenant", "state", "step", "result")
        for name, state in self.states.items():
            step = current_step(self.run_dirs[name]) if state == "running" else ""
            table.add_row(name, state, step, self.results.get(name, ""))
        return table


def print_line(outcome: TenantOutcome, stream: IO[str]) -> None:
    """One JSON line for a finished tenant (when the output is not a terminal)."""
    stream.write(json.dumps(document(**outcome.line())) + "\n")
    stream.flush()


def shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, an ellipsis saying so."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def summary_text(fleet: FleetRun) -> str:
    """The end summary: one line per tenant (its cause when it failed), the counts, the
    fleet's exit code and report."""
    width = max((len(o.tenant.name) for o in fleet.outcomes), default=6)
    lines = [f"{fleet.runbook} ({fleet.mode}) over {len(fleet.outcomes)} tenants:"]
    for o in fleet.outcomes:
        result = f"{o.status} (exit {o.exit_code})"
        cause = f"  {shorten(o.cause, 200)}" if o.cause else ""
        lines.append(
            f"  {o.tenant.name:<{width}}  {result:<28} {format_duration(o.duration_ms):>9}{cause}"
        )
    counts = ", ".join(f"{n} {s}" for s, n in sorted(fleet.counts().items()))
    lines.append(
        f"{counts} in {format_duration(fleet.duration_ms)} with {fleet.workers} workers; "
        f"exit {fleet.exit_code} ({exit_meaning(fleet.exit_code)})"
    )
    lines.append(f"Fleet report: {fleet.folder / 'report.html'}")
    return "\n".join(lines)


def write_fleet_junit(fleet: FleetRun, path: Path) -> None:
    """JUnit XML with one test suite per tenant (its drift suite, or one case for its run)."""
    suites = []
    for o in fleet.outcomes:
        suite = _tenant_suite(o)
        suite.set("name", f"{o.tenant.name}: {suite.get('name', fleet.runbook)}")
        suites.append(suite)
    write_junit_suites(suites, path)


def _tenant_suite(o: TenantOutcome) -> ET.Element:
    """The suite the engine wrote for the tenant's drift check, else one built from its run."""
    try:
        return ET.parse(o.run_dir / "junit.xml").getroot().find("testsuite")  # type: ignore[return-value]
    except (OSError, ET.ParseError):
        pass
    suite = ET.Element("testsuite", name="run", tests="1", time=f"{o.duration_ms / 1000:.3f}")
    case = ET.SubElement(suite, "testcase", classname="runbook", name="run")
    failed = o.exit_code not in (0, 2)
    suite.attrib.update(failures="0", errors=str(int(failed)), skipped="0")
    if failed:
        node = ET.SubElement(case, "error", type=f"exit-{o.exit_code}", message=o.cause or o.status)
        node.text = f"exit code {o.exit_code}: {exit_meaning(o.exit_code)}"
    return suite


def step_summary(fleet: FleetRun) -> str:
    """Markdown for `$GITHUB_STEP_SUMMARY`: the fleet's outcome and a row per tenant."""
    lines = [
        f"## {fleet.runbook} over {len(fleet.outcomes)} tenants ({fleet.mode}) — "
        f"exit {fleet.exit_code} ({exit_meaning(fleet.exit_code)})",
        "",
        "| tenant | result | exit code | duration | cause |",
        "|---|---|---|---|---|",
    ]
    for o in fleet.outcomes:
        icon = _ICONS.get(o.status, "❌")
        error = o.cause.replace("|", "&#124;")
        lines.append(
            f"| {o.tenant.name} | {icon} {o.status} | {o.exit_code} | "
            f"{format_duration(o.duration_ms)} | {error} |"
        )
    return "\n".join(lines) + "\n"


def append_step_summary(fleet: FleetRun, environ: Mapping[str, str] | None = None) -> None:
    """Append the fleet's summary to `$GITHUB_STEP_SUMMARY` when it is set."""
    target = (os.environ if environ is None else environ).get("GITHUB_STEP_SUMMARY", "")
    if target:
        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(step_summary(fleet))
