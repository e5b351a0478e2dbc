"""Outputs for CI systems: the GitHub step summary (Markdown) and JUnit XML."""

from __future__ import annotations

import html
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

from runbook.errors import exit_meaning
from runbook.outputs.formatting import (
    MODE_LABELS,
    change_line,
    drift_message,
    format_duration,
    format_value,
    outcome,
    status_label,
    step_status,
    unsaved_label,
)
from runbook.results import FieldChange, RunResult, StepResult
from runbook.secrets import Redactor

_TONE_ICONS = {"good": "✅", "warn": "⚠️", "bad": "❌"}
_HEADINGS = {"drift": "Drift check", "dry-run": "Dry-run", "apply": "Apply"}

# -- GitHub step summary ---------------------------------------------------------------------


def _cell(value: object, *, code: bool = False) -> str:
    """Text for one Markdown table cell: HTML-escaped, pipes and newlines neutralised."""
    text = value if isinstance(value, str) else format_value(value)
    text = html.escape(text, quote=False).replace("|", "&#124;").replace("\n", "<br>")
    return f"<code>{text}</code>" if code and text else text


def github_step_summary(result: RunResult, *, redactor: Redactor | None = None) -> str:
    """A Markdown summary: a heading with the outcome and a table of every step and field.

    Columns: step, resource, status, field, expected (runbook), live (console). In apply and
    dry-run modes, "live" is the value the console had before the run. Acknowledged drift is
    marked as ignored, with its reason.
    """
    result = (redactor or Redactor()).value(result)
    verdict, tone = outcome(result)
    heading = _HEADINGS.get(result.mode, result.mode)
    lines = [
        f"## {_TONE_ICONS[tone]} {heading}: {_cell(result.runbook)} — {_cell(verdict)}",
        "",
        f"Mode: {_cell(MODE_LABELS.get(result.mode, result.mode))} · "
        f"console {_cell(result.console, code=True)} · locale {_cell(result.locale)} · "
        f"{_cell(format_duration(result.duration_ms))} · exit code {result.exit_code} "
        f"({_cell(exit_meaning(result.exit_code))})",
        "",
    ]
    if result.error:
        lines += [f"> **Error:** {_cell(result.error)}", ""]
    if result.steps:
        lines += [
            "| Step | Resource | Status | Field | Expected (runbook) | Live (console) |",
            "|---|---|---|---|---|---|",
        ]
        for step in result.steps:
            lines += _step_rows(step)
        lines.append("")
    if result.unmanaged:
        lines.append("**Unmanaged entries** (not named by the runbook; never changed):")
        lines.append("")
        for kind, names in result.unmanaged.items():
            shown = ", ".join(_cell(n) for n in names) or "none"
            lines.append(f"- {_cell(kind)}: {shown}")
        lines.append("")
    if result.run_dir:
        lines += [f"Run folder: {_cell(result.run_dir, code=True)}", ""]
    return "\n".join(lines)


def _step_rows(step: StepResult) -> list[str]:
    title = _cell(f"{step.index}. {step.name}")
    resource = _cell(step.placed)
    if not step.changes:
        status = _cell(step_status(step))
        if step.status == "failed" and step.message:
            status += f": {_cell(step.message)}"
        return [f"| {title} | {resource} | {status} |  |  |  |"]
    rows = []
    unsaved = unsaved_label(step)
    shown = f"{step_status(step)}: {unsaved}" if unsaved else step_status(step)
    for change in step.changes:
        status = f"ignored: {_cell(change.ignored)}" if change.ignored else _cell(shown)
        rows.append(
            f"| {title} | {resource} | {status} | {_cell(change.field, code=True)} "
            f"| {_cell(change.after, code=True)} | {_cell(change.before, code=True)} |"
        )
    return rows


def append_github_step_summary(
    result: RunResult,
    *,
    redactor: Redactor | None = None,
    environ: Mapping[str, str] | None = None,
) -> Path | None:
    """Append the summary to the file named by `$GITHUB_STEP_SUMMARY`; return it, or None."""
    target = (os.environ if environ is None else environ).get("GITHUB_STEP_SUMMARY", "")
    if not target:
        return None
    path = Path(target)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(github_step_summary(result, redactor=redactor) + "\n")
    return path


