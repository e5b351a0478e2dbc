"""report.html: one self-contained page (inline CSS and screenshots) a person can open."""

from __future__ import annotations

import base64
import html
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from runbook.errors import exit_meaning
from runbook.outputs.folder import RunFolder
from runbook.outputs.formatting import (
    MODE_LABELS,
    READ_ONLY_MODES,
    STATUS_HINTS,
    TONE_ICONS,
    action_label,
    attempt_line,
    format_duration,
    format_value,
    outcome,
    status_label,
    step_title,
    unsaved_label,
)
from runbook.results import Checkpoint, FieldChange, RunResult, StepResult
from runbook.secrets import Redactor

_IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


class _Html:
    """Builds the page; every piece of text goes through `esc`, which masks then escapes."""

    def __init__(self, redactor: Redactor) -> None:
        self.redactor = redactor

    def esc(self, value: Any) -> str:
        text = value if isinstance(value, str) else format_value(value)
        return html.escape(self.redactor.text(text), quote=True)


def render_html(result: RunResult, folder: RunFolder, redactor: Redactor | None = None) -> str:
    """The whole report page as one string (CSS and screenshots inline)."""
    h = _Html(redactor or Redactor())
    result = h.redactor.value(result)
    verdict, tone = outcome(result)
    title = f"{result.runbook} · {result.mode} · {verdict}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # the page may load nothing from anywhere: only its own inline style and data: images
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        f"<title>{h.esc(title)}</title>",
        f"<style>\n{_css()}</style>",
        "</head>",
        "<body>",
        _header(h, result, verdict, tone),
        _summary(h, result),
        _contents(h, result),
        "<main>",
        *(_step(h, result, step, folder) for step in result.steps),
        "</main>",
        _unmanaged(h, result),
        _footer(h, result, folder),
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _css() -> str:
    return resources.files("runbook.outputs").joinpath("templates/report.css").read_text("utf-8")


def browser_text(browser: dict[str, str]) -> str:
    """The browser a run used, in words: "Chromium 131.0, remote: ws://host:3000/"."""
    name = f"Chromium {browser['version']}" if browser.get("version") else "Chromium"
    if browser.get("endpoint"):
        return f"{name}, remote: {browser['endpoint']}"
    return f"{name}, local: {browser['executable']}" if browser.get("executable") else name


def _header(h: _Html, result: RunResult, verdict: str, tone: str) -> str:
    facts: list[tuple[str, str]] = [
        ("Mode", h.esc(MODE_LABELS.get(result.mode, result.mode))),
        ("Runbook file", f"<code>{h.esc(result.file)}</code>"),
        ("Console", f"<code>{h.esc(result.console)}</code>"),
        ("Locale", h.esc(result.locale)),
        ("Started", h.esc(_when(result.started_at))),
        ("Duration", h.esc(format_duration(result.duration_ms))),
        (
            "Exit code",
            f"<code>{result.exit_code}</code> — {h.esc(exit_meaning(result.exit_code))}",
        ),
    ]
    if result.browser:
        facts.append(("Browser", h.esc(browser_text(result.browser))))
    if result.run_dir:
        facts.append(("Run folder", f"<code>{h.esc(result.run_dir)}</code>"))
    if result.notes:
        facts.append(("Notes", "<br>".join(h.esc(note) for note in result.notes)))
    rows = "\n".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    error = (
        f'<div class="error"><strong>Error:</strong> <pre>{h.esc(result.error)}</pre></div>'
        if result.error
        else ""
    )
    return (
        f'<header class="run tone-{tone}">\n'
        f"<h1>{h.esc(result.runbook)}</h1>\n"
        f'<p class="outcome">{TONE_ICONS[tone]} {h.esc(verdict)}</p>\n'
        f'<dl class="facts">\n{rows}\n</dl>\n{error}\n</header>'
    )


def _when(started_at: str) -> str:
    """`2026-11-27 13:45:01 UTC` from an ISO timestamp (or the text itself if not one)."""
    try:
        moment = datetime.fromisoformat(started_at.replace("Z", "+00:00"))
    except ValueError:
        return started_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _badge(h: _Html, status: str) -> str:
    return f'<span class="badge status-{h.esc(status)}">{h.esc(status_label(status))}</span>'


