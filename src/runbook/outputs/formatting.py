"""Words and value formats shared by every rendering of a run (terminal, HTML, Markdown, JUnit)."""

from __future__ import annotations

import json
from typing import Any

from runbook.errors import ExitCode, exit_meaning
from runbook.results import Attempt, FieldChange, RunResult, StepResult

STATUS_LABELS: dict[str, str] = {
    "ok": "ok",
    "changed": "changed",
    "would_change": "would change",
    "drift": "drift",
    "failed": "failed",
    "skipped": "skipped",
    "not_run": "not run",
    "interrupted": "interrupted",
    "waiting_dns": "waiting for DNS",
}

STATUS_HINTS: dict[str, str] = {
    "ok": "already as the runbook asks; nothing to do",
    "changed": "the console was changed to match the runbook",
    "would_change": "dry-run: this change was prepared but not saved",
    "drift": "the console differs from the runbook",
    "failed": "the step failed",
    "skipped": "skipped",
    "not_run": "not run: an earlier step failed",
    "interrupted": "interrupted while in progress: it may have saved; run again to compare",
    "waiting_dns": "done up to what DNS must serve first: publish its records, then run again",
}

MODE_LABELS: dict[str, str] = {
    "apply": "apply",
    "dry-run": "dry-run (nothing saved)",
    "drift": "drift check (read-only)",
}

ACTION_LABELS: dict[str, str] = {
    "create": "create",
    "update": "update",
    "delete": "delete",
    "none": "no action",
}

WOULD_LABELS: dict[str, str] = {
    "create": "would create",
    "update": "would update",
    "delete": "would delete",
}

READ_ONLY_MODES = ("drift", "dry-run")

TONE_ICONS = {"good": "✔", "warn": "▲", "bad": "✘"}  # of a verdict's tone

# A failed write's changes, as tables title them: what it meant to write, not what it did.
UNSAVED_LABELS = {
    "not_saved": "intended, not saved",
    "unconfirmed": "intended, not confirmed saved (a save was sent before the step failed: "
    "compare with the console)",
}

ABSENT = "(absent)"


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def action_label(action: str, mode: str) -> str:
    """The step's action as this mode does it: `update`, or `would update` when read-only."""
    if mode in READ_ONLY_MODES and action in WOULD_LABELS:
        return WOULD_LABELS[action]
    return ACTION_LABELS.get(action, action)


def step_status(step: StepResult) -> str:
    """The status shown in tables: `drift: would create`, `would update`, `changed`..."""
    label = status_label(step.status)
    would = WOULD_LABELS.get(step.action) if step.status in ("drift", "would_change") else None
    if would is None:
        return label
    return f"{label}: {would}" if step.status == "drift" else would


def drift_message(step: StepResult) -> str:
    """One line saying how a drifted step differs: missing, extra, or which fields."""
    if step.action == "create":
        return "missing from the console (would create)"
    if step.action == "delete":
        return "in the console although the runbook removes it (would delete)"
    counted = sum(1 for c in step.changes if not c.ignored)
    would = f" ({WOULD_LABELS['update']})" if step.action == "update" else ""
    return f"{counted} field(s) differ from the runbook{would}"


