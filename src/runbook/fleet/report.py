"""The fleet's report.html: a grid of tenants × steps coloured by status, each cell a link to
that tenant's own report."""

from __future__ import annotations

import html
import os
from pathlib import Path

from runbook.errors import exit_meaning
from runbook.fleet.outcome import FleetRun, TenantOutcome
from runbook.outputs.formatting import format_duration, status_label

_COLOURS = {
    "ok": "#d7f5dd",
    "changed": "#cfe3ff",
    "would_change": "#e6dcff",
    "drift": "#fff0c2",
    "failed": "#ffd6d6",
    "skipped": "#eeeeee",
    "not_run": "#eeeeee",
    "interrupted": "#ffe2c7",
    "waiting_dns": "#fff0c2",
}
_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}"
    "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.35rem .6rem;"
    "text-align:left;vertical-align:top}td a{color:inherit;display:block}"
    ".error{background:#ffd6d6}.cause{color:#a40e26;font-size:.9em}"
    ".legend span{padding:.1rem .5rem;margin-right:.4rem}"
)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def step_columns(fleet: FleetRun) -> list[str]:
    """The steps, in runbook order, of the tenants that reached them."""
    columns: list[str] = []
    for o in fleet.outcomes:
        for step in o.steps:
            title = f"{step.get('index')}. {step.get('name')}"
            if title not in columns:
                columns.append(title)
    return columns


def _link(o: TenantOutcome, fleet: FleetRun) -> str:
    return Path(os.path.relpath(o.report, fleet.folder)).as_posix() if o.report else ""


def _row(o: TenantOutcome, fleet: FleetRun, columns: list[str]) -> str:
    href = _e(_link(o, fleet))
    if not o.started:  # nothing of it to link to
        return (
            f"<tr><th>{_e(o.tenant.name)}</th><td>{_e(o.status)}</td>"
            f'<td class="error" colspan="{max(1, len(columns))}">{_e(o.error)}</td></tr>'
        )
    cause = f'<br><span class="cause">{_e(o.cause)}</span>' if o.cause and o.steps else ""
    head = (
        f'<th><a href="{href}">{_e(o.tenant.name)}</a></th>'
        f"<td>{_e(o.status)} (exit {o.exit_code})<br><small>"
        f"{_e(format_duration(o.duration_ms))}</small>{cause}</td>"
    )
    by_title = {f"{s.get('index')}. {s.get('name')}": s for s in o.steps}
    if not by_title:
        return (
            f'<tr>{head}<td class="error" colspan="{max(1, len(columns))}">'
            f'<a href="{href}">{_e(o.cause or o.error or exit_meaning(o.exit_code))}</a></td></tr>'
        )
    cells = []
    for title in columns:
        step = by_title.get(title)
        status = str(step.get("status")) if step else "not_run"
        cells.append(
            f'<td style="background:{_COLOURS.get(status, "#fff")}" title="{_e(title)}">'
            f'<a href="{href}">{_e(status_label(status))}</a></td>'
        )
    return f"<tr>{head}{''.join(cells)}</tr>"


def render_fleet_html(fleet: FleetRun) -> str:
    """The whole page (self-contained; links to the tenants' reports are relative)."""
    columns = step_columns(fleet)
    header = "".join(f"<th>{_e(c)}</th>" for c in columns) or "<th>steps</th>"
    rows = "".join(_row(o, fleet, columns) for o in fleet.outcomes)
    counts = ", ".join(f"{n} {s}" for s, n in sorted(fleet.counts().items()))
    legend = "".join(
        f'<span style="background:{c}">{_e(status_label(s))}</span>' for s, c in _COLOURS.items()
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{_e(fleet.runbook)} · {_e(fleet.mode)} · fleet</title>"
        f"<style>{_STYLE}</style></head><body>"
        f"<h1>{_e(fleet.runbook)} · {_e(fleet.mode)} over {len(fleet.outcomes)} tenants</h1>"
        f"<p>Exit code {fleet.exit_code} ({_e(exit_meaning(fleet.exit_code))}) · {_e(counts)} · "
        f"{_e(format_duration(fleet.duration_ms))} · {fleet.workers} workers · started "
        f"{_e(fleet.started_at)}</p>"
        f"<table><thead><tr><th>tenant</th><th>result</th>{header}</tr></thead>"
        f"<tbody>{rows}</tbody></table><p class='legend'>{legend}</p></body></html>"
    )


def write_fleet_report(fleet: FleetRun) -> Path:
    """Write `report.html` and `report.json` in the fleet folder; the HTML's path."""
    import json

    path = fleet.folder / "report.html"
    path.write_text(render_fleet_html(fleet), encoding="utf-8")
    (fleet.folder / "report.json").write_text(
        json.dumps(fleet.as_dict(), indent=2, default=str), encoding="utf-8"
    )
    return path