def _summary(h: _Html, result: RunResult) -> str:
    counts = result.counts()
    if not counts:
        return '<section class="summary"><span class="note">No step ran.</span></section>'
    order = [
        "changed",
        "would_change",
        "waiting_dns",
        "drift",
        "ok",
        "failed",
        "skipped",
        "not_run",
    ]
    statuses = sorted(counts, key=lambda s: order.index(s) if s in order else len(order))
    badges = " ".join(f"{_badge(h, s)} × {counts[s]}" for s in statuses)
    return (
        f'<section class="summary"><strong>{len(result.steps)} step(s):</strong> {badges}</section>'
    )


def _contents(h: _Html, result: RunResult) -> str:
    if not result.steps:
        return ""
    items = "\n".join(
        f'<li>{_badge(h, s.status)} <a href="#step-{s.index}">{h.esc(step_title(s))}</a></li>'
        for s in result.steps
    )
    return f"<nav><ol>\n{items}\n</ol></nav>"


# Details naming a file of the run folder (a failed step's page): links beside the report.
FILE_DETAILS = ("page_html", "accessibility_tree")


def _detail(h: _Html, key: str, value: Any) -> str:
    if key in FILE_DETAILS:
        return f'<a href="{h.esc(value)}">{h.esc(value)}</a>'
    return h.esc(value)


def _action(action: str, mode: str) -> str:
    """`action: update` in apply mode; `would update` in drift and dry-run."""
    label = action_label(action, mode)
    return label if mode in READ_ONLY_MODES else f"action: {label}"


def _step(h: _Html, result: RunResult, step: StepResult, folder: RunFolder) -> str:
    meta = [
        f"<code>{h.esc(step.kind)}</code>",
        f"<strong>{h.esc(step.placed)}</strong>",
        h.esc(_action(step.action, result.mode)),
        h.esc(format_duration(step.duration_ms)),
    ]
    parts = [
        f'<section class="step status-{h.esc(step.status)}" id="step-{step.index}">',
        f"<h2>{_badge(h, step.status)} {h.esc(step_title(step))}</h2>",
        f'<p class="meta">{" · ".join(meta)}</p>',
        f'<p class="hint">{h.esc(STATUS_HINTS.get(step.status, ""))}</p>',
    ]
    if step.message:
        parts.append(f'<pre class="message">{h.esc(step.message)}</pre>')
    parts.append(_changes(h, result.mode, step))
    parts.append(_attempts(h, step))
    if step.details:
        rows = "\n".join(
            f"<tr><th>{h.esc(k)}</th><td class='value'>{_detail(h, k, v)}</td></tr>"
            for k, v in step.details.items()
        )
        parts.append(f'<h3>Details</h3>\n<table class="details">\n{rows}\n</table>')
    if step.checkpoints:
        shots = "\n".join(_shot(h, step, cp, folder) for cp in step.checkpoints)
        parts.append(f'<h3>Screenshots</h3>\n<div class="shots">\n{shots}\n</div>')
    parts.append("</section>")
    return "\n".join(parts)


def _changes(h: _Html, mode: str, step: StepResult) -> str:
    if not step.changes:
        if step.status in ("ok", "changed", "drift", "would_change"):
            return '<p class="note">Every field is as the runbook asks.</p>'
        return ""
    unsaved = unsaved_label(step)
    if mode == "drift":
        head = "<th>Field</th><th>Expected (runbook)</th><th>Live (console)</th><th>Note</th>"
    elif mode == "dry-run":
        head = "<th>Field</th><th>Now (console)</th><th>Would be (runbook)</th><th>Note</th>"
    elif unsaved:
        head = "<th>Field</th><th>Before (console)</th><th>Intended (runbook)</th><th>Note</th>"
    else:
        head = "<th>Field</th><th>Before (console)</th><th>After (runbook)</th><th>Note</th>"
    rows = "\n".join(_change_row(h, mode, c) for c in step.changes)
    title = "Differences" if mode == "drift" else "Changes"
    if unsaved:
        title = f"Changes — {h.esc(unsaved)}"
    css = "changes unsaved" if unsaved else "changes"
    heading = '<h3 class="unsaved">' if unsaved else "<h3>"
    return (
        f"{heading}{title}</h3>\n<table class='{css}'>\n<thead><tr>{head}</tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>"
    )