def outcome(result: RunResult) -> tuple[str, str]:
    """A one-line verdict for the run, and its tone: "good", "warn" or "bad"."""
    counts = result.counts()
    code = result.exit_code
    if result.summary and code in (ExitCode.OK, ExitCode.CONSOLE_CHANGED):
        return result.summary, "good" if code == ExitCode.OK else "bad"
    if code == ExitCode.DRIFT and result.mode == "dry-run":  # a saved plan with changes
        n = counts.get("would_change", 0)
        return f"Plan: {n} step(s) would change, nothing was saved", "warn"
    if code == ExitCode.OK:
        if result.mode == "drift":
            ignored = sum(1 for s in result.steps for c in s.changes if c.ignored)
            extra = f" ({ignored} acknowledged difference(s) ignored)" if ignored else ""
            return f"In sync: the console matches the runbook{extra}", "good"
        if result.mode == "dry-run":
            n = counts.get("would_change", 0) + counts.get("changed", 0)
            return f"Plan: {n} step(s) would change, nothing was saved", "good"
        waiting = counts.get("waiting_dns", 0)
        applied = (
            f"Applied: {counts.get('changed', 0)} changed, {counts.get('ok', 0)} already as asked"
        )
        if waiting:
            return f"{applied}, {waiting} waiting for DNS (publish dns_records)", "warn"
        return applied, "good"
    if code == ExitCode.DRIFT:
        return f"Drift detected in {counts.get('drift', 0)} step(s)", "warn"
    if code == ExitCode.SIGN_IN_REQUIRED:
        return "Sign-in needed (the session ended, or none): run `runbook login`", "warn"
    if code in (ExitCode.INTERRUPTED, ExitCode.TERMINATED):
        return f"Interrupted after {len(result.steps)} step(s): run again to compare", "bad"
    if code == ExitCode.CONSOLE_CHANGED:
        return "The console UI changed: a page did not look as expected", "bad"
    failed = [s for s in result.steps if s.status == "failed"]
    if failed:
        return f"Failed at step {failed[0].index}: {failed[0].name}", "bad"
    return f"Failed (exit {code}): {exit_meaning(code)}", "bad"


def format_value(value: Any) -> str:
    """A field value as a person reads it: YAML-like scalars, compact JSON for the rest."""
    if value is None:
        return ABSENT
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value if value else '""'
    if isinstance(value, int | float):
        return str(value)
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=False, default=str)
    except (TypeError, ValueError):
        return str(value)


def format_duration(ms: int) -> str:
    """`850 ms`, `12.3 s`, `2 min 05 s`."""
    if ms < 1000:
        return f"{ms} ms"
    seconds = ms / 1000
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"


def value_headings(mode: str) -> tuple[str, str]:
    """Column titles for a change's (before, after) in this mode."""
    if mode == "drift":
        return "Live (console)", "Expected (runbook)"
    if mode == "dry-run":
        return "Now (console)", "Would be (runbook)"
    return "Before (console)", "After (runbook)"


def change_line(change: FieldChange, mode: str) -> str:
    """One change as a line of text: `port: 25 → 2525` or `port: expected 2525, live 25`."""
    before, after = format_value(change.before), format_value(change.after)
    text = (
        f"{change.field}: expected {after}, live {before}"
        if mode == "drift"
        else f"{change.field}: {before} → {after}"
    )
    if change.ignored:
        text += f" (ignored: {change.ignored})"
    return text


def unsaved_label(step: StepResult) -> str:
    """`intended, not saved` for a failed write's changes ("" when they are not that)."""
    if not step.changes_not_saved or step.changes_state is None:
        return ""
    return UNSAVED_LABELS[step.changes_state]


def attempt_line(attempt: Attempt, of: int) -> str:
    """`Attempt 1 of 3: failed — the console answered the save with an error (HTTP 500)`."""
    text = f"Attempt {attempt.n} of {of}: {status_label(attempt.outcome)}"
    return f"{text} — {attempt.error}" if attempt.error else text


def step_title(step: StepResult) -> str:
    return f"{step.index}. {step.name}"


def publish_lines(result: RunResult) -> list[str]:
    """What the terminal says of the DNS records the run needs and DNS does not serve yet."""
    todo = [r for r in result.dns_records if r["status"] != "published"]
    if not todo:
        return []
    lines = ["DNS records to publish (also in report.json, dns_records):"]
    for record in todo:
        value = record["value"] or f"({record['note']})"
        keep = " (keep: the key in use)" if record["status"] == "keep" else ""
        lines.append(f"  {record['name']}  {record['type']}  {value}{keep}")
    return lines