# -- JUnit XML -------------------------------------------------------------------------------

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    """Text XML 1.0 can carry (control characters such as ANSI escapes removed)."""
    return _XML_INVALID.sub("", text)


def _diff_text(changes: list[FieldChange], mode: str) -> str:
    return "\n".join(change_line(c, mode) for c in changes)


def write_junit(result: RunResult, path: Path, *, redactor: Redactor | None = None) -> None:
    """JUnit XML for one run: see `junit_suite`."""
    write_junit_suites([junit_suite(result, redactor=redactor)], path)


def write_junit_suites(suites: list[ET.Element], path: Path) -> None:
    """One JUnit file: `<testsuites>` holding one `<testsuite>` per runbook, totals summed."""
    counts = {
        key: str(sum(int(s.get(key, "0")) for s in suites))
        for key in ("tests", "failures", "errors", "skipped")
    }
    total = sum(float(s.get("time", "0")) for s in suites)
    root = ET.Element("testsuites", {"name": "runbook", "time": f"{total:.3f}", **counts})
    root.extend(suites)
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def junit_suite(result: RunResult, *, redactor: Redactor | None = None) -> ET.Element:
    """JUnit XML: one testsuite (the runbook), one testcase per managed resource.

    drift → `<failure type="drift">` listing the field differences; failed → `<error>`;
    not run or skipped → `<skipped>`; acknowledged differences go to `<system-out>`. A run
    that ended in an error no step carries (e.g. sign-in required) adds one `<error>`
    testcase named "run", so CI never shows such a run as green.
    """
    result = (redactor or Redactor()).value(result)
    suite = ET.Element(
        "testsuite",
        name=_x(result.runbook),
        timestamp=_x(result.started_at),
        time=f"{result.duration_ms / 1000:.3f}",
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("file", result.file),
        ("mode", result.mode),
        ("console", result.console),
        ("locale", result.locale),
        ("exit_code", str(result.exit_code)),
        ("run_dir", result.run_dir),
    ):
        ET.SubElement(properties, "property", name=name, value=_x(value))
    failures = errors = skipped = 0
    for step in result.steps:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=_x(step.kind),
            name=_x(f"{step.index}. {step.name} [{step.placed}]"),
            time=f"{step.duration_ms / 1000:.3f}",
        )
        counted = [c for c in step.changes if not c.ignored]
        ignored = [c for c in step.changes if c.ignored]
        if step.status == "drift":
            failures += 1
            node = ET.SubElement(
                case,
                "failure",
                type="drift",
                message=_x(drift_message(step)),
            )
            node.text = _x(_diff_text(counted, result.mode))
        elif step.status == "failed":
            errors += 1
            node = ET.SubElement(
                case, "error", type="failed", message=_x(step.message or "step failed")
            )
            diff = _diff_text(counted, "")
            if diff and unsaved_label(step):
                diff = f"changes {unsaved_label(step)}:\n{diff}"
            node.text = _x("\n".join(filter(None, [step.message, diff])))
        elif step.status in ("not_run", "skipped"):
            skipped += 1
            ET.SubElement(case, "skipped", message=_x(status_label(step.status)))
        out = [f"status: {step_status(step)}"]
        if counted and step.status not in ("drift", "failed"):
            out.append(_diff_text(counted, result.mode))
        if ignored:
            out.append(_diff_text(ignored, result.mode))
        out += [f"checkpoint: {cp.path}" for cp in step.checkpoints]
        ET.SubElement(case, "system-out").text = _x("\n".join(out))
    tests = len(result.steps)
    if result.error and not any(s.status == "failed" for s in result.steps):
        tests += 1
        errors += 1
        case = ET.SubElement(suite, "testcase", classname="runbook", name="run", time="0.000")
        node = ET.SubElement(
            case, "error", type=f"exit-{result.exit_code}", message=_x(result.error)
        )
        node.text = _x(f"exit code {result.exit_code}: {exit_meaning(result.exit_code)}")
    counts = {
        "tests": str(tests),
        "failures": str(failures),
        "errors": str(errors),
        "skipped": str(skipped),
    }
    suite.attrib.update(counts)
    return suite