def _attempts(h: _Html, step: StepResult) -> str:
    """A retried step: one line per attempt, how it ended, links to its screenshots."""
    if not step.attempts:
        return ""
    items = []
    for attempt in step.attempts:
        shots = ", ".join(
            f'<a href="{h.esc(cp.path)}">{h.esc(cp.name)}</a>' for cp in attempt.checkpoints
        )
        line = h.esc(attempt_line(attempt, len(step.attempts)))
        items.append(
            f'<li class="status-{h.esc(attempt.outcome)}">{line}'
            + (f' <span class="shots-links">· screenshots: {shots}</span>' if shots else "")
            + "</li>"
        )
    return f'<h3>Attempts</h3>\n<ol class="attempts">\n{chr(10).join(items)}\n</ol>'


def _change_row(h: _Html, mode: str, change: FieldChange) -> str:
    first, second = (
        (change.after, change.before) if mode == "drift" else (change.before, change.after)
    )
    note = f"ignored: {h.esc(change.ignored)}" if change.ignored else ""
    css = ' class="ignored"' if change.ignored else ""
    return (
        f"<tr{css}><td><code>{h.esc(change.field)}</code></td>"
        f'<td class="value">{h.esc(first)}</td><td class="value">{h.esc(second)}</td>'
        f"<td>{note}</td></tr>"
    )


def _shot(h: _Html, step: StepResult, checkpoint: Checkpoint, folder: RunFolder) -> str:
    path = folder.path / checkpoint.path
    label = f"{step.name} — {checkpoint.name}"
    caption = f'{h.esc(checkpoint.name)} · <a href="{h.esc(checkpoint.path)}">file</a>'
    mime = _IMAGE_TYPES.get(path.suffix.lower())
    try:
        data = path.read_bytes() if mime else b""
    except OSError:
        data = b""
    if not data or mime is None:
        return (
            f'<figure class="shot"><p class="note">Screenshot not found: '
            f"<code>{h.esc(checkpoint.path)}</code></p>"
            f"<figcaption>{h.esc(checkpoint.name)}</figcaption></figure>"
        )
    uri = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return (
        f'<figure class="shot"><label title="Click to enlarge">'
        f'<input type="checkbox" class="zoom"><img src="{uri}" alt="{h.esc(label)}"></label>'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def _unmanaged(h: _Html, result: RunResult) -> str:
    if not result.unmanaged:
        return ""
    blocks = []
    for kind, names in result.unmanaged.items():
        items = "".join(f"<li>{h.esc(n)}</li>" for n in names) or "<li class='note'>none</li>"
        blocks.append(f"<h3>{h.esc(kind)}</h3><ul>{items}</ul>")
    return (
        '<section class="step"><h2>Unmanaged entries</h2>'
        '<p class="hint">In the console but named by no step: never changed, not drift.</p>'
        f"{''.join(blocks)}</section>"
    )


def _footer(h: _Html, result: RunResult, folder: RunFolder) -> str:
    files = ['<a href="report.json">report.json</a>']
    if folder.run_log.exists():
        files.append('<a href="run.jsonl">run.jsonl</a> (structured log)')
    trace = _trace_link(result, folder)
    if trace:
        files.append(
            f'<a href="{h.esc(trace)}">{h.esc(trace)}</a> (Playwright trace: open with '
            f"<code>playwright show-trace {h.esc(trace)}</code>)"
        )
    videos = sorted(folder.path.rglob("*.webm")) if folder.path.is_dir() else []
    for video in videos:
        rel = folder.relative(video)
        files.append(f'<a href="{h.esc(rel)}">{h.esc(rel)}</a> (video)')
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return (
        f"<footer><p>In this run folder: {' · '.join(files)}</p>"
        f"<p>Generated by runbook on {h.esc(generated)}. "
        "Links are relative: keep this page in its run folder.</p></footer>"
    )


def _trace_link(result: RunResult, folder: RunFolder) -> str:
    if result.trace:
        return folder.relative(Path(result.trace))
    if folder.trace.exists():
        return folder.relative(folder.trace)
    return ""
